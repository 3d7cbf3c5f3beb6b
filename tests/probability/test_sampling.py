"""Coins, dice and draws (mathviz.probability.sampling) against scipy.stats and direct counts:
the KS distance is scipy's (continuous) or the step functions' own gap (discrete), histograms
integrate to 1, the running mean is the cumulative mean and its band σ/√m, and bad input is
clamped."""

import math

import numpy as np
import pytest
from scipy import stats

from mathviz.probability import distributions, sampling

NORMAL = sampling.settings({"mu": 1.0, "sigma": 2.0})
EXPONENTIAL = sampling.settings({"rate": 2.0})
POISSON = sampling.settings({"lam": 4.0})


@pytest.mark.parametrize("n", [10, 1000, 100_000])
@pytest.mark.parametrize("rv", [stats.norm(1, 2), stats.expon(scale=0.5), stats.cauchy()])
def test_the_ks_distance_is_scipys_for_a_continuous_cdf(rv, n):
    x = rv.rvs(size=n, random_state=np.random.default_rng(n))
    distance, at, signed = sampling.ks_distance(x, rv.cdf)
    reference = stats.kstest(x, rv.cdf)
    assert distance == pytest.approx(reference.statistic, abs=1e-12)
    assert at == pytest.approx(reference.statistic_location)
    assert abs(signed) == pytest.approx(distance)


@pytest.mark.parametrize("rv", [stats.t(5), stats.beta(0.5, 0.5), stats.lognorm(1.5)])
def test_the_ks_distance_of_a_million_draws_is_scipys(rv):
    """At this size the CDF is evaluated only in the blocks that can hold the maximum."""
    x = rv.rvs(size=1_000_000, random_state=np.random.default_rng(3))
    distance, at, signed = sampling.ks_distance(x, rv.cdf)
    reference = stats.kstest(x, rv.cdf)
    assert distance == pytest.approx(reference.statistic, abs=1e-12)
    assert at == reference.statistic_location
    assert signed == pytest.approx(reference.statistic * reference.statistic_sign)


@pytest.mark.parametrize("rv", [stats.poisson(4), stats.binom(10, 0.3), stats.geom(0.2)])
def test_the_ks_distance_of_a_discrete_cdf_is_the_gap_of_the_two_step_functions(rv):
    x = rv.rvs(size=5000, random_state=np.random.default_rng(1))
    distance, at, signed = sampling.ks_distance(x, rv.cdf, discrete=True)
    # Both CDFs are constant between integers: the sup is over the integers, evaluated here
    # by counting directly (and on a fine grid of non-integers too, for good measure).
    grid = np.concatenate([np.arange(x.min() - 3, x.max() + 4), np.arange(-3, 60, 0.25)])
    empirical = (x[None, :] <= grid[:, None]).mean(axis=1)
    direct = np.max(np.abs(empirical - rv.cdf(grid)))
    assert distance == pytest.approx(direct, abs=1e-12)
    assert np.mean(x <= at) - rv.cdf(at) == pytest.approx(signed)
    # scipy's continuous formula compares F(k) with Fₙ just below k: it overstates D here.
    assert stats.kstest(x, rv.cdf).statistic > distance


def test_the_summary_shows_scipys_ks_distance_of_the_same_draws():
    summary = sampling.draw_summary("Normal", NORMAL, 20_000, 5)
    x = stats.norm(1, 2).rvs(size=20_000, random_state=np.random.default_rng(5))
    assert summary.ks == pytest.approx(stats.kstest(x, stats.norm(1, 2).cdf).statistic)
    assert summary.sample_mean == pytest.approx(x.mean())
    low, high = summary.ks_ends
    assert low == pytest.approx(stats.norm(1, 2).cdf(summary.ks_at))
    assert abs(high - low) == pytest.approx(summary.ks)


