"""A joint Gaussian in the plane: its covariance, ellipses, marginals, a conditional slice,
and sampling as x = μ + Lz with L the Cholesky factor of Σ.

Pure numpy. The eigen-structure of Σ comes from :func:`mathviz.core.matrix2.eigen_analysis`
and the ellipses from :func:`mathviz.core.geometry.ellipse`. A correlation at ±1 makes Σ
singular (no density); it is clamped to ±:data:`RHO_LIMIT`, and spreads to at least
:data:`SIGMA_LOW`, so that everything returned is finite.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry
from mathviz.core.matrix2 import eigen_analysis

RHO_LIMIT = 0.99  # |ρ| beyond this is clamped: Σ stays positive definite
NEARLY_DEGENERATE = 0.95  # |ρ| from here on earns a sentence: the cloud is nearly a line
SIGMA_LOW, SIGMA_HIGH = 0.1, 5.0
MEAN_LIMIT = 5.0
MAX_SAMPLES = 3000
SIGMA_LEVELS = (1, 2)  # the ellipses drawn: k = 1 and 2 standard deviations


def _finite(value: float, fallback: float) -> float:
    value = float(value)
    return value if math.isfinite(value) else fallback


@dataclass(frozen=True)
class Gaussian2:
    """A bivariate normal N(μ, Σ) given by its means, spreads and correlation.

    Attributes
    ----------
    mean : (2,) ndarray μ = (μx, μy).
    sx, sy : the standard deviations σx, σy > 0.
    rho : the correlation ρ, |ρ| ≤ :data:`RHO_LIMIT`.
    clamped : whether the settings asked for were out of range and were clamped.
    """

    mean: np.ndarray
    sx: float
    sy: float
    rho: float
    clamped: bool = False

    @classmethod
    def of(cls, mx: float, my: float, sx: float, sy: float, rho: float) -> Gaussian2:
        """The Gaussian for these settings, each clamped into its range."""
        asked = (_finite(mx, 0.0), _finite(my, 0.0), _finite(sx, 1.0), _finite(sy, 1.0),
                 _finite(rho, 0.0))  # fmt: skip
        mx_, my_ = (min(max(m, -MEAN_LIMIT), MEAN_LIMIT) for m in asked[:2])
        sx_, sy_ = (min(max(s, SIGMA_LOW), SIGMA_HIGH) for s in asked[2:4])
        rho_ = min(max(asked[4], -RHO_LIMIT), RHO_LIMIT)
        kept = (mx_, my_, sx_, sy_, rho_)
        clamped = kept != (mx, my, sx, sy, rho)
        return cls(np.array([mx_, my_]), sx_, sy_, rho_, clamped)

    @property
    def covariance(self) -> np.ndarray:
        """(2, 2) Σ = [[σx², ρσxσy], [ρσxσy, σy²]]."""
        off = self.rho * self.sx * self.sy
        return np.array([[self.sx**2, off], [off, self.sy**2]])

    @property
    def nearly_degenerate(self) -> bool:
        """|ρ| ≥ :data:`NEARLY_DEGENERATE`: the density is a thin ridge along a line."""
        return abs(self.rho) >= NEARLY_DEGENERATE


@dataclass(frozen=True)
class Axes:
    """The principal axes of Σ: the ellipses' directions and half-lengths.

    Attributes
    ----------
    variances : (2,) the eigenvalues λ₁ ≥ λ₂ > 0 of Σ.
    directions : (2, 2) unit eigenvectors as columns (the first along λ₁).
    """

    variances: np.ndarray
    directions: np.ndarray

    def half_lengths(self, k: float) -> np.ndarray:
        """(2,) the half-axes k√λ₁, k√λ₂ of the kσ ellipse."""
        return k * np.sqrt(self.variances)


def principal_axes(covariance: np.ndarray) -> Axes:
    """Eigenvalues (largest first) and eigenvectors of a symmetric positive definite Σ.

    Notes
    -----
    Σ = Q Λ Qᵀ. The density is constant on (x − μ)ᵀ Σ⁻¹ (x − μ) = k², the ellipse with
    half-axes k√λᵢ along the eigenvectors qᵢ. For Σ = λI every direction is an eigenvector;
    the axes x and y are returned.
    """
    eigen = eigen_analysis(covariance)
    values = np.real(eigen.values)
    if eigen.vectors.shape[1] < 2:  # a symmetric matrix is never defective; λI to rounding
        return Axes(np.sort(values)[::-1], np.eye(2))
    order = np.argsort(-eigen.vector_values, kind="stable")
    return Axes(eigen.vector_values[order], eigen.vectors[:, order])


def sigma_ellipse(gaussian: Gaussian2, k: float, points: int = 97) -> np.ndarray:
    """(points, 2) the closed kσ ellipse of the Gaussian, round its mean."""
    axes = principal_axes(gaussian.covariance)
    return geometry.ellipse(gaussian.mean, axes.directions, axes.half_lengths(k), points)


def density(gaussian: Gaussian2, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The bivariate normal density at points (x, y) (arrays of one shape).

    Notes
    -----
    p(x, y) = exp(−q/2) / (2π σx σy √(1 − ρ²)) with
    q = (u² − 2ρuv + v²)/(1 − ρ²), u = (x − μx)/σx, v = (y − μy)/σy.
    """
    u = (np.asarray(x, dtype=float) - gaussian.mean[0]) / gaussian.sx
    v = (np.asarray(y, dtype=float) - gaussian.mean[1]) / gaussian.sy
    share = 1 - gaussian.rho**2
    q = (u**2 - 2 * gaussian.rho * u * v + v**2) / share
    return np.exp(-q / 2) / (2 * math.pi * gaussian.sx * gaussian.sy * math.sqrt(share))


