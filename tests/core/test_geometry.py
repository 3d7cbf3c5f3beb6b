"""Plane geometry: grid strokes, arrows, circles and spokes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mathviz.core import geometry, matrix2
from tests.core.cases import assert_finite, vec2


@pytest.mark.parametrize("half_width", [1, 2, 3, 5])
def test_the_grid_stroke_draws_every_grid_edge_and_nothing_else(half_width):
    path = geometry.grid_polyline(half_width)
    covered = set()
    for start, end in zip(path[:-1], path[1:], strict=True):
        assert start[0] == end[0] or start[1] == end[1], "only horizontal or vertical moves"
        on_line = start[0] if start[0] == end[0] else start[1]
        assert float(on_line).is_integer() and abs(on_line) <= half_width
        axis = 1 if start[0] == end[0] else 0
        low, high = sorted((start[axis], end[axis]))
        for k in range(int(low), int(high)):
            covered.add((axis, on_line, k))
    ticks = range(-half_width, half_width + 1)
    every_edge = {(axis, line, k) for axis in (0, 1) for line in ticks for k in ticks[:-1]}
    assert covered == every_edge


@given(vec2, st.floats(0.01, 1))
def test_arrows_end_at_their_tip_with_symmetric_barbs(tip, head):
    arrow = geometry.arrow_path(tip, head)
    np.testing.assert_allclose(arrow[0], 0.0)
    np.testing.assert_allclose(arrow[1], tip)
    np.testing.assert_allclose(arrow[3], tip)
    left, right = arrow[2] - tip, arrow[4] - tip
    assert np.linalg.norm(left) == pytest.approx(np.linalg.norm(right))
    assert np.linalg.norm(left) <= head + 1e-12
    assert_finite(arrow)


def test_grid_path_draws_exactly_the_grid_lines():
    path = geometry.grid_polyline(2)
    # Every segment lies on a grid line x = const or y = const with an integer constant.
    for start, end in zip(path[:-1], path[1:], strict=True):
        on_vertical = start[0] == end[0] and float(start[0]).is_integer()
        on_horizontal = start[1] == end[1] and float(start[1]).is_integer()
        assert on_vertical or on_horizontal
    covered = {(float(p[0]), float(q[0])) for p, q in zip(path[:-1], path[1:], strict=True)}
    assert {(x, x) for x in range(-2, 3)} <= covered  # all 5 vertical lines


def test_circle_path_reaches_every_spoke_from_the_origin():
    points, tips = geometry.circle_with_spokes(48, 8)
    np.testing.assert_allclose(np.linalg.norm(points[tips], axis=1), 1)
    np.testing.assert_allclose(points[tips - 1], 0)  # the arrowhead points away from 0
    angles = np.sort(np.mod(np.degrees(np.arctan2(points[tips, 1], points[tips, 0])), 360))
    np.testing.assert_allclose(angles, np.arange(0, 360, 45), atol=1e-9)
    path, arrow_tips = geometry.with_arrows(points, np.array([[2.0, 1.0]]))
    np.testing.assert_allclose(path[arrow_tips], [[2.0, 1.0]])


def test_apply_maps_points_by_one_matrix_or_a_stack():
    rng = np.random.default_rng(1)
    points = rng.standard_normal((7, 2))
    stack = rng.standard_normal((4, 2, 2))
    np.testing.assert_allclose(geometry.apply(stack[0], points), [stack[0] @ p for p in points])
    images = geometry.apply(stack, points)
    assert images.shape == (4, 7, 2)
    for matrix, image in zip(stack, images, strict=True):
        np.testing.assert_allclose(image, [matrix @ p for p in points])
    cube = rng.standard_normal((3, 3))
    corners = rng.standard_normal((8, 3))
    np.testing.assert_allclose(geometry.apply(cube, corners), corners @ cube.T)


def test_arcs_ellipses_and_spans():
    arc = geometry.arc(math.pi / 4, math.pi / 2, 2.0, 9)
    np.testing.assert_allclose(np.linalg.norm(arc, axis=1), 2.0)
    np.testing.assert_allclose(arc[0], 2.0 * np.array([1, 1]) / math.sqrt(2))
    np.testing.assert_allclose(arc[-1], 2.0 * np.array([-1, 1]) / math.sqrt(2))
    axes = matrix2.rotation(0.3)
    points = geometry.ellipse(np.array([1.0, -1.0]), axes, np.array([3.0, 0.5]))
    local = (points - [1.0, -1.0]) @ axes  # coordinates along the semi-axes
    np.testing.assert_allclose((local[:, 0] / 3.0) ** 2 + (local[:, 1] / 0.5) ** 2, 1.0)
    np.testing.assert_allclose(points[0], points[-1])  # closed
    segment = geometry.span_segment(np.array([3.0, 4.0]), 10.0)
    np.testing.assert_allclose(segment, [[-6.0, -8.0], [6.0, 8.0]])
    assert geometry.span_segment(np.zeros(2), 1.0).shape == (0, 2)


def test_barbs_turn_back_by_25_degrees_and_the_window_holds_every_point():
    left, right = geometry.barbs(np.array([1.0, 0.0]), np.array([1.0, 0.0]), 0.5)
    for barb, sign in ((left, 1), (right, -1)):
        back = barb - [1.0, 0.0]
        angle = math.degrees(math.atan2(back[1], back[0]))
        assert abs(angle) == pytest.approx(180 - 25) and np.sign(angle) == -sign
        assert np.linalg.norm(back) == pytest.approx(0.5)
    points = np.random.default_rng(0).standard_normal((30, 2)) + 5
    x0, x1, y0, y1 = geometry.view_window(points)
    assert x0 < 0 < x1 and y0 < 0 < y1
    assert np.all((points[:, 0] > x0) & (points[:, 0] < x1) & (points[:, 1] > y0))


def test_shoelace_area_matches_triangles():
    square = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
    assert geometry.shoelace_area(square) == pytest.approx(2.0)
    assert geometry.shoelace_area(square[::-1]) == pytest.approx(-2.0)
    triangle = np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 3.0]])
    assert geometry.shoelace_area(triangle) == pytest.approx(6.0)