@pytest.mark.parametrize("name", list(distributions.DISTRIBUTIONS))
def test_every_histogram_integrates_to_one_with_what_falls_outside(name):
    distribution = distributions.DISTRIBUTIONS[name]
    values = sampling.settings(distribution.values({}))
    summary = sampling.draw_summary(name, values, 20_000, 2)
    total = float(np.sum(summary.density * np.diff(summary.edges)))
    assert total + summary.outside == pytest.approx(1.0, abs=1e-12)
    for array in (summary.density, summary.curve_y, summary.cdf_y, summary.running,
                  summary.ecdf_x, summary.ecdf_y):  # fmt: skip
        assert np.all(np.isfinite(array)), name
    assert len(summary.ecdf_x) <= sampling.ECDF_POINTS
    assert len(summary.counts) <= sampling.PATH_POINTS + 1


def test_the_share_outside_the_window_is_the_true_tail_mass():
    summary = sampling.draw_summary("Normal", NORMAL, 1_000_000, 0)
    rv = stats.norm(1, 2)
    tail = 1 - (rv.cdf(summary.edges[-1]) - rv.cdf(summary.edges[0]))
    assert summary.outside == pytest.approx(tail, abs=5 * math.sqrt(tail / 1e6))
    # and each bin's density is its probability per unit length, within counting noise
    widths = np.diff(summary.edges)
    mass = np.diff(rv.cdf(summary.edges))
    noise = np.sqrt(mass * (1 - mass) / 1e6) / widths
    assert np.all(np.abs(summary.density - mass / widths) < 6 * noise + 1e-12)


def test_a_discrete_histogram_is_the_share_of_each_value():
    x = sampling.draws("Poisson", POISSON, 10_000, 3)
    edges, density, outside = sampling.histogram(x, (-0.5, 12.5), discrete=True)
    values = (edges[:-1] + edges[1:]) / 2
    np.testing.assert_allclose(density, [np.mean(x == k) for k in values])
    assert outside == pytest.approx(np.mean(x > 12))


def test_the_running_mean_is_the_cumulative_mean_and_its_band_is_sigma_over_root_m():
    summary = sampling.draw_summary("Exponential", EXPONENTIAL, 50_000, 4)
    x = stats.expon(scale=0.5).rvs(size=50_000, random_state=np.random.default_rng(4))
    m = summary.counts
    np.testing.assert_allclose(summary.running, np.cumsum(x)[m - 1] / m, rtol=1e-12)
    np.testing.assert_allclose(summary.half_width, 0.5 / np.sqrt(m))  # σ = 1/λ = 0.5
    assert m[0] == 1 and m[-1] == 50_000 and np.all(np.diff(m) > 0)


def test_the_law_of_large_numbers_holds_within_the_band_over_many_seeds():
    # |x̄ₙ − μ| ≤ σ/√n about 68% of the time: over 200 seeds, a binomial tolerance.
    inside = 0
    for seed in range(200):
        x = sampling.draws("Exponential", EXPONENTIAL, 2000, seed)
        inside += abs(x.mean() - 0.5) <= 0.5 / math.sqrt(2000)
    expected = 200 * (stats.norm.cdf(1) - stats.norm.cdf(-1))
    assert abs(inside - expected) < 4 * math.sqrt(200 * 0.68 * 0.32)


def test_cauchy_has_no_band_and_its_running_mean_keeps_jumping():
    cauchy = sampling.settings({"mu": 0.0, "scale": 1.0})
    summary = sampling.draw_summary("Cauchy", cauchy, 1_000_000, 0)
    assert math.isnan(summary.mean) and np.all(np.isnan(summary.half_width))
    # Each running mean from 10⁴ draws on is itself standard Cauchy: its spread over seeds
    # does not shrink with n (a normal's would be 1/√n = 0.001 at n = 10⁶).
    ends = [sampling.draws("Cauchy", cauchy, 10_000, s).mean() for s in range(200)]
    q1, q3 = np.quantile(ends, [0.25, 0.75])
    assert 1.4 < q3 - q1 < 2.8  # the IQR of a standard Cauchy is 2


