"""Formulas a learner types, read safely: ``x^3 - 2*sin(x)`` in, a small tree out.

The entry point
---------------
``parse(text, variables=("x",))`` returns an :data:`Expression` (a tree of the frozen dataclasses
:class:`Number`, :class:`Constant`, :class:`Variable`, :class:`Unary`, :class:`Binary`,
:class:`Call`) or raises :class:`ExpressionError` with a one-line message and the column (1-based)
of the problem. ``try_parse`` returns ``(expression, None)`` or ``(None, error)`` instead. Nothing
of the text is ever executed: no ``eval``, ``exec``, ``sympify``, ``parse_expr``, ``lambdify`` or
``numexpr``, and ``compile`` only inside ``ast.parse`` (an ast, never code). Every function here
answers within 100 ms for any text of at most ``MAX_LENGTH`` characters (worst measured ~30 ms,
with sympy's cache cold; the first sympy call of a process costs ~0.2 s once).

What a formula may contain
--------------------------
Numbers (decimal, ``2``, ``0.5``, ``1e-3``; finite in float64, at most ``MAX_NUMBER_CHARS``
characters), the declared variables, the constants ``pi`` and ``e``, ``+ - * /``, powers written
``^`` or ``**`` (right-associative, ``-x^2`` is ``-(x^2)``), unary minus and plus, parentheses and
the functions of :data:`FUNCTIONS` (``ln``, ``asin``, ``acos``, ``atan`` are other names of
``log``, ``arcsin``, ``arccos``, ``arctan``). Common typographic signs are read too: ``−`` (minus),
``×`` ``·`` (times), ``÷``, ``π``, ``²`` ``³``. Multiplication needs its ``*``: ``2x`` is refused
with "write 2*x".

How it is read (two walls)
--------------------------
1. A tokenizer of our own checks every character and the grammar (operand, operator, operand ...)
   with the bracket nesting, before Python sees anything: text longer than ``MAX_LENGTH``,
   brackets deeper than ``MAX_NESTING``, quotes, ``[``, ``.``-attributes, ``=``, ``:``, keywords,
   unknown names and dunders all stop here with a message pointing at their column.
2. What passes is rewritten into plain ASCII (``^`` -> ``**``, numbers as float literals) and
   read by ``ast.parse(mode="eval")``; the tree is at most ``MAX_DEPTH`` deep (checked without
   recursion) and is converted node by node against an allowlist (float constants, the names,
   ``+ - * / **``, unary ``-``/``+``, calls of table functions by name with positional arguments
   only). Any other node is refused. Python's ast nodes are not kept: the result is our own tree.

No exception but :class:`ExpressionError` leaves ``parse`` for any text (``ValueError`` only
when ``variables`` itself is malformed, a programming error).

What a tree does
----------------
- :func:`evaluate` -- float64, vectorised, under ``np.errstate(all="ignore")``: NaN or ±inf where
  the formula is undefined or overflows (``9^9^9`` is ``inf``; nothing is a Python integer);
- :func:`to_text` -- the canonical text (``^`` for powers, ``*`` always, fewest brackets), which
  parses back to the same tree: what the learner is shown as "understood as";
- :func:`to_sympy` / :func:`latex` -- a sympy expression built with sympy's constructors (real
  symbols), and its LaTeX; constant parts too large for exact arithmetic become floats;
- :func:`derivative` -- d/dvar as another tree (our own rules, lightly simplified), evaluable;
  :func:`symbolic_derivative` -- ``sympy.diff`` of :func:`to_sympy` (our rules, in sympy, for
  trees with ``abs``, ``sign``, ``step``, ``relu``);
- :func:`evaluate_dual` -- forward-mode automatic differentiation (dual numbers): the values and
  the derivative arrays in one pass;
- :func:`taylor` -- Taylor coefficients around a point by truncated power series carried
  through the tree (Taylor-mode automatic differentiation), degree up to ``MAX_DEGREE``;
- :func:`variables_of` -- the variables a tree uses; :func:`size` -- its node count.

Conventions at the edges: ``abs'``, ``relu'``, ``sign'`` and ``step'`` are taken as
``sign``, ``step`` (with ``step(0) = 1/2``, like sympy's ``Heaviside``), 0 and 0: right
everywhere but at the kink or jump, which a page must detect and name itself.
"""

from __future__ import annotations

import ast
import difflib
import keyword
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import sympy

BINARY_OPS = ("+", "-", "*", "/", "^")
MAX_LENGTH = 200  # characters of typed text
MAX_NESTING = 20  # brackets inside brackets
MAX_DEPTH = 64  # levels of the tree (a sum of n terms is n levels)
MAX_NUMBER_CHARS = 30  # characters of one number literal
EXACT_LIMIT = 1e300  # constants beyond this magnitude are floats in sympy, not exact numbers
EXACT_EXPONENT = 1000  # constant powers with a larger exponent are floats in sympy
EXACT_BITS = 1100  # exact rationals with a longer numerator or denominator become floats
SYMBOLIC_SIZE = 1000  # nodes (written out) of a derivative that sympy is asked to find and print


# --------------------------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A finite float64 literal (non-negative when it comes from :func:`parse`)."""

    value: float

    def __post_init__(self) -> None:
        value = float(self.value)
        if not math.isfinite(value):
            raise ValueError(f"a Number is finite, not {value}")
        object.__setattr__(self, "value", value)


@dataclass(frozen=True)
class Constant:
    """A named constant: ``pi`` or ``e``."""

    name: str


@dataclass(frozen=True)
class Variable:
    """One of the declared variables."""

    name: str


@dataclass(frozen=True)
class Unary:
    """``-operand`` (unary plus is dropped when parsing, so ``op`` is always ``-``)."""

    op: str
    operand: Expression

    def __post_init__(self) -> None:
        if self.op != "-":
            raise ValueError(f"unknown unary operator {self.op!r}")


@dataclass(frozen=True)
class Binary:
    """``left op right`` with ``op`` one of ``+ - * / ^``."""

    op: str
    left: Expression
    right: Expression

    def __post_init__(self) -> None:
        if self.op not in BINARY_OPS:
            raise ValueError(f"unknown binary operator {self.op!r}")


@dataclass(frozen=True)
class Call:
    """A function of :data:`FUNCTIONS`, by its canonical name, applied to its arguments."""

    name: str
    args: tuple[Expression, ...]

    def __post_init__(self) -> None:
        function = FUNCTIONS.get(self.name)
        if function is None or len(self.args) != function.arity:
            raise ValueError(f"not a function of the table with its arguments: {self.name!r}")


Expression = Number | Constant | Variable | Unary | Binary | Call
NODE_TYPES = (Number, Constant, Variable, Unary, Binary, Call)


class ExpressionError(ValueError):
    """A typed formula that cannot be read: ``message`` (one line) and ``column`` (1-based, or
    None when the problem is the whole text). ``str(error)`` is the message with the column."""

    def __init__(self, message: str, column: int | None = None) -> None:
        self.message = message
        self.column = column
        super().__init__(message if column is None else f"{message} (column {column})")


# --------------------------------------------------------------------------------------------
# The functions and constants
# --------------------------------------------------------------------------------------------


