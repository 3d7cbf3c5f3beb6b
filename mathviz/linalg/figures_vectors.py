"""Figures of /vectors: the dot product as a shadow, the cosine-similarity table, the new
basis's grid, and least squares as a line fit and as a projection in 3-D.

Builders take the results of :mod:`mathviz.linalg.vectors` and
:mod:`mathviz.linalg.least_squares` and lay them out; they compute nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz.core.geometry import span_segment
from mathviz.core.numbers import text
from mathviz.linalg.least_squares import (
    ColumnSpacePicture,
    LineFit,
    fitted_segment,
    residual_path,
)
from mathviz.linalg.vectors import BasisCoordinates, DotProduct, basis_lattice, basis_span
from mathviz.plot import theme
from mathviz.plot.spec import equal_aspect, typed
from mathviz.plot.traces import (
    arrow_points,
    arrow_trace,
    legend_on_top,
    line_trace,
    square_axes,
    xy,
)

# --- the dot product ------------------------------------------------------------------------


def dot_product_figure(result: DotProduct, arc_points: np.ndarray, dark: bool = False) -> go.Figure:
    """u, v, the shadow of v on u (its projection), the angle between them, and cos θ.

    Parameters
    ----------
    result : :func:`mathviz.linalg.vectors.dot_product` of u and v.
    arc_points : (n, 2) points of the angle's arc (empty when the angle is undefined).
    dark : whether the page uses the dark theme.
    """
    ink = theme.ink(dark)
    colors = theme.COLORS
    u, v, shadow = result.u, result.v, result.projection
    reach = max(1.0, float(np.max(np.abs(np.concatenate([u, v, shadow])))))
    radius = 1.2 * reach
    traces = [
        line_trace(span_segment(u, 2 * radius), ink, "line through u", dash="dot", opacity=0.45),
        line_trace(np.vstack([v, shadow]), ink, "v minus its shadow (⟂ u)", dash="dash"),
        arrow_trace(
            arrow_points(shadow), colors["tertiary"], "shadow of v on u", width=11, opacity=0.6
        ),
        arrow_trace(arrow_points(u), colors["primary"], "u", text="u", width=3),
        arrow_trace(arrow_points(v), colors["secondary"], "v", text="v"),
    ]
    if len(arc_points):
        label = f"θ = {text(result.angle, 3)}°"
        traces.append(line_trace(arc_points, colors["accent"], label, width=2.5, showlegend=True))
    layout = square_axes(radius) | {"legend": legend_on_top(), "margin": {"t": 70}}
    return go.Figure({"data": traces, "layout": equal_aspect(layout)})


def similarity_figure(
    words: Sequence[str], similarity: np.ndarray, chosen: tuple[int, int], dark: bool = False
) -> go.Figure:
    """Cosine similarity of every pair of words as a heatmap, the chosen pair outlined."""
    ink = theme.ink(dark)
    labels = list(words)
    cells = [[text(value, places=2) for value in row] for row in similarity]
    heat = {
        "type": "heatmap",
        "z": np.asarray(similarity, dtype=float),
        "x": labels,
        "y": labels,
        "zmin": -1,
        "zmax": 1,
        "colorscale": [
            [0.0, theme.COLORS["secondary"]],
            [0.5, theme.BACKGROUND["dark" if dark else "light"]],
            [1.0, theme.COLORS["primary"]],
        ],
        "text": cells,
        "texttemplate": "%{text}",
        "hovertemplate": "cos(%{y}, %{x}) = %{z:.3f}<extra></extra>",
        "colorbar": {"title": {"text": "cos θ"}},
    }
    i, j = chosen
    box = {
        "type": "rect",
        "x0": j - 0.5,
        "x1": j + 0.5,
        "y0": i - 0.5,
        "y1": i + 0.5,
        "line": {"color": ink, "width": 3},
    }
    layout = {
        "shapes": [box],
        "yaxis": {"autorange": "reversed", "showgrid": False},
        "xaxis": {"side": "top", "showgrid": False},
        "margin": {"t": 40},
    }
    return go.Figure({"data": [heat], "layout": layout})


# --- change of basis ------------------------------------------------------------------------


def basis_figure(result: BasisCoordinates, grid_extent: int = 6, dark: bool = False) -> go.Figure:
    """The new basis b1, b2 with its grid, and x built as c₁b₁ + c₂b₂ (when a basis)."""
    ink = theme.ink(dark)
    colors = theme.COLORS
    b1, b2 = result.basis[:, 0], result.basis[:, 1]
    x = result.target
    reach = max(2.0, float(np.max(np.abs(np.concatenate([b1, b2, x])))))
    radius = 1.25 * reach
    traces: list[dict[str, Any]] = []
    if result.rank == 2:
        lattice = basis_lattice(result, grid_extent)
        traces.append(line_trace(lattice, colors["soft"], "grid of the new basis", width=1.2))
        c1, c2 = result.coordinates
        corner = result.basis[:, 0] * c1  # where the first step ends: c₁b₁
        traces += [
            arrow_trace(
                arrow_points(corner),
                colors["primary"],
                f"c₁b₁ = {_num(c1)}·b₁",
                width=2.5,
                dash="dot",
                text="",
            ),
            arrow_trace(
                arrow_points(x, corner),
                colors["secondary"],
                f"c₂b₂ = {_num(c2)}·b₂",
                width=2.5,
                dash="dot",
                text="",
            ),
        ]
    elif result.rank == 1:
        traces.append(
            line_trace(
                basis_span(result, 2 * radius),
                colors["soft"],
                "all that b₁, b₂ reach",
                width=3,
                showlegend=True,
            )
        )
    traces += [
        arrow_trace(arrow_points(b1), colors["primary"], "b₁", text="b₁"),
        arrow_trace(arrow_points(b2), colors["secondary"], "b₂", text="b₂"),
        arrow_trace(arrow_points(x), colors["accent"], "x", text="x", width=5),
    ]
    layout = square_axes(radius) | {"legend": legend_on_top(), "margin": {"t": 70}}
    for axis in ("xaxis", "yaxis"):  # the standard axes in ink, under the new grid
        layout[axis]["zerolinecolor"] = ink
    return go.Figure({"data": traces, "layout": equal_aspect(layout)})


def _num(value: float) -> str:
    return text(value, 3)


# --- least squares --------------------------------------------------------------------------


def line_fit_figure(x: np.ndarray, fit: LineFit, dark: bool = False) -> go.Figure:
    """The points, the least-squares line and each point's vertical residual."""
    colors = theme.COLORS
    intercept, slope = fit.coefficients
    traces = [
        line_trace(
            residual_path(x, fit.target, fit.fitted),
            colors["accent"],
            "residuals e = y − ŷ",
            width=1.5,
            showlegend=True,
        ),
        line_trace(
            fitted_segment(x, fit),
            colors["primary"],
            f"ŷ = {_num(intercept)} + {_num(slope)}·x",
            width=3,
            showlegend=True,
        ),
        {
            "type": "scatter",
            **xy(np.column_stack([x, fit.target])),
            "mode": "markers",
            "marker": {
                "color": colors["secondary"],
                "size": 8,
                "line": {"width": 1, "color": theme.ink(dark)},
            },
            "name": "data (x, y)",
            "hovertemplate": "x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>",
        },
    ]
    layout = {
        "legend": legend_on_top(),
        "margin": {"t": 70},
        "xaxis": {"title": {"text": "x"}},
        "yaxis": {"title": {"text": "y"}},
    }
    return go.Figure({"data": traces, "layout": layout})


