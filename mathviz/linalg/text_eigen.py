"""The words and formulas of /eigenvectors-svd, built from the maths results: notes about
awkward matrices, legend labels, and the formulas with the current numbers."""

from __future__ import annotations

import math

import numpy as np

from mathviz.core import numbers
from mathviz.core.matrix2 import NEARLY_SINGULAR, SVD2, Eigen, determinant
from mathviz.core.notes import Note
from mathviz.linalg.pca import PCA
from mathviz.linalg.power import Dominant, PowerIteration, PowerScene, dominant_eigenvector
from mathviz.linalg.text import gathered
from mathviz.linalg.transform import entry_digits

DIGITS = 4  # significant digits of the numbers on this page


def _text(x: float, digits: int = DIGITS) -> str:
    return numbers.text(x, digits)


def _tex(x: float, digits: int = DIGITS) -> str:
    return numbers.tex(x, digits)


def matrix_latex(matrix: np.ndarray) -> str:
    """A = [a b; c d] with its numbers, with enough digits to tell det A from 0: the nearly
    singular preset reads 1.000000000001, not 1 (which would look singular)."""
    digits = max(DIGITS, entry_digits(matrix))
    return r"A = \begin{bmatrix} a & b \\ c & d \end{bmatrix} = " + numbers.latex_matrix(
        matrix, digits
    )


def matrix_notes(matrix: np.ndarray, eigen: Eigen, svd: SVD2, factor: float) -> list[Note]:
    """What is special about A, in words: zero, singular, nearly singular, huge, repeated,
    defective, complex or tied eigenvalues. Empty for an ordinary matrix."""
    notes: list[Note] = []
    sigma1, sigma2 = svd.singular_values
    det = determinant(matrix)
    if sigma1 == 0:
        notes.append(
            Note(
                "info",
                "A is the zero matrix: it sends every vector to the origin. Every vector is "
                "an eigenvector (eigenvalue 0); there is nothing for power iteration to "
                "follow and no inverse.",
            )
        )
        return notes
    if math.isinf(svd.condition):
        notes.append(
            Note(
                "info",
                "A is singular (det A = 0): it flattens the whole plane onto a line. One "
                "eigenvalue is 0, and its eigenvector is the direction A crushes to the "
                "origin. The smallest singular value is 0, so the condition number is ∞ "
                "and A has no inverse.",
            )
        )
    elif svd.condition > NEARLY_SINGULAR:
        digits = math.log10(svd.condition)
        notes.append(
            Note(
                "warning",
                f"A is nearly singular: det A = {_text(det)} and the condition number "
                f"is about {_text(svd.condition, 2)}. Solving A x = b with it loses "
                f"about {digits:.0f} of the 16 significant digits a computer keeps, and the "
                "picture squashes the plane almost onto a line.",
            )
        )
    if factor < 1:
        notes.append(
            Note(
                "info",
                f"A stretches by up to {_text(sigma1)}, too much to draw: the pictures "
                f"show A scaled by {_text(factor)}. Scaling turns no direction, so the "
                "eigenvectors and singular vectors drawn are exactly A's; the numbers quoted "
                "are A's own.",
            )
        )
    lam = _text(eigen.values[0].real)
    if eigen.kind == "scalar":
        notes.append(
            Note(
                "info",
                f"A = {lam}·I stretches every direction by the same factor, so every vector "
                "is an eigenvector (the axes are drawn as two of them). Power iteration has "
                "nothing to converge to: it is there from the start.",
            )
        )
    elif eigen.kind == "defective":
        notes.append(
            Note(
                "info",
                f"A has the eigenvalue {lam} twice but only one eigenvector direction: it is "
                "defective, like a shear. Other vectors slide along that line instead of "
                "staying on their own; power iteration still creeps towards it, but only like "
                "1/k, not geometrically.",
            )
        )
    elif eigen.kind == "complex":
        view = eigen.rotation
        notes.append(
            Note(
                "info",
                "A has no real eigenvector: it turns every direction. Its eigenvalues are the "
                f"complex pair r·e⁺ⁱᶿ, r·e⁻ⁱᶿ with r = |λ| = {_text(view.scale)} and "
                f"θ = {_text(abs(math.degrees(view.angle)))}°: in a tilted basis A "
                "rotates by θ and scales by r. Power iteration keeps turning and never settles.",
            )
        )
    elif dominant_eigenvector(eigen) is None and abs(eigen.vector_values[0]) > 0:
        first, second = eigen.vector_values
        notes.append(
            Note(
                "info",
                f"The eigenvalues {_text(first)} and {_text(second)} have the "
                "same size, so neither dominates: power iteration never settles on one "
                "direction, it keeps hopping between them.",
            )
        )
    return notes


def power_notes(scene: PowerScene) -> list[Note]:
    """Why power iteration has stopped or stalled, in words (empty when all is well)."""
    notes = []
    if scene.iteration.collapsed_at is not None:
        notes.append(
            Note(
                "info",
                f"A sends v{numbers.subscript(scene.iteration.collapsed_at)} to the zero "
                "vector: it lies in A's null space, so there is no direction left to follow.",
            )
        )
    if scene.blind:
        notes.append(
            Note(
                "info",
                "v₀ lies exactly on the other eigenvector's line: it has no part along v₁ to "
                "grow, so only rounding errors can tip it over. Move v₀ a little.",
            )
        )
    return notes


def pca_notes(pca: PCA) -> list[Note]:
    """A warning in words when the principal axes are barely defined (a round cloud)."""
    if pca.explained[0] >= 0.55:
        return []
    return [
        Note(
            "info",
            "The two variances are almost equal: the cloud is nearly round, so the principal "
            "axes are barely defined and move a lot with the seed.",
        )
    ]


