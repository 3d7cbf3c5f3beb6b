"""Figures of the Trigonometry and Algebra pages.

Each builder takes a view computed in :mod:`mathviz.trig`, :mod:`mathviz.fourier` or
:mod:`mathviz.algebra` and places it; nothing here evaluates a sine, a root or a logarithm.
Animated figures carry plotly frames plus Play/Pause buttons and a scrubber, so the browser
plays them without asking the server.

Figures are built in one go (``go.Figure(data, layout, frames)``): plotly's ``update_layout``
costs ten times more, and these figures are rebuilt on every rerun.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz import algebra, fourier, trig
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls

NAN = np.nan
GRAPH_OFFSET = 1.7  # x of θ = 0 on the graph beside the unit circle
# Plotly shows the next frame at the first screen refresh (every 16.7 ms) after the frame's
# duration has passed: 15 ms gives 60 frames a second, anything from 17 to 33 ms only 30.
FRAME_MS = 15
EPICYCLE_MS = 40  # the epicycles turn slower: one period in 2.4 s
TOP_LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}


def _xy(*pieces: Sequence[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
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


def _join(*pieces: tuple[np.ndarray, np.ndarray]) -> dict[str, np.ndarray]:
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


def _line(color: str, width: float = 2, dash: str | None = None, **kwargs: Any) -> dict:
    """A scatter trace drawn as a line (``kwargs`` add or override any property)."""
    line = {"color": color, "width": width} | ({"dash": dash} if dash else {})
    return {"type": "scatter", "mode": "lines", "line": line} | kwargs


def _markers(color: Any, size: float = 12, **kwargs: Any) -> dict:
    return {"type": "scatter", "mode": "markers", "marker": {"size": size, "color": color}} | kwargs


def _asymptote_lines(
    vertical: Sequence[float], horizontal: Sequence[float], window: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Guide lines across the window at the given x (vertical) and y (horizontal) values."""
    lo, hi = window
    return _xy(*[[(v, lo), (v, hi)] for v in vertical], *[[(lo, h), (hi, h)] for h in horizontal])


# --- animation plumbing ----------------------------------------------------------------------


class PrebuiltFrames(go.Figure):
    """A figure whose animation frames are plotly JSON made once, attached as they are.

    Plotly copies and re-encodes every frame each time it serialises a figure: for the unit
    circle's 121 frames that is 8 ms of every rerun, although the frames never change. Here
    they are encoded once (:func:`encode_frames`), shared, and only put into the JSON.
    Everything else about the figure is an ordinary ``go.Figure``.
    """

    def __init__(self, data: Any = None, layout: Any = None, frames: Any = None, **kwargs):
        if isinstance(data, dict):  # a whole figure as a dict (plotly does this to copy)
            data = dict(data)
            frames = data.pop("frames", frames)
        super().__init__(data, layout, **kwargs)
        self._prebuilt_frames = list(frames or [])

    def to_dict(self) -> dict:
        return {**super().to_dict(), "frames": self._prebuilt_frames}


def encode_frames(frames: list[dict]) -> list[dict]:
    """Frames as plotly JSON, numpy arrays already in plotly's binary (base64) form."""
    return go.Figure(frames=frames).to_dict()["frames"]


# --- 1. the unit circle -----------------------------------------------------------------------

# The traces that move with θ, in this order after the static ones. "guides" holds the
# dotted lines and the markers: P, T = (1, tan θ), the points on the graphs of sin, cos, tan;
# "label" writes θ above the graphs.
MOVING = ("arc", "cos", "sin", "tan", "guides", "label")
N_STATIC = 6  # the traces before them (see unit_circle_figure)
SCRUB_EVERY = 5  # a scrubber step every fifth frame: every 15°, the angles a class uses
LABEL_Y = 1.3  # the height of the moving θ label


