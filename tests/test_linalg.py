"""Matrices as transformations: the maths against numpy/scipy and geometry, and the page's figures.

Every expected value comes from somewhere else than the code under test: numpy.linalg
(det, rank, inverse, eigenvalues, SVD), scipy.linalg (polar decomposition, orth, null_space),
geometry (shoelace areas, mesh volumes, points applied one map at a time) or a closed form
(a rotation's angle). The page tests decode the figures the browser receives and check that
what is drawn is where the maths says it is.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
import scipy.linalg
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathviz import linalg
from mathviz import linalg_figures as lf
from tests.harness.apptest import figure_sizes, figures, run_page

PAGE = "pages/linear-algebra.py"
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)  # LaTeX's \infty is fine
EPS = np.finfo(float).eps
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies: ordinary, singular, near-singular, huge, tiny and zero matrices ---------------

entry = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
vec2 = st.tuples(entry, entry).map(np.array)


@st.composite
def matrices(draw, size: int = 2) -> np.ndarray:
    """2x2 (or 3x3) matrices of every kind the page must survive."""
    kind = draw(st.sampled_from(["plain", "singular", "near", "huge", "tiny", "zero", "turn"]))
    entries = st.lists(entry, min_size=size * size, max_size=size * size)
    base = np.array(draw(entries), dtype=float).reshape(size, size)
    if kind == "singular":  # rank <= 1: an outer product
        u = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        w = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        base = np.outer(u, w)
    elif kind == "near":  # an outer product nudged by 1e-12
        u = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        w = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        base = np.outer(u, w) + 1e-12 * np.eye(size)
    elif kind == "huge":
        base = 1e5 * base
    elif kind == "tiny":
        base = 1e-9 * base
    elif kind == "zero":
        base = np.zeros((size, size))
    elif kind == "turn" and size == 2:
        angle = draw(st.floats(-180, 180))
        scale = draw(st.floats(0.1, 5))
        base = scale * linalg.rotation(angle)
    return linalg.as_matrix(np.clip(base, -linalg.ENTRY_LIMIT, linalg.ENTRY_LIMIT))


def scale_of(a: np.ndarray) -> float:
    return max(float(np.abs(a).max()), 1e-300)


def assert_finite(*arrays: np.ndarray) -> None:
    for array in arrays:
        assert np.all(np.isfinite(np.asarray(array, dtype=float))), array


def cross(u: np.ndarray, v: np.ndarray) -> float:
    return float(u[0] * v[1] - u[1] * v[0])


def fan_area(polygon: np.ndarray) -> float:
    """Signed area of a closed polygon as a fan of triangles from its first corner."""
    p = np.asarray(polygon, dtype=float)[:-1] - polygon[0]
    return 0.5 * sum(cross(p[i], p[i + 1]) for i in range(1, len(p) - 1))


# --- elementary maps: checked against their defining properties --------------------------------


@given(st.floats(-360, 360), st.floats(-360, 360))
def test_rotations_compose_by_adding_angles_and_keep_lengths(theta, phi):
    r = linalg.rotation(theta)
    np.testing.assert_allclose(r @ linalg.rotation(phi), linalg.rotation(theta + phi), atol=1e-12)
    np.testing.assert_allclose(r.T @ r, np.eye(2), atol=1e-12)
    assert np.linalg.det(r) == pytest.approx(1.0)
    np.testing.assert_allclose(
        r[:, 0], [math.cos(math.radians(theta)), math.sin(math.radians(theta))], atol=1e-12
    )


def test_quarter_turns_are_exact():
    assert linalg.rotation(90).tolist() == [[0.0, -1.0], [1.0, 0.0]]
    assert linalg.rotation(-180).tolist() == [[-1.0, 0.0], [0.0, -1.0]]
    half_turn = linalg.rotation(180)
    assert not np.signbit(half_turn[half_turn == 0]).any(), "no -0.0 to show as '-0'"


@given(st.floats(-90, 90))
def test_reflections_and_projections_fix_their_line(angle):
    u = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    normal = np.array([-u[1], u[0]])
    mirror, project = linalg.reflection(angle), linalg.projection(angle)
    np.testing.assert_allclose(mirror @ u, u, atol=1e-12)
    np.testing.assert_allclose(mirror @ normal, -normal, atol=1e-12)
    np.testing.assert_allclose(mirror @ mirror, np.eye(2), atol=1e-12)
    assert np.linalg.det(mirror) == pytest.approx(-1.0)
    np.testing.assert_allclose(project @ u, u, atol=1e-12)
    np.testing.assert_allclose(project @ normal, 0.0, atol=1e-12)
    np.testing.assert_allclose(project @ project, project, atol=1e-12)
    assert np.linalg.matrix_rank(project) == 1


def test_every_step_is_the_identity_at_rest_and_its_matrix_at_the_end():
    for name, step in linalg.STEPS.items():
        for amount in (step.low, step.default, step.high, 0.5 * (step.low + step.high) + 0.3):
            np.testing.assert_allclose(step.along(amount, 0.0), np.eye(2), atol=1e-12, err_msg=name)
            np.testing.assert_allclose(step.along(amount, 1.0), step.build(amount), atol=1e-12)


def test_preset_registry_matches_what_the_names_promise():
    presets = {name: preset.matrix for name, preset in linalg.PRESETS.items()}
    np.testing.assert_allclose(presets["quarter turn"] @ [1, 0], [0, 1], atol=1e-15)
    assert np.linalg.det(presets["mirror"]) == pytest.approx(-1)
    assert np.linalg.matrix_rank(presets["projection"]) == 1
    assert np.linalg.matrix_rank(presets["zero"]) == 0
    assert np.iscomplexobj(np.linalg.eigvals(presets["rotate and scale"]))
    assert abs(np.linalg.det(presets["nearly singular"])) < 1e-11
    assert np.linalg.matrix_rank(presets["nearly singular"]) == 2
    for name, preset in linalg.CUBE_PRESETS.items():
        assert preset.matrix.shape == (3, 3), name
    assert np.linalg.matrix_rank(linalg.CUBE_PRESETS["flatten to a plane"].matrix) == 2
    assert np.linalg.matrix_rank(linalg.CUBE_PRESETS["squash to a line"].matrix) == 1


def test_entries_become_a_clean_finite_matrix():
    a = linalg.as_matrix([1e-300, -0.0, 2, 3])
    assert a.tolist() == [[0.0, 0.0], [2.0, 3.0]]
    assert not np.signbit(a).any()
    assert linalg.had_tiny_entries([1e-300, 0, 1, 1]) and not linalg.had_tiny_entries([0, 0, 1, 1])
    with pytest.raises(ValueError):
        linalg.as_matrix([1, float("nan"), 0, 1])
    with pytest.raises(ValueError):
        linalg.as_matrix([1, 2, 3])


# --- composition: the first step acts first, and order matters ---------------------------------


@SETTINGS
@given(st.lists(matrices(), min_size=1, max_size=4), vec2)
def test_compose_equals_applying_the_maps_one_after_another(maps, point):
    product = linalg.compose(maps)
    one_by_one = point.copy()
    for matrix in maps:
        one_by_one = matrix @ one_by_one
    assert_finite(product)
    size = np.prod([max(scale_of(m), 1.0) for m in maps]) * max(1.0, float(np.abs(point).max()))
    np.testing.assert_allclose(product @ point, one_by_one, atol=1e-9 * size)


@SETTINGS
@given(matrices(), matrices())
def test_composition_order_matters_and_the_commutator_has_zero_trace(a, b):
    ab, ba = linalg.compose([a, b]), linalg.compose([b, a])
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
    rotate_first = linalg.scaling(factor, 1) @ (linalg.rotation(angle) @ point)
    stretch_first = linalg.rotation(angle) @ (linalg.scaling(factor, 1) @ point)
    product = linalg.compose(linalg.step_matrices(steps))
    np.testing.assert_allclose(product @ point, rotate_first, atol=1e-12)
    assert not np.allclose(rotate_first, stretch_first)
    assert linalg.order_sentence(steps).startswith("Order matters")
    same = [("scale x", 2.0), ("scale y", 3.0)]  # diagonal maps commute
    assert "commute" in linalg.order_sentence(same)


def test_empty_slots_are_skipped():
    steps = [("none", 5.0), ("rotate", 90.0), ("none", 1.0)]
    assert linalg.active_steps(steps) == [("rotate", 90.0)]
    np.testing.assert_allclose(linalg.compose(linalg.step_matrices(steps)), linalg.rotation(90))
    assert linalg.composition_latex([("none", 0)]) == "A = I"


# --- paths from I to A ---------------------------------------------------------------------------


@SETTINGS
@given(matrices())
def test_polar_decomposition_matches_scipy(a):
    r, s = linalg.polar(a)
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
@given(matrices(), st.sampled_from(sorted(linalg.MORPHS)))
def test_every_animation_starts_at_identity_and_ends_at_a(a, method):
    animation = linalg.morph(a, method)
    assert animation.matrices.shape == (linalg.FRAMES_MORPH, 2, 2)
    np.testing.assert_array_equal(animation.matrices[0], np.eye(2))
    np.testing.assert_array_equal(animation.matrices[-1], a)
    assert_finite(animation.matrices)
    assert len(animation.captions) == linalg.FRAMES_MORPH


@given(st.floats(1, 179), st.sampled_from([-1.0, 1.0]), st.floats(0.2, 4))
def test_the_morph_by_angle_turns_a_rotation_by_its_angle(size, sign, scale):
    angle = sign * size
    a = scale * linalg.rotation(angle)
    frames = linalg.angle_path(a, np.linspace(0, 1, 11))
    for t, frame in zip(np.linspace(0, 1, 11), frames, strict=True):
        # Every frame is a rotation-and-scale (a = d, b = -c) by the fraction t of the angle.
        assert frame[0, 0] == pytest.approx(frame[1, 1], abs=1e-9)
        assert frame[0, 1] == pytest.approx(-frame[1, 0], abs=1e-9)
        assert math.degrees(math.atan2(frame[1, 0], frame[0, 0])) == pytest.approx(
            t * angle, abs=1e-7
        )
        assert np.linalg.det(frame) > 0  # never squashed flat on the way
    assert linalg.choose_morph(a) == "by angle"


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
        np.testing.assert_allclose(linalg.angle_path(a, np.array([t]))[0], expected, atol=1e-9)
    assert linalg.has_complex_eigenvalues(a) and linalg.choose_morph(a) == "by angle"


def test_a_half_turn_flattens_on_the_straight_path_but_not_by_angle():
    half_turn = -np.eye(2)
    middle = linalg.straight_path(half_turn, np.array([0.5]))[0]
    np.testing.assert_allclose(middle, 0.0)
    assert linalg.straight_path_flattens(half_turn)
    assert np.linalg.det(linalg.angle_path(half_turn, np.array([0.5]))[0]) == pytest.approx(1.0)
    assert linalg.choose_morph(np.diag([-1.0, -2.0])) == "by angle"
    assert linalg.choose_morph(np.diag([-1.0, -2.0]), keep_eigenvectors=True) == "straight"
    assert linalg.choose_morph(linalg.PRESETS["shear"].matrix) == "straight"
    assert linalg.choose_morph(linalg.PRESETS["mirror"].matrix) == "straight"


@SETTINGS
@given(matrices())
def test_the_straight_path_keeps_real_eigenvectors_on_their_lines(a):
    values, vectors = np.linalg.eig(a)  # the reference eigenvectors
    assume(np.all(np.abs(values.imag) == 0))
    size = max(1.0, scale_of(a))
    # LAPACK's balancing can return a poor eigenvector for entries 1e100 apart: skip those.
    assume(np.allclose(a @ vectors.real, vectors.real * values.real, atol=1e-12 * size))
    frames = linalg.straight_path(a, np.linspace(0, 1, 9))
    for u in vectors.real.T:
        for frame in frames:
            image = frame @ u
            assert abs(cross(image, u)) <= 1e-9 * size


def test_steps_play_one_after_another():
    steps = [("rotate", 90.0), ("shear x", 1.0), ("none", 0.0), ("scale y", -1.0)]
    animation = linalg.play_steps(steps, n_per_step=5)
    assert animation.matrices.shape == (1 + 3 * 5, 2, 2)
    np.testing.assert_array_equal(animation.matrices[0], np.eye(2))
    # At the end of each step the frame is the product of the steps so far, applied in order.
    partial = np.eye(2)
    for k, matrix in enumerate([linalg.rotation(90), linalg.shear(1, 0), linalg.scaling(1, -1)]):
        partial = matrix @ partial
        np.testing.assert_allclose(animation.matrices[5 * (k + 1)], partial, atol=1e-12)
    # During the rotation the frames turn e1 by a growing angle, keeping its length.
    tips = animation.matrices[1:6, :, 0]
    angles = np.degrees(np.arctan2(tips[:, 1], tips[:, 0]))
    assert np.all(np.diff(angles) > 0) and angles[-1] == pytest.approx(90)
    np.testing.assert_allclose(np.linalg.norm(tips, axis=1), 1.0)
    assert animation.captions[-1] == "step 3/3: scale y -1"


# --- facts: determinant, rank, inverse, subspaces ------------------------------------------------


@SETTINGS
@given(matrices())
def test_matrix_facts_agree_with_numpy_and_scipy(a):
    facts = linalg.matrix_facts(a)
    sigma = np.linalg.svd(a, compute_uv=False)
    np.testing.assert_allclose(facts.singular_values, sigma, rtol=1e-12, atol=1e-300)
    assert facts.rank == np.linalg.matrix_rank(a)
    size = scale_of(a)
    assert facts.determinant == pytest.approx(np.linalg.det(a), abs=8 * EPS * size**2, rel=1e-9)
    if facts.rank == 2:
        # Both inverses carry errors of about cond(A)·eps; A A⁻¹ = I up to that.
        slack = 100 * facts.condition * EPS
        np.testing.assert_allclose(a @ facts.inverse, np.eye(2), atol=slack)
        reference = np.linalg.inv(a)
        assert np.abs(facts.inverse - reference).max() <= slack * np.abs(reference).max()
        assert facts.condition == pytest.approx(np.linalg.cond(a), rel=1e-9)
    else:
        assert facts.inverse is None and facts.determinant == 0.0 and math.isinf(facts.condition)
    # Null space: A n = 0, and it is the same subspace as scipy's.
    for n in facts.null_space:
        np.testing.assert_allclose(a @ n, 0.0, atol=8 * EPS * size)
    if facts.rank == 1:
        reference = scipy.linalg.null_space(a)
        np.testing.assert_allclose(
            np.outer(facts.null_space[0], facts.null_space[0]), reference @ reference.T, atol=1e-8
        )
        orth = scipy.linalg.orth(a)
        np.testing.assert_allclose(
            np.outer(facts.column_space[0], facts.column_space[0]), orth @ orth.T, atol=1e-8
        )
    assert facts.column_space.shape == (facts.rank, 2)
    assert facts.null_space.shape == (2 - facts.rank, 2)


@SETTINGS
@given(matrices())
def test_det_is_the_signed_shoelace_area_of_the_image_of_the_unit_square(a):
    image = linalg.apply(a, linalg.UNIT_SQUARE)
    area = linalg.shoelace_area(image)
    reference = fan_area(image)  # an independent formula: triangles from one corner
    assert area == pytest.approx(reference, rel=1e-12, abs=1e-300)
    det = linalg.determinant(a)
    assert det == pytest.approx(area, abs=8 * EPS * scale_of(a) ** 2, rel=1e-9)


def test_the_near_singular_preset_is_invertible_but_flagged():
    facts = linalg.matrix_facts(linalg.PRESETS["nearly singular"].matrix)
    assert facts.invertible and facts.nearly_singular
    assert facts.determinant == pytest.approx(1e-12, rel=1e-3)
    levels = {note.level for note in linalg.notes(facts)}
    assert levels == {"warning"}


# --- eigenvectors --------------------------------------------------------------------------------


@SETTINGS
@given(matrices())
def test_every_eigen_direction_satisfies_av_equals_lambda_v(a):
    result = linalg.eigen(a)
    reference = np.sort_complex(np.linalg.eigvals(a))
    size = scale_of(a)
    np.testing.assert_allclose(
        np.sort_complex(np.array(result.values)), reference, atol=1e-6 * size
    )
    for span in result.spans:
        u = span.direction
        assert np.linalg.norm(u) == pytest.approx(1.0)
        np.testing.assert_allclose(a @ u, span.value * u, atol=1e-7 * size)
    if result.turn is not None:
        assert result.spans == ()
        radius, angle = result.turn
        assert radius == pytest.approx(math.sqrt(np.linalg.det(a)), rel=1e-9)
        assert abs(reference[-1]) == pytest.approx(radius, rel=1e-9)
        assert abs(np.degrees(np.angle(reference[-1]))) == pytest.approx(angle, abs=1e-7)


def test_eigen_direction_counts():
    distinct = linalg.eigen(np.array([[3.0, 1.0], [0.0, 2.0]]))
    assert sorted(span.value for span in distinct.spans) == [2.0, 3.0]
    shear = linalg.eigen(linalg.PRESETS["shear"].matrix)  # defective: one line only
    assert len(shear.spans) == 1 and not shear.every_direction
    np.testing.assert_allclose(shear.spans[0].direction, [1.0, 0.0])
    scalar = linalg.eigen(2.5 * np.eye(2))
    assert scalar.every_direction and len(scalar.spans) == 2
    turn = linalg.eigen(linalg.PRESETS["quarter turn"].matrix)
    assert turn.turn == pytest.approx((1.0, 90.0)) and not turn.spans
    assert "no real eigenvector" in linalg.eigen_sentence(turn)


# --- the geometry drawn --------------------------------------------------------------------------


@pytest.mark.parametrize("half_width", [1, 2, 3, 5])
def test_the_grid_stroke_draws_every_grid_edge_and_nothing_else(half_width):
    path = linalg.grid_path(half_width)
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
    arrow = linalg.arrow_path(tip, head)
    np.testing.assert_allclose(arrow[0], 0.0)
    np.testing.assert_allclose(arrow[1], tip)
    np.testing.assert_allclose(arrow[3], tip)
    left, right = arrow[2] - tip, arrow[4] - tip
    assert np.linalg.norm(left) == pytest.approx(np.linalg.norm(right))
    assert np.linalg.norm(left) <= head + 1e-12
    assert_finite(arrow)


@SETTINGS
@given(matrices(), vec2, st.booleans())
def test_transform_scene_is_finite_and_fits_its_window(a, v, with_eigen):
    method = linalg.choose_morph(a, keep_eigenvectors=with_eigen)
    spans = linalg.eigen(a).spans if with_eigen else ()
    facts = linalg.matrix_facts(a)
    scene = linalg.transform_scene(linalg.morph(a, method), v, spans, facts)
    for name in ("grid_images", "square_images", "letter_images", "basis_arrows", "image_arrows",
                 "determinants", "eigen_arrows", "span_lines", "window"):  # fmt: skip
        assert_finite(getattr(scene, name))
    x0, x1, y0, y1 = scene.window
    for points in (scene.square_images, scene.vector_images[:, None, :]):
        flat = points.reshape(-1, 2)
        assert np.all(
            (flat[:, 0] >= x0) & (flat[:, 0] <= x1) & (flat[:, 1] >= y0) & (flat[:, 1] <= y1)
        )
    # The grid drawn in each frame is that frame's matrix applied to the grid.
    for matrix, image in zip(scene.animation.matrices, scene.grid_images, strict=True):
        size = max(1.0, scale_of(a)) * linalg.GRID_MAX  # frames run from I to A
        np.testing.assert_allclose(image, scene.grid @ matrix.T, atol=1e-13 * size)
    text = " ".join(
        [note.text for note in linalg.notes(facts, scene.window)]
        + [
            linalg.determinant_latex(facts),
            linalg.inverse_latex(facts),
            linalg.rank_sentence(facts),
        ]
        + [linalg.eigen_sentence(linalg.eigen(a)), linalg.latex_matrix(a)]
        + list(lf.frame_labels(scene))
    )
    assert "nan" not in text.lower() and "inf" not in text.replace("\\infty", "").lower()


def test_number_formatting_for_people():
    assert linalg.fmt(3.0) == "3" and linalg.fmt(-0.0) == "0" and linalg.fmt(0.70710678) == "0.707"
    assert linalg.fmt(1e6) == "1e6" and linalg.fmt(1.25e-12) == "1.25e-12"
    assert linalg.fmt(math.inf) == "∞"
    assert linalg.tex(1.5e6) == r"1.5 \times 10^{6}" and linalg.tex(-1e6) == "-10^{6}"
    assert linalg.latex_matrix(np.array([[1.0, 1e-17], [0.0, 1.0]])).count(" 0 ") >= 1


def parse_latex_matrix(latex: str) -> np.ndarray:
    """Read the numbers back from :func:`linalg.latex_matrix`'s LaTeX, as a person would."""
    body = latex.removeprefix(r"\begin{pmatrix} ").removesuffix(r" \end{pmatrix}")

    def number(text: str) -> float:
        match = re.fullmatch(r"(-?[\d.]+ \\times )?(-?)10\^\{(-?\d+)\}", text.strip())
        if not match:
            return float(text)
        mantissa = float(match[1].split()[0]) if match[1] else (-1.0 if match[2] else 1.0)
        return mantissa * 10.0 ** int(match[3])

    return np.array([[number(x) for x in row.split("&")] for row in body.split(r"\\")])


