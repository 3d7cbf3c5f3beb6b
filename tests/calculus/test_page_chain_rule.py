"""/chain-rule: every view runs clean, and the numbers on screen are right.

The references are computed here: the neuron's values and gradients by the analytic formulas
(z = wx + b, a = 1/(1 + e^−z), ∂L/∂w = 2(a − y)·a(1 − a)·x, ...) and central differences of
the directly computed loss, never by the page's own modules.
"""

from __future__ import annotations

import math
import re

import pytest

from mathviz.calculus.params import CHAIN_RULE as P
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_sizes,
    figures,
    monkey_view,
    run_page,
)

PAGE = "pages/chain-rule.py"
TITLE = "The chain rule & backpropagation"
BOTH, STEP = P.part.options
VIEWS = {
    "both-ways": {},
    "both-ways-moved": {"nw": "-1.2", "nb": "0.7", "nx": "2", "ny": "0.3", "speed": "2×"},
    "saturated": {"nw": "3", "nb": "3", "nx": "3", "ny": "0"},
    "step": {"part": STEP},
    "step-moved": {"part": STEP, "nw": "-2", "nb": "1.5", "nx": "-1", "ny": "0.8", "neta": "7"},
}
NODES = ("x", "w", "b", "y", "z", "a", "d", "L")
HIGHLIGHT = "#CC79A7"


def neuron(w, b, x, y):
    z = w * x + b
    a = 1.0 / (1.0 + math.exp(-z))
    d = a - y
    dz = 2 * d * a * (1 - a)
    values = {"x": x, "w": w, "b": b, "y": y, "z": z, "a": a, "d": d, "L": d * d}
    grads = {"w": dz * x, "b": dz, "x": dz * w, "y": -2 * d, "z": dz, "a": 2 * d, "d": 2 * d}
    return values, grads | {"L": 1.0}


def loss(w, b, x, y):
    return neuron(w, b, x, y)[0]["L"]


def inputs_of(query):
    return tuple(float(query.get(k, P[k].default)) for k in ("nw", "nb", "nx", "ny"))


NUMBER = r"-?\d+(?:\.\d+)?(?: \\times 10\^\{-?\d+\})?|-?10\^\{-?\d+\}"


def read_number(shown: str) -> float:
    shown = shown.strip().strip("$").strip()
    if shown.startswith("10^") or shown.startswith("-10^"):
        sign = -1.0 if shown.startswith("-") else 1.0
        return sign * 10.0 ** int(re.search(r"\{(-?\d+)\}", shown).group(1))
    if r"\times" in shown:
        mantissa, power = shown.split(r"\times")
        return float(mantissa) * 10.0 ** int(re.search(r"\{(-?\d+)\}", power).group(1))
    return float(shown)


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("present", ["0", "1"])
def test_every_view_runs_clean_with_the_skeleton(view, present):
    assert_view_has_the_skeleton(PAGE, {**VIEWS[view], "present": present}, TITLE)


@pytest.mark.parametrize("view", ["both-ways", "step"])
def test_monkey_every_control(view):
    monkey_view(PAGE, VIEWS[view], seed=sum(map(ord, view)))


@pytest.mark.parametrize("view", ["both-ways", "both-ways-moved", "saturated"])
@pytest.mark.parametrize("present", ["0", "1"])
def test_the_check_table_shows_backprop_beside_a_central_difference(view, present):
    query = VIEWS[view]
    at = run_page(PAGE, {**query, "present": present})
    assert_clean(at)
    w, b, x, y = inputs_of(query)
    _, grads = neuron(w, b, x, y)
    table = next(
        t.value.strip().strip("$").strip() for t in at.latex if r"\begin{array}" in t.value
    )
    body = table.split(r"\hline", 1)[1].replace(r"\end{array}", "")
    rows = [row.split("&") for row in body.split(r"\\")]
    assert [row[0].strip() for row in rows] == [rf"\partial L/\partial {n}" for n in "wbxy"]
    for (_, shown_grad, shown_fd, shown_diff), name in zip(rows, "wbxy", strict=True):
        at_ = {"w": w, "b": b, "x": x, "y": y}
        h = 1e-6
        fd = (loss(**(at_ | {name: at_[name] + h})) - loss(**(at_ | {name: at_[name] - h}))) / (
            2 * h
        )
        backprop, finite, diff = map(read_number, (shown_grad, shown_fd, shown_diff))
        assert math.isclose(backprop, grads[name], rel_tol=1e-4, abs_tol=1e-9), name
        assert math.isclose(finite, fd, rel_tol=1e-4, abs_tol=1e-8), name
        assert abs(diff) < 1e-8 and math.isclose(diff, backprop - finite, abs_tol=2e-6)


