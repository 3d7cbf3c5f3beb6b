"""The words and formulas of /linear-algebra: the numbers shown are the numbers computed."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given

from mathviz.core import matrix2, numbers
from mathviz.linalg import (
    text_transform,
    transform,
)
from tests.core.cases import SETTINGS, plane_matrices, scale_of


def test_the_near_singular_preset_is_invertible_but_flagged():
    facts = matrix2.matrix_facts(transform.PRESETS["nearly singular"].matrix)
    assert facts.invertible and facts.nearly_singular
    assert facts.determinant == pytest.approx(1e-12, rel=1e-3)
    levels = {note.level for note in text_transform.notes(facts)}
    assert levels == {"warning"}


def test_number_formatting_for_people():
    assert (
        numbers.text(3.0) == "3"
        and numbers.text(-0.0) == "0"
        and numbers.text(0.70710678) == "0.707"
    )
    # One rule for every page: powers of ten, never "1e6" (issue 9).
    assert numbers.text(1e6) == "10⁶" and numbers.text(1.25e-12) == "1.25×10⁻¹²"
    assert numbers.text(math.inf) == "∞"
    assert numbers.tex(1.5e6) == r"1.5 \times 10^{6}" and numbers.tex(-1e6) == "-10^{6}"
    assert numbers.latex_matrix(np.array([[1.0, 1e-17], [0.0, 1.0]])).count(" 0 ") >= 1


def parse_latex_matrix(latex: str) -> np.ndarray:
    """Read the numbers back from a matrix's LaTeX (``numbers.latex_matrix``), as a person
    would."""
    body = latex.removeprefix(r"\begin{bmatrix} ").removesuffix(r" \end{bmatrix}")

    def number(text: str) -> float:
        match = re.fullmatch(r"(-?[\d.]+ \\times )?(-?)10\^\{(-?\d+)\}", text.strip())
        if not match:
            return float(text)
        mantissa = float(match[1].split()[0]) if match[1] else (-1.0 if match[2] else 1.0)
        return mantissa * 10.0 ** int(match[3])

    return np.array([[number(x) for x in row.split("&")] for row in body.split(r"\\")])


@SETTINGS
@given(plane_matrices())
def test_the_matrix_shown_has_the_determinant_shown(a):
    """Enough digits are printed that the printed numbers give (nearly) the printed det."""
    printed = parse_latex_matrix(text_transform.exact_matrix_latex(a))
    noise = 1e-13 * scale_of(a) ** 2
    assert np.linalg.det(printed) == pytest.approx(np.linalg.det(a), rel=0.02, abs=noise)


def test_a_nearly_singular_matrix_is_printed_with_all_its_digits():
    a = transform.PRESETS["nearly singular"].matrix
    assert "1.000000000001" in numbers.latex_matrix(a, transform.entry_digits(a))
    assert transform.entry_digits(np.array([[3.0, 1.0], [0.0, 2.0]])) == 3


def test_the_image_formula_stacks_for_a_narrow_column_with_the_same_numbers():
    a = np.array([[0.5, 0.5], [0.5, 0.5]])
    v, image = (1.0, 1.0), a @ np.array([1.0, 1.0])
    line = text_transform.image_latex(a, v, image)
    stacked = text_transform.image_latex(a, v, image, stacked=True)
    assert stacked.startswith(r"\begin{aligned}") and r"\\" in stacked
    numbers_in = re.compile(r"-?\d+(?:\.\d+)?")
    assert numbers_in.findall(stacked) == numbers_in.findall(line)
    assert line.endswith(r"\begin{bmatrix} 1 \\ 1 \end{bmatrix}")  # A v = (1, 1)
