"""Power iteration against numpy's dominant eigenvector and the predicted rate."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz.linalg import (
    eigen,
    power,
)
from tests.core.cases import all_finite, eigen_matrices


def _numpy_dominant(A):
    values, vectors = np.linalg.eig(A)
    order = np.argsort(-np.abs(values))
    return values[order], vectors[:, order]


@pytest.mark.parametrize(
    "A",
    [
        np.array([[2.0, 1.0], [1.0, 2.0]]),
        np.array([[3.0, 1.0], [0.0, 2.0]]),
        np.array([[0.9, 0.2], [0.1, 0.8]]),
        np.array([[-4.0, 1.0], [2.0, 1.0]]),
        np.array([[1e6, 3e5], [-2e5, 4e5]]),
    ],
)
def test_power_iteration_converges_to_numpys_dominant_eigenvector_at_the_predicted_rate(A):
    values, vectors = _numpy_dominant(A)
    ratio = abs(values[1]) / abs(values[0])
    run = power.power_iteration(A, power.start_vector(100), 40)
    # Coefficients in numpy's eigenbasis: |c₂/c₁| shrinks exactly by |λ₂/λ₁| per step.
    coefficients = np.linalg.solve(vectors, run.iterates.T).T
    share = np.abs(coefficients[:, 1] / coefficients[:, 0])
    for k in (1, 5, 10, 20):
        if share[0] * ratio**k > 1e-12:
            assert share[k] == pytest.approx(share[0] * ratio**k, rel=1e-6)
    assert abs(run.iterates[-1] @ vectors[:, 0]) / np.linalg.norm(vectors[:, 0]) == pytest.approx(
        1, abs=1e-9
    )
    assert run.growth[-1] == pytest.approx(abs(values[0]), rel=1e-6)


def test_for_symmetric_matrices_the_angle_falls_exactly_as_predicted():
    scene = power.power_scene(np.array([[2.0, 1.0], [1.0, 2.0]]), 100, 12)
    assert scene.dominant.ratio == pytest.approx(1 / 3)
    np.testing.assert_allclose(scene.angles, scene.predicted, rtol=1e-6)
    # and independently: angle to (1, 1)/√2 via arccos, fine at these sizes
    first = scene.iteration.iterates[3]
    expected = math.degrees(math.acos(abs(first @ np.array([1, 1]) / math.sqrt(2))))
    assert scene.angles[3] == pytest.approx(expected, rel=1e-6)


def test_power_iteration_stops_when_A_sends_the_vector_to_zero():
    projection = np.array([[0.5, 0.5], [0.5, 0.5]])
    run = power.power_iteration(projection, np.array([1.0, -1.0]), 5)
    assert run.collapsed_at == 0 and run.valid == 1
    np.testing.assert_allclose(run.iterates[1:], 0)
    nilpotent = power.power_iteration(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([1.0, 1.0]), 5)
    assert nilpotent.collapsed_at == 1


def test_nothing_to_converge_to_for_rotations_reflections_and_scalars():
    for name in ("Rotation and scale (complex)", "Reflection", "Uniform scaling", "Zero matrix"):
        scene = power.power_scene(np.array(eigen.PRESETS[name].matrix), 30, 8)
        assert scene.dominant is None and len(scene.angles) == 0, name


def test_a_start_on_the_other_eigenvector_is_flagged():
    A = np.array([[3.0, 0.0], [0.0, 1.0]])
    assert power.power_scene(A, 90, 5).blind
    assert not power.power_scene(A, 80, 5).blind


@settings(max_examples=150, deadline=None)
@given(eigen_matrices(), st.floats(0, 359), st.integers(1, 30))
def test_power_iteration_is_nan_free_and_unit_length(A, angle, steps):
    scene = power.power_scene(A, angle, steps)
    run = scene.iteration
    assert all_finite(run.iterates, run.growth, scene.angles, scene.predicted)
    np.testing.assert_allclose(np.linalg.norm(run.iterates[: run.valid], axis=1), 1)
    assert np.all(scene.angles >= power.ANGLE_FLOOR) and np.all(scene.angles <= 90)