def _circle_moving(state: trig.CircleState) -> list[dict[str, Any]]:
    """The data of the moving traces at one angle, in single precision (a hundred frames of
    it; a pixel needs no more)."""
    p = state.point
    at = GRAPH_OFFSET + p.theta  # θ on the graph
    t, sin_t, cos_t = state.trail.T
    tan_end = p.tan if p.tan_defined else NAN
    guides_x, guides_y = _xy(
        [(p.cos, p.sin), (1.0, tan_end)],  # the radius, extended to the tangent line
        [(p.cos, p.sin), (at, p.sin)],  # sin θ carried across to its graph
        [(at, p.cos)],
        [(at, tan_end)],
    )
    data = [
        _join((state.arc[:, 0], state.arc[:, 1]), (np.array([p.cos, 0.0]), np.array([p.sin, 0.0]))),
        _join((np.array([0.0, p.cos]), np.zeros(2)), (GRAPH_OFFSET + t, cos_t)),
        _join((np.array([p.cos, p.cos]), np.array([0.0, p.sin])), (GRAPH_OFFSET + t, sin_t)),
        {"x": np.ones(2), "y": np.array([0.0, tan_end])},
        {"x": guides_x, "y": guides_y},
        {"x": np.array([at]), "y": np.array([LABEL_Y])},
    ]
    data = [{axis: v.astype(np.float32) for axis, v in xy.items()} for xy in data]
    data[-1]["text"] = [f"θ = {angle_label(p.theta)}"]
    return data


def circle_frames(animation: trig.CircleAnimation) -> list[dict]:
    """The unit circle's frames, encoded once: they depend on nothing but the angle."""
    indices = list(range(N_STATIC, N_STATIC + len(MOVING)))
    return encode_frames(
        [
            {"name": str(i), "traces": indices, "data": _circle_moving(frame)}
            for i, frame in enumerate(animation.frames)
        ]
    )


def angle_label(theta: float) -> str:
    """θ in both units, as the figure writes it: ``60° = 1.05 rad``."""
    return f"{np.degrees(theta):.0f}° = {theta:.2f} rad"


