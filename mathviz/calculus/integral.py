"""Integrals, numerically: five Riemann-type rules, their orders, and the accumulated area.

Every function is a tree of :mod:`mathviz.core.expressions` (hashable), so the heavy work is
cached on ``(expression, a, b, ...)``. The reference value of every integral is
:func:`scipy.integrate.quad`; an interval where ``f`` is undefined or blows up gets a sentence
(:func:`trouble`) and no numbers.
"""

from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import integrate

from mathviz.core import expressions
from mathviz.core.expressions import Expression

RULES = ("left", "right", "midpoint", "trapezoid", "Simpson")
ORDERS = {"left": 1, "right": 1, "midpoint": 2, "trapezoid": 2, "Simpson": 4}
MAX_PIECES = 200
CHECK_POINTS = 4001  # the grid on which f must be finite for the interval to be shown
BLOW_UP = 1e8  # |f| beyond this on the interval: treated as a pole
PARABOLA_POINTS = 9  # samples of each of Simpson's parabolas, for the picture


def values(expr: Expression, x: np.ndarray) -> np.ndarray:
    """f at ``x`` (float64, NaN/inf where undefined)."""
    return expressions.evaluate(expr, x=np.asarray(x, dtype=float))


def _scalar(expr: Expression):
    return lambda u: float(values(expr, np.array(u)))


# --- what cannot be integrated -----------------------------------------------------------


@functools.lru_cache(maxsize=128)
def trouble(expr: Expression, a: float, b: float, breaks: tuple[float, ...] = ()) -> str | None:
    """Why ``∫_a^b f`` is not shown (a sentence), or None when it is a proper integral;
    ``breaks`` are known kinks and jumps (quad is told of them)."""
    if a == b:
        return (
            "a = b: the interval is a single point, so there is nothing to add up "
            "(the integral is 0). Move b to the right of a."
        )
    if a > b:
        return (
            "a > b: choose b to the right of a. (By convention ∫ₐᵇ f = −∫ᵦₐ f, the same area "
            "counted backwards.)"
        )
    x = np.linspace(a, b, CHECK_POINTS)
    y = values(expr, x)
    bad = ~np.isfinite(y)
    if bad.any():
        where = float(x[np.argmax(bad)])
        return (
            f"f is not defined at x = {_plain(where)} in [a, b] (a pole, or outside its domain, "
            "like log x for x ≤ 0): ∫ₐᵇ f is not an ordinary integral there. Move a or b."
        )
    if np.max(np.abs(y)) > BLOW_UP:
        where = float(x[np.argmax(np.abs(y))])
        return (
            f"f blows up near x = {_plain(where)} in [a, b] (a pole): the area is not finite or "
            "not an ordinary integral. Move a or b."
        )
    if exact(expr, a, b, breaks) is None:
        where = float(x[np.argmax(np.abs(y))])
        return (
            f"The integral does not settle: f seems to blow up near x = {_plain(where)} (a pole "
            "inside [a, b], where the area is not an ordinary integral). Move a or b."
        )
    return None


def _plain(x: float) -> str:
    from mathviz.core import numbers

    return numbers.text(x, places=2)  # a pole found on a grid: to the grid's precision


@functools.lru_cache(maxsize=256)
def exact(
    expr: Expression, a: float, b: float, breaks: tuple[float, ...] = ()
) -> tuple[float, float] | None:
    """``scipy.integrate.quad`` of f on [a, b]: (value, its error estimate), or None when
    quad warns that it did not converge (a pole or an oscillation it cannot resolve)."""
    if a == b:
        return 0.0, 0.0
    inside = tuple(p for p in breaks if a < p < b) or None
    with warnings.catch_warnings():
        warnings.simplefilter("error", integrate.IntegrationWarning)
        try:
            value, error = integrate.quad(
                _scalar(expr), a, b, points=inside, limit=200, epsabs=1e-13, epsrel=1e-13
            )
        except integrate.IntegrationWarning:
            return None
    if not (math.isfinite(value) and math.isfinite(error)):
        return None
    return float(value), float(error)


# --- the five rules ----------------------------------------------------------------------


def simpson_pieces(n: int) -> int:
    """Simpson's rule needs an even number of pieces: n, or n + 1 when n is odd."""
    return n if n % 2 == 0 else n + 1


