"""Coverage by repeated sampling: within the binomial error of its aim at a fixed seed, and
of the analytic under-coverage of the z interval with s."""

import math

import numpy as np
import pytest
from scipy import stats

from mathviz.stats import intervals


def test_t_and_z_intervals_are_scipys():
    x = np.random.default_rng(0).normal(size=(3, 12))
    for row, (low, high) in zip(x, intervals.t_intervals(x, 0.9), strict=True):
        assert (low, high) == pytest.approx(stats.t.interval(0.9, 11, row.mean(), stats.sem(row)))
    for row, (low, high) in zip(x, intervals.z_intervals(x, 0.9), strict=True):
        assert (low, high) == pytest.approx(stats.norm.interval(0.9, row.mean(), stats.sem(row)))


def test_t_intervals_cover_95_percent_within_binomial_error():
    run = intervals.coverage_run("Normal", "t", 10, 0.95, 400, 1)
    assert abs(run.coverage - 0.95) < 3 * math.sqrt(0.95 * 0.05 / 400)
    assert run.running[-1] == run.coverage and run.covers.sum() == round(400 * run.coverage)


def test_z_with_s_undercovers_as_t_with_n_minus_1_degrees_says():
    # P(|x̄ − μ| ≤ 1.96 s/√n) = P(|T₄| ≤ 1.96) at n = 5
    aim = 2 * stats.t.cdf(1.959964, 4) - 1
    run = intervals.coverage_run("Normal", "z (with s)", 5, 0.95, 400, 2)
    assert abs(run.coverage - aim) < 3 * math.sqrt(aim * (1 - aim) / 400)
    assert run.coverage < 0.95 - 2 * run.error


@pytest.mark.parametrize("method", intervals.METHODS)
def test_every_method_on_the_same_samples(method):
    run = intervals.coverage_run("Log-normal", method, 20, 0.9, 100, 3)
    assert run.intervals.shape == (100, 2) and np.all(run.intervals[:, 0] <= run.intervals[:, 1])
    assert run.truth == pytest.approx(math.exp(0.5))  # E[LogNormal(0, 1)] = e^{1/2}
    same = intervals.coverage_run("Log-normal", "t", 20, 0.9, 100, 3)
    assert np.array_equal(run.means, same.means)


def test_the_table_and_clamps():
    table = intervals.coverage_table("Exponential", 15, 0.95, 100, 4)
    assert set(table) == set(intervals.METHODS) and all(0 <= v <= 1 for v in table.values())
    big = intervals.coverage_run("Normal", "t", 10**6, 2.0, 10**6, 0)
    assert (big.n, len(big.covers), big.level) == (intervals.MAX_N, intervals.MAX_REPEATS, 0.999)
