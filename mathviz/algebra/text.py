"""What the Algebra page says: its formulas with the current numbers and its notes, made from
the results of :mod:`.functions`, :mod:`.polynomials`, :mod:`.explog` and
:mod:`.classification`.

Numbers are written by :mod:`mathviz.core.numbers` with ``places=`` (a fixed number of
decimals, trailing zeros dropped): slider values read as the slider shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mathviz.algebra.classification import LogLossView, SoftmaxView
from mathviz.algebra.explog import ExpLogView, ProductView
from mathviz.algebra.functions import INF, Interval, Transformed
from mathviz.algebra.polynomials import PolynomialView, is_real, trim
from mathviz.core import numbers
from mathviz.core.notes import Note


def _info_if(condition: bool, sentence: str) -> list[Note]:
    """The sentence as an info note when the condition holds, else no note."""
    return [Note("info", sentence)] if condition else []


def _tex(value: float, places: int = 3) -> str:
    return numbers.tex(value, places=places)


def _signed(value: float, places: int = 3) -> str:
    return numbers.signed_tex(value, places=places)


# --- functions and transformations ------------------------------------------------------------


def interval_latex(interval: Interval) -> str:
    r"""An interval as LaTeX: ``[0, \infty)``, ``(-2.5, 1]``, ``\mathbb{R}``."""
    if interval.lower == -INF and interval.upper == INF:
        return r"\mathbb{R}"
    left = "[" if interval.closed_lower else "("
    right = "]" if interval.closed_upper else ")"
    return f"{left}{_tex(interval.lower, 2)}, {_tex(interval.upper, 2)}{right}"


def domain_latex(domain: Sequence[Interval]) -> str:
    r"""A domain as LaTeX: ``\mathbb{R}``, ``[0, \infty)``, ``(-\infty, 0) \cup (0, \infty)``."""
    if not domain:
        return r"\varnothing"
    return r" \cup ".join(interval_latex(interval) for interval in domain)


def transformed_latex(g: Transformed) -> str:
    """g(x) = a·f(b(x - h)) + k as LaTeX with the numbers in, tidied (no ``1·``, no ``+ -``)."""
    if g.b == 0:
        inner = "0"
    else:
        shift = "x" if g.h == 0 else f"x {_signed(-g.h, 2)}"
        if g.b == 1:
            inner = shift
        elif g.b == -1:
            inner = f"-{shift}" if g.h == 0 else f"-({shift})"
        else:
            inner = f"{_tex(g.b, 2)}{shift if g.h == 0 else f'({shift})'}"
    core = g.parent.latex if inner == "x" else g.parent.template.replace("#", inner)
    scale = {1.0: "", -1.0: "-"}.get(float(g.a), _tex(g.a, 2))
    if g.a == 0:
        return f"g(x) = {_tex(g.k, 2)}"
    tail = "" if g.k == 0 else f" {_signed(g.k, 2)}"
    return f"g(x) = {scale}{core}{tail}"


def transformation_latex(g: Transformed) -> str:
    """f and g, with the numbers in."""
    return rf"f(x) = {g.parent.latex},\quad {transformed_latex(g)}"


def transformation_domain_latex(g: Transformed) -> str:
    r"""g's domain: ``\text{domain of } g = [0, \infty)``."""
    return rf"\text{{domain of }} g = {domain_latex(g.domain)}"


def asymptotes_text(g: Transformed) -> str:
    """g's asymptotes in words, e.g. ``x = 1, y = -1`` (``none`` if it has none)."""
    words = [f"x = {numbers.text(v, places=2)}" for v in g.vertical_asymptotes]
    words += [f"y = {numbers.text(v, places=2)}" for v in g.horizontal_asymptotes]
    return ", ".join(words) or "none"


def transformation_caption(g: Transformed) -> str:
    """The caption under the formula: ``Asymptotes of g: x = 1.``"""
    return f"Asymptotes of g: {asymptotes_text(g)}."


def transformation_notes(g: Transformed) -> list[Note]:
    """What b = 0 does to the graph, when it is 0."""
    return _info_if(
        g.b == 0, "b = 0 squeezes the graph onto f(0): g is constant, or nothing if f(0) is not."
    )


# --- polynomials ------------------------------------------------------------------------------


