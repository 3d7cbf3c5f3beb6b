"""The pictures of /gradients, written as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`).

The surface's grid and its traces are made once per surface (cached on the expression tree and
the window); a move of the point only adds the few small traces of the point, the tangent
plane and the arrows. Gaps (where f is undefined, or a pole's spike is cut off) are JSON nulls,
never NaN.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from mathviz.calculus import gradient
from mathviz.calculus.gradient import Curvature, PointFacts, SurfaceGrid
from mathviz.core import numbers
from mathviz.core.expressions import Expression
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.theme import COLORS
from mathviz.plot.traces import arrow_trace, line_trace

COLORSCALE = "Viridis"
LEVELS = 14  # contour lines of the map
GRADIENT_COLOR = COLORS["accent"]
DIRECTION_COLOR = COLORS["secondary"]
LEVEL_COLOR = "#FFFFFF"
FIELD_COLOR = "rgba(255, 255, 255, 0.75)"
PLANE_COLOR = COLORS["secondary"]
EIGEN_COLORS = (COLORS["highlight"], COLORS["soft"])
ARROW_SHARE = 0.28  # the longest gradient arrow at the point: this share of the window


def _rounded(values: np.ndarray) -> list:
    """Numbers for the chart's JSON: 5 significant digits, null where not finite."""
    flat = [None if not math.isfinite(v) else float(f"{v:.5g}") for v in values.ravel()]
    return flat


def _grid_rows(z: np.ndarray) -> list[list]:
    return [_rounded(row) for row in z]


@functools.lru_cache(maxsize=16)
def _base_traces(expr: Expression, window: tuple[float, float, float, float]) -> dict:
    """The heavy traces of a surface (3D surface, contour map, field), made once."""
    grid = gradient.surface_grid(expr, window)
    rows = _grid_rows(grid.z)
    xs, ys = _rounded(grid.xs), _rounded(grid.ys)
    common = {"x": xs, "y": ys, "z": rows, "zmin": grid.low, "zmax": grid.high}
    size = (grid.high - grid.low) / LEVELS
    contour = {
        "type": "contour",
        **common,
        "colorscale": COLORSCALE,
        "contours": {"start": grid.low + size / 2, "end": grid.high, "size": size},
        "line": {"width": 0.6, "color": "rgba(255, 255, 255, 0.45)"},
        "colorbar": {"title": {"text": "f", "side": "top"}, "thickness": 12, "len": 0.85},
        "hoverinfo": "x+y+z",
        "name": "f(x, y)",
    }
    surface = {
        "type": "surface",
        "x": xs,
        "y": ys,
        "z": rows,
        "cmin": grid.low,
        "cmax": grid.high,
        "colorscale": COLORSCALE,
        "showscale": False,
        "name": "z = f(x, y)",
        "hoverinfo": "x+y+z",
        "contours": {"z": {"show": False}},
    }
    field = gradient.gradient_field(expr, window)
    fx, fy = [], []
    for (tx, ty), (hx, hy) in zip(field.tails, field.heads, strict=True):
        fx += [float(f"{tx:.4g}"), float(f"{hx:.4g}"), None]
        fy += [float(f"{ty:.4g}"), float(f"{hy:.4g}"), None]
    arrows = {
        "type": "scatter",
        "x": fx,
        "y": fy,
        "mode": "lines+markers",
        "line": {"color": FIELD_COLOR, "width": 1.2},
        "marker": {
            "symbol": "arrow",
            "angleref": "previous",
            "size": [0, 7, 0] * len(field.tails),
            "color": FIELD_COLOR,
        },
        "name": "∇f field",
        "hoverinfo": "skip",
        "showlegend": False,
    }
    return {"contour": contour, "surface": surface, "field": arrows, "grid": grid}


def _axes(window: tuple[float, float, float, float], name: str, domain: list[float]) -> dict:
    x0, x1, y0, y1 = window
    suffix = "" if name == "1" else name
    return {
        f"xaxis{suffix}": {
            "range": [x0, x1],
            "domain": domain,
            "title": {"text": "x"},
            "constrain": "domain",
            "zeroline": False,
        },
        f"yaxis{suffix}": {
            "range": [y0, y1],
            "title": {"text": "y"},
            "scaleanchor": f"x{suffix}",
            "scaleratio": 1,
            "constrain": "domain",
            "zeroline": False,
        },
    }


