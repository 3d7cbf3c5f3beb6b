"""Where the matrices of /linear-algebra come from: entries, presets, named steps and their
composition.

A 2x2 matrix ``A = [[a, b], [c, d]]`` moves every point ``x`` of the plane to ``A x``. Its
columns are where the basis vectors land (``A e1 = (a, c)``, ``A e2 = (b, d)``). Angles of
the steps are in degrees, as on the page's sliders; they are converted to radians here, at
the edge, for :func:`mathviz.core.matrix2.rotation`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mathviz.core import numbers
from mathviz.core.matrix2 import determinant, rotation

ENTRY_LIMIT = 1e6  # the largest entry the page accepts ("huge" matrices stay reachable)
TINY_ENTRY = 1e-100  # smaller entries are read as 0 so that products cannot underflow


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


def entry_digits(matrix: np.ndarray) -> int:
    """Significant digits that show a matrix's entries faithfully enough to read its det.

    Notes
    -----
    Three digits, unless rounding the entries to three would change ``det`` by more than 1 %
    (plus rounding noise, ``1e-14 · max|a|ⁿ``): a nearly singular matrix such as
    ``[[1, 1], [1, 1 + 1e-12]]`` would read as singular. Then as many as needed, up to 17.
    """
    a = np.asarray(matrix, dtype=float)
    det = determinant(a)
    noise = 1e-14 * float(np.abs(a).max(initial=0.0)) ** a.shape[0]  # rounding-error level
    for digits in range(3, 18):
        rounded = np.array([[float(f"{x:.{digits}g}") for x in row] for row in a])
        if abs(determinant(rounded) - det) <= 0.01 * abs(det) + noise:
            return digits
    return 17


# --- elementary maps (angles in degrees, as on the sliders) ---------------------------------


def turn(angle_degrees: float) -> np.ndarray:
    """(2, 2) rotation by ``angle_degrees`` counter-clockwise (exact at multiples of 90°)."""
    return rotation(math.radians(angle_degrees))


def scaling(x_factor: float, y_factor: float) -> np.ndarray:
    """(2, 2) scaling by ``x_factor`` along x and ``y_factor`` along y: ``diag(sx, sy)``."""
    return np.array([[x_factor, 0.0], [0.0, y_factor]])


def shear(x_amount: float = 0.0, y_amount: float = 0.0) -> np.ndarray:
    """(2, 2) shear: ``[[1, kx], [ky, 1]]`` (x slides by ``kx·y``, y by ``ky·x``)."""
    return np.array([[1.0, x_amount], [y_amount, 1.0]])


def line_direction(angle_degrees: float) -> np.ndarray:
    """(2,) unit vector along the line through 0 at ``angle_degrees`` from the x-axis."""
    return turn(angle_degrees)[:, 0]


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


# --- presets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A named matrix worth showing, with one sentence on what it does (any size).

    Attributes
    ----------
    entries : the entries in reading order (4 for 2x2, 9 for 3x3).
    summary : what the map does (or what to look at in it), in plain words.
    """

    entries: tuple[float, ...]
    summary: str

    def __post_init__(self) -> None:
        # Always floats, so the entries can seed float number inputs.
        object.__setattr__(self, "entries", tuple(float(x) for x in np.ravel(self.entries)))

    @property
    def matrix(self) -> np.ndarray:
        """The preset as an (n, n) array."""
        return as_matrix(self.entries)


def entries_of(matrix: np.ndarray) -> tuple[float, ...]:
    """A matrix's entries in reading order, as floats (for a :class:`Preset`)."""
    return tuple(float(x) for x in np.asarray(matrix).ravel())


