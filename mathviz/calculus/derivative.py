"""The maths of /derivatives' first two lessons: secants closing in on a tangent, where a
function has no tangent, and three ways a computer differentiates (symbolic, finite
differences, dual numbers) with the error of finite differences against h.

Every function takes a parsed tree (:mod:`mathviz.core.expressions`); nothing here parses
text. Results are frozen dataclasses of floats and arrays, finite where they are drawn.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import sympy

from mathviz.calculus.functions import NamedFunction
from mathviz.core import expressions
from mathviz.core.expressions import Expression, ExpressionError

EPS = float(np.finfo(float).eps)
SECANT_STEPS = 31  # frames of the secant animation: h over three decades
PROBE = (1e-5, 1e-6)  # the two h of the typed-function kink/jump test
AT_POINT = 1e-9  # registry kinks and jumps count when x0 is this close
ONE_SIDED = 1e-9  # dual numbers this far left and right of x0 give the one-sided slopes
H_SCAN = np.logspace(-16, 0, 161)  # the h of the error plot
FORWARD_FIT = (1e-5, 1e-2)  # h where forward differences are dominated by truncation
CENTRAL_FIT = (1e-3, 1e-1)  # ... and central ones
ROUNDING_ONLY = 1e-10  # errors this small over a whole fit range are rounding, not truncation
GRID = 401  # points of the f and f' curves
LATEX_CHARS = 160  # a symbolic derivative longer than this (as LaTeX) is not written out
CORNERED = frozenset({"abs", "relu", "sign", "step"})  # break where their argument's sign does
BREAK_GRID = 2001  # samples of an argument on the interval, where its sign changes are sought
BISECTIONS = 60
MAX_BREAKS = 12  # kinks or jumps of each kind reported on one interval


def values(expr: Expression, x: np.ndarray | float) -> np.ndarray:
    """f at x, float64 (NaN where undefined)."""
    return np.asarray(expressions.evaluate(expr, x=np.asarray(x, dtype=float)), dtype=float)


def value(expr: Expression, x: float) -> float:
    return float(values(expr, np.array([x]))[0])


def slope_ad(expr: Expression, x: float) -> float:
    """f'(x) by forward-mode automatic differentiation."""
    return float(expressions.evaluate_dual(expr, "x", x=np.array([float(x)]))[1][0])


def slope_values(expr: Expression, x: np.ndarray) -> np.ndarray:
    """f' on a grid, by dual numbers (NaN where undefined)."""
    return expressions.evaluate_dual(expr, "x", x=np.asarray(x, dtype=float))[1]


@dataclass(frozen=True)
class PointKind:
    """What f does at x0.

    Attributes
    ----------
    kind : ``smooth``, ``kink`` (continuous, two slopes), ``jump``, ``undefined`` (f(x0) is
        not a number), ``edge`` (f is undefined on one side) or ``vertical`` (the slope is
        infinite).
    left, right : the one-sided slopes (NaN where they do not exist).
    gap : f(x0⁺) − f(x0⁻) for a jump (0 otherwise).
    """

    kind: str
    left: float = math.nan
    right: float = math.nan
    gap: float = 0.0

    @property
    def has_tangent(self) -> bool:
        return self.kind == "smooth"


def _near(x0: float, points: tuple[float, ...]) -> bool:
    return any(abs(x0 - p) <= AT_POINT * max(1.0, abs(p)) for p in points)


