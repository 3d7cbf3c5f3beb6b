"""Matrices as transformations of the plane (and of space): the pure maths behind the page.

A 2x2 matrix ``A = [[a, b], [c, d]]`` moves every point ``x`` of the plane to ``A x``. Its
columns are where the basis vectors land (``A e1 = (a, c)``, ``A e2 = (b, d)``), its
determinant is the factor by which it multiplies areas (negative when it flips the plane
over), and its real eigenvectors are the directions it does not turn.

This module holds only numpy/scipy code: where matrices come from (presets, named steps and
their composition), paths from the identity to a matrix for the animation, the facts about a
matrix (determinant, rank, inverse, column and null space, eigenvectors), the geometry that
the figures draw, and the plain-language notes and LaTeX the page shows. It imports nothing
from Streamlit or plotly; :mod:`mathviz.linalg_figures` turns its results into figures.

Conventions: points are rows, so an ``(m, 2)`` array of points ``P`` maps to ``P @ A.T``;
matrices along an animation are stacked as ``(n, 2, 2)`` (or ``(n, 3, 3)``) arrays.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

# --- numbers the page works with ------------------------------------------------------------

ENTRY_LIMIT = 1e6  # the largest entry the page accepts ("huge" matrices stay reachable)
TINY_ENTRY = 1e-100  # smaller entries are read as 0 so that products cannot underflow
NEARLY_SINGULAR_CONDITION = 1e8  # condition numbers above this earn a "nearly singular" note
BIG_VIEW = 50.0  # views wider than this get a "zoomed out" note
GRID_MAX = 10  # grid lines run over the integers -GRID_MAX..GRID_MAX at most
GRID_MIN = 2
FRAMES_MORPH = 41  # frames of the I -> A animation (about 0.7 s at 60 frames a second)
FRAMES_PER_STEP = 20  # frames per step when composed steps play one after another


def as_matrix(entries: Sequence[float] | np.ndarray, size: int | None = None) -> np.ndarray:
    """A square float matrix from its entries, row by row, with tiny entries read as 0.

    Parameters
    ----------
    entries : the ``n * n`` entries in reading order (``a, b, c, d`` for 2x2), or a matrix.
    size : ``n``; inferred from the number of entries when omitted.

    Returns
    -------
    (n, n) ndarray of finite floats.

    Raises
    ------
    ValueError
        If an entry is not finite or the count is not a square.

    Notes
    -----
    Entries with ``|x| < TINY_ENTRY`` (1e-100) become exactly 0: their products would
    underflow to 0 and make ``det A = 0`` contradict ``rank A = 2``.
    """
    values = np.asarray(entries, dtype=float).ravel()
    n = size if size is not None else math.isqrt(values.size)
    if n * n != values.size:
        raise ValueError(f"{values.size} entries do not fill a square matrix")
    if not np.all(np.isfinite(values)):
        raise ValueError("matrix entries must be finite numbers")
    values = np.where(np.abs(values) < TINY_ENTRY, 0.0, values)
    return values.reshape(n, n) + 0.0  # + 0.0 turns -0.0 into 0.0


def had_tiny_entries(entries: Sequence[float]) -> bool:
    """Whether some nonzero entry is below ``TINY_ENTRY`` and was read as 0 by :func:`as_matrix`."""
    values = np.abs(np.asarray(entries, dtype=float))
    return bool(np.any((values > 0) & (values < TINY_ENTRY)))


# --- elementary maps --------------------------------------------------------------------------


def rotation(angle_degrees: float) -> np.ndarray:
    """(2, 2) rotation by ``angle_degrees`` counter-clockwise.

    Notes
    -----
    ``R(θ) = [[cos θ, -sin θ], [sin θ, cos θ]]``.
    """
    quarter_turns, rest = divmod(float(angle_degrees), 90.0)
    if rest == 0.0:  # exact for multiples of 90°: no 6e-17 where a 0 belongs
        c, s = ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))[int(quarter_turns) % 4]
    else:
        theta = math.radians(angle_degrees)
        c, s = math.cos(theta), math.sin(theta)
    return np.array([[c, -s], [s, c]]) + 0.0  # + 0.0: no -0.0


def scaling(x_factor: float, y_factor: float) -> np.ndarray:
    """(2, 2) scaling by ``x_factor`` along x and ``y_factor`` along y: ``diag(sx, sy)``."""
    return np.array([[x_factor, 0.0], [0.0, y_factor]])


def shear(x_amount: float = 0.0, y_amount: float = 0.0) -> np.ndarray:
    """(2, 2) shear: ``[[1, kx], [ky, 1]]`` (x slides by ``kx·y``, y by ``ky·x``)."""
    return np.array([[1.0, x_amount], [y_amount, 1.0]])


def line_direction(angle_degrees: float) -> np.ndarray:
    """(2,) unit vector along the line through 0 at ``angle_degrees`` from the x-axis."""
    return rotation(angle_degrees)[:, 0]


def canonical_direction(direction: np.ndarray) -> np.ndarray:
    """The same line's unit vector with its first clearly nonzero component positive.

    Eigenvectors and basis vectors of a line are defined up to sign; this picks one sign so
    that the page reads ``(0.71, 0.71)`` rather than ``(-0.71, -0.71)``.
    """
    u = np.asarray(direction, dtype=float)
    u = u / np.linalg.norm(u)
    leading = u[np.argmax(np.abs(u) > 1e-12)]
    return (-u if leading < 0 else u) + 0.0


def projection(angle_degrees: float) -> np.ndarray:
    """(2, 2) orthogonal projection onto the line through 0 at ``angle_degrees``.

    Notes
    -----
    ``P = u uᵀ`` with ``u`` the unit direction of the line; ``P² = P``, ``det P = 0``.
    """
    u = line_direction(angle_degrees)
    return np.outer(u, u)


def reflection(angle_degrees: float) -> np.ndarray:
    """(2, 2) reflection across the line through 0 at ``angle_degrees``.

    Notes
    -----
    ``F = 2 u uᵀ - I``: the component along ``u`` stays, the one across it changes sign;
    ``det F = -1``.
    """
    return 2.0 * projection(angle_degrees) - np.eye(2)


# --- presets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A named matrix worth showing, with one sentence on what it does.

    Attributes
    ----------
    entries : the entries in reading order (4 for 2x2, 9 for 3x3).
    summary : what the map does, in plain words.
    """

    entries: tuple[float, ...]
    summary: str

    def __post_init__(self) -> None:
        # Always floats, so the entries can seed float number inputs.
        object.__setattr__(self, "entries", tuple(float(x) for x in self.entries))

    @property
    def matrix(self) -> np.ndarray:
        """The preset as an (n, n) array."""
        return as_matrix(self.entries)


