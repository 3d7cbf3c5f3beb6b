"""Chance events and the law of large numbers: coins and dice, seeded draws from any
registry distribution, their histogram against the true density or PMF, the empirical CDF
against the true CDF with the Kolmogorov-Smirnov distance, and the running mean with its
±σ/√n band.

Everything here is a pure function of numbers (a distribution's registry name, its parameter
values, a count, a seed). The heavy one, :func:`draw_summary` (up to 1,000,000 draws), is
cached by its settings and returns only binned, thinned results: a few thousand numbers,
never the draws themselves.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from mathviz.probability import distributions

MAX_DRAWS = 1_000_000
MAX_FLIPS = 1000
ECDF_POINTS = 2000  # at most this many points of the empirical CDF are drawn
PATH_POINTS = 1000  # at most this many points of a running mean are drawn
BINS = 80  # histogram bins of a continuous distribution
CURVE_POINTS = 400  # points of a true density or CDF curve
WINDOW_TAIL = 0.005  # the histogram's window: from this quantile to 1 minus it
MAX_LATTICE = 2000  # a discrete histogram shows at most this many integer values

# The faces of the coins-and-dice lesson: their labels and the chance of each.
COIN, DIE = "Coin", "Die"
KINDS = (COIN, DIE)


def settings(given: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Parameter values as a sorted tuple of pairs: a hashable, cacheable form."""
    return tuple(sorted((str(k), float(v)) for k, v in given.items()))


def clamp_count(n: float, low: int = 1, high: int = MAX_DRAWS) -> int:
    """A count of draws as a whole number in [low, high] (a link may carry anything)."""
    try:
        value = float(n)
    except (TypeError, ValueError):
        return low
    if not math.isfinite(value):
        return high if value > 0 else low
    return int(min(max(round(value), low), high))


def log_counts(n: int, keep: int) -> np.ndarray:
    """At most ``keep`` counts 1 … n, spread evenly on a log scale, both ends included."""
    n = max(int(n), 1)
    if n <= keep:
        return np.arange(1, n + 1)
    counts = np.unique(np.round(np.geomspace(1, n, keep)).astype(np.int64))
    return np.union1d(counts, [n])


# ---- coins and dice -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChanceRun:
    """Flips of a coin or rolls of a die, and how the shares of each face evolve.

    Attributes
    ----------
    faces : the faces' labels (k of them).
    probabilities : (k,) the true chance of each face.
    outcomes : (n,) the face index of each flip or roll, in order.
    shares : (n, k) the share of each face after 1, 2, … n flips.
    """

    faces: tuple[str, ...]
    probabilities: np.ndarray
    outcomes: np.ndarray
    shares: np.ndarray

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def counts(self) -> np.ndarray:
        """(k,) how many times each face came up in all ``n``."""
        return np.bincount(self.outcomes, minlength=len(self.faces))


def chance_faces(kind: str, p: float) -> tuple[tuple[str, ...], np.ndarray]:
    """The faces of a coin with P(heads) = p (clamped into [0, 1]) or of a fair die."""
    if kind == DIE:
        return tuple(str(face) for face in range(1, 7)), np.full(6, 1 / 6)
    p = min(max(float(p), 0.0), 1.0) if math.isfinite(float(p)) else 0.5
    return ("Heads", "Tails"), np.array([p, 1.0 - p])


@functools.lru_cache(maxsize=64)
def chance_run(kind: str, p: float, n: int, seed: int) -> ChanceRun:
    """``n`` seeded flips of a coin (``kind="Coin"``, P(heads) = p) or rolls of a fair die.

    Notes
    -----
    The share of face j after m trials is (1/m) Σᵢ₌₁ᵐ 1[outcome i = j]: a running mean of
    indicators, which the law of large numbers sends to P(j).
    """
    faces, probabilities = chance_faces(kind, p)
    n = clamp_count(n, 1, MAX_FLIPS)
    rng = np.random.default_rng(int(seed))
    outcomes = rng.choice(len(faces), size=n, p=probabilities)
    hits = outcomes[:, None] == np.arange(len(faces))[None, :]
    shares = np.cumsum(hits, axis=0) / np.arange(1, n + 1)[:, None]
    for array in (probabilities, outcomes, shares):
        array.setflags(write=False)
    return ChanceRun(faces, probabilities, outcomes, shares)


