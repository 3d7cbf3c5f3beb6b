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
    tip_position,
    xy,
)

# --- the dot product ------------------------------------------------------------------------


def dot_product_figure(result: DotProduct, arc_points: np.ndarray, dark: bool = False) -> go.Figure:
    """u, v, the shadow of v on u (its projection), the angle between them, and cos θ.

    Each object is named on the picture, at its tip; the view is sized to the vectors.

    Parameters
    ----------
    result : :func:`mathviz.linalg.vectors.dot_product` of u and v.
    arc_points : (n, 2) points of the angle's arc (empty when the angle is undefined).
    dark : whether the page uses the dark theme.
    """
    ink = theme.ink(dark)
    colors = theme.COLORS
    u, v, shadow = result.u, result.v, result.projection
    layout = vector_window(np.vstack([u, v, shadow]))
    reach = 4 * max(_extent(layout), 1.0)  # the line through u crosses the whole view
    has_shadow = bool(np.any(shadow))
    traces = [
        line_trace(span_segment(u, reach), ink, "line through u", dash="dot", opacity=0.45),
        line_trace(np.vstack([v, shadow]), ink, "v minus its shadow (⟂ u)", dash="dash"),
        arrow_trace(
            arrow_points(shadow),
            colors["tertiary"],
            "shadow of v on u",
            text="shadow" if has_shadow else "",
            width=11,
            opacity=0.6,
            textposition=tip_position(-result.rejection if np.any(result.rejection) else -v),
        ),
        *longest_first(
            [
                arrow_trace(
                    arrow_points(u),
                    colors["primary"],
                    "u",
                    text="u",
                    width=3,
                    textposition=tip_position(u),
                ),
                arrow_trace(
                    arrow_points(v),
                    colors["secondary"],
                    "v",
                    text="v",
                    textposition=tip_position(v),
                ),
            ],
            [u, v],
        ),
    ]
    if len(arc_points):
        label = f"θ = {text(result.angle, 3)}°"
        middle = len(arc_points) // 2
        names = [""] * len(arc_points)
        names[middle] = "θ"
        traces.append(
            line_trace(
                arc_points,
                colors["highlight"],
                label,
                width=2.5,
                showlegend=True,
                mode="lines+text",
                text=names,
                textposition=tip_position(arc_points[middle]),
                textfont={"color": colors["highlight"]},
            )
        )
    layout |= {"legend": legend_on_top(), "margin": {"t": 70}}
    return go.Figure({"data": traces, "layout": equal_aspect(layout)})


def vector_window(points: np.ndarray, margin: float = 0.15, minimum: float = 0.5) -> dict[str, Any]:
    """Axes that show the origin and every point of (n, 2) ``points``, and little else.

    The box round them (and the origin) gets a margin of ``margin`` times its larger side on
    every side, so that names at the tips fit; a side shorter than ``minimum`` (tiny vectors)
    or than 40% of the other (vectors nearly along one axis) is widened about its centre.
    With an equal aspect plotly widens the narrower axis further to fill the plot area.
    """
    box = np.vstack([np.zeros(2), np.asarray(points, dtype=float).reshape(-1, 2)])
    low, high = box.min(axis=0), box.max(axis=0)
    extents = high - low
    size = max(float(np.max(extents)), minimum)
    longer = int(np.argmax(extents))
    axes = {}
    for index, axis in enumerate(("xaxis", "yaxis")):
        start, stop = float(low[index]), float(high[index])
        need = size if index == longer else 0.4 * size
        if stop - start < need:
            centre = (start + stop) / 2
            start, stop = centre - need / 2, centre + need / 2
        pad = margin * size
        axes[axis] = {"range": [start - pad, stop + pad], "zeroline": True, "showgrid": True}
    return axes


def _extent(layout: dict[str, Any]) -> float:
    """The longer side of a window made by :func:`vector_window`."""
    return max(float(np.ptp(layout[axis]["range"])) for axis in ("xaxis", "yaxis"))


