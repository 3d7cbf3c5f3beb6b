"""Small-matrix facts, the one 2x2 eigen solver and the closed-form SVD, checked against
numpy.linalg and scipy on ordinary and awkward matrices."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings

from mathviz.core import geometry, matrix2
from mathviz.linalg import (
    eigen,
    scene,
    text_transform,
    transform,
)
from tests.core.cases import (
    EPS,
    SETTINGS,
    all_finite,
    eigen_matrices,
    fan_area,
    plane_matrices,
    scale_of,
)


@SETTINGS
@given(plane_matrices())
def test_matrix_facts_agree_with_numpy_and_scipy(a):
    facts = matrix2.matrix_facts(a)
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
@given(plane_matrices())
def test_det_is_the_signed_shoelace_area_of_the_image_of_the_unit_square(a):
    image = geometry.apply(a, scene.UNIT_SQUARE)
    area = geometry.shoelace_area(image)
    reference = fan_area(image)  # an independent formula: triangles from one corner
    assert area == pytest.approx(reference, rel=1e-12, abs=1e-300)
    det = matrix2.determinant(a)
    assert det == pytest.approx(area, abs=8 * EPS * scale_of(a) ** 2, rel=1e-9)


@SETTINGS
@given(plane_matrices())
def test_every_eigen_direction_satisfies_av_equals_lambda_v(a):
    result = matrix2.eigen_analysis(a)
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
    distinct = matrix2.eigen_analysis(np.array([[3.0, 1.0], [0.0, 2.0]]))
    assert sorted(span.value for span in distinct.spans) == [2.0, 3.0]
    shear = matrix2.eigen_analysis(transform.PRESETS["shear"].matrix)  # defective: one line only
    assert len(shear.spans) == 1 and not shear.every_direction
    np.testing.assert_allclose(shear.spans[0].direction, [1.0, 0.0])
    scalar = matrix2.eigen_analysis(2.5 * np.eye(2))
    assert scalar.every_direction and len(scalar.spans) == 2
    turn = matrix2.eigen_analysis(transform.PRESETS["quarter turn"].matrix)
    assert turn.turn == pytest.approx((1.0, 90.0)) and not turn.spans
    assert "no real eigenvector" in text_transform.eigen_sentence(turn)


@settings(max_examples=300, deadline=None)
@given(eigen_matrices())
def test_every_eigenvector_satisfies_the_eigen_equation(A):
    result = matrix2.eigen_analysis(A)
    size = max(1.0, float(np.linalg.norm(A, 2)))
    assert all_finite(result.values, result.vectors, result.vector_values)
    for index in range(result.vectors.shape[1]):
        v = result.vectors[:, index]
        lam = result.vector_values[index]
        assert np.isclose(np.linalg.norm(v), 1.0)
        np.testing.assert_allclose(A @ v, lam * v, atol=1e-8 * size)


@settings(max_examples=300, deadline=None)
@given(eigen_matrices())
def test_eigenvalues_match_numpy(A):
    result = matrix2.eigen_analysis(A)
    reference = np.linalg.eigvals(A)
    size = max(1e-300, float(np.linalg.norm(A, 2)))
    ours = sorted(result.values, key=lambda z: (z.real, z.imag))
    theirs = sorted(reference, key=lambda z: (z.real, z.imag))
    # A defective matrix's eigenvalues move like √ε under rounding: allow for that.
    np.testing.assert_allclose(ours, theirs, atol=1e-6 * size)


@settings(max_examples=200, deadline=None)
@given(eigen_matrices())
def test_complex_pairs_are_a_rotation_and_scale_in_a_tilted_basis(A):
    result = matrix2.eigen_analysis(A)
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


def test_a_clockwise_turn_has_a_negative_angle():
    clockwise = matrix2.eigen_analysis(np.array([[0.0, 1.0], [-1.0, 0.0]]))
    assert math.degrees(clockwise.rotation.angle) == pytest.approx(-90)


@settings(max_examples=300, deadline=None)
@given(eigen_matrices())
def test_svd_reconstructs_A_with_numpys_singular_values(A):
    svd = matrix2.svd_2x2(A)
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
    assert math.isinf(matrix2.svd_2x2(np.array([[1.0, 2.0], [2.0, 4.0]])).condition)
    assert math.isinf(matrix2.svd_2x2(np.zeros((2, 2))).condition)
    nearly = matrix2.svd_2x2(np.array(eigen.PRESETS["Nearly singular"].matrix))
    assert 1e11 < nearly.condition < 1e13


# --- the one solver, once more against numpy on seeded random and awkward matrices ------------


def _awkward_matrices() -> list[np.ndarray]:
    """Seeded random matrices at every scale, and the cases a closed form can get wrong."""
    rng = np.random.default_rng(2024)
    found = [rng.standard_normal((2, 2)) * 10.0 ** rng.integers(-8, 9) for _ in range(200)]
    found += [rng.integers(-3, 4, (2, 2)).astype(float) for _ in range(100)]  # ties, repeats
    found += [
        np.array([[1.0, 1.0], [0.0, 1.0]]),  # defective
        np.array([[2.0, -3.0], [0.0, 2.0]]),  # defective, other way
        np.array([[5.0, 0.0], [0.0, 5.0]]),  # scalar
        np.zeros((2, 2)),  # zero: scalar 0
        np.array([[0.0, -1.0], [1.0, 0.0]]),  # a quarter turn: ±i
        np.array([[1e150, 2e150], [-3e150, 1e150]]),  # huge: products would overflow
        np.array([[1e-150, 2e-150], [-3e-150, 1e-150]]),  # tiny: products would underflow
        np.array([[1.0, 1.0], [1.0, 1.0 + 1e-12]]),  # nearly singular
    ]
    return found


@pytest.mark.parametrize("A", _awkward_matrices(), ids=lambda a: np.array2string(a.ravel(), 3))
def test_the_eigen_solver_agrees_with_numpy_eig(A):
    result = matrix2.eigen_analysis(A)
    size = float(np.abs(A).max()) or 1.0
    reference = np.linalg.eigvals(A)
    key = lambda z: (round(z.real / size, 6), round(z.imag / size, 6))  # noqa: E731
    # A defective matrix's eigenvalues move like √ε under rounding: allow for that.
    np.testing.assert_allclose(
        sorted(result.values, key=key), sorted(reference, key=key), atol=1e-6 * size
    )
    assert result.kind in ("distinct", "scalar", "defective", "complex")
    for value, vector in zip(result.vector_values, result.vectors.T, strict=True):
        assert np.linalg.norm(vector) == pytest.approx(1.0)
        np.testing.assert_allclose(A @ vector, value * vector, atol=1e-8 * size)
    if result.kind == "complex":
        assert np.all(np.abs(reference.imag) > 0) and result.spans == ()
        radius, angle = result.turn
        assert radius == pytest.approx(abs(reference[0]), rel=1e-9)
        assert angle == pytest.approx(abs(np.degrees(np.angle(reference[0]))), abs=1e-7)
    else:
        assert result.turn is None and len(result.spans) == result.vectors.shape[1]
    assert result.every_direction == (result.kind == "scalar")


def test_awkward_kinds_are_named():
    kinds = {
        "defective": [[1.0, 1.0], [0.0, 1.0]],
        "scalar": [[5.0, 0.0], [0.0, 5.0]],
        "complex": [[1e150, 2e150], [-3e150, 1e150]],
        "distinct": [[1e-150, 0.0], [0.0, -2e-150]],
    }
    for kind, A in kinds.items():
        assert matrix2.eigen_analysis(np.array(A)).kind == kind, kind


@pytest.mark.parametrize("n", [2, 3])
def test_the_determinant_agrees_with_numpy_at_every_scale(n):
    rng = np.random.default_rng(n)
    for _ in range(300):
        A = rng.standard_normal((n, n)) * 10.0 ** rng.integers(-90, 91)
        assert matrix2.determinant(A) == pytest.approx(np.linalg.det(A), rel=1e-9)
    assert matrix2.determinant(np.zeros((n, n))) == 0.0


def test_the_determinant_neither_overflows_nor_underflows():
    huge = np.array([[3e200, 1e200], [1e200, 2e200]])
    assert matrix2.determinant(huge / 1e200) == pytest.approx(5.0)
    assert np.isinf(matrix2.determinant(huge))  # 5e400 is beyond any float: it is ±inf, no NaN
    tiny = np.array([[3e-200, 1e-200], [1e-200, 2e-200]])
    assert matrix2.determinant(tiny) == 0.0 or matrix2.determinant(tiny) > 0  # no NaN, no sign
    small = np.array([[3e-160, 1e-160], [1e-160, 2e-160]])
    assert matrix2.determinant(small) == pytest.approx(5e-320, rel=1e-2)  # subnormal, not 0


def test_rotation_is_in_radians_and_exact_at_quarter_turns():
    rng = np.random.default_rng(7)
    for angle in rng.uniform(-10, 10, 100):
        c, s = math.cos(angle), math.sin(angle)
        np.testing.assert_allclose(matrix2.rotation(angle), [[c, -s], [s, c]], atol=1e-15)
    for k in range(-8, 9):
        r = matrix2.rotation(k * math.pi / 2)
        assert set(r.ravel().tolist()) <= {0.0, 1.0, -1.0}
        assert not np.signbit(r[r == 0]).any(), "no -0.0"
        np.testing.assert_allclose(r, np.linalg.matrix_power([[0.0, -1.0], [1.0, 0.0]], k % 4))


def test_canonical_and_null_directions():
    np.testing.assert_allclose(matrix2.canonical_direction([-3.0, -4.0]), [0.6, 0.8])
    np.testing.assert_allclose(matrix2.canonical_direction([0.0, -2.0]), [0.0, 1.0])
    rng = np.random.default_rng(3)
    for _ in range(100):
        u, w = rng.standard_normal(2), rng.standard_normal(2)
        rank_one = np.outer(u, w)
        v = matrix2.null_direction(rank_one)
        np.testing.assert_allclose(rank_one @ v, 0.0, atol=1e-12 * np.abs(rank_one).max())
        assert np.linalg.norm(v) == pytest.approx(1.0)


def test_largest_stretch_and_facts_of_3x3_matrices_agree_with_numpy():
    rng = np.random.default_rng(11)
    stack = rng.standard_normal((50, 2, 2))
    np.testing.assert_allclose(
        matrix2.largest_stretch(stack), np.linalg.norm(stack, 2, axis=(1, 2))
    )
    for _ in range(50):
        M = rng.standard_normal((3, 3))
        facts = matrix2.matrix_facts(M)
        assert facts.rank == 3 and facts.determinant == pytest.approx(np.linalg.det(M))
        np.testing.assert_allclose(facts.inverse, np.linalg.inv(M), rtol=1e-9, atol=1e-12)
    flat = matrix2.matrix_facts(np.diag([1.0, 2.0, 0.0]))
    assert flat.rank == 2 and flat.determinant == 0.0 and flat.inverse is None
    np.testing.assert_allclose(flat.null_space, [[0.0, 0.0, 1.0]])
