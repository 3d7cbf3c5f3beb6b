"""How a number reads, everywhere in the app: one rule, in prose and in LaTeX.

The rule
--------
- ``digits`` significant digits (3 unless a caller needs more), trailing zeros dropped; a
  whole part is never rounded away (12345 reads ``12345``, not ``1.23×10⁴``).
- Magnitudes of 10⁵ and more, or below 10⁻³, read in powers of ten: ``2.5×10⁶`` in prose,
  ``2.5 \\times 10^{6}`` in LaTeX; a mantissa of 1 is left out (``10⁶``, ``10^{6}``).
- ``places`` instead of ``digits`` rounds to that many decimals (angles, readouts): a value
  that rounds to 0 there *is* 0 (``cos 90°`` computed as ``6e-17`` reads ``0``); only
  magnitudes of 10⁵ and more switch to powers of ten.
- Zero is ``0``, never ``-0``; infinity is ``∞`` (``\\infty``); NaN reads ``undefined``.
- Prose never shows ``1e+06``, ``nan`` or ``inf``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

LARGE = 1e5  # from here on, powers of ten
SMALL = 1e-3  # below this (and above 0), powers of ten
UNDEFINED = "undefined"

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT = str.maketrans("-0123456789", "₋₀₁₂₃₄₅₆₇₈₉")


def _trim(text: str) -> str:
    """Drop trailing zeros of a decimal: ``1.500`` -> ``1.5``, ``2.000`` -> ``2``."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parts(x: float, digits: int = 3, places: int | None = None) -> tuple[str, int | None]:
    """The mantissa text and the power of ten of ``x`` under the rule (None: no power).

    Non-finite values come back as ``("undefined" | "∞" | "-∞", None)``.
    """
    x = float(x)
    if math.isnan(x):
        return UNDEFINED, None
    if math.isinf(x):
        return ("∞" if x > 0 else "-∞"), None
    magnitude = abs(x)
    if places is not None:
        if magnitude < LARGE:
            text = _trim(f"{x:.{places}f}")
            return ("0" if text in ("-0", "") else text), None
    elif magnitude == 0:
        return "0", None
    elif SMALL <= magnitude < LARGE:
        integer_digits = max(1, math.floor(math.log10(magnitude)) + 1) if magnitude >= 1 else 0
        decimals = max(digits - integer_digits, 0) if magnitude >= 1 else None
        if decimals is None:  # 0.001 <= |x| < 1: significant digits after the leading zeros
            decimals = digits - math.floor(math.log10(magnitude)) - 1
        text = _trim(f"{x:.{decimals}f}")
        if abs(float(text)) >= LARGE:  # 99999.7 rounds up to 100000
            return parts(float(text), digits)
        return ("0" if text in ("-0", "") else text), None
    mantissa, exponent = f"{x:.{max(digits - 1, 0)}e}".split("e")
    return _trim(mantissa), int(exponent)


def text(x: float, digits: int = 3, places: int | None = None) -> str:
    """``x`` for prose and labels: ``0.707``, ``12345``, ``2.5×10⁶``, ``10⁻⁴``, ``∞``."""
    mantissa, power = parts(x, digits, places)
    if power is None:
        return mantissa
    ten = "10" + str(power).translate(_SUPERSCRIPT)
    if mantissa in ("1", "-1"):
        return ("-" if mantissa == "-1" else "") + ten
    return f"{mantissa}×{ten}"


def tex(x: float, digits: int = 3, places: int | None = None) -> str:
    """``x`` in LaTeX: ``0.707``, ``2.5 \\times 10^{6}``, ``10^{-4}``, ``\\infty``."""
    mantissa, power = parts(x, digits, places)
    if mantissa == UNDEFINED:
        return r"\text{undefined}"
    if mantissa in ("∞", "-∞"):
        return mantissa.replace("∞", r"\infty")
    if power is None:
        return mantissa
    if mantissa in ("1", "-1"):
        return ("-" if mantissa == "-1" else "") + f"10^{{{power}}}"
    return rf"{mantissa} \times 10^{{{power}}}"


def signed_tex(x: float, digits: int = 3, places: int | None = None) -> str:
    """``x`` with its sign spelt out, for the middle of a formula: ``+ 2``, ``- 0.5``."""
    shown = tex(abs(x), digits, places)
    return f"- {shown}" if x < 0 and shown != "0" else f"+ {shown}"


def shifted_tex(variable: str, a: float, digits: int = 3) -> str:
    """``variable − a`` in LaTeX, in brackets, without a double sign: ``x`` (a = 0),
    ``(x - 0.5)``, ``(y + 2)``."""
    shown = tex(abs(a), digits)
    if shown == "0":
        return variable
    return rf"({variable} {'-' if a > 0 else '+'} {shown})"


def subscript(k: int) -> str:
    """``k`` in Unicode subscript digits, for labels such as v₁₂ in plain text."""
    return str(int(k)).translate(_SUBSCRIPT)


def superscript(k: int) -> str:
    """``k`` in Unicode superscript digits: ``x⁴``."""
    return str(int(k)).translate(_SUPERSCRIPT)


def _without_dust(array: np.ndarray) -> np.ndarray:
    """Entries at rounding-noise level of the largest set to 0 (``cos 90°`` as ``6e-17``)."""
    finite = np.abs(array[np.isfinite(array)])
    dust = np.finfo(float).eps * (finite.max() if finite.size else 0.0)
    return np.where(np.abs(array) <= dust, 0.0, array)


def latex_matrix(matrix: np.ndarray | Sequence, digits: int = 3) -> str:
    """A matrix (or a column vector, given as a 1-D array) as a LaTeX ``bmatrix``.

    Entries at rounding-noise level of the largest one read 0.
    """
    array = np.asarray(matrix, dtype=float)
    if array.ndim == 1:
        array = array[:, None]
    array = _without_dust(array)
    rows = [" & ".join(tex(value, digits) for value in row) for row in array]
    return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"


def latex_vector(vector: Sequence[float] | np.ndarray, digits: int = 3) -> str:
    """A column vector as a LaTeX ``bmatrix``."""
    return latex_matrix(np.asarray(vector, dtype=float).ravel(), digits)


def vector_text(vector: Sequence[float] | np.ndarray, digits: int = 3) -> str:
    """A vector for prose: ``(0.707, -0.707)``."""
    return "(" + ", ".join(text(value, digits) for value in np.ravel(vector)) + ")"
