"""The SVD in three stages, and the ellipse it draws."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from mathviz.core import matrix2
from mathviz.linalg import (
    svd as svd_stages,
)
from tests.core.cases import eigen_matrices


@settings(max_examples=100, deadline=None)
@given(eigen_matrices())
def test_svd_stages_go_I_then_Vt_then_SigmaVt_then_A(A):
    svd = matrix2.svd_2x2(A)
    path, stage = svd_stages.svd_stage_matrices(svd, 4)
    size = max(1.0, float(np.linalg.norm(A, 2)))
    np.testing.assert_allclose(path[0], np.eye(2))
    np.testing.assert_allclose(path[4], svd.Vt, atol=1e-12)
    np.testing.assert_allclose(path[8], np.diag(svd.singular_values) @ svd.Vt, atol=1e-12 * size)
    np.testing.assert_allclose(path[-1], A, atol=1e-9 * size)
    assert list(stage) == [0] + [1] * 4 + [2] * 4 + [3] * 4
    # Stage 1 only turns: every frame is a rotation.
    for M in path[1:5]:
        np.testing.assert_allclose(M @ M.T, np.eye(2), atol=1e-12)


def test_the_drawn_ellipse_has_the_singular_values_as_semi_axes():
    A = np.array([[2.0, 1.5], [-0.5, 1.0]])
    scene = svd_stages.svd_scene(A)
    sigma = np.linalg.svd(A, compute_uv=False)
    radii = np.linalg.norm(scene.ellipse, axis=1)
    assert radii.max() == pytest.approx(sigma[0], rel=1e-3)
    assert radii.min() == pytest.approx(sigma[1], rel=1e-3)
    # Every drawn point y is A x for a unit x: |A⁻¹ y| = 1.
    np.testing.assert_allclose(np.linalg.norm(np.linalg.solve(A, scene.ellipse.T), axis=0), 1)
    # The final arrows are σ₁u₁ and σ₂u₂: images of v₁, v₂ with lengths σ₁, σ₂.
    np.testing.assert_allclose(np.linalg.norm(scene.arrows[-1], axis=1), sigma)
    np.testing.assert_allclose(scene.arrows[-1], (A @ scene.svd.V).T, atol=1e-12)