def _call(name: str, *args: Expression) -> Call:
    return Call(name, tuple(args))


def _sigmoid(u: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * u))  # never overflows, unlike 1/(1+exp(-u))


def _step(u: np.ndarray) -> np.ndarray:
    return np.heaviside(u, 0.5)


@dataclass(frozen=True)
class Function:
    """One entry of the function table.

    ``numpy`` evaluates it on float64 arrays; ``sympy`` builds it from a sympy argument;
    ``slope`` is its derivative evaluated at the argument's values (for dual numbers);
    ``slope_tree`` is its derivative as a tree of the argument (for :func:`derivative`).
    """

    name: str
    meaning: str
    numpy: Callable[[np.ndarray], np.ndarray]
    sympy: Callable[[sympy.Expr], sympy.Expr]
    slope: Callable[[np.ndarray], np.ndarray]
    slope_tree: Callable[[Expression], Expression]
    arity: int = 1
    aliases: tuple[str, ...] = ()


def _one_over(denominator: Expression) -> Expression:
    return Binary("/", Number(1.0), denominator)


def _square(u: Expression) -> Expression:
    return Binary("^", u, Number(2.0))


FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (
        Function("sin", "sine (radians)", np.sin, sympy.sin, np.cos, lambda u: _call("cos", u)),
        Function(
            "cos",
            "cosine (radians)",
            np.cos,
            sympy.cos,
            lambda u: -np.sin(u),
            lambda u: Unary("-", _call("sin", u)),
        ),
        Function(
            "tan",
            "tangent (radians)",
            np.tan,
            sympy.tan,
            lambda u: 1.0 + np.tan(u) ** 2,
            lambda u: Binary("+", Number(1.0), _square(_call("tan", u))),
        ),
        Function("exp", "e to the power", np.exp, sympy.exp, np.exp, lambda u: _call("exp", u)),
        Function(
            "log",
            "natural logarithm",
            np.log,
            sympy.log,
            lambda u: 1.0 / u,
            _one_over,
            aliases=("ln",),
        ),
        Function(
            "log10",
            "logarithm base 10",
            np.log10,
            lambda u: sympy.log(u, 10),
            lambda u: 1.0 / (u * math.log(10.0)),
            lambda u: _one_over(Binary("*", u, _call("log", Number(10.0)))),
        ),
        Function(
            "log2",
            "logarithm base 2",
            np.log2,
            lambda u: sympy.log(u, 2),
            lambda u: 1.0 / (u * math.log(2.0)),
            lambda u: _one_over(Binary("*", u, _call("log", Number(2.0)))),
        ),
        Function(
            "sqrt",
            "square root",
            np.sqrt,
            sympy.sqrt,
            lambda u: 0.5 / np.sqrt(u),
            lambda u: Binary("/", Number(0.5), _call("sqrt", u)),
        ),
        Function(
            "abs", "absolute value |u|", np.abs, sympy.Abs, np.sign, lambda u: _call("sign", u)
        ),
        Function(
            "sign",
            "sign: -1, 0 or 1",
            np.sign,
            sympy.sign,
            np.zeros_like,
            lambda u: Number(0.0),
        ),
        Function(
            "step",
            "unit step (Heaviside), 1/2 at 0",
            _step,
            sympy.Heaviside,
            np.zeros_like,
            lambda u: Number(0.0),
            aliases=("heaviside",),
        ),
        Function(
            "relu",
            "rectified linear unit max(u, 0)",
            lambda u: np.maximum(u, 0.0),
            lambda u: sympy.Max(u, sympy.Integer(0)),
            _step,
            lambda u: _call("step", u),
        ),
        Function(
            "sigmoid",
            "logistic sigmoid 1/(1 + e^-u)",
            _sigmoid,
            lambda u: sympy.Pow(
                sympy.Add(sympy.Integer(1), sympy.exp(sympy.Mul(sympy.Integer(-1), u))),
                sympy.Integer(-1),
            ),
            lambda u: _sigmoid(u) * (1.0 - _sigmoid(u)),
            lambda u: Binary(
                "*", _call("sigmoid", u), Binary("-", Number(1.0), _call("sigmoid", u))
            ),
        ),
        Function(
            "tanh",
            "hyperbolic tangent",
            np.tanh,
            sympy.tanh,
            lambda u: 1.0 - np.tanh(u) ** 2,
            lambda u: Binary("-", Number(1.0), _square(_call("tanh", u))),
        ),
        Function(
            "sinh", "hyperbolic sine", np.sinh, sympy.sinh, np.cosh, lambda u: _call("cosh", u)
        ),
        Function(
            "cosh", "hyperbolic cosine", np.cosh, sympy.cosh, np.sinh, lambda u: _call("sinh", u)
        ),
        Function(
            "arcsin",
            "inverse sine",
            np.arcsin,
            sympy.asin,
            lambda u: 1.0 / np.sqrt(1.0 - u * u),
            lambda u: _one_over(_call("sqrt", Binary("-", Number(1.0), _square(u)))),
            aliases=("asin",),
        ),
        Function(
            "arccos",
            "inverse cosine",
            np.arccos,
            sympy.acos,
            lambda u: -1.0 / np.sqrt(1.0 - u * u),
            lambda u: Unary("-", _one_over(_call("sqrt", Binary("-", Number(1.0), _square(u))))),
            aliases=("acos",),
        ),
        Function(
            "arctan",
            "inverse tangent",
            np.arctan,
            sympy.atan,
            lambda u: 1.0 / (1.0 + u * u),
            lambda u: _one_over(Binary("+", Number(1.0), _square(u))),
            aliases=("atan",),
        ),
    )
}

FUNCTION_NAMES: dict[str, str] = {
    **{name: name for name in FUNCTIONS},
    **{alias: f.name for f in FUNCTIONS.values() for alias in f.aliases},
}  # every accepted name -> its canonical name

CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e}
_SYMPY_CONSTANTS = {"pi": sympy.pi, "e": sympy.E}


# --------------------------------------------------------------------------------------------
# Wall 1: characters, tokens, grammar
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "num" | "name" | "op" | "(" | ")" | ","
    text: str  # as normalised ("^" for both powers)
    column: int  # 0-based index into the original text
    source: str  # as typed


_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_SPACES = " \t\r\n\f\v\u00a0"
_TYPOGRAPHY = {  # sign -> tokens it stands for
    "\u2212": [("op", "-")],  # minus sign
    "\u2013": [("op", "-")],  # en dash
    "\u00d7": [("op", "*")],  # multiplication sign
    "\u00b7": [("op", "*")],  # middle dot
    "\u22c5": [("op", "*")],  # dot operator
    "\u2217": [("op", "*")],  # asterisk operator
    "\u00f7": [("op", "/")],  # division sign
    "\u03c0": [("name", "pi")],  # pi
    "\u00b2": [("op", "^"), ("num", "2")],  # superscript two
    "\u00b3": [("op", "^"), ("num", "3")],  # superscript three
}
_CHARACTER_HINTS = {
    "[": "use ( ) for brackets",
    "]": "use ( ) for brackets",
    "{": "use ( ) for brackets",
    "}": "use ( ) for brackets",
    "=": "type only the right-hand side: x^2, not f(x) = x^2",
    "<": "comparisons are not part of a formula",
    ">": "comparisons are not part of a formula",
    "!": "factorials and comparisons are not part of a formula",
    "'": "text in quotes is not part of a formula",
    '"': "text in quotes is not part of a formula",
    ".": "a point belongs inside a number, like 0.5",
    "%": "write /100 for a percentage",
    "|": "write abs(x) for |x|",
    "&": "logic is not part of a formula",
    "~": "logic is not part of a formula",
    ":": "only a formula is read, no statements",
    ";": "only one formula is read",
    "@": "write * for multiplication",
}


