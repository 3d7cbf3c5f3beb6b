"""Paths from I to A: polar decomposition against scipy, the ends of every animation, and
what each path keeps."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given
from hypothesis import strategies as st

from mathviz.linalg import (
    morph,
    transform,
)
from tests.core.cases import SETTINGS, assert_finite, cross, plane_matrices, scale_of


@SETTINGS
@given(plane_matrices())
def test_polar_decomposition_matches_scipy(a):
    r, s = morph.polar(a)
    size = scale_of(a)
    np.testing.assert_allclose(r @ s, a, atol=1e-10 * size)
    np.testing.assert_allclose(r.T @ r, np.eye(2), atol=1e-10)
    np.testing.assert_allclose(s, s.T, atol=1e-10 * size)
    assert np.linalg.eigvalsh(s).min() >= -1e-10 * size
    if np.linalg.matrix_rank(a) == 2 and np.linalg.cond(a) < 1e8:
        u_ref, p_ref = scipy.linalg.polar(a)  # A = U P, the same factorisation
        np.testing.assert_allclose(r, u_ref, atol=1e-8)
        np.testing.assert_allclose(s, p_ref, atol=1e-8 * size)
    if np.linalg.matrix_rank(a) < 2:
        assert np.linalg.det(r) == pytest.approx(1.0)  # singular: turn, don't mirror
    else:
        assert np.linalg.det(r) == pytest.approx(np.sign(np.linalg.det(a)))


@SETTINGS
@given(plane_matrices(), st.sampled_from(sorted(morph.MORPHS)))
def test_every_animation_starts_at_identity_and_ends_at_a(a, method):
    animation = morph.morph(a, method)
    assert animation.matrices.shape == (morph.FRAMES_MORPH, 2, 2)
    np.testing.assert_array_equal(animation.matrices[0], np.eye(2))
    np.testing.assert_array_equal(animation.matrices[-1], a)
    assert_finite(animation.matrices)
    assert len(animation.captions) == morph.FRAMES_MORPH


@given(st.floats(1, 179), st.sampled_from([-1.0, 1.0]), st.floats(0.2, 4))
def test_the_morph_by_angle_turns_a_rotation_by_its_angle(size, sign, scale):
    angle = sign * size
    a = scale * transform.turn(angle)
    frames = morph.angle_path(a, np.linspace(0, 1, 11))
    for t, frame in zip(np.linspace(0, 1, 11), frames, strict=True):
        # Every frame is a rotation-and-scale (a = d, b = -c) by the fraction t of the angle.
        assert frame[0, 0] == pytest.approx(frame[1, 1], abs=1e-9)
        assert frame[0, 1] == pytest.approx(-frame[1, 0], abs=1e-9)
        assert math.degrees(math.atan2(frame[1, 0], frame[0, 0])) == pytest.approx(
            t * angle, abs=1e-7
        )
        assert np.linalg.det(frame) > 0  # never squashed flat on the way
    assert morph.choose_morph(a) == "by angle"


def rodrigues(axis: np.ndarray, angle_degrees: float) -> np.ndarray:
    """Rotation about a unit axis (Rodrigues' formula), as an independent reference."""
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    theta = math.radians(angle_degrees)
    return np.eye(3) + math.sin(theta) * k + (1 - math.cos(theta)) * k @ k


@given(st.floats(1, 170), st.sampled_from([-1.0, 1.0]), st.floats(0.5, 3))
def test_the_morph_by_angle_turns_about_the_same_axis_in_3d(size, sign, scale):
    angle = sign * size
    axis = np.array([1.0, 2.0, 2.0]) / 3.0
    a = scale * rodrigues(axis, angle)
    for t in (0.25, 0.5, 1.0):
        expected = (1 - t + t * scale) * rodrigues(axis, t * angle)
        np.testing.assert_allclose(morph.angle_path(a, np.array([t]))[0], expected, atol=1e-9)
    assert morph.has_complex_eigenvalues(a) and morph.choose_morph(a) == "by angle"


def test_a_half_turn_flattens_on_the_straight_path_but_not_by_angle():
    half_turn = -np.eye(2)
    middle = morph.straight_path(half_turn, np.array([0.5]))[0]
    np.testing.assert_allclose(middle, 0.0)
    assert morph.straight_path_flattens(half_turn)
    assert np.linalg.det(morph.angle_path(half_turn, np.array([0.5]))[0]) == pytest.approx(1.0)
    assert morph.choose_morph(np.diag([-1.0, -2.0])) == "by angle"
    assert morph.choose_morph(np.diag([-1.0, -2.0]), keep_eigenvectors=True) == "straight"
    assert morph.choose_morph(transform.PRESETS["shear"].matrix) == "straight"
    assert morph.choose_morph(transform.PRESETS["mirror"].matrix) == "straight"


@SETTINGS
@given(plane_matrices())
def test_the_straight_path_keeps_real_eigenvectors_on_their_lines(a):
    values, vectors = np.linalg.eig(a)  # the reference eigenvectors
    assume(np.all(np.abs(values.imag) == 0))
    size = max(1.0, scale_of(a))
    # LAPACK's balancing can return a poor eigenvector for entries 1e100 apart: skip those.
    assume(np.allclose(a @ vectors.real, vectors.real * values.real, atol=1e-12 * size))
    frames = morph.straight_path(a, np.linspace(0, 1, 9))
    for u in vectors.real.T:
        for frame in frames:
            image = frame @ u
            assert abs(cross(image, u)) <= 1e-9 * size


def test_steps_play_one_after_another():
    steps = [("rotate", 90.0), ("shear x", 1.0), ("none", 0.0), ("scale y", -1.0)]
    animation = morph.play_steps(steps, n_per_step=5)
    assert animation.matrices.shape == (1 + 3 * 5, 2, 2)
    np.testing.assert_array_equal(animation.matrices[0], np.eye(2))
    # At the end of each step the frame is the product of the steps so far, applied in order.
    partial = np.eye(2)
    for k, matrix in enumerate(
        [transform.turn(90), transform.shear(1, 0), transform.scaling(1, -1)]
    ):
        partial = matrix @ partial
        np.testing.assert_allclose(animation.matrices[5 * (k + 1)], partial, atol=1e-12)
    # During the rotation the frames turn e1 by a growing angle, keeping its length.
    tips = animation.matrices[1:6, :, 0]
    angles = np.degrees(np.arctan2(tips[:, 1], tips[:, 0]))
    assert np.all(np.diff(angles) > 0) and angles[-1] == pytest.approx(90)
    np.testing.assert_allclose(np.linalg.norm(tips, axis=1), 1.0)
    assert animation.captions[-1] == "step 3/3: scale y -1"
    # Angles carry their degree sign: "rotate 90°", not "rotate 90".
    assert "step 1/3: rotate 90°" in animation.captions
