"""The Home page's picture: the learning path as a route of numbered stops."""

from __future__ import annotations

import plotly.graph_objects as go

from mathviz import catalog
from mathviz.home.path import path_positions, route, step_status
from mathviz.plot import theme

STATUS_COLORS = {
    "page": theme.COLORS["primary"],
    "planned": theme.COLORS["secondary"],
    "outside": "#999999",
}


def learning_path_figure(
    steps: tuple[catalog.PathStep, ...] = catalog.LEARNING_PATH,
    available: frozenset[str] | None = None,
) -> go.Figure:
    """The learning path: one numbered stop per step, filled when its page exists.

    Parameters
    ----------
    steps : the path, in order.
    available : script paths of the pages that exist; defaults to the listed pages.
    """
    if available is None:
        available = frozenset(page.path for page in catalog.PAGES)
    positions = path_positions(len(steps))
    # A smooth route through the stops (the same sine, densely sampled).
    route_x, route_y = route(positions)
    route_trace = go.Scatter(
        x=route_x,
        y=route_y,
        mode="lines",
        line={"color": theme.COLORS["soft"], "width": 6},
        hoverinfo="skip",
        showlegend=False,
    )
    colors = [STATUS_COLORS[step_status(step, available)] for step in steps]
    labels = [catalog.TOPICS[step.topic].replace(" & ", " &<br>") for step in steps]
    stops = go.Scatter(
        x=positions[:, 0],
        y=positions[:, 1],
        mode="markers+text",
        marker={"size": 46, "color": colors, "line": {"width": 3, "color": "white"}},
        text=[str(i) for i in range(1, len(steps) + 1)],
        textfont={"color": "white", "size": 20},
        hovertext=[
            f"<b>{label}</b><br>{step.why}" for label, step in zip(labels, steps, strict=True)
        ],
        hoverinfo="text",
        showlegend=False,
    )
    fig = go.Figure([route_trace, stops])
    for (x, y), label in zip(positions, labels, strict=True):
        fig.add_annotation(x=x, y=y - 0.42, text=label, showarrow=False, yanchor="top")
    fig.update_xaxes(visible=False, range=[-0.6, len(steps) - 0.4])
    fig.update_yaxes(visible=False, range=[-1.45, 0.8])
    fig.update_layout(margin={"t": 0, "b": 0})
    return fig
