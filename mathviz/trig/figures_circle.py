"""The unit-circle figure: the circle beside the graphs of sin and cos (and tan), with Play
sweeping θ through a full turn in the browser.

The builder places what :mod:`mathviz.trig.circle` computed. The figure is plotly JSON
(:class:`mathviz.plot.spec.Prebuilt`): its 121 animation frames are made once per process
(:func:`circle_sweep`) and attached as they are; only the traces at the chosen θ are new.
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

GRAPH_OFFSET = 1.7  # x of θ = 0 on the graph beside the unit circle

# The traces that move with θ, in this order after the static ones. "guides" holds the
# dotted lines and the markers: P, T = (1, tan θ), the points on the graphs of sin, cos, tan;
# "label" writes θ above the graphs.
MOVING = ("arc", "cos", "sin", "tan", "guides", "label")
N_STATIC = 6  # the traces before them (see unit_circle_figure)
SCRUB_EVERY = 5  # a scrubber step every fifth frame: every 15°, the angles a class uses
LABEL_Y = 1.3  # the height of the moving θ label


def _circle_moving(state: circle.CircleState) -> list[dict[str, Any]]:
    """The data of the moving traces at one angle."""
    p = state.point
    at = GRAPH_OFFSET + p.theta  # θ on the graph
    t, sin_t, cos_t = state.trail.T
    tan_end = p.tan if p.tan_defined else traces.NAN
    guides_x, guides_y = traces.polylines(
        [(p.cos, p.sin), (1.0, tan_end)],  # the radius, extended to the tangent line
        [(p.cos, p.sin), (at, p.sin)],  # sin θ carried across to its graph
        [(at, p.cos)],
        [(at, tan_end)],
    )
    data = [
        traces.joined(
            (state.arc[:, 0], state.arc[:, 1]), (np.array([p.cos, 0.0]), np.array([p.sin, 0.0]))
        ),
        traces.joined((np.array([0.0, p.cos]), np.zeros(2)), (GRAPH_OFFSET + t, cos_t)),
        traces.joined(
            (np.array([p.cos, p.cos]), np.array([0.0, p.sin])), (GRAPH_OFFSET + t, sin_t)
        ),
        {"x": np.ones(2), "y": np.array([0.0, tan_end])},
        {"x": guides_x, "y": guides_y},
        {"x": np.array([at]), "y": np.array([LABEL_Y])},
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


def unit_circle_figure(
    animation: circle.CircleAnimation,
    frames: Sequence[dict],
    state: circle.CircleState,
    show_tan: bool = False,
    dark: bool = False,
    speed: float = 1.0,
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

    Notes
    -----
    Circle and graph share one pair of equal axes: the circle is centred at the origin and
    the graph starts at x = GRAPH_OFFSET, so the dotted line from the point P to the graph is
    horizontal: sin θ on the circle is the height of the sine graph at θ.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    purple = c["highlight"]
    t, sin_t, cos_t = animation.curve.T
    tan_t, tan_y = animation.tan_curve.T
    asymptotes = traces.guide_lines(GRAPH_OFFSET + animation.asymptotes, (), (-1.45, 1.45))
    faint = {"opacity": 0.3, "hoverinfo": "skip", "showlegend": False}
    tan_graph = faint | {"visible": show_tan}
    static = [
        traces.line(ink, 1.5, x=cos_t, y=sin_t, hoverinfo="skip", showlegend=False),
        traces.line(ink, 1, "dot", x=np.ones(2), y=np.array([-1.45, 1.45]), **faint),
        traces.line(c["primary"], 1.5, x=GRAPH_OFFSET + t, y=sin_t, **faint),
        traces.line(c["accent"], 1.5, x=GRAPH_OFFSET + t, y=cos_t, **faint),
        traces.line(purple, 2, x=GRAPH_OFFSET + tan_t, y=tan_y, **tan_graph),
        traces.line(purple, 1.5, "dash", x=asymptotes[0], y=asymptotes[1], **tan_graph),
    ]
    # Markers on P, T and the points on the graphs (on tan's only if shown), none on P's copy.
    sizes = np.array([11, 9, 0, 0, 11, 0, 11, 0, 9 if show_tan else 0])
    moving = [
        traces.line(c["tertiary"], 4, name="arc of length θ", hoverinfo="skip"),
        traces.line(c["accent"], 4, name="cos θ", hovertemplate="cos: %{y:.3f}<extra></extra>"),
        traces.line(c["primary"], 4, name="sin θ", hovertemplate="sin: %{y:.3f}<extra></extra>"),
        traces.line(purple, 4, name="tan θ", hovertemplate="tan: %{y:.3f}<extra></extra>"),
        traces.line(
            ink,
            1.2,
            "dot",
            mode="lines+markers",
            showlegend=False,
            hovertemplate="%{y:.3f}<extra></extra>",
            marker={
                "size": sizes,
                "color": [ink, purple, ink, ink, c["primary"], ink, c["accent"], ink, purple],
            },
        ),
        {
            "type": "scatter",
            "mode": "text",
            "showlegend": False,
            "hoverinfo": "skip",
            "textfont": {"color": ink},
            "cliponaxis": False,
        },
    ]
    for trace, xy in zip(moving, _circle_moving(state), strict=True):
        trace.update(xy)
    # The scrubber's steps are labelled under it every 45° (the moving label says the rest).
    labels = [
        text.degrees_label(f.point.theta) if i % (3 * SCRUB_EVERY) == 0 else ""
        for i, f in enumerate(animation.frames)
    ]
    nearest = animation.nearest_frame(state.point.theta)
    names = [str(i) for i in range(len(labels))]
    # ▶ Play goes a full turn from the chosen θ round to it again (frames 0 and the last are
    # both θ = 0), so afterwards the picture agrees with the readouts beside it.
    controls = animation_controls(
        names,
        labels,
        active=nearest,
        sequence=names[nearest:] + names[1 : nearest + 1],
        frame_ms=FRAME_MS,
        ink=ink,
        every=SCRUB_EVERY,
        speed=speed,
        slider_x=0.22,
    )
    layout = {
        "xaxis": {
            "range": [-1.35, GRAPH_OFFSET + circle.TAU + 0.25],
            "tickvals": (GRAPH_OFFSET + np.pi / 2 * np.arange(5)).tolist(),
            "ticktext": ["0", "90°<br>π/2", "180°<br>π", "270°<br>3π/2", "360°<br>2π"],
            "zeroline": False,
        },
        "yaxis": {"range": [-1.45, 1.45], "tickvals": [-1, 0, 1], "scaleanchor": "x"},
        "legend": traces.TOP_LEGEND,
        "margin": {"t": 50, "b": 130},
        **controls,
    }
    return Prebuilt(
        {"data": traces.encoded(static + moving), "layout": layout, "frames": list(frames)}
    )
