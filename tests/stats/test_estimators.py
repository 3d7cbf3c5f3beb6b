"""Bias by repeated sampling: the simulation's averages within a few standard errors of the
exact expectations, and those expectations against scipy / the definition."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.stats import estimators


def test_c4_is_the_mean_of_s_over_sigma():
    for n in (2, 5, 30):
        # s·√(n−1)/σ follows a χ distribution with n − 1 degrees of freedom
        assert estimators.c4(n) == pytest.approx(stats.chi(n - 1).mean() / math.sqrt(n - 1))


def test_the_uniform_max_has_mean_n_over_n_plus_one_theta():
    n = 7
    mean = integrate.quad(lambda m: m * n * m ** (n - 1) / 10**n, 0, 10)[0]  # density of the max
    pair = estimators.PAIRS["Uniform end: max or (n + 1)/n · max"]
    assert pair.estimators[0].expectation(n, 10.0) == pytest.approx(mean)


@pytest.mark.parametrize("name", list(estimators.PAIRS))
def test_simulated_averages_agree_with_the_exact_expectations(name):
    run = estimators.bias_run(name, 5, 5000, 11)
    pair = estimators.PAIRS[name]
    assert np.all(np.abs(run.averages - run.expected) < 4 * run.errors)
    assert run.expected[1] == pytest.approx(pair.truth)  # the second is the unbiased one
    assert abs(run.expected[0] - pair.truth) > 2 * run.errors[0]  # the bias is visible at n = 5
    assert np.allclose(run.running[:, -1], run.averages)
    assert run.running[0, 9] == pytest.approx(run.values[0, :10].mean())


def test_bias_runs_are_seeded_and_clamped():
    name = next(iter(estimators.PAIRS))
    a, b = estimators.bias_run(name, 5, 100, 1), estimators.bias_run(name, 5, 100, 1)
    assert np.array_equal(a.values, b.values)
    big = estimators.bias_run(name, 10**6, 10**9, 1)
    assert (big.n, big.repeats) == (estimators.MAX_SAMPLE, estimators.MAX_REPEATS)
    assert estimators.bias_run(name, 1, 1, 1).n == 2


def test_dividing_by_n_has_the_smaller_mean_squared_error():
    """The page's claim: σ̂²ₙ is biased but closer on average (MSE (2n − 1)σ⁴/n² against
    2σ⁴/(n − 1) for s²)."""
    run = estimators.bias_run("Variance: ÷n or ÷(n − 1)", 5, 5000, 3)
    mse = ((run.values - 4.0) ** 2).mean(axis=1)
    assert mse[0] < mse[1]
    assert mse[0] == pytest.approx((2 * 5 - 1) * 16 / 25, rel=0.1)
    assert mse[1] == pytest.approx(2 * 16 / 4, rel=0.1)