@functools.lru_cache(maxsize=512)
def classify(expr: Expression, x0: float, entry: NamedFunction | None = None) -> PointKind:
    """Whether f has a tangent at x0: the registry's kinks and jumps, and for any function the
    test of one-sided difference quotients (disagreeing at two h: a kink) and of the values
    either side (apart at two h: a jump)."""
    f0 = value(expr, x0)
    left, right = slope_ad(expr, x0 - ONE_SIDED), slope_ad(expr, x0 + ONE_SIDED)
    if not math.isfinite(f0):
        return PointKind("undefined")
    sides = [values(expr, np.array([x0 - h, x0 + h])) for h in PROBE]
    if not all(np.isfinite(s).all() for s in sides):
        return PointKind("edge", left, right)
    gaps = [float(s[1] - s[0]) for s in sides]
    scale = 1.0 + abs(f0)
    if (entry and _near(x0, entry.jumps)) or (
        abs(gaps[1]) > 1e-4 * scale and abs(gaps[1]) > 0.5 * abs(gaps[0])
    ):
        return PointKind("jump", left, right, gaps[1])
    quotients = [((s[1] - f0) / h, (f0 - s[0]) / h) for s, h in zip(sides, PROBE, strict=True)]
    disagree = [abs(r - q) for r, q in quotients]
    size = 1.0 + abs(quotients[1][0]) + abs(quotients[1][1])
    if (entry and _near(x0, entry.kinks)) or (
        disagree[1] > 1e-3 * size and disagree[1] > 0.5 * disagree[0]
    ):
        return PointKind("kink", left, right)
    slope = slope_ad(expr, x0)
    growing = abs(quotients[1][0]) > 3 * abs(quotients[0][0]) and abs(quotients[1][0]) > 1e6
    if not math.isfinite(slope) or growing:
        return PointKind("vertical", left, right)
    return PointKind("smooth", slope, slope)


def _sign_changes(arg: Expression, xs: np.ndarray) -> np.ndarray:
    """Where ``arg`` is 0 or changes sign between two samples (refined by bisection, the
    sign kept at each end; a pole, where it changes sign too, is left to :func:`classify`)."""
    v = values(arg, xs)
    finite = np.isfinite(v)
    zeros = xs[finite & (v == 0)]
    i = np.flatnonzero(finite[:-1] & finite[1:] & (v[:-1] * v[1:] < 0))
    lo, hi, at_lo = xs[i].copy(), xs[i + 1].copy(), np.sign(v[i])
    for _ in range(BISECTIONS):
        mid = 0.5 * (lo + hi)
        same = np.sign(values(arg, mid)) == at_lo
        lo, hi = np.where(same, mid, lo), np.where(same, hi, mid)
    return np.concatenate([zeros, 0.5 * (lo + hi)])


@functools.lru_cache(maxsize=128)
def breaks_between(expr: Expression, a: float, b: float) -> dict[str, tuple[float, ...]]:
    """The kinks and jumps of f strictly inside (a, b) that its formula makes: where the
    argument of an abs, relu, sign or step changes sign, each point confirmed by
    :func:`classify` (x·|x| has no corner at 0, sign(x)·x is a corner, not a jump)."""
    found: dict[str, list[float]] = {"kink": [], "jump": []}
    xs = np.linspace(a, b, BREAK_GRID)
    for call in expressions.calls_of(expr, CORNERED):
        for root in _sign_changes(call.args[0], xs):
            x0 = float(root)
            if not a < x0 < b:
                continue
            kind = classify(expr, x0).kind
            if kind in found and not _near(x0, tuple(found[kind])):
                found[kind].append(x0)
    return {kind: tuple(sorted(points))[:MAX_BREAKS] for kind, points in found.items()}


def secant_steps(window: tuple[float, float]) -> np.ndarray:
    """The h of the animation, from a quarter of the window down three decades."""
    start = (window[1] - window[0]) / 4
    return start * np.logspace(0, -3, SECANT_STEPS)


@dataclass(frozen=True)
class Secants:
    """The secant animation: one slope per h, right (x0, x0 + h) and left (x0 − h, x0)."""

    h: np.ndarray
    right: np.ndarray  # (f(x0 + h) − f(x0)) / h
    left: np.ndarray  # (f(x0) − f(x0 − h)) / h
    f0: float


def secants(expr: Expression, x0: float, window: tuple[float, float]) -> Secants:
    h = secant_steps(window)
    f0 = value(expr, x0)
    with np.errstate(all="ignore"):
        right = (values(expr, x0 + h) - f0) / h
        left = (f0 - values(expr, x0 - h)) / h
    return Secants(h, right, left, f0)


