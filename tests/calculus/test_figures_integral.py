"""The pictures of /integrals: finite data, areas split by sign, light animated figures."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mathviz.calculus import figures_integral as figures
from mathviz.calculus import functions, integral
from mathviz.core import expressions

CUBIC = functions.FUNCTIONS["x^3 - 2 sin x"].expression


def _numbers(fig):
    data = json.loads(fig.to_json())
    found = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, float):
            found.append(node)
        elif node is None:
            found.append(float("nan"))

    walk(data.get("data", [])), walk(data.get("frames", []))
    return np.array(found)


def _polygon_area(xs, ys):
    xs, ys = np.asarray(xs), np.asarray(ys)
    return 0.5 * abs(np.sum(xs[:-1] * ys[1:] - xs[1:] * ys[:-1]))


@pytest.mark.parametrize("rule", integral.RULES)
def test_riemann_pieces_split_by_sign_add_up_to_the_sum(rule):
    expr, a, b, n = CUBIC, -1.5, 2.0, 8
    fig = figures.riemann_figure(expr, a, b, n, rule, False)
    positive, negative = fig.data[0], fig.data[1]
    assert min(positive.y) >= 0 and max(negative.y) <= 0
    signed = _polygon_area(positive.x, positive.y) - _polygon_area(negative.x, negative.y)
    tolerance = 0.02 if rule == "Simpson" else 1e-3  # Simpson's parabolas are sampled
    assert signed == pytest.approx(integral.rule_sum(expr, a, b, n, rule), abs=tolerance)
    assert np.all(np.isfinite(_numbers(fig)))


def test_orders_figure_labels_each_rule_with_its_order():
    fig = figures.orders_figure(expressions.parse("exp(x)"), 0.0, 1.0, (), False)
    labels = " ".join(a.text for a in fig.layout.annotations)
    for rule in integral.RULES:
        assert f"{rule}: p ≈" in labels
    assert "round-off below" in labels and np.all(np.isfinite(_numbers(fig)))


def test_ftc_figure_is_animated_light_and_finite():
    fig = figures.ftc_figure(CUBIC, -1.0, 2.0, 0.5, False, 1.0)
    assert len(fig.frames) == figures.FTC_FRAMES
    assert len(fig.to_json()) < 320_000
    assert np.all(np.isfinite(_numbers(fig)))
    last = fig.frames[-1].data
    x, area = integral.accumulated(CUBIC, -1.0, 2.0)
    assert last[3].y[-1] == pytest.approx(area[-1], abs=1e-4)
    tangent = last[5]
    slope = (tangent.y[1] - tangent.y[0]) / (tangent.x[1] - tangent.x[0])
    fb = float(expressions.evaluate(CUBIC, x=np.array(2.0)))
    assert slope == pytest.approx(fb, rel=1e-3)
