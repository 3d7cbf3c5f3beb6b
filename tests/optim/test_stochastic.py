"""Stochastic gradients: the loss, its gradient and minimiser against numpy and finite
differences; mini-batches that cover an epoch; the gradient noise against an exact enumeration
and the finite-population formula; SGD paths that converge, reproduce and blow up quietly."""

import itertools
import math
import warnings

import numpy as np
import pytest

from mathviz.optim import stochastic, theory
from mathviz.optim.stochastic import Data

DATA = stochastic.regression_data(n=60, seed=3)


def _direct_loss(w, b, data):
    return 0.5 * np.mean((w * data.x + b - data.y) ** 2)


def test_data_is_seeded_and_around_the_true_line():
    again = stochastic.regression_data(n=60, seed=3)
    other = stochastic.regression_data(n=60, seed=4)
    assert np.array_equal(DATA.x, again.x) and np.array_equal(DATA.y, again.y)
    assert not np.array_equal(DATA.x, other.x)
    assert DATA.x.min() >= -2 and DATA.x.max() <= 2
    exact = stochastic.regression_data(n=50, seed=1, true_w=0.5, true_b=3.0, noise=0.0)
    np.testing.assert_allclose(exact.y, 0.5 * exact.x + 3.0)
    assert (exact.true_w, exact.true_b) == (0.5, 3.0)


UNFIT = [([1.0], [2.0]), ([1.0, 1.0], [0.0, 2.0]), ([0.0, np.nan], [1.0, 2.0]), ([0.0, 1.0], [1.0])]


@pytest.mark.parametrize(("x", "y"), UNFIT)
def test_data_that_cannot_fit_a_line_is_refused(x, y):
    with pytest.raises(ValueError):
        Data(np.array(x), np.array(y))


def test_least_squares_matches_numpy_lstsq():
    for seed in range(5):
        data = stochastic.regression_data(n=30 + seed, seed=seed, noise=0.7)
        design = np.column_stack([data.x, np.ones(data.n)])
        reference = np.linalg.lstsq(design, data.y, rcond=None)[0]
        np.testing.assert_allclose(stochastic.least_squares(data), reference, rtol=1e-12)


def test_loss_is_the_mean_squared_error_on_any_broadcast_shape():
    w = np.linspace(-3, 4, 7)[:, None]
    b = np.linspace(-2, 1, 5)[None, :]
    grid = stochastic.loss(w, b, DATA)
    assert grid.shape == (7, 5)
    expected = [[_direct_loss(wi, bj, DATA) for bj in b.ravel()] for wi in w.ravel()]
    np.testing.assert_allclose(grid, expected, rtol=1e-12)
    w_star, b_star = stochastic.least_squares(DATA)
    assert stochastic.loss(w_star, b_star, DATA) == pytest.approx(
        _direct_loss(w_star, b_star, DATA), rel=1e-14
    )


def test_gradient_matches_finite_differences_on_a_batch():
    x, y = DATA.x[:7], DATA.y[:7]
    batch = Data(x, y)
    h = 1e-6
    for w, b in [(0.3, -0.8), (-2.0, 2.5), (5.0, 0.0)]:
        numeric = [
            (_direct_loss(w + h, b, batch) - _direct_loss(w - h, b, batch)) / (2 * h),
            (_direct_loss(w, b + h, batch) - _direct_loss(w, b - h, batch)) / (2 * h),
        ]
        np.testing.assert_allclose(stochastic.gradient(w, b, x, y), numeric, rtol=1e-7)


def test_the_gradient_vanishes_at_the_least_squares_answer_and_the_hessian_is_constant():
    w, b = stochastic.least_squares(DATA)
    assert np.abs(stochastic.gradient(w, b, DATA.x, DATA.y)).max() < 1e-12
    h = 1e-4
    g = stochastic.gradient
    numeric = np.column_stack([
        (g(0.7 + h, 0.2, DATA.x, DATA.y) - g(0.7 - h, 0.2, DATA.x, DATA.y)) / (2 * h),
        (g(0.7, 0.2 + h, DATA.x, DATA.y) - g(0.7, 0.2 - h, DATA.x, DATA.y)) / (2 * h),
    ])  # fmt: skip
    np.testing.assert_allclose(stochastic.hessian(DATA), numeric, rtol=1e-8)


def test_per_example_gradients_average_to_the_full_gradient():
    examples = stochastic.example_gradients((0.4, -0.3), DATA)
    assert examples.shape == (DATA.n, 2)
    full = stochastic.gradient(0.4, -0.3, DATA.x, DATA.y)
    np.testing.assert_allclose(examples.mean(axis=0), full, rtol=1e-12)


