"""Hypothesis tests: one- and two-sample t-tests with their null distribution, rejection
region and p-value; type I and II errors and power from the noncentral t; many simulated
studies, their p-values, and the Benjamini-Hochberg correction.

Pure numpy/scipy. The effect is Cohen's d (the true mean difference in standard
deviations), so one control means the same for both tests.
"""

from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

ONE, TWO = "One sample", "Two samples"
KINDS = (ONE, TWO)
TWO_SIDED, GREATER = "μ ≠ μ₀ (two-sided)", "μ > μ₀ (one-sided)"
SIDES = (TWO_SIDED, GREATER)
MAX_N = 500
MAX_STUDIES = 2000
CURVE_POINTS = 300


def degrees_of_freedom(kind: str, n: int) -> int:
    """n − 1 for one sample; 2n − 2 for two samples of n each (pooled variance)."""
    return n - 1 if kind == ONE else 2 * n - 2


def noncentrality(kind: str, d: float, n: int) -> float:
    """The t statistic's centre under an effect d: d·√n (one sample), d·√(n/2) (two)."""
    return d * math.sqrt(n) if kind == ONE else d * math.sqrt(n / 2)


def critical_value(kind: str, n: int, alpha: float, side: str) -> float:
    """t* with P(T > t*) = α (one-sided) or α/2 (two-sided), T ~ t(df)."""
    tail = alpha / 2 if side == TWO_SIDED else alpha
    return float(stats.t.isf(tail, degrees_of_freedom(kind, n)))


def power(kind: str, d: float, n: int, alpha: float, side: str) -> float:
    """P(reject H₀ | effect d) = P(T′ > t*) (+ P(T′ < −t*) two-sided), T′ noncentral t."""
    df, nc = degrees_of_freedom(kind, n), noncentrality(kind, d, n)
    crit = critical_value(kind, n, alpha, side)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # boost's warnings, far in a tail
        upper = float(stats.nct.sf(crit, df, nc))
        # P(T′ < −t*; δ) = P(T′ > t*; −δ): scipy's cdf there is nan for large df and δ
        lower = float(stats.nct.sf(crit, df, -nc)) if side == TWO_SIDED else 0.0
    if not math.isfinite(upper):  # the normal that T′ tends to for large df
        upper = float(stats.norm.sf(crit, nc, math.sqrt(1 + nc * nc / (2 * df))))
    return min(1.0, upper + (lower if math.isfinite(lower) else 0.0))


def alternative_density(grid: np.ndarray, df: int, nc: float) -> np.ndarray:
    """The noncentral t density on ``grid``; where scipy's overflows (large df and δ), the
    normal with the same mean δ and variance 1 + δ²/(2 df) that it tends to."""
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # boost's quadrature warns where it gives up
            density = stats.nct.pdf(grid, df, nc)
    except (OverflowError, RuntimeWarning):
        density = None
    if density is not None and np.isfinite(density).all():
        return density
    return stats.norm.pdf(grid, nc, math.sqrt(1 + nc * nc / (2 * df)))


def p_values(t: np.ndarray, df: int, side: str) -> np.ndarray:
    """The p-value of each statistic: the null's tail area beyond it (both tails)."""
    upper = special.stdtr(df, -np.asarray(t, dtype=float))  # P(T > t)
    return np.minimum(2 * np.minimum(upper, 1 - upper), 1.0) if side == TWO_SIDED else upper


def t_statistics(first: np.ndarray, second: np.ndarray | None) -> np.ndarray:
    """Rows of samples -> one-sample t = x̄/(s/√n), or the pooled two-sample t."""
    n = first.shape[-1]
    if second is None:
        return first.mean(-1) / (first.std(-1, ddof=1) / math.sqrt(n))
    pooled = (first.var(-1, ddof=1) + second.var(-1, ddof=1)) / 2
    return (second.mean(-1) - first.mean(-1)) / np.sqrt(pooled * 2 / n)


def _draw(kind: str, d: float, n: int, rng: np.random.Generator, rows: int = 1):
    """Standardised samples: H₀ says mean 0 (one sample) or equal means (two); the effect
    shifts the (second) sample by d."""
    if kind == ONE:
        return d + rng.standard_normal((rows, n)), None
    return rng.standard_normal((rows, n)), d + rng.standard_normal((rows, n))


@dataclass(frozen=True)
class Study:
    """One seeded study and its t-test.

    Attributes
    ----------
    first, second : (n,) the sample(s) (second None for one sample).
    t, df, p : the statistic, its degrees of freedom and its p-value.
    critical : t* bounding the rejection region; ``rejected`` whether |t| (or t) passed it.
    power, beta : P(reject | the true effect) and 1 − power (the type II error rate).
    grid, null, alternative : the t axis and the two densities drawn on it.
    """

    kind: str
    side: str
    d: float
    n: int
    alpha: float
    first: np.ndarray
    second: np.ndarray | None
    t: float
    df: int
    p: float
    critical: float
    rejected: bool
    power: float
    beta: float
    grid: np.ndarray
    null: np.ndarray
    alternative: np.ndarray


