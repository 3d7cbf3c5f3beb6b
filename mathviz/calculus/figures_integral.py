"""The pictures of /integrals: the pieces of a Riemann sum, error against n, and A(x) growing.

Positive area is bluish green, negative area vermillion, f blue, the samples orange, on every
picture. Builders take only hashable arguments (expression trees, numbers, strings), so
:func:`mathviz.ui.plot` remembers them.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mathviz.calculus import integral
from mathviz.core import numbers
from mathviz.core.expressions import Expression
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls

POSITIVE = theme.OKABE_ITO["bluish_green"]
NEGATIVE = theme.OKABE_ITO["vermillion"]
CURVE = theme.COLORS["primary"]
SAMPLE = theme.COLORS["secondary"]
RULE_COLORS = {
    "left": theme.OKABE_ITO["sky_blue"],
    "right": theme.OKABE_ITO["blue"],
    "midpoint": theme.OKABE_ITO["orange"],
    "trapezoid": theme.OKABE_ITO["reddish_purple"],
    "Simpson": theme.OKABE_ITO["bluish_green"],
}
FILL_ALPHA = "55"  # hex alpha of the area fills
CURVE_POINTS = 301
FTC_FRAMES = 41


def _r(values: np.ndarray) -> list[float]:
    """Coordinates for the chart, rounded (smaller figures; finite by construction)."""
    return [float(v) for v in np.round(np.asarray(values, dtype=float), 5)]


def _window(expr: Expression, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """f on [a, b] padded by 8% each side where f is finite there, else on [a, b] alone."""
    pad = 0.08 * (b - a)
    x = np.linspace(a - pad, b + pad, CURVE_POINTS)
    y = integral.values(expr, x)
    if not np.all(np.isfinite(y)) or np.max(np.abs(y)) > integral.BLOW_UP:
        x = np.linspace(a, b, CURVE_POINTS)
        y = integral.values(expr, x)
    return x, y


def area_polygons(
    tops: tuple[tuple[np.ndarray, np.ndarray], ...],
) -> tuple[tuple[list, list], tuple[list, list]]:
    """The positive and the negative parts of the pieces as two closed outlines (each piece
    from the axis up its top and back to the axis), so each sign is one filled trace."""
    out = {1: ([], []), -1: ([], [])}
    for top_x, top_y in tops:
        xs, ys = integral.signed_parts(top_x, top_y)
        for sign, clipped in ((1, np.maximum(ys, 0.0)), (-1, np.minimum(ys, 0.0))):
            if not np.any(clipped != 0):
                continue
            px, py = out[sign]
            px.extend(_r([xs[0], *xs, xs[-1]]))
            py.extend(_r([0.0, *clipped, 0.0]))
    for px, py in out.values():
        if px:
            px.append(px[0])
            py.append(0.0)
    return out[1], out[-1]


def _area_traces(tops, name: str) -> list[go.Scatter]:
    (px, py), (nx, ny) = area_polygons(tops)
    traces = []
    for xs, ys, color, label in ((px, py, POSITIVE, "positive"), (nx, ny, NEGATIVE, "negative")):
        traces.append(
            go.Scatter(
                x=xs or [0.0],
                y=ys or [0.0],
                mode="lines",
                fill="toself",
                fillcolor=color + FILL_ALPHA,
                line={"color": color, "width": 1.5},
                name=f"{name} ({label})",
                hoverinfo="skip",
                showlegend=False,
            )
        )
    return traces


def riemann_figure(
    expr: Expression, a: float, b: float, n: int, rule: str, dark: bool
) -> go.Figure:
    """f, the rule's pieces (positive green, negative vermillion) and where f is sampled."""
    shapes = integral.pieces(expr, a, b, n, rule)
    x, y = _window(expr, a, b)
    fig = go.Figure(_area_traces(shapes.tops, rule))
    fig.add_trace(
        go.Scatter(x=_r(x), y=_r(y), mode="lines", line={"color": CURVE, "width": 3}, name="f")
    )
    sx, sy = shapes.samples
    if len(sx) <= 60:
        fig.add_trace(
            go.Scatter(
                x=_r(sx), y=_r(sy), mode="markers", marker={"color": SAMPLE, "size": 8},
                name="f at the samples",
            )
        )  # fmt: skip
    top = int(np.argmax(y))
    fig.add_annotation(
        x=float(x[top]), y=float(y[top]), text="f", showarrow=False, yshift=16,
        font={"color": CURVE, "size": 20},
    )  # fmt: skip
    ink = theme.ink(dark)
    fig.add_hline(y=0, line={"color": ink, "width": 1})
    for end, label in ((a, "a"), (b, "b")):
        fig.add_vline(x=end, line={"color": ink, "width": 1, "dash": "dot"})
        fig.add_annotation(
            x=end, y=1, yref="paper", yanchor="bottom", text=label, showarrow=False,
            font={"color": ink, "size": 18},
        )  # fmt: skip
    fig.update_layout(showlegend=False, xaxis_title="x", yaxis_title="y")
    return fig


