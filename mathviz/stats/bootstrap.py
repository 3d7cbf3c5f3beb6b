"""The bootstrap: resample a sample with replacement many times (seeded), and read the
sampling distribution of a statistic off the resamples; its percentile, BCa and normal
intervals, beside the analytic ones.

Pure numpy/scipy. Many samples are bootstrapped at once (rows of a 2-D array), as the
coverage study of :mod:`mathviz.stats.intervals` needs.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from mathviz.probability.distributions import DISTRIBUTIONS

MAX_RESAMPLES = 5000
MAX_N = 200  # B × n ≤ 10⁶ counts: a resampled view stays within a rerun's budget
INTERVAL_METHODS = ("percentile", "BCa", "normal")


def resample_indices(rng: np.random.Generator, n: int, resamples: int,
                     rows: int = 1) -> np.ndarray:  # fmt: skip
    """(rows, resamples, n) indices drawn uniformly with replacement from 0..n − 1."""
    return rng.integers(0, n, size=(rows, resamples, n), dtype=np.int32)


def resample_counts(rng: np.random.Generator, n: int, resamples: int) -> np.ndarray:
    """(resamples, n) how often each of the n values is drawn into each resample with
    replacement (each row a Multinomial(n; 1/n, …, 1/n) draw, counted from n uniform
    indices). A statistic that is a weighted sum (a mean, a moment) is then one matrix
    product, and a median a running count over the sorted values."""
    index = resample_indices(rng, n, resamples)[0]
    index += (np.arange(resamples, dtype=np.int32) * n)[:, None]  # row r's values r·n …
    return np.bincount(index.ravel(), minlength=resamples * n).reshape(resamples, n).astype(float)


def _quantiles_by_row(sorted_rows: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Row i's quantile q[i] of sorted rows (numpy's linear rule, one level per row)."""
    b = sorted_rows.shape[1]
    position = np.clip(q, 0.0, 1.0) * (b - 1)
    low = np.floor(position).astype(int)
    high = np.minimum(low + 1, b - 1)
    rows = np.arange(sorted_rows.shape[0])
    weight = position - low
    return sorted_rows[rows, low] * (1 - weight) + sorted_rows[rows, high] * weight


def mean_jackknife(samples: np.ndarray) -> np.ndarray:
    """(rows, n) leave-one-out means: (Σx − xᵢ)/(n − 1)."""
    n = samples.shape[1]
    return (samples.sum(axis=1, keepdims=True) - samples) / (n - 1)


