"""Trace pieces every figure module shares, as plain dicts in plotly's JSON form: points as
typed arrays, lines, markers, arrows, polylines joined with NaN breaks, guide lines, square axes,
the legend on top, and whole figures encoded for :class:`mathviz.plot.spec.Prebuilt`.

Arrays go to plotly in its binary typed-array form (:func:`mathviz.plot.spec.typed`): what
plotly itself makes of a numpy array when it serialises a figure, done once here. Letting
plotly convert numpy arrays one by one costs about 0.2 ms per array, which for the hundreds
of arrays in an animation's frames would break a page's 30 ms rerun budget on its own.
Nothing here computes any mathematics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz.core.numbers import text as number_text
from mathviz.plot.spec import typed

ARROW_SIZE = 15


def xy(points: np.ndarray) -> dict[str, Any]:
    """``x`` and ``y`` of a trace from (n, 2) points."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    return {"x": typed(points[:, 0]), "y": typed(points[:, 1])}


def line_style(color: str, width: float, dash: str | None = None) -> dict[str, Any]:
    """A trace's ``line``: colour, width and (if any) dash pattern."""
    return {"color": color, "width": width} | ({"dash": dash} if dash else {})


def arrow_points(tip: np.ndarray, tail: np.ndarray | None = None) -> np.ndarray:
    """(2, 2) points of an arrow from ``tail`` (default the origin) to ``tip``."""
    start = np.zeros(2) if tail is None else np.asarray(tail, dtype=float)
    return np.vstack([start, np.asarray(tip, dtype=float)])


