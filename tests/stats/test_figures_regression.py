"""The pictures of /regression: validated by plotly, drawing what the maths computed (the
squares' SSE, each degree's curve, the ridge disc's radius, the F tail's area)."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from scipy import integrate, stats

from mathviz.stats import figures_regression as figures
from mathviz.stats import overfitting as of
from mathviz.stats import regression
from tests.harness.apptest import decode_arrays, traces_by_name


def _decoded(prebuilt) -> dict:
    spec = prebuilt.to_dict()
    go.Figure(spec)
    return decode_arrays(json.loads(json.dumps(spec)))


def _finite(values) -> np.ndarray:
    values = np.asarray(values, float)
    return values[np.isfinite(values)]


def test_the_line_frames_tilt_through_the_least_squares_slope():
    data = regression.line_data(25, 0.6, 1.0, 0)
    fit = regression.regress(data.x, data.y)
    spec = _decoded(figures.line_figure(fit))
    slopes = regression.slope_grid(fit)
    assert len(spec["frames"]) == slopes.size
    middle = spec["frames"][slopes.size // 2]["data"]
    assert middle[2]["x"][0] == pytest.approx(fit.slope)
    assert middle[2]["y"][0] == pytest.approx(fit.sse, rel=1e-5)
    line = middle[1]
    assert (line["y"][1] - line["y"][0]) / (line["x"][1] - line["x"][0]) == pytest.approx(fit.slope)
    # the squares are square on screen: as wide in x as aspect times their height
    layout = spec["layout"]
    assert layout["yaxis"]["scaleanchor"] == "x"
    corners = np.asarray(middle[0]["x"], float).reshape(-1, 6)[:, :5]
    heights = np.asarray(middle[0]["y"], float).reshape(-1, 6)[:, :5]
    widths = np.ptp(corners, axis=1)
    np.testing.assert_allclose(widths, np.ptp(heights, axis=1) * layout["yaxis"]["scaleratio"],
                               rtol=1e-4, atol=1e-5)  # fmt: skip


def test_the_quartet_draws_four_panels_of_eleven_points():
    traces = traces_by_name(_decoded(figures.quartet_figure(regression.quartet())))
    for name in regression.ANSCOMBE_SETS:
        assert len(traces[name]["x"]) == 11


def test_each_degree_frame_draws_that_degrees_fit():
    run = of.degree_run("Cubic", 30, 0.2, 0.3, 5, 1)
    spec = _decoded(figures.degree_figure(run, 4))
    assert len(spec["frames"]) == of.MAX_DEGREE + 1
    curve = np.asarray(spec["frames"][2]["data"][0]["y"], float)
    np.testing.assert_allclose(curve, run.curves[2], rtol=1e-5, atol=1e-5)
    assert spec["layout"]["sliders"][0]["active"] == 4
    traces = traces_by_name(spec)
    np.testing.assert_allclose(_finite(traces["test RMSE"]["y"]), run.test_error, rtol=1e-5)


def test_wild_fits_are_clipped_not_dropped():
    run = of.degree_run("Sine wave", 5, 0.3, 0.3, 5, 0)
    spec = _decoded(figures.degree_figure(run, 15))
    for frame in spec["frames"]:
        assert np.all(np.isfinite(np.asarray(frame["data"][0]["y"], float)))


def test_bias_variance_parts_add_up_on_the_chart():
    result = of.bias_variance("Sine wave", 20, 0.3, 100, 0)
    traces = traces_by_name(_decoded(figures.bias_variance_figure(result, 3)))
    total = np.asarray(traces["sum"]["y"], float)
    parts = sum(np.asarray(traces[k]["y"], float) for k in ("bias²", "variance", "σ²"))
    np.testing.assert_allclose(total, parts, rtol=1e-5)


def test_the_ridge_frames_follow_lambda():
    run = of.ridge_run("Sine wave", 30, 0.3, 12, 0)
    spec = _decoded(figures.ridge_figure(run, of.lambda_frame(0.01)))
    assert len(spec["frames"]) == of.LAMBDAS.size
    np.testing.assert_allclose(np.asarray(spec["frames"][-1]["data"][0]["y"], float),
                               run.curves[-1], rtol=1e-5, atol=1e-5)  # fmt: skip


def test_the_disc_passes_through_the_ridge_solution_and_touches_its_contour():
    picture = of.ball(0)
    k = of.lambda_frame(1.0)
    spec = _decoded(figures.ball_figure(picture, k))
    disc, contour, point = spec["frames"][k]["data"]
    radius = np.hypot(np.asarray(disc["x"], float), np.asarray(disc["y"], float))
    np.testing.assert_allclose(radius, np.linalg.norm(picture.path[k]), rtol=1e-5)
    rss = [picture.rss_at(np.array(p)) for p in zip(contour["x"], contour["y"], strict=True)]
    np.testing.assert_allclose(rss, picture.rss_at(picture.path[k]), rtol=1e-4)
    assert point["x"][0] == pytest.approx(picture.path[k][0])


def test_the_anova_tail_holds_the_p_value():
    result = regression.generated_groups(3, 6, 0.3, 4)
    traces = traces_by_name(_decoded(figures.anova_figure(result)))
    tail = traces["p-value"]
    area = integrate.trapezoid(np.asarray(tail["y"], float), np.asarray(tail["x"], float))
    upper = float(np.asarray(tail["x"], float)[-1])
    expected = result.p - stats.f.sf(upper, result.df_between, result.df_within)
    assert area == pytest.approx(expected, abs=0.01)
    assert traces["between (SSB)"]["x"][0] == pytest.approx(result.ssb)
