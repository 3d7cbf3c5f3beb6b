"""Where /linear-algebra's matrices come from: steps, presets and composition, checked
against their defining properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mathviz.linalg import (
    cube,
    text_transform,
    transform,
)
from tests.core.cases import SETTINGS, assert_finite, plane_matrices, scale_of, vec2


@given(st.floats(-360, 360), st.floats(-360, 360))
def test_rotations_compose_by_adding_angles_and_keep_lengths(theta, phi):
    r = transform.turn(theta)
    np.testing.assert_allclose(r @ transform.turn(phi), transform.turn(theta + phi), atol=1e-12)
    np.testing.assert_allclose(r.T @ r, np.eye(2), atol=1e-12)
    assert np.linalg.det(r) == pytest.approx(1.0)
    np.testing.assert_allclose(
        r[:, 0], [math.cos(math.radians(theta)), math.sin(math.radians(theta))], atol=1e-12
    )


def test_quarter_turns_are_exact():
    assert transform.turn(90).tolist() == [[0.0, -1.0], [1.0, 0.0]]
    assert transform.turn(-180).tolist() == [[-1.0, 0.0], [0.0, -1.0]]
    half_turn = transform.turn(180)
    assert not np.signbit(half_turn[half_turn == 0]).any(), "no -0.0 to show as '-0'"


@given(st.floats(-90, 90))
def test_reflections_and_projections_fix_their_line(angle):
    u = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    normal = np.array([-u[1], u[0]])
    mirror, project = transform.reflection(angle), transform.projection(angle)
    np.testing.assert_allclose(mirror @ u, u, atol=1e-12)
    np.testing.assert_allclose(mirror @ normal, -normal, atol=1e-12)
    np.testing.assert_allclose(mirror @ mirror, np.eye(2), atol=1e-12)
    assert np.linalg.det(mirror) == pytest.approx(-1.0)
    np.testing.assert_allclose(project @ u, u, atol=1e-12)
    np.testing.assert_allclose(project @ normal, 0.0, atol=1e-12)
    np.testing.assert_allclose(project @ project, project, atol=1e-12)
    assert np.linalg.matrix_rank(project) == 1


def test_every_step_is_the_identity_at_rest_and_its_matrix_at_the_end():
    for name, step in transform.STEPS.items():
        for amount in (step.low, step.default, step.high, 0.5 * (step.low + step.high) + 0.3):
            np.testing.assert_allclose(step.along(amount, 0.0), np.eye(2), atol=1e-12, err_msg=name)
            np.testing.assert_allclose(step.along(amount, 1.0), step.build(amount), atol=1e-12)


def test_preset_registry_matches_what_the_names_promise():
    presets = {name: preset.matrix for name, preset in transform.PRESETS.items()}
    np.testing.assert_allclose(presets["quarter turn"] @ [1, 0], [0, 1], atol=1e-15)
    assert np.linalg.det(presets["mirror"]) == pytest.approx(-1)
    assert np.linalg.matrix_rank(presets["projection"]) == 1
    assert np.linalg.matrix_rank(presets["zero"]) == 0
    assert np.iscomplexobj(np.linalg.eigvals(presets["rotate and scale"]))
    assert abs(np.linalg.det(presets["nearly singular"])) < 1e-11
    assert np.linalg.matrix_rank(presets["nearly singular"]) == 2
    for name, preset in cube.CUBE_PRESETS.items():
        assert preset.matrix.shape == (3, 3), name
    assert np.linalg.matrix_rank(cube.CUBE_PRESETS["flatten to a plane"].matrix) == 2
    assert np.linalg.matrix_rank(cube.CUBE_PRESETS["squash to a line"].matrix) == 1


def test_entries_become_a_clean_finite_matrix():
    a = transform.as_matrix([1e-300, -0.0, 2, 3])
    assert a.tolist() == [[0.0, 0.0], [2.0, 3.0]]
    assert not np.signbit(a).any()
    assert transform.had_tiny_entries([1e-300, 0, 1, 1]) and not transform.had_tiny_entries(
        [0, 0, 1, 1]
    )
    with pytest.raises(ValueError):
        transform.as_matrix([1, float("nan"), 0, 1])
    with pytest.raises(ValueError):
        transform.as_matrix([1, 2, 3])


@SETTINGS
@given(st.lists(plane_matrices(), min_size=1, max_size=4), vec2)
def test_compose_equals_applying_the_maps_one_after_another(maps, point):
    product = transform.compose(maps)
    one_by_one = point.copy()
    for matrix in maps:
        one_by_one = matrix @ one_by_one
    assert_finite(product)
    size = np.prod([max(scale_of(m), 1.0) for m in maps]) * max(1.0, float(np.abs(point).max()))
    np.testing.assert_allclose(product @ point, one_by_one, atol=1e-9 * size)


@SETTINGS
@given(plane_matrices(), plane_matrices())
def test_composition_order_matters_and_the_commutator_has_zero_trace(a, b):
    ab, ba = transform.compose([a, b]), transform.compose([b, a])
    np.testing.assert_array_equal(ab, b @ a)  # a acts first, so it stands on the right
    np.testing.assert_array_equal(ba, a @ b)
    assert_finite(ab, ba)
    # Whatever the order, det and trace agree (independent identities), even when AB ≠ BA.
    size = scale_of(a) * scale_of(b)
    assert np.trace(ab - ba) == pytest.approx(0.0, abs=1e-9 * size)
    assert np.linalg.det(ab) == pytest.approx(np.linalg.det(ba), abs=1e-9 * size**2)


@given(st.floats(5, 175), st.floats(1.2, 3))
def test_rotate_then_stretch_is_not_stretch_then_rotate(angle, factor):
    steps = [("rotate", angle), ("scale x", factor)]
    point = np.array([1.0, 0.0])
    rotate_first = transform.scaling(factor, 1) @ (transform.turn(angle) @ point)
    stretch_first = transform.turn(angle) @ (transform.scaling(factor, 1) @ point)
    product = transform.compose(transform.step_matrices(steps))
    np.testing.assert_allclose(product @ point, rotate_first, atol=1e-12)
    assert not np.allclose(rotate_first, stretch_first)
    assert text_transform.order_sentence(steps).startswith("Order matters")
    same = [("scale x", 2.0), ("scale y", 3.0)]  # diagonal maps commute
    assert "commute" in text_transform.order_sentence(same)


def test_empty_slots_are_skipped():
    steps = [("none", 5.0), ("rotate", 90.0), ("none", 1.0)]
    assert transform.active_steps(steps) == [("rotate", 90.0)]
    np.testing.assert_allclose(
        transform.compose(transform.step_matrices(steps)), transform.turn(90)
    )
    assert text_transform.composition_latex([("none", 0)]) == "A = I"