def window_for(x0: float, entry: NamedFunction | None) -> tuple[float, float]:
    """The x-range drawn: the registry's window (else −4..4), widened to hold x0."""
    low, high = entry.window if entry else (-4.0, 4.0)
    width = high - low
    if x0 < low + 0.05 * width:
        low = x0 - 0.1 * width
    if x0 > high - 0.05 * width:
        high = x0 + 0.1 * width
    return float(low), float(high)


def segments(x: np.ndarray, y: np.ndarray, breaks=()) -> list[tuple[np.ndarray, np.ndarray]]:
    """The finite pieces of a curve: split where y is not finite, at ``breaks`` (kinks and
    jumps) and where y leaps far more than its neighbours (a jump of a typed function)."""
    finite = np.isfinite(y)
    cut = np.zeros(len(x), dtype=bool)  # cut[i]: no line from i-1 to i
    cut[1:] |= ~finite[:-1] | ~finite[1:]
    for b in breaks:
        cut[1:] |= (x[:-1] < b) & (x[1:] > b)
    with np.errstate(all="ignore"):
        steps = np.abs(np.diff(np.where(finite, y, 0.0)))
    span = np.ptp(y[finite]) if finite.any() else 0.0
    # A leap: far larger than the steps two places either side (a jump on a grid point is
    # two half-leaps side by side) and a visible part of the curve's range.
    padded = np.pad(steps, 2, constant_values=0.0)
    around = np.maximum(padded[:-4], padded[4:])
    cut[1:] |= (steps > 10 * around + 1e-12) & (steps > 0.05 * span)
    pieces = []
    for piece in np.split(np.arange(len(x)), np.flatnonzero(cut)):
        piece = piece[finite[piece]]
        if len(piece) >= 2:
            pieces.append((x[piece], y[piece]))
    return pieces


def y_range(y: np.ndarray, extra=()) -> tuple[float, float]:
    """A y-range for a curve: its finite values without the top and bottom 2 % (poles),
    holding ``extra`` points, padded."""
    finite = y[np.isfinite(y)]
    points = [float(v) for v in extra if math.isfinite(v)]
    if finite.size:
        low, high = np.percentile(finite, [2, 98])
        points += [float(low), float(high)]
    if not points:
        return -1.0, 1.0
    low, high = min(points), max(points)
    pad = 0.12 * (high - low) if high > low else 1.0
    return low - pad, high + pad


# --------------------------------------------------------------------------------------------
# Three ways to differentiate
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThreeWays:
    """f'(x0) three ways, at one h, with errors against the symbolic value.

    ``symbolic_latex`` is None (with ``symbolic_problem``) when sympy's derivative is too long.
    """

    symbolic_latex: str | None
    symbolic_problem: str | None
    exact: float  # the symbolic derivative evaluated with 30 digits (else the AD value)
    forward: float
    central: float
    automatic: float
    h: float

    def error(self, estimate: float) -> float:
        return abs(estimate - self.exact)


@functools.lru_cache(maxsize=256)
def symbolic(expr: Expression) -> tuple[sympy.Expr | None, str | None]:
    """sympy's f'(x), or None and the reason."""
    try:
        return expressions.symbolic_derivative(expr, "x"), None
    except ExpressionError as error:
        return None, str(error)


def exact_slope(expr: Expression, x0: float) -> float:
    """f'(x0) from the symbolic derivative, evaluated in 30 digits (NaN if undefined);
    forward-mode AD when sympy has no derivative to offer."""
    if not math.isfinite(value(expr, x0)):
        return math.nan  # f itself is undefined there (sympy would still write 1/x at -1)
    form, _ = symbolic(expr)
    if form is None:
        return slope_ad(expr, x0)
    try:
        number = complex(form.evalf(30, subs={sympy.Symbol("x", real=True): sympy.Float(x0, 30)}))
    except (TypeError, ValueError, ArithmeticError):
        return math.nan
    if abs(number.imag) > 1e-12 * (1 + abs(number.real)) or not math.isfinite(number.real):
        return math.nan
    return number.real


