"""mathviz.trig.figures_fourier: valid plotly figures whose bars, sums and epicycles are the
textbook square wave's."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from mathviz.trig import figures_fourier, fourier
from tests.harness.apptest import decode_arrays

SQUARE = fourier.SHAPES["Square"]


def _coefficients():
    return fourier.fourier_coefficients(SQUARE)


def test_partial_sum_figure_has_the_four_over_pi_n_bars_and_the_overshoot():
    view = fourier.fourier_view(SQUARE, _coefficients(), 7)
    fig = figures_fourier.fourier_figure(view, dark=True)
    bars = next(t for t in fig.data if t.type == "bar")
    n = np.asarray(bars.x)
    expected = np.where(n % 2 == 1, 4 / (np.pi * np.maximum(n, 1)), 0.0)
    np.testing.assert_allclose(np.asarray(bars.y, float), expected, atol=1e-6)
    named = {t.name: t for t in fig.data if t.name}
    t = np.asarray(named["S₇(t), harmonics up to 7: 4 non-zero terms"].x)
    k = np.array([1, 3, 5, 7])
    direct = (4 / np.pi) * (np.sin(np.outer(t, k)) / k).sum(axis=1)
    np.testing.assert_allclose(
        named["S₇(t), harmonics up to 7: 4 non-zero terms"].y, direct, atol=1e-5
    )
    peak = next(trace for name, trace in named.items() if name.startswith("overshoot"))
    assert peak.y[0] == pytest.approx(direct.max(), abs=1e-4)
    continuous = fourier.fourier_view(fourier.SHAPES["Triangle"], _coefficients(), 7)
    fig = figures_fourier.fourier_figure(continuous)
    assert not any((t.name or "").startswith("overshoot") for t in fig.data)


def test_the_epicycles_play_at_the_chosen_speed():
    view = fourier.epicycle_view(_coefficients(), 5)
    for speed in (0.5, 2.0):
        play = figures_fourier.epicycles_figure(view, speed=speed).to_dict()["layout"]
        options = play["updatemenus"][0]["buttons"][0]["args"][1]
        expected = round(figures_fourier.EPICYCLE_FRAME_MS / speed)
        assert options["frame"]["duration"] == options["transition"]["duration"] == expected


@pytest.mark.parametrize("n_terms", [1, 12, 50])
def test_epicycles_figure_is_valid_and_its_tip_draws_the_sum(n_terms):
    view = fourier.epicycle_view(_coefficients(), n_terms)
    spec = json.loads(pio.to_json(figures_fourier.epicycles_figure(view), validate=False))
    go.Figure(spec)  # validates traces, layout and frames
    spec = decode_arrays(spec)
    assert len(spec["frames"]) == 49
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"  # round circles
    play = spec["layout"]["updatemenus"][0]["buttons"][0]
    # Glides from frame to frame at the screen's rate, a period in about 3 s, round LOOPS times.
    assert play["args"][1]["frame"]["duration"] == figures_fourier.EPICYCLE_FRAME_MS
    assert play["args"][1]["transition"] == {
        "duration": figures_fourier.EPICYCLE_FRAME_MS,
        "easing": "linear",
    }
    assert 2000 <= 48 * figures_fourier.EPICYCLE_FRAME_MS <= 3500
    names = [frame["name"] for frame in spec["frames"]]
    loops = figures_fourier.LOOPS
    assert loops >= 3 and play["args"][0] == names + names[1:] * (loops - 1)
    # The circles are round: a chord's midpoint is within half a pixel of a circle 200 px across.
    sagitta = 1 - np.linalg.norm((view.outline[0] + view.outline[1]) / 2)
    assert 100 * sagitta < 0.5
    t = np.linspace(0, 2 * np.pi, 49)
    k = np.arange(1, n_terms + 1, 2)
    for i in (0, 17, 45):
        chain, _, pointer = spec["frames"][i]["data"]
        direct = (4 / np.pi) * np.sum(np.sin(k * t[i]) / k)
        assert pointer["y"][0] == pointer["y"][1] == pytest.approx(direct, abs=1e-5)
        assert chain["y"][-1] == pytest.approx(direct, abs=1e-5)


def test_the_epicycles_slider_starts_clear_of_the_buttons_when_presenting():
    view = fourier.epicycle_view(fourier.fourier_coefficients(fourier.SHAPES["Square"]), 5)
    for present in (False, True):
        layout = figures_fourier.epicycles_figure(view, present=present).to_dict()["layout"]
        slider = layout["sliders"][0]
        assert slider["x"] == figures_fourier.SLIDER_X[present]
        assert slider["x"] + slider["len"] == 1.0
    assert figures_fourier.SLIDER_X[True] > figures_fourier.SLIDER_X[False]