def _entries(matrix: np.ndarray) -> tuple[float, ...]:
    return tuple(float(x) for x in np.asarray(matrix).ravel())


PRESETS: dict[str, Preset] = {
    "identity": Preset((1, 0, 0, 1), "Leaves every vector where it is."),
    "quarter turn": Preset((0, -1, 1, 0), "Rotates the plane by 90° counter-clockwise."),
    "shear": Preset((1, 1, 0, 1), "Slides each horizontal line sideways by its height."),
    "mirror": Preset((-1, 0, 0, 1), "Reflects across the y-axis: the plane is flipped over."),
    "stretch": Preset((2, 0, 0, 0.5), "Doubles x and halves y: areas are kept (det = 1)."),
    "projection": Preset(
        _entries(projection(45)), "Drops every vector straight onto the line y = x (singular)."
    ),
    "rotate and scale": Preset(
        _entries(1.1 * rotation(30)),
        "Turns by 30° and grows by 1.1: complex eigenvalues, no real eigenvector.",
    ),
    "diagonal stretch": Preset(
        (2, 1, 1, 2), "Stretches the diagonal y = x by 3 and keeps y = -x: two eigenvectors."
    ),
    "nearly singular": Preset(
        (1, 1, 1, 1 + 1e-12), "Invertible, but only just: det is about 1e-12."
    ),
    "zero": Preset((0, 0, 0, 0), "Sends every vector to the origin (rank 0)."),
}


# --- named steps and their composition --------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A named elementary map with one parameter, as used when composing steps.

    Attributes
    ----------
    parameter : the parameter's label, with its unit.
    low, high, default, increment : the parameter's range, starting value and slider step.
    build : parameter -> (2, 2) matrix.
    rest : the parameter value at which the step is the identity, or None if there is none
        (reflections, projections); animations move the parameter from ``rest`` (so a rotation
        turns by angle) and otherwise blend straight from I.
    symbol : parameter -> LaTeX name of the factor, e.g. ``R_{90°}``.
    """

    parameter: str
    low: float
    high: float
    default: float
    increment: float
    build: Callable[[float], np.ndarray]
    rest: float | None
    symbol: Callable[[float], str]

    def along(self, amount: float, t: float) -> np.ndarray:
        """(2, 2) matrix a fraction ``t`` (0..1) of the way from I to ``build(amount)``."""
        if self.rest is not None:
            return self.build(self.rest + t * (amount - self.rest))
        return (1.0 - t) * np.eye(2) + t * self.build(amount)


ANGLE = "angle θ (degrees)"
STEPS: dict[str, Step] = {
    "rotate": Step(ANGLE, -180.0, 180.0, 90.0, 5.0, rotation, 0.0, lambda p: f"R_{{{fmt(p)}°}}"),
    "scale x": Step(
        "factor", -3.0, 3.0, 2.0, 0.1, lambda p: scaling(p, 1.0), 1.0, lambda p: f"S^x_{{{fmt(p)}}}"
    ),
    "scale y": Step(
        "factor", -3.0, 3.0, 2.0, 0.1, lambda p: scaling(1.0, p), 1.0, lambda p: f"S^y_{{{fmt(p)}}}"
    ),
    "shear x": Step(
        "amount k", -3.0, 3.0, 1.0, 0.1, lambda p: shear(p, 0.0), 0.0, lambda p: f"H^x_{{{fmt(p)}}}"
    ),
    "shear y": Step(
        "amount k", -3.0, 3.0, 1.0, 0.1, lambda p: shear(0.0, p), 0.0, lambda p: f"H^y_{{{fmt(p)}}}"
    ),
    "reflect": Step(
        "mirror line " + ANGLE,
        -90.0,
        90.0,
        90.0,
        5.0,
        reflection,
        None,
        lambda p: f"F_{{{fmt(p)}°}}",
    ),
    "project": Step(
        "line " + ANGLE, -90.0, 90.0, 0.0, 5.0, projection, None, lambda p: f"P_{{{fmt(p)}°}}"
    ),
}
NO_STEP = "none"


def compose(matrices: Sequence[np.ndarray]) -> np.ndarray:
    """The single matrix that applies ``matrices`` one after another, first one first.

    Parameters
    ----------
    matrices : (n, n) arrays ``M1, M2, ..., Mk`` in the order they act.

    Returns
    -------
    (n, n) ndarray ``Mk ⋯ M2 M1`` (the identity for no matrices).

    Notes
    -----
    ``x ↦ M1 x ↦ M2 (M1 x)``: the first map acts first, so it stands rightmost. Order matters:
    ``M2 M1 ≠ M1 M2`` in general (rotate-then-stretch is not stretch-then-rotate).
    """
    if not matrices:
        return np.eye(2)
    product = np.eye(np.asarray(matrices[0]).shape[0])
    for matrix in matrices:
        product = np.asarray(matrix, dtype=float) @ product
    return product


def active_steps(steps: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """The chosen steps without the empty ``"none"`` slots, in order."""
    return [(name, float(amount)) for name, amount in steps if name in STEPS]


def step_matrices(steps: Sequence[tuple[str, float]]) -> list[np.ndarray]:
    """The (2, 2) matrix of each chosen ``(step name, parameter)``, ``"none"`` slots skipped."""
    return [STEPS[name].build(amount) for name, amount in active_steps(steps)]


# --- polar decomposition and paths from I to A ------------------------------------------------


def polar(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polar decomposition ``A = R S``: an orthogonal ``R`` (turn or mirror) after a stretch ``S``.

    Parameters
    ----------
    matrix : (n, n) ndarray.

    Returns
    -------
    R : (n, n) orthogonal; ``det R = sign(det A)``, and +1 when A is singular.
    S : (n, n) symmetric positive semi-definite.

    Notes
    -----
    From the SVD ``A = U Σ Vᵀ``: ``R = U Vᵀ`` and ``S = V Σ Vᵀ``. When A is singular the
    direction it kills can be mapped either way; we pick the one with ``det R = +1`` so the
    animation turns rather than mirrors.
    """
    a = np.asarray(matrix, dtype=float)
    u, s, vt = np.linalg.svd(a)
    if np.linalg.det(u @ vt) < 0 and s[-1] <= _rank_tolerance(s, a.shape[0]):
        u = u.copy()
        u[:, -1] = -u[:, -1]
    return u @ vt, (vt.T * s) @ vt


