"""What the transform view of /linear-algebra draws, frame by frame: the grid, the unit square,
the letter F, the basis arrows, v and Av, and the eigen-lines, in data coordinates.

:mod:`mathviz.linalg.figures_transform` lays this out as a figure; it computes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry
from mathviz.core.matrix2 import EigenSpan, MatrixFacts, matrix_facts
from mathviz.linalg.morph import Animation
from mathviz.linalg.transform import TINY_ENTRY

GRID_MAX = 10  # grid lines run over the integers -GRID_MAX..GRID_MAX at most
GRID_MIN = 2
GHOST_MAX = 16  # the faint original grid runs over -GHOST_MAX..GHOST_MAX at most
# The plot's width over height, from a phone (0.7) to a wide screen (2.6). The chart keeps one
# unit as long on both axes, so plotly widens the window to the plot's shape; the grids are
# made for the widest window they may have to fill.
PLOT_ASPECTS = (0.7, 2.6)
UNIT_SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
# The letter F inside the unit square, as one stroke that retraces its middle bar: it has no
# mirror symmetry, so a reflection shows at a glance.
LETTER_F = np.array([[0.4, 0.15], [0.4, 0.5], [0.68, 0.5], [0.4, 0.5], [0.4, 0.85], [0.8, 0.85]])


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


def cover_window(window: np.ndarray, aspects: tuple[float, float] = PLOT_ASPECTS) -> np.ndarray:
    """The window widened (or heightened) as plotly shows it in a plot of any shape in
    ``aspects`` (width / height), about its centre.

    Notes
    -----
    With equal scales plotly keeps the window's centre and stretches its shorter side to the
    plot's shape: on a plot ``r`` times wider than tall the width becomes ``max(w, r h)``.
    """
    x0, x1, y0, y1 = (float(value) for value in window)
    width, height = x1 - x0, y1 - y0
    narrow, wide = aspects
    half_x = max(width, wide * height) / 2.0
    half_y = max(height, width / narrow) / 2.0
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    return np.array([cx - half_x, cx + half_x, cy - half_y, cy + half_y])


def ghost_half_width(window: np.ndarray) -> int:
    """How far the faint original grid reaches: over the whole ``window``, at most
    :data:`GHOST_MAX` lines each side of 0."""
    return int(min(GHOST_MAX, max(GRID_MIN, math.ceil(float(np.abs(window).max())))))


def frame_determinants(matrices: np.ndarray) -> np.ndarray:
    """(n,) determinant of each (d, d) matrix of a stack, 0 where it is numerically singular.

    Notes
    -----
    Same rule as :func:`mathviz.core.matrix2.matrix_facts`: a frame whose smallest singular
    value is below ``σmax · d · eps`` has rank < d and determinant exactly 0.
    """
    stack = np.asarray(matrices, dtype=float)
    s = np.linalg.svd(stack, compute_uv=False)
    tolerance = s[:, 0] * stack.shape[-1] * np.finfo(float).eps
    singular = (s[:, -1] <= tolerance) | (s[:, 0] == 0)
    return np.where(singular, 0.0, np.linalg.det(stack)) + 0.0


@dataclass(frozen=True)
class TransformScene:
    """Everything the transform view draws, frame by frame (n frames), in data coordinates.

    Attributes
    ----------
    animation : the matrices and their captions.
    window : [xmin, xmax, ymin, ymax] that holds every frame.
    grid : (m, 2) grid stroke before the map; ``grid_images`` (n, m, 2) its images. It is
        large enough that every image fills the window in a plot of any shape in
        :data:`PLOT_ASPECTS` (:func:`cover_window`).
    ghost : (g, 2) the original integer grid over that widest window, drawn faintly under
        the moving one.
    square_images : (n, 5, 2) images of the unit square's outline.
    letter_images : (n, 6, 2) images of the letter F.
    basis_arrows : (n, 2, 5, 2) arrows to A e1 and A e2 (see
        :func:`mathviz.core.geometry.arrow_path`).
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
    ghost: np.ndarray
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
    facts : :func:`~mathviz.core.matrix2.matrix_facts` of A, for the column and null space
        lines; computed if None.

    Returns
    -------
    TransformScene
    """
    matrices = animation.matrices
    facts = facts if facts is not None else matrix_facts(matrices[-1])
    v = np.asarray(vector, dtype=float)
    units = np.array([span.direction for span in eigen_spans]).reshape(-1, 2)

    square_images = geometry.apply(matrices, UNIT_SQUARE)
    vector_images = geometry.apply(matrices, v[None, :])[:, 0, :]
    eigen_tips = geometry.apply(matrices, units)
    window = geometry.view_window(
        np.concatenate(
            [square_images.reshape(-1, 2), vector_images, v[None, :], eigen_tips.reshape(-1, 2)]
        )
    )
    head = 0.04 * float(max(window[1] - window[0], window[3] - window[2]))
    cover = cover_window(window)
    reach = 2.0 * float(np.abs(cover).max())  # lines drawn across the widest window
    grid = geometry.grid_polyline(grid_half_width(matrices, cover))
    column_line = null_line = None
    if facts.rank == 1:
        column_line = geometry.span_segment(facts.column_space[0], reach)
        null_line = geometry.span_segment(facts.null_space[0], reach)
    return TransformScene(
        animation=animation,
        window=window,
        grid=grid,
        grid_images=geometry.apply(matrices, grid),
        ghost=geometry.grid_polyline(ghost_half_width(cover)),
        square_images=square_images,
        letter_images=geometry.apply(matrices, LETTER_F),
        basis_arrows=geometry.arrow_path(np.swapaxes(matrices, -1, -2), head),  # A e1, A e2
        vector=v,
        vector_arrow=geometry.arrow_path(v, head),
        vector_images=vector_images,
        image_arrows=geometry.arrow_path(vector_images, head),
        determinants=frame_determinants(matrices),
        eigen_spans=tuple(eigen_spans),
        eigen_arrows=geometry.arrow_path(eigen_tips, head),
        span_lines=np.array([geometry.span_segment(u, reach) for u in units]).reshape(-1, 2, 2),
        column_line=column_line,
        null_line=null_line,
    )
