"""The words and formulas of /linear-algebra, built from the maths results (plain strings;
the page decides how to show them)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mathviz.core import numbers
from mathviz.core.matrix2 import Eigen, MatrixFacts
from mathviz.core.notes import Note
from mathviz.core.numbers import latex_matrix, latex_vector, tex
from mathviz.core.numbers import text as fmt
from mathviz.linalg.cube import VOLUME_DIGITS
from mathviz.linalg.transform import (
    STEPS,
    active_steps,
    commute,
    compose,
    entry_digits,
    step_matrices,
)

BIG_VIEW = 50.0  # views wider than this get a "zoomed out" note


def exact_matrix_latex(matrix: np.ndarray) -> str:
    """A matrix with enough digits to tell its determinant from 0 (see ``entry_digits``)."""
    return latex_matrix(matrix, entry_digits(matrix))


def image_latex(
    matrix: np.ndarray, vector: Sequence[float], image: np.ndarray, stacked: bool = False
) -> str:
    """``A = (A), A v = (A)(v) = (Av)``; ``stacked``: on two aligned lines (a narrow column)."""
    shown = exact_matrix_latex(matrix)
    product = rf"{shown}{latex_vector(vector)} = {latex_vector(image)}"
    if stacked:
        return rf"\begin{{aligned}} A &= {shown} \\ A v &= {product} \end{{aligned}}"
    return rf"A = {shown}, \quad A v = {product}"


def determinant_latex(facts: MatrixFacts) -> str:
    """``det A = ad - bc = (numbers) = value``, for a 2x2 or 3x3 matrix."""
    a = facts.matrix
    if a.shape == (2, 2):
        k = entry_digits(a)
        return (
            rf"\det A = ad - bc = ({tex(a[0, 0], k)})({tex(a[1, 1], k)}) - ({tex(a[0, 1], k)})"
            rf"({tex(a[1, 0], k)}) = {tex(facts.determinant)}"
        )
    volume = tex(abs(facts.determinant), VOLUME_DIGITS)
    return rf"\text{{volume factor}} = |\det M| = {volume}"


def inverse_latex(facts: MatrixFacts) -> str:
    """``A⁻¹ = (1/det) [[d, -b], [-c, a]] = (numbers)``, or why there is no inverse."""
    a = facts.matrix
    if facts.inverse is None:
        return rf"\det A = 0 \;\Rightarrow\; A^{{-1}} \text{{ does not exist (rank {facts.rank})}}"
    adjugate = np.array([[a[1, 1], -a[0, 1]], [-a[1, 0], a[0, 0]]])
    return (
        rf"A^{{-1}} = \frac{{1}}{{{tex(facts.determinant)}}} {latex_matrix(adjugate)}"
        rf" = {latex_matrix(facts.inverse)}"
    )


def step_symbol(name: str, amount: float) -> str:
    """The LaTeX name of one step's factor: ``R_{90°}``, ``H^x_{1}``."""
    return STEPS[name].symbol.format(tex(amount))


def composition_latex(steps: Sequence[tuple[str, float]]) -> str:
    """``A = M3 M2 M1`` with each factor named (the first step stands rightmost)."""
    chosen = active_steps(steps)
    if not chosen:
        return r"A = I"
    names = " ".join(step_symbol(name, amount) for name, amount in reversed(chosen))
    factors = " ".join(latex_matrix(STEPS[name].build(amount)) for name, amount in reversed(chosen))
    return rf"A = {names} = {factors} = {latex_matrix(compose(step_matrices(chosen)))}"


def order_sentence(steps: Sequence[tuple[str, float]]) -> str:
    """Whether the chosen steps give another matrix when applied in the reverse order."""
    same, swapped = commute(steps)
    if same:
        return "In the reverse order these steps give the same matrix: they commute."
    return (
        "Order matters: the same steps in the reverse order give a different matrix, "
        f"${latex_matrix(swapped)}$."
    )


def eigen_path_note(has_spans: bool, path: str) -> str | None:
    """A warning when the animation's path does not keep the eigenvectors on their lines.

    Parameters
    ----------
    has_spans : whether real eigen-directions are drawn.
    path : ``"straight"``, ``"by angle"`` or ``"steps"`` (composed steps played in turn).
    """
    if not has_spans or path == "straight":
        return None
    if path == "by angle":
        return (
            "On the path *by angle* the eigenvectors leave their lines mid-way and land back "
            "on them at the end; choose *straight* to watch them stay on their lines."
        )
    return (
        "Step by step, the eigenvectors of the whole product leave their lines mid-way; "
        "switch off *Play the steps one by one* to watch them stay on their lines."
    )