def label(x: float, y: float, text: str, color: str, axis: str = "1", **extra) -> dict:
    """A name written on the picture, on a light box so that it reads over any colour."""
    suffix = "" if axis == "1" else axis
    return {
        "x": float(x),
        "y": float(y),
        "xref": f"x{suffix}",
        "yref": f"y{suffix}",
        "text": f"<b>{text}</b>",
        "showarrow": False,
        "font": {"color": color, "size": 15},
        "bgcolor": "rgba(255, 255, 255, 0.85)",
        "borderpad": 2,
        **extra,
    }


def tip_label(tail: np.ndarray, tip: np.ndarray, text: str, color: str, axis: str = "1") -> dict:
    """A label at an arrow's tip, on the side it points to."""
    dx, dy = np.asarray(tip, dtype=float) - np.asarray(tail, dtype=float)
    return label(
        tip[0],
        tip[1],
        text,
        color,
        axis,
        xanchor="left" if dx >= 0 else "right",
        yanchor="bottom" if dy >= 0 else "top",
    )


def _on(trace: dict, axis: str) -> dict:
    return trace if axis == "1" else {**trace, "xaxis": f"x{axis}", "yaxis": f"y{axis}"}


def _level_curve(grid: SurfaceGrid, base: dict, value: float, axis: str) -> list[dict]:
    """The level curve f = f(x₀, y₀) (a one-level contour), if it is inside the grid's range."""
    if not (math.isfinite(value) and grid.low <= value <= grid.high):
        return []
    level = {
        "type": "contour",
        "x": base["contour"]["x"],
        "y": base["contour"]["y"],
        "z": base["contour"]["z"],
        "contours": {"start": value, "end": value, "size": 1.0, "coloring": "none"},
        "line": {"color": LEVEL_COLOR, "width": 3},
        "showscale": False,
        "hoverinfo": "skip",
        "name": "level curve",
    }
    return [_on(level, axis)]


def _arrow_length(window: tuple[float, float, float, float]) -> float:
    return ARROW_SHARE * min(window[1] - window[0], window[3] - window[2])


def gradient_tip(facts: PointFacts, window: tuple[float, float, float, float]) -> np.ndarray:
    """Where the gradient arrow at the point ends: along ∇f, drawn to a fixed length (the
    field's arrows show how the size of ∇f varies; the formula gives its value)."""
    p = np.array(facts.point)
    if not facts.slope:
        return p
    return p + _arrow_length(window) * facts.gradient / facts.slope


def _point_marks(facts: PointFacts, window, axis: str, tangent: bool = True) -> list[dict]:
    """The point, the gradient arrow and the level curve's tangent line on a contour map."""
    p = np.array(facts.point)
    marks = []
    if facts.slope and tangent:
        along = np.array([-facts.gradient[1], facts.gradient[0]]) / facts.slope
        half = 0.6 * _arrow_length(window)
        marks.append(
            _on(
                line_trace(
                    np.vstack([p - half * along, p + half * along]),
                    LEVEL_COLOR,
                    "tangent to the level curve",
                    width=2,
                    dash="dash",
                ),
                axis,
            )
        )
    if facts.slope:
        tip = gradient_tip(facts, window)
        marks.append(
            _on(
                arrow_trace(np.vstack([p, tip]), GRADIENT_COLOR, "∇f", width=5, showlegend=False),
                axis,
            )
        )
    marks.append(
        _on(
            {
                "type": "scatter",
                "x": [p[0]],
                "y": [p[1]],
                "mode": "markers",
                "marker": {
                    "color": GRADIENT_COLOR,
                    "size": 11,
                    "line": {"color": "white", "width": 2},
                },
                "name": "(x₀, y₀)",
                "showlegend": False,
            },
            axis,
        )
    )
    return marks


def _tangent_plane(facts: PointFacts, window) -> list[dict]:
    """The point on the surface and its tangent plane (a small square patch)."""
    x0, y0 = facts.point
    half = 0.18 * min(window[1] - window[0], window[3] - window[2])
    xs = [x0 - half, x0 + half]
    ys = [y0 - half, y0 + half]
    fx, fy = facts.gradient
    z = [[facts.value + fx * (x - x0) + fy * (y - y0) for x in xs] for y in ys]
    plane = {
        "type": "surface",
        "x": xs,
        "y": ys,
        "z": z,
        "colorscale": [[0, PLANE_COLOR], [1, PLANE_COLOR]],
        "showscale": False,
        "opacity": 0.75,
        "name": "tangent plane",
        "hoverinfo": "name",
    }
    point = {
        "type": "scatter3d",
        "x": [x0],
        "y": [y0],
        "z": [facts.value],
        "mode": "markers",
        "marker": {"color": GRADIENT_COLOR, "size": 6},
        "name": "(x₀, y₀, f(x₀, y₀))",
        "showlegend": False,
    }
    return [plane, point]


