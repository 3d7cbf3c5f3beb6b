"""Plotly trace pieces shared by the figure modules of the linear-algebra pages: points as
typed arrays, arrows, polylines, square axes and a legend above the plot.

Arrays go to plotly in its binary typed-array form (:func:`mathviz.plot.spec.typed`): what
plotly itself makes of a numpy array when it serialises a figure, done once here. Letting
plotly convert numpy arrays one by one costs about 0.2 ms per array, which for the hundreds
of arrays in an animation's frames would break the page's 30 ms rerun budget on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

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
    """A horizontal legend above the plot, where it never covers the geometry."""
    return {"orientation": "h", "x": 0.0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"}


def xyz(points: np.ndarray) -> dict[str, Any]:
    """``x``, ``y`` and ``z`` of a 3-D trace from (n, 3) points."""
    points = np.asarray(points, dtype=float).reshape(-1, 3)
    return {"x": typed(points[:, 0]), "y": typed(points[:, 1]), "z": typed(points[:, 2])}


def rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` with an opacity, as plotly's ``rgba(r, g, b, a)``."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"
