"""mathviz.algebra.functions against numpy and the definitions.

Expected values come from elsewhere than the code under test: numpy's own functions (sqrt,
log, ...) and the definition of a transformation applied point by point.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathviz.algebra import functions

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


REFERENCE = {
    "x²": lambda u: u**2,
    "x³": lambda u: u * u * u,
    "|x|": np.abs,
    "√x": np.sqrt,
    "eˣ": np.exp,
    "ln x": np.log,
    "1/x": lambda u: 1 / u,
    "sin x": np.sin,
    "sigmoid": lambda u: 1 / (1 + np.exp(-u)),
}


parents = st.sampled_from(list(functions.PARENTS))


scale = st.floats(-3, 3, allow_nan=False).filter(lambda v: abs(v) > 0.05)


shift = st.floats(-5, 5, allow_nan=False)


def segments(x: np.ndarray, y: np.ndarray) -> list[tuple[float, float]]:
    """The (x₁, x₂) of every line segment a plot draws: both ends finite."""
    drawn = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    return list(zip(x[:-1][drawn], x[1:][drawn], strict=True))


def test_intervals():
    closed = functions.Interval(0.0, functions.INF, closed_lower=True)
    np.testing.assert_array_equal(closed.contains([-1, 0, 1e9]), [False, True, True])
    both = (functions.Interval(-functions.INF, 0.0), functions.Interval(0.0, functions.INF))
    np.testing.assert_array_equal(functions.in_domain(both, [-1, 0, 1]), [True, False, True])


@pytest.mark.parametrize("name", list(functions.PARENTS))
def test_parents_are_the_functions_they_claim_to_be(name):
    parent = functions.PARENTS[name]
    u = np.linspace(-6, 6, 1201)
    inside = functions.in_domain(parent.domain, u)
    np.testing.assert_allclose(parent.function(u[inside]), REFERENCE[name](u[inside]))
    for x, y in parent.key_points:
        assert parent.function(np.array([float(x)]))[0] == pytest.approx(y)


def test_sampling_stays_in_the_domain_and_is_broken_at_gaps():
    parent = functions.PARENTS["1/x"]
    x, y = functions.sample_curve(parent.function, parent.domain, (-8, 8))
    finite = np.isfinite(y)
    assert functions.in_domain(parent.domain, x[finite]).all()
    np.testing.assert_allclose(y[finite], 1 / x[finite])
    assert not any(a < 0 < b for a, b in segments(x, y)), "no line across the asymptote"
    assert np.nanmax(y) > 1e6 and np.nanmin(y) < -1e6, "the curve runs off the chart"


def test_sampling_keeps_closed_endpoints_and_approaches_open_ones():
    sqrt = functions.PARENTS["√x"]
    x, y = functions.sample_curve(sqrt.function, sqrt.domain, (-8, 8))
    assert x[0] == 0.0 and y[0] == 0.0  # √x starts on its endpoint
    ln = functions.PARENTS["ln x"]
    x, y = functions.sample_curve(ln.function, ln.domain, (-8, 8))
    assert 0 < x[0] < 1e-8 and y[0] < -18  # ln x dives along the asymptote x = 0
    assert x[-1] == 8.0
    assert functions.sample_curve(np.sqrt, (functions.Interval(9.0, 10.0),), (-8, 8))[0].size == 0


@SETTINGS
@given(parents, scale, scale, shift, shift, st.floats(-10, 10, allow_nan=False))
def test_transform_moves_each_point_where_the_definition_says(name, a, b, h, k, u):
    parent = functions.PARENTS[name]
    assume(functions.in_domain(parent.domain, np.array([u]))[0])
    assume(u == 0 or abs(u) > 1e-6)  # else h + u/b rounds to h and u is lost
    g = functions.transform(parent, a, b, h, k)
    x = h + u / b  # g(x) = a f(b(x - h)) + k, and b(x - h) = u
    assert functions.in_domain(g.domain, np.array([x]))[0]
    expected = a * REFERENCE[name](np.float64(u)) + k
    assert g(np.array([x]))[0] == pytest.approx(expected, rel=1e-9, abs=1e-9)


@SETTINGS
@given(parents, scale, scale, shift, shift, st.floats(-20, 20, allow_nan=False))
def test_the_transformed_domain_is_where_the_parent_is_defined(name, a, b, h, k, x):
    parent = functions.PARENTS[name]
    g = functions.transform(parent, a, b, h, k)
    assume(abs(b * (x - h)) > 1e-9 or functions.in_domain(parent.domain, np.zeros(1))[0])
    inside_g = functions.in_domain(g.domain, np.array([x]))[0]
    assert inside_g == functions.in_domain(parent.domain, np.array([b * (x - h)]))[0]


@SETTINGS
@given(parents, scale, scale, shift, shift)
def test_asymptotes_and_key_points_move_with_the_graph(name, a, b, h, k):
    parent = functions.PARENTS[name]
    g = functions.transform(parent, a, b, h, k)
    for (_, v), (x, y) in zip(parent.key_points, g.key_points, strict=True):
        assert g(np.array([x]))[0] == pytest.approx(y, rel=1e-9, abs=1e-9)
        assert y == pytest.approx(a * v + k)
    for x0 in g.vertical_asymptotes:  # |g| grows without bound towards x0, from its domain
        for direction in (-1, 1):
            near = x0 + direction * np.array([1e-2, 1e-5, 1e-8])
            if functions.in_domain(g.domain, near).all():
                size = np.abs(g(near) - k)
                assert np.all(np.diff(size) > 0) and size[-1] > 10 * abs(a)
    for y0 in g.horizontal_asymptotes:  # g levels off at y0 far out on some side
        far = np.array([h - 700 / abs(b), h + 700 / abs(b)])  # e^700 is still finite
        far = far[functions.in_domain(g.domain, far)]
        assert np.min(np.abs(g(far) - y0)) <= abs(a) / 700 + 1e-12  # 1/x is the slowest


@SETTINGS
@given(parents, scale, st.floats(-3, 3, allow_nan=False), shift, shift)
def test_sampled_transformations_never_cross_a_gap_and_never_warn(name, a, b, h, k):
    g = functions.transform(functions.PARENTS[name], a, b, h, k)
    x, y = functions.sample_curve(g, g.domain, (-8, 8))  # RuntimeWarnings would fail the test
    finite = np.isfinite(y)
    assert functions.in_domain(g.domain, x[finite]).all()
    np.testing.assert_allclose(y[finite], g(x[finite]))
    edges = [i.lower for i in g.domain] + [i.upper for i in g.domain] + list(g.vertical_asymptotes)
    for left, right in segments(x, y):
        assert not any(left < e < right for e in edges)


@pytest.mark.parametrize(
    ("name", "defined"), [("x²", True), ("√x", True), ("ln x", False), ("1/x", False)]
)
def test_b_zero_squeezes_the_graph_onto_f_of_zero(name, defined):
    g = functions.transform(functions.PARENTS[name], 2.0, 0.0, 1.0, 3.0)
    assert bool(g.domain) == defined
    if defined:
        x, y = functions.sample_curve(g, g.domain, (-8, 8))
        np.testing.assert_allclose(y, 2 * REFERENCE[name](0.0) + 3)


def test_a_vanishing_b_is_taken_as_zero():
    g = functions.transform(
        functions.PARENTS["1/x"], 1.0, 1e-300, 0.0, 0.0
    )  # 1/(bx) would overflow
    assert g.b == 0 and g.domain == ()
    g = functions.transform(functions.PARENTS["eˣ"], 2.0, -1e-9, 0.0, 1.0)
    x, y = functions.sample_curve(g, g.domain, (-8, 8))
    np.testing.assert_allclose(y, 3.0)  # e^(bx) is 1 to within 1e-8 over the chart anyway
