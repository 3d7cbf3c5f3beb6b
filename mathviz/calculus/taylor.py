"""The maths of /derivatives' Taylor lesson: the degree-n polynomial around a, its error, and
the radius of convergence the registry's complex singularities set.

The coefficients come from :func:`mathviz.core.expressions.taylor` (Taylor-mode automatic
differentiation on the parsed tree); where they stop existing (a kink at a, log at a ≤ 0) the
scene says how far they go instead of drawing NaN.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from mathviz.calculus.functions import NamedFunction
from mathviz.core import expressions
from mathviz.core.expressions import Expression

MAX_N = 20  # the highest degree of the lesson
GRID = 241  # points of each curve
ERROR_FLOOR = 1e-16  # the error panel's floor (float64 cannot tell smaller errors)
ERROR_CEILING = 1e4  # and its ceiling: beyond this the series has long diverged
CLIP = 1e6  # polynomial values are clipped to ± this (far outside any drawn range)


@functools.lru_cache(maxsize=256)
def coefficients(expr: Expression, a: float) -> np.ndarray:
    """c₀ … c₂₀ around a (NaN from where the series does not exist)."""
    return expressions.taylor(expr, "x", float(a), MAX_N)


def usable_degree(c: np.ndarray) -> int:
    """The highest n such that c₀ … cₙ are all finite (−1: not even f(a))."""
    bad = np.flatnonzero(~np.isfinite(c))
    return int(bad[0]) - 1 if bad.size else len(c) - 1


def polynomial(c: np.ndarray, a: float, x: np.ndarray, n: int) -> np.ndarray:
    """Pₙ(x) = Σ_{k≤n} c_k (x − a)^k, by Horner's rule."""
    t = np.asarray(x, dtype=float) - a
    out = np.zeros_like(t)
    with np.errstate(all="ignore"):
        for k in range(n, -1, -1):
            out = out * t + c[k]
    return out


def radius(entry: NamedFunction | None, a: float) -> float | None:
    """The radius of convergence around a: the distance to the nearest singularity the
    registry names (None when it names none)."""
    if entry is None or not entry.singularities:
        return None
    return float(min(abs(complex(a, 0) - s) for s in entry.singularities))


@dataclass(frozen=True)
class TaylorScene:
    """Everything the Taylor figure draws, finite throughout.

    Attributes
    ----------
    a, window : the centre and the x-range.
    x, f : the grid (where f is finite) and f on it.
    top : the highest degree drawn (``usable_degree``, at most MAX_N).
    polys : (top + 1, len(x)) Pₙ on the grid, clipped to ±CLIP.
    errors : (top + 1, len(x)) |f − Pₙ| clipped to [ERROR_FLOOR, ERROR_CEILING].
    c : the coefficients c₀ … c_top.
    radius : the radius of convergence (None when unknown).
    y_range : the upper panel's y-range (f's range, padded).
    """

    a: float
    window: tuple[float, float]
    x: np.ndarray
    f: np.ndarray
    top: int
    polys: np.ndarray
    errors: np.ndarray
    c: np.ndarray
    radius: float | None
    y_range: tuple[float, float]


def window_for(a: float, entry: NamedFunction | None) -> tuple[float, float]:
    low, high = entry.window if entry else (-4.0, 4.0)
    width = high - low
    low, high = min(low, a - 0.1 * width), max(high, a + 0.1 * width)
    return float(low), float(high)


@functools.lru_cache(maxsize=128)
def scene(expr: Expression, a: float, entry: NamedFunction | None) -> TaylorScene:
    window = window_for(a, entry)
    x = np.linspace(*window, GRID)
    f = np.asarray(expressions.evaluate(expr, x=x), dtype=float)
    keep = np.isfinite(f)
    x, f = x[keep], f[keep]
    c = coefficients(expr, a)
    top = min(usable_degree(c), MAX_N)
    polys = np.array([polynomial(c, a, x, n) for n in range(top + 1)]).reshape(top + 1, len(x))
    with np.errstate(all="ignore"):
        errors = np.abs(f - polys)
    errors = np.clip(np.nan_to_num(errors, nan=ERROR_CEILING), ERROR_FLOOR, ERROR_CEILING)
    polys = np.clip(np.nan_to_num(polys, nan=0.0, posinf=CLIP, neginf=-CLIP), -CLIP, CLIP)
    if f.size:
        low, high = np.percentile(f, [1, 99])
    else:
        low, high = -1.0, 1.0
    pad = 0.25 * (high - low) if high > low else 1.0
    return TaylorScene(
        float(a), window, x, f, top, polys, errors, c[: top + 1], radius(entry, a),
        (float(low - pad), float(high + pad)),
    )  # fmt: skip


def max_error_inside(s: TaylorScene, n: int) -> float:
    """The largest |f − Pₙ| within half the radius of a (within 1 of a when there is no
    radius): how good Pₙ is near a."""
    inside = np.abs(s.x - s.a) <= (0.5 * s.radius if s.radius else 1.0)
    return float(s.errors[n][inside].max()) if inside.any() and n <= s.top else math.nan
