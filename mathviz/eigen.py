"""Eigenvectors, power iteration, the SVD of a 2x2 matrix, and PCA of a 2-D point cloud.

Pure numpy, closed forms for 2x2 matrices (so the tests can hold them against
``numpy.linalg`` as an independent reference). The figure builders in
:mod:`mathviz.eigen_figures` draw what these functions return; ``pages/eigenvectors-svd.py`` only
wires controls to them.

Every function accepts any finite matrix, the awkward ones included: singular, nearly
singular (det ~ 1e-12), huge (1e6), zero, repeated and defective eigenvalues. Nothing
returned is NaN; what is undefined is ``None`` and :func:`matrix_notes` says why in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathviz.vectors import (
    DEPENDENCE_TOL,
    apply_linear,
    circle_with_spokes,
    grid_polyline,
    latex_matrix,
    latex_number,
    plain_number,
    rotation,
    subscript,
    with_arrows,
)

# A discriminant within this many rounding errors of 0, or below DISC_FLOOR (eigenvalues
# closer than ~1e-12 of the largest entry), means a repeated eigenvalue.
REPEATED_ULPS = 16
DISC_FLOOR = 1e-24
# Largest stretch drawn at true size; beyond it the pictures show A scaled down to it.
DISPLAY_LIMIT = 5.0
# Condition numbers above this get a "nearly singular" warning.
NEARLY_SINGULAR = 1e8


# --- the matrices a teacher starts from -----------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A named 2x2 matrix and what to look at in it."""

    matrix: tuple[tuple[float, float], tuple[float, float]]
    lesson: str


_C30, _S30 = math.cos(math.pi / 6), math.sin(math.pi / 6)

PRESETS: dict[str, Preset] = {
    "Symmetric stretch": Preset(
        ((2.0, 1.0), (1.0, 2.0)),
        "Two perpendicular eigenvectors, stretched by 3 and by 1.",
    ),
    "Upper triangular": Preset(
        ((3.0, 1.0), (0.0, 2.0)),
        "Eigenvalues on the diagonal; the eigenvectors are not perpendicular.",
    ),
    "Markov chain (PageRank)": Preset(
        ((0.9, 0.2), (0.1, 0.8)),
        "Columns sum to 1: eigenvalue 1 is the steady state power iteration finds.",
    ),
    "Rotation and scale (complex)": Preset(
        ((1.1 * _C30, -1.1 * _S30), (1.1 * _S30, 1.1 * _C30)),
        "No real eigenvector: every direction turns by 30° and grows by 1.1.",
    ),
    "Shear (defective)": Preset(
        ((1.0, 1.0), (0.0, 1.0)),
        "Eigenvalue 1 twice, but only one eigenvector direction.",
    ),
    "Reflection": Preset(
        ((1.0, 0.0), (0.0, -1.0)),
        "Eigenvalues 1 and -1: equal size, so power iteration never settles.",
    ),
    "Projection (singular)": Preset(
        ((0.5, 0.5), (0.5, 0.5)),
        "Flattens the plane onto a line: eigenvalue 0, condition number ∞.",
    ),
    "Uniform scaling": Preset(
        ((2.0, 0.0), (0.0, 2.0)),
        "Every vector is an eigenvector: A = 2I.",
    ),
    "Nearly singular": Preset(
        ((1.0, 1.0), (1.0, 1.0 + 1e-12)),
        "det A is about 10⁻¹²: invertible on paper, hopeless in floating point.",
    ),
    "Huge entries": Preset(
        ((2e6, 1e6), (1e6, 2e6)),
        "Entries of a million: directions do not care about size.",
    ),
    "Zero matrix": Preset(
        ((0.0, 0.0), (0.0, 0.0)),
        "Sends everything to the origin.",
    ),
}
DEFAULT_PRESET = "Symmetric stretch"


def matrix_from_entries(a: float, b: float, c: float, d: float) -> np.ndarray:
    """The (2, 2) matrix [[a, b], [c, d]]; a non-finite entry (never from a widget) becomes 0."""
    matrix = np.array([[a, b], [c, d]], dtype=float)
    return np.where(np.isfinite(matrix), matrix, 0.0)


# --- eigenvalues and eigenvectors -----------------------------------------------------------