@SETTINGS
@given(matrices())
def test_the_matrix_shown_has_the_determinant_shown(a):
    """Enough digits are printed that the printed numbers give (nearly) the printed det."""
    printed = parse_latex_matrix(linalg.latex_matrix(a, linalg.entry_digits(a)))
    noise = 1e-13 * scale_of(a) ** 2
    assert np.linalg.det(printed) == pytest.approx(np.linalg.det(a), rel=0.02, abs=noise)


def test_a_nearly_singular_matrix_is_printed_with_all_its_digits():
    a = linalg.PRESETS["nearly singular"].matrix
    assert "1.000000000001" in linalg.latex_matrix(a, linalg.entry_digits(a))
    assert linalg.entry_digits(np.array([[3.0, 1.0], [0.0, 2.0]])) == 3


@SETTINGS
@given(matrices(size=3))
def test_the_cube_mesh_encloses_volume_det_m(m):
    scene = linalg.cube_scene(m)
    # Signed volume of the closed triangle mesh (divergence theorem), from the drawn triangles.
    v = scene.vertex_images[linalg.CUBE_TRIANGLES]
    volume = float(np.sum(np.einsum("ij,ij->i", v[:, 0], np.cross(v[:, 1], v[:, 2])))) / 6.0
    size = scale_of(m) ** 3
    assert volume == pytest.approx(np.linalg.det(m), abs=1e-9 * size, rel=1e-9)
    assert scene.determinant == pytest.approx(np.linalg.det(m), abs=1e-9 * size, rel=1e-9)
    np.testing.assert_allclose(scene.basis_tips, m.T)
    low, high = scene.center - scene.half_width, scene.center + scene.half_width
    assert np.all(scene.vertex_images >= low - 1e-9) and np.all(scene.vertex_images <= high + 1e-9)