def unit_circle_figure(
    animation: trig.CircleAnimation,
    frames: list[dict],
    state: trig.CircleState,
    show_tan: bool = False,
    dark: bool = False,
) -> go.Figure:
    """The unit circle beside the graphs of sin and cos; Play sweeps θ from 0 to 2π.

    Parameters
    ----------
    animation : the angles of a full turn and the graphs.
    frames : ``circle_frames(animation)``, made once and shared.
    state : the picture at the chosen θ, which the figure shows until Play is pressed.
    show_tan : also draw the graph of tan, broken at its asymptotes.
    dark : dark theme (neutral lines in light ink).

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
    asymptotes = _asymptote_lines(GRAPH_OFFSET + animation.asymptotes, (), (-1.45, 1.45))
    faint = {"opacity": 0.3, "hoverinfo": "skip", "showlegend": False}
    tan_graph = faint | {"visible": show_tan}
    static = [
        _line(ink, 1.5, x=cos_t, y=sin_t, hoverinfo="skip", showlegend=False),
        _line(ink, 1, "dot", x=np.ones(2), y=np.array([-1.45, 1.45]), **faint),
        _line(c["primary"], 1.5, x=GRAPH_OFFSET + t, y=sin_t, **faint),
        _line(c["accent"], 1.5, x=GRAPH_OFFSET + t, y=cos_t, **faint),
        _line(purple, 2, x=GRAPH_OFFSET + tan_t, y=tan_y, **tan_graph),
        _line(purple, 1.5, "dash", x=asymptotes[0], y=asymptotes[1], **tan_graph),
    ]
    # Markers on P, T and the points on the graphs (on tan's only if shown), none on P's copy.
    sizes = np.array([11, 9, 0, 0, 11, 0, 11, 0, 9 if show_tan else 0])
    moving = [
        _line(c["tertiary"], 4, name="arc of length θ", hoverinfo="skip"),
        _line(c["accent"], 4, name="cos θ", hovertemplate="cos: %{y:.3f}<extra></extra>"),
        _line(c["primary"], 4, name="sin θ", hovertemplate="sin: %{y:.3f}<extra></extra>"),
        _line(purple, 4, name="tan θ", hovertemplate="tan: %{y:.3f}<extra></extra>"),
        _line(
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
        f"{np.degrees(f.point.theta):.0f}°" if i % (3 * SCRUB_EVERY) == 0 else ""
        for i, f in enumerate(animation.frames)
    ]
    nearest = animation.nearest_frame(state.point.theta)
    controls = animation_controls(
        [str(i) for i in range(len(labels))],
        labels,
        active=nearest,
        frame_ms=FRAME_MS,
        ink=ink,
        every=SCRUB_EVERY,
        slider_x=0.22,
    )
    layout = {
        "xaxis": {
            "range": [-1.35, GRAPH_OFFSET + trig.TAU + 0.25],
            "tickvals": GRAPH_OFFSET + np.pi / 2 * np.arange(5),
            "ticktext": ["0", "90°<br>π/2", "180°<br>π", "270°<br>3π/2", "360°<br>2π"],
            "zeroline": False,
        },
        "yaxis": {"range": [-1.45, 1.45], "tickvals": [-1, 0, 1], "scaleanchor": "x"},
        "legend": TOP_LEGEND,
        "margin": {"t": 50, "b": 130},
        **controls,
    }
    return PrebuiltFrames(static + moving, layout, frames)


# --- 2. waves ---------------------------------------------------------------------------------


def wave_figure(view: trig.WaveView, dark: bool = False) -> go.Figure:
    """y = A sin(ωx + φ) + c over the dashed base sine, with the period (bracket), the
    amplitude (arrow from the midline to a crest), the midline and the phase shift marked.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    props = view.properties
    (x0, x1), (crest_x, crest_y) = view.landmarks.period, view.landmarks.crest
    mid = props.midline
    top = max(2.0, crest_y) + 0.6
    f = trig.format_number
    traces = [
        _line(ink, 1.5, "dash", x=view.x, y=view.base, name="sin x (base)", opacity=0.6),
        _line(c["primary"], 4, x=view.x, y=view.y, name="y = A sin(ωx + φ) + c"),
        _line(
            c["tertiary"],
            1.5,
            "dot",
            x=view.x[[0, -1]],
            y=np.full(2, mid),
            name=f"midline y = {f(mid, 2)}",
        ),
        _line(
            c["accent"],
            3,
            x=np.array([x0, x1]),
            y=np.full(2, top),
            mode="lines+markers",
            marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": c["accent"]}},
            name=f"one period T = {f(props.period, 2)}",
        ),
        _line(
            c["highlight"],
            3,
            x=np.full(2, crest_x),
            y=np.array([mid, crest_y]),
            mode="lines+markers",
            marker={"symbol": "arrow", "angleref": "previous", "size": 14, "color": c["highlight"]},
            name=f"amplitude |A| = {f(props.amplitude, 2)}",
        ),
        _markers(
            c["tertiary"],
            13,
            x=np.array([props.phase_shift]),
            y=np.array([mid]),
            name=f"shift -φ/ω = {f(props.phase_shift, 2)}",
        ),
    ]
    traces[-1]["marker"]["symbol"] = "diamond"
    layout = {
        "xaxis": {"range": [view.x[0], view.x[-1]], "title": {"text": "x"}},
        "yaxis": {"range": [min(-2.0, mid - props.amplitude) - 0.5, top + 0.6]},
        "legend": TOP_LEGEND,
        "margin": {"t": 90},
    }
    return go.Figure(traces, layout)


def two_waves_figure(view: trig.TwoWavesView, dark: bool = False) -> go.Figure:
    """The two waves (top) and their sum inside its envelope ±E(x) (bottom)."""
    ink = theme.ink(dark)
    c = theme.COLORS
    x = view.x
    reach = 1.15 * max(float(np.max(np.abs(view.total))), float(np.max(view.envelope)), 1.0)
    lower = {"xaxis": "x2", "yaxis": "y2"}
    traces = [
        _line(c["soft"], 2.5, x=x, y=view.first, name="wave 1: A₁ sin(ω₁x)"),
        _line(c["secondary"], 2.5, x=x, y=view.second, name="wave 2: A₂ sin(ω₂x + φ)"),
        _line(c["primary"], 3, x=x, y=view.total, name="their sum", **lower),
        _line(ink, 1.5, "dash", name="envelope ±E(x)", **lower)
        | _join((x, view.envelope), (x, -view.envelope)),
    ]
    window = [x[0], x[-1]]
    layout = {
        "xaxis": {"range": window, "anchor": "y", "showticklabels": False},
        "yaxis": {"domain": [0.56, 1.0], "range": [-reach, reach], "title": {"text": "waves"}},
        "xaxis2": {"range": window, "anchor": "y2", "matches": "x", "title": {"text": "x"}},
        "yaxis2": {"domain": [0.0, 0.44], "range": [-reach, reach], "title": {"text": "sum"}},
        "legend": TOP_LEGEND,
        "margin": {"t": 70},
    }
    return go.Figure(traces, layout)


