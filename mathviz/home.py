"""The Home page's picture: the learning path as a route of numbered stops."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz import catalog, theme

STATUS_COLORS = {
    "page": theme.COLORS["primary"],
    "planned": theme.COLORS["secondary"],
    "outside": "#999999",
}


def step_status(step: catalog.PathStep, available: frozenset[str]) -> str:
    """``page`` if a page of the step exists, ``planned`` if one will, else ``outside``."""
    if any(path in available for path in step.page_paths):
        return "page"
    return "planned" if step.page_paths else "outside"


def path_positions(n_steps: int) -> np.ndarray:
    """(n_steps, 2) positions of the stops on a gently winding route, left to right."""
    x = np.arange(n_steps, dtype=float)
    y = 0.45 * np.sin(x * np.pi / 2)
    return np.column_stack([x, y])


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
    route_x = np.linspace(positions[0, 0], positions[-1, 0], 200)
    route = go.Scatter(
        x=route_x,
        y=0.45 * np.sin(route_x * np.pi / 2),
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
    fig = go.Figure([route, stops])
    for (x, y), label in zip(positions, labels, strict=True):
        fig.add_annotation(x=x, y=y - 0.42, text=label, showarrow=False, yanchor="top")
    fig.update_xaxes(visible=False, range=[-0.6, len(steps) - 0.4])
    fig.update_yaxes(visible=False, range=[-1.45, 0.8])
    fig.update_layout(margin={"t": 0, "b": 0})
    return fig
