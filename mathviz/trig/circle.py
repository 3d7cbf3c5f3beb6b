"""Angles and the unit circle: angle units, the point at an angle, tan and its asymptotes,
and the full turn the unit-circle animation sweeps.

Pure numpy: every function takes and returns plain numbers or arrays, so the figures
(:mod:`mathviz.trig.figures_circle`) only place what is computed here, and the tests can
check it against numpy and identities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TAU = 2.0 * np.pi
COS_ZERO = 1e-12  # |cos θ| below this: θ is an odd multiple of π/2, where tan is undefined
TAN_LIMIT = 3.0  # the unit-circle picture shows -1.9 ≤ y ≤ 1.9: tan is drawn up to ±3
# Play's frames sample the arc and the graphs drawn so far every 10°: a chord then misses its
# arc by 0.4% of the radius (under a pixel), and 121 frames stay light to send.
FRAME_STEP = np.radians(10)


# --- angles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AngleUnit:
    """A way of measuring angles.

    Attributes
    ----------
    name : the unit's name, as the unit control shows it.
    per_turn : how many units make one full turn (360 or 2π).
    slider : (minimum, maximum, default, step) of the angle slider in this unit.
    """

    name: str
    per_turn: float
    slider: tuple[float, float, float, float]

    def to_radians(self, value: float) -> float:
        """The angle ``value`` (in this unit) in radians."""
        return float(value) * TAU / self.per_turn


ANGLE_UNITS: dict[str, AngleUnit] = {
    "degrees": AngleUnit("degrees", 360.0, (0, 360, 60, 1)),
    # 1 rad by default: the angle whose arc is exactly as long as the radius.
    "radians": AngleUnit("radians", TAU, (0.0, 6.28, 1.0, 0.01)),
}


# --- the unit circle --------------------------------------------------------------------------


def safe_tan(theta: np.ndarray | float) -> np.ndarray:
    """tan θ, with NaN where it is undefined (cos θ = 0), and no floating-point warnings.

    Parameters
    ----------
    theta : angles in radians, any shape.

    Returns
    -------
    ndarray of the same shape: sin θ / cos θ, NaN where ``|cos θ| < COS_ZERO``.
    """
    theta = np.asarray(theta, dtype=float)
    cos = np.cos(theta)
    defined = np.abs(cos) >= COS_ZERO
    return np.divide(np.sin(theta), cos, out=np.full(theta.shape, np.nan), where=defined)


@dataclass(frozen=True)
class CirclePoint:
    """Everything the unit circle shows at one angle.

    Attributes
    ----------
    theta : the angle in radians, 0 ≤ θ.
    cos, sin : the point's coordinates (cos θ, sin θ).
    tan : where the line through the origin and the point meets the tangent line x = 1,
        i.e. the point (1, tan θ); NaN when that line is parallel to it (cos θ = 0).
    arc_length : the length of the arc from (1, 0) to the point: θ itself, since r = 1.
    """

    theta: float
    cos: float
    sin: float
    tan: float
    arc_length: float

    @property
    def tan_defined(self) -> bool:
        return bool(np.isfinite(self.tan))


def circle_point(theta: float) -> CirclePoint:
    """The point of the unit circle at angle ``theta`` (radians) and its trigonometry.

    Notes
    -----
    cos θ and sin θ are the point's coordinates; tan θ = sin θ / cos θ is the height at which
    the ray from the origin through the point meets the tangent line x = 1; the arc from (1, 0)
    has length r·θ = θ, which is what "θ radians" means.
    """
    theta = float(theta)
    # Quarter turns are exact: cos 90° is 0, not 6e-17, so tan 90° is undefined, not 1.6e16.
    quarters = theta / (np.pi / 2)
    if abs(quarters - round(quarters)) < 1e-12:
        cos, sin = ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))[round(quarters) % 4]
    else:
        cos, sin = float(np.cos(theta)), float(np.sin(theta))
    tan = sin / cos if abs(cos) >= COS_ZERO else float("nan")
    return CirclePoint(theta, cos, sin, tan, abs(theta))


@dataclass(frozen=True)
class CircleState:
    """What the unit-circle picture shows at one angle: the point, its arc, and the graphs
    of sin, cos and tan drawn so far (from 0 up to θ).

    Attributes
    ----------
    point : the point and its values.
    arc : (n, 2) the arc from (1, 0) to the point.
    trail : (m, 3) rows (t, sin t, cos t) for 0 ≤ t ≤ θ.
    tan_trail : (k, 2) rows (t, tan t) for 0 ≤ t ≤ θ, NaN rows at the asymptotes.
    """

    point: CirclePoint
    arc: np.ndarray
    trail: np.ndarray
    tan_trail: np.ndarray


def circle_state(theta: float, step: float = np.radians(5)) -> CircleState:
    """The unit-circle picture at ``theta`` (radians).

    Parameters
    ----------
    theta : the angle, ≥ 0.
    step : the angle between samples of the arc and of the sin and cos graphs (5°: a curve
        bends by 0.1% of its height between samples); tan, which bends sharply near its
        asymptotes, is sampled as often but only up to |tan| = ``TAN_LIMIT``.
    """
    t = np.append(np.arange(0.0, theta, step), theta)
    tan_t, tan_y = tan_curve(t, TAN_LIMIT)
    return CircleState(
        point=circle_point(theta),
        arc=np.column_stack([np.cos(t), np.sin(t)]),
        trail=np.column_stack([t, np.sin(t), np.cos(t)]),
        tan_trail=np.column_stack([tan_t, tan_y]),
    )


@dataclass(frozen=True)
class CircleAnimation:
    """A full turn of the unit circle, and the graphs it traces.

    Attributes
    ----------
    frames : the picture at n equally spaced angles from 0 to 2π, both ends included (with
        121 frames, every 3°: the quarter turns are frames).
    curve : (m, 3) rows (t, sin t, cos t), 0 ≤ t ≤ 2π, finely sampled for the graphs.
    tan_curve : (k, 2) rows (t, tan t), NaN rows at the asymptotes.
    asymptotes : the asymptotes of tan in [0, 2π]: π/2 and 3π/2.
    """

    frames: tuple[CircleState, ...]
    curve: np.ndarray
    tan_curve: np.ndarray
    asymptotes: np.ndarray

    def nearest_frame(self, theta: float) -> int:
        """The index of the frame whose angle is closest to ``theta``."""
        step = TAU / (len(self.frames) - 1)
        return int(np.clip(round(theta / step), 0, len(self.frames) - 1))


def circle_animation(n_frames: int = 121, n_curve: int = 361) -> CircleAnimation:
    """The frames and graphs for sweeping θ from 0 to 2π."""
    t = np.linspace(0.0, TAU, n_curve)
    tan_t, tan_y = tan_curve(t, TAN_LIMIT)
    return CircleAnimation(
        frames=tuple(circle_state(theta, FRAME_STEP) for theta in np.linspace(0.0, TAU, n_frames)),
        curve=np.column_stack([t, np.sin(t), np.cos(t)]),
        tan_curve=np.column_stack([tan_t, tan_y]),
        asymptotes=tan_asymptotes(0.0, TAU),
    )


def with_breaks(x: np.ndarray, y: np.ndarray, breaks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Insert a NaN into a sampled curve at each break, so a plot does not join across it.

    Parameters
    ----------
    x : (n,) increasing sample positions.
    y : (n,) values.
    breaks : positions of asymptotes or jumps; those outside ``x``'s range are ignored.

    Returns
    -------
    x, y : (n + k,) arrays with (break, NaN) inserted in order, k the number of breaks inside.
    """
    breaks = np.asarray(breaks, dtype=float)
    breaks = breaks[(breaks > x[0]) & (breaks < x[-1])]
    where = np.searchsorted(x, breaks)
    return np.insert(x, where, breaks), np.insert(y, where, np.nan)


