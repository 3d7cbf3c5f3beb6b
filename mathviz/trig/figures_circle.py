"""The unit-circle figure: the circle beside the graphs of sin and cos (and tan), with Play
sweeping θ through a full turn in the browser.

The builder places what :mod:`mathviz.trig.circle` computed. The figure is plotly JSON
(:class:`mathviz.plot.spec.Prebuilt`): its 121 animation frames are made once per process
(:func:`circle_sweep`) and attached as they are; only the traces at the chosen θ are new.

Two panels share one y-axis: the circle (``x``, equal scale) and the graphs against θ
(``x2``). The frame slider under the graphs spans exactly the graphs' x-axis domain, so the
slider's 0° and 360° sit under the graph's 0° and 360°: one scale, not two.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

from mathviz.plot import theme, traces
from mathviz.plot.animation import FRAME_MS, animation_controls
from mathviz.plot.spec import Prebuilt
from mathviz.trig import circle, text

# The panels, as fractions of the plot's width: the circle, a small gap, the graphs against θ.
# Presentation mode's chart is capped in height but not in width: at 1280 px the circle needs
# a wider share of it to be as tall as the y-range (else plotly shrinks the y scale).
CIRCLE_SHARE = {False: 0.28, True: 0.44}  # by presentation mode
GAP = 0.03
# The graphs' x-axis reaches this far (radians) past 0 and 2π, by presentation mode: plotly
# draws a slider's first and last steps 10 px inside its ends, about 0.1 rad on a graph
# 500-900 px wide (normal mode) and 0.16 on one 300-500 px wide (presentation's picture
# column), so the steps of 0° and 360° sit within a few pixels of the axis' 0° and 360°.
GRAPH_PAD = {False: 0.1, True: 0.16}
Y_RANGE = (-1.9, 1.9)  # tall enough for T = (1, tan θ) up to tan 60° ≈ 1.73, and down to -1.73
CIRCLE_X_RANGE = (-1.2, 1.6)  # room right of the tangent line x = 1 for the name "tan θ"
FAR = 20.0  # past the panel's edge: a line to here is cut at the edge
LABEL_Y = 1.42  # the height of the moving θ label over the graphs
SHORT = 0.12  # a segment shorter than this is not named (its name would cover the others)

# The traces that move with θ, in this order after the static ones: on the circle the arc,
# the segments cos θ, sin θ, tan θ, the guides (P, T and the dotted lines) and the segments'
# names; on the graphs the graphs of cos and sin so far, the guides (the points at θ) and
# the θ label.
MOVING = (
    "arc",
    "cos",
    "sin",
    "tan",
    "circle guides",
    "names",
    "cos graph",
    "sin graph",
    "graph guides",
    "label",
)
N_STATIC = 7  # the traces before them (see unit_circle_figure)
SCRUB_EVERY = 5  # a scrubber step every fifth frame: every 15°, the angles a class uses
GRAPH = {"xaxis": "x2", "yaxis": "y"}


def _named(length: float, name: str) -> str:
    """A segment's name, or "" when the segment is too short to carry one."""
    return name if np.isfinite(length) and abs(length) >= SHORT else ""


def _tan_name(tan: float) -> tuple[float, str]:
    """Where the name of the segment tan θ goes (beside T, kept on the chart) and the
    name, with an arrow when T = (1, tan θ) is above or below the chart."""
    if not np.isfinite(tan):
        return traces.NAN, ""
    top = Y_RANGE[1] - 0.15
    arrow = " ↑" if tan > Y_RANGE[1] else " ↓" if tan < Y_RANGE[0] else ""
    return float(np.clip(tan, -top, top)), _named(tan, "tan θ") + arrow


