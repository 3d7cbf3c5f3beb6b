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


def _plotly_window(window: np.ndarray, aspect: float) -> np.ndarray:
    """What plotly shows of ``window`` on a plot ``aspect`` times wider than tall with one
    scale on both axes: the shorter side stretched about the centre (written out here, apart
    from the code under test)."""
    x0, x1, y0, y1 = window
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        width = aspect * height
    else:
        height = width / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return np.array([cx - width / 2, cx + width / 2, cy - height / 2, cy + height / 2])


@SETTINGS
@given(
    st.floats(-50, 0), st.floats(0.01, 50), st.floats(-50, 0), st.floats(0.01, 50),
    st.floats(*transform_scene.PLOT_ASPECTS),
)  # fmt: skip
def test_the_cover_window_holds_what_any_plot_shape_shows(x0, w, y0, h, aspect):
    window = np.array([x0, x0 + w, y0, y0 + h])
    shown = _plotly_window(window, aspect)
    cover = transform_scene.cover_window(window)
    tolerance = 1e-9 * max(w, h)
    assert cover[0] <= shown[0] + tolerance and shown[1] <= cover[1] + tolerance
    assert cover[2] <= shown[2] + tolerance and shown[3] <= cover[3] + tolerance


def test_the_moving_grid_fills_a_wide_plot_and_the_ghost_is_the_integer_grid():
    # A stretches x by 3: a wide plot shows far more than the window in x; the grid's image
    # must still reach every corner of what is shown (the bug: a grid cropped to the window).
    a = np.array([[3.0, 1.0], [0.0, 2.0]])
    built = transform_scene.transform_scene(morph.morph(a, "straight"), (1.0, 1.0))
    shown = _plotly_window(built.window, transform_scene.PLOT_ASPECTS[1])
    corners = np.array([[shown[0], shown[2]], [shown[1], shown[2]], [shown[0], shown[3]],
                        [shown[1], shown[3]]])  # fmt: skip
    extent = np.abs(built.grid).max()
    pre_images = np.linalg.solve(a, corners.T).T
    assert np.abs(pre_images).max() <= extent
    # The ghost: integer lines (x or y whole on every vertex), reaching past what is shown.
    ghost = built.ghost
    assert np.all((ghost == np.round(ghost)).any(axis=1))
    assert np.abs(ghost).max() >= np.abs(shown).max() - 1