def acceleration(jackknife: np.ndarray) -> np.ndarray:
    """BCa's acceleration from (rows, n) jackknife values: Σd³ / (6 (Σd²)^{3/2}), d = θ̄₍.₎ − θ₍ᵢ₎
    (Efron 1987); 0 where the jackknife values do not vary."""
    d = jackknife.mean(axis=1, keepdims=True) - jackknife
    squares = (d**2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = (d**3).sum(axis=1) / (6.0 * squares**1.5)
    return np.where(squares > 0, a, 0.0)


def intervals(estimates: np.ndarray, replicates: np.ndarray, jackknife: np.ndarray,
              level: float, method: str) -> np.ndarray:  # fmt: skip
    """(rows, 2) bootstrap intervals of one statistic, one per row.

    Parameters
    ----------
    estimates : (rows,) the statistic on each original sample.
    replicates : (rows, B) the statistic on each resample.
    jackknife : (rows, n) the statistic with each value left out (BCa only).
    level : the coverage aimed at, e.g. 0.95.
    method : ``percentile`` (the replicates' α/2 and 1 − α/2 quantiles), ``BCa`` (those
        quantiles moved for bias z₀ and skewness a, Efron 1987), or ``normal`` (estimate ±
        z·SE, SE the replicates' standard deviation).
    """
    alpha = 1.0 - level
    if method == "normal":
        se = replicates.std(axis=1, ddof=1)
        z = special.ndtri(1 - alpha / 2)
        return np.column_stack([estimates - z * se, estimates + z * se])
    ordered = np.sort(replicates, axis=1)
    rows, b = replicates.shape
    levels = np.array([alpha / 2, 1 - alpha / 2])
    if method == "percentile":
        q = np.broadcast_to(levels, (rows, 2))
    elif method == "BCa":
        below = (replicates < estimates[:, None]).mean(axis=1)
        below = np.clip(below, 0.5 / b, 1 - 0.5 / b)  # all on one side: z₀ stays finite
        z0 = special.ndtri(below)[:, None]
        a = acceleration(jackknife)[:, None]
        z = special.ndtri(levels)[None, :]
        q = special.ndtr(z0 + (z0 + z) / (1 - a * (z0 + z)))
    else:
        raise ValueError(f"unknown bootstrap interval {method!r}")
    return np.column_stack([_quantiles_by_row(ordered, q[:, 0]),
                            _quantiles_by_row(ordered, q[:, 1])])  # fmt: skip


# ---- one sample, bootstrapped --------------------------------------------------------------


def _correlation(x: np.ndarray) -> np.ndarray:
    """Pearson's r of (..., n, 2) pairs along the n axis."""
    centred = x - x.mean(axis=-2, keepdims=True)
    top = (centred[..., 0] * centred[..., 1]).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = top / np.sqrt((centred[..., 0] ** 2).sum(axis=-1) * (centred[..., 1] ** 2).sum(-1))
    return np.nan_to_num(r, nan=0.0)


@dataclass(frozen=True)
class Statistic:
    """A statistic the bootstrap lesson resamples: how to compute it along an axis, and its
    analytic 95% interval for comparison."""

    name: str
    latex: str
    compute: Callable[[np.ndarray], np.ndarray]  # (..., n[, 2]) -> (...)
    analytic_name: str
    analytic: Callable[[np.ndarray, float], tuple[float, float]]
    from_counts: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (sample, (B, n)) -> (B,)
    paired: bool = False


def mean_from_counts(sample: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """(B,) the means of the resamples that ``counts`` (B, n) describe: counts · x / n."""
    return counts @ sample / sample.shape[0]


def median_from_counts(sample: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """(B,) the medians of the resamples ``counts`` describes: in sorted order, the values
    where the running count first reaches n/2 and n/2 + 1 (averaged for even n), as
    ``np.median`` of the resample would give."""
    order = np.argsort(sample, kind="stable")
    ordered, running = sample[order], np.cumsum(counts[:, order], axis=1)
    n = sample.shape[0]
    low = np.argmax(running >= (n + 1) // 2, axis=1)  # the ⌈n/2⌉-th smallest
    high = np.argmax(running >= n // 2 + 1, axis=1)  # the (⌊n/2⌋ + 1)-th smallest
    return (ordered[low] + ordered[high]) / 2


def correlation_from_counts(pairs: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """(B,) Pearson's r of the resampled pairs, from weighted moments: counts · [x, y, x², y²,
    xy] / n."""
    x, y = pairs[:, 0] - pairs[:, 0].mean(), pairs[:, 1] - pairs[:, 1].mean()
    sx, sy, sxx, syy, sxy = (counts @ np.column_stack([x, y, x * x, y * y, x * y]) / len(x)).T
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (sxy - sx * sy) / np.sqrt((sxx - sx * sx) * (syy - sy * sy))
    return np.nan_to_num(r, nan=0.0)


def _t_interval(x: np.ndarray, level: float) -> tuple[float, float]:
    n = x.size
    half = stats.t.ppf(0.5 + level / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return float(x.mean() - half), float(x.mean() + half)


def median_order_interval(x: np.ndarray, level: float) -> tuple[float, float]:
    """The distribution-free interval for the median: order statistics x₍ⱼ₎ and x₍ₙ₋ⱼ₊₁₎
    with j the largest whose P(j ≤ Bin(n, ½) ≤ n − j) ≥ level (at least that coverage for
    any continuous distribution)."""
    ordered = np.sort(x)
    n = ordered.size
    best = 1
    for j in range(1, n // 2 + 1):
        cover = stats.binom.cdf(n - j, n, 0.5) - stats.binom.cdf(j - 1, n, 0.5)
        if cover >= level:
            best = j
        else:
            break
    return float(ordered[best - 1]), float(ordered[n - best])


def fisher_z_interval(pairs: np.ndarray, level: float) -> tuple[float, float]:
    """tanh(atanh r ± z/√(n − 3)): Fisher's interval for a correlation (bivariate normal)."""
    r = float(_correlation(pairs))
    n = pairs.shape[0]
    if n <= 3 or abs(r) >= 1:
        return r, r
    half = special.ndtri(0.5 + level / 2) / math.sqrt(n - 3)
    return math.tanh(math.atanh(r) - half), math.tanh(math.atanh(r) + half)


STATISTICS = {
    "Mean": Statistic("Mean", r"\bar x", lambda x: x.mean(axis=-1), "t interval", _t_interval,
                      mean_from_counts),
    "Median": Statistic("Median", r"\tilde x", lambda x: np.median(x, axis=-1),
                        "order-statistic interval", median_order_interval, median_from_counts),
    "Correlation": Statistic("Correlation", "r", _correlation, "Fisher z interval",
                             fisher_z_interval, correlation_from_counts, paired=True),
}  # fmt: skip

SOURCES = {  # name -> registry parameters (a skewed log-normal: σ = 1)
    "Normal": {},
    "Exponential": {},
    "Log-normal": {"logsigma": 1.0},
    "Uniform": {},
}


def source_sample(source: str, n: int, rng: np.random.Generator, rows: int = 1) -> np.ndarray:
    """(rows, n) draws from a source of :data:`SOURCES` (the probability registry's)."""
    entry = DISTRIBUTIONS[source]
    return entry.sample(rng, rows * n, SOURCES[source]).reshape(rows, n)


def source_mean(source: str) -> float:
    return float(DISTRIBUTIONS[source].frozen(SOURCES[source]).mean())


@dataclass(frozen=True)
class BootstrapRun:
    """One seeded sample and its B resamples' statistic.

    Attributes
    ----------
    sample : (n,) values, or (n, 2) pairs for a correlation.
    estimate : the statistic on the sample; ``replicates`` (B,) on each resample.
    intervals : method -> (low, high), the three bootstrap intervals at 95%.
    analytic : the analytic 95% interval; ``standard_error`` the replicates' SD.
    """

    statistic: str
    source: str
    sample: np.ndarray
    estimate: float
    replicates: np.ndarray
    intervals: dict[str, tuple[float, float]]
    analytic: tuple[float, float]
    standard_error: float
    level: float = 0.95


def _pairs(n: int, rho: float, rng: np.random.Generator) -> np.ndarray:
    z = rng.standard_normal((n, 2))
    return np.column_stack([z[:, 0], rho * z[:, 0] + math.sqrt(1 - rho**2) * z[:, 1]])


@functools.lru_cache(maxsize=16)
def bootstrap_run(statistic: str, source: str, n: int, resamples: int, seed: int,
                  rho: float = 0.6) -> BootstrapRun:  # fmt: skip
    """Draw a seeded sample (pairs with correlation ρ for a correlation) and bootstrap it."""
    stat = STATISTICS[statistic]
    n = int(min(max(n, 4), MAX_N))
    resamples = int(min(max(resamples, 100), MAX_RESAMPLES))
    rng = np.random.default_rng(int(seed))
    sample = _pairs(n, float(rho), rng) if stat.paired else source_sample(source, n, rng)[0]
    replicates = stat.from_counts(sample, resample_counts(rng, n, resamples))
    estimate = float(stat.compute(sample))
    left_out = np.array([np.delete(sample, i, axis=0) for i in range(n)])
    jackknife = stat.compute(left_out)[None, :]
    found = {
        method: tuple(float(v) for v in intervals(np.array([estimate]), replicates[None, :],
                                                  jackknife, 0.95, method)[0])
        for method in INTERVAL_METHODS
    }  # fmt: skip
    return BootstrapRun(
        statistic=statistic,
        source=source,
        sample=sample,
        estimate=estimate,
        replicates=replicates,
        intervals=found,
        analytic=stat.analytic(sample, 0.95),
        standard_error=float(replicates.std(ddof=1)),
    )