def _circle_moving(state: circle.CircleState) -> list[dict[str, Any]]:
    """The data of the moving traces at one angle."""
    p = state.point
    t, sin_t, cos_t = state.trail.T
    tan_end = p.tan if p.tan_defined else traces.NAN
    guides_x, guides_y = traces.polylines(
        [(p.cos, p.sin), (1.0, tan_end)],  # the radius, extended to the tangent line
        [(p.cos, p.sin), (FAR, p.sin)],  # sin θ carried across to its graph ...
    )
    graph_x, graph_y = traces.polylines(
        [(-FAR, p.sin), (p.theta, p.sin)],  # ... arriving at the graph of sin
        [(p.theta, p.cos)],
        [(p.theta, tan_end)],
    )
    tan_y, tan_name = _tan_name(tan_end)
    # Names at the segments: cos θ under its run, sin θ beside its rise, tan θ beside x = 1,
    # θ inside the arc.
    half = p.theta / 2
    names = {
        "x": np.array([p.cos / 2, p.cos + 0.04 * np.sign(p.cos or 1), 1.06, 0.3 * np.cos(half)]),
        "y": np.array([-0.16 if p.sin >= 0 else 0.16, p.sin / 2, tan_y, 0.3 * np.sin(half)]),
    }
    names["text"] = [_named(p.cos, "cos θ"), _named(p.sin, "sin θ"), tan_name, _named(p.theta, "θ")]
    names["textposition"] = [
        "middle center",
        "middle right" if p.cos >= 0 else "middle left",
        "middle right",
        "middle center",
    ]
    data = [
        traces.joined(  # the arc, and the radius back to the centre
            (state.arc[:, 0], state.arc[:, 1]), (np.array([p.cos, 0.0]), np.array([p.sin, 0.0]))
        ),
        {"x": np.array([0.0, p.cos]), "y": np.zeros(2)},
        {"x": np.array([p.cos, p.cos]), "y": np.array([0.0, p.sin])},
        {"x": np.ones(2), "y": np.array([0.0, tan_end])},
        {"x": guides_x, "y": guides_y},
        names,
        {"x": t, "y": cos_t},
        {"x": t, "y": sin_t},
        {"x": graph_x, "y": graph_y},
        {"x": np.array([p.theta]), "y": np.array([LABEL_Y])},
    ]
    data[-1]["text"] = [f"θ = {text.angle_label(p.theta)}"]
    return data


def circle_frames(animation: circle.CircleAnimation) -> list[dict]:
    """The unit circle's frames as plotly JSON (typed arrays): they depend on nothing but the
    angle, so :func:`circle_sweep` makes them once per process."""
    indices = list(range(N_STATIC, N_STATIC + len(MOVING)))
    return [
        {"name": str(i), "traces": indices, "data": traces.encoded(_circle_moving(frame), "f4")}
        for i, frame in enumerate(animation.frames)
    ]


@functools.cache
def circle_sweep() -> tuple[circle.CircleAnimation, tuple[dict, ...]]:
    """A full turn of the unit circle and its frames as plotly JSON, made once per process.

    The 121 frames never change (they depend on no control) and take 10-16 ms to make:
    every session and every angle shares this one copy; only the few traces at the chosen
    angle are built per figure.
    """
    animation = circle.circle_animation()
    return animation, tuple(circle_frames(animation))


def _text(ink: str, **kwargs: Any) -> dict:
    """A trace of text only (names written on the picture)."""
    return {
        "type": "scatter",
        "mode": "text",
        "showlegend": False,
        "hoverinfo": "skip",
        "textfont": {"color": ink},
        "cliponaxis": False,
    } | kwargs


def domains(present: bool = False) -> tuple[list[float], list[float]]:
    """The x-axis domains of the circle and of the graphs (the frame slider's x and x + len)."""
    share = CIRCLE_SHARE[present]
    return [0.0, share], [share + GAP, 1.0]


