"""mathviz.stats.regression against scipy.stats.linregress, numpy.linalg.lstsq,
scipy.stats.f_oneway / ttest_ind, Anscombe's published summaries and analytic facts."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mathviz.stats import regression


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n", [3, 10, 200])
def test_the_line_and_its_test_match_linregress(seed, n):
    data = regression.line_data(n, 0.6, 1.0, seed)
    fit = regression.regress(data.x, data.y)
    ref = stats.linregress(data.x, data.y)
    assert fit.problem is None
    np.testing.assert_allclose([fit.slope, fit.intercept, fit.r, fit.p],
                               [ref.slope, ref.intercept, ref.rvalue, ref.pvalue], rtol=1e-9,
                               atol=1e-12)  # fmt: skip
    np.testing.assert_allclose([fit.slope_se, fit.intercept_se], [ref.stderr, ref.intercept_stderr],
                               rtol=1e-9)  # fmt: skip
    np.testing.assert_allclose(fit.r_squared, ref.rvalue**2, rtol=1e-9)
    beta = np.linalg.lstsq(np.column_stack([np.ones(n), data.x]), data.y, rcond=None)[0]
    np.testing.assert_allclose(fit.line.coefficients, beta, rtol=1e-9, atol=1e-12)


def test_the_slope_interval_is_students():
    data = regression.line_data(12, -1.2, 0.8, 4)
    fit = regression.regress(data.x, data.y)
    low, high = fit.slope_interval(0.9)
    ref = stats.t.interval(0.9, 10, loc=fit.slope, scale=stats.linregress(data.x, data.y).stderr)
    np.testing.assert_allclose([low, high], ref, rtol=1e-9)


@given(st.integers(0, 10_000), st.floats(-2, 2), st.floats(0.05, 3))
@settings(max_examples=40, deadline=None)
def test_sums_of_squares_add_up_and_the_parabola_is_the_sse(seed, slope, noise):
    data = regression.line_data(20, slope, noise, seed)
    fit = regression.regress(data.x, data.y)
    np.testing.assert_allclose(fit.ssr + fit.sse, fit.sst, rtol=1e-9)
    slopes = regression.slope_grid(fit)
    direct = [np.sum((data.y - data.y.mean() - b * (data.x - data.x.mean())) ** 2) for b in slopes]
    np.testing.assert_allclose(fit.sse_of_slope(slopes), direct, rtol=1e-9, atol=1e-9)
    assert fit.sse_of_slope(slopes).min() >= fit.sse * (1 - 1e-12)
    assert slopes[len(slopes) // 2] == pytest.approx(fit.slope)


def test_the_squares_area_is_the_sse():
    data = regression.line_data(15, 0.6, 1.5, 2)
    fit = regression.regress(data.x, data.y)
    aspect = 2.5
    path = regression.squares(data.x, data.y, fit.line.fitted, aspect)
    assert path.shape == (6 * 15, 2)
    area = 0.0
    for square in path.reshape(15, 6, 2)[:, :5]:  # shoelace, then back to y-units²
        x, y = square[:, 0], square[:, 1]
        area += abs(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2 / aspect
    assert area == pytest.approx(fit.sse, rel=1e-9)


@pytest.mark.parametrize(
    ("x", "y", "problem"),
    [
        ([1.0], [2.0], "few"),
        ([], [], "few"),
        ([3.0, 3.0, 3.0], [1.0, 2.0, 4.0], "singular"),
        ([1.0, 2.0, 3.0], [5.0, 5.0, 5.0], "flat"),
        ([1.0, 2.0], [1.0, 3.0], "exact"),
        ([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 5.0, 7.0], "exact"),
    ],
)
def test_degenerate_data_name_their_problem_and_give_no_invented_number(x, y, problem):
    fit = regression.regress(np.array(x), np.array(y))
    assert fit.problem == problem
    assert np.isnan(fit.slope_se) and np.isnan(fit.p)
    assert np.all(np.isfinite(fit.line.coefficients))
    if problem in ("few", "singular", "flat"):
        assert np.isnan(fit.r_squared)


def test_anscombes_four_sets_share_his_published_summaries():
    # Anscombe (1973): mean x 9, mean y 7.50, r 0.816, the line y = 3.00 + 0.500x
    for fit in regression.quartet():
        assert fit.x.mean() == pytest.approx(9.0)
        assert fit.y.mean() == pytest.approx(7.50, abs=0.005)
        assert fit.r == pytest.approx(0.816, abs=0.0006)
        assert fit.intercept == pytest.approx(3.00, abs=0.005)
        assert fit.slope == pytest.approx(0.500, abs=0.0005)
        assert fit.problem is None


def test_iris_petals_are_the_shipped_file():
    data = regression.source_data(regression.IRIS_PETALS)
    assert data.x.size == 150
    assert stats.pearsonr(data.x, data.y).statistic == pytest.approx(0.9629, abs=1e-4)


@pytest.mark.parametrize(("k", "n", "spread", "seed"), [(2, 5, 0.0, 0), (3, 15, 0.5, 1),
                                                         (6, 40, 1.0, 2)])  # fmt: skip
def test_anova_matches_f_oneway(k, n, spread, seed):
    result = regression.generated_groups(k, n, spread, seed)
    ref = stats.f_oneway(*result.groups)
    assert result.f == pytest.approx(ref.statistic, rel=1e-9)
    assert result.p == pytest.approx(ref.pvalue, rel=1e-7)
    assert result.sst == pytest.approx(np.sum((np.concatenate(result.groups) -
                                               result.grand_mean) ** 2), rel=1e-12)  # fmt: skip
    assert result.df_between == k - 1 and result.df_within == k * n - k


def test_two_group_anova_is_the_squared_t_test():
    result = regression.generated_groups(2, 12, 0.8, 5)
    t = stats.ttest_ind(*result.groups)
    assert result.f == pytest.approx(t.statistic**2, rel=1e-9)
    assert result.p == pytest.approx(t.pvalue, rel=1e-7)


def test_iris_species_differ_in_every_measurement():
    for column in regression.IRIS_COLUMNS:
        result = regression.iris_groups(column)
        ref = stats.f_oneway(*result.groups)
        assert result.names == ("setosa", "versicolor", "virginica")
        assert result.f == pytest.approx(ref.statistic, rel=1e-9) and result.p < 1e-15


def test_null_anova_p_values_are_uniform():
    p = [regression.generated_groups(4, 8, 0.0, seed).p for seed in range(400)]
    assert stats.kstest(p, "uniform").pvalue > 0.01


def test_degenerate_groups_give_a_reason():
    assert regression.anova([[1.0, 2.0], [3.0]]).problem == "few"
    assert regression.anova([[1.0, 2.0]]).problem == "few"
    flat = regression.anova([[1.0, 1.0], [2.0, 2.0, 2.0]])
    assert flat.problem == "flat" and np.isnan(flat.f) and np.isnan(flat.p)