# --- 3. Fourier series ------------------------------------------------------------------------


def fourier_figure(view: fourier.FourierView, dark: bool = False) -> go.Figure:
    """The partial sum against the target (top) and the amplitude spectrum (bottom).

    Bar n is r_n = sqrt(a_n² + b_n²), coloured for the harmonics in use (n ≤ N); bar 0 is
    the mean |a₀/2|. Gibbs' overshoot, if the shape jumps, is marked at the peak.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    coefficients = view.coefficients
    amplitudes = np.concatenate([[abs(coefficients.a0) / 2], coefficients.amplitudes])
    n = np.arange(len(amplitudes))
    unused = theme.GRID["dark" if dark else "light"]
    traces = [
        _line(ink, 2, x=view.target[0], y=view.target[1], name="target"),
        _line(
            c["primary"], 3, x=view.t, y=view.approximation, name=f"sum of {view.n_terms} harmonics"
        ),
        {
            "type": "bar",
            "x": n,
            "y": amplitudes,
            "marker": {"color": np.where(n <= view.n_terms, c["primary"], unused)},
            "xaxis": "x2",
            "yaxis": "y2",
            "showlegend": False,
            "hovertemplate": "harmonic %{x}: amplitude %{y:.4f}<extra></extra>",
        },
    ]
    if view.overshoot is not None:
        peak = view.overshoot
        traces.append(
            _markers(
                c["accent"],
                14,
                x=np.array([peak.t]),
                y=np.array([peak.value]),
                name=f"overshoot: {100 * peak.fraction:.1f}% of the jump",
            )
        )
        traces[-1]["marker"]["symbol"] = "triangle-down"
    low, high = float(np.nanmin(view.target[1])), float(np.nanmax(view.target[1]))
    pad = 0.25 * (high - low) + 0.1
    layout = {
        "xaxis": {"range": [view.t[0], view.t[-1]], "anchor": "y", "title": {"text": "t"}},
        "yaxis": {"domain": [0.42, 1.0], "range": [low - pad, high + pad]},
        "xaxis2": {"anchor": "y2", "range": [-0.7, n[-1] + 0.7], "title": {"text": "harmonic n"}},
        "yaxis2": {"domain": [0.0, 0.27], "title": {"text": "amplitude"}},
        "legend": TOP_LEGEND,
        "margin": {"t": 70},
        "bargap": 0.15,
    }
    return go.Figure(traces, layout)


N_CIRCLES = 8  # circles are drawn for the longest arms only (the others are specks)


def _epicycle_layout(view: fourier.EpicycleView) -> tuple[float, float, np.ndarray]:
    """How far the chain reaches, where the wave starts (x of t = 0), which arms get circles."""
    reach = float(np.max(np.abs(view.joints))) + 0.2
    largest = np.sort(np.argsort(view.radii)[::-1][:N_CIRCLES])
    return reach, reach + 0.6, largest


def _epicycle_moving(view: fourier.EpicycleView, i: int) -> list[dict[str, np.ndarray]]:
    """Frame i: the arms and their circles, the wave drawn so far, the tip's pointer (single
    precision: sixty frames of it, and a pixel needs no more)."""
    _, offset, largest = _epicycle_layout(view)
    joints, radii = view.joints[i], view.radii
    circles = [(joints[n] + radii[n] * view.outline).T for n in largest]
    chain = _join(*circles, (joints[:, 0], joints[:, 1]))
    fine_t, fine_y = view.curve
    tip = joints[-1]
    return [
        {axis: values.astype(np.float32) for axis, values in chain.items()},
        {"y": np.where(fine_t <= view.t[i] + 1e-9, fine_y, NAN).astype(np.float32)},
        {"x": np.array([tip[0], offset + view.t[i]]), "y": np.array([tip[1], tip[1]])},
    ]


def epicycle_frames(view: fourier.EpicycleView) -> list[dict]:
    """The epicycles' frames over one period, encoded once (they depend only on the view)."""
    return encode_frames(
        [
            {"name": str(i), "traces": [1, 2, 3], "data": _epicycle_moving(view, i)}
            for i in range(len(view.t))
        ]
    )


