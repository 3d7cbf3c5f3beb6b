"""Descriptive statistics against numpy, the statistics module and scipy.stats."""

from __future__ import annotations

import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mathviz.stats import describe

samples = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=2, max_size=60)


@settings(max_examples=60, deadline=None)
@given(samples)
def test_summary_matches_the_statistics_module(values):
    s = describe.summary(np.array(values))
    assert s.mean == pytest.approx(statistics.fmean(values), rel=1e-9, abs=1e-6)
    assert s.median == pytest.approx(statistics.median(values), rel=1e-12, abs=1e-9)
    assert s.variance == pytest.approx(statistics.variance(values), rel=1e-6, abs=1e-3)
    assert s.population_variance == pytest.approx(statistics.pvariance(values), rel=1e-6, abs=1e-3)
    # type 7 quartiles are statistics.quantiles' 'inclusive' method
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert (s.q1, s.q3) == (pytest.approx(q1, abs=1e-6), pytest.approx(q3, abs=1e-6))
    assert s.iqr == pytest.approx(stats.iqr(values), abs=1e-6)
    assert s.low <= s.whiskers[0] <= s.q1 <= s.median <= s.q3 <= s.whiskers[1] <= s.high


def test_tukey_fences_find_the_outliers():
    x = np.array([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 100])
    s = describe.summary(x)
    q1, q3 = np.percentile(x, [25, 75])
    assert s.fences == (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1))
    assert s.outliers.tolist() == [100.0] and s.whiskers == (1.0, 9.0)


def test_modes_against_statistics_multimode():
    x = np.array([2.0, 7, 7, 3, 3, 9])
    found, count = describe.modes(x)
    assert sorted(found) == sorted(statistics.multimode(x.tolist())) and count == 2
    assert describe.modes(np.arange(10.0)) == ((), 1)  # nothing repeats: no mode
    assert describe.modes(np.repeat(np.arange(5.0), 2))[0] == ()  # five-way tie: no mode


def test_one_value_and_constant_data():
    one = describe.summary(np.array([3.0]))
    assert one.variance is None and one.sd is None and one.median == 3.0
    flat = describe.summary(np.full(8, 2.5))
    assert flat.variance == 0.0 and flat.iqr == 0.0 and flat.outliers.size == 0
    assert flat.modes == (2.5,)
    with pytest.raises(ValueError):
        describe.summary(np.array([1.0, np.nan]))


def test_an_outlier_moves_the_mean_without_bound_and_the_median_hardly():
    rng = np.random.default_rng(3)
    x = rng.normal(0, 1, 49)
    path = describe.outlier_path(x, farthest=10, steps=21)
    for v, mean, median, sd in zip(path.positions, path.means, path.medians, path.sds,
                                   strict=True):  # fmt: skip
        grown = np.append(x, v)
        assert mean == pytest.approx(grown.mean()) and median == np.median(grown)
        assert sd == pytest.approx(grown.std(ddof=1))
    assert path.means[-1] - path.means[0] == pytest.approx(
        (path.positions[-1] - path.positions[0]) / 50
    )
    srt = np.sort(x)
    assert srt[23] <= path.medians.min() and path.medians.max() <= srt[25]
    flat = describe.outlier_path(np.full(5, 1.0), steps=3)
    assert np.allclose(flat.positions, [1, 6, 11])  # no spread: unit steps


@settings(max_examples=40, deadline=None)
@given(samples)
def test_skewness_is_scipys(values):
    s = describe.summary(np.array(values))
    if s.population_variance > 0 and np.ptp(values) > 1e-6 * max(1.0, np.abs(values).max()):
        assert s.skewness == pytest.approx(stats.skew(values), rel=1e-6, abs=1e-6)