# ---- draws from a distribution and what they show -----------------------------------------


def true_moments(rv) -> tuple[float, float]:
    """The mean and standard deviation of a frozen distribution (NaN when the mean does not
    exist, ∞ when the variance is infinite)."""
    mean, std = float(rv.mean()), float(rv.std())
    return mean, std


def histogram(
    x: np.ndarray, window: tuple[float, float], discrete: bool, bins: int = BINS
) -> tuple[np.ndarray, np.ndarray, float]:
    """A density histogram of draws ``x`` over ``window``: (edges, density, outside share).

    Parameters
    ----------
    x : (n,) the draws.
    window : (low, high) the range binned; for a discrete distribution the integers inside
        it, one bin [k − ½, k + ½) each (so that a bin's density is the share of k).
    discrete : whether the draws are integers.
    bins : bins of a continuous distribution.

    Notes
    -----
    density = count / (n × width), so Σ density × width + outside = 1 exactly, where
    ``outside`` is the share of draws beyond the window.
    """
    x = np.asarray(x, dtype=float)
    low, high = window
    if discrete:
        low, high = math.floor(low + 0.5), math.ceil(high - 0.5)
        high = min(high, low + MAX_LATTICE - 1)
        edges = np.arange(low, high + 2) - 0.5
        shifted = np.round(x).astype(np.int64) - low
        inside = (shifted >= 0) & (shifted <= high - low)
        counts = np.bincount(shifted[inside], minlength=high - low + 1).astype(float)
    else:
        edges = np.linspace(low, high, bins + 1)
        counts, _ = np.histogram(x, bins=edges)
        counts = counts.astype(float)
    n = max(len(x), 1)
    density = counts / (n * np.diff(edges))
    outside = 1.0 - counts.sum() / n
    return edges, density, float(max(outside, 0.0))


def ks_distance(x: np.ndarray, cdf, discrete: bool = False) -> tuple[float, float, float]:
    """The Kolmogorov-Smirnov distance D = sup |Fₙ(t) − F(t)| between the draws' empirical CDF
    and the true CDF ``cdf``, a point ``t`` where it is reached, and the signed gap there
    (Fₙ − F, with Fₙ taken just below ``t`` when the empirical CDF is below).

    Notes
    -----
    Continuous F: with x₍₁₎ ≤ … ≤ x₍ₙ₎, D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n),
    the formula of ``scipy.stats.kstest``. Discrete F on the integers: both CDFs are step
    functions jumping at integers, so D = max over integers k of |Fₙ(k) − F(k)|, from one
    below the smallest draw to the largest (beyond, the gap only shrinks). The continuous
    formula would compare F(k) with Fₙ just below k and overstate D at every tie.
    """
    x = np.asarray(x, dtype=float)
    if len(x) == 0:
        return 0.0, 0.0, 0.0
    if discrete:
        return _integer_gap(*integer_ecdf(x), cdf)
    if len(x) > 1 and not np.all(x[1:] >= x[:-1]):
        x = np.sort(x)
    (gap_above, where_above), (gap_below, where_below) = _largest_gaps(x, cdf)
    if gap_above >= gap_below:
        return gap_above, float(x[where_above]), gap_above
    return gap_below, float(x[where_below]), -gap_below