def test_the_unit_cube_mesh_faces_outward():
    v = linalg.CUBE_VERTICES[linalg.CUBE_TRIANGLES]
    assert np.sum(np.einsum("ij,ij->i", v[:, 0], np.cross(v[:, 1], v[:, 2]))) / 6.0 == 1.0


# --- the page: what the browser receives ----------------------------------------------------------


def by_meta(fig: dict) -> dict[str, dict]:
    return {trace.get("meta"): trace for trace in fig["data"] if trace.get("meta")}


def frame_traces(fig: dict, k: int) -> dict[str, dict]:
    """Frame k's animated traces, keyed by the role (meta) of the trace they update."""
    frame = fig["frames"][k]
    indices = frame.get("traces", range(len(frame["data"])))  # default: the first traces
    return {fig["data"][i]["meta"]: data for i, data in zip(indices, frame["data"], strict=True)}


def xy(trace: dict) -> np.ndarray:
    return np.column_stack([np.asarray(trace["x"], float), np.asarray(trace["y"], float)])


def page_text(at) -> str:
    parts = [
        e.value
        for kind in ("markdown", "latex", "info", "warning", "caption")
        for e in at.get(kind)
    ]
    return " ".join(str(p) for p in parts)


def entries_query(a: float, b: float, c: float, d: float, **extra: str) -> dict[str, str]:
    return {"a": repr(a), "b": repr(b), "c": repr(c), "d": repr(d), **extra}


