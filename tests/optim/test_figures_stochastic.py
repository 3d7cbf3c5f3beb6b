"""The stochastic-gradient animation: valid plotly, frames that draw what was run, thinned,
finite and light."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.optim import stochastic
from mathviz.optim.figures_stochastic import MAX_POINTS, TRAIL, stochastic_figure
from tests.calculus.test_figures_derivative import _all_finite
from tests.harness.apptest import decode_arrays

DATA = stochastic.regression_data(n=1000, seed=0)
MOVING = [0, 1, 3, 4, 7]


def _spec(run, data=DATA, **options):
    """The figure as the browser gets it, validated by plotly, arrays decoded."""
    sent = json.dumps(stochastic_figure(run, data, **options).to_dict())
    assert "NaN" not in sent and "Infinity" not in sent
    go.Figure(json.loads(sent))  # every property is one plotly knows
    return decode_arrays(json.loads(sent)), len(sent)


@pytest.fixture(scope="module")
def long_run():
    return stochastic.sgd_paths(DATA, 10, 0.05, 1000, seed=1)


def test_the_figure_is_valid_light_and_finite(long_run):
    spec, size = _spec(long_run)
    assert size < 400_000
    assert 2 <= len(spec["frames"]) <= 100
    assert _all_finite(spec)
    assert spec["layout"]["updatemenus"] and spec["layout"]["sliders"]


def test_frames_move_only_the_moving_traces_and_draw_the_run(long_run):
    spec, _ = _spec(long_run, frames=50)
    frames = spec["frames"]
    assert len(frames) == 50
    sgd, full = long_run.minibatch.positions, long_run.full_batch.positions
    for frame in frames:
        assert frame["traces"] == MOVING
        step = int(frame["name"][1:])
        full_trail, sgd_trail, full_now, sgd_now, line = frame["data"]
        assert len(sgd_trail["x"]) <= TRAIL and len(full_trail["x"]) <= TRAIL
        np.testing.assert_allclose([sgd_now["x"][0], sgd_now["y"][0]], sgd[step], rtol=1e-6)
        np.testing.assert_allclose([full_now["x"][0], full_now["y"][0]], full[step], rtol=1e-6)
        # The trail starts at the start and ends where the point is.
        np.testing.assert_allclose([sgd_trail["x"][0], sgd_trail["y"][0]], sgd[0], rtol=1e-6)
        np.testing.assert_allclose([sgd_trail["x"][-1], sgd_trail["y"][-1]], sgd[step], rtol=1e-6)
        # SGD's line on the data is y = w x + b of its current (w, b).
        w, b = sgd[step]
        np.testing.assert_allclose(line["y"], w * line["x"] + b, rtol=1e-5, atol=1e-5)
    assert frames[0]["name"] == "s0" and frames[-1]["name"] == "s1000"


def test_the_still_picture_is_the_last_step_and_marks_least_squares(long_run):
    spec, _ = _spec(long_run)
    data = spec["data"]
    assert spec["layout"]["sliders"][0]["active"] == len(spec["frames"]) - 1
    np.testing.assert_allclose([data[4]["x"][0], data[4]["y"][0]],
                               long_run.minibatch.positions[-1], rtol=1e-6)  # fmt: skip
    np.testing.assert_allclose([data[2]["x"][0], data[2]["y"][0]], long_run.minimum)
    w, b = long_run.minimum
    np.testing.assert_allclose(data[6]["y"], w * data[6]["x"] + b, rtol=1e-5, atol=1e-5)
    assert len(data[5]["x"]) == MAX_POINTS  # 1000 points thinned
    assert spec["layout"]["shapes"][0]["path"].startswith("M")


def test_the_level_curves_are_levels_of_the_loss(long_run):
    spec, _ = _spec(long_run)
    path = spec["layout"]["shapes"][0]["path"]
    for piece in path.split("M")[1:]:
        points = np.array([p.split(",") for p in piece.rstrip("Z").split("L")], dtype=float)
        values = stochastic.loss(points[:, 0], points[:, 1], DATA)
        assert np.ptp(values) < 1e-2 * values.mean()


def test_a_diverged_run_is_drawn_finite_and_says_so():
    data = stochastic.regression_data(n=100, seed=0)
    run = stochastic.sgd_paths(data, 1, 0.9, 300, seed=1)
    assert run.minibatch.diverged_at is not None
    spec, _ = _spec(run, data, dark=True, speed=2.0)
    assert _all_finite(spec)
    assert "blew up at step" in spec["layout"]["annotations"][0]["text"]
    assert "e+" not in spec["layout"]["shapes"][0]["path"]  # plain decimals in SVG path text


def test_a_run_of_no_steps_is_a_still_picture():
    run = stochastic.sgd_paths(DATA, 10, 0.1, 0)
    spec, _ = _spec(run)
    assert "frames" not in spec and _all_finite(spec)


def test_fewer_steps_than_frames_gives_a_frame_per_step():
    run = stochastic.sgd_paths(DATA, 50, 0.1, 30)
    spec, _ = _spec(run, frames=80)
    assert [f["name"] for f in spec["frames"]] == [f"s{k}" for k in range(31)]
