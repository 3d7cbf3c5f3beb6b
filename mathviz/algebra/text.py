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
    """f, g and g's domain, with the numbers in."""
    return (
        rf"f(x) = {g.parent.latex},\quad {transformed_latex(g)},\quad"
        rf" \text{{domain of g}} = {domain_latex(g.domain)}"
    )


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
    """p(x) expanded and factored."""
    c = view.coefficients
    return f"p(x) = {polynomial_latex(c)} = {factored_latex(c, view.roots)}"


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


def exp_log_latex(view: ExpLogView) -> str:
    """bˣ = y ⇔ log_b y = x with the numbers in."""
    base, x, y = view.base_name, _tex(view.x), _tex(view.pair[0][1])
    return rf"{base}^{{{x}}} = {y} \iff \log_{{{base}}} {y} = {x}"


def exp_log_notes(view: ExpLogView) -> list[Note]:
    """A note when the point or its mirror image is off the chart."""
    return _info_if(
        not view.pair_visible, "The point or its mirror image is off the chart: bˣ grows fast."
    )


def product_latex(view: ProductView) -> str:
    """log(x₁x₂) = log x₁ + log x₂ with the numbers in."""
    x1, x2 = view.factors
    logs = view.logs
    return (
        rf"\log_{{10}}({_tex(x1)} \times {_tex(x2)}) = \log_{{10}} {_tex(x1)} + "
        rf"\log_{{10}} {_tex(x2)} = {_tex(logs[0])} + {_tex(logs[1])} = {_tex(logs.sum())}"
        rf" = \log_{{10}} {_tex(view.product)}"
    )


def scale_label(value: float) -> str:
    """A mark of the slide rule's scale: ``1``, ``20``, ``100``."""
    return numbers.text(value, places=3)


def product_label(view: ProductView) -> str:
    """The slide rule's reading: ``log x₁ + log x₂ = log 6``."""
    return f"log x₁ + log x₂ = log {numbers.text(view.product, places=2)}"


# --- sigmoid, softmax, log-loss ---------------------------------------------------------------


def softmax_latex(view: SoftmaxView) -> str:
    """The softmax probabilities and the sigmoid of the difference, with the numbers in."""
    values = ", ".join(_tex(v) for v in view.probabilities)
    return (
        rf"\operatorname{{softmax}}(z/T)_i = \frac{{e^{{z_i/T}}}}{{\sum_j e^{{z_j/T}}}} = "
        rf"({values}),\quad \frac{{p_1}}{{p_1 + p_2}} = "
        rf"\sigma\!\left(\frac{{z_1 - z_2}}{{T}}\right) = {_tex(view.pair_probability)}"
    )


def probability_labels(view: SoftmaxView) -> list[str]:
    """Each class's probability, written on its bar: ``0.665``."""
    return [numbers.text(p, places=3) for p in view.probabilities]


def log_loss_latex(view: LogLossView) -> str:
    """The log-loss of this prediction, from p and from the logit, with the numbers in."""
    minus = "-" if view.label else ""
    return (
        rf"L = -[y\log p + (1-y)\log(1-p)],\quad p = \sigma({_tex(view.logit, 2)}) ="
        rf" {_tex(view.probability)},\quad L = \log(1 + e^{{{minus}z}}) = {_tex(view.loss)}"
    )


def asymptote_label(view: LogLossView) -> str:
    """The legend entry of the log-loss's asymptote: ``asymptote p = 0``."""
    return f"asymptote p = {numbers.text(view.asymptote)}"
