"""PCA on /eigenvectors-svd: a seeded correlated point cloud, its covariance matrix, and the
principal axes (the covariance's eigenvectors) with the 1σ and 2σ ellipses."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry


def correlated_cloud(
    seed: int, n: int, correlation: float, spread_x: float, spread_y: float
) -> np.ndarray:
    """(n, 2) seeded Gaussian points with the given standard deviations and correlation.

    Notes
    -----
    With z ~ N(0, I), x = L z has covariance L Lᵀ = [[sx², ρ sx sy], [ρ sx sy, sy²]] for
    L = [[sx, 0], [ρ sy, sy √(1-ρ²)]] (the Cholesky factor, valid also at ρ = ±1).
    """
    rng = np.random.default_rng(seed)
    rho = min(1.0, max(-1.0, float(correlation)))
    factor = np.array([[spread_x, 0.0], [rho * spread_y, spread_y * math.sqrt(1 - rho**2)]])
    return rng.standard_normal((max(0, int(n)), 2)) @ factor.T


@dataclass(frozen=True)
class PCA:
    """Principal components of a 2-D point cloud.

    Attributes
    ----------
    mean : (2,) ndarray.
    covariance : (2, 2) ndarray C, the sample covariance (divisor n - 1).
    variances : (2,) ndarray λ₁ ≥ λ₂ ≥ 0, the eigenvalues of C: the variance along each axis.
    axes : (2, 2) ndarray, unit eigenvectors of C as columns: the principal axes.
    explained : (2,) ndarray λᵢ / (λ₁ + λ₂), the share of the variance each axis explains.
    """

    mean: np.ndarray
    covariance: np.ndarray
    variances: np.ndarray
    axes: np.ndarray
    explained: np.ndarray


def principal_components(points: np.ndarray) -> PCA:
    """The principal axes of ``points`` (n, 2): eigenvectors of the covariance matrix.

    Notes
    -----
    C = X_cᵀ X_c / (n - 1) for the centred data X_c. C is symmetric, so its eigenvectors are
    perpendicular; for [[a, b], [b, d]] they lie at angles φ and φ + 90° with
    tan 2φ = 2b / (a - d), and λ = (a + d)/2 ± √(((a - d)/2)² + b²). The variance of the data
    projected on a unit vector w is wᵀCw, largest (λ₁) along the first axis.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    n = len(points)
    mean = points.mean(axis=0) if n else np.zeros(2)
    centred = points - mean
    covariance = centred.T @ centred / (n - 1) if n > 1 else np.zeros((2, 2))
    (a, b), (_, d) = covariance
    middle, radius = (a + d) / 2, math.hypot((a - d) / 2, b)
    variances = np.array([middle + radius, max(0.0, middle - radius)])
    phi = 0.5 * math.atan2(2 * b, a - d)
    axes = np.array([[math.cos(phi), -math.sin(phi)], [math.sin(phi), math.cos(phi)]])
    total = float(variances.sum())
    explained = variances / total if total > 0 else np.array([0.5, 0.5])
    return PCA(mean, covariance, variances, axes, explained)


@dataclass(frozen=True)
class PCAScene:
    """A seeded correlated cloud with its principal axes and 1σ, 2σ ellipses.

    Attributes
    ----------
    points : (n, 2) ndarray.
    pca : the principal components.
    axes_tips : (2, 2) ndarray, row i is mean + 2√λᵢ · axisᵢ: two standard deviations
        along each principal axis.
    ellipses : (2, N, 2) ndarray, the 1σ and 2σ ellipses of the covariance.
    axis_lines : (2, 2, 2) ndarray, for each principal axis the ends of its line through
        the mean, three standard deviations each way.
    """

    points: np.ndarray
    pca: PCA
    axes_tips: np.ndarray
    ellipses: np.ndarray
    axis_lines: np.ndarray


def pca_scene(seed: int, n: int, correlation: float, spread_x: float, spread_y: float) -> PCAScene:
    """Draw the cloud and find its principal axes (see :func:`correlated_cloud`)."""
    points = correlated_cloud(seed, n, correlation, spread_x, spread_y)
    pca = principal_components(points)
    deviations = np.sqrt(pca.variances)
    tips = pca.mean + (2 * deviations)[:, None] * pca.axes.T
    ellipses = np.stack([geometry.ellipse(pca.mean, pca.axes, k * deviations) for k in (1, 2)])
    reach = 3 * np.maximum(deviations, 1e-12)[:, None] * pca.axes.T  # (2 axes, 2 coordinates)
    lines = np.stack([[pca.mean - reach[i], pca.mean + reach[i]] for i in range(2)])
    return PCAScene(points, pca, tips, ellipses, lines)


def view_window(scene: PCAScene, margin: float = 0.06) -> np.ndarray:
    """(2, 2) ndarray [[x_low, x_high], [y_low, y_high]]: the box round the cloud, its 2σ
    ellipse and its arrows, widened by ``margin`` of its size on every side, so that the
    picture fills the plot; never thinner than 10⁻⁶ (a cloud of one point)."""
    drawn = np.vstack([scene.points, scene.ellipses[1], scene.axes_tips, scene.pca.mean[None]])
    low, high = drawn.min(axis=0), drawn.max(axis=0)
    centre, half = (low + high) / 2, np.maximum((high - low) / 2, 1e-6)
    half = half + margin * 2 * half
    return np.column_stack([centre - half, centre + half])