@dataclass(frozen=True)
class RotationScale:
    """A real 2x2 matrix with complex eigenvalues, seen as a rotation and a scaling.

    Attributes
    ----------
    angle : θ in radians, in (-π, π), counterclockwise positive.
    scale : r = |λ| = sqrt(det A).
    basis : (2, 2) ndarray P with det P = 1 and A P = P · r R(θ).
    """

    angle: float
    scale: float
    basis: np.ndarray


@dataclass(frozen=True)
class Eigen:
    """The eigen-structure of a 2x2 matrix.

    Attributes
    ----------
    kind : ``distinct`` (two real eigenvalues), ``scalar`` (A = λI: every vector is an
        eigenvector), ``defective`` (a repeated eigenvalue with one eigenvector direction) or
        ``complex`` (a conjugate pair, no real eigenvector).
    values : (2,) complex ndarray, the eigenvalues, largest |λ| first (on ties the larger
        real value first).
    vectors : (2, m) ndarray, unit eigenvectors as columns: m = 2 (distinct; scalar, where
        the axes stand for "every direction"), 1 (defective) or 0 (complex).
    vector_values : (m,) ndarray, the (real) eigenvalue of each column of ``vectors``.
    rotation : the rotation-and-scale view when ``kind == "complex"``, else None.
    """

    kind: str
    values: np.ndarray
    vectors: np.ndarray
    vector_values: np.ndarray
    rotation: RotationScale | None


def _null_direction(matrix: np.ndarray) -> np.ndarray:
    """A unit vector v with ``matrix @ v ≈ 0`` for a rank-1 (2, 2) matrix.

    v is perpendicular to the larger row (the better-determined one): (-n₀₁, n₀₀) ⟂ row 0.
    """
    candidates = np.array([[-matrix[0, 1], matrix[0, 0]], [-matrix[1, 1], matrix[1, 0]]])
    best = candidates[int(np.argmax(np.linalg.norm(candidates, axis=1)))]
    return _canonical(best / np.linalg.norm(best))


def _canonical(vector: np.ndarray) -> np.ndarray:
    """The sign of an eigenvector is arbitrary; pick the one pointing right (or up)."""
    if vector[0] < 0 or (vector[0] == 0 and vector[1] < 0):
        return -vector
    return vector


def eigen_analysis(matrix: np.ndarray) -> Eigen:
    """Eigenvalues and eigenvectors of a real 2x2 matrix, from its characteristic polynomial.

    Parameters
    ----------
    matrix : (2, 2) array_like, finite.

    Returns
    -------
    Eigen

    Notes
    -----
    det(A - λI) = λ² - (tr A) λ + det A = 0 has discriminant
    Δ = (tr A)² - 4 det A = (a - d)² + 4bc (the second form avoids cancellation). Δ > 0: two
    real eigenvalues, computed stably as λ₁ = (tr + sign(tr)√Δ)/2, λ₂ = det/λ₁; each
    eigenvector spans the null space of A - λI. Δ = 0: λ = tr/2 twice; either A = λI or A is
    defective ("Δ = 0" means within rounding error of its terms, or eigenvalues closer than
    10⁻¹² times the largest entry). Δ < 0: λ = α ± iβ, and A = P (r R(θ)) P⁻¹ with r = |λ|:
    a rotation by θ and a scaling by r in the basis P = [e₁, (A - αI)e₁/ω] (ω = ±β, sign
    chosen so det P > 0, which makes θ's sign the turning direction on screen). The work is
    done on A / max|aᵢⱼ|, so huge and tiny matrices behave like ordinary ones.
    """
    matrix = np.asarray(matrix, dtype=float)
    size = float(np.max(np.abs(matrix)))
    if size == 0:
        return Eigen("scalar", np.zeros(2, dtype=complex), np.eye(2), np.zeros(2), None)
    (p, q), (r, s) = matrix / size
    trace, det = p + s, p * s - q * r
    disc = (p - s) ** 2 + 4 * q * r
    # Rounding error of disc: a few ulps of its two terms, not of disc itself.
    terms = (p - s) ** 2 + abs(4 * q * r)
    tolerance = max(REPEATED_ULPS * np.finfo(float).eps * terms, DISC_FLOOR)
    if disc < -tolerance:
        alpha, beta = trace / 2, math.sqrt(-disc) / 2
        omega = math.copysign(beta, r)  # r != 0 here: Δ < 0 needs qr < 0
        basis = np.array([[1.0, (p - alpha) / omega], [0.0, r / omega]])
        basis /= math.sqrt(r / omega)  # det P = 1
        values = size * np.array([complex(alpha, beta), complex(alpha, -beta)])
        view = RotationScale(math.atan2(omega, alpha), size * math.hypot(alpha, beta), basis)
        return Eigen("complex", values, np.zeros((2, 0)), np.zeros(0), view)
    if disc <= tolerance:
        lam = trace / 2
        nilpart = matrix / size - lam * np.eye(2)
        values = size * np.array([lam, lam], dtype=complex)
        if np.max(np.abs(nilpart)) <= 1e-12:
            return Eigen("scalar", values, np.eye(2), np.array([lam, lam]) * size, None)
        vector = _null_direction(nilpart)
        return Eigen("defective", values, vector[:, None], np.array([lam * size]), None)
    root = math.sqrt(disc)
    first = (trace + math.copysign(root, trace)) / 2
    second = det / first
    lams = sorted((first, second), key=lambda lam: (-abs(lam), -lam))
    vectors = np.column_stack([_null_direction(matrix / size - lam * np.eye(2)) for lam in lams])
    return Eigen(
        "distinct",
        size * np.array(lams, dtype=complex),
        vectors,
        size * np.array(lams),
        None,
    )


