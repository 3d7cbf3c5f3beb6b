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


def _polygons_by_loop(tops):
    """The outlines piece by piece with signed_parts: the reference for the vectorised one."""
    out = {1: ([], []), -1: ([], [])}
    for top_x, top_y in tops:
        xs, ys = integral.signed_parts(top_x, top_y)
        for sign, clipped in ((1, np.maximum(ys, 0.0)), (-1, np.minimum(ys, 0.0))):
            if np.any(clipped != 0):
                out[sign][0].extend([xs[0], *xs, xs[-1]])
                out[sign][1].extend([0.0, *clipped, 0.0])
    for px, py in out.values():
        if px:
            px.append(px[0])
            py.append(0.0)
    return [(np.array(px, dtype=float), np.array(py, dtype=float)) for px, py in out.values()]


def _shoelace(x, y):
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


@pytest.mark.parametrize("rule", integral.RULES)
@pytest.mark.parametrize("n", [1, 2, 7, 40, 200])
def test_area_outlines_match_the_piece_by_piece_construction(rule, n):
    expr = expressions.parse("sin(3*x) + 0.2")
    tops = integral.pieces(expr, -2.0, 2.5, n, rule).tops
    for (vx, vy), (lx, ly) in zip(
        figures.area_polygons(tops), _polygons_by_loop(tops), strict=True
    ):
        np.testing.assert_array_equal(vx, lx)
        np.testing.assert_array_equal(vy, ly)


@pytest.mark.parametrize("rule", ["left", "right", "midpoint", "trapezoid"])
def test_the_outlines_enclose_the_rules_sum(rule):
    """Shoelace area of the positive outline minus the negative one is the rule's sum (the
    pieces' tops are straight, so the outline is exact)."""
    expr = expressions.parse("x^3 - 2*sin(x)")
    a, b, n = -2.0, 2.2, 13
    positive, negative = figures.area_polygons(integral.pieces(expr, a, b, n, rule).tops)
    signed = _shoelace(*positive) - _shoelace(*negative)
    assert signed == pytest.approx(integral.rule_sum(expr, a, b, n, rule), rel=1e-12, abs=1e-12)


def test_outlines_of_nothing_and_of_one_sign_are_empty_where_they_should_be():
    assert all(part[0].size == 0 for part in figures.area_polygons(()))
    tops = integral.pieces(expressions.parse("x^2 + 1"), 0.0, 1.0, 4, "midpoint").tops
    positive, negative = figures.area_polygons(tops)
    assert positive[0].size and negative[0].size == 0
