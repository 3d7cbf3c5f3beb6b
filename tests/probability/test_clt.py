"""The central limit theorem's machinery (mathviz.probability.clt) against theory and scipy:
exact sum laws agree with brute-force sums, the variance of a sample mean is σ²/n, the KS
distance to N(0, 1) falls like n^(−1/2) for an exponential source, and Cauchy's means do not
converge at all."""

import math

import numpy as np
import pytest
from scipy import optimize, stats

from mathviz.probability import clt, distributions, sampling

EXPONENTIAL = sampling.settings({"rate": 2.0})
NORMAL = sampling.settings({"mu": 1.0, "sigma": 2.0})
CAUCHY = sampling.settings({"mu": 0.0, "scale": 1.0})

CONTINUOUS_LAWS = [stats.norm(1, 2), stats.expon(scale=0.5), stats.gamma(2.5, scale=1.5),
                   stats.chi2(3), stats.cauchy(0.5, 2)]  # fmt: skip
DISCRETE_LAWS = [stats.bernoulli(0.3), stats.binom(7, 0.4), stats.poisson(2.5), stats.geom(0.3),
                 stats.nbinom(3, 0.4)]  # fmt: skip


def _brute_sums(rv, n, count, seed):
    return rv.rvs(size=(count, n), random_state=np.random.default_rng(seed)).sum(axis=1)


@pytest.mark.parametrize("rv", CONTINUOUS_LAWS, ids=lambda rv: rv.dist.name)
def test_an_exact_sum_law_matches_brute_force_sums_in_distribution(rv):
    n, count = 7, 20_000
    law = clt.sum_law(rv, n)
    exact = law.rvs(size=count, random_state=np.random.default_rng(1))
    assert stats.ks_2samp(exact, _brute_sums(rv, n, count, 2)).pvalue > 0.001
    if np.isfinite(rv.var()):
        assert law.mean() == pytest.approx(n * rv.mean())
        assert law.var() == pytest.approx(n * rv.var())


@pytest.mark.parametrize("rv", DISCRETE_LAWS, ids=lambda rv: rv.dist.name)
def test_a_discrete_sum_law_matches_brute_force_sums_by_a_chi_squared_test(rv):
    n, count = 6, 20_000
    law = clt.sum_law(rv, n)
    brute = _brute_sums(rv, n, count, 3).astype(int)
    # χ² goodness of fit of the brute-force sums to the law's PMF (sparse tails pooled).
    low, high = int(law.ppf(0.005)), int(law.ppf(0.995))
    observed = np.array([np.sum(brute < low + 1)]
                        + [np.sum(brute == k) for k in range(low + 1, high)]
                        + [np.sum(brute >= high)])  # fmt: skip
    expected = count * np.array([law.cdf(low)]
                                + [law.pmf(k) for k in range(low + 1, high)]
                                + [law.sf(high - 1)])  # fmt: skip
    assert stats.chisquare(observed, expected * observed.sum() / expected.sum()).pvalue > 0.001
    assert law.mean() == pytest.approx(n * rv.mean())
    assert law.var() == pytest.approx(n * rv.var())


def test_the_shortcut_and_brute_force_give_the_same_standardised_means():
    grid = np.array([1, 4, 30])
    rng = np.random.default_rng
    exact, drawn_exactly = clt.sums("Exponential", EXPONENTIAL, grid, 10_000, rng(0))
    brute, brute_exactly = clt.sums("Exponential", EXPONENTIAL, grid, 10_000, rng(1),
                                    shortcut=False)  # fmt: skip
    assert drawn_exactly and not brute_exactly
    assert exact.shape == brute.shape == (3, 10_000)
    for row in range(3):
        assert stats.ks_2samp(exact[row], brute[row]).pvalue > 0.001


