"""The transform view's geometry: finite, inside its window, and the grid is A applied."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from mathviz.core import matrix2, numbers
from mathviz.linalg import (
    figures_transform,
    morph,
    text_transform,
)
from mathviz.linalg import (
    scene as transform_scene,
)
from tests.core.cases import SETTINGS, assert_finite, plane_matrices, scale_of, vec2


@SETTINGS
@given(plane_matrices(), vec2, st.booleans())
def test_transform_scene_is_finite_and_fits_its_window(a, v, with_eigen):
    method = morph.choose_morph(a, keep_eigenvectors=with_eigen)
    spans = matrix2.eigen_analysis(a).spans if with_eigen else ()
    facts = matrix2.matrix_facts(a)
    scene = transform_scene.transform_scene(morph.morph(a, method), v, spans, facts)
    for name in ("grid_images", "square_images", "letter_images", "basis_arrows", "image_arrows",
                 "determinants", "eigen_arrows", "span_lines", "window"):  # fmt: skip
        assert_finite(getattr(scene, name))
    x0, x1, y0, y1 = scene.window
    for points in (scene.square_images, scene.vector_images[:, None, :]):
        flat = points.reshape(-1, 2)
        assert np.all(
            (flat[:, 0] >= x0) & (flat[:, 0] <= x1) & (flat[:, 1] >= y0) & (flat[:, 1] <= y1)
        )
    # The grid drawn in each frame is that frame's matrix applied to the grid.
    for matrix, image in zip(scene.animation.matrices, scene.grid_images, strict=True):
        size = max(1.0, scale_of(a)) * transform_scene.GRID_MAX  # frames run from I to A
        np.testing.assert_allclose(image, scene.grid @ matrix.T, atol=1e-13 * size)
    text = " ".join(
        [note.text for note in text_transform.notes(facts, scene.window)]
        + [
            text_transform.determinant_latex(facts),
            text_transform.inverse_latex(facts),
            text_transform.rank_sentence(facts),
        ]
        + [text_transform.eigen_sentence(matrix2.eigen_analysis(a)), numbers.latex_matrix(a)]
        + list(figures_transform.frame_labels(scene))
    )
    assert "nan" not in text.lower() and "inf" not in text.replace("\\infty", "").lower()