def arrow_trace(
    points: np.ndarray,
    color: str,
    name: str,
    *,
    width: float = 4,
    text: str = "",
    dash: str | None = None,
    showlegend: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A vector drawn as a line with an arrowhead at its tip (the last of the two points)."""
    return {
        "type": "scatter",
        **xy(points),
        "mode": "lines+markers+text",
        "line": line_style(color, width, dash),
        "marker": {
            "symbol": "arrow",
            "angleref": "previous",
            "size": typed([0, ARROW_SIZE]),
            "color": color,
        },
        "text": ["", text],
        "textposition": "top right",
        "textfont": {"color": color},
        "name": name,
        "showlegend": showlegend,
        "hoverinfo": "name+x+y",
        **extra,
    }


def line_trace(
    points: np.ndarray,
    color: str,
    name: str = "",
    *,
    width: float = 1.5,
    dash: str | None = None,
    opacity: float = 1.0,
    showlegend: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """A plain polyline through (n, 2) points."""
    return {
        "type": "scatter",
        **xy(points),
        "mode": "lines",
        "line": line_style(color, width, dash),
        "opacity": opacity,
        "name": name,
        "showlegend": showlegend,
        "hoverinfo": "skip" if not name else "name",
        **extra,
    }


def sparse_labels(labels: Sequence[str], keep: int = 6) -> list[str]:
    """Keep about ``keep`` evenly spread slider labels (and the last); blank the rest."""
    every = max(1, int(np.ceil((len(labels) - 1) / max(1, keep - 1))))
    return [
        label if (i % every == 0 or i == len(labels) - 1) else "" for i, label in enumerate(labels)
    ]


def square_axes(radius: float) -> dict[str, Any]:
    """Layout for a square view of half-width ``radius`` round the origin."""
    axis = {"range": [-radius, radius], "zeroline": True, "showgrid": True}
    return {"xaxis": dict(axis), "yaxis": dict(axis)}


def legend_on_top() -> dict[str, Any]:
    """A horizontal legend above the plot, where it never covers the geometry (a copy)."""
    return dict(TOP_LEGEND)


def xyz(points: np.ndarray) -> dict[str, Any]:
    """``x``, ``y`` and ``z`` of a 3-D trace from (n, 3) points."""
    points = np.asarray(points, dtype=float).reshape(-1, 3)
    return {"x": typed(points[:, 0]), "y": typed(points[:, 1]), "z": typed(points[:, 2])}


def rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` with an opacity, as plotly's ``rgba(r, g, b, a)``."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


NAN = np.nan
# A horizontal legend above the plot, where it never covers the picture.
TOP_LEGEND = {"orientation": "h", "x": 0.0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"}


def polylines(*pieces: Sequence[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Polylines given as lists of (x, y) points, joined with NaN breaks, as two arrays."""
    xs: list[float] = []
    ys: list[float] = []
    for piece in pieces:
        if xs:
            xs.append(NAN)
            ys.append(NAN)
        xs.extend(float(p[0]) for p in piece)
        ys.extend(float(p[1]) for p in piece)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def joined(*pieces: tuple[np.ndarray, np.ndarray]) -> dict[str, np.ndarray]:
    """(x, y) array pieces concatenated with NaN breaks, as one trace's ``x`` and ``y``."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for x, y in pieces:
        if xs:
            xs.append(np.array([NAN]))
            ys.append(np.array([NAN]))
        xs.append(np.asarray(x, dtype=float))
        ys.append(np.asarray(y, dtype=float))
    return {"x": np.concatenate(xs), "y": np.concatenate(ys)}


def line(color: str, width: float = 2, dash: str | None = None, **kwargs: Any) -> dict:
    """A scatter trace drawn as a line (``kwargs`` add or override any property)."""
    return {"type": "scatter", "mode": "lines", "line": line_style(color, width, dash)} | kwargs


def markers(color: Any, size: float = 12, **kwargs: Any) -> dict:
    """A scatter trace of markers."""
    return {"type": "scatter", "mode": "markers", "marker": {"size": size, "color": color}} | kwargs


def point(color: Any, x: float, y: float, size: float = 13, **kwargs: Any) -> dict:
    """One marker at (x, y)."""
    return markers(color, size, x=np.array([x]), y=np.array([y]), **kwargs)


def guide_lines(
    vertical: Sequence[float], horizontal: Sequence[float], window: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Guide lines across the window at the given x (vertical) and y (horizontal) values."""
    lo, hi = window
    return polylines(
        *[[(v, lo), (v, hi)] for v in vertical], *[[(lo, h), (hi, h)] for h in horizontal]
    )


def figure(data: list, layout: dict, top: int) -> go.Figure:
    """A figure with the legend on top and ``top`` pixels of margin above the plot for it
    (``layout`` may set its own legend or margin instead)."""
    return go.Figure(data, {"legend": TOP_LEGEND, "margin": {"t": top}} | layout)


def encoded(node: Any, precision: str = "f8") -> Any:
    """A trace, frame or figure with every numpy array in plotly's typed-array form, ready to
    be sent as it is (:class:`mathviz.plot.spec.Prebuilt`); ``precision="f4"`` for the many
    frames of an animation (see :func:`mathviz.plot.spec.typed`)."""
    if isinstance(node, np.ndarray):
        return typed(node, precision)
    if isinstance(node, dict):
        return {key: encoded(value, precision) for key, value in node.items()}
    if isinstance(node, list):
        return [encoded(value, precision) for value in node]
    return node


# Where a name sits beyond an arrow's tip, by the eighth of the turn the arrow points into
# (counter-clockwise from +x): past the head, never on it.
TIP_POSITIONS = (
    "middle right",
    "top right",
    "top center",
    "top left",
    "middle left",
    "bottom left",
    "bottom center",
    "bottom right",
)


def tip_position(direction: np.ndarray, turn: int = 0) -> str:
    """Plotly's ``textposition`` that puts a name beyond a tip pointing along ``direction``
    (its first two coordinates), or ``turn`` eighths of a turn clockwise from there, so that
    two arrows with one tip keep their names apart."""
    dx, dy = (float(value) for value in np.asarray(direction, dtype=float)[:2])
    if dx == 0 and dy == 0:
        return "top right"
    eighth = round(np.arctan2(dy, dx) / (np.pi / 4)) - turn
    return TIP_POSITIONS[eighth % 8]


def chained_path(segments: Sequence, places: int) -> str:
    """SVG path text of line segments joined into polylines where they meet.

    Marching squares gives each level curve as separate segments whose ends coincide; chained,
    a curve is one ``M`` and many ``L``, about half the text of one ``M…L…`` per segment.
    Coordinates are written with ``places`` decimals (the ends are matched at that rounding).
    """

    rounded = np.round(np.asarray(segments, dtype=float).reshape(-1, 2, 2), places) + 0.0
    pieces = [(tuple(a), tuple(b)) for a, b in rounded.tolist()]  # -0.0 is 0.0 (the + 0.0)
    ends: dict[tuple[float, float], list[int]] = {}
    for index, (a, b) in enumerate(pieces):
        ends.setdefault(a, []).append(index)
        ends.setdefault(b, []).append(index)
    used = [False] * len(pieces)

    def walk(point: tuple[float, float]) -> list[tuple[float, float]]:
        line = []
        while True:
            following = next((i for i in ends.get(point, ()) if not used[i]), None)
            if following is None:
                return line
            used[following] = True
            a, b = pieces[following]
            point = b if a == point else a
            line.append(point)

    out = []
    for index, (a, b) in enumerate(pieces):
        if used[index]:
            continue
        used[index] = True
        forward = walk(b)
        backward = walk(a)
        line = [*reversed(backward), a, b, *forward]
        out.append("M" + "L".join(f"{x:.{places}f},{y:.{places}f}" for x, y in line))
    return "".join(out)


def log_axis_ticks(low: float, high: float) -> dict[str, Any]:
    """Ticks of a log axis over [low, high] at 1, 2 and 5 times the powers of ten, written
    out ("0.005", "20"): plotly's own labels its minor ticks with a bare digit ("5", "2")
    and a reader sees 4, 2, 8, 3 down an axis of ESS per draw. Fewer than three such ticks:
    1 to 9 times the powers of ten. Non-positive or non-finite ends: plotly's ticks."""
    if not (np.isfinite(low) and np.isfinite(high) and 0 < low <= high):
        return {}
    decades = range(int(np.floor(np.log10(low))), int(np.ceil(np.log10(high))) + 1)
    for steps in ((1, 2, 5), tuple(range(1, 10))):
        values = [m * 10.0**e for e in decades for m in steps]
        values = [v for v in values if low * (1 - 1e-9) <= v <= high * (1 + 1e-9)]
        if len(values) >= 3:
            break
    return {"tickvals": values, "ticktext": [f"{v:.6g}" for v in values]}


def decade_ticks(low: float, high: float, many: float = 1000.0) -> dict[str, Any]:
    """Log-axis ticks for [low, high] in the app's number style: :func:`log_axis_ticks`'s
    1-2-5 steps over up to ``many``-fold, the powers of ten alone beyond (every second, third
    ... one when there would be more than seven), so that ten decades stay readable."""
    if high <= many * low:
        return log_axis_ticks(low, high)
    first, last = np.ceil(np.log10(low)), np.floor(np.log10(high))
    powers = 10.0 ** np.arange(first, last + 1, max(1.0, np.ceil((last - first + 1) / 7)))
    return {"tickvals": list(powers), "ticktext": [number_text(v) for v in powers]}