def _check_name(token: _Token, variables: Sequence[str]) -> None:
    name = token.text
    column = token.column + 1
    if name in variables or name in CONSTANTS or name in FUNCTION_NAMES:
        return
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise ExpressionError(f"'{name}' is a Python word, not part of a formula", column)
    known = [*variables, *CONSTANTS, *FUNCTION_NAMES]
    lowered = {k.lower(): k for k in known}
    if name.lower() in lowered:
        raise ExpressionError(
            f"unknown name '{name}': did you mean {lowered[name.lower()]}?", column
        )
    if name.startswith("_"):
        raise ExpressionError(
            f"'{name}' is not allowed: only the variables, pi, e and the listed functions", column
        )
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
    if close:
        raise ExpressionError(f"unknown name '{name}': did you mean {close[0]}?", column)
    if len(variables) == 1:
        allowed = f"the variable is {variables[0]}"
    else:
        allowed = "the variables are " + ", ".join(variables)
    raise ExpressionError(f"unknown name '{name}': {allowed} (and pi, e)", column)


def _number_token(text: str, start: int) -> tuple[_Token, int]:
    match = _NUMBER.match(text, start)
    assert match is not None
    end = match.end()
    literal = match.group()
    column = start + 1
    follow = text[end] if end < len(text) else ""
    if follow in ("j", "J"):
        raise ExpressionError("complex numbers are not allowed", column)
    if literal == "0" and follow in "xXoObB" and text[end + 1 : end + 2].isalnum():
        raise ExpressionError("write numbers in decimal (no 0x, 0o, 0b)", column)
    if follow == "_":
        raise ExpressionError("write numbers without '_' (1000, not 1_000)", column)
    if follow == ".":
        raise ExpressionError("a number has at most one decimal point", end + 1)
    if len(literal) > MAX_NUMBER_CHARS:
        raise ExpressionError(
            f"this number has {len(literal)} characters; at most {MAX_NUMBER_CHARS}", column
        )
    value = float(literal)
    if not math.isfinite(value):
        raise ExpressionError(f"the number {literal} is too large", column)
    return _Token("num", repr(value), start, literal), end


def _tokens(text: str, variables: Sequence[str]) -> list[_Token]:
    if "=" in text:  # "f(x) = x^2", "y=2x", ":=": say what is wanted, not what is wrong
        raise ExpressionError(
            "type only the right-hand side: x^2, not f(x) = x^2", text.index("=") + 1
        )
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _SPACES:
            i += 1
        elif ch.isascii() and (ch.isdigit() or (ch == "." and text[i + 1 : i + 2].isdigit())):
            token, i = _number_token(text, i)
            tokens.append(token)
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            match = _NAME.match(text, i)
            assert match is not None
            name = match.group()
            token = _Token("name", FUNCTION_NAMES.get(name, name), i, name)
            _check_name(token, variables)
            tokens.append(token)
            i = match.end()
        elif text.startswith("**", i):
            tokens.append(_Token("op", "^", i, "**"))
            i += 2
        elif text.startswith("//", i):
            raise ExpressionError("'//' is not allowed: write / for division", i + 1)
        elif ch in "+-*/^":
            tokens.append(_Token("op", ch, i, ch))
            i += 1
        elif ch in "(),":
            tokens.append(_Token(ch, ch, i, ch))
            i += 1
        elif ch in _TYPOGRAPHY:
            for kind, value in _TYPOGRAPHY[ch]:
                tokens.append(_Token(kind, value, i, ch))
            i += 1
        else:
            shown = ch if ch.isprintable() and ch not in _SPACES else f"U+{ord(ch):04X}"
            hint = _CHARACTER_HINTS.get(ch, "")
            raise ExpressionError(
                f"'{shown}' is not allowed in a formula" + (f": {hint}" if hint else ""), i + 1
            )
    return tokens


def _check_grammar(tokens: list[_Token]) -> None:
    """Operand, operator, operand ... with matched brackets: every error at its column."""
    expect_operand = True
    stack: list[tuple[_Token, str | None]] = []  # open brackets, with the function they call
    previous: _Token | None = None
    for index, token in enumerate(tokens):
        column = token.column + 1
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if expect_operand:
            if token.kind == "num" or (token.kind == "name" and token.text not in FUNCTIONS):
                if following is not None and following.kind == "(":
                    what = "a number" if token.kind == "num" else "not a function"
                    raise ExpressionError(
                        f"{token.source} is {what}: write {token.source}*(...) to multiply",
                        following.column + 1,
                    )
                expect_operand = False
            elif token.kind == "name":  # a function: its bracket must follow
                if following is None or following.kind != "(":
                    raise ExpressionError(
                        f"{token.source} needs its argument in brackets: write {token.source}(x)",
                        column,
                    )
            elif token.kind == "(":
                call = previous.text if previous is not None and previous.kind == "name" else None
                if call is not None and call not in FUNCTIONS:
                    call = None
                stack.append((token, call))
                if len(stack) > MAX_NESTING:
                    raise ExpressionError(
                        f"too many brackets inside brackets (at most {MAX_NESTING})", column
                    )
                if following is not None and following.kind == ")":
                    if call is not None:
                        raise ExpressionError(
                            f"{previous.source}() needs an argument: write {previous.source}(x)",
                            following.column + 1,
                        )
                    raise ExpressionError("empty brackets: put something inside", column)
            elif token.kind == "op" and token.text in "+-":
                pass  # unary
            elif token.kind == "op":
                if previous is None or previous.kind == "(":
                    raise ExpressionError(f"'{token.source}' needs something before it", column)
                raise ExpressionError(
                    f"'{token.source}' cannot follow '{previous.source}': something is missing "
                    "between them",
                    column,
                )
            elif token.kind == ")":
                where = "before it" if previous is None else f"after '{previous.source}'"
                raise ExpressionError(f"something is missing {where}", column)
            else:  # ","
                raise ExpressionError("something is missing before ','", column)
        elif token.kind == "op":
            expect_operand = True
        elif token.kind == ")":
            if not stack:
                raise ExpressionError("')' has no matching '('", column)
            stack.pop()
        elif token.kind == ",":
            if not stack or stack[-1][1] is None:
                decimal = ""
                if previous.kind == "num" and following is not None and following.kind == "num":
                    decimal = f": write {previous.source}.{following.source}, not "
                    decimal += f"{previous.source},{following.source}"
                raise ExpressionError("',' only separates a function's arguments" + decimal, column)
            expect_operand = True
        else:  # two operands side by side
            if token.kind == "(":
                raise ExpressionError(
                    f"write {previous.source}*(: multiplication needs a '*'", column
                )
            raise ExpressionError(
                f"write {previous.source}*{token.source}: multiplication needs a '*'", column
            )
        previous = token
    if previous is None:
        raise ExpressionError("type a formula, for example x^2 - 1")
    if expect_operand:
        raise ExpressionError(
            f"the formula ends with '{previous.source}': something is missing after it",
            previous.column + 1,
        )
    if stack:
        raise ExpressionError("this '(' is never closed: add ')'", stack[-1][0].column + 1)