def tan_curve(x: np.ndarray, limit: float = 20.0) -> tuple[np.ndarray, np.ndarray]:
    """tan x sampled for drawing: broken at every asymptote, values beyond ±``limit`` dropped.

    Parameters
    ----------
    x : (n,) increasing angles in radians.
    limit : |tan| above this is left out (pick it beyond the chart's range: the line then
        leaves the chart as the curve does).

    Returns
    -------
    x, y : arrays with NaN at each asymptote x = π/2 + kπ inside the range and in place of
        each run of dropped values, so no line joins +∞ to -∞.
    """
    y = safe_tan(x)
    y[np.abs(np.nan_to_num(y, nan=0.0)) > limit] = np.nan
    x, y = with_breaks(x, y, tan_asymptotes(x[0], x[-1]))
    repeated = np.isnan(y) & np.isnan(np.concatenate([[0.0], y[:-1]]))
    return x[~repeated], y[~repeated]  # one NaN per break is enough


def tan_asymptotes(start: float, stop: float) -> np.ndarray:
    """The asymptotes x = π/2 + kπ of tan inside [start, stop]."""
    first = np.ceil((start - np.pi / 2) / np.pi)
    last = np.floor((stop - np.pi / 2) / np.pi)
    return np.pi / 2 + np.pi * np.arange(first, last + 1)
