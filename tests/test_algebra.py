"""mathviz.algebra against numpy, scipy and the definitions.

Expected values come from elsewhere than the code under test: numpy's own functions (sqrt,
log, log2, log10, roots, poly), scipy.special (expit, softmax, log_expit), the identity
σ(z) = (1 + tanh(z/2))/2, and the definition of a transformation applied point by point.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy import special

from mathviz import algebra

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The parent functions written with numpy directly, as a reference for PARENTS.
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
parents = st.sampled_from(list(algebra.PARENTS))
scale = st.floats(-3, 3, allow_nan=False).filter(lambda v: abs(v) > 0.05)
shift = st.floats(-5, 5, allow_nan=False)


def segments(x: np.ndarray, y: np.ndarray) -> list[tuple[float, float]]:
    """The (x₁, x₂) of every line segment a plot draws: both ends finite."""
    drawn = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    return list(zip(x[:-1][drawn], x[1:][drawn], strict=True))


# --- domains and sampling ---------------------------------------------------------------------


def test_intervals():
    closed = algebra.Interval(0.0, algebra.INF, closed_lower=True)
    np.testing.assert_array_equal(closed.contains([-1, 0, 1e9]), [False, True, True])
    assert closed.latex() == r"[0, \infty)"
    assert algebra.Interval(-2.5, 1.0, False, True).latex() == "(-2.5, 1]"
    both = (algebra.Interval(-algebra.INF, 0.0), algebra.Interval(0.0, algebra.INF))
    np.testing.assert_array_equal(algebra.in_domain(both, [-1, 0, 1]), [True, False, True])
    assert algebra.domain_latex(both) == r"(-\infty, 0) \cup (0, \infty)"
    assert algebra.domain_latex(()) == r"\varnothing"
    assert algebra.domain_latex(algebra.REALS) == r"\mathbb{R}"


@pytest.mark.parametrize("name", list(algebra.PARENTS))
def test_parents_are_the_functions_they_claim_to_be(name):
    parent = algebra.PARENTS[name]
    u = np.linspace(-6, 6, 1201)
    inside = algebra.in_domain(parent.domain, u)
    np.testing.assert_allclose(parent.function(u[inside]), REFERENCE[name](u[inside]))
    for x, y in parent.key_points:
        assert parent.function(np.array([float(x)]))[0] == pytest.approx(y)


def test_sampling_stays_in_the_domain_and_is_broken_at_gaps():
    parent = algebra.PARENTS["1/x"]
    x, y = algebra.sample_curve(parent.function, parent.domain, (-8, 8))
    finite = np.isfinite(y)
    assert algebra.in_domain(parent.domain, x[finite]).all()
    np.testing.assert_allclose(y[finite], 1 / x[finite])
    assert not any(a < 0 < b for a, b in segments(x, y)), "no line across the asymptote"
    assert np.nanmax(y) > 1e6 and np.nanmin(y) < -1e6, "the curve runs off the chart"


def test_sampling_keeps_closed_endpoints_and_approaches_open_ones():
    sqrt = algebra.PARENTS["√x"]
    x, y = algebra.sample_curve(sqrt.function, sqrt.domain, (-8, 8))
    assert x[0] == 0.0 and y[0] == 0.0  # √x starts on its endpoint
    ln = algebra.PARENTS["ln x"]
    x, y = algebra.sample_curve(ln.function, ln.domain, (-8, 8))
    assert 0 < x[0] < 1e-8 and y[0] < -18  # ln x dives along the asymptote x = 0
    assert x[-1] == 8.0
    assert algebra.sample_curve(np.sqrt, (algebra.Interval(9.0, 10.0),), (-8, 8))[0].size == 0


# --- transformations --------------------------------------------------------------------------


@SETTINGS
@given(parents, scale, scale, shift, shift, st.floats(-10, 10, allow_nan=False))
def test_transform_moves_each_point_where_the_definition_says(name, a, b, h, k, u):
    parent = algebra.PARENTS[name]
    assume(algebra.in_domain(parent.domain, np.array([u]))[0])
    assume(u == 0 or abs(u) > 1e-6)  # else h + u/b rounds to h and u is lost
    g = algebra.transform(parent, a, b, h, k)
    x = h + u / b  # g(x) = a f(b(x - h)) + k, and b(x - h) = u
    assert algebra.in_domain(g.domain, np.array([x]))[0]
    expected = a * REFERENCE[name](np.float64(u)) + k
    assert g(np.array([x]))[0] == pytest.approx(expected, rel=1e-9, abs=1e-9)


@SETTINGS
@given(parents, scale, scale, shift, shift, st.floats(-20, 20, allow_nan=False))
def test_the_transformed_domain_is_where_the_parent_is_defined(name, a, b, h, k, x):
    parent = algebra.PARENTS[name]
    g = algebra.transform(parent, a, b, h, k)
    assume(abs(b * (x - h)) > 1e-9 or algebra.in_domain(parent.domain, np.zeros(1))[0])
    inside_g = algebra.in_domain(g.domain, np.array([x]))[0]
    assert inside_g == algebra.in_domain(parent.domain, np.array([b * (x - h)]))[0]


@SETTINGS
@given(parents, scale, scale, shift, shift)
def test_asymptotes_and_key_points_move_with_the_graph(name, a, b, h, k):
    parent = algebra.PARENTS[name]
    g = algebra.transform(parent, a, b, h, k)
    for (_, v), (x, y) in zip(parent.key_points, g.key_points, strict=True):
        assert g(np.array([x]))[0] == pytest.approx(y, rel=1e-9, abs=1e-9)
        assert y == pytest.approx(a * v + k)
    for x0 in g.vertical_asymptotes:  # |g| grows without bound towards x0, from its domain
        for direction in (-1, 1):
            near = x0 + direction * np.array([1e-2, 1e-5, 1e-8])
            if algebra.in_domain(g.domain, near).all():
                size = np.abs(g(near) - k)
                assert np.all(np.diff(size) > 0) and size[-1] > 10 * abs(a)
    for y0 in g.horizontal_asymptotes:  # g levels off at y0 far out on some side
        far = np.array([h - 700 / abs(b), h + 700 / abs(b)])  # e^700 is still finite
        far = far[algebra.in_domain(g.domain, far)]
        assert np.min(np.abs(g(far) - y0)) <= abs(a) / 700 + 1e-12  # 1/x is the slowest


@SETTINGS
@given(parents, scale, st.floats(-3, 3, allow_nan=False), shift, shift)
def test_sampled_transformations_never_cross_a_gap_and_never_warn(name, a, b, h, k):
    g = algebra.transform(algebra.PARENTS[name], a, b, h, k)
    x, y = algebra.sample_curve(g, g.domain, (-8, 8))  # RuntimeWarnings would fail the test
    finite = np.isfinite(y)
    assert algebra.in_domain(g.domain, x[finite]).all()
    np.testing.assert_allclose(y[finite], g(x[finite]))
    edges = [i.lower for i in g.domain] + [i.upper for i in g.domain] + list(g.vertical_asymptotes)
    for left, right in segments(x, y):
        assert not any(left < e < right for e in edges)


@pytest.mark.parametrize(
    ("name", "defined"), [("x²", True), ("√x", True), ("ln x", False), ("1/x", False)]
)
def test_b_zero_squeezes_the_graph_onto_f_of_zero(name, defined):
    g = algebra.transform(algebra.PARENTS[name], 2.0, 0.0, 1.0, 3.0)
    assert bool(g.domain) == defined
    if defined:
        x, y = algebra.sample_curve(g, g.domain, (-8, 8))
        np.testing.assert_allclose(y, 2 * REFERENCE[name](0.0) + 3)


def test_a_vanishing_b_is_taken_as_zero():
    g = algebra.transform(algebra.PARENTS["1/x"], 1.0, 1e-300, 0.0, 0.0)  # 1/(bx) would overflow
    assert g.b == 0 and g.domain == ()
    g = algebra.transform(algebra.PARENTS["eˣ"], 2.0, -1e-9, 0.0, 1.0)
    x, y = algebra.sample_curve(g, g.domain, (-8, 8))
    np.testing.assert_allclose(y, 3.0)  # e^(bx) is 1 to within 1e-8 over the chart anyway


@pytest.mark.parametrize(
    ("name", "args", "latex"),
    [
        ("x²", (1, 1, 0, 0), "g(x) = x^2"),
        ("x²", (2, 1, 3, -1), r"g(x) = 2\left(x - 3\right)^2 - 1"),
        ("√x", (-1, -1, 0, 0), r"g(x) = -\sqrt{-x}"),
        ("ln x", (1, -1, 2, 0.5), r"g(x) = \ln\left(-(x - 2)\right) + 0.5"),
        ("1/x", (0.5, 2, -1, 0), r"g(x) = 0.5\frac{1}{2(x + 1)}"),
        ("sin x", (0, 3, 1, 2), "g(x) = 2"),
    ],
)
def test_transformed_latex(name, args, latex):
    assert algebra.transformed_latex(algebra.transform(algebra.PARENTS[name], *args)) == latex


def test_transformation_view_explains_the_domain_and_asymptotes():
    view = algebra.transformation_view(algebra.PARENTS["ln x"], 2.0, -1.0, 1.0, -1.0)
    assert view.asymptotes == "x = 1"
    assert r"\text{domain of g} = (-\infty, 1)" in view.latex
    assert algebra.transformation_view(algebra.PARENTS["x²"], 1, 1, 0, 0).asymptotes == "none"


# --- polynomials ------------------------------------------------------------------------------

coefficient = st.floats(-5, 5, allow_nan=False).map(lambda v: round(v * 2) / 2)


@SETTINGS
@given(st.lists(coefficient, min_size=5, max_size=5))
def test_roots_agree_with_numpy_and_rebuild_the_polynomial(c):
    trimmed = algebra.trim(c)
    assume(trimmed.size >= 2)
    roots = algebra.polynomial_roots(c)
    assert roots.size == trimmed.size - 1
    reference = np.roots(trimmed)  # numpy's own routine

    def tidy(r):  # the same multiset, in an order rounding cannot shuffle
        return sorted(r, key=lambda z: (round(z.real, 4), round(z.imag, 4)))

    np.testing.assert_allclose(
        tidy(roots), tidy(reference), atol=1e-5 * (1 + np.abs(reference).max())
    )
    # c₀ ∏ (x - r) has the original coefficients.
    np.testing.assert_allclose(trimmed[0] * np.poly(roots).real, trimmed, atol=1e-6)
    assert np.all(np.diff(roots.real) >= -1e-12)  # sorted by real part


def test_known_roots_real_and_complex():
    roots = algebra.polynomial_roots([0, 1, -2, 1, -2])  # (x - 2)(x² + 1)
    np.testing.assert_allclose(roots, [-1j, 1j, 2], atol=1e-12)
    np.testing.assert_array_equal(algebra.is_real(roots), [False, False, True])
    triple = algebra.polynomial_roots([0, 1, -3, 3, -1])  # (x - 1)³: solver error ~ 6e-6
    assert algebra.is_real(triple).all()
    assert algebra.polynomial_roots([0, 0, 0, 0, 3]).size == 0
    assert algebra.polynomial_roots([0, 0, 0, 0, 0]).size == 0


def test_polynomial_values_is_horner():
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(
        algebra.polynomial_values([2, 0, -1, 5], x), np.polyval([2, 0, -1, 5], x)
    )


@pytest.mark.parametrize(
    ("c", "expanded", "factored"),
    [
        ([0, 1, -2, 1, -2], "x^3 - 2x^2 + x - 2", "(x + i)(x - i)(x - 2)"),
        ([0, 0, -0.5, 0, 2], "-0.5x^2 + 2", "-0.5(x + 2)(x - 2)"),
        ([0, 0, 1, -1, 0], "x^2 - x", "x(x - 1)"),
        ([1, 0, 0, 0, 1], "x^4 + 1", None),
        ([0, 0, 0, 0, 3], "3", "3"),
        ([0, 0, 0, 0, 0], "0", "0"),
    ],
)
def test_polynomial_latex(c, expanded, factored):
    assert algebra.polynomial_latex(c) == expanded
    if factored is not None:
        assert algebra.factored_latex(c) == factored


def test_root_latex():
    assert algebra.root_latex(2 + 0j) == "2"
    assert algebra.root_latex(-1j) == "-i"
    assert algebra.root_latex(0.5 + 1.3229j) == "0.5 + 1.323i"
    assert algebra.root_latex(-0.707 - 0.707j) == "-0.707 - 0.707i"


@SETTINGS
@given(st.lists(coefficient, min_size=5, max_size=5))
def test_the_view_shows_every_real_root(c):
    assume(algebra.trim(c).size >= 2)
    view = algebra.polynomial_view(c)
    real_roots = view.roots.real[view.real]
    assert np.all((view.x[0] <= real_roots) & (real_roots <= view.x[-1]))
    np.testing.assert_allclose(view.y, np.polyval(algebra.trim(c), view.x))
    low, high = view.y_range
    assert low < 0 < high and low == -high


def test_zero_polynomial_view():
    view = algebra.polynomial_view([0, 0, 0, 0, 0])
    assert view.is_zero and view.roots_latex == "none"
    np.testing.assert_array_equal(view.y, 0.0)


# --- exp and log ------------------------------------------------------------------------------


@SETTINGS
@given(st.sampled_from(list(algebra.EXP_BASES)), st.floats(-3, 3, allow_nan=False))
def test_log_undoes_exp_and_the_pair_mirrors_in_y_equals_x(name, x):
    base = algebra.EXP_BASES[name]
    exp_f, log_f = algebra.exponential(base), algebra.logarithm(base)
    y = exp_f.function(np.array([x]))[0]
    assert log_f.function(np.array([y]))[0] == pytest.approx(x, abs=1e-12)
    (px, py), (qx, qy) = algebra.mirror_pair(base, x)
    assert (px, py) == (qx, qy)[::-1]
    assert py == pytest.approx(base**x)


def test_logarithms_match_numpys():
    x = np.geomspace(1e-6, 1e6, 50)
    np.testing.assert_allclose(algebra.logarithm(2.0).function(x), np.log2(x))
    np.testing.assert_allclose(algebra.logarithm(10.0).function(x), np.log10(x))
    np.testing.assert_allclose(algebra.logarithm(0.5).function(x), -np.log2(x))


@SETTINGS
@given(st.floats(1, 10), st.floats(1, 10))
def test_log_turns_products_into_sums(x1, x2):
    view = algebra.product_view(x1, x2)
    assert view.logs.sum() == pytest.approx(np.log10(x1 * x2))
    assert view.product == pytest.approx(x1 * x2)
    assert 0 <= view.logs.sum() <= view.tick_positions[-1]  # it lands on the scale


def test_log_ticks():
    values, positions = algebra.log_ticks(2)
    assert values[0] == 1 and values[-1] == 100 and len(values) == 19
    np.testing.assert_allclose(10**positions, values)


def test_exp_log_view():
    view = algebra.exp_log_view("2", 1.0)
    assert view.pair == ((1.0, 2.0), (2.0, 1.0)) and view.pair_visible
    assert view.latex == r"2^{1} = 2 \iff \log_{2} 2 = 1"
    assert not algebra.exp_log_view("10", 2.0).pair_visible  # 10² = 100: off a chart to 6
    x, y = view.log_curve
    assert np.nanmin(x) > 0


# --- sigmoid, softmax, log-loss ---------------------------------------------------------------


@SETTINGS
@given(st.floats(-700, 700, allow_nan=False))
def test_sigmoid_is_half_of_one_plus_tanh(z):
    assert algebra.sigmoid(z) == pytest.approx((1 + np.tanh(z / 2)) / 2, abs=1e-15)
    assert algebra.sigmoid(-z) == pytest.approx(1 - algebra.sigmoid(z), abs=1e-15)


def test_sigmoid_and_log_loss_never_overflow():
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])  # RuntimeWarnings would fail the test
    np.testing.assert_array_equal(algebra.sigmoid(z), [0.0, 0.0, 0.5, 1.0, 1.0])
    np.testing.assert_allclose(algebra.log_loss_from_logit(z, 1), [1e4, 800, np.log(2), 0, 0])


logits = st.lists(st.floats(-30, 30, allow_nan=False), min_size=2, max_size=6)


@SETTINGS
@given(logits, st.floats(0.1, 5))
def test_softmax_matches_scipy_and_ignores_shifts(z, temperature):
    p = algebra.softmax(z, temperature)
    np.testing.assert_allclose(p, special.softmax(np.array(z) / temperature), rtol=1e-12)
    assert p.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(algebra.softmax(np.array(z) + 17.0, temperature), p, atol=1e-12)


@SETTINGS
@given(logits, st.floats(0.1, 5))
def test_two_classes_out_of_many_are_a_sigmoid_of_the_difference(z, temperature):
    view = algebra.softmax_view(z, temperature)
    assert view.pair_probability == pytest.approx(
        special.expit((z[0] - z[1]) / temperature), abs=1e-12
    )
    assert view.difference == pytest.approx((z[0] - z[1]) / temperature)


def test_temperature_sharpens_and_flattens():
    z = [2.0, 1.0, -1.0]
    assert algebra.softmax(z, 0.1)[0] > 0.99
    assert np.ptp(algebra.softmax(z, 100.0)) < 0.02
    with pytest.raises(ValueError):
        algebra.softmax(z, 0.0)


@SETTINGS
@given(st.floats(-30, 30, allow_nan=False), st.sampled_from([0, 1]))
def test_log_loss_from_the_logit_is_minus_log_sigmoid(z, label):
    from_logit = algebra.log_loss_from_logit(z, label)
    expected = -special.log_expit(z if label == 1 else -z)
    assert from_logit == pytest.approx(expected, rel=1e-12, abs=1e-300)
    # Through p = σ(z) the same loss, where p keeps enough digits (which is why models
    # hand the loss their logits).
    assume(1e-6 < special.expit(z) < 1 - 1e-6)
    assert algebra.log_loss(special.expit(z), label) == pytest.approx(from_logit, rel=1e-6)


def test_log_loss_curve_runs_off_at_the_confidently_wrong_end():
    for label, wrong in ((1, 0.0), (0, 1.0)):
        curve = algebra.log_loss_curve(label)
        assert curve.vertical_asymptotes == (wrong,)
        p, loss = algebra.sample_curve(curve.function, curve.domain, (0.0, 1.0))
        assert np.all((p > 0) & (p < 1))
        assert loss[np.argmin(np.abs(p - wrong))] > 15  # the loss climbs the asymptote
        np.testing.assert_allclose(loss, -np.log(p if label else 1 - p))


def test_log_loss_view():
    view = algebra.log_loss_view(1.0, 1)
    assert view.probability == pytest.approx(special.expit(1.0))
    assert view.loss == pytest.approx(-np.log(special.expit(1.0)))
    assert view.asymptote == 0.0 and r"\log(1 + e^{-z})" in view.latex
