"""The graph figure and the loss map: their data against values computed here."""

import math

import numpy as np

from mathviz.calculus import backprop, figures_backprop
from mathviz.plot import theme

NOW = theme.COLORS["highlight"]


def build(w=0.5, b=0.2, x=1.5, y=1.0, **kw):
    return figures_backprop.graph_figure(backprop.sweep(w, b, x, y), **kw).to_plotly_json()


def test_one_frame_per_step_and_a_blank_start():
    fig = build()
    assert len(fig["frames"]) == 1 + 2 * len(backprop.FORWARD_ORDER)
    first = fig["frames"][0]["data"]
    assert all(t == "" for trace in first[2:] for t in trace["text"])
    assert NOW not in first[1]["marker"]["color"]


def test_the_highlight_follows_the_edges_of_each_step():
    fig = build()
    walk = backprop.steps()
    names = list(figures_backprop.POSITIONS)
    for step, frame in zip(walk, fig["frames"][1:], strict=True):
        colors = list(frame["data"][1]["marker"]["color"])
        assert colors.count(NOW) == 1 and names[colors.index(NOW)] == step.node
        xs, ys = frame["data"][0]["x"], frame["data"][0]["y"]
        points = {(float(a), float(b)) for a, b in zip(xs, ys, strict=True)}
        if step.phase == "forward" and step.node in backprop.GRAPH:
            inputs = backprop.GRAPH[step.node][1]
            assert points == {figures_backprop.POSITIONS[n] for n in (*inputs, step.node)}
        elif step.edge is not None:
            assert points == {figures_backprop.POSITIONS[n] for n in step.edge}
        else:
            assert not points


def test_the_edge_labels_are_the_local_derivatives():
    w, b, x, y = -1.0, 0.5, 2.0, 0.25
    z = w * x + b
    a = 1 / (1 + math.exp(-z))
    fig = build(w, b, x, y)
    shown = dict(zip(backprop.EDGES, fig["frames"][-1]["data"][4]["text"], strict=True))
    expected = {("w", "z"): x, ("x", "z"): w, ("z", "a"): a * (1 - a), ("d", "L"): 2 * (a - y)}
    for edge, value in expected.items():
        assert math.isclose(float(shown[edge].split("= ")[-1]), value, rel_tol=5e-3), edge


def test_presentation_changes_the_layout_only():
    light, present = build(), build(present=True)
    assert light["data"] == present["data"]
    assert light["layout"]["font"]["size"] < present["layout"]["font"]["size"]


def test_the_step_map_samples_the_loss_and_keeps_a_huge_step_in_view():
    step = backprop.gradient_step(0.5, 0.2, 1.5, 1.0, 10.0)
    figure = figures_backprop.step_figure(step, 1.5, 1.0)
    z = np.asarray(figure.data[0].z)
    fig = figure.to_plotly_json()
    assert z.shape == (figures_backprop.GRID, figures_backprop.GRID)
    assert np.isfinite(z).all()
    markers = fig["data"][1]
    assert (markers["x"][0], markers["y"][0]) == step.before
    assert all(abs(v) <= 3.5 for v in (*markers["x"], *markers["y"]))
