"""Polynomials: values by Horner's rule, every complex root (eigenvalues of the companion
matrix), which roots are real, and a window that shows them all.

Pure numpy; the expanded and factored LaTeX is made in :mod:`mathviz.algebra.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def trim(coefficients: Sequence[float]) -> np.ndarray:
    """Coefficients (highest power first) without leading zeros."""
    c = np.asarray(coefficients, dtype=float)
    nonzero = np.flatnonzero(c)
    return c[nonzero[0] :] if nonzero.size else np.array([])


def polynomial_values(coefficients: Sequence[float], x: np.ndarray) -> np.ndarray:
    """p(x) by Horner's rule; coefficients highest power first."""
    x = np.asarray(x, dtype=float)
    y = np.zeros_like(x)
    for c in coefficients:
        y = y * x + c
    return y


def polynomial_roots(coefficients: Sequence[float]) -> np.ndarray:
    """All complex roots of a polynomial, as the eigenvalues of its companion matrix.

    Parameters
    ----------
    coefficients : c₀, c₁, ..., c_d of c₀xᵈ + c₁xᵈ⁻¹ + ... + c_d (leading zeros allowed).

    Returns
    -------
    (d,) complex ndarray, d the true degree (empty for a constant), sorted by real part.

    Notes
    -----
    The companion matrix C, with first row -c₁/c₀ ... -c_d/c₀ and ones below the diagonal,
    has characteristic polynomial p(x)/c₀, so its eigenvalues are exactly the roots.
    """
    c = trim(coefficients)
    degree = len(c) - 1
    if degree < 1:
        return np.array([], dtype=complex)
    companion = np.zeros((degree, degree))
    companion[0] = -c[1:] / c[0]
    companion[1:, :-1] = np.eye(degree - 1)
    roots = np.linalg.eigvals(companion).astype(complex)
    return roots[np.lexsort((roots.imag, roots.real))]


def is_real(roots: np.ndarray, tol: float = 1e-5) -> np.ndarray:
    """Which roots are real, allowing for rounding in the eigenvalue solver.

    Notes
    -----
    A root of multiplicity m comes out of the solver off by about eps^(1/m): 1e-8 for a
    double root, 6e-6 for a triple one, hence the relative tolerance of 1e-5.
    """
    roots = np.asarray(roots, dtype=complex)
    return np.abs(roots.imag) <= tol * (1 + np.abs(roots))


def polynomial_window(
    coefficients: Sequence[float], margin: float = 1.0
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A window that shows every real root and the shape of p between the roots.

    Returns
    -------
    (x_min, x_max), (y_min, y_max): x covers [-3, 3] and the real parts of all roots (with a
    margin); y fits |p| over the stretch where the roots are, not the far ends, where a
    polynomial shoots off and would flatten everything else.
    """
    roots = polynomial_roots(coefficients)
    parts = roots.real if roots.size else np.zeros(1)
    x_window = (min(-3.0, parts.min() - margin), max(3.0, parts.max() + margin))
    core = np.linspace(parts.min() - margin / 2, parts.max() + margin / 2, 201)
    reach = float(np.max(np.abs(polynomial_values(trim(coefficients), core)), initial=0.0))
    reach = max(1.0, 1.3 * reach)
    return x_window, (-reach, reach)


# --- what the page shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class PolynomialView:
    """A polynomial's graph and its roots.

    Attributes
    ----------
    coefficients : the coefficients, highest power first, leading zeros dropped.
    x, y : (n,) the graph over a window that shows every real root.
    roots : (d,) all complex roots; real : (d,) which of them are real.
    y_range : the graph's vertical range.
    is_zero : all coefficients are 0.
    """

    coefficients: np.ndarray
    x: np.ndarray
    y: np.ndarray
    roots: np.ndarray
    real: np.ndarray
    y_range: tuple[float, float]
    is_zero: bool


def polynomial_view(coefficients: Sequence[float], n: int = 600) -> PolynomialView:
    """Everything the polynomials view shows (coefficients highest power first)."""
    c = trim(coefficients)
    roots = polynomial_roots(c)
    (left, right), y_range = polynomial_window(c)
    x = np.linspace(left, right, n)
    return PolynomialView(
        coefficients=c,
        x=x,
        y=polynomial_values(c, x),
        roots=roots,
        real=is_real(roots),
        y_range=y_range,
        is_zero=not c.size,
    )
