"""mathviz.trig.figures_waves: the figures are valid plotly and draw the views' numbers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.core import numbers
from mathviz.trig import figures_waves, waves


def _named(fig: go.Figure) -> dict:
    return {trace.name: trace for trace in fig.data if trace.name}


@pytest.mark.parametrize("dark", [False, True])
def test_wave_figure_marks_period_amplitude_midline_and_shift(dark):
    view = waves.wave_view(-1.5, 3.0, 0.7, 0.5)
    fig = figures_waves.wave_figure(view, dark)  # validates
    named = _named(fig)
    wave = named["y = A sin(ωx + φ) + c"]
    np.testing.assert_allclose(wave.y, -1.5 * np.sin(3 * np.asarray(wave.x) + 0.7) + 0.5)
    np.testing.assert_allclose(named["sin x (base)"].y, np.sin(named["sin x (base)"].x))
    period = named["one period T = 2.09"]
    assert np.diff(period.x)[0] == pytest.approx(2 * np.pi / 3)
    assert list(named["amplitude |A| = 1.5"].y) == pytest.approx([0.5, 2.0])
    assert list(named["midline y = 0.5"].y) == [0.5, 0.5]
    shift = next(t for n, t in named.items() if n.startswith("shift"))
    assert shift.x[0] == pytest.approx(-0.7 / 3)


def test_two_waves_figure_draws_the_sum_inside_the_envelope():
    view = waves.two_waves_view((1.0, 0.6), (5.0, 6.0), 1.2)
    fig = figures_waves.two_waves_figure(view)
    named = _named(fig)
    x = np.asarray(named["their sum"].x)
    expected = np.sin(5 * x) + 0.6 * np.sin(6 * x + 1.2)
    np.testing.assert_allclose(named["their sum"].y, expected, atol=1e-12)
    envelope = np.asarray(named["envelope ±E(x)"].y, dtype=float)
    upper, lower = envelope[: x.size], envelope[x.size + 1 :]
    np.testing.assert_allclose(lower, -upper)
    assert np.all(np.abs(expected) <= upper + 1e-12)
    assert named["their sum"].xaxis == "x2"  # the sum in the lower panel


@pytest.mark.parametrize("omega", [3.0, 0.2])  # the period inside the window, and wider
def test_the_marks_are_named_on_the_picture_with_their_numbers(omega):
    view = waves.wave_view(-1.5, omega, 0.7, 0.5)
    fig = figures_waves.wave_figure(view)
    names = {a.text: a for a in fig.layout.annotations}
    period = names[f"one period T = {numbers.text(2 * np.pi / omega, places=2)}"]
    assert view.x[0] <= period.x <= view.x[-1]  # drawn: over the window
    assert names["|A| = 1.5"].x == pytest.approx(view.landmarks.crest[0])
    assert f"shift {numbers.text(-0.7 / omega, places=2)}" in names
    assert "midline y = 0.5" in names
    assert [t.name for t in fig.data if t.showlegend] == ["y = A sin(ωx + φ) + c"]