def polynomial_latex(coefficients: Sequence[float], variable: str = "x") -> str:
    """p(x) as LaTeX, highest power first, zero terms left out: ``x^3 - 2x^2 + x - 2``.

    ``coefficients`` are highest power first (leading zeros are left out).
    """
    c = trim(coefficients)
    if not c.size:
        return "0"
    degree = len(c) - 1
    terms = []
    for power, value in zip(range(degree, -1, -1), c, strict=True):
        if value == 0:
            continue
        magnitude = _tex(abs(value), 2)
        if power and magnitude == "1":
            magnitude = ""
        monomial = "" if power == 0 else variable if power == 1 else f"{variable}^{power}"
        sign = "-" if value < 0 else "+"
        terms.append((sign, f"{magnitude}{monomial}"))
    first_sign, first = terms[0]
    text = ("-" if first_sign == "-" else "") + first
    return text + "".join(f" {sign} {term}" for sign, term in terms[1:])


def root_latex(root: complex) -> str:
    """A root as LaTeX: ``2``, ``-1.5``, ``0.5 + 1.32i``, ``-i``."""
    if is_real(np.array([root]))[0]:
        return _tex(root.real, 3)
    magnitude = _tex(abs(root.imag), 3)
    imaginary = "i" if magnitude == "1" else f"{magnitude}i"
    if abs(root.real) < 5e-4:
        return f"-{imaginary}" if root.imag < 0 else imaginary
    sign = "-" if root.imag < 0 else "+"
    return f"{_tex(root.real, 3)} {sign} {imaginary}"


def _root_factor(root: complex) -> str:
    """x - r as LaTeX with its signs worked out: ``x``, ``(x - 2)``, ``(x + 0.809 + 0.588i)``."""
    if is_real(np.array([root]))[0]:
        value = root.real
        return "x" if abs(value) < 5e-4 else f"(x {_signed(-value)})"
    real = "" if abs(root.real) < 5e-4 else f" {_signed(-root.real)}"
    magnitude = _tex(abs(root.imag), 3)
    imaginary = "i" if magnitude == "1" else f"{magnitude}i"
    sign = "+" if root.imag < 0 else "-"
    return f"(x{real} {sign} {imaginary})"


def factored_latex(coefficients: Sequence[float], roots: np.ndarray) -> str:
    """c₀(x - r₁)(x - r₂)... with the numerical roots, the form the roots are read from; a
    repeated factor is written once with its power (``5x^{4}``, not ``5xxxx``).

    ``coefficients`` are highest power first without leading zeros; ``roots`` are all of
    the polynomial's roots.
    """
    c = np.asarray(coefficients, dtype=float)
    if c.size < 2:
        return _tex(c[0], 2) if c.size else "0"
    lead = {1.0: "", -1.0: "-"}.get(float(c[0]), _tex(c[0], 2))
    counts: dict[str, int] = {}
    for root in roots:
        factor = _root_factor(root)
        counts[factor] = counts.get(factor, 0) + 1
    factors = [f if k == 1 else f"{f}^{{{k}}}" for f, k in counts.items()]
    return lead + "".join(factors)


def polynomial_view_latex(view: PolynomialView) -> str:
    """p(x) expanded and factored, on one line."""
    c = view.coefficients
    return f"p(x) = {polynomial_latex(c)} = {factored_latex(c, view.roots)}"


def polynomial_expanded_latex(view: PolynomialView) -> str:
    """p(x) expanded: ``p(x) = x^3 - 2x^2 + x - 2``."""
    return f"p(x) = {polynomial_latex(view.coefficients)}"


def polynomial_factored_latex(view: PolynomialView, width: int = 30) -> str:
    """p(x) factored, in lines of at most about ``width`` characters of LaTeX (a side column is
    narrow): one line ``p(x) = (x - 2)(x + i)(x - i)``, or an ``aligned`` block of several."""
    lines = [""]
    for piece in _factor_pieces(factored_latex(view.coefficients, view.roots)):
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    if len(lines) == 1:
        return f"p(x) = {lines[0]}"
    body = r" \\ &\quad ".join(lines)
    return rf"\begin{{aligned}} p(x) &= {body} \end{{aligned}}"


