"""mathviz.trig.text: the formulas, read-outs and notes of the Trigonometry page.

The numbers in them follow the one rule of mathviz.core.numbers (``places=``: fixed decimals,
trailing zeros dropped); expected strings are written out by hand from the maths.
"""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.core import numbers
from mathviz.trig import circle, encoding, figures_fourier, fourier, text, waves
from tests.harness.latex import assert_sound, latex_problems


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


def test_series_of_every_shape_is_sound_latex():
    """The pulse train's name holds a '%': unescaped, KaTeX read the rest as a comment."""
    pulse = text.series_latex("Pulse train (25% duty)")
    assert r"(25\% duty)" in pulse
    for name in fourier.SHAPES:
        if text.series_latex(name) is not None:
            assert_sound(text.series_latex(name))
    assert latex_problems(r"\text{25% duty}") and not latex_problems(r"\text{25\% duty}")


def test_no_negative_overshoot_and_singular_harmonic():
    """N = 1 on the sawtooth peaks below the top of the jump: no "-18.1%" overshoot."""
    saw = fourier.SHAPES["Sawtooth"]
    view = fourier.fourier_view(saw, fourier.fourier_coefficients(saw), 1)
    assert view.overshoot.height < 0  # the maths: the sum stays below the shape's top
    assert text.overshoot_percent(view) == "" and not text.overshoots(view)
    (note,) = text.fourier_notes(view)
    assert "-" not in note.text and "With 1 harmonic the sum" in note.text
    assert "harmonics" not in note.text.split("jump")[0]
    fig = figures_fourier.fourier_figure(view)
    assert not any((t.name or "").startswith("overshoot") for t in fig.data)
    assert text.harmonics_phrase(1) == "1 harmonic" and text.harmonics_phrase(2) == "2 harmonics"


@pytest.mark.parametrize(
    ("shape", "n_terms", "nonzero"),
    [("Square", 5, 3), ("Square", 1, 1), ("Sawtooth", 4, 4), ("Triangle", 5, 3)],
)
def test_partial_sum_label_counts_the_nonzero_terms(shape, n_terms, nonzero):
    """The square wave's even harmonics are 0: S₅ has 3 non-zero terms, not 5."""
    c = fourier.fourier_coefficients(fourier.SHAPES[shape])
    view = fourier.fourier_view(fourier.SHAPES[shape], c, n_terms)
    label = text.partial_sum_label(view)
    terms = "term" if nonzero == 1 else "terms"
    assert label == (
        f"S{numbers.subscript(n_terms)}(t), harmonics up to {n_terms}: {nonzero} non-zero {terms}"
    )
    assert "_" not in label and "_" not in text.tip_label(n_terms)


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


def test_two_waves_latex_in_a_narrow_column_writes_e_squared_with_its_numbers():
    view = waves.two_waves_view((1.5, 0.6), (4.0, 6.5), 1.2)
    total, envelope, beat = text.two_waves_latex_lines(view, narrow=True)
    assert all(line.startswith(r"\begin{aligned}") for line in (total, envelope, beat))
    # E² = A₁² + A₂² + 2A₁A₂ cos(Δω x + φ) = 2.25 + 0.36 + 1.8 cos(2.5x + 1.2)
    assert r"&= 2.61 + 1.8\cos(2.5x + 1.2)" in envelope
    assert r"\frac{2\pi}{|6.5 - 4|} = 2.513" in beat  # 2π/2.5
    same = waves.two_waves_view((1.0, 1.0), (5.0, 5.0), np.pi)  # opposite phases cancel
    assert text.two_waves_latex_lines(same, narrow=True)[1].endswith(r"= 0 \end{aligned}")
    for line in (total, envelope, beat):
        assert_sound(line)