def forward_difference(expr: Expression, x0: float, h: np.ndarray | float) -> np.ndarray:
    h = np.asarray(h, dtype=float)
    with np.errstate(all="ignore"):
        return (values(expr, x0 + h) - value(expr, x0)) / h


def central_difference(expr: Expression, x0: float, h: np.ndarray | float) -> np.ndarray:
    h = np.asarray(h, dtype=float)
    with np.errstate(all="ignore"):
        return (values(expr, x0 + h) - values(expr, x0 - h)) / (2 * h)


def derivative_latex(expr: Expression) -> tuple[str | None, str | None]:
    """sympy's f'(x) as LaTeX, or None and why (too long to write out, or no derivative)."""
    form, problem = symbolic(expr)
    if form is None:
        return None, problem
    latex = expressions.latex(form)
    if len(latex) > LATEX_CHARS:
        return None, "sympy's derivative is too long to write out here; its values are below."
    return latex, None


@functools.lru_cache(maxsize=256)
def three_ways(expr: Expression, x0: float, h: float) -> ThreeWays:
    latex, problem = derivative_latex(expr)
    return ThreeWays(
        latex,
        problem,
        exact_slope(expr, x0),
        float(forward_difference(expr, x0, h)),
        float(central_difference(expr, x0, h)),
        slope_ad(expr, x0),
        h,
    )


@dataclass(frozen=True)
class ErrorScan:
    """|error| of forward and central differences over :data:`H_SCAN` (NaN where 0 or
    undefined), the fitted truncation slopes, and the best h measured and in theory."""

    h: np.ndarray
    forward: np.ndarray
    central: np.ndarray
    forward_fit: tuple[float, float]  # (slope, log10 intercept) on FORWARD_FIT
    central_fit: tuple[float, float]
    forward_best: tuple[float, float]  # (h, error) at the measured minimum
    central_best: tuple[float, float]
    forward_theory: float  # ~ √ε
    central_theory: float  # ~ ∛ε


def _fit(h: np.ndarray, error: np.ndarray, span: tuple[float, float]) -> tuple[float, float]:
    keep = (h >= span[0]) & (h <= span[1]) & np.isfinite(error) & (error > 0)
    if keep.sum() < 3:
        return math.nan, math.nan
    if error[keep].max() < ROUNDING_ONLY:
        return math.nan, math.nan  # exact up to rounding: no truncation to measure
    slope, intercept = np.polyfit(np.log10(h[keep]), np.log10(error[keep]), 1)
    return float(slope), float(intercept)


def _best(h: np.ndarray, error: np.ndarray) -> tuple[float, float]:
    usable = np.where(np.isfinite(error), error, np.inf)
    usable = np.where(usable > 0, usable, np.inf)
    if not np.isfinite(usable).any():
        return math.nan, math.nan
    i = int(np.argmin(usable))
    return float(h[i]), float(usable[i])


@functools.lru_cache(maxsize=256)
def error_scan(expr: Expression, x0: float) -> ErrorScan | None:
    """The error curves, or None when f'(x0) has no finite exact value."""
    exact = exact_slope(expr, x0)
    if not math.isfinite(exact):
        return None
    h = H_SCAN
    with np.errstate(all="ignore"):
        forward = np.abs(forward_difference(expr, x0, h) - exact)
        central = np.abs(central_difference(expr, x0, h) - exact)
    for error in (forward, central):
        error[~np.isfinite(error) | (error <= 0)] = np.nan
    if np.isnan(forward).all() or np.isnan(central).all():
        return None
    scale = max(1.0, abs(x0))
    return ErrorScan(
        h,
        forward,
        central,
        _fit(h, forward, FORWARD_FIT),
        _fit(h, central, CENTRAL_FIT),
        _best(h, forward),
        _best(h, central),
        math.sqrt(EPS) * scale,
        EPS ** (1 / 3) * scale,
    )