@functools.lru_cache(maxsize=16)
def one_study(kind: str, side: str, d: float, n: int, alpha: float, seed: int) -> Study:
    """Draw one seeded study with effect ``d`` and test H₀ at level ``alpha``."""
    n = int(min(max(n, 2), MAX_N))
    alpha = float(min(max(alpha, 1e-4), 0.5))
    first, second = _draw(kind, float(d), n, np.random.default_rng(int(seed)))
    first = first[0]
    second = None if second is None else second[0]
    t = float(t_statistics(first, second))
    df = degrees_of_freedom(kind, n)
    p = float(p_values(np.array([t]), df, side)[0])
    crit = critical_value(kind, n, alpha, side)
    nc = noncentrality(kind, float(d), n)
    reach = max(4.5, abs(t) + 1.0, abs(nc) + 4.0)
    grid = np.linspace(-reach, reach, CURVE_POINTS)
    pw = power(kind, float(d), n, alpha, side)
    return Study(
        kind=kind, side=side, d=float(d), n=n, alpha=alpha, first=first, second=second,
        t=t, df=df, p=p, critical=crit,
        rejected=bool(abs(t) > crit if side == TWO_SIDED else t > crit),
        power=pw, beta=1.0 - pw, grid=grid,
        null=stats.t.pdf(grid, df), alternative=alternative_density(grid, df, nc),
    )  # fmt: skip


def power_curve(kind: str, d: float, alpha: float, side: str,
                sizes: np.ndarray) -> np.ndarray:  # fmt: skip
    """Power at each sample size n of ``sizes``: :func:`power`, one vectorised scipy call
    per tail instead of one per size."""
    sizes = np.asarray(sizes, dtype=float)
    df = sizes - 1 if kind == ONE else 2 * sizes - 2
    nc = d * np.sqrt(sizes if kind == ONE else sizes / 2)
    crit = stats.t.isf(alpha / 2 if side == TWO_SIDED else alpha, df)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        upper = stats.nct.sf(crit, df, nc)
        lower = stats.nct.sf(crit, df, -nc) if side == TWO_SIDED else np.zeros_like(upper)
    approx = stats.norm.sf(crit, nc, np.sqrt(1 + nc * nc / (2 * df)))
    upper = np.where(np.isfinite(upper), upper, approx)
    return np.minimum(1.0, upper + np.where(np.isfinite(lower), lower, 0.0))


def n_for_power(kind: str, d: float, alpha: float, side: str, target: float = 0.8) -> int | None:
    """The smallest n (per group) with power ≥ ``target``, or None within :data:`MAX_N`."""
    if d <= 0:
        return None
    low, high = 2, MAX_N
    if power(kind, d, high, alpha, side) < target:
        return None
    while low < high:  # power rises with n for d > 0
        mid = (low + high) // 2
        if power(kind, d, mid, alpha, side) >= target:
            high = mid
        else:
            low = mid + 1
    return low


# ---- many studies ---------------------------------------------------------------------------


def benjamini_hochberg(p: np.ndarray, q: float) -> np.ndarray:
    """Which hypotheses BH rejects at false-discovery rate q: all p₍ᵢ₎ with i ≤ k, k the
    largest i with p₍ᵢ₎ ≤ i·q/m (Benjamini & Hochberg 1995)."""
    p = np.asarray(p, dtype=float)
    m = p.size
    order = np.argsort(p, kind="stable")
    below = np.flatnonzero(p[order] <= q * np.arange(1, m + 1) / m)
    rejected = np.zeros(m, dtype=bool)
    if below.size:
        rejected[order[: below[-1] + 1]] = True
    return rejected


@dataclass(frozen=True)
class Studies:
    """``m`` simulated studies, a share of them with a real effect d.

    Attributes
    ----------
    p : (m,) p-values; ``real`` (m,) whether each study's effect is real.
    raw, bh : (m,) rejected at p < α, and by Benjamini-Hochberg at q = α.
    """

    kind: str
    side: str
    d: float
    n: int
    alpha: float
    share_real: float
    p: np.ndarray
    real: np.ndarray
    raw: np.ndarray
    bh: np.ndarray

    def counts(self, rejected: np.ndarray) -> tuple[int, int]:
        """(true discoveries, false discoveries) among ``rejected``."""
        return int((rejected & self.real).sum()), int((rejected & ~self.real).sum())


@functools.lru_cache(maxsize=16)
def studies(kind: str, side: str, d: float, n: int, alpha: float, share_real: float,
            m: int, seed: int) -> Studies:  # fmt: skip
    """``m`` seeded studies of size ``n``; a ``share_real`` of them have effect ``d``, the
    others none (H₀ true)."""
    n = int(min(max(n, 2), MAX_N))
    m = int(min(max(m, 10), MAX_STUDIES))
    share_real = float(min(max(share_real, 0.0), 1.0))
    rng = np.random.default_rng(int(seed))
    real = rng.random(m) < share_real
    first, second = _draw(kind, 0.0, n, rng, m)
    shift = np.where(real, float(d), 0.0)[:, None]
    if second is None:
        first = first + shift
    else:
        second = second + shift
    p = p_values(t_statistics(first, second), degrees_of_freedom(kind, n), side)
    return Studies(kind, side, float(d), n, float(alpha), share_real, p, real,
                   p < alpha, benjamini_hochberg(p, float(alpha)))  # fmt: skip
