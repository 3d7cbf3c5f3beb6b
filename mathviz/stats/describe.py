"""Describing data: centre, spread, quantiles, the box plot's five numbers and its outliers,
and what one outlier does to the mean and to the median.

Pure numpy. What a sample cannot tell (the spread of one value, the mode of values that
never repeat) is None, never NaN: the page says why in a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

QUARTILES = (0.25, 0.5, 0.75)
TUKEY = 1.5  # the box plot's whiskers reach 1.5 IQR beyond the quartiles (Tukey 1977)
MAX_MODES = 3  # more tied modes than this and "the mode" says nothing


@dataclass(frozen=True)
class Summary:
    """The descriptive statistics of a sample x of n values.

    Attributes
    ----------
    n, mean, median, low, high : count, centre and range.
    variance, sd : the sample variance s² = Σ(x − x̄)²/(n − 1) and s; None when n < 2.
    population_variance : Σ(x − x̄)²/n, the divide-by-n version (the MLE under a normal).
    q1, q3, iqr : the quartiles (numpy's default, linear interpolation: Hyndman & Fan's type
        7, as R and Excel's QUARTILE.INC) and their distance.
    fences : (q1 − 1.5·IQR, q3 + 1.5·IQR): values outside are drawn as outliers.
    whiskers : the lowest and highest values inside the fences, never inside the box (as
        matplotlib draws them: a whisker that would end inside the box ends at its edge).
    outliers : the values outside the fences, sorted.
    modes : the most frequent values, when some value repeats and at most
        :data:`MAX_MODES` tie; otherwise empty (see ``mode_count``).
    mode_count : how often each mode occurs (1: no value repeats).
    skewness : the sample skewness g₁ = m₃/m₂^(3/2) (moments about the mean, divided by n);
        0 for data with no spread.
    """

    n: int
    mean: float
    median: float
    low: float
    high: float
    variance: float | None
    sd: float | None
    population_variance: float
    q1: float
    q3: float
    iqr: float
    fences: tuple[float, float]
    whiskers: tuple[float, float]
    outliers: np.ndarray
    modes: tuple[float, ...]
    mode_count: int
    skewness: float


def modes(x: np.ndarray) -> tuple[tuple[float, ...], int]:
    """The most frequent values of ``x`` and their count; no modes when nothing repeats or
    more than :data:`MAX_MODES` values tie."""
    values, counts = np.unique(x, return_counts=True)
    top = int(counts.max())
    tied = values[counts == top]
    if top == 1 or len(tied) > MAX_MODES:
        return (), top
    return tuple(float(v) for v in tied), top


def summary(x: np.ndarray) -> Summary:
    """Descriptive statistics of a non-empty 1-D sample of finite values."""
    x = np.asarray(x, dtype=float).ravel()
    if x.size == 0 or not np.isfinite(x).all():
        raise ValueError("summary needs at least one value, all finite")
    n = x.size
    mean = float(x.mean())
    squares = float(((x - mean) ** 2).sum())
    q1, median, q3 = (float(q) for q in np.quantile(x, QUARTILES))
    iqr = q3 - q1
    fences = (q1 - TUKEY * iqr, q3 + TUKEY * iqr)
    inside = x[(x >= fences[0]) & (x <= fences[1])]
    found, count = modes(x)
    variance = squares / (n - 1) if n > 1 else None
    spread = np.sqrt(squares / n)
    # standardised first: m₃/m₂^(3/2) itself underflows to 0/0 for a spread of 10⁻¹³²
    skewness = float((((x - mean) / spread) ** 3).mean()) if spread > 0 else 0.0
    return Summary(
        n=n,
        mean=mean,
        median=median,
        low=float(x.min()),
        high=float(x.max()),
        variance=variance,
        sd=float(np.sqrt(variance)) if variance is not None else None,
        population_variance=squares / n,
        q1=q1,
        q3=q3,
        iqr=iqr,
        fences=fences,
        whiskers=(min(float(inside.min()), q1), max(float(inside.max()), q3)),
        outliers=np.sort(x[(x < fences[0]) | (x > fences[1])]),
        modes=found,
        mode_count=count,
        skewness=skewness,
    )


@dataclass(frozen=True)
class OutlierPath:
    """One extra value moved from the median outwards, and the mean and median it leaves.

    Attributes
    ----------
    positions : (k,) where the extra value sits, in the data's units.
    distances : (k,) its distance from the original median in original SDs (0 at the start).
    means, medians, sds : (k,) of the data with that value added (n + 1 values).
    """

    positions: np.ndarray
    distances: np.ndarray
    means: np.ndarray
    medians: np.ndarray
    sds: np.ndarray


def outlier_path(x: np.ndarray, farthest: float = 10.0, steps: int = 41) -> OutlierPath:
    """The data with one more value, placed at median + d·s for d from 0 to ``farthest``.

    Notes
    -----
    The mean of the n + 1 values is (Σx + v)/(n + 1): it follows v without bound, by
    1/(n + 1) of each step. The median is the middle order statistic: once v is past the
    values it can only move to the next one, so it stays within the data's middle. (For a
    sample with no spread, s is taken as 1.)
    """
    x = np.asarray(x, dtype=float).ravel()
    centre = float(np.median(x))
    spread = float(x.std(ddof=1)) if x.size > 1 else 0.0
    unit = spread if spread > 0 else 1.0
    distances = np.linspace(0.0, farthest, steps)
    positions = centre + distances * unit
    grown = np.concatenate([np.broadcast_to(x, (steps, x.size)), positions[:, None]], axis=1)
    means = grown.mean(axis=1)
    return OutlierPath(
        positions=positions,
        distances=distances,
        means=means,
        medians=np.median(grown, axis=1),
        sds=grown.std(axis=1, ddof=1),
    )
