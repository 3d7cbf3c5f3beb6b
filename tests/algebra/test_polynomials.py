"""mathviz.algebra.polynomials against numpy's roots, poly and polyval."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathviz.algebra import polynomials

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


coefficient = st.floats(-5, 5, allow_nan=False).map(lambda v: round(v * 2) / 2)


@SETTINGS
@given(st.lists(coefficient, min_size=5, max_size=5))
def test_roots_agree_with_numpy_and_rebuild_the_polynomial(c):
    trimmed = polynomials.trim(c)
    assume(trimmed.size >= 2)
    roots = polynomials.polynomial_roots(c)
    assert roots.size == trimmed.size - 1
    reference = np.roots(trimmed)  # numpy's own routine

    def tidy(r):  # the same multiset, in an order rounding cannot shuffle
        return sorted(r, key=lambda z: (round(z.real, 4), round(z.imag, 4)))

    np.testing.assert_allclose(
        tidy(roots), tidy(reference), atol=1e-5 * (1 + np.abs(reference).max())
    )
    # c₀ ∏ (x - r) has the original coefficients.
    np.testing.assert_allclose(trimmed[0] * np.poly(roots).real, trimmed, atol=1e-6)
    assert np.all(np.diff(roots.real) >= -1e-12)  # sorted by real part


def test_known_roots_real_and_complex():
    roots = polynomials.polynomial_roots([0, 1, -2, 1, -2])  # (x - 2)(x² + 1)
    np.testing.assert_allclose(roots, [-1j, 1j, 2], atol=1e-12)
    np.testing.assert_array_equal(polynomials.is_real(roots), [False, False, True])
    triple = polynomials.polynomial_roots([0, 1, -3, 3, -1])  # (x - 1)³: solver error ~ 6e-6
    assert polynomials.is_real(triple).all()
    assert polynomials.polynomial_roots([0, 0, 0, 0, 3]).size == 0
    assert polynomials.polynomial_roots([0, 0, 0, 0, 0]).size == 0


def test_polynomial_values_is_horner():
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(
        polynomials.polynomial_values([2, 0, -1, 5], x), np.polyval([2, 0, -1, 5], x)
    )


@SETTINGS
@given(st.lists(coefficient, min_size=5, max_size=5))
def test_the_view_shows_every_real_root(c):
    assume(polynomials.trim(c).size >= 2)
    view = polynomials.polynomial_view(c)
    real_roots = view.roots.real[view.real]
    assert np.all((view.x[0] <= real_roots) & (real_roots <= view.x[-1]))
    np.testing.assert_allclose(view.y, np.polyval(polynomials.trim(c), view.x))
    low, high = view.y_range
    assert low < 0 < high and low == -high


def test_zero_polynomial_view():
    view = polynomials.polynomial_view([0, 0, 0, 0, 0])
    assert view.is_zero and view.coefficients.size == 0 and view.roots.size == 0
    np.testing.assert_array_equal(view.y, 0.0)
