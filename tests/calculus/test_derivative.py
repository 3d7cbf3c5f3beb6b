"""The secant/tangent maths and the three ways to differentiate, against sympy and central
differences on the registry."""

import math

import numpy as np
import pytest
import sympy

from mathviz.calculus import derivative as d
from mathviz.calculus import functions

X = sympy.Symbol("x", real=True)
SMOOTH = [name for name, e in functions.FUNCTIONS.items() if not (e.kinks or e.jumps)]


def _point(entry):
    low, high = entry.window
    return round(low + 0.37 * (high - low), 2)


@pytest.mark.parametrize("name", list(functions.FUNCTIONS))
def test_derivatives_match_sympy_and_central_differences_on_the_registry(name):
    entry = functions.FUNCTIONS[name]
    expr = entry.expression
    x0 = _point(entry)
    assert d.classify(expr, x0, entry).has_tangent
    reference = float(sympy.diff(BY_HAND[name], X).subs(X, x0).evalf(30))
    ways = d.three_ways(expr, x0, 1e-5)
    assert ways.exact == pytest.approx(reference, rel=1e-12, abs=1e-12)
    assert ways.automatic == pytest.approx(reference, rel=1e-12, abs=1e-12)
    h = 1e-5
    f = lambda t: float(np.asarray(d.values(expr, np.array([t])))[0])  # noqa: E731
    central = (f(x0 + h) - f(x0 - h)) / (2 * h)
    assert ways.central == pytest.approx(central, rel=1e-12)
    assert ways.central == pytest.approx(reference, rel=1e-7, abs=1e-7)
    assert abs(ways.forward - reference) < 1e-3 * (1 + abs(reference))


# The registry's functions written in sympy by hand: an independent reading of each formula.
BY_HAND = {
    "cubic": X**3 - 3 * X,
    "x^3 - 2 sin x": X**3 - 2 * sympy.sin(X),
    "sin": sympy.sin(X),
    "exp": sympy.exp(X),
    "log": sympy.log(X),
    "sigmoid": 1 / (1 + sympy.exp(-X)),
    "tanh": sympy.tanh(X),
    "ReLU": sympy.Max(X, 0),
    "|x|": sympy.Abs(X),
    "kink": sympy.Abs(X - 1) + X**2 / 4,
    "jump": sympy.Heaviside(X) + X / 2,
    "1/(1+x²)": 1 / (1 + X**2),
    "ln(1+x)": sympy.log(1 + X),
}


def test_every_registry_entry_has_a_reference():
    assert set(BY_HAND) == set(functions.FUNCTIONS)


@pytest.mark.parametrize(
    ("name", "x0", "kind", "left", "right"),
    [("|x|", 0.0, "kink", -1, 1), ("ReLU", 0.0, "kink", 0, 1), ("kink", 1.0, "kink", -0.5, 1.5),
     ("jump", 0.0, "jump", 0.5, 0.5)],
)  # fmt: skip
def test_kinks_and_jumps_of_the_registry_are_found(name, x0, kind, left, right):
    entry = functions.FUNCTIONS[name]
    found = d.classify(entry.expression, x0, entry)
    assert found.kind == kind and not found.has_tangent
    assert found.left == pytest.approx(left, abs=1e-6)
    assert found.right == pytest.approx(right, abs=1e-6)


def test_the_jump_is_measured():
    entry = functions.FUNCTIONS["jump"]
    assert d.classify(entry.expression, 0.0, entry).gap == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "x0", "kind"),
    [("abs(x-2)", 2.0, "kink"), ("abs(x-2)", 1.5, "smooth"), ("step(x-1) + x", 1.0, "jump"),
     ("relu(x+1)*3", -1.0, "kink"), ("sqrt(x)", 0.0, "edge"), ("log(x)", -1.0, "undefined"),
     ("x^3", 0.0, "smooth"), ("abs(sin(x))", 0.0, "kink")],
)  # fmt: skip
def test_typed_functions_are_classified_without_the_registry(text, x0, kind):
    assert d.classify(functions.read(text), x0, None).kind == kind


