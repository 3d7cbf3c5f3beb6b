"""The words and formulas of /vectors: current numbers, never NaN."""

from __future__ import annotations

import re

import numpy as np
from scipy.spatial import distance

from mathviz.core import numbers
from mathviz.linalg import (
    least_squares,
    text_vectors,
    vectors,
)


def test_formulas_show_current_numbers_and_never_nan():
    dot = vectors.dot_product(np.array([3.0, 1.0]), np.array([1.0, 2.0]))
    text = text_vectors.dot_latex(dot)
    assert "= 5" in text and "45" in text
    zero = text_vectors.dot_latex(vectors.dot_product(np.zeros(2), np.array([1.0, 2.0])))
    assert "undefined" in zero
    dependent = vectors.basis_coordinates(np.array([1.0, 1.0]), np.array([2.0, 2.0]), [1.0, 0])
    fit = least_squares.fit_line(*least_squares.noisy_line(0, 25, 1.0))
    for latex in (
        text,
        zero,
        text_vectors.basis_latex(dependent),
        text_vectors.normal_equations_latex(fit),
    ):
        assert not re.search(r"\bnan\b|\binf\b", latex.lower())
    king, queen = vectors.EMBEDDINGS["king"], vectors.EMBEDDINGS["queen"]
    worked = text_vectors.cosine_latex("king", king, "queen", queen)
    assert numbers.tex(1 - distance.cosine(king, queen), 3) in worked


def test_basis_notes_name_the_problem():
    assert text_vectors.basis_note(vectors.basis_coordinates([1, 0], [0, 1], [1, 1])) is None
    dependent = text_vectors.basis_note(vectors.basis_coordinates([1, 2], [2, 4], [1, 1]))
    assert "dependent" in dependent and "off that line" in dependent
    on_line = text_vectors.basis_note(vectors.basis_coordinates([1, 2], [2, 4], [3, 6]))
    assert "infinitely many" in on_line
    nearly = text_vectors.basis_note(vectors.basis_coordinates([4, 4], [3.9, 4], [1, 1]))
    assert "nearly parallel" in nearly
