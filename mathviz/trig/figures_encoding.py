"""Positional-encoding figures: the encodings as a heatmap, and their dot products, which see
only the offset between two positions. The builders place what :mod:`mathviz.trig.encoding`
computed.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz.plot import theme, traces
from mathviz.trig import encoding


def positional_encoding_figure(view: encoding.EncodingView) -> go.Figure:
    """The heatmap PE(position, dimension): fast sinusoids on the left, slow on the right."""
    heatmap = go.Heatmap(
        z=view.encoding.astype(np.float32),  # a colour per cell needs no more precision
        colorscale="RdBu",
        zmin=-1,
        zmax=1,
        colorbar={"title": {"text": "PE"}},
        hovertemplate="position %{y}, dimension %{x}: %{z:.3f}<extra></extra>",
    )
    layout = {
        "xaxis": {"title": {"text": "dimension"}},
        "yaxis": {"title": {"text": "position p"}, "autorange": "reversed"},
        "margin": {"t": 20},
    }
    return go.Figure(heatmap, layout)


def encoding_similarity_figure(view: encoding.EncodingView, dark: bool = False) -> go.Figure:
    """PE(p)·PE(q) for every pair (left: constant along each diagonal) and against the offset
    k = q - p (right: the dot products measured from one position lie on Σ cos(kω_i)).
    """
    c = theme.COLORS
    right = {"x": view.offsets, "xaxis": "x2", "yaxis": "y2"}  # against the offset k
    data = [
        go.Heatmap(
            z=view.gram.astype(np.float32),
            colorscale="Viridis",
            showscale=False,
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
    layout = {
        "xaxis": {"domain": [0.0, 0.4], "title": {"text": "position q"}, "anchor": "y"},
        "yaxis": {"autorange": "reversed", "title": {"text": "position p"}, "scaleanchor": "x"},
        "xaxis2": {"domain": [0.5, 1.0], "title": {"text": "offset k = q - p"}, "anchor": "y2"},
        "yaxis2": {"title": {"text": "dot product"}, "anchor": "x2"},
        "legend": traces.TOP_LEGEND | {"x": 0.5},
        "margin": {"t": 50},
    }
    return go.Figure(data, layout)
