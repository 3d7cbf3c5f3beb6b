"""Dot products, cosine similarity, change of basis and least squares, checked against
numpy, scipy and geometry, and the Vectors page's pictures decoded and re-checked."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import distance

from mathviz import vectors
from tests.harness.apptest import figure_sizes, figures, run_page

PAGE = "pages/vectors.py"

# Exact zeros yes, but no 1e-187: the references (scipy) underflow there, not the code.
coordinate = st.floats(-4, 4, allow_nan=False).filter(lambda t: t == 0 or abs(t) > 1e-6)
plane_vector = st.lists(coordinate, min_size=2, max_size=2).map(np.array)
# Slider values (steps of 0.1) make exact zeros and exact parallels likely, as in class.
slider_vector = st.lists(st.integers(-40, 40), min_size=2, max_size=2).map(
    lambda v: np.array(v) / 10
)


def finite(*values) -> bool:
    return all(np.all(np.isfinite(np.asarray(v, dtype=float))) for v in values)


# --- the dot product ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.one_of(plane_vector, slider_vector), st.one_of(plane_vector, slider_vector))
def test_dot_product_geometry_matches_numpy_and_scipy(u, v):
    result = vectors.dot_product(u, v)
    assert result.dot == pytest.approx(np.dot(u, v), abs=1e-12)
    assert result.norm_u == pytest.approx(np.linalg.norm(u))
    assert finite(result.projection, result.rejection, result.dot)
    np.testing.assert_allclose(result.projection + result.rejection, v, atol=1e-12)
    if not np.any(u) or not np.any(v):
        assert result.cosine is None and result.angle is None
        return
    assert result.cosine == pytest.approx(1 - distance.cosine(u, v), abs=1e-9)
    # Law of cosines: |u - v|² = |u|² + |v|² - 2|u||v| cos θ.
    cos_theta = math.cos(math.radians(result.angle))
    law = np.dot(u, u) + np.dot(v, v) - 2 * np.linalg.norm(u) * np.linalg.norm(v) * cos_theta
    assert np.dot(u - v, u - v) == pytest.approx(law, abs=1e-9)
    # The shadow lies along u; what is left of v is perpendicular to u.
    assert abs(result.rejection @ u) <= 1e-9 * max(1, np.linalg.norm(u) * np.linalg.norm(v))
    assert abs(u[0] * result.projection[1] - u[1] * result.projection[0]) <= 1e-9 * max(
        1, np.linalg.norm(u) * np.linalg.norm(v)
    )
    assert result.scalar_projection == pytest.approx(
        np.sign(result.dot) * np.linalg.norm(result.projection), abs=1e-12
    )


def test_angle_is_accurate_for_nearly_parallel_vectors():
    tiny = 1e-9
    result = vectors.dot_product(np.array([1.0, 0.0]), np.array([1.0, tiny]))
    assert result.angle == pytest.approx(math.degrees(tiny), rel=1e-6)
    assert vectors.dot_product(np.array([1.0, 0.0]), np.array([0.0, -2.0])).signed_angle == -90


def test_angle_arc_runs_from_u_to_v_at_a_fixed_radius():
    result = vectors.dot_product(np.array([2.0, 0.0]), np.array([-1.0, 1.0]))
    points = vectors.angle_arc(result, radius=0.5)
    np.testing.assert_allclose(np.linalg.norm(points, axis=1), 0.5)
    np.testing.assert_allclose(points[0], [0.5, 0], atol=1e-12)
    np.testing.assert_allclose(points[-1], 0.5 * np.array([-1, 1]) / math.sqrt(2), atol=1e-12)
    zero = vectors.dot_product(np.zeros(2), np.array([1.0, 1.0]))
    assert vectors.angle_arc(zero).shape == (0, 2)


# --- cosine similarity ----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(coordinate, min_size=5, max_size=5),
    st.lists(coordinate, min_size=5, max_size=5),
)
def test_cosine_similarity_matches_scipy_and_the_formula(a, b):
    a, b = np.array(a), np.array(b)
    value = vectors.cosine_similarity(a, b)
    if np.linalg.norm(a) == 0 or np.linalg.norm(b) == 0:
        assert value is None
        return
    assert value == pytest.approx(1 - distance.cosine(a, b), abs=1e-9)
    assert value == pytest.approx(
        sum(x * y for x, y in zip(a, b, strict=True))
        / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b)),
        abs=1e-9,
    )
    assert vectors.cosine_similarity(3 * a, b) == pytest.approx(value, abs=1e-12)


def test_similarity_matrix_is_the_table_of_pairwise_cosines():
    table = np.array(list(vectors.EMBEDDINGS.values()))
    matrix = vectors.cosine_similarity_matrix(table)
    expected = 1 - distance.squareform(distance.pdist(table, "cosine"))
    np.testing.assert_allclose(matrix, expected, atol=1e-12)
    words = list(vectors.EMBEDDINGS)
    similarity = dict(zip(words, matrix[words.index("cat")], strict=True))
    assert similarity["dog"] > similarity["queen"] > similarity["apple"]  # the toy makes sense


# --- change of basis ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(slider_vector, slider_vector, slider_vector)
def test_coordinates_in_the_new_basis_rebuild_x(b1, b2, x):
    result = vectors.basis_coordinates(b1, b2, x)
    B = np.column_stack([b1, b2])
    assert result.rank == np.linalg.matrix_rank(B)
    if result.rank == 2:
        np.testing.assert_allclose(B @ result.coordinates, x, atol=1e-9)
        np.testing.assert_allclose(result.coordinates, np.linalg.lstsq(B, x)[0], atol=1e-9)
        assert result.condition == pytest.approx(np.linalg.cond(B), rel=1e-9)
        # The drawn lattice: every point has one integer coordinate in the new basis.
        lattice = vectors.basis_lattice(result, extent=3)
        local = np.linalg.solve(B, lattice.T).T
        near_integer = np.isclose(local, np.round(local), atol=1e-9)
        assert np.all(near_integer.any(axis=1))
    else:
        assert result.coordinates is None and math.isinf(result.condition)
        assert len(vectors.basis_lattice(result)) == 0
        # x is "in the span" exactly when lstsq leaves no residual.
        residual = x - B @ np.linalg.lstsq(B, x)[0]
        assert result.in_span == bool(np.linalg.norm(residual) < 1e-9)


def test_standard_basis_coordinates_are_the_entries():
    result = vectors.basis_coordinates(np.array([1.0, 0.0]), np.array([0.0, 1.0]), [3.0, -2.0])
    np.testing.assert_allclose(result.coordinates, [3, -2])
    assert result.condition == 1


def test_dependent_basis_reports_its_line():
    result = vectors.basis_coordinates(np.array([1.0, 2.0]), np.array([-2.0, -4.0]), [1.0, 1.0])
    assert result.rank == 1 and not result.in_span
    ends = vectors.basis_span(result, 5.0)
    assert abs(ends[1, 0] * 2 - ends[1, 1]) < 1e-12  # along (1, 2)
    on_line = vectors.basis_coordinates(np.array([1.0, 2.0]), np.zeros(2), [2.0, 4.0])
    assert on_line.rank == 1 and on_line.in_span


# --- least squares --------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 200), st.floats(0, 3))
def test_least_squares_matches_lstsq_and_the_residual_is_orthogonal(seed, n, noise):
    x, y = vectors.noisy_line(seed, n, noise)
    fit = vectors.fit_line(x, y)
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
    x, y = vectors.noisy_line(5, 10, 0.0, slope=0.6, intercept=1.5)
    fit = vectors.fit_line(x, y)
    np.testing.assert_allclose(fit.coefficients, [1.5, 0.6])
    assert fit.exact
    assert not vectors.fit_line(*vectors.noisy_line(5, 10, 1.0)).exact


def test_all_x_equal_gives_the_flat_line_through_the_mean():
    fit = vectors.fit_line(np.full(4, 2.0), np.array([1.0, 2.0, 3.0, 6.0]))
    assert fit.rank == 1
    np.testing.assert_allclose(fit.coefficients, [3.0, 0.0])
    assert finite(fit.coefficients, fit.residual)


def test_seeded_points_are_reproducible():
    first = vectors.noisy_line(42, 30, 1.0)
    np.testing.assert_array_equal(first[1], vectors.noisy_line(42, 30, 1.0)[1])
    assert not np.array_equal(first[1], vectors.noisy_line(43, 30, 1.0)[1])


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 1000), st.integers(3, 60), st.floats(0, 3))
def test_the_3d_picture_keeps_every_length_and_angle_of_rn(seed, n, noise):
    x, y = vectors.noisy_line(seed, n, noise)
    fit = vectors.fit_line(x, y)
    picture = vectors.column_space_picture(fit)
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
    assert vectors.height_stretch(picture) >= 1


def test_residual_path_draws_only_vertical_residuals_and_the_line():
    x, y = vectors.noisy_line(1, 12, 1.0)
    fit = vectors.fit_line(x, y)
    path = vectors.residual_path(x, y, fit.fitted)
    intercept, slope = fit.coefficients
    for start, end in zip(path[:-1], path[1:], strict=True):
        vertical = start[0] == end[0]
        on_line = np.allclose([start[1], end[1]], intercept + slope * np.array([start[0], end[0]]))
        assert vertical or on_line
    drawn_points = {tuple(np.round(p, 12)) for p in path}
    assert {tuple(np.round(p, 12)) for p in np.column_stack([x, y])} <= drawn_points


# --- formulas -------------------------------------------------------------------------------


def test_formulas_show_current_numbers_and_never_nan():
    dot = vectors.dot_product(np.array([3.0, 1.0]), np.array([1.0, 2.0]))
    text = vectors.dot_latex(dot)
    assert "= 5" in text and "45" in text
    zero = vectors.dot_latex(vectors.dot_product(np.zeros(2), np.array([1.0, 2.0])))
    assert "undefined" in zero
    dependent = vectors.basis_coordinates(np.array([1.0, 1.0]), np.array([2.0, 2.0]), [1.0, 0])
    fit = vectors.fit_line(*vectors.noisy_line(0, 25, 1.0))
    for latex in (text, zero, vectors.basis_latex(dependent), vectors.normal_equations_latex(fit)):
        assert not re.search(r"\bnan\b|\binf\b", latex.lower())
    king, queen = vectors.EMBEDDINGS["king"], vectors.EMBEDDINGS["queen"]
    worked = vectors.cosine_latex("king", king, "queen", queen)
    assert vectors.latex_number(1 - distance.cosine(king, queen), 3) in worked


# --- the page, as a browser receives it -----------------------------------------------------


def _trace(fig, name):
    return next(t for t in fig["data"] if t.get("name") == name)


def _points(trace):
    return np.column_stack([trace["x"], trace["y"]])


IDEAS = ("Dot product", "Cosine similarity", "Change of basis", "Least squares")


def idea_figures(query: dict[str, str] | None = None) -> list[dict]:
    """Every figure of every idea (the page shows one idea at a time), in page order."""
    found = []
    for idea in IDEAS:
        at = run_page(PAGE, {**(query or {}), "idea": idea})
        assert not at.exception and not at.error, idea
        found += figures(at)
    return found


def test_page_draws_the_true_shadow_and_coordinates():
    query = {"u1": "2.5", "u2": "-1.0", "v1": "0.5", "v2": "3.0"}
    query |= {"b1x": "1.0", "b1y": "2.0", "b2x": "3.0", "b2y": "-1.0", "xx": "-2.0", "xy": "1.5"}
    dot, similarity, basis, line, projection = idea_figures(query)
    u, v = np.array([2.5, -1.0]), np.array([0.5, 3.0])
    shadow = _points(_trace(dot, "shadow of v on u"))[1]
    np.testing.assert_allclose(shadow, (u @ v) / (u @ u) * u, atol=1e-12)
    # Change of basis: the dotted path c₁b₁ then c₂b₂ ends exactly at x.
    B = np.array([[1.0, 3.0], [2.0, -1.0]])
    x = np.array([-2.0, 1.5])
    c = np.linalg.solve(B, x)
    first = next(t for t in basis["data"] if t.get("name", "").startswith("c₁b₁"))
    second = next(t for t in basis["data"] if t.get("name", "").startswith("c₂b₂"))
    np.testing.assert_allclose(_points(first)[1], c[0] * B[:, 0], atol=1e-12)
    np.testing.assert_allclose(_points(second)[1], x, atol=1e-12)
    # The heatmap holds scipy's cosine similarities.
    table = np.array(list(vectors.EMBEDDINGS.values()))
    np.testing.assert_allclose(
        np.asarray(similarity["data"][0]["z"]),
        1 - distance.squareform(distance.pdist(table, "cosine")),
        atol=1e-12,
    )


def test_page_fits_the_drawn_points_with_numpys_least_squares():
    at = run_page(PAGE, {"ls_seed": "7", "ls_n": "40", "ls_noise": "2.0", "idea": IDEAS[3]})
    line, projection = figures(at)
    data = _points(_trace(line, "data (x, y)"))
    slope, intercept = np.polyfit(data[:, 0], data[:, 1], 1)
    drawn_line = _points(next(t for t in line["data"] if t["name"].startswith("ŷ =")))
    np.testing.assert_allclose(drawn_line[:, 1], intercept + slope * drawn_line[:, 0], atol=1e-9)

    # 3-D: e is perpendicular to both drawn columns, and ŷ + e = y.
    def vector(name):
        trace = next(t for t in projection["data"] if t.get("name", "").startswith(name))
        points = np.column_stack([trace["x"], trace["y"], trace["z"]])
        return points[-1] - points[0]

    e = vector("e =")
    for column in ("column 1", "column x"):
        assert abs(vector(column) @ e) < 1e-9 * np.linalg.norm(vector(column)) * np.linalg.norm(e)
    np.testing.assert_allclose(vector("ŷ") + e, vector("y (the data)"), atol=1e-9)
    assert np.linalg.norm(e) == pytest.approx(
        np.linalg.norm(data[:, 1] - (intercept + slope * data[:, 0]))
    )


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"u1": "0", "u2": "0"}, "zero vector"),
        ({"b1x": "1", "b1y": "2", "b2x": "2", "b2y": "4", "idea": IDEAS[2]}, "dependent"),
        ({"b1x": "0", "b1y": "0", "b2x": "0", "b2y": "0", "idea": IDEAS[2]}, "dependent"),
        ({"b1x": "4", "b1y": "4", "b2x": "3.9", "b2y": "4", "idea": IDEAS[2]}, "nearly parallel"),
        ({"ls_noise": "0", "idea": IDEAS[3]}, "exactly on a line"),
    ],
)
def test_awkward_inputs_get_a_plain_note(query, words):
    at = run_page(PAGE, query)
    assert not at.exception and not at.error
    assert any(words in note.value for note in at.info), [n.value for n in at.info]
    for element in [*at.latex, *at.info]:
        assert not re.search(r"\bnan\b|\binf\b", element.value.lower())


def test_figures_are_small_and_geometric_ones_are_square():
    for idea in IDEAS:
        assert all(size <= 300_000 for size in figure_sizes(run_page(PAGE, {"idea": idea})))
    dot, _, basis, _, projection = idea_figures()
    for spec in (dot, basis):
        assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    ratio = projection["layout"]["scene"]["aspectratio"]
    assert ratio["x"] == pytest.approx(1) or ratio["y"] == pytest.approx(1)


def test_basis_notes_name_the_problem():
    assert vectors.basis_note(vectors.basis_coordinates([1, 0], [0, 1], [1, 1])) is None
    dependent = vectors.basis_note(vectors.basis_coordinates([1, 2], [2, 4], [1, 1]))
    assert "dependent" in dependent and "off that line" in dependent
    on_line = vectors.basis_note(vectors.basis_coordinates([1, 2], [2, 4], [3, 6]))
    assert "infinitely many" in on_line
    nearly = vectors.basis_note(vectors.basis_coordinates([4, 4], [3.9, 4], [1, 1]))
    assert "nearly parallel" in nearly


def test_subscripts_and_height_stretch():
    assert vectors.subscript(12) == "₁₂" and vectors.subscript(0) == "₀"
    exact = vectors.column_space_picture(vectors.fit_line(*vectors.noisy_line(0, 10, 0.0)))
    assert vectors.height_stretch(exact) == 1.0  # nothing to show: no stretch