def longest_first(arrows: list[dict[str, Any]], tips: list[np.ndarray]) -> list[dict[str, Any]]:
    """The arrows in drawing order, longest first: a shorter arrow along the same line (b₁
    and b₂ = 2b₁) is drawn over the longer one and stays visible. The legend lists them in
    the given order, ahead of the other traces (``legendrank``, plotly's default 1000)."""
    for rank, arrow in enumerate(arrows):
        arrow["legendrank"] = 1 + rank
    lengths = [-float(np.linalg.norm(tip)) for tip in tips]
    return [arrows[i] for i in np.argsort(lengths, kind="stable")]


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
    # the chosen pair's cell, and its mirror image across the diagonal (the same cosine)
    boxes = [
        {
            "type": "rect",
            "x0": column - 0.5,
            "x1": column + 0.5,
            "y0": row - 0.5,
            "y1": row + 0.5,
            "line": {"color": ink, "width": 3},
        }
        for row, column in dict.fromkeys([(i, j), (j, i)])
    ]
    layout = {
        "shapes": boxes,
        "yaxis": {"autorange": "reversed", "showgrid": False},
        "xaxis": {"side": "top", "showgrid": False},
        "margin": {"t": 40, "l": 64, "r": 106},  # r: the colour bar's (else plotly draws twice)
    }
    return go.Figure({"data": [heat], "layout": layout})


# --- change of basis ------------------------------------------------------------------------


def basis_figure(result: BasisCoordinates, grid_extent: int = 6, dark: bool = False) -> go.Figure:
    """The new basis b1, b2 with its grid, and x built as c₁b₁ + c₂b₂ (when a basis).

    b₁, b₂ and x are named at their tips, the two steps c₁b₁ and c₂b₂ halfway along; the
    view is sized to the vectors and the path.
    """
    ink = theme.ink(dark)
    colors = theme.COLORS
    b1, b2 = result.basis[:, 0], result.basis[:, 1]
    x = result.target
    shown = [b1, b2, x]
    traces: list[dict[str, Any]] = []
    if result.rank == 2:
        c1, c2 = result.coordinates
        corner = result.basis[:, 0] * c1  # where the first step ends: c₁b₁
        shown.append(corner)
    layout = vector_window(np.vstack(shown))
    reach = 4 * _extent(layout)
    if result.rank == 2:
        lattice = basis_lattice(result, grid_extent)
        traces.append(line_trace(lattice, colors["soft"], "grid of the new basis", width=1.2))
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
            _step_names(
                [(np.zeros(2), corner), (corner, x)],
                [f"{_num(c1)} b₁", f"{_num(c2)} b₂"],
                [colors["primary"], colors["secondary"]],
            ),
        ]
    elif result.rank == 1:
        traces.append(
            line_trace(
                basis_span(result, reach),
                colors["soft"],
                "all that b₁, b₂ reach",
                width=3,
                showlegend=True,
            )
        )
    arrows = [
        arrow_trace(
            arrow_points(b1), colors["primary"], "b₁", text="b₁", textposition=tip_position(b1)
        ),
        arrow_trace(
            arrow_points(b2), colors["secondary"], "b₂", text="b₂", textposition=tip_position(b2)
        ),
        arrow_trace(
            arrow_points(x),
            colors["tertiary"],
            "x",
            text="x",
            width=5,
            textposition=tip_position(x),
        ),
    ]
    traces += longest_first(arrows, [b1, b2, x])
    layout |= {"legend": legend_on_top(), "margin": {"t": 70}}
    for axis in ("xaxis", "yaxis"):  # the standard axes in ink, under the new grid
        layout[axis]["zerolinecolor"] = ink
    return go.Figure({"data": traces, "layout": equal_aspect(layout)})