def _layout() -> dict:
    return {"showlegend": False, "margin": {"l": 10, "r": 10, "t": 30, "b": 40}}


def _gradient_labels(facts: PointFacts, window, axis: str) -> list[dict]:
    if not (facts.defined and facts.slope):
        return []
    p = np.array(facts.point)
    return [tip_label(p, gradient_tip(facts, window), "∇f", GRADIENT_COLOR, axis)]


def _colorbar(x: float) -> dict:
    return {"title": {"text": "f", "side": "top"}, "thickness": 12, "len": 0.8, "x": x, "nticks": 6}


def surface_figure(expr: Expression, window: tuple, facts: PointFacts) -> Prebuilt:
    """Part 1: the surface with its tangent plane (left) and the contour map with the gradient
    field, the level curve through the point and ∇f across it (right)."""
    base = _base_traces(expr, window)
    grid = base["grid"]
    data = [base["surface"]]
    if facts.defined:
        data += _tangent_plane(facts, window)
    data += [{**base["contour"], "colorbar": _colorbar(1.0)}, base["field"]]
    if facts.defined:
        data += _level_curve(grid, base, facts.value, "1") + _point_marks(facts, window, "1")
    layout = _layout() | _axes(window, "1", [0.53, 0.94])
    layout["annotations"] = _gradient_labels(facts, window, "1")
    small = {"size": 13}
    layout["scene"] = {
        "domain": {"x": [0.0, 0.47], "y": [0.0, 1.0]},
        "xaxis": {
            "title": {"text": "x"},
            "range": list(window[:2]),
            "nticks": 4,
            "tickfont": small,
        },
        "yaxis": {
            "title": {"text": "y"},
            "range": list(window[2:]),
            "nticks": 4,
            "tickfont": small,
        },
        "zaxis": {
            "title": {"text": ""},
            "range": [grid.low, grid.high],
            "nticks": 4,
            "tickfont": small,
        },
        "aspectmode": "manual",
        "aspectratio": {"x": 1, "y": 1, "z": 0.6},
        "camera": {"eye": {"x": 1.5, "y": -1.5, "z": 1.05}},
    }
    return Prebuilt({"data": data, "layout": layout})


def _u_arrow(facts: PointFacts, theta: float, window) -> dict:
    p = np.array(facts.point)
    return arrow_trace(
        np.vstack([p, u_tip(facts, theta, window)]),
        DIRECTION_COLOR,
        "u",
        width=5,
        showlegend=False,
    )


def u_tip(facts: PointFacts, theta: float, window) -> np.ndarray:
    """Where the unit vector u is drawn to (the same length as the ∇f arrow)."""
    direction = np.array([math.cos(theta), math.sin(theta)])
    return np.array(facts.point) + _arrow_length(window) * direction


def _marker(x: float, y: float, color: str, size: int = 10, symbol: str = "circle") -> dict:
    return {
        "type": "scatter",
        "x": [float(x)],
        "y": [float(y)],
        "mode": "markers",
        "marker": {
            "color": color,
            "size": size,
            "symbol": symbol,
            "line": {"color": "#555555", "width": 1},
        },
        "xaxis": "x2",
        "yaxis": "y2",
        "hoverinfo": "x+y",
        "cliponaxis": False,
    }


