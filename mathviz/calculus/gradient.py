"""The numbers of /gradients: partial derivatives, the gradient, directional derivatives and
the Hessian of a surface f(x, y), all from the parser's own derivative trees.

``∂f/∂x`` and ``∂f/∂y`` are :func:`mathviz.core.expressions.derivative` of the tree, the
second derivatives that function applied twice; every tree is hashable, so each is made once
per surface (``functools.lru_cache``), and so is the grid the pictures are drawn from. What a
slider move costs is then a handful of evaluations at one point.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from mathviz.core import expressions
from mathviz.core.expressions import Expression
from mathviz.core.matrix2 import Eigen, eigen_analysis

GRID = 60  # samples per side of the surface and contour grid
FIELD = 11  # arrows per side of the gradient field
CLIP_QUANTILES = (0.02, 0.98)  # a pole's spike is cut off at these quantiles (widened)
FLAT = 1e-9  # a gradient or an eigenvalue this small (relative) counts as zero
LINK_DIGITS = 6  # significant digits of a Hessian entry in a link (what a %g input shows)
LINK_LIMIT = 1e6  # the eigenvector page's entry inputs accept |entry| <= this


@functools.lru_cache(maxsize=64)
def partials(expr: Expression) -> tuple[Expression, Expression]:
    """(∂f/∂x, ∂f/∂y) as trees."""
    return expressions.derivative(expr, "x"), expressions.derivative(expr, "y")


@functools.lru_cache(maxsize=64)
def second_partials(expr: Expression) -> tuple[Expression, Expression, Expression, Expression]:
    """(f_xx, f_xy, f_yx, f_yy) as trees (f_xy = ∂/∂y of ∂f/∂x)."""
    fx, fy = partials(expr)
    return (
        expressions.derivative(fx, "x"),
        expressions.derivative(fx, "y"),
        expressions.derivative(fy, "x"),
        expressions.derivative(fy, "y"),
    )


def _at(tree: Expression, x: float, y: float) -> float:
    return float(expressions.evaluate(tree, x=x, y=y))


@dataclass(frozen=True)
class PointFacts:
    """f and its derivatives at one point.

    Attributes
    ----------
    point : (x₀, y₀).
    value : f(x₀, y₀) (NaN where undefined).
    gradient : (2,) ∇f = (f_x, f_y).
    hessian : (2, 2) [[f_xx, f_xy], [f_yx, f_yy]].
    """

    point: tuple[float, float]
    value: float
    gradient: np.ndarray
    hessian: np.ndarray

    @property
    def defined(self) -> bool:
        """f and ∇f are finite here (a point and a tangent plane can be drawn)."""
        return math.isfinite(self.value) and bool(np.all(np.isfinite(self.gradient)))

    @property
    def curved(self) -> bool:
        """The Hessian is finite here."""
        return bool(np.all(np.isfinite(self.hessian)))

    @property
    def slope(self) -> float:
        """|∇f|, the largest directional derivative."""
        return float(np.hypot(*self.gradient))

    @property
    def uphill(self) -> float:
        """The gradient's direction angle in radians (0 when ∇f = 0)."""
        return float(math.atan2(self.gradient[1], self.gradient[0])) if self.slope else 0.0

    @property
    def critical(self) -> bool:
        """∇f = 0 here (to rounding, relative to the size of the second derivatives)."""
        scale = max(1.0, float(np.max(np.abs(self.hessian)))) if self.curved else 1.0
        return self.defined and self.slope <= 1e-7 * scale


def at_point(expr: Expression, x: float, y: float) -> PointFacts:
    """f, ∇f and the Hessian at (x, y)."""
    fx, fy = partials(expr)
    hessian = np.array([_at(t, x, y) for t in second_partials(expr)]).reshape(2, 2)
    gradient = np.array([_at(fx, x, y), _at(fy, x, y)])
    return PointFacts((float(x), float(y)), _at(expr, x, y), gradient, hessian)


def directional(facts: PointFacts, theta: np.ndarray | float) -> np.ndarray | float:
    """D_u f = ∇f · u for u = (cos θ, sin θ), θ in radians."""
    fx, fy = facts.gradient
    return fx * np.cos(theta) + fy * np.sin(theta)


# --- the Hessian's verdict ------------------------------------------------------------------