def _python_text(tokens: list[_Token]) -> tuple[str, list[int]]:
    """The tokens as plain Python (``**`` for powers) and, per character, its original column."""
    pieces: list[str] = []
    origin: list[int] = []
    for token in tokens:
        piece = "**" if token.text == "^" else token.text
        pieces.append(piece + " ")
        origin.extend([token.column] * (len(piece) + 1))
    return "".join(pieces), origin


# --------------------------------------------------------------------------------------------
# Wall 2: Python's ast, against an allowlist
# --------------------------------------------------------------------------------------------

_AST_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^"}
_REFUSED = {
    ast.Attribute: "attributes ('.') are",
    ast.Subscript: "indexing with [ ] is",
    ast.Lambda: "lambdas are",
    ast.ListComp: "comprehensions are",
    ast.SetComp: "comprehensions are",
    ast.DictComp: "comprehensions are",
    ast.GeneratorExp: "comprehensions are",
    ast.JoinedStr: "format strings are",
    ast.FormattedValue: "format strings are",
    ast.NamedExpr: "':=' is",
    ast.Compare: "comparisons are",
    ast.BoolOp: "'and'/'or' are",
    ast.IfExp: "'if ... else' is",
    ast.Tuple: "tuples are",
    ast.List: "lists are",
    ast.Dict: "dictionaries are",
    ast.Set: "sets are",
    ast.Starred: "'*' before an argument is",
    ast.Await: "'await' is",
    ast.Yield: "'yield' is",
    ast.YieldFrom: "'yield' is",
    ast.Slice: "slices are",
}


def _ast_depth(tree: ast.AST) -> int:
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH + 2:  # Expression wrapper + Call func/Load nodes
            return deepest
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


class _Converter:
    def __init__(self, variables: Sequence[str], origin: list[int] | None) -> None:
        self.variables = tuple(variables)
        self.origin = origin

    def column(self, node: ast.AST) -> int | None:
        if not isinstance(node, ast.expr):
            return None
        offset = node.col_offset
        if self.origin is None:
            return offset + 1
        return self.origin[min(offset, len(self.origin) - 1)] + 1

    def refuse(self, node: ast.AST, what: str) -> ExpressionError:
        return ExpressionError(f"{what} not allowed in a formula", self.column(node))

    def convert(self, node: ast.AST) -> Expression:
        if isinstance(node, ast.Expression):
            return self.convert(node.body)
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, int | float):
                if isinstance(value, complex):
                    raise self.refuse(node, "complex numbers are")
                raise self.refuse(node, "text and other constants are")
            if isinstance(value, int) and abs(value) >= 10**MAX_NUMBER_CHARS:
                raise ExpressionError("this number is too large", self.column(node))
            number = float(value)
            if not math.isfinite(number):
                raise ExpressionError("this number is too large", self.column(node))
            return Number(number)
        if isinstance(node, ast.Name):
            if node.id in self.variables:
                return Variable(node.id)
            if node.id in CONSTANTS:
                return Constant(node.id)
            if node.id in FUNCTION_NAMES:
                raise ExpressionError(
                    f"{node.id} needs its argument in brackets", self.column(node)
                )
            raise ExpressionError(f"unknown name '{node.id}'", self.column(node))
        if isinstance(node, ast.UnaryOp):
            operand = self.convert(node.operand)
            if isinstance(node.op, ast.USub):
                return Unary("-", operand)
            if isinstance(node.op, ast.UAdd):
                return operand
            raise self.refuse(node, "'not' and '~' are")
        if isinstance(node, ast.BinOp):
            op = _AST_BINARY.get(type(node.op))
            if op is None:
                raise self.refuse(node, f"the operator {type(node.op).__name__} is")
            return Binary(op, self.convert(node.left), self.convert(node.right))
        if isinstance(node, ast.Call):
            return self.call(node)
        for kind, what in _REFUSED.items():
            if isinstance(node, kind):
                raise self.refuse(node, what)
        raise self.refuse(node, f"'{type(node).__name__}' is")

    def call(self, node: ast.Call) -> Expression:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTION_NAMES:
            raise self.refuse(node, "calling anything but the listed functions is")
        function = FUNCTIONS[FUNCTION_NAMES[node.func.id]]
        if node.keywords:
            raise self.refuse(node, "named arguments are")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.refuse(arg, "'*' before an argument is")
        if len(node.args) != function.arity:
            plural = "" if function.arity == 1 else "s"
            raise ExpressionError(
                f"{node.func.id} takes {function.arity} argument{plural}, not {len(node.args)}",
                self.column(node),
            )
        return Call(function.name, tuple(self.convert(arg) for arg in node.args))


def _from_python(source: str, variables: Sequence[str], origin: list[int] | None) -> Expression:
    """Wall 2 alone: Python text -> our tree, through ``ast`` and the allowlist."""
    if len(source) > 4 * MAX_LENGTH:
        raise ExpressionError("this formula is too long")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        offset = (error.offset or 1) - 1
        column = None
        if origin is not None and 0 <= offset < len(origin):
            column = origin[offset] + 1
        raise ExpressionError("this formula could not be read", column) from None
    if _ast_depth(tree) > MAX_DEPTH + 2:
        raise ExpressionError(f"this formula is nested too deeply (more than {MAX_DEPTH} levels)")
    return _Converter(variables, origin).convert(tree)


# --------------------------------------------------------------------------------------------
# The entry points
# --------------------------------------------------------------------------------------------