def _step_names(
    steps: list[tuple[np.ndarray, np.ndarray]], names: list[str], colors: list[str]
) -> dict[str, Any]:
    """Each step's name at its middle, on the side away from the path's other points (out of
    the triangle 0, c₁b₁, x), without a legend entry."""
    ends = np.vstack([point for step in steps for point in step])
    centre = ends.mean(axis=0)
    middles, positions = [], []
    for start, stop in steps:
        middle = (start + stop) / 2
        along = stop - start
        away = middle - centre
        if np.any(along):  # keep the part of "away" across the step
            away = away - (away @ along) / (along @ along) * along
        middles.append(middle)
        positions.append(tip_position(away))
    return {
        "type": "scatter",
        **xy(np.vstack(middles)),
        "mode": "text",
        "text": names,
        "textposition": positions,
        "textfont": {"color": colors},
        "showlegend": False,
        "hoverinfo": "skip",
    }


def _num(value: float) -> str:
    return text(value, 3)


# --- least squares --------------------------------------------------------------------------


def line_fit_figure(x: np.ndarray, fit: LineFit, dark: bool = False) -> go.Figure:
    """The points, the least-squares line and each point's vertical residual.

    The line is named ŷ at its right end and the largest residual e beside its middle; the
    residuals are drawn under the line, the points over both.
    """
    colors = theme.COLORS
    intercept, slope = fit.coefficients
    ends = fitted_segment(x, fit)
    traces = [
        line_trace(
            residual_path(x, fit.target, fit.fitted),
            colors["highlight"],
            "residuals e = y − ŷ",
            width=2.5,
            showlegend=True,
        ),
        line_trace(
            ends,
            colors["primary"],
            f"ŷ = {_num(intercept)} + {_num(slope)}·x",
            width=3.5,
            showlegend=True,
            mode="lines+text",
            text=["", "ŷ"],
            textposition="bottom right",
            textfont={"color": colors["primary"]},
        ),
        {
            "type": "scatter",
            **xy(np.column_stack([x, fit.target])),
            "mode": "markers",
            "marker": {
                "color": colors["secondary"],
                "size": 9,
                "line": {"width": 1, "color": theme.ink(dark)},
            },
            "name": "data (x, y)",
            "hovertemplate": "x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>",
        },
    ]
    if len(x) and not fit.exact:
        largest = int(np.argmax(np.abs(fit.residual)))
        middle = (fit.target[largest] + fit.fitted[largest]) / 2
        traces.append(
            {
                "type": "scatter",
                "x": [float(x[largest])],
                "y": [float(middle)],
                "mode": "text",
                "text": ["e"],
                "textposition": "middle left",
                "textfont": {"color": colors["highlight"]},
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    span = max(float(np.ptp(x)), 1e-3) if len(x) else 1.0
    low, high = (float(x.min()), float(x.max())) if len(x) else (0.0, 1.0)
    layout = {
        "legend": legend_on_top(),
        "margin": {"t": 70},
        # room on the right for the line's name
        "xaxis": {"title": {"text": "x"}, "range": [low - 0.05 * span, high + 0.12 * span]},
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
        _arrow3d(np.zeros(3), c2, colors["tertiary"], "column x", "x", dash="dot", below=True),
        _arrow3d(np.zeros(3), y, colors["secondary"], "y (the data)", "y"),
        _arrow3d(np.zeros(3), y_hat, colors["primary"], "ŷ = Xβ̂ (projection)", "ŷ"),
        _arrow3d(y_hat, y_hat + e, colors["highlight"], "e = y − ŷ (⟂ plane)", "e", middle=True),
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
    below: bool = False,
) -> dict[str, Any]:
    """A 3-D vector: a line with a marked tip (plotly has no 3-D arrowheads that keep their
    size when the view is turned), labelled at the tip (under it if ``below``: column x ends
    near ŷ) or, if ``middle``, halfway."""
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
        "textposition": "middle right" if middle else ("bottom center" if below else "top center"),
        "textfont": {"color": color, "size": 18},
        "name": name,
        "hoverinfo": "name",
    }
