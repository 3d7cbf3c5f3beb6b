"""The bootstrap against scipy.stats.bootstrap, the analytic intervals against scipy and
their definitions, BCa's acceleration against its closed form for the mean."""

import math

import numpy as np
import pytest
from scipy import stats

from mathviz.stats import bootstrap


def test_resamples_are_uniform_with_replacement():
    index = bootstrap.resample_indices(np.random.default_rng(0), 10, 20000)[0]
    counts = np.bincount(index.ravel(), minlength=10)
    assert stats.chisquare(counts).pvalue > 0.001
    # each resample misses about (1 − 1/n)^n of the values
    missing = np.mean([10 - np.unique(row).size for row in index[:2000]]) / 10
    assert missing == pytest.approx((1 - 1 / 10) ** 10, abs=0.01)


def test_the_mean_s_acceleration_is_its_closed_form():
    x = np.random.default_rng(1).exponential(size=(1, 40))
    d = x - x.mean()
    closed = (d**3).sum() / (6 * ((d**2).sum()) ** 1.5)
    assert bootstrap.acceleration(bootstrap.mean_jackknife(x))[0] == pytest.approx(closed)


@pytest.mark.parametrize("method", ["percentile", "BCa"])
@pytest.mark.parametrize("statistic", ["Mean", "Median"])
def test_intervals_agree_with_scipy_bootstrap(method, statistic):
    # A median's resamples take few values, order statistics apart: with n = 201 the gaps
    # near the middle are small beside the Monte Carlo error of two independent runs.
    n = 60 if statistic == "Mean" else 201
    sample = np.random.default_rng(2).lognormal(0, 1, n)
    stat = bootstrap.STATISTICS[statistic]
    rng = np.random.default_rng(3)
    b = 20000
    replicates = stat.compute(sample[bootstrap.resample_indices(rng, n, b)[0]])
    jack = stat.compute(np.array([np.delete(sample, i) for i in range(n)]))[None, :]
    ours = bootstrap.intervals(np.array([stat.compute(sample)]), replicates[None, :], jack,
                               0.95, method)[0]  # fmt: skip
    theirs = stats.bootstrap((sample,), lambda s, axis: stat.compute(np.moveaxis(s, axis, -1)),
                             n_resamples=b, method=method, random_state=4,
                             confidence_level=0.95).confidence_interval  # fmt: skip
    width = theirs.high - theirs.low
    assert ours[0] == pytest.approx(theirs.low, abs=0.05 * width)
    assert ours[1] == pytest.approx(theirs.high, abs=0.05 * width)


def test_the_normal_interval_is_estimate_plus_minus_z_se():
    reps = np.random.default_rng(5).normal(2, 0.5, (1, 4000))
    low, high = bootstrap.intervals(np.array([2.0]), reps, reps[:, :10], 0.95, "normal")[0]
    se = reps.std(ddof=1)
    assert (low, high) == (pytest.approx(2 - 1.959964 * se), pytest.approx(2 + 1.959964 * se))
    with pytest.raises(ValueError):
        bootstrap.intervals(np.array([2.0]), reps, reps, 0.95, "studentised")


def test_the_t_interval_is_scipys():
    x = np.random.default_rng(6).normal(size=15)
    expected = stats.t.interval(0.95, 14, loc=x.mean(), scale=stats.sem(x))
    assert bootstrap.STATISTICS["Mean"].analytic(x, 0.95) == pytest.approx(expected)


def test_the_median_interval_uses_the_textbook_order_statistics():
    x = np.arange(1.0, 21.0)  # n = 20: x(6) and x(15), coverage 0.9586
    assert bootstrap.median_order_interval(x, 0.95) == (6.0, 15.0)
    cover = stats.binom.cdf(14, 20, 0.5) - stats.binom.cdf(5, 20, 0.5)
    assert cover == pytest.approx(0.9586, abs=1e-4)


def test_fisher_z_is_scipys_pearson_interval():
    rng = np.random.default_rng(7)
    pairs = bootstrap._pairs(50, 0.6, rng)
    expected = stats.pearsonr(pairs[:, 0], pairs[:, 1]).confidence_interval(0.95)
    assert bootstrap.fisher_z_interval(pairs, 0.95) == pytest.approx((expected.low, expected.high))
    assert float(bootstrap._correlation(pairs)) == pytest.approx(
        stats.pearsonr(pairs[:, 0], pairs[:, 1]).statistic
    )


@pytest.mark.parametrize("statistic", list(bootstrap.STATISTICS))
def test_a_run_is_seeded_and_its_se_is_the_replicates_sd(statistic):
    a = bootstrap.bootstrap_run(statistic, "Exponential", 40, 1000, 3)
    b = bootstrap.bootstrap_run.__wrapped__(statistic, "Exponential", 40, 1000, 3)
    assert np.array_equal(a.replicates, b.replicates)
    assert a.standard_error == pytest.approx(a.replicates.std(ddof=1))
    assert a.replicates.size == 1000 and np.isfinite(a.replicates).all()
    for low, high in [*a.intervals.values(), a.analytic]:
        assert low <= high and math.isfinite(low) and math.isfinite(high)


def test_the_bootstrap_se_of_a_mean_is_near_s_over_root_n():
    run = bootstrap.bootstrap_run("Mean", "Normal", 100, 10000, 8)
    s = run.sample.std(ddof=0)  # the bootstrap's population is the sample itself
    assert run.standard_error == pytest.approx(s / 10, rel=0.03)


def test_counts_are_resamples_with_replacement():
    counts = bootstrap.resample_counts(np.random.default_rng(9), 7, 5000)
    assert counts.shape == (5000, 7) and np.all(counts.sum(axis=1) == 7)
    # each count is Binomial(n, 1/n): mean 1, variance 1 − 1/n
    assert counts.mean() == pytest.approx(1, abs=0.02)
    assert counts.var() == pytest.approx(1 - 1 / 7, abs=0.03)


@pytest.mark.parametrize("statistic", list(bootstrap.STATISTICS))
@pytest.mark.parametrize("n", [5, 6, 31])
def test_each_statistic_from_counts_is_the_statistic_of_the_resample(statistic, n):
    stat = bootstrap.STATISTICS[statistic]
    rng = np.random.default_rng(n)
    sample = bootstrap._pairs(n, 0.5, rng) if stat.paired else rng.exponential(size=n)
    counts = bootstrap.resample_counts(rng, n, 300)
    explicit = [stat.compute(np.repeat(sample, row.astype(int), axis=0)) for row in counts]
    assert np.allclose(stat.from_counts(sample, counts), explicit)
