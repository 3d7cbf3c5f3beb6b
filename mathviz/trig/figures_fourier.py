"""Fourier-series figures: a partial sum against its target with the amplitude spectrum,
and the epicycles whose tip draws the partial sum (animated in the browser).

The builders place what :mod:`mathviz.trig.fourier` computed; the epicycles figure is
plotly JSON (:class:`mathviz.plot.spec.Prebuilt`) with its frames written once per figure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz.plot import theme, traces
from mathviz.plot.animation import animation_controls
from mathviz.plot.spec import Prebuilt
from mathviz.trig import fourier, text

# Play glides from each of the 49 frames of a period to the next (mathviz.plot.animation,
# ``glide``: drawn at the screen's rate) in 60 ms, a period in 2.9 s at 1×, and goes round
# LOOPS times: plotly cannot loop, so ▶ Play's sequence repeats the period (no more frames).
EPICYCLE_FRAME_MS = 60
LOOPS = 4


def fourier_figure(view: fourier.FourierView, dark: bool = False) -> go.Figure:
    """The partial sum against the target (top) and the amplitude spectrum (bottom).

    Bar n is r_n = sqrt(a_n² + b_n²), coloured for the harmonics in use (n ≤ N); bar 0 is
    the mean |a₀/2|. Gibbs' overshoot, if the shape jumps, is marked at the peak.
    """
    ink, c = theme.ink(dark), theme.COLORS
    coefficients = view.coefficients
    amplitudes = np.concatenate([[abs(coefficients.a0) / 2], coefficients.amplitudes])
    n = np.arange(len(amplitudes))
    unused = theme.GRID["dark" if dark else "light"]
    data = [
        traces.line(ink, 2, x=view.target[0], y=view.target[1], name="target"),
        traces.line(
            c["primary"], 3, x=view.t, y=view.approximation, name=text.partial_sum_label(view)
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
    if text.overshoots(view):
        peak = view.overshoot
        data.append(
            traces.point(
                c["accent"],
                peak.t,
                peak.value,
                size=14,
                name=f"overshoot: {text.overshoot_percent(view)} of the jump",
            )
        )
        data[-1]["marker"]["symbol"] = "triangle-down"
    low, high = float(np.nanmin(view.target[1])), float(np.nanmax(view.target[1]))
    pad = 0.25 * (high - low) + 0.1
    layout = {
        "xaxis": {"range": [view.t[0], view.t[-1]], "anchor": "y", "title": {"text": "t"}},
        "yaxis": {"domain": [0.47, 1.0], "range": [low - pad, high + pad]},
        "xaxis2": {"anchor": "y2", "range": [-0.7, n[-1] + 0.7], "title": {"text": "harmonic n"}},
        "yaxis2": {"domain": [0.0, 0.26], "title": {"text": "amplitude"}},
        "bargap": 0.15,
    }
    return traces.figure(data, layout, top=70)


N_CIRCLES = 8  # circles are drawn for the longest arms only (the others are specks)


def _epicycle_layout(view: fourier.EpicycleView) -> tuple[float, float, np.ndarray]:
    """How far the chain reaches, where the wave starts (x of t = 0), which arms get circles."""
    reach = float(np.max(np.abs(view.joints))) + 0.2
    largest = np.sort(np.argsort(view.radii)[::-1][:N_CIRCLES])
    return reach, reach + 0.6, largest


def _epicycle_moving(view: fourier.EpicycleView, i: int) -> list[dict[str, np.ndarray]]:
    """Frame i: the arms and their circles, the wave drawn so far, the tip's pointer."""
    _, offset, largest = _epicycle_layout(view)
    joints, radii = view.joints[i], view.radii
    circles = [(joints[n] + radii[n] * view.outline).T for n in largest]
    chain = traces.joined(*circles, (joints[:, 0], joints[:, 1]))
    fine_t, fine_y = view.curve
    tip = joints[-1]
    return [
        chain,
        {"y": np.where(fine_t <= view.t[i] + 1e-9, fine_y, traces.NAN)},
        {"x": np.array([tip[0], offset + view.t[i]]), "y": np.array([tip[1], tip[1]])},
    ]


def epicycle_frames(view: fourier.EpicycleView) -> list[dict]:
    """The epicycles' frames over one period, as plotly JSON (typed arrays)."""
    return [
        {
            "name": str(i),
            "traces": [1, 2, 3],
            "data": traces.encoded(_epicycle_moving(view, i), "f4"),
        }
        for i in range(len(view.t))
    ]


# Where the frame slider (and its "t = " read-out) starts, by presentation mode: right of the
# Play and Pause buttons, which take a larger share of presentation's narrower picture.
SLIDER_X = {False: 0.22, True: 0.36}


def epicycles_figure(
    view: fourier.EpicycleView, dark: bool = False, speed: float = 1.0, present: bool = False
) -> Prebuilt:
    """Rotating arms whose tip draws the partial sum, animated over one period; ▶ Play goes
    round :data:`LOOPS` times.

    Parameters
    ----------
    view : the chain at each frame time, the arm lengths, a unit circle to draw each arm's
        circle with, and the partial sum finely sampled (drawn up to each frame's t).
    dark : dark theme (the arms in light ink).
    speed : the page's speed control (2.0 plays twice as fast as the default).
    present : presentation mode (the slider starts further right, clear of the buttons).

    Notes
    -----
    The tip's height is S_N(t), so the dotted pointer from the tip to (offset + t, S_N(t)) is
    horizontal: the wave on the right is the tip's height over time.
    """
    ink, c = theme.ink(dark), theme.COLORS
    reach, offset, _ = _epicycle_layout(view)
    fine_t, fine_y = view.curve
    chain, trail, pointer = _epicycle_moving(view, 0)
    faint = {"opacity": 0.25, "hoverinfo": "skip", "showlegend": False}
    data = [
        traces.line(c["primary"], 1.5, x=offset + fine_t, y=fine_y, **faint),
        traces.line(ink, 1.5, name="arms and their circles", hoverinfo="skip", opacity=0.8) | chain,
        traces.line(c["primary"], 3.5, name=text.tip_label(len(view.radii)), x=offset + fine_t)
        | trail,
        traces.line(
            c["accent"], 1.5, "dot", mode="lines+markers", showlegend=False, hoverinfo="skip"
        )
        | pointer
        | {"marker": {"size": 9, "color": c["accent"]}},
    ]
    labels = [text.degrees_label(v) for v in view.t]
    names = [str(i) for i in range(len(labels))]
    # The last frame (t = 2π) looks like the first: each further turn starts after it.
    sequence = names + names[1:] * (LOOPS - 1)
    layout = {
        "xaxis": {
            "range": [-reach, offset + fine_t[-1] + 0.2],
            "showticklabels": False,
            "zeroline": False,
        },
        "yaxis": {"range": [-reach, reach], "scaleanchor": "x"},
        "legend": traces.TOP_LEGEND,
        "margin": {"t": 50, "b": 130},
        **animation_controls(
            names,
            labels,
            active=0,
            sequence=sequence,
            frame_ms=EPICYCLE_FRAME_MS,
            glide=True,
            speed=speed,
            readout="t = ",
            ink=ink,
            slider_x=SLIDER_X[present],
        ),
    }
    frames = epicycle_frames(view)
    return Prebuilt({"data": traces.encoded(data), "layout": layout, "frames": frames})