def _label_index(found: integral.Orders, fraction: float) -> int:
    return int(fraction * (len(found.ns) - 1))


def _labels_above(found: integral.Orders, label_at: dict[str, float]) -> dict[str, bool]:
    """Which label of each pair of close lines (left/right, midpoint/trapezoid) goes above
    its line: the one with the larger error where the labels sit."""
    above = {"Simpson": True}
    for pair in (("left", "right"), ("midpoint", "trapezoid")):
        k = _label_index(found, label_at[pair[0]])
        higher = max(pair, key=lambda rule: found.errors[rule][k])
        above.update({rule: rule == higher for rule in pair})
    return above


def orders_figure(expr: Expression, a: float, b: float, breaks: tuple, dark: bool) -> go.Figure:
    """|error| against n on log-log axes for the five rules, each labelled with its fitted
    order; the round-off floor dotted."""
    found = integral.orders(expr, a, b, breaks)
    fig = go.Figure()
    label_at = {"left": 0.8, "right": 0.8, "midpoint": 0.55, "trapezoid": 0.55, "Simpson": 0.3}
    above = _labels_above(found, label_at)
    for rule in integral.RULES:
        errors = found.errors[rule]
        shown = errors > 0
        ns, es = found.ns[shown], errors[shown]
        color = RULE_COLORS[rule]
        fig.add_trace(
            go.Scatter(
                x=[int(v) for v in ns], y=[float(f"{v:.4g}") for v in es], mode="lines+markers",
                name=rule, line={"color": color, "width": 2.5}, marker={"size": 6},
            )
        )  # fmt: skip
        slope = found.slopes[rule]
        used = np.flatnonzero(found.fitted[rule])
        if slope is None or not len(used):
            continue
        k = int(used[np.argmin(np.abs(used - _label_index(found, label_at[rule])))])
        fig.add_annotation(
            x=float(np.log10(found.ns[k])), y=float(np.log10(errors[k])),
            text=f"{rule}: p ≈ {numbers.text(slope, places=2)}", showarrow=True, arrowhead=0,
            ax=35 if rule == "Simpson" else 0, ay=-30 if above[rule] else 30,
            font={"color": color, "size": 15}, arrowcolor=color,
        )  # fmt: skip
    fig.add_hline(y=found.floor, line={"color": theme.ink(dark), "width": 1, "dash": "dot"})
    fig.add_annotation(
        x=0, xref="paper", xanchor="left", y=float(np.log10(found.floor)), yshift=-10,
        text="round-off below: not fitted", showarrow=False, font={"color": theme.ink(dark)},
    )  # fmt: skip
    fig.update_xaxes(type="log", title="n (pieces)")
    fig.update_yaxes(type="log", title="|sum − ∫|", exponentformat="power")
    fig.update_layout(showlegend=False)
    return fig


def _shade(gx: np.ndarray, gf: np.ndarray, upto: int, x: float, fx: float):
    """The signed area under f from a to x as (positive, negative) outlines."""
    top_x = np.concatenate([gx[: upto + 1], [x]]) if x > gx[upto] else gx[: upto + 1]
    top_y = np.concatenate([gf[: upto + 1], [fx]]) if x > gx[upto] else gf[: upto + 1]
    if len(top_x) < 2:
        top_x, top_y = np.array([gx[0], gx[0]]), np.array([0.0, 0.0])
    return area_polygons(((top_x, top_y),))


def _ftc_state(gx, gf, ga, x, fx, ax_, half):
    """The traces that move: shade (2), the line at x, A traced, the point, the tangent."""
    upto = int(np.searchsorted(gx, x, side="right") - 1)
    upto = max(0, min(upto, len(gx) - 1))
    (px, py), (nx, ny) = _shade(gx, gf, upto, x, fx)
    trace_x = np.concatenate([gx[: upto + 1], [x]])
    trace_a = np.concatenate([ga[: upto + 1], [ax_]])
    tx = np.array([x - half, x + half])
    return [
        go.Scatter(x=px or [x], y=py or [0.0]),
        go.Scatter(x=nx or [x], y=ny or [0.0]),
        go.Scatter(x=[x, x], y=_r([0.0, fx])),
        go.Scatter(x=_r(trace_x), y=_r(trace_a)),
        go.Scatter(x=[x], y=_r([ax_])),
        go.Scatter(x=_r(tx), y=_r(ax_ + fx * (tx - x))),
    ]


