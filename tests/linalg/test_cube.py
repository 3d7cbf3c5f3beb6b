"""The 3D view: the drawn mesh encloses volume det M."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given

from mathviz.linalg import (
    cube,
)
from tests.core.cases import SETTINGS, plane_matrices, scale_of


@SETTINGS
@given(plane_matrices(size=3))
def test_the_cube_mesh_encloses_volume_det_m(m):
    scene = cube.cube_scene(m)
    # Signed volume of the closed triangle mesh (divergence theorem), from the drawn triangles.
    v = scene.vertex_images[cube.CUBE_TRIANGLES]
    volume = float(np.sum(np.einsum("ij,ij->i", v[:, 0], np.cross(v[:, 1], v[:, 2])))) / 6.0
    size = scale_of(m) ** 3
    assert volume == pytest.approx(np.linalg.det(m), abs=1e-9 * size, rel=1e-9)
    assert scene.determinant == pytest.approx(np.linalg.det(m), abs=1e-9 * size, rel=1e-9)
    np.testing.assert_allclose(scene.basis_tips, m.T)
    low, high = scene.center - scene.half_width, scene.center + scene.half_width
    assert np.all(scene.vertex_images >= low - 1e-9) and np.all(scene.vertex_images <= high + 1e-9)


def test_the_unit_cube_mesh_faces_outward():
    v = cube.CUBE_VERTICES[cube.CUBE_TRIANGLES]
    assert np.sum(np.einsum("ij,ij->i", v[:, 0], np.cross(v[:, 1], v[:, 2]))) / 6.0 == 1.0
