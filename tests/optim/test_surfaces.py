"""Loss surfaces: each closed form against the parsed formula's own derivatives and against
finite differences; the known minima are minima."""

import numpy as np
import pytest

from mathviz.core import expressions
from mathviz.optim import surfaces

NAMED = list(surfaces.SURFACES.values())
BOWLS = [surfaces.bowl(1.0, 10.0, 30.0), surfaces.bowl(0.3, 4.0, -75.0), surfaces.bowl(2.0, 2.0)]


def points(surface, n=12, seed=0):
    rng = np.random.default_rng(seed)
    x0, x1, y0, y1 = surface.window
    return rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)


@pytest.mark.parametrize("surface", NAMED + BOWLS, ids=lambda s: s.name)
def test_value_gradient_and_hessian_match_the_formula(surface):
    x, y = points(surface)
    tree = surface.expression
    assert np.allclose(surface.value(x, y), expressions.evaluate(tree, x=x, y=y), rtol=1e-12)
    fx, fy = (expressions.derivative(tree, v) for v in ("x", "y"))
    grad = surface.grad(x, y)
    assert grad.shape == (len(x), 2)
    assert np.allclose(grad[:, 0], expressions.evaluate(fx, x=x, y=y), rtol=1e-10, atol=1e-9)
    assert np.allclose(grad[:, 1], expressions.evaluate(fy, x=x, y=y), rtol=1e-10, atol=1e-9)
    hess = surface.hessian(x, y)
    assert hess.shape == (len(x), 2, 2)
    for i, first in enumerate((fx, fy)):
        for j, var in enumerate(("x", "y")):
            exact = expressions.evaluate(expressions.derivative(first, var), x=x, y=y)
            assert np.allclose(hess[:, i, j], exact, rtol=1e-10, atol=1e-8)


@pytest.mark.parametrize("surface", NAMED + BOWLS, ids=lambda s: s.name)
def test_gradient_and_hessian_match_central_differences(surface):
    x, y = points(surface, seed=1)
    h = 1e-6
    grad = surface.grad(x, y)
    numeric = np.stack(
        [
            (surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h),
            (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h),
        ],
        -1,
    )
    scale = 1 + np.abs(surface.value(x, y))[:, None]
    assert np.all(np.abs(grad - numeric) <= 1e-6 * scale)
    hess = surface.hessian(x, y)
    rows = np.stack(
        [
            (surface.grad(x + h, y) - surface.grad(x - h, y)) / (2 * h),
            (surface.grad(x, y + h) - surface.grad(x, y - h)) / (2 * h),
        ],
        -1,
    )  # rows[k, i, j] = ∂g_i/∂x_j
    assert np.all(np.abs(hess - rows) <= 1e-5 * (1 + np.abs(hess)))
    assert np.allclose(hess, np.swapaxes(hess, -1, -2))


@pytest.mark.parametrize("surface", NAMED, ids=lambda s: s.name)
def test_known_minima_are_minima_inside_the_window(surface):
    x0, x1, y0, y1 = surface.window
    assert x0 <= surface.start[0] <= x1 and y0 <= surface.start[1] <= y1
    for mx, my in surface.minima:
        assert x0 <= mx <= x1 and y0 <= my <= y1
        assert np.allclose(surface.grad(np.array(mx), np.array(my)), 0.0, atol=1e-9)
        assert np.all(np.linalg.eigvalsh(surface.hessian(np.array(mx), np.array(my))) > 0)


def test_himmelblau_has_four_minima_of_value_zero_and_the_nearest_is_found():
    s = surfaces.SURFACES["Himmelblau"]
    assert len(s.minima) == 4
    for mx, my in s.minima:
        assert abs(float(s.value(np.array(mx), np.array(my)))) < 1e-20
    assert tuple(s.nearest_minimum(np.array([-3.0, 3.0]))) == pytest.approx(s.minima[1])
    batch = s.nearest_minimum(np.array([[3.1, 2.1], [3.5, -2.0]]))
    assert batch.shape == (2, 2) and tuple(batch[1]) == pytest.approx(s.minima[3])


def test_bowl_has_the_curvatures_it_is_given_along_the_turned_axes():
    a = surfaces.bowl_matrix(1.0, 10.0, 30.0)
    values, vectors = np.linalg.eigh(a)
    assert values == pytest.approx([1.0, 10.0])
    direction = np.array([np.cos(np.radians(30.0)), np.sin(np.radians(30.0))])
    assert abs(abs(vectors[:, 0] @ direction) - 1) < 1e-12  # λ₁ along the angle
    s = surfaces.bowl(1.0, 10.0, 30.0)
    assert np.allclose(s.hessian(np.array(0.3), np.array(-2.0)), a)


def test_typed_surface_uses_the_parser_and_reports_bad_text():
    s = surfaces.read("x^2 + 3*x*y + sin(y)")
    x, y = np.array([0.5, -1.0]), np.array([2.0, 0.25])
    assert np.allclose(s.grad(x, y), np.stack([2 * x + 3 * y, 3 * x + np.cos(y)], -1))
    assert np.allclose(s.hessian(x, y)[:, 1, 1], -np.sin(y))
    assert s.minima == () and s.nearest_minimum(np.zeros(2)) is None
    assert s.grad(np.array(0.0), np.array(0.0)).shape == (2,)
    with pytest.raises(ValueError, match="column"):
        surfaces.read("x^2 + 2y")
    with pytest.raises(ValueError):
        surfaces.read("__import__('os')")
