"""Least squares against numpy.linalg.lstsq, and its 3-D picture against Rⁿ."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz.core import numbers
from mathviz.linalg import (
    least_squares,
)
from tests.core.cases import finite


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 200), st.floats(0, 3))
def test_least_squares_matches_lstsq_and_the_residual_is_orthogonal(seed, n, noise):
    x, y = least_squares.noisy_line(seed, n, noise)
    fit = least_squares.fit_line(x, y)
    X = np.column_stack([np.ones(n), x])
    reference = np.linalg.lstsq(X, y)[0]
    np.testing.assert_allclose(fit.coefficients, reference, rtol=1e-8, atol=1e-9)
    np.testing.assert_allclose(fit.coefficients[::-1], np.polyfit(x, y, 1), rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(fit.fitted, X @ np.linalg.pinv(X) @ y, atol=1e-8)
    scale = np.linalg.norm(X) * max(1.0, np.linalg.norm(y))
    assert np.all(np.abs(X.T @ fit.residual) <= 1e-10 * scale)
    np.testing.assert_allclose(fit.residual_dot_columns, X.T @ fit.residual)
    assert finite(fit.coefficients, fit.fitted, fit.residual)


def test_noise_free_points_are_fitted_exactly():
    x, y = least_squares.noisy_line(5, 10, 0.0, slope=0.6, intercept=1.5)
    fit = least_squares.fit_line(x, y)
    np.testing.assert_allclose(fit.coefficients, [1.5, 0.6])
    assert fit.exact
    assert not least_squares.fit_line(*least_squares.noisy_line(5, 10, 1.0)).exact


def test_all_x_equal_gives_the_flat_line_through_the_mean():
    fit = least_squares.fit_line(np.full(4, 2.0), np.array([1.0, 2.0, 3.0, 6.0]))
    assert fit.rank == 1
    np.testing.assert_allclose(fit.coefficients, [3.0, 0.0])
    assert finite(fit.coefficients, fit.residual)


def test_seeded_points_are_reproducible():
    first = least_squares.noisy_line(42, 30, 1.0)
    np.testing.assert_array_equal(first[1], least_squares.noisy_line(42, 30, 1.0)[1])
    assert not np.array_equal(first[1], least_squares.noisy_line(43, 30, 1.0)[1])


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 1000), st.integers(3, 60), st.floats(0, 3))
def test_the_3d_picture_keeps_every_length_and_angle_of_rn(seed, n, noise):
    x, y = least_squares.noisy_line(seed, n, noise)
    fit = least_squares.fit_line(x, y)
    picture = least_squares.column_space_picture(fit)
    drawn = np.vstack([picture.columns, picture.target])  # 1, x, y in 3-D
    true = np.vstack([np.ones(n), x, y])  # 1, x, y in Rⁿ
    scale = np.max(np.abs(true @ true.T))
    np.testing.assert_allclose(drawn @ drawn.T, true @ true.T, atol=1e-9 * scale)
    np.testing.assert_allclose(picture.fitted[2], 0, atol=1e-9 * math.sqrt(scale))
    np.testing.assert_allclose(picture.residual[:2], 0, atol=1e-9 * math.sqrt(scale))
    np.testing.assert_allclose(
        picture.fitted + picture.residual, picture.target, atol=1e-9 * math.sqrt(scale)
    )
    assert picture.residual[2] == pytest.approx(
        np.linalg.norm(fit.residual), abs=1e-9 * math.sqrt(scale)
    )
    if len(picture.right_angle):
        corner_a, corner, corner_b = picture.right_angle
        assert abs((corner_a - corner) @ (corner_b - corner)) < 1e-9 * scale
    assert least_squares.height_stretch(picture) >= 1


def test_residual_path_draws_only_vertical_residuals_and_the_line():
    x, y = least_squares.noisy_line(1, 12, 1.0)
    fit = least_squares.fit_line(x, y)
    path = least_squares.residual_path(x, y, fit.fitted)
    intercept, slope = fit.coefficients
    for start, end in zip(path[:-1], path[1:], strict=True):
        vertical = start[0] == end[0]
        on_line = np.allclose([start[1], end[1]], intercept + slope * np.array([start[0], end[0]]))
        assert vertical or on_line
    drawn_points = {tuple(np.round(p, 12)) for p in path}
    assert {tuple(np.round(p, 12)) for p in np.column_stack([x, y])} <= drawn_points


def test_subscripts_and_height_stretch():
    assert numbers.subscript(12) == "₁₂" and numbers.subscript(0) == "₀"
    exact = least_squares.column_space_picture(
        least_squares.fit_line(*least_squares.noisy_line(0, 10, 0.0))
    )
    assert least_squares.height_stretch(exact) == 1.0  # nothing to show: no stretch
