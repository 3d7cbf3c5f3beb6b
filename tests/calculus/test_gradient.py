"""The numbers of /gradients against independent references: central differences, sympy's
Hessian, numpy's eigenvalues, a level curve found by root-finding (scipy)."""

import math

import numpy as np
import pytest
import sympy
from scipy.optimize import brentq

from mathviz.calculus import gradient, surfaces
from mathviz.core import expressions

TYPED = ("x^2 - x*y + sin(y)", "exp(x/2)*cos(y) + y^3/5", "log(1 + x^2 + y^2)")
CASES = [(surfaces.SURFACES[n].expression, n) for n in surfaces.SURFACES] + [
    (surfaces.read(t), t) for t in TYPED
]
POINTS = [(0.7, -0.4), (-1.3, 0.9), (0.25, 1.6)]


def f_of(expr):
    return lambda x, y: float(expressions.evaluate(expr, x=x, y=y))


def central_gradient(f, x, y, h=1e-5):
    return np.array([(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)])


@pytest.mark.parametrize(("expr", "name"), CASES)
@pytest.mark.parametrize("point", POINTS)
def test_gradient_matches_central_differences(expr, name, point):
    facts = gradient.at_point(expr, *point)
    expected = central_gradient(f_of(expr), *point)
    np.testing.assert_allclose(facts.gradient, expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(("expr", "name"), CASES)
@pytest.mark.parametrize("point", POINTS)
def test_hessian_matches_finite_differences_and_sympy(expr, name, point):
    facts = gradient.at_point(expr, *point)
    h = 1e-5
    numeric = np.column_stack(
        [
            (central_gradient(f_of(expr), point[0] + h, point[1], 1e-4)
             - central_gradient(f_of(expr), point[0] - h, point[1], 1e-4)) / (2 * h),
            (central_gradient(f_of(expr), point[0], point[1] + h, 1e-4)
             - central_gradient(f_of(expr), point[0], point[1] - h, 1e-4)) / (2 * h),
        ]
    )  # fmt: skip
    np.testing.assert_allclose(facts.hessian, numeric, rtol=1e-3, atol=1e-3)
    x, y = sympy.symbols("x y", real=True)
    exact = sympy.hessian(expressions.to_sympy(expr), (x, y)).subs({x: point[0], y: point[1]})
    np.testing.assert_allclose(facts.hessian, np.array(exact, dtype=float), rtol=1e-10, atol=1e-10)
    assert facts.hessian[0, 1] == pytest.approx(facts.hessian[1, 0], rel=1e-12, abs=1e-12)


def level_tangent(f, x, y, radius=1e-3):
    """The level curve through (x, y) crosses a small circle around it twice: the chord between
    those crossings (found by brentq) is its tangent direction, to O(radius)."""
    c = f(x, y)
    angles = np.linspace(0, 2 * math.pi, 721)
    g = [f(x + radius * math.cos(a), y + radius * math.sin(a)) - c for a in angles]
    crossings = []
    for k in range(len(angles) - 1):
        if g[k] == 0 or g[k] * g[k + 1] < 0:
            a = brentq(
                lambda t: f(x + radius * math.cos(t), y + radius * math.sin(t)) - c,
                angles[k], angles[k + 1],
            )  # fmt: skip
            crossings.append(np.array([math.cos(a), math.sin(a)]))
    assert len(crossings) == 2
    chord = crossings[1] - crossings[0]
    return chord / np.hypot(*chord)


@pytest.mark.parametrize(("expr", "name"), CASES)
@pytest.mark.parametrize("point", POINTS)
def test_gradient_is_perpendicular_to_the_level_curve(expr, name, point):
    facts = gradient.at_point(expr, *point)
    if facts.slope < 1e-2:
        pytest.skip("too flat here for a clean level curve")
    tangent = level_tangent(f_of(expr), *point)
    assert abs(np.dot(facts.gradient / facts.slope, tangent)) < 5e-3


@pytest.mark.parametrize(("expr", "name"), CASES)
def test_directional_derivative_peaks_at_the_gradient(expr, name):
    facts = gradient.at_point(expr, 0.7, -0.4)
    thetas = np.linspace(0, 2 * math.pi, 200001)
    values = gradient.directional(facts, thetas)
    best = int(np.argmax(values))
    assert values[best] == pytest.approx(facts.slope, rel=1e-8, abs=1e-12)
    assert values.min() == pytest.approx(-facts.slope, rel=1e-8, abs=1e-12)
    if facts.slope > 1e-6:
        gap = (thetas[best] - facts.uphill + math.pi) % (2 * math.pi) - math.pi
        assert abs(gap) < 1e-4
        along = facts.uphill + math.pi / 2  # along the level curve
        assert gradient.directional(facts, along) == pytest.approx(
            0, abs=1e-12 + 1e-12 * facts.slope
        )
    # D_u f is the slope of f along u (a central difference along u)
    f = f_of(expr)
    u = np.array([math.cos(1.0), math.sin(1.0)])
    h = 1e-5
    slope = (f(0.7 + h * u[0], -0.4 + h * u[1]) - f(0.7 - h * u[0], -0.4 - h * u[1])) / (2 * h)
    assert gradient.directional(facts, 1.0) == pytest.approx(slope, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("name", surfaces.SURFACES)
def test_classification_on_the_registry(name):
    entry = surfaces.SURFACES[name]
    for x, y, kind in entry.critical:
        facts = gradient.at_point(entry.expression, x, y)
        assert facts.critical, (name, x, y, facts.gradient)
        bend = gradient.curvature(facts.hessian)
        assert bend.kind == kind, (name, x, y)
        reference = np.linalg.eigvalsh(facts.hessian)
        np.testing.assert_allclose(np.sort(bend.values), reference, atol=1e-12)
        for k in range(2):
            d = bend.directions[:, k]
            np.testing.assert_allclose(facts.hessian @ d, bend.values[k] * d, atol=1e-9)
    if entry.critical:
        facts = gradient.at_point(entry.expression, entry.window[0] + 0.3, entry.window[2] + 0.2)
        assert not facts.critical or name == "plane"


def test_classify_values():
    assert gradient.classify_values(np.array([2.0, 1.0]), 2.0) == "minimum"
    assert gradient.classify_values(np.array([-1.0, -3.0]), 3.0) == "maximum"
    assert gradient.classify_values(np.array([1.0, -1.0]), 1.0) == "saddle"
    assert gradient.classify_values(np.array([1.0, 0.0]), 1.0) == "silent"
    assert gradient.classify_values(np.array([0.0, 0.0]), 0.0) == "silent"
    assert gradient.curvature(np.zeros((2, 2))).kind == "silent"
    assert gradient.curvature(np.eye(2) * 3).kind == "minimum"


@pytest.mark.parametrize("name", ["valley", "Rosenbrock", "waves", "saddle"])
def test_link_entries_reproduce_the_hessian(name):
    entry = surfaces.SURFACES[name]
    facts = gradient.at_point(entry.expression, 0.37, 0.81)
    link = gradient.link_entries(facts.hessian)
    assert set(link) == {"a", "b", "c", "d"}
    rebuilt = np.array([[float(link["a"]), float(link["b"])], [float(link["c"]), float(link["d"])]])
    np.testing.assert_allclose(rebuilt, facts.hessian, rtol=1e-5, atol=1e-9)
    assert all("nan" not in v and "inf" not in v for v in link.values())


def test_link_entries_clamp_and_clean():
    link = gradient.link_entries(np.array([[1e9, 1e-20], [1e-20, -2.0]]))
    assert link == {"a": "1e+06", "b": "0", "c": "0", "d": "-2"}


def test_undefined_point_and_grid_gaps():
    expr = surfaces.read("log(x*y)")
    facts = gradient.at_point(expr, -1.0, 1.0)
    assert not facts.defined
    grid = gradient.surface_grid(expr, surfaces.TYPED_WINDOW)
    assert np.isnan(grid.z).any() and np.isfinite(grid.z).any()
    assert math.isfinite(grid.low) and math.isfinite(grid.high) and grid.low < grid.high
    pole = gradient.surface_grid(surfaces.read("1/(x^2 + y^2)"), (-1.0, 1.0, -1.0, 1.0))
    assert pole.high < 1e3  # the spike is cut off
    empty = gradient.surface_grid(surfaces.read("sqrt(-1 - x^2)"), surfaces.TYPED_WINDOW)
    assert empty.empty
    field = gradient.gradient_field(surfaces.read("sqrt(-1 - x^2)"), surfaces.TYPED_WINDOW)
    assert field.tails.shape == (0, 2)


def test_field_arrows_point_along_the_gradient_and_fit_their_cells():
    expr = surfaces.SURFACES["Rosenbrock"].expression
    window = surfaces.SURFACES["Rosenbrock"].window
    field = gradient.gradient_field(expr, window)
    cell = min(window[1] - window[0], window[3] - window[2]) / gradient.FIELD
    steps = field.heads - field.tails
    assert np.all(np.hypot(*steps.T) <= 0.9 * cell + 1e-12)
    for tail, step in zip(field.tails[:20], steps[:20], strict=True):
        g = gradient.at_point(expr, *tail).gradient
        g, step = g / np.hypot(*g), step / np.hypot(*step)
        assert g[0] * step[1] - g[1] * step[0] == pytest.approx(0, abs=1e-9)
        assert np.dot(g, step) > 0


@pytest.mark.parametrize("name", ["waves", "Rosenbrock", "valley", "hill"])
def test_the_drawn_level_curve_is_on_the_level_and_perpendicular_to_the_gradient(name):
    entry = surfaces.SURFACES[name]
    point = (0.7, -0.4) if name != "Rosenbrock" else (-0.5, 1.25)
    facts = gradient.at_point(entry.expression, *point)
    grid = gradient.surface_grid(entry.expression, entry.window)
    segments = gradient.level_segments(grid, facts.value)
    ends = segments.reshape(-1, 2)
    on = expressions.evaluate(entry.expression, x=ends[:, 0], y=ends[:, 1])
    spread = grid.high - grid.low
    assert np.max(np.abs(on - facts.value)) < 0.02 * spread  # linear interpolation on the grid
    middles = segments.mean(axis=1)
    nearest = segments[int(np.argmin(np.hypot(*(middles - np.array(point)).T)))]
    along = nearest[1] - nearest[0]
    along /= np.hypot(*along)
    assert abs(np.dot(along, facts.gradient / facts.slope)) < 0.1  # to the grid's resolution


def test_level_segments_of_nothing():
    grid = gradient.surface_grid(surfaces.read("x^2 + y^2"), surfaces.TYPED_WINDOW)
    assert gradient.level_segments(grid, -1.0).shape == (0, 2, 2)
    assert gradient.level_segments(grid, math.nan).shape == (0, 2, 2)
    saddle = gradient.surface_grid(surfaces.read("x*y"), (-1.0, 1.0, -1.0, 1.0))
    assert len(gradient.level_segments(saddle, 0.0)) > 0
