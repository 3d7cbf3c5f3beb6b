"""How fast gradient descent and the heavy ball shrink the error on a quadratic bowl, for any
step and any momentum: the curves and the phase diagram beside the paths.

On f = ½ θᵀAθ the error along an eigenvector of A (eigenvalue λ) evolves on its own:

- plain gradient descent multiplies it by 1 − γλ each step, so the bowl's rate (the factor of
  the slowest direction) is max_λ |1 − γλ|;
- the heavy ball, PyTorch's ``SGD(momentum=β)`` (b ← βb + g, θ ← θ − γb), is on a quadratic
  Polyak's θₖ₊₁ = θₖ − γ∇f(θₖ) + β(θₖ − θₖ₋₁): the pair (θₖ, θₖ₋₁) is multiplied by a 2×2
  matrix whose eigenvalues are the roots of z² − (1 + β − γλ) z + β = 0, and the rate is the
  larger root's modulus (the spectral radius).

Where those roots are complex the error spirals in with |z| = √β ("ripples"); where they are
real the larger one is positive ("monotone") or negative ("zig-zags": the sign flips every
step); a rate of 1 or more diverges (Goh, "Why Momentum Really Works", Distill 2017).
:mod:`mathviz.optim.theory` has the best settings; this module has every other one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# The phase diagram's regions, by the behaviour of the slowest direction; codes index this.
REGIONS: tuple[str, ...] = ("monotone", "zig-zags", "ripples", "diverges")
MONOTONE, ZIGZAGS, RIPPLES, DIVERGES = range(len(REGIONS))
TOLERANCE = 1e-6  # "converged": the error down to this factor of where it started


def _curvatures(eigenvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """The bowl's eigenvalues as a float array, in increasing order."""
    return np.sort(np.asarray(eigenvalues, dtype=float).ravel())


def gd_rate(lr: float | np.ndarray, eigenvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """The factor by which one step of gradient descent shrinks the error, for each ``lr``.

    Parameters
    ----------
    lr : step sizes γ, any shape.
    eigenvalues : the eigenvalues λᵢ of A, ``(k,)``.

    Returns
    -------
    An array of the shape of ``lr``: max_i |1 − γλᵢ|.

    Notes
    -----
    θₖ₊₁ = θₖ − γAθₖ = (I − γA)θₖ, so the error along the i-th eigenvector is multiplied by
    1 − γλᵢ; the slowest direction sets the rate. It is below 1 exactly when γ < 2 / λmax.
    """
    lr = np.asarray(lr, dtype=float)
    return np.max(np.abs(1.0 - lr[..., None] * _curvatures(eigenvalues)), axis=-1)


def _roots(lr, beta, lam) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sum of the roots a = 1 + β − γλ, discriminant a² − 4β, β) broadcast together."""
    lr, beta, lam = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (lr, beta, lam)))
    a = 1.0 + beta - lr * lam
    return a, a * a - 4.0 * beta, beta


def momentum_rate(
    lr: float | np.ndarray, beta: float | np.ndarray, lam: float | np.ndarray
) -> np.ndarray:
    """The heavy ball's factor per step along one eigenvector (eigenvalue ``lam``).

    Parameters
    ----------
    lr, beta, lam : step γ, momentum β and curvature λ, arrays that broadcast together
        (a grid: ``lr[None, :]`` and ``beta[:, None]``).

    Returns
    -------
    The spectral radius of the iteration matrix, of the broadcast shape.

    Notes
    -----
    The matrix [[1 + β − γλ, −β], [1, 0]] acting on (θₖ, θₖ₋₁) has characteristic polynomial
    z² − a z + β with a = 1 + β − γλ. With D = a² − 4β, its roots are (a ± √D) / 2: for
    D < 0 they are complex conjugates with |z|² = β (their product), so the rate is √β; for
    D ≥ 0 they are real and the rate is (|a| + √D) / 2. With β = 0 this is |1 − γλ|.
    """
    a, disc, beta = _roots(lr, beta, lam)
    real = 0.5 * (np.abs(a) + np.sqrt(np.maximum(disc, 0.0)))
    return np.where(disc < 0, np.sqrt(np.maximum(beta, 0.0)), real)


def momentum_rate_bowl(
    lr: float | np.ndarray, beta: float | np.ndarray, eigenvalues: Sequence[float] | np.ndarray
) -> np.ndarray:
    """The heavy ball's rate on the bowl: the larger of its eigen-directions' rates.

    ``lr`` and ``beta`` broadcast together; ``eigenvalues`` is ``(k,)``. On a 2×2 bowl the
    error is a sum of the two directions' errors, so the slower one sets the rate.
    """
    return np.max([momentum_rate(lr, beta, lam) for lam in _curvatures(eigenvalues)], axis=0)


def momentum_region(
    lr: float | np.ndarray, beta: float | np.ndarray, lam: float | np.ndarray
) -> np.ndarray:
    """How the error along one eigenvector behaves: codes into :data:`REGIONS` (int8).

    Notes
    -----
    Complex roots (D < 0): ripples, the error turns round at |z| = √β. Real roots: the
    larger in modulus, (a ± √D) / 2 with the sign of a, is positive (monotone) when a ≥ 0
    and negative (zig-zags) when a < 0. A rate of 1 or more: diverges.
    """
    a, disc, _ = _roots(lr, beta, lam)
    code = np.where(disc < 0, RIPPLES, np.where(a >= 0, MONOTONE, ZIGZAGS))
    return np.where(momentum_rate(lr, beta, lam) >= 1.0, DIVERGES, code).astype(np.int8)


def _grid(lr_grid: np.ndarray, beta_grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(1, n) steps and (m, 1) momenta: a grid with β down the rows and γ across."""
    lr = np.asarray(lr_grid, dtype=float).ravel()[None, :]
    beta = np.asarray(beta_grid, dtype=float).ravel()[:, None]
    return lr, beta


