"""The SVD on /eigenvectors-svd: A = UΣVᵀ played as three stages (rotate, stretch, rotate),
in which the unit circle becomes A's ellipse. The decomposition itself is
:func:`mathviz.core.matrix2.svd_2x2`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry
from mathviz.core.matrix2 import SVD2, rotation, svd_2x2
from mathviz.linalg.eigen import view_radius
from mathviz.linalg.morph import ease

STAGES: tuple[str, ...] = ("start", "Vᵀ: turn", "Σ: stretch", "U: turn")


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
    Each stage's t is eased (:func:`mathviz.linalg.morph.ease`): it starts and stops gently.
    """
    n = max(1, int(frames_per_stage))
    t = ease(n + 1)[1:]
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


def svd_scene(matrix: np.ndarray, frames_per_stage: int = 16, grid_extent: int = 4) -> SVDScene:
    """What the SVD picture draws, for the matrix as drawn (scaled by
    :func:`display_factor`)."""
    matrix = np.asarray(matrix, dtype=float)
    svd = svd_2x2(matrix)
    matrices, stage = svd_stage_matrices(svd, frames_per_stage)
    circle, tips = geometry.circle_with_spokes()
    shape, arrow_tips = geometry.with_arrows(circle, svd.V.T)
    return SVDScene(
        svd=svd,
        stage=stage,
        grid=geometry.apply(matrices, geometry.grid_polyline(grid_extent)),
        shape=geometry.apply(matrices, shape),
        tips=tips,
        arrow_tips=arrow_tips,
        ellipse=geometry.ellipse(np.zeros(2), svd.U, svd.singular_values),
        radius=view_radius(matrices),
    )