def fractional_rotation(rotation_matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) rotations a fraction ``t`` of the way from I to ``rotation_matrix``.

    Notes
    -----
    2D: ``R(t·θ)`` with ``θ = atan2(R10, R00)``. 3D: the axis-angle vector ``ω`` of R scaled
    by t, ``exp(t [ω]×)`` (scipy's :class:`~scipy.spatial.transform.Rotation`).
    """
    r = np.asarray(rotation_matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    if r.shape == (2, 2):
        theta = math.atan2(r[1, 0], r[0, 0])
        c, s = np.cos(t * theta), np.sin(t * theta)
        return np.stack([np.stack([c, -s], -1), np.stack([s, c], -1)], -2)
    # Imported here: scipy.spatial takes ~0.3 s to import, and only 3D turns need it.
    from scipy.spatial.transform import Rotation

    rotvec = Rotation.from_matrix(r).as_rotvec()
    return Rotation.from_rotvec(t[:, None] * rotvec[None, :]).as_matrix()


def straight_path(matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) matrices ``(1 - t) I + t A``: every point moves on a straight line.

    Notes
    -----
    Eigenvectors stay on their lines: ``((1-t) I + t A) v = (1 - t + t λ) v``.
    """
    a = np.asarray(matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))[:, None, None]
    return (1.0 - t) * np.eye(a.shape[0]) + t * a


