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


def _figure(
    theta: float, show_tan: bool = False, dark: bool = False, present: bool = False
) -> dict:
    animation, frames = figures_circle.circle_sweep()
    fig = figures_circle.unit_circle_figure(
        animation, frames, circle.circle_state(theta), show_tan, dark, present=present
    )
    return json.loads(pio.to_json(fig, validate=False))


def _index(spec: dict, name: str) -> int:
    return next(i for i, t in enumerate(spec["data"]) if t.get("name") == name)


def _named(spec: dict, name: str) -> dict:
    return spec["data"][_index(spec, name)]


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
    guides = _index(spec, "P and T")
    slot = spec["frames"][0]["traces"].index(guides)
    last = frames[sequence[-1]]["data"][slot]
    # Where Play stops is where the figure (and the readouts) were: within half a 3° step.
    end = np.arctan2(last["y"][0], last["x"][0]) % (2 * np.pi)
    gap = abs((end - theta + np.pi) % (2 * np.pi) - np.pi)
    assert gap <= np.radians(1.5) + 1e-9


@pytest.mark.parametrize("theta", [0.3, 2.0, 4.0])
def test_the_point_and_its_graphs_are_at_cos_and_sin_theta(theta):
    spec = decode_arrays(_figure(theta))
    guides = _named(spec, "P and T")
    assert (guides["x"][0], guides["y"][0]) == pytest.approx((np.cos(theta), np.sin(theta)))
    assert guides["y"][1] == pytest.approx(np.tan(theta))  # T = (1, tan θ)
    points = _named(spec, "points at θ")  # on the graphs, against θ itself (axis x2)
    assert points["xaxis"] == "x2" and points["yaxis"] == "y"
    assert points["x"][1] == pytest.approx(theta)
    assert points["y"][1] == pytest.approx(np.sin(theta))
    assert points["y"][3] == pytest.approx(np.cos(theta))


def test_every_frame_puts_the_point_at_its_angle():
    spec = decode_arrays(_figure(0.0))
    guides = _index(spec, "P and T")
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


@pytest.mark.parametrize("present", [False, True])
def test_the_frame_slider_spans_the_graphs_angle_axis(present):
    """One scale: the slider's ends sit under the graph's 0° and 360°, not a second scale
    beside it (plotly places a slider's first and last steps 10 px inside its ends; the
    axis reaches GRAPH_PAD past 0 and 2π for that)."""
    layout = _figure(1.0, present=present)["layout"]
    axis, slider = layout["xaxis2"], layout["sliders"][0]
    assert [slider["x"], slider["x"] + slider["len"]] == pytest.approx(axis["domain"])
    assert slider["xanchor"] == "left" and slider["pad"]["l"] == slider["pad"]["r"] == 0
    low, high = axis["range"]
    assert -0.2 < low < 0 and 2 * np.pi < high < 2 * np.pi + 0.2
    assert axis["tickvals"][0] == 0 and axis["tickvals"][-1] == pytest.approx(2 * np.pi)
    assert all(step["label"] == "" for step in slider["steps"])  # the axis reads the angle
    circle_axis = layout["xaxis"]["domain"]
    assert circle_axis[0] == 0 and circle_axis[1] < axis["domain"][0]  # side by side


def test_the_tan_crossing_at_the_default_angle_is_on_the_chart():
    spec = decode_arrays(_figure(np.radians(60), show_tan=True))
    low, high = spec["layout"]["yaxis"]["range"]
    guides = _named(spec, "P and T")
    assert guides["x"][1] == 1.0 and guides["y"][1] == pytest.approx(np.sqrt(3))
    assert low < -np.sqrt(3) and np.sqrt(3) < high  # and at 300° (tan = -1.73)


@pytest.mark.parametrize(
    ("degrees", "tan_name"), [(60, "tan θ"), (80, "tan θ ↑"), (100, "tan θ ↓"), (90, "")]
)
def test_the_segments_are_named_on_the_picture(degrees, tan_name):
    theta = np.radians(degrees)
    spec = decode_arrays(_figure(theta))
    names = spec["data"][figures_circle.N_STATIC + figures_circle.MOVING.index("names")]
    assert names["text"] == ["cos θ" if degrees != 90 else "", "sin θ", tan_name, "θ"]
    x, y = np.asarray(names["x"], float), np.asarray(names["y"], float)
    assert x[0] == pytest.approx(np.cos(theta) / 2)  # under the middle of cos θ
    assert y[1] == pytest.approx(np.sin(theta) / 2)  # beside the middle of sin θ
    if tan_name:  # beside T, or at the chart's edge with an arrow when T is off it
        low, high = spec["layout"]["yaxis"]["range"]
        assert low < y[2] < high
        if tan_name == "tan θ":
            assert y[2] == pytest.approx(np.tan(theta))
    assert spec["layout"]["showlegend"] is False  # names on the picture, not in a legend
