"""Likelihood: ℓ against scipy.stats' log-densities, its derivatives against finite
differences, the MLE against its closed form and a numerical optimiser, Fisher information
against its definition, the methods' iterates against their update rules."""

from __future__ import annotations

import math

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
