"""The tiny reverse-mode sweep: against direct computation, the analytic gradients and central
differences computed here (not by the module)."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz.calculus import backprop

finite = st.floats(-3.0, 3.0, allow_nan=False)
target = st.floats(0.0, 1.0, allow_nan=False)


def direct(w, b, x, y):
    z = w * x + b
    a = 1.0 / (1.0 + np.exp(-z))
    return z, a, a - y, (a - y) ** 2


def fd(f, at, h=1e-6):
    return (f(at + h) - f(at - h)) / (2 * h)


@settings(max_examples=200, deadline=None)
@given(finite, finite, finite, target)
def test_forward_values_are_the_direct_computation(w, b, x, y):
    values = backprop.sweep(w, b, x, y).values
    z, a, d, L = direct(w, b, x, y)
    assert np.allclose([values["z"], values["a"], values["d"], values["L"]], [z, a, d, L])
    assert (values["w"], values["b"], values["x"], values["y"]) == (w, b, x, y)


@settings(max_examples=200, deadline=None)
@given(finite, finite, finite, target)
def test_gradients_are_the_analytic_formula(w, b, x, y):
    s = backprop.sweep(w, b, x, y)
    _, a, _, _ = direct(w, b, x, y)
    dz = 2 * (a - y) * a * (1 - a)
    expected = {"w": dz * x, "b": dz, "x": dz * w, "y": -2 * (a - y), "z": dz, "a": 2 * (a - y)}
    for name, value in expected.items():
        assert math.isclose(s.grads[name], value, rel_tol=1e-12, abs_tol=1e-15), name
    assert s.grads["L"] == 1.0


@settings(max_examples=200, deadline=None)
@given(finite, finite, finite, target)
def test_gradients_match_central_differences(w, b, x, y):
    s = backprop.sweep(w, b, x, y)
    loss = lambda **kw: direct(**({"w": w, "b": b, "x": x, "y": y} | kw))[3]  # noqa: E731
    for name, at in {"w": w, "b": b, "x": x, "y": y}.items():
        numeric = fd(lambda t, name=name: loss(**{name: t}), at)
        assert math.isclose(s.grads[name], numeric, abs_tol=1e-7), name


@settings(max_examples=100, deadline=None)
@given(finite, finite, finite, target)
def test_the_checks_agree_with_backprop(w, b, x, y):
    for check in backprop.checks(w, b, x, y):
        assert abs(check.difference) < 1e-8
        assert check.backprop == backprop.sweep(w, b, x, y).grads[check.name]


def test_local_derivatives_on_every_edge():
    s = backprop.sweep(0.5, 0.2, 1.5, 1.0)
    z, a, d, _ = direct(0.5, 0.2, 1.5, 1.0)
    expected = {
        ("w", "z"): 1.5,
        ("x", "z"): 0.5,
        ("b", "z"): 1.0,
        ("z", "a"): a * (1 - a),
        ("a", "d"): 1.0,
        ("y", "d"): -1.0,
        ("d", "L"): 2 * d,
    }
    assert set(s.local) == set(expected) == set(backprop.EDGES)
    for edge, value in expected.items():
        assert math.isclose(s.local[edge], value), edge


def test_sigmoid_is_stable_far_out():
    assert backprop.sigmoid(800.0) == 1.0
    assert backprop.sigmoid(-800.0) == 0.0
    assert math.isclose(backprop.sigmoid(0.3), 1 / (1 + math.exp(-0.3)))
    assert math.isclose(backprop.sigmoid(-30.0), math.exp(-30.0), rel_tol=1e-12)


def test_the_walk_is_forward_topological_then_reverse():
    walk = backprop.steps()
    ahead = [s.node for s in walk if s.phase == "forward"]
    back = [s.node for s in walk if s.phase == "backward"]
    assert back == ahead[::-1]
    position = {node: i for i, node in enumerate(ahead)}
    for source, node in backprop.EDGES:
        assert position[source] < position[node]
    assert set(ahead) == {"x", "w", "b", "y", "z", "a", "d", "L"}
    for step in walk:
        if step.phase == "backward" and step.node != "L":
            assert step.edge[0] == step.node and step.edge in backprop.EDGES


def test_a_small_gradient_step_lowers_the_loss():
    step = backprop.gradient_step(0.5, 0.2, 1.5, 1.0, 0.5)
    gw, gb = step.grad
    assert step.after == (0.5 - 0.5 * gw, 0.2 - 0.5 * gb)
    assert math.isclose(step.loss_before, direct(0.5, 0.2, 1.5, 1.0)[3])
    assert math.isclose(step.loss_after, direct(*step.after, 1.5, 1.0)[3])
    assert step.loss_after < step.loss_before


def test_the_loss_grid_is_the_loss_at_each_point():
    w_axis, b_axis = np.linspace(-3, 3, 7), np.linspace(-3, 3, 5)
    grid = backprop.loss_grid(1.5, 0.25, w_axis, b_axis)
    assert grid.shape == (5, 7)
    for i, b in enumerate(b_axis):
        for j, w in enumerate(w_axis):
            assert math.isclose(grid[i, j], direct(w, b, 1.5, 0.25)[3])
    assert np.isfinite(backprop.loss_grid(1e3, 0.5, w_axis, b_axis)).all()


def test_the_step_notes_say_whether_the_loss_went_down():
    from mathviz.calculus import text_backprop

    down = text_backprop.step_notes(backprop.gradient_step(0.5, 0.2, 1.5, 1.0, 0.5))
    assert down[0].level == "info" and "down" in down[0].text
    # a huge step from a point near the valley overshoots
    up = backprop.gradient_step(0.3, 0.0, 3.0, 0.6, 10.0)
    assert up.loss_after > up.loss_before
    assert text_backprop.step_notes(up)[0].level == "warning"
    flat = backprop.gradient_step(0.0, 0.0, 1.0, 0.5, 1.0)  # a = 0.5 = y: L = 0, ∇L = 0
    assert "zero" in text_backprop.step_notes(flat)[0].text