def display_factor(matrix: np.ndarray, limit: float = DISPLAY_LIMIT) -> float:
    """The factor the pictures scale A by: 1, or ``limit / σ_max`` when A stretches more.

    Scaling changes no direction: eigenvectors and singular vectors of cA are those of A.
    """
    largest = float(largest_stretch(np.asarray(matrix, dtype=float)))
    return 1.0 if largest <= limit else limit / largest


def largest_stretch(matrices: np.ndarray) -> np.ndarray | float:
    """σ₁ of a (2, 2) matrix or of each of a stack (..., 2, 2), in closed form.

    Notes
    -----
    σ₁ = √(E² + H²) + √(F² + G²) with E = (a+d)/2, F = (a-d)/2, G = (b+c)/2, H = (c-b)/2
    (see :func:`svd_2x2`). Unlike LAPACK, this never warns on subnormal entries.
    """
    m = np.asarray(matrices, dtype=float)
    a, b, c, d = m[..., 0, 0], m[..., 0, 1], m[..., 1, 0], m[..., 1, 1]
    return np.hypot((a + d) / 2, (c - b) / 2) + np.hypot((a - d) / 2, (b + c) / 2)


def determinant(matrix: np.ndarray) -> float:
    """det A = ad - bc, computed on A / max|aᵢⱼ| so it neither overflows nor underflows early."""
    matrix = np.asarray(matrix, dtype=float)
    size = float(np.max(np.abs(matrix)))
    if size == 0:
        return 0.0
    (a, b), (c, d) = matrix / size
    return (a * d - b * c) * size * size


def morph_matrices(matrix: np.ndarray, eigen: Eigen, n_frames: int = 25) -> np.ndarray:
    """(n_frames, 2, 2) matrices that move the plane from I (first) to A (last).

    Parameters
    ----------
    matrix : (2, 2) ndarray A.
    eigen : ``eigen_analysis(A)``.
    n_frames : number of frames, at least 2.

    Notes
    -----
    Real eigenvalues: M(t) = (1 - t) I + t A. Then M(t) v = (1 - t + tλ) v for every
    eigenvector v, so eigenvectors stay on their own line in every frame, and only stretch.
    Complex eigenvalues: M(t) = P (rᵗ R(tθ)) P⁻¹, so each frame is a partial rotation-and-
    scale, and the motion looks like what A is.
    """
    t = np.linspace(0.0, 1.0, max(2, int(n_frames)))
    if eigen.rotation is None:
        return (1 - t)[:, None, None] * np.eye(2) + t[:, None, None] * np.asarray(matrix)
    view = eigen.rotation
    basis = view.basis
    inverse = np.array([[basis[1, 1], -basis[0, 1]], [-basis[1, 0], basis[0, 0]]])  # det P = 1
    return np.stack([basis @ (view.scale**tk * rotation(tk * view.angle)) @ inverse for tk in t])


def view_radius(matrices: np.ndarray, floor: float = 1.6) -> float:
    """Half-width of a square view that holds the unit circle's image in every frame."""
    return max(floor, 1.15 * float(np.max(largest_stretch(matrices))))


# --- power iteration ------------------------------------------------------------------------


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


