"""Small matrices, once for every topic: facts (determinant, rank, inverse, subspaces), the
eigen-structure and the SVD of a 2x2 matrix.

Pure numpy, closed forms for 2x2 matrices, so the tests can hold them against
``numpy.linalg`` as an independent reference. Every function accepts any finite matrix, the
awkward ones included: singular, nearly singular (det ~ 1e-12), huge (1e6), tiny, zero,
repeated and defective eigenvalues. Nothing returned is NaN; what is undefined is ``None``.

Conventions: angles are in radians (as in numpy); a matrix acts on column vectors, so the
image of a point ``p`` is ``A p``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

NEARLY_SINGULAR = 1e8  # condition numbers above this earn a "nearly singular" note
# Relative size under which the smaller singular value counts as 0 in the closed-form SVD:
# σ₂ ≤ DEPENDENCE_TOL · σ₁ means singular (dependent columns). About 50 machine epsilons.
DEPENDENCE_TOL = 1e-14
# A discriminant within this many rounding errors of 0, or below DISC_FLOOR (eigenvalues
# closer than ~1e-12 of the largest entry), means a repeated eigenvalue.
REPEATED_ULPS = 16
DISC_FLOOR = 1e-24
SCALAR_TOL = 1e-12  # A within this of λI (relative to its largest entry) is λI


# --- elementary -------------------------------------------------------------------------------


def rotation(angle: float) -> np.ndarray:
    """(2, 2) counter-clockwise rotation by ``angle`` radians, exact at quarter turns.

    Notes
    -----
    ``R(θ) = [[cos θ, -sin θ], [sin θ, cos θ]]``. At multiples of π/2 (to rounding) the
    entries are exactly 0 and ±1: no ``6e-17`` where a 0 belongs, and never ``-0.0``.
    """
    angle = float(angle)
    quarter = round(angle / (math.pi / 2))
    if abs(angle - quarter * (math.pi / 2)) <= 4 * np.finfo(float).eps * max(1.0, abs(angle)):
        c, s = ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))[quarter % 4]
    else:
        c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s], [s, c]]) + 0.0  # + 0.0: no -0.0


def canonical_direction(direction: np.ndarray) -> np.ndarray:
    """The unit vector of the same line whose first clearly nonzero component is positive.

    Eigenvectors and basis vectors of a line are defined up to sign; this picks one so that
    a page reads ``(0.71, 0.71)`` rather than ``(-0.71, -0.71)``.
    """
    u = np.asarray(direction, dtype=float)
    u = u / np.linalg.norm(u)
    leading = u[np.argmax(np.abs(u) > 1e-12)]
    return (-u if leading < 0 else u) + 0.0


def null_direction(matrix: np.ndarray) -> np.ndarray:
    """The unit vector v with ``matrix @ v ≈ 0`` of a (nearly) rank-1 (2, 2) matrix.

    Notes
    -----
    v is perpendicular to the larger row, the better-determined one: ``(-m₀₁, m₀₀) ⟂ row 0``.
    """
    m = np.asarray(matrix, dtype=float)
    candidates = np.array([[-m[0, 1], m[0, 0]], [-m[1, 1], m[1, 0]]])
    return canonical_direction(candidates[int(np.argmax(np.linalg.norm(candidates, axis=1)))])


def _power_of_two_scale(matrix: np.ndarray) -> float:
    """A power of two near ``max|aᵢⱼ|`` (1 for the zero matrix): dividing by it is exact."""
    size = float(np.max(np.abs(matrix), initial=0.0))
    return math.ldexp(1.0, math.frexp(size)[1]) if size > 0 else 1.0


def determinant(matrix: np.ndarray) -> float:
    """The determinant by the cofactor formula, computed on A scaled by a power of two.

    Notes
    -----
    2x2: ``ad - bc``; 3x3: expansion along the first row; larger: ``numpy.linalg.det``. The
    products are formed on ``A / 2ᵏ`` with ``2ᵏ ≈ max|aᵢⱼ|`` (an exact scaling) and scaled
    back, so they neither overflow nor underflow early. The value is the signed area
    (volume) of the image of the unit square (cube). :func:`matrix_facts` sets it to 0 when
    the matrix is numerically singular.
    """
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    scale = _power_of_two_scale(a)
    s = a / scale
    if n == 2:
        value = s[0, 0] * s[1, 1] - s[0, 1] * s[1, 0]
    elif n == 3:
        value = (
            s[0, 0] * (s[1, 1] * s[2, 2] - s[1, 2] * s[2, 1])
            - s[0, 1] * (s[1, 0] * s[2, 2] - s[1, 2] * s[2, 0])
            + s[0, 2] * (s[1, 0] * s[2, 1] - s[1, 1] * s[2, 0])
        )
    else:
        value = np.linalg.det(s)
    value = float(value)
    for _ in range(n):  # scaled back step by step: beyond the floats it is ±inf, never an error
        value *= scale
    return value + 0.0


# --- facts about a square matrix -------------------------------------------------------------


def rank_tolerance(singular_values: np.ndarray, size: int) -> float:
    """numpy.linalg.matrix_rank's default: singular values below σmax · n · eps count as 0."""
    return float(np.max(singular_values, initial=0.0)) * size * np.finfo(float).eps


