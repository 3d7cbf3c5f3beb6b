"""Vectors on /vectors: the dot product as a projection, cosine similarity, change of basis.

Pure numpy. Undefined quantities (the angle to a zero vector, coordinates in a dependent
"basis") are ``None``, never NaN, so a page can say in words why there is no number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry
from mathviz.core.matrix2 import DEPENDENCE_TOL

# --- the dot product as a projection --------------------------------------------------------


@dataclass(frozen=True)
class DotProduct:
    """Everything the dot-product picture shows about two vectors ``u`` and ``v``.

    Attributes
    ----------
    u, v : (2,) ndarray, the vectors.
    dot : u·v.
    norm_u, norm_v : the lengths |u| and |v|.
    cosine : cos θ = u·v / (|u||v|), or None when a vector is zero (no direction).
    angle : θ in degrees (0 to 180), or None when a vector is zero.
    signed_angle : the turn from u to v in degrees (-180 to 180), or None.
    scalar_projection : the signed length of v's shadow on u, u·v / |u|; None if u = 0.
    projection : (2,) ndarray, the shadow itself, (u·v / u·u) u (zero if u = 0).
    rejection : (2,) ndarray, v minus its shadow: perpendicular to u.
    """

    u: np.ndarray
    v: np.ndarray
    dot: float
    norm_u: float
    norm_v: float
    cosine: float | None
    angle: float | None
    signed_angle: float | None
    scalar_projection: float | None
    projection: np.ndarray
    rejection: np.ndarray


def dot_product(u: np.ndarray, v: np.ndarray) -> DotProduct:
    """The dot product of two vectors and its geometry: lengths, angle, projection of v on u.

    Parameters
    ----------
    u, v : (d,) array_like, vectors of the same dimension (the picture uses d = 2).

    Returns
    -------
    DotProduct

    Notes
    -----
    u·v = Σ uᵢvᵢ = |u| |v| cos θ, so cos θ = u·v / (|u||v|). The projection of v on u is
    proj_u v = (u·v / u·u) u; its signed length is u·v / |u|. The angle is computed as
    ``atan2(|u×v|, u·v)``, accurate also for nearly parallel vectors, where ``arccos`` of a
    rounded cosine is not.
    """
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    dot = float(u @ v)
    norm_u, norm_v = float(np.linalg.norm(u)), float(np.linalg.norm(v))
    if norm_u > 0:
        projection = (dot / float(u @ u)) * u
        scalar_projection: float | None = dot / norm_u
    else:
        projection, scalar_projection = np.zeros_like(u), None
    cosine = angle = signed = None
    if norm_u > 0 and norm_v > 0:
        cosine = float(np.clip(dot / (norm_u * norm_v), -1.0, 1.0))
        if u.size == 2:
            cross = float(u[0] * v[1] - u[1] * v[0])
            signed = math.degrees(math.atan2(cross, dot))
            angle = abs(signed)
        else:
            angle = math.degrees(math.acos(cosine))
    return DotProduct(
        u=u,
        v=v,
        dot=dot,
        norm_u=norm_u,
        norm_v=norm_v,
        cosine=cosine,
        angle=angle,
        signed_angle=signed,
        scalar_projection=scalar_projection,
        projection=projection,
        rejection=v - projection,
    )


def angle_arc(result: DotProduct, radius: float | None = None) -> np.ndarray:
    """(n, 2) points of the arc from u's direction to v's; empty (0, 2) if θ is undefined.

    The default radius is 0.3 times the shorter vector, so the arc sits between the arrows.
    """
    if result.signed_angle is None:
        return np.zeros((0, 2))
    size = radius if radius is not None else 0.3 * min(result.norm_u, result.norm_v)
    start = math.atan2(result.u[1], result.u[0])
    return geometry.arc(start, math.radians(result.signed_angle), size)


def cosine_similarity(a: np.ndarray, b: np.ndarray) -> float | None:
    """cos θ between two vectors of any dimension; None if either is the zero vector.

    Notes
    -----
    cos(a, b) = a·b / (|a||b|), between -1 (opposite) and 1 (same direction). It ignores
    length, which is why embeddings are compared with it: a long and a short document on the
    same subject point the same way.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    norm_a, norm_b = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if norm_a == 0 or norm_b == 0:
        return None
    return float(np.clip(a @ b / (norm_a * norm_b), -1.0, 1.0))


