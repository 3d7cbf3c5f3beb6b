"""PCA against numpy.linalg.eigh of np.cov."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz.linalg import (
    pca as pca_cloud,
)
from tests.core.cases import all_finite


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 10**6),
    st.integers(2, 400),
    st.floats(-0.99, 0.99),
    st.floats(0.2, 3),
    st.floats(0.2, 3),
)
def test_principal_axes_are_numpys_covariance_eigenvectors(seed, n, rho, sx, sy):
    scene = pca_cloud.pca_scene(seed, n, rho, sx, sy)
    pca = scene.pca
    values, vectors = np.linalg.eigh(np.cov(scene.points.T))
    np.testing.assert_allclose(pca.covariance, np.cov(scene.points.T), atol=1e-12)
    np.testing.assert_allclose(pca.variances, values[::-1], atol=1e-9 * values.max())
    if values[1] - values[0] > 1e-6 * values[1]:  # axes are only defined when variances differ
        for index in range(2):
            assert abs(pca.axes[:, index] @ vectors[:, 1 - index]) == pytest.approx(1, abs=1e-6)
    assert pca.explained.sum() == pytest.approx(1)
    # The variance of the data projected on each axis is that axis's eigenvalue.
    projected = (scene.points - pca.mean) @ pca.axes
    np.testing.assert_allclose(projected.var(axis=0, ddof=1), pca.variances, rtol=1e-9, atol=1e-12)
    assert all_finite(scene.points, scene.axes_tips, scene.ellipses, scene.axis_lines)


def test_the_cloud_has_the_requested_correlation_and_spreads():
    points = pca_cloud.correlated_cloud(3, 40_000, -0.7, 2.0, 0.5)
    assert np.corrcoef(points.T)[0, 1] == pytest.approx(-0.7, abs=0.01)
    np.testing.assert_allclose(points.std(axis=0), [2.0, 0.5], rtol=0.02)
    np.testing.assert_array_equal(points, pca_cloud.correlated_cloud(3, 40_000, -0.7, 2.0, 0.5))
    assert not np.array_equal(points[:10], pca_cloud.correlated_cloud(4, 10, -0.7, 2.0, 0.5))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 1000),
    st.integers(1, 300),
    st.floats(-0.99, 0.99),
    st.floats(0.2, 3.0),
    st.floats(0.2, 3.0),
)
def test_the_view_window_holds_all_that_is_drawn_with_a_small_margin(seed, n, rho, sx, sy):
    scene = pca_cloud.pca_scene(seed, n, rho, sx, sy)
    window = pca_cloud.view_window(scene)
    drawn = np.vstack([scene.points, scene.ellipses[1], scene.axes_tips])
    low, high = drawn.min(axis=0), drawn.max(axis=0)
    assert np.all(window[:, 0] < low) and np.all(high < window[:, 1])
    width = 1.12 * np.maximum(high - low, 2e-6)  # a single point still gets a window
    np.testing.assert_allclose(window[:, 1] - window[:, 0], width, rtol=1e-9)
