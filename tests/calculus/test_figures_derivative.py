"""The secant animation and the error plot: what is drawn is what was computed, finite."""

import json

import numpy as np
import pytest

from mathviz.calculus import derivative as d
from mathviz.calculus import figures_derivative as figures
from mathviz.calculus import functions
from tests.harness.apptest import decode_arrays


def _decoded(fig):
    return decode_arrays(json.loads(json.dumps(fig.to_dict())))


def _all_finite(node):
    if isinstance(node, np.ndarray):
        return bool(np.isfinite(node).all())
    if isinstance(node, dict):
        return all(_all_finite(v) for v in node.values())
    if isinstance(node, list):
        return all(_all_finite(v) for v in node if not isinstance(v, str))
    return not (isinstance(node, float) and not np.isfinite(node))


def _secant(name, x0):
    entry = functions.FUNCTIONS[name]
    kind = d.classify(entry.expression, x0, entry)
    return kind, _decoded(figures.secant_figure(entry.expression, x0, entry, kind))


def test_each_frame_draws_the_secant_through_x0_and_x0_plus_h():
    kind, fig = _secant("exp", 1.0)
    assert len(fig["frames"]) == d.SECANT_STEPS
    h = d.secant_steps(functions.FUNCTIONS["exp"].window)
    for frame, step in zip(fig["frames"], h, strict=True):
        line, tip = frame["data"][:2]
        slope = (line["y"][1] - line["y"][0]) / (line["x"][1] - line["x"][0])
        assert slope == pytest.approx((np.exp(1 + step) - np.e) / step, rel=1e-9)
        assert tip["x"][0] == pytest.approx(1 + step)
        assert tip["y"][0] == pytest.approx(np.exp(1 + step), rel=1e-9)
    names = [t.get("name", "") for t in fig["data"]]
    assert any(n.startswith("tangent") for n in names)
    assert _all_finite(fig)


def test_play_and_scrub_are_client_side_with_the_speed():
    entry = functions.FUNCTIONS["sin"]
    kind = d.classify(entry.expression, 1.0, entry)
    slow = _decoded(figures.secant_figure(entry.expression, 1.0, entry, kind, speed=0.5))
    fast = _decoded(figures.secant_figure(entry.expression, 1.0, entry, kind, speed=2.0))
    play = lambda f: f["layout"]["updatemenus"][0]["buttons"][0]  # noqa: E731
    assert play(slow)["label"] == "▶ Play" and play(slow)["method"] == "animate"
    assert (
        play(slow)["args"][1]["frame"]["duration"] == 4 * play(fast)["args"][1]["frame"]["duration"]
    )
    assert all(s["method"] == "animate" for s in slow["layout"]["sliders"][0]["steps"])


@pytest.mark.parametrize(("name", "x0"), [("|x|", 0.0), ("kink", 1.0), ("jump", 0.0)])
def test_no_tangent_at_a_kink_or_jump_but_two_secants(name, x0):
    kind, fig = _secant(name, x0)
    names = [t.get("name", "") for t in fig["data"]]
    assert not any(n.startswith("tangent") for n in names)
    assert "secant (x₀−h, x₀)" in names and "secant (x₀, x₀+h)" in names
    assert _all_finite(fig)


def test_outside_the_domain_only_the_curves_are_drawn():
    kind, fig = _secant("log", -1.0)
    assert kind.kind == "undefined" and "frames" not in fig
    assert _all_finite(fig)


def test_the_figures_are_light():
    entry = functions.FUNCTIONS["x^3 - 2 sin x"]
    kind = d.classify(entry.expression, 1.0, entry)
    size = len(json.dumps(figures.secant_figure(entry.expression, 1.0, entry, kind).to_dict()))
    assert size < 120_000


def test_the_error_plot_shows_both_curves_fits_and_best_h():
    scan = d.error_scan(functions.FUNCTIONS["exp"].expression, 1.0)
    fig = _decoded(figures.error_figure(scan, 1e-5))
    names = [t.get("name", "") for t in fig["data"]]
    assert "forward difference" in names and "central difference" in names
    assert "fit: slope 1" in names and "fit: slope 2" in names
    stars = [t for t in fig["data"] if t.get("marker", {}).get("symbol") == "star"]
    assert [s["x"][0] for s in stars] == [scan.forward_best[0], scan.central_best[0]]
    assert fig["layout"]["xaxis"]["type"] == "log" == fig["layout"]["yaxis"]["type"]
    assert _all_finite(fig)