def test_draw_summaries_are_cached_by_their_settings_and_read_only():
    first = sampling.draw_summary("Normal", NORMAL, 1000, 9)
    assert sampling.draw_summary("Normal", NORMAL, 1000, 9) is first
    assert sampling.draw_summary("Normal", NORMAL, 1000, 10) is not first
    with pytest.raises(ValueError):
        first.density[0] = 1.0


def test_coin_and_die_shares_are_the_counts_and_converge():
    run = sampling.chance_run(sampling.COIN, 0.3, 1000, 1)
    heads = np.cumsum(run.outcomes == 0)
    np.testing.assert_allclose(run.shares[:, 0], heads / np.arange(1, 1001))
    assert run.shares[-1].sum() == pytest.approx(1.0)
    assert abs(run.shares[-1, 0] - 0.3) < 4 * math.sqrt(0.3 * 0.7 / 1000)
    die = sampling.chance_run(sampling.DIE, 0.5, 1000, 1)
    assert die.faces == ("1", "2", "3", "4", "5", "6")
    # a χ² goodness-of-fit test of the fair die at a fixed seed
    assert stats.chisquare(die.counts).pvalue > 0.001
    assert sampling.chance_run(sampling.COIN, 0.3, 1000, 1) is run


@pytest.mark.parametrize(
    ("given", "expected"), [(7, 1.0), (-2, 0.0), (float("nan"), 0.5), (0.25, 0.25)]
)
def test_a_coin_probability_from_a_link_is_clamped(given, expected):
    _, probabilities = sampling.chance_faces(sampling.COIN, given)
    assert probabilities[0] == expected and probabilities.sum() == 1.0


@pytest.mark.parametrize(
    ("given", "expected"),
    [(1e12, sampling.MAX_DRAWS), (-5, 1), (float("inf"), sampling.MAX_DRAWS),
     (float("nan"), 1), ("banana", 1), (12.6, 13)],
)  # fmt: skip
def test_huge_or_junk_counts_are_clamped(given, expected):
    assert sampling.clamp_count(given) == expected


def test_log_counts_end_at_n_and_stay_few():
    counts = sampling.log_counts(1_000_000, 1000)
    assert counts[0] == 1 and counts[-1] == 1_000_000 and len(counts) <= 1001
    np.testing.assert_array_equal(sampling.log_counts(5, 1000), [1, 2, 3, 4, 5])


@pytest.mark.parametrize("n", [1, 7, 5000, 200_000])
def test_bin_index_bins_exactly_as_numpy_histogram_does(n):
    edges = np.linspace(-1.3, 2.1, 801)
    rng = np.random.default_rng(n)
    x = np.concatenate([rng.normal(0.4, 1.5, size=n), edges, np.nextafter(edges, -np.inf),
                        np.nextafter(edges, np.inf)])  # fmt: skip
    index = sampling.bin_index(x, edges[0], edges[-1], len(edges) - 1)
    counts, _ = np.histogram(x, bins=edges)
    np.testing.assert_array_equal(np.bincount(index, minlength=802)[1:-1], counts)
    inside = (index >= 1) & (index <= 800)
    k = index[inside] - 1
    assert np.all(edges[k] <= x[inside])
    assert np.all((x[inside] < edges[k + 1]) | ((k == 799) & (x[inside] == edges[-1])))
    np.testing.assert_array_equal(index == 0, x < edges[0])
    np.testing.assert_array_equal(index == 801, x > edges[-1])


