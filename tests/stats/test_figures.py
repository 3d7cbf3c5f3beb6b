"""The figures of /statistics draw the numbers of mathviz.stats: validated by plotly, no NaN
outside gaps, every frame's data in step with the maths, and small enough to send."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.stats import datasets, describe, estimators, figures, likelihood
from tests.harness.apptest import decode_arrays, traces_by_name


def _decoded(prebuilt) -> dict:
    spec = prebuilt.to_dict()
    go.Figure(spec)  # plotly validates every property
    text = json.dumps(spec)
    assert len(text) < 400_000
    return decode_arrays(json.loads(text))


def test_histogram_counts_every_value_once():
    values = datasets.generated("Skewed (incomes)", 3000, 2).column(None)
    edges, counts = figures.histogram_counts(values, False)
    assert counts.sum() == values.size and len(counts) <= figures.MAX_BINS
    assert np.array_equal(counts, np.histogram(values, edges)[0])
    dice = datasets.generated("Two dice (integers)", 500, 2).column(None)
    edges, counts = figures.histogram_counts(dice, True)
    assert np.allclose(np.diff(edges), 1) and counts.sum() == 500


def test_the_describe_figure_marks_the_summary():
    values = datasets.anscombe().columns["y3"]  # one outlier at 12.74
    s = describe.summary(values)
    fig = _decoded(figures.describe_figure(values, "y3"))
    traces = traces_by_name(fig)
    mean = traces["mean"]
    assert mean["x"][0] == pytest.approx(s.mean)
    outliers = traces["outliers"]
    assert np.allclose(outliers["x"], [12.74], atol=1e-5)
    whiskers = traces["whiskers"]["x"]
    assert whiskers[0] == pytest.approx(s.whiskers[0]) and whiskers[4] == pytest.approx(
        s.whiskers[1]
    )


def test_the_strip_is_thinned():
    values = datasets.generated("Normal (test scores)", 5000, 0).column(None)
    fig = _decoded(figures.describe_figure(values, "score"))
    assert len(traces_by_name(fig)["the data"]["x"]) == figures.STRIP_POINTS


def test_outlier_frames_follow_the_path():
    values = datasets.generated("Normal (test scores)", 30, 4).column(None)
    path = describe.outlier_path(values)
    fig = _decoded(figures.outlier_figure(values, path, "score"))
    assert len(fig["frames"]) == len(path.positions)
    for k in (0, 20, len(path.positions) - 1):
        frame = fig["frames"][k]["data"]
        assert frame[0]["x"][0] == pytest.approx(path.positions[k])
        assert frame[1]["x"][0] == pytest.approx(path.means[k])
        assert frame[2]["x"][0] == pytest.approx(path.medians[k])


@pytest.mark.parametrize("name", list(likelihood.MODELS))
@pytest.mark.parametrize("method", likelihood.METHODS)
def test_likelihood_frames_step_the_method(name, method):
    model = likelihood.MODELS[name]
    fit = likelihood.fit(name, model.truth.default, 60, 3, model.start.default, 0.3)
    fig = _decoded(figures.likelihood_figure(fit, method))
    path = fit.newton if method == likelihood.NEWTON else fit.ascent
    if path is None:
        assert "frames" not in fig and fit.problem
        return
    assert len(fig["frames"]) == len(path.thetas)
    for k, frame in enumerate(fig["frames"]):
        assert frame["data"][3]["x"][0] == pytest.approx(path.thetas[k])
        for trace in frame["data"]:
            y = np.asarray(trace["y"], dtype=float)
            assert not np.isinf(y).any()
    curve = traces_by_name(fig)[f"ℓ({model.symbol})"]
    y = np.asarray(curve["y"], dtype=float)
    assert np.nanmax(y) == pytest.approx(np.max(fit.curve), rel=1e-6)


def test_newtons_parabola_peaks_at_the_next_iterate():
    fit = likelihood.fit("Exponential", 1.5, 60, 3, 0.4, 0.3)
    fig = _decoded(figures.likelihood_figure(fit, likelihood.NEWTON))
    for k in range(3):
        local = fig["frames"][k]["data"][1]
        x, y = np.asarray(local["x"], float), np.asarray(local["y"], float)
        vertex = x[np.argmax(y)]
        assert vertex == pytest.approx(fit.newton.thetas[k + 1], abs=(x[1] - x[0]) * 1.01)


def test_model_curves_are_scipys_densities():
    from scipy import stats

    fit = likelihood.fit("Exponential", 1.5, 60, 3, 0.4, 0.3)
    xs, ys = likelihood.model_curve(fit, 2.0)
    assert np.allclose(ys, stats.expon(scale=0.5).pdf(xs))
    poisson = likelihood.fit("Poisson", 4.0, 60, 3, 2.0, 0.3)
    xs, ys = likelihood.model_curve(poisson, 4.0)
    assert np.allclose(ys, stats.poisson(4.0).pmf(xs)) and ys.sum() > 0.99


def test_the_bias_figure_ends_on_the_simulation():
    run = estimators.bias_run(next(iter(estimators.PAIRS)), 5, 2000, 1)
    fig = _decoded(figures.bias_figure(run))
    last = fig["frames"][-1]["data"]
    assert last[0]["y"][-1] == pytest.approx(run.averages[0], rel=1e-6)
    assert last[2]["y"].sum() == run.repeats  # the histogram holds every sample
    assert len(fig["frames"]) <= figures.BIAS_FRAMES


def test_interval_frames_draw_each_interval_in_its_colour():
    from mathviz.stats import intervals

    run = intervals.coverage_run("Exponential", "t", 8, 0.9, 150, 2)
    fig = _decoded(figures.interval_figure(run))
    last = fig["frames"][-1]["data"]
    shown = figures.SHOWN_INTERVALS
    covered_x = np.asarray(last[0]["x"], float)
    missed_x = np.asarray(last[1]["x"], float)
    assert np.isfinite(covered_x).sum() == 2 * run.covers[:shown].sum()
    assert np.isfinite(missed_x).sum() == 2 * (~run.covers[:shown]).sum()
    lows = covered_x[0::3]
    assert np.allclose(lows, run.intervals[:shown][run.covers[:shown], 0], atol=1e-5)
    coverage = traces_by_name(fig)["share covering"]
    assert np.allclose(coverage["y"], run.running, atol=1e-6)
    assert len(fig["frames"]) == shown // figures.INTERVAL_STRIDE


@pytest.mark.parametrize("statistic", ["Mean", "Median", "Correlation"])
def test_bootstrap_frames_build_the_histogram(statistic):
    from mathviz.stats import bootstrap

    run = bootstrap.bootstrap_run(statistic, "Log-normal", 25, 1500, 4)
    fig = _decoded(figures.bootstrap_figure(run))
    counts = [np.asarray(f["data"][0]["y"], float).sum() for f in fig["frames"]]
    assert counts == sorted(counts) and counts[-1] == 1500
    names = set(traces_by_name(fig))
    assert names >= {"percentile", "BCa", "normal", "analytic"}


@pytest.mark.parametrize(("name", "null"), [("Normal (σ known)", 0.5), ("Bernoulli", 0.6),
                                            ("Poisson", 3.1), ("Exponential", 2.5)])  # fmt: skip
def test_the_tests_figure_draws_w_s_and_lr_where_the_textbooks_do(name, null):
    model = likelihood.MODELS[name]
    fit = likelihood.fit(name, model.truth.default, 40, 2, model.start.default, 0.3)
    tests = likelihood.test_null(fit, null)
    fig = _decoded(figures.tests_figure(fit, tests))
    traces = traces_by_name(fig)
    # W: the horizontal distance from θ₀ to θ̂, at the height ℓ(θ₀)
    wald = traces["Wald"]
    assert wald["x"][0] == pytest.approx(null) and wald["x"][-1] == pytest.approx(fit.mle)
    assert np.allclose(wald["y"], tests.loglik_null) and "W" in wald["text"]
    # LR: the vertical drop at θ̂ from ℓ(θ₀) to ℓ(θ̂)
    ratio = traces["LR"]
    assert np.allclose(ratio["x"], fit.mle)
    assert ratio["y"][0] == pytest.approx(tests.loglik_null)
    assert ratio["y"][-1] == pytest.approx(tests.loglik_mle)
    # S: the tangent at θ₀, with slope U(θ₀) = ℓ′(θ₀) (finite differences of the curve drawn)
    score = traces["score"]
    x, y = np.asarray(score["x"], float), np.asarray(score["y"], float)
    assert x[1] == pytest.approx(null) and y[1] == pytest.approx(tests.loglik_null)
    slope = (y[2] - y[0]) / (x[2] - x[0])
    k = int(np.flatnonzero(tests.grid == null)[0])
    numeric = (tests.curve[k + 1] - tests.curve[k - 1]) / (tests.grid[k + 1] - tests.grid[k - 1])
    assert slope == pytest.approx(numeric, rel=0.02)
    # the LR cut-off at ℓ(θ̂) − χ²₁(0.95)/2, and every drawn value on the chart's scale
    cutoff = traces["LR rejects below"]
    assert cutoff["y"][0] == pytest.approx(tests.loglik_mle - 3.841458820694124 / 2)
    low, high = fig["layout"]["yaxis"]["range"]
    assert low < min(tests.loglik_null, cutoff["y"][0]) and tests.loglik_mle < high
    curve = np.asarray(traces[f"ℓ({model.symbol})"]["y"], float)
    assert np.isfinite(curve).all() and np.nanmax(curve) == pytest.approx(tests.loglik_mle)
    assert sum(t.get("showlegend", False) for t in fig["data"]) <= 7  # a short legend


def test_the_tests_figure_leaves_out_the_wald_test_on_the_edge():
    fit = likelihood.fit("Bernoulli", 0.01, 3, 0, 0.5, 0.1)  # every value 0: p̂ = 0
    fig = _decoded(figures.tests_figure(fit, likelihood.test_null(fit, 0.3)))
    names = set(traces_by_name(fig))
    assert "Wald" not in names and {"score", "LR"} <= names