def test_the_plotted_grid_is_a_applied_to_the_original_grid():
    a = np.array([[2.0, 1.0], [0.0, 1.0]])
    at = run_page(PAGE, entries_query(2, 1, 0, 1))
    fig = figures(at)[0]
    original = xy(frame_traces(fig, 0)["grid"])
    grid_x = original[:, 0]
    assert np.all(grid_x == np.round(grid_x)), "before the map the grid is the integer grid"
    drawn = xy(by_meta(fig)["grid"])
    np.testing.assert_allclose(drawn, original @ a.T, atol=1e-12)
    np.testing.assert_allclose(xy(frame_traces(fig, len(fig["frames"]) - 1)["grid"]), drawn)


def test_first_frame_is_the_identity_and_last_frame_is_a():
    a = np.array([[0.5, -1.5], [1.0, 0.25]])
    fig = figures(run_page(PAGE, entries_query(0.5, -1.5, 1.0, 0.25)))[0]
    first, last = frame_traces(fig, 0), frame_traces(fig, len(fig["frames"]) - 1)
    np.testing.assert_allclose(xy(first["e1"])[1], [1, 0])
    np.testing.assert_allclose(xy(first["e2"])[1], [0, 1])
    np.testing.assert_allclose(xy(first["square"]), linalg.UNIT_SQUARE)
    np.testing.assert_allclose(xy(last["e1"])[1], a[:, 0])
    np.testing.assert_allclose(xy(last["e2"])[1], a[:, 1])
    np.testing.assert_allclose(xy(last["square"]), linalg.UNIT_SQUARE @ a.T)
    np.testing.assert_allclose(xy(last["Av"])[1], a @ [1.0, 1.0])  # default v = (1, 1)
    # What is shown before Play is the last frame, and the slider starts there.
    for meta, trace in last.items():
        np.testing.assert_allclose(xy(by_meta(fig)[meta]), xy(trace), err_msg=meta)
    slider = fig["layout"]["sliders"][0]
    assert slider["steps"][slider["active"]]["args"][0] == [fig["frames"][-1]["name"]]


