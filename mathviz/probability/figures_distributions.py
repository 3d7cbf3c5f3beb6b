"""The figures of /distributions, from the views of :mod:`mathviz.probability.distributions`.

- :func:`explorer_figure`: the PMF (bars) or PDF (a curve) beside the CDF (steps or a curve),
  with the mean and mean ± σ marked, the area up to the chosen quantile shaded and the
  quantile read off the CDF;
- :func:`limit_figure`: a limit animated over n (▶ Play, scrub), the source's bars or curve
  against its limit, beside the distance between them on log-log axes with the theory's rate.

Nothing here computes a probability: the numbers come from a :class:`View` or a
:class:`LimitRun`. No NaN or infinity goes into a chart (a moment that does not exist is
not drawn).
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core import numbers
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.theme import COLORS
from mathviz.plot.traces import TOP_LEGEND, rgba
from mathviz.probability.distributions import LIMITS, LimitRun, View

DENSITY_COLOR = COLORS["primary"]
CDF_COLOR = COLORS["primary"]
MEAN_COLOR = COLORS["accent"]
QUANTILE_COLOR = COLORS["highlight"]
LIMIT_COLOR = COLORS["secondary"]
BOUND_COLOR = "rgba(128, 128, 128, 0.9)"  # reads on the light and the dark theme


GAP = 0.09  # between the two panels, as a share of the width


def _panels(titles: tuple[str, str], left_share: float = 0.5) -> dict:
    """A layout of two panels side by side, ``x``/``y`` left and ``x2``/``y2`` right, with
    their titles above them."""
    split = left_share - GAP / 2
    right = left_share + GAP / 2
    annotations = [
        {"text": title, "x": (a + b) / 2, "y": 1.0, "xref": "paper", "yref": "paper",
         "xanchor": "center", "yanchor": "bottom", "showarrow": False}
        for title, (a, b) in zip(titles, ((0.0, split), (right, 1.0)), strict=True)
    ]  # fmt: skip
    return {
        "xaxis": {"domain": [0.0, split], "anchor": "y"},
        "yaxis": {"anchor": "x"},
        "xaxis2": {"domain": [right, 1.0], "anchor": "y2"},
        "yaxis2": {"anchor": "x2"},
        "annotations": annotations,
        "legend": TOP_LEGEND | {"y": 1.09},
        "margin": {"t": 90, "r": 30},
    }


def _on(panel: int) -> dict:
    return {"xaxis": "x2", "yaxis": "y2"} if panel == 2 else {"xaxis": "x", "yaxis": "y"}


def _vertical(x: float, top: float, color: str, name: str, dash: str | None, panel: int,
              legend: bool = True) -> dict:  # fmt: skip
    return {
        "type": "scatter", "x": [x, x], "y": [0, top], "mode": "lines", "name": name,
        "line": {"color": color, "width": 2} | ({"dash": dash} if dash else {}),
        "showlegend": legend, "hoverinfo": "skip", **_on(panel),
    }  # fmt: skip


def _moment_lines(view: View, top: float, panel: int, legend: bool) -> list[dict]:
    """The mean and mean ± σ as vertical lines, when they exist and fall in the window."""
    lines = []
    low, high = view.window
    if math.isfinite(view.mean) and low <= view.mean <= high:
        lines.append(_vertical(view.mean, top, MEAN_COLOR,
                               f"mean {numbers.text(view.mean)}", None, panel, legend))  # fmt: skip
        if math.isfinite(view.std):
            for sign in (-1, 1):
                x = view.mean + sign * view.std
                if low <= x <= high:
                    lines.append(_vertical(x, top, MEAN_COLOR, "mean ± σ", "dash", panel,
                                           legend and sign < 0))  # fmt: skip
    return lines


def explorer_figure(view: View, dark: bool) -> Prebuilt:
    """PMF/PDF beside CDF of one distribution (see the module docstring)."""
    q, xq, top = view.level, view.quantile, view.density_top
    below = view.x <= xq + 1e-12
    if view.discrete:
        colors = [DENSITY_COLOR if b else rgba(DENSITY_COLOR, 0.35) for b in below]
        width = 0.8 if view.stride == 1 else float(view.stride)
        # the CDF of a discrete law is a staircase: flat between the integers
        steps_x = np.r_[view.window[0], view.x, view.window[1]]
        steps_y = np.r_[0.0, view.cdf, view.cdf[-1]]
        data = [
            {"type": "bar", "x": typed(view.x), "y": typed(view.density), "width": width,
             "marker": {"color": colors, "line": {"width": 0}}, "name": "P(X = x)",
             "showlegend": False, "hovertemplate": "P(X = %{x}) = %{y:.4g}<extra></extra>",
             **_on(1)},
            {"type": "scatter", "x": typed(steps_x), "y": typed(steps_y), "mode": "lines",
             "line": {"color": CDF_COLOR, "width": 2.5, "shape": "hv"}, "name": "F(x)",
             "showlegend": False, "hovertemplate": "F(%{x}) = %{y:.4g}<extra></extra>",
             **_on(2)},
        ]  # fmt: skip
    else:
        shaded_x = np.r_[view.x[below], xq]
        shaded_y = np.minimum(np.r_[view.density[below], np.interp(xq, view.x, view.density)],
                              10 * top)  # fmt: skip
        data = [
            {"type": "scatter", "x": typed(shaded_x), "y": typed(shaded_y), "mode": "lines",
             "fill": "tozeroy", "fillcolor": rgba(QUANTILE_COLOR, 0.22), "line": {"width": 0},
             "name": f"area {numbers.text(q)}", "showlegend": False, "hoverinfo": "skip",
             **_on(1)},
            {"type": "scatter", "x": typed(view.x), "y": typed(view.density), "mode": "lines",
             "line": {"color": DENSITY_COLOR, "width": 3}, "name": "f(x)", "showlegend": False,
             "hovertemplate": "f(%{x:.3g}) = %{y:.4g}<extra></extra>", **_on(1)},
            {"type": "scatter", "x": typed(view.x), "y": typed(view.cdf), "mode": "lines",
             "line": {"color": CDF_COLOR, "width": 3}, "name": "F(x)", "showlegend": False,
             "hovertemplate": "F(%{x:.3g}) = %{y:.4g}<extra></extra>", **_on(2)},
        ]  # fmt: skip
    data += _moment_lines(view, top, 1, True) + _moment_lines(view, 1.0, 2, False)
    # the chosen quantile: on the density, a line at x_q; on the CDF, across at q and down
    label = f"F⁻¹({numbers.text(q)}) = {numbers.text(xq)}"
    data.append(_vertical(xq, top, QUANTILE_COLOR, label, "dot", 1))
    data.append({"type": "scatter", "x": [view.window[0], xq, xq], "y": [q, q, 0],
                 "mode": "lines", "line": {"color": QUANTILE_COLOR, "width": 2, "dash": "dot"},
                 "showlegend": False, "name": label, "hoverinfo": "skip", **_on(2)})  # fmt: skip
    layout = _panels(("PMF P(X = x)" if view.discrete else "PDF f(x)", "CDF F(x) = P(X ≤ x)"))
    for axis in ("xaxis", "xaxis2"):
        layout[axis] |= {"range": list(view.window), "title": {"text": "x"}, "zeroline": False}
    layout["yaxis"] |= {"range": [0, top]}
    layout["yaxis2"] |= {"range": [0, 1.04]}
    layout |= {"bargap": 0.15, "font": {"color": theme.ink(dark)}}
    return Prebuilt({"data": data, "layout": layout})


def limit_figure(run: LimitRun, speed: float, dark: bool) -> Prebuilt:
    """A limit animated over its frames, beside its distance against n (log-log)."""
    limit = LIMITS[run.name]
    ink = theme.ink(dark)
    discrete_target = limit.target != "Normal"

    def source_trace(frame) -> dict:
        label = f"{limit.source}, {limit.parameter} = {numbers.text(frame.n)}"
        if limit.source == "Student t":
            return {"type": "scatter", "x": typed(frame.x, "f4"), "y": typed(frame.source, "f4"),
                    "mode": "lines", "line": {"color": DENSITY_COLOR, "width": 3}, "name": label,
                    **_on(1)}  # fmt: skip
        spacing = float(np.min(np.diff(frame.x))) if len(frame.x) > 1 else 1.0
        width = 0.8 if discrete_target else 0.85 * spacing
        return {"type": "bar", "x": typed(frame.x, "f4"), "y": typed(frame.source, "f4"),
                "width": width, "marker": {"color": rgba(DENSITY_COLOR, 0.75)}, "name": label,
                **_on(1)}  # fmt: skip

    def marker_trace(frame) -> dict:
        return {"type": "scatter", "x": [frame.n], "y": [frame.distance], "mode": "markers",
                "marker": {"color": DENSITY_COLOR, "size": 14}, "showlegend": False,
                "name": "now", **_on(2)}  # fmt: skip

    first = run.frames[0]
    target_style = (
        {"mode": "markers", "marker": {"color": LIMIT_COLOR, "size": 9, "symbol": "diamond"}}
        if discrete_target else {"mode": "lines", "line": {"color": LIMIT_COLOR, "width": 3}}
    )  # fmt: skip
    data = [
        source_trace(first),
        {"type": "scatter", "x": typed(first.target_x), "y": typed(first.target),
         "name": f"limit: {limit.target}", **target_style, **_on(1)},
        {"type": "scatter", "x": typed(run.n), "y": typed(run.distance), "mode": "lines+markers",
         "name": limit.distance_name, "line": {"color": DENSITY_COLOR, "width": 2},
         "marker": {"size": 5}, "showlegend": False, **_on(2)},
        {"type": "scatter", "x": typed(run.n), "y": typed(run.bound), "mode": "lines",
         "name": f"theory: ∝ {limit.rate}", "line": {"color": BOUND_COLOR, "width": 2,
                                                      "dash": "dash"}, **_on(2)},
        marker_trace(first),
    ]  # fmt: skip
    names = [f"n{i}" for i in range(len(run.frames))]
    frames = [
        {"name": name, "data": [source_trace(frame), marker_trace(frame)], "traces": [0, 4]}
        for name, frame in zip(names, run.frames, strict=True)
    ]
    tops = [max(float(np.max(f.source)), float(np.max(f.target))) for f in run.frames]
    layout = _panels((f"{limit.source} and its limit, {limit.target}",
                      f"{limit.distance_name} against {limit.parameter}"), 0.58)  # fmt: skip
    x_title = "z = (k − np)/σ" if limit.name == "Binomial → Normal" else "x"
    layout["xaxis"] |= {"title": {"text": x_title}}
    layout["yaxis"] |= {"range": [0, 1.08 * max(tops)]}
    layout["xaxis2"] |= {"type": "log", "title": {"text": limit.parameter}}
    layout["yaxis2"] |= {"type": "log"}
    labels = [numbers.text(frame.n) for frame in run.frames]
    layout |= {"margin": {"t": 90, "b": 160}, "font": {"color": ink}, "bargap": 0.1}
    layout |= animation_controls(names, labels, active=0, frame_ms=STEP_MS, speed=speed,
                                 readout=f"{limit.parameter} = ", ink=ink)  # fmt: skip
    return Prebuilt({"data": data, "layout": layout, "frames": frames})
