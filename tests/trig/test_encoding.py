"""mathviz.trig.encoding against a loop written from the Transformer paper's formula, the
angle-addition formulas and 2×2 rotation matrices.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mathviz.trig import encoding

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _paper_encoding(positions, d_model):
    """Written out from "Attention is all you need", §3.5, one element at a time."""
    pe = np.zeros((len(positions), d_model))
    for row, pos in enumerate(positions):
        for i in range(d_model // 2):
            pe[row, 2 * i] = np.sin(pos / 10000 ** (2 * i / d_model))
            pe[row, 2 * i + 1] = np.cos(pos / 10000 ** (2 * i / d_model))
    return pe


@pytest.mark.parametrize("d_model", [2, 4, 16, 64, 256])
def test_positional_encoding_matches_the_paper(d_model):
    positions = np.arange(37)
    np.testing.assert_allclose(
        encoding.positional_encoding(positions, d_model), _paper_encoding(positions, d_model)
    )


@pytest.mark.parametrize("d_model", [0, 3, 17])
def test_positional_encoding_needs_an_even_dimension(d_model):
    with pytest.raises(ValueError):
        encoding.positional_encoding(np.arange(3), d_model)


@SETTINGS
@given(
    st.integers(0, 500), st.integers(0, 500), st.integers(-200, 200), st.sampled_from([8, 64, 128])
)
def test_dot_product_of_encodings_depends_only_on_the_offset(p, q, k, d_model):
    pe = encoding.positional_encoding(np.array([p, p + k, q, q + k]), d_model)
    assert pe[0] @ pe[1] == pytest.approx(pe[2] @ pe[3], abs=1e-9)
    assert pe[0] @ pe[1] == pytest.approx(encoding.encoding_similarity(np.array([k]), d_model)[0])


def test_gram_matrix_is_constant_along_diagonals():
    gram = encoding.dot_products(encoding.positional_encoding(np.arange(40), 32))
    assert gram.shape == (40, 40)
    for offset in range(-39, 40):
        diagonal = np.diagonal(gram, offset)
        np.testing.assert_allclose(diagonal, diagonal[0], atol=1e-9)
    np.testing.assert_allclose(np.diagonal(gram), 16.0)  # |PE(p)|² = d/2: sin² + cos² per pair


@pytest.mark.parametrize("k", [1, 5, 33])
def test_an_offset_is_a_rotation_of_each_frequency_pair(k):
    """PE(p + k) = R_k PE(p) with R_k block-diagonal rotations by kω_i, whatever p is."""
    d_model = 16
    omegas = 10000 ** (-np.arange(0, d_model, 2) / d_model)
    rotation = np.zeros((d_model, d_model))
    for i, omega in enumerate(omegas):
        c, s = np.cos(k * omega), np.sin(k * omega)
        # (sin, cos) of (p + k)ω from (sin, cos) of pω: the angle-addition formulas.
        rotation[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, s], [-s, c]]
    positions = np.arange(50)
    pe = encoding.positional_encoding(positions, d_model)
    shifted = encoding.positional_encoding(positions + k, d_model)
    np.testing.assert_allclose(pe @ rotation.T, shifted, atol=1e-9)


def test_encoding_view_measures_what_the_formula_says():
    view = encoding.encoding_view(64, 30, 7, n_offsets=40)
    assert view.encoding.shape == (30, 64) and view.gram.shape == (30, 30)
    np.testing.assert_allclose(view.measured, view.similarity, atol=1e-9)
    np.testing.assert_allclose(view.gram[7, 7:30], view.similarity[:23], atol=1e-9)
