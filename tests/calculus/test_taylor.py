"""Taylor coefficients against known series and sympy.series; the scenes stay finite."""

import math

import numpy as np
import pytest
import sympy

from mathviz.calculus import functions, taylor
from mathviz.core import expressions

N = taylor.MAX_N
K = np.arange(N + 1)


def _fact(k):
    return np.array([math.factorial(int(i)) for i in k], dtype=float)


KNOWN = {
    "exp": 1 / _fact(K),
    "sin": np.where(K % 2 == 1, (-1.0) ** ((K - 1) // 2), 0.0) / _fact(K),
    "1/(1+x²)": np.where(K % 2 == 0, (-1.0) ** (K // 2), 0.0),
    "ln(1+x)": np.concatenate([[0.0], (-1.0) ** (K[1:] + 1) / K[1:]]),
}


@pytest.mark.parametrize("name", list(KNOWN))
def test_coefficients_at_zero_are_the_known_series(name):
    c = taylor.coefficients(functions.FUNCTIONS[name].expression, 0.0)
    np.testing.assert_allclose(c, KNOWN[name], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("text", "a"), [("x^3 - 2*sin(x)", 0.5), ("exp(x)*cos(x)", -1.0),
                                         ("log(1 + x)", 0.3), ("1/(1 + x^2)", 1.0),
                                         ("tanh(x)", 0.2)])  # fmt: skip
def test_coefficients_match_sympy_series(text, a):
    expr = functions.read(text)
    x = sympy.Symbol("x", real=True)
    form = expressions.to_sympy(expr)
    series = sympy.series(form, x, a, 9).removeO()
    t = sympy.Symbol("t")
    poly = sympy.Poly(sympy.expand(series.subs(x, t + a)), t)
    reference = [float(poly.coeff_monomial(t**k)) for k in range(9)]
    np.testing.assert_allclose(taylor.coefficients(expr, a)[:9], reference, rtol=1e-9, atol=1e-12)


def test_the_polynomial_converges_inside_the_radius_and_not_outside():
    entry = functions.FUNCTIONS["1/(1+x²)"]
    s = taylor.scene(entry.expression, 0.0, entry)
    assert s.radius == pytest.approx(1.0) and s.top == N
    inside, outside = np.abs(s.x) < 0.5, np.abs(s.x) > 1.5
    assert s.errors[20][inside].max() < 1e-5 < s.errors[4][inside].max()
    assert s.errors[20][outside].min() > s.errors[4][outside].min()
    assert taylor.radius(entry, 1.0) == pytest.approx(math.sqrt(2))
    assert taylor.radius(functions.FUNCTIONS["ln(1+x)"], 0.5) == pytest.approx(1.5)


def test_polynomials_are_horner_of_the_coefficients():
    c = KNOWN["exp"]
    x = np.linspace(-1, 1, 5)
    np.testing.assert_allclose(taylor.polynomial(c, 0.0, x, 20), np.exp(x), rtol=1e-14)
    assert taylor.polynomial(c, 0.0, x, 0).tolist() == [1.0] * 5


@pytest.mark.parametrize(("name", "a"), [("ln(1+x)", -1.0), ("ln(1+x)", -3.0), ("log", 0.0),
                                         ("|x|", 0.0), ("jump", 0.0)])  # fmt: skip
def test_singular_centres_give_no_series_and_no_nan(name, a):
    entry = functions.FUNCTIONS[name]
    s = taylor.scene(entry.expression, a, entry)
    assert s.top < 1
    for array in (s.x, s.f, s.polys, s.errors, s.c):
        assert np.isfinite(array).all()


def test_a_partial_series_stops_where_the_coefficients_do():
    s = taylor.scene(functions.read("sqrt(x)"), 0.0, None)
    assert s.top == 0 and s.c.tolist() == [0.0]
    assert taylor.usable_degree(np.array([1.0, 2.0, np.nan, 3.0])) == 1
