"""Theory on the quadratic bowl against the paths themselves; convergence and divergence."""

import math
import warnings

import numpy as np
import pytest

from mathviz.optim import optimizers, surfaces, theory
from mathviz.optim.optimizers import OPTIMIZERS, run

L1, L2, ANGLE = 1.0, 10.0, 30.0
BOWL = surfaces.bowl(L1, L2, ANGLE)
T = theory.bowl_theory(surfaces.bowl_matrix(L1, L2, ANGLE))


def test_bowl_theory_numbers_from_the_eigenvalues():
    assert T.eigenvalues == pytest.approx((1.0, 10.0))
    assert T.condition == pytest.approx(10.0)
    assert T.max_stable_lr == pytest.approx(0.2)
    assert T.best_lr == pytest.approx(2 / 11)
    assert T.best_rate == pytest.approx(9 / 11)
    root = math.sqrt(10)
    assert T.momentum_rate == pytest.approx((root - 1) / (root + 1))
    assert T.momentum_beta == pytest.approx(T.momentum_rate**2)
    with pytest.raises(ValueError):
        theory.bowl_theory(np.diag([1.0, -1.0]))


@pytest.mark.parametrize(("factor", "converges"), [(0.98, True), (1.02, False)])
def test_gradient_descent_converges_just_below_two_over_lambda_max_and_not_above(factor, converges):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a blow-up must not warn
        p = run(BOWL, OPTIMIZERS["Gradient descent"], BOWL.start, 2000,
                lr=factor * T.max_stable_lr)  # fmt: skip
    if converges:
        assert p.diverged_at is None and np.linalg.norm(p.positions[-1]) < 1e-8
    else:
        assert p.diverged_at is not None and p.diverged_at < 2000
        assert np.all(np.isfinite(p.positions)) and np.all(np.isfinite(p.losses))
        assert np.linalg.norm(p.positions[-1]) > np.linalg.norm(p.positions[0])


def test_measured_rate_of_the_best_fixed_step_is_kappa_minus_one_over_kappa_plus_one():
    p = run(BOWL, OPTIMIZERS["Gradient descent"], BOWL.start, 150, lr=T.best_lr)
    assert theory.measured_rate(p.positions, np.zeros(2)) == pytest.approx(T.best_rate, rel=1e-6)
    slower = run(BOWL, OPTIMIZERS["Gradient descent"], BOWL.start, 150, lr=0.5 * T.best_lr)
    assert theory.measured_rate(slower.positions, np.zeros(2)) > T.best_rate


def test_tuned_momentum_beats_gradient_descent_at_the_predicted_rate():
    p = run(BOWL, OPTIMIZERS["Momentum"], BOWL.start, 60,
            lr=T.momentum_lr, momentum=T.momentum_beta)  # fmt: skip
    rate = theory.measured_rate(p.positions, np.zeros(2), skip=10)
    # The critically damped heavy ball's error is (a + b·k)·ρᵏ: the fitted factor sits ~1/k
    # (about 4 % here) above ρ, well below plain descent's best.
    assert T.momentum_rate <= rate < T.momentum_rate * 1.06 < T.best_rate


def test_measured_rate_needs_three_points_above_round_off():
    assert theory.measured_rate(np.zeros((5, 2)), np.zeros(2)) is None


@pytest.mark.parametrize(
    ("name", "hyper", "steps"),
    [
        ("Adam", {"lr": 0.02}, 6000),
        ("Momentum", {"lr": 1e-3, "momentum": 0.9}, 6000),
        ("Newton", {}, 30),
    ],
)
def test_rosenbrock_is_solved_with_suitable_settings(name, hyper, steps):
    p = optimizers.path("Rosenbrock", name, (-1.5, 2.0), steps, **hyper)
    assert np.linalg.norm(p[-1] - np.array([1.0, 1.0])) < 1e-3


def test_every_optimiser_finds_the_bowls_minimum():
    hyper = {"Gradient descent": {"lr": 0.1}, "Momentum": {"lr": 0.05}, "Nesterov": {"lr": 0.05},
             "AdaGrad": {"lr": 1.0}, "RMSProp": {"lr": 0.01}, "Adam": {"lr": 0.05},
             "AdamW": {"lr": 0.05, "weight_decay": 0.0}, "Newton": {}}  # fmt: skip
    for name, given in hyper.items():
        p = run(BOWL, OPTIMIZERS[name], BOWL.start, 3000, **given)
        assert np.linalg.norm(p.positions[-1]) < 0.05, name
        assert p.losses.shape == (3001,) and p.grad_norms.shape == (3001,)


def test_a_blow_up_stops_the_path_with_nothing_infinite_in_it():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = run(surfaces.SURFACES["Rosenbrock"], OPTIMIZERS["Gradient descent"], (-1.5, 2.0),
                100, lr=0.5)  # fmt: skip
    assert p.diverged_at is not None and p.diverged_at <= 10
    assert len(p.positions) == p.diverged_at and np.all(np.isfinite(p.positions))
    assert all(len(v) == p.steps for v in p.records.values())
