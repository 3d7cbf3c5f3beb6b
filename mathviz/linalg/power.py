"""Power iteration on /eigenvectors-svd: apply A again and again, renormalising, and watch
the direction close in on the dominant eigenvector at the rate |λ₂/λ₁|ᵏ."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathviz.core.matrix2 import Eigen, eigen_analysis


@dataclass(frozen=True)
class PowerIteration:
    """The iterates v_{k+1} = A v_k / |A v_k| of power iteration.

    Attributes
    ----------
    iterates : (K+1, 2) ndarray, unit vectors v₀ ... v_K; rows from ``collapsed_at + 1`` on
        are zero (A sent the previous vector to the origin).
    growth : (K,) ndarray, |A v_k| for k = 0 ... K-1 (0 after a collapse); tends to |λ₁|.
    collapsed_at : the first k with A v_k = 0 (to working precision), or None.
    """

    iterates: np.ndarray
    growth: np.ndarray
    collapsed_at: int | None

    @property
    def valid(self) -> int:
        """How many iterates are genuine unit vectors."""
        return len(self.iterates) if self.collapsed_at is None else self.collapsed_at + 1


def start_vector(angle_degrees: float) -> np.ndarray:
    """The unit vector at ``angle_degrees`` from the x axis."""
    angle = math.radians(angle_degrees)
    return np.array([math.cos(angle), math.sin(angle)])


def power_iteration(matrix: np.ndarray, start: np.ndarray, steps: int) -> PowerIteration:
    """Apply A again and again to a unit vector, renormalising each time.

    Parameters
    ----------
    matrix : (2, 2) array_like A.
    start : (2,) array_like, non-zero start vector (normalised here).
    steps : K ≥ 0, the number of applications.

    Returns
    -------
    PowerIteration

    Notes
    -----
    Write v₀ = c₁v₁ + c₂v₂ in eigenvectors. Then Aᵏv₀ = c₁λ₁ᵏv₁ + c₂λ₂ᵏv₂
    = λ₁ᵏ(c₁v₁ + c₂(λ₂/λ₁)ᵏv₂): when |λ₁| > |λ₂| and c₁ ≠ 0 the second part dies like
    |λ₂/λ₁|ᵏ and the direction converges to v₁. Renormalising only stops the numbers from
    overflowing; it does not change the direction.
    """
    matrix = np.asarray(matrix, dtype=float)
    steps = max(0, int(steps))
    iterates = np.zeros((steps + 1, 2))
    growth = np.zeros(steps)
    start = np.asarray(start, dtype=float)
    iterates[0] = start / np.linalg.norm(start)
    size = float(np.max(np.abs(matrix)))
    if size == 0:
        return PowerIteration(iterates, growth, 0 if steps else None)
    scaled = matrix / size
    for k in range(steps):
        image = scaled @ iterates[k]
        norm = float(np.linalg.norm(image))
        if norm <= 1e-14:  # scaled has max entry 1: this is zero to working precision
            return PowerIteration(iterates, growth, k)
        iterates[k + 1] = image / norm
        growth[k] = norm * size
    return PowerIteration(iterates, growth, None)


@dataclass(frozen=True)
class Dominant:
    """The eigenvector power iteration converges to, and how fast.

    Attributes
    ----------
    value : λ₁, the eigenvalue of largest size.
    vector : (2,) ndarray, its unit eigenvector v₁.
    ratio : |λ₂| / |λ₁|, the factor the error shrinks by per step (1 for a defective
        matrix, whose error shrinks only like 1/k).
    """

    value: float
    vector: np.ndarray
    ratio: float


def dominant_eigenvector(eigen: Eigen) -> Dominant | None:
    """λ₁ and v₁ if one real eigenvalue is strictly largest in size (else None).

    None for complex pairs (every direction keeps turning), for ties |λ₁| = |λ₂| such as a
    reflection (the iterates keep hopping), for A = λI (every direction is already an
    eigenvector) and when the largest eigenvalue is 0 (A sends everything to 0).
    """
    if eigen.kind == "defective" and eigen.vector_values[0] != 0:
        return Dominant(float(eigen.vector_values[0]), eigen.vectors[:, 0], 1.0)
    if eigen.kind != "distinct":
        return None
    first, second = np.abs(eigen.vector_values)
    if first == 0 or second >= first * (1 - 1e-9):
        return None
    return Dominant(float(eigen.vector_values[0]), eigen.vectors[:, 0], float(second / first))


def angles_to_line(direction: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """(m,) angles in degrees (0 to 90) between each row of ``vectors`` and the line of
    ``direction``.

    Notes
    -----
    atan2(|d × v|, |d · v|) is accurate down to the smallest angles, where arccos of a dot
    product rounded to 1 would return exactly 0.
    """
    vectors = np.asarray(vectors, dtype=float)
    cross = direction[0] * vectors[:, 1] - direction[1] * vectors[:, 0]
    dot = vectors @ direction
    return np.degrees(np.arctan2(np.abs(cross), np.abs(dot)))


def predicted_angles(start_angle: float, ratio: float, steps: int) -> np.ndarray:
    """(steps+1,) angles atan(tan θ₀ · ratioᵏ) in degrees: the convergence |λ₂/λ₁|ᵏ predicts.

    Notes
    -----
    Exact when the eigenvectors are perpendicular (symmetric A): then tan of the angle to v₁
    is |c₂/c₁|, which shrinks by |λ₂/λ₁| each step. For other matrices it is the asymptotic
    rate. θ₀ is capped just below 90°, where the tangent is infinite.
    """
    start = math.radians(min(max(start_angle, 0.0), 89.999))
    k = np.arange(steps + 1)
    return np.degrees(np.arctan(math.tan(start) * float(ratio) ** k))


@dataclass(frozen=True)
class PowerScene:
    """Power iteration as drawn: iterates, eigenvector lines and the convergence curve.

    Attributes
    ----------
    iteration : the iterates.
    dominant : λ₁, v₁ and the rate, or None when there is nothing to converge to.
    lines : (m, 2) ndarray, unit directions of A's real eigenvectors, v₁ first.
    angles : (valid,) ndarray, the angle in degrees from each valid iterate to v₁'s line,
        floored at ``ANGLE_FLOOR`` for a log axis (empty without a dominant eigenvector).
    predicted : (valid,) ndarray, the angles |λ₂/λ₁|ᵏ predicts (:func:`predicted_angles`).
    blind : v₀ lies on the other eigenvector's line (no part along v₁ to grow), so the
        iterates stay there until rounding errors tip them over.
    """

    iteration: PowerIteration
    dominant: Dominant | None
    lines: np.ndarray
    angles: np.ndarray
    predicted: np.ndarray
    blind: bool


ANGLE_FLOOR = 1e-12  # degrees; below this the angle is rounding noise (log axes cannot show 0)


def power_scene(matrix: np.ndarray, start_angle: float, steps: int) -> PowerScene:
    """Run power iteration from the unit vector at ``start_angle`` degrees for ``steps``."""
    matrix = np.asarray(matrix, dtype=float)
    eigen = eigen_analysis(matrix)
    iteration = power_iteration(matrix, start_vector(start_angle), steps)
    dominant = dominant_eigenvector(eigen)
    lines = eigen.vectors.T.copy() if eigen.kind in ("distinct", "defective") else np.zeros((0, 2))
    blind = False
    if dominant is None:
        angles = predicted = np.zeros(0)
    else:
        if len(lines) == 2:
            blind = bool(angles_to_line(lines[1], iteration.iterates[:1])[0] < 1e-9)
        valid = iteration.iterates[: iteration.valid]
        raw = angles_to_line(dominant.vector, valid)
        angles = np.maximum(raw, ANGLE_FLOOR)
        predicted = np.maximum(
            predicted_angles(float(raw[0]), dominant.ratio, len(valid) - 1), ANGLE_FLOOR
        )
    return PowerScene(iteration, dominant, lines, angles, predicted, blind)
