"""mathviz.trig.waves against numpy, scipy and trigonometric identities.

Expected values come from elsewhere than the code under test: numpy's sin, scipy.signal.hilbert
(the envelope of a sum of waves), the sum-to-product identity and finite differences.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mathviz.trig import waves

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


amplitudes = st.floats(-3, 3, allow_nan=False).filter(lambda a: abs(a) > 0.05)


rates = st.floats(0.2, 5, allow_nan=False)


phases = st.floats(-np.pi, np.pi, allow_nan=False)


offsets = st.floats(-2, 2, allow_nan=False)


@SETTINGS
@given(amplitudes, rates, phases, offsets)
def test_wave_properties_read_off_the_graph(a, w, phi, c):
    props = waves.wave_properties(a, w, phi, c)
    x = np.linspace(-20, 20, 4001)
    y = waves.wave(x, a, w, phi, c)
    np.testing.assert_allclose(waves.wave(x + props.period, a, w, phi, c), y, atol=1e-9)
    assert props.frequency * props.period == pytest.approx(1.0)
    assert y.max() == pytest.approx(c + abs(a), abs=1e-3)
    assert y.min() == pytest.approx(c - abs(a), abs=1e-3)
    # The phase shift moves the plain wave A sin(ωx) + c right by s.
    np.testing.assert_allclose(y, a * np.sin(w * (x - props.phase_shift)) + c, atol=1e-9)


def test_a_constant_is_not_a_wave():
    with pytest.raises(ValueError):
        waves.wave_properties(1.0, 0.0, 0.0, 0.0)


@SETTINGS
@given(amplitudes, rates, phases, offsets)
def test_wave_landmarks_start_on_the_midline_going_up_and_mark_a_crest(a, w, phi, c):
    props = waves.wave_properties(a, w, phi, c)
    window = (-2 * np.pi, 2 * np.pi)
    marks = waves.wave_landmarks(a, props, window)
    x0, x1 = marks.period
    assert x1 - x0 == pytest.approx(props.period)
    assert waves.wave(x0, a, w, phi, c) == pytest.approx(c, abs=1e-9)
    h = 1e-6  # finite differences: sin(ωx + φ) rises through 0 at x0
    assert (waves.wave(x0 + h, 1, w, phi, 0) - waves.wave(x0 - h, 1, w, phi, 0)) > 0
    crest_x, crest_y = marks.crest
    assert waves.wave(crest_x, a, w, phi, c) == pytest.approx(crest_y, abs=1e-9)
    assert crest_y == pytest.approx(c + abs(a))
    assert x0 <= crest_x <= x1
    # If some rising crossing starts a period that fits in the window, a fitting one is shown.
    starts = props.phase_shift + props.period * np.arange(-100, 101)
    fits = (starts >= window[0] - 1e-9) & (starts + props.period <= window[1] + 1e-9)
    if fits.any():
        assert window[0] - 1e-9 <= x0 and x1 <= window[1] + 1e-9


@pytest.mark.parametrize(("w1", "w2"), [(10, 11), (5, 8), (7, 7)])
@pytest.mark.parametrize(("a1", "a2", "phase"), [(1, 1, 0), (1, 0.4, 1.0), (0.7, 1.3, -2)])
def test_envelope_is_the_magnitude_of_the_analytic_signal(w1, w2, a1, a2, phase):
    # Integer frequencies on [0, 2π): the sum is periodic, so scipy's FFT-based Hilbert
    # transform is exact and |analytic signal| is the true envelope.
    x = np.linspace(0, 2 * np.pi, 4096, endpoint=False)
    _, _, total = waves.two_waves(x, (a1, a2), (w1, w2), phase)
    reference = np.abs(scipy.signal.hilbert(total))
    np.testing.assert_allclose(waves.envelope(x, (a1, a2), (w1, w2), phase), reference, atol=1e-9)
    assert np.all(np.abs(total) <= waves.envelope(x, (a1, a2), (w1, w2), phase) + 1e-12)


@SETTINGS
@given(st.floats(0.5, 10), st.floats(0.5, 10))
def test_equal_amplitudes_follow_the_sum_to_product_identity(w1, w2):
    x = np.linspace(0, 20, 500)
    _, _, total = waves.two_waves(x, (1.0, 1.0), (w1, w2), 0.0)
    # sin a + sin b = 2 sin((a + b)/2) cos((a - b)/2)
    np.testing.assert_allclose(total, 2 * np.sin((w1 + w2) * x / 2) * np.cos((w1 - w2) * x / 2))
    np.testing.assert_allclose(
        waves.envelope(x, (1.0, 1.0), (w1, w2), 0.0),
        np.abs(2 * np.cos((w1 - w2) * x / 2)),
        atol=1e-7,
    )


def test_opposite_phases_cancel_and_the_beat_period_is_the_envelopes():
    x = np.linspace(0, 10, 1000)
    _, _, total = waves.two_waves(x, (1.0, 1.0), (3.0, 3.0), np.pi)
    np.testing.assert_allclose(total, 0.0, atol=1e-12)
    assert waves.beat_period((3.0, 3.0)) == np.inf
    period = waves.beat_period((5.0, 6.0))
    assert period == pytest.approx(2 * np.pi)
    env = waves.envelope(x, (1.0, 0.5), (5.0, 6.0), 0.3)
    np.testing.assert_allclose(waves.envelope(x + period, (1.0, 0.5), (5.0, 6.0), 0.3), env)


def test_wave_views():
    view = waves.wave_view(2.0, 0.5, 0.0, 0.0)
    assert view.properties.period == pytest.approx(4 * np.pi)
    # Periods start where the wave rises through its midline: at 0 and ±4π here, so none of
    # them fits in [-2π, 2π]; shifted by φ = π they start at -2π, and one fits exactly.
    assert not view.period_fits
    assert waves.wave_view(2.0, 0.5, np.pi, 0.0).period_fits
    assert not waves.wave_view(1.0, 0.2, 0.0, 0.0).period_fits  # 10π is wider than the window
    np.testing.assert_allclose(view.base, np.sin(view.x))
    two = waves.two_waves_view((1.0, 1.0), (5.0, 6.0), 0.0)
    np.testing.assert_allclose(two.total, two.first + two.second)
    assert two.beat_period == pytest.approx(2 * np.pi)
