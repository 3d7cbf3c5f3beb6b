"""Figures of the Algebra page: a parent function and its transformation, a polynomial and its
roots, exp and log as mirror images, the slide rule, softmax and the sigmoid, and the
log-loss. Each builder places what the maths modules computed; nothing here evaluates a
root or a logarithm.

Figures are built in one go (``go.Figure(data, layout)``): plotly's ``update_layout``
costs ten times more.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from mathviz.algebra import classification, explog, functions, polynomials, text
from mathviz.plot import theme, traces


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
        traces.line(color, 3.5, x=curve[0], y=curve[1], name=name, **axes),
        traces.line(
            color,
            1.5,
            "dash",
            x=asymptotes[0],
            y=asymptotes[1],
            name=f"asymptotes of {name[0]}",
            hoverinfo="skip",
            **axes,
        ),
        traces.markers(
            color,
            10,
            x=points[:, 0],
            y=points[:, 1],
            showlegend=False,
            hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>",
            **axes,
        ),
    ]


def transformation_figure(view: functions.TransformView, dark: bool = False) -> go.Figure:
    """The parent f (left) and g(x) = a·f(b(x - h)) + k (right), with asymptotes and key
    points; on the right, dotted lines join each key point of f to where it lands on g.
    """
    ink, c = theme.ink(dark), theme.COLORS
    f, g, window = view.parent, view.transformed, view.window
    left, right = {"xaxis": "x", "yaxis": "y"}, {"xaxis": "x2", "yaxis": "y2"}
    f_lines = traces.guide_lines(f.vertical_asymptotes, f.horizontal_asymptotes, window)
    g_lines = traces.guide_lines(g.vertical_asymptotes, g.horizontal_asymptotes, window)
    moves = traces.polylines(*[[p, q] for p, q in zip(f.key_points, g.key_points, strict=False)])
    data = [
        *_curve_traces(view.parent_curve, f_lines, f.key_points, c["primary"], "f (parent)", left),
        traces.line(
            c["primary"],
            2,
            x=view.parent_curve[0],
            y=view.parent_curve[1],
            opacity=0.3,
            showlegend=False,
            hoverinfo="skip",
            **right,
        ),
        traces.line(
            ink, 1, "dot", x=moves[0], y=moves[1], hoverinfo="skip", showlegend=False, **right
        ),
        *_curve_traces(view.curve, g_lines, g.key_points, c["accent"], "g (transformed)", right),
    ]
    axis = {"range": list(window), "zeroline": True, "zerolinecolor": ink, "zerolinewidth": 1}
    layout = {
        "xaxis": axis | {"domain": [0.0, 0.46], "anchor": "y", "title": {"text": "x"}},
        "yaxis": axis | {"anchor": "x", "scaleanchor": "x"},
        "xaxis2": axis | {"domain": [0.54, 1.0], "anchor": "y2", "title": {"text": "x"}},
        "yaxis2": axis | {"anchor": "x2", "scaleanchor": "x2"},
    }
    return traces.figure(data, layout, top=50)


def polynomial_figure(view: polynomials.PolynomialView, dark: bool = False) -> go.Figure:
    """The graph of p with its real roots on the x-axis (left), and every root in the complex
    plane (right: real roots on the real axis, complex roots in mirror pairs).
    """
    ink, c = theme.ink(dark), theme.COLORS
    roots, real = view.roots, view.real
    reach = max(1.5, 1.25 * float(np.max(np.abs(roots)))) if roots.size else 1.5
    real_x = roots.real[real]
    data = [
        traces.line(c["primary"], 3.5, x=view.x, y=view.y, name="p(x)"),
        traces.markers(
            c["accent"],
            13,
            x=real_x,
            y=np.zeros(real_x.size),
            name="real roots: p(x) = 0",
            hovertemplate="x = %{x:.3f}<extra></extra>",
        ),
        traces.markers(
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
    }
    return traces.figure(data, layout, top=50)


def exp_log_figure(view: explog.ExpLogView, dark: bool = False) -> go.Figure:
    """bˣ and log_b x, mirror images in y = x, with a point and its reflection joined."""
    ink, c = theme.ink(dark), theme.COLORS
    lo, hi = view.window
    (px, py), (qx, qy) = view.pair
    edge = np.array([lo, hi])
    data = [
        traces.line(ink, 1.5, "dot", x=edge, y=edge, name="mirror: y = x"),
        traces.line(c["primary"], 3.5, x=view.exp_curve[0], y=view.exp_curve[1], name="y = bˣ"),
        traces.line(
            c["accent"], 3.5, x=view.log_curve[0], y=view.log_curve[1], name="y = log<sub>b</sub> x"
        ),
        traces.line(
            c["primary"], 1.5, "dash", x=edge, y=np.zeros(2), opacity=0.7, name="asymptote y = 0"
        ),
        traces.line(
            c["accent"], 1.5, "dash", x=np.zeros(2), y=edge, opacity=0.7, name="asymptote x = 0"
        ),
        traces.line(
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
    }
    return traces.figure(data, layout, top=70)


def slide_rule_figure(view: explog.ProductView, dark: bool = False) -> go.Figure:
    """A logarithmic scale from 1 to 100 with log x₁ and log x₂ laid end to end beneath it:
    together they reach the mark of x₁x₂ (a slide rule).
    """
    ink, c = theme.ink(dark), theme.COLORS
    values, positions = view.tick_values, view.tick_positions
    labelled = np.isin(values, [1, 2, 3, 5, 10, 20, 30, 50, 100])
    ticks = traces.polylines(
        *[[(p, 0.0), (p, 0.35 if big else 0.2)] for p, big in zip(positions, labelled, strict=True)]
    )
    log_x1, log_x2 = view.logs
    end = log_x1 + log_x2
    data = [
        traces.line(
            ink,
            2,
            x=np.array([0.0, positions[-1]]),
            y=np.zeros(2),
            showlegend=False,
            hoverinfo="skip",
        ),
        traces.line(ink, 1.5, x=ticks[0], y=ticks[1], showlegend=False, hoverinfo="skip"),
        {
            "type": "scatter",
            "mode": "text",
            "x": positions[labelled],
            "y": np.full(int(labelled.sum()), 0.6),
            "text": [text.scale_label(v) for v in values[labelled]],
            "textfont": {"color": ink},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        traces.line(
            c["primary"], 10, x=np.array([0.0, log_x1]), y=np.full(2, -0.35), name="log x₁"
        ),
        traces.line(
            c["secondary"], 10, x=np.array([log_x1, end]), y=np.full(2, -0.35), name="log x₂"
        ),
        traces.line(
            c["accent"],
            2,
            "dot",
            x=np.full(2, end),
            y=np.array([-0.6, 0.35]),
            mode="lines+markers",
            marker={"size": 11, "symbol": "triangle-up", "color": c["accent"]},
            name=text.product_label(view),
        ),
    ]
    layout = {
        "xaxis": {"range": [-0.05, positions[-1] + 0.05], "visible": False},
        "yaxis": {"range": [-0.8, 0.9], "visible": False},
        "legend": traces.TOP_LEGEND | {"y": 1.0},
        "margin": {"t": 40, "b": 0},
    }
    return go.Figure(data, layout)


def softmax_figure(view: classification.SoftmaxView, dark: bool = False) -> go.Figure:
    """σ(z) with its asymptotes and the point ((z₁ - z₂)/T, p₁/(p₁ + p₂)), which lies on it
    (left); the softmax probabilities of the classes (right).
    """
    ink, c = theme.ink(dark), theme.COLORS
    z = view.z
    p = view.probabilities
    data = [
        traces.line(c["primary"], 3.5, x=z, y=view.sigma, name="σ(z) = 1 / (1 + e⁻ᶻ)"),
        traces.line(ink, 1.5, "dash", name="asymptotes y = 0 and y = 1")
        | traces.joined((z[[0, -1]], np.zeros(2)), (z[[0, -1]], np.ones(2))),
        traces.point(
            c["accent"],
            view.difference,
            view.pair_probability,
            name="p₁ / (p₁ + p₂) at z = (z₁ - z₂)/T",
        ),
        {
            "type": "bar",
            "x": [f"class {i + 1}" for i in range(len(p))],
            "y": p,
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {"color": c["primary"]},
            "text": text.probability_labels(view),
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
    }
    return traces.figure(data, layout, top=60)


def log_loss_figure(view: classification.LogLossView, dark: bool = False) -> go.Figure:
    """The log-loss against the predicted probability (left: an asymptote where the model is
    certain and wrong) and against the logit (right: smooth, finite everywhere), with the
    current prediction marked on both.
    """
    c = theme.COLORS
    top = max(6.0, 1.2 * view.loss)
    right = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        traces.line(c["primary"], 3.5, x=view.p_curve[0], y=view.p_curve[1], name="loss against p"),
        traces.line(
            c["primary"],
            1.5,
            "dash",
            x=np.full(2, view.asymptote),
            y=np.array([0.0, top]),
            opacity=0.7,
            name=text.asymptote_label(view),
        ),
        traces.line(
            c["tertiary"], 3.5, x=view.z, y=view.z_loss, name="loss against the logit z", **right
        ),
        traces.point(
            c["accent"],
            view.probability,
            view.loss,
            name="this prediction",
        ),
        traces.point(
            c["accent"],
            view.logit,
            view.loss,
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
    }
    return traces.figure(data, layout, top=60)
