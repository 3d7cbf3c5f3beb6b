"""The figure of /derivatives' Taylor lesson: f against its Taylor polynomials Pₙ, n = 0 … 20
as client-side frames, the error |f − Pₙ| on a log scale below, the interval of convergence
shaded."""

from __future__ import annotations

import math

import numpy as np

from mathviz.calculus import derivative as d
from mathviz.calculus.taylor import ERROR_CEILING, ERROR_FLOOR, TaylorScene
from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt
from mathviz.plot.traces import TOP_LEGEND, encoded, line, markers, rgba

F_COLOR, P_COLOR = theme.COLORS["primary"], theme.COLORS["accent"]
ERROR_COLOR, RADIUS_COLOR = theme.COLORS["secondary"], theme.COLORS["tertiary"]


def taylor_figure(
    scene: TaylorScene, n: int, *, dark: bool = False, speed: float = 1.0
) -> Prebuilt:
    """f, Pₙ (frames over n, opening on ``n``) and |f − Pₙ| below."""
    data = []
    for i, (px, py) in enumerate(d.segments(scene.x, scene.f)):
        data.append(line(F_COLOR, 4, x=px, y=py, name="f(x)", legendgroup="f",
                         showlegend=i == 0, hoverinfo="skip"))  # fmt: skip
    ink = theme.ink(dark)
    layout = {
        "xaxis": {"range": list(scene.window), "anchor": "y2"},
        "yaxis": {"domain": [0.45, 1.0], "range": list(scene.y_range), "title": {"text": "y"}},
        "yaxis2": {"domain": [0.0, 0.36], "type": "log", "title": {"text": "|f − Pₙ|"},
                   "range": [math.log10(ERROR_FLOOR), math.log10(ERROR_CEILING)],
                   "exponentformat": "power", "dtick": 8},
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "b": 50, "l": theme.LOG_AXIS_LEFT},
        "shapes": [],
        "annotations": [],
    }  # fmt: skip
    if scene.radius is not None and scene.radius > 0:
        low, high = scene.a - scene.radius, scene.a + scene.radius
        layout["shapes"].append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": low, "x1": high, "y0": 0,
             "y1": 1, "fillcolor": rgba(RADIUS_COLOR, 0.12), "line": {"width": 0},
             "layer": "below"}
        )  # fmt: skip
        middle = min(max(scene.a, scene.window[0]), scene.window[1])
        layout["annotations"].append(
            {"x": middle, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "top",
             "text": f"|x − a| < R = {text(scene.radius)}", "showarrow": False,
             "font": {"color": ink}}
        )  # fmt: skip
    if scene.top < 0 or len(scene.x) < 2:
        return Prebuilt(encoded({"data": data, "layout": layout}))
    n = min(max(n, 0), scene.top)
    fa = float(scene.c[0])
    data.append(markers(P_COLOR, 13, x=np.array([scene.a]), y=np.array([fa]), name="a",
                        showlegend=False, mode="markers+text", text=["a"],
                        textposition="bottom right"))  # fmt: skip
    first = len(data)
    data.append(line(P_COLOR, 3, name="Pₙ(x)", x=scene.x, y=scene.polys[n]))
    data.append(line(ERROR_COLOR, 2.5, name="|f − Pₙ|", x=scene.x, y=scene.errors[n])
                | {"yaxis": "y2"})  # fmt: skip
    names = [f"n{k}" for k in range(scene.top + 1)]
    frames = [
        {"name": names[k], "traces": [first, first + 1],
         "data": [{"x": scene.x, "y": scene.polys[k]}, {"x": scene.x, "y": scene.errors[k]}]}
        for k in range(scene.top + 1)
    ]  # fmt: skip
    layout |= animation_controls(
        names,
        [f"n = {k}" for k in range(scene.top + 1)],
        active=n,
        sequence=[*names, *hold(names[-1], 900, STEP_MS)],
        frame_ms=STEP_MS,
        readout="",
        ink=ink,
        slider_x=0.32,
        speed=speed,
    )
    layout["margin"]["b"] = 130
    return Prebuilt(encoded({"data": data, "layout": layout, "frames": encoded(frames, "f4")}))
