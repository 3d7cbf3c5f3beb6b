"""Confidence intervals by repeated sampling: draw many samples from a known source, build
an interval for the mean from each, and count how often the intervals cover the truth.

Pure numpy/scipy; the sources are the probability registry's distributions
(:data:`mathviz.stats.bootstrap.SOURCES`), the bootstrap intervals those of
:mod:`mathviz.stats.bootstrap`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from mathviz.stats import bootstrap

MAX_REPEATS = 400
MAX_N = 200
COVERAGE_RESAMPLES = 1000  # resamples per sample for the bootstrap intervals
METHODS = ("t", "z (with s)", "bootstrap percentile", "bootstrap BCa", "bootstrap normal")


def t_intervals(samples: np.ndarray, level: float) -> np.ndarray:
    """(rows, 2) x̄ ± t_{n−1, 1−α/2} · s/√n for each row of ``samples``."""
    n = samples.shape[1]
    half = stats.t.ppf(0.5 + level / 2, n - 1) * samples.std(axis=1, ddof=1) / math.sqrt(n)
    mean = samples.mean(axis=1)
    return np.column_stack([mean - half, mean + half])


def z_intervals(samples: np.ndarray, level: float) -> np.ndarray:
    """(rows, 2) x̄ ± z_{1−α/2} · s/√n: right when σ is known, too narrow with s for small n."""
    n = samples.shape[1]
    half = special.ndtri(0.5 + level / 2) * samples.std(axis=1, ddof=1) / math.sqrt(n)
    mean = samples.mean(axis=1)
    return np.column_stack([mean - half, mean + half])


@functools.lru_cache(maxsize=8)
def draws(source: str, n: int, repeats: int, seed: int) -> np.ndarray:
    """(repeats, n) seeded samples from ``source``: the same samples for every method."""
    return bootstrap.source_sample(source, n, np.random.default_rng(int(seed)), repeats)


@functools.lru_cache(maxsize=8)
def bootstrap_means(source: str, n: int, repeats: int, seed: int) -> np.ndarray:
    """(repeats, B) the means of :data:`COVERAGE_RESAMPLES` resamples of each sample of
    :func:`draws`.

    Notes
    -----
    One set of B resampling counts (:func:`mathviz.stats.bootstrap.resample_counts`, drawn
    with the seed's generator after the samples) is applied to every sample, so the study is
    one matrix product, samples · countsᵀ / n, instead of repeats × B × n draws (738 -> a few
    ms at n = 200). Each sample's B means are still an ordinary bootstrap of that sample: the
    counts do not depend on its values.
    """
    rng = np.random.default_rng(int(seed))
    samples = bootstrap.source_sample(source, n, rng, repeats)
    counts = bootstrap.resample_counts(rng, n, COVERAGE_RESAMPLES)
    return samples @ counts.T / n


def mean_intervals(samples: np.ndarray, level: float, method: str,
                   replicates: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
    """(rows, 2) intervals for the mean of each row, by ``method`` of :data:`METHODS`
    (a bootstrap method needs the rows' resampled means, ``replicates``)."""
    if method == "t":
        return t_intervals(samples, level)
    if method == "z (with s)":
        return z_intervals(samples, level)
    if replicates is None:
        raise ValueError(f"{method} needs the resampled means")
    kind = method.removeprefix("bootstrap ")
    return bootstrap.intervals(samples.mean(axis=1), replicates,
                               bootstrap.mean_jackknife(samples), level, kind)  # fmt: skip


@dataclass(frozen=True)
class CoverageRun:
    """``repeats`` samples of size n, an interval from each, and how many cover μ.

    Attributes
    ----------
    means : (repeats,) sample means; ``intervals`` (repeats, 2).
    covers : (repeats,) whether each interval holds the true mean μ.
    running : (repeats,) the share covering among the first k.
    coverage, error : the final share and its binomial standard error √(c(1 − c)/repeats).
    """

    source: str
    method: str
    n: int
    level: float
    truth: float
    means: np.ndarray
    intervals: np.ndarray
    covers: np.ndarray
    running: np.ndarray
    coverage: float
    error: float


@functools.lru_cache(maxsize=16)
def coverage_run(source: str, method: str, n: int, level: float, repeats: int,
                 seed: int) -> CoverageRun:  # fmt: skip
    """Draw ``repeats`` seeded samples of size ``n`` and an interval for the mean from each."""
    n = int(min(max(n, 2), MAX_N))
    repeats = int(min(max(repeats, 10), MAX_REPEATS))
    level = float(min(max(level, 0.5), 0.999))
    samples = draws(source, n, repeats, int(seed))
    replicates = (
        None if method in ("t", "z (with s)") else bootstrap_means(source, n, repeats, int(seed))
    )
    found = mean_intervals(samples, level, method, replicates)
    truth = bootstrap.source_mean(source)
    covers = (found[:, 0] <= truth) & (truth <= found[:, 1])
    coverage = float(covers.mean())
    return CoverageRun(
        source=source,
        method=method,
        n=n,
        level=level,
        truth=truth,
        means=samples.mean(axis=1),
        intervals=found,
        covers=covers,
        running=np.cumsum(covers) / np.arange(1, repeats + 1),
        coverage=coverage,
        error=math.sqrt(max(coverage * (1 - coverage), 1e-12) / repeats),
    )


@functools.lru_cache(maxsize=8)
def coverage_table(source: str, n: int, level: float, repeats: int, seed: int) -> dict[str, float]:
    """Every method's coverage on the same samples: method -> share covering μ."""
    return {m: coverage_run(source, m, n, level, repeats, seed).coverage for m in METHODS}
