"""Animation controls shared by every animated figure: ▶ Play, ❚❚ Pause, extra buttons, a scrub
slider, and the one frame interval of the app.

They are plotly's own ``updatemenus`` and ``sliders``, so playing and scrubbing run in the browser
at full frame rate, with no round trip to the server, and every animated figure of the app looks
and behaves alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Plotly waits this long after drawing a frame before it draws the next, so a frame takes
# this plus its drawing (10-20 ms for a grid of lines): 12 ms keeps the app's heaviest
# animations above 30 frames a second (17 ms left them at 29.9, just under).
FRAME_MS = 12
# Not a motion but a sequence of discrete steps (power iteration's v, Av, A²v...): each is held
# long enough for the eye to follow it. The only other timing of the app.
STEP_MS = 450
# The choices of every page's ``speed`` control: how much faster than the default Play runs.
SPEEDS = {"0.5×": 0.5, "1×": 1.0, "2×": 2.0}
DEFAULT_SPEED = "1×"
READOUT_SIZE = 15  # a slider's read-out, as the template's text (the theme scales it)
HIDDEN = "rgba(0, 0, 0, 0)"  # the colour of a slider's labels when a read-out shows them


def speed_factor(label: str) -> float:
    """The factor of a ``speed`` choice ("2×" -> 2.0); an unknown label plays at 1×."""
    return SPEEDS.get(label, 1.0)


def scaled_ms(ms: float, speed: float) -> int:
    """A duration at ``speed`` (2.0 halves it), in whole milliseconds."""
    return max(0, round(ms / speed))


def hold(name: str, hold_ms: float, frame_ms: float) -> list[str]:
    """``name`` repeated so that Play rests on it about ``hold_ms`` (at least once)."""
    return [name] * max(1, round(hold_ms / frame_ms))


def animate_args(
    names: Sequence[str] | None,
    frame_ms: int = FRAME_MS,
    redraw: bool = False,
    glide: bool = False,
) -> list[Any]:
    """Arguments of plotly's ``animate`` method: play ``names`` (None: every frame) in order.

    ``redraw=False`` suits scatter traces (smooth and cheap); heatmaps and 3D need True.
    ``glide``: plotly moves the lines from each frame to the next over the frame's duration
    (a linear transition, drawn at the screen's rate), so a few eased key frames give a
    smooth motion; off, each frame is shown as it is.
    """
    transition = {"duration": frame_ms, "easing": "linear"} if glide else {"duration": 0}
    options = {
        "frame": {"duration": frame_ms, "redraw": redraw},
        "transition": transition,
        "mode": "immediate",
        "fromcurrent": False,
    }
    return [None if names is None else list(names), options]


def animation_controls(
    frame_names: Sequence[str],
    labels: Sequence[str],
    *,
    active: int,
    sequence: Sequence[str] | None = None,
    extra_buttons: Sequence[tuple[str, Sequence[str]]] = (),
    frame_ms: int = FRAME_MS,
    redraw: bool = False,
    readout: str | None = None,
    ink: str | None = None,
    every: int = 1,
    slider_x: float = 0.0,
    speed: float = 1.0,
    glide: bool = False,
    pad_top: int = 50,
) -> dict[str, Any]:
    """Layout entries (``updatemenus`` and ``sliders``) for an animated figure.

    Parameters
    ----------
    frame_names : the figure's frames in order; the slider has one step per ``every`` frames.
    labels : one label per frame ("" for an unlabelled step).
    active : the frame the slider starts on (the one the figure shows before any Play).
    sequence : the frame names ▶ Play shows, in order (a name may repeat to hold a frame);
        None plays every frame.
    extra_buttons : (label, frame names) pairs for buttons that play a part of the animation,
        or play it backwards.
    frame_ms : milliseconds per frame when playing.
    redraw : plotly's ``redraw`` while playing.
    readout : show the current step's label above the slider after this prefix, and hide the
        labels under it (for many steps); None shows the labels under the slider.
    ink : colour of the labels or read-out (the theme's text colour); None: the template's.
    every : a slider step on every ``every``-th frame and on the last (fewer steps draw
        faster); the slider starts on the step nearest to ``active``.
    slider_x : where the slider starts, as a fraction of the width (0: under the buttons).
    speed : the page's ``speed`` control (:func:`speed_factor`): 2.0 plays twice as fast.
    glide : plotly glides linearly from frame to frame (see :func:`animate_args`).
    pad_top : pixels from the plot's bottom to the buttons (and to a slider beside them; a
        slider under them sits 45 px lower). More than 50 moves them under an x axis title.
    """
    jump = animate_args(None, 0, redraw)[1]
    ms = scaled_ms(frame_ms, speed)
    buttons = [
        {"label": label, "method": "animate", "args": animate_args(names, ms, redraw, glide)}
        for label, names in [("▶ Play", sequence), *extra_buttons]
    ]
    buttons.append({"label": "❚❚ Pause", "method": "animate", "args": [[None], jump]})
    shown = list(range(0, len(frame_names), every))
    if shown[-1] != len(frame_names) - 1:
        shown.append(len(frame_names) - 1)  # the last frame always has its step
    steps = [
        {"label": labels[i], "method": "animate", "args": [[frame_names[i]], jump]} for i in shown
    ]
    font = {"color": ink} if ink else {}
    slider = {
        "active": min(range(len(shown)), key=lambda step: abs(shown[step] - active)),
        "steps": steps,
        "x": slider_x,
        "len": 1.0 - slider_x,
        "xanchor": "left",
        "y": 0.0,
        "yanchor": "top",
        "pad": {"t": pad_top if slider_x else pad_top + 45, "b": 0},
        "ticklen": 4 if readout is None else 0,
        "minorticklen": 0,
        "transition": {"duration": 0},
        "currentvalue": {"visible": False},
    }
    if readout is None:
        slider["font"] = font
    else:
        # The labels show once, above. Hidden, they still take room, and the last one ran
        # past the chart's right edge: the smallest type keeps them inside it.
        slider["font"] = {"color": HIDDEN, "size": 1}
        # Its own size: it would inherit the hidden labels' (1 px).
        slider["currentvalue"] = {
            "visible": True,
            "prefix": readout,
            "xanchor": "left",
            "font": {"size": READOUT_SIZE} | font,
        }
    menu = {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "x": 0.0,
        "xanchor": "left",
        "y": 0.0,
        "yanchor": "top",
        "pad": {"t": pad_top, "r": 10},
        "buttons": buttons,
        # The buttons are for the teacher's mouse, not the back row: a fixed small size keeps
        # a row of stage buttons within a half-width chart in presentation mode too.
        "font": {"size": 14} | font,
    }
    return {"updatemenus": [menu], "sliders": [slider]}