@pytest.mark.parametrize("batch_size", [1, 7, 12, 60])
def test_an_epoch_of_minibatches_uses_every_point_once(batch_size):
    per_epoch = stochastic.batches_per_epoch(DATA.n, batch_size)
    assert per_epoch == math.ceil(DATA.n / batch_size)
    batches = stochastic.minibatches(DATA.n, batch_size, 3 * per_epoch, seed=5)
    for epoch in range(3):
        chosen = batches[epoch * per_epoch : (epoch + 1) * per_epoch]
        assert sorted(np.concatenate(chosen).tolist()) == list(range(DATA.n))
        assert all(len(batch) == batch_size for batch in chosen[:-1])
        assert 1 <= len(chosen[-1]) <= batch_size  # the remainder is kept, smaller
        assert all(np.all(np.diff(batch) > 0) for batch in chosen)


def test_with_equal_batches_an_epochs_mean_gradient_is_the_full_gradient():
    batch_size = 12  # divides 60
    point = (1.1, 0.4)
    batches = stochastic.minibatches(DATA.n, batch_size, DATA.n // batch_size, seed=2)
    mean = np.mean([stochastic.gradient(*point, DATA.x[i], DATA.y[i]) for i in batches], axis=0)
    np.testing.assert_allclose(mean, stochastic.gradient(*point, DATA.x, DATA.y), rtol=1e-12)


def test_the_full_batch_is_full_batch_gradient_descent_exactly():
    for momentum in (0.0, 0.8):
        run = stochastic.sgd_paths(DATA, DATA.n, 0.3, 200, seed=9, momentum=momentum)
        assert np.array_equal(run.minibatch.positions, run.full_batch.positions)
        assert np.array_equal(run.minibatch.losses, run.full_batch.losses)


def test_full_batch_steps_are_gradient_descent_written_out():
    run = stochastic.sgd_paths(DATA, 10, 0.2, 3, start=(0.5, 0.5))
    theta = np.array([0.5, 0.5])
    for k in range(1, 4):
        theta = theta - 0.2 * stochastic.gradient(*theta, DATA.x, DATA.y)
        np.testing.assert_allclose(run.full_batch.positions[k], theta, rtol=1e-14)
    batches = stochastic.minibatches(DATA.n, 10, 3)
    theta = np.array([0.5, 0.5])
    for k, batch in enumerate(batches, start=1):
        g = stochastic.gradient(*theta, DATA.x[batch], DATA.y[batch])
        np.testing.assert_allclose(run.minibatch.records["gradient"][k - 1], g, rtol=1e-14)
        theta = theta - 0.2 * g
        np.testing.assert_allclose(run.minibatch.positions[k], theta, rtol=1e-14)


def test_the_run_records_shapes_and_full_data_losses():
    run = stochastic.sgd_paths(DATA, 8, 0.1, 50, seed=1)
    for path in (run.minibatch, run.full_batch):
        assert path.positions.shape == (51, 2) and path.losses.shape == (51,)
        assert path.diverged_at is None
        np.testing.assert_allclose(
            path.losses, stochastic.loss(path.positions[:, 0], path.positions[:, 1], DATA)
        )
        full = [np.hypot(*stochastic.gradient(*p, DATA.x, DATA.y)) for p in path.positions]
        np.testing.assert_allclose(path.grad_norms, full, rtol=1e-12)
    assert run.epoch_steps == 8 and run.epochs(16) == 2
    np.testing.assert_allclose(run.minimum, stochastic.least_squares(DATA))


def test_seeds_reproduce_and_differ():
    one = stochastic.sgd_paths(DATA, 5, 0.1, 100, seed=1)
    again = stochastic.sgd_paths(DATA, 5, 0.1, 100, seed=1)
    other = stochastic.sgd_paths(DATA, 5, 0.1, 100, seed=2)
    assert np.array_equal(one.minibatch.positions, again.minibatch.positions)
    assert not np.allclose(one.minibatch.positions, other.minibatch.positions)
    assert np.array_equal(one.full_batch.positions, other.full_batch.positions)


def test_sgd_with_a_small_step_ends_near_least_squares():
    data = stochastic.regression_data(n=200, seed=0)
    answer = stochastic.least_squares(data)
    run = stochastic.sgd_paths(data, 10, 0.02, 4000, seed=0, start=(-2.0, 2.0))
    assert np.linalg.norm(run.minibatch.positions[-1] - answer) < 0.1
    assert np.linalg.norm(run.full_batch.positions[-1] - answer) < 1e-8
    assert run.minibatch.losses[-1] < run.lowest + 0.01
    # Averaged over the last epochs the jitter mostly cancels.
    average = run.minibatch.positions[-1000:].mean(axis=0)
    assert np.linalg.norm(average - answer) < 0.05


def test_full_batch_gd_converges_below_theorys_limit_and_diverges_above():
    limit = theory.bowl_theory(stochastic.hessian(DATA)).max_stable_lr
    assert stochastic.sgd_paths(DATA, 10, 0.95 * limit, 800).full_batch.diverged_at is None
    assert stochastic.sgd_paths(DATA, 10, 1.1 * limit, 800).full_batch.diverged_at is not None


def test_a_huge_step_reports_divergence_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = stochastic.sgd_paths(DATA, 4, 1e3, 500, seed=0, momentum=0.5)
    for path in (run.minibatch, run.full_batch):
        assert path.diverged_at is not None
        assert len(path.positions) == path.diverged_at  # the start and the steps before it
        assert np.all(np.isfinite(path.positions)) and np.all(np.isfinite(path.losses))
        assert np.abs(path.positions).max() <= 1e8


@pytest.mark.parametrize(
    "call",
    [
        lambda: stochastic.sgd_paths(DATA, 0, 0.1, 10),
        lambda: stochastic.sgd_paths(DATA, DATA.n + 1, 0.1, 10),
        lambda: stochastic.sgd_paths(DATA, 5, -0.1, 10),
        lambda: stochastic.sgd_paths(DATA, 5, math.inf, 10),
        lambda: stochastic.sgd_paths(DATA, 5, 0.1, -1),
        lambda: stochastic.sgd_paths(DATA, 5, 0.1, 10, momentum=1.0),
        lambda: stochastic.gradient_noise(DATA, (0, 0), 5, epochs=0),
        lambda: stochastic.regression_data(n=1),
    ],
)
def test_bad_settings_are_refused(call):
    with pytest.raises(ValueError):
        call()


def test_zero_steps_is_the_start():
    run = stochastic.sgd_paths(DATA, 5, 0.1, 0, start=(1.0, 2.0))
    assert run.minibatch.positions.tolist() == [[1.0, 2.0]] and run.minibatch.records == {}


def test_the_variance_formula_is_exact_over_every_batch():
    """All C(8, 3) batches of three: their gradients' covariance is theory's, to round-off."""
    data = stochastic.regression_data(n=8, seed=11)
    point = (0.2, 0.9)
    examples = stochastic.example_gradients(point, data)
    full = examples.mean(axis=0)
    means = np.array([examples[list(c)].mean(axis=0) for c in itertools.combinations(range(8), 3)])
    exact = (means - full).T @ (means - full) / len(means)
    noise = stochastic.gradient_noise(data, point, 3, epochs=1)
    np.testing.assert_allclose(noise.covariance, exact, rtol=1e-12)
    np.testing.assert_allclose(noise.example_covariance, np.cov(examples.T, bias=True))


@pytest.mark.parametrize("batch_size", [1, 4, 15, 30, 59])
def test_the_sampled_gradient_variance_matches_the_formula(batch_size):
    noise = stochastic.gradient_noise(DATA, (-1.0, 1.5), batch_size, epochs=3000, seed=4)
    assert noise.samples == 3000 * (DATA.n // batch_size)
    np.testing.assert_allclose(noise.full_gradient, stochastic.gradient(-1.0, 1.5, DATA.x, DATA.y))
    assert noise.empirical_variance == pytest.approx(noise.variance, rel=0.08)
    factor = (DATA.n - batch_size) / (batch_size * (DATA.n - 1))
    assert stochastic.variance_factor(DATA.n, batch_size) == pytest.approx(factor)
    assert noise.variance == pytest.approx(np.trace(noise.example_covariance) * factor)
    assert noise.reduction == pytest.approx(1 / factor)


def test_one_point_per_batch_has_the_example_variance_and_the_full_batch_none():
    single = stochastic.gradient_noise(DATA, (0.0, 0.0), 1, epochs=3)
    np.testing.assert_allclose(single.empirical_covariance, single.example_covariance)
    assert single.reduction == 1
    whole = stochastic.gradient_noise(DATA, (0.0, 0.0), DATA.n, epochs=5)
    assert whole.variance == 0 and whole.reduction == math.inf
    assert whole.empirical_variance < 1e-25


def test_a_level_curve_is_where_the_loss_has_that_value():
    lowest = stochastic.loss(*stochastic.least_squares(DATA), DATA)
    ellipse = stochastic.level_curve(DATA, lowest + 2.5, points=40)
    assert ellipse.shape == (40, 2) and np.array_equal(ellipse[0], ellipse[-1])
    np.testing.assert_allclose(stochastic.loss(ellipse[:, 0], ellipse[:, 1], DATA), lowest + 2.5)
    assert stochastic.level_curve(DATA, lowest - 1).shape == (0, 2)