def momentum_phase(
    eigenvalues: Sequence[float] | np.ndarray, lr_grid: np.ndarray, beta_grid: np.ndarray
) -> np.ndarray:
    """The heavy ball's rate on the bowl over a grid of settings (Distill's phase diagram).

    Parameters
    ----------
    eigenvalues : the bowl's eigenvalues, ``(k,)``.
    lr_grid : the steps γ, ``(n,)`` (log-spaced for the picture).
    beta_grid : the momenta β, ``(m,)``; the row β = 0 is plain gradient descent.

    Returns
    -------
    ``(m, n)``: the rate at (β of the row, γ of the column).
    """
    lr, beta = _grid(lr_grid, beta_grid)
    return momentum_rate_bowl(lr, beta, eigenvalues)


def momentum_regions(
    eigenvalues: Sequence[float] | np.ndarray, lr_grid: np.ndarray, beta_grid: np.ndarray
) -> np.ndarray:
    """The behaviour of the bowl's slowest direction over the grid of :func:`momentum_phase`:
    ``(m, n)`` int8 codes into :data:`REGIONS`.

    Notes
    -----
    The error is a sum of the directions' errors, so after a few steps it behaves as the
    direction with the largest rate does (a tie goes to the smaller curvature). Where the
    bowl's rate is 1 or more it diverges, whichever direction that is.
    """
    lr, beta = _grid(lr_grid, beta_grid)
    curvatures = _curvatures(eigenvalues)
    rates = np.array([momentum_rate(lr, beta, lam) for lam in curvatures])
    codes = np.array([momentum_region(lr, beta, lam) for lam in curvatures])
    slowest = np.take_along_axis(codes, np.argmax(rates, axis=0)[None], axis=0)[0]
    return np.where(rates.max(axis=0) >= 1.0, DIVERGES, slowest).astype(np.int8)


def momentum_max_stable_lr(
    beta: float | np.ndarray, eigenvalues: Sequence[float] | np.ndarray
) -> np.ndarray:
    """The step beyond which the heavy ball diverges on the bowl, for momenta 0 ≤ β < 1.

    Notes
    -----
    Both roots of z² − az + β lie inside the unit circle exactly when |β| < 1 and
    |a| < 1 + β (the Jury test), that is 0 < γλ < 2(1 + β): the largest curvature leaves
    first, at γ = 2(1 + β) / λmax. Momentum allows steps up to twice plain descent's.
    """
    return 2.0 * (1.0 + np.asarray(beta, dtype=float)) / _curvatures(eigenvalues)[-1]


def ripple_band(
    beta: float | np.ndarray, eigenvalues: Sequence[float] | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The steps (low, high) at which every direction ripples, so that the rate is √β.

    Notes
    -----
    The roots for curvature λ are complex when (1 − √β)² < γλ < (1 + √β)², so all of them
    are when (1 − √β)² / λmin < γ < (1 + √β)² / λmax. The band is empty (low ≥ high) below
    β* = ((√κ − 1) / (√κ + 1))² and closes at β* on the single step
    γ* = (2 / (√λmax + √λmin))²: the heavy ball's best setting, rate √β* (Polyak).
    """
    root = np.sqrt(np.asarray(beta, dtype=float))
    curvatures = _curvatures(eigenvalues)
    return (1.0 - root) ** 2 / curvatures[0], (1.0 + root) ** 2 / curvatures[-1]


def steps_to_tolerance(rate: float, tolerance: float = TOLERANCE) -> int | None:
    """The number of steps at ``rate`` that shrink the error to ``tolerance`` of its start:
    the least k with rateᵏ ≤ tolerance, that is ⌈log(tolerance) / log(rate)⌉.

    None (never) for a rate of 1 or more, or one that is not finite; 1 for a rate of 0 (the
    first step lands on the minimum). ``ValueError`` for a negative rate or a tolerance
    outside (0, 1).
    """
    rate = float(rate)
    if not 0.0 < tolerance < 1.0:
        raise ValueError("the tolerance is a factor between 0 and 1")
    if rate < 0:
        raise ValueError("a rate is a modulus: it is never negative")
    if not rate < 1.0:  # NaN too
        return None
    if rate == 0.0:
        return 1
    steps = math.log(tolerance) / math.log(rate)
    # 0.1 to 10⁻⁶ is 6 steps, though the ratio of the logs may come out as 6.000000000000001
    return max(1, math.ceil(steps - 1e-9))
