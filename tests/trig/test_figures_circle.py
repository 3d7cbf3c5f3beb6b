"""mathviz.trig.figures_circle: the unit-circle figure is valid plotly JSON whose traces and
frames are where numpy puts cos θ, sin θ and tan θ."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from mathviz.plot.animation import FRAME_MS
from mathviz.trig import circle, figures_circle
from tests.harness.apptest import decode_arrays


def _figure(theta: float, show_tan: bool = False, dark: bool = False) -> dict:
    animation, frames = figures_circle.circle_sweep()
    fig = figures_circle.unit_circle_figure(
        animation, frames, circle.circle_state(theta), show_tan, dark
    )
    return json.loads(pio.to_json(fig, validate=False))


def test_the_sweep_is_made_once_per_process():
    assert figures_circle.circle_sweep() is figures_circle.circle_sweep()


@pytest.mark.parametrize("dark", [False, True])
def test_the_figure_is_valid_plotly_with_a_frame_every_three_degrees(dark):
    spec = _figure(1.0, show_tan=True, dark=dark)
    go.Figure(spec)  # validates traces, layout and frames
    assert len(spec["frames"]) == 121
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"  # the circle is round
    play = spec["layout"]["updatemenus"][0]["buttons"][0]
    assert play["args"][1]["frame"]["duration"] == FRAME_MS  # the app's one frame interval


@pytest.mark.parametrize("degrees", [0, 3, 60, 181, 360])
def test_play_goes_a_full_turn_and_ends_at_the_chosen_angle(degrees):
    theta = np.radians(degrees)
    spec = _figure(theta)
    frames = {frame["name"]: frame for frame in decode_arrays(spec)["frames"]}
    sequence = spec["layout"]["updatemenus"][0]["buttons"][0]["args"][0]
    assert len(sequence) == len(frames)  # one full turn, every 3°
    assert set(sequence) | {"0", str(len(frames) - 1)} == set(frames)
    guides = [i for i, t in enumerate(spec["data"]) if t.get("mode") == "lines+markers"][0]
    slot = spec["frames"][0]["traces"].index(guides)
    last = frames[sequence[-1]]["data"][slot]
    # Where Play stops is where the figure (and the readouts) were: within half a 3° step.
    end = np.arctan2(last["y"][0], last["x"][0]) % (2 * np.pi)
    gap = abs((end - theta + np.pi) % (2 * np.pi) - np.pi)
    assert gap <= np.radians(1.5) + 1e-9


@pytest.mark.parametrize("theta", [0.3, 2.0, 4.0])
def test_the_point_and_its_graphs_are_at_cos_and_sin_theta(theta):
    spec = decode_arrays(_figure(theta))
    guides = next(t for t in spec["data"] if t.get("mode") == "lines+markers")
    assert (guides["x"][0], guides["y"][0]) == pytest.approx((np.cos(theta), np.sin(theta)))
    assert guides["y"][1] == pytest.approx(np.tan(theta))  # T = (1, tan θ)
    offset = spec["layout"]["xaxis"]["tickvals"][0]
    assert guides["x"][4] == pytest.approx(offset + theta)
    assert guides["y"][4] == pytest.approx(np.sin(theta))


def test_every_frame_puts_the_point_at_its_angle():
    spec = decode_arrays(_figure(0.0))
    guides = next(i for i, t in enumerate(spec["data"]) if t.get("mode") == "lines+markers")
    for frame, theta in zip(spec["frames"], np.linspace(0, 2 * np.pi, 121), strict=True):
        slot = frame["traces"].index(guides)
        point = (frame["data"][slot]["x"][0], frame["data"][slot]["y"][0])
        # Frames are screen coordinates in single precision (7 digits: 0.00005 px on a 500 px
        # circle); the figure's own first state stays double.
        assert point == pytest.approx((np.cos(theta), np.sin(theta)), abs=1e-7)
    assert spec["frames"][30]["data"][-1]["text"] == ["θ = 90° = 1.57 rad"]


def test_tan_is_drawn_only_when_asked_for():
    hidden = [t for t in _figure(1.0)["data"] if t.get("visible") is False]
    shown = [t for t in _figure(1.0, show_tan=True)["data"] if t.get("visible") is True]
    assert len(hidden) == len(shown) == 2  # the graph of tan and its asymptotes