def rank_sentence(facts: MatrixFacts, name: str = "A") -> str:
    """What the rank of the matrix ``name`` means for the picture, in a sentence or two."""
    n = facts.matrix.shape[0]
    space = "plane" if n == 2 else "space"
    if facts.rank == n:
        return (
            f"Rank {n}: the columns point in {n} independent directions, so {name} fills the "
            f"{space}: its column space is the whole {space} and its null space only the zero "
            "vector."
        )
    if facts.rank == 0:
        return f"Rank 0: every vector lands on the origin; the whole {space} is the null space."
    column = ", ".join(fmt(x, 2) for x in facts.column_space[0])
    null = ", ".join(fmt(x, 2) for x in facts.null_space[0])
    if n == 2:
        return (
            f"Rank 1: the plane collapses onto the line through ({column}), the column space. "
            f"Every vector along ({null}), the null space, lands on the origin."
        )
    if facts.rank == 2:
        return (
            "Rank 2: space collapses onto a plane (the column space), so the volume becomes 0. "
            f"Every vector along ({null}), the null space, lands on the origin."
        )
    return (
        f"Rank 1: space collapses onto the line through ({column}), so the volume becomes 0; "
        "a whole plane of vectors (the null space) lands on the origin."
    )


def no_inverse_reason(facts: MatrixFacts) -> str:
    """Why a singular matrix has no inverse, in plain words."""
    if facts.rank == 0:
        return (
            "A sends every vector to the origin, so from A x = 0 nothing about x can be "
            "recovered: no map can undo A, so A has no inverse."
        )
    return (
        "A squashes the plane onto a line, so different vectors land on the same point: "
        "x and x + n, for any n in the null space, have the same image. No map can tell "
        "them apart again, so A has no inverse (and det A = 0 says the same: areas become 0)."
    )


def notes(
    facts: MatrixFacts,
    window: np.ndarray | None = None,
    tiny_entries: bool = False,
    name: str = "A",
) -> list[Note]:
    """Plain-language notes about singular, nearly singular, huge, tiny and zero matrices.

    Parameters
    ----------
    facts : :func:`~mathviz.core.matrix2.matrix_facts` of the matrix shown.
    window : the view window of the transform view, to mention when it zooms out.
    tiny_entries : whether ``as_matrix`` read some tiny entry as 0.
    name : the matrix's name on the page (``A`` in 2D, ``M`` in 3D).
    """
    found: list[Note] = []
    s = facts.singular_values
    space, measure = ("plane", "area") if facts.matrix.shape[0] == 2 else ("space", "volume")
    if tiny_entries:
        found.append(Note("info", "Entries smaller than 10⁻¹⁰⁰ in size are read as 0."))
    if facts.rank == 0:
        found.append(Note("warning", f"{name} is the zero matrix: it sends every vector to 0."))
    elif not facts.invertible:
        target = "a line" if facts.rank == 1 else "a plane"
        found.append(
            Note(
                "warning",
                f"det {name} = 0: {name} flattens the {space} onto {target}, so every "
                f"{measure} becomes 0 and {name} has no inverse.",
            )
        )
    elif facts.nearly_singular:
        found.append(
            Note(
                "warning",
                f"Nearly singular: det {name} = {fmt(facts.determinant)} is tiny next to the "
                f"entries (condition number {fmt(facts.condition)}). The {space} is squashed "
                f"almost flat; {name}⁻¹ exists but has enormous entries, and in floating point "
                "it multiplies rounding errors by that much.",
            )
        )
    if window is not None and float(np.abs(window).max()) > BIG_VIEW:
        found.append(
            Note(
                "info",
                f"Big numbers: the view zooms out to about ±{fmt(np.abs(window).max(), 2)} so "
                "that the image fits. The grid is still 1 unit apart before the map, so at the "
                "start of the animation it is a speck at the origin.",
            )
        )
    if facts.rank > 0 and s[0] < 1e-3:
        found.append(
            Note(
                "info",
                f"Small numbers: {name} shrinks every vector to at most {fmt(s[0])} of its "
                "length, so the image is a speck at the origin.",
            )
        )
    return found


def eigen_sentence(result: Eigen) -> str:
    """The eigenvectors in words: directions, stretch factors, or rotation-and-scale."""
    if result.turn is not None:
        radius, angle = result.turn
        return (
            f"Rotation-and-scale, no real eigenvector: the eigenvalues are complex, "
            f"{fmt(radius)}·e^(±i·{fmt(angle)}°). Every direction is turned (by about "
            f"{fmt(angle)}° on average) and lengths grow by about {fmt(radius)}, so no line "
            "through the origin stays put."
        )
    spans = result.spans
    if result.every_direction:
        return (
            f"A = {fmt(spans[0].value)}·I: every vector is an eigenvector with "
            f"λ = {fmt(spans[0].value)} (the two axes are drawn)."
        )
    parts = [
        f"λ = {fmt(span.value)} along {numbers.vector_text(span.direction, 2)}" for span in spans
    ]
    if len(spans) == 1:
        return (
            f"One eigen-direction only: {parts[0]} (a repeated eigenvalue, as in a shear). "
            "Vectors on this line stay on it; every other direction turns."
        )
    return (
        "Two eigen-directions: "
        + "; ".join(parts)
        + ". Vectors on these lines stay on them and are stretched by λ (flipped if λ < 0)."
    )