def _checked_variables(variables: Sequence[str]) -> tuple[str, ...]:
    if isinstance(variables, str):
        variables = (variables,)
    names = tuple(variables)
    for name in names:
        if (
            not isinstance(name, str)
            or not _IDENTIFIER.match(name)
            or keyword.iskeyword(name)
            or name in CONSTANTS
            or name in FUNCTION_NAMES
        ):
            raise ValueError(f"not a usable variable name: {name!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"variables named twice: {names!r}")
    return names


def parse(text: str, variables: Sequence[str] = ("x",)) -> Expression:
    """Read a typed formula in the given variables into a tree.

    Raises :class:`ExpressionError` (one-line ``message``, 1-based ``column`` or None) for any
    text that is not a formula; no other exception for any ``text``. ``variables`` is a sequence
    of names (or one name); ``ValueError`` only if one cannot be a variable name (a keyword, a
    function or constant name, a repeat: a programming error).
    """
    names = _checked_variables(variables)
    try:
        if not isinstance(text, str):
            raise ExpressionError("type a formula, for example x^2 - 1")
        if len(text) > MAX_LENGTH:
            raise ExpressionError(
                f"this formula has {len(text)} characters; at most {MAX_LENGTH} are read"
            )
        tokens = _tokens(text, names)
        _check_grammar(tokens)
        source, origin = _python_text(tokens)
        return _from_python(source, names, origin)
    except ExpressionError:
        raise
    except Exception:  # a wall let something through that failed: still only a message
        raise ExpressionError("this formula could not be read") from None


def try_parse(
    text: str, variables: Sequence[str] = ("x",)
) -> tuple[Expression | None, ExpressionError | None]:
    """:func:`parse` without raising: ``(tree, None)`` or ``(None, error)``."""
    try:
        return parse(text, variables), None
    except ExpressionError as error:
        return None, error


# --------------------------------------------------------------------------------------------
# Walking a tree
# --------------------------------------------------------------------------------------------


def _children(node: Expression) -> tuple[Expression, ...]:
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def _postorder(root: Expression) -> list[Expression]:
    """Every distinct node (by identity), children before parents, without recursion."""
    order: list[Expression] = []
    seen: set[int] = set()
    stack: list[tuple[Expression, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if id(node) in seen:
            continue
        if expanded:
            seen.add(id(node))
            order.append(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))
    return order


_PLANS: dict[int, tuple[Expression, tuple[Expression, ...], frozenset[str]]] = {}
MAX_PLANS = 256
_PLANS_LOCK = threading.Lock()  # sessions run in threads of one server


def _plan(expr: Expression) -> tuple[tuple[Expression, ...], frozenset[str]]:
    """The tree's nodes in evaluation order and its variables, worked out once per tree (a
    page evaluates the same tree hundreds of times per run). Kept by the tree's identity,
    with the tree itself, so that an id is never reused while its plan is kept."""
    kept = _PLANS.get(id(expr))
    if kept is None or kept[0] is not expr:
        order = tuple(_postorder(expr))
        kept = (expr, order, frozenset(n.name for n in order if isinstance(n, Variable)))
        with _PLANS_LOCK:
            while len(_PLANS) >= MAX_PLANS:
                _PLANS.pop(next(iter(_PLANS)))  # the oldest
            _PLANS[id(expr)] = kept
    return kept[1], kept[2]


def calls_of(expr: Expression, names: frozenset[str] | set[str]) -> tuple[Call, ...]:
    """The tree's calls of the functions named (each distinct node once, innermost first)."""
    return tuple(n for n in _plan(expr)[0] if isinstance(n, Call) and n.name in names)


def variables_of(expr: Expression) -> frozenset[str]:
    """The names of the variables the tree uses."""
    return _plan(expr)[1]


def _power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    return np.power(base, exponent)


_NUMPY_BINARY = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
    "^": _power,
}


def _inputs(expr: Expression, values: Mapping[str, object]) -> tuple[dict, tuple[int, ...]]:
    arrays = {name: np.asarray(value, dtype=float) for name, value in values.items()}
    missing = variables_of(expr) - set(arrays)
    if missing:
        raise ValueError(f"evaluate needs values for {', '.join(sorted(missing))}")
    shape = np.broadcast_shapes(*(a.shape for a in arrays.values())) if arrays else ()
    return arrays, shape


def evaluate(expr: Expression, /, **values: object) -> np.ndarray:
    """The tree's values in float64 for arrays (or numbers) of its variables, broadcast together.

    NaN where undefined (``log(-1)``, ``sqrt(-1)``, ``0/0``), ±inf on a pole or an overflow;
    never a warning or an exception from the arithmetic. Always a new float64 array of the
    broadcast shape of all the values given. ``ValueError`` if a used variable has no value.
    """
    arrays, shape = _inputs(expr, values)
    order = _plan(expr)[0]
    results: dict[int, np.ndarray] = {}
    with np.errstate(all="ignore"):
        for node in order:
            results[id(node)] = _evaluate_node(node, arrays, results)
        out = results[id(expr)]
    return np.array(np.broadcast_to(out, shape), dtype=float)


def _evaluate_node(node: Expression, arrays: dict, results: dict) -> np.ndarray:
    if isinstance(node, Number):
        return np.float64(node.value)
    if isinstance(node, Constant):
        return np.float64(CONSTANTS[node.name])
    if isinstance(node, Variable):
        return arrays[node.name]
    if isinstance(node, Unary):
        return np.negative(results[id(node.operand)])
    if isinstance(node, Binary):
        return _NUMPY_BINARY[node.op](results[id(node.left)], results[id(node.right)])
    if isinstance(node, Call):
        return FUNCTIONS[node.name].numpy(*(results[id(a)] for a in node.args))
    raise TypeError(f"not an expression node: {node!r}")


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

_SUM, _PRODUCT, _NEGATION, _POWER, _ATOM = 1, 2, 3, 4, 5
_LEVEL = {"+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT, "^": _POWER}


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _text(node: Expression) -> tuple[str, int]:
    """The canonical text of a node and its binding level."""
    if isinstance(node, Number):
        text = _number_text(node.value)
        if node.value < 0 or text.startswith("-"):
            return text, _NEGATION
        return text, _ATOM
    if isinstance(node, Constant | Variable):
        return node.name, _ATOM
    if isinstance(node, Call):
        return f"{node.name}({', '.join(to_text(a) for a in node.args)})", _ATOM
    if isinstance(node, Unary):
        return "-" + _wrap(node.operand, _POWER), _NEGATION
    if isinstance(node, Binary):
        level = _LEVEL[node.op]
        if node.op == "^":  # right-associative: x^y^z is x^(y^z)
            return f"{_wrap(node.left, _ATOM)}^{_wrap(node.right, _POWER)}", _POWER
        left = _wrap(node.left, level)
        right, right_level = _text(node.right)  # a - (b + c), a/(b*c), a*(-b)
        if right_level <= level or right_level == _NEGATION:
            right = f"({right})"
        joint = f" {node.op} " if level == _SUM else node.op
        return left + joint + right, level
    raise TypeError(f"not an expression node: {node!r}")


def _wrap(node: Expression, at_least: int) -> str:
    text, level = _text(node)
    return text if level >= at_least else f"({text})"


def to_text(expr: Expression) -> str:
    """The canonical text of a tree: ``x^3 - 2*sin(x)``; ``parse(to_text(t)) == t`` for every
    tree :func:`parse` returns (whose numbers are non-negative)."""
    return _text(expr)[0]


# --------------------------------------------------------------------------------------------
# sympy
# --------------------------------------------------------------------------------------------


def _symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


def _sympy_number(value: float) -> sympy.Expr:
    if not math.isfinite(value):
        return sympy.nan if math.isnan(value) else (sympy.oo if value > 0 else -sympy.oo)
    if value.is_integer() and abs(value) < 1e16:
        return sympy.Integer(int(value))
    text = repr(value)
    mantissa = text.split("e")[0].lstrip("-").replace(".", "").strip("0")
    if len(mantissa) <= 6:  # a short decimal as typed: exact (0.1 is 1/10)
        return sympy.Rational(text)
    return sympy.Float(value)


def _exact_fits(result: sympy.Expr) -> bool:
    if isinstance(result, sympy.Rational):
        return max(abs(result.p).bit_length(), result.q.bit_length()) <= EXACT_BITS
    return True


def to_sympy(expr: Expression) -> sympy.Expr:
    """The tree as a sympy expression, built with sympy's constructors over real symbols.

    Constant parts are exact (``sqrt(2)``, ``1/3``) unless their float64 value leaves
    [1e-300, 1e300], a constant power's exponent exceeds 1000 in size or an exact rational would
    grow past ~330 digits: then they are the float64 value (``sympy.Float``, ``oo`` or ``nan``),
    so that ``9^9^9`` never becomes exact integer arithmetic. Raises :class:`ExpressionError`
    only when sympy refuses a part that holds a variable (``relu(x + log(-1))`` would be
    ``Max(x + nan, 0)``).
    """
    converted: dict[int, tuple[sympy.Expr, float | None]] = {}
    with np.errstate(all="ignore"):
        for node in _postorder(expr):
            converted[id(node)] = _sympy_node(node, converted)
    return converted[id(expr)][0]


def _sympy_node(
    node: Expression, done: dict[int, tuple[sympy.Expr, float | None]]
) -> tuple[sympy.Expr, float | None]:
    """The sympy form of a node and, when it is constant, its float64 value."""
    if isinstance(node, Number):
        return _sympy_number(node.value), node.value
    if isinstance(node, Constant):
        return _SYMPY_CONSTANTS[node.name], CONSTANTS[node.name]
    if isinstance(node, Variable):
        return _symbol(node.name), None
    parts = [done[id(child)] for child in _children(node)]
    values = [value for _, value in parts]
    constant = all(value is not None for value in values)
    value = None
    if constant:
        value = float(
            _evaluate_node(
                node, {}, {id(c): v for c, v in zip(_children(node), values, strict=True)}
            )
        )
        too_big = not math.isfinite(value) or abs(value) > EXACT_LIMIT
        too_small = value != 0 and abs(value) < 1 / EXACT_LIMIT
        wild_power = isinstance(node, Binary) and node.op == "^" and abs(values[1]) > EXACT_EXPONENT
        if too_big or too_small or wild_power:
            return _sympy_number(value), value
    try:
        result = _sympy_build(node, [form for form, _ in parts])
    except Exception:  # sympy refuses, e.g. Max(nan, 0): a constant is its float64 value
        if not constant:
            raise ExpressionError("this formula cannot be written symbolically") from None
        return _sympy_number(value), value
    if constant and not _exact_fits(result):
        return _sympy_number(value), value
    return result, value


def _sympy_build(node: Expression, args: list[sympy.Expr]) -> sympy.Expr:
    if isinstance(node, Unary):
        return sympy.Mul(sympy.Integer(-1), args[0])
    if isinstance(node, Call):
        return FUNCTIONS[node.name].sympy(*args)
    if not isinstance(node, Binary):
        raise TypeError(f"not an expression node: {node!r}")
    a, b = args
    if node.op == "+":
        return sympy.Add(a, b)
    if node.op == "-":
        return sympy.Add(a, sympy.Mul(sympy.Integer(-1), b))
    if node.op == "*":
        return sympy.Mul(a, b)
    if node.op == "/":
        return sympy.Mul(a, sympy.Pow(b, sympy.Integer(-1)))
    return sympy.Pow(a, b)


def latex(expr: Expression | sympy.Basic) -> str:
    """LaTeX of a tree (through :func:`to_sympy`) or of a sympy expression (e.g. a
    :func:`symbolic_derivative`), by ``sympy.latex``."""
    try:
        return sympy.latex(expr if isinstance(expr, sympy.Basic) else to_sympy(expr))
    except Exception:  # e.g. an integer too long to print: show the float64 text instead
        if isinstance(expr, sympy.Basic):
            return r"\text{(too large to print)}"
        return r"\mathtt{" + to_text(expr).replace("^", r"\^{}") + "}"


def size(expr: Expression) -> int:
    """The number of nodes of the tree written out (a shared subtree counts each time)."""
    sizes: dict[int, int] = {}
    for node in _postorder(expr):
        sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
    return sizes[id(expr)]


_KINKED = frozenset({"abs", "sign", "step", "relu"})


def symbolic_derivative(expr: Expression, var: str = "x") -> sympy.Expr:
    """d/dvar of the tree as a sympy expression (no text is ever sympified).

    ``sympy.diff`` of :func:`to_sympy`, except when the tree uses ``abs``, ``sign``, ``step`` or
    ``relu``: sympy differentiates those for complex arguments (``re``/``im`` parts, and up to
    ~0.3 s with a cold cache), so then it is :func:`to_sympy` of :func:`derivative` (our rules:
    ``abs' = sign``, ``relu' = step``, 0 for ``sign`` and ``step``; real analysis away from the
    kinks). Raises :class:`ExpressionError` when the derivative written out would exceed
    ``SYMBOLIC_SIZE`` nodes (a power tower ``x^x^...^x``): too long to read, and sympy would take
    more than the 100 ms a page may spend; :func:`derivative` and :func:`evaluate_dual` still
    give its values. Also raises it when :func:`to_sympy` does, or sympy cannot differentiate.
    """
    tree = derivative(expr, var)
    if size(tree) > SYMBOLIC_SIZE:
        raise ExpressionError("this derivative is too long to write out; its values are shown")
    if any(isinstance(n, Call) and n.name in _KINKED for n in _postorder(expr)):
        return to_sympy(tree)
    form = to_sympy(expr)
    try:
        return sympy.diff(form, _symbol(var))
    except Exception:
        raise ExpressionError("sympy could not differentiate this formula") from None


# --------------------------------------------------------------------------------------------
# Derivatives on the tree
# --------------------------------------------------------------------------------------------

_ZERO, _ONE = Number(0.0), Number(1.0)


def _is(node: Expression, value: float) -> bool:
    return isinstance(node, Number) and node.value == value


def _fold(op: str, a: Expression, b: Expression) -> Expression | None:
    if isinstance(a, Number) and isinstance(b, Number):
        with np.errstate(all="ignore"):
            value = float(_NUMPY_BINARY[op](np.float64(a.value), np.float64(b.value)))
        if math.isfinite(value):
            return Number(value)
    return None


def _add(a: Expression, b: Expression) -> Expression:
    if _is(a, 0):
        return b
    if _is(b, 0):
        return a
    return _fold("+", a, b) or Binary("+", a, b)


def _sub(a: Expression, b: Expression) -> Expression:
    if _is(b, 0):
        return a
    if _is(a, 0):
        return _neg(b)
    return _fold("-", a, b) or Binary("-", a, b)


def _neg(a: Expression) -> Expression:
    if isinstance(a, Number):
        return Number(-a.value) if a.value != 0 else _ZERO
    if isinstance(a, Unary):
        return a.operand
    return Unary("-", a)


def _mul(a: Expression, b: Expression) -> Expression:
    if _is(a, 0) or _is(b, 0):
        return _ZERO
    if _is(a, 1):
        return b
    if _is(b, 1):
        return a
    if _is(a, -1):
        return _neg(b)
    if _is(b, -1):
        return _neg(a)
    return _fold("*", a, b) or Binary("*", a, b)


def _div(a: Expression, b: Expression) -> Expression:
    if _is(a, 0):
        return _ZERO
    if _is(b, 1):
        return a
    return _fold("/", a, b) or Binary("/", a, b)


def _pow(a: Expression, b: Expression) -> Expression:
    if _is(b, 1):
        return a
    if _is(b, 0):
        return _ONE
    return _fold("^", a, b) or Binary("^", a, b)


def _depends(node: Expression, var: str, memo: dict[int, bool]) -> bool:
    for n in _postorder(node):
        if id(n) not in memo:
            memo[id(n)] = (isinstance(n, Variable) and n.name == var) or any(
                memo[id(c)] for c in _children(n)
            )
    return memo[id(node)]


def derivative(expr: Expression, var: str = "x") -> Expression:
    """d/dvar of the tree as another tree (sum, product, quotient, power and chain rules,
    with ``0*u``, ``1*u``, ``u+0`` and number-with-number folded). Evaluate it with
    :func:`evaluate`; print it with :func:`to_text` (its numbers may be negative)."""
    memo: dict[int, bool] = {}
    slopes: dict[int, Expression] = {}
    for node in _postorder(expr):
        slopes[id(node)] = _slope_node(node, var, slopes, memo)
    return slopes[id(expr)]


def _slope_node(node: Expression, var: str, slopes: dict, memo: dict) -> Expression:
    if not _depends(node, var, memo):
        return _ZERO
    if isinstance(node, Variable):
        return _ONE
    if isinstance(node, Unary):
        return _neg(slopes[id(node.operand)])
    if isinstance(node, Call):
        (u,) = node.args
        return _mul(FUNCTIONS[node.name].slope_tree(u), slopes[id(u)])
    assert isinstance(node, Binary)
    a, b = node.left, node.right
    da, db = slopes[id(a)], slopes[id(b)]
    if node.op == "+":
        return _add(da, db)
    if node.op == "-":
        return _sub(da, db)
    if node.op == "*":
        return _add(_mul(da, b), _mul(a, db))
    if node.op == "/":
        if not _depends(b, var, memo):
            return _div(da, b)
        return _div(_sub(_mul(da, b), _mul(a, db)), _pow(b, Number(2.0)))
    # a ^ b
    if not _depends(b, var, memo):  # b * a^(b - 1) * a'
        return _mul(_mul(b, _pow(a, _sub(b, _ONE))), da)
    log_a = _ONE if a == Constant("e") else _call("log", a)
    if not _depends(a, var, memo):  # a^b * ln a * b'
        return _mul(_mul(node, log_a), db)
    # a^b * (b' ln a + b a' / a)
    return _mul(node, _add(_mul(db, log_a), _div(_mul(b, da), a)))


def evaluate_dual(
    expr: Expression, var: str = "x", /, **values: object
) -> tuple[np.ndarray, np.ndarray]:
    """Forward-mode automatic differentiation: ``(f, df/dvar)`` as float64 arrays in one pass
    over the tree, each node carrying its value and its derivative (a dual number a + b·ε with
    ε² = 0). Same broadcasting and NaN/inf conventions as :func:`evaluate`."""
    arrays, shape = _inputs(expr, values)
    if var not in arrays:
        raise ValueError(f"evaluate_dual needs values for {var}")
    memo: dict[int, bool] = {}
    pairs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    with np.errstate(all="ignore"):
        for node in _postorder(expr):
            pairs[id(node)] = _dual_node(node, var, arrays, pairs, memo)
        value, slope = pairs[id(expr)]
    return (
        np.array(np.broadcast_to(value, shape), dtype=float),
        np.array(np.broadcast_to(slope, shape), dtype=float),
    )


def _dual_node(node, var, arrays, pairs, memo) -> tuple[np.ndarray, np.ndarray]:
    zero = np.float64(0.0)
    if isinstance(node, Number):
        return np.float64(node.value), zero
    if isinstance(node, Constant):
        return np.float64(CONSTANTS[node.name]), zero
    if isinstance(node, Variable):
        return arrays[node.name], np.float64(1.0 if node.name == var else 0.0)
    if isinstance(node, Unary):
        v, d = pairs[id(node.operand)]
        return -v, -d
    if isinstance(node, Call):
        (u,) = node.args
        v, d = pairs[id(u)]
        function = FUNCTIONS[node.name]
        slope = function.slope(v) * d if _depends(u, var, memo) else zero
        return function.numpy(v), slope
    assert isinstance(node, Binary)
    (a, da), (b, db) = pairs[id(node.left)], pairs[id(node.right)]
    if node.op == "+":
        return a + b, da + db
    if node.op == "-":
        return a - b, da - db
    if node.op == "*":
        return a * b, da * b + a * db
    if node.op == "/":
        quotient = a / b
        return quotient, (da - quotient * db) / b
    power = np.power(a, b)
    if not _depends(node, var, memo):
        return power, zero
    if not _depends(node.right, var, memo):  # b a^(b-1) a', and 0 for a^0
        return power, np.where(b == 0, 0.0, b * np.power(a, b - 1.0) * da)
    log_a = np.log(a)
    if not _depends(node.left, var, memo):
        return power, power * log_a * db
    return power, power * (db * log_a + b * da / a)


# --------------------------------------------------------------------------------------------
# Taylor coefficients: truncated power series carried through the tree
# --------------------------------------------------------------------------------------------

MAX_DEGREE = 40  # highest Taylor degree :func:`taylor` computes


def _series_mul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.convolve(a, b)[: len(a)]


def _series_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    c = np.zeros_like(a)
    for k in range(len(a)):
        c[k] = (a[k] - np.dot(b[1 : k + 1], c[k - 1 :: -1][:k])) / b[0]
    return c


def _series_chain(w0: float, u: np.ndarray, slope: Callable[[np.ndarray, int], float]):
    """w = f(u) from w(0) = f(u0) and w' = f'(u) u': ``slope(w, m)`` is the m-th coefficient of
    f'(u), which may use w[0..m] (for exp, tan, tanh, sigmoid)."""
    n = len(u)
    w = np.zeros(n)
    g = np.zeros(n)
    w[0] = w0
    j = np.arange(1, n)
    for k in range(1, n):
        g[k - 1] = slope(w, k - 1)
        w[k] = np.dot(j[:k] * u[1 : k + 1], g[k - 1 :: -1][:k]) / k
    return w


def _series_square_slope(sign: float, offset: float) -> Callable[[np.ndarray, int], float]:
    """The m-th coefficient of ``offset + sign * w^2`` (tan' = 1 + tan², tanh' = 1 - tanh²)."""
    return lambda w, m: (offset if m == 0 else 0.0) + sign * np.dot(w[: m + 1], w[m::-1])


def _series_sin_cos(u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(u)
    s, c = np.zeros(n), np.zeros(n)
    s[0], c[0] = np.sin(u[0]), np.cos(u[0])
    j = np.arange(1, n)
    for k in range(1, n):
        weights = j[:k] * u[1 : k + 1]
        s[k] = np.dot(weights, c[k - 1 :: -1][:k]) / k
        c[k] = -np.dot(weights, s[k - 1 :: -1][:k]) / k
    return s, c


def _series_sinh_cosh(u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(u)
    s, c = np.zeros(n), np.zeros(n)
    s[0], c[0] = np.sinh(u[0]), np.cosh(u[0])
    j = np.arange(1, n)
    for k in range(1, n):
        weights = j[:k] * u[1 : k + 1]
        s[k] = np.dot(weights, c[k - 1 :: -1][:k]) / k
        c[k] = np.dot(weights, s[k - 1 :: -1][:k]) / k
    return s, c


def _series_power(u: np.ndarray, b: float) -> np.ndarray:
    """u^b for a constant b."""
    n = len(u)
    if u[0] == 0:
        if b >= 0 and float(b).is_integer():  # u^3 with u(0) = 0: repeated products
            result, base, e = np.zeros(n), u.copy(), int(min(b, n))  # u^n = 0 + O(t^n)
            result[0] = 1.0
            while e:
                if e & 1:
                    result = _series_mul(result, base)
                base = _series_mul(base, base)
                e >>= 1
            return result
        out = np.full(n, np.nan)  # sqrt(x) at 0: no Taylor series
        out[0] = np.power(0.0, b)
        return out
    p = np.zeros(n)
    p[0] = np.power(u[0], b)
    j = np.arange(1, n)
    for k in range(1, n):
        weights = ((b + 1.0) * j[:k] - k) * u[1 : k + 1]
        p[k] = np.dot(weights, p[k - 1 :: -1][:k]) / (k * u[0])
    return p


def _series_constant(value: float, n: int) -> np.ndarray:
    out = np.zeros(n)
    out[0] = value
    return out


def _series_kinked(u: np.ndarray, name: str) -> np.ndarray:
    """abs, relu, sign, step: a polynomial piece away from 0, no series at 0 (the kink)."""
    u0 = u[0]
    value = FUNCTIONS[name].numpy(np.float64(u0))
    if u0 == 0 or not np.isfinite(u0):
        out = np.full(len(u), np.nan)
        out[0] = value
        return out
    if name == "abs":
        return np.sign(u0) * u
    if name == "relu":
        return u.copy() if u0 > 0 else np.zeros_like(u)
    return _series_constant(value, len(u))


def _series_call(name: str, u: np.ndarray) -> np.ndarray:
    out = _series_function(name, u)
    if np.isnan(out[0]) or (name in ("log", "log10", "log2") and not u[0] > 0):
        out[1:] = np.nan  # undefined at the centre (log(-1)): no real series either
    return out


def _series_function(name: str, u: np.ndarray) -> np.ndarray:
    n = len(u)
    if name in _KINKED:
        return _series_kinked(u, name)
    if name in ("sin", "cos"):
        s, c = _series_sin_cos(u)
        return s if name == "sin" else c
    if name in ("sinh", "cosh"):
        s, c = _series_sinh_cosh(u)
        return s if name == "sinh" else c
    if name == "exp":
        return _series_chain(np.exp(u[0]), u, lambda w, m: w[m])
    if name == "tan":
        return _series_chain(np.tan(u[0]), u, _series_square_slope(1.0, 1.0))
    if name == "tanh":
        return _series_chain(np.tanh(u[0]), u, _series_square_slope(-1.0, 1.0))
    if name == "sigmoid":  # s' = s - s²
        return _series_chain(
            float(_sigmoid(u[0])), u, lambda w, m: w[m] - np.dot(w[: m + 1], w[m::-1])
        )
    if name == "sqrt":
        return _series_power(u, 0.5)
    if name in ("log", "log10", "log2"):
        w = _series_chain(np.log(u[0]), u, _precomputed(_series_div(_series_constant(1, n), u)))
        return w / {"log": 1.0, "log10": math.log(10.0), "log2": math.log(2.0)}[name]
    if name == "arctan":
        slope = _series_div(_series_constant(1.0, n), _series_constant(1.0, n) + _series_mul(u, u))
        return _series_chain(np.arctan(u[0]), u, _precomputed(slope))
    if name in ("arcsin", "arccos"):
        slope = _series_power(_series_constant(1.0, n) - _series_mul(u, u), -0.5)
        if name == "arccos":
            return _series_chain(np.arccos(u[0]), u, _precomputed(-slope))
        return _series_chain(np.arcsin(u[0]), u, _precomputed(slope))
    raise ValueError(f"no series rule for {name}")


def _precomputed(g: np.ndarray) -> Callable[[np.ndarray, int], float]:
    return lambda w, m: g[m]


def taylor(
    expr: Expression, var: str = "x", at: float = 0.0, degree: int = 10, /, **values: float
) -> np.ndarray:
    """The Taylor coefficients c₀ … c_degree of the tree around ``var = at``:
    f(at + t) ≈ Σ c_k t^k with c_k = f⁽ᵏ⁾(at)/k!, by truncated power-series arithmetic carried
    through the tree (Taylor-mode automatic differentiation: products are truncated Cauchy
    products, exp, log, sin/cos, tan, powers ... by their recurrences), O(degree²) per node, so
    degree 20 stays fast where 20 symbolic derivatives would grow without bound.

    The other variables are held at the scalar ``values``. NaN where there is no series (a kink
    of abs/relu/sign/step at the centre, ``sqrt`` or ``log`` at 0 or below) or it overflows;
    never a warning or an exception from the arithmetic.
    """
    if not 0 <= degree <= MAX_DEGREE:
        raise ValueError(f"degree from 0 to {MAX_DEGREE}, not {degree}")
    missing = variables_of(expr) - set(values) - {var}
    if missing:
        raise ValueError(f"taylor needs values for {', '.join(sorted(missing))}")
    n = degree + 1
    series: dict[int, np.ndarray] = {}
    with np.errstate(all="ignore"):
        for node in _postorder(expr):
            series[id(node)] = _series_node(node, var, float(at), values, series, n)
        out = series[id(expr)].astype(float, copy=True)
    return out


def _series_node(node, var, at, values, series, n) -> np.ndarray:
    if isinstance(node, Number):
        return _series_constant(node.value, n)
    if isinstance(node, Constant):
        return _series_constant(CONSTANTS[node.name], n)
    if isinstance(node, Variable):
        if node.name != var:
            return _series_constant(float(values[node.name]), n)
        out = _series_constant(at, n)
        if n > 1:
            out[1] = 1.0
        return out
    if isinstance(node, Unary):
        return -series[id(node.operand)]
    if isinstance(node, Call):
        return _series_call(node.name, series[id(node.args[0])])
    a, b = series[id(node.left)], series[id(node.right)]
    if node.op == "+":
        return a + b
    if node.op == "-":
        return a - b
    if node.op == "*":
        return _series_mul(a, b)
    if node.op == "/":
        return _series_div(a, b)
    if not np.any(b[1:]):  # a constant exponent
        return _series_power(a, b[0])
    if not np.any(a[1:]) and a[0] > 0:  # a^b = exp(b log a) with a constant base
        return _series_call("exp", np.log(a[0]) * b)
    return _series_call("exp", _series_mul(b, _series_call("log", a)))