def integer_ecdf(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integers k and the empirical CDF Fₙ(k) of integer draws there: every integer from one
    below the smallest draw to the largest, counted without a sort, when they span at most
    5 × ``MAX_DRAWS`` integers; else the values drawn (sorted)."""
    x = np.asarray(x, dtype=float)
    n = len(x)
    smallest, largest = int(np.round(x.min())), int(np.round(x.max()))
    if largest - smallest <= 5 * MAX_DRAWS:
        counts = np.bincount(np.round(x).astype(np.int64) - smallest)
        return np.arange(smallest - 1, largest + 1), np.concatenate([[0], np.cumsum(counts)]) / n
    x_sorted = np.sort(x)
    ks = np.unique(x_sorted)
    return ks, np.searchsorted(x_sorted, ks + 0.5, side="right") / n


def _integer_gap(ks: np.ndarray, empirical: np.ndarray, cdf) -> tuple[float, float, float]:
    """The largest |Fₙ(k) − F(k)| over ``ks``, where it is, and its sign (Fₙ − F)."""
    gaps = empirical - np.asarray(cdf(ks), dtype=float)
    where = int(np.argmax(np.abs(gaps)))
    return float(abs(gaps[where])), float(ks[where]), float(gaps[where])


KS_BLOCK = 32  # draws per block of the KS distance's bound (at 10⁶ draws: ~200 F calls, 22 ms)


def _largest_gaps(x: np.ndarray, cdf) -> tuple[tuple[float, int], tuple[float, int]]:
    """maxᵢ (i/n − F(x₍ᵢ₎)) and maxᵢ (F(x₍ᵢ₎) − (i − 1)/n) over sorted draws ``x``, each with
    its first index, F evaluated only where the maximum can be.

    F is increasing, so over a block of ranks s + 1 … e + 1, i/n − F(x₍ᵢ₎) is at most
    (e + 1)/n − F(x₍ₛ₎) and F(x₍ᵢ₎) − (i − 1)/n at most F(x₍ₑ₎) − s/n. F is computed at the
    blocks' ends, then inside only the blocks whose bound beats the best gap found so far,
    highest bound first: the exact maxima for a few thousand evaluations of F instead of
    one per draw (a Student t's CDF at 10⁶ draws took 150 ms).
    """
    n = len(x)
    if n <= 8 * KS_BLOCK:
        f = np.asarray(cdf(x), dtype=float)
        i = np.arange(1, n + 1)
        above, below = i / n - f, f - (i - 1) / n
        a, b = int(np.argmax(above)), int(np.argmax(below))
        return (float(above[a]), a), (float(below[b]), b)
    starts = np.arange(0, n, KS_BLOCK)
    ends = np.minimum(starts + KS_BLOCK, n) - 1
    f_start = np.asarray(cdf(x[starts]), dtype=float)
    f_end = np.asarray(cdf(x[ends]), dtype=float)
    inside: dict[int, np.ndarray] = {}

    def block_values(b: int) -> np.ndarray:
        if b not in inside:
            inside[b] = np.asarray(cdf(x[starts[b] : ends[b] + 1]), dtype=float)
        return inside[b]

    def best(bounds: np.ndarray, gaps) -> tuple[float, int]:
        top, where = -np.inf, -1
        for b in np.argsort(-bounds, kind="stable"):
            if bounds[b] < top - 1e-12:  # no later block can beat it (nor tie, up to rounding)
                break
            values = gaps(b)
            j = int(np.argmax(values))
            index = int(starts[b]) + j
            if values[j] > top or (values[j] == top and index < where):
                top, where = float(values[j]), index
        return top, where

    def above(b: int) -> np.ndarray:
        return np.arange(starts[b] + 1, ends[b] + 2) / n - block_values(b)

    def below(b: int) -> np.ndarray:
        return block_values(b) - np.arange(starts[b], ends[b] + 1) / n

    return best((ends + 1) / n - f_start, above), best(f_end - starts / n, below)


FINE = 3200  # fine bins per histogram bin (256,000 in all): the KS bound, the empirical CDF


def bin_index(x: np.ndarray, low: float, high: float, bins: int) -> np.ndarray:
    """The bin of each draw among the ``bins`` equal bins of [low, high] with edges
    ``numpy.linspace(low, high, bins + 1)``, as ``numpy.histogram`` bins it (each bin
    half-open, the last one closed): 0 below ``low``, 1 … bins inside, bins + 1 above
    ``high``. O(n), no sort.

    Notes
    -----
    The index is ⌊(x − low)/w⌋ + 1, then moved by one where rounding put a draw within an
    ulp on the wrong side of an edge (the check numpy makes), so that bin k holds exactly
    {x : eₖ₋₁ ≤ x < eₖ}. linspace's edge k is k·w + low, so the check recomputes it
    (bit for bit) instead of looking it up.
    """
    x = np.asarray(x, dtype=float)
    step = (high - low) / bins
    k = x - low
    k *= bins / (high - low)
    np.floor(k, out=k)
    np.clip(k, 0, bins - 1, out=k)
    k -= x < k * step + low
    k += (x >= (k + 1) * step + low) & (k != bins - 1)
    index = k.astype(np.intp)
    index += 1
    index[x > high] = bins + 1
    return index


KS_SPLIT = 32  # parts per bin at each refinement of the binned KS bound
KS_ROUNDS = 8  # refinements at most (then every draw left is sorted, however many)


def binned_ks(
    x: np.ndarray, index: np.ndarray, counts: np.ndarray, edges: np.ndarray, cdf
) -> tuple[float, float, float]:
    """:func:`ks_distance` of continuous draws from fine bins (:func:`bin_index`, ``counts``
    its bincount): the same value, place and sign, without sorting the n draws.

    Notes
    -----
    Draws of ranks C + 1 … C + c inside [a, b) have i/n − F(x) ≤ (C + c)/n − F(a) and
    F(x) − (i − 1)/n ≤ F(b) − C/n, while D is at least |C/n − F(a)| at any edge a (Fₙ just
    below it). Starting from the whole window (and the two tails beyond it), every range of
    bins whose bound can reach the largest edge gap found so far is split in ``KS_SPLIT``
    ranges of bins and bounded again; the others cannot hold the maximum. The counts alone
    do this, with F at the new edges. The draws of the single bins (and tails) left are
    sorted and their gaps computed: the maximum is among them.
    """
    n = len(x)
    if n == 0:
        return 0.0, 0.0, 0.0
    bins = len(edges) - 1
    total = np.concatenate([[0], np.cumsum(counts)])  # total[k]: draws in bins before k
    # A range [s, e) of bin numbers (0: below the window, 1 … bins inside, bins + 1: above);
    # F at its ends (F(−∞) = 0, F(∞) = 1).
    start, end = np.array([0, 1, bins + 1]), np.array([1, bins + 1, bins + 2])
    f_start = np.array([0.0, *np.asarray(cdf(edges[[0, -1]]), dtype=float)])
    f_end = np.append(f_start[1:], 1.0)
    floor = float(np.max(np.abs(total[[1, bins + 1]] / n - f_start[1:])))
    for _ in range(KS_ROUNDS):
        below, inside = total[start], total[end] - total[start]
        bound = np.maximum((below + inside) / n - f_start, f_end - below / n)
        keep = (inside > 0) & (bound >= floor - 1e-12)
        start, end, f_start, f_end = start[keep], end[keep], f_start[keep], f_end[keep]
        width = end - start
        if not np.any(width > 1):
            break
        parts = np.minimum(width, KS_SPLIT)
        owner = np.repeat(np.arange(len(parts)), parts)
        k = np.arange(len(owner)) - (np.cumsum(parts) - parts)[owner]
        new_start = start[owner] + (k * width[owner]) // parts[owner]
        new_end = np.append(new_start[1:], 0)
        last = np.cumsum(parts) - 1
        new_end[last] = end
        inner = k > 0  # a new edge: F there, and its gap
        f_new = f_start[owner]
        f_new[inner] = np.asarray(cdf(edges[new_start[inner] - 1]), dtype=float)
        f_end_new = np.append(f_new[1:], 0.0)
        f_end_new[last] = f_end
        gaps = np.abs(total[new_start[inner]] / n - f_new[inner])
        floor = max(floor, float(np.max(gaps, initial=0.0)))
        start, end, f_start, f_end = new_start, new_end, f_new, f_end_new
    chosen = np.zeros(bins + 2, dtype=bool)
    chosen[np.repeat(start, end - start) + _offsets(end - start)] = True
    picked = chosen[index]
    values, bin_of = x[picked], index[picked]
    order = np.argsort(values, kind="stable")  # in bin order too: the bins are intervals
    values, bin_of = values[order], bin_of[order]
    first = np.searchsorted(bin_of, bin_of, side="left")
    rank = total[bin_of] + (np.arange(len(values)) - first) + 1
    f = np.asarray(cdf(values), dtype=float)
    above, beneath = rank / n - f, f - (rank - 1) / n
    a, b = int(np.argmax(above)), int(np.argmax(beneath))
    if above[a] >= beneath[b]:
        return float(above[a]), float(values[a]), float(above[a])
    return float(beneath[b]), float(values[b]), -float(beneath[b])


def _offsets(lengths: np.ndarray) -> np.ndarray:
    """0, 1, …, l − 1 for each length l, concatenated."""
    return np.arange(int(np.sum(lengths))) - np.repeat(np.cumsum(lengths) - lengths, lengths)


def ecdf_points(x_sorted: np.ndarray, keep: int = ECDF_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The empirical CDF of sorted draws at most ``keep`` ranks evenly spread (the first and
    last kept): (x₍ᵢ₎, i/n), to draw as a step line."""
    n = len(x_sorted)
    ranks = np.unique(np.round(np.linspace(1, n, min(n, keep))).astype(np.int64))
    return x_sorted[ranks - 1], ranks / n


def running_means(x: np.ndarray, keep: int = PATH_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The running mean x̄ₘ = (x₁ + … + xₘ)/m at at most ``keep`` log-spaced m: (m, x̄ₘ)."""
    total = np.cumsum(np.asarray(x, dtype=float))
    counts = log_counts(len(total), keep)
    return counts, total[counts - 1] / counts


def band(std: float, counts: np.ndarray) -> np.ndarray:
    """The half-width σ/√m of the band round the mean (NaN where σ is not finite): one
    standard deviation of the mean of m draws."""
    if not math.isfinite(std):
        return np.full(len(counts), np.nan)
    return std / np.sqrt(np.asarray(counts, dtype=float))


@dataclass(frozen=True)
class DrawSummary:
    """What the page shows of n seeded draws: binned, thinned, with the truth beside it.

    Attributes
    ----------
    name, n, seed : the distribution's registry name, the count and the seed.
    discrete : whether it has a PMF.
    mean, std : the true mean and standard deviation (NaN: no mean; ∞: infinite variance).
    sample_mean, sample_std : the draws' mean and standard deviation.
    edges, density : the histogram (see :func:`histogram`); ``outside`` its missing share.
    curve_x, curve_y : the true density (or the PMF at the integers) over the window.
    cdf_x, cdf_y : the true CDF over the window.
    ecdf_x, ecdf_y : the empirical CDF, thinned (:func:`ecdf_points`).
    ks, ks_at : the KS distance and where it is reached (:func:`ks_distance`).
    ks_ends : (F(t), Fₙ(t)) at t = ``ks_at``: the ends of the gap.
    counts, running : the running mean at log-spaced counts (:func:`running_means`).
    half_width : σ/√m at those counts (NaN when σ is not finite).
    median : the true median (the centre a Cauchy's running mean does not settle on).
    """

    name: str
    n: int
    seed: int
    discrete: bool
    mean: float
    std: float
    sample_mean: float
    sample_std: float
    edges: np.ndarray
    density: np.ndarray
    outside: float
    curve_x: np.ndarray
    curve_y: np.ndarray
    cdf_x: np.ndarray
    cdf_y: np.ndarray
    ecdf_x: np.ndarray
    ecdf_y: np.ndarray
    ks: float
    ks_at: float
    ks_ends: tuple[float, float]
    counts: np.ndarray
    running: np.ndarray
    half_width: np.ndarray
    median: float


@dataclass(frozen=True)
class RunningMean:
    """The running mean of n seeded draws and nothing else (a companion panel's share of a
    :class:`DrawSummary`): ``counts`` and ``running`` as there."""

    name: str
    n: int
    seed: int
    counts: np.ndarray
    running: np.ndarray


@functools.lru_cache(maxsize=32)
def running_mean(name: str, values: tuple[tuple[str, float], ...], n: int, seed: int):
    """The running mean of the draws :func:`draw_summary` makes with these settings (the same
    draws), without their histogram and CDFs; cached by the settings."""
    n = clamp_count(n)
    counts, running = running_means(draws(name, values, n, seed))
    _frozen_array(counts, running)
    return RunningMean(name, n, int(seed), counts, running)


def draws(name: str, values: tuple[tuple[str, float], ...], n: int, seed: int) -> np.ndarray:
    """``n`` seeded draws (n clamped into 1 … 1,000,000) from a registry distribution."""
    distribution = distributions.DISTRIBUTIONS[name]
    rng = np.random.default_rng(int(seed))
    return distribution.sample(rng, clamp_count(n), dict(values))


def window(name: str, values: tuple[tuple[str, float], ...]) -> tuple[float, float]:
    """The histogram's window: the 0.5% to 99.5% quantiles, kept finite and non-empty."""
    low, high = distributions.DISTRIBUTIONS[name].window(dict(values), tail=WINDOW_TAIL)
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        middle = low if math.isfinite(low) else 0.0
        low, high = middle - 1.0, middle + 1.0
    return low, high


def _frozen_array(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.setflags(write=False)


def _binned(x: np.ndarray, window: tuple[float, float], cdf):
    """Continuous draws in ``BINS`` × ``FINE`` equal bins of ``window`` (no sort): the
    histogram of :func:`histogram` (``BINS`` bins), the KS distance of :func:`ks_distance`
    and the empirical CDF at every few fine edges (Fₙ just below each, at most
    ``ECDF_POINTS``)."""
    n = len(x)
    fine = np.linspace(window[0], window[1], BINS * FINE + 1)
    index = bin_index(x, window[0], window[1], BINS * FINE)
    counts = np.bincount(index, minlength=len(fine) + 1)
    edges = fine[::FINE]
    inside = counts[1:-1].reshape(BINS, FINE).sum(axis=1).astype(float)
    density = inside / (n * np.diff(edges))
    outside = float(max(1.0 - inside.sum() / n, 0.0))
    ks = binned_ks(x, index, counts, fine, cdf)
    stride = -(-len(fine) // ECDF_POINTS)
    below = np.cumsum(counts)[:-1]  # draws below each fine edge
    return edges, density, outside, ks, (fine[::stride], below[::stride] / n)


def _integer_steps(x: np.ndarray, cdf):
    """The KS distance of integer draws (:func:`ks_distance`, discrete) and their empirical
    CDF at the values drawn (at most ``ECDF_POINTS`` of them), from one
    :func:`integer_ecdf`."""
    ks, empirical = integer_ecdf(x)
    drawn = np.flatnonzero(np.diff(empirical, prepend=0.0) > 0)  # where Fₙ steps up
    keep = np.unique(np.round(np.linspace(0, len(drawn) - 1, min(len(drawn), ECDF_POINTS))))
    drawn = drawn[keep.astype(np.int64)]
    return _integer_gap(ks, empirical, cdf), (ks[drawn].astype(float), empirical[drawn])


@functools.lru_cache(maxsize=32)
def draw_summary(name: str, values: tuple[tuple[str, float], ...], n: int, seed: int):
    """Draw ``n`` values of a registry distribution with ``seed`` and summarise them (cached
    by these settings; only binned and thinned arrays are kept).

    Parameters
    ----------
    name : the registry name ("Normal").
    values : its parameter values, as :func:`settings` gives them.
    n : the number of draws, clamped into 1 … 1,000,000.
    seed : the seed of ``numpy.random.default_rng``.

    Returns
    -------
    DrawSummary
    """
    distribution = distributions.DISTRIBUTIONS[name]
    n = clamp_count(n)
    rv = distribution.frozen(dict(values))
    x = draws(name, values, n, seed)
    mean, std = true_moments(rv)
    low, high = window(name, values)
    if distribution.discrete:
        edges, density, outside = histogram(x, (low, high), True)
        curve_x = (edges[:-1] + edges[1:]) / 2
        curve_y = np.asarray(rv.pmf(curve_x), dtype=float)
        (ks, ks_at, signed), (ecdf_x, ecdf_y) = _integer_steps(x, rv.cdf)
    else:
        edges, density, outside, (ks, ks_at, signed), (ecdf_x, ecdf_y) = _binned(
            x, (low, high), rv.cdf
        )
        curve_x = np.linspace(low, high, CURVE_POINTS)
        curve_y = np.asarray(rv.pdf(curve_x), dtype=float)
    cdf_x = curve_x
    curve_y = np.nan_to_num(curve_y, nan=0.0, posinf=0.0)
    cdf_y = np.asarray(rv.cdf(cdf_x), dtype=float)
    at_truth = float(rv.cdf(ks_at))
    counts, running = running_means(x)
    half_width = band(std, counts)
    arrays = (edges, density, curve_x, curve_y, cdf_x, cdf_y, ecdf_x, ecdf_y, counts, running,
              half_width)  # fmt: skip
    _frozen_array(*arrays)
    return DrawSummary(
        name, n, int(seed), distribution.discrete, mean, std, float(np.mean(x)),
        float(np.std(x)), edges, density, outside, curve_x, curve_y, cdf_x, cdf_y, ecdf_x,
        ecdf_y, ks, ks_at, (at_truth, at_truth + signed), counts, running, half_width,
        float(rv.ppf(0.5)),
    )  # fmt: skip
