"""Figures of /derivatives' first two lessons: the secant animation over f and f', and the
error of finite differences against h on a log-log plot.

Builders take numbers already computed by :mod:`mathviz.calculus.derivative` and lay them out
as plotly JSON (:class:`~mathviz.plot.spec.Prebuilt`); every array drawn is finite.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mathviz.calculus import derivative as d
from mathviz.calculus.derivative import PointKind, Secants
from mathviz.calculus.functions import NamedFunction
from mathviz.core.expressions import Expression
from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls, hold
from mathviz.plot.spec import Prebuilt
from mathviz.plot.traces import TOP_LEGEND, encoded, line, markers, rgba

F_COLOR, SLOPE_COLOR = theme.COLORS["primary"], theme.COLORS["secondary"]
SECANT_COLOR, LEFT_COLOR = theme.COLORS["accent"], theme.COLORS["highlight"]
TANGENT_COLOR = theme.COLORS["tertiary"]
SECANT_MS = 140  # per h step when playing (31 steps: about 4 s at 1×)


def _curve(x: np.ndarray, y: np.ndarray, color: str, name: str, axis: str, breaks=()) -> list:
    """A curve as one trace per finite piece (no NaN in the data), one legend entry."""
    traces = []
    for i, (px, py) in enumerate(d.segments(x, y, breaks)):
        traces.append(
            line(color, 3, x=px, y=py, name=name, legendgroup=name, showlegend=i == 0)
            | {"yaxis": axis, "hoverinfo": "skip"}
        )
    return traces


def _line_through(x0: float, y0: float, slope: float, window: tuple[float, float]) -> dict:
    if not (math.isfinite(slope) and math.isfinite(y0)):
        return {"x": np.array([x0]), "y": np.array([y0 if math.isfinite(y0) else 0.0])}
    xs = np.array(window, dtype=float)
    return {"x": xs, "y": y0 + slope * (xs - x0)}


def _secant_traces(s: Secants, i: int, x0: float, window, left: bool) -> list[dict]:
    h, m = float(s.h[i]), float(s.right[i])
    y_tip = s.f0 + m * h if math.isfinite(m) else s.f0
    out = [
        _line_through(x0, s.f0, m, window),
        {"x": np.array([x0 + h]), "y": np.array([y_tip]), "text": ["x₀+h"]},
    ]
    if left:
        ml = float(s.left[i])
        yl = s.f0 - ml * h if math.isfinite(ml) else s.f0
        out += [
            _line_through(x0, s.f0, ml, window),
            {"x": np.array([x0 - h]), "y": np.array([yl]), "text": ["x₀−h"]},
        ]
    return out


def _slope_text(m: float) -> str:
    return text(m, 4) if math.isfinite(m) else "undefined"


def _label(s: Secants, i: int, both: bool) -> str:
    """The read-out of frame i: h and the secant slope(s)."""
    label = f"h = {text(float(s.h[i]), 2)}:  slope {_slope_text(float(s.right[i]))}"
    return label + (f" (left {_slope_text(float(s.left[i]))})" if both else "")


def secant_figure(
    expr: Expression,
    x0: float,
    entry: NamedFunction | None,
    kind: PointKind,
    *,
    dark: bool = False,
    speed: float = 1.0,
) -> Prebuilt:
    """f with the secant through x₀ and x₀ + h as h shrinks (frames), the tangent where there
    is one, and f' below with the point (x₀, f'(x₀))."""
    window = d.window_for(x0, entry)
    x = np.linspace(*window, d.GRID)
    f = d.values(x=x, expr=expr)
    slope = np.asarray(d.slope_values(expr, x), dtype=float)
    found = d.breaks_between(expr, *window) if entry is None else {}  # a typed f's, if any
    jumps = entry.jumps if entry else found["jump"]
    breaks = tuple(sorted((entry.kinks + entry.jumps) if entry else found["kink"] + jumps))
    s = d.secants(expr, x0, window)
    both = kind.kind in ("kink", "jump")
    data = _curve(x, f, F_COLOR, "f(x)", "y", jumps)
    data += _curve(x, slope, SLOPE_COLOR, "f′(x)", "y2", breaks)
    f0 = s.f0 if math.isfinite(s.f0) else 0.0
    if kind.has_tangent:
        label_x = x0 - 0.3 * (x0 - window[0])  # the name sits on the line, left of x0
        tangent = {"x": np.array([window[0], label_x, window[1]])}
        tangent["y"] = f0 + kind.right * (tangent["x"] - x0)
        data.append(
            line(TANGENT_COLOR, 3, "dash", name=f"tangent, slope {text(kind.right)}")
            | tangent
            | {"mode": "lines+text", "text": ["", "tangent", ""], "textposition": "top center",
               "textfont": {"color": TANGENT_COLOR}}
        )  # fmt: skip
        data.append(markers(SLOPE_COLOR, 13, x=np.array([x0]), y=np.array([kind.right]))
                    | {"yaxis": "y2", "name": "f′(x₀)", "showlegend": False})  # fmt: skip
    data.append(markers(F_COLOR, 13, x=np.array([x0]), y=np.array([f0]), name="x₀")
                | {"showlegend": False, "mode": "markers+text", "text": ["x₀"],
                   "textposition": "top left"})  # fmt: skip
    ink = theme.ink(dark)
    y1 = d.y_range(f, [f0])
    y2 = d.y_range(slope, [kind.left, kind.right])
    layout: dict[str, Any] = {
        "xaxis": {"range": list(window), "anchor": "y2"},
        "yaxis": {"domain": [0.42, 1.0], "range": list(y1), "title": {"text": "f(x)"}},
        "yaxis2": {"domain": [0.0, 0.3], "range": list(y2), "title": {"text": "f′(x)"}},
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "b": 130},
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x0,
                "x1": x0,
                "y0": 0,
                "y1": 1,
                "line": {"color": rgba(F_COLOR, 0.35), "width": 1, "dash": "dot"},
            },
        ],  # fmt: skip
    }
    if not math.isfinite(s.f0):  # x0 outside the domain: no secant to draw
        data.pop()
        layout["margin"]["b"] = 50
        return Prebuilt(encoded({"data": data, "layout": layout}))
    first = len(data)
    frames_data = [_secant_traces(s, i, x0, window, both) for i in range(len(s.h))]
    styles = [
        line(SECANT_COLOR, 3, name="secant (x₀, x₀+h)"),
        markers(SECANT_COLOR, 12, mode="markers+text", textposition="top right", showlegend=False),
    ]
    if both:
        styles += [
            line(LEFT_COLOR, 3, name="secant (x₀−h, x₀)"),
            markers(LEFT_COLOR, 12, mode="markers+text", textposition="top left", showlegend=False),
        ]
    data += [style | part for style, part in zip(styles, frames_data[0], strict=True)]
    indices = list(range(first, len(data)))
    names = [f"h{i}" for i in range(len(s.h))]
    frames = [
        {"name": name, "data": parts, "traces": indices}
        for name, parts in zip(names, frames_data, strict=True)
    ]
    layout |= animation_controls(
        names,
        [_label(s, i, both) for i in range(len(s.h))],
        active=0,
        sequence=[*names, *hold(names[-1], 600, SECANT_MS)],
        frame_ms=SECANT_MS,
        readout="",
        ink=ink,
        every=3,
        slider_x=0.32,
        speed=speed,
    )
    return Prebuilt(encoded({"data": data, "layout": layout, "frames": frames}))


def error_figure(scan: d.ErrorScan, h_chosen: float, *, dark: bool = False) -> Prebuilt:
    """|error| of forward and central differences against h (log-log), with the fitted
    truncation lines, the best h measured and the theory's √ε and ∛ε."""
    data: list[dict] = []
    for error, color, name, fit, best, theory in (
        (scan.forward, SECANT_COLOR, "forward", scan.forward_fit, scan.forward_best,
         scan.forward_theory),
        (scan.central, TANGENT_COLOR, "central", scan.central_fit, scan.central_best,
         scan.central_theory),
    ):  # fmt: skip
        keep = np.isfinite(error)
        data.append(
            line(color, 3, x=scan.h[keep], y=error[keep], name=f"{name} difference")
            | {"mode": "lines+markers", "marker": {"size": 4, "color": color}}
        )
        slope, intercept = fit
        if math.isfinite(slope):
            span = d.FORWARD_FIT if name == "forward" else d.CENTRAL_FIT
            hs = np.array([span[0] / 10, 1.0])
            data.append(
                line(rgba(color, 0.55), 2, "dash", x=hs, y=10**intercept * hs**slope,
                     name=f"fit: slope {text(slope, 2)}")
            )  # fmt: skip
        if math.isfinite(best[0]):
            data.append(
                markers(color, 14, x=np.array([best[0]]), y=np.array([best[1]]),
                        mode="markers+text", text=[f"best h {text(best[0], 2)}"],
                        textposition="bottom center", showlegend=False)
                | {"marker": {"size": 14, "color": color, "symbol": "star"}}
            )  # fmt: skip
        data.append(
            {"type": "scatter", "mode": "lines", "x": np.array([theory, theory]),
             "y": np.array([1e-17, 1e2]), "line": {"color": rgba(color, 0.5), "dash": "dot"},
             "name": "√ε" if name == "forward" else "∛ε", "showlegend": False}
        )  # fmt: skip
    ink = theme.ink(dark)
    layout = {
        "xaxis": {"type": "log", "title": {"text": "h"}, "range": [-16.3, 0.3],
                  "exponentformat": "power"},
        "yaxis": {"type": "log", "title": {"text": "|error|"}, "range": [-17, 1],
                  "exponentformat": "power"},
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "l": theme.LOG_AXIS_LEFT},
        "shapes": [
            {"type": "line", "xref": "x", "yref": "paper", "x0": h_chosen, "x1": h_chosen,
             "y0": 0, "y1": 1, "line": {"color": ink, "width": 1.5}},
        ],
        "annotations": [
            {"x": math.log10(h_chosen), "y": 0.02, "xref": "x", "yref": "paper",
             "text": "your h", "showarrow": False, "xanchor": "left", "font": {"color": ink}},
            {"x": math.log10(scan.forward_theory), "y": 0.97, "xref": "x", "yref": "paper",
             "text": "√ε", "showarrow": False, "xanchor": "right"},
            {"x": math.log10(scan.central_theory), "y": 0.97, "xref": "x", "yref": "paper",
             "text": "∛ε", "showarrow": False, "xanchor": "left"},
        ],
    }  # fmt: skip
    return Prebuilt(encoded({"data": data, "layout": layout}))
