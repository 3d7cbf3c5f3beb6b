"""The functions of the calculus pages: a registry of named ones, and the learner's own.

Every function is text read by the one safe parser (:mod:`mathviz.core.expressions`): the
registry's entries are written as a learner would type them, so a named function and a typed
one go through the same path (evaluation, derivatives, LaTeX, Taylor coefficients). An entry
also says what the parser cannot see: where the function has a kink or a jump, and a window
that shows it well.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from mathviz.core import expressions
from mathviz.core.expressions import Expression, ExpressionError

TYPED = "typed"  # the choice of a function the learner types
MAX_CHARS = expressions.MAX_LENGTH


@dataclass(frozen=True)
class NamedFunction:
    """One function of the registry.

    Attributes
    ----------
    text : the formula, as typed (parsed by :func:`mathviz.core.expressions.parse`).
    about : one sentence on why it is here.
    window : (low, high) of x that shows it well.
    kinks : points where it is continuous but has no derivative (a corner).
    jumps : points where it jumps (no limit, no derivative).
    singularities : complex points that limit its Taylor series' radius (e.g. ±i).
    """

    text: str
    about: str
    window: tuple[float, float] = (-4.0, 4.0)
    kinks: tuple[float, ...] = ()
    jumps: tuple[float, ...] = ()
    singularities: tuple[complex, ...] = ()

    @property
    def expression(self) -> Expression:
        return _parsed(self.text, ("x",))


FUNCTIONS: dict[str, NamedFunction] = {
    "cubic": NamedFunction("x^3 - 3*x", "A polynomial: smooth, with a hill and a valley."),
    "x^3 - 2 sin x": NamedFunction("x^3 - 2*sin(x)", "A polynomial and a wave together."),
    "sin": NamedFunction("sin(x)", "Its slope is itself a quarter turn later.", (-6.5, 6.5)),
    "exp": NamedFunction("exp(x)", "The function that is its own derivative.", (-3.0, 2.5)),
    "log": NamedFunction("log(x)", "Defined for x > 0; its slope is 1/x.", (0.05, 5.0)),
    "sigmoid": NamedFunction("sigmoid(x)", "A neuron's activation: σ' = σ(1 − σ).", (-6.0, 6.0)),
    "tanh": NamedFunction("tanh(x)", "A neuron's activation centred on 0.", (-4.0, 4.0)),
    "ReLU": NamedFunction(
        "relu(x)", "Deep learning's activation: a kink at 0, where it has no derivative.",
        kinks=(0.0,),
    ),
    "|x|": NamedFunction("abs(x)", "A corner at 0: two slopes meet, no tangent.", kinks=(0.0,)),
    "kink": NamedFunction(
        "abs(x - 1) + x^2/4", "Smooth but for a corner at x = 1.", kinks=(1.0,)
    ),
    "jump": NamedFunction(
        "step(x) + x/2", "Jumps by 1 at x = 0: no limit, so no derivative there.", jumps=(0.0,)
    ),
    "1/(1+x²)": NamedFunction(
        "1/(1 + x^2)",
        "Smooth on the whole line, yet its Taylor series at 0 stops converging at |x| = 1: "
        "it blows up at x = ±i.",
        singularities=(1j, -1j),
    ),
    "ln(1+x)": NamedFunction(
        "log(1 + x)", "Its Taylor series at 0 converges only for −1 < x ≤ 1.", (-0.95, 3.0),
        singularities=(-1 + 0j,),
    ),
}  # fmt: skip

DEFAULT = "x^3 - 2 sin x"
CHOICES: tuple[str, ...] = (*FUNCTIONS, TYPED)


@functools.lru_cache(maxsize=256)
def _parsed(text: str, variables: tuple[str, ...]) -> Expression:
    return expressions.parse(text, variables)


def read(text: str, variables: Sequence[str] = ("x",)) -> Expression:
    """A typed formula as a tree; raises ``ValueError`` (an :class:`ExpressionError`) with a
    one-line message naming the column, for :func:`mathviz.ui.typed`."""
    try:
        return _parsed(text, tuple(variables))
    except ExpressionError as error:
        raise ValueError(str(error)) from None


def chosen(name: str, typed: Expression) -> tuple[Expression, NamedFunction | None]:
    """The function a page shows: the registry's entry ``name``, or the typed one."""
    entry = FUNCTIONS.get(name)
    return (entry.expression, entry) if entry else (typed, None)
