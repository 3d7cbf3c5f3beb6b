"""mathviz.stats.overfitting against numpy.polyfit, the ridge closed form, leave-one-out's
hat-matrix formula, the analytic bias and variance of a constant fit, and the ridge
optimality (KKT) condition."""

import numpy as np
import pytest

from mathviz.stats import overfitting as of


def _data(n=20, seed=0, noise=0.3, truth="Sine wave"):
    return of.sample(truth, n, noise, np.random.default_rng(seed))


@pytest.mark.parametrize("degree", [0, 1, 3, 7])
def test_least_squares_polynomials_match_polyfit(degree):
    x, y = _data()
    np.testing.assert_allclose(of.fit(x, y, degree), np.polyfit(x, y, degree)[::-1], rtol=1e-7,
                               atol=1e-9)  # fmt: skip


def test_more_coefficients_than_points_give_the_least_norm_exact_fit():
    x, y = _data(n=5)
    coefficients = of.fit(x, y, 15)
    np.testing.assert_allclose(of.predict(coefficients, x), y, atol=1e-8)
    np.testing.assert_allclose(coefficients, np.linalg.pinv(of.design(x, 15)) @ y, atol=1e-8)


@pytest.mark.parametrize("lam", [1e-6, 0.01, 1.0, 100.0])
def test_ridge_matches_its_closed_form(lam):
    x, y = _data(n=25, seed=3)
    X = of.design(x, 9)
    D = np.diag([0.0] + [1.0] * 9)
    closed = np.linalg.solve(X.T @ X + lam * D, X.T @ y)
    np.testing.assert_allclose(of.fit(x, y, 9, lam), closed, rtol=1e-6, atol=1e-8)


def test_ridge_shrinks_the_coefficients_as_lambda_grows():
    run = of.ridge_run("Sine wave", 30, 0.3, 12, 0)
    norms = np.linalg.norm(run.coefficients[1:, 1:], axis=1)
    assert np.all(np.diff(norms) <= 1e-9 * norms[:-1])
    assert norms[-1] < 0.05 * norms[0]
    assert of.lambda_frame(0.0) == 0 and of.LAMBDAS[of.lambda_frame(0.01)] == pytest.approx(0.01)


def test_leave_one_out_matches_the_hat_matrix_formula():
    x, y = _data(n=15, seed=2)
    folds = np.arange(15)  # k = n: leave-one-out
    rmse, _ = of.cross_validate(x, y, folds, 3)
    X = of.design(x, 3)
    hat = X @ np.linalg.solve(X.T @ X, X.T)
    loo = (y - hat @ y) / (1 - np.diag(hat))  # PRESS residuals
    assert rmse == pytest.approx(np.sqrt(np.mean(loo**2)), rel=1e-9)


def test_splits_keep_training_points_and_fill_every_fold():
    rng = np.random.default_rng(0)
    for n, share, k in [(5, 0.5, 10), (30, 0.3, 5), (200, 0.1, 10)]:
        test, folds = of.split(n, share, k, rng)
        assert (~test).sum() >= 2 and folds.size == (~test).sum()
        assert set(np.bincount(folds)) != {0} and np.bincount(folds).min() >= 1


def test_training_error_falls_with_the_degree_and_test_error_turns_up():
    run = of.degree_run("Sine wave", 40, 0.3, 0.3, 5, 0)
    usable = run.train[: run.n_train - 1]
    assert np.all(np.diff(usable) <= 1e-9)  # nested models: more terms never fit worse
    assert run.test_error[run.best_test] < run.test_error[0]
    assert run.test_error[-1] > run.test_error[run.best_test]
    assert 3 <= run.best_cv <= 9  # a sine on [-1, 1] needs about a cubic to a quintic
    assert np.all(np.isfinite(run.curves)) and np.all(run.cv_low <= run.cv + 1e-12)


def test_a_constant_fit_has_the_analytic_bias_and_variance():
    # degree 0 fits ȳ: E = E f(X) = 0 for sin πx on U(-1, 1); Var ȳ = (Var f(X) + σ²)/n
    result = of.bias_variance("Sine wave", 10, 0.5, 500, 1)
    grid_bias = np.mean(np.sin(np.pi * of.GRID) ** 2)  # ≈ 1/2
    assert result.bias2[0] == pytest.approx(grid_bias, abs=0.02)
    assert result.variance[0] == pytest.approx((0.5 + 0.25) / 10, rel=0.15)
    assert result.noise2 == 0.25


def test_the_decomposition_predicts_the_simulated_test_error():
    result = of.bias_variance("Cubic", 40, 0.3, 500, 2)
    for degree in (0, 1, 3, 5):
        assert result.test_mse[degree] == pytest.approx(result.total[degree], rel=0.2)
    assert result.bias2[3] < 1e-3  # the true function is a cubic: no bias from degree 3 on
    assert result.best in (3, 4, 5)


def test_the_ridge_path_meets_its_optimality_condition():
    picture = of.ball(3)
    np.testing.assert_allclose(picture.path[0], picture.ols, rtol=1e-12)
    X, y = picture.features, picture.target
    for lam, beta in zip(of.LAMBDAS, picture.path, strict=True):
        np.testing.assert_allclose(X.T @ (y - X @ beta), lam * beta, atol=1e-8)  # -∇RSS/2 = λβ
    radii = np.linalg.norm(picture.path, axis=1)
    assert np.all(np.diff(radii) <= 1e-12)
    b1, b2 = np.meshgrid(picture.grid, picture.grid)
    k = (17, 40)
    assert picture.rss[k] == pytest.approx(picture.rss_at(np.array([b1[k], b2[k]])), rel=1e-9)