def test_the_animation_is_client_side_with_play_pause_and_a_scrub_slider():
    fig = figures(run_page(PAGE))[0]
    names = [frame["name"] for frame in fig["frames"]]
    buttons = {b["label"]: b for b in fig["layout"]["updatemenus"][0]["buttons"]}
    play = buttons["▶ Play"]["args"]
    assert play[0] is None and play[1]["frame"]["redraw"] is False
    assert play[1]["frame"]["duration"] <= 33 and play[1]["transition"]["duration"] == 0
    assert buttons["❚❚ Pause"]["args"][0] == [None]
    assert buttons["◀ Undo (A⁻¹)"]["args"][0] == names[::-1]  # invertible: play it backwards
    steps = fig["layout"]["sliders"][0]["steps"]
    # A scrub step every other frame, first and last included (Play shows them all).
    assert [step["args"][0] for step in steps] == [[name] for name in names[::2]]
    assert names[::2][-1] == names[-1]
    assert all(
        step["method"] == "animate" and step["args"][1]["mode"] == "immediate" for step in steps
    )


@pytest.mark.parametrize(
    ("entries", "flipped"),
    [
        ((3, 1, 0, 2), False),
        ((-1, 0.5, 0.5, 1.5), True),
        ((0, 1, 1, 0), True),
        ((1, 2, 2, 4), False),
    ],
)
def test_the_drawn_parallelogram_has_signed_area_det_a(entries, flipped):
    a = np.array(entries, dtype=float).reshape(2, 2)
    fig = figures(run_page(PAGE, entries_query(*entries)))[0]
    traces = by_meta(fig)
    shown = traces["square flipped"] if flipped else traces["square"]
    assert fan_area(xy(shown)) == pytest.approx(np.linalg.det(a), abs=1e-12)
    # The letter F turns right from its stem to its bar; a map with det < 0 mirrors it.
    stem, bar = np.diff(xy(traces["letter"])[[0, 1, 2]], axis=0)
    assert np.sign(cross(stem, bar)) == -np.sign(np.linalg.det(a))
    if flipped:  # the other fill is empty
        assert len(xy(traces["square"])) == 1  # a single point: nothing drawn
    else:
        assert "square flipped" not in traces


