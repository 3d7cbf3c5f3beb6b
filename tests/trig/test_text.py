"""mathviz.trig.text: the formulas, read-outs and notes of the Trigonometry page.

The numbers in them follow the one rule of mathviz.core.numbers (``places=``: fixed decimals,
trailing zeros dropped); expected strings are written out by hand from the maths.
"""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.core import numbers
from mathviz.trig import circle, encoding, fourier, text, waves


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (0.5, 3, "0.5"),
        (-0.00001, 3, "0"),  # no "-0"
        (1.23456, 2, "1.23"),
        (2.0, 3, "2"),
        (float("nan"), 3, r"\text{undefined}"),
        (float("inf"), 3, "\\infty"),
        (-float("inf"), 3, "-\\infty"),
    ],
)
def test_format_number(value, places, expected):
    """The page's numbers in formulas: the one formatter with fixed decimals."""
    assert numbers.tex(value, places=places) == expected


def test_signed_and_format_angle():
    assert numbers.signed_tex(2, places=3) == "+ 2"
    assert numbers.signed_tex(-0.5, places=3) == "- 0.5"
    assert numbers.signed_tex(-0.0001, places=3) == "+ 0"
    assert text.angle_tex(np.pi / 3) == r"60^\circ = 1.047\ \text{rad} = 0.333\pi"
    assert text.angle_label(np.pi) == "180° = 3.14 rad"
    assert text.angle_label(0.0) == "0° = 0 rad"
    assert text.degrees_label(np.pi / 4) == "45°"


@pytest.mark.parametrize(
    ("args", "latex"),
    [
        ((1, 1, 0, 0), r"y = \sin(x)"),
        ((-1, 2, 0.5, -1), r"y = -\sin(2x + 0.5) - 1"),
        ((1.5, 0.5, -1.2, 0.3), r"y = 1.5\sin(0.5x - 1.2) + 0.3"),
        ((0, 3, 1, 2), "y = 2"),
    ],
)
def test_wave_latex(args, latex):
    assert text.wave_latex(*args) == latex


def test_circle_latex_and_readout():
    p = circle.circle_point(np.pi / 3)
    assert text.circle_readout(p) == {
        "cos θ": "0.5",
        "sin θ": "0.866",
        "tan θ": "1.7321",
        "arc = θ": "1.0472",
    }
    assert r"(\cos\theta, \sin\theta) = (0.5, 0.866)" in text.circle_latex(p)
    assert "undefined" in text.circle_latex(circle.circle_point(np.pi / 2))


def test_wave_view_latex():
    view = waves.wave_view(2.0, 0.5, 0.0, 0.0)
    assert "T = \\frac{2\\pi}{\\omega} = 12.566" in text.wave_view_latex(view)  # 4π
    assert text.wave_view_latex(view).startswith(r"y = 2\sin(0.5x),")
    two = waves.two_waves_view((1.0, 1.0), (5.0, 6.0), 0.0)
    assert "6.283" in text.two_waves_latex(two)  # 2π/|6 - 5|
    same = waves.two_waves_view((1.0, 1.0), (5.0, 5.0), 0.0)
    assert text.two_waves_latex(same).endswith(r"= \infty")  # no beats: never "inf"


def test_notes_appear_exactly_when_something_needs_saying():
    assert text.circle_notes(circle.circle_point(np.pi / 3)) == []
    (note,) = text.circle_notes(circle.circle_point(np.pi / 2))
    assert note.level == "info" and "undefined" in note.text
    assert text.wave_notes(waves.wave_view(1.0, 0.2, 0.0, 0.0))  # 10π: wider than the window
    assert not text.wave_notes(waves.wave_view(1.0, 2.0, 0.0, 0.0))
    assert text.encoding_notes(64, 64) == []
    (note,) = text.encoding_notes(37, 36)
    assert "using 36" in note.text


def test_fourier_text():
    shape = fourier.SHAPES["Square"]
    c = fourier.fourier_coefficients(shape)
    assert text.partial_sum_latex(c, 5) == (r"S_{5}(t) = 1.273\sin t + 0.424\sin 3t + 0.255\sin 5t")
    series = text.partial_sum_latex(fourier.fourier_coefficients(fourier.SHAPES["Heartbeat"]), 9)
    assert series.endswith(r"+ \cdots")
    view = fourier.fourier_view(shape, c, 9)
    (note,) = text.fourier_notes(view)
    # Gibbs: the peak over the jump of 2, as a percentage with one decimal.
    expected = numbers.text(100 * view.overshoot.height / 2, places=1)
    assert f"overshoots by {expected}% of the jump" in note.text
    triangle = fourier.SHAPES["Triangle"]
    continuous = fourier.fourier_view(triangle, fourier.fourier_coefficients(triangle), 9)
    assert text.fourier_notes(continuous) == [] and text.overshoot_percent(continuous) == ""
    assert text.series_latex("Square").startswith(r"\text{square} = \frac{4}{\pi}")
    assert text.series_latex("Staircase") is None
    assert set(text.DESCRIPTIONS) == set(fourier.SHAPES)  # a sentence for every shape
    assert set(text.SERIES) <= set(fourier.SHAPES)
    assert text.fourier_explanation("Square").startswith(text.DESCRIPTIONS["Square"])


def test_encoding_latex():
    latex = text.encoding_latex(64)
    assert r"\sin\frac{p}{10000^{2i/64}}" in latex and r"\cos\frac{p}{10000^{2i/64}}" in latex
    assert encoding.encoding_view(64, 10, 3).d_model == 64


def test_partial_sum_latex():
    def coefficients(name):
        return fourier.fourier_coefficients(fourier.SHAPES[name])

    assert text.partial_sum_latex(coefficients("Square"), 5) == (
        r"S_{5}(t) = 1.273\sin t + 0.424\sin 3t + 0.255\sin 5t"
    )
    written = text.partial_sum_latex(coefficients("Half-wave rectified sine"), 9)
    assert written.startswith(r"S_{9}(t) = 0.318 + 0.5\sin t - 0.212\cos 2t") and written.endswith(
        r"\cdots"
    )