@dataclass(frozen=True)
class Curvature:
    """What the Hessian says at a point.

    Attributes
    ----------
    eigen : its eigen-analysis (symmetric: real eigenvalues, orthogonal directions).
    values : (2,) the eigenvalues, largest first.
    directions : (2, 2) the unit eigen-directions as columns, in the order of ``values``.
    kind : ``minimum`` (both > 0), ``maximum`` (both < 0), ``saddle`` (opposite signs) or
        ``silent`` (an eigenvalue is 0: the second-derivative test cannot tell).
    """

    eigen: Eigen
    values: np.ndarray
    directions: np.ndarray
    kind: str


def symmetric(hessian: np.ndarray) -> np.ndarray:
    """The Hessian made exactly symmetric (f_xy and f_yx agree up to rounding)."""
    off = (hessian[0, 1] + hessian[1, 0]) / 2
    return np.array([[hessian[0, 0], off], [off, hessian[1, 1]]])


def classify_values(values: np.ndarray, scale: float) -> str:
    """The second-derivative test on two real eigenvalues (``scale``: the Hessian's size)."""
    tiny = FLAT * max(scale, 1e-300) if scale else 0.0
    if scale == 0 or min(abs(v) for v in values) <= tiny:
        return "silent"
    if all(v > 0 for v in values):
        return "minimum"
    if all(v < 0 for v in values):
        return "maximum"
    return "saddle"


def curvature(hessian: np.ndarray) -> Curvature:
    """The eigenvalues and eigen-directions of a (finite) Hessian, and the test's verdict."""
    matrix = symmetric(hessian)
    eigen = eigen_analysis(matrix)
    values = np.real(eigen.values)
    order = np.argsort(-values)
    values = values[order]
    # A symmetric matrix is never defective; for λI the axes stand for every direction.
    directions = eigen.vectors[:, order] if eigen.vectors.shape[1] == 2 else np.eye(2)
    scale = float(np.max(np.abs(matrix)))
    return Curvature(eigen, values, directions, classify_values(values, scale))


def link_entries(hessian: np.ndarray) -> dict[str, str]:
    """The Hessian as the eigenvector page's entry keys a, b, c, d (text a link carries)."""
    matrix = symmetric(hessian)
    size = float(np.max(np.abs(matrix)))
    entries = {}
    for key, value in zip("abcd", matrix.ravel(), strict=True):
        value = float(value)
        if size and abs(value) <= FLAT * size:
            value = 0.0
        value = min(max(value, -LINK_LIMIT), LINK_LIMIT)
        entries[key] = f"{value + 0.0:.{LINK_DIGITS}g}"
    return entries


# --- the grids the pictures are drawn from --------------------------------------------------


@dataclass(frozen=True)
class SurfaceGrid:
    """f sampled on a GRID x GRID grid of its window.

    Attributes
    ----------
    xs, ys : (GRID,) the sample coordinates.
    z : (GRID, GRID) values, z[i, j] = f(xs[j], ys[i]); NaN where undefined or clipped.
    low, high : the range of the shown values (a pole's spike clipped off).
    """

    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray
    low: float
    high: float

    @property
    def empty(self) -> bool:
        return not np.any(np.isfinite(self.z))


@functools.lru_cache(maxsize=32)
def surface_grid(expr: Expression, window: tuple[float, float, float, float]) -> SurfaceGrid:
    """The grid of f on ``window`` (made once per surface and window)."""
    x0, x1, y0, y1 = window
    xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    z = expressions.evaluate(expr, x=xs[None, :], y=ys[:, None])
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return SurfaceGrid(xs, ys, np.full_like(z, np.nan), 0.0, 1.0)
    q_low, q_high = np.quantile(finite, CLIP_QUANTILES)
    full_low, full_high = float(finite.min()), float(finite.max())
    spread = max(q_high - q_low, 1e-12)
    low, high = max(full_low, q_low - 0.5 * spread), min(full_high, q_high + 0.5 * spread)
    if high <= low:
        low, high = low - 0.5, high + 0.5
    z = np.where((z >= low) & (z <= high), z, np.nan)
    return SurfaceGrid(xs, ys, z, float(low), float(high))


@dataclass(frozen=True)
class Field:
    """The gradient field on a coarse grid, as arrows scaled to fit between the samples.

    Attributes
    ----------
    tails : (n, 2) arrow tails (only where ∇f is finite and nonzero).
    heads : (n, 2) arrow heads.
    """

    tails: np.ndarray
    heads: np.ndarray


