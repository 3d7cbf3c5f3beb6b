"""Trace helpers shared by the Trigonometry and Algebra figures: lines, markers, polylines
joined with NaN breaks, guide lines, the legend on top, and typed-array encoding for
figures given as plotly JSON (:class:`mathviz.plot.spec.Prebuilt`).

Plain dicts in plotly's JSON form; nothing here computes any mathematics. (Generic: a
candidate for ``mathviz.plot``, where every topic's figures could share it.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz.plot.spec import typed

NAN = np.nan
TOP_LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}


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
    style = {"color": color, "width": width} | ({"dash": dash} if dash else {})
    return {"type": "scatter", "mode": "lines", "line": style} | kwargs


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


def encoded(node: Any) -> Any:
    """A trace, frame or figure with every numpy array in plotly's typed-array form, ready to
    be sent as it is (:class:`mathviz.plot.spec.Prebuilt`)."""
    if isinstance(node, np.ndarray):
        return typed(node)
    if isinstance(node, dict):
        return {key: encoded(value) for key, value in node.items()}
    if isinstance(node, list):
        return [encoded(value) for value in node]
    return node