def cosine_similarity_matrix(vectors: np.ndarray) -> np.ndarray:
    """(m, m) cosine similarity of every pair of rows of ``vectors`` (m, d), rows non-zero.

    Notes
    -----
    Normalise each row to length 1; the Gram matrix of the unit rows holds the cosines.
    """
    vectors = np.asarray(vectors, dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    units = vectors / np.where(norms > 0, norms, 1.0)
    return np.clip(units @ units.T, -1.0, 1.0)


# Toy word embeddings: 5 readable features instead of hundreds of learned ones. Real
# embeddings (word2vec, sentence transformers) are compared with exactly the same formula.
EMBEDDING_FEATURES: tuple[str, ...] = ("royal", "person", "animal", "food", "female")
EMBEDDINGS: dict[str, tuple[float, ...]] = {
    "king": (0.90, 0.85, 0.05, 0.00, 0.10),
    "queen": (0.88, 0.85, 0.05, 0.00, 0.90),
    "chef": (0.05, 0.90, 0.00, 0.70, 0.40),
    "cat": (0.05, 0.05, 0.95, 0.10, 0.60),
    "dog": (0.05, 0.35, 0.95, 0.05, 0.20),
    "corgi": (0.60, 0.05, 0.90, 0.00, 0.40),
    "apple": (0.00, 0.00, 0.05, 0.95, 0.05),
    "bread": (0.00, 0.45, 0.00, 0.90, 0.05),
}


# --- change of basis ------------------------------------------------------------------------


@dataclass(frozen=True)
class BasisCoordinates:
    """A vector's coordinates in the basis b1, b2, or why there are none.

    Attributes
    ----------
    basis : (2, 2) ndarray B with columns b1 and b2.
    target : (2,) ndarray, the vector x in standard coordinates.
    coordinates : (2,) ndarray c with B c = x, or None when b1, b2 are dependent.
    rank : 2 for a basis, 1 when b1 and b2 lie on one line, 0 when both are zero.
    condition : σ_max / σ_min of B (inf when dependent): how much the coordinates amplify
        small changes of x.
    in_span : whether x lies on the line (or point) spanned by b1, b2 (True for a basis).
    """

    basis: np.ndarray
    target: np.ndarray
    coordinates: np.ndarray | None
    rank: int
    condition: float
    in_span: bool


def basis_coordinates(b1: np.ndarray, b2: np.ndarray, x: np.ndarray) -> BasisCoordinates:
    """Coordinates of ``x`` in the basis (b1, b2): solve B c = x with B = [b1 b2].

    Parameters
    ----------
    b1, b2 : (2,) array_like, the new basis vectors in standard coordinates.
    x : (2,) array_like, the vector in standard coordinates.

    Returns
    -------
    BasisCoordinates

    Notes
    -----
    x = c₁ b₁ + c₂ b₂ means B c = x, so c = B⁻¹ x. When b₁, b₂ are dependent (one a multiple
    of the other, or zero) B has no inverse: the pair spans only a line (or a point) and is
    not a basis. Dependence is judged relatively, σ_min ≤ 10⁻¹⁴ σ_max, so that scaling both
    vectors never changes the verdict.
    """
    basis = np.column_stack([np.asarray(b1, dtype=float), np.asarray(b2, dtype=float)])
    target = np.asarray(x, dtype=float)
    singular = np.linalg.svd(basis, compute_uv=False)
    if singular[0] == 0:
        return BasisCoordinates(basis, target, None, 0, math.inf, bool(np.all(target == 0)))
    if singular[1] <= DEPENDENCE_TOL * singular[0]:
        # One line: x is on it when x has no part perpendicular to the larger column.
        column = basis[:, int(np.argmax(np.linalg.norm(basis, axis=0)))]
        direction = column / np.linalg.norm(column)
        off_line = abs(direction[0] * target[1] - direction[1] * target[0])
        in_span = off_line <= 1e-12 * max(1.0, float(np.linalg.norm(target)))
        return BasisCoordinates(basis, target, None, 1, math.inf, bool(in_span))
    coordinates = np.linalg.solve(basis, target)
    return BasisCoordinates(
        basis, target, coordinates, 2, float(singular[0] / singular[1]), in_span=True
    )


def basis_lattice(result: BasisCoordinates, extent: int = 6) -> np.ndarray:
    """The grid of the new basis (lines x = i·b₁ + s·b₂ and s·b₁ + j·b₂) as one path.

    The image of :func:`~mathviz.core.geometry.grid_polyline` under B; empty (0, 2) when
    b₁, b₂ are not a basis.
    """
    if result.rank < 2:
        return np.zeros((0, 2))
    return geometry.apply(result.basis, geometry.grid_polyline(extent))


def basis_span(result: BasisCoordinates, half_length: float) -> np.ndarray:
    """For dependent b₁, b₂: ends of the one line they span (empty for a basis or two zeros)."""
    if result.rank != 1:
        return np.zeros((0, 2))
    column = result.basis[:, int(np.argmax(np.linalg.norm(result.basis, axis=0)))]
    return geometry.span_segment(column, half_length)