@pytest.mark.parametrize("view", ["both-ways", "both-ways-moved"])
def test_the_chain_rule_formulas_show_the_analytic_gradients(view):
    query = VIEWS[view]
    at = run_page(PAGE, query)
    w, b, x, y = inputs_of(query)
    values, grads = neuron(w, b, x, y)
    chains = [t.value.strip().strip("$").strip() for t in at.latex if r"\begin{aligned}" in t.value]
    for latex, name in zip(chains, "wb", strict=True):
        last = latex.split(r"\\")[-1].replace(r"\end{aligned}", "")
        factors, result = last.split("=")[-2:]
        assert math.isclose(read_number(result), grads[name], rel_tol=5e-3, abs_tol=1e-3)
        numbers = [read_number(f.strip(" ()")) for f in factors.split(r"\cdot")]
        local = x if name == "w" else 1.0
        expected = [2 * values["d"], values["a"] * (1 - values["a"]), local]
        for shown, value in zip(numbers, expected, strict=True):
            assert math.isclose(shown, value, rel_tol=5e-3, abs_tol=1e-3)


def test_the_frames_walk_forward_in_topological_order_then_backward():
    at = run_page(PAGE, VIEWS["both-ways-moved"])
    (fig,) = figures(at)
    names = fig["data"][1]["text"]
    assert sorted(names) == sorted(NODES)
    highlighted = []
    for frame in fig["frames"][1:]:
        colors = frame["data"][1]["marker"]["color"]
        (now,) = [names[i] for i, c in enumerate(colors) if c == HIGHLIGHT]
        highlighted.append(now)
    forward, backward = highlighted[: len(NODES)], highlighted[len(NODES) :]
    assert backward == forward[::-1]
    edges = [("w", "z"), ("x", "z"), ("b", "z"), ("z", "a"), ("a", "d"), ("y", "d"), ("d", "L")]
    for source, node in edges:
        assert forward.index(source) < forward.index(node)
    assert fig["frames"][0]["data"][1]["marker"]["color"].count(HIGHLIGHT) == 0
    assert figure_sizes(at)[0] < 120_000


def test_the_last_frame_shows_every_value_and_gradient():
    query = VIEWS["both-ways-moved"]
    at = run_page(PAGE, query)
    (fig,) = figures(at)
    values, grads = neuron(*inputs_of(query))
    names = fig["data"][1]["text"]
    final = fig["frames"][-1]["data"]
    for node, shown in zip(names, final[2]["text"], strict=True):
        label, number = shown.split(" = ")
        assert label == node and math.isclose(float(number), values[node], rel_tol=5e-3)
    for node, shown in zip(names, final[3]["text"], strict=True):
        number = float(shown.split("= ")[-1])
        assert math.isclose(number, grads[node], rel_tol=5e-3, abs_tol=1e-4), node
    assert fig["data"][2]["text"] == final[2]["text"]  # the figure opens on the last frame
    assert all(t == "" for t in fig["frames"][0]["data"][2]["text"])  # and starts empty


@pytest.mark.parametrize("view", ["step", "step-moved"])
def test_one_gradient_step_shows_the_new_parameters_and_losses(view):
    query = VIEWS[view]
    at = run_page(PAGE, query)
    assert_clean(at)
    w, b, x, y = inputs_of(query)
    eta = float(query.get("neta", P["neta"].default))
    _, grads = neuron(w, b, x, y)
    w2, b2 = w - eta * grads["w"], b - eta * grads["b"]
    step, losses = (t.value.strip().strip("$").strip() for t in at.latex[:2])
    shown_w, shown_b = (read_number(row.split("=")[-1].replace(r"\end{aligned}", "")) for row in
                        step.split(r"\\"))  # fmt: skip
    assert math.isclose(shown_w, w2, rel_tol=5e-3, abs_tol=1e-3)
    assert math.isclose(shown_b, b2, rel_tol=5e-3, abs_tol=1e-3)
    before, after = (read_number(s) for s in losses.split(":")[1].split(r"\;\to\;"))
    assert math.isclose(before, loss(w, b, x, y), rel_tol=5e-3)
    assert math.isclose(after, loss(w2, b2, x, y), rel_tol=5e-3, abs_tol=1e-6)


def test_the_loss_map_is_the_loss_over_w_and_b():
    query = VIEWS["step-moved"]
    at = run_page(PAGE, query)
    (fig,) = figures(at)
    contour = fig["data"][0]
    _, _, x, y = inputs_of(query)
    ws, bs, z = contour["x"], contour["y"], contour["z"]
    assert z.shape == (len(bs), len(ws))
    for i in (0, 17, len(bs) - 1):
        for j in (0, 29, len(ws) - 1):
            assert math.isclose(z[i, j], loss(ws[j], bs[i], x, y), rel_tol=1e-6, abs_tol=1e-7)
    assert figure_sizes(at)[0] < 60_000


def test_the_buttons_play_both_passes_and_each_pass():
    (fig,) = figures(run_page(PAGE, {}))
    buttons = {b["label"]: b["args"][0] for b in fig["layout"]["updatemenus"][0]["buttons"]}
    names = [frame["name"] for frame in fig["frames"]]
    distinct = lambda seq: list(dict.fromkeys(seq))  # noqa: E731
    assert distinct(buttons["▶ Play"]) == names
    assert distinct(buttons["Forward"]) == names[: len(NODES) + 1]
    assert distinct(buttons["Backward"]) == names[len(NODES) :]
    steps = fig["layout"]["sliders"][0]["steps"]
    assert [step["args"][0][0] for step in steps] == names  # the slider scrubs every step
