"""Eigenvectors on /eigenvectors-svd: presets and the I -> A morph."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings

from mathviz.core import geometry, matrix2
from mathviz.linalg import (
    eigen,
    power,
)
from tests.core.cases import all_finite, eigen_matrices


def test_rotation_scale_preset_turns_by_30_degrees_and_grows_by_1_1():
    result = matrix2.eigen_analysis(np.array(eigen.PRESETS["Rotation and scale (complex)"].matrix))
    assert result.kind == "complex"
    assert math.degrees(result.rotation.angle) == pytest.approx(30)
    assert result.rotation.scale == pytest.approx(1.1)
    np.testing.assert_allclose(result.rotation.basis, np.eye(2), atol=1e-12)


def test_presets_have_their_textbook_eigen_structure():
    def analysis(name):
        return matrix2.eigen_analysis(np.array(eigen.PRESETS[name].matrix))

    symmetric = analysis("Symmetric stretch")
    assert symmetric.kind == "distinct"
    np.testing.assert_allclose(symmetric.vector_values, [3, 1])
    np.testing.assert_allclose(np.abs(symmetric.vectors), np.full((2, 2), 1 / math.sqrt(2)))
    markov = analysis("Markov chain (PageRank)")
    np.testing.assert_allclose(markov.vector_values, [1.0, 0.7])
    steady = markov.vectors[:, 0] / markov.vectors[:, 0].sum()
    np.testing.assert_allclose(steady, [2 / 3, 1 / 3])  # 0.9x + 0.2y = x  =>  x = 2y
    shear = analysis("Shear (defective)")
    assert shear.kind == "defective"
    np.testing.assert_allclose(shear.vectors[:, 0], [1, 0])
    assert analysis("Uniform scaling").kind == "scalar"
    assert analysis("Zero matrix").kind == "scalar"
    assert analysis("Reflection").kind == "distinct"
    assert power.dominant_eigenvector(analysis("Reflection")) is None
    nearly = analysis("Nearly singular")
    assert nearly.vector_values[1] == pytest.approx(
        np.linalg.det(np.array([[1, 1], [1, 1 + 1e-12]])) / 2, rel=1e-3
    )


@settings(max_examples=100, deadline=None)
@given(eigen_matrices())
def test_morph_runs_from_identity_to_A(A):
    matrices_ = eigen.morph_matrices(A, matrix2.eigen_analysis(A), 9)
    np.testing.assert_allclose(matrices_[0], np.eye(2), atol=1e-12)
    np.testing.assert_allclose(matrices_[-1], A, atol=1e-9 * max(1, np.linalg.norm(A)))
    assert all_finite(matrices_)


@settings(max_examples=150, deadline=None)
@given(eigen_matrices())
def test_eigenvectors_stay_on_their_lines_in_every_frame(A):
    A = A * eigen.display_factor(A)
    scene = eigen.morph_scene(A, n_frames=11)
    result = matrix2.eigen_analysis(A)
    assert all_finite(scene.grid, scene.shape, scene.arrows, scene.stretch)
    if result.kind == "complex":
        # Every frame is a partial rotation-and-scale: eigenvalues r^t e^{±itθ}.
        view = result.rotation
        for t, M in zip(scene.t, eigen.morph_matrices(A, result, 11), strict=True):
            expected = view.scale**t * np.exp(1j * t * view.angle)
            got = np.linalg.eigvals(M)
            assert min(abs(got - expected)) < 1e-7 * max(1.0, abs(expected))
        return
    for index, direction in enumerate(scene.lines):
        images = scene.arrows[:, index]
        cross = direction[0] * images[:, 1] - direction[1] * images[:, 0]
        np.testing.assert_allclose(cross, 0, atol=1e-8 * max(1.0, np.linalg.norm(A)))
        np.testing.assert_allclose(
            images, scene.stretch[:, [index]] * direction, atol=1e-8 * max(1, np.linalg.norm(A))
        )


def test_the_drawn_grid_is_A_applied_to_the_grid():
    A = np.array([[3.0, 1.0], [0.0, 2.0]])
    scene = eigen.morph_scene(A, n_frames=5)
    grid = geometry.grid_polyline(4)
    for t, drawn in zip(scene.t, scene.grid, strict=True):
        M = (1 - t) * np.eye(2) + t * A
        np.testing.assert_allclose(drawn, np.array([M @ p for p in grid]))


@settings(max_examples=200, deadline=None)
@given(eigen_matrices())
def test_closed_form_stretch_and_determinant_match_numpy(A):
    size = max(1e-300, float(np.abs(A).max()))
    nonzero = np.abs(A[A != 0])
    if nonzero.size and nonzero.min() > 1e-100:  # LAPACK warns on subnormals; we do not
        assert matrix2.largest_stretch(A) == pytest.approx(np.linalg.norm(A, 2), rel=1e-9)
        assert matrix2.determinant(A) == pytest.approx(
            np.linalg.det(A), rel=1e-6, abs=1e-12 * size**2
        )
    factor = eigen.display_factor(A)
    assert 0 < factor <= 1
    assert matrix2.largest_stretch(factor * A) <= eigen.DISPLAY_LIMIT * (1 + 1e-9)


@pytest.mark.parametrize("name", list(eigen.PRESETS))
def test_the_morph_carries_the_images_of_i_and_j_from_i_to_a(name):
    A = eigen.display_factor(eigen.PRESETS[name].matrix) * eigen.PRESETS[name].matrix
    scene = eigen.morph_scene(A, n_frames=7)
    np.testing.assert_allclose(scene.columns[0], np.eye(2), atol=1e-12)
    np.testing.assert_allclose(scene.columns[-1], A, atol=1e-12 * max(1.0, np.abs(A).max()))
    # Each frame's matrix moves the plane's points as drawn (the spokes' tips).
    circle, tips = geometry.circle_with_spokes()
    for M, shape in zip(scene.columns, scene.shape, strict=True):
        np.testing.assert_allclose(shape[tips], circle[tips] @ M.T, atol=1e-9)
