"""mathviz.trig.circle against numpy and trigonometric identities.

Expected values come from elsewhere than the code under test: numpy's own sin/cos/tan, the
Pythagorean identity, and brute-force lists of the asymptotes.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathviz.trig import circle, text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


angles = st.floats(0.0, 8 * np.pi, allow_nan=False)


def test_angle_units_convert_a_full_turn_to_two_pi():
    for unit in circle.ANGLE_UNITS.values():
        assert unit.to_radians(unit.per_turn) == pytest.approx(2 * np.pi)
    assert circle.ANGLE_UNITS["degrees"].to_radians(90) == pytest.approx(np.pi / 2)
    low, high, default, _ = circle.ANGLE_UNITS["radians"].slider
    assert low <= default <= high and high == pytest.approx(2 * np.pi, abs=0.01)


@SETTINGS
@given(angles)
def test_circle_point_is_on_the_unit_circle_where_numpy_puts_it(theta):
    p = circle.circle_point(theta)
    assert p.cos**2 + p.sin**2 == pytest.approx(1.0, abs=1e-12)
    # Within 1e-12 of a quarter turn the point is snapped onto it: it moves by at most
    # (π/2)·1e-12 of arc, so each coordinate by at most that (θ = 1.08e-12 has sin 1.08e-12
    # and is drawn at (1, 0)).
    snap = np.pi / 2 * 1e-12
    assert p.cos == pytest.approx(np.cos(theta), abs=snap + 1e-15)
    assert p.sin == pytest.approx(np.sin(theta), abs=snap + 1e-15)
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
    p = circle.circle_point(quarter * np.pi / 2)
    assert (p.cos, p.sin) == (cos, sin)
    assert p.tan_defined == (quarter % 2 == 0)
    assert text.circle_readout(p)["tan θ"] == ("undefined" if quarter % 2 else "0")


@SETTINGS
@given(st.floats(-50, 50, allow_nan=False))
def test_safe_tan_is_numpys_tan_away_from_the_asymptotes(theta):
    assume(abs(np.cos(theta)) > 1e-9)
    assert circle.safe_tan(theta) == pytest.approx(np.tan(theta), rel=1e-12)


def test_safe_tan_is_nan_on_every_asymptote_without_warnings():
    odd = (2 * np.arange(-50, 50) + 1) * np.pi / 2
    assert np.isnan(circle.safe_tan(odd)).all()  # and pytest turns any RuntimeWarning into an error


def test_tan_asymptotes_are_every_odd_multiple_of_half_pi_in_range():
    start, stop = -7.0, 11.0
    brute = [k * np.pi / 2 for k in range(-20, 21) if k % 2 and start <= k * np.pi / 2 <= stop]
    np.testing.assert_allclose(circle.tan_asymptotes(start, stop), brute)


@pytest.mark.parametrize("limit", [3.0, 20.0])
def test_tan_curve_never_joins_across_an_asymptote(limit):
    x = np.linspace(-7, 7, 1001)
    tx, ty = circle.tan_curve(x, limit)
    finite = np.isfinite(ty)
    assert np.all(np.abs(ty[finite]) <= limit)
    np.testing.assert_allclose(ty[finite], np.tan(tx[finite]), rtol=1e-12)
    asymptotes = circle.tan_asymptotes(x[0], x[-1])
    joined = finite[:-1] & finite[1:]  # segments a plot draws
    for a, b in zip(tx[:-1][joined], tx[1:][joined], strict=True):
        assert not np.any((asymptotes > a) & (asymptotes < b)), (a, b)
    assert not np.any(np.isnan(ty[:-1]) & np.isnan(ty[1:])), "one NaN per break is enough"


def test_with_breaks_inserts_nan_in_order():
    x, y = circle.with_breaks(np.arange(5.0), np.arange(5.0) ** 2, np.array([1.5, 3.5, 9.0]))
    np.testing.assert_array_equal(x, [0, 1, 1.5, 2, 3, 3.5, 4])
    assert np.isnan(y[[2, 5]]).all() and y[-1] == 16


@SETTINGS
@given(st.floats(0.0, 2 * np.pi, allow_nan=False))
def test_circle_state_arc_and_trails(theta):
    state = circle.circle_state(theta)
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
    animation = circle.circle_animation()
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
