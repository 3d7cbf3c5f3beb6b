"""The words and formulas of /eigenvectors-svd: plain words, never NaN."""

from __future__ import annotations

import re

import numpy as np
import pytest

from mathviz.core import matrix2, numbers
from mathviz.linalg import (
    eigen,
    pca,
    power,
    text_eigen,
)
from tests.harness.latex import assert_sound


def test_numbers_never_show_nan_or_negative_zero():
    assert numbers.text(float("nan")) == "undefined"
    assert numbers.text(float("inf")) == "∞"
    assert numbers.text(-0.0) == "0" and numbers.text(-1e-15) == "-10⁻¹⁵"  # never "-1e-15"
    assert numbers.tex(2e6) == r"2 \times 10^{6}"
    assert numbers.tex(-float("inf")) == r"-\infty"
    assert numbers.tex(1.23456, text_eigen.DIGITS) == "1.235"  # the page's four digits
    assert numbers.text(1e-12 * 1.0000889, text_eigen.DIGITS) == "10⁻¹²"


@pytest.mark.parametrize("name", list(eigen.PRESETS))
def test_every_preset_has_plain_words_and_nan_free_formulas(name):
    A = np.array(eigen.PRESETS[name].matrix)
    result, svd = matrix2.eigen_analysis(A), matrix2.svd_2x2(A)
    notes = text_eigen.matrix_notes(A, result, svd, eigen.display_factor(A))
    scene = power.power_scene(A, 100, 12)
    texts = [note.text for note in notes] + [
        text_eigen.eigen_latex(result),
        text_eigen.svd_latex(A, svd),
        text_eigen.condition_latex(svd),
        text_eigen.power_latex(scene.dominant, scene.iteration),
        *text_eigen.line_labels(result),
    ]
    for text in texts:
        assert not re.search(r"\bnan\b|\binf\b", text.lower()), text
        assert not re.search(r"\^\(|e[+-]\d", text), text  # no programmer notation
    for latex in texts[len(notes) :][:4] + [text_eigen.matrix_latex(A)]:
        assert_sound(latex)  # KaTeX would show it raw, in red
    awkward = {
        "Shear (defective)": "defective",
        "Reflection": "same size",
        "Projection (singular)": "singular",
        "Uniform scaling": "every vector",
        "Nearly singular": "nearly singular",
        "Huge entries": "scaled",
        "Zero matrix": "zero matrix",
        "Rotation and scale (complex)": "no real eigenvector",
    }
    if name in awkward:
        assert any(awkward[name] in note.text for note in notes), [n.text for n in notes]
    else:
        assert not notes


def test_power_and_pca_notes_explain_stalls_in_words():
    stuck = power.power_scene(np.array([[0.5, 0.5], [0.5, 0.5]]), 135, 5)  # v₀ in the null space
    assert any(
        "zero vector" in note.text and "v₀" in note.text for note in text_eigen.power_notes(stuck)
    )
    blind = power.power_scene(np.array([[3.0, 0.0], [0.0, 1.0]]), 90, 5)
    assert any("other eigenvector" in note.text for note in text_eigen.power_notes(blind))
    assert text_eigen.power_notes(power.power_scene(np.eye(2) * [[3], [1]], 30, 5)) == []
    round_cloud = pca.pca_scene(0, 500, 0.0, 1.0, 1.0)
    assert text_eigen.pca_notes(round_cloud.pca)
    assert not text_eigen.pca_notes(pca.pca_scene(0, 500, 0.9, 2.0, 1.0).pca)


def test_power_rate_of_a_tiny_ratio_is_no_double_superscript():
    """Nearly singular: |λ₂/λ₁| ≈ 5×10⁻¹³, once written ``10^{-13}^k`` (KaTeX refused it)."""
    A = np.array(eigen.PRESETS["Nearly singular"].matrix)
    scene = power.power_scene(A, 100, 12)
    latex = text_eigen.power_latex(scene.dominant, scene.iteration)
    assert "}^k" not in latex.replace(r"\right)^k", "")
    assert r"\right)^k" in latex
    assert_sound(latex)


def test_nearly_singular_matrix_shows_the_digits_that_make_it_invertible():
    """Printed with four digits it read [[1, 1], [1, 1]] beside "invertible"."""
    A = np.array(eigen.PRESETS["Nearly singular"].matrix)
    latex = text_eigen.matrix_latex(A)
    assert "1.000000000001" in latex
    shown = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", latex.split("=")[-1])]
    det = shown[0] * shown[3] - shown[1] * shown[2]
    assert det == pytest.approx(matrix2.determinant(A), rel=0.01)
    ordinary = text_eigen.matrix_latex(np.array(eigen.PRESETS["Symmetric stretch"].matrix))
    assert ordinary.endswith(numbers.latex_matrix(eigen.PRESETS["Symmetric stretch"].matrix, 4))


def test_the_svd_formula_fits_a_side_column_and_kappa_is_sigma1_over_sigma2():
    flipped = matrix2.svd_2x2(np.array([[-0.7, -1.27], [-0.62, 0.04]]))
    assert flipped.reflection
    rows = text_eigen.svd_latex(None, flipped).split(r"\\")
    assert any(r"-1\end{bmatrix}" in row and "U =" not in row for row in rows)  # flip alone
    assert_sound(text_eigen.svd_latex(None, flipped))
    sigma = np.linalg.svd(np.array([[2.0, 1.0], [1.0, 2.0]]), compute_uv=False)
    kappa = text_eigen.condition_latex(matrix2.svd_2x2(np.array([[2.0, 1.0], [1.0, 2.0]])))
    assert kappa.endswith(f"{sigma[0]:.0f} / {sigma[1]:.0f} = 3") and r"\frac" not in kappa
    singular = text_eigen.condition_latex(matrix2.svd_2x2(np.array([[1.0, 1.0], [1.0, 1.0]])))
    assert r"\infty" in singular