def _factor_pieces(factored: str) -> list[str]:
    """A factored form cut before each bracket (a lead and a power stay with their factor)."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(factored):
        lead = factored[start:index]
        if char == "(" and depth == 0 and lead not in ("", "-") and not _is_number(lead):
            pieces.append(lead)
            start = index
        depth += {"(": 1, ")": -1, "{": 1, "}": -1}.get(char, 0)
    pieces.append(factored[start:])
    return pieces


def _is_number(piece: str) -> bool:
    return piece.replace(".", "").replace("-", "").isdigit()


def roots_text(view: PolynomialView) -> str:
    """The roots as LaTeX, comma separated; for a constant ``none``, and for the zero
    polynomial ``every x`` (it is 0 everywhere)."""
    if view.is_zero:
        return "every x (p is 0 everywhere)"
    return ", ".join(root_latex(r) for r in view.roots) or "none (a nonzero constant)"


def polynomial_caption(view: PolynomialView) -> str:
    """The caption under the formula: ``Roots: -2, -1, 1, 2``."""
    return f"Roots: {roots_text(view)}"


def polynomial_notes(view: PolynomialView) -> list[Note]:
    """A note for the zero polynomial."""
    return _info_if(view.is_zero, "All coefficients are 0: the zero polynomial, zero everywhere.")


# --- exp and log ------------------------------------------------------------------------------


# How a base is written as a power's base and as a log's: 1/2 needs its brackets (1/2^x is
# 1/(2^x)), and the log to base e is ln.
_POWER_BASE = {"1/2": r"\left(\tfrac{1}{2}\right)"}
_LOG = {"e": r"\ln", "1/2": r"\log_{1/2}"}


def exp_log_latex(view: ExpLogView) -> str:
    """bˣ = y ⇔ log_b y = x with the numbers in."""
    name, x, y = view.base_name, _tex(view.x), _tex(view.pair[0][1])
    power = _POWER_BASE.get(name, name)
    log = _LOG.get(name, rf"\log_{{{name}}}")
    return rf"{power}^{{{x}}} = {y} \iff {log} {y} = {x}"


def exp_log_notes(view: ExpLogView) -> list[Note]:
    """A note when the point or its mirror image is off the chart."""
    return _info_if(
        not view.pair_visible, "The point or its mirror image is off the chart: bˣ grows fast."
    )


def product_latex(view: ProductView) -> str:
    """log(x₁x₂) = log x₁ + log x₂ with the numbers in, on one line."""
    return f"{product_rule_latex(view)} {product_sum_latex(view)}"


def product_rule_latex(view: ProductView) -> str:
    """log(x₁x₂) = log x₁ + log x₂ with the factors in."""
    x1, x2 = (_tex(v) for v in view.factors)
    return rf"\log_{{10}}({x1} \times {x2}) = \log_{{10}} {x1} + \log_{{10}} {x2}"


def product_sum_latex(view: ProductView) -> str:
    """The sum of the two logs, and the product it is the log of: ``= 0.301 + 0.477 = ...``."""
    logs = view.logs
    return (
        rf"= {_tex(logs[0])} + {_tex(logs[1])} = {_tex(logs.sum())}"
        rf" = \log_{{10}} {_tex(view.product)}"
    )


def scale_label(value: float) -> str:
    """A mark of the slide rule's scale: ``1``, ``20``, ``100``."""
    return numbers.text(value, places=3)


def factor_log_label(x: float) -> str:
    """A piece of the slide rule's sum: ``log 2``."""
    return f"log {numbers.text(x, places=2)}"


def product_label(view: ProductView) -> str:
    """The slide rule's reading: ``log x₁ + log x₂ = log 6``."""
    return f"log x₁ + log x₂ = log {numbers.text(view.product, places=2)}"


# --- sigmoid, softmax, log-loss ---------------------------------------------------------------


def softmax_latex(view: SoftmaxView) -> str:
    """The softmax probabilities, with the numbers in."""
    values = ", ".join(_tex(v) for v in view.probabilities)
    return rf"p_i = \frac{{e^{{z_i/T}}}}{{\sum_j e^{{z_j/T}}}},\quad p = ({values})"