def unit_circle_figure(
    animation: circle.CircleAnimation,
    frames: Sequence[dict],
    state: circle.CircleState,
    show_tan: bool = False,
    dark: bool = False,
    speed: float = 1.0,
    present: bool = False,
) -> Prebuilt:
    """The unit circle beside the graphs of sin and cos; Play sweeps θ from 0 to 2π.

    Parameters
    ----------
    animation : the angles of a full turn and the graphs.
    frames : ``circle_frames(animation)`` (plotly JSON), made once and shared.
    state : the picture at the chosen θ, which the figure shows until Play is pressed.
    show_tan : also draw the graph of tan, broken at its asymptotes.
    dark : dark theme (neutral lines in light ink).
    speed : the page's speed control (2.0 plays twice as fast as the default).
    present : presentation mode (a wider share of the width for the circle).

    Notes
    -----
    The circle (axes x, y, equal scale) and the graphs (axes x2, y) share the y-axis, so the
    dotted line from the point P to the graph is level: sin θ on the circle is the height of
    the sine graph at θ. The frame slider spans the x2 axis' domain.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    purple = c["highlight"]
    t, sin_t, cos_t = animation.curve.T
    tan_t, tan_y = animation.tan_curve.T
    asymptotes = traces.guide_lines(animation.asymptotes, (), Y_RANGE)
    faint = {"opacity": 0.3, "hoverinfo": "skip", "showlegend": False}
    tan_graph = faint | {"visible": show_tan}
    quarter = np.pi / 2
    circle_domain, graph_domain = domains(present)
    static = [
        traces.line(ink, 1.5, x=cos_t, y=sin_t, hoverinfo="skip", showlegend=False),
        traces.line(ink, 1, "dot", x=np.ones(2), y=np.array(Y_RANGE), **faint),
        traces.line(c["primary"], 1.5, x=t, y=sin_t, **faint, **GRAPH),
        traces.line(c["accent"], 1.5, x=t, y=cos_t, **faint, **GRAPH),
        traces.line(purple, 2, x=tan_t, y=tan_y, **tan_graph, **GRAPH),
        traces.line(purple, 1.5, "dash", x=asymptotes[0], y=asymptotes[1], **tan_graph, **GRAPH),
        # The graphs' names, under their troughs (the θ label moves along the top).
        _text(
            ink,
            x=np.array([3 * quarter, 2 * quarter]),
            y=np.array([-1.0, -1.0]),
            text=["sin θ", "cos θ"],
            textposition=["bottom center", "bottom center"],
            textfont={"color": [c["primary"], c["accent"]]},
            **GRAPH,
        ),
    ]
    # Markers on P and T (none at the end of the line carried across), and on the graphs'
    # points at θ (on tan's only if shown).
    moving = [
        traces.line(c["tertiary"], 4, name="arc of length θ", hoverinfo="skip"),
        traces.line(c["accent"], 4, name="cos θ", hovertemplate="cos: %{x:.3f}<extra></extra>"),
        traces.line(c["primary"], 4, name="sin θ", hovertemplate="sin: %{y:.3f}<extra></extra>"),
        traces.line(purple, 4, name="tan θ", hovertemplate="tan: %{y:.3f}<extra></extra>"),
        traces.line(
            ink,
            1.2,
            "dot",
            mode="lines+markers",
            name="P and T",
            hovertemplate="(%{x:.3f}, %{y:.3f})<extra></extra>",
            marker={"size": np.array([11, 9, 0, 0, 0]), "color": [ink, purple, ink, ink, ink]},
        ),
        _text(ink, textfont={"color": [c["accent"], c["primary"], purple, c["tertiary"]]}),
        traces.line(c["accent"], 4, name="graph of cos", hoverinfo="skip", **GRAPH),
        traces.line(c["primary"], 4, name="graph of sin", hoverinfo="skip", **GRAPH),
        traces.line(
            ink,
            1.2,
            "dot",
            mode="lines+markers",
            name="points at θ",
            hovertemplate="%{y:.3f}<extra></extra>",
            marker={
                "size": np.array([0, 11, 0, 11, 0, 9 if show_tan else 0]),
                "color": [ink, c["primary"], ink, c["accent"], ink, purple],
            },
            **GRAPH,
        ),
        _text(ink, **GRAPH),
    ]
    for trace, xy in zip(moving, _circle_moving(state), strict=True):
        trace.update(xy)
    nearest = animation.nearest_frame(state.point.theta)
    names = [str(i) for i in range(len(animation.frames))]
    # ▶ Play goes a full turn from the chosen θ round to it again (frames 0 and the last are
    # both θ = 0), so afterwards the picture agrees with the readouts beside it.
    controls = animation_controls(
        names,
        [""] * len(names),  # the graph's own axis, right above the slider, reads the angle
        active=nearest,
        sequence=names[nearest:] + names[1 : nearest + 1],
        frame_ms=FRAME_MS,
        ink=ink,
        every=SCRUB_EVERY,
        speed=speed,
        slider_x=graph_domain[0],
    )
    start, end = graph_domain
    controls["sliders"][0].update(x=start, len=end - start, pad={"t": 58, "b": 0, "l": 0, "r": 0})
    layout = {
        "xaxis": {
            "domain": circle_domain,
            "range": list(CIRCLE_X_RANGE),
            "tickvals": [-1, 0, 1],
            "zeroline": False,
            "constrain": "domain",
            "constraintoward": "right",
        },
        "xaxis2": {
            "domain": graph_domain,
            "anchor": "y",
            "range": [-GRAPH_PAD[present], circle.TAU + GRAPH_PAD[present]],
            "tickvals": (quarter * np.arange(5)).tolist(),
            "ticktext": ["0", "90°<br>π/2", "180°<br>π", "270°<br>3π/2", "360°<br>2π"],
            "zeroline": False,
        },
        "yaxis": {"range": list(Y_RANGE), "tickvals": [-1, 0, 1], "scaleanchor": "x"},
        "showlegend": False,
        "margin": {"t": 16, "b": 124, "r": 44},  # r: room for the tick label 360° at the end
        **controls,
    }
    return Prebuilt(
        {"data": traces.encoded(static + moving), "layout": layout, "frames": list(frames)}
    )
