"""mathviz.trig.figures_encoding: the heatmaps are the encodings and their dot products."""

from __future__ import annotations

import numpy as np

from mathviz.trig import encoding, figures_encoding


def test_heatmap_is_the_encoding_of_the_paper():
    view = encoding.encoding_view(16, 20, 5)
    fig = figures_encoding.positional_encoding_figure(view)
    z = np.asarray(fig.data[0].z, dtype=float)
    angle = np.arange(20)[:, None] / 10000 ** (2 * np.arange(8)[None, :] / 16)
    np.testing.assert_allclose(z[:, 0::2], np.sin(angle), atol=1e-6)
    np.testing.assert_allclose(z[:, 1::2], np.cos(angle), atol=1e-6)
    assert fig.layout.yaxis.autorange == "reversed"  # position 0 at the top


def test_dot_products_are_constant_along_diagonals_and_on_the_formula():
    view = encoding.encoding_view(16, 20, 5)
    fig = figures_encoding.encoding_similarity_figure(view, dark=True)
    gram = np.asarray(fig.data[0].z, dtype=float)
    for offset in range(-19, 20):
        np.testing.assert_allclose(
            np.diagonal(gram, offset), np.diagonal(gram, offset)[0], atol=1e-4
        )
    curve, dots = fig.data[1], fig.data[2]
    k = np.asarray(curve.x, dtype=float)
    formula = np.cos(np.outer(k, 10000 ** (-np.arange(0, 16, 2) / 16))).sum(axis=1)
    np.testing.assert_allclose(curve.y, formula, atol=1e-9)
    np.testing.assert_allclose(dots.y, formula, atol=1e-9)
    assert dots.name == "PE(5)·PE(5 + k)"
    assert fig.layout.yaxis.scaleanchor == "x"  # square cells