def angle_path(matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) matrices that turn by angle while they stretch: ``R(t) S(t)``.

    Notes
    -----
    With ``A = R S`` (:func:`polar`): ``S(t) = (1-t) I + t S`` and, when ``det R = +1``,
    ``R(t)`` the rotation by the fraction t of R's angle; a mirror (``det R = -1``) cannot be
    reached by turning, so it is blended straight, ``(1-t) I + t R``. A rotation by 90° thus
    turns by 90° instead of cutting the corner and shrinking on the way.
    """
    a = np.asarray(matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    r, s = polar(a)
    stretch = straight_path(s, t)
    turn = fractional_rotation(r, t) if np.linalg.det(r) > 0 else straight_path(r, t)
    return turn @ stretch


MORPHS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "straight": straight_path,
    "by angle": angle_path,
}
AUTO_MORPH = "auto"


def has_complex_eigenvalues(matrix: np.ndarray) -> bool:
    """Whether A has a non-real eigenvalue (it turns every direction).

    Notes
    -----
    2x2: the discriminant ``(a - d)² + 4bc`` of the characteristic polynomial is negative.
    Larger: an eigenvalue has an imaginary part above ``1e-9 · ‖A‖``.
    """
    a = np.asarray(matrix, dtype=float)
    if a.shape == (2, 2):
        return _discriminant(a) < 0
    scale = max(float(np.abs(a).max()), TINY_ENTRY)
    return bool(np.any(np.abs(np.linalg.eigvals(a).imag) > 1e-9 * scale))


def straight_path_flattens(matrix: np.ndarray) -> bool:
    """Whether ``(1 - t) I + t A`` is singular for some t in [0, 1] although ``det A > 0``.

    Notes
    -----
    Then the straight morph would squash the plane flat on its way to a map that does not
    (e.g. ``A = -I``, a half turn), and the morph by angle looks right.
    """
    a = np.asarray(matrix, dtype=float)
    if np.linalg.det(a) <= 0:
        return False
    dets = np.linalg.det(straight_path(a, np.linspace(0.0, 1.0, 201)))
    return bool(np.any(dets <= 0))


def choose_morph(matrix: np.ndarray, keep_eigenvectors: bool = False) -> str:
    """The morph that looks most natural for A: ``"by angle"`` or ``"straight"``.

    Parameters
    ----------
    matrix : (n, n) ndarray.
    keep_eigenvectors : prefer the straight morph whenever A has real eigenvectors, because
        only the straight morph keeps them on their lines all the way.

    Notes
    -----
    By angle when A turns every direction (complex eigenvalues), or when the straight morph
    would flatten the plane on the way to an orientation-keeping map; straight otherwise
    (shears, stretches, mirrors, projections).
    """
    a = np.asarray(matrix, dtype=float)
    if has_complex_eigenvalues(a):
        return "by angle"
    if not keep_eigenvectors and straight_path_flattens(a):
        return "by angle"
    return "straight"


def ease(n_frames: int) -> np.ndarray:
    """(n_frames,) times from 0 to 1 that start and stop gently (smoothstep ``3u² - 2u³``)."""
    u = np.linspace(0.0, 1.0, n_frames)
    return u * u * (3.0 - 2.0 * u)


@dataclass(frozen=True)
class Animation:
    """The matrices of an animation, one per frame, and what each frame shows.

    Attributes
    ----------
    matrices : (n, d, d) ndarray; ``matrices[0]`` is I and ``matrices[-1]`` the final map.
    captions : n short descriptions for the scrub slider (``"t = 0.50"``,
        ``"step 2/3: shear x 1"``).
    """

    matrices: np.ndarray
    captions: tuple[str, ...]


def morph(matrix: np.ndarray, method: str, n_frames: int = FRAMES_MORPH) -> Animation:
    """The animation from I to A along the path ``MORPHS[method]``, eased in and out.

    Parameters
    ----------
    matrix : (d, d) ndarray.
    method : a key of :data:`MORPHS`.
    n_frames : number of frames, the identity and A included.

    Returns
    -------
    Animation whose last matrix is exactly A.
    """
    a = np.asarray(matrix, dtype=float)
    times = ease(n_frames)
    matrices = MORPHS[method](a, times)
    matrices[0], matrices[-1] = np.eye(a.shape[0]), a  # exact ends, no rounding
    return Animation(matrices, tuple(f"t = {t:.2f}" for t in times))


def play_steps(steps: Sequence[tuple[str, float]], n_per_step: int = FRAMES_PER_STEP) -> Animation:
    """The animation that plays composed steps one after another.

    Parameters
    ----------
    steps : ``(step name, parameter)`` pairs in the order they act; ``"none"`` is skipped.
    n_per_step : frames per step.

    Returns
    -------
    Animation starting at I; during step k it shows ``Mk(s) · P(k-1)``, where ``P(k-1)`` is
    the product of the earlier steps and ``Mk(s)`` the step a fraction s of its way.
    """
    chosen = active_steps(steps)
    matrices, captions = [np.eye(2)], ["start: the identity"]
    done = np.eye(2)
    for index, (name, amount) in enumerate(chosen, start=1):
        step = STEPS[name]
        for s in ease(n_per_step + 1)[1:]:
            matrices.append(step.along(amount, s) @ done)
            captions.append(f"step {index}/{len(chosen)}: {name} {fmt(amount)}")
        done = step.build(amount) @ done
        matrices[-1] = done  # the step's exact matrix, no rounding
    return Animation(np.array(matrices), tuple(captions))


# --- facts about a matrix ---------------------------------------------------------------------


def _rank_tolerance(singular_values: np.ndarray, size: int) -> float:
    # numpy.linalg.matrix_rank's default: singular values below σmax · n · eps count as 0.
    return float(singular_values.max(initial=0.0)) * size * np.finfo(float).eps


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
        """Invertible, but with a condition number above ``NEARLY_SINGULAR_CONDITION``."""
        return self.invertible and self.condition > NEARLY_SINGULAR_CONDITION


def determinant(matrix: np.ndarray) -> float:
    """The determinant, by the cofactor formula (exactly 0 if numerically singular).

    Notes
    -----
    2x2: ``ad - bc``. 3x3: expansion along the first row. Both are the signed area/volume of
    the image of the unit square/cube. When the rank (see :func:`matrix_facts`) is below n
    the value is set to 0, so that rounding noise of size ``eps · ‖A‖²`` is not shown as an
    area.
    """
    return matrix_facts(matrix).determinant


def _cofactor_determinant(a: np.ndarray) -> float:
    if a.shape == (2, 2):
        return float(a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0])
    if a.shape == (3, 3):
        return float(
            a[0, 0] * (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1])
            - a[0, 1] * (a[1, 0] * a[2, 2] - a[1, 2] * a[2, 0])
            + a[0, 2] * (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0])
        )
    return float(np.linalg.det(a))


def _adjugate_inverse(a: np.ndarray, det: float) -> np.ndarray:
    if a.shape == (2, 2):
        return np.array([[a[1, 1], -a[0, 1]], [-a[1, 0], a[0, 0]]]) / det
    return np.linalg.inv(a)


def matrix_facts(matrix: np.ndarray) -> MatrixFacts:
    """Determinant, rank, singular values, condition number, inverse and the two subspaces.

    Parameters
    ----------
    matrix : (n, n) ndarray of finite floats.

    Returns
    -------
    MatrixFacts

    Notes
    -----
    From the SVD ``A = U Σ Vᵀ`` with r singular values above the tolerance
    ``σmax · n · eps``: the column space is spanned by the first r columns of U, the null
    space by the last n - r rows of Vᵀ. The inverse of a 2x2 matrix is
    ``A⁻¹ = (1 / (ad - bc)) [[d, -b], [-c, a]]``.
    """
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    u, s, vt = np.linalg.svd(a)
    rank = int(np.sum(s > _rank_tolerance(s, n))) if s[0] > 0 else 0
    det = _cofactor_determinant(a) if rank == n else 0.0
    inverse = _adjugate_inverse(a, det) if rank == n else None
    condition = float(s[0] / s[-1]) if rank == n else math.inf
    return MatrixFacts(
        matrix=a,
        determinant=det + 0.0,
        rank=rank,
        singular_values=s,
        condition=condition,
        inverse=inverse,
        column_space=np.array([canonical_direction(c) for c in u[:, :rank].T]).reshape(rank, n),
        null_space=np.array([canonical_direction(r) for r in vt[rank:]]).reshape(n - rank, n),
    )


# --- eigenvectors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EigenSpan:
    """A real eigenvector direction: the line through 0 that A maps onto itself.

    Attributes
    ----------
    value : the eigenvalue λ (the stretch factor along the line; negative flips it).
    direction : (2,) unit eigenvector, ``A u = λ u``.
    """

    value: float
    direction: np.ndarray


@dataclass(frozen=True)
class Eigen:
    """The eigen-structure of a 2x2 matrix, as the page explains it.

    Attributes
    ----------
    values : the two eigenvalues (complex when A turns every direction).
    spans : the real eigen-directions (0, 1 or 2; 2 also for ``λ I``, drawn along the axes).
    every_direction : A = λ I, so every vector is an eigenvector.
    turn : ``(r, φ)`` when the eigenvalues are ``r e^{±iφ}`` (φ in degrees), else None.
    """

    values: tuple[complex, complex]
    spans: tuple[EigenSpan, ...]
    every_direction: bool
    turn: tuple[float, float] | None = field(default=None)


def _discriminant(a: np.ndarray) -> float:
    # tr² - 4 det written without cancellation: (a - d)² + 4bc.
    return float((a[0, 0] - a[1, 1]) ** 2 + 4.0 * a[0, 1] * a[1, 0])


def _null_direction(shifted: np.ndarray) -> np.ndarray:
    """Unit vector orthogonal to the larger row of a (nearly) rank-1 2x2 matrix."""
    row = shifted[int(np.argmax(np.abs(shifted).sum(axis=1)))]
    return canonical_direction(np.array([-row[1], row[0]]))


def eigen(matrix: np.ndarray) -> Eigen:
    """Eigenvalues and real eigen-directions of a 2x2 matrix, from the characteristic polynomial.

    Parameters
    ----------
    matrix : (2, 2) ndarray.

    Returns
    -------
    Eigen

    Notes
    -----
    ``λ² - (a + d) λ + (ad - bc) = 0`` gives ``λ = (a + d ± √D) / 2`` with the discriminant
    ``D = (a - d)² + 4bc``. ``D < 0``: complex pair ``r e^{±iφ}`` with ``r = √det`` and
    ``cos φ = (a + d) / (2r)``: A acts like a turn by φ and a scaling by r (in a skewed
    frame) and no real direction stays put. ``D ≥ 0``: for each λ the eigenvector is
    orthogonal to a nonzero row of ``A - λI``. A repeated λ with ``A ≠ λI`` (a shear) has a
    single eigen-direction.
    """
    a = np.asarray(matrix, dtype=float)
    trace = float(a[0, 0] + a[1, 1])
    disc = _discriminant(a)
    scale = max(float(np.abs(a).max()), TINY_ENTRY)
    if disc < 0:
        half = 0.5 * math.sqrt(-disc)
        values = (complex(trace / 2, half), complex(trace / 2, -half))
        radius = abs(values[0])
        angle = math.degrees(math.atan2(half, trace / 2))
        return Eigen(values, (), False, (radius, angle))
    root = math.sqrt(disc)
    # The larger-magnitude root first, the other from the product (no cancellation).
    big = 0.5 * (trace + math.copysign(root, trace)) if trace != 0 else 0.5 * root
    small = _cofactor_determinant(a) / big if big != 0 else 0.5 * (trace - root)
    values = (complex(big), complex(small))
    if np.abs(a - 0.5 * trace * np.eye(2)).max() <= 1e-12 * scale:  # A = λ I
        axes = tuple(EigenSpan(0.5 * trace, axis) for axis in np.eye(2))
        return Eigen(values, axes, True)
    spans: list[EigenSpan] = []
    for value in (big, small):
        direction = _null_direction(a - value * np.eye(2))
        if all(abs(_cross(direction, span.direction)) > 1e-9 for span in spans):
            spans.append(EigenSpan(value, direction))
    return Eigen(values, tuple(spans), False)


def _cross(u: np.ndarray, v: np.ndarray) -> float:
    return float(u[0] * v[1] - u[1] * v[0])


# --- the geometry the transform view draws -----------------------------------------------------

UNIT_SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
# The letter F inside the unit square, as one stroke that retraces its middle bar: it has no
# mirror symmetry, so a reflection shows at a glance.
LETTER_F = np.array([[0.4, 0.15], [0.4, 0.5], [0.68, 0.5], [0.4, 0.5], [0.4, 0.85], [0.8, 0.85]])


def apply(matrices: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Images of points under one matrix or a stack of them.

    Parameters
    ----------
    matrices : (d, d) or (n, d, d) ndarray.
    points : (m, d) ndarray, one point per row.

    Returns
    -------
    (m, d) or (n, m, d) ndarray, ``A p`` for every point p (and every A).
    """
    return np.einsum("...ij,mj->...mi", np.asarray(matrices, float), np.asarray(points, float))


