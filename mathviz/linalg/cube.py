"""The 3D view of /linear-algebra: a 3x3 matrix M applied to the unit cube.

The image of the cube is the parallelepiped spanned by the columns of M; its volume is
``|det M|``, and it is turned inside out when ``det M < 0``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathviz.core import geometry, numbers
from mathviz.core.matrix2 import determinant, matrix_facts
from mathviz.linalg.transform import Preset, entries_of, turn

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

VOLUME_DIGITS = 4  # the volume factor's significant digits, in the captions and the formula
_TILT = (1.5, 0.5, 0, 0, 1, 0.5, 0.3, 0, 1.2)
_TILT_VOLUME = numbers.text(abs(determinant(np.reshape(_TILT, (3, 3)))), VOLUME_DIGITS)
_TURN_ABOUT_Z = np.block([[turn(45), np.zeros((2, 1))], [np.zeros((1, 2)), np.ones((1, 1))]])
CUBE_PRESETS: dict[str, Preset] = {
    "tilt and stretch": Preset(_TILT, f"Leans and stretches the cube: volume × {_TILT_VOLUME}."),
    "identity": Preset((1, 0, 0, 0, 1, 0, 0, 0, 1), "Leaves space as it is."),
    "turn about z": Preset(
        entries_of(_TURN_ABOUT_Z), "Rotates space by 45° about the z-axis: volume kept."
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
DEFAULT_CUBE = "tilt and stretch"


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
    """
    m = np.asarray(matrix, dtype=float)
    vertices = geometry.apply(m, CUBE_VERTICES)
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
