"""Words and formulas of /derivatives' Taylor lesson (plain strings, numbers through
:mod:`mathviz.core.numbers`)."""

from __future__ import annotations

import math

from mathviz.calculus.functions import NamedFunction
from mathviz.calculus.taylor import ERROR_CEILING, MAX_N, TaylorScene, max_error_inside
from mathviz.core.notes import Note
from mathviz.core.numbers import shifted_tex, subscript, tex
from mathviz.core.numbers import text as fmt

SHOWN_TERMS = 2  # terms written out before "⋯"


def _term(c: float, k: int, a: float) -> tuple[str, str]:
    """The sign and the body of c·(x − a)^k."""
    sign = "-" if c < 0 else "+"
    if k == 0:
        return sign, tex(abs(c), 4)
    t = shifted_tex("x", a)
    power = t if k == 1 else rf"{t}^{{{k}}}"
    size = tex(abs(c), 4)
    return sign, power if size == "1" else rf"{size}\,{power}"


def polynomial_latex(scene: TaylorScene, n: int) -> str:
    """Pₙ written out (the first terms, then the last), or why there is none."""
    if scene.top < 0:
        a = tex(scene.a)
        return rf"f({a})\ \text{{is not defined: no Taylor series around }} a = {a}"
    terms = [k for k in range(n + 1) if scene.c[k] != 0]
    if not terms:
        return rf"P_{{{n}}}(x) = 0"
    shown = terms if len(terms) <= SHOWN_TERMS + 1 else [*terms[:SHOWN_TERMS], None, terms[-1]]
    pieces = []
    for k in shown:
        if k is None:
            pieces.append(r"+ \cdots")
            continue
        sign, piece = _term(float(scene.c[k]), k, scene.a)
        pieces.append(("-" if sign == "-" else "") + piece if not pieces else f"{sign} {piece}")
    if len(pieces) <= 3:
        return rf"P_{{{n}}}(x) = {' '.join(pieces)}"
    first, rest = " ".join(pieces[:2]), " ".join(pieces[2:])
    return rf"\begin{{aligned}} P_{{{n}}}(x) &= {first} \\ &\quad {rest} \end{{aligned}}"


def notes(scene: TaylorScene, n: int, name: str, entry: NamedFunction | None) -> list[Note]:
    """The radius of convergence and why, and where the series stops existing."""
    found = []
    a = fmt(scene.a)
    if scene.top < 0:
        found.append(
            Note(
                "warning",
                f"{name} is not defined at a = {a} (or has a corner "
                "there), so it has no Taylor series around it: move a inside the "
                "domain, away from corners.",
            )
        )
        return found
    if scene.top < MAX_N:
        found.append(
            Note(
                "warning",
                f"Around a = {a} only the coefficients up to degree "
                f"{scene.top} exist (the next derivative of {name} is undefined "
                f"there), so the animation stops at n = {scene.top}.",
            )
        )
    if scene.radius is not None and entry is not None:
        nearest = min(entry.singularities, key=lambda s: abs(complex(scene.a, 0) - s))
        R = fmt(scene.radius)
        if nearest.imag != 0:
            found.append(
                Note(
                    "info",
                    f"Radius of convergence R = {R}: {name} is smooth on "
                    "the whole real line, but in the complex plane it blows up at "
                    "x = ±i (where 1 + x² = 0). A power series converges on a disc, "
                    f"so around a = {a} it reaches only as far as ±i: R = √(a² + 1) "
                    f"= {R}. Outside the shaded band the error grows with n.",
                )
            )
        else:
            found.append(
                Note(
                    "info",
                    f"Radius of convergence R = {R}: {name} blows up at "
                    f"x = {fmt(nearest.real)}, at distance {R} from a = {a}; the "
                    "series cannot reach past it on either side, so beyond the "
                    "shaded band the error grows with n.",
                )
            )
    error = max_error_inside(scene, n)
    if math.isfinite(error):
        where = "within R/2 of a" if scene.radius else "within 1 of a"
        size = f"more than {fmt(ERROR_CEILING)}" if error >= ERROR_CEILING else fmt(error, 2)
        found.append(Note("info", f"Largest |f − P{subscript(n)}| {where}: {size}."))
    return found


def coefficient_table(scene: TaylorScene) -> str:
    """c₀ … c_top as a compact Markdown table (f⁽ᵏ⁾(a)/k!)."""
    cells = [f"c{subscript(k)} = {fmt(float(c), 4)}" for k, c in enumerate(scene.c)]
    return "Coefficients cₖ = f⁽ᵏ⁾(a)/k! (Taylor-mode automatic differentiation): " + ", ".join(
        cells
    )
