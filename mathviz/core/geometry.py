"""Plane geometry for pictures: matrices applied to points, grid strokes, arcs, circles,
arrows and spans. Pure numpy, shared by every topic that draws the plane.

Conventions: points are rows, so an ``(m, 2)`` array of points ``P`` maps to ``P Aᵀ``;
matrices along an animation are stacked as ``(n, d, d)`` arrays. Shapes are drawn as one
unbroken stroke where they can be (no NaN separators), because a linear map sends the stroke
of a shape to the stroke of its image.
"""

from __future__ import annotations

import math

import numpy as np

BARB_ANGLE = math.radians(25)  # an arrowhead's barbs: the backward direction turned by ±25°


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


def grid_polyline(extent: int = 4) -> np.ndarray:
    """The integer grid over ``[-g, g]²`` as one unbroken stroke, shape (4 (2g + 1), 2).

    Notes
    -----
    The stroke runs up the first vertical line, along the border to the next, down it, and
    so on (a serpentine), then does the same for the horizontal lines. Every connecting piece
    lies on a border line, which is a grid line itself, so the stroke draws exactly the grid
    with no gaps. A linear map sends lines to lines, so ``apply(A, path)`` draws the image of
    the grid exactly.
    """
    g = int(extent)
    ticks = np.arange(-g, g + 1, dtype=float)
    ends = np.array([-g, g], dtype=float)
    vertical = [
        np.column_stack([[tick, tick], ends if index % 2 == 0 else ends[::-1]])
        for index, tick in enumerate(ticks)
    ]
    horizontal = [
        np.column_stack([ends[::-1] if index % 2 == 0 else ends, [tick, tick]])
        for index, tick in enumerate(ticks[::-1])
    ]
    return np.vstack(vertical + horizontal)


def arc(start: float, sweep: float, radius: float, n: int = 40) -> np.ndarray:
    """(n, 2) points of a circular arc round the origin, from angle ``start`` by ``sweep``."""
    angles = start + np.linspace(0.0, sweep, n)
    return radius * np.column_stack([np.cos(angles), np.sin(angles)])


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


def circle_with_spokes(n_circle: int = 96, n_spokes: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """The unit circle and ``n_spokes`` radii as one unbroken path.

    Returns
    -------
    points : (n_circle + 1 + 2·n_spokes, 2) ndarray: the circle from angle 0 round to angle
        0, then for each spoke the origin and the spoke's tip. Going from a tip back to the
        origin retraces that spoke (the first goes along spoke 0), so no gaps are needed,
        and every tip comes right after the origin, so an arrowhead drawn there points
        outwards.
    tips : (n_spokes,) int ndarray, indices of the spoke tips (points on the circle at angles
        ``2πj/n_spokes``), for marking "test vectors".
    """
    circle = arc(0.0, 2 * np.pi, 1.0, n_circle + 1)
    spoke_angles = 2 * np.pi * np.arange(n_spokes) / n_spokes
    return with_arrows(circle, np.column_stack([np.cos(spoke_angles), np.sin(spoke_angles)]))


def ellipse(center: np.ndarray, axes: np.ndarray, radii: np.ndarray, n: int = 97) -> np.ndarray:
    """(n, 2) points of the ellipse center + axes · diag(radii) · (cos t, sin t), closed.

    ``axes`` (2, 2) holds the unit semi-axis directions as columns.
    """
    circle = arc(0.0, 2 * np.pi, 1.0, n).T
    return (np.asarray(axes) @ (np.asarray(radii)[:, None] * circle)).T + np.asarray(center)


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
    c, s = math.cos(BARB_ANGLE), math.sin(BARB_ANGLE)
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
