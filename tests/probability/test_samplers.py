"""Inverse transform, rejection sampling and Monte Carlo π against scipy.stats and theory:
KS and χ² tests at fixed seeds, acceptance ≈ 1/M within binomial error, sup f/g in closed
form, and the π estimator's standard error against repeated simulation."""

import math

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.probability import distributions, samplers

REGISTRY = distributions.DISTRIBUTIONS
CONTINUOUS = [name for name, d in REGISTRY.items() if not d.discrete]
DISCRETE = [name for name, d in REGISTRY.items() if d.discrete]


def _rv(name):
    return REGISTRY[name].frozen({})


def _draws(name, n, seed):
    rv = _rv(name)
    u = np.random.default_rng(seed).random(n)
    if REGISTRY[name].discrete or samplers.has_fast_inverse(rv):
        return samplers.inverse_transform(rv, u)
    return samplers.tabulated_inverse(rv, u)


@pytest.mark.parametrize("name", CONTINUOUS)
def test_inverse_transform_draws_pass_ks_against_scipy(name):
    rv = _rv(name)
    x = _draws(name, 4000, seed=3)
    assert stats.kstest(x, rv.cdf).pvalue > 1e-3
    # F(F⁻¹(u)) = u makes the one-sample test lenient; scipy's own sampler is independent.
    reference = np.asarray(rv.rvs(size=4000, random_state=np.random.default_rng(99)), float)
    assert stats.ks_2samp(x, reference).pvalue > 1e-3


@pytest.mark.parametrize("name", DISCRETE)
def test_inverse_transform_draws_pass_chi_squared_against_the_pmf(name):
    rv = _rv(name)
    n = 5000
    x = _draws(name, n, seed=5)
    values = np.arange(rv.ppf(1e-6), rv.ppf(1 - 1e-6) + 1)
    expected = n * rv.pmf(values)
    observed = np.array([np.sum(x == v) for v in values], float)
    big = expected >= 5  # pool the small cells into one, as the χ² test needs
    observed = np.append(observed[big], n - observed[big].sum())
    expected = np.append(expected[big], n - expected[big].sum())
    keep = expected > 0
    if keep.sum() < 2:
        pytest.skip("one value carries all the mass")
    assert stats.chisquare(observed[keep], expected[keep]).pvalue > 1e-3


def test_a_table_inverts_the_cdf_where_a_root_search_would():
    rv = _rv("Normal")
    u = np.random.default_rng(0).random(500)
    np.testing.assert_allclose(samplers.tabulated_inverse(rv, u), stats.norm.ppf(u), atol=2e-3)
    extreme = np.array([1e-9, 1 - 1e-9])  # beyond the table: the exact ppf
    np.testing.assert_allclose(samplers.tabulated_inverse(rv, extreme), stats.norm.ppf(extreme))


def test_inverse_run_histogram_and_summaries_match_a_direct_count():
    name = "Exponential"
    values = samplers.settings(REGISTRY[name].values({}))
    run = samplers.inverse_run(name, values, 3000, 7)
    u = np.random.default_rng(7).random(3000)
    x = stats.expon(scale=1 / REGISTRY[name].values({})["rate"]).ppf(u)
    np.testing.assert_allclose(run.x, x[: len(run.x)])
    assert run.counts[-1] == 3000 and list(run.counts[:30]) == list(range(1, 31))
    area = float(np.sum(run.heights[-1] * np.diff(run.edges)))
    inside = np.sum((x >= run.edges[0]) & (x <= run.edges[-1]))
    assert area == pytest.approx(inside / 3000) and run.outside == 3000 - inside
    assert run.mean == pytest.approx(x.mean()) and run.ks == pytest.approx(
        stats.kstest(x, stats.expon(scale=1 / REGISTRY[name].values({})["rate"]).cdf).statistic
    )


def test_a_discrete_run_draws_the_step_cdf_and_shares_per_value():
    values = samplers.settings(REGISTRY["Poisson"].values({}))
    run = samplers.inverse_run("Poisson", values, 2000, 1)
    assert run.discrete and np.all(np.diff(run.edges) == 1)
    assert np.sum(run.heights[-1]) == pytest.approx(1 - run.outside / 2000)
    np.testing.assert_allclose(run.cdf, _rv("Poisson").cdf(run.grid))


@pytest.mark.parametrize("bad", [0, -5, math.inf, math.nan, "many", 10**9])
def test_counts_from_links_are_clamped(bad):
    n = samplers.clamp_count(bad, 1, 100)
    assert 1 <= n <= 100 and isinstance(n, int)


# ---- rejection ------------------------------------------------------------------------------

CLOSED_FORM_SUP = {
    "Beta(2, 5) under a uniform": 30 * 0.2 * 0.8**4,  # the Beta(2, 5) mode at 1/5
    "Normal under a Cauchy": math.sqrt(2 * math.pi / math.e),  # at x = ±1
    "Gamma(3) under an exponential": 13.5 * math.exp(-2),  # 1.5 x² e^(−2x/3) at x = 3
}


