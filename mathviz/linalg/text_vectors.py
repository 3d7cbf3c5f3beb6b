"""The words and formulas of /vectors, built from the maths results."""

from __future__ import annotations

import numpy as np

from mathviz.core import numbers
from mathviz.linalg.least_squares import LineFit
from mathviz.linalg.text import gathered
from mathviz.linalg.vectors import BasisCoordinates, DotProduct, cosine_similarity

DIGITS = 4  # significant digits of the numbers on this page


def _text(x: float, digits: int = DIGITS) -> str:
    return numbers.text(x, digits)


def _tex(x: float, digits: int = DIGITS) -> str:
    return numbers.tex(x, digits)


def _matrix(matrix: np.ndarray, digits: int = DIGITS) -> str:
    return numbers.latex_matrix(matrix, digits)


def basis_note(result: BasisCoordinates) -> str | None:
    """What is wrong with b₁, b₂ as a basis, in words; None for a comfortable basis."""
    if result.rank < 2:
        where = (
            "x lies on that line, so it has infinitely many pairs of coordinates."
            if result.in_span
            else "x is off that line, so no coordinates c₁, c₂ give x."
        )
        return (
            "b₁ and b₂ are dependent (one is a multiple of the other, or zero): they only "
            f"reach the points of one line, so they are not a basis. {where}"
        )
    if result.condition > 100:
        return (
            f"b₁ and b₂ are nearly parallel (condition number {_text(result.condition, 3)}):"
            " a small change of x moves its coordinates a lot."
        )
    return None


def dot_latex(result: DotProduct) -> str:
    """u·v by components and as |u||v|cos θ, with the angle and the shadow's length."""
    (ux, uy), (vx, vy) = result.u, result.v
    n = _tex
    lines = [
        rf"u \cdot v = ({n(ux)})({n(vx)}) + ({n(uy)})({n(vy)}) = {n(result.dot)}",
        rf"|u| = {n(result.norm_u)},\ \ |v| = {n(result.norm_v)}",
    ]
    if result.cosine is None:
        lines.append(r"\cos\theta\ \text{undefined (a zero vector)}")
    else:
        lines += [
            rf"\cos\theta = \frac{{u \cdot v}}{{|u|\,|v|}} = {n(result.cosine)}",
            rf"\theta = {n(result.angle, 3)}^\circ",
            rf"\text{{shadow}} = \frac{{u \cdot v}}{{|u|}} = |v|\cos\theta = "
            rf"{n(result.scalar_projection)}",
        ]
    return gathered(*lines)


def cosine_latex(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> str:
    """The cosine similarity of two embeddings, worked out step by step."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)

    def row(vector: np.ndarray) -> str:
        return "(" + ", ".join(_tex(value, 2) for value in vector) + ")"

    norm_a, norm_b = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    value = cosine_similarity(a, b)
    shown = _tex(value, 3) if value is not None else r"\text{undefined}"
    return gathered(
        *[
            rf"a = \text{{{name_a}}} = {row(a)}",
            rf"b = \text{{{name_b}}} = {row(b)}",
            rf"a \cdot b = {_tex(float(a @ b), 4)},\ \ |a| = {_tex(norm_a, 4)},"
            rf"\ \ |b| = {_tex(norm_b, 4)}",
            rf"\cos(a, b) = \frac{{a \cdot b}}{{|a|\,|b|}} = {shown}",
        ]
    )


def basis_latex(result: BasisCoordinates) -> str:
    """x = c₁b₁ + c₂b₂ as the system B c = x, and its solution."""
    x = result.target
    system = rf"B\,c = x:\ \ {_matrix(result.basis, 3)} c = {_matrix(x, 3)}"
    if result.coordinates is None:
        reason = (
            r"\text{no unique } c:\ \det B = 0"
            if result.rank == 1
            else r"\text{no unique } c:\ b_1 = b_2 = 0"
        )
        return gathered(system, reason)
    c1, c2 = result.coordinates
    return gathered(
        *[
            system,
            rf"c = B^{{-1}}x = {_matrix(result.coordinates, 3)}",
            rf"x = {_tex(c1, 3)}\,b_1 + {_tex(c2, 3)}\,b_2",
        ]
    )


def normal_equations_latex(fit: LineFit) -> str:
    """XᵀX β̂ = Xᵀy with the current sums, the solution, and Xᵀe ≈ 0."""
    lines = [
        r"X^\mathsf{T}X\,\hat\beta = X^\mathsf{T}y:",
        rf"{_matrix(fit.gram, 4)}"
        rf"\begin{{bmatrix}}\hat\beta_0 \\ \hat\beta_1\end{{bmatrix}} = "
        rf"{_matrix(fit.moment, 4)}",
        rf"\hat\beta = {_matrix(fit.coefficients, 4)}",
        rf"X^\mathsf{{T}}e = {_matrix(fit.residual_dot_columns, 2)}",
    ]
    return gathered(*lines, gap="6pt")