# --- the singular value decomposition -------------------------------------------------------


@dataclass(frozen=True)
class SVD2:
    """A = U Σ Vᵀ, arranged as rotate -> stretch -> rotate (or reflect).

    Attributes
    ----------
    U : (2, 2) ndarray, left singular vectors as columns: R(last_angle), times diag(1, -1)
        when ``reflection``.
    singular_values : (2,) ndarray, σ₁ ≥ σ₂ ≥ 0.
    Vt : (2, 2) ndarray Vᵀ = R(first_angle), a proper rotation.
    first_angle : the first rotation, radians in (-π/2, π/2].
    last_angle : the last rotation, radians in (-π, π].
    reflection : whether U flips orientation (exactly when det A < 0).
    condition : κ = σ₁/σ₂, ∞ when A is singular (σ₂ ≤ 10⁻¹⁴ σ₁, the zero matrix included).
    """

    U: np.ndarray
    singular_values: np.ndarray
    Vt: np.ndarray
    first_angle: float
    last_angle: float
    reflection: bool
    condition: float

    @property
    def V(self) -> np.ndarray:  # noqa: N802 (the maths name)
        """V, whose columns v₁, v₂ are the right singular vectors."""
        return self.Vt.T


def svd_2x2(matrix: np.ndarray) -> SVD2:
    """The SVD of a real 2x2 matrix in closed form, as rotation, stretch, rotation.

    Parameters
    ----------
    matrix : (2, 2) array_like, finite.

    Returns
    -------
    SVD2

    Notes
    -----
    Split A = [[E, -H], [H, E]] + [[F, G], [G, -F]] with E = (a+d)/2, F = (a-d)/2,
    G = (b+c)/2, H = (c-b)/2: a rotation-scale part of size Q = √(E²+H²) at angle
    a₂ = atan2(H, E) plus a reflection-scale part of size R = √(F²+G²) at angle
    a₁ = atan2(G, F). Then A = R(φ) diag(Q+R, Q-R) R(θ) with φ = (a₂+a₁)/2,
    θ = (a₂-a₁)/2. So σ₁ = Q + R and σ₂ = |Q - R| = |det A|/σ₁ (the quotient avoids
    cancellation when A is nearly singular); Q < R means det A < 0, and U absorbs the flip
    diag(1, -1). Turning both V and U by π changes nothing (-U Σ -Vᵀ = UΣVᵀ), which lets the
    first rotation stay within a quarter turn.
    """
    matrix = np.asarray(matrix, dtype=float)
    # Work on A / max|aᵢⱼ| so that products such as ad - bc neither overflow nor underflow.
    size = float(np.max(np.abs(matrix)))
    (a, b), (c, d) = matrix / size if size > 0 else matrix
    e, f, g, h = (a + d) / 2, (a - d) / 2, (b + c) / 2, (c - b) / 2
    q, r = math.hypot(e, h), math.hypot(f, g)
    angle_rs, angle_ref = math.atan2(h, e), math.atan2(g, f)
    first, last = (angle_rs - angle_ref) / 2, (angle_rs + angle_ref) / 2
    if first > math.pi / 2:
        first, last = first - math.pi, last + math.pi
    elif first <= -math.pi / 2:
        first, last = first + math.pi, last - math.pi
    last = math.remainder(last, 2 * math.pi)
    if last == -math.pi:
        last = math.pi
    sigma1 = q + r
    det = a * d - b * c
    sigma2 = abs(det) / sigma1 if sigma1 > 0 else 0.0
    reflection = q < r
    flip = np.diag([1.0, -1.0]) if reflection else np.eye(2)
    condition = math.inf if sigma2 <= DEPENDENCE_TOL * sigma1 else sigma1 / sigma2
    return SVD2(
        U=rotation(last) @ flip,
        singular_values=size * np.array([sigma1, sigma2]) if size > 0 else np.zeros(2),
        Vt=rotation(first),
        first_angle=first,
        last_angle=last,
        reflection=reflection,
        condition=condition,
    )


STAGES: tuple[str, ...] = ("start", "Vᵀ: rotate", "Σ: stretch", "U: rotate")