def grid_path(half_width: int) -> np.ndarray:
    """(4 (2g + 1), 2) one stroke that draws the integer grid over ``[-g, g]²``.

    Notes
    -----
    The vertical lines are run up and down in turn, then the horizontal ones left and right;
    the pieces that join them lie on the border lines, which are grid lines themselves, so
    the stroke draws the grid and nothing else, with no gaps. A linear map sends this stroke
    to the stroke of the transformed grid, because it sends lines to lines.
    """
    g = int(half_width)
    ticks = np.arange(-g, g + 1, dtype=float)
    vertical, horizontal = [], []
    for index, k in enumerate(ticks):
        ends = (-g, g) if index % 2 == 0 else (g, -g)
        vertical += [(k, ends[0]), (k, ends[1])]
    for index, k in enumerate(ticks[::-1]):
        ends = (g, -g) if index % 2 == 0 else (-g, g)
        horizontal += [(ends[0], k), (ends[1], k)]
    return np.array(vertical + horizontal)


def barbs(tips: np.ndarray, directions: np.ndarray, size: np.ndarray | float) -> np.ndarray:
    """The two barbs of arrowheads: (..., 2, 2) end points, left barb then right barb.

    Parameters
    ----------
    tips : (..., 2) where the heads sit.
    directions : (..., 2) the way each arrow points (any length; zero gives no barbs).
    size : barb length(s) in data units, broadcast against ``tips[..., :1]``.

    Notes
    -----
    Each barb is the backward direction turned by ±25°.
    """
    tips = np.asarray(tips, dtype=float)
    directions = np.asarray(directions, dtype=float)
    length = np.linalg.norm(directions, axis=-1, keepdims=True)
    back = -directions / np.where(length > 0, length, 1.0)
    c, s = math.cos(math.radians(25)), math.sin(math.radians(25))
    bx, by = back[..., 0], back[..., 1]
    left = np.stack([c * bx - s * by, s * bx + c * by], -1)
    right = np.stack([c * bx + s * by, -s * bx + c * by], -1)
    size = np.asarray(size, dtype=float)
    return np.stack([tips + size * left, tips + size * right], axis=-2)


def arrow_path(tips: np.ndarray, head: float) -> np.ndarray:
    """Strokes ``0 → tip → left barb → tip → right barb`` for arrows from the origin.

    Parameters
    ----------
    tips : (..., 2) arrow tips.
    head : barb length in data units (shortened to a third of a short arrow).

    Returns
    -------
    (..., 5, 2) ndarray; a zero vector gives five points at the origin.
    """
    tips = np.asarray(tips, dtype=float)
    length = np.linalg.norm(tips, axis=-1, keepdims=True)
    ends = barbs(tips, tips, np.minimum(head, length / 3.0))
    origin = np.zeros_like(tips)
    return np.stack([origin, tips, ends[..., 0, :], tips, ends[..., 1, :]], axis=-2)


def view_window(points: np.ndarray, pad: float = 0.12) -> np.ndarray:
    """``[xmin, xmax, ymin, ymax]`` holding the origin and every point, with a margin.

    Parameters
    ----------
    points : (..., 2) ndarray.
    pad : margin as a fraction of the larger side.
    """
    flat = np.asarray(points, dtype=float).reshape(-1, 2)
    low = np.minimum(flat.min(axis=0), 0.0)
    high = np.maximum(flat.max(axis=0), 0.0)
    margin = pad * max(float((high - low).max()), 1e-9)
    return np.array([low[0] - margin, high[0] + margin, low[1] - margin, high[1] + margin])


def grid_half_width(matrices: np.ndarray, window: np.ndarray) -> int:
    """How far the grid must reach (in grid units) to fill ``window`` in every frame.

    Notes
    -----
    The image of ``[-g, g]²`` under A covers the window if every window corner c has
    ``‖A⁻¹ c‖∞ ≤ g``. Singular frames need an infinite grid and are skipped; the answer is
    clipped to ``GRID_MIN..GRID_MAX`` so a strongly shrinking map shows a small patch of
    grid rather than thousands of lines.
    """
    x0, x1, y0, y1 = window
    corners = np.array([[x0, x1, x0, x1], [y0, y0, y1, y1]])
    stack = np.asarray(matrices, dtype=float)
    s = np.linalg.svd(stack, compute_uv=False)
    regular = s[:, -1] > np.maximum(s[:, 0], TINY_ENTRY) * 1e-9
    need = float(GRID_MIN)
    if np.any(regular):
        inside = stack[regular]
        pre_images = np.linalg.solve(inside, np.broadcast_to(corners, (len(inside), 2, 4)))
        need = max(need, min(float(np.abs(pre_images).max()), float(GRID_MAX)))
    return int(min(GRID_MAX, math.ceil(need)))


@dataclass(frozen=True)
class TransformScene:
    """Everything the transform view draws, frame by frame (n frames), in data coordinates.

    Attributes
    ----------
    animation : the matrices and their captions.
    window : [xmin, xmax, ymin, ymax] that holds every frame.
    grid : (m, 2) grid stroke before the map; ``grid_images`` (n, m, 2) its images.
    square_images : (n, 5, 2) images of the unit square's outline.
    letter_images : (n, 6, 2) images of the letter F.
    basis_arrows : (n, 2, 5, 2) arrows to A e1 and A e2 (see :func:`arrow_path`).
    vector : (2,) the chosen v; ``vector_arrow`` (5, 2) its arrow.
    vector_images : (n, 2) A v per frame; ``image_arrows`` (n, 5, 2) their arrows.
    determinants : (n,) det of each frame's matrix.
    eigen_spans : the real eigen-directions of the final matrix (empty if not asked for).
    eigen_arrows : (n, len(eigen_spans), 5, 2) arrows to A u for each unit eigenvector u.
    span_lines : (len(eigen_spans), 2, 2) end points of each eigen-line across the window.
    column_line, null_line : (2, 2) end points of the column space / null space line when
        it is a line (rank 1), else None.
    """

    animation: Animation
    window: np.ndarray
    grid: np.ndarray
    grid_images: np.ndarray
    square_images: np.ndarray
    letter_images: np.ndarray
    basis_arrows: np.ndarray
    vector: np.ndarray
    vector_arrow: np.ndarray
    vector_images: np.ndarray
    image_arrows: np.ndarray
    determinants: np.ndarray
    eigen_spans: tuple[EigenSpan, ...]
    eigen_arrows: np.ndarray
    span_lines: np.ndarray
    column_line: np.ndarray | None
    null_line: np.ndarray | None