def ftc_figure(
    expr: Expression, a: float, b: float, x: float, dark: bool, speed: float
) -> go.Figure:
    """f with the area from a to x shaded (top), A(x) = ∫ₐˣ f traced with its tangent of
    slope f(x) (bottom); ▶ Play moves x from a to b."""
    gx, ga = integral.accumulated(expr, a, b)
    gf = integral.values(expr, gx)
    half = (b - a) / 6
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06)
    fx, ax_ = float(integral.values(expr, np.array(x))), integral.area_to(expr, a, x)
    moving = _ftc_state(gx, gf, ga, x, fx, ax_, half)
    styles = [
        {
            "fill": "toself",
            "fillcolor": POSITIVE + FILL_ALPHA,
            "line": {"color": POSITIVE, "width": 1},
        },
        {
            "fill": "toself",
            "fillcolor": NEGATIVE + FILL_ALPHA,
            "line": {"color": NEGATIVE, "width": 1},
        },
        {
            "mode": "lines+text",
            "line": {"color": SAMPLE, "width": 3},
            "text": ["", "f(x)"],
            "textposition": "top center",
            "textfont": {"color": SAMPLE, "size": 16},
        },
        {"line": {"color": theme.COLORS["tertiary"], "width": 3.5}},
        {
            "mode": "markers+text",
            "marker": {"color": SAMPLE, "size": 11},
            "text": ["A(x)"],
            "textposition": "top left",
            "textfont": {"color": SAMPLE, "size": 16},
        },
        {
            "mode": "lines+text",
            "line": {"color": NEGATIVE, "width": 3, "dash": "dash"},
            "text": ["", "slope f(x)"],
            "textposition": "middle right",
            "textfont": {"color": NEGATIVE, "size": 16},
        },
    ]
    rows = [1, 1, 1, 2, 2, 2]
    fig.add_trace(
        go.Scatter(x=_r(gx), y=_r(gf), mode="lines", line={"color": CURVE, "width": 3}), 1, 1
    )
    fig.add_trace(
        go.Scatter(
            x=_r(gx), y=_r(ga), mode="lines",
            line={"color": theme.COLORS["tertiary"], "width": 1.5, "dash": "dot"},
        ), 2, 1,
    )  # fmt: skip
    first = len(fig.data)
    for trace, style, row in zip(moving, styles, rows, strict=True):
        trace.update(mode=style.pop("mode", "lines"), hoverinfo="skip", **style)
        fig.add_trace(trace, row, 1)
    indices = list(range(first, first + len(moving)))
    frame_x = np.linspace(a, b, FTC_FRAMES)
    names = [f"x{k}" for k in range(FTC_FRAMES)]
    frames = []
    for name, fxk in zip(names, frame_x, strict=True):
        j = int(np.argmin(np.abs(gx - fxk)))
        frames.append(
            go.Frame(
                name=name, data=_ftc_state(gx, gf, ga, gx[j], gf[j], ga[j], half), traces=indices
            )
        )
    fig.frames = frames
    ink = theme.ink(dark)
    active = int(np.argmin(np.abs(frame_x - x)))
    fig.update_layout(
        showlegend=False,
        **animation_controls(
            names, [numbers.text(v, 3) for v in frame_x], active=active,
            frame_ms=60, readout="x = ", ink=ink, speed=speed, slider_x=0.3,
        ),
    )  # fmt: skip
    for row in (1, 2):
        fig.add_hline(y=0, line={"color": ink, "width": 1}, row=row, col=1)
    fig.add_annotation(
        x=float(gx[-1]), y=float(gf[-1]), text="f", showarrow=False, xshift=12,
        font={"color": CURVE, "size": 20}, row=1, col=1,
    )  # fmt: skip
    fig.add_annotation(
        x=float(gx[-1]), y=float(ga[-1]), text="A", showarrow=False, xshift=14,
        font={"color": theme.COLORS["tertiary"], "size": 20}, row=2, col=1,
    )  # fmt: skip
    fig.update_yaxes(title_text="f(x)", row=1, col=1)
    fig.update_yaxes(title_text="A(x)", row=2, col=1)
    return fig
