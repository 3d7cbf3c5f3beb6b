"""The central limit theorem: standardised means of n draws from a source distribution,
their histogram and QQ plot against N(0, 1), and the Kolmogorov-Smirnov distance to N(0, 1)
as n grows.

Cost. 100,000 means of n = 500 draws are 5×10⁷ draws: too slow and too big done naively.
Two honest ways round it, chosen per source:

- **Exact sums.** For a source whose sum of n draws has a known law (normal, exponential,
  gamma, χ², Cauchy, Bernoulli, binomial, Poisson, geometric, negative binomial: see
  :data:`SUM_LAWS`), each sample mean is one draw of that law divided by n: any count of
  means at any n costs one draw each. The tests check that these agree in distribution with
  brute-force means.
- **Brute force, capped.** For every other source, one (count × n) matrix of draws is made in
  chunks of about 10⁶, and the running sums of each row give the means at every n of the
  animation at once; the count of means is capped so that count × n ≤ 5×10⁶
  (:data:`DRAW_BUDGET`), and the page says so.

Sources without a finite variance (Cauchy, Student t with ν ≤ 2) have no σ to standardise
with: their means are centred on the median and scaled by the interquartile range / 1.349
(which is σ for a normal), the same √n applied, so that one can see the CLT fail.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import stats

from mathviz.probability import distributions, sampling

MAX_N = 500
MAX_MEANS = 100_000
MIN_MEANS = 100
DRAW_BUDGET = 5_000_000  # draws at most, by brute force: count × n ≤ this
CHUNK = 1_000_000  # draws made at once by brute force
FRAMES = 16  # values of n shown by the animation, log-spaced from 1 to the chosen n
QQ_POINTS = 199
Z_RANGE = 4.5  # the histogram of standardised means spans [−Z_RANGE, Z_RANGE]
Z_BINS = 90
EXACT_POINTS = 40  # values of n of the exact KS curve, log-spaced over 1 … MAX_N
# E[√M · D_M] for M draws of the distribution itself, as M → ∞: the mean of Kolmogorov's
# distribution, √(π/2) ln 2. The KS distance of M means cannot be told from this noise floor.
KOLMOGOROV_MEAN = math.sqrt(math.pi / 2) * math.log(2)
IQR_NORMAL = float(2 * stats.norm.ppf(0.75))  # 1.349: the interquartile range of N(0, 1)


def _scipy_parts(rv) -> tuple[str, tuple, float, float] | None:
    """(scipy name, shape parameters, loc, scale) of a frozen scipy distribution; None for any
    other object (a mixture, a loaded die)."""
    dist = getattr(rv, "dist", None)
    if dist is None or not hasattr(dist, "_parse_args"):
        return None
    shapes, loc, scale = dist._parse_args(*rv.args, **rv.kwds)
    return dist.name, tuple(float(s) for s in shapes), float(loc), float(scale)


# The law of the sum of n independent draws X = loc + scale·Y, by scipy's name of Y's family:
# f(n, shapes, loc, scale) -> a frozen scipy distribution of X₁ + … + Xₙ.
SUM_LAWS: dict[str, Callable[..., object]] = {
    "norm": lambda n, s, loc, scale: stats.norm(n * loc, math.sqrt(n) * scale),
    "expon": lambda n, s, loc, scale: stats.gamma(n, loc=n * loc, scale=scale),
    "gamma": lambda n, s, loc, scale: stats.gamma(n * s[0], loc=n * loc, scale=scale),
    "erlang": lambda n, s, loc, scale: stats.gamma(n * s[0], loc=n * loc, scale=scale),
    "chi2": lambda n, s, loc, scale: stats.chi2(n * s[0], loc=n * loc, scale=scale),
    "cauchy": lambda n, s, loc, scale: stats.cauchy(n * loc, n * scale),
    "bernoulli": lambda n, s, loc, scale: stats.binom(n, s[0], loc=n * loc),
    "binom": lambda n, s, loc, scale: stats.binom(round(n * s[0]), s[1], loc=n * loc),
    "poisson": lambda n, s, loc, scale: stats.poisson(n * s[0], loc=n * loc),
    # scipy's geometric counts trials (1, 2, …): a sum of n is n plus NB(n, p) failures.
    "geom": lambda n, s, loc, scale: stats.nbinom(n, s[0], loc=n * (loc + 1)),
    "nbinom": lambda n, s, loc, scale: stats.nbinom(n * s[0], s[1], loc=n * loc),
}


def sum_law(rv, n: int):
    """The exact law of the sum of ``n`` draws of ``rv`` (a frozen scipy distribution), or
    None when it is not one of :data:`SUM_LAWS` (or a discrete one with a scale)."""
    parts = _scipy_parts(rv)
    if parts is None or parts[0] not in SUM_LAWS:
        return None
    name, shapes, loc, scale = parts
    return SUM_LAWS[name](int(n), shapes, loc, scale)


@dataclass(frozen=True)
class Standardisation:
    """How means are standardised: z = (x̄ₙ − centre)/(scale/√n).

    Attributes
    ----------
    center, scale : μ and σ; or, without a finite variance (``robust``), the median and the
        interquartile range / 1.349.
    robust : σ is not finite, so the robust centre and scale stand in.
    degenerate : the source has no spread at all (σ = 0): every mean is the same number.
    skew : the source's skewness (NaN when not finite, or unknown).
    skew_known : whether ``skew`` comes from the distribution (scipy's); False for a
        distribution without scipy's moments (a mixture, a loaded die: every moment finite).
    """

    center: float
    scale: float
    robust: bool
    degenerate: bool
    skew: float
    skew_known: bool = True

    @property
    def third_moment_infinite(self) -> bool:
        """The source is known to have no finite third moment (skewness undefined)."""
        return self.skew_known and not math.isfinite(self.skew)


def standardisation(rv) -> Standardisation:
    """The centre and scale that standardise means of ``rv`` (see :class:`Standardisation`)."""
    mean, std = sampling.true_moments(rv)
    skew, known = math.nan, _scipy_parts(rv) is not None
    if known:
        skew = float(rv.stats(moments="s"))
    if math.isfinite(mean) and math.isfinite(std) and std > 0:
        return Standardisation(mean, std, False, False, skew, known)
    if math.isfinite(std) and std == 0:
        return Standardisation(mean, 1.0, False, True, skew, known)
    center = float(rv.ppf(0.5))
    spread = float(rv.ppf(0.75) - rv.ppf(0.25)) / IQR_NORMAL
    return Standardisation(center, spread if spread > 0 else 1.0, True, False, math.nan)


def n_grid(n: int, frames: int = FRAMES) -> np.ndarray:
    """The sample sizes of the animation: at most ``frames`` values from 1 to ``n``,
    log-spaced, ``n`` last."""
    return sampling.log_counts(int(n), frames)


def capped_count(count: int, n_max: int) -> int:
    """Means a brute-force source gets: ``count``, capped so that count × n ≤ DRAW_BUDGET."""
    return int(min(count, max(MIN_MEANS, DRAW_BUDGET // max(int(n_max), 1))))


def sums(
    name: str,
    values: tuple[tuple[str, float], ...],
    grid: np.ndarray,
    count: int,
    rng: np.random.Generator,
    shortcut: bool = True,
) -> tuple[np.ndarray, bool]:
    """Sums of n draws for each n of ``grid``: ((len(grid), m) array, drawn exactly?).

    With ``shortcut`` and a known sum law, ``count`` independent draws of the sum's law at each
    n (m = count). Otherwise brute force: m = :func:`capped_count` rows of ``grid[-1]`` draws,
    made in chunks; the running sums of each row at the n of ``grid`` (so the means at
    different n share their first draws, as when one keeps drawing).
    """
    distribution = distributions.DISTRIBUTIONS[name]
    rv = distribution.frozen(dict(values))
    grid = np.asarray(grid, dtype=np.int64)
    if shortcut and sum_law(rv, 1) is not None:
        rows = [np.asarray(sum_law(rv, n).rvs(size=count, random_state=rng), dtype=float)
                for n in grid]  # fmt: skip
        return np.vstack(rows), True
    n_max = int(grid[-1])
    means = capped_count(count, n_max) if shortcut else int(count)
    per_chunk = max(1, CHUNK // n_max)
    pieces = []
    for start in range(0, means, per_chunk):
        rows = min(per_chunk, means - start)
        x = distribution.sample(rng, rows * n_max, dict(values)).reshape(rows, n_max)
        pieces.append(np.cumsum(x, axis=1)[:, grid - 1])
    return np.vstack(pieces).T.copy(), False


def standardised(total: np.ndarray, n: int, how: Standardisation) -> np.ndarray:
    """z = (Sₙ − n·centre)/(scale·√n) = (x̄ₙ − centre)/(scale/√n) for sums Sₙ of n draws."""
    return (np.asarray(total, dtype=float) - n * how.center) / (how.scale * math.sqrt(n))


def z_histogram(
    z: np.ndarray, n: int, how: Standardisation, discrete: bool
) -> tuple[np.ndarray, np.ndarray, float]:
    """A density histogram of standardised means over [−4.5, 4.5]: (edges, density, outside).

    A discrete source's standardised means live on a lattice of spacing h = 1/(σ√n); the bins
    then hold a whole number of lattice points each (centred on them) so that the histogram
    shows the distribution, not an aliasing pattern of lattice points falling into bins.
    """
    width = 2 * Z_RANGE / Z_BINS
    if discrete and not how.degenerate:
        h = 1.0 / (how.scale * math.sqrt(n))
        per_bin = max(1, math.ceil(width / h - 1e-9))
        width = per_bin * h
        offset = -n * how.center * h  # z of the lattice point k = 0
        first = offset + (math.floor((-Z_RANGE - offset) / h) - 0.5) * h
        bins = min(max(1, math.ceil((Z_RANGE - first) / width)), 4 * Z_BINS)
        edges = first + width * np.arange(bins + 1)
    else:
        edges = np.linspace(-Z_RANGE, Z_RANGE, Z_BINS + 1)
    counts, _ = np.histogram(z, bins=edges)
    m = max(len(z), 1)
    density = counts / (m * np.diff(edges))
    return edges, density, float(max(0.0, 1 - counts.sum() / m))


def qq_points(z: np.ndarray, points: int = QQ_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """(N(0, 1) quantiles, the means' quantiles) at the probabilities (i − ½)/points."""
    probabilities = (np.arange(1, points + 1) - 0.5) / points
    return stats.norm.ppf(probabilities), np.quantile(z, probabilities)


def ks_to_normal(z: np.ndarray) -> float:
    """The KS distance sup |Fₙ − Φ| of standardised means to N(0, 1) (the formula of
    ``scipy.stats.kstest``, right with ties too because Φ is continuous)."""
    return sampling.ks_distance(z, stats.norm.cdf)[0]


def exact_ks(law, n: int, how: Standardisation, discrete: bool) -> float:
    """sup_z |P(Zₙ ≤ z) − Φ(z)| from the exact law of the sum (``law``, see :func:`sum_law`).

    Continuous: on a grid of 8001 z in [−8, 8] (spacing 0.002; beyond, both CDFs are within
    10⁻¹⁵ of 0 or 1 for a light tail). Discrete: at every lattice point k within 10 standard
    deviations, both sides of the jump: |F(k) − Φ(zₖ)| and |F(k − 1) − Φ(zₖ)|.
    """
    root = how.scale * math.sqrt(n)
    if not discrete:
        z = np.linspace(-8.0, 8.0, 8001)
        return float(np.max(np.abs(law.cdf(n * how.center + z * root) - stats.norm.cdf(z))))
    low = max(math.floor(n * how.center - 10 * root), float(law.support()[0]))
    high = min(math.ceil(n * how.center + 10 * root), low + 2_000_000)
    k = np.arange(low, high + 1)
    z = (k - n * how.center) / root
    phi = stats.norm.cdf(z)
    return float(max(np.max(np.abs(law.cdf(k) - phi)), np.max(np.abs(law.cdf(k - 1) - phi))))


def fit_slope(n: np.ndarray, ks: np.ndarray, floor: float = 0.0) -> tuple[float, float]:
    """The least-squares line log KS = a + b log n through the points above ``floor``:
    (b, a); NaNs when fewer than 3 such points span less than a factor 4 in n."""
    n, ks = np.asarray(n, dtype=float), np.asarray(ks, dtype=float)
    keep = (ks > max(floor, 1e-12)) & np.isfinite(ks)
    if keep.sum() < 3 or n[keep].max() < 4 * n[keep].min():
        return math.nan, math.nan
    slope, intercept = np.polyfit(np.log(n[keep]), np.log(ks[keep]), 1)
    return float(slope), float(intercept)


@dataclass(frozen=True)
class CLTStudy:
    """Standardised means of a source at the sample sizes of the animation.

    Attributes
    ----------
    name, n, seed : the source's registry name, the largest sample size, the seed.
    requested, used : the count of means asked for and made at each n (fewer by brute force,
        see :func:`capped_count`).
    exact : the sums were drawn from their exact law (:data:`SUM_LAWS`).
    how : the standardisation (:class:`Standardisation`).
    discrete : the source is discrete (its means live on a lattice).
    grid : (F,) the sample sizes n of the frames.
    edges, density : per frame, the histogram of z (:func:`z_histogram`); ``outside`` (F,)
        the share of z beyond ±4.5.
    qq_theory, qq_sample : (Q,) N(0, 1) quantiles and (F, Q) the z quantiles.
    ks : (F,) the KS distance of the z to N(0, 1); ``floor`` what M = ``used`` draws of N(0, 1)
        itself would show on average (0.8687/√M).
    spread : (F,) the interquartile range of the raw means x̄ₙ (shrinks like 1/√n when σ is
        finite; a Cauchy's does not shrink at all).
    exact_n, exact_ks : the exact KS distance at log-spaced n over 1 … 500 (empty without a
        known sum law).
    slope, intercept : the fit of log KS on log n through the simulated points above 3×floor.
    slope_exact, intercept_exact : the same through the exact curve at n ≥ 10.
    normal_x, normal_y : the N(0, 1) density over the histogram's range.
    """

    name: str
    n: int
    seed: int
    requested: int
    used: int
    exact: bool
    how: Standardisation
    discrete: bool
    grid: np.ndarray
    edges: tuple[np.ndarray, ...]
    density: tuple[np.ndarray, ...]
    outside: np.ndarray
    qq_theory: np.ndarray
    qq_sample: np.ndarray
    ks: np.ndarray
    floor: float
    spread: np.ndarray
    exact_n: np.ndarray
    exact_ks: np.ndarray
    slope: float
    intercept: float
    slope_exact: float
    intercept_exact: float
    normal_x: np.ndarray
    normal_y: np.ndarray


@functools.lru_cache(maxsize=16)
def exact_curve(name: str, values: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, np.ndarray]:
    """The exact KS distance of standardised means to N(0, 1) at log-spaced n over 1 … 500
    (empty arrays when the source has no known sum law or no spread)."""
    distribution = distributions.DISTRIBUTIONS[name]
    rv = distribution.frozen(dict(values))
    how = standardisation(rv)
    if sum_law(rv, 1) is None or how.degenerate:
        return np.array([]), np.array([])
    ns = sampling.log_counts(MAX_N, EXACT_POINTS)
    ks = np.array([exact_ks(sum_law(rv, n), n, how, distribution.discrete) for n in ns])
    return ns, ks


@functools.lru_cache(maxsize=16)
def clt_study(
    name: str, values: tuple[tuple[str, float], ...], n: int, count: int, seed: int
) -> CLTStudy:
    """Standardised means of ``count`` samples of size 1 … ``n`` from a registry source
    (cached by these settings; only binned and thinned results are kept).

    Parameters
    ----------
    name, values : the source (registry name, parameter values as ``sampling.settings``).
    n : the largest sample size, clamped into 1 … 500.
    count : means per sample size, clamped into 100 … 100,000 (brute force may make fewer).
    seed : the seed of ``numpy.random.default_rng``.
    """
    distribution = distributions.DISTRIBUTIONS[name]
    rv = distribution.frozen(dict(values))
    n = sampling.clamp_count(n, 1, MAX_N)
    count = sampling.clamp_count(count, MIN_MEANS, MAX_MEANS)
    how = standardisation(rv)
    grid = n_grid(n)
    totals, exact = sums(name, values, grid, count, np.random.default_rng(int(seed)))
    edges, density, outside, qq, ks, spread = [], [], [], [], [], []
    for size, total in zip(grid, totals, strict=True):
        z = standardised(total, int(size), how)
        e, d, o = z_histogram(z, int(size), how, distribution.discrete)
        edges.append(e)
        density.append(d)
        outside.append(o)
        theory, sample = qq_points(z)
        qq.append(sample)
        ks.append(ks_to_normal(z))
        q1, q3 = np.quantile(total / size, [0.25, 0.75])
        spread.append(q3 - q1)
    used = totals.shape[1]
    floor = KOLMOGOROV_MEAN / math.sqrt(used)
    ks_array = np.array(ks)
    slope, intercept = fit_slope(grid, ks_array, 3 * floor)
    exact_n, exact_values = exact_curve(name, values)
    tail = exact_n >= 10
    slope_exact, intercept_exact = fit_slope(exact_n[tail], exact_values[tail])
    normal_x = np.linspace(-Z_RANGE, Z_RANGE, 301)
    arrays = [*edges, *density, grid, theory, normal_x]
    study = CLTStudy(
        name, n, int(seed), count, used, exact, how, distribution.discrete, grid,
        tuple(edges), tuple(density), np.array(outside), theory, np.vstack(qq), ks_array,
        floor, np.array(spread), exact_n, exact_values, slope, intercept, slope_exact,
        intercept_exact, normal_x, stats.norm.pdf(normal_x),
    )  # fmt: skip
    for array in arrays:
        array.setflags(write=False)
    return study
