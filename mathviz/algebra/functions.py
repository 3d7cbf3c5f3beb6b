"""Functions and their transformations: intervals and domains, sampling a curve inside its
domain, the parent functions, and g(x) = a·f(b(x - h)) + k.

Pure numpy/scipy. Functions are only ever evaluated inside their domain, so there is no
``sqrt`` of a negative number, no ``log 0`` and no division by zero, hence no NaN warnings;
curves come out with NaN gaps where the domain breaks, which a plot leaves undrawn. The
LaTeX the page prints is made in :mod:`mathviz.algebra.text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

INF = float("inf")
MIN_SQUEEZE = 1e-6  # |b| below this squeezes a graph as flat as b = 0 does


# --- domains and sampling ---------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """An interval of the real line; infinite ends are always open.

    Attributes
    ----------
    lower, upper : the ends (``-inf``/``inf`` allowed), lower ≤ upper.
    closed_lower, closed_upper : whether each end belongs to the interval.
    """

    lower: float = -INF
    upper: float = INF
    closed_lower: bool = False
    closed_upper: bool = False

    def contains(self, x: np.ndarray) -> np.ndarray:
        """Which of ``x`` lie in the interval."""
        x = np.asarray(x, dtype=float)
        above = (x >= self.lower) if self.closed_lower else (x > self.lower)
        below = (x <= self.upper) if self.closed_upper else (x < self.upper)
        return above & below


REALS: tuple[Interval, ...] = (Interval(),)


def in_domain(domain: Sequence[Interval], x: np.ndarray) -> np.ndarray:
    """Which of ``x`` lie in the union of the intervals."""
    x = np.asarray(x, dtype=float)
    inside = np.zeros(x.shape, dtype=bool)
    for interval in domain:
        inside |= interval.contains(x)
    return inside


def sample_curve(
    function: Callable[[np.ndarray], np.ndarray],
    domain: Sequence[Interval],
    window: tuple[float, float],
    n: int = 600,
) -> tuple[np.ndarray, np.ndarray]:
    """Sample a function for drawing, inside its domain only, with NaN between the pieces.

    Parameters
    ----------
    function : vectorised; called only at points of ``domain``.
    domain : the intervals where it is defined.
    window : (left, right) of the chart.
    n : about how many samples across the window.

    Returns
    -------
    x, y : arrays; pieces of the domain are separated by one (x, NaN) point, so no line is
        drawn across a gap or an asymptote. Closed ends in the window are sampled exactly (√x
        starts at its endpoint); towards an open end the samples crowd in geometrically, so a
        curve running off to infinity (ln x at 0, 1/x at 0) really leaves the chart.
    """
    left, right = window
    step = (right - left) / n
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for interval in sorted(domain, key=lambda i: i.lower):
        lower, upper = max(interval.lower, left), min(interval.upper, right)
        if lower > upper or (lower == upper and not interval.contains(np.array([lower]))[0]):
            continue
        x = np.linspace(lower, upper, max(2, int(np.ceil((upper - lower) / step)) + 1))
        near = step * np.geomspace(1e-7, 1.0, 15)[:-1]  # closer and closer to an open end
        if lower == interval.lower and not interval.closed_lower:
            x = np.concatenate([lower + near, x[1:]])
        if upper == interval.upper and not interval.closed_upper:
            x = np.concatenate([x[:-1], upper - near[::-1]])
        x = np.unique(x[interval.contains(x)])
        if x.size:
            xs.append(x)
            ys.append(np.asarray(function(x), dtype=float))
    if not xs:
        return np.array([]), np.array([])
    x_out, y_out = xs[0], ys[0]
    for x, y in zip(xs[1:], ys[1:], strict=True):
        gap = (x_out[-1] + x[0]) / 2
        x_out = np.concatenate([x_out, [gap], x])
        y_out = np.concatenate([y_out, [np.nan], y])
    return x_out, y_out


# --- parent functions and their transformations ------------------------------------------------


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """σ(z) = 1 / (1 + e^{-z}), computed without overflow for any z."""
    return special.expit(z)


@dataclass(frozen=True)
class ParentFunction:
    """A basic function whose transformations the page explores.

    Attributes
    ----------
    latex : f(x) as LaTeX.
    template : f applied to an expression: ``#`` stands for the argument, e.g. ``\\sqrt{#}``.
    function : vectorised; only called inside ``domain``.
    domain : where it is defined.
    vertical_asymptotes : x values the graph runs up or down along.
    horizontal_asymptotes : y values the graph levels off to.
    key_points : a few points (x, f(x)) worth following through a transformation.
    """

    latex: str
    template: str
    function: Callable[[np.ndarray], np.ndarray]
    domain: tuple[Interval, ...] = REALS
    vertical_asymptotes: tuple[float, ...] = ()
    horizontal_asymptotes: tuple[float, ...] = ()
    key_points: tuple[tuple[float, float], ...] = ()


PARENTS: dict[str, ParentFunction] = {
    "x²": ParentFunction(
        "x^2", r"\left(#\right)^2", np.square, key_points=((-1, 1), (0, 0), (1, 1))
    ),
    "x³": ParentFunction(
        "x^3", r"\left(#\right)^3", lambda x: x**3, key_points=((-1, -1), (0, 0), (1, 1))
    ),
    "|x|": ParentFunction("|x|", r"\left|#\right|", np.abs, key_points=((-1, 1), (0, 0), (1, 1))),
    "√x": ParentFunction(
        r"\sqrt{x}",
        r"\sqrt{#}",
        np.sqrt,
        domain=(Interval(0.0, INF, closed_lower=True),),
        key_points=((0, 0), (1, 1), (4, 2)),
    ),
    "eˣ": ParentFunction(
        "e^x",
        r"e^{#}",
        np.exp,
        horizontal_asymptotes=(0.0,),
        key_points=((0, 1), (1, np.e)),
    ),
    "ln x": ParentFunction(
        r"\ln x",
        r"\ln\left(#\right)",
        np.log,
        domain=(Interval(0.0, INF),),
        vertical_asymptotes=(0.0,),
        key_points=((1, 0), (np.e, 1)),
    ),
    "1/x": ParentFunction(
        r"\frac{1}{x}",
        r"\frac{1}{#}",
        np.reciprocal,
        domain=(Interval(-INF, 0.0), Interval(0.0, INF)),
        vertical_asymptotes=(0.0,),
        horizontal_asymptotes=(0.0,),
        key_points=((-1, -1), (1, 1)),
    ),
    "sin x": ParentFunction(
        r"\sin x",
        r"\sin\left(#\right)",
        np.sin,
        key_points=((0, 0), (np.pi / 2, 1), (np.pi, 0)),
    ),
    "sigmoid": ParentFunction(
        r"\sigma(x)",
        r"\sigma\left(#\right)",
        sigmoid,
        horizontal_asymptotes=(0.0, 1.0),
        key_points=((0, 0.5),),
    ),
}


@dataclass(frozen=True)
class Transformed:
    """g(x) = a·f(b(x - h)) + k, with its domain and asymptotes worked out.

    Attributes
    ----------
    parent : f.
    a, b, h, k : the four parameters.
    domain : the x with b(x - h) in f's domain.
    vertical_asymptotes : h + x₀/b for each vertical asymptote x₀ of f.
    horizontal_asymptotes : a·y₀ + k for each horizontal asymptote y₀ of f.
    key_points : (h + u/b, a·f(u) + k) for each key point (u, f(u)) of f.
    """

    parent: ParentFunction
    a: float
    b: float
    h: float
    k: float
    domain: tuple[Interval, ...]
    vertical_asymptotes: tuple[float, ...]
    horizontal_asymptotes: tuple[float, ...]
    key_points: tuple[tuple[float, float], ...]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """g(x), NaN where b(x - h) falls outside f's domain (rounding included: with a tiny
        b, b(x - h) can round to 0 even though x ≠ h)."""
        u = self.b * (np.asarray(x, dtype=float) - self.h)
        inside = in_domain(self.parent.domain, u)
        y = np.full(u.shape, np.nan)
        y[inside] = self.a * self.parent.function(u[inside]) + self.k
        return y


def transform(parent: ParentFunction, a: float, b: float, h: float, k: float) -> Transformed:
    """The transformation g(x) = a·f(b(x - h)) + k of a parent function f.

    Notes
    -----
    A point (u, f(u)) of f's graph moves to (h + u/b, a·f(u) + k): b squeezes the graph
    horizontally by 1/|b| (and mirrors it in the y-axis if b < 0), h shifts it right, a
    stretches it vertically (mirroring in the x-axis if a < 0), k lifts it. With b = 0, g is
    the constant a·f(0) + k where f(0) exists, and defined nowhere otherwise. A |b| below
    ``MIN_SQUEEZE`` (only a hand-made link gives one) is taken as 0: over any chart the graph
    is then that constant, or off the chart, to the pixel; and 1/(bx) no longer overflows.
    """
    if abs(b) < MIN_SQUEEZE:
        b = 0.0
        defined = bool(in_domain(parent.domain, np.array([0.0]))[0])
        return Transformed(parent, a, b, h, k, REALS if defined else (), (), (), ())
    domain = []
    for interval in parent.domain:
        ends = (h + interval.lower / b, interval.closed_lower)
        other = (h + interval.upper / b, interval.closed_upper)
        (lower, closed_lower), (upper, closed_upper) = sorted([ends, other])
        domain.append(Interval(lower, upper, closed_lower, closed_upper))
    return Transformed(
        parent,
        a,
        b,
        h,
        k,
        domain=tuple(sorted(domain, key=lambda i: i.lower)),
        vertical_asymptotes=tuple(h + x0 / b for x0 in parent.vertical_asymptotes),
        horizontal_asymptotes=tuple(a * y0 + k for y0 in parent.horizontal_asymptotes),
        key_points=tuple((h + u / b, a * v + k) for u, v in parent.key_points),
    )


# --- what the page shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class TransformView:
    """A parent function and its transformation, sampled for drawing.

    Attributes
    ----------
    parent, transformed : f and g.
    parent_curve, curve : (x, y) of each, NaN-broken at gaps and asymptotes.
    window : the x (and y) range drawn.
    """

    parent: ParentFunction
    transformed: Transformed
    parent_curve: tuple[np.ndarray, np.ndarray]
    curve: tuple[np.ndarray, np.ndarray]
    window: tuple[float, float]


def transformation_view(
    parent: ParentFunction, a: float, b: float, h: float, k: float, window=(-8.0, 8.0)
) -> TransformView:
    """Everything the functions view shows for g(x) = a·f(b(x - h)) + k."""
    g = transform(parent, a, b, h, k)
    return TransformView(
        parent=parent,
        transformed=g,
        parent_curve=sample_curve(parent.function, parent.domain, window),
        curve=sample_curve(g, g.domain, window),
        window=window,
    )
