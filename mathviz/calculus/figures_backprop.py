"""The neuron's computational graph, stepped through forward then backward as plotly frames.

Each frame colours the nodes known so far (blue: value known, orange: gradient known, purple:
the node of this step), writes the values above the nodes and the gradients ∂L/∂node below
them, the local derivatives ∂node/∂input on the edges the backward pass has used, and
thickens the edges of the step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz.calculus import backprop
from mathviz.calculus.backprop import GradientStep, Step, Sweep
from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed

# Where each node sits: the inputs in a column on the left, the chain along the middle row,
# the target y below it, coming up into d from the lower left (clear of d's numbers).
POSITIONS: dict[str, tuple[float, float]] = {
    "x": (0.0, 2.0),
    "w": (0.0, 1.0),
    "b": (0.0, 0.0),
    "z": (2.4, 1.0),
    "a": (4.6, 1.0),
    "d": (6.8, 1.0),
    "y": (5.7, -0.35),
    "L": (9.0, 1.0),
}
NODE_SIZE = 40
UNKNOWN = "#D0D0D8"  # opaque: the name on it reads alike on the light and dark themes
COLOR = {
    "value": theme.COLORS["soft"],  # a node whose value is known
    "grad": theme.COLORS["secondary"],  # a node whose gradient is known
    "grad text": theme.COLORS["accent"],  # the gradients' numbers (darker: legible on white)
    "local": theme.COLORS["primary"],  # the local derivatives on the edges
    "now": theme.COLORS["highlight"],  # this step's node and edges
}
LABEL_SIZE = {False: 14, True: 18}  # the numbers on the graph, by presentation mode
HOLD_MS = 1400  # each step rests this long under ▶ Play at 1×
# The Play controls and the read-out below need 163 px (170 in presentation mode): a margin
# plotly has to widen after a first draw makes it draw the chart twice on every change.
MARGIN = {"t": 10, "b": 172, "l": 10, "r": 10}
# The local derivatives off the middle row: beside their edges, away from the other labels.
EDGE_LABELS = {
    ("x", "z"): (1.55, 1.85, "middle center"),
    ("w", "z"): (1.0, 1.22, "middle center"),
    ("b", "z"): (1.55, 0.15, "middle center"),
    ("y", "d"): (6.5, 0.0, "middle right"),
}


def _label_places(node: str) -> tuple[tuple[float, float], tuple[float, float], str, str]:
    """Where a node's value and gradient are written, and how each is anchored."""
    x, y = POSITIONS[node]
    if node in ("x", "w", "b"):  # on their left
        return (x - 0.35, y + 0.22), (x - 0.35, y - 0.22), "middle left", "middle left"
    if node == "y":
        return (x - 0.35, y + 0.15), (x - 0.35, y - 0.2), "middle left", "middle left"
    if node == "d":  # its gradient to the lower right, clear of the edge from y
        return (x, y + 0.65), (x + 0.15, y - 0.22), "middle center", "bottom right"
    return (x, y + 0.65), (x, y - 0.5), "middle center", "middle center"


def _edge_label_place(edge: tuple[str, str]) -> tuple[float, float, str]:
    if edge in EDGE_LABELS:
        return EDGE_LABELS[edge]
    (x0, y0), (x1, _) = POSITIONS[edge[0]], POSITIONS[edge[1]]
    return (x0 + x1) / 2, y0 + 0.3, "middle center"  # above its edge, under the values


def step_label(step: Step, s: Sweep) -> str:
    """The read-out of a step: what is computed there, with its numbers."""
    v, g, node = s.values, s.grads, step.node
    if step.phase == "forward":
        if node in backprop.INPUTS:
            return f"forward: {node} = {text(v[node])} (an input)"
        formula = backprop.GRAPH[node][0].formula
        return f"forward: {node} = {formula} = {text(v[node])}"
    if step.edge is None:
        return f"backward: ∂L/∂{node} = 1"
    up = step.edge[1]
    local = s.local[step.edge]
    return (
        f"backward: ∂L/∂{node} = ∂L/∂{up} · ∂{up}/∂{node} = "
        f"{text(g[up])} · {text(local)} = {text(g[node])}"
    )


