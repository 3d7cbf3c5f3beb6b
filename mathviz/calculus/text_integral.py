"""The words and formulas of /integrals, with the current numbers (via mathviz.core.numbers)."""

from __future__ import annotations

import functools

from mathviz.calculus import integral
from mathviz.core import expressions
from mathviz.core.expressions import Expression
from mathviz.core.notes import Note
from mathviz.core.numbers import tex, text

RULE_LATEX = {
    "left": r"L_n = h \sum_{k=0}^{n-1} f(x_k)",
    "right": r"R_n = h \sum_{k=1}^{n} f(x_k)",
    "midpoint": r"M_n = h \sum_{k=0}^{n-1} f\!\left(x_k + \tfrac{h}{2}\right)",
    "trapezoid": r"T_n = \tfrac{h}{2} \sum_{k=0}^{n-1} \big(f(x_k) + f(x_{k+1})\big)",
    "Simpson": r"S_n = \tfrac{h}{3}\left(f_0 + 4f_1 + 2f_2 + \dots + 4f_{n-1} + f_n\right)",
}
RULE_LETTER = {"left": "L", "right": "R", "midpoint": "M", "trapezoid": "T", "Simpson": "S"}
PIECE_WORDS = {
    "left": "rectangles as tall as f at their left edge",
    "right": "rectangles as tall as f at their right edge",
    "midpoint": "rectangles as tall as f at their middle",
    "trapezoid": "trapezoids joining f at both edges",
    "Simpson": "parabolas through f at three points, two pieces at a time",
}


def rule_latex(rule: str, a: float, b: float, n: int) -> str:
    """The rule, with h = (b − a)/n filled in."""
    h = (b - a) / n
    return RULE_LATEX[rule] + rf",\quad h = \tfrac{{b-a}}{{n}} = {tex(h)}"


def sum_latex(rule: str, n: int, value: float) -> str:
    """The rule's value."""
    return rf"{RULE_LETTER[rule]}_{{{n}}} = {tex(value, 6)}"


def quad_latex(a: float, b: float, value: float, estimate: float) -> str:
    """quad's value, and its own error estimate."""
    return rf"\int_{{{tex(a)}}}^{{{tex(b)}}} f\,dx = {tex(value, 6)}\ (\pm {tex(estimate, 2)})"


def error_latex(rule: str, n: int, error: float) -> str:
    """The rule's error against quad."""
    return rf"\text{{error}} = {RULE_LETTER[rule]}_{{{n}}} - \int = {tex(error, 3)}"


def riemann_notes(rule: str, n: int, used: int, breaks: dict[str, tuple[float, ...]]) -> list[Note]:
    """Simpson's even n, and kinks or jumps inside the interval."""
    notes = []
    if rule == "Simpson" and used != n:
        notes.append(
            Note(
                "info",
                f"Simpson's rule pairs the pieces (one parabola per two), so n must be even: "
                f"n = {n} is odd, and it uses n = {used}.",
            )
        )
    notes.extend(_break_notes(breaks))
    return notes


def _break_notes(breaks: dict[str, tuple[float, ...]]) -> list[Note]:
    notes = []
    for kind, where in breaks.items():
        if where:
            at = ", ".join(f"x = {text(p)}" for p in where)
            notes.append(
                Note(
                    "warning",
                    f"f has a {kind} at {at} inside [a, b]: a piece that straddles it is not "
                    "smooth, so the higher-order rules lose their order there.",
                )
            )
    return notes


def orders_table(found: integral.Orders) -> str:
    """Markdown: each rule's expected order and the fitted one."""
    lines = ["| rule | expected p | fitted p |", "| --- | --- | --- |"]
    for rule in integral.RULES:
        slope = found.slopes[rule]
        fitted = "below the floor" if slope is None else text(slope, places=2)
        lines.append(f"| {rule} | {integral.ORDERS[rule]} | {fitted} |")
    return "\n".join(lines)


ORDER_LATEX = r"|\text{error}| \approx C\,n^{-p},\quad \text{slope} = -p"


def orders_notes(found: integral.Orders, breaks: dict[str, tuple[float, ...]]) -> list[Note]:
    """The round-off floor, and what spoils the orders."""
    notes = []
    simpson = found.errors["Simpson"]
    if (simpson <= found.floor).any():
        notes.append(
            Note(
                "info",
                f"Simpson's error falls below {text(found.floor)} (dotted) into round-off: "
                "there the sums differ from quad only in float64's last digits (about 10⁻¹⁶ "
                "of the value), and more pieces no longer help. The fits stop at the line.",
            )
        )
    notes.extend(_break_notes(breaks))
    low = [r for r in integral.RULES if found.slopes[r] is not None
           and found.slopes[r] < integral.ORDERS[r] - 0.3]  # fmt: skip
    if low and not any(breaks.values()):
        notes.append(
            Note(
                "warning",
                f"{', '.join(low)}: lower than the textbook order here. A kink, a jump or a steep "
                "spot in [a, b] (where f is not smooth enough) slows every rule down.",
            )
        )
    high = [r for r in integral.RULES if found.slopes[r] is not None
            and found.slopes[r] > integral.ORDERS[r] + 0.5]  # fmt: skip
    if high:
        notes.append(
            Note(
                "info",
                f"{', '.join(high)}: better than the textbook order. The leading error term "
                "cancels here (e.g. f' or f''' equal at a and b, as for a whole period of a "
                "wave, or a polynomial the rule integrates exactly).",
            )
        )
    return notes


def ftc_latex(a: float, x: float, area: float) -> str:
    """A(x) with the numbers."""
    return rf"A(x) = \int_{{{tex(a)}}}^{{x}} f(t)\,dt, \quad A({tex(x)}) = {tex(area, 5)}"


def slope_latex(quotient: float) -> str:
    """The difference quotient of A at x (the slope of A, numerically)."""
    return rf"\frac{{A(x+h) - A(x-h)}}{{2h}} = {tex(quotient, 6)}"


def f_value_latex(x: float, fx: float) -> str:
    """f at x, to compare with the slope of A."""
    return rf"f({tex(x)}) = {tex(fx, 6)}"


@functools.lru_cache(maxsize=64)
def f_latex(expr: Expression) -> str:
    """f's formula (sympy's LaTeX, kept: the first call for a tree costs tens of ms)."""
    return rf"f(x) = {expressions.latex(expr)}"