PRESETS: dict[str, Preset] = {
    "identity": Preset((1, 0, 0, 1), "Leaves every vector where it is."),
    "quarter turn": Preset((0, -1, 1, 0), "Rotates the plane by 90° counter-clockwise."),
    "shear": Preset((1, 1, 0, 1), "Slides each horizontal line sideways by its height."),
    "mirror": Preset((-1, 0, 0, 1), "Reflects across the y-axis: the plane is flipped over."),
    "stretch": Preset((2, 0, 0, 0.5), "Doubles x and halves y: areas are kept (det = 1)."),
    "projection": Preset(
        entries_of(projection(45)), "Drops every vector straight onto the line y = x (singular)."
    ),
    "rotate and scale": Preset(
        entries_of(1.1 * turn(30)),
        "Turns by 30° and grows by 1.1: complex eigenvalues, no real eigenvector.",
    ),
    "diagonal stretch": Preset(
        (2, 1, 1, 2), "Stretches the diagonal y = x by 3 and keeps y = -x: two eigenvectors."
    ),
    "nearly singular": Preset(
        (1, 1, 1, 1 + 1e-12), "Invertible, but only just: det is about 10⁻¹²."
    ),
    "zero": Preset((0, 0, 0, 0), "Sends every vector to the origin (rank 0)."),
}


# --- named steps and their composition ----------------------------------------------------------


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
    symbol : the LaTeX name of the factor, with ``{}`` where the parameter goes
        (``R_{{{}°}}`` reads ``R_{90°}``).
    """

    parameter: str
    low: float
    high: float
    default: float
    increment: float
    build: Callable[[float], np.ndarray]
    rest: float | None
    symbol: str

    def amount_text(self, amount: float) -> str:
        """The parameter as a caption writes it, with its unit: ``90°``, ``-1``."""
        return numbers.text(amount) + ("°" if "degrees" in self.parameter else "")

    def along(self, amount: float, t: float) -> np.ndarray:
        """(2, 2) matrix a fraction ``t`` (0..1) of the way from I to ``build(amount)``."""
        if self.rest is not None:
            return self.build(self.rest + t * (amount - self.rest))
        return (1.0 - t) * np.eye(2) + t * self.build(amount)


def _scale_x(factor: float) -> np.ndarray:
    return scaling(factor, 1.0)


def _scale_y(factor: float) -> np.ndarray:
    return scaling(1.0, factor)


def _shear_x(amount: float) -> np.ndarray:
    return shear(amount, 0.0)


def _shear_y(amount: float) -> np.ndarray:
    return shear(0.0, amount)


ANGLE = "angle θ (degrees)"
STEPS: dict[str, Step] = {
    "rotate": Step(ANGLE, -180.0, 180.0, 90.0, 5.0, turn, 0.0, "R_{{{}°}}"),
    "scale x": Step("factor", -3.0, 3.0, 2.0, 0.1, _scale_x, 1.0, "S^x_{{{}}}"),
    "scale y": Step("factor", -3.0, 3.0, 2.0, 0.1, _scale_y, 1.0, "S^y_{{{}}}"),
    "shear x": Step("amount k", -3.0, 3.0, 1.0, 0.1, _shear_x, 0.0, "H^x_{{{}}}"),
    "shear y": Step("amount k", -3.0, 3.0, 1.0, 0.1, _shear_y, 0.0, "H^y_{{{}}}"),
    "reflect": Step("mirror line " + ANGLE, -90.0, 90.0, 90.0, 5.0, reflection, None, "F_{{{}°}}"),
    "project": Step("line " + ANGLE, -90.0, 90.0, 0.0, 5.0, projection, None, "P_{{{}°}}"),
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


def commute(steps: Sequence[tuple[str, float]]) -> tuple[bool, np.ndarray]:
    """Whether the chosen steps give the same matrix in the reverse order, and that matrix."""
    chosen = active_steps(steps)
    product = compose(step_matrices(chosen))
    swapped = compose(step_matrices(chosen[::-1]))
    scale = max(float(np.abs(product).max()), 1.0)
    return bool(np.abs(product - swapped).max() <= 1e-12 * scale), swapped