def test_secant_slopes_close_in_on_the_derivative():
    expr = functions.read("x^3")
    s = d.secants(expr, 1.0, (-4.0, 4.0))
    assert np.all(np.diff(s.h) < 0) and s.h[-1] == pytest.approx(s.h[0] / 1000)
    np.testing.assert_allclose(s.right, 3 + 3 * s.h + s.h**2, rtol=1e-9)
    assert abs(s.right[-1] - 3) < abs(s.right[0] - 3) / 100


@pytest.mark.parametrize(("name", "x0"), [("exp", 1.0), ("sin", 1.0), ("x^3 - 2 sin x", 0.7),
                                          ("sigmoid", 1.5), ("log", 2.0)])  # fmt: skip
def test_measured_finite_difference_slopes_are_one_and_two(name, x0):
    scan = d.error_scan(functions.FUNCTIONS[name].expression, x0)
    assert scan.forward_fit[0] == pytest.approx(1.0, abs=0.05)
    assert scan.central_fit[0] == pytest.approx(2.0, abs=0.05)
    # The best h sits near the theory's √ε and ε^(1/3) (within a factor 30), with round-off
    # floors far above ε itself and far below the truncation at h = 0.1.
    assert 1 / 30 < scan.forward_best[0] / scan.forward_theory < 30
    assert 1 / 30 < scan.central_best[0] / scan.central_theory < 30
    assert scan.central_best[1] < scan.forward_best[1]
    assert np.all(np.isnan(scan.forward) | (scan.forward > 0))


def test_no_error_scan_where_there_is_no_derivative():
    assert d.error_scan(functions.read("log(x)"), -1.0) is None


def test_segments_are_finite_and_split_at_jumps():
    x = np.linspace(-1, 1, 101)
    y = np.where(x < 0.005, x, x + 1)
    y[50] = np.nan
    pieces = d.segments(x, y)
    assert len(pieces) == 2 and all(np.isfinite(py).all() for _, py in pieces)
    x = np.linspace(-1, 1, 100)  # 0 falls between two points
    assert len(d.segments(x, np.sign(x), breaks=(0.0,))) == 2


def test_y_range_ignores_poles():
    x = np.linspace(-1, 1, 400)
    low, high = d.y_range(1 / x)
    assert math.isfinite(low) and high < 1e3


BREAK_CASES = {
    "abs(x - 0.5)": ((-1.0, 2.0), {"kink": (0.5,), "jump": ()}),
    "step(x - 1) + x": ((-1.0, 2.0), {"kink": (), "jump": (1.0,)}),
    "abs(x^2 - 2)": ((-3.0, 3.0), {"kink": (-math.sqrt(2), math.sqrt(2)), "jump": ()}),
    "relu(sin(3*x))": ((0.2, 3.0), {"kink": (math.pi / 3, 2 * math.pi / 3), "jump": ()}),
    "x*abs(x)": ((-1.0, 1.0), {"kink": (), "jump": ()}),  # 2|x| is its slope: no corner
    "sign(x)*x": ((-1.0, 1.0), {"kink": (0.0,), "jump": ()}),  # |x|: a corner, no jump
    "abs(1/x)": ((-1.0, 1.0), {"kink": (), "jump": ()}),  # a pole, neither
    "x^3 - 2*sin(x)": ((-2.0, 2.0), {"kink": (), "jump": ()}),
}


@pytest.mark.parametrize("text", list(BREAK_CASES))
def test_a_typed_functions_kinks_and_jumps_are_found_where_the_algebra_puts_them(text):
    (a, b), expected = BREAK_CASES[text]
    found = d.breaks_between(functions.read(text), a, b)
    assert set(found) == set(expected)
    for kind, points in expected.items():
        assert found[kind] == pytest.approx(points, abs=1e-9), kind


def test_breaks_at_the_ends_of_the_interval_are_not_inside_it():
    found = d.breaks_between(functions.read("abs(x - 1)"), 1.0, 3.0)
    assert found == {"kink": (), "jump": ()}