def normal_pdf(values: np.ndarray, mean: float, sd: float) -> np.ndarray:
    """The N(mean, sd²) density: exp(−(v − mean)²/(2sd²)) / (sd√(2π))."""
    z = (np.asarray(values, dtype=float) - mean) / sd
    return np.exp(-(z**2) / 2) / (sd * math.sqrt(2 * math.pi))


def marginal_x(gaussian: Gaussian2, xs: np.ndarray) -> np.ndarray:
    """p(x) = N(μx, σx²): integrating y out of a Gaussian leaves a Gaussian."""
    return normal_pdf(xs, gaussian.mean[0], gaussian.sx)


def marginal_y(gaussian: Gaussian2, ys: np.ndarray) -> np.ndarray:
    """p(y) = N(μy, σy²)."""
    return normal_pdf(ys, gaussian.mean[1], gaussian.sy)


@dataclass(frozen=True)
class Conditional:
    """y given x = x₀: a normal distribution.

    Attributes
    ----------
    x0 : where x is fixed.
    mean : μy + ρ (σy/σx)(x₀ − μx).
    variance : σy²(1 − ρ²), the same for every x₀.
    """

    x0: float
    mean: float
    variance: float

    @property
    def sd(self) -> float:
        return math.sqrt(self.variance)


def conditional_y(gaussian: Gaussian2, x0: float) -> Conditional:
    """The distribution of y on the slice x = x₀.

    Notes
    -----
    p(y | x₀) = p(x₀, y) / p(x₀) is normal with mean μy + Σyx Σxx⁻¹ (x₀ − μx) and variance
    Σyy − Σyx Σxx⁻¹ Σxy (the Schur complement), which for 2 × 2 are the formulas above. The
    line of conditional means is the regression line of y on x, slope ρσy/σx.
    """
    g = gaussian
    slope = g.rho * g.sy / g.sx
    return Conditional(float(x0), float(g.mean[1] + slope * (x0 - g.mean[0])),
                       g.sy**2 * (1 - g.rho**2))  # fmt: skip


def cholesky(covariance: np.ndarray) -> np.ndarray:
    """(2, 2) the lower-triangular L with L Lᵀ = Σ, for a positive definite 2 × 2 Σ.

    Notes
    -----
    Σ = [[a, b], [b, d]] gives L = [[√a, 0], [b/√a, √(d − b²/a)]]; for Σ of spreads and a
    correlation, L = [[σx, 0], [ρσy, σy√(1 − ρ²)]].
    """
    (a, b), (_, d) = np.asarray(covariance, dtype=float)
    first = math.sqrt(a)
    below = b / first
    return np.array([[first, 0.0], [below, math.sqrt(max(d - below**2, 0.0))]])


@dataclass(frozen=True)
class SamplingStage:
    """One stage of x = μ + Lz as drawn.

    Attributes
    ----------
    points : (n, 2) the points at this stage.
    ellipses : (len(SIGMA_LEVELS), N, 2) the kσ circles of N(0, I) carried along: circles
        for z, Σ's ellipses for Lz, the same shifted by μ.
    arrows : (2, 2) the images of e₁ and e₂ as columns (I, then L).
    origin : (2,) where they start (0, then μ).
    """

    points: np.ndarray
    ellipses: np.ndarray
    arrows: np.ndarray
    origin: np.ndarray


