"""Figures of the Algebra page: a parent function and its transformation, a polynomial and its
roots, exp and log as mirror images, the slide rule, softmax and the sigmoid, and the
log-loss. Each builder places what the maths modules computed; nothing here evaluates a
root or a logarithm.

Figures are built in one go (``go.Figure(data, layout)``): plotly's ``update_layout``
costs ten times more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from mathviz.algebra import classification, explog, functions, polynomials, text
from mathviz.plot import theme, traces


def _label(text_: str, x: float, y: float, color: str, axes=("x", "y"), **kwargs) -> dict:
    """A name written on the picture at (x, y), in the colour of what it names."""
    return {
        "text": text_,
        "x": float(x),
        "y": float(y),
        "xref": axes[0],
        "yref": axes[1],
        "showarrow": False,
        "font": {"color": color},
    } | kwargs


def _heading(text_: str, axes=("x", "y"), color: str | None = None) -> dict:
    """A panel's name, above its top left corner."""
    heading = {
        "text": text_,
        "x": 0.0,
        "y": 1.0,
        "xref": f"{axes[0]} domain",
        "yref": f"{axes[1]} domain",
        "xanchor": "left",
        "yanchor": "bottom",
        "yshift": 4,
        "showarrow": False,
    }
    return heading | ({"font": {"color": color}} if color else {})


def _near_height(curve: tuple[np.ndarray, np.ndarray], height: float) -> tuple[float, float]:
    """The sample of a curve closest to a height (a place for its name)."""
    x, y = curve
    index = int(np.nanargmin(np.abs(np.where(np.isfinite(y), y, np.inf) - height)))
    return float(x[index]), float(y[index])


# Names are placed where they cover the least of the picture: each name has a few candidate
# spots, and the one whose box (estimated from a projector-sized panel and font) meets the
# fewest points of the curves, guide lines and names already placed wins.
_PANEL_PX = (260.0, 370.0)  # a panel's plot area in presentation mode, about
_CHAR_PX, _LINE_PX, _GAP_PX = 12.0, 26.0, 6.0  # at the presentation font (22 px)
_ANCHORS = (("right", "bottom"), ("left", "bottom"), ("right", "top"), ("left", "top"))


def _plain(text_: str) -> str:
    return re.sub(r"<[^>]+>", "", text_)