def svd_stage_matrices(svd: SVD2, frames_per_stage: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """The path I -> Vᵀ -> ΣVᵀ -> UΣVᵀ = A, one stage after the other.

    Returns
    -------
    matrices : (1 + 3n, 2, 2) ndarray, n = ``frames_per_stage``; the first is I, the last A.
    stage : (1 + 3n,) int ndarray, 0 for the start and 1, 2, 3 for the stage of each frame.

    Notes
    -----
    Stage 1 turns by tθ (t from 0 to 1) until the right singular vectors lie on the axes.
    Stage 2 stretches the axes from 1 to σᵢ. Stage 3 turns by tφ; a reflection is played as
    diag(1, 1 - 2t), which folds the plane flat at t = 1/2 and out again mirrored.
    """
    n = max(1, int(frames_per_stage))
    t = np.linspace(0.0, 1.0, n + 1)[1:]
    sigma = svd.singular_values
    stretch = np.diag(sigma)
    flip_sign = -1.0 if svd.reflection else 1.0
    matrices = [np.eye(2)]
    matrices += [rotation(tk * svd.first_angle) for tk in t]
    matrices += [np.diag(1 + tk * (sigma - 1)) @ svd.Vt for tk in t]
    matrices += [
        rotation(tk * svd.last_angle) @ np.diag([1.0, 1 + tk * (flip_sign - 1)]) @ stretch @ svd.Vt
        for tk in t
    ]
    stage = np.concatenate([[0], np.repeat([1, 2, 3], n)])
    return np.stack(matrices), stage


def ellipse(center: np.ndarray, axes: np.ndarray, radii: np.ndarray, n: int = 97) -> np.ndarray:
    """(n, 2) points of the ellipse center + axes · diag(radii) · (cos t, sin t), closed.

    ``axes`` (2, 2) holds the unit semi-axis directions as columns.
    """
    t = np.linspace(0.0, 2 * np.pi, n)
    circle = np.vstack([np.cos(t), np.sin(t)])
    return (np.asarray(axes) @ (np.asarray(radii)[:, None] * circle)).T + np.asarray(center)


# --- principal component analysis -----------------------------------------------------------


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


# --- everything a picture draws, computed once ---------------------------------------------


@dataclass(frozen=True)
class MorphScene:
    """The I -> A morph: the plane's grid, the unit circle and the eigenvectors, per frame.

    Attributes
    ----------
    t : (F,) ndarray, the morph parameter from 0 to 1.
    grid : (F, P, 2) ndarray, the image of the grid path (:func:`grid_polyline`).
    shape : (F, Q, 2) ndarray, the image of the unit circle with spokes, followed by a
        spoke for each arrow.
    tips : (S,) int ndarray, indices of the spoke tips in ``shape`` (test vectors).
    arrow_tips : (m,) int ndarray, indices in ``shape`` of the arrow tips: the images of the
        eigenvectors (real case; they stay on their lines) or of the rotation basis P's
        columns (complex case; they turn). ``arrows`` gives them as (F, m, 2).
    stretch : (F, m) ndarray, M(t) v = stretch · v for each eigenvector (real case; zeros
        in the complex case, where there is no such factor).
    lines : (m, 2) ndarray, unit directions of the eigenvector lines drawn (none if complex).
    invariant : (N, 2) ndarray, the ellipse P·(unit circle) that a complex-eigenvalue A
        turns along itself and scales (empty (0, 2) otherwise).
    radius : half-width of the square view.
    """

    t: np.ndarray
    grid: np.ndarray
    shape: np.ndarray
    tips: np.ndarray
    arrow_tips: np.ndarray
    stretch: np.ndarray
    lines: np.ndarray
    invariant: np.ndarray
    radius: float

    @property
    def arrows(self) -> np.ndarray:
        """(F, m, 2) ndarray, the arrow tips in every frame."""
        return self.shape[:, self.arrow_tips]


def morph_scene(matrix: np.ndarray, n_frames: int = 61, grid_extent: int = 4) -> MorphScene:
    """What the eigenvector picture draws in each frame of the I -> A morph.

    Parameters
    ----------
    matrix : (2, 2) array_like, the matrix as drawn (already scaled by
        :func:`display_factor`).
    n_frames : number of frames.
    grid_extent : the grid covers ``[-grid_extent, grid_extent]²`` before the map.
    """
    matrix = np.asarray(matrix, dtype=float)
    eigen = eigen_analysis(matrix)
    matrices = morph_matrices(matrix, eigen, n_frames)
    t = np.linspace(0.0, 1.0, len(matrices))
    circle, tips = circle_with_spokes()
    if eigen.rotation is None:
        vectors = eigen.vectors
        stretch = (1 - t)[:, None] + t[:, None] * eigen.vector_values[None, :]
        invariant = np.zeros((0, 2))
    else:
        vectors = eigen.rotation.basis
        stretch = np.zeros((len(t), 2))
        invariant = apply_linear(eigen.rotation.basis, circle_with_spokes(96, 1)[0])
    shape, arrow_tips = with_arrows(circle, vectors.T)
    return MorphScene(
        t=t,
        grid=apply_linear(matrices, grid_polyline(grid_extent)),
        shape=apply_linear(matrices, shape),
        tips=tips,
        arrow_tips=arrow_tips,
        stretch=stretch,
        lines=eigen.vectors.T.copy() if eigen.rotation is None else np.zeros((0, 2)),
        invariant=invariant,
        radius=view_radius(matrices),
    )


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


@dataclass(frozen=True)
class SVDScene:
    """A = UΣVᵀ played as three stages: the grid, the circle and v₁, v₂ in each frame.

    Attributes
    ----------
    svd : the decomposition of the matrix as drawn.
    stage : (F,) int ndarray, 0 for the start, then 1, 2, 3 (:data:`STAGES`).
    grid : (F, P, 2) ndarray, the image of the grid path.
    shape : (F, Q, 2) ndarray, the image of the unit circle with spokes, then of v₁ and v₂.
    tips : (S,) int ndarray, indices of the spoke tips in ``shape``.
    arrow_tips : (2,) int ndarray, indices in ``shape`` of the images of v₁ and v₂; in the
        last frame they are σ₁u₁ and σ₂u₂. ``arrows`` gives them as (F, 2, 2).
    ellipse : (N, 2) ndarray, the image of the unit circle under A: semi-axes σ₁ and σ₂.
    radius : half-width of the square view.
    """

    svd: SVD2
    stage: np.ndarray
    grid: np.ndarray
    shape: np.ndarray
    tips: np.ndarray
    arrow_tips: np.ndarray
    ellipse: np.ndarray
    radius: float

    @property
    def arrows(self) -> np.ndarray:
        """(F, 2, 2) ndarray, the images of v₁ and v₂ in every frame."""
        return self.shape[:, self.arrow_tips]


def svd_scene(matrix: np.ndarray, frames_per_stage: int = 28, grid_extent: int = 4) -> SVDScene:
    """What the SVD picture draws, for the matrix as drawn (scaled by
    :func:`display_factor`)."""
    matrix = np.asarray(matrix, dtype=float)
    svd = svd_2x2(matrix)
    matrices, stage = svd_stage_matrices(svd, frames_per_stage)
    circle, tips = circle_with_spokes()
    shape, arrow_tips = with_arrows(circle, svd.V.T)
    return SVDScene(
        svd=svd,
        stage=stage,
        grid=apply_linear(matrices, grid_polyline(grid_extent)),
        shape=apply_linear(matrices, shape),
        tips=tips,
        arrow_tips=arrow_tips,
        ellipse=ellipse(np.zeros(2), svd.U, svd.singular_values),
        radius=view_radius(matrices),
    )


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
    ellipses = np.stack([ellipse(pca.mean, pca.axes, k * deviations) for k in (1, 2)])
    reach = 3 * np.maximum(deviations, 1e-12)[:, None] * pca.axes.T  # (2 axes, 2 coordinates)
    lines = np.stack([[pca.mean - reach[i], pca.mean + reach[i]] for i in range(2)])
    return PCAScene(points, pca, tips, ellipses, lines)


# --- what to tell the reader ----------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A plain-language remark about the matrix: ``level`` is ``info`` or ``warning``."""

    level: str
    text: str


def matrix_notes(matrix: np.ndarray, eigen: Eigen, svd: SVD2, factor: float) -> list[Note]:
    """What is special about A, in words: zero, singular, nearly singular, huge, repeated,
    defective, complex or tied eigenvalues. Empty for an ordinary matrix."""
    notes: list[Note] = []
    sigma1, sigma2 = svd.singular_values
    det = determinant(matrix)
    if sigma1 == 0:
        notes.append(
            Note(
                "info",
                "A is the zero matrix: it sends every vector to the origin. Every vector is "
                "an eigenvector (eigenvalue 0); there is nothing for power iteration to "
                "follow and no inverse.",
            )
        )
        return notes
    if math.isinf(svd.condition):
        notes.append(
            Note(
                "info",
                "A is singular (det A = 0): it flattens the whole plane onto a line. One "
                "eigenvalue is 0, and its eigenvector is the direction A crushes to the "
                "origin. The smallest singular value is 0, so the condition number is ∞ "
                "and A has no inverse.",
            )
        )
    elif svd.condition > NEARLY_SINGULAR:
        digits = math.log10(svd.condition)
        notes.append(
            Note(
                "warning",
                f"A is nearly singular: det A = {plain_number(det)} and the condition number "
                f"is about {plain_number(svd.condition, 2)}. Solving A x = b with it loses "
                f"about {digits:.0f} of the 16 significant digits a computer keeps, and the "
                "picture squashes the plane almost onto a line.",
            )
        )
    if factor < 1:
        notes.append(
            Note(
                "info",
                f"A stretches by up to {plain_number(sigma1)}, too much to draw: the pictures "
                f"show A scaled by {plain_number(factor)}. Scaling turns no direction, so the "
                "eigenvectors and singular vectors drawn are exactly A's; the numbers quoted "
                "are A's own.",
            )
        )
    lam = plain_number(eigen.values[0].real)
    if eigen.kind == "scalar":
        notes.append(
            Note(
                "info",
                f"A = {lam}·I stretches every direction by the same factor, so every vector "
                "is an eigenvector (the axes are drawn as two of them). Power iteration has "
                "nothing to converge to: it is there from the start.",
            )
        )
    elif eigen.kind == "defective":
        notes.append(
            Note(
                "info",
                f"A has the eigenvalue {lam} twice but only one eigenvector direction: it is "
                "defective, like a shear. Other vectors slide along that line instead of "
                "staying on their own; power iteration still creeps towards it, but only like "
                "1/k, not geometrically.",
            )
        )
    elif eigen.kind == "complex":
        view = eigen.rotation
        notes.append(
            Note(
                "info",
                "A has no real eigenvector: it turns every direction. Its eigenvalues are the "
                f"complex pair r·e^(±iθ) with r = |λ| = {plain_number(view.scale)} and "
                f"θ = {plain_number(abs(math.degrees(view.angle)))}°: in a tilted basis A "
                "rotates by θ and scales by r. Power iteration keeps turning and never settles.",
            )
        )
    elif dominant_eigenvector(eigen) is None and abs(eigen.vector_values[0]) > 0:
        first, second = eigen.vector_values
        notes.append(
            Note(
                "info",
                f"The eigenvalues {plain_number(first)} and {plain_number(second)} have the "
                "same size, so neither dominates: power iteration never settles on one "
                "direction, it keeps hopping between them.",
            )
        )
    return notes


def power_notes(scene: PowerScene) -> list[Note]:
    """Why power iteration has stopped or stalled, in words (empty when all is well)."""
    notes = []
    if scene.iteration.collapsed_at is not None:
        notes.append(
            Note(
                "info",
                f"A sends v{subscript(scene.iteration.collapsed_at)} to the zero vector: it "
                "lies in A's null space, so there is no direction left to follow.",
            )
        )
    if scene.blind:
        notes.append(
            Note(
                "info",
                "v₀ lies exactly on the other eigenvector's line: it has no part along v₁ to "
                "grow, so only rounding errors can tip it over. Move v₀ a little.",
            )
        )
    return notes


def pca_notes(pca: PCA) -> list[Note]:
    """A warning in words when the principal axes are barely defined (a round cloud)."""
    if pca.explained[0] >= 0.55:
        return []
    return [
        Note(
            "info",
            "The two variances are almost equal: the cloud is nearly round, so the principal "
            "axes are barely defined and move a lot with the seed.",
        )
    ]


# --- formulas with the current numbers ------------------------------------------------------


def line_labels(eigen: Eigen) -> list[str]:
    """Legend text for the eigenvector lines (or the ellipse a complex pair turns along)."""
    if eigen.kind == "complex":
        return ["the ellipse A turns along itself"]
    if eigen.kind == "scalar":
        return ["every direction is an eigenvector"] * 2
    return [
        f"eigenvector line {index} (λ{'₁₂'[index - 1]} = {plain_number(value)})"
        for index, value in enumerate(eigen.vector_values, start=1)
    ]


def _lines(*lines: str) -> str:
    """Formulas stacked and centred (they sit in a narrow column beside the picture)."""
    return r"\begin{gathered}" + r" \\[4pt] ".join(lines) + r"\end{gathered}"


def eigen_latex(eigen: Eigen) -> str:
    """The eigen-equation with A's eigenvalues and eigenvectors filled in."""
    if eigen.kind == "complex":
        view = eigen.rotation
        alpha, beta = eigen.values[0].real, abs(eigen.values[0].imag)
        return _lines(
            rf"\lambda = {latex_number(alpha)} \pm {latex_number(beta)}\,i = r\,e^{{\pm i\theta}}",
            rf"r = |\lambda| = \sqrt{{\det A}} = {latex_number(view.scale)}",
            rf"\theta = {latex_number(abs(math.degrees(view.angle)))}^\circ",
        )
    if eigen.kind == "scalar":
        lam = latex_number(eigen.vector_values[0])
        return _lines(rf"A = {lam}\,I", rf"A v = {lam}\,v \ \text{{for every }} v")
    lines = [r"A v = \lambda v"] + [
        rf"\lambda_{i} = {latex_number(value)},\ \ "
        rf"v_{i} = {latex_matrix(eigen.vectors[:, i - 1], 3)}"
        for i, value in enumerate(eigen.vector_values, start=1)
    ]
    if eigen.kind == "defective":
        lines.append(r"\text{(twice, with only this one eigenvector line)}")
    return _lines(*lines)


def power_latex(dominant: Dominant | None, iteration: PowerIteration) -> str:
    """Power iteration's update and its rate, with the current numbers."""
    update = r"v_{k+1} = \frac{A v_k}{\lVert A v_k \rVert}"
    if dominant is None:
        return update
    done = iteration.valid - 1
    growth = iteration.growth[done - 1] if done >= 1 else abs(dominant.value)
    if dominant.ratio >= 1:
        rate = r"\text{error} \sim 1/k \ \ \text{(defective: slow)}"
    else:
        rate = (
            rf"\text{{error}} \propto \left|\frac{{\lambda_2}}{{\lambda_1}}\right|^k"
            rf" = {latex_number(dominant.ratio, 3)}^k"
        )
    last = max(done - 1, 0)
    return _lines(
        rf"{update},\qquad {rate}",
        rf"\lVert A v_{{{last}}} \rVert = {latex_number(growth)} \ \to\ |\lambda_1| = "
        rf"{latex_number(abs(dominant.value))}",
    )


def svd_latex(matrix: np.ndarray, svd: SVD2) -> str:
    """A = U Σ Vᵀ factor by factor, in the order they act, and the condition number."""
    sigma1, sigma2 = svd.singular_values
    first = latex_number(math.degrees(svd.first_angle), 3)
    last = latex_number(math.degrees(svd.last_angle), 3)
    flip = r"\begin{bmatrix}1 & 0 \\ 0 & -1\end{bmatrix}" if svd.reflection else ""
    if math.isinf(svd.condition):
        condition = r"\kappa(A) = \frac{\sigma_1}{\sigma_2} = \infty \ \ (\sigma_2 = 0)"
    else:
        condition = (
            rf"\kappa(A) = \frac{{\sigma_1}}{{\sigma_2}} = "
            rf"\frac{{{latex_number(sigma1)}}}{{{latex_number(sigma2)}}}"
            rf" = {latex_number(svd.condition, 3)}"
        )
    return _lines(
        r"A = U\,\Sigma\,V^\mathsf{T}",
        rf"V^\mathsf{{T}} = {latex_matrix(svd.Vt, 3)} = R({first}^\circ)",
        rf"\Sigma = {latex_matrix(np.diag(svd.singular_values), 4)}",
        rf"U = {latex_matrix(svd.U, 3)} = R({last}^\circ){flip}",
        condition,
    )


def pca_latex(pca: PCA) -> str:
    """The covariance matrix, its eigenvalues and the variance the first axis explains."""
    first, second = pca.variances
    return _lines(
        rf"C = \tfrac{{1}}{{n-1}}X_c^\mathsf{{T}}X_c = {latex_matrix(pca.covariance, 3)}",
        rf"\lambda_1 = {latex_number(first, 3)},\ \ \lambda_2 = {latex_number(second, 3)}",
        rf"\frac{{\lambda_1}}{{\lambda_1 + \lambda_2}} = "
        rf"{latex_number(100 * pca.explained[0], 3)}\%",
    )
