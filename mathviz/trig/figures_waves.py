"""Wave figures: one wave y = A sin(ωx + φ) + c with what can be read off it, and the sum of
two waves inside its envelope. The builders place what :mod:`mathviz.trig.waves` computed.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz.core import numbers
from mathviz.plot import theme, traces
from mathviz.trig import waves

# Behind a mark's name, by dark theme: the page's background, a little see-through, so the
# name stays readable where a curve runs under it.
NAME_BACKGROUND = {False: "rgba(255, 255, 255, 0.8)", True: "rgba(14, 17, 23, 0.8)"}


def _name_at(x: float, y: float, words: str, color: str, **kwargs: object) -> dict:
    """An annotation naming a mark of the picture, in the mark's colour."""
    return {"x": x, "y": y, "text": words, "showarrow": False, "font": {"color": color}} | kwargs


def wave_figure(view: waves.WaveView, dark: bool = False) -> go.Figure:
    """y = A sin(ωx + φ) + c over the dashed base sine, with the period (bracket), the
    amplitude (arrow from the midline to a crest), the midline and the phase shift marked.
    """
    ink, c = theme.ink(dark), theme.COLORS
    props = view.properties
    (x0, x1), (crest_x, crest_y) = view.landmarks.period, view.landmarks.crest
    mid = props.midline
    top = max(2.0, crest_y) + 0.6
    data = [
        traces.line(ink, 1.5, "dash", x=view.x, y=view.base, name="sin x (base)", opacity=0.6),
        traces.line(c["primary"], 4, x=view.x, y=view.y, name="y = A sin(ωx + φ) + c"),
        traces.line(
            c["tertiary"],
            1.5,
            "dot",
            x=view.x[[0, -1]],
            y=np.full(2, mid),
            name=f"midline y = {numbers.text(mid, places=2)}",
        ),
        traces.line(
            c["accent"],
            3,
            x=np.array([x0, x1]),
            y=np.full(2, top),
            mode="lines+markers",
            marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": c["accent"]}},
            name=f"one period T = {numbers.text(props.period, places=2)}",
        ),
        traces.line(
            c["highlight"],
            3,
            x=np.full(2, crest_x),
            y=np.array([mid, crest_y]),
            mode="lines+markers",
            marker={"symbol": "arrow", "angleref": "previous", "size": 14, "color": c["highlight"]},
            name=f"amplitude |A| = {numbers.text(props.amplitude, places=2)}",
        ),
        traces.point(
            c["tertiary"],
            props.phase_shift,
            mid,
            name=f"shift -φ/ω = {numbers.text(props.phase_shift, places=2)}",
        ),
    ]
    data[-1]["marker"]["symbol"] = "diamond"
    # The marks' names written beside them, 3Blue1Brown style, instead of a legend; the
    # period's over the part of its bracket inside the window (a name off it is not drawn).
    shown_mid = (max(x0, view.x[0]) + min(x1, view.x[-1])) / 2
    annotations = [
        _name_at(shown_mid, top, data[3]["name"], c["accent"], yanchor="bottom", yshift=6),
        _name_at(
            crest_x,
            (mid + crest_y) / 2,
            f"|A| = {numbers.text(props.amplitude, places=2)}",
            c["highlight"],
            xanchor="left",
            xshift=8,
        ),
        _name_at(
            props.phase_shift,
            mid,
            f"shift {numbers.text(props.phase_shift, places=2)}",
            c["tertiary"],
            yanchor="top",
            yshift=-8,
        ),
        _name_at(
            view.x[-1],
            mid,
            f"midline y = {numbers.text(mid, places=2)}",
            c["tertiary"],
            xanchor="right",
            yanchor="bottom",
        ),
        _name_at(
            view.x[0],
            float(view.base[0]),
            "sin x",
            ink,
            xanchor="left",
            yanchor="top",
            yshift=-4,
            opacity=0.7,
        ),
    ]
    for annotation in annotations:
        annotation["bgcolor"] = NAME_BACKGROUND[dark]
    layout = {
        "xaxis": {"range": [view.x[0], view.x[-1]], "title": {"text": "x"}},
        "yaxis": {"range": [min(-2.0, mid - props.amplitude) - 0.5, top + 0.6]},
        "annotations": annotations,
        "legend": traces.TOP_LEGEND | {"traceorder": "normal"},
    }
    for trace in data:  # only the wave keeps a legend entry: its formula
        trace["showlegend"] = trace is data[1]
    return traces.figure(data, layout, top=50)


def two_waves_figure(view: waves.TwoWavesView, dark: bool = False) -> go.Figure:
    """The two waves (top) and their sum inside its envelope ±E(x) (bottom)."""
    ink, c = theme.ink(dark), theme.COLORS
    x = view.x
    reach = 1.15 * max(float(np.max(np.abs(view.total))), float(np.max(view.envelope)), 1.0)
    lower = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        traces.line(c["soft"], 2.5, x=x, y=view.first, name="wave 1: A₁ sin(ω₁x)"),
        traces.line(c["secondary"], 2.5, x=x, y=view.second, name="wave 2: A₂ sin(ω₂x + φ)"),
        traces.line(c["primary"], 3, x=x, y=view.total, name="their sum", **lower),
        traces.line(ink, 1.5, "dash", name="envelope ±E(x)", **lower)
        | traces.joined((x, view.envelope), (x, -view.envelope)),
    ]
    window = [x[0], x[-1]]
    layout = {
        "xaxis": {"range": window, "anchor": "y", "showticklabels": False},
        "yaxis": {"domain": [0.56, 1.0], "range": [-reach, reach], "title": {"text": "waves"}},
        "xaxis2": {"range": window, "anchor": "y2", "matches": "x", "title": {"text": "x"}},
        "yaxis2": {"domain": [0.0, 0.44], "range": [-reach, reach], "title": {"text": "sum"}},
    }
    return traces.figure(data, layout, top=70)