# --- formulas with the current numbers ------------------------------------------------------


def line_labels(eigen: Eigen) -> list[str]:
    """Legend text for the eigenvector lines (or the ellipse a complex pair turns along)."""
    if eigen.kind == "complex":
        return ["the ellipse A turns along itself"]
    if eigen.kind == "scalar":
        return ["every direction is an eigenvector"] * 2
    return [
        f"eigenvector line {index} (λ{'₁₂'[index - 1]} = {_text(value)})"
        for index, value in enumerate(eigen.vector_values, start=1)
    ]


def eigen_latex(eigen: Eigen) -> str:
    """The eigen-equation with A's eigenvalues and eigenvectors filled in."""
    if eigen.kind == "complex":
        view = eigen.rotation
        alpha, beta = eigen.values[0].real, abs(eigen.values[0].imag)
        return gathered(
            rf"\lambda = {_tex(alpha)} \pm {_tex(beta)}\,i = r\,e^{{\pm i\theta}}",
            rf"r = |\lambda| = \sqrt{{\det A}} = {_tex(view.scale)}",
            rf"\theta = {_tex(abs(math.degrees(view.angle)))}^\circ",
        )
    if eigen.kind == "scalar":
        lam = _tex(eigen.vector_values[0])
        return gathered(rf"A = {lam}\,I", rf"A v = {lam}\,v \ \text{{for every }} v")
    lines = [r"A v = \lambda v"] + [
        rf"\lambda_{i} = {_tex(value)},\ \ "
        rf"v_{i} = {numbers.latex_matrix(eigen.vectors[:, i - 1], 3)}"
        for i, value in enumerate(eigen.vector_values, start=1)
    ]
    if eigen.kind == "defective":
        lines.append(r"\text{(twice, with only this one eigenvector line)}")
    return gathered(*lines)


def _power_base(base: str) -> str:
    """A number as the base of a power: in parentheses when it is itself written with a power
    (``10^{-13}^k`` is a double superscript KaTeX refuses)."""
    return rf"\left({base}\right)" if "^" in base else base


def power_latex(dominant: Dominant | None, iteration: PowerIteration) -> str:
    """Power iteration's update and its rate, with the current numbers."""
    update = r"v_{k+1} = \frac{A v_k}{\lVert A v_k \rVert}"
    if dominant is None:
        return update
    done = iteration.valid - 1
    growth = iteration.growth[done - 1] if done >= 1 else abs(dominant.value)
    if dominant.ratio >= 1:
        rate = r"\text{error} \sim 1/k \ \ \text{(defective: slow)}"
    else:
        rate = (
            rf"\text{{error}} \propto \left|\frac{{\lambda_2}}{{\lambda_1}}\right|^k"
            rf" = {_power_base(_tex(dominant.ratio, 3))}^k"
        )
    last = max(done - 1, 0)
    return gathered(
        rf"{update},\qquad {rate}",
        rf"\lVert A v_{{{last}}} \rVert = {_tex(growth)} \ \to\ |\lambda_1| = "
        rf"{_tex(abs(dominant.value))}",
    )


def svd_latex(matrix: np.ndarray, svd: SVD2) -> str:
    """A = U Σ Vᵀ factor by factor, in the order they act (the condition number is
    :func:`condition_latex`)."""
    first = _tex(math.degrees(svd.first_angle), 3)
    last = _tex(math.degrees(svd.last_angle), 3)
    rows = [
        r"A = U\,\Sigma\,V^\mathsf{T}",
        rf"V^\mathsf{{T}} = {numbers.latex_matrix(svd.Vt, 3)} = R({first}^\circ)",
        rf"\Sigma = {numbers.latex_matrix(np.diag(svd.singular_values), 4)}",
    ]
    if svd.reflection:  # a turn and a flip: on a line of their own, to fit a side column
        rows += [
            rf"U = {numbers.latex_matrix(svd.U, 3)}",
            rf"= R({last}^\circ)\begin{{bmatrix}}1 & 0 \\ 0 & -1\end{{bmatrix}}",
        ]
    else:
        rows.append(rf"U = {numbers.latex_matrix(svd.U, 3)} = R({last}^\circ)")
    return gathered(*rows)


def condition_latex(svd: SVD2) -> str:
    """The condition number κ = σ₁/σ₂ with its numbers (∞ when σ₂ = 0)."""
    sigma1, sigma2 = svd.singular_values
    if math.isinf(svd.condition):
        return r"\kappa(A) = \sigma_1 / \sigma_2 = \infty \ \ (\sigma_2 = 0)"
    # σ₁/σ₂ on one line: a fraction's foot reaches below the formula's box.
    return (
        rf"\kappa(A) = \sigma_1 / \sigma_2 = {_tex(sigma1)} / {_tex(sigma2)}"
        rf" = {_tex(svd.condition, 3)}"
    )


def pca_latex(pca: PCA) -> str:
    """The covariance matrix, its eigenvalues and the variance the first axis explains."""
    first, second = pca.variances
    return gathered(
        rf"C = \tfrac{{1}}{{n-1}}X_c^\mathsf{{T}}X_c = {numbers.latex_matrix(pca.covariance, 3)}",
        rf"\lambda_1 = {_tex(first, 3)},\ \ \lambda_2 = {_tex(second, 3)}",
        rf"\frac{{\lambda_1}}{{\lambda_1 + \lambda_2}} = "
        rf"{_tex(100 * pca.explained[0], 3)}\%",
    )
