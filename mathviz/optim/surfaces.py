"""Loss surfaces for the optimisers: a registry of named surfaces, and the learner's own.

Every surface has a formula in x and y read by the one safe parser
(:mod:`mathviz.core.expressions`), so a named surface and a typed one are the same kind of
object: its LaTeX, and for a typed one its gradient and Hessian, come from the parsed tree.
A named surface also carries its value, gradient and Hessian written out in numpy (a path of
a thousand steps evaluates them a thousand times; the tests hold them to the tree's
derivatives and to finite differences), its known minima and a window that shows it well.

All functions take arrays ``x`` and ``y`` of one shape (a point, a batch of points, a grid)
and return arrays of that shape; a Hessian is ``(..., 2, 2)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mathviz.calculus import gradient
from mathviz.core import expressions
from mathviz.core.expressions import Expression, ExpressionError

VARIABLES = ("x", "y")
TYPED = "typed"
TYPED_WINDOW = (-3.0, 3.0, -3.0, 3.0)
Window = tuple[float, float, float, float]  # x low, x high, y low, y high
Field2 = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Surface:
    """One loss surface z = f(x, y).

    Attributes
    ----------
    name : as the page lists it.
    text : the formula in x and y (what the parser reads; the LaTeX comes from it).
    about : one sentence on what it teaches about optimisers.
    window : the region the page shows.
    minima : the known minimisers ((x, y), ...): the distance to the nearest is plotted.
    start : a start point that makes a good race.
    value, grad, hessian : f, ∇f (shape ``(..., 2)``) and the Hessian (``(..., 2, 2)``) at
        arrays x, y; for a typed surface, evaluated from the parsed tree.
    """

    name: str
    text: str
    about: str
    window: Window
    minima: tuple[tuple[float, float], ...]
    start: tuple[float, float]
    value: Field2 = field(repr=False, compare=False)
    grad: Field2 = field(repr=False, compare=False)
    hessian: Field2 = field(repr=False, compare=False)

    @property
    def expression(self) -> Expression:
        return _parsed(self.text)

    def nearest_minimum(self, point: np.ndarray) -> np.ndarray | None:
        """The known minimiser closest to ``point`` (``(..., 2)``), or None if none is known."""
        if not self.minima:
            return None
        minima = np.asarray(self.minima, dtype=float)
        distance = np.linalg.norm(np.asarray(point, float)[..., None, :] - minima, axis=-1)
        return minima[np.argmin(distance, axis=-1)]


def _stack(*parts: np.ndarray) -> np.ndarray:
    if type(parts[0]) is float:  # one point of a run (Python floats): 10x cheaper
        return np.array(parts, dtype=float)
    return np.stack(np.broadcast_arrays(*parts), axis=-1)


def _matrix(xx: np.ndarray, xy: np.ndarray, yy: np.ndarray) -> np.ndarray:
    xx, xy, yy = np.broadcast_arrays(xx, xy, yy)
    return np.stack([np.stack([xx, xy], -1), np.stack([xy, yy], -1)], -2)


# ---- The quadratic bowl: f = ½ pᵀ A p with A = R(angle) diag(λ₁, λ₂) R(angle)ᵀ ----------------


def bowl_matrix(l1: float, l2: float, angle_deg: float) -> np.ndarray:
    """The bowl's Hessian A: curvature ``l1`` along the direction at ``angle_deg`` and ``l2``
    across it."""
    a = np.radians(angle_deg)
    rotation = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return rotation @ np.diag([float(l1), float(l2)]) @ rotation.T


def _number(value: float) -> str:
    return f"({value:.17g})"


def bowl(l1: float = 1.0, l2: float = 10.0, angle_deg: float = 30.0) -> Surface:
    """The quadratic bowl with curvatures ``l1`` and ``l2`` (its condition number is
    l2 / l1 when l2 ≥ l1), turned by ``angle_deg``; its minimum is the origin."""
    a = bowl_matrix(l1, l2, angle_deg)
    axx, axy, ayy = float(a[0, 0]), float(a[0, 1]), float(a[1, 1])
    text = f"{_number(axx / 2)}*x^2 + {_number(axy)}*x*y + {_number(ayy / 2)}*y^2"
    return Surface(
        name="Quadratic bowl",
        text=text,
        about="A bowl whose two curvatures you set: their ratio, the condition number, is what "
        "makes plain gradient descent zig-zag.",
        window=(-3.0, 3.0, -3.0, 3.0),
        minima=((0.0, 0.0),),
        start=(-2.5, 1.5),
        value=lambda x, y: 0.5 * (axx * x * x + 2 * axy * x * y + ayy * y * y),
        grad=lambda x, y: _stack(axx * x + axy * y, axy * x + ayy * y),
        hessian=lambda x, y: _matrix(
            np.full(np.shape(x), axx), np.full(np.shape(x), axy), np.full(np.shape(x), ayy)
        ),
    )


# ---- The named surfaces ---------------------------------------------------------------------


def _rosenbrock() -> Surface:
    return Surface(
        name="Rosenbrock",
        text="(1 - x)^2 + 100*(y - x^2)^2",
        about="A curved valley with a flat floor: easy to reach, slow to follow to its minimum "
        "at (1, 1).",
        window=(-2.0, 2.0, -1.0, 3.0),
        minima=((1.0, 1.0),),
        start=(-1.5, 2.0),
        value=lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        grad=lambda x, y: _stack(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
        hessian=lambda x, y: _matrix(2 - 400 * (y - 3 * x * x), -400 * x, 200 + 0 * x),
    )


HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.283185991286170),
    (3.584428340330492, -1.848126526964404),
)


def _himmelblau() -> Surface:
    def grad(x, y):
        u, v = x * x + y - 11, x + y * y - 7
        return _stack(4 * x * u + 2 * v, 2 * u + 4 * y * v)

    def hessian(x, y):
        return _matrix(12 * x * x + 4 * y - 42, 4 * (x + y), 4 * x + 12 * y * y - 26)

    return Surface(
        name="Himmelblau",
        text="(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        about="Four minima of the same depth: which one you reach depends on where you start "
        "and on the optimiser.",
        window=(-5.0, 5.0, -5.0, 5.0),
        minima=HIMMELBLAU_MINIMA,
        start=(0.0, 0.0),
        value=lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        grad=grad,
        hessian=hessian,
    )


def _saddle() -> Surface:
    return Surface(
        name="Saddle",
        text="x^2/2 + y^4/4 - y^2/2",
        about="A saddle point at the origin between two pits at (0, ±1): started on the ridge, "
        "plain gradient descent creeps; momentum and Adam get away faster.",
        window=(-2.0, 2.0, -2.0, 2.0),
        minima=((0.0, 1.0), (0.0, -1.0)),
        start=(-1.8, 0.001),
        value=lambda x, y: x * x / 2 + y**4 / 4 - y * y / 2,
        grad=lambda x, y: _stack(x, y**3 - y),
        hessian=lambda x, y: _matrix(1 + 0 * x, 0 * x, 3 * y * y - 1),
    )


def _beale() -> Surface:
    def parts(x, y):
        return 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y**3

    def grad(x, y):
        a, b, c = parts(x, y)
        gx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y**3 - 1)
        gy = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y
        return _stack(gx, gy)

    def hessian(x, y):
        a, b, c = parts(x, y)
        xx = 2 * (y - 1) ** 2 + 2 * (y * y - 1) ** 2 + 2 * (y**3 - 1) ** 2
        xy = (
            2 * x * (y - 1) + 2 * a
            + 4 * x * y * (y * y - 1) + 4 * b * y
            + 6 * x * y * y * (y**3 - 1) + 6 * c * y * y
        )  # fmt: skip
        yy = 2 * x * x + 8 * x * x * y * y + 4 * b * x + 18 * x * x * y**4 + 12 * c * x * y
        return _matrix(xx, xy, yy)

    return Surface(
        name="Beale",
        text="(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        about="Steep walls and a flat, bent floor that leads to (3, 0.5): gradients span many "
        "orders of magnitude, which adaptive steps handle.",
        window=(-4.5, 4.5, -4.5, 4.5),
        minima=((3.0, 0.5),),
        start=(-1.0, 1.5),
        value=lambda x, y: sum(p * p for p in parts(x, y)),
        grad=grad,
        hessian=hessian,
    )


def _plateau() -> Surface:
    def value(x, y):
        return 1 - np.exp(-(x * x + y * y) / 2)

    def grad(x, y):
        e = np.exp(-(x * x + y * y) / 2)
        return _stack(x * e, y * e)

    def hessian(x, y):
        e = np.exp(-(x * x + y * y) / 2)
        return _matrix((1 - x * x) * e, -x * y * e, (1 - y * y) * e)

    return Surface(
        name="Plateau",
        text="1 - exp(-(x^2 + y^2)/2)",
        about="Almost flat far from its one well: the gradient there is tiny, so plain steps "
        "crawl while Adam's normalised steps keep their size.",
        window=(-4.0, 4.0, -4.0, 4.0),
        minima=((0.0, 0.0),),
        start=(-3.5, 3.0),
        value=value,
        grad=grad,
        hessian=hessian,
    )


def _rastrigin() -> Surface:
    tau = 2 * np.pi

    def value(x, y):
        return 20 + x * x - 10 * np.cos(tau * x) + y * y - 10 * np.cos(tau * y)

    def grad(x, y):
        return _stack(2 * x + 10 * tau * np.sin(tau * x), 2 * y + 10 * tau * np.sin(tau * y))

    def hessian(x, y):
        k = 10 * tau * tau
        return _matrix(2 + k * np.cos(tau * x), 0 * x, 2 + k * np.cos(tau * y))

    return Surface(
        name="Rastrigin",
        text="20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
        about="An egg box of local minima around the global one at the origin: gradient "
        "methods stop in the nearest dimple.",
        window=(-4.0, 4.0, -4.0, 4.0),
        minima=((0.0, 0.0),),
        start=(-2.7, 2.2),
        value=value,
        grad=grad,
        hessian=hessian,
    )


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (bowl(), _rosenbrock(), _himmelblau(), _saddle(), _beale(), _plateau(), _rastrigin())
}
BOWL = "Quadratic bowl"


# ---- The learner's surface --------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> Expression:
    return expressions.parse(text, VARIABLES)


def _evaluated(tree: Expression, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    shape = np.broadcast_shapes(np.shape(x), np.shape(y))
    with np.errstate(all="ignore"):
        return np.broadcast_to(expressions.evaluate(tree, x=x, y=y), shape).astype(float)


def from_expression(expr: Expression, window: Window = TYPED_WINDOW) -> Surface:
    """A surface from a parsed f(x, y): value, gradient and Hessian from the tree (the
    derivatives /gradients uses, :mod:`mathviz.calculus.gradient`). No minima are known."""
    fx, fy = gradient.partials(expr)
    fxx, fxy, _, fyy = gradient.second_partials(expr)
    return Surface(
        name=TYPED,
        text=expressions.to_text(expr),
        about="Your function.",
        window=window,
        minima=(),
        start=(0.5 * window[0], 0.5 * window[3]),
        value=lambda x, y: _evaluated(expr, x, y),
        grad=lambda x, y: _stack(_evaluated(fx, x, y), _evaluated(fy, x, y)),
        hessian=lambda x, y: _matrix(
            _evaluated(fxx, x, y), _evaluated(fxy, x, y), _evaluated(fyy, x, y)
        ),
    )


def read(text: str) -> Surface:
    """A typed f(x, y) as a surface; ``ValueError`` (with the column) on a bad text."""
    try:
        return from_expression(_parsed(text))
    except ExpressionError as error:
        raise ValueError(str(error)) from None