def _frame_state(k: int, walk: tuple[Step, ...], s: Sweep, ink: str) -> list[dict[str, Any]]:
    """The changing traces after ``k`` steps (0: nothing computed yet)."""
    done = walk[:k]
    valued = {st.node for st in done if st.phase == "forward"}
    graded = {st.node for st in done if st.phase == "backward"}
    used = {st.edge for st in done if st.edge is not None}
    now = walk[k - 1] if k else None
    nodes = list(POSITIONS)
    colors = [
        COLOR["now"]
        if now is not None and n == now.node
        else COLOR["grad"]
        if n in graded
        else COLOR["value"]
        if n in valued
        else UNKNOWN
        for n in nodes
    ]
    path: list[str] = []
    if now is not None and now.phase == "forward" and now.node in backprop.GRAPH:
        for source in backprop.GRAPH[now.node][1]:  # source, node, source, node...: one line
            path += [source, now.node]
        path = path[:-1] if len(path) > 2 else path
    elif now is not None and now.edge is not None:
        path = list(now.edge)
    values = [f"{n} = {text(s.values[n])}" if n in valued else "" for n in nodes]
    grads = [f"∂L/∂{n}<br>= {text(s.grads[n])}" if n in graded else "" for n in nodes]
    edges = [f"∂{e[1]}/∂{e[0]} = {text(s.local[e])}" if e in used else "" for e in backprop.EDGES]
    return [
        {"x": [POSITIONS[n][0] for n in path], "y": [POSITIONS[n][1] for n in path]},
        {"marker": {"size": NODE_SIZE, "color": colors, "line": {"width": 1.5, "color": ink}}},
        {"text": values},
        {"text": grads},
        {"text": edges},
    ]


def graph_figure(
    s: Sweep, dark: bool = False, speed: float = 1.0, present: bool = False
) -> Prebuilt:
    """The graph of L = (σ(w·x + b) − y)² with ▶ Play / scrub through both passes."""
    ink = theme.ink(dark)
    walk = backprop.steps()
    nodes = list(POSITIONS)
    last = len(walk)
    state = _frame_state(last, walk, s, ink)
    value_at, grad_at, anchor, grad_anchor = zip(*(_label_places(n) for n in nodes), strict=True)
    edge_at = [_edge_label_place(e) for e in backprop.EDGES]
    base = {"type": "scatter", "hoverinfo": "skip", "showlegend": False, "cliponaxis": False}
    data = [
        base | {"mode": "lines", "line": {"color": COLOR["now"], "width": 9}, "opacity": 0.45}
        | state[0],
        base | {
            "mode": "markers+text",
            "x": [POSITIONS[n][0] for n in nodes],
            "y": [POSITIONS[n][1] for n in nodes],
            "text": nodes,
            "textfont": {"color": "#262730", "size": 17},
            **state[1],
        },
        base | {
            "mode": "text", "x": [p[0] for p in value_at], "y": [p[1] for p in value_at],
            "textposition": list(anchor), "textfont": {"color": ink}, **state[2],
        },
        base | {
            "mode": "text", "x": [p[0] for p in grad_at], "y": [p[1] for p in grad_at],
            "textposition": list(grad_anchor), **state[3],
            "textfont": {"color": COLOR["grad text"]},
        },
        base | {
            "mode": "text", "x": [p[0] for p in edge_at], "y": [p[1] for p in edge_at],
            "textposition": [p[2] for p in edge_at], **state[4],
            "textfont": {"color": COLOR["local"]},
        },
    ]  # fmt: skip
    arrows = [
        {
            "x": POSITIONS[head][0], "y": POSITIONS[head][1],
            "ax": POSITIONS[tail][0], "ay": POSITIONS[tail][1],
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
            "showarrow": True, "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 1.6,
            "arrowcolor": ink, "standoff": NODE_SIZE / 2 + 2, "startstandoff": NODE_SIZE / 2,
        }
        for tail, head in backprop.EDGES
    ]  # fmt: skip
    names = [f"s{k}" for k in range(last + 1)]
    frames = []
    for k, name in enumerate(names):
        changing = _frame_state(k, walk, s, ink)
        frames.append({"name": name, "data": changing, "traces": [0, 1, 2, 3, 4]})
    labels = ["start: only the graph", *(step_label(st, s) for st in walk)]
    held = {name: hold(name, HOLD_MS, STEP_MS) for name in names}
    sequence = [frame for name in names for frame in held[name]]
    ahead = len(backprop.FORWARD_ORDER)  # frames 0..ahead: the forward pass; then backward
    passes = [
        ("Forward", [frame for name in names[: ahead + 1] for frame in held[name]]),
        ("Backward", [frame for name in names[ahead:] for frame in held[name]]),
    ]
    layout = {
        "xaxis": {"visible": False, "range": [-2.3, 9.7], "fixedrange": True},
        "yaxis": {"visible": False, "range": [-0.75, 2.35], "fixedrange": True},
        "annotations": arrows,
        "margin": MARGIN,
        "font": {"size": LABEL_SIZE[present]},  # the numbers' size: the layout's, not the data's
    } | animation_controls(
        names, labels, active=last, sequence=sequence, frame_ms=STEP_MS, readout="", redraw=True,
        extra_buttons=passes, ink=ink, speed=speed,
    )  # fmt: skip
    # The read-out takes the slider's font, whose size is 1 to hide the labels under it; in
    # presentation mode the theme sizes it, in the normal mode it needs its own size.
    readout = layout["sliders"][0]["currentvalue"]
    readout["font"] = readout.get("font", {}) | {"size": theme.FONT_SIZE[False]}
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


