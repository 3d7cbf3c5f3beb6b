"""Polynomial regression and over-fitting: train, test and k-fold cross-validation error
against the degree, the bias-variance decomposition by resampling, and ridge regression.

Pure numpy. x lives on [-1, 1]; a degree-d polynomial is fitted in the power basis
1, x, ..., x^d by least squares through the SVD (``numpy.linalg.lstsq``/``pinv``), so that
a polynomial with more coefficients than points gets the minimum-norm one of its many exact
fits instead of an error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

MAX_DEGREE = 15
MAX_N = 200
MAX_REPEATS = 500
GRID = np.linspace(-1.0, 1.0, 161)  # where curves are drawn and the bias and variance averaged


def _sine(x: np.ndarray) -> np.ndarray:
    return np.sin(np.pi * x)


def _cubic(x: np.ndarray) -> np.ndarray:
    return 2.0 * x**3 - x


def _bump(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + 25.0 * x**2)  # Runge's function: high degrees ring at the ends


TRUTHS = {"Sine wave": _sine, "Cubic": _cubic, "Runge's bump": _bump}
TRUTH_TEX = {"Sine wave": r"\sin \pi x", "Cubic": "2x^3 - x", "Runge's bump": r"\frac{1}{1+25x^2}"}


def truth(name: str):
    """The true function f of a name in :data:`TRUTHS` (an unknown name: the first)."""
    return TRUTHS.get(name, next(iter(TRUTHS.values())))


def sample(name: str, n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """n points x ~ U(-1, 1), y = f(x) + N(0, noise²)."""
    x = rng.uniform(-1.0, 1.0, int(n))
    return x, truth(name)(x) + noise * rng.standard_normal(int(n))


def design(x: np.ndarray, degree: int) -> np.ndarray:
    """(..., n, degree + 1) columns 1, x, ..., x^degree (x of any shape (..., n))."""
    return np.asarray(x, dtype=float)[..., None] ** np.arange(int(degree) + 1)


def fit(x: np.ndarray, y: np.ndarray, degree: int, lam: float = 0.0) -> np.ndarray:
    """The coefficients (degree + 1,) of the least-squares (λ = 0) or ridge polynomial.

    Notes
    -----
    Ridge minimises ‖y - Xβ‖² + λ Σ_{j≥1} βⱼ² (the intercept is not shrunk); it is solved as
    the least-squares problem of X stacked on √λ·D, D = diag(0, 1, ..., 1), whose normal
    equations are (XᵀX + λD) β = Xᵀy. With λ = 0 and more coefficients than points, lstsq
    returns the exact fit of least norm.
    """
    matrix = design(x, degree)
    target = np.asarray(y, dtype=float)
    if lam > 0:
        penalty = np.sqrt(lam) * np.eye(matrix.shape[1])[1:]
        matrix = np.vstack([matrix, penalty])
        target = np.concatenate([target, np.zeros(penalty.shape[0])])
    return np.linalg.lstsq(matrix, target, rcond=None)[0]


def predict(coefficients: np.ndarray, x: np.ndarray) -> np.ndarray:
    return design(x, coefficients.size - 1) @ coefficients


def rmse(coefficients: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    return float(np.sqrt(np.mean((predict(coefficients, x) - y) ** 2))) if x.size else 0.0


# --- train, test and cross-validation against the degree --------------------------------------


@dataclass(frozen=True)
class DegreeRun:
    """Polynomials of every degree 0..MAX_DEGREE fitted to one seeded data set.

    Attributes
    ----------
    truth : the true function's name; noise: the noise SD.
    x, y : (n,) all the points; test : (n,) bools, the held-out ones.
    folds : (n_train,) the fold of each training point (0..k-1).
    curves : (MAX_DEGREE + 1, len(GRID)) each degree's fit drawn on :data:`GRID`.
    train, test_error, cv : (MAX_DEGREE + 1,) root-mean-square errors; cv_se : the standard
        error of the cross-validated MSE over the folds, as an RMSE band.
    """

    truth: str
    noise: float
    x: np.ndarray
    y: np.ndarray
    test: np.ndarray
    folds: np.ndarray
    curves: np.ndarray
    train: np.ndarray
    test_error: np.ndarray
    cv: np.ndarray
    cv_low: np.ndarray
    cv_high: np.ndarray
    lam: float

    @property
    def n_train(self) -> int:
        return int((~self.test).sum())

    @property
    def k(self) -> int:
        return int(self.folds.max()) + 1

    @property
    def best_cv(self) -> int:
        """The degree with the lowest cross-validated error."""
        return int(np.argmin(self.cv))

    @property
    def best_test(self) -> int:
        return int(np.argmin(self.test_error))


def split(n: int, test_share: float, k: int, rng: np.random.Generator):
    """Seeded test mask (n,) and folds (n_train,): at least 2 points stay for training and
    each of the k folds gets at least one."""
    n_test = min(int(round(test_share * n)), n - 2)
    test = np.zeros(n, dtype=bool)
    test[rng.permutation(n)[:n_test]] = True
    n_train = n - n_test
    k = max(2, min(int(k), n_train))
    folds = rng.permutation(np.arange(n_train) % k)
    return test, folds


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray, degree: int,
                   lam: float = 0.0) -> tuple[float, float]:  # fmt: skip
    """k-fold cross-validation: (RMSE over all held-out points, the standard error of the
    mean squared error over the k folds)."""
    errors, per_fold = np.empty(x.size), []
    for fold in range(int(folds.max()) + 1):
        held = folds == fold
        coefficients = fit(x[~held], y[~held], degree, lam)
        errors[held] = (predict(coefficients, x[held]) - y[held]) ** 2
        per_fold.append(errors[held].mean())
    per_fold = np.array(per_fold)
    return float(np.sqrt(errors.mean())), float(per_fold.std(ddof=1) / np.sqrt(per_fold.size))


@functools.lru_cache(maxsize=32)
def degree_run(truth_name: str, n: int, noise: float, test_share: float, k: int, seed: int,
               lam: float = 0.0) -> DegreeRun:  # fmt: skip
    """Fit every degree to one seeded sample; score each on the training points, the held-out
    test points and by k-fold cross-validation of the training points."""
    rng = np.random.default_rng(int(seed))
    x, y = sample(truth_name, n, noise, rng)
    test, folds = split(int(n), float(test_share), int(k), rng)
    xt, yt = x[~test], y[~test]
    degrees = range(MAX_DEGREE + 1)
    coefficients = [fit(xt, yt, d, lam) for d in degrees]
    cv = np.array([cross_validate(xt, yt, folds, d, lam) for d in degrees])
    mse = cv[:, 0] ** 2
    return DegreeRun(
        truth=truth_name, noise=float(noise), x=x, y=y, test=test, folds=folds,
        curves=np.array([predict(c, GRID) for c in coefficients]),
        train=np.array([rmse(c, xt, yt) for c in coefficients]),
        test_error=np.array([rmse(c, x[test], y[test]) for c in coefficients]),
        cv=cv[:, 0], cv_low=np.sqrt(np.maximum(mse - cv[:, 1], 0.0)),
        cv_high=np.sqrt(mse + cv[:, 1]), lam=float(lam),
    )  # fmt: skip


# --- bias and variance by resampling -----------------------------------------------------------


@dataclass(frozen=True)
class BiasVariance:
    """Many training sets of size n from one truth, every degree fitted to each.

    Attributes
    ----------
    curves : (MAX_DEGREE + 1, shown, len(GRID)) the first ``shown`` fits of each degree.
    mean_curve : (MAX_DEGREE + 1, len(GRID)) the average fit of each degree.
    bias2, variance : (MAX_DEGREE + 1,) averaged over x ~ U(-1, 1) (the grid).
    noise2 : σ², the error no model removes.
    test_mse : (MAX_DEGREE + 1,) the simulated error on fresh points (one per training set),
        which bias² + variance + σ² predicts.
    """

    truth: str
    n: int
    repeats: int
    curves: np.ndarray
    mean_curve: np.ndarray
    bias2: np.ndarray
    variance: np.ndarray
    noise2: float
    test_mse: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.bias2 + self.variance + self.noise2

    @property
    def best(self) -> int:
        return int(np.argmin(self.total))


@functools.lru_cache(maxsize=16)
def bias_variance(truth_name: str, n: int, noise: float, repeats: int, seed: int,
                  shown: int = 30) -> BiasVariance:  # fmt: skip
    """Estimate bias², variance and the expected test error of every degree by drawing
    ``repeats`` training sets.

    Notes
    -----
    For a fit f̂ trained on a random set, at a point x: E(y - f̂(x))² = (E f̂(x) - f(x))² +
    Var f̂(x) + σ². Averaged over x ~ U(-1, 1) (here: the grid), these are the bias², the
    variance and the noise. Each degree's fits use one batched pseudo-inverse (the
    minimum-norm least-squares solution, as :func:`fit` with λ = 0).
    """
    rng = np.random.default_rng(int(seed))
    f = truth(truth_name)
    x = rng.uniform(-1.0, 1.0, (int(repeats), int(n)))
    y = f(x) + noise * rng.standard_normal(x.shape)
    fresh_x = rng.uniform(-1.0, 1.0, int(repeats))
    fresh_y = f(fresh_x) + noise * rng.standard_normal(int(repeats))
    target = f(GRID)
    curves, means, bias2, variance, test_mse = [], [], [], [], []
    for degree in range(MAX_DEGREE + 1):
        coefficients = np.einsum("rdn,rn->rd", np.linalg.pinv(design(x, degree)), y)
        on_grid = coefficients @ design(GRID, degree).T  # (repeats, grid)
        mean = on_grid.mean(axis=0)
        curves.append(on_grid[:shown])
        means.append(mean)
        bias2.append(float(np.mean((mean - target) ** 2)))
        variance.append(float(np.mean(on_grid.var(axis=0))))
        fresh = np.einsum("rd,rd->r", coefficients, design(fresh_x, degree))
        test_mse.append(float(np.mean((fresh - fresh_y) ** 2)))
    return BiasVariance(truth_name, int(n), int(repeats), np.array(curves), np.array(means),
                        np.array(bias2), np.array(variance), float(noise) ** 2,
                        np.array(test_mse))  # fmt: skip


# --- ridge --------------------------------------------------------------------------------------

LAMBDAS = np.concatenate([[0.0], 10.0 ** np.arange(-6.0, 3.01, 0.25)])  # the animation's λs
LAMBDA_CHOICES = ("0", "0.000001", "0.00001", "0.0001", "0.001", "0.01", "0.1", "1", "10", "100",
                  "1000")  # fmt: skip


def lambda_frame(lam: float) -> int:
    """The frame of :data:`LAMBDAS` nearest to λ (on a log scale; 0 is frame 0)."""
    if lam <= 0:
        return 0
    return 1 + int(np.argmin(np.abs(np.log10(LAMBDAS[1:]) - np.log10(lam))))


@dataclass(frozen=True)
class RidgeRun:
    """A polynomial of one degree fitted with every λ of :data:`LAMBDAS`.

    Attributes
    ----------
    coefficients : (len(LAMBDAS), degree + 1).
    curves : (len(LAMBDAS), len(GRID)).
    train, test_error : (len(LAMBDAS),) RMSEs.
    """

    degree: int
    x: np.ndarray
    y: np.ndarray
    test: np.ndarray
    coefficients: np.ndarray
    curves: np.ndarray
    train: np.ndarray
    test_error: np.ndarray

    @property
    def best(self) -> int:
        return int(np.argmin(self.test_error))


@functools.lru_cache(maxsize=32)
def ridge_run(truth_name: str, n: int, noise: float, degree: int, seed: int,
              test_share: float = 0.3) -> RidgeRun:  # fmt: skip
    """Fit a degree-``degree`` polynomial to one seeded sample with each λ of the grid."""
    rng = np.random.default_rng(int(seed))
    x, y = sample(truth_name, n, noise, rng)
    test, _ = split(int(n), test_share, 2, rng)
    xt, yt = x[~test], y[~test]
    coefficients = np.array([fit(xt, yt, degree, lam) for lam in LAMBDAS])
    return RidgeRun(
        int(degree), x, y, test, coefficients,
        curves=coefficients @ design(GRID, degree).T,
        train=np.array([rmse(c, xt, yt) for c in coefficients]),
        test_error=np.array([rmse(c, x[test], y[test]) for c in coefficients]),
    )  # fmt: skip


@dataclass(frozen=True)
class Ball:
    """Ridge on two correlated, standardised features (no intercept): the picture of the
    constraint ‖β‖ ≤ t.

    Attributes
    ----------
    features : (n, 2); target : (n,) centred.
    ols : (2,) the least-squares β̂.
    path : (len(LAMBDAS), 2) the ridge β(λ), from β̂ (λ = 0) towards 0.
    grid : (m,) the β₁ = β₂ axis values of ``rss``; rss : (m, m) RSS(β) on the grid
        (rows: β₂).
    """

    features: np.ndarray
    target: np.ndarray
    ols: np.ndarray
    path: np.ndarray
    grid: np.ndarray
    rss: np.ndarray

    def rss_at(self, beta: np.ndarray) -> float:
        residual = self.target - self.features @ beta
        return float(residual @ residual)


@functools.lru_cache(maxsize=16)
def ball(seed: int, n: int = 40, rho: float = 0.8, beta: tuple = (1.5, 0.5),
         size: int = 81) -> Ball:  # fmt: skip
    """Seeded data for the constraint picture: two features of correlation ρ (which makes the
    RSS contours long ellipses), y = Xβ + noise.

    Notes
    -----
    β(λ) = (XᵀX + λI)⁻¹Xᵀy minimises RSS(β) + λ‖β‖², and equally RSS(β) subject to
    ‖β‖ ≤ t with t = ‖β(λ)‖: the point where the smallest RSS ellipse touches the disc.
    """
    rng = np.random.default_rng(int(seed))
    z = rng.standard_normal((int(n), 2))
    features = np.column_stack([z[:, 0], rho * z[:, 0] + np.sqrt(1 - rho**2) * z[:, 1]])
    features = (features - features.mean(0)) / features.std(0)
    target = features @ np.asarray(beta) + rng.standard_normal(int(n))
    target = target - target.mean()
    gram, moment = features.T @ features, features.T @ target
    ols = np.linalg.solve(gram, moment)
    path = np.array([np.linalg.solve(gram + lam * np.eye(2), moment) for lam in LAMBDAS])
    reach = 1.25 * float(np.abs(ols).max()) + 0.25
    grid = np.linspace(-reach, reach, int(size))
    b1, b2 = np.meshgrid(grid, grid)
    # RSS(β) = yᵀy - 2βᵀXᵀy + βᵀXᵀXβ, on the whole grid at once
    rss = (target @ target - 2 * (b1 * moment[0] + b2 * moment[1])
           + gram[0, 0] * b1**2 + 2 * gram[0, 1] * b1 * b2 + gram[1, 1] * b2**2)  # fmt: skip
    return Ball(features, target, ols, path, grid, rss)
