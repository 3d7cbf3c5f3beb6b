"""mathviz.trig against numpy, scipy and trigonometric identities.

Expected values come from elsewhere than the code under test: numpy's own sin/cos/tan, the
Pythagorean identity, scipy.signal.hilbert (the envelope of a sum of waves), the
product-to-sum identity, finite differences, a loop written from the Transformer paper's
formula, and 2×2 rotation matrices.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathviz import trig

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
angles = st.floats(0.0, 8 * np.pi, allow_nan=False)


# --- angles and numbers -----------------------------------------------------------------------


def test_angle_units_convert_a_full_turn_to_two_pi():
    for unit in trig.ANGLE_UNITS.values():
        assert unit.to_radians(unit.per_turn) == pytest.approx(2 * np.pi)
    assert trig.ANGLE_UNITS["degrees"].to_radians(90) == pytest.approx(np.pi / 2)
    low, high, default, _ = trig.ANGLE_UNITS["radians"].slider
    assert low <= default <= high and high == pytest.approx(2 * np.pi, abs=0.01)


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (0.5, 3, "0.5"),
        (-0.00001, 3, "0"),  # no "-0"
        (1.23456, 2, "1.23"),
        (2.0, 3, "2"),
        (float("nan"), 3, "undefined"),
        (None, 3, "undefined"),
        (float("inf"), 3, "\\infty"),
        (-float("inf"), 3, "-\\infty"),
    ],
)
def test_format_number(value, digits, text):
    assert trig.format_number(value, digits) == text


def test_signed_and_format_angle():
    assert trig.signed(2) == "+ 2"
    assert trig.signed(-0.5) == "- 0.5"
    assert trig.signed(-0.0001) == "+ 0"
    assert trig.format_angle(np.pi / 3) == r"60^\circ = 1.047\ \text{rad} = 0.333\pi"


# --- the unit circle --------------------------------------------------------------------------


@SETTINGS
@given(angles)
def test_circle_point_is_on_the_unit_circle_where_numpy_puts_it(theta):
    p = trig.circle_point(theta)
    assert p.cos**2 + p.sin**2 == pytest.approx(1.0, abs=1e-12)
    assert p.cos == pytest.approx(np.cos(theta), abs=1e-12)
    assert p.sin == pytest.approx(np.sin(theta), abs=1e-12)
    assert p.arc_length == theta  # r = 1: the arc is as long as the angle in radians
    if p.tan_defined:
        # T = (1, tan θ) lies on the line through the origin and P.
        assert p.tan * p.cos == pytest.approx(p.sin, abs=1e-9)
        if abs(np.cos(theta)) > 1e-6:
            assert p.tan == pytest.approx(np.tan(theta), rel=1e-9, abs=1e-12)
    else:
        assert abs(np.cos(theta)) < 1e-9


@pytest.mark.parametrize(
    ("quarter", "cos", "sin"), [(0, 1.0, 0.0), (1, 0.0, 1.0), (2, -1.0, 0.0), (3, 0.0, -1.0)]
)
def test_quarter_turns_are_exact_and_tan_is_undefined_straight_up_and_down(quarter, cos, sin):
    p = trig.circle_point(quarter * np.pi / 2)
    assert (p.cos, p.sin) == (cos, sin)
    assert p.tan_defined == (quarter % 2 == 0)
    assert trig.circle_readout(p)["tan θ"] == ("undefined" if quarter % 2 else "0")


@SETTINGS
@given(st.floats(-50, 50, allow_nan=False))
def test_safe_tan_is_numpys_tan_away_from_the_asymptotes(theta):
    assume(abs(np.cos(theta)) > 1e-9)
    assert trig.safe_tan(theta) == pytest.approx(np.tan(theta), rel=1e-12)


def test_safe_tan_is_nan_on_every_asymptote_without_warnings():
    odd = (2 * np.arange(-50, 50) + 1) * np.pi / 2
    assert np.isnan(trig.safe_tan(odd)).all()  # and pytest turns any RuntimeWarning into an error


def test_tan_asymptotes_are_every_odd_multiple_of_half_pi_in_range():
    start, stop = -7.0, 11.0
    brute = [k * np.pi / 2 for k in range(-20, 21) if k % 2 and start <= k * np.pi / 2 <= stop]
    np.testing.assert_allclose(trig.tan_asymptotes(start, stop), brute)


@pytest.mark.parametrize("limit", [3.0, 20.0])
def test_tan_curve_never_joins_across_an_asymptote(limit):
    x = np.linspace(-7, 7, 1001)
    tx, ty = trig.tan_curve(x, limit)
    finite = np.isfinite(ty)
    assert np.all(np.abs(ty[finite]) <= limit)
    np.testing.assert_allclose(ty[finite], np.tan(tx[finite]), rtol=1e-12)
    asymptotes = trig.tan_asymptotes(x[0], x[-1])
    joined = finite[:-1] & finite[1:]  # segments a plot draws
    for a, b in zip(tx[:-1][joined], tx[1:][joined], strict=True):
        assert not np.any((asymptotes > a) & (asymptotes < b)), (a, b)
    assert not np.any(np.isnan(ty[:-1]) & np.isnan(ty[1:])), "one NaN per break is enough"


def test_with_breaks_inserts_nan_in_order():
    x, y = trig.with_breaks(np.arange(5.0), np.arange(5.0) ** 2, np.array([1.5, 3.5, 9.0]))
    np.testing.assert_array_equal(x, [0, 1, 1.5, 2, 3, 3.5, 4])
    assert np.isnan(y[[2, 5]]).all() and y[-1] == 16


@SETTINGS
@given(st.floats(0.0, 2 * np.pi, allow_nan=False))
def test_circle_state_arc_and_trails(theta):
    state = trig.circle_state(theta)
    np.testing.assert_allclose(np.hypot(*state.arc.T), 1.0)  # the arc lies on the circle
    np.testing.assert_allclose(state.arc[0], [1.0, 0.0])
    np.testing.assert_allclose(state.arc[-1], [np.cos(theta), np.sin(theta)], atol=1e-12)
    t, sin_t, cos_t = state.trail.T
    assert t[0] == 0.0 and t[-1] == theta and np.all(np.diff(t) >= 0)
    assert np.all(np.diff(t) <= np.radians(5) + 1e-12)
    np.testing.assert_allclose(sin_t, np.sin(t))
    np.testing.assert_allclose(cos_t, np.cos(t))
    tan_t, tan_y = state.tan_trail.T
    finite = np.isfinite(tan_y)
    np.testing.assert_allclose(tan_y[finite], np.tan(tan_t[finite]))


def test_circle_animation_sweeps_a_full_turn_through_the_quarter_turns():
    animation = trig.circle_animation()
    angles = np.array([frame.point.theta for frame in animation.frames])
    np.testing.assert_allclose(angles, np.linspace(0, 2 * np.pi, len(angles)))
    for quarter in range(5):
        index = animation.nearest_frame(quarter * np.pi / 2)
        assert angles[index] == pytest.approx(quarter * np.pi / 2)
    for theta in np.random.default_rng(0).uniform(-1, 7, 50):
        assert animation.nearest_frame(theta) == np.argmin(np.abs(angles - theta))
    t, sin_t, cos_t = animation.curve.T
    np.testing.assert_allclose(sin_t**2 + cos_t**2, 1.0)
    np.testing.assert_allclose(animation.asymptotes, [np.pi / 2, 3 * np.pi / 2])


# --- waves ------------------------------------------------------------------------------------

amplitudes = st.floats(-3, 3, allow_nan=False).filter(lambda a: abs(a) > 0.05)
rates = st.floats(0.2, 5, allow_nan=False)
phases = st.floats(-np.pi, np.pi, allow_nan=False)
offsets = st.floats(-2, 2, allow_nan=False)


@SETTINGS
@given(amplitudes, rates, phases, offsets)
def test_wave_properties_read_off_the_graph(a, w, phi, c):
    props = trig.wave_properties(a, w, phi, c)
    x = np.linspace(-20, 20, 4001)
    y = trig.wave(x, a, w, phi, c)
    np.testing.assert_allclose(trig.wave(x + props.period, a, w, phi, c), y, atol=1e-9)
    assert props.frequency * props.period == pytest.approx(1.0)
    assert y.max() == pytest.approx(c + abs(a), abs=1e-3)
    assert y.min() == pytest.approx(c - abs(a), abs=1e-3)
    # The phase shift moves the plain wave A sin(ωx) + c right by s.
    np.testing.assert_allclose(y, a * np.sin(w * (x - props.phase_shift)) + c, atol=1e-9)


def test_a_constant_is_not_a_wave():
    with pytest.raises(ValueError):
        trig.wave_properties(1.0, 0.0, 0.0, 0.0)


@SETTINGS
@given(amplitudes, rates, phases, offsets)
def test_wave_landmarks_start_on_the_midline_going_up_and_mark_a_crest(a, w, phi, c):
    props = trig.wave_properties(a, w, phi, c)
    window = (-2 * np.pi, 2 * np.pi)
    marks = trig.wave_landmarks(a, props, window)
    x0, x1 = marks.period
    assert x1 - x0 == pytest.approx(props.period)
    assert trig.wave(x0, a, w, phi, c) == pytest.approx(c, abs=1e-9)
    h = 1e-6  # finite differences: sin(ωx + φ) rises through 0 at x0
    assert (trig.wave(x0 + h, 1, w, phi, 0) - trig.wave(x0 - h, 1, w, phi, 0)) > 0
    crest_x, crest_y = marks.crest
    assert trig.wave(crest_x, a, w, phi, c) == pytest.approx(crest_y, abs=1e-9)
    assert crest_y == pytest.approx(c + abs(a))
    assert x0 <= crest_x <= x1
    # If some rising crossing starts a period that fits in the window, a fitting one is shown.
    starts = props.phase_shift + props.period * np.arange(-100, 101)
    fits = (starts >= window[0] - 1e-9) & (starts + props.period <= window[1] + 1e-9)
    if fits.any():
        assert window[0] - 1e-9 <= x0 and x1 <= window[1] + 1e-9


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
    assert trig.wave_latex(*args) == latex


@pytest.mark.parametrize(("w1", "w2"), [(10, 11), (5, 8), (7, 7)])
@pytest.mark.parametrize(("a1", "a2", "phase"), [(1, 1, 0), (1, 0.4, 1.0), (0.7, 1.3, -2)])
def test_envelope_is_the_magnitude_of_the_analytic_signal(w1, w2, a1, a2, phase):
    # Integer frequencies on [0, 2π): the sum is periodic, so scipy's FFT-based Hilbert
    # transform is exact and |analytic signal| is the true envelope.
    x = np.linspace(0, 2 * np.pi, 4096, endpoint=False)
    _, _, total = trig.two_waves(x, (a1, a2), (w1, w2), phase)
    reference = np.abs(scipy.signal.hilbert(total))
    np.testing.assert_allclose(trig.envelope(x, (a1, a2), (w1, w2), phase), reference, atol=1e-9)
    assert np.all(np.abs(total) <= trig.envelope(x, (a1, a2), (w1, w2), phase) + 1e-12)


@SETTINGS
@given(st.floats(0.5, 10), st.floats(0.5, 10))
def test_equal_amplitudes_follow_the_sum_to_product_identity(w1, w2):
    x = np.linspace(0, 20, 500)
    _, _, total = trig.two_waves(x, (1.0, 1.0), (w1, w2), 0.0)
    # sin a + sin b = 2 sin((a + b)/2) cos((a - b)/2)
    np.testing.assert_allclose(total, 2 * np.sin((w1 + w2) * x / 2) * np.cos((w1 - w2) * x / 2))
    np.testing.assert_allclose(
        trig.envelope(x, (1.0, 1.0), (w1, w2), 0.0),
        np.abs(2 * np.cos((w1 - w2) * x / 2)),
        atol=1e-7,
    )


def test_opposite_phases_cancel_and_the_beat_period_is_the_envelopes():
    x = np.linspace(0, 10, 1000)
    _, _, total = trig.two_waves(x, (1.0, 1.0), (3.0, 3.0), np.pi)
    np.testing.assert_allclose(total, 0.0, atol=1e-12)
    assert trig.beat_period((3.0, 3.0)) == np.inf
    period = trig.beat_period((5.0, 6.0))
    assert period == pytest.approx(2 * np.pi)
    env = trig.envelope(x, (1.0, 0.5), (5.0, 6.0), 0.3)
    np.testing.assert_allclose(trig.envelope(x + period, (1.0, 0.5), (5.0, 6.0), 0.3), env)


# --- positional encodings ---------------------------------------------------------------------


def _paper_encoding(positions, d_model):
    """Written out from "Attention is all you need", §3.5, one element at a time."""
    pe = np.zeros((len(positions), d_model))
    for row, pos in enumerate(positions):
        for i in range(d_model // 2):
            pe[row, 2 * i] = np.sin(pos / 10000 ** (2 * i / d_model))
            pe[row, 2 * i + 1] = np.cos(pos / 10000 ** (2 * i / d_model))
    return pe


@pytest.mark.parametrize("d_model", [2, 4, 16, 64, 256])
def test_positional_encoding_matches_the_paper(d_model):
    positions = np.arange(37)
    np.testing.assert_allclose(
        trig.positional_encoding(positions, d_model), _paper_encoding(positions, d_model)
    )


@pytest.mark.parametrize("d_model", [0, 3, 17])
def test_positional_encoding_needs_an_even_dimension(d_model):
    with pytest.raises(ValueError):
        trig.positional_encoding(np.arange(3), d_model)


@SETTINGS
@given(
    st.integers(0, 500), st.integers(0, 500), st.integers(-200, 200), st.sampled_from([8, 64, 128])
)
def test_dot_product_of_encodings_depends_only_on_the_offset(p, q, k, d_model):
    pe = trig.positional_encoding(np.array([p, p + k, q, q + k]), d_model)
    assert pe[0] @ pe[1] == pytest.approx(pe[2] @ pe[3], abs=1e-9)
    assert pe[0] @ pe[1] == pytest.approx(trig.encoding_similarity(np.array([k]), d_model)[0])


def test_gram_matrix_is_constant_along_diagonals():
    gram = trig.dot_products(trig.positional_encoding(np.arange(40), 32))
    assert gram.shape == (40, 40)
    for offset in range(-39, 40):
        diagonal = np.diagonal(gram, offset)
        np.testing.assert_allclose(diagonal, diagonal[0], atol=1e-9)
    np.testing.assert_allclose(np.diagonal(gram), 16.0)  # |PE(p)|² = d/2: sin² + cos² per pair


@pytest.mark.parametrize("k", [1, 5, 33])
def test_an_offset_is_a_rotation_of_each_frequency_pair(k):
    """PE(p + k) = R_k PE(p) with R_k block-diagonal rotations by kω_i, whatever p is."""
    d_model = 16
    omegas = 10000 ** (-np.arange(0, d_model, 2) / d_model)
    rotation = np.zeros((d_model, d_model))
    for i, omega in enumerate(omegas):
        c, s = np.cos(k * omega), np.sin(k * omega)
        # (sin, cos) of (p + k)ω from (sin, cos) of pω: the angle-addition formulas.
        rotation[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, s], [-s, c]]
    positions = np.arange(50)
    pe = trig.positional_encoding(positions, d_model)
    shifted = trig.positional_encoding(positions + k, d_model)
    np.testing.assert_allclose(pe @ rotation.T, shifted, atol=1e-9)


def test_encoding_view_measures_what_the_formula_says():
    view = trig.encoding_view(64, 30, 7, n_offsets=40)
    assert view.encoding.shape == (30, 64) and view.gram.shape == (30, 30)
    np.testing.assert_allclose(view.measured, view.similarity, atol=1e-9)
    np.testing.assert_allclose(view.gram[7, 7:30], view.similarity[:23], atol=1e-9)


# --- the lines the page prints -------------------------------------------------------------


def test_circle_latex_and_readout():
    p = trig.circle_point(np.pi / 3)
    assert trig.circle_readout(p) == {
        "cos θ": "0.5",
        "sin θ": "0.866",
        "tan θ": "1.7321",
        "arc = θ": "1.0472",
    }
    assert r"(\cos\theta, \sin\theta) = (0.5, 0.866)" in trig.circle_latex(p)
    assert "undefined" in trig.circle_latex(trig.circle_point(np.pi / 2))


def test_wave_views():
    view = trig.wave_view(2.0, 0.5, 0.0, 0.0)
    assert view.properties.period == pytest.approx(4 * np.pi)
    # Periods start where the wave rises through its midline: at 0 and ±4π here, so none of
    # them fits in [-2π, 2π]; shifted by φ = π they start at -2π, and one fits exactly.
    assert not view.period_fits
    assert trig.wave_view(2.0, 0.5, np.pi, 0.0).period_fits
    assert not trig.wave_view(1.0, 0.2, 0.0, 0.0).period_fits  # 10π is wider than the window
    np.testing.assert_allclose(view.base, np.sin(view.x))
    assert "T = \\frac{2\\pi}{\\omega} = 12.566" in view.latex
    two = trig.two_waves_view((1.0, 1.0), (5.0, 6.0), 0.0)
    np.testing.assert_allclose(two.total, two.first + two.second)
    assert "6.283" in two.latex