def test_drawn_eigenvectors_satisfy_av_equals_lambda_v_and_stay_on_their_lines():
    a = np.array([[3.0, 1.0], [0.0, 2.0]])
    fig = figures(run_page(PAGE, entries_query(3, 1, 0, 2, eig="true")))[0]
    lines = [xy(t) for t in fig["data"] if t.get("meta") == "eigen-line"]
    reference = sorted(np.linalg.eigvals(a).real)
    assert len(lines) == 2
    found = []
    index = [i for i, t in enumerate(fig["data"]) if t.get("meta") == "eigenvector"]
    for k in range(len(fig["frames"])):
        frame = fig["frames"][k]
        for i in index:
            position = list(frame.get("traces", range(len(frame["data"])))).index(i)
            tip = xy(frame["data"][position])[1]
            start = xy(fig["frames"][0]["data"][position])[1]
            assert abs(cross(tip, start)) < 1e-12, "an eigenvector stays on its line in every frame"
            if k == len(fig["frames"]) - 1:
                value = float(tip @ start)
                np.testing.assert_allclose(a @ start, value * start, atol=1e-12)  # A u = λ u
                found.append(value)
    assert sorted(found) == pytest.approx(reference)
    for line in lines:  # each drawn line is a line that A maps onto itself
        direction = (line[1] - line[0]) / np.linalg.norm(line[1] - line[0])
        assert abs(cross(a @ direction, direction)) < 1e-9