@dataclass(frozen=True)
class SamplingSteps:
    """x = μ + L z in three steps, for the same seeded z.

    Attributes
    ----------
    standard : (n, 2) z ~ N(0, I).
    stretched : (n, 2) L z ~ N(0, Σ).
    shifted : (n, 2) μ + L z ~ N(μ, Σ).
    factor : (2, 2) L.
    sample_mean : (2,) the mean of the shifted points.
    sample_covariance : (2, 2) their covariance (divisor n − 1).
    mean : (2,) μ, the shift of the last step.
    """

    standard: np.ndarray
    stretched: np.ndarray
    shifted: np.ndarray
    factor: np.ndarray
    sample_mean: np.ndarray
    sample_covariance: np.ndarray
    mean: np.ndarray

    @property
    def stages(self) -> tuple[SamplingStage, SamplingStage, SamplingStage]:
        """z, Lz and μ + Lz, each with the standard normal's kσ circles mapped alike.

        Notes
        -----
        A linear map sends the circle |z| = k to the ellipse zᵀΣ⁻¹z = k² when Σ = LLᵀ, so
        the circles of z become the kσ ellipses of N(0, Σ), point for point.
        """
        circles = np.stack(
            [geometry.ellipse(np.zeros(2), np.eye(2), np.full(2, float(k))) for k in SIGMA_LEVELS]
        )
        stretched = circles @ self.factor.T
        zero = np.zeros(2)
        return (
            SamplingStage(self.standard, circles, np.eye(2), zero),
            SamplingStage(self.stretched, stretched, self.factor, zero),
            SamplingStage(self.shifted, stretched + self.mean, self.factor, self.mean),
        )


def _sampling(mean: tuple, sx: float, sy: float, rho: float, n: int, seed: int) -> SamplingSteps:
    gaussian = Gaussian2(np.array(mean), sx, sy, rho)
    factor = cholesky(gaussian.covariance)
    standard = np.random.default_rng(int(seed)).standard_normal((n, 2))
    stretched = standard @ factor.T
    shifted = stretched + gaussian.mean
    covariance = np.cov(shifted, rowvar=False) if n > 1 else np.zeros((2, 2))
    return SamplingSteps(standard, stretched, shifted, factor, shifted.mean(axis=0), covariance,
                         gaussian.mean)  # fmt: skip


@functools.lru_cache(maxsize=16)
def _cached_sampling(mean, sx, sy, rho, n, seed) -> SamplingSteps:
    return _sampling(mean, sx, sy, rho, n, seed)


def sampling_steps(gaussian: Gaussian2, n: int, seed: int) -> SamplingSteps:
    """Draw n (at most :data:`MAX_SAMPLES`, at least 1) seeded points as μ + Lz, keeping
    each step (cached by the settings)."""
    n = min(max(int(n), 1), MAX_SAMPLES)
    mean = tuple(float(m) for m in gaussian.mean)
    return _cached_sampling(mean, gaussian.sx, gaussian.sy, gaussian.rho, n, int(seed))


def window(gaussian: Gaussian2, reach: float = 3.2) -> tuple[float, float, float, float]:
    """(x low, x high, y low, y high): ``reach`` standard deviations round the mean."""
    (mx, my), sx, sy = gaussian.mean, gaussian.sx, gaussian.sy
    return (mx - reach * sx, mx + reach * sx, my - reach * sy, my + reach * sy)


@dataclass(frozen=True)
class JointPicture:
    """What the joint-Gaussian picture draws, all computed here.

    Attributes
    ----------
    gaussian : the Gaussian.
    window : (x low, x high, y low, y high), x₀ included.
    xs, ys : (m,) the grid's coordinates.
    z : (m, m) the density, z[i, j] = p(xs[j], ys[i]).
    axes : the principal axes of Σ.
    ellipses : (len(SIGMA_LEVELS), N, 2) the kσ ellipses.
    px, py : (m,) the marginal densities on xs and on ys.
    conditional : y given x = x₀.
    slice_density : (m,) p(y | x₀) on ys.
    """

    gaussian: Gaussian2
    window: tuple[float, float, float, float]
    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray
    axes: Axes
    ellipses: np.ndarray
    px: np.ndarray
    py: np.ndarray
    conditional: Conditional
    slice_density: np.ndarray


def joint_picture(gaussian: Gaussian2, x0: float, points: int = 81) -> JointPicture:
    """The density on a ``points`` × ``points`` grid, its ellipses, marginals and the slice
    at x = x₀."""
    x_low, x_high, y_low, y_high = window(gaussian)
    x0 = _finite(x0, float(gaussian.mean[0]))
    x_low, x_high = min(x_low, x0 - 0.2 * gaussian.sx), max(x_high, x0 + 0.2 * gaussian.sx)
    xs, ys = np.linspace(x_low, x_high, points), np.linspace(y_low, y_high, points)
    grid_x, grid_y = np.meshgrid(xs, ys)
    given = conditional_y(gaussian, x0)
    ellipses = np.stack([sigma_ellipse(gaussian, k) for k in SIGMA_LEVELS])
    return JointPicture(
        gaussian, (x_low, x_high, y_low, y_high), xs, ys, density(gaussian, grid_x, grid_y),
        principal_axes(gaussian.covariance), ellipses, marginal_x(gaussian, xs),
        marginal_y(gaussian, ys), given, normal_pdf(ys, given.mean, given.sd),
    )  # fmt: skip
