"""mathviz.probability.joint against independent references: numpy.linalg (eigh, inv,
cholesky, solve on the 2x2 blocks), scipy.stats (multivariate_normal, norm),
scipy.integrate.quad, and the sampling error a sample of n allows."""

import math

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.probability import joint
from mathviz.probability.joint import Gaussian2

CASES = [
    (0.0, 0.0, 1.5, 1.0, 0.6),
    (1.0, -2.0, 0.5, 2.0, -0.3),
    (0.0, 0.0, 1.0, 1.0, 0.0),  # Σ = I: every direction is an eigenvector
    (2.0, 1.0, 3.0, 0.2, 0.99),
    (-1.0, 0.5, 0.7, 0.7, -0.99),
]


def _g(case) -> Gaussian2:
    return Gaussian2.of(*case)


@pytest.mark.parametrize("case", CASES)
def test_principal_axes_match_eigh(case):
    sigma = _g(case).covariance
    axes = joint.principal_axes(sigma)
    values, vectors = np.linalg.eigh(sigma)  # ascending
    np.testing.assert_allclose(axes.variances, values[::-1], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(axes.directions.T @ axes.directions, np.eye(2), atol=1e-12)
    if not np.isclose(values[0], values[1]):
        for i, reference in enumerate(vectors[:, ::-1].T):
            assert abs(float(axes.directions[:, i] @ reference)) == pytest.approx(1, abs=1e-10)
    # Σ q = λ q, columns as directions
    np.testing.assert_allclose(sigma @ axes.directions, axes.directions * axes.variances,
                               atol=1e-12)  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_sigma_ellipses_are_mahalanobis_level_sets(case):
    g = _g(case)
    inverse = np.linalg.inv(g.covariance)
    for k in (1, 2):
        centred = joint.sigma_ellipse(g, k) - g.mean
        distances = np.einsum("ni,ij,nj->n", centred, inverse, centred)
        np.testing.assert_allclose(distances, k**2, rtol=1e-9)
        half = joint.principal_axes(g.covariance).half_lengths(k)
        reach = np.linalg.norm(centred, axis=1)
        assert reach.max() == pytest.approx(half[0], rel=1e-3)  # the long half-axis k√λ₁


@pytest.mark.parametrize("case", CASES)
def test_density_matches_scipy_multivariate_normal(case):
    g = _g(case)
    rng = np.random.default_rng(1)
    points = g.mean + rng.normal(size=(50, 2)) * [g.sx, g.sy] * 1.5
    reference = stats.multivariate_normal(g.mean, g.covariance).pdf(points)
    np.testing.assert_allclose(joint.density(g, points[:, 0], points[:, 1]), reference,
                               rtol=1e-10)  # fmt: skip


@pytest.mark.parametrize("case", CASES[:3])
def test_marginals_match_norm_and_integrating_y_out(case):
    g = _g(case)
    xs = np.linspace(g.mean[0] - 3 * g.sx, g.mean[0] + 3 * g.sx, 7)
    ys = np.linspace(g.mean[1] - 3 * g.sy, g.mean[1] + 3 * g.sy, 7)
    np.testing.assert_allclose(joint.marginal_x(g, xs), stats.norm.pdf(xs, g.mean[0], g.sx))
    np.testing.assert_allclose(joint.marginal_y(g, ys), stats.norm.pdf(ys, g.mean[1], g.sy))
    for x in xs[1::2]:
        integral, _ = integrate.quad(lambda y, x=x: float(joint.density(g, x, y)), -np.inf, np.inf)
        assert integral == pytest.approx(float(joint.marginal_x(g, x)), rel=1e-8)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("x0", [-2.0, 0.3, 4.0])
def test_conditional_matches_block_gaussian_conditioning(case, x0):
    g = _g(case)
    sigma, mu = g.covariance, g.mean
    s11, s12, s21, s22 = sigma[:1, :1], sigma[:1, 1:], sigma[1:, :1], sigma[1:, 1:]
    mean = mu[1:] + s21 @ np.linalg.solve(s11, np.array([x0]) - mu[:1])
    variance = s22 - s21 @ np.linalg.solve(s11, s12)
    given = joint.conditional_y(g, x0)
    assert given.mean == pytest.approx(float(mean[0]), abs=1e-12)
    assert given.variance == pytest.approx(float(variance[0, 0]), rel=1e-10)
    # and the slice of the joint density, renormalised, is that normal
    ys = np.linspace(given.mean - 3 * given.sd, given.mean + 3 * given.sd, 9)
    sliced = joint.density(g, np.full_like(ys, x0), ys) / joint.marginal_x(g, x0)
    np.testing.assert_allclose(sliced, stats.norm.pdf(ys, given.mean, given.sd), rtol=1e-8)


@pytest.mark.parametrize("case", CASES)
def test_cholesky_matches_numpy(case):
    sigma = _g(case).covariance
    np.testing.assert_allclose(joint.cholesky(sigma), np.linalg.cholesky(sigma), rtol=1e-12,
                               atol=1e-14)  # fmt: skip


def test_samples_have_the_covariance_and_mean_at_a_fixed_seed():
    g = _g(CASES[1])
    n = 3000
    steps = joint.sampling_steps(g, n, seed=4)
    sigma = g.covariance
    # The standard error of a sample covariance entry is √((Σᵢᵢ Σⱼⱼ + Σᵢⱼ²)/n) (Gaussian
    # data); 4 of them fails by chance about once in 16,000 entries.
    error = np.sqrt((np.outer(np.diag(sigma), np.diag(sigma)) + sigma**2) / n)
    assert (np.abs(steps.sample_covariance - sigma) < 4 * error).all()
    np.testing.assert_allclose(steps.sample_covariance, np.cov(steps.shifted.T))
    assert (np.abs(steps.sample_mean - g.mean) < 4 * np.sqrt(np.diag(sigma) / n)).all()
    # the steps are the same z carried along
    np.testing.assert_allclose(steps.stretched, steps.standard @ np.linalg.cholesky(sigma).T)
    np.testing.assert_allclose(steps.shifted, steps.stretched + g.mean)
    again = joint.sampling_steps(g, n, seed=4)
    np.testing.assert_array_equal(again.standard, steps.standard)


def test_stages_carry_the_circles_to_the_ellipses():
    g = _g(CASES[0])
    stages = joint.sampling_steps(g, 200, 0).stages
    inverse = np.linalg.inv(g.covariance)
    carried = zip(joint.SIGMA_LEVELS, *(s.ellipses for s in stages), strict=True)
    for k, circle, ellipse, moved in carried:
        np.testing.assert_allclose(np.linalg.norm(circle, axis=1), k)
        q = np.einsum("ni,ij,nj->n", ellipse, inverse, ellipse)
        np.testing.assert_allclose(q, k**2, rtol=1e-9)
        np.testing.assert_allclose(moved - g.mean, ellipse)
    np.testing.assert_allclose(stages[2].arrows, np.linalg.cholesky(g.covariance))


def test_settings_out_of_range_are_clamped_and_positive_definite():
    for rho in (1.0, -1.0, 7.0, float("nan")):
        g = Gaussian2.of(0, 0, 1, 1, rho)
        assert g.clamped and abs(g.rho) <= joint.RHO_LIMIT
        assert np.linalg.eigvalsh(g.covariance).min() > 0
    g = Gaussian2.of(float("inf"), 0, 0.0, -3, 0.5)
    assert g.clamped and g.sx == joint.SIGMA_LOW and g.sy == joint.SIGMA_LOW
    assert np.isfinite(g.mean).all()
    assert not Gaussian2.of(0.0, 0.0, 1.0, 1.0, 0.5).clamped


@pytest.mark.parametrize("rho", [-0.99, 0.99])
def test_the_picture_is_finite_near_degenerate(rho):
    g = Gaussian2.of(0.5, -0.5, 2.0, 0.3, rho)
    picture = joint.joint_picture(g, 5.9)
    for array in (picture.z, picture.px, picture.py, picture.slice_density, picture.ellipses):
        assert np.isfinite(array).all()
    assert picture.window[0] <= 5.9 <= picture.window[1]
    assert g.nearly_degenerate
    # the grid's density integrates to about 1 (trapezoid rule on the 81 × 81 grid)
    area = np.trapezoid(np.trapezoid(picture.z, picture.xs, axis=1), picture.ys)
    assert area == pytest.approx(1, abs=0.05)
    assert math.isclose(picture.conditional.variance, 0.3**2 * (1 - 0.99**2), rel_tol=1e-12)