def directional_figure(
    expr: Expression, window: tuple, facts: PointFacts, theta: float
) -> Prebuilt:
    """Part 2: the map with ∇f and the unit vector u (left); D_u f against θ (right)."""
    base = _base_traces(expr, window)
    grid = base["grid"]
    data = [{**base["contour"], "showscale": False}, base["field"]]
    annotations = []
    if facts.defined:
        data += _level_curve(grid, base, facts.value, "1")
        data += _point_marks(facts, window, "1", tangent=False)
        data.append(_u_arrow(facts, theta, window))
        p = np.array(facts.point)
        annotations += _gradient_labels(facts, window, "1")
        annotations.append(tip_label(p, u_tip(facts, theta, window), "u", DIRECTION_COLOR))
    layout = _layout() | _axes(window, "1", [0.0, 0.46])
    degrees = np.arange(0, 361, 2.0)
    span = 1.0
    if facts.defined:
        values = gradient.directional(facts, np.radians(degrees))
        slope, uphill = facts.slope, math.degrees(facts.uphill) % 360
        curve = line_trace(np.column_stack([degrees, values]), COLORS["primary"], "Dᵤf", width=3)
        data.append(_on(curve, "2"))
        for level in (slope, -slope):
            bound = line_trace(
                np.array([[0, level], [360, level]]), GRADIENT_COLOR, width=1.5, dash="dot"
            )
            data.append(_on(bound, "2"))
        if slope:
            zeros = [(uphill + 90) % 360, (uphill + 270) % 360]
            data += [_marker(uphill, slope, GRADIENT_COLOR)]
            data += [_marker(z, 0.0, "#FFFFFF") for z in zeros]
            annotations.append(
                label(uphill, slope, "|∇f|", GRADIENT_COLOR, "2", yanchor="bottom", yshift=6)
            )
            annotations.append(label(zeros[0], 0.0, "0", "#555555", "2", yanchor="top", yshift=-6))
            annotations.append(label(zeros[1], 0.0, "0", "#555555", "2", yanchor="top", yshift=-6))
        here_theta = theta_degrees(theta)
        here = float(gradient.directional(facts, math.radians(here_theta)))
        data.append(_marker(here_theta, here, DIRECTION_COLOR, 14, "diamond"))
        annotations.append(
            label(
                here_theta,
                here,
                "D<sub>u</sub>f",
                DIRECTION_COLOR,
                "2",
                xanchor="left" if here_theta < 250 else "right",
                xshift=10 if here_theta < 250 else -10,
            )
        )
        span = max(slope, 1e-9) * 1.3
    layout["xaxis2"] = {
        "domain": [0.58, 1.0],
        "range": [0, 360],
        "tickvals": [0, 90, 180, 270, 360],
        "ticktext": ["0°", "90°", "180°", "270°", "360°"],
        "title": {"text": "direction θ of u"},
        "anchor": "y2",
    }
    layout["yaxis2"] = {
        "range": [-span, span],
        "title": {"text": "D<sub>u</sub>f = ∇f · u"},
        "anchor": "x2",
    }
    layout["annotations"] = annotations
    return Prebuilt({"data": data, "layout": layout})


def theta_degrees(theta: float) -> float:
    return math.degrees(theta) % 360


def hessian_figure(
    expr: Expression, window: tuple, facts: PointFacts, bend: Curvature | None
) -> Prebuilt:
    """Part 3: the map with the Hessian's eigen-directions at the point, each as long as its
    |λ| (relative to the larger), labelled with λ; the quadratic model's level curves dashed."""
    base = _base_traces(expr, window)
    grid = base["grid"]
    data = [{**base["contour"], "colorbar": _colorbar(1.02)}]
    annotations = []
    if facts.defined:
        data += _level_curve(grid, base, facts.value, "1")
    p = np.array(facts.point)
    if facts.defined and bend is not None:
        data += _quadratic_model(facts, window)
        largest = float(np.max(np.abs(bend.values)))
        for k in range(2):
            value = float(bend.values[k])
            share = abs(value) / largest if largest else 0.0
            length = _arrow_length(window) * max(share, 0.12)
            d = bend.directions[:, k]
            if d[0] < 0 or (d[0] == 0 and d[1] < 0):
                d = -d
            color = EIGEN_COLORS[k]
            name = f"λ{numbers.subscript(k + 1)}"
            data.append(
                line_trace(np.vstack([p - length * d, p + length * d]), color, name, width=5)
            )
            annotations.append(
                tip_label(p, p + length * d, f"{name} = {numbers.text(value)}", color)
            )
    if facts.defined:
        data += _point_marks(facts, window, "1", tangent=False)[-1:]
    layout = _layout() | _axes(window, "1", [0.0, 0.92])
    layout["annotations"] = annotations
    return Prebuilt({"data": data, "layout": layout})


def _quadratic_model(facts: PointFacts, window) -> list[dict]:
    """Level curves of q(d) = ½ dᵀ H d around the point: how the surface bends there."""
    half = 0.2 * min(window[1] - window[0], window[3] - window[2])
    x0, y0 = facts.point
    xs = np.linspace(x0 - half, x0 + half, 31)
    ys = np.linspace(y0 - half, y0 + half, 31)
    dx, dy = xs[None, :] - x0, ys[:, None] - y0
    h = gradient.symmetric(facts.hessian)
    q = 0.5 * (h[0, 0] * dx**2 + 2 * h[0, 1] * dx * dy + h[1, 1] * dy**2)
    top = float(np.max(np.abs(q)))
    if not math.isfinite(top) or top == 0:
        return []
    return [
        {
            "type": "contour",
            "x": typed(xs, "f4"),
            "y": typed(ys, "f4"),
            "z": [_rounded(row) for row in q],
            "showscale": False,
            "hoverinfo": "skip",
            "contours": {"coloring": "none", "start": -top, "end": top, "size": top / 4},
            "line": {"color": "#FFFFFF", "width": 1.5, "dash": "dash"},
            "name": "½ dᵀHd",
        }
    ]
