"""mathviz.algebra.explog against numpy's log2 and log10 and the definitions."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mathviz.algebra import explog, text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.sampled_from(list(explog.EXP_BASES)), st.floats(-3, 3, allow_nan=False))
def test_log_undoes_exp_and_the_pair_mirrors_in_y_equals_x(name, x):
    base = explog.EXP_BASES[name]
    exp_f, log_f = explog.exponential(base), explog.logarithm(base)
    y = exp_f.function(np.array([x]))[0]
    assert log_f.function(np.array([y]))[0] == pytest.approx(x, abs=1e-12)
    (px, py), (qx, qy) = explog.mirror_pair(base, x)
    assert (px, py) == (qx, qy)[::-1]
    assert py == pytest.approx(base**x)


def test_logarithms_match_numpys():
    x = np.geomspace(1e-6, 1e6, 50)
    np.testing.assert_allclose(explog.logarithm(2.0).function(x), np.log2(x))
    np.testing.assert_allclose(explog.logarithm(10.0).function(x), np.log10(x))
    np.testing.assert_allclose(explog.logarithm(0.5).function(x), -np.log2(x))


@SETTINGS
@given(st.floats(1, 10), st.floats(1, 10))
def test_log_turns_products_into_sums(x1, x2):
    view = explog.product_view(x1, x2)
    assert view.logs.sum() == pytest.approx(np.log10(x1 * x2))
    assert view.product == pytest.approx(x1 * x2)
    assert 0 <= view.logs.sum() <= view.tick_positions[-1]  # it lands on the scale


def test_log_ticks():
    values, positions = explog.log_ticks(2)
    assert values[0] == 1 and values[-1] == 100 and len(values) == 19
    np.testing.assert_allclose(10**positions, values)


def test_exp_log_view():
    view = explog.exp_log_view("2", 1.0)
    assert view.pair == ((1.0, 2.0), (2.0, 1.0)) and view.pair_visible
    assert text.exp_log_latex(view) == r"2^{1} = 2 \iff \log_{2} 2 = 1"
    assert not explog.exp_log_view("10", 2.0).pair_visible  # 10² = 100: off a chart to 6
    x, y = view.log_curve
    assert np.nanmin(x) > 0
