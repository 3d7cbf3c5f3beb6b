"""Positional-encoding figures: the encodings as a heatmap, and their dot products, which see
only the offset between two positions. The builders place what :mod:`mathviz.trig.encoding`
computed.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz.plot import theme, traces
from mathviz.trig import encoding

# The heatmap over the strip of PE(p), as fractions of the plot's height.
HEATMAP_DOMAIN = (0.34, 1.0)
STRIP_DOMAIN = (0.0, 0.2)


def positional_encoding_figure(view: encoding.EncodingView, dark: bool = False) -> go.Figure:
    """The heatmap PE(position, dimension), fast sinusoids on the left, slow on the right,
    with the chosen position p outlined; under it, the strip PE(p): that row as a curve.

    The colour bar reads a cell's value (sin or cos, from -1 to 1); the strip shares the
    dimension axis, so each of its points sits under its column.
    """
    ink, c = theme.ink(dark), theme.COLORS
    n, d = view.encoding.shape
    p = view.position
    columns = np.arange(d)
    heatmap = go.Heatmap(
        z=view.encoding.astype(np.float32),  # a colour per cell needs no more precision
        colorscale="RdBu",
        zmin=-1,
        zmax=1,
        colorbar={
            "title": {"text": "PE"},
            "tickvals": [-1, 0, 1],
            "y": HEATMAP_DOMAIN[0],
            "yanchor": "bottom",
            "len": HEATMAP_DOMAIN[1] - HEATMAP_DOMAIN[0],
            "thickness": 16,
        },
        hovertemplate="position %{y}, dimension %{x}: %{z:.3f}<extra></extra>",
    )
    strip = traces.line(
        c["highlight"],
        2,
        x=columns,
        y=view.at_position,
        mode="lines+markers",
        marker={"size": 5, "color": c["highlight"]},
        name=f"PE({p})",
        showlegend=False,
        hovertemplate=f"PE({p}), dimension %{{x}}: %{{y:.3f}}<extra></extra>",
        xaxis="x2",
        yaxis="y2",
    )
    data = [heatmap, strip]
    inside = 0 <= p < n  # a position past the heatmap's rows is shown in the strip only
    shapes = []
    if inside:  # the row of p, outlined across the heatmap
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": -0.5,
                "x1": d - 0.5,
                "y0": p - 0.5,
                "y1": p + 0.5,
                "line": {"color": c["highlight"], "width": 3},
            }
        )
    where = "the outlined row" if inside else f"past the {n} positions shown"
    annotations = [
        {
            "xref": "x2 domain",
            "yref": "y2 domain",
            "x": 0.0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "text": f"PE({p}), {where}",
            "showarrow": False,
            "font": {"color": c["highlight"]},
        }
    ]
    layout = {
        "xaxis": {"anchor": "y", "showticklabels": False, "range": [-0.5, d - 0.5]},
        "yaxis": {
            "domain": list(HEATMAP_DOMAIN),
            "title": {"text": "position p"},
            "autorange": "reversed",
        },
        "xaxis2": {
            "anchor": "y2",
            "matches": "x",
            "title": {"text": "dimension"},
            "range": [-0.5, d - 0.5],
        },
        "yaxis2": {
            "domain": list(STRIP_DOMAIN),
            "range": [-1.15, 1.15],
            "tickvals": [-1, 0, 1],
            "zeroline": True,
            "zerolinecolor": ink,
        },
        "shapes": shapes,
        "annotations": annotations,
        "margin": {"t": 20, "r": 80},  # r: the colour bar's (plotly would widen it, drawing twice)
    }
    return go.Figure(data, layout)


def encoding_similarity_figure(view: encoding.EncodingView, dark: bool = False) -> go.Figure:
    """PE(p)·PE(q) for every pair (left: constant along each diagonal) and against the offset
    k = q - p (right: the dot products measured from one position lie on Σ cos(kω_i)).
    """
    c = theme.COLORS
    n = view.gram.shape[0]
    p = view.position
    right = {"x": view.offsets, "xaxis": "x2", "yaxis": "y2"}  # against the offset k
    data = [
        go.Heatmap(
            z=view.gram.astype(np.float32),
            colorscale="Viridis",
            colorbar={"title": {"text": "PE·PE"}, "x": 0.4, "thickness": 14, "len": 0.9},
            hovertemplate="p = %{y}, q = %{x}: %{z:.2f}<extra></extra>",
        ),
        traces.line(c["primary"], 3, y=view.similarity, name="Σᵢ cos(k ωᵢ)", **right),
        traces.markers(
            c["accent"],
            7,
            y=view.measured,
            name=f"PE({view.position})·PE({view.position} + k)",
            **right,
        ),
    ]
    shapes = []
    if 0 <= p < n:  # row p: the dot products measured from p (its right part is the dots)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": -0.5,
                "x1": n - 0.5,
                "y0": p - 0.5,
                "y1": p + 0.5,
                "line": {"color": c["accent"], "width": 2},
            }
        )
    layout = {
        "xaxis": {
            "domain": [0.0, 0.34],
            "title": {"text": "position q"},
            "anchor": "y",
            "constrain": "domain",
        },
        "yaxis": {
            "autorange": "reversed",
            "title": {"text": "position p"},
            "scaleanchor": "x",
            "constrain": "domain",
        },
        "xaxis2": {"domain": [0.56, 1.0], "title": {"text": "offset k = q - p"}, "anchor": "y2"},
        "yaxis2": {"title": {"text": "dot product"}, "anchor": "x2"},
        "legend": traces.TOP_LEGEND | {"x": 0.56},
        "shapes": shapes,
        "margin": {"t": 50},
    }
    return go.Figure(data, layout)
