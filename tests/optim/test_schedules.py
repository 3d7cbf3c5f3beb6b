"""Learning-rate schedules against their closed forms (PyTorch's own schedulers are checked
beside them in test_against_torch.py), and the settings they refuse."""

import math

import numpy as np
import pytest

from mathviz.optim import schedules


def test_constant_is_the_rate_every_step():
    np.testing.assert_array_equal(schedules.rates(schedules.CONSTANT, 0.3, 5), [0.3] * 5)


def test_step_exponential_and_cosine_closed_forms():
    lr, t = 0.2, np.arange(30)
    step = schedules.rates(schedules.Schedule("step", gamma=0.1, step_size=10), lr, 30)
    np.testing.assert_allclose(step, lr * 0.1 ** (t // 10))
    expo = schedules.rates(schedules.Schedule("exponential", gamma=0.9), lr, 30)
    np.testing.assert_allclose(expo, [lr * 0.9**k for k in range(30)])
    cos = schedules.rates(schedules.Schedule("cosine", t_max=20, eta_min=0.02), lr, 30)
    expected = [0.02 + (lr - 0.02) * (1 + math.cos(math.pi * min(k, 20) / 20)) / 2 for k in t]
    np.testing.assert_allclose(cos, expected)
    assert cos[20] == pytest.approx(0.02) and cos[-1] == pytest.approx(0.02)  # held at the floor


def test_warmup_ramps_linearly_then_starts_the_schedule_from_its_beginning():
    schedule = schedules.Schedule("exponential", gamma=0.5, warmup=4, start_factor=0.2)
    rates = schedules.rates(schedule, 1.0, 8)
    np.testing.assert_allclose(rates[:4], [0.2, 0.4, 0.6, 0.8])
    np.testing.assert_allclose(rates[4:], [1.0, 0.5, 0.25, 0.125])
    assert len(schedules.rates(schedule, 1.0, 2)) == 2  # a run shorter than its warm-up


@pytest.mark.parametrize(
    "bad", [{"kind": "linear"}, {"step_size": 0}, {"t_max": 0}, {"warmup": -1}]
)
def test_a_schedule_that_makes_no_sense_is_refused(bad):
    with pytest.raises(ValueError):
        schedules.Schedule(**bad)
