"""Metropolis–Hastings and its diagnostics against independent references: a plain loop in
probability ratios, a Gaussian target's mean and covariance (tolerance from the ESS), the
targets' closed forms against scipy and quadrature, ESS and R̂ against ArviZ and the AR(1)
closed form, the autocorrelation against a direct sum."""

import math

import numpy as np
import pytest
from scipy import stats

from mathviz.probability import mcmc


def ar1(phi: float, chains: int, n: int, seed: int, shift=None) -> np.ndarray:
    """(chains, n) stationary AR(1) series x_t = φ x_{t−1} + √(1 − φ²) ε_t."""
    rng = np.random.default_rng(seed)
    x = np.empty((chains, n))
    x[:, 0] = rng.standard_normal(chains)
    noise = math.sqrt(1 - phi**2) * rng.standard_normal((chains, n))
    for t in range(1, n):
        x[:, t] = phi * x[:, t - 1] + noise[:, t]
    return x if shift is None else x + np.asarray(shift)[:, None]


# ---- the sampler ----------------------------------------------------------------------------


def test_metropolis_matches_a_plain_loop_in_probability_ratios():
    target = mcmc.TARGETS["Banana"]
    starts = np.array([[0.5, 0.5], [-3.0, 4.0], [2.0, -2.0]])
    steps, sigma = 300, 1.3
    chains = mcmc.metropolis(target.log_density, starts, sigma, steps, np.random.default_rng(4))
    # The same random numbers, drawn in the same order, used one chain and one step at a
    # time with the ratio π(x')/π(x) itself (no logs).
    rng = np.random.default_rng(4)
    moves = sigma * rng.standard_normal((steps, 3, 2))
    u = rng.random((steps, 3))

    def density(p):
        x, y = p
        return math.exp(-0.5 * (x / 2) ** 2 - 0.5 * (y - 0.35 * (x * x - 4)) ** 2)

    for c in range(3):
        x = starts[c].copy()
        for t in range(steps):
            proposal = x + moves[t, c]
            accept = u[t, c] < min(1.0, density(proposal) / density(x))
            assert accept == chains.accepted[c, t]
            x = proposal if accept else x
            np.testing.assert_allclose(chains.positions[c, t + 1], x)
        np.testing.assert_allclose(chains.proposals[c, -1], proposal)


def test_metropolis_rejects_proposals_outside_a_support():
    def half_plane(p):
        return np.where(p[..., 0] > 0, -0.5 * np.sum(p**2, axis=-1), -np.inf)

    chains = mcmc.metropolis(half_plane, np.array([[1.0, 0.0]] * 2), 1.0, 500,
                             np.random.default_rng(0))  # fmt: skip
    assert np.all(chains.positions[..., 0] > 0)
    assert not chains.accepted[chains.proposals[..., 0] <= 0].any()


def test_mh_on_a_gaussian_recovers_its_mean_and_covariance():
    run = mcmc.run("Gaussian", 1.5, 4, 5000, 500, 3)
    mean, cov = np.array(mcmc.GAUSSIAN_MEAN), np.array(mcmc.GAUSSIAN_COV)
    sd = np.sqrt(np.diag(cov))
    # The sample mean's standard error is σ/√ESS; allow 4 of them.
    assert np.all(np.abs(run.mean - mean) < 4 * sd / np.sqrt(run.ess))
    # A variance's relative standard error is about √(2/ESS).
    assert np.all(np.abs(np.diag(run.cov) / np.diag(cov) - 1) < 4 * np.sqrt(2 / run.ess))
    correlation = run.cov[0, 1] / np.sqrt(run.cov[0, 0] * run.cov[1, 1])
    assert correlation == pytest.approx(0.9 / math.sqrt(1.5), abs=4 / math.sqrt(run.ess.min()))
    assert np.all(run.rhat < 1.02)


def test_thinned_draws_of_a_long_chain_follow_the_target():
    def standard(p):
        return -0.5 * np.sum(p**2, axis=-1)

    chains = mcmc.metropolis(standard, np.zeros((4, 2)), 2.4, 20_000, np.random.default_rng(6))
    x = chains.positions[:, 1000::25, 0].ravel()  # thinned until near independent
    assert stats.kstest(x, stats.norm.cdf).pvalue > 1e-3