def test_complex_eigenvalues_are_explained_not_drawn():
    at = run_page(PAGE, {"mode": "Preset", "p": "rotate and scale", "eig": "true"})
    fig = figures(at)[0]
    assert not [t for t in fig["data"] if t.get("meta") in ("eigenvector", "eigen-line")]
    assert "rotation-and-scale, no real eigenvector" in page_text(at).lower()


@pytest.mark.parametrize(
    ("query", "rank"),
    [
        ({"mode": "Preset", "p": "projection"}, 1),
        (entries_query(1, 2, 0.5, 1), 1),
        ({"mode": "Preset", "p": "zero"}, 0),
    ],
)
def test_singular_matrices_show_rank_column_and_null_space_and_no_inverse(query, rank):
    at = run_page(PAGE, query)
    fig = figures(at)[0]
    traces = by_meta(fig)
    buttons = [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]]
    assert not any("Undo" in label for label in buttons)
    text = page_text(at)
    assert f"Rank {rank}" in text and "no inverse" in text.lower()
    last = frame_traces(fig, len(fig["frames"]) - 1)
    matrix = np.column_stack([xy(last["e1"])[1], xy(last["e2"])[1]])
    assert np.linalg.matrix_rank(matrix) == rank
    if rank == 1:
        column = np.diff(xy(traces["column space"]), axis=0)[0]
        null = np.diff(xy(traces["null space"]), axis=0)[0]
        for col in matrix.T:  # every column of A lies on the column-space line
            assert abs(cross(col, column)) < 1e-9 * np.linalg.norm(column)
        np.testing.assert_allclose(matrix @ null, 0.0, atol=1e-9 * np.linalg.norm(null))


def test_composed_steps_play_in_turn_and_show_the_product():
    query = {"mode": "Steps", "s1": "rotate", "t1": "90.0", "s2": "shear x", "t2": "1.0"}
    at = run_page(PAGE, query)
    fig = figures(at)[0]
    per_step = linalg.FRAMES_PER_STEP
    assert len(fig["frames"]) == 1 + 2 * per_step
    after_rotation = frame_traces(fig, per_step)
    np.testing.assert_allclose(xy(after_rotation["e1"])[1], [0, 1], atol=1e-12)
    np.testing.assert_allclose(xy(after_rotation["e2"])[1], [-1, 0], atol=1e-12)
    end = frame_traces(fig, 2 * per_step)
    product = np.array([[1.0, 1.0], [0.0, 1.0]]) @ np.array([[0.0, -1.0], [1.0, 0.0]])
    np.testing.assert_allclose(xy(end["e1"])[1], product[:, 0], atol=1e-12)
    np.testing.assert_allclose(xy(end["e2"])[1], product[:, 1], atol=1e-12)
    text = page_text(at)
    assert "Order matters" in text
    assert r"H^x_{1} R_{90°}" in text  # the first step stands rightmost


def test_a_teacher_link_reproduces_the_matrix():
    at = run_page(PAGE, {"a": "2", "b": "1", "c": "0", "d": "1"})
    assert r"A = \begin{pmatrix} 2 & 1 \\ 0 & 1 \end{pmatrix}" in page_text(at)
    assert r"\det A = ad - bc = (2)(1) - (1)(0) = 2" in page_text(at)


def test_the_3d_view_draws_m_applied_to_the_cube_in_equal_aspect():
    m = np.array([[1.0, 0.5, 0.0], [0.0, 2.0, 0.0], [0.5, 0.0, -1.0]])
    query = {"view": "3D", "cube": "my entries"}
    query.update({f"m{r + 1}{c + 1}": repr(float(m[r, c])) for r in range(3) for c in range(3)})
    at = run_page(PAGE, query)
    (cube,) = figures(at)  # the 3D view shows the cube only
    mesh = by_meta(cube)["cube image"]
    vertices = np.column_stack([np.asarray(mesh[axis], float) for axis in "xyz"])
    np.testing.assert_allclose(vertices, linalg.CUBE_VERTICES @ m.T)
    scene = cube["layout"]["scene"]
    assert scene["aspectmode"] == "cube"
    spans = {np.ptp(scene[f"{axis}axis"]["range"]) for axis in "xyz"}
    assert max(spans) - min(spans) < 1e-9, "one unit is as long on every axis"
    assert np.linalg.det(m) < 0 and mesh["color"] == "#D55E00"  # inside out: vermillion
    assert r"|\det M| = 2" in page_text(at)


