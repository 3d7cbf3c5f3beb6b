"""t-tests against scipy.stats.ttest_1samp / ttest_ind, power against simulation and a
published value, BH against scipy.stats.false_discovery_control, p-values uniform under H₀."""

import numpy as np
import pytest
from scipy import stats

from mathviz.stats import testing
from mathviz.stats.testing import GREATER, ONE, TWO, TWO_SIDED


@pytest.mark.parametrize("side", testing.SIDES)
@pytest.mark.parametrize("kind", testing.KINDS)
def test_one_study_is_scipys_t_test(kind, side):
    run = testing.one_study(kind, side, 0.4, 25, 0.05, 3)
    alternative = "two-sided" if side == TWO_SIDED else "greater"
    if kind == ONE:
        ref = stats.ttest_1samp(run.first, 0.0, alternative=alternative)
    else:
        ref = stats.ttest_ind(run.second, run.first, alternative=alternative)
    assert run.t == pytest.approx(ref.statistic) and run.p == pytest.approx(ref.pvalue)
    assert run.df == (24 if kind == ONE else 48)
    assert run.rejected == (ref.pvalue < 0.05)


def test_the_critical_value_holds_alpha_of_the_null():
    for side in testing.SIDES:
        crit = testing.critical_value(ONE, 15, 0.05, side)
        tails = stats.t.sf(crit, 14) * (2 if side == TWO_SIDED else 1)
        assert tails == pytest.approx(0.05)


def test_power_matches_gpower_and_simulation():
    # G*Power: one-sample two-sided t-test, d = 0.5, n = 20, α = .05 -> power 0.5645
    assert testing.power(ONE, 0.5, 20, 0.05, TWO_SIDED) == pytest.approx(0.5645, abs=5e-4)
    for kind in testing.KINDS:
        rng = np.random.default_rng(1)
        first, second = testing._draw(kind, 0.6, 15, rng, 20000)
        p = testing.p_values(testing.t_statistics(first, second),
                             testing.degrees_of_freedom(kind, 15), GREATER)  # fmt: skip
        simulated = (p < 0.05).mean()
        assert simulated == pytest.approx(testing.power(kind, 0.6, 15, 0.05, GREATER), abs=0.012)
    assert testing.power(ONE, 0.0, 30, 0.05, TWO_SIDED) == pytest.approx(0.05)  # H₀: α


def test_n_for_power_is_the_smallest_n():
    n = testing.n_for_power(TWO, 0.5, 0.05, TWO_SIDED)
    assert n == 64  # the textbook 64 per group for d = 0.5, 80% power
    assert testing.power(TWO, 0.5, n, 0.05, TWO_SIDED) >= 0.8
    assert testing.power(TWO, 0.5, n - 1, 0.05, TWO_SIDED) < 0.8
    assert testing.n_for_power(ONE, 0.0, 0.05, TWO_SIDED) is None
    assert testing.n_for_power(TWO, 0.05, 0.05, TWO_SIDED) is None  # beyond MAX_N


def test_bh_is_scipys_false_discovery_control():
    rng = np.random.default_rng(2)
    for _ in range(20):
        p = np.concatenate([rng.random(80), rng.random(20) * 0.01])
        q = 0.1
        assert np.array_equal(testing.benjamini_hochberg(p, q),
                              stats.false_discovery_control(p) <= q)  # fmt: skip
    assert not testing.benjamini_hochberg(np.array([0.5, 0.9]), 0.05).any()


def test_p_values_are_uniform_under_the_null_and_pile_near_zero_under_an_effect():
    null = testing.studies(ONE, TWO_SIDED, 0.7, 20, 0.05, 0.0, 2000, 4)
    assert stats.kstest(null.p, "uniform").pvalue > 0.01
    assert abs(null.raw.mean() - 0.05) < 3 * np.sqrt(0.05 * 0.95 / 2000)
    real = testing.studies(ONE, TWO_SIDED, 0.7, 20, 0.05, 1.0, 2000, 4)
    assert np.median(real.p) < 0.01
    mixed = testing.studies(TWO, TWO_SIDED, 0.5, 30, 0.05, 0.2, 1000, 5)
    true_found, false_found = mixed.counts(mixed.raw)
    assert true_found + false_found == mixed.raw.sum()
    assert mixed.counts(mixed.bh)[1] <= false_found  # BH never lets more nulls through


def test_large_samples_keep_a_finite_alternative_and_power():
    grid = np.linspace(-5, 60, 300)
    density = testing.alternative_density(grid, 998, 44.7)
    assert np.isfinite(density).all()
    assert np.trapezoid(density, grid) == pytest.approx(1, abs=1e-3)
    near = np.linspace(5, 15, 50)  # where scipy's own density works, the two agree
    assert np.allclose(testing.alternative_density(near, 998, 10),
                       stats.nct.pdf(near, 998, 10), atol=1e-3)  # fmt: skip
    assert testing.power(testing.TWO, 2.0, 500, 0.01, TWO_SIDED) == 1.0
    assert testing.power(ONE, 0.45, 500, 0.05, TWO_SIDED) == pytest.approx(1.0, abs=1e-9)


def test_every_n_and_effect_on_the_controls_gives_finite_curves_without_warnings():
    for n in (2, 50, 317, 500):
        for d in (0.0, 0.05, 1.0, 2.0):
            for side in testing.SIDES:
                run = testing.one_study.__wrapped__(ONE, side, d, n, 0.05, 0)
                assert np.isfinite(run.alternative).all() and 0 <= run.power <= 1


@pytest.mark.parametrize("kind", testing.KINDS)
@pytest.mark.parametrize("side", testing.SIDES)
def test_the_vectorised_power_curve_is_power_at_each_n(kind, side):
    sizes = np.array([2, 3, 10, 64, 317, 500])
    for d in (0.0, 0.5, 2.0):
        expected = [testing.power(kind, d, int(n), 0.05, side) for n in sizes]
        assert np.allclose(testing.power_curve(kind, d, 0.05, side, sizes), expected, atol=1e-9)
