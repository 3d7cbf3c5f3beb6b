"""The pictures of /gradients, written as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`).

The surface's grid and its heavy parts (the 3D surface, the map's colours, its level curves
and the gradient field, the last two as SVG paths) are made once per surface (cached on the
expression tree and the window); a move of the point only adds the point's few small marks.
Gaps (where f is undefined, or a pole's spike is cut off) are JSON nulls, never NaN.
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
from mathviz.plot.traces import line_trace

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


def _grid_z(z: np.ndarray) -> dict | list[list]:
    """A grid's values for the chart: a float32 typed array with its shape when every value is
    finite (a fifth of the JSON, serialised ~10x faster); else rows with JSON nulls for the gaps
    (plotly leaves a hole there), since NaN never goes into chart data."""
    if np.all(np.isfinite(z)):
        return {**typed(z, "f4"), "shape": f"{z.shape[0]},{z.shape[1]}"}
    return [_rounded(row) for row in z]


@functools.lru_cache(maxsize=16)
def _base_traces(expr: Expression, window: tuple[float, float, float, float]) -> dict:
    """The heavy traces of a surface (3D surface, contour map, field), made once."""
    grid = gradient.surface_grid(expr, window)
    rows = _grid_z(grid.z)
    xs, ys = typed(grid.xs, "f4"), typed(grid.ys, "f4")
    common = {"x": xs, "y": ys, "z": rows, "zmin": grid.low, "zmax": grid.high}
    size = (grid.high - grid.low) / LEVELS
    # The map: the colours as an image the browser smooths, and the level curves as one path
    # worked out here, once per surface. A contour trace made plotly find every level again
    # on each move of the point (~12 ms of the map's ~30 ms).
    fill = {
        "type": "heatmap",
        **common,
        "zsmooth": "fast",
        "colorscale": COLORSCALE,
        "showscale": False,
        "hoverinfo": "x+y+z",
        "name": "f(x, y)",
    }
    levels = grid.low + size / 2 + size * np.arange(LEVELS)
    segments = [seg for level in levels for seg in gradient.level_segments(grid, float(level))]
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
    arrows = _field_path(gradient.gradient_field(expr, window))
    return {"fill": fill, "levels": svg_path(segments), "surface": surface, "field": arrows,
            "grid": grid}  # fmt: skip


BARB = 0.3  # an arrowhead's barbs: this share of the arrow's length
BARB_ANGLE = math.radians(25)


def svg_path(segments: list[tuple[np.ndarray, np.ndarray]]) -> str:
    """SVG path text of line segments in data coordinates (``M x y L x y ...``)."""
    return "".join(f"M{a[0]:.4g},{a[1]:.4g}L{b[0]:.4g},{b[1]:.4g}" for a, b in segments)


def _field_path(field: gradient.Field) -> str:
    """The gradient field as one path: each arrow a shaft and two barbs. One SVG element for
    all the arrows: a trace with gaps or rotated marker symbols costs the browser far more."""
    turn = np.array([[math.cos(BARB_ANGLE), -math.sin(BARB_ANGLE)],
                     [math.sin(BARB_ANGLE), math.cos(BARB_ANGLE)]])  # fmt: skip
    segments = []
    for tail, head in zip(field.tails, field.heads, strict=True):
        back = BARB * (tail - head)
        segments += [(tail, head), (head + turn @ back, head), (head + turn.T @ back, head)]
    return svg_path(segments)


def path_shape(path: str, color: str, width: float, name: str, axis: str = "1") -> dict:
    """An SVG path in the data coordinates of subplot ``axis``, drawn over the traces."""
    suffix = "" if axis == "1" else axis
    return {
        "type": "path", "path": path, "xref": f"x{suffix}", "yref": f"y{suffix}",
        "line": {"color": color, "width": width}, "name": name, "layer": "above",
    }  # fmt: skip


def levels_shape(levels_path: str, axis: str = "1") -> dict:
    return path_shape(levels_path, "rgba(255, 255, 255, 0.45)", 0.6, "level curves", axis)


def field_shape(field_path: str, axis: str = "1") -> dict:
    return path_shape(field_path, FIELD_COLOR, 1.2, "∇f field", axis)


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


def _level_curve(grid: SurfaceGrid, value: float, axis: str = "1") -> list[dict]:
    """The level curve f = f(x₀, y₀) as a path shape (segments by marching squares)."""
    segments = gradient.level_segments(grid, value)
    if not len(segments):
        return []
    return [path_shape(svg_path(list(segments)), LEVEL_COLOR, 3, "level curve", axis)]


def _arrow_length(window: tuple[float, float, float, float]) -> float:
    return ARROW_SHARE * min(window[1] - window[0], window[3] - window[2])


def gradient_tip(facts: PointFacts, window: tuple[float, float, float, float]) -> np.ndarray:
    """Where the gradient arrow at the point ends: along ∇f, drawn to a fixed length (the
    field's arrows show how the size of ∇f varies; the formula gives its value)."""
    p = np.array(facts.point)
    if not facts.slope:
        return p
    return p + _arrow_length(window) * facts.gradient / facts.slope


def _ref(axis: str) -> dict:
    suffix = "" if axis == "1" else axis
    return {"xref": f"x{suffix}", "yref": f"y{suffix}"}


def arrow(tail: np.ndarray, tip: np.ndarray, color: str, name: str, axis: str = "1") -> dict:
    """An arrow drawn as an annotation (above every shape; no trace for the browser to redo)."""
    suffix = "" if axis == "1" else axis
    return {
        "x": float(tip[0]), "y": float(tip[1]), "ax": float(tail[0]), "ay": float(tail[1]),
        **_ref(axis), "axref": f"x{suffix}", "ayref": f"y{suffix}", "text": "",
        "showarrow": True, "arrowhead": 2, "arrowsize": 1.1, "arrowwidth": 4,
        "arrowcolor": color, "name": name,
    }  # fmt: skip


def segment(a: np.ndarray, b: np.ndarray, color: str, name: str, width=2.0, dash=None, axis="1"):
    """A straight line as a shape."""
    line = {"color": color, "width": width} | ({"dash": dash} if dash else {})
    return {
        "type": "line", "x0": float(a[0]), "y0": float(a[1]), "x1": float(b[0]),
        "y1": float(b[1]), **_ref(axis), "line": line, "name": name, "layer": "above",
    }  # fmt: skip


def dot(p: np.ndarray, window, color: str, name: str, axis: str = "1") -> dict:
    """The point as a small disc (a shape, drawn over the lines before it)."""
    r = 0.018 * min(window[1] - window[0], window[3] - window[2])
    return {
        "type": "circle", "x0": float(p[0] - r), "x1": float(p[0] + r), "y0": float(p[1] - r),
        "y1": float(p[1] + r), **_ref(axis), "fillcolor": color,
        "line": {"color": "#FFFFFF", "width": 2}, "name": name, "layer": "above",
    }  # fmt: skip


def _point_marks(facts: PointFacts, window, axis: str, tangent: bool = True) -> tuple:
    """(shapes, annotations): the level curve's tangent, the point, and ∇f with its name."""
    p = np.array(facts.point)
    shapes, notes = [], []
    if facts.slope and tangent:
        along = np.array([-facts.gradient[1], facts.gradient[0]]) / facts.slope
        half = 0.6 * _arrow_length(window)
        shapes.append(
            segment(p - half * along, p + half * along, LEVEL_COLOR,
                    "tangent to the level curve", dash="dash", axis=axis)
        )  # fmt: skip
    if facts.slope:
        tip = gradient_tip(facts, window)
        notes += [arrow(p, tip, GRADIENT_COLOR, "∇f", axis)]
        notes += [tip_label(p, tip, "∇f", GRADIENT_COLOR, axis)]
    shapes.append(dot(p, window, GRADIENT_COLOR, "(x₀, y₀)", axis))
    return shapes, notes


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


def _layout(window) -> dict:
    """The common layout; ``uirevision`` keeps a turned 3D view (and a zoom) while the point
    moves, and starts afresh on another window."""
    return {
        "showlegend": False,
        # Left and bottom from the theme: room for the tick labels and the axis titles, so
        # that plotly need not widen them after a first draw and draw the chart twice.
        "margin": {"r": 30, "t": 30},
        "uirevision": ",".join(f"{w:g}" for w in window),
    }


MAP_DOMAIN = [0.0, 0.86]  # the map's x domain: its colour scale sits in the rest
STRIP_DOMAIN = [0.93, 0.96]
STRIP_STEPS = 64


def colour_strip(grid: SurfaceGrid) -> tuple[dict, dict]:
    """The map's colour scale as a thin heatmap on its own axes, f's values on its left, in
    the gap beside the map (the trace, and the layout's axes). Plotly's own colour bar, and
    any label past the plot's edge, widen the margin after a first draw: the whole chart is
    then drawn twice on every move (~100 ms here)."""
    levels = np.linspace(grid.low, grid.high, STRIP_STEPS)
    trace = {
        "type": "heatmap", "x": [0.0], "y": typed(levels, "f4"),
        "z": typed(levels[:, None], "f4") | {"shape": f"{STRIP_STEPS},1"},
        "zmin": grid.low, "zmax": grid.high, "colorscale": COLORSCALE, "showscale": False,
        "xaxis": "x9", "yaxis": "y9", "hoverinfo": "y", "name": "f",
    }  # fmt: skip
    axes = {
        "xaxis9": {"domain": STRIP_DOMAIN, "visible": False, "fixedrange": True, "anchor": "y9"},
        "yaxis9": {
            "anchor": "x9", "side": "left", "range": [grid.low, grid.high], "fixedrange": True,
            "title": {"text": "f"}, "nticks": 6, "showgrid": False, "zeroline": False,
            "domain": [0.1, 0.9],
        },
    }  # fmt: skip
    return trace, axes


def _map_marks(base: dict, facts: PointFacts, window, axis: str, tangent: bool) -> tuple:
    """(shapes, annotations) of a contour map: the field, the level curve, the point and ∇f."""
    shapes, notes = [levels_shape(base["levels"], axis), field_shape(base["field"], axis)], []
    if facts.defined:
        shapes += _level_curve(base["grid"], facts.value, axis)
        more, notes = _point_marks(facts, window, axis, tangent)
        shapes += more
    return shapes, notes


def surface_figure(expr: Expression, window: tuple, facts: PointFacts | None = None) -> Prebuilt:
    """The surface z = f(x, y) in 3D; with ``facts``, the point on it and its tangent plane.

    Without the point it is the same figure on every move of the point, so the browser never
    redraws it then: a WebGL scene costs 100-250 ms to redraw without a GPU (headless
    Chromium), 20x a move of the 2D map.
    """
    base = _base_traces(expr, window)
    grid = base["grid"]
    data = [base["surface"]]
    if facts is not None and facts.defined:
        data += _tangent_plane(facts, window)
    small = {"size": 13}
    layout = _layout(window)
    layout["margin"] = {"l": 0, "r": 0, "t": 10, "b": 10}
    layout["scene"] = {
        "xaxis": {"title": {"text": "x"}, "range": list(window[:2]), "nticks": 4,
                  "tickfont": small},
        "yaxis": {"title": {"text": "y"}, "range": list(window[2:]), "nticks": 4,
                  "tickfont": small},
        # z's tick labels fall outside the scene's canvas, which cuts them off: the colours
        # (and the map's scale beside it) give the heights.
        "zaxis": {"title": {"text": ""}, "range": [grid.low, grid.high], "nticks": 4,
                  "showticklabels": False},
        "aspectmode": "manual",
        "aspectratio": {"x": 1, "y": 1, "z": 0.6},
        "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 1.1}},
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def map_figure(expr: Expression, window: tuple, facts: PointFacts) -> Prebuilt:
    """The contour map with the gradient field, the level curve through the point and ∇f
    across it, the level curve's tangent dashed."""
    base = _base_traces(expr, window)
    strip, strip_axes = colour_strip(base["grid"])
    data = [base["fill"], strip]
    shapes, notes = _map_marks(base, facts, window, "1", tangent=True)
    layout = _layout(window) | _axes(window, "1", MAP_DOMAIN) | strip_axes
    layout |= {"shapes": shapes, "annotations": notes}
    return Prebuilt({"data": data, "layout": layout})


def u_tip(facts: PointFacts, theta: float, window) -> np.ndarray:
    """Where the unit vector u is drawn to (the same length as the ∇f arrow)."""
    direction = np.array([math.cos(theta), math.sin(theta)])
    return np.array(facts.point) + _arrow_length(window) * direction


def _marker(x: float, y: float, color: str, size: int = 10, symbol: str = "circle") -> dict:
    return {
        "type": "scatter", "x": [float(x)], "y": [float(y)], "mode": "markers",
        "marker": {"color": color, "size": size, "symbol": symbol,
                   "line": {"color": "#555555", "width": 1}},
        "xaxis": "x2", "yaxis": "y2", "hoverinfo": "x+y", "cliponaxis": False,
    }  # fmt: skip


def directional_figure(
    expr: Expression, window: tuple, facts: PointFacts, theta: float
) -> Prebuilt:
    """The map with ∇f and the unit vector u (left); D_u f against θ (right)."""
    base = _base_traces(expr, window)
    data = [base["fill"]]
    shapes, notes = _map_marks(base, facts, window, "1", tangent=False)
    notes = list(notes)
    layout = _layout(window) | _axes(window, "1", [0.0, 0.46])
    span = 1.0
    if facts.defined:
        p = np.array(facts.point)
        tip = u_tip(facts, theta, window)
        notes += [arrow(p, tip, DIRECTION_COLOR, "u"), tip_label(p, tip, "u", DIRECTION_COLOR)]
        degrees = np.arange(0, 361, 2.0)
        values = gradient.directional(facts, np.radians(degrees))
        slope, uphill = facts.slope, math.degrees(facts.uphill) % 360
        curve = line_trace(np.column_stack([degrees, values]), COLORS["primary"], "Dᵤf", width=3)
        data.append(_on(curve, "2"))
        for level in (slope, -slope):
            shapes.append(
                segment((0, level), (360, level), GRADIENT_COLOR, "±|∇f|", 1.5, "dot", "2")
            )
        if slope:
            zeros = [(uphill + 90) % 360, (uphill + 270) % 360]
            data += [_marker(uphill, slope, GRADIENT_COLOR)]
            data += [_marker(z, 0.0, "#FFFFFF") for z in zeros]
            notes.append(
                label(uphill, slope, "|∇f|", GRADIENT_COLOR, "2", yanchor="bottom", yshift=6)
            )
            for z in zeros:
                notes.append(label(z, 0.0, "0", "#555555", "2", yanchor="top", yshift=-6))
        here_theta = theta_degrees(theta)
        here = float(gradient.directional(facts, math.radians(here_theta)))
        data.append(_marker(here_theta, here, DIRECTION_COLOR, 14, "diamond"))
        right = here_theta < 250
        notes.append(
            label(here_theta, here, "D<sub>u</sub>f", DIRECTION_COLOR, "2",
                  xanchor="left" if right else "right", xshift=10 if right else -10)
        )  # fmt: skip
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
        "range": [-span, span], "title": {"text": "D<sub>u</sub>f = ∇f · u"}, "anchor": "x2",
    }  # fmt: skip
    layout |= {"shapes": shapes, "annotations": notes}
    return Prebuilt({"data": data, "layout": layout})


def theta_degrees(theta: float) -> float:
    return math.degrees(theta) % 360


def hessian_figure(
    expr: Expression, window: tuple, facts: PointFacts, bend: Curvature | None
) -> Prebuilt:
    """The map with the Hessian's eigen-directions at the point, each as long as its
    |λ| (relative to the larger), labelled with λ; the quadratic model's level curves dashed."""
    base = _base_traces(expr, window)
    strip, strip_axes = colour_strip(base["grid"])
    data = [base["fill"], strip]
    shapes, notes = [levels_shape(base["levels"])], []
    p = np.array(facts.point)
    if facts.defined:
        shapes += _level_curve(base["grid"], facts.value)
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
            shapes.append(segment(p - length * d, p + length * d, color, name, 5))
            notes.append(tip_label(p, p + length * d, f"{name} = {numbers.text(value)}", color))
    if facts.defined:
        shapes.append(dot(p, window, GRADIENT_COLOR, "(x₀, y₀)"))
    layout = _layout(window) | _axes(window, "1", MAP_DOMAIN) | strip_axes
    layout |= {"shapes": shapes, "annotations": notes}
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
