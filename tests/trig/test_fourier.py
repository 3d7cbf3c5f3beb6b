"""mathviz.trig.fourier against the textbook series, scipy.integrate.quad and Gibbs' constant.

The coefficients are computed by an FFT in the code; here they are held against closed forms
(4/(πn) for the square wave, ...) and against numerical integration by scipy.integrate.quad,
and the Gibbs overshoot against the Wilbraham-Gibbs constant Si(π)/π - 1/2 from scipy.special.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, special

from mathviz.trig import fourier

N = 50
n = np.arange(1, N + 1)
odd = n % 2 == 1


def coefficients(name: str, n_max: int = N) -> fourier.FourierCoefficients:
    return fourier.fourier_coefficients(fourier.SHAPES[name], n_max)


def test_square_wave_is_four_over_pi_n_on_odd_harmonics():
    c = coefficients("Square")
    np.testing.assert_allclose(c.b, np.where(odd, 4 / (np.pi * n), 0.0), atol=1e-6)
    np.testing.assert_allclose(c.a, 0.0, atol=1e-9)
    assert c.a0 == pytest.approx(0.0, abs=1e-9)


def test_sawtooth_has_every_harmonic_with_alternating_sign():
    c = coefficients("Sawtooth")
    np.testing.assert_allclose(c.b, 2 * (-1.0) ** (n + 1) / (np.pi * n), atol=1e-6)
    np.testing.assert_allclose(c.a, 0.0, atol=1e-9)


def test_triangle_falls_like_one_over_n_squared():
    c = coefficients("Triangle")
    np.testing.assert_allclose(c.a, np.where(odd, 8 / (np.pi**2 * n**2), 0.0), atol=1e-7)
    np.testing.assert_allclose(c.b, 0.0, atol=1e-9)


def test_pulse_train_and_half_wave_rectifier_closed_forms():
    pulse = coefficients("Pulse train (25% duty)")
    assert pulse.a0 / 2 == pytest.approx(0.25, abs=1e-9)  # the mean is the duty cycle
    np.testing.assert_allclose(pulse.a, 2 * np.sin(n * np.pi / 4) / (np.pi * n), atol=1e-6)
    half = coefficients("Half-wave rectified sine")
    assert half.a0 / 2 == pytest.approx(1 / np.pi, abs=1e-9)
    even = n[n % 2 == 0].astype(float)
    expected_a = np.zeros(N)
    expected_a[even.astype(int) - 1] = -2 / (np.pi * (even**2 - 1))
    np.testing.assert_allclose(half.a, expected_a, atol=1e-7)
    np.testing.assert_allclose(half.b, np.where(n == 1, 0.5, 0.0), atol=1e-7)


@pytest.mark.parametrize("name", list(fourier.SHAPES))
def test_every_shape_against_scipy_quad(name):
    shape = fourier.SHAPES[name]
    c = coefficients(name, 12)
    breaks = sorted({*shape.jumps, -1.6, -1.3, -1.0, -0.25, -0.12, 0.0, 0.12, 0.3, 1.0, 1.4, 1.8})

    def integral(weight):
        value, _ = integrate.quad(lambda t: shape(t) * weight(t), -np.pi, np.pi, points=breaks,
                                  limit=200)  # fmt: skip
        return value / np.pi

    assert c.a0 == pytest.approx(integral(np.ones_like), abs=1e-5)
    for k in range(1, 13):
        assert c.a[k - 1] == pytest.approx(integral(lambda t, k=k: np.cos(k * t)), abs=1e-5)
        assert c.b[k - 1] == pytest.approx(integral(lambda t, k=k: np.sin(k * t)), abs=1e-5)


def test_a_trigonometric_polynomial_is_recovered_exactly():
    def signal(t):
        return 0.3 + 2 * np.cos(3 * t) - 0.5 * np.sin(7 * t) + 0.1 * np.cos(20 * t)

    c = fourier.fourier_coefficients(signal, 25)
    assert c.a0 == pytest.approx(0.6)
    expected_a, expected_b = np.zeros(25), np.zeros(25)
    expected_a[[2, 19]] = [2.0, 0.1]
    expected_b[6] = -0.5
    np.testing.assert_allclose(c.a, expected_a, atol=1e-12)
    np.testing.assert_allclose(c.b, expected_b, atol=1e-12)
    t = np.linspace(-5, 5, 333)
    np.testing.assert_allclose(fourier.partial_sum(c, 25, t), signal(t), atol=1e-12)


def test_too_many_harmonics_for_the_sampling_is_refused():
    with pytest.raises(ValueError):
        fourier.fourier_coefficients(np.sin, fourier.N_SAMPLES // 2)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(list(fourier.SHAPES)), st.integers(0, N))
def test_partial_sum_is_the_sum_written_out(name, n_terms):
    c = coefficients(name)
    t = np.linspace(-4, 4, 57)
    direct = np.full_like(t, c.a0 / 2)
    for k in range(1, n_terms + 1):
        direct += c.a[k - 1] * np.cos(k * t) + c.b[k - 1] * np.sin(k * t)
    np.testing.assert_allclose(fourier.partial_sum(c, n_terms, t), direct, atol=1e-12)


@pytest.mark.parametrize("name", ["Triangle", "Heartbeat", "Half-wave rectified sine"])
def test_continuous_shapes_converge_everywhere(name):
    shape, c = fourier.SHAPES[name], coefficients(name, 400)
    t = np.linspace(-np.pi, np.pi, 4001)
    errors = [
        np.max(np.abs(fourier.partial_sum(c, terms, t) - shape(t))) for terms in (10, 50, 400)
    ]
    assert errors[0] > errors[1] > errors[2] and errors[2] < 0.02  # uniform convergence
    assert fourier.gibbs_overshoot(shape, c, N) is None  # no jump, no Gibbs


def test_sums_converge_to_the_midpoint_at_a_jump_and_to_the_shape_away_from_it():
    c = coefficients("Square", 400)
    assert fourier.partial_sum(c, 400, np.array([0.0, np.pi]))[0] == pytest.approx(0.0, abs=1e-9)
    away = np.array([-2.0, -1.0, 1.0, 2.0])
    np.testing.assert_allclose(fourier.partial_sum(c, 400, away), np.sign(away), atol=0.01)


def _analytic_square(n_max: int) -> fourier.FourierCoefficients:
    k = np.arange(1, n_max + 1)
    return fourier.FourierCoefficients(0.0, np.zeros(n_max), np.where(k % 2, 4 / (np.pi * k), 0))


@pytest.mark.parametrize("n_terms", [1, 9, 49])
def test_gibbs_peak_of_the_square_wave_is_where_calculus_puts_it(n_terms):
    # S_N(t) = (4/π) Σ_{k≤m} sin((2k-1)t)/(2k-1) has S_N'(t) = (2/π) sin(2mt)/sin t: its
    # first maximum after the jump at 0 is at t = π/(2m), m the number of odd harmonics.
    m = (n_terms + 1) // 2
    t_star = np.pi / (2 * m)
    k = np.arange(1, m + 1)
    expected = 4 / np.pi * np.sum(np.sin((2 * k - 1) * t_star) / (2 * k - 1))
    peak = fourier.gibbs_overshoot(fourier.SHAPES["Square"], coefficients("Square"), n_terms)
    assert abs(peak.t) % np.pi == pytest.approx(t_star, abs=1e-4) or (
        np.pi - abs(peak.t) % np.pi == pytest.approx(t_star, abs=1e-4)
    )
    # (FFT coefficients are off by ~1e-7 each: a sum of 25 of them by ~1e-6.)
    assert peak.value == pytest.approx(expected, abs=1e-5)
    assert peak.height == pytest.approx(expected - 1, abs=1e-5)


def test_gibbs_overshoot_tends_to_the_wilbraham_gibbs_constant():
    gibbs = special.sici(np.pi)[0] / np.pi - 0.5  # 0.0894898...
    shape = fourier.SHAPES["Square"]
    c = _analytic_square(801)  # exact coefficients: the limit, not the FFT, is under test
    peak = fourier.gibbs_overshoot(shape, c, 801)
    assert peak.jump == pytest.approx(2.0)
    assert peak.fraction == pytest.approx(gibbs, abs=1e-5)
    # However many harmonics, the overshoot stays; its width shrinks like 1/N.
    peaks = [fourier.gibbs_overshoot(shape, c, terms) for terms in (11, 51, 201)]
    assert all(p.fraction > gibbs for p in peaks)
    distance = [min(abs(p.t) % np.pi, np.pi - abs(p.t) % np.pi) for p in peaks]
    assert distance[0] / distance[2] == pytest.approx(202 / 12, rel=0.01)


@pytest.mark.parametrize("name", ["Sawtooth", "Pulse train (25% duty)", "Staircase"])
def test_the_overshoot_peak_is_on_the_partial_sum_above_the_shape(name):
    shape, c = fourier.SHAPES[name], coefficients(name)
    peak = fourier.gibbs_overshoot(shape, c, N)
    assert peak.value == pytest.approx(fourier.partial_sum(c, N, np.array([peak.t]))[0])
    t = np.linspace(-np.pi, np.pi, 20001)
    assert peak.value >= fourier.partial_sum(c, N, t).max() - 1e-7  # the global maximum
    assert 0.05 < peak.fraction < 0.15


def test_jump_sizes_and_positions():
    np.testing.assert_allclose(fourier.jump_sizes(fourier.SHAPES["Square"]), [2.0, 2.0])
    np.testing.assert_allclose(fourier.jump_sizes(fourier.SHAPES["Staircase"]), [2.0, 1.0, 1.0])
    assert (
        fourier.gibbs_overshoot(fourier.SHAPES["Staircase"], coefficients("Staircase"), 9).jump == 2
    )
    found = fourier.jump_positions(fourier.SHAPES["Square"], -2 * np.pi, 2 * np.pi)
    np.testing.assert_allclose(found, np.pi * np.arange(-2, 3))
    assert fourier.jump_positions(fourier.SHAPES["Triangle"], -10, 10).size == 0


@pytest.mark.parametrize("name", list(fourier.SHAPES))
def test_drawn_target_never_joins_across_a_jump(name):
    shape = fourier.SHAPES[name]
    t = np.linspace(-2 * np.pi, 2 * np.pi, 1601)
    x, y = fourier.drawable(shape, t)
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], shape(x[finite]))
    jumps = fourier.jump_positions(shape, t[0], t[-1])
    joined = finite[:-1] & finite[1:]
    for a, b in zip(x[:-1][joined], x[1:][joined], strict=True):
        assert not np.any((jumps >= a) & (jumps <= b)), (a, b)


@pytest.mark.parametrize("name", ["Square", "Half-wave rectified sine", "Heartbeat"])
def test_the_epicycles_tip_draws_the_partial_sum(name):
    c = coefficients(name)
    t = np.linspace(0, 2 * np.pi, 61)
    for terms in (1, 7, N):
        joints = fourier.epicycles(c, terms, t)
        assert joints.shape == (61, terms + 1, 2)
        np.testing.assert_allclose(joints[:, 0], np.tile([0.0, c.a0 / 2], (61, 1)))
        np.testing.assert_allclose(joints[:, -1, 1], fourier.partial_sum(c, terms, t), atol=1e-12)
        arms = np.linalg.norm(np.diff(joints, axis=1), axis=-1)
        np.testing.assert_allclose(arms, np.tile(c.amplitudes[:terms], (61, 1)), atol=1e-12)
        # Arm n turns n times per period: its angle at t is nt + φ_n.
        angles = np.arctan2(*np.diff(joints, axis=1)[..., ::-1].transpose(2, 0, 1))
        expected = np.outer(t, np.arange(1, terms + 1)) + c.phases[:terms]
        big = c.amplitudes[:terms] > 1e-9
        np.testing.assert_allclose(np.cos(angles - expected)[:, big], 1.0, atol=1e-9)


def test_views_bundle_what_the_page_shows():
    c = coefficients("Square")
    view = fourier.fourier_view(fourier.SHAPES["Square"], c, 9)
    np.testing.assert_allclose(view.approximation, fourier.partial_sum(c, 9, view.t))
    assert view.overshoot is not None and view.n_terms == 9
    epi = fourier.epicycle_view(c, 9)
    np.testing.assert_allclose(np.hypot(*epi.outline.T), 1.0)
    np.testing.assert_allclose(epi.curve[1], fourier.partial_sum(c, 9, epi.curve[0]))
    np.testing.assert_allclose(epi.radii, c.amplitudes[:9])
