"""What theory says about gradient descent on a quadratic bowl, and the rate a path shows.

On f = ½ θᵀAθ with eigenvalues 0 < λmin ≤ λmax of A (condition number κ = λmax / λmin),
gradient descent with a fixed step γ multiplies the error along each eigenvector by 1 − γλ:

- it converges exactly when γ < 2 / λmax;
- the best fixed step is γ* = 2 / (λmin + λmax), with rate (κ − 1) / (κ + 1) per step;
- the heavy ball (momentum) with γ = (2 / (√λmax + √λmin))² and
  β = ((√κ − 1) / (√κ + 1))² has rate (√κ − 1) / (√κ + 1)

(Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017). :func:`measured_rate` reads the
rate off a path, so the page can show the two side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR = 1e-12  # distances below this are round-off, not convergence


@dataclass(frozen=True)
class BowlTheory:
    """The numbers theory gives for a bowl with Hessian A."""

    eigenvalues: tuple[float, float]  # λmin, λmax
    condition: float  # κ
    max_stable_lr: float  # 2 / λmax
    best_lr: float  # 2 / (λmin + λmax)
    best_rate: float  # (κ − 1) / (κ + 1)
    momentum_lr: float  # (2 / (√λmax + √λmin))²
    momentum_beta: float  # ((√κ − 1) / (√κ + 1))²
    momentum_rate: float  # (√κ − 1) / (√κ + 1)


def bowl_theory(hessian: np.ndarray) -> BowlTheory:
    """The theory of a positive-definite 2×2 ``hessian``; ``ValueError`` if it is not one."""
    low, high = (float(v) for v in np.linalg.eigvalsh(np.asarray(hessian, dtype=float)))
    if not low > 0:
        raise ValueError("the bowl's curvatures must both be positive")
    kappa = high / low
    root = math.sqrt(kappa)
    return BowlTheory(
        eigenvalues=(low, high),
        condition=kappa,
        max_stable_lr=2 / high,
        best_lr=2 / (low + high),
        best_rate=(kappa - 1) / (kappa + 1),
        momentum_lr=(2 / (math.sqrt(high) + math.sqrt(low))) ** 2,
        momentum_beta=((root - 1) / (root + 1)) ** 2,
        momentum_rate=(root - 1) / (root + 1),
    )


def measured_rate(positions: np.ndarray, minimum: np.ndarray, skip: int = 0) -> float | None:
    """The error's factor per step along a path: exp of the least-squares slope of
    log |θₖ − θ*| over the steps after ``skip`` where the error is above round-off.

    None when fewer than three such steps remain (the path is already at the minimum).
    """
    error = np.linalg.norm(np.asarray(positions, float) - np.asarray(minimum, float), axis=1)
    steps = np.arange(len(error))
    keep = (steps >= skip) & (error > FLOOR) & np.isfinite(error)
    if keep.sum() < 3:
        return None
    slope = np.polyfit(steps[keep], np.log(error[keep]), 1)[0]
    return float(math.exp(slope))
