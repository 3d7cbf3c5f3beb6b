"""Words and formulas of /derivatives' first two lessons (plain strings, numbers through
:mod:`mathviz.core.numbers`)."""

from __future__ import annotations

import math
from dataclasses import replace

from mathviz.calculus.derivative import EPS, ErrorScan, PointKind, Secants, ThreeWays
from mathviz.core.notes import Note
from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt

DIGITS = 6  # of derivative values, so that the three ways can be told apart


def secant_latex(x0: float) -> str:
    """The secant's slope as a function of h."""
    return rf"m(h) = \frac{{f({tex(x0)} + h) - f({tex(x0)})}}{{h}}"


def secant_values_latex(s: Secants) -> str:
    """The secant slope at the first and the last h, closing in."""
    picks = [0, len(s.h) - 1]
    shown = [
        rf"m({tex(float(s.h[i]), 2)}) = "
        + (tex(float(s.right[i]), 4) if math.isfinite(s.right[i]) else r"\text{undefined}")
        for i in picks
    ]
    return r",\;".join(shown)


def limit_latex(kind: PointKind, x0: float, derivative_latex: str | None) -> str:
    """f'(x0) as the limit, or the two one-sided limits that disagree."""
    if kind.has_tangent:
        return rf"f'({tex(x0)}) = \lim_{{h \to 0}} m(h) = {tex(kind.right, DIGITS)}"
    if kind.kind == "kink":
        return (
            rf"\lim_{{h \to 0^-}} m(h) = {tex(kind.left, 4)} \neq "
            rf"{tex(kind.right, 4)} = \lim_{{h \to 0^+}} m(h)"
        )
    if kind.kind == "jump":
        return rf"f({tex(x0)}^+) - f({tex(x0)}^-) = {tex(kind.gap, 3)} \neq 0"
    return rf"f'({tex(x0)})\ \text{{does not exist}}"


def point_notes(kind: PointKind, x0: float, name: str) -> list[Note]:
    """Why there is no tangent at x0, when there is none."""
    at = fmt(x0)
    if kind.kind == "kink":
        return [
            Note(
                "warning",
                f"{name} has a corner at x₀ = {at}: the slope from the left is "
                f"{fmt(kind.left)}, from the right {fmt(kind.right)}. The two secants close "
                "in on different lines, so there is no tangent and no derivative here.",
            )
        ]
    if kind.kind == "jump":
        return [
            Note(
                "warning",
                f"{name} jumps by {fmt(kind.gap)} at x₀ = {at}: the secant "
                "slope grows like (jump)/h as h shrinks, so there is no derivative here "
                "(each side alone has slope "
                f"{fmt(kind.left)} and {fmt(kind.right)}).",
            )
        ]
    if kind.kind == "undefined":
        return [
            Note(
                "warning",
                f"{name} is not defined at x₀ = {at}: move x₀ into its domain to see a secant.",
            )
        ]
    if kind.kind == "edge":
        side = "left" if math.isnan(kind.left) else "right"
        return [
            Note(
                "warning",
                f"{name} is not defined just to the {side} of x₀ = {at}: only a "
                "one-sided secant exists, so there is no two-sided derivative.",
            )
        ]
    if kind.kind == "vertical":
        return [
            Note(
                "warning",
                f"The slope of {name} at x₀ = {at} is infinite (a vertical "
                "tangent): the secants stand up as h shrinks.",
            )
        ]
    return []


def symbolic_latex(f_latex: str, derivative_latex: str) -> str:
    """d/dx of f, as sympy writes it."""
    return rf"\frac{{d}}{{dx}}\left({f_latex}\right) = {derivative_latex}"


def three_ways_table(w: ThreeWays, has_tangent: bool = True) -> str:
    """The three values side by side with their errors against the symbolic one (Markdown);
    without a derivative at x₀, the values are shown and no error is claimed."""
    if not has_tangent:
        w = replace(w, exact=math.nan)
    rows = [
        ("Symbolic (sympy, evaluated in 30 digits)", w.exact, None),
        (f"Forward difference, h = {fmt(w.h, 2)}", w.forward, w.error(w.forward)),
        (f"Central difference, h = {fmt(w.h, 2)}", w.central, w.error(w.central)),
        ("Automatic (dual numbers)", w.automatic, w.error(w.automatic)),
    ]
    lines = ["| Method | f′(x₀) | error |", "|---|---|---|"]
    for name, value, error in rows:
        shown = fmt(value, 12) if math.isfinite(value) else "no derivative here"
        err = "—" if error is None or not math.isfinite(error) else fmt(error, 2)
        lines.append(f"| {name} | {shown} | {err} |")
    return "\n".join(lines)


def forward_latex(w: ThreeWays) -> str:
    """The forward difference at the chosen h, with its value."""
    return rf"\frac{{f(x_0+h) - f(x_0)}}{{h}} = {tex(w.forward, DIGITS)}"


def central_latex(w: ThreeWays) -> str:
    """The central difference at the chosen h, with its value."""
    return rf"\frac{{f(x_0+h) - f(x_0-h)}}{{2h}} = {tex(w.central, DIGITS)}"


def h_notes(w: ThreeWays) -> list[Note]:
    """What the chosen h does: round-off wins below the best h, truncation above it."""
    notes = []
    if w.h <= 1e-15:
        notes.append(
            Note(
                "warning",
                f"h = {fmt(w.h, 2)} is at the edge of float64: x₀ + h "
                "barely differs from x₀, so f(x₀ + h) − f(x₀) is mostly rounding. "
                "This is why h → 0 does not work on a computer.",
            )
        )
    return notes


def slope_notes(scan: ErrorScan) -> list[Note]:
    """Why a measured slope is not the textbook one here."""
    (fs, _), (cs, _) = scan.forward_fit, scan.central_fit
    found = []
    if math.isfinite(fs) and abs(fs - 1) > 0.3:
        found.append(
            Note(
                "info",
                f"The forward slope is {fmt(fs, 2)}, not 1, at this x₀: "
                "f″(x₀) = 0 here, so the h term of its error vanishes and the next "
                "one shows.",
            )
        )
    if math.isfinite(cs) and abs(cs - 2) > 0.3:
        found.append(
            Note(
                "info",
                f"The central slope is {fmt(cs, 2)}, not 2, at this x₀: "
                "f‴(x₀) = 0 here, so the h² term of its error vanishes.",
            )
        )
    if not math.isfinite(cs):
        found.append(
            Note(
                "info",
                "Central differences are exact here up to rounding (f is a "
                "polynomial of degree ≤ 2 near x₀): no truncation slope to measure.",
            )
        )
    return found


def scan_sentence(scan: ErrorScan) -> str:
    """The slopes, floors and best h, measured against theory."""
    (fs, _), (cs, _) = scan.forward_fit, scan.central_fit
    slope = lambda v: fmt(v, 2) if math.isfinite(v) else "not measurable"  # noqa: E731
    return (
        f"Measured truncation slopes: forward **{slope(fs)}** (theory 1: error ≈ f″h/2), "
        f"central **{slope(cs)}** (theory 2: error ≈ f‴h²/6). Round-off grows like ε/h "
        f"(ε = {fmt(EPS, 3)}), so each curve has a floor: the best h measured is "
        f"{fmt(scan.forward_best[0], 2)} for forward (error {fmt(scan.forward_best[1], 2)}; "
        f"theory ~√ε ≈ {fmt(scan.forward_theory, 2)}) and {fmt(scan.central_best[0], 2)} for "
        f"central (error {fmt(scan.central_best[1], 2)}; theory ~∛ε ≈ "
        f"{fmt(scan.central_theory, 2)})."
    )
