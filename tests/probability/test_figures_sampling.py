"""The pictures of /sampling: valid plotly figures, small enough to send, no infinities and no
NaN outside a line's breaks, at most a few thousand points a trace, and showing the runs' own
numbers (the last frame's histogram, the proposals under f, the chains' positions)."""

import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.probability import distributions, mcmc, samplers
from mathviz.probability import figures_sampling as figures
from tests.harness.apptest import decode_arrays

MAX_POINTS = 5000
ANIMATED_BYTES, STATIC_BYTES = 2_000_000, 300_000


def _values(name):
    return samplers.settings(distributions.DISTRIBUTIONS[name].values({}))


CHARTS = {
    "inverse Normal": lambda: figures.inverse_chart("Normal", _values("Normal"), 100_000, 0),
    "inverse Poisson": lambda: figures.inverse_chart("Poisson", _values("Poisson"), 500, 1),
    "inverse one draw": lambda: figures.inverse_chart("Cauchy", _values("Cauchy"), 1, 0),
    "rejection cut": lambda: figures.rejection_chart("Beta(2, 5) under a uniform", 1.0,
                                                     100_000, 0),
    "rejection": lambda: figures.rejection_chart("Two bumps under a normal", 4.0, 10, 0),
    "chains": lambda: figures.chains_chart("Banana", 2.0, 4, 5000, 500, 0),
    "one chain, stuck": lambda: figures.chains_chart("Donut", 20.0, 1, 100, 50, 0),
    "traces": lambda: figures.traces_chart("Three modes", 1.0, 4, 5000, 2500, 0),
    "diagnostics": lambda: figures.diagnostics_chart("Gaussian", 1.0, 2, 100, 0, 0),
    "sweep": lambda: figures.sweep_chart("Donut", 0, 2.0),
    "scales": lambda: figures.scales_chart("Banana", (0.05, 2.0, 10.0), 0),
    "pi": lambda: figures.pi_chart(1_000_000, 0),
    "pi small": lambda: figures.pi_chart(10, 0),
}  # fmt: skip


def _decoded(figure) -> dict:
    return decode_arrays(json.loads(json.dumps(figure.to_dict())))


def _arrays(trace: dict):
    for key in ("x", "y", "z"):
        value = trace.get(key)
        if value is not None and len(np.atleast_1d(value)):
            yield key, np.asarray(value, dtype=float)


@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_is_valid_small_and_finite(chart):
    figure = CHARTS[chart]()
    spec = figure.to_dict()
    go.Figure(spec)  # plotly validates every property, frames included
    size = len(json.dumps(spec))
    assert size < (ANIMATED_BYTES if spec.get("frames") else STATIC_BYTES), size
    decoded = _decoded(figure)
    base = decoded["data"]
    pairs = [(trace, trace) for trace in base] + [
        (base[index], trace)
        for frame in decoded.get("frames", [])
        for index, trace in zip(frame["traces"], frame["data"], strict=True)
    ]
    for kind, trace in pairs:
        for key, values in _arrays(trace):
            assert values.size <= MAX_POINTS, (chart, key, values.size)
            assert not np.isinf(values).any(), (chart, key)
            if np.isnan(values).any():  # only as a break between the pieces of a line
                assert kind.get("mode") == "lines", (chart, kind.get("name"), key)


def test_the_inverse_chart_ends_on_the_runs_histogram_and_starts_each_draw_on_the_u_axis():
    run = samplers.inverse_run("Normal", _values("Normal"), 2000, 4)
    fig = _decoded(figures.inverse_chart("Normal", _values("Normal"), 2000, 4))
    bars = next(t for t in fig["data"] if t.get("type") == "bar")
    np.testing.assert_allclose(bars["y"], run.heights[-1], rtol=1e-6)
    frames = {f["name"]: f for f in fig["frames"]}
    traveller = frames["d0l0"]["data"][3]  # the u marker, on the left edge at height u₁
    assert traveller["x"][0] == pytest.approx(run.window[0], rel=1e-6)
    assert traveller["y"][0] == pytest.approx(run.u[0], rel=1e-6)
    landed = frames["d0l2"]["data"][3]
    assert (landed["x"][0], landed["y"][0]) == pytest.approx((run.x[0], 0.0), rel=1e-5)
    assert len(fig["frames"]) == 3 * samplers.TRAVELLERS + len(run.counts) - samplers.TRAVELLERS


def test_the_rejection_chart_keeps_points_under_f_and_marks_a_cut_envelope():
    name = "Normal under a Cauchy"
    target = samplers.REJECTION_TARGETS[name]
    fig = _decoded(figures.rejection_chart(name, 3.0, 5000, 2))
    by_name = {t.get("name"): t for t in fig["data"]}
    kept, dropped = by_name["accepted"], by_name["rejected"]
    assert np.all(kept["y"] <= target.f(kept["x"]) * (1 + 1e-5))
    assert np.all(dropped["y"] >= target.f(dropped["x"]) * (1 - 1e-5))
    assert len(kept["x"]) + len(dropped["x"]) == samplers.SHOWN_DRAWS
    assert "f above M·g: cut off" not in by_name
    cut = {t.get("name") for t in _decoded(figures.rejection_chart(name, 1.0, 500, 2))["data"]}
    assert {"f above M·g: cut off", "what is really sampled"} <= cut


def test_the_chains_chart_shows_each_step_where_the_chains_are():
    run = mcmc.run("Gaussian", 1.0, 3, 400, 100, 5)
    fig = _decoded(figures.chains_chart("Gaussian", 1.0, 3, 400, 100, 5))
    frames = {f["name"]: f for f in fig["frames"]}
    assert len(frames) == mcmc.ANIMATED_STEPS + 1
    for t in (0, 17, 100):
        now = frames[f"t{t}"]["data"][3]  # after the three chains' paths
        np.testing.assert_allclose(np.c_[now["x"], now["y"]], run.chains.positions[:, t],
                                   rtol=1e-5, atol=1e-6)  # fmt: skip
        trail = frames[f"t{t}"]["data"][1]  # the second chain's last states, up to now
        shown = min(t + 1, figures.TRAIL)
        np.testing.assert_allclose(np.c_[trail["x"], trail["y"]],
                                   run.chains.positions[1, t + 1 - shown : t + 1],
                                   rtol=1e-5, atol=1e-6)  # fmt: skip
        accepted = frames[f"t{t}"]["data"][5]
        if t < 100:
            assert len(accepted.get("x", [])) == run.chains.accepted[:, t].sum()


def test_the_pi_chart_ends_on_the_runs_error():
    run = samplers.pi_run(5000, 3)
    fig = _decoded(figures.pi_chart(5000, 3))
    now = next(t for t in fig["data"] if t.get("name") == "now")
    assert now["x"][0] == 5000
    assert now["y"][0] == pytest.approx(max(abs(run.estimate - math.pi), figures.PI_FLOOR),
                                        rel=1e-5)  # fmt: skip
    inside = next(t for t in fig["data"] if t.get("name") == "inside")
    assert np.all(inside["x"] ** 2 + inside["y"] ** 2 <= 1 + 1e-6)