@pytest.mark.parametrize("name", mcmc.TARGETS)
def test_each_target_log_density_matches_its_definition(name):
    points = np.random.default_rng(1).uniform(-3, 3, (50, 2))
    reference = {
        "Banana": stats.norm(0, 2).logpdf(points[:, 0])
        + stats.norm(0.35 * (points[:, 0] ** 2 - 4), 1).logpdf(points[:, 1]),
        "Donut": -0.5 * ((np.hypot(points[:, 0], points[:, 1]) - 2.5) / 0.3) ** 2,
        "Three modes": np.log(sum(stats.multivariate_normal(c, 0.55**2).pdf(points)
                                  for c in mcmc.MIXTURE_CENTRES)),
        "Gaussian": stats.multivariate_normal(mcmc.GAUSSIAN_MEAN, mcmc.GAUSSIAN_COV)
        .logpdf(points),
    }[name]  # fmt: skip
    difference = mcmc.TARGETS[name].log_density(points) - reference
    np.testing.assert_allclose(difference, difference[0], atol=1e-9)  # equal up to a constant


def _exact_draws(name: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """Independent draws of a target from its generative definition."""
    if name == "Banana":
        x = rng.normal(0, 2, n)
        return np.column_stack([x, 0.35 * (x**2 - 4) + rng.standard_normal(n)])
    if name == "Gaussian":
        return rng.multivariate_normal(mcmc.GAUSSIAN_MEAN, mcmc.GAUSSIAN_COV, n)
    if name == "Three modes":
        return mcmc.MIXTURE_CENTRES[rng.integers(3, size=n)] + 0.55 * rng.standard_normal((n, 2))
    angle = rng.uniform(0, 2 * np.pi, n)  # the donut: a radius near 2.5, any angle
    return np.column_stack([np.cos(angle), np.sin(angle)]) * rng.normal(2.5, 0.3, n)[:, None]


@pytest.mark.parametrize("name", mcmc.TARGETS)
def test_declared_moments_match_exact_draws_and_the_grid_integrates_to_one(name):
    target = mcmc.TARGETS[name]
    draws = _exact_draws(name, 400_000, np.random.default_rng(9))
    np.testing.assert_allclose(draws.mean(axis=0), target.mean, atol=0.02)
    if target.cov is not None:
        np.testing.assert_allclose(np.cov(draws.T), target.cov, rtol=0.02, atol=0.02)
    xs, ys, density = mcmc.density_grid(name)
    assert np.sum(density) * (xs[1] - xs[0]) * (ys[1] - ys[0]) == pytest.approx(1)
    px_xs, px, py_ys, py = mcmc.marginals(name)
    assert np.trapezoid(px, px_xs) == pytest.approx(1, abs=0.02)
    assert np.trapezoid(py, py_ys) == pytest.approx(1, abs=0.02)
    if name == "Gaussian":  # a normal's marginals are normals
        np.testing.assert_allclose(px, stats.norm(0.5, math.sqrt(1.5)).pdf(px_xs), atol=2e-3)


def test_runs_clamp_their_settings_and_start_inside_the_window():
    run = mcmc.run("Donut", 1e9, 9, 10**7, 10**7, 0)
    assert (run.sigma, run.steps, run.burn) == (20.0, mcmc.MAX_STEPS, mcmc.MAX_STEPS // 2)
    assert run.chains.positions.shape == (mcmc.MAX_CHAINS, mcmc.MAX_STEPS + 1, 2)
    x0, x1, y0, y1 = mcmc.TARGETS["Donut"].window
    starts = run.chains.positions[:, 0]
    assert np.all((starts[:, 0] > x0) & (starts[:, 0] < x1) & (starts[:, 1] > y0)
                  & (starts[:, 1] < y1))  # fmt: skip
    assert run.kept.shape[1] == mcmc.MAX_STEPS - run.burn


def test_the_sweep_shows_acceptance_falling_with_sigma():
    sweep = mcmc.sweep("Gaussian", 0)
    assert sweep.acceptance[0] > 0.9 and sweep.acceptance[-1] < 0.1
    assert np.all(np.diff(sweep.acceptance) < 0.02)  # falling, up to noise
    best = int(np.nanargmax(sweep.ess_per_draw))
    assert 0.1 < sweep.acceptance[best] < 0.6  # efficiency peaks at a middling acceptance
    assert sweep.ess_per_draw[best] > 5 * sweep.ess_per_draw[0]


@pytest.mark.parametrize("name", list(mcmc.TARGETS))
def test_the_sweep_is_one_run_per_sigma_walked_together(name):
    sweep = mcmc.sweep(name, 5)
    for k in (0, 6, len(mcmc.SWEEP_SIGMAS) - 1):
        alone = mcmc.run(name, mcmc.SWEEP_SIGMAS[k], mcmc.SWEEP_CHAINS, mcmc.SWEEP_STEPS,
                         mcmc.SWEEP_BURN, 5)  # fmt: skip
        assert sweep.acceptance[k] == alone.acceptance.mean()
        assert sweep.ess_per_draw[k] == pytest.approx(alone.ess.min() / alone.count, rel=1e-12)
        np.testing.assert_array_equal(sweep.first_chain[k], alone.chains.positions[0])
        assert sweep.first_accepted[k] == alone.chains.accepted[0].mean()


@pytest.mark.parametrize("sigma", [mcmc.SWEEP_SIGMAS[0], 1.234, mcmc.SWEEP_SIGMAS[-1]])
def test_the_first_chain_is_the_runs_first_chain_from_the_sweep_or_a_run(sigma):
    chain, accepted = mcmc.first_chain("Donut", sigma, 3)
    alone = mcmc.run("Donut", sigma, mcmc.SWEEP_CHAINS, mcmc.SWEEP_STEPS, mcmc.SWEEP_BURN, 3)
    np.testing.assert_array_equal(chain, alone.chains.positions[0])
    assert accepted == alone.chains.accepted[0].mean()
    assert chain.shape == (mcmc.SWEEP_STEPS + 1, 2)


@pytest.mark.parametrize("name", list(mcmc.TARGETS))
def test_the_tuning_run_is_the_run_whether_it_walked_with_the_sweep_or_alone(monkeypatch, name):
    """Cold (no sweep at this seed yet) the lesson's run is one more block in the sweep's
    walk; warm it is a run alone. Both are run(name, σ, 4, 2000, 500, seed) exactly, as is
    the sweep either way (each chain's numbers do not depend on its neighbours)."""
    monkeypatch.setattr(mcmc, "_SWEEPS", {})
    mcmc.tuning_run.cache_clear()
    cold = mcmc.tuning_run(name, 0.777, 11)
    assert (name, 11) in mcmc._SWEEPS
    swept = mcmc.sweep(name, 11)
    mcmc.tuning_run.cache_clear()
    warm = mcmc.tuning_run(name, 0.777, 11)
    alone = mcmc._run(name, 0.777, mcmc.SWEEP_CHAINS, mcmc.SWEEP_STEPS, mcmc.SWEEP_BURN, 11)
    for result in (cold, warm):
        for field in ("positions", "proposals", "accepted"):
            np.testing.assert_array_equal(getattr(result.chains, field),
                                          getattr(alone.chains, field))  # fmt: skip
        np.testing.assert_array_equal(result.ess, alone.ess)
        np.testing.assert_array_equal(result.rhat, alone.rhat)
        assert result.sigma == alone.sigma
    monkeypatch.setattr(mcmc, "_SWEEPS", {})
    again = mcmc.sweep(name, 11)  # made without the extra block
    np.testing.assert_array_equal(again.acceptance, swept.acceptance)
    np.testing.assert_array_equal(again.first_chain, swept.first_chain)
    mcmc.tuning_run.cache_clear()


def test_sweeps_are_remembered_up_to_their_limit(monkeypatch):
    monkeypatch.setattr(mcmc, "_SWEEPS", {})
    monkeypatch.setattr(mcmc, "SWEEP_CACHE", 2)
    first = mcmc.sweep("Donut", 1)
    assert mcmc.sweep("Donut", 1) is first
    mcmc.sweep("Donut", 2)
    mcmc.sweep("Donut", 3)
    assert list(mcmc._SWEEPS) == [("Donut", 2), ("Donut", 3)]


def test_the_gaussian_target_is_scipys_log_density_up_to_a_constant():
    points = np.random.default_rng(6).normal(size=(50, 2)) * 2
    mine = mcmc.TARGETS["Gaussian"].log_density(points)
    scipy = stats.multivariate_normal(mcmc.GAUSSIAN_MEAN, mcmc.GAUSSIAN_COV).logpdf(points)
    np.testing.assert_allclose(mine - scipy, (mine - scipy)[0], atol=1e-12)
    # one point alone has the value it has among others
    assert all(mcmc.TARGETS["Gaussian"].log_density(points[i : i + 1])[0] == mine[i]
               for i in range(50))  # fmt: skip


def test_rank_normalising_is_the_normal_quantile_of_the_pooled_fractional_ranks():
    x = np.round(np.random.default_rng(4).normal(size=(3, 40)), 1)  # ties: average ranks
    ranks = stats.rankdata(x.ravel(), method="average").reshape(x.shape)
    expected = stats.norm.ppf((ranks - 3 / 8) / (x.size + 1 / 4))
    np.testing.assert_array_equal(mcmc.rank_normalise(x), expected)


# ---- diagnostics ----------------------------------------------------------------------------


def test_autocorrelation_by_fft_equals_the_direct_sum():
    x = np.random.default_rng(2).standard_normal((2, 300)).cumsum(axis=1)
    centred = x - x.mean(axis=1, keepdims=True)
    direct = np.array([[np.sum(c[: 300 - t] * c[t:]) / 300 for t in range(300)]
                       for c in centred])  # fmt: skip
    np.testing.assert_allclose(mcmc.autocovariance(x), direct, atol=1e-9)
    rho = mcmc.autocorrelation(ar1(0.8, 4, 20_000, 3)).mean(axis=0)
    np.testing.assert_allclose(rho[:6], 0.8 ** np.arange(6), atol=0.03)


@pytest.mark.parametrize("phi", [0.0, 0.5, 0.9])
def test_ess_of_an_ar1_chain_matches_its_closed_form(phi):
    chains, n = 4, 20_000
    closed = chains * n * (1 - phi) / (1 + phi)
    assert mcmc.ess(ar1(phi, chains, n, seed=int(10 * phi))) == pytest.approx(closed, rel=0.1)


def test_rhat_is_one_for_iid_chains_and_large_for_chains_apart():
    iid = np.random.default_rng(0).standard_normal((4, 2000))
    assert abs(mcmc.rhat(iid) - 1) < 0.01
    apart = ar1(0.5, 4, 2000, 1, shift=[0.0, 0.0, 1.0, 1.0])
    assert mcmc.rhat(apart) > 1.1
    wider = iid * np.array([1, 1, 1, 3.0])[:, None]  # the same mean, another spread: folded R̂
    assert mcmc.rhat(wider) > 1.05


def test_stuck_chains_have_no_ess_or_rhat():
    stuck = np.ones((4, 100))
    assert math.isnan(mcmc.ess(stuck)) and math.isnan(mcmc.rhat(stuck))


@pytest.fixture(scope="module")
def arviz():
    return pytest.importorskip("arviz_stats.base").array_stats


@pytest.mark.parametrize("case", ["ar1 0.3", "ar1 0.95", "apart", "banana", "three modes"])
def test_ess_and_rhat_agree_with_arviz(arviz, case):
    if case.startswith("ar1"):
        draws = ar1(float(case.split()[1]), 4, 3000, 5)
    elif case == "apart":
        draws = ar1(0.7, 3, 1001, 6, shift=[0.0, 0.5, -0.5])  # odd n: the middle draw dropped
    else:
        name = {"banana": "Banana", "three modes": "Three modes"}[case]
        draws = mcmc.run(name, 1.0, 4, 2000, 200, 0).kept[..., 0]
    assert mcmc.ess(draws) == pytest.approx(float(arviz.ess(draws, method="bulk")), rel=0.02)
    assert mcmc.rhat(draws) == pytest.approx(float(arviz.rhat(draws, method="rank")), rel=1e-6)
