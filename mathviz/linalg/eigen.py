"""Eigenvectors on /eigenvectors-svd: the matrices a teacher starts from, and the I -> A morph
in which the eigenvector lines stay put.

The eigen-structure itself is :func:`mathviz.core.matrix2.eigen_analysis` (one solver for
every page); this module only arranges what the eigenvector picture draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry
from mathviz.core.matrix2 import Eigen, eigen_analysis, largest_stretch, rotation
from mathviz.linalg.morph import ease
from mathviz.linalg.transform import Preset, entries_of

DISPLAY_LIMIT = 5.0  # largest stretch drawn at true size; beyond it A is drawn scaled down
ENTRY_LIMIT = 1e6  # the largest entry the page accepts

PRESETS: dict[str, Preset] = {
    "Symmetric stretch": Preset(
        (2.0, 1.0, 1.0, 2.0), "Two perpendicular eigenvectors, stretched by 3 and by 1."
    ),
    "Upper triangular": Preset(
        (3.0, 1.0, 0.0, 2.0),
        "Eigenvalues on the diagonal; the eigenvectors are not perpendicular.",
    ),
    "Markov chain (PageRank)": Preset(
        (0.9, 0.2, 0.1, 0.8),
        "Columns sum to 1: eigenvalue 1 is the steady state power iteration finds.",
    ),
    "Rotation and scale (complex)": Preset(
        entries_of(1.1 * rotation(np.pi / 6)),
        "No real eigenvector: every direction turns by 30° and grows by 1.1.",
    ),
    "Shear (defective)": Preset(
        (1.0, 1.0, 0.0, 1.0), "Eigenvalue 1 twice, but only one eigenvector direction."
    ),
    "Reflection": Preset(
        (1.0, 0.0, 0.0, -1.0), "Eigenvalues 1 and -1: equal size, so power iteration never settles."
    ),
    "Projection (singular)": Preset(
        (0.5, 0.5, 0.5, 0.5), "Flattens the plane onto a line: eigenvalue 0, condition number ∞."
    ),
    "Uniform scaling": Preset((2.0, 0.0, 0.0, 2.0), "Every vector is an eigenvector: A = 2I."),
    "Nearly singular": Preset(
        (1.0, 1.0, 1.0, 1.0 + 1e-12),
        "det A is about 10⁻¹²: invertible on paper, hopeless in floating point.",
    ),
    "Huge entries": Preset(
        (2e6, 1e6, 1e6, 2e6), "Entries of a million: directions do not care about size."
    ),
    "Zero matrix": Preset((0.0, 0.0, 0.0, 0.0), "Sends everything to the origin."),
}
DEFAULT_PRESET = "Symmetric stretch"


def matrix_from_entries(a: float, b: float, c: float, d: float) -> np.ndarray:
    """The (2, 2) matrix [[a, b], [c, d]]; a non-finite entry (never from a widget) becomes 0."""
    matrix = np.array([[a, b], [c, d]], dtype=float)
    return np.where(np.isfinite(matrix), matrix, 0.0)


def display_factor(matrix: np.ndarray, limit: float = DISPLAY_LIMIT) -> float:
    """The factor the pictures scale A by: 1, or ``limit / σ_max`` when A stretches more.

    Scaling changes no direction: eigenvectors and singular vectors of cA are those of A.
    """
    largest = float(largest_stretch(np.asarray(matrix, dtype=float)))
    return 1.0 if largest <= limit else limit / largest


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
    The frames' times t are eased (:func:`mathviz.linalg.morph.ease`): the plane starts and
    stops gently.
    """
    t = ease(max(2, int(n_frames)))
    straight = (1 - t)[:, None, None] * np.eye(2) + t[:, None, None] * np.asarray(matrix)
    if eigen.rotation is None:
        return straight
    view = eigen.rotation
    basis = view.basis
    inverse = np.array([[basis[1, 1], -basis[0, 1]], [-basis[1, 0], basis[0, 0]]])  # det P = 1
    turning = np.stack([basis @ (view.scale**tk * rotation(tk * view.angle)) @ inverse
                        for tk in t])  # fmt: skip
    # A matrix a hair from defective (eigenvalues -1 ± 10⁻¹⁰i) has a basis P so ill-conditioned
    # that P R P⁻¹ misses A by 10⁻⁶; its turn is invisible anyway, so it morphs straight.
    scale = max(1.0, float(np.linalg.norm(matrix)))
    if not np.allclose(turning[-1], matrix, rtol=0, atol=1e-10 * scale):
        return straight
    return turning


def view_radius(matrices: np.ndarray, floor: float = 1.6) -> float:
    """Half-width of a square view that holds the unit circle's image in every frame."""
    return max(floor, 1.15 * float(np.max(largest_stretch(matrices))))


@dataclass(frozen=True)
class MorphScene:
    """The I -> A morph: the plane's grid, the unit circle and the eigenvectors, per frame.

    Attributes
    ----------
    t : (F,) ndarray, the morph parameter from 0 to 1.
    grid : (F, P, 2) ndarray, the image of the grid path
        (:func:`mathviz.core.geometry.grid_polyline`).
    shape : (F, Q, 2) ndarray, the image of the unit circle with spokes, followed by a
        spoke for each arrow.
    columns : (F, 2, 2) ndarray, the matrix M(t) of each frame: its columns are the images
        of î and ĵ.
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
    columns: np.ndarray
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


def morph_scene(matrix: np.ndarray, n_frames: int = 31, grid_extent: int = 4) -> MorphScene:
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
    t = ease(len(matrices))  # the times of morph_matrices
    circle, tips = geometry.circle_with_spokes()
    if eigen.rotation is None:
        vectors = eigen.vectors
        stretch = (1 - t)[:, None] + t[:, None] * eigen.vector_values[None, :]
        invariant = np.zeros((0, 2))
    else:
        vectors = eigen.rotation.basis
        stretch = np.zeros((len(t), 2))
        invariant = geometry.apply(eigen.rotation.basis, geometry.circle_with_spokes(96, 1)[0])
    shape, arrow_tips = geometry.with_arrows(circle, vectors.T)
    return MorphScene(
        t=t,
        grid=geometry.apply(matrices, geometry.grid_polyline(grid_extent)),
        shape=geometry.apply(matrices, shape),
        columns=matrices,
        tips=tips,
        arrow_tips=arrow_tips,
        stretch=stretch,
        lines=eigen.vectors.T.copy() if eigen.rotation is None else np.zeros((0, 2)),
        invariant=invariant,
        radius=view_radius(matrices),
    )
