"""Vectors: the dot product as a projection, cosine similarity, change of basis, least squares.

Pure numpy. The figure builders in :mod:`mathviz.vectors_figures` draw what these functions
return; the page ``pages/vectors.py`` only wires controls to them. The small geometry helpers
(grids, circles, applying a matrix to points) and the LaTeX number formatting are shared with
:mod:`mathviz.eigen`.

Undefined quantities (the angle to a zero vector, coordinates in a dependent "basis") are
``None``, never NaN, so a page can say in words why there is no number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Relative size under which a 2x2 matrix counts as singular (its columns as dependent):
# the smaller singular value over the larger one. About 50 machine epsilons.
DEPENDENCE_TOL = 1e-14


# --- numbers as text ------------------------------------------------------------------------


def plain_number(x: float, digits: int = 4) -> str:
    """A number for prose: ``digits`` significant digits, ``∞`` for infinity, never ``nan``.

    Very large or very small magnitudes use powers of ten (``2.1×10⁶`` is written
    ``2.1e+06``); zero is ``0``, never ``-0``.
    """
    x = float(x)
    if math.isnan(x):
        return "undefined"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    if abs(x) >= 1e5 or abs(x) < 1e-3:
        text = f"{x:.{max(digits - 1, 1)}e}"
        mantissa, exponent = text.split("e")
        mantissa = _trim(mantissa)
        return f"{mantissa}e{int(exponent):+03d}"
    text = _trim(f"{x:.{digits}g}")
    return "0" if text in ("-0", "0") else text


def subscript(k: int) -> str:
    """``k`` in Unicode subscript digits, for labels such as v₁₂ in plain text."""
    return str(int(k)).translate(str.maketrans("-0123456789", "₋₀₁₂₃₄₅₆₇₈₉"))


def latex_number(x: float, digits: int = 4) -> str:
    """A number in LaTeX: like :func:`plain_number`, with ``\\times 10^{k}`` and ``\\infty``.

    Parameters
    ----------
    x : the value (any float, including inf and nan).
    digits : significant digits.

    Returns
    -------
    str : LaTeX source; ``\\text{undefined}`` for nan, so NaN never reaches the screen.
    """
    text = plain_number(x, digits)
    if text == "undefined":
        return r"\text{undefined}"
    if text in ("∞", "-∞"):
        return text.replace("∞", r"\infty")
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def latex_matrix(matrix: np.ndarray, digits: int = 4) -> str:
    """A matrix (or a column vector, given as a 1-D array) as a LaTeX ``bmatrix``."""
    array = np.asarray(matrix, dtype=float)
    if array.ndim == 1:
        array = array[:, None]
    rows = [" & ".join(latex_number(value, digits) for value in row) for row in array]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def _trim(text: str) -> str:
    """Drop trailing zeros of a decimal: ``1.500`` -> ``1.5``, ``2.000`` -> ``2``."""
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- geometry shared by the linear-algebra pictures -----------------------------------------


def grid_polyline(extent: int = 4) -> np.ndarray:
    """The square grid ``{-extent, ..., extent}²`` as one unbroken path, shape (8·extent+4, 2).

    Notes
    -----
    The path runs up the first vertical line, along the top edge to the next line, down it,
    and so on (a serpentine), then does the same for the horizontal lines. Every connecting
    piece lies on an edge line of the grid, so the path draws exactly the grid with no gaps
    (no NaN separators). A linear map sends lines to lines, so ``path @ A.T`` draws the
    image of the grid exactly.
    """
    ticks = np.arange(-extent, extent + 1, dtype=float)
    ends = np.array([-extent, extent], dtype=float)
    vertical = []
    horizontal = []
    for index, tick in enumerate(ticks):
        along = ends if index % 2 == 0 else ends[::-1]
        vertical.append(np.column_stack([[tick, tick], along]))
    for index, tick in enumerate(ticks[::-1]):
        along = ends[::-1] if index % 2 == 0 else ends
        horizontal.append(np.column_stack([along, [tick, tick]]))
    return np.vstack(vertical + horizontal)


def circle_with_spokes(n_circle: int = 96, n_spokes: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """The unit circle and ``n_spokes`` radii as one unbroken path.

    Returns
    -------
    points : (n_circle + 1 + 2·n_spokes, 2) ndarray: the circle from angle 0 round to angle
        0, then for each spoke the origin and the spoke's tip. Going from a tip back to the
        origin retraces that spoke (the first goes along spoke 0), so no gaps (NaN
        separators) are needed, and every tip comes right after the origin, so an arrowhead
        drawn there points outwards.
    tips : (n_spokes,) int ndarray, indices of the spoke tips (points on the circle at angles
        ``2πj/n_spokes``), for marking "test vectors".
    """
    angles = np.linspace(0.0, 2 * np.pi, n_circle + 1)
    circle = np.column_stack([np.cos(angles), np.sin(angles)])
    spoke_angles = 2 * np.pi * np.arange(n_spokes) / n_spokes
    return with_arrows(circle, np.column_stack([np.cos(spoke_angles), np.sin(spoke_angles)]))


def with_arrows(path: np.ndarray, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Append a spoke from the origin to each vector (rows of (m, 2) ``vectors``) to a path.

    Returns
    -------
    points : (len(path) + 2m, 2) ndarray, the path, then origin and tip for each vector.
    tips : (m,) int ndarray, indices of the vectors' tips in ``points``.

    Notes
    -----
    Drawing the arrows as part of the shape they belong to keeps an animation to one trace
    per frame instead of one per arrow.
    """
    vectors = np.asarray(vectors, dtype=float).reshape(-1, 2)
    spokes = np.zeros((2 * len(vectors), 2))
    spokes[1::2] = vectors
    tips = len(path) + 1 + 2 * np.arange(len(vectors))
    return np.vstack([path, spokes]), tips.astype(int)