# --- bad input: never a traceback, never a NaN on screen ----------------------------------------


BAD_INPUTS = {
    "singular": entries_query(1, 2, 2, 4),
    "near-singular": entries_query(1, 1, 1, 1.000000000001),
    "huge": entries_query(1e6, -1e6, 1e6, 1e6),
    "huge and singular": entries_query(1e6, 1e6, 1e6, 1e6),
    "zero": entries_query(0, 0, 0, 0),
    "tiny": entries_query(1e-300, 0, 0, 1e-300),
    "non-numeric": {"a": "banana", "b": "1e400", "c": "-inf", "d": "nan", "vx": "x"},
    "bad choices": {"mode": "Nope", "p": "??", "morph": "sideways", "view": "4D"},
    "bad 3d choices": {"view": "3D", "cube": "tesseract", "m11": "nan"},
    "bad steps": {"mode": "Steps", "s1": "explode", "t1": "1e9", "s2": "rotate", "t2": "nan"},
    "huge steps": {
        "mode": "Steps",
        "s1": "scale x",
        "t1": "3",
        "s2": "scale y",
        "t2": "-3",
        "s3": "shear x",
        "t3": "-3",
        "seq": "false",
    },  # fmt: skip
    "zero 3d": {
        "view": "3D",
        "cube": "my entries",
        **{f"m{r}{c}": "0" for r in (1, 2, 3) for c in (1, 2, 3)},
    },
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_renders_with_a_plain_note_and_no_nan(name):
    at = run_page(PAGE, BAD_INPUTS[name])
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert not NOT_A_NUMBER.search(page_text(at)), "no NaN or inf anywhere on the page"
    for fig in figures(at):
        for trace in fig["data"] + [t for f in fig.get("frames", []) for t in f["data"]]:
            for axis in ("x", "y", "z"):
                if axis in trace:
                    assert np.all(np.isfinite(np.asarray(trace[axis], float))), (name, axis)
    if name in ("singular", "zero", "near-singular", "huge", "huge and singular", "zero 3d"):
        assert at.warning or at.info, "a plain-language note explains what happened"


def test_the_near_singular_link_warns_and_still_inverts():
    at = run_page(PAGE, BAD_INPUTS["near-singular"])
    assert any("Nearly singular" in w.value for w in at.warning)
    buttons = [b["label"] for b in figures(at)[0]["layout"]["updatemenus"][0]["buttons"]]
    assert "◀ Undo (A⁻¹)" in buttons


def test_huge_matrices_zoom_the_view_out_and_say_so():
    at = run_page(PAGE, BAD_INPUTS["huge"])
    fig = figures(at)[0]
    x_range = fig["layout"]["xaxis"]["range"]
    assert max(abs(x) for x in x_range) > 1e6
    assert any("zooms out" in i.value for i in at.info)


def test_edit_these_numbers_copies_a_preset_into_the_entries():
    at = run_page(PAGE, {"mode": "Preset", "p": "shear"})
    at.button[0].click().run()
    assert at.session_state["mode"] == "Entries"
    assert [at.session_state[key] for key in "abcd"] == [1.0, 1.0, 0.0, 1.0]
    assert not at.exception


@pytest.mark.parametrize(
    "query",
    [
        {"mode": "Steps"},
        {"mode": "Preset"},
        {"view": "3D", "cube": "my entries"},
        {"mode": "Steps", "seq": "false"},
    ],
)
def test_monkey_the_controls_that_only_show_in_other_modes(query):
    """The shared monkey test drives the default view; this drives the other modes' controls."""
    from tests.harness.apptest import values_to_try, widgets

    rng = np.random.default_rng(5)
    at = run_page(PAGE, query)
    for key in [k for k in widgets(at) if k != "present_mode"]:
        for value in values_to_try(widgets(at)[key], rng) if key in widgets(at) else []:
            if key not in widgets(at):
                break
            widgets(at)[key].set_value(value)
            at.run()
            assert not at.exception and not at.error, (query, key, value)
            assert not NOT_A_NUMBER.search(page_text(at)), (query, key, value)


def test_figure_sizes_stay_within_budget():
    worst = {"mode": "Steps", "s1": "rotate", "s2": "shear x", "s3": "reflect", "eig": "true"}
    for query in ({}, worst, {"mode": "Preset", "p": "projection", "eig": "true"}):
        at = run_page(PAGE, query)
        (animated,) = figure_sizes(at)
        assert animated <= 2_000_000
        assert json.loads(at.get("plotly_chart")[0].proto.spec)["frames"]
    (static,) = figure_sizes(run_page(PAGE, {"view": "3D", "cube": "squash to a line"}))
    assert static <= 300_000
