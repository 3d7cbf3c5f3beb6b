"""The words and formulas of /gradients (LaTeX with the current numbers)."""

from __future__ import annotations

import functools
import math

import sympy

from mathviz.calculus.gradient import Curvature, PointFacts
from mathviz.core import expressions, numbers
from mathviz.core.expressions import Expression, ExpressionError
from mathviz.core.notes import Note

LONG_FORMULA = 60  # LaTeX characters past which a derivative is shown by its value alone


@functools.lru_cache(maxsize=128)
def _derivative_latex(expr: Expression, variables: tuple[str, ...]) -> str | None:
    """The LaTeX of ∂f/∂v (or ∂²f/∂v∂w), None when too long to read beside the picture."""
    try:
        form = expressions.to_sympy(expr)
        for var in variables:
            form = sympy.diff(form, sympy.Symbol(var, real=True))
        text = expressions.latex(form)
    except (ExpressionError, RecursionError, ValueError, TypeError):
        return None
    return text if len(text) <= LONG_FORMULA else None


def _point(facts: PointFacts) -> str:
    x, y = facts.point
    return f"({numbers.tex(x)}, {numbers.tex(y)})"


def function_latex(expr: Expression, facts: PointFacts) -> str:
    """f(x, y) = … and its value at the point."""
    value = numbers.tex(facts.value)
    return rf"f(x, y) = {expressions.latex(expr)}, \quad f{_point(facts)} = {value}"


def partial_latex(expr: Expression, facts: PointFacts, var: str) -> str:
    """∂f/∂var = (its formula) = its value at the point."""
    index = 0 if var == "x" else 1
    written = _derivative_latex(expr, (var,))
    middle = f" = {written}" if written else ""
    return rf"\frac{{\partial f}}{{\partial {var}}}{middle} = {numbers.tex(facts.gradient[index])}"


def gradient_latex(facts: PointFacts) -> str:
    """∇f at the point, with |∇f|."""
    fx, fy = facts.gradient
    return (
        rf"\nabla f{_point(facts)} = \begin{{bmatrix}} {numbers.tex(fx)} \\ {numbers.tex(fy)} "
        rf"\end{{bmatrix}}, \quad |\nabla f| = {numbers.tex(facts.slope)}"
    )


def undefined_note(facts: PointFacts) -> Note:
    x, y = facts.point
    what = "f" if not math.isfinite(facts.value) else "its gradient"
    return Note(
        "warning",
        f"At ({numbers.text(x)}, {numbers.text(y)}) {what} is undefined: move the point to where "
        "the surface is drawn.",
    )


def gradient_notes(facts: PointFacts) -> list[Note]:
    if not facts.defined:
        return [undefined_note(facts)]
    if facts.critical:
        return [
            Note(
                "info",
                "∇f = 0 here: a critical point. The tangent plane is flat and there is no "
                "uphill direction (the **Hessian** part says what kind of point it is).",
            )
        ]
    angle = numbers.text(math.degrees(facts.uphill) % 360, places=0)
    return [
        Note(
            "info",
            f"∇f points uphill at {angle}°, steepest way up, at right angles to the level "
            "curve (white) through the point; −∇f is the way gradient descent steps.",
        )
    ]


SURFACE_CAPTION = "z = f(x, y) in 3D: drag to turn it. The point's tangent plane: the next part."
PLANE_RULE = r"z = f(x_0, y_0) + f_x\,(x - x_0) + f_y\,(y - y_0)"


def plane_latex(facts: PointFacts) -> str:
    """The tangent plane at the point with its numbers (zero tilts left out)."""
    (x0, y0), (fx, fy) = facts.point, facts.gradient
    terms = [numbers.tex(facts.value)]
    for slope, var, at in ((fx, "x", x0), (fy, "y", y0)):
        if numbers.tex(abs(slope)) != "0":
            terms.append(rf"{numbers.signed_tex(slope)}\,{numbers.shifted_tex(var, at)}")
    return "z = " + " ".join(terms)


def plane_notes(facts: PointFacts) -> list[Note]:
    if not facts.defined:
        return [undefined_note(facts)]
    if facts.critical:
        return [
            Note(
                "info",
                "∇f = 0 here: the tangent plane is level. Whether the surface curves up, "
                "down or both ways from it is the **Hessian**'s question.",
            )
        ]
    fx, fy = (numbers.text(v) for v in facts.gradient)
    return [
        Note(
            "info",
            f"The plane touches the surface at the point and tilts as it does there: its slope "
            f"is {fx} along x and {fy} along y, the two entries of ∇f. Close to the "
            "point f is almost this plane (the linear approximation), the gap growing like "
            "the square of the distance: what a gradient step trusts.",
        )
    ]


