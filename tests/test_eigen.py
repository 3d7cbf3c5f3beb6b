"""Eigenvectors, power iteration, SVD and PCA, checked against numpy.linalg and geometry.

Nothing here compares the code with itself: eigen-pairs are checked by A v = λ v and against
numpy.linalg.eig, the SVD by reconstruction and numpy.linalg.svd, PCA by numpy.linalg.eigh of
np.cov, and the pictures by decoding the figures the page sends and redoing the maths on
what is drawn.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz import eigen
from mathviz.vectors import (
    circle_with_spokes,
    grid_polyline,
    latex_number,
    plain_number,
    with_arrows,
)
from tests.harness.apptest import figure_sizes, figures, run_page

PAGE = "pages/eigenvectors-svd.py"


# --- strategies: ordinary and awkward matrices ----------------------------------------------


@st.composite
def matrices(draw) -> np.ndarray:
    """Random 2x2 matrices, with singular, nearly singular, huge, tiny, integer (repeated
    and defective eigenvalues are common there) and scalar ones over-represented."""
    kind = draw(
        st.sampled_from(["random", "singular", "near", "huge", "tiny", "integer", "scalar"])
    )
    entry = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
    if kind == "integer":
        return np.array(draw(st.lists(st.integers(-2, 2), min_size=4, max_size=4)), float).reshape(
            2, 2
        )
    if kind == "scalar":
        return draw(entry) * np.eye(2)
    values = np.array(draw(st.lists(entry, min_size=4, max_size=4))).reshape(2, 2)
    if kind == "singular":
        return np.outer(values[0], values[1])
    if kind == "near":
        return np.outer(values[0], values[1]) + 1e-12 * values
    if kind == "huge":
        return 1e6 * values
    if kind == "tiny":
        return 1e-9 * values
    return values


def all_finite(*arrays) -> bool:
    return all(np.all(np.isfinite(np.asarray(a, dtype=complex))) for a in arrays)


# --- eigenvalues and eigenvectors -----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(matrices())
def test_every_eigenvector_satisfies_the_eigen_equation(A):
    result = eigen.eigen_analysis(A)
    size = max(1.0, float(np.linalg.norm(A, 2)))
    assert all_finite(result.values, result.vectors, result.vector_values)
    for index in range(result.vectors.shape[1]):
        v = result.vectors[:, index]
        lam = result.vector_values[index]
        assert np.isclose(np.linalg.norm(v), 1.0)
        np.testing.assert_allclose(A @ v, lam * v, atol=1e-8 * size)


@settings(max_examples=300, deadline=None)
@given(matrices())
def test_eigenvalues_match_numpy(A):
    result = eigen.eigen_analysis(A)
    reference = np.linalg.eigvals(A)
    size = max(1e-300, float(np.linalg.norm(A, 2)))
    ours = sorted(result.values, key=lambda z: (z.real, z.imag))
    theirs = sorted(reference, key=lambda z: (z.real, z.imag))
    # A defective matrix's eigenvalues move like √ε under rounding: allow for that.
    np.testing.assert_allclose(ours, theirs, atol=1e-6 * size)


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_complex_pairs_are_a_rotation_and_scale_in_a_tilted_basis(A):
    result = eigen.eigen_analysis(A)
    if result.kind != "complex":
        return
    view = result.rotation
    P = view.basis
    assert np.isclose(np.linalg.det(P), 1.0)
    rotation = np.array(
        [
            [math.cos(view.angle), -math.sin(view.angle)],
            [math.sin(view.angle), math.cos(view.angle)],
        ]
    )
    tolerance = 1e-9 * np.linalg.norm(A) * np.linalg.norm(P)
    np.testing.assert_allclose(A @ P, P @ (view.scale * rotation), atol=tolerance)
    # r = |λ| = √det A, and cos θ = Re λ / |λ| = tr A / (2r)
    assert np.isclose(view.scale, math.sqrt(np.linalg.det(A)), rtol=1e-9)
    assert np.isclose(math.cos(view.angle), np.trace(A) / (2 * view.scale), atol=1e-9)
    assert np.isclose(view.scale, abs(np.linalg.eigvals(A)[0]), rtol=1e-9)


def test_rotation_scale_preset_turns_by_30_degrees_and_grows_by_1_1():
    result = eigen.eigen_analysis(np.array(eigen.PRESETS["Rotation and scale (complex)"].matrix))
    assert result.kind == "complex"
    assert math.degrees(result.rotation.angle) == pytest.approx(30)
    assert result.rotation.scale == pytest.approx(1.1)
    np.testing.assert_allclose(result.rotation.basis, np.eye(2), atol=1e-12)


def test_a_clockwise_turn_has_a_negative_angle():
    clockwise = eigen.eigen_analysis(np.array([[0.0, 1.0], [-1.0, 0.0]]))
    assert math.degrees(clockwise.rotation.angle) == pytest.approx(-90)


def test_presets_have_their_textbook_eigen_structure():
    def analysis(name):
        return eigen.eigen_analysis(np.array(eigen.PRESETS[name].matrix))

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
    assert eigen.dominant_eigenvector(analysis("Reflection")) is None
    nearly = analysis("Nearly singular")
    assert nearly.vector_values[1] == pytest.approx(
        np.linalg.det(np.array([[1, 1], [1, 1 + 1e-12]])) / 2, rel=1e-3
    )


# --- the I -> A morph -----------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(matrices())
def test_morph_runs_from_identity_to_A(A):
    matrices_ = eigen.morph_matrices(A, eigen.eigen_analysis(A), 9)
    np.testing.assert_allclose(matrices_[0], np.eye(2), atol=1e-12)
    np.testing.assert_allclose(matrices_[-1], A, atol=1e-9 * max(1, np.linalg.norm(A)))
    assert all_finite(matrices_)


@settings(max_examples=150, deadline=None)
@given(matrices())
def test_eigenvectors_stay_on_their_lines_in_every_frame(A):
    A = A * eigen.display_factor(A)
    scene = eigen.morph_scene(A, n_frames=11)
    result = eigen.eigen_analysis(A)
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
    grid = grid_polyline(4)
    for t, drawn in zip(scene.t, scene.grid, strict=True):
        M = (1 - t) * np.eye(2) + t * A
        np.testing.assert_allclose(drawn, np.array([M @ p for p in grid]))


def test_grid_path_draws_exactly_the_grid_lines():
    path = grid_polyline(2)
    # Every segment lies on a grid line x = const or y = const with an integer constant.
    for start, end in zip(path[:-1], path[1:], strict=True):
        on_vertical = start[0] == end[0] and float(start[0]).is_integer()
        on_horizontal = start[1] == end[1] and float(start[1]).is_integer()
        assert on_vertical or on_horizontal
    covered = {(float(p[0]), float(q[0])) for p, q in zip(path[:-1], path[1:], strict=True)}
    assert {(x, x) for x in range(-2, 3)} <= covered  # all 5 vertical lines


def test_circle_path_reaches_every_spoke_from_the_origin():
    points, tips = circle_with_spokes(48, 8)
    np.testing.assert_allclose(np.linalg.norm(points[tips], axis=1), 1)
    np.testing.assert_allclose(points[tips - 1], 0)  # the arrowhead points away from 0
    angles = np.sort(np.mod(np.degrees(np.arctan2(points[tips, 1], points[tips, 0])), 360))
    np.testing.assert_allclose(angles, np.arange(0, 360, 45), atol=1e-9)
    path, arrow_tips = with_arrows(points, np.array([[2.0, 1.0]]))
    np.testing.assert_allclose(path[arrow_tips], [[2.0, 1.0]])


# --- power iteration ------------------------------------------------------------------------


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
    run = eigen.power_iteration(A, eigen.start_vector(100), 40)
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
    scene = eigen.power_scene(np.array([[2.0, 1.0], [1.0, 2.0]]), 100, 12)
    assert scene.dominant.ratio == pytest.approx(1 / 3)
    np.testing.assert_allclose(scene.angles, scene.predicted, rtol=1e-6)
    # and independently: angle to (1, 1)/√2 via arccos, fine at these sizes
    first = scene.iteration.iterates[3]
    expected = math.degrees(math.acos(abs(first @ np.array([1, 1]) / math.sqrt(2))))
    assert scene.angles[3] == pytest.approx(expected, rel=1e-6)


def test_power_iteration_stops_when_A_sends_the_vector_to_zero():
    projection = np.array([[0.5, 0.5], [0.5, 0.5]])
    run = eigen.power_iteration(projection, np.array([1.0, -1.0]), 5)
    assert run.collapsed_at == 0 and run.valid == 1
    np.testing.assert_allclose(run.iterates[1:], 0)
    nilpotent = eigen.power_iteration(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([1.0, 1.0]), 5)
    assert nilpotent.collapsed_at == 1


def test_nothing_to_converge_to_for_rotations_reflections_and_scalars():
    for name in ("Rotation and scale (complex)", "Reflection", "Uniform scaling", "Zero matrix"):
        scene = eigen.power_scene(np.array(eigen.PRESETS[name].matrix), 30, 8)
        assert scene.dominant is None and len(scene.angles) == 0, name


def test_a_start_on_the_other_eigenvector_is_flagged():
    A = np.array([[3.0, 0.0], [0.0, 1.0]])
    assert eigen.power_scene(A, 90, 5).blind
    assert not eigen.power_scene(A, 80, 5).blind


@settings(max_examples=150, deadline=None)
@given(matrices(), st.floats(0, 359), st.integers(1, 30))
def test_power_iteration_is_nan_free_and_unit_length(A, angle, steps):
    scene = eigen.power_scene(A, angle, steps)
    run = scene.iteration
    assert all_finite(run.iterates, run.growth, scene.angles, scene.predicted)
    np.testing.assert_allclose(np.linalg.norm(run.iterates[: run.valid], axis=1), 1)
    assert np.all(scene.angles >= eigen.ANGLE_FLOOR) and np.all(scene.angles <= 90)


# --- the SVD --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(matrices())
def test_svd_reconstructs_A_with_numpys_singular_values(A):
    svd = eigen.svd_2x2(A)
    size = max(1e-300, float(np.linalg.norm(A, 2)))
    assert all_finite(svd.U, svd.singular_values, svd.Vt)
    np.testing.assert_allclose(
        svd.U @ np.diag(svd.singular_values) @ svd.Vt, A, atol=1e-12 * size + 1e-300
    )
    np.testing.assert_allclose(
        svd.singular_values, np.linalg.svd(A, compute_uv=False), atol=1e-12 * size
    )
    np.testing.assert_allclose(svd.U.T @ svd.U, np.eye(2), atol=1e-12)
    np.testing.assert_allclose(svd.Vt @ svd.Vt.T, np.eye(2), atol=1e-12)
    assert np.linalg.det(svd.Vt) == pytest.approx(1)  # the first step is a pure rotation
    assert -math.pi / 2 < svd.first_angle <= math.pi / 2
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    if abs(det) > 1e-9 * size**2:
        assert svd.reflection == (det < 0)
        assert svd.condition == pytest.approx(np.linalg.cond(A), rel=1e-6)


def test_condition_number_is_infinite_exactly_for_singular_matrices():
    assert math.isinf(eigen.svd_2x2(np.array([[1.0, 2.0], [2.0, 4.0]])).condition)
    assert math.isinf(eigen.svd_2x2(np.zeros((2, 2))).condition)
    nearly = eigen.svd_2x2(np.array(eigen.PRESETS["Nearly singular"].matrix))
    assert 1e11 < nearly.condition < 1e13


@settings(max_examples=100, deadline=None)
@given(matrices())
def test_svd_stages_go_I_then_Vt_then_SigmaVt_then_A(A):
    svd = eigen.svd_2x2(A)
    path, stage = eigen.svd_stage_matrices(svd, 4)
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
    scene = eigen.svd_scene(A)
    sigma = np.linalg.svd(A, compute_uv=False)
    radii = np.linalg.norm(scene.ellipse, axis=1)
    assert radii.max() == pytest.approx(sigma[0], rel=1e-3)
    assert radii.min() == pytest.approx(sigma[1], rel=1e-3)
    # Every drawn point y is A x for a unit x: |A⁻¹ y| = 1.
    np.testing.assert_allclose(np.linalg.norm(np.linalg.solve(A, scene.ellipse.T), axis=0), 1)
    # The final arrows are σ₁u₁ and σ₂u₂: images of v₁, v₂ with lengths σ₁, σ₂.
    np.testing.assert_allclose(np.linalg.norm(scene.arrows[-1], axis=1), sigma)
    np.testing.assert_allclose(scene.arrows[-1], (A @ scene.svd.V).T, atol=1e-12)


# --- PCA ------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 10**6),
    st.integers(2, 400),
    st.floats(-0.99, 0.99),
    st.floats(0.2, 3),
    st.floats(0.2, 3),
)
def test_principal_axes_are_numpys_covariance_eigenvectors(seed, n, rho, sx, sy):
    scene = eigen.pca_scene(seed, n, rho, sx, sy)
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
    points = eigen.correlated_cloud(3, 40_000, -0.7, 2.0, 0.5)
    assert np.corrcoef(points.T)[0, 1] == pytest.approx(-0.7, abs=0.01)
    np.testing.assert_allclose(points.std(axis=0), [2.0, 0.5], rtol=0.02)
    np.testing.assert_array_equal(points, eigen.correlated_cloud(3, 40_000, -0.7, 2.0, 0.5))
    assert not np.array_equal(points[:10], eigen.correlated_cloud(4, 10, -0.7, 2.0, 0.5))


# --- words and formulas ---------------------------------------------------------------------


def test_numbers_never_show_nan_or_negative_zero():
    assert plain_number(float("nan")) == "undefined"
    assert plain_number(float("inf")) == "∞"
    assert plain_number(-0.0) == "0" and plain_number(-1e-15) == "-1e-15"
    assert latex_number(2e6) == r"2 \times 10^{6}"
    assert latex_number(-float("inf")) == r"-\infty"
    assert latex_number(1.23456) == "1.235"
    assert plain_number(1e-12 * 1.0000889) == "1e-12"


@pytest.mark.parametrize("name", list(eigen.PRESETS))
def test_every_preset_has_plain_words_and_nan_free_formulas(name):
    A = np.array(eigen.PRESETS[name].matrix)
    result, svd = eigen.eigen_analysis(A), eigen.svd_2x2(A)
    notes = eigen.matrix_notes(A, result, svd, eigen.display_factor(A))
    scene = eigen.power_scene(A, 100, 12)
    texts = [note.text for note in notes] + [
        eigen.eigen_latex(result),
        eigen.svd_latex(A, svd),
        eigen.power_latex(scene.dominant, scene.iteration),
        *eigen.line_labels(result),
    ]
    for text in texts:
        assert not re.search(r"\bnan\b|\binf\b", text.lower()), text
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


# --- the page, as a browser receives it -----------------------------------------------------


def _frame_points(fig, trace_index, frame=-1):
    """x, y of a trace as drawn in a frame (the data the browser animates to)."""
    frames = fig["frames"]
    chosen = frames[frame]
    position = chosen["traces"].index(trace_index)
    trace = chosen["data"][position]
    return np.column_stack([trace["x"], trace["y"]])


LESSONS = ("Eigenvectors", "Power iteration", "SVD", "PCA")


def lesson_figures(query: dict[str, str] | None = None) -> list[dict]:
    """The figure of each lesson (the page shows one lesson at a time), in LESSONS order."""
    found = []
    for lesson in LESSONS:
        at = run_page(PAGE, {**(query or {}), "lesson": lesson})
        assert not at.exception and not at.error, lesson
        (figure,) = figures(at)
        found.append(figure)
    return found


def test_page_draws_true_eigenvectors_and_the_svd_ellipse_of_typed_in_entries():
    A = np.array([[1.5, 1.0], [0.5, 1.0]])
    morph, power, svd, pca = lesson_figures({"matrix": "Entries"})
    # Drawn eigenvector lines: A d is parallel to d (A d = λ d), with numpy's eigenvalues.
    values = sorted(np.linalg.eigvals(A).real)
    for trace in morph["data"][:2]:
        ends = np.column_stack([trace["x"], trace["y"]])
        direction = (ends[1] - ends[0]) / np.linalg.norm(ends[1] - ends[0])
        image = A @ direction
        assert abs(image[0] * direction[1] - image[1] * direction[0]) < 1e-9
        assert min(abs(image @ direction - value) for value in values) < 1e-9
    # Last frame of the morph: the circle with spokes, mapped by A.
    shape = _frame_points(morph, 3)
    circle, _ = circle_with_spokes()
    np.testing.assert_allclose(shape[: len(circle)], circle @ A.T, atol=1e-12)
    # SVD: the final shape's coloured arrow tips have lengths σ₁, σ₂.
    final = _frame_points(svd, 2)
    lengths = sorted(np.linalg.norm(final[len(circle) :][1::2], axis=1), reverse=True)
    np.testing.assert_allclose(lengths, np.linalg.svd(A, compute_uv=False), atol=1e-12)
    # PCA: the drawn arrows go 2√λ along numpy's covariance eigenvectors of the drawn points.
    points = np.column_stack([pca["data"][0]["x"], pca["data"][0]["y"]])
    values, vectors = np.linalg.eigh(np.cov(points.T))
    for trace, index in zip(pca["data"][5:7], (1, 0), strict=True):
        start, tip = np.column_stack([trace["x"], trace["y"]])
        arrow = tip - start
        assert np.linalg.norm(arrow) == pytest.approx(2 * math.sqrt(values[index]))
        assert abs(arrow @ vectors[:, index]) / np.linalg.norm(arrow) == pytest.approx(1)


def test_the_power_panel_shows_numpys_dominant_eigenvector():
    at = run_page(PAGE, {"preset": "Upper triangular", "steps": "20", "lesson": "Power iteration"})
    (power,) = figures(at)
    values, vectors = _numpy_dominant(np.array([[3.0, 1.0], [0.0, 2.0]]))
    current = _frame_points(power, 4)[1]  # the arrow's tip in the last frame
    assert abs(current @ vectors[:, 0]) / np.linalg.norm(vectors[:, 0]) == pytest.approx(
        1, abs=1e-3
    )
    measured = np.asarray(power["data"][6]["y"])
    ratio = abs(values[1] / values[0])
    # The log plot falls by |λ₂/λ₁| per step once the start is forgotten.
    np.testing.assert_allclose(measured[-1] / measured[-2], ratio, rtol=1e-2)


@pytest.mark.parametrize(
    "query",
    [
        {"matrix": "Entries", "a": "1000000", "b": "-1000000", "c": "1000000", "d": "1000000"},
        {"matrix": "Entries", "a": "0", "b": "0", "c": "0", "d": "0"},
        {"matrix": "Entries", "a": "1", "b": "1", "c": "0", "d": "1"},
        {"matrix": "Entries", "a": "1", "b": "2", "c": "2", "d": "4"},
        {"matrix": "Entries", "a": "1e-12", "b": "0", "c": "0", "d": "1"},
        {"matrix": "Entries", "a": "banana", "b": "nan", "c": "inf", "d": "-1e400"},
        {"preset": "no such preset"},
        {"steps": "1000", "v0": "-5"},
    ],
)
@pytest.mark.parametrize("lesson", LESSONS)
def test_awkward_matrices_render_with_words_not_errors(query, lesson):
    at = run_page(PAGE, {**query, "lesson": lesson})
    assert not at.exception and not at.error
    for element in [*at.latex, *at.info, *at.warning]:
        assert not re.search(r"\bnan\b|\binf\b", element.value.lower()), element.value
    for spec in figures(at):
        for trace in spec["data"]:
            for axis in ("x", "y"):
                if isinstance(trace.get(axis), np.ndarray):
                    assert np.all(np.isfinite(trace[axis]))


def test_figures_fit_the_size_budget_and_animate_in_the_browser():
    specs = lesson_figures({"steps": "30"})
    for lesson in LESSONS:
        at = run_page(PAGE, {"steps": "30", "lesson": lesson})
        for size, spec in zip(figure_sizes(at), figures(at), strict=True):
            assert size <= (2_000_000 if spec.get("frames") else 300_000)
    morph, power, svd, _ = specs
    for spec in (morph, power, svd):
        play = spec["layout"]["updatemenus"][0]["buttons"][0]
        assert play["method"] == "animate"
        options = play["args"][1]
        assert options["frame"]["redraw"] is False and options["transition"]["duration"] == 0
        names = {frame["name"] for frame in spec["frames"]}
        steps = spec["layout"]["sliders"][0]["steps"]
        assert [step["args"][0][0] for step in steps] == [f["name"] for f in spec["frames"]]
        assert set(play["args"][0]) <= names
    for spec in (morph, svd):
        # Plotly starts counting after drawing a frame (~16 ms): 12 ms gives a frame per ~28 ms.
        duration = spec["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["frame"]["duration"]
        assert 10 <= duration <= 50
    # The SVD has a button per stage, each playing from where the last one ended.
    labels = [button["label"] for button in svd["layout"]["updatemenus"][0]["buttons"]]
    assert [label.split(" ·")[0] for label in labels[1:4]] == ["1", "2", "3"]


def test_geometric_pictures_keep_one_unit_as_long_on_both_axes():
    morph, power, svd, pca = lesson_figures()
    for spec in (morph, power, svd, pca):
        assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert "scaleanchor" not in power["layout"]["yaxis2"]  # the log plot is not geometry


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_closed_form_stretch_and_determinant_match_numpy(A):
    size = max(1e-300, float(np.abs(A).max()))
    nonzero = np.abs(A[A != 0])
    if nonzero.size and nonzero.min() > 1e-100:  # LAPACK warns on subnormals; we do not
        assert eigen.largest_stretch(A) == pytest.approx(np.linalg.norm(A, 2), rel=1e-9)
        assert eigen.determinant(A) == pytest.approx(
            np.linalg.det(A), rel=1e-6, abs=1e-12 * size**2
        )
    factor = eigen.display_factor(A)
    assert 0 < factor <= 1
    assert eigen.largest_stretch(factor * A) <= eigen.DISPLAY_LIMIT * (1 + 1e-9)


def test_power_and_pca_notes_explain_stalls_in_words():
    stuck = eigen.power_scene(np.array([[0.5, 0.5], [0.5, 0.5]]), 135, 5)  # v₀ in the null space
    assert any(
        "zero vector" in note.text and "v₀" in note.text for note in eigen.power_notes(stuck)
    )
    blind = eigen.power_scene(np.array([[3.0, 0.0], [0.0, 1.0]]), 90, 5)
    assert any("other eigenvector" in note.text for note in eigen.power_notes(blind))
    assert eigen.power_notes(eigen.power_scene(np.eye(2) * [[3], [1]], 30, 5)) == []
    round_cloud = eigen.pca_scene(0, 500, 0.0, 1.0, 1.0)
    assert eigen.pca_notes(round_cloud.pca)
    assert not eigen.pca_notes(eigen.pca_scene(0, 500, 0.9, 2.0, 1.0).pca)