def apply_linear(matrices: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Apply one matrix (2, 2) or a stack (F, 2, 2) to points (P, 2): (P, 2) or (F, P, 2).

    Notes
    -----
    Points are rows, so the image of ``p`` is ``A p``, computed for all points as ``P Aᵀ``.
    """
    matrices = np.asarray(matrices, dtype=float)
    points = np.asarray(points, dtype=float)
    if matrices.ndim == 2:
        return points @ matrices.T
    return np.einsum("fij,pj->fpi", matrices, points)


def rotation(angle: float) -> np.ndarray:
    """The (2, 2) matrix of a counterclockwise rotation by ``angle`` radians."""
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s], [s, c]])


def arc(start: float, sweep: float, radius: float, n: int = 40) -> np.ndarray:
    """(n, 2) points of a circular arc round the origin, from angle ``start`` by ``sweep``."""
    angles = start + np.linspace(0.0, sweep, n)
    return radius * np.column_stack([np.cos(angles), np.sin(angles)])


def span_segment(vector: np.ndarray, half_length: float) -> np.ndarray:
    """(2, 2) ends of the line through the origin along ``vector``, ``half_length`` each way.

    Empty (0, 2) for the zero vector, which spans only the origin.
    """
    vector = np.asarray(vector, dtype=float)
    norm = float(np.linalg.norm(vector))
    if norm == 0:
        return np.zeros((0, 2))
    direction = vector / norm
    return np.vstack([-half_length * direction, half_length * direction])


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
    return arc(start, math.radians(result.signed_angle), size)


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


# Toy word embeddings: 4 readable features instead of hundreds of learned ones. Real
# embeddings (word2vec, sentence transformers) are compared with exactly the same formula.
EMBEDDING_FEATURES: tuple[str, ...] = ("royal", "person", "animal", "food", "female")
EMBEDDINGS: dict[str, tuple[float, ...]] = {
    "king": (0.90, 0.85, 0.05, 0.00, 0.10),
    "queen": (0.88, 0.85, 0.05, 0.00, 0.90),
    "chef": (0.05, 0.90, 0.00, 0.70, 0.40),
    "cat": (0.05, 0.05, 0.95, 0.10, 0.50),
    "dog": (0.05, 0.10, 0.95, 0.05, 0.45),
    "corgi": (0.60, 0.05, 0.90, 0.00, 0.40),
    "apple": (0.00, 0.00, 0.05, 0.95, 0.05),
    "bread": (0.00, 0.05, 0.00, 0.90, 0.05),
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

    The image of :func:`grid_polyline` under B; empty (0, 2) when b₁, b₂ are not a basis.
    """
    if result.rank < 2:
        return np.zeros((0, 2))
    return apply_linear(result.basis, grid_polyline(extent))


def basis_span(result: BasisCoordinates, half_length: float) -> np.ndarray:
    """For dependent b₁, b₂: ends of the one line they span (empty for a basis or two zeros)."""
    if result.rank != 1:
        return np.zeros((0, 2))
    column = result.basis[:, int(np.argmax(np.linalg.norm(result.basis, axis=0)))]
    return span_segment(column, half_length)


def basis_note(result: BasisCoordinates) -> str | None:
    """What is wrong with b₁, b₂ as a basis, in words; None for a comfortable basis."""
    if result.rank < 2:
        where = (
            "x lies on that line, so it has infinitely many pairs of coordinates."
            if result.in_span
            else "x is off that line, so no coordinates c₁, c₂ give x."
        )
        return (
            "b₁ and b₂ are dependent (one is a multiple of the other, or zero): they only "
            f"reach the points of one line, so they are not a basis. {where}"
        )
    if result.condition > 100:
        return (
            f"b₁ and b₂ are nearly parallel (condition number {plain_number(result.condition, 3)}):"
            " a small change of x moves its coordinates a lot."
        )
    return None


# --- least squares as a projection ----------------------------------------------------------


def noisy_line(
    seed: int,
    n: int,
    noise: float,
    slope: float = 0.6,
    intercept: float = 1.5,
    x_range: tuple[float, float] = (0.0, 10.0),
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` seeded points scattered round the line y = slope·x + intercept.

    Returns
    -------
    x, y : (n,) ndarrays; x uniform on ``x_range`` (sorted), y with Gaussian noise of standard
        deviation ``noise``.
    """
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(*x_range, size=n))
    y = slope * x + intercept + noise * rng.standard_normal(n)
    return x, y


@dataclass(frozen=True)
class LineFit:
    """The least-squares line through points, with the pieces of the normal equations.

    Attributes
    ----------
    design : (n, 2) ndarray X, columns 1 and x.
    target : (n,) ndarray y.
    coefficients : (2,) ndarray β̂ = (intercept, slope).
    fitted : (n,) ndarray ŷ = X β̂, the projection of y onto the column space of X.
    residual : (n,) ndarray e = y - ŷ.
    gram : (2, 2) ndarray XᵀX.
    moment : (2,) ndarray Xᵀy.
    residual_dot_columns : (2,) ndarray Xᵀe (zero up to rounding: e is orthogonal to X).
    rank : rank of X (1 when every x is the same, and then the slope is not determined).
    """

    design: np.ndarray
    target: np.ndarray
    coefficients: np.ndarray
    fitted: np.ndarray
    residual: np.ndarray
    gram: np.ndarray
    moment: np.ndarray
    residual_dot_columns: np.ndarray
    rank: int

    @property
    def exact(self) -> bool:
        """Whether the points lie on the line: the residual is zero up to rounding."""
        size = max(1.0, float(np.linalg.norm(self.target)))
        return float(np.linalg.norm(self.residual)) <= 1e-9 * size


def fit_line(x: np.ndarray, y: np.ndarray) -> LineFit:
    """Fit y ≈ β₀ + β₁x by least squares, through the normal equations.

    Parameters
    ----------
    x, y : (n,) array_like, n ≥ 1.

    Returns
    -------
    LineFit

    Notes
    -----
    Minimising |y - Xβ|² over β puts Xβ̂ at the point of the column space closest to y: the
    orthogonal projection. The error e = y - Xβ̂ is then perpendicular to every column,
    Xᵀ(y - Xβ̂) = 0, which are the normal equations XᵀX β̂ = Xᵀy. When all x coincide the
    columns are dependent and the slope is free; we then take the flat line through the
    mean (the minimum-norm choice among the equally good ones would tilt it).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    design = np.column_stack([np.ones_like(x), x])
    gram = design.T @ design
    moment = design.T @ y
    spread = float(np.ptp(x)) if x.size else 0.0
    scale = max(1.0, float(np.max(np.abs(x)))) if x.size else 1.0
    if x.size >= 2 and spread > 1e-9 * scale:
        coefficients = np.linalg.solve(gram, moment)
        rank = 2
    else:
        coefficients = np.array([float(np.mean(y)) if y.size else 0.0, 0.0])
        rank = 1 if x.size else 0
    fitted = design @ coefficients
    residual = y - fitted
    return LineFit(
        design=design,
        target=y,
        coefficients=coefficients,
        fitted=fitted,
        residual=residual,
        gram=gram,
        moment=moment,
        residual_dot_columns=design.T @ residual,
        rank=rank,
    )


def fitted_segment(x: np.ndarray, fit: LineFit) -> np.ndarray:
    """(2, 2) ends of the fitted line over the range of x."""
    x = np.asarray(x, dtype=float)
    ends = np.array([x.min(), x.max()]) if x.size else np.zeros(2)
    intercept, slope = fit.coefficients
    return np.column_stack([ends, intercept + slope * ends])


def residual_path(x: np.ndarray, y: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    """The vertical residual segments as one unbroken path, shape (3n - 1, 2), x sorted.

    Notes
    -----
    From each data point down (or up) to the line, along the line to the next point's foot,
    up to that point and back to its foot, and so on. The connecting pieces lie on the
    fitted line, which is drawn anyway, so no gaps are needed.
    """
    order = np.argsort(x, kind="stable")
    xs, ys, fs = x[order], y[order], fitted[order]
    path = []
    for index, (xi, yi, fi) in enumerate(zip(xs, ys, fs, strict=True)):
        if index == 0:
            path += [(xi, yi), (xi, fi)]
        else:
            path += [(xi, fi), (xi, yi), (xi, fi)]
    return np.array(path, dtype=float).reshape(-1, 2)


@dataclass(frozen=True)
class ColumnSpacePicture:
    """The least-squares geometry of Rⁿ, drawn faithfully in three dimensions.

    The columns 1 and x of X and the data y span (at most) a 3-dimensional subspace of Rⁿ.
    In an orthonormal basis of it, lengths and angles are exactly those of Rⁿ.

    Attributes
    ----------
    columns : (2, 3) ndarray, the two columns of X (first column 1, second x).
    target : (3,) ndarray y.
    fitted : (3,) ndarray ŷ, in the plane z = 0 (the column space).
    residual : (3,) ndarray e = y - ŷ, along the z axis (perpendicular to the plane).
    right_angle : (3, 3) ndarray, three corners of a small square at ŷ between the plane and
        e (the right-angle mark); empty (0, 3) when e = 0 or ŷ = 0.
    """

    columns: np.ndarray
    target: np.ndarray
    fitted: np.ndarray
    residual: np.ndarray
    right_angle: np.ndarray


def column_space_picture(fit: LineFit) -> ColumnSpacePicture:
    """Coordinates of X's columns, y, ŷ and e in an orthonormal basis of span{1, x, y}.

    Notes
    -----
    Gram-Schmidt on ŷ, the columns and e: q₁ = ŷ/|ŷ|, q₂ = the part of a column
    perpendicular to q₁, normalised (q₁, q₂ span the column space), and q₃ = e/|e|, which
    is perpendicular to both since e ⟂ the column space. A vector w of the subspace has
    coordinates (q₁·w, q₂·w, q₃·w); the q's being orthonormal, every dot product (every
    length and angle) is that of Rⁿ. In these coordinates ŷ lies along the first axis and e
    is vertical above its tip. A missing direction (e = 0 when the points lie on a line)
    is left out: its coordinate is 0.
    """
    columns = fit.design.T
    plane: list[np.ndarray] = []
    for vector in (fit.fitted, columns[0], columns[1]):
        remainder = vector - sum(((q @ vector) * q for q in plane), np.zeros_like(vector))
        norm = float(np.linalg.norm(remainder))
        if len(plane) < 2 and norm > 1e-9 * max(1.0, float(np.linalg.norm(vector))):
            plane.append(remainder / norm)
    plane += [np.zeros_like(fit.target)] * (2 - len(plane))
    # e is perpendicular to the plane in exact arithmetic; removing its rounding-error part
    # along the plane keeps the basis orthonormal when e is tiny (little noise).
    up = fit.residual - sum(((q @ fit.residual) * q for q in plane), np.zeros_like(fit.target))
    height = float(np.linalg.norm(up))
    exact = height <= 1e-9 * max(1.0, float(np.linalg.norm(fit.target)))
    basis = [*plane, np.zeros_like(up) if exact else up / height]
    q = np.vstack(basis)  # (3, n): rows orthonormal, or zero for a missing direction

    fitted, residual = q @ fit.fitted, q @ fit.residual
    fitted_norm, residual_norm = float(np.linalg.norm(fitted)), float(np.linalg.norm(residual))
    if fitted_norm > 0 and residual_norm > 0:
        # Sides of the mark: back along ŷ, and up along e; a tenth of the shorter one long.
        size = 0.1 * min(fitted_norm, residual_norm)
        back, up = -fitted / fitted_norm * size, residual / residual_norm * size
        right_angle = np.vstack([fitted + back, fitted + back + up, fitted + up])
    else:
        right_angle = np.zeros((0, 3))
    return ColumnSpacePicture(
        columns=columns @ q.T,
        target=q @ fit.target,
        fitted=fitted,
        residual=residual,
        right_angle=right_angle,
    )


def height_stretch(picture: ColumnSpacePicture, share: float = 0.35) -> float:
    """How much to stretch the vertical axis so that e shows as ``share`` of the plane's size.

    Stretching only the axis perpendicular to the plane keeps the plane to scale and every
    right angle with it right (e stays vertical, the plane flat); 1 when e is large enough.
    """
    flat = np.vstack([np.zeros((1, 3)), picture.columns, picture.fitted[None, :]])[:, :2]
    width = float(np.max(np.ptp(flat, axis=0)))
    height = abs(float(picture.residual[2]))
    if height <= 1e-9 * width:  # no residual to show (the points lie on a line)
        return 1.0
    return max(1.0, share * width / height)


# --- formulas with the current numbers ------------------------------------------------------


def _gathered(lines: list[str], gap: str = "4pt") -> str:
    """Formulas stacked and centred (they sit in a narrow column beside the picture)."""
    return r"\begin{gathered}" + rf" \\[{gap}] ".join(lines) + r"\end{gathered}"


def dot_latex(result: DotProduct) -> str:
    """u·v by components and as |u||v|cos θ, with the angle and the shadow's length."""
    (ux, uy), (vx, vy) = result.u, result.v
    n = latex_number
    lines = [
        rf"u \cdot v = ({n(ux)})({n(vx)}) + ({n(uy)})({n(vy)}) = {n(result.dot)}",
        rf"|u| = {n(result.norm_u)},\ \ |v| = {n(result.norm_v)}",
    ]
    if result.cosine is None:
        lines.append(r"\cos\theta\ \text{undefined (a zero vector)}")
    else:
        lines += [
            rf"\cos\theta = \frac{{u \cdot v}}{{|u|\,|v|}} = {n(result.cosine)}",
            rf"\theta = {n(result.angle, 3)}^\circ",
            rf"\text{{shadow}} = \frac{{u \cdot v}}{{|u|}} = |v|\cos\theta = "
            rf"{n(result.scalar_projection)}",
        ]
    return _gathered(lines)


def cosine_latex(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> str:
    """The cosine similarity of two embeddings, worked out step by step."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)

    def row(vector: np.ndarray) -> str:
        return "(" + ", ".join(latex_number(value, 2) for value in vector) + ")"

    norm_a, norm_b = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    value = cosine_similarity(a, b)
    shown = latex_number(value, 3) if value is not None else r"\text{undefined}"
    return _gathered(
        [
            rf"a = \text{{{name_a}}} = {row(a)}",
            rf"b = \text{{{name_b}}} = {row(b)}",
            rf"a \cdot b = {latex_number(float(a @ b), 4)},\ \ |a| = {latex_number(norm_a, 4)},"
            rf"\ \ |b| = {latex_number(norm_b, 4)}",
            rf"\cos(a, b) = \frac{{a \cdot b}}{{|a|\,|b|}} = {shown}",
        ]
    )


def basis_latex(result: BasisCoordinates) -> str:
    """x = c₁b₁ + c₂b₂ as the system B c = x, and its solution."""
    x = result.target
    system = rf"B\,c = x:\ \ {latex_matrix(result.basis, 3)} c = {latex_matrix(x, 3)}"
    if result.coordinates is None:
        reason = (
            r"\text{no unique } c:\ \det B = 0"
            if result.rank == 1
            else r"\text{no unique } c:\ b_1 = b_2 = 0"
        )
        return _gathered([system, reason])
    c1, c2 = result.coordinates
    return _gathered(
        [
            system,
            rf"c = B^{{-1}}x = {latex_matrix(result.coordinates, 3)}",
            rf"x = {latex_number(c1, 3)}\,b_1 + {latex_number(c2, 3)}\,b_2",
        ]
    )


def normal_equations_latex(fit: LineFit) -> str:
    """XᵀX β̂ = Xᵀy with the current sums, the solution, and Xᵀe ≈ 0."""
    lines = [
        rf"X^\mathsf{{T}}X\,\hat\beta = X^\mathsf{{T}}y:\ \ {latex_matrix(fit.gram, 4)}"
        rf"\begin{{bmatrix}}\hat\beta_0 \\ \hat\beta_1\end{{bmatrix}} = "
        rf"{latex_matrix(fit.moment, 4)}",
        rf"\hat\beta = {latex_matrix(fit.coefficients, 4)},\qquad "
        rf"X^\mathsf{{T}}e = {latex_matrix(fit.residual_dot_columns, 2)}",
    ]
    return _gathered(lines, "6pt")