def epicycles_figure(
    view: fourier.EpicycleView, frames: list[dict], dark: bool = False
) -> go.Figure:
    """Rotating arms whose tip draws the partial sum, animated over one period.

    Parameters
    ----------
    view : the chain at each frame time, the arm lengths, a unit circle to draw each arm's
        circle with, and the partial sum finely sampled (drawn up to each frame's t).
    frames : ``epicycle_frames(view)``.

    Notes
    -----
    The tip's height is S_N(t), so the dotted pointer from the tip to (offset + t, S_N(t)) is
    horizontal: the wave on the right is the tip's height over time.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    reach, offset, _ = _epicycle_layout(view)
    fine_t, fine_y = view.curve
    chain, trail, pointer = _epicycle_moving(view, 0)
    faint = {"opacity": 0.25, "hoverinfo": "skip", "showlegend": False}
    traces = [
        _line(c["primary"], 1.5, x=offset + fine_t, y=fine_y, **faint),
        _line(ink, 1.5, name="arms and their circles", hoverinfo="skip", opacity=0.8) | chain,
        _line(c["primary"], 3.5, name="the tip's height: S_N(t)", x=offset + fine_t) | trail,
        _line(c["accent"], 1.5, "dot", mode="lines+markers", showlegend=False, hoverinfo="skip")
        | pointer
        | {"marker": {"size": 9, "color": c["accent"]}},
    ]
    labels = [f"{np.degrees(v):.0f}°" for v in view.t]
    layout = {
        "xaxis": {
            "range": [-reach, offset + fine_t[-1] + 0.2],
            "showticklabels": False,
            "zeroline": False,
        },
        "yaxis": {"range": [-reach, reach], "scaleanchor": "x"},
        "legend": TOP_LEGEND,
        "margin": {"t": 50, "b": 130},
        **animation_controls(
            [str(i) for i in range(len(labels))],
            labels,
            active=0,
            frame_ms=EPICYCLE_MS,
            readout="t = ",
            ink=ink,
            slider_x=0.22,
        ),
    }
    return PrebuiltFrames(traces, layout, frames)


# --- 4. functions, polynomials, exp and log ---------------------------------------------------


def _curve_traces(
    curve: tuple[np.ndarray, np.ndarray],
    asymptotes: tuple[np.ndarray, np.ndarray],
    key_points: Sequence[tuple[float, float]],
    color: str,
    name: str,
    axes: dict[str, str],
) -> list[dict]:
    """A curve, its dashed asymptotes and its key points."""
    points = np.array(key_points, dtype=float).reshape(-1, 2)
    return [
        _line(color, 3.5, x=curve[0], y=curve[1], name=name, **axes),
        _line(
            color,
            1.5,
            "dash",
            x=asymptotes[0],
            y=asymptotes[1],
            name=f"asymptotes of {name[0]}",
            hoverinfo="skip",
            **axes,
        ),
        _markers(
            color,
            10,
            x=points[:, 0],
            y=points[:, 1],
            showlegend=False,
            hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>",
            **axes,
        ),
    ]


def transformation_figure(view: algebra.TransformView, dark: bool = False) -> go.Figure:
    """The parent f (left) and g(x) = a·f(b(x - h)) + k (right), with asymptotes and key
    points; on the right, dotted lines join each key point of f to where it lands on g.
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    f, g, window = view.parent, view.transformed, view.window
    left, right = {"xaxis": "x", "yaxis": "y"}, {"xaxis": "x2", "yaxis": "y2"}
    f_lines = _asymptote_lines(f.vertical_asymptotes, f.horizontal_asymptotes, window)
    g_lines = _asymptote_lines(g.vertical_asymptotes, g.horizontal_asymptotes, window)
    moves = _xy(*[[p, q] for p, q in zip(f.key_points, g.key_points, strict=False)])
    traces = [
        *_curve_traces(view.parent_curve, f_lines, f.key_points, c["primary"], "f (parent)", left),
        _line(
            c["primary"],
            2,
            x=view.parent_curve[0],
            y=view.parent_curve[1],
            opacity=0.3,
            showlegend=False,
            hoverinfo="skip",
            **right,
        ),
        _line(ink, 1, "dot", x=moves[0], y=moves[1], hoverinfo="skip", showlegend=False, **right),
        *_curve_traces(view.curve, g_lines, g.key_points, c["accent"], "g (transformed)", right),
    ]
    axis = {"range": list(window), "zeroline": True, "zerolinecolor": ink, "zerolinewidth": 1}
    layout = {
        "xaxis": axis | {"domain": [0.0, 0.46], "anchor": "y", "title": {"text": "x"}},
        "yaxis": axis | {"anchor": "x", "scaleanchor": "x"},
        "xaxis2": axis | {"domain": [0.54, 1.0], "anchor": "y2", "title": {"text": "x"}},
        "yaxis2": axis | {"anchor": "x2", "scaleanchor": "x2"},
        "legend": TOP_LEGEND,
        "margin": {"t": 50},
    }
    return go.Figure(traces, layout)