def rule_sum(expr: Expression, a: float, b: float, n: int, rule: str) -> float:
    """The rule's approximation of ``∫_a^b f`` with ``n`` pieces (Simpson: see
    :func:`simpson_pieces`)."""
    if rule == "Simpson":
        n = simpson_pieces(n)
    x = np.linspace(a, b, n + 1)
    h = (b - a) / n
    if rule == "left":
        return float(h * np.sum(values(expr, x[:-1])))
    if rule == "right":
        return float(h * np.sum(values(expr, x[1:])))
    if rule == "midpoint":
        return float(h * np.sum(values(expr, (x[:-1] + x[1:]) / 2)))
    y = values(expr, x)
    if rule == "trapezoid":
        return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))
    if rule == "Simpson":
        return float(h / 3 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2])))
    raise ValueError(f"unknown rule {rule!r}")


def all_sums(expr: Expression, a: float, b: float, n: int) -> tuple[float, ...]:
    """The five rules with ``n`` pieces (n even), from one evaluation of f on the grid of
    2n pieces: its even points are the nodes, its odd points the midpoints. Same sums as
    :func:`rule_sum`, in the order of :data:`RULES`."""
    y = values(expr, np.linspace(a, b, 2 * n + 1))
    nodes, middles = y[::2], y[1::2]
    h = (b - a) / n
    inner = np.sum(nodes[1:-1])
    return (
        h * (nodes[0] + inner),
        h * (inner + nodes[-1]),
        h * np.sum(middles),
        h * (inner + (nodes[0] + nodes[-1]) / 2),
        h / 3 * (nodes[0] + nodes[-1] + 4 * np.sum(nodes[1:-1:2]) + 2 * np.sum(nodes[2:-1:2])),
    )


@dataclass(frozen=True)
class Pieces:
    """The shapes a rule adds up, for the picture: each piece's top as sampled points.

    Attributes
    ----------
    tops : one (x, y) pair of arrays per piece (y the piece's top: a constant, a line or a
        parabola), from its left edge to its right edge.
    samples : (x, f(x)) where the rule evaluates f.
    n : the pieces used (Simpson: even).
    """

    tops: tuple[tuple[np.ndarray, np.ndarray], ...]
    samples: tuple[np.ndarray, np.ndarray]
    n: int


@functools.lru_cache(maxsize=64)
def pieces(expr: Expression, a: float, b: float, n: int, rule: str) -> Pieces:
    """The rectangles, trapezoids or parabola strips of ``rule`` with ``n`` pieces."""
    if rule == "Simpson":
        n = simpson_pieces(n)
    x = np.linspace(a, b, n + 1)
    tops = []
    if rule in ("left", "right", "midpoint"):
        at = {"left": x[:-1], "right": x[1:], "midpoint": (x[:-1] + x[1:]) / 2}[rule]
        heights = values(expr, at)
        for k in range(n):
            tops.append((np.array([x[k], x[k + 1]]), np.array([heights[k], heights[k]])))
        samples = (at, heights)
    elif rule == "trapezoid":
        y = values(expr, x)
        for k in range(n):
            tops.append((x[k : k + 2].copy(), y[k : k + 2].copy()))
        samples = (x, y)
    else:
        y = values(expr, x)
        # Each parabola through (x0, y0), (x1, y1), (x2, y2) in Lagrange form, t = (u - x1)/h.
        t = np.linspace(-1.0, 1.0, PARABOLA_POINTS)
        basis = np.stack([t * (t - 1) / 2, 1 - t**2, t * (t + 1) / 2])
        h = (b - a) / n
        for k in range(0, n, 2):
            tops.append((x[k + 1] + h * t, y[k : k + 3] @ basis))
        samples = (x, y)
    return Pieces(tuple(tops), samples, n)