def _dense(x: np.ndarray, y: np.ndarray, per_segment: int = 40) -> np.ndarray:
    """(m, 2) points along a polyline (NaN-broken), filled in so a straight line counts."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    start, end = np.column_stack([x[:-1], y[:-1]]), np.column_stack([x[1:], y[1:]])
    keep = np.isfinite(start).all(axis=1) & np.isfinite(end).all(axis=1)
    t = np.linspace(0.0, 1.0, per_segment)[None, :, None]
    return (start[keep, None] + t * (end[keep, None] - start[keep, None])).reshape(-1, 2)


class _Placer:
    """Chooses, for each name of one panel, the candidate spot that hides the least."""

    def __init__(
        self,
        x_range,
        y_range,
        curves=(),
        lines=(),
        axes=("x", "y"),
        panel_px=_PANEL_PX,
        marks=(),
    ):
        self.x_range, self.y_range, self.axes = tuple(x_range), tuple(y_range), axes
        self.unit = (
            (self.x_range[1] - self.x_range[0]) / panel_px[0],
            (self.y_range[1] - self.y_range[0]) / panel_px[1],
        )
        # a curve's samples are filled in too: near an asymptote they are far apart
        self.points = [_dense(x, y, 4) for x, y in curves] + [_dense(x, y) for x, y in lines]
        self.points.append(np.repeat(np.asarray(marks, float).reshape(-1, 2), 15, axis=0))

    def _box(self, text_, x, y, xanchor, yanchor):
        ux, uy = self.unit
        width, height = len(_plain(text_)) * _CHAR_PX * ux, _LINE_PX * uy
        gap_x = {"left": _GAP_PX, "right": -_GAP_PX}.get(xanchor, 0.0) * ux
        gap_y = {"bottom": _GAP_PX / 2, "top": -_GAP_PX / 2}.get(yanchor, 0.0) * uy
        left = x + gap_x - {"left": 0.0, "center": width / 2, "right": width}[xanchor]
        bottom = y + gap_y - {"bottom": 0.0, "middle": height / 2, "top": height}[yanchor]
        return left, left + width, bottom, bottom + height

    def _costs(self, boxes: np.ndarray) -> np.ndarray:
        """(k,) how much each of k boxes (x0, x1, y0, y1) hides, and how far it sticks out."""
        (lo_x, hi_x), (lo_y, hi_y) = self.x_range, self.y_range
        x0, x1, y0, y1 = boxes.T
        outside = (np.maximum(0, lo_x - x0) + np.maximum(0, x1 - hi_x)) / self.unit[0]
        outside += (np.maximum(0, lo_y - y0) + np.maximum(0, y1 - hi_y)) / self.unit[1]
        points = np.concatenate(self.points) if self.points else np.empty((0, 2))
        px, py = points[None, :, 0], points[None, :, 1]
        hidden = (px >= x0[:, None]) & (px <= x1[:, None]) & (py >= y0[:, None])
        return 1000.0 * outside + np.count_nonzero(hidden & (py <= y1[:, None]), axis=1)

    def place(self, text_, color, spots, anchors=_ANCHORS, **kwargs) -> dict:
        """The name at the best of ``spots`` (points) and ``anchors``; the earlier wins a tie."""
        choices = [(x, y, xa, ya) for x, y in spots for xa, ya in anchors]
        costs = self._costs(np.array([self._box(text_, *choice) for choice in choices]))
        x, y, xa, ya = choices[int(np.argmin(costs))]
        x0, x1, y0, y1 = self._box(text_, x, y, xa, ya)
        self.points.append(_dense(np.array([x0, x1, x1, x0, x0]), np.array([y0, y0, y1, y1, y0])))
        self.points.append(np.array([[0.5 * (x0 + x1), 0.5 * (y0 + y1)]] * 20))  # its middle
        shift = {
            "xshift": {"left": _GAP_PX, "right": -_GAP_PX}.get(xa, 0.0),
            "yshift": {"bottom": _GAP_PX / 2, "top": -_GAP_PX / 2}.get(ya, 0.0),
        }
        return _label(text_, x, y, color, self.axes, xanchor=xa, yanchor=ya, **shift | kwargs)


def _ends(curve: tuple[np.ndarray, np.ndarray], y_range) -> list[tuple[float, float]]:
    """Spots for a curve's name: its last and first samples inside the vertical range, then
    two between (the first of these that hides nothing wins)."""
    x, y = curve
    inside = np.flatnonzero(np.isfinite(y) & (y >= y_range[0]) & (y <= y_range[1]))
    if not inside.size:
        return []
    picks = (inside[-1], inside[0], inside[3 * len(inside) // 4], inside[len(inside) // 4])
    return [(float(x[i]), float(y[i])) for i in picks]


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


def _function_names(name, function, curve, drawn, window, color, axes=("x", "y")) -> list[dict]:
    """A function's name at an end of its curve and its asymptotes' names at their ends, each
    where it hides the least of ``drawn`` (the panel's curves) and of the guide lines."""
    lo, hi = window
    vertical, horizontal = function.vertical_asymptotes, function.horizontal_asymptotes
    guides = traces.guide_lines(vertical, horizontal, window)
    axes_lines = [((lo, hi), (0.0, 0.0)), ((0.0, 0.0), (lo, hi))]
    placer = _Placer(window, window, drawn, [guides, *axes_lines], axes=axes)
    names = (
        [placer.place(f"<b>{name}</b>", color, _ends(curve, window))]
        if _ends(curve, window)
        else []
    )
    names += [
        placer.place(text.line_label("x", v), color, [(v, hi), (v, lo)], _ANCHORS) for v in vertical
    ]
    names += [
        placer.place(text.line_label("y", h), color, [(hi, h), (lo, h)], _ANCHORS)
        for h in horizontal
    ]
    return names


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
    for trace in data:
        trace["showlegend"] = False
    names = [
        _heading("parent f", ("x", "y"), c["primary"]),
        _heading("g(x) = a·f(b(x − h)) + k", ("x2", "y2"), c["accent"]),
        *_function_names("f", f, view.parent_curve, [view.parent_curve], window, c["primary"]),
        *_function_names(
            "g",
            g,
            view.curve,
            [view.curve, view.parent_curve, tuple(_dense(*moves).T)],
            window,
            c["accent"],
            ("x2", "y2"),
        ),
    ]
    # Both panels show the same window, so shapes compare across them; the window fills each
    # panel (an equal aspect would leave bands of nothing in a tall panel).
    axis = {"range": list(window), "zeroline": True, "zerolinecolor": ink, "zerolinewidth": 1}
    layout = {
        "xaxis": axis | {"domain": [0.0, 0.46], "anchor": "y", "title": {"text": "x"}},
        "yaxis": axis | {"anchor": "x"},
        "xaxis2": axis | {"domain": [0.54, 1.0], "anchor": "y2", "title": {"text": "x"}},
        "yaxis2": axis | {"anchor": "x2"},
        "annotations": names,
        "showlegend": False,
    }
    return traces.figure(data, layout, top=40)


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
    # Names where they hide the least: p at an end of its graph, each real root beside its
    # mark on the x-axis, each root beside its mark in the plane (whose tall panel shows a
    # band of the imaginary axis about twice the real one's).
    graph = _Placer(
        (view.x[0], view.x[-1]),
        view.y_range,
        [(view.x, view.y)],
        [((view.x[0], view.x[-1]), (0, 0))],
    )
    names = [
        _heading("graph of p", ("x", "y"), c["primary"]),
        _heading("all roots", ("x2", "y2")),
    ]
    if ends := _ends((view.x, view.y), view.y_range):
        names.append(graph.place("<b>p</b>", c["primary"], ends))
    names += [graph.place(text.root_text(r), c["accent"], [(r, 0.0)]) for r in real_x]
    plane = _Placer(
        (-reach, reach),
        (-2 * reach, 2 * reach),
        [],
        [((-reach, reach), (0, 0)), ((0, 0), (-2 * reach, 2 * reach))],
        axes=("x2", "y2"),
        panel_px=(0.6 * _PANEL_PX[0], _PANEL_PX[1]),
        marks=np.column_stack([roots.real, roots.imag]),  # a mark weighs as much as a name
    )
    # a complex root's name on its own side of the real axis (a mirror pair reads as one)
    upper = (("center", "bottom"), ("left", "bottom"), ("right", "bottom"))
    lower = (("center", "top"), ("left", "top"), ("right", "top"))
    names += [
        plane.place(
            text.root_text(r, places=2),
            c["highlight"],
            [(r.real, r.imag)],
            upper if r.imag > 0 else lower,
        )
        for r in roots[~real]  # the real roots are named on the graph
    ]
    zero = {"zeroline": True, "zerolinecolor": ink, "zerolinewidth": 1}
    layout = {
        "annotations": names,
        "showlegend": False,
        "xaxis": zero
        | {"domain": [0.0, 0.56], "range": [view.x[0], view.x[-1]], "title": {"text": "x"}},
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
    return traces.figure(data, layout, top=40)


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
    window = (lo, hi)
    placer = _Placer(
        window,
        window,
        [view.exp_curve, view.log_curve],
        [(edge, edge), (edge, np.zeros(2)), (np.zeros(2), edge), ((px, qx), (py, qy))],
        panel_px=(_PANEL_PX[1], _PANEL_PX[1]),  # a square panel
    )
    names = []
    if view.pair_visible:
        names += [
            placer.place(text.point_label(px, py), c["primary"], [(px, py)]),
            placer.place(text.point_label(qx, qy), c["accent"], [(qx, qy)]),
        ]
    for name, curve, color in (
        (text.exp_curve_label(view), view.exp_curve, c["primary"]),
        (text.log_curve_label(view), view.log_curve, c["accent"]),
    ):
        if ends := _ends(curve, window):
            names.append(placer.place(f"<b>{name}</b>", color, ends))
    names += [
        placer.place("y = x", ink, [(t, t) for t in (hi - 0.1 * (hi - lo), hi, lo)]),
        placer.place("y = 0", c["primary"], [(lo, 0.0), (hi, 0.0)]),
        placer.place("x = 0", c["accent"], [(0.0, lo), (0.0, hi)]),
    ]
    for trace in data:
        trace["showlegend"] = False
    layout = {
        "xaxis": {"range": [lo, hi], "title": {"text": "x"}, "constrain": "domain"},
        "yaxis": {"range": [lo, hi], "scaleanchor": "x", "constrain": "domain"},
        "annotations": names,
        "showlegend": False,
    }
    return traces.figure(data, layout, top=20)


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
    x1, x2 = view.factors
    names = [
        _label(
            text.factor_log_label(x1), 0.5 * log_x1, -0.35, c["primary"], yanchor="top", yshift=-8
        ),
        _label(
            text.factor_log_label(x2),
            log_x1 + 0.5 * log_x2,
            -0.35,
            c["secondary"],
            yanchor="top",
            yshift=-8,
        ),
        _label(
            text.product_label(view),
            end,
            -0.6,
            c["accent"],
            xanchor="right" if end > 1.2 else "left",
            yanchor="top",
            xshift=-8 if end > 1.2 else 8,
        ),
    ]
    for trace in data:
        trace["showlegend"] = False
    layout = {
        "xaxis": {"range": [-0.05, positions[-1] + 0.05], "visible": False},
        "yaxis": {"range": [-0.9, 0.9], "visible": False},
        "annotations": names,
        "showlegend": False,
        "margin": {"t": 10, "b": 0},
    }
    return go.Figure(data, layout)


# The classes' bars: one colour each (the first two are the pair on the sigmoid).
CLASS_COLORS = (theme.COLORS["primary"], theme.COLORS["secondary"], theme.COLORS["tertiary"])


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
            "marker": {"color": [CLASS_COLORS[i % len(CLASS_COLORS)] for i in range(len(p))]},
            "text": text.probability_labels(view),
            "textposition": "outside",
            "showlegend": False,
            "hovertemplate": "%{x}: %{y:.3f}<extra></extra>",
        },
    ]
    right = z[-1] > 0 and view.difference < 0.5 * (z[0] + z[-1])
    names = [
        _heading("sigmoid of z = (z₁ − z₂)/T", ("x", "y")),
        _heading("softmax of z/T", ("x2", "y2")),
        _label("<b>p = σ(z)</b>", z[0], 0.08, c["primary"], xanchor="left", yanchor="bottom"),
        _label("y = 1", z[-1], 1.0, ink, xanchor="right", yanchor="bottom"),
        _label("y = 0", z[-1], 0.0, ink, xanchor="right", yanchor="bottom"),
        _label(
            text.sigmoid_point_label(view),
            view.difference,
            view.pair_probability,
            c["accent"],
            xanchor="left" if right else "right",
            xshift=12 if right else -12,
        ),
    ]
    for trace in data:
        trace["showlegend"] = False
    layout = {
        "xaxis": {"domain": [0.0, 0.55], "range": [z[0], z[-1]], "title": {"text": "z"}},
        "yaxis": {"range": [-0.1, 1.1], "anchor": "x"},
        "xaxis2": {"domain": [0.65, 1.0], "anchor": "y2"},
        "yaxis2": {"range": [0, 1.15], "anchor": "x2", "title": {"text": "probability"}},
        "annotations": names,
        "showlegend": False,
    }
    return traces.figure(data, layout, top=40)


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
    asymptote_x = view.asymptote
    side = "left" if view.label else "right"  # the empty side of the curve (it falls for y = 1)
    names = [
        _heading("against p", ("x", "y")),
        _heading("against the logit z", ("x2", "y2")),
        _label(
            f"<b>{text.loss_curve_label(view)}</b>",
            *_near_height(view.p_curve, 0.45 * top),
            c["primary"],
            xanchor=side,
            yanchor="bottom",
            xshift=8 if view.label else -8,
        ),
        _label(
            text.asymptote_label(view),
            asymptote_x,
            top,
            c["primary"],
            xanchor="left" if asymptote_x == 0 else "right",
            yanchor="top",
            xshift=4 if asymptote_x == 0 else -4,
        ),
    ]
    logit_panel = _Placer(
        (view.z[0], view.z[-1]), (0.0, top), [(view.z, view.z_loss)], axes=("x2", "y2")
    )
    names += [
        logit_panel.place(text.loss_point_label(view), c["accent"], [(view.logit, view.loss)]),
        logit_panel.place(
            f"<b>{text.loss_logit_label(view)}</b>",
            c["tertiary"],
            [_near_height((view.z, view.z_loss), h * top) for h in (0.6, 0.35, 0.15)],
        ),
    ]
    for trace in data:
        trace["showlegend"] = False
    layout = {
        "annotations": names,
        "showlegend": False,
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
    return traces.figure(data, layout, top=40)