def column_space_figure(
    picture: ColumnSpacePicture, stretch: float = 1.0, dark: bool = False
) -> go.Figure:
    """y, its projection ŷ onto the plane of X's columns, and the perpendicular residual e.

    A 3-D view of the subspace spanned by 1, x and y inside Rⁿ (see
    :func:`mathviz.linalg.least_squares.column_space_picture`): the plane to scale, the
    height stretched ``stretch`` times (:func:`mathviz.linalg.least_squares.height_stretch`)
    so that e can be seen. Only the display is stretched; the data drawn are the true
    coordinates.
    """
    ink = theme.ink(dark)
    colors = theme.COLORS
    c1, c2 = picture.columns
    y, y_hat, e = picture.target, picture.fitted, picture.residual
    corners = np.vstack([np.zeros(3), c1, c2, y_hat, y])
    low, high = corners[:, :2].min(axis=0), corners[:, :2].max(axis=0)
    width = max(1e-9, float(np.max(high - low)))
    pad = 0.1 * width
    (x0, y0), (x1, y1) = low - pad, high + pad
    y0, y1 = min(y0, -0.3 * width), max(y1, 0.3 * width)  # enough floor to read as a plane
    plane = {
        "type": "mesh3d",
        "x": typed([x0, x1, x1, x0]),
        "y": typed([y0, y0, y1, y1]),
        "z": typed([0.0, 0.0, 0.0, 0.0]),
        "i": [0, 0],
        "j": [1, 2],
        "k": [2, 3],
        "color": colors["soft"],
        "opacity": 0.25,
        "name": "column space of X",
        "showlegend": True,
        "hoverinfo": "name",
    }
    traces = [
        plane,
        _arrow3d(np.zeros(3), c1, ink, "column 1 (all ones)", "1", dash="dot"),
        _arrow3d(np.zeros(3), c2, colors["highlight"], "column x", "x", dash="dot"),
        _arrow3d(np.zeros(3), y, colors["secondary"], "y (the data)", "y"),
        _arrow3d(np.zeros(3), y_hat, colors["primary"], "ŷ = Xβ̂ (projection)", "ŷ"),
        _arrow3d(y_hat, y_hat + e, colors["accent"], "e = y − ŷ (⟂ plane)", "e", middle=True),
        {
            "type": "scatter3d",
            "x": typed(picture.right_angle[:, 0]),
            "y": typed(picture.right_angle[:, 1]),
            "z": typed(picture.right_angle[:, 2]),
            "mode": "lines",
            "line": {"color": ink, "width": 4},
            "showlegend": False,
            "hoverinfo": "skip",
        },
    ]
    scene_axis = {"showticklabels": False, "title": {"text": ""}, "showspikes": False}
    spans = np.ptp(np.vstack([corners, y_hat + e, [[x0, y0, 0], [x1, y1, 0]]]), axis=0)
    spans = np.maximum(spans, 1e-9)
    ratio = spans / spans[:2].max()
    ratio[2] *= stretch  # one unit is one unit within the plane; the height is stretched
    layout = {
        "scene": {
            "xaxis": scene_axis,
            "yaxis": scene_axis,
            "zaxis": scene_axis,
            "aspectmode": "manual",
            "aspectratio": {"x": ratio[0], "y": ratio[1], "z": ratio[2]},
            "camera": {"eye": {"x": 0.25, "y": -1.2, "z": 0.6}},
        },
        "legend": legend_on_top(),
        "margin": {"t": 70, "l": 0, "r": 0, "b": 0},
    }
    return go.Figure({"data": traces, "layout": layout})


def _arrow3d(
    start: np.ndarray,
    end: np.ndarray,
    color: str,
    name: str,
    label: str,
    dash: str | None = None,
    middle: bool = False,
) -> dict[str, Any]:
    """A 3-D vector: a line with a marked tip (plotly has no 3-D arrowheads that keep their
    size when the view is turned), labelled at the tip or, if ``middle``, halfway."""
    points = np.vstack([start, (start + end) / 2, end])
    line = {"color": color, "width": 7}
    if dash:
        line["dash"] = dash
    return {
        "type": "scatter3d",
        "x": typed(points[:, 0]),
        "y": typed(points[:, 1]),
        "z": typed(points[:, 2]),
        "mode": "lines+markers+text",
        "line": line,
        "marker": {"size": [0, 0, 6], "color": color, "symbol": "diamond"},
        "text": ["", label, ""] if middle else ["", "", label],
        "textposition": "middle right" if middle else "top center",
        "textfont": {"color": color, "size": 18},
        "name": name,
        "hoverinfo": "name",
    }