@dataclass(frozen=True)
class MatrixFacts:
    """What a square matrix does, in numbers.

    Attributes
    ----------
    matrix : (n, n) ndarray.
    determinant : signed volume factor; exactly 0 when the matrix is numerically singular.
    rank : dimension of the column space (numerical, with numpy's default tolerance).
    singular_values : (n,) in decreasing order.
    condition : σmax / σmin (``inf`` when singular): how much A⁻¹ can magnify errors.
    inverse : (n, n) ndarray, or None when singular.
    column_space : (rank, n) orthonormal rows spanning the outputs ``A x``.
    null_space : (n - rank, n) orthonormal rows spanning the inputs with ``A x = 0``.
    """

    matrix: np.ndarray
    determinant: float
    rank: int
    singular_values: np.ndarray
    condition: float
    inverse: np.ndarray | None
    column_space: np.ndarray
    null_space: np.ndarray

    @property
    def invertible(self) -> bool:
        """Whether A has an inverse (full rank)."""
        return self.inverse is not None

    @property
    def nearly_singular(self) -> bool:
        """Invertible, but with a condition number above :data:`NEARLY_SINGULAR`."""
        return self.invertible and self.condition > NEARLY_SINGULAR


def matrix_facts(matrix: np.ndarray) -> MatrixFacts:
    """Determinant, rank, singular values, condition number, inverse and the two subspaces.

    Parameters
    ----------
    matrix : (n, n) ndarray of finite floats (n = 2 or 3 on the pages).

    Returns
    -------
    MatrixFacts

    Notes
    -----
    From the SVD ``A = U Σ Vᵀ`` with r singular values above the tolerance
    ``σmax · n · eps``: the column space is spanned by the first r columns of U, the null
    space by the last n - r rows of Vᵀ. The inverse of a 2x2 matrix is
    ``A⁻¹ = (1 / (ad - bc)) [[d, -b], [-c, a]]``. Below full rank the determinant is set to
    exactly 0, so that rounding noise of size ``eps · ‖A‖ⁿ`` is not shown as an area.
    """
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    u, s, vt = np.linalg.svd(a)
    rank = int(np.sum(s > rank_tolerance(s, n))) if s[0] > 0 else 0
    det = determinant(a) if rank == n else 0.0
    inverse = None
    if rank == n:
        adjugate = np.array([[a[1, 1], -a[0, 1]], [-a[1, 0], a[0, 0]]])
        inverse = adjugate / det if n == 2 else np.linalg.inv(a)
    return MatrixFacts(
        matrix=a,
        determinant=det,
        rank=rank,
        singular_values=s,
        condition=float(s[0] / s[-1]) if rank == n else math.inf,
        inverse=inverse,
        column_space=np.array([canonical_direction(c) for c in u[:, :rank].T]).reshape(rank, n),
        null_space=np.array([canonical_direction(r) for r in vt[rank:]]).reshape(n - rank, n),
    )


# --- the eigen-structure of a 2x2 matrix --------------------------------------------------


@dataclass(frozen=True)
class RotationScale:
    """A real 2x2 matrix with complex eigenvalues, seen as a rotation and a scaling.

    Attributes
    ----------
    angle : θ in radians, in (-π, π), counter-clockwise positive.
    scale : r = |λ| = sqrt(det A).
    basis : (2, 2) ndarray P with det P = 1 and A P = P · r R(θ).
    """

    angle: float
    scale: float
    basis: np.ndarray


@dataclass(frozen=True)
class EigenSpan:
    """A real eigen-direction: a line through 0 that A maps onto itself.

    Attributes
    ----------
    value : the eigenvalue λ (the stretch factor along the line; negative flips it).
    direction : (2,) unit eigenvector, ``A u = λ u``.
    """

    value: float
    direction: np.ndarray


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

    @property
    def spans(self) -> tuple[EigenSpan, ...]:
        """The real eigen-directions as lines (0, 1 or 2; for λI the two axes)."""
        return tuple(
            EigenSpan(float(value), self.vectors[:, index])
            for index, value in enumerate(self.vector_values)
        )

    @property
    def every_direction(self) -> bool:
        """A = λI: every vector is an eigenvector."""
        return self.kind == "scalar"

    @property
    def turn(self) -> tuple[float, float] | None:
        """``(r, φ)`` with φ = |θ| in degrees when the eigenvalues are ``r e^{±iφ}``, else None."""
        if self.rotation is None:
            return None
        return self.rotation.scale, abs(math.degrees(self.rotation.angle))


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
        if np.max(np.abs(nilpart)) <= SCALAR_TOL:
            return Eigen("scalar", values, np.eye(2), np.array([lam, lam]) * size, None)
        vector = null_direction(nilpart)
        return Eigen("defective", values, vector[:, None], np.array([lam * size]), None)
    root = math.sqrt(disc)
    first = (trace + math.copysign(root, trace)) / 2
    second = det / first
    lams = sorted((first, second), key=lambda lam: (-abs(lam), -lam))
    vectors = np.column_stack([null_direction(matrix / size - lam * np.eye(2)) for lam in lams])
    return Eigen(
        "distinct", size * np.array(lams, dtype=complex), vectors, size * np.array(lams), None
    )


# --- the singular value decomposition of a 2x2 matrix ---------------------------------------


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
    sigma2 = abs(a * d - b * c) / sigma1 if sigma1 > 0 else 0.0
    reflection = q < r
    flip = np.diag([1.0, -1.0]) if reflection else np.eye(2)
    return SVD2(
        U=rotation(last) @ flip,
        singular_values=size * np.array([sigma1, sigma2]) if size > 0 else np.zeros(2),
        Vt=rotation(first),
        first_angle=first,
        last_angle=last,
        reflection=reflection,
        condition=math.inf if sigma2 <= DEPENDENCE_TOL * sigma1 else sigma1 / sigma2,
    )