@functools.lru_cache(maxsize=32)
def gradient_field(expr: Expression, window: tuple[float, float, float, float]) -> Field:
    """Thinned gradient arrows: length proportional to |∇f| (the longest 0.9 of a cell)."""
    x0, x1, y0, y1 = window
    cell = min(x1 - x0, y1 - y0) / FIELD
    xs = np.linspace(x0 + cell / 2, x1 - cell / 2, FIELD)
    ys = np.linspace(y0 + cell / 2, y1 - cell / 2, FIELD)
    gx, gy = np.meshgrid(xs, ys)
    fx, fy = partials(expr)
    u = expressions.evaluate(fx, x=gx, y=gy).ravel()
    v = expressions.evaluate(fy, x=gx, y=gy).ravel()
    length = np.hypot(u, v)
    keep = np.isfinite(length) & (length > 0)
    if not keep.any():
        return Field(np.zeros((0, 2)), np.zeros((0, 2)))
    tails = np.column_stack([gx.ravel(), gy.ravel()])[keep]
    u, v, length = u[keep], v[keep], length[keep]
    top = float(np.quantile(length, 0.9))  # a few huge arrows do not shrink all the others
    scale = 0.9 * cell * np.minimum(length, top) / (top * length)
    heads = tails + np.column_stack([u * scale, v * scale])
    return Field(tails, heads)


def level_segments(grid: SurfaceGrid, value: float) -> np.ndarray:
    """The level curve f = ``value`` on the grid as (n, 2, 2) line segments (marching squares).

    Each grid cell whose corners straddle the level gets the segment between the crossings on
    its edges (linear interpolation); a cell with four crossings (a saddle inside it) gets two.
    Cells with an undefined corner are skipped. Drawn on the server as one light line trace,
    so the browser does not contour the grid a second time.
    """
    if not math.isfinite(value):
        return np.zeros((0, 2, 2))
    v = grid.z - value
    v = np.where(v == 0, 1e-300, v)  # a corner on the level counts as above it
    xs, ys = grid.xs, grid.ys
    a, b, c, d = v[:-1, :-1], v[:-1, 1:], v[1:, 1:], v[1:, :-1]  # bl, br, tr, tl
    x0, x1 = xs[None, :-1], xs[None, 1:]
    y0, y1 = ys[:-1, None], ys[1:, None]
    shape = a.shape
    with np.errstate(all="ignore"):
        edges = (  # (crosses, x, y) on the bottom, right, top and left edges, in that order
            (a * b < 0, x0 + (x1 - x0) * a / (a - b), np.broadcast_to(y0, shape)),
            (b * c < 0, np.broadcast_to(x1, shape), y0 + (y1 - y0) * b / (b - c)),
            (d * c < 0, x0 + (x1 - x0) * d / (d - c), np.broadcast_to(y1, shape)),
            (a * d < 0, np.broadcast_to(x0, shape), y0 + (y1 - y0) * a / (a - d)),
        )
    crosses = np.stack([e[0] for e in edges], axis=-1)
    px = np.stack([np.broadcast_to(e[1], shape) for e in edges], axis=-1)
    py = np.stack([np.broadcast_to(e[2], shape) for e in edges], axis=-1)
    count = crosses.sum(axis=-1)
    # Worked out for every crossed cell at once (row by row, as a loop would): its first two
    # crossings make a segment; a cell with four (a saddle inside it) adds its last two.
    rows, cols = np.nonzero(count >= 2)
    cells = crosses[rows, cols]  # (m, 4)
    order = np.cumsum(cells, axis=-1)
    ends = [np.argmax(cells & (order == k), axis=-1) for k in (1, 2, 3, 4)]
    xs, ys = px[rows, cols], py[rows, cols]

    def at(edge: np.ndarray) -> np.ndarray:
        picked = np.arange(len(edge))
        return np.stack([xs[picked, edge], ys[picked, edge]], axis=-1)

    first = np.stack([at(ends[0]), at(ends[1])], axis=1)  # (m, 2, 2)
    four = count[rows, cols] == 4
    if not four.any():
        return first.reshape(-1, 2, 2)
    second = np.stack([at(ends[2]), at(ends[3])], axis=1)[four]
    where = np.flatnonzero(four) + 1  # each saddle cell's second segment follows its first
    return np.insert(first, where, second, axis=0).reshape(-1, 2, 2)
