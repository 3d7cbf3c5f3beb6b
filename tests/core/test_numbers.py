"""The one number formatter: the rule in its docstring, checked by reading numbers back."""

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mathviz.core import numbers

SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def read_text(shown: str) -> float:
    """Parse what :func:`numbers.text` wrote, independently of how it wrote it."""
    if shown == "∞":
        return math.inf
    if shown == "-∞":
        return -math.inf
    match = re.fullmatch(r"(-?(?:\d+(?:\.\d+)?)?)(?:×?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?", shown)
    assert match, f"unreadable: {shown!r}"
    mantissa, power = match.groups()
    if power is None:
        return float(mantissa)
    if mantissa in ("", "-"):
        mantissa += "1"
    assert "×" in shown or mantissa in ("1", "-1"), "a mantissa of 1 is left out"
    return float(mantissa) * 10.0 ** int(power.translate(SUPERSCRIPTS))


def read_tex(shown: str) -> float:
    match = re.fullmatch(r"(-?[\d.]+)?(?: \\times )?(?:(-?)10\^\{(-?\d+)\})?", shown)
    assert match, f"unreadable: {shown!r}"
    mantissa, sign, power = match.groups()
    if power is None:
        return float(mantissa)
    return float(mantissa or f"{sign}1") * 10.0 ** int(power)


@pytest.mark.parametrize(
    ("value", "prose", "latex"),
    [
        (0.0, "0", "0"),
        (-0.0, "0", "0"),
        (0.000123, "1.23×10⁻⁴", r"1.23 \times 10^{-4}"),
        (0.0123, "0.0123", "0.0123"),
        (0.70710678, "0.707", "0.707"),
        (-0.5, "-0.5", "-0.5"),
        (2.0, "2", "2"),
        (12345.6, "12346", "12346"),
        (1e6, "10⁶", "10^{6}"),
        (-1e6, "-10⁶", "-10^{6}"),
        (2.5e6, "2.5×10⁶", r"2.5 \times 10^{6}"),
        (1e-12, "10⁻¹²", "10^{-12}"),
        (math.inf, "∞", r"\infty"),
        (-math.inf, "-∞", r"-\infty"),
        (math.nan, "undefined", r"\text{undefined}"),
    ],
)
def test_the_rule_on_landmark_values(value, prose, latex):
    assert numbers.text(value) == prose
    assert numbers.tex(value) == latex


def test_places_round_to_decimals_and_rounding_dust_is_zero():
    assert numbers.text(math.cos(math.pi / 2), places=3) == "0"  # 6.1e-17
    assert numbers.text(-1e-9, places=2) == "0"
    assert numbers.text(359.5, places=1) == "359.5"
    assert numbers.text(1.0471975, places=3) == "1.047"
    assert numbers.text(60.0, places=1) == "60"
    assert numbers.tex(3e6, places=1) == r"3 \times 10^{6}"


def test_a_whole_part_is_never_rounded_into_powers_of_ten():
    assert numbers.text(99_999.4) == "99999"
    assert numbers.text(99_999.7) == "10⁵"  # rounds up to 100000, where the powers begin


# Below 1e300, so that a rounded-up mantissa still reads back as a finite float.
finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, width=64)


@given(finite, st.integers(1, 8))
def test_prose_reads_back_within_its_precision_and_never_shows_e_notation(x, digits):
    shown = numbers.text(x, digits)
    assert "e" not in shown and "nan" not in shown and "inf" not in shown
    assert shown != "-0"
    back = read_text(shown)
    # Significant digits: the error is at most half a unit of the last digit kept, or of the
    # last whole digit when the whole part has more digits than asked for.
    if x == 0:
        assert back == 0
    else:
        exponent = math.floor(math.log10(abs(x)))
        unit = 10.0 ** (
            max(exponent - digits + 1, 0) if 1e-3 <= abs(x) < 1e5 else exponent - digits + 1
        )
        assert abs(back - x) <= 0.5 * unit * (1 + 1e-9) + 1e-300


@given(finite, st.integers(1, 6))
def test_latex_says_the_same_number_as_prose(x, digits):
    assert math.isclose(read_tex(numbers.tex(x, digits)), read_text(numbers.text(x, digits)))


@given(finite, st.integers(0, 6))
def test_places_read_back_within_half_a_decimal(x, places):
    shown = numbers.text(x, places=places)
    if abs(x) < 1e5:
        assert abs(read_text(shown) - x) <= 0.5 * 10.0**-places * (1 + 1e-9) + abs(x) * 1e-15


def test_signed_tex_spells_out_the_sign_for_the_middle_of_a_formula():
    assert numbers.signed_tex(2.0) == "+ 2"
    assert numbers.signed_tex(-0.5) == "- 0.5"
    assert numbers.signed_tex(-1e-9, places=2) == "+ 0"  # no "- 0"


def test_matrix_latex_is_one_bmatrix_with_rounding_dust_removed():
    rotation = np.array([[math.cos(math.pi / 2), -1.0], [1.0, math.cos(math.pi / 2)]])
    assert numbers.latex_matrix(rotation) == r"\begin{bmatrix} 0 & -1 \\ 1 & 0 \end{bmatrix}"
    assert numbers.latex_vector([1.5, 2e6]) == (
        r"\begin{bmatrix} 1.5 \\ 2 \times 10^{6} \end{bmatrix}"
    )
    assert numbers.latex_matrix([[np.nan, np.inf]]) == (
        r"\begin{bmatrix} \text{undefined} & \infty \end{bmatrix}"
    )


def test_subscripts_superscripts_and_vectors_in_prose():
    assert numbers.subscript(12) == "₁₂"
    assert numbers.superscript(-4) == "⁻⁴"
    assert numbers.vector_text([0.70710678, -0.70710678]) == "(0.707, -0.707)"


@pytest.mark.parametrize(
    ("a", "shown"),
    [(0.0, "x"), (-0.0, "x"), (0.5, "(x - 0.5)"), (-2.0, "(x + 2)"), (1e-9, "(x - 10^{-9})")],
)
def test_a_shift_is_written_without_a_double_sign(a, shown):
    assert numbers.shifted_tex("x", a) == shown