def test_the_sample_mean_variance_is_sigma_squared_over_n():
    # Normal source: (M − 1) s² / (σ²/n) is χ²(M − 1) exactly.
    n, means = 25, 10_000
    totals, _ = clt.sums("Normal", NORMAL, np.array([n]), means, np.random.default_rng(7))
    s2 = np.var(totals[0] / n, ddof=1)
    statistic = (means - 1) * s2 / (4.0 / n)
    assert stats.chi2(means - 1).ppf(0.0005) < statistic < stats.chi2(means - 1).ppf(0.9995)
    # Exponential source by brute force: Var(s²) ≈ (μ₄ − σ⁴)/M with the mean's μ₄ = (3 + 6/n)σ⁴.
    n = 20
    totals, exact = clt.sums("Exponential", EXPONENTIAL, np.array([n]), means,
                             np.random.default_rng(8), shortcut=False)  # fmt: skip
    assert not exact
    variance = 0.25 / n
    s2 = np.var(totals[0] / n, ddof=1)
    tolerance = 3.5 * math.sqrt((3 + 6 / n - 1) * variance**2 / means)
    assert abs(s2 - variance) < tolerance


def test_standardised_means_have_mean_zero_and_variance_one():
    study = clt.clt_study("Exponential", EXPONENTIAL, 40, 20_000, 3)
    totals, _ = clt.sums("Exponential", EXPONENTIAL, study.grid, 20_000,
                         np.random.default_rng(3))  # fmt: skip
    z = clt.standardised(totals[-1], 40, study.how)
    assert abs(z.mean()) < 4 / math.sqrt(20_000)
    assert abs(z.var() - 1) < 0.05
    assert study.how.center == 0.5 and study.how.scale == pytest.approx(0.5)


def test_the_exact_ks_distance_is_the_sup_of_the_cdf_gap():
    # n = 1 exponential, standardised: F(z) = 1 − e^{−(1 + z)} for z ≥ −1; the sup of
    # |F − Φ| found independently by a bounded optimiser on both sides of its peak.
    how = clt.standardisation(stats.expon())
    gap = lambda z: -abs((1 - np.exp(-(1 + z)) if z > -1 else 0.0) - stats.norm.cdf(z))  # noqa: E731
    best = max(-optimize.minimize_scalar(gap, bounds=b, method="bounded").fun
               for b in [(-3, -1), (-1, 0), (0, 3)])  # fmt: skip
    assert clt.exact_ks(clt.sum_law(stats.expon(), 1), 1, how, False) == pytest.approx(best, 1e-5)
    # a binomial (sum of n Bernoulli): the gap at the jumps, on both sides, directly
    p, n = 0.3, 50
    how = clt.standardisation(stats.bernoulli(p))
    k = np.arange(0, n + 1)
    z = (k - n * p) / math.sqrt(n * p * (1 - p))
    direct = max(np.max(np.abs(stats.binom(n, p).cdf(k) - stats.norm.cdf(z))),
                 np.max(np.abs(stats.binom(n, p).cdf(k - 1) - stats.norm.cdf(z))))  # fmt: skip
    assert clt.exact_ks(stats.binom(n, p), n, how, True) == pytest.approx(direct)


def test_the_ks_distance_of_an_exponential_source_falls_with_slope_minus_a_half():
    study = clt.clt_study("Exponential", EXPONENTIAL, 500, 100_000, 0)
    assert study.slope_exact == pytest.approx(-0.5, abs=0.02)
    assert study.slope == pytest.approx(-0.5, abs=0.1)  # simulated, above the noise floor
    # Edgeworth: D ≈ γ φ(0) / (6√n) with skewness γ = 2 for large n
    at = study.exact_n == 500
    assert study.exact_ks[at][0] == pytest.approx(2 * stats.norm.pdf(0) / (6 * math.sqrt(500)),
                                                  rel=0.1)  # fmt: skip
    # the simulated KS at n = 1 is that of the exponential itself
    assert study.ks[0] == pytest.approx(study.exact_ks[0], abs=4 * study.floor)


def test_cauchy_means_do_not_converge():
    """How: the mean of n standard Cauchy draws is standard Cauchy (IQR 2) at every n, so the
    interquartile range of the raw means stays at 2 instead of shrinking like 1/√n (a normal
    source's, beside it, shrinks by √500); and the KS distance of the standardised means to
    N(0, 1) grows with n instead of falling."""
    cauchy = clt.clt_study("Cauchy", CAUCHY, 500, 100_000, 1)
    assert cauchy.how.robust
    assert cauchy.spread[0] == pytest.approx(2.0, rel=0.03)
    assert cauchy.spread[-1] == pytest.approx(2.0, rel=0.03)
    assert cauchy.ks[-1] > 0.4 > cauchy.ks[0]
    assert cauchy.exact_ks[-1] > cauchy.exact_ks[0] and cauchy.slope_exact > 0
    normal = clt.clt_study("Normal", NORMAL, 500, 100_000, 1)
    ratio = normal.spread[0] / normal.spread[-1]
    assert ratio == pytest.approx(math.sqrt(500), rel=0.05)
    # and brute force agrees with the exact Cauchy law of the mean
    brute = _brute_sums(stats.cauchy(), 50, 5000, 4) / 50
    assert stats.kstest(brute, stats.cauchy().cdf).pvalue > 0.001