def polynomial_figure(view: algebra.PolynomialView, dark: bool = False) -> go.Figure:
    """The graph of p with its real roots on the x-axis (left), and every root in the complex
    plane (right: real roots on the real axis, complex roots in mirror pairs).
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    roots, real = view.roots, view.real
    reach = max(1.5, 1.25 * float(np.max(np.abs(roots)))) if roots.size else 1.5
    real_x = roots.real[real]
    traces = [
        _line(c["primary"], 3.5, x=view.x, y=view.y, name="p(x)"),
        _markers(
            c["accent"],
            13,
            x=real_x,
            y=np.zeros(real_x.size),
            name="real roots: p(x) = 0",
            hovertemplate="x = %{x:.3f}<extra></extra>",
        ),
        _markers(
            np.where(real, c["accent"], c["highlight"]),
            13,
            x=roots.real,
            y=roots.imag,
            xaxis="x2",
            yaxis="y2",
            name="all roots, in the complex plane",
            hovertemplate="%{x:.3f} %{y:+.3f}i<extra></extra>",
        ),
    ]
    zero = {"zeroline": True, "zerolinecolor": ink, "zerolinewidth": 1}
    layout = {
        "xaxis": zero
        | {"domain": [0.0, 0.58], "range": [view.x[0], view.x[-1]], "title": {"text": "x"}},
        "yaxis": zero | {"range": list(view.y_range), "anchor": "x"},
        "xaxis2": zero
        | {
            "domain": [0.66, 1.0],
            "anchor": "y2",
            "range": [-reach, reach],
            "title": {"text": "real part"},
        },
        "yaxis2": zero
        | {
            "anchor": "x2",
            "range": [-reach, reach],
            "scaleanchor": "x2",
            "title": {"text": "imaginary part"},
        },
        "legend": TOP_LEGEND,
        "margin": {"t": 50},
    }
    return go.Figure(traces, layout)


def exp_log_figure(view: algebra.ExpLogView, dark: bool = False) -> go.Figure:
    """bˣ and log_b x, mirror images in y = x, with a point and its reflection joined."""
    ink = theme.ink(dark)
    c = theme.COLORS
    lo, hi = view.window
    (px, py), (qx, qy) = view.pair
    edge = np.array([lo, hi])
    traces = [
        _line(ink, 1.5, "dot", x=edge, y=edge, name="mirror: y = x"),
        _line(c["primary"], 3.5, x=view.exp_curve[0], y=view.exp_curve[1], name="y = bˣ"),
        _line(c["accent"], 3.5, x=view.log_curve[0], y=view.log_curve[1], name="y = log_b x"),
        _line(
            c["primary"], 1.5, "dash", x=edge, y=np.zeros(2), opacity=0.7, name="asymptote y = 0"
        ),
        _line(c["accent"], 1.5, "dash", x=np.zeros(2), y=edge, opacity=0.7, name="asymptote x = 0"),
        _line(
            ink,
            1.5,
            "dash",
            x=np.array([px, qx]),
            y=np.array([py, qy]),
            mode="lines+markers",
            marker={"size": 13, "color": [c["primary"], c["accent"]]},
            showlegend=False,
            hovertemplate="(%{x:.3f}, %{y:.3f})<extra></extra>",
        ),
    ]
    layout = {
        "xaxis": {"range": [lo, hi], "title": {"text": "x"}, "constrain": "domain"},
        "yaxis": {"range": [lo, hi], "scaleanchor": "x", "constrain": "domain"},
        "legend": TOP_LEGEND,
        "margin": {"t": 70},
    }
    return go.Figure(traces, layout)


def slide_rule_figure(view: algebra.ProductView, dark: bool = False) -> go.Figure:
    """A logarithmic scale from 1 to 100 with log x₁ and log x₂ laid end to end beneath it:
    together they reach the mark of x₁x₂ (a slide rule).
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    values, positions = view.tick_values, view.tick_positions
    labelled = np.isin(values, [1, 2, 3, 5, 10, 20, 30, 50, 100])
    ticks = _xy(
        *[[(p, 0.0), (p, 0.35 if big else 0.2)] for p, big in zip(positions, labelled, strict=True)]
    )
    log_x1, log_x2 = view.logs
    end = log_x1 + log_x2
    traces = [
        _line(
            ink,
            2,
            x=np.array([0.0, positions[-1]]),
            y=np.zeros(2),
            showlegend=False,
            hoverinfo="skip",
        ),
        _line(ink, 1.5, x=ticks[0], y=ticks[1], showlegend=False, hoverinfo="skip"),
        {
            "type": "scatter",
            "mode": "text",
            "x": positions[labelled],
            "y": np.full(int(labelled.sum()), 0.6),
            "text": [trig.format_number(v) for v in values[labelled]],
            "textfont": {"color": ink},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        _line(c["primary"], 10, x=np.array([0.0, log_x1]), y=np.full(2, -0.35), name="log x₁"),
        _line(c["secondary"], 10, x=np.array([log_x1, end]), y=np.full(2, -0.35), name="log x₂"),
        _line(
            c["accent"],
            2,
            "dot",
            x=np.full(2, end),
            y=np.array([-0.6, 0.35]),
            mode="lines+markers",
            marker={"size": 11, "symbol": "triangle-up", "color": c["accent"]},
            name=f"log x₁ + log x₂ = log {trig.format_number(view.product, 2)}",
        ),
    ]
    layout = {
        "xaxis": {"range": [-0.05, positions[-1] + 0.05], "visible": False},
        "yaxis": {"range": [-0.8, 0.9], "visible": False},
        "legend": TOP_LEGEND | {"y": 1.0},
        "margin": {"t": 40, "b": 0},
    }
    return go.Figure(traces, layout)


# --- 5. in machine learning -------------------------------------------------------------------


def positional_encoding_figure(view: trig.EncodingView) -> go.Figure:
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


def encoding_similarity_figure(view: trig.EncodingView, dark: bool = False) -> go.Figure:
    """PE(p)·PE(q) for every pair (left: constant along each diagonal) and against the offset
    k = q - p (right: the dot products measured from one position lie on Σ cos(kω_i)).
    """
    c = theme.COLORS
    traces = [
        go.Heatmap(
            z=view.gram.astype(np.float32),
            colorscale="Viridis",
            showscale=False,
            hovertemplate="p = %{y}, q = %{x}: %{z:.2f}<extra></extra>",
        ),
        _line(
            c["primary"],
            3,
            x=view.offsets,
            y=view.similarity,
            name="Σᵢ cos(k ωᵢ)",
            xaxis="x2",
            yaxis="y2",
        ),
        _markers(
            c["accent"],
            7,
            x=view.offsets,
            y=view.measured,
            xaxis="x2",
            yaxis="y2",
            name=f"PE({view.position})·PE({view.position} + k)",
        ),
    ]
    layout = {
        "xaxis": {"domain": [0.0, 0.4], "title": {"text": "position q"}, "anchor": "y"},
        "yaxis": {"autorange": "reversed", "title": {"text": "position p"}, "scaleanchor": "x"},
        "xaxis2": {"domain": [0.5, 1.0], "title": {"text": "offset k = q - p"}, "anchor": "y2"},
        "yaxis2": {"title": {"text": "dot product"}, "anchor": "x2"},
        "legend": TOP_LEGEND | {"x": 0.5},
        "margin": {"t": 50},
    }
    return go.Figure(traces, layout)


def softmax_figure(view: algebra.SoftmaxView, dark: bool = False) -> go.Figure:
    """σ(z) with its asymptotes and the point ((z₁ - z₂)/T, p₁/(p₁ + p₂)), which lies on it
    (left); the softmax probabilities of the classes (right).
    """
    ink = theme.ink(dark)
    c = theme.COLORS
    z = view.z
    p = view.probabilities
    traces = [
        _line(c["primary"], 3.5, x=z, y=view.sigma, name="σ(z) = 1 / (1 + e⁻ᶻ)"),
        _line(ink, 1.5, "dash", name="asymptotes y = 0 and y = 1")
        | _join((z[[0, -1]], np.zeros(2)), (z[[0, -1]], np.ones(2))),
        _markers(
            c["accent"],
            13,
            x=np.array([view.difference]),
            y=np.array([view.pair_probability]),
            name="p₁ / (p₁ + p₂) at z = (z₁ - z₂)/T",
        ),
        {
            "type": "bar",
            "x": [f"class {i + 1}" for i in range(len(p))],
            "y": p,
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {"color": c["primary"]},
            "text": [f"{v:.3f}" for v in p],
            "textposition": "outside",
            "showlegend": False,
            "hovertemplate": "%{x}: %{y:.3f}<extra></extra>",
        },
    ]
    layout = {
        "xaxis": {"domain": [0.0, 0.55], "range": [z[0], z[-1]], "title": {"text": "z"}},
        "yaxis": {"range": [-0.1, 1.1], "anchor": "x"},
        "xaxis2": {"domain": [0.65, 1.0], "anchor": "y2"},
        "yaxis2": {"range": [0, 1.15], "anchor": "x2", "title": {"text": "softmax probability"}},
        "legend": TOP_LEGEND,
        "margin": {"t": 60},
    }
    return go.Figure(traces, layout)


def log_loss_figure(view: algebra.LogLossView, dark: bool = False) -> go.Figure:
    """The log-loss against the predicted probability (left: an asymptote where the model is
    certain and wrong) and against the logit (right: smooth, finite everywhere), with the
    current prediction marked on both.
    """
    c = theme.COLORS
    top = max(6.0, 1.2 * view.loss)
    right = {"xaxis": "x2", "yaxis": "y2"}
    traces = [
        _line(c["primary"], 3.5, x=view.p_curve[0], y=view.p_curve[1], name="loss against p"),
        _line(
            c["primary"],
            1.5,
            "dash",
            x=np.full(2, view.asymptote),
            y=np.array([0.0, top]),
            opacity=0.7,
            name=f"asymptote p = {view.asymptote:g}",
        ),
        _line(
            c["tertiary"], 3.5, x=view.z, y=view.z_loss, name="loss against the logit z", **right
        ),
        _markers(
            c["accent"],
            13,
            x=np.array([view.probability]),
            y=np.array([view.loss]),
            name="this prediction",
        ),
        _markers(
            c["accent"],
            13,
            x=np.array([view.logit]),
            y=np.array([view.loss]),
            showlegend=False,
            **right,
        ),
    ]
    layout = {
        "xaxis": {
            "domain": [0.0, 0.46],
            "range": [0, 1],
            "title": {"text": "predicted probability p"},
        },
        "yaxis": {"range": [0, top], "title": {"text": "log-loss"}, "anchor": "x"},
        "xaxis2": {
            "domain": [0.54, 1.0],
            "range": [view.z[0], view.z[-1]],
            "anchor": "y2",
            "title": {"text": "logit z"},
        },
        "yaxis2": {"range": [0, top], "anchor": "x2"},
        "legend": TOP_LEGEND,
        "margin": {"t": 60},
    }
    return go.Figure(traces, layout)
