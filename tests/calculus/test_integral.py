"""The rules against scipy.integrate.quad and exact integrals; fitted orders; A(x) and A'."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate

from mathviz.calculus import functions, integral
from mathviz.core import expressions


def f(text):
    return expressions.parse(text)


def test_quad_is_the_reference_and_matches_exact_integrals():
    value, estimate = integral.exact(f("exp(x)"), 0.0, 1.0)
    assert value == pytest.approx(np.e - 1, abs=1e-13) and estimate < 1e-10
    assert integral.exact(f("sin(x)"), 0.0, np.pi)[0] == pytest.approx(2.0, abs=1e-13)


@pytest.mark.parametrize("rule", integral.RULES)
def test_every_rule_converges_to_quad(rule):
    expr = functions.FUNCTIONS["x^3 - 2 sin x"].expression
    reference = integrate.quad(lambda u: u**3 - 2 * np.sin(u), -1.0, 2.0)[0]
    assert integral.rule_sum(expr, -1.0, 2.0, 200, rule) == pytest.approx(reference, abs=0.05)


def test_left_and_right_sums_by_hand():
    # x^2 on [0, 1], n = 4: h = 1/4, left = (0 + 1 + 4 + 9)/64, right = (1 + 4 + 9 + 16)/64
    expr = f("x^2")
    assert integral.rule_sum(expr, 0.0, 1.0, 4, "left") == pytest.approx(14 / 64)
    assert integral.rule_sum(expr, 0.0, 1.0, 4, "right") == pytest.approx(30 / 64)
    assert integral.rule_sum(expr, 0.0, 1.0, 4, "midpoint") == pytest.approx(
        (1 + 9 + 25 + 49) / 256
    )


@pytest.mark.parametrize("text", ["3", "2*x - 1", "-0.5*x + 4"])
@pytest.mark.parametrize("n", [1, 3, 7])
def test_trapezoid_and_midpoint_are_exact_for_lines(text, n):
    expr = f(text)
    exact = integral.exact(expr, -1.5, 2.5)[0]
    for rule in ("trapezoid", "midpoint"):
        assert integral.rule_sum(expr, -1.5, 2.5, n, rule) == pytest.approx(exact, abs=1e-12)


# (text, its exact integral over [-2, 3]): x^3/3; x^4/4 - 2x^3/3 + 5x; x^4 + x^2/2 - x
CUBICS = [
    ("x^2", 35 / 3),
    ("x^3 - 2*x^2 + 5", 65 / 4 - 70 / 3 + 25),
    ("4*x^3 + x - 1", 65 + 2.5 - 5),
]


@pytest.mark.parametrize("text,exact", CUBICS)
@pytest.mark.parametrize("n", [2, 4, 5])
def test_simpson_is_exact_for_cubics(text, exact, n):
    assert integral.rule_sum(f(text), -2.0, 3.0, n, "Simpson") == pytest.approx(exact, abs=1e-10)
    assert integral.exact(f(text), -2.0, 3.0)[0] == pytest.approx(exact, abs=1e-10)


def test_simpson_is_not_exact_for_a_quartic():
    assert abs(integral.rule_sum(f("x^4"), 0.0, 1.0, 2, "Simpson") - 0.2) > 1e-3


def test_simpson_uses_an_even_number_of_pieces():
    assert integral.simpson_pieces(5) == 6 and integral.simpson_pieces(6) == 6
    assert integral.pieces(f("x^2"), 0.0, 1.0, 5, "Simpson").n == 6


@pytest.mark.parametrize(
    "text,a,b",
    [
        ("exp(x)", 0.0, 1.0),
        ("x^3 - 2*sin(x)", 0.0, 2.0),
        ("1/(1 + x^2)", 0.0, 1.5),
        ("sigmoid(x)", -1.0, 2.0),
    ],
)
def test_fitted_orders_on_smooth_functions(text, a, b):
    found = integral.orders(f(text), a, b)
    for rule, expected in integral.ORDERS.items():
        assert found.slopes[rule] == pytest.approx(expected, abs=0.15), rule


def test_a_kink_spoils_the_order_and_simpson_hits_the_floor():
    entry = functions.FUNCTIONS["kink"]
    found = integral.orders(entry.expression, -0.3, 2.0, entry.kinks)
    assert found.slopes["Simpson"] < 3.5
    smooth = integral.orders(f("exp(x)"), 0.0, 1.0)
    assert (smooth.errors["Simpson"] <= smooth.floor).any()
    assert not smooth.fitted["Simpson"][smooth.errors["Simpson"] <= smooth.floor].any()


@pytest.mark.parametrize(
    "text,a,b",
    [
        ("log(x)", 0.0, 2.0),
        ("log(x)", -1.0, 1.0),
        ("1/x", -1.0, 1.0),
        ("1/x", -1.0, 1.3),
        ("1/x^2", -1.0, 2.0),
        ("x", 1.0, 1.0),
        ("x", 2.0, 1.0),
        ("tan(x)", 0.0, 2.0),
    ],
)
def test_improper_or_undefined_intervals_get_a_sentence(text, a, b):
    problem = integral.trouble(f(text), a, b)
    assert isinstance(problem, str) and "nan" not in problem.lower()


def test_a_proper_interval_has_no_trouble():
    assert integral.trouble(f("1/x"), 0.5, 2.0) is None
    entry = functions.FUNCTIONS["jump"]
    assert integral.trouble(entry.expression, -1.0, 2.0) is None


def test_signed_parts_adds_the_zero_crossing():
    xs, ys = integral.signed_parts(np.array([0.0, 1.0]), np.array([-1.0, 3.0]))
    assert list(xs) == [0.0, 0.25, 1.0] and list(ys) == [-1.0, 0.0, 3.0]


@pytest.mark.parametrize("text,a", [("x^3 - 2*sin(x)", -1.0), ("exp(x)", 0.0), ("cos(3*x)", -2.0)])
def test_accumulated_area_against_quad_and_its_slope_against_f(text, a):
    expr, b = f(text), a + 3.0
    fn = lambda u: float(expressions.evaluate(expr, x=np.array(u)))  # noqa: E731
    x, area = integral.accumulated(expr, a, b)
    for k in (0, 10, 40, 63, len(x) - 1):
        assert area[k] == pytest.approx(integrate.quad(fn, a, x[k])[0], abs=1e-10)
    for at in (a + 0.4, a + 1.5, a + 2.7):
        assert integral.area_to(expr, a, at) == pytest.approx(
            integrate.quad(fn, a, at)[0], abs=1e-12
        )
        assert integral.difference_quotient(expr, a, at, 1e-3) == pytest.approx(fn(at), abs=1e-5)


@pytest.mark.parametrize("n", [2, 8, 36])
def test_all_sums_at_once_are_the_five_rules(n):
    expr = f("x^3 - 2*sin(x)")
    together = integral.all_sums(expr, -1.0, 2.0, n)
    for rule, value in zip(integral.RULES, together, strict=True):
        assert value == pytest.approx(integral.rule_sum(expr, -1.0, 2.0, n, rule), rel=1e-13)


@pytest.mark.parametrize(
    "text,a,b", [("1/x", -1.0, 2.0), ("1/x^2", -1.0, 1.3), ("1/(x - 1.5)", 0.0, 3.0)]
)
def test_the_pole_is_named_where_it_is(text, a, b):
    pole = "1.5" if "1.5" in text else "0"
    assert f"x = {pole} " in integral.trouble(f(text), a, b)