def directional_latex(facts: PointFacts, theta: float) -> tuple[str, str]:
    """D_u f = ∇f · u, as the rule and then with the numbers (two lines)."""
    fx, fy = facts.gradient
    degrees = numbers.tex(math.degrees(theta) % 360, places=0)
    value = fx * math.cos(theta) + fy * math.sin(theta)
    rule = r"D_u f = \nabla f \cdot u = f_x \cos\theta + f_y \sin\theta"
    filled = (
        rf"= {numbers.tex(fx)} \cos {degrees}^\circ {numbers.signed_tex(fy)} \sin {degrees}^\circ "
        rf"= {numbers.tex(value)}"
    )
    return rule, filled


def directional_max_latex(facts: PointFacts) -> str:
    """max D_u f = |∇f|, at the gradient's direction."""
    angle = numbers.tex(math.degrees(facts.uphill) % 360, places=1)
    return (
        rf"\max_u D_u f = |\nabla f| = {numbers.tex(facts.slope)} \text{{ at }} "
        rf"\theta = {angle}^\circ"
    )


def directional_notes(facts: PointFacts, theta: float) -> list[Note]:
    if not facts.defined:
        return [undefined_note(facts)]
    if facts.critical:
        return [Note("info", "∇f = 0: every direction is level here, Dᵤf = 0 for all θ.")]
    gap = (math.degrees(theta - facts.uphill) + 180) % 360 - 180
    return [
        Note(
            "info",
            f"u is {numbers.text(abs(gap), places=0)}° from ∇f: Dᵤf = |∇f| cos of that angle. "
            "Along ∇f it is largest, against it most negative, and 0 at right angles, "
            "along the level curve.",
        )
    ]


def hessian_latex(expr: Expression, facts: PointFacts) -> str:
    """H = the matrix of second derivatives, with its numbers."""
    return rf"H{_point(facts)} = {numbers.latex_matrix(facts.hessian)}"


HESSIAN_RULE = r"H = \begin{bmatrix} f_{xx} & f_{xy} \\ f_{yx} & f_{yy} \end{bmatrix}"


def eigen_latex(bend: Curvature) -> str:
    first, second = bend.values
    return rf"\lambda_1 = {numbers.tex(first)}, \quad \lambda_2 = {numbers.tex(second)}"


VERDICTS = {
    "minimum": "both eigenvalues > 0: f curves **up** in every direction (a bowl)",
    "maximum": "both eigenvalues < 0: f curves **down** in every direction (a cap)",
    "saddle": "the eigenvalues have opposite signs: up along one direction, down along the "
    "other (a saddle)",
    "silent": "an eigenvalue is 0: the second derivatives cannot tell (look at higher ones)",
}
AT_CRITICAL = {
    "minimum": "a **local minimum**.",
    "maximum": "a **local maximum**.",
    "saddle": "a **saddle point**.",
    "silent": "the test is **silent**: it may be a minimum, a maximum or a saddle.",
}


def verdict(facts: PointFacts, bend: Curvature) -> str:
    """What the Hessian says here, in one sentence."""
    if facts.critical:
        return f"∇f = 0 and {VERDICTS[bend.kind]}: {AT_CRITICAL[bend.kind]}"
    return (
        f"Here {VERDICTS[bend.kind]}. This is not a critical point (∇f ≠ 0), so it is none "
        "of minimum, maximum or saddle: move the point to where ∇f = 0 to use the test."
    )


def hessian_notes(facts: PointFacts, bend: Curvature | None) -> list[Note]:
    if not facts.defined or bend is None:
        return [undefined_note(facts)] if not facts.defined else [
            Note("warning", "The second derivatives are undefined here.")
        ]  # fmt: skip
    return [Note("info", verdict(facts, bend))]


CRITICAL_CAPTION = "Go to a critical point (∇f = 0):"


def critical_label(x: float, y: float) -> str:
    """A button's label: the point and what it is."""
    return f"({numbers.text(x)}, {numbers.text(y)})"


def critical_points_caption(points: tuple[tuple[float, float, str], ...]) -> str:
    """The registry's critical points of the surface, for the reader to try."""
    shown = ", ".join(f"({numbers.text(x)}, {numbers.text(y)}) {kind}" for x, y, kind in points)
    return f"Critical points to try: {shown}."


WHY = (
    "A model's loss is a surface over its parameters. Gradient descent steps along −∇L, "
    "the steepest way down, at right angles to the loss's level sets; the Hessian's "
    "eigenvalues say how sharply the loss curves in each direction: the largest limits the "
    "step size (steps longer than 2/λ_max diverge), a small one makes a slow valley, and "
    "mixed signs are the saddle points that high-dimensional training has to escape."
)
WHY_SHORT = "Gradient descent steps along −∇L; the Hessian's eigenvalues set how big a step can be."