def signed_parts(top_x: np.ndarray, top_y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The top with its zero crossings added (by linear interpolation between samples), so
    that clipping it at 0 splits the piece into its positive and negative areas cleanly."""
    xs, ys = [top_x[0]], [top_y[0]]
    for k in range(1, len(top_x)):
        y0, y1 = top_y[k - 1], top_y[k]
        if y0 * y1 < 0:
            xs.append(top_x[k - 1] + (top_x[k] - top_x[k - 1]) * y0 / (y0 - y1))
            ys.append(0.0)
        xs.append(top_x[k])
        ys.append(y1)
    return np.array(xs), np.array(ys)


# --- error against n ---------------------------------------------------------------------

ORDER_NS = tuple(sorted({2 * round(v / 2) for v in np.geomspace(2, 16384, 24)}))
FLOOR = 2e-14  # relative errors below this are round-off (and the reference's own accuracy)
FIT_FROM = 8  # smaller n are not yet asymptotic (Simpson's n = 2, 4 read a slope of 4.5)


@dataclass(frozen=True)
class Orders:
    """Each rule's error against n and its fitted order.

    Attributes
    ----------
    ns : the numbers of pieces (even, so Simpson uses them as they are).
    errors : rule -> |sum - quad| per n.
    slopes : rule -> the fitted order p (error ≈ C n^-p), None if too few points are above
        the round-off floor.
    fitted : rule -> the mask of the points the fit used.
    floor : the error below which the numbers are round-off.
    reference : the quad value.
    """

    ns: np.ndarray
    errors: dict[str, np.ndarray]
    slopes: dict[str, float | None]
    fitted: dict[str, np.ndarray]
    floor: float
    reference: float


def fitted_order(
    ns: np.ndarray, errors: np.ndarray, floor: float
) -> tuple[float | None, np.ndarray]:
    """The order p of a least-squares line log(error) = c − p log(n), over the points above
    the floor from n = FIT_FROM on (at least three); also the mask of those points."""
    use = (errors > floor) & (ns >= FIT_FROM)
    if use.sum() < 3:
        return None, use
    slope = np.polyfit(np.log(ns[use]), np.log(errors[use]), 1)[0]
    return float(-slope), use


@functools.lru_cache(maxsize=32)
def orders(expr: Expression, a: float, b: float, breaks: tuple[float, ...] = ()) -> Orders:
    """Error against n for the five rules on [a, b] (f proper there: see :func:`trouble`)."""
    reference = exact(expr, a, b, breaks)[0]
    ns = np.array(ORDER_NS)
    scale = max(
        1.0, abs(reference), (b - a) * float(np.max(np.abs(values(expr, np.linspace(a, b, 257)))))
    )
    floor = FLOOR * scale
    sums = np.array([all_sums(expr, a, b, int(n)) for n in ns])  # one row per n
    errors, slopes, fitted = {}, {}, {}
    for column, rule in enumerate(RULES):
        errors[rule] = np.abs(sums[:, column] - reference)
        slopes[rule], fitted[rule] = fitted_order(ns, errors[rule], floor)
    return Orders(ns, errors, slopes, fitted, floor, reference)


# --- the accumulated area ----------------------------------------------------------------

ACCUMULATE_POINTS = 81


GAUSS = np.polynomial.legendre.leggauss(10), np.polynomial.legendre.leggauss(5)


def _gauss_steps(expr: Expression, x: np.ndarray, rule) -> np.ndarray:
    """∫ f over each step [x_k, x_k+1] by one Gauss–Legendre rule, all steps at once."""
    nodes, weights = rule
    middle, half = (x[:-1] + x[1:]) / 2, (x[1:] - x[:-1]) / 2
    y = values(expr, middle[:, None] + half[:, None] * nodes)
    return half * (y @ weights)


@functools.lru_cache(maxsize=32)
def accumulated(expr: Expression, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """x on [a, b] and A(x) = ∫_a^x f, step by step, added up.

    Each step by 10-point Gauss–Legendre (exact for degree 19): where the 5-point rule
    disagrees with it (a kink, a jump or a steep spot in the step), that step is left to quad.
    """
    x = np.linspace(a, b, ACCUMULATE_POINTS)
    fine, coarse = _gauss_steps(expr, x, GAUSS[0]), _gauss_steps(expr, x, GAUSS[1])
    scale = max(1.0, float(np.max(np.abs(fine))))
    f = _scalar(expr)
    for k in np.flatnonzero(~(np.abs(fine - coarse) <= 1e-12 * scale)):
        fine[k] = integrate.quad(f, x[k], x[k + 1], limit=100)[0]
    return x, np.concatenate([[0.0], np.cumsum(fine)])


def area_to(expr: Expression, a: float, x: float) -> float:
    """A(x) = ∫_a^x f by quad."""
    return integrate.quad(_scalar(expr), a, x, limit=200)[0] if x != a else 0.0


def difference_quotient(expr: Expression, a: float, x: float, h: float) -> float:
    """(A(x + h) − A(x − h)) / 2h: the slope of A at x, numerically."""
    return (area_to(expr, a, x + h) - area_to(expr, a, x - h)) / (2 * h)