@pytest.mark.parametrize("name", CLOSED_FORM_SUP)
def test_the_best_envelope_is_sup_f_over_g_in_closed_form(name):
    assert samplers.best_envelope(name) == pytest.approx(CLOSED_FORM_SUP[name], rel=1e-6)


def test_the_two_bumps_envelope_bounds_the_ratio_everywhere():
    target = samplers.REJECTION_TARGETS["Two bumps under a normal"]
    x = np.linspace(-20, 20, 200_001)
    assert samplers.best_envelope(target.name) == pytest.approx(
        np.max(target.f(x) / target.g(x)), rel=1e-6
    )


@pytest.mark.parametrize("name", samplers.REJECTION_TARGETS)
def test_acceptance_is_one_over_m_and_the_kept_draws_follow_f(name):
    m = 1.5 * samplers.best_envelope(name)
    n = 20_000
    run = samplers.rejection_run(name, m, n, 11)
    se = math.sqrt((1 / m) * (1 - 1 / m) / n)
    assert abs(run.rate - 1 / m) < 4 * se
    assert run.expected == pytest.approx(1 / m, rel=1e-4)
    target = samplers.REJECTION_TARGETS[name]
    x, height, kept = samplers.rejection_sample(target, m, n, np.random.default_rng(11))
    assert stats.kstest(x[kept], target.target.cdf).pvalue > 1e-3
    assert np.all(height[kept] <= target.f(x[kept]))


def test_an_envelope_too_low_samples_min_f_mg_not_f():
    name = "Beta(2, 5) under a uniform"
    m = 1.2  # M* = 2.4576
    run = samplers.rejection_run(name, m, 50_000, 2)
    assert run.cut
    target = samplers.REJECTION_TARGETS[name]
    # Accepted share (1/M)∫min(f, M) on [0, 1]: by quadrature against the measured rate.
    area = integrate.quad(lambda x: min(stats.beta(2, 5).pdf(x), m), 0, 1, points=[0.2])[0]
    assert run.expected == pytest.approx(area / m, rel=1e-6)
    assert abs(run.rate - area / m) < 4 * math.sqrt(area / m * (1 - area / m) / 50_000)
    x, _, kept = samplers.rejection_sample(target, m, 50_000, np.random.default_rng(2))
    assert stats.kstest(x[kept], stats.beta(2, 5).cdf).pvalue < 1e-6  # wrong: not f

    grid = np.linspace(0, 1, 20_001)
    table = integrate.cumulative_trapezoid(np.minimum(stats.beta(2, 5).pdf(grid), m) / area,
                                           grid, initial=0)  # fmt: skip
    assert table[-1] == pytest.approx(1, abs=1e-6)
    assert stats.kstest(x[kept], lambda t: np.interp(t, grid, table)).pvalue > 1e-3


# ---- Monte Carlo π --------------------------------------------------------------------------


def test_the_standard_error_of_pi_hat_matches_repeated_simulation():
    n, repeats = 1000, 3000
    points = np.random.default_rng(4).random((repeats, n, 2))
    estimates = 4 * np.mean(np.sum(points**2, axis=2) <= 1, axis=1)
    formula = math.sqrt(math.pi / 4 * (1 - math.pi / 4) / n) * 4
    assert samplers.pi_standard_error(n) == pytest.approx(formula)
    assert np.std(estimates) == pytest.approx(formula, rel=0.05)
    assert abs(np.mean(estimates) - math.pi) < 4 * formula / math.sqrt(repeats)


def test_repeated_runs_from_binomial_increments_have_the_same_spread():
    counts = np.array([10, 100, 1000, 10000])
    repeated = samplers.repeated_pi_estimates(counts, 4000, np.random.default_rng(8))
    np.testing.assert_allclose(np.std(repeated, axis=0), samplers.pi_standard_error(counts),
                               rtol=0.06)  # fmt: skip


def test_the_running_estimate_counts_points_inside_the_circle():
    points = np.random.default_rng(0).random((500, 2))
    loop, inside = [], 0
    for k, (x, y) in enumerate(points, start=1):
        inside += x * x + y * y <= 1
        loop.append(4 * inside / k)
    np.testing.assert_allclose(samplers.pi_estimates(points), loop)


def test_the_pi_run_error_falls_as_one_over_root_n():
    run = samplers.pi_run(100_000, 0)
    assert -0.6 < run.slope < -0.4
    np.testing.assert_allclose(run.rms[run.counts >= 100],
                               samplers.pi_standard_error(run.counts[run.counts >= 100]),
                               rtol=0.25)  # fmt: skip
    assert len(run.points) <= samplers.SHOWN_DRAWS
    assert run.estimate == pytest.approx(run.estimates[-1])
    assert samplers.pi_run(10**12, 0).n == samplers.MAX_PI_POINTS