# --- one gradient step on the loss over (w, b) ------------------------------------------------

GRID = 61  # samples per axis of the loss map
SPAN = (-3.0, 3.0)  # the sliders' range of w and b


def step_figure(step: GradientStep, x: float, y: float) -> go.Figure:
    """The loss L(w, b) as a map (x, y held), and the step from (w, b) to (w', b')."""
    axis = np.linspace(*SPAN, GRID)
    grid = backprop.loss_grid(x, y, axis, axis)
    (w, b), (w2, b2) = step.before, step.after
    base = {"type": "scatter", "hoverinfo": "skip", "showlegend": False, "cliponaxis": False}
    shown = np.clip([w2, b2], SPAN[0] - 0.5, SPAN[1] + 0.5)  # a huge step still ends on screen
    data = [
        {
            "type": "contour", "x": typed(axis), "y": typed(axis), "z": grid.astype(np.float32),
            "colorscale": "Viridis", "ncontours": 14, "line": {"width": 0.5},
            "colorbar": {"title": {"text": "L", "side": "top"}, "thickness": 14},
            "hovertemplate": "w %{x:.2f}, b %{y:.2f}<br>L %{z:.3g}<extra></extra>",
        },
        base | {
            "mode": "markers", "x": [w, float(shown[0])], "y": [b, float(shown[1])],
            "marker": {"size": [13, 13], "color": [COLOR["grad"], COLOR["now"]],
                       "line": {"width": 1.5, "color": "#FFFFFF"}},
        },
    ]  # fmt: skip
    # The names sit on pale boxes (the map runs from dark purple to yellow); "after" is
    # written on the side the step goes to, "before" on the other.
    up = 1 if shown[1] >= b else -1
    box = {
        "xref": "x",
        "yref": "y",
        "showarrow": False,
        "bgcolor": "rgba(255, 255, 255, 0.85)",
        "font": {"color": theme.INK["light"]},
        "borderpad": 2,
    }
    layout = {
        "xaxis": {"title": {"text": "weight w"}, "range": list(SPAN), "constrain": "domain"},
        "yaxis": {"title": {"text": "bias b"}, "range": list(SPAN)},
        "annotations": [
            {
                "x": float(shown[0]), "y": float(shown[1]), "ax": w, "ay": b,
                "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
                "showarrow": True, "arrowhead": 2, "arrowwidth": 3,
                "arrowcolor": COLOR["grad text"], "standoff": 7,
            },
            box | {"x": w, "y": b, "yshift": -24 * up,
                   "text": f"before: L = {text(step.loss_before)}"},
            box | {"x": float(shown[0]), "y": float(shown[1]), "yshift": 24 * up,
                   "text": f"after: L = {text(step.loss_after)}"},
        ],
        "margin": {"t": 20, "b": 60, "l": 64, "r": 90},  # r: the colour bar's room
    }  # fmt: skip
    return go.Figure({"data": data, "layout": layout})
