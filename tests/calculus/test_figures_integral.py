"""The pictures of /integrals: finite data, areas split by sign, light animated figures."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.calculus import figures_integral as figures
from mathviz.calculus import functions, integral
from mathviz.core import expressions
from tests.harness.apptest import decode_arrays

CUBIC = functions.FUNCTIONS["x^3 - 2 sin x"].expression


def _spec(fig) -> dict:
    """The figure as the browser gets it, arrays decoded; validated by plotly on the way."""
    spec = fig.to_dict()
    go.Figure(json.loads(json.dumps(spec)))  # every property is one plotly knows
    return decode_arrays(spec)


def _numbers(spec):
    found = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)
        elif isinstance(node, np.ndarray):
            found.extend(node.astype(float).ravel())
        elif isinstance(node, float):
            found.append(node)
        elif node is None:
            found.append(float("nan"))

    walk(spec.get("data", [])), walk(spec.get("frames", []))
    return np.array(found)


def _polygon_area(xs, ys):
    xs, ys = np.asarray(xs), np.asarray(ys)
    return 0.5 * abs(np.sum(xs[:-1] * ys[1:] - xs[1:] * ys[:-1]))


@pytest.mark.parametrize("rule", integral.RULES)
def test_riemann_pieces_split_by_sign_add_up_to_the_sum(rule):
    expr, a, b, n = CUBIC, -1.5, 2.0, 8
    spec = _spec(figures.riemann_figure(expr, a, b, n, rule, (), False, 1.0))
    positive, negative = spec["data"][0], spec["data"][1]
    assert min(positive["y"]) >= 0 and max(negative["y"]) <= 0
    signed = _polygon_area(positive["x"], positive["y"]) - _polygon_area(
        negative["x"], negative["y"]
    )
    tolerance = 0.02 if rule == "Simpson" else 1e-9  # Simpson's parabolas are sampled
    assert signed == pytest.approx(integral.rule_sum(expr, a, b, n, rule), abs=tolerance)
    assert np.all(np.isfinite(_numbers(spec)))


def test_riemann_frames_refine_n_and_read_out_each_sum():
    spec = _spec(figures.riemann_figure(CUBIC, 0.0, 2.0, 7, "Simpson", (), False, 1.0))
    names = [frame["name"] for frame in spec["frames"]]
    assert "n8" in names and "n7" not in names and names[-1] == "n200"
    steps = spec["layout"]["sliders"][0]["steps"]
    assert spec["layout"]["sliders"][0]["active"] == names.index("n8")
    reference = integrate_quad(lambda u: u**3 - 2 * np.sin(u), 0.0, 2.0)
    assert steps[0]["label"].startswith("n = 2:  S₂ = ")
    last = integral.rule_sum(CUBIC, 0.0, 2.0, 200, "Simpson")
    assert abs(last - reference) < 1e-8
    assert (
        len(
            json.dumps(
                fig_dict := figures.riemann_figure(
                    CUBIC, -3.0, 2.0, 200, "left", (), False, 1.0
                ).to_dict()
            )
        )
        < 320_000
    )
    assert fig_dict["frames"]


def integrate_quad(f, a, b):
    from scipy import integrate

    return integrate.quad(f, a, b)[0]


def test_orders_figure_labels_each_rule_with_its_order():
    fig = figures.orders_figure(expressions.parse("exp(x)"), 0.0, 1.0, (), False)
    labels = " ".join(a["text"] for a in fig.to_dict()["layout"]["annotations"])
    for rule in integral.RULES:
        assert f"{rule}: p ≈" in labels
    assert "round-off below" in labels
    assert np.all(np.isfinite(_numbers(_spec(fig))))


def test_ftc_figure_is_animated_light_and_finite():
    fig = figures.ftc_figure(CUBIC, -1.0, 2.0, 0.5, False, 1.0)
    assert len(json.dumps(fig.to_dict())) < 320_000
    spec = _spec(fig)
    assert len(spec["frames"]) == figures.FTC_FRAMES
    assert np.all(np.isfinite(_numbers(spec)))
    last = spec["frames"][-1]["data"]
    x, area = integral.accumulated(CUBIC, -1.0, 2.0)
    assert last[3]["y"][-1] == pytest.approx(area[-1], abs=1e-4)
    tangent = last[5]
    slope = (tangent["y"][1] - tangent["y"][0]) / (tangent["x"][1] - tangent["x"][0])
    fb = float(expressions.evaluate(CUBIC, x=np.array(2.0)))
    assert slope == pytest.approx(fb, rel=1e-3)
    # the shown state: the point (x, A(x)) at the slider's x
    point = spec["data"][6]
    assert point["x"][0] == 0.5
    assert point["y"][0] == pytest.approx(integral.area_to(CUBIC, -1.0, 0.5), abs=1e-12)
