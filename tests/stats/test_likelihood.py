"""Likelihood: ℓ against scipy.stats' log-densities, its derivatives against finite
differences, the MLE against its closed form and a numerical optimiser, Fisher information
against its definition, the methods' iterates against their update rules."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scipy import optimize, stats

from mathviz.stats import likelihood
from mathviz.stats.likelihood import MODELS

SCIPY = {
    "Normal (σ known)": lambda t, known: stats.norm(t, known),
    "Bernoulli": lambda t, known: stats.bernoulli(t),
    "Poisson": lambda t, known: stats.poisson(t),
    "Exponential": lambda t, known: stats.expon(scale=1 / t),
    "Uniform(0, θ)": lambda t, known: stats.uniform(0, t),
}
REGULAR = [name for name, model in MODELS.items() if model.regular]


def _data(name, n=80, seed=2, known=1.3):
    model = MODELS[name]
    x = model.sample(model.truth.default, n, np.random.default_rng(seed), known)
    return model, x, likelihood.sufficient(x), known


def _logpdf(name, t, x, known):
    rv = SCIPY[name](t, known)
    return (rv.logpmf(x) if MODELS[name].discrete else rv.logpdf(x)).sum()


@pytest.mark.parametrize("name", list(MODELS))
def test_loglik_is_the_sum_of_scipys_log_densities(name):
    model, x, s, known = _data(name)
    mle = model.mle(s, known)
    for t in np.linspace(mle * 0.6 + 0.01, mle * 1.5 + 0.02, 7):
        if not model.domain[0] < t < model.domain[1]:
            continue
        assert model.loglik(np.array([t]), s, known)[0] == pytest.approx(
            _logpdf(name, t, x, known), rel=1e-10
        )


@pytest.mark.parametrize("name", REGULAR)
def test_score_and_hessian_against_finite_differences(name):
    model, x, s, known = _data(name)
    for t in (model.mle(s, known) * 0.8 + 0.05, model.truth.default):
        h = 1e-5 * max(1.0, abs(t))
        f = lambda u: float(model.loglik(np.array([u]), s, known)[0])  # noqa: E731
        assert model.score(t, s, known) == pytest.approx((f(t + h) - f(t - h)) / (2 * h),
                                                         rel=1e-6, abs=1e-6)  # fmt: skip
        g = lambda u: model.score(u, s, known)  # noqa: E731
        assert model.hessian(t, s, known) == pytest.approx((g(t + h) - g(t - h)) / (2 * h),
                                                           rel=1e-6)  # fmt: skip


@pytest.mark.parametrize("name", list(MODELS))
def test_the_mle_maximises_scipys_likelihood(name):
    model, x, s, known = _data(name)
    mle = model.mle(s, known)
    bounds = (max(model.domain[0] + 1e-6, x.max() if name.startswith("Uniform") else -50),
              min(model.domain[1] - 1e-6, 60))  # fmt: skip
    best = optimize.minimize_scalar(lambda t: -_logpdf(name, t, x, known), bounds=bounds,
                                    method="bounded", options={"xatol": 1e-10})  # fmt: skip
    assert mle == pytest.approx(best.x, rel=1e-5, abs=1e-6)
    if name != "Bernoulli" and not name.startswith("Uniform"):  # scipy's own fit, where it has one
        if name.startswith("Normal"):
            assert mle == pytest.approx(stats.norm.fit(x, fscale=known)[0])
        if name == "Exponential":
            assert mle == pytest.approx(1 / stats.expon.fit(x, floc=0)[1])


@pytest.mark.parametrize("name", REGULAR)
def test_fisher_information_is_the_expected_curvature(name):
    """I(θ) = −E[ℓ″(θ)] = Var[ℓ′(θ)], checked by averaging over many seeded samples."""
    model = MODELS[name]
    t, n, known = model.truth.default, 20, 1.3
    rng = np.random.default_rng(5)
    curv, scores = [], []
    for _ in range(3000):
        s = likelihood.sufficient(model.sample(t, n, rng, known))
        curv.append(-model.hessian(t, s, known))
        scores.append(model.score(t, s, known))
    info = model.fisher(t, n, known)
    assert np.mean(curv) == pytest.approx(info, rel=0.03)
    assert np.var(scores) == pytest.approx(info, rel=0.08)


@pytest.mark.parametrize("name", REGULAR)
def test_fit_standard_error_and_both_methods_reach_the_mle(name):
    model = MODELS[name]
    fit = likelihood.fit(name, model.truth.default, 200, 4, model.truth.default * 1.4 + 0.3,
                         learning_rate=0.05, known=1.0)  # fmt: skip
    s = fit.stats
    assert fit.mle == pytest.approx(model.mle(s, 1.0))
    assert fit.standard_error == pytest.approx(1 / math.sqrt(-model.hessian(fit.mle, s, 1.0)))
    assert fit.newton.stopped is None and fit.newton.thetas[-1] == pytest.approx(fit.mle, rel=1e-9)
    # each iterate is the published update of the one before
    for a, b in zip(fit.newton.thetas, fit.newton.thetas[1:], strict=False):
        assert b == pytest.approx(a - model.score(a, s, 1.0) / model.hessian(a, s, 1.0), rel=1e-12)
    for a, b in zip(fit.ascent.thetas, fit.ascent.thetas[1:], strict=False):
        assert b == pytest.approx(a + 0.05 * model.score(a, s, 1.0) / s.n, rel=1e-12)
    assert np.all(np.diff(fit.ascent.logliks) > -1e-9)  # a small step never goes downhill
    assert np.isfinite(fit.curve).all() and fit.grid[np.argmax(fit.curve)] == fit.mle


def test_newton_on_a_normal_mean_lands_in_one_step():
    fit = likelihood.fit("Normal (σ known)", 1.0, 30, 0, -3.0, 0.1, known=2.0)
    assert fit.newton.thetas[1] == pytest.approx(fit.mle, abs=1e-12)
    assert fit.standard_error == pytest.approx(2.0 / math.sqrt(30))  # σ/√n


def test_a_method_that_leaves_the_range_stops_with_a_sentence():
    fit = likelihood.fit("Bernoulli", 0.05, 50, 1, 0.95, learning_rate=0.5)
    path = fit.newton
    assert path.stopped and "left p's range at step" in path.stopped
    assert np.all((path.thetas > 0) & (path.thetas < 1)) and np.isfinite(path.logliks).all()


def test_newton_on_a_straight_loglik_stops_with_a_sentence():
    fit = likelihood.fit("Poisson", 0.1, 1, 0, 12.0, 0.3)  # one value, 0: ℓ(λ) = −λ
    assert fit.data.tolist() == [0.0] and MODELS["Poisson"].hessian(12.0, fit.stats, 1.0) == 0
    assert "straight line" in fit.newton.stopped and fit.newton.thetas.tolist() == [12.0]


def test_the_uniform_and_the_boundary_say_why_there_is_no_curvature():
    fit = likelihood.fit("Uniform(0, θ)", 5.0, 20, 0, 8.0, 0.1)
    assert fit.problem and fit.ascent is None and fit.standard_error is None
    assert fit.mle == fit.data.max()
    zeros = likelihood.fit("Bernoulli", 0.01, 3, 0, 0.5, 0.1)
    assert zeros.mle == 0.0 and zeros.standard_error is None and "edge" in zeros.problem


def test_minus_loglik_is_least_squares_and_cross_entropy():
    normal = likelihood.fit("Normal (σ known)", 1.0, 40, 3, 0.0, 0.1, known=1.5)
    s, x = normal.stats, normal.data
    for mu in (-1.0, 0.3, normal.mle):
        nll = -MODELS[normal.model].loglik(np.array([mu]), s, 1.5)[0]
        assert nll == pytest.approx(20 * math.log(2 * math.pi * 1.5**2)
                                    + likelihood.squared_error(mu, x) / (2 * 1.5**2))  # fmt: skip
    bern = likelihood.fit("Bernoulli", 0.3, 60, 3, 0.5, 0.1)
    for p in (0.1, 0.5, bern.mle):
        nll = -MODELS["Bernoulli"].loglik(np.array([p]), bern.stats, 1.0)[0]
        bce = -np.mean([math.log(p) if y else math.log(1 - p) for y in bern.data])
        assert (
            nll / 60 == pytest.approx(bce) == pytest.approx(likelihood.cross_entropy(p, bern.data))
        )


def test_a_learning_rate_past_two_over_the_curvature_diverges_and_says_so():
    # normal, σ = 0.5: ℓ″/n = −4, so plain steps contract by 1 − 4η: η = 0.3 converges,
    # η = 0.55 (past 2n/J = 0.5) overshoots by more each time
    ok = likelihood.fit("Normal (σ known)", 1.0, 40, 0, -3.0, 0.3, known=0.5)
    assert ok.ascent.stopped is None and ok.ascent.converged_at is not None
    bad = likelihood.fit("Normal (σ known)", 1.0, 40, 0, -3.0, 0.55, known=0.5)
    assert bad.ascent.stopped and "diverged at step" in bad.ascent.stopped
    assert np.all(np.abs(bad.ascent.thetas - bad.mle) <= likelihood.RUNAWAY * 4.2)


# --- Wald, score and likelihood-ratio tests of H₀: θ = θ₀ ---------------------------------------


def _tests(name, truth, n, seed, null, known=1.0):
    fit = likelihood.fit(name, truth, n, seed, MODELS[name].start.default, 0.3, known)
    tests = likelihood.test_null(fit, null)
    return (fit, tests), tests.wald.statistic, tests.score_test.statistic, tests.ratio.statistic


@pytest.mark.parametrize(("sigma", "n", "null"), [(1.0, 50, 0.5), (2.5, 7, 3.0), (0.4, 1000, 1.0)])
def test_for_a_normal_mean_all_three_are_the_squared_z_test(sigma, n, null):
    (fit, tests), wald, score, ratio = _tests("Normal (σ known)", 1.0, n, 11, null, known=sigma)
    z = (fit.data.mean() - null) / (sigma / math.sqrt(n))
    assert wald == pytest.approx(z * z, rel=1e-12)
    assert score == pytest.approx(z * z, rel=1e-12)
    assert ratio == pytest.approx(z * z, rel=1e-8, abs=1e-9)  # a difference of two ℓ's
    two_sided = 2 * stats.norm.sf(abs(z))
    for test in (tests.wald, tests.score_test, tests.ratio):
        assert test.p_value == pytest.approx(two_sided, rel=1e-6)
        assert test.rejects == (two_sided < 0.05)


@pytest.mark.parametrize(("truth", "n", "seed", "null"),
                         [(0.3, 50, 0, 0.5), (0.6, 20, 3, 0.45), (0.05, 400, 1, 0.08)])  # fmt: skip
def test_bernoulli_tests_are_the_z_tests_and_pearson_g_and_neyman(truth, n, seed, null):
    (fit, tests), wald, score, ratio = _tests("Bernoulli", truth, n, seed, null)
    k = int(fit.data.sum())
    p = k / n
    # the classic z-tests for a proportion: p₀ in the SE (score), p̂ in the SE (Wald)
    assert score == pytest.approx(((p - null) / math.sqrt(null * (1 - null) / n)) ** 2)
    assert wald == pytest.approx(((p - null) / math.sqrt(p * (1 - p) / n)) ** 2)
    assert ratio == pytest.approx(
        2 * (k * math.log(p / null) + (n - k) * math.log((1 - p) / (1 - null)))
    )
    # the same three as scipy's goodness-of-fit tests of the counts (k, n − k)
    counts, expected = [k, n - k], [n * null, n * (1 - null)]
    for statistic, test, kind in ((score, tests.score_test, "pearson"),
                                  (ratio, tests.ratio, "log-likelihood"),
                                  (wald, tests.wald, "neyman")):  # fmt: skip
        reference = stats.power_divergence(counts, expected, lambda_=kind)
        assert statistic == pytest.approx(reference.statistic, rel=1e-9)
        assert test.p_value == pytest.approx(reference.pvalue, rel=1e-7)
        assert test.p_value == pytest.approx(stats.chi2.sf(statistic, 1), rel=1e-12)


@pytest.mark.parametrize(("truth", "n", "seed", "null"), [(4.0, 50, 0, 5.0), (0.3, 12, 2, 0.6)])
def test_poisson_tests_against_their_closed_forms(truth, n, seed, null):
    (fit, tests), wald, score, ratio = _tests("Poisson", truth, n, seed, null)
    total = fit.data.sum()
    mean = total / n
    assert wald == pytest.approx(n * (mean - null) ** 2 / mean)
    assert score == pytest.approx((total - n * null) ** 2 / (n * null))
    assert ratio == pytest.approx(2 * (total * math.log(mean / null) - n * (mean - null)))
    # LR from scipy's log-probabilities, summed
    drop = stats.poisson(mean).logpmf(fit.data).sum() - stats.poisson(null).logpmf(fit.data).sum()
    assert ratio == pytest.approx(2 * drop, rel=1e-9)
    for statistic, test in ((wald, tests.wald), (score, tests.score_test),
                            (ratio, tests.ratio)):  # fmt: skip
        assert test.p_value == pytest.approx(stats.chi2.sf(statistic, 1), rel=1e-12)


@pytest.mark.parametrize(("truth", "n", "seed", "null"), [(1.5, 50, 0, 1.0), (0.4, 9, 5, 0.9)])
def test_exponential_tests_against_their_closed_forms(truth, n, seed, null):
    (fit, tests), wald, score, ratio = _tests("Exponential", truth, n, seed, null)
    mean = fit.data.mean()
    rate = 1 / mean
    assert wald == pytest.approx((rate - null) ** 2 * n / rate**2)
    assert score == pytest.approx(n * (1 - null * mean) ** 2)  # U = n/λ₀ − Σx, I = n/λ₀²
    assert ratio == pytest.approx(2 * n * (math.log(rate / null) - 1 + null * mean))
    expon = lambda lam: stats.expon(scale=1 / lam).logpdf(fit.data).sum()  # noqa: E731
    assert ratio == pytest.approx(2 * (expon(rate) - expon(null)), rel=1e-9)
    for statistic, test in ((wald, tests.wald), (score, tests.score_test),
                            (ratio, tests.ratio)):  # fmt: skip
        assert test.p_value == pytest.approx(stats.chi2.sf(statistic, 1), rel=1e-12)


def test_the_three_poisson_tests_agree_as_n_grows():
    """Under local alternatives λ₀ = λ(1 + 1/√n) the statistics stay of order 1 and their
    differences shrink like 1/√n: the three tests are asymptotically equivalent."""
    spreads, sizes = [], []
    for n in (10, 100, 1000):
        gaps, values = [], []
        for seed in range(100):
            _, *three = _tests("Poisson", 4.0, n, seed, 4.0 * (1 + 1 / math.sqrt(n)))
            gaps.append(max(three) - min(three))
            values += three
        spreads.append(float(np.mean(gaps)))
        sizes.append(float(np.mean(values)))
    assert spreads[0] > 2.5 * spreads[1] > 2.5 * 2.2 * spreads[2]  # about √10 per decade
    assert all(3 < size < 6.5 for size in sizes)  # noncentral χ²₁ with λ = 4: mean 5, O(1)
    assert spreads[2] < 0.06 * sizes[2]


def test_the_wald_test_rejects_exactly_when_theta0_is_outside_the_wald_interval():
    for name in ("Bernoulli", "Poisson", "Exponential"):
        for null in np.linspace(0.2, 0.8, 13) * 2 * MODELS[name].truth.default:
            fit = likelihood.fit(name, MODELS[name].truth.default, 40, 7, 0.5, 0.3, 1.0)
            outside = abs(fit.mle - null) > likelihood.Z95 * fit.standard_error
            assert likelihood.test_null(fit, null).wald.rejects == outside
    critical = likelihood.CHI2_CRITICAL
    assert critical == pytest.approx(likelihood.Z95**2) == pytest.approx(stats.chi2.ppf(0.95, 1))


def test_the_tests_say_why_where_they_do_not_apply():
    uniform = likelihood.test_null(likelihood.fit("Uniform(0, θ)", 5.0, 20, 0, 8.0, 0.1), None)
    other = likelihood.test_null(likelihood.fit("Uniform(0, θ)", 12.0, 300, 4, 8.0, 0.1), 3.0)
    assert uniform.problem and "support" in uniform.problem and "depends on θ" in uniform.problem
    assert uniform.tests == () == other.tests and uniform.grid is None
    assert other.problem == uniform.problem  # a plain reason: no numbers in it
    for name, edge in (("Bernoulli", 0.0), ("Bernoulli", 1.0), ("Poisson", 0.0),
                       ("Exponential", 0.0), ("Bernoulli", -2.0), ("Poisson", math.nan),
                       ("Normal (σ known)", math.inf)):  # fmt: skip
        fit = likelihood.fit(name, MODELS[name].truth.default, 30, 0, 0.5, 0.3, 1.0)
        tests = likelihood.test_null(fit, edge)
        assert tests.problem and tests.tests == () and tests.grid is None
        assert "edge" in tests.problem or "needs a finite number" in tests.problem
        assert not re.search(r"\b(nan|inf|None)\b", tests.problem)
    # p̂ = 0 (every value 0): no Wald test, but the score and LR tests are defined
    zeros = likelihood.fit("Bernoulli", 0.01, 3, 0, 0.5, 0.1)
    tests = likelihood.test_null(zeros, 0.3)
    assert zeros.mle == 0.0 and tests.wald.statistic is None and "Wald" in tests.wald.problem
    assert tests.score_test.statistic == pytest.approx(3 * 0.3 / 0.7)  # n p₀/(1 − p₀)
    assert tests.ratio.statistic == pytest.approx(-2 * 3 * math.log(0.7))  # −2n log(1 − p₀)
    assert np.isfinite(tests.curve).all()
    # θ₀ = θ̂: every statistic is 0 and p = 1
    fit = likelihood.fit("Poisson", 4.0, 50, 0, 2.0, 0.3)
    for _, test in likelihood.test_null(fit, fit.mle).tests:
        assert test.statistic == pytest.approx(0.0, abs=1e-9) and test.p_value == pytest.approx(1)


@pytest.mark.parametrize("name", REGULAR)
def test_the_tests_curve_is_l_between_theta0_and_the_mle(name):
    model = MODELS[name]
    assert model.null is not None and model.null.key == f"{model.truth.key}_null"
    low, high = model.domain
    assert low <= model.null.low < model.null.high <= high  # reaches the edges: p₀ = 0 or 1
    assert low < model.null.default < high
    fit = likelihood.fit(name, model.truth.default, 30, 1, model.start.default, 0.3, 1.3)
    for null in (model.null.default, model.null.low + model.null.step, model.null.high):
        if not low < null < high:
            continue
        tests = likelihood.test_null(fit, null)
        assert tests.grid[0] < min(null, fit.mle) and max(null, fit.mle) < tests.grid[-1]
        assert null in tests.grid and fit.mle in tests.grid
        assert low < tests.grid[0] and tests.grid[-1] < high
        assert np.isfinite(tests.curve).all()
        assert tests.curve[tests.grid == null][0] == pytest.approx(
            _logpdf(name, null, fit.data, 1.3), rel=1e-10
        )
        assert tests.curve.max() == pytest.approx(tests.loglik_mle)
        assert tests.ratio_cutoff == pytest.approx(tests.loglik_mle - 3.841458820694124 / 2)
        # LR rejects exactly when ℓ(θ₀) is below the cut-off
        assert tests.ratio.rejects == (tests.loglik_null < tests.ratio_cutoff)
    assert MODELS["Uniform(0, θ)"].null is None