@pytest.mark.parametrize(
    ("rv", "n"),
    [(stats.lognorm(1.5), 1_000_000), (stats.cauchy(), 1_000_000), (stats.t(5), 300_000),
     (stats.beta(0.5, 0.5), 1_000_000), (stats.norm(1, 2), 1), (stats.norm(1, 2), 12),
     (stats.expon(), 3000)],
)  # fmt: skip
def test_the_binned_ks_distance_is_scipys_without_a_sort(rv, n):
    """Concentrated (log-normal), heavy-tailed (Cauchy) and tiny samples: the bound refines
    until the maximum is found; value, place and sign are scipy's."""
    x = rv.rvs(size=n, random_state=np.random.default_rng(n + 1))
    edges = np.linspace(rv.ppf(0.005), rv.ppf(0.995), 8001)
    if n > 100:  # and draws exactly on edges, the window's closed end among them
        x = np.concatenate([x, edges[[0, 1, 4000, -2, -1, -1]]])
    index = sampling.bin_index(x, edges[0], edges[-1], len(edges) - 1)
    distance, at, signed = sampling.binned_ks(x, index, np.bincount(index, minlength=8002),
                                              edges, rv.cdf)  # fmt: skip
    reference = stats.kstest(x, rv.cdf)
    assert distance == pytest.approx(reference.statistic, abs=1e-12)
    assert at == reference.statistic_location
    assert signed == pytest.approx(reference.statistic * reference.statistic_sign)


@pytest.mark.parametrize("name", ["Normal", "Log-normal", "Poisson", "Geometric"])
def test_the_summarys_empirical_cdf_is_the_share_of_draws_at_its_points(name):
    values = sampling.settings(distributions.DISTRIBUTIONS[name].values({}))
    summary = sampling.draw_summary(name, values, 20_000, 8)
    x = sampling.draws(name, values, 20_000, 8)
    if summary.discrete:  # Fₙ(k) = share of draws ≤ k, at the values drawn
        expected = np.mean(x[None, :] <= summary.ecdf_x[:, None], axis=1)
        assert set(summary.ecdf_x) == set(np.unique(x))
    else:  # Fₙ just below each point, drawn as a step line
        expected = np.mean(x[None, :] < summary.ecdf_x[:, None], axis=1)
    np.testing.assert_allclose(summary.ecdf_y, expected, rtol=0, atol=1e-15)
    assert len(summary.ecdf_x) <= sampling.ECDF_POINTS
    kind = distributions.DISTRIBUTIONS[name]
    reference = sampling.ks_distance(np.sort(x), kind.frozen(dict(values)).cdf, kind.discrete)
    assert (summary.ks, summary.ks_at) == reference[:2]


@pytest.mark.parametrize("rounds", [1, 2, sampling.KS_ROUNDS])
@pytest.mark.parametrize("where", [0, 1, 400, -2, -1])
def test_the_binned_ks_distance_refines_bins_with_draws_on_their_edges(monkeypatch, where, rounds):
    """A pile of draws exactly on one edge, the window's closed end among them, so that the
    largest gap is there; refined down to single bins, or stopped early with many draws
    left to sort."""
    monkeypatch.setattr(sampling, "KS_ROUNDS", rounds)
    rv = stats.uniform()
    edges = np.linspace(0.005, 0.995, 801)
    # a quarter of the draws near 0, then a pile on the edge, nothing beyond the window's end:
    # Fₙ lags F all the way to the pile, where the gap is largest
    x = np.concatenate([np.random.default_rng(2).uniform(0, 0.002, 50), np.full(150, edges[where])])
    index = sampling.bin_index(x, edges[0], edges[-1], len(edges) - 1)
    distance, at, signed = sampling.binned_ks(x, index, np.bincount(index, minlength=802),
                                              edges, rv.cdf)  # fmt: skip
    reference = stats.kstest(x, rv.cdf)
    assert at == reference.statistic_location
    assert distance == pytest.approx(reference.statistic, abs=1e-12)
    assert signed == pytest.approx(reference.statistic * reference.statistic_sign)


def test_integer_draws_over_a_huge_range_fall_back_to_sorting():
    rv = stats.geom(1e-7)  # draws reach ~10⁷: more integers than a bincount should span
    x = rv.rvs(size=2000, random_state=np.random.default_rng(4)).astype(float)
    assert x.max() - x.min() > 5 * sampling.MAX_DRAWS
    (distance, at, signed), (ecdf_x, ecdf_y) = sampling._integer_steps(x, rv.cdf)
    assert (distance, at, signed) == sampling.ks_distance(np.sort(x), rv.cdf, discrete=True)
    assert len(ecdf_x) <= sampling.ECDF_POINTS and ecdf_y[-1] == 1.0
