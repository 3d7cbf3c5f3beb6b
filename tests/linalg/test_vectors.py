"""Dot products, cosine similarity and change of basis against numpy and scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import distance

from mathviz.linalg import (
    vectors,
)
from tests.core.cases import coordinate, finite, plane_vector, slider_vector


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


def test_only_a_word_with_itself_has_similarity_one():
    """cat·dog and apple·bread once read 1.00 on the heatmap, like the diagonal: related words
    are close, but only a word and itself point the same way."""
    words = list(vectors.EMBEDDINGS)
    matrix = vectors.cosine_similarity_matrix(np.array(list(vectors.EMBEDDINGS.values())))
    off_diagonal = matrix[~np.eye(len(words), dtype=bool)]
    assert np.round(off_diagonal, 2).max() < 0.95  # the heatmap shows two decimals
    np.testing.assert_allclose(np.diag(matrix), 1.0)
    for first, second in [("cat", "dog"), ("apple", "bread"), ("king", "queen")]:
        related = matrix[words.index(first), words.index(second)]
        unrelated = matrix[words.index(first), words.index("apple" if first != "apple" else "cat")]
        assert 0.8 < related < 0.95 and related > unrelated + 0.4, (first, second)
    assert all(len(v) == len(vectors.EMBEDDING_FEATURES) for v in vectors.EMBEDDINGS.values())


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
