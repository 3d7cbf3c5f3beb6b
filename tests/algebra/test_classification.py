"""mathviz.algebra.classification against scipy.special (expit, softmax, log_expit) and the
identity σ(z) = (1 + tanh(z/2))/2.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy import special

from mathviz.algebra import classification, functions, text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.floats(-700, 700, allow_nan=False))
def test_sigmoid_is_half_of_one_plus_tanh(z):
    assert functions.sigmoid(z) == pytest.approx((1 + np.tanh(z / 2)) / 2, abs=1e-15)
    assert functions.sigmoid(-z) == pytest.approx(1 - functions.sigmoid(z), abs=1e-15)


def test_sigmoid_and_log_loss_never_overflow():
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])  # RuntimeWarnings would fail the test
    np.testing.assert_array_equal(functions.sigmoid(z), [0.0, 0.0, 0.5, 1.0, 1.0])
    np.testing.assert_allclose(
        classification.log_loss_from_logit(z, 1), [1e4, 800, np.log(2), 0, 0]
    )


logits = st.lists(st.floats(-30, 30, allow_nan=False), min_size=2, max_size=6)


@SETTINGS
@given(logits, st.floats(0.1, 5))
def test_softmax_matches_scipy_and_ignores_shifts(z, temperature):
    p = classification.softmax(z, temperature)
    np.testing.assert_allclose(p, special.softmax(np.array(z) / temperature), rtol=1e-12)
    assert p.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(
        classification.softmax(np.array(z) + 17.0, temperature), p, atol=1e-12
    )


@SETTINGS
@given(logits, st.floats(0.1, 5))
def test_two_classes_out_of_many_are_a_sigmoid_of_the_difference(z, temperature):
    view = classification.softmax_view(z, temperature)
    assert view.pair_probability == pytest.approx(
        special.expit((z[0] - z[1]) / temperature), abs=1e-12
    )
    assert view.difference == pytest.approx((z[0] - z[1]) / temperature)


def test_temperature_sharpens_and_flattens():
    z = [2.0, 1.0, -1.0]
    assert classification.softmax(z, 0.1)[0] > 0.99
    assert np.ptp(classification.softmax(z, 100.0)) < 0.02
    with pytest.raises(ValueError):
        classification.softmax(z, 0.0)


@SETTINGS
@given(st.floats(-30, 30, allow_nan=False), st.sampled_from([0, 1]))
def test_log_loss_from_the_logit_is_minus_log_sigmoid(z, label):
    from_logit = classification.log_loss_from_logit(z, label)
    expected = -special.log_expit(z if label == 1 else -z)
    assert from_logit == pytest.approx(expected, rel=1e-12, abs=1e-300)
    # Through p = σ(z) the same loss, where p keeps enough digits (which is why models
    # hand the loss their logits).
    assume(1e-6 < special.expit(z) < 1 - 1e-6)
    assert classification.log_loss(special.expit(z), label) == pytest.approx(from_logit, rel=1e-6)


def test_log_loss_curve_runs_off_at_the_confidently_wrong_end():
    for label, wrong in ((1, 0.0), (0, 1.0)):
        curve = classification.log_loss_curve(label)
        assert curve.vertical_asymptotes == (wrong,)
        p, loss = functions.sample_curve(curve.function, curve.domain, (0.0, 1.0))
        assert np.all((p > 0) & (p < 1))
        assert loss[np.argmin(np.abs(p - wrong))] > 15  # the loss climbs the asymptote
        np.testing.assert_allclose(loss, -np.log(p if label else 1 - p))


def test_log_loss_view():
    view = classification.log_loss_view(1.0, 1)
    assert view.probability == pytest.approx(special.expit(1.0))
    assert view.loss == pytest.approx(-np.log(special.expit(1.0)))
    assert view.asymptote == 0.0 and r"\log(1 + e^{-z})" in text.log_loss_value_latex(view)
