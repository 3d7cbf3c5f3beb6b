"""Optimisers: first steps against their published update rules worked by hand, whole paths
against torch.optim, convergence and divergence where theory says."""

import math

import numpy as np
import pytest

from mathviz.optim import surfaces
from mathviz.optim.optimizers import OPTIMIZERS, run

BOWL = surfaces.bowl(1.0, 10.0, 30.0)
A = surfaces.bowl_matrix(1.0, 10.0, 30.0)
START = np.array([-2.5, 1.5])
G0 = A @ START  # the bowl's gradient at the start


def first(name, steps=1, surface=BOWL, start=START, **hyper):
    return run(surface, OPTIMIZERS[name], tuple(start), steps, **hyper)


def test_gradient_descent_steps_down_the_gradient():
    p = first("Gradient descent", lr=0.05)
    assert np.allclose(p.positions[1], START - 0.05 * G0, rtol=0, atol=1e-15)


def test_momentum_buffer_starts_at_the_gradient_then_sums_with_dampening():
    p = first("Momentum", steps=2, lr=0.05, momentum=0.9, dampening=0.2)
    theta1 = START - 0.05 * G0
    g1 = A @ theta1
    b2 = 0.9 * G0 + 0.8 * g1
    assert np.allclose(p.positions[2], theta1 - 0.05 * b2, rtol=0, atol=1e-15)
    assert np.allclose(p.records["momentum_buffer"][1], b2)


def test_nesterov_adds_mu_times_the_new_buffer():
    p = first("Nesterov", steps=2, lr=0.05, momentum=0.9)
    theta1 = START - 0.05 * (G0 + 0.9 * G0)  # b₁ = g₀
    b2 = 0.9 * G0 + A @ theta1
    assert np.allclose(p.positions[2], theta1 - 0.05 * (A @ theta1 + 0.9 * b2), atol=1e-15)


def test_weight_decay_adds_lambda_theta_to_the_gradient():
    p = first("Gradient descent", lr=0.05, weight_decay=0.1)
    assert np.allclose(p.positions[1], START - 0.05 * (G0 + 0.1 * START), atol=1e-15)


def test_adagrad_divides_by_the_root_of_the_summed_squares_plus_eps():
    p = first("AdaGrad", steps=2, lr=0.5, initial_accumulator_value=0.25, lr_decay=0.1)
    s1 = 0.25 + G0**2
    theta1 = START - 0.5 * G0 / (np.sqrt(s1) + 1e-10)
    g1 = A @ theta1
    theta2 = theta1 - 0.5 / 1.1 * g1 / (np.sqrt(s1 + g1**2) + 1e-10)
    assert np.allclose(p.positions[2], theta2, atol=1e-15)


def test_rmsprop_first_step_and_centred_variant():
    p = first("RMSProp", lr=0.01, alpha=0.9)
    assert np.allclose(p.positions[1], START - 0.01 * G0 / (np.sqrt(0.1) * np.abs(G0) + 1e-8))
    c = first("RMSProp", lr=0.01, alpha=0.9, centered=True)
    variance = 0.1 * G0**2 - (0.1 * G0) ** 2
    assert np.allclose(c.positions[1], START - 0.01 * G0 / (np.sqrt(variance) + 1e-8))


def test_adam_first_step_is_lr_times_the_sign_and_bias_correction_is_applied():
    p = first("Adam", steps=2, lr=0.1)
    assert np.allclose(p.positions[1], START - 0.1 * np.sign(G0), atol=1e-8)
    theta1 = p.positions[1]
    g1 = A @ theta1
    m = 0.9 * 0.1 * G0 + 0.1 * g1
    v = 0.999 * 0.001 * G0**2 + 0.001 * g1**2
    m_hat, v_hat = m / (1 - 0.9**2), v / (1 - 0.999**2)
    assert np.allclose(p.positions[2], theta1 - 0.1 * m_hat / (np.sqrt(v_hat) + 1e-8))
    assert np.allclose(p.records["m_hat"][1], m_hat) and np.allclose(p.records["v_hat"][1], v_hat)


def test_adamw_decays_theta_itself_before_the_adam_step():
    p = first("AdamW", lr=0.1, weight_decay=0.5)
    assert np.allclose(p.positions[1], START * (1 - 0.1 * 0.5) - 0.1 * np.sign(G0), atol=1e-8)
    adam = first("Adam", lr=0.1, weight_decay=0.5)  # coupled: the decay goes into g, then ÷|g|
    assert not np.allclose(adam.positions[1], p.positions[1])


def test_newton_reaches_a_bowls_minimum_in_one_step_and_stops_on_a_singular_hessian():
    p = first("Newton")
    assert np.allclose(p.positions[1], 0.0, atol=1e-14)
    saddle = surfaces.SURFACES["Saddle"]
    flat = run(saddle, OPTIMIZERS["Newton"], (0.5, 1 / math.sqrt(3)), 5)  # f_yy = 3y² − 1 = 0
    assert flat.diverged_at == 1 and flat.steps == 0


def test_hyper_parameters_take_pytorch_names_only_and_fixed_ones_stay():
    with pytest.raises(ValueError, match="takes no"):
        OPTIMIZERS["Adam"].hyper(momentum=0.9)
    assert OPTIMIZERS["Nesterov"].hyper(lr=0.1)["nesterov"] is True
    assert OPTIMIZERS["Nesterov"].hyper(nesterov=True)["momentum"] == 0.9  # the same: allowed
    with pytest.raises(ValueError, match="momentum = 0.0"):
        OPTIMIZERS["Gradient descent"].hyper(momentum=0.9)  # that is the Momentum entry
    with pytest.raises(ValueError):
        OPTIMIZERS["Gradient descent"].hyper(betas=(0.9, 0.99))