def frame_determinants(matrices: np.ndarray) -> np.ndarray:
    """(n,) determinant of each (d, d) matrix of a stack, 0 where it is numerically singular.

    Notes
    -----
    Same rule as :func:`matrix_facts`: a frame whose smallest singular value is below
    ``σmax · d · eps`` has rank < d and determinant exactly 0.
    """
    stack = np.asarray(matrices, dtype=float)
    s = np.linalg.svd(stack, compute_uv=False)
    tolerance = s[:, 0] * stack.shape[-1] * np.finfo(float).eps
    singular = (s[:, -1] <= tolerance) | (s[:, 0] == 0)
    return np.where(singular, 0.0, np.linalg.det(stack)) + 0.0


def _line_across(direction: np.ndarray, window: np.ndarray) -> np.ndarray:
    reach = 2.0 * float(np.abs(window).max())
    unit = np.asarray(direction, dtype=float)
    return np.array([-reach * unit, reach * unit])


def transform_scene(
    animation: Animation,
    vector: Sequence[float],
    eigen_spans: Sequence[EigenSpan] = (),
    facts: MatrixFacts | None = None,
) -> TransformScene:
    """The geometry of the transform view for every frame of ``animation``.

    Parameters
    ----------
    animation : frames from I to the final matrix A (``animation.matrices[-1]``).
    vector : (2,) the vector v whose image A v is drawn.
    eigen_spans : eigen-directions of A to draw as lines (with their moving eigenvectors).
    facts : :func:`matrix_facts` of A, for the column and null space lines; computed if None.

    Returns
    -------
    TransformScene
    """
    matrices = animation.matrices
    final = matrices[-1]
    facts = facts if facts is not None else matrix_facts(final)
    v = np.asarray(vector, dtype=float)
    units = np.array([span.direction for span in eigen_spans]).reshape(-1, 2)

    square_images = apply(matrices, UNIT_SQUARE)
    letter_images = apply(matrices, LETTER_F)
    basis_tips = np.swapaxes(matrices, -1, -2)  # rows: A e1, A e2
    vector_images = apply(matrices, v[None, :])[:, 0, :]
    eigen_tips = apply(matrices, units)
    window = view_window(
        np.concatenate(
            [square_images.reshape(-1, 2), vector_images, v[None, :], eigen_tips.reshape(-1, 2)]
        )
    )
    head = 0.04 * float(max(window[1] - window[0], window[3] - window[2]))
    grid = grid_path(grid_half_width(matrices, window))
    column_line = null_line = None
    if facts.rank == 1:
        column_line = _line_across(facts.column_space[0], window)
        null_line = _line_across(facts.null_space[0], window)
    return TransformScene(
        animation=animation,
        window=window,
        grid=grid,
        grid_images=apply(matrices, grid),
        square_images=square_images,
        letter_images=letter_images,
        basis_arrows=arrow_path(basis_tips, head),
        vector=v,
        vector_arrow=arrow_path(v, head),
        vector_images=vector_images,
        image_arrows=arrow_path(vector_images, head),
        determinants=frame_determinants(matrices),
        eigen_spans=tuple(eigen_spans),
        eigen_arrows=arrow_path(eigen_tips, head),
        span_lines=np.array([_line_across(u, window) for u in units]).reshape(-1, 2, 2),
        column_line=column_line,
        null_line=null_line,
    )