def sigmoid_pair_latex(view: SoftmaxView) -> str:
    """Two classes' share is the sigmoid of their logits' difference, with the number in."""
    return (
        rf"\frac{{p_1}}{{p_1 + p_2}} = "
        rf"\sigma\!\left(\frac{{z_1 - z_2}}{{T}}\right) = {_tex(view.pair_probability)}"
    )


def probability_labels(view: SoftmaxView) -> list[str]:
    """Each class's probability, written on its bar: ``0.665``."""
    return [numbers.text(p, places=3) for p in view.probabilities]


def log_loss_latex(view: LogLossView) -> str:
    """The log-loss of a prediction p of a label y."""
    return r"L = -[y\log p + (1-y)\log(1-p)]"


def prediction_latex(view: LogLossView) -> str:
    r"""The prediction from the logit, with the numbers in: ``p = \sigma(1) = 0.731``."""
    return rf"p = \sigma(z) = \sigma({_tex(view.logit, 2)}) = {_tex(view.probability)}"


def log_loss_value_latex(view: LogLossView) -> str:
    r"""This prediction's loss from its logit: ``y = 1,\; L = \log(1 + e^{-z}) = 0.313``."""
    minus = "-" if view.label else ""
    return rf"y = {view.label},\quad L = \log(1 + e^{{{minus}z}}) = {_tex(view.loss)}"


def asymptote_label(view: LogLossView) -> str:
    """The legend entry of the log-loss's asymptote: ``asymptote p = 0``."""
    return f"asymptote p = {numbers.text(view.asymptote)}"


# --- names written on the pictures ------------------------------------------------------------


def line_label(variable: str, value: float) -> str:
    """A guide line's name, written at its end: ``x = 1``, ``y = -0.5``."""
    return f"{variable} = {numbers.text(value, places=2)}"


def point_label(x: float, y: float) -> str:
    """A point's coordinates, written beside it: ``(1, 2)``."""
    return f"({numbers.text(x, places=2)}, {numbers.text(y, places=2)})"


def root_text(root: complex, places: int = 3) -> str:
    """A root in plain text, written beside its mark: ``2``, ``-1.5``, ``0.5 + 1.32i``, ``-i``."""
    if is_real(np.array([root]))[0]:
        return numbers.text(root.real, places=places)
    magnitude = numbers.text(abs(root.imag), places=places)
    imaginary = "i" if magnitude == "1" else f"{magnitude}i"
    if numbers.text(root.real, places=places) == "0":
        return f"-{imaginary}" if root.imag < 0 else imaginary
    sign = "-" if root.imag < 0 else "+"
    return f"{numbers.text(root.real, places=places)} {sign} {imaginary}"


_POWER_NAME = {"1/2": "(½)"}
_LOG_NAME = {"e": "ln x"}


def exp_curve_label(view: ExpLogView) -> str:
    """The exponential's name on the picture: ``y = 2ˣ``, ``y = (½)ˣ``."""
    return f"y = {_POWER_NAME.get(view.base_name, view.base_name)}ˣ"


def log_curve_label(view: ExpLogView) -> str:
    """The logarithm's name on the picture: ``y = log<sub>2</sub> x``, ``y = ln x``."""
    return f"y = {_LOG_NAME.get(view.base_name, f'log<sub>{view.base_name}</sub> x')}"


def sigmoid_point_label(view: SoftmaxView) -> str:
    """The point on the sigmoid: ``σ(1) = 0.731``, at z = (z₁ - z₂)/T."""
    return (
        f"σ({numbers.text(view.difference, places=2)}) = "
        f"{numbers.text(view.pair_probability, places=3)}"
    )


def loss_curve_label(view: LogLossView) -> str:
    """The loss against p for the true label: ``L = -log p`` (y = 1), ``L = -log(1 - p)``."""
    return "L = −log p" if view.label else "L = −log(1 − p)"


def loss_logit_label(view: LogLossView) -> str:
    """The loss against the logit: ``L = log(1 + e⁻ᶻ)`` (y = 1), ``L = log(1 + eᶻ)``."""
    return "L = log(1 + e⁻ᶻ)" if view.label else "L = log(1 + eᶻ)"


def loss_point_label(view: LogLossView) -> str:
    """This prediction's loss, beside its point: ``L = 0.313``."""
    return f"L = {numbers.text(view.loss, places=3)}"