def test_brute_force_sources_are_capped_to_the_draw_budget():
    study = clt.clt_study("Uniform", sampling.settings({"lo": 0.0, "hi": 1.0}), 500, 100_000, 0)
    assert not study.exact and study.used == 10_000 and study.requested == 100_000
    assert study.used * 500 <= clt.DRAW_BUDGET
    assert clt.capped_count(100_000, 20) == 100_000
    # a symmetric source converges faster than n^(-1/2): by n = 500 it is at the noise floor
    assert study.ks[-1] < 3 * study.floor


@pytest.mark.parametrize("name", list(distributions.DISTRIBUTIONS))
def test_every_source_gives_finite_histograms_that_integrate_to_one(name):
    values = sampling.settings(distributions.DISTRIBUTIONS[name].values({}))
    study = clt.clt_study(name, values, 30, 2000, 0)
    for edges, density, outside in zip(study.edges, study.density, study.outside, strict=True):
        assert np.sum(density * np.diff(edges)) + outside == pytest.approx(1.0)
        assert np.all(np.isfinite(density))
    assert np.all(np.isfinite(study.qq_sample)) and np.all(np.isfinite(study.ks))


def test_discrete_bins_hold_whole_lattice_points():
    how = clt.standardisation(stats.poisson(2.5))
    for n in (1, 3, 40):
        k = np.arange(0, 400)
        z = (k - n * 2.5) / (how.scale * math.sqrt(n))
        edges, _, _ = clt.z_histogram(z, n, how, discrete=True)
        h = 1 / (how.scale * math.sqrt(n))
        distance = np.min(np.abs(z[:, None] - edges[None, :]))
        assert distance > h / 4, n  # no lattice point sits on a bin edge
        assert np.allclose(np.diff(edges) / h, np.round(np.diff(edges) / h))


def test_qq_points_of_normal_means_lie_on_the_line():
    study = clt.clt_study("Normal", NORMAL, 10, 100_000, 2)
    np.testing.assert_allclose(study.qq_theory, stats.norm.ppf((np.arange(199) + 0.5) / 199))
    assert np.max(np.abs(study.qq_sample[-1] - study.qq_theory)[10:-10]) < 0.05


def test_standardisation_of_a_source_without_spread_or_variance():
    assert clt.standardisation(stats.bernoulli(0.0)).degenerate
    heavy = clt.standardisation(stats.t(2))
    assert heavy.robust and heavy.scale == pytest.approx(
        (stats.t(2).ppf(0.75) - stats.t(2).ppf(0.25)) / 1.3489795
    )
    assert not clt.standardisation(stats.t(5)).robust
    assert clt.standardisation(stats.t(3)).third_moment_infinite


def test_bad_sample_sizes_and_counts_are_clamped():
    study = clt.clt_study("Exponential", EXPONENTIAL, 10**9, -5, 0)
    assert study.n == clt.MAX_N and study.requested == clt.MIN_MEANS
    assert clt.clt_study("Exponential", EXPONENTIAL, 0, 10**12, 0).n == 1


def test_the_slope_is_a_least_squares_fit_on_log_log_axes_and_needs_enough_points():
    assert all(math.isnan(v) for v in clt.fit_slope(np.array([1, 2]), np.array([0.1, 0.05])))
    n, ks = np.array([1, 2, 3, 10]), np.array([0.1, 0.07, 0.058, 0.032])
    slope, intercept = clt.fit_slope(n, ks)
    reference = stats.linregress(np.log(n), np.log(ks))
    assert (slope, intercept) == pytest.approx((reference.slope, reference.intercept))
    assert math.isnan(clt.fit_slope(n, ks, floor=0.06)[0])  # two points above the floor