def shoelace_area(polygon: np.ndarray) -> float:
    """Signed area of a closed polygon (counter-clockwise positive).

    Parameters
    ----------
    polygon : (m, 2) vertices; the last may repeat the first.

    Notes
    -----
    ``A = ½ Σ (x_i y_{i+1} - x_{i+1} y_i)``.
    """
    p = np.asarray(polygon, dtype=float)
    x, y = p[:, 0], p[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


# --- 3D: a 3x3 matrix on the unit cube ------------------------------------------------------------

CUBE_VERTICES = np.array(
    [[x, y, z] for x in (0.0, 1.0) for y in (0.0, 1.0) for z in (0.0, 1.0)]
)  # vertex k has coordinates given by the bits of k: x = k >> 2, y = (k >> 1) & 1, z = k & 1
# Two triangles per face, as vertex indices (each face's outward normal by the right hand).
CUBE_TRIANGLES = np.array(
    [
        [0, 3, 2], [0, 1, 3],  # x = 0
        [4, 7, 5], [4, 6, 7],  # x = 1
        [0, 5, 1], [0, 4, 5],  # y = 0
        [2, 7, 6], [2, 3, 7],  # y = 1
        [0, 6, 4], [0, 2, 6],  # z = 0
        [1, 7, 3], [1, 5, 7],  # z = 1
    ]
)  # fmt: skip
# One stroke over all 12 edges (three are run twice: a cube has no Euler path).
CUBE_EDGE_PATH = np.array([0, 1, 3, 2, 0, 4, 5, 7, 6, 4, 5, 1, 3, 7, 6, 2])

CUBE_PRESETS: dict[str, Preset] = {
    "tilt and stretch": Preset(
        (1.5, 0.5, 0, 0, 1, 0.5, 0.3, 0, 1.2), "Leans and stretches the cube: volume × 1.875."
    ),
    "identity": Preset((1, 0, 0, 0, 1, 0, 0, 0, 1), "Leaves space as it is."),
    "turn about z": Preset(
        _entries(np.block([[rotation(45), np.zeros((2, 1))], [np.zeros((1, 2)), np.ones((1, 1))]])),
        "Rotates space by 45° about the z-axis: volume kept.",
    ),
    "shear": Preset((1, 0, 1, 0, 1, 0, 0, 0, 1), "Slides the top of the cube along x."),
    "stretch": Preset((2, 0, 0, 0, 1, 0, 0, 0, 0.5), "Doubles x, halves z: volume kept."),
    "flatten to a plane": Preset(
        (1, 0, 0, 0, 1, 0, 0, 0, 0), "Squashes space onto the floor z = 0 (rank 2, volume 0)."
    ),
    "squash to a line": Preset(
        (1, 1, 1, 1, 1, 1, 1, 1, 1), "Sends everything onto the line x = y = z (rank 1)."
    ),
    "mirror": Preset((1, 0, 0, 0, 1, 0, 0, 0, -1), "Reflects across the floor: det = -1."),
}


@dataclass(frozen=True)
class CubeScene:
    """What the 3D view draws: the unit cube's image under a 3x3 matrix M.

    Attributes
    ----------
    matrix : (3, 3) the matrix M.
    vertex_images : (8, 3) images of the cube's corners (:data:`CUBE_VERTICES`).
    edge_images : (16, 3) images of the one-stroke edge path (:data:`CUBE_EDGE_PATH`).
    basis_tips : (3, 3) rows M e1, M e2, M e3 (the columns of M).
    determinant : signed volume of the image of the cube (0 when M is singular).
    center : (3,) centre of the view box; ``half_width`` its half side. The box is a cube (the
        same length on every axis, so the picture is not distorted) holding the origin, the
        unit cube and its image.
    """

    matrix: np.ndarray
    vertex_images: np.ndarray
    edge_images: np.ndarray
    basis_tips: np.ndarray
    determinant: float
    center: np.ndarray
    half_width: float


def cube_scene(matrix: np.ndarray) -> CubeScene:
    """The images of the unit cube (corners, edges) and of the basis under a 3x3 matrix.

    Parameters
    ----------
    matrix : (3, 3) ndarray M.

    Returns
    -------
    CubeScene

    Notes
    -----
    The image is the parallelepiped spanned by the columns of M; its volume is ``|det M|``.
    """
    m = np.asarray(matrix, dtype=float)
    vertices = apply(m, CUBE_VERTICES)
    points = np.concatenate([vertices, CUBE_VERTICES])
    low, high = points.min(axis=0), points.max(axis=0)
    return CubeScene(
        matrix=m,
        vertex_images=vertices,
        edge_images=vertices[CUBE_EDGE_PATH],
        basis_tips=m.T.copy(),
        determinant=matrix_facts(m).determinant,
        center=(low + high) / 2.0,
        half_width=0.55 * float((high - low).max()),
    )


# --- words and formulas (plain strings; the page decides how to show them) -------------------


def fmt(x: float, digits: int = 3) -> str:
    """A number for people: ``3``, ``-0.5``, ``0.707``, ``1.2e6``, ``1e-12``; never ``-0``."""
    x = float(x)
    if not math.isfinite(x):
        return "∞" if x > 0 else ("-∞" if x < 0 else "undefined")
    text = f"{x:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return "0" if text in ("-0", "0", "-0.0") else text


def tex(x: float, digits: int = 3) -> str:
    """:func:`fmt` in LaTeX: ``1.2 \\times 10^{6}`` instead of ``1.2e6``."""
    text = fmt(x, digits)
    if text in ("∞", "-∞"):
        return text.replace("∞", r"\infty")
    if "e" in text:
        mantissa, exponent = text.split("e")
        prefix = "" if mantissa in ("1", "-1") else rf"{mantissa} \times "
        sign = "-" if mantissa == "-1" else ""
        return rf"{sign}{prefix}10^{{{exponent}}}"
    return text


def entry_digits(matrix: np.ndarray) -> int:
    """Significant digits that show a matrix's entries faithfully enough to read its det.

    Notes
    -----
    Three digits, unless rounding the entries to three would change ``det`` by more than 1 %
    (plus rounding noise, ``1e-14 · max|a|ⁿ``): a nearly singular matrix such as
    ``[[1, 1], [1, 1 + 1e-12]]`` would read as singular. Then as many as needed, up to 17.
    """
    a = np.asarray(matrix, dtype=float)
    det = _cofactor_determinant(a)
    noise = 1e-14 * float(np.abs(a).max(initial=0.0)) ** a.shape[0]  # rounding-error level
    for digits in range(3, 18):
        rounded = np.array([[float(f"{x:.{digits}g}") for x in row] for row in a])
        if abs(_cofactor_determinant(rounded) - det) <= 0.01 * abs(det) + noise:
            return digits
    return 17


def latex_matrix(matrix: np.ndarray, digits: int = 3) -> str:
    """A matrix as a LaTeX ``pmatrix`` with readable numbers."""
    a = np.asarray(matrix, dtype=float)
    dust = np.finfo(float).eps * np.abs(a).max(initial=0.0)  # e.g. cos 90° computed as 6e-17
    a = np.where(np.abs(a) <= dust, 0.0, a)
    rows = [" & ".join(tex(x, digits) for x in row) for row in a]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def latex_vector(vector: Sequence[float], digits: int = 3) -> str:
    """A column vector as a LaTeX ``pmatrix``."""
    return r"\begin{pmatrix} " + r" \\ ".join(tex(x, digits) for x in vector) + r" \end{pmatrix}"


def determinant_latex(facts: MatrixFacts) -> str:
    """``det A = ad - bc = (numbers) = value``, for a 2x2 or 3x3 matrix."""
    a = facts.matrix
    if a.shape == (2, 2):
        k = entry_digits(a)
        return (
            rf"\det A = ad - bc = ({tex(a[0, 0], k)})({tex(a[1, 1], k)}) - ({tex(a[0, 1], k)})"
            rf"({tex(a[1, 0], k)}) = {tex(facts.determinant)}"
        )
    return rf"\text{{volume factor}} = |\det M| = {tex(abs(facts.determinant))}"


def inverse_latex(facts: MatrixFacts) -> str:
    """``A⁻¹ = (1/det) [[d, -b], [-c, a]] = (numbers)``, or why there is no inverse."""
    a = facts.matrix
    if facts.inverse is None:
        return rf"\det A = 0 \;\Rightarrow\; A^{{-1}} \text{{ does not exist (rank {facts.rank})}}"
    adjugate = np.array([[a[1, 1], -a[0, 1]], [-a[1, 0], a[0, 0]]])
    return (
        rf"A^{{-1}} = \frac{{1}}{{{tex(facts.determinant)}}} {latex_matrix(adjugate)}"
        rf" = {latex_matrix(facts.inverse)}"
    )


def composition_latex(steps: Sequence[tuple[str, float]]) -> str:
    """``A = M3 M2 M1`` with each factor named (the first step stands rightmost)."""
    chosen = active_steps(steps)
    if not chosen:
        return r"A = I"
    names = " ".join(STEPS[name].symbol(amount) for name, amount in reversed(chosen))
    factors = " ".join(latex_matrix(STEPS[name].build(amount)) for name, amount in reversed(chosen))
    return rf"A = {names} = {factors} = {latex_matrix(compose(step_matrices(chosen)))}"


def order_sentence(steps: Sequence[tuple[str, float]]) -> str:
    """Whether the chosen steps give another matrix when applied in the reverse order."""
    chosen = active_steps(steps)
    product = compose(step_matrices(chosen))
    swapped = compose(step_matrices(chosen[::-1]))
    scale = max(float(np.abs(product).max()), 1.0)
    if np.abs(product - swapped).max() <= 1e-12 * scale:
        return "In the reverse order these steps give the same matrix: they commute."
    return (
        "Order matters: the same steps in the reverse order give a different matrix, "
        f"${latex_matrix(swapped)}$."
    )


def eigen_path_note(has_spans: bool, path: str) -> str | None:
    """A warning when the animation's path does not keep the eigenvectors on their lines.

    Parameters
    ----------
    has_spans : whether real eigen-directions are drawn.
    path : ``"straight"``, ``"by angle"`` or ``"steps"`` (composed steps played in turn).
    """
    if not has_spans or path == "straight":
        return None
    if path == "by angle":
        return (
            "On the path *by angle* the eigenvectors leave their lines mid-way and land back "
            "on them at the end; choose *straight* to watch them stay on their lines."
        )
    return (
        "Step by step, the eigenvectors of the whole product leave their lines mid-way; "
        "switch off *Play the steps one by one* to watch them stay on their lines."
    )


@dataclass(frozen=True)
class Note:
    """A plain-language remark for the page: ``level`` is ``"info"`` or ``"warning"``."""

    level: str
    text: str


def rank_sentence(facts: MatrixFacts, name: str = "A") -> str:
    """What the rank of the matrix ``name`` means for the picture, in a sentence or two."""
    n = facts.matrix.shape[0]
    space = "plane" if n == 2 else "space"
    if facts.rank == n:
        return (
            f"Rank {n}: the columns point in {n} independent directions, so {name} fills the "
            f"{space}: its column space is the whole {space} and its null space only the zero "
            "vector."
        )
    if facts.rank == 0:
        return f"Rank 0: every vector lands on the origin; the whole {space} is the null space."
    column = ", ".join(fmt(x, 2) for x in facts.column_space[0])
    null = ", ".join(fmt(x, 2) for x in facts.null_space[0])
    if n == 2:
        return (
            f"Rank 1: the plane collapses onto the line through ({column}), the column space. "
            f"Every vector along ({null}), the null space, lands on the origin."
        )
    if facts.rank == 2:
        return (
            "Rank 2: space collapses onto a plane (the column space), so the volume becomes 0. "
            f"Every vector along ({null}), the null space, lands on the origin."
        )
    return (
        f"Rank 1: space collapses onto the line through ({column}), so the volume becomes 0; "
        "a whole plane of vectors (the null space) lands on the origin."
    )


def no_inverse_reason(facts: MatrixFacts) -> str:
    """Why a singular matrix has no inverse, in plain words."""
    if facts.rank == 0:
        return (
            "A sends every vector to the origin, so from A x = 0 nothing about x can be "
            "recovered: no map can undo A, so A has no inverse."
        )
    return (
        "A squashes the plane onto a line, so different vectors land on the same point: "
        "x and x + n, for any n in the null space, have the same image. No map can tell "
        "them apart again, so A has no inverse (and det A = 0 says the same: areas become 0)."
    )


def notes(
    facts: MatrixFacts,
    window: np.ndarray | None = None,
    tiny_entries: bool = False,
    name: str = "A",
) -> list[Note]:
    """Plain-language notes about singular, nearly singular, huge, tiny and zero matrices.

    Parameters
    ----------
    facts : :func:`matrix_facts` of the matrix shown.
    window : the view window of the transform view, to mention when it zooms out.
    tiny_entries : whether :func:`as_matrix` read some tiny entry as 0.
    name : the matrix's name on the page (``A`` in 2D, ``M`` in 3D).
    """
    found: list[Note] = []
    s = facts.singular_values
    n = facts.matrix.shape[0]
    space, measure = ("plane", "area") if n == 2 else ("space", "volume")
    if tiny_entries:
        found.append(Note("info", "Entries smaller than 1e-100 in size are read as 0."))
    if facts.rank == 0:
        found.append(Note("warning", f"{name} is the zero matrix: it sends every vector to 0."))
    elif not facts.invertible:
        target = "a line" if facts.rank == 1 else "a plane"
        found.append(
            Note(
                "warning",
                f"det {name} = 0: {name} flattens the {space} onto {target}, so every "
                f"{measure} becomes 0 and {name} has no inverse.",
            )
        )
    elif facts.nearly_singular:
        found.append(
            Note(
                "warning",
                f"Nearly singular: det {name} = {fmt(facts.determinant)} is tiny next to the "
                f"entries (condition number {fmt(facts.condition)}). The {space} is squashed "
                f"almost flat; {name}⁻¹ exists but has enormous entries, and in floating point "
                "it multiplies rounding errors by that much.",
            )
        )
    if window is not None and float(np.abs(window).max()) > BIG_VIEW:
        found.append(
            Note(
                "info",
                f"Big numbers: the view zooms out to about ±{fmt(np.abs(window).max(), 2)} so "
                "that the image fits. The grid is still 1 unit apart before the map, so at the "
                "start of the animation it is a speck at the origin.",
            )
        )
    if facts.rank > 0 and s[0] < 1e-3:
        found.append(
            Note(
                "info",
                f"Small numbers: {name} shrinks every vector to at most {fmt(s[0])} of its "
                "length, so the image is a speck at the origin.",
            )
        )
    return found


def eigen_sentence(result: Eigen) -> str:
    """The eigenvectors in words: directions, stretch factors, or rotation-and-scale."""
    if result.turn is not None:
        radius, angle = result.turn
        return (
            f"Rotation-and-scale, no real eigenvector: the eigenvalues are complex, "
            f"{fmt(radius)}·e^(±i·{fmt(angle)}°). Every direction is turned (by about "
            f"{fmt(angle)}° on average) and lengths grow by about {fmt(radius)}, so no line "
            "through the origin stays put."
        )
    if result.every_direction:
        return (
            f"A = {fmt(result.spans[0].value)}·I: every vector is an eigenvector with "
            f"λ = {fmt(result.spans[0].value)} (the two axes are drawn)."
        )
    parts = [
        f"λ = {fmt(span.value)} along ({fmt(span.direction[0], 2)}, {fmt(span.direction[1], 2)})"
        for span in result.spans
    ]
    if len(result.spans) == 1:
        return (
            f"One eigen-direction only: {parts[0]} (a repeated eigenvalue, as in a shear). "
            "Vectors on this line stay on it; every other direction turns."
        )
    return (
        "Two eigen-directions: "
        + "; ".join(parts)
        + ". Vectors on these lines stay on them and are stretched by λ (flipped if λ < 0)."
    )
