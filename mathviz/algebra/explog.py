"""Exponentials and logarithms: bˣ and log_b x as mirror images in y = x, and the
logarithmic scale on which products become sums (a slide rule).

Pure numpy; the LaTeX the page prints is made in :mod:`mathviz.algebra.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathviz.algebra.functions import INF, Interval, ParentFunction, sample_curve

EXP_BASES: dict[str, float] = {"2": 2.0, "e": float(np.e), "10": 10.0, "1/2": 0.5}


def exponential(base: float) -> ParentFunction:
    """x ↦ bˣ as a curve to sample (domain ℝ, levels off at y = 0)."""
    return ParentFunction("b^x", "b^{#}", lambda x: np.power(base, x), horizontal_asymptotes=(0.0,))


def logarithm(base: float) -> ParentFunction:
    """x ↦ log_b x, the inverse of bˣ (domain x > 0, runs off along x = 0)."""
    return ParentFunction(
        r"\log_b x",
        r"\log_b\left(#\right)",
        lambda x: np.log(x) / np.log(base),
        domain=(Interval(0.0, INF),),
        vertical_asymptotes=(0.0,),
    )


def mirror_pair(base: float, x: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The point (x, bˣ) of the exponential and its mirror image (bˣ, x) on the logarithm.

    Notes
    -----
    Swapping coordinates reflects a point in the line y = x; since log_b(bˣ) = x, the
    reflection of the exponential's graph is the logarithm's graph.
    """
    y = float(base**x)
    return (x, y), (y, x)


def log_ticks(decades: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """The marks of a logarithmic scale from 1 to 10^decades: 1, 2, ..., 9, 10, 20, ...

    Returns
    -------
    values : (9·decades + 1,) the numbers marked.
    positions : log₁₀ of them, where they sit on the scale.
    """
    values = np.concatenate(
        [np.arange(1, 10) * 10.0**d for d in range(decades)] + [np.array([10.0**decades])]
    )
    return values, np.log10(values)


# --- what the page shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class ExpLogView:
    """bˣ and log_b x as mirror images, and a point with its reflection.

    Attributes
    ----------
    base_name : the base as the page names it (``2``, ``e``, ``10``, ``1/2``).
    x : the point's x.
    exp_curve, log_curve : (x, y) of each over the window.
    pair : ((x, bˣ), (bˣ, x)).
    window : the square drawn.
    """

    base_name: str
    x: float
    exp_curve: tuple[np.ndarray, np.ndarray]
    log_curve: tuple[np.ndarray, np.ndarray]
    pair: tuple[tuple[float, float], tuple[float, float]]
    window: tuple[float, float]

    @property
    def pair_visible(self) -> bool:
        """Whether both points lie inside the window."""
        lo, hi = self.window
        return all(lo <= v <= hi for point in self.pair for v in point)


def exp_log_view(base_name: str, x: float, window=(-4.0, 6.0)) -> ExpLogView:
    """Everything the exp-and-log view shows for a base from :data:`EXP_BASES`."""
    base = EXP_BASES[base_name]
    exp_f, log_f = exponential(base), logarithm(base)
    pair = mirror_pair(base, x)
    return ExpLogView(
        base_name=base_name,
        x=float(x),
        exp_curve=sample_curve(exp_f.function, exp_f.domain, window),
        log_curve=sample_curve(log_f.function, log_f.domain, window),
        pair=pair,
        window=window,
    )


@dataclass(frozen=True)
class ProductView:
    """log(x₁x₂) = log x₁ + log x₂ on a logarithmic scale from 1 to 100.

    Attributes
    ----------
    factors : (x₁, x₂).
    tick_values, tick_positions : the scale's marks and log₁₀ of them.
    logs : (2,) log₁₀ x₁ and log₁₀ x₂, laid end to end.
    product : x₁x₂.
    """

    factors: tuple[float, float]
    tick_values: np.ndarray
    tick_positions: np.ndarray
    logs: np.ndarray
    product: float


def product_view(x1: float, x2: float) -> ProductView:
    """Everything the products-to-sums view shows (x₁, x₂ in [1, 10])."""
    values, positions = log_ticks(2)
    logs = np.log10([x1, x2])
    return ProductView((float(x1), float(x2)), values, positions, logs, x1 * x2)
