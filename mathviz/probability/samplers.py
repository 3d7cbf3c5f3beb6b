"""How ML samples, without MCMC: inverse-transform sampling, rejection sampling under an
envelope M·g, and Monte Carlo estimation of π.

Pure functions of numbers (a registry name, parameter values, a count, a seed). The heavy
runs are cached by their settings (``functools.lru_cache``) and return binned or thinned
results, a few thousand numbers at most, never a million raw draws.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy import integrate, optimize, stats

from mathviz.probability import distributions

SHOWN_DRAWS = 1500  # at most this many individual draws are drawn as points
TRAVELLERS = 30  # inverse transform: draws animated one by one from u to x
BINS = 40  # histogram bins of a continuous distribution
CURVE_POINTS = 300
MAX_INVERSE_DRAWS = 100_000
MAX_PROPOSALS = 100_000
MAX_PI_POINTS = 1_000_000
PI_REPEATS = 200  # independent runs behind the RMS error of the π estimate
WINDOW_TAIL = 0.002
MAX_LATTICE = 60  # a discrete histogram shows at most this many integer values


def clamp_count(n: float, low: int, high: int) -> int:
    """A count as a whole number in [low, high] (a link may carry anything, even ``inf``)."""
    try:
        value = float(n)
    except (TypeError, ValueError):
        return low
    if math.isnan(value):
        return low
    return int(min(max(value, low), high))


def settings(given: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Parameter values as a sorted tuple of pairs: a hashable, cacheable form."""
    return tuple(sorted((str(k), float(v)) for k, v in given.items()))


def frame_counts(n: int, first: int, frames: int) -> np.ndarray:
    """Counts at which an animation shows its state: 1 … ``first`` one by one, then about
    ``frames`` counts spread evenly on a log scale up to ``n`` (both ends included)."""
    n = max(int(n), 1)
    ones = np.arange(1, min(first, n) + 1)
    if n <= first:
        return ones
    rest = np.round(np.geomspace(max(first, 1), n, frames)).astype(np.int64)
    return np.union1d(ones, np.union1d(rest, [n]))


# ---- inverse transform ----------------------------------------------------------------------


@dataclass(frozen=True)
class InverseRun:
    """Uniforms pushed through a distribution's inverse CDF, and the histogram they build.

    Attributes
    ----------
    discrete : whether the distribution is discrete (a step CDF, a PMF).
    window : (low, high) the plotting range.
    grid : (m,) points of the CDF and density curves; ``cdf``, ``density`` their values.
    u : (k,) the first uniforms (k ≤ :data:`TRAVELLERS`); ``x`` = F⁻¹(u) for them.
    edges : (b + 1,) histogram bin edges (integers ± ½ when discrete).
    counts : (f,) the draw counts the frames show; ``heights`` (f, b) the histogram at each,
        as a density (a probability per value when discrete).
    outside : draws of all n that fell outside the window.
    n : the number of draws; ``mean``, ``std`` their sample mean and standard deviation.
    tabulated : whether F⁻¹ was read from a table of F (no fast formula for it).
    ks : Kolmogorov-Smirnov distance (continuous) or the largest gap between sample shares
        and the PMF (discrete), over all n draws.
    """

    discrete: bool
    window: tuple[float, float]
    grid: np.ndarray
    cdf: np.ndarray
    density: np.ndarray
    u: np.ndarray
    x: np.ndarray
    edges: np.ndarray
    counts: np.ndarray
    heights: np.ndarray
    outside: int
    n: int
    mean: float
    std: float
    tabulated: bool
    ks: float


def inverse_transform(rv, u: np.ndarray) -> np.ndarray:
    """Draws F⁻¹(u) of a frozen distribution from uniforms u in (0, 1).

    Notes
    -----
    If U ~ Uniform(0, 1) then X = F⁻¹(U) has CDF F: P(X ≤ x) = P(U ≤ F(x)) = F(x), with
    F⁻¹(u) = inf{x : F(x) ≥ u} (scipy's ``ppf``), which also covers step CDFs.
    """
    return np.asarray(rv.ppf(np.asarray(u, dtype=float)), dtype=float)


TABLE_POINTS = 4097  # the CDF table that inverts a distribution scipy does not know


def has_fast_inverse(rv) -> bool:
    """Whether ``rv`` is one of scipy's own distributions, whose ``ppf`` is a formula or a
    fast special function (a mixture's is a root search per point: a table is used)."""
    return isinstance(rv, (stats.rv_discrete, stats.rv_continuous, _SCIPY_FROZEN))


_SCIPY_FROZEN = type(stats.norm()).__mro__[1]  # scipy's frozen distributions' base class


def tabulated_inverse(rv, u: np.ndarray, tail: float = 1e-7) -> np.ndarray:
    """F⁻¹(u) of a continuous ``rv`` by inverting a table of its CDF on a fine grid.

    Notes
    -----
    F is increasing, so the table (xᵢ, F(xᵢ)) read backwards is a table of F⁻¹; between
    its points F⁻¹ is interpolated linearly. The table spans the ``tail`` to 1 − ``tail``
    quantiles; the few u beyond them go through ``rv.ppf`` itself.
    """
    u = np.asarray(u, dtype=float)
    low, high = float(rv.ppf(tail)), float(rv.ppf(1 - tail))
    grid = np.linspace(low, high, TABLE_POINTS)
    cdf = np.maximum.accumulate(np.asarray(rv.cdf(grid), dtype=float))
    x = np.interp(u, cdf, grid)
    outer = (u < cdf[0]) | (u > cdf[-1])
    if outer.any():
        x[outer] = np.asarray(rv.ppf(u[outer]), dtype=float)
    return x


def _edges(discrete: bool, window: tuple[float, float]) -> np.ndarray:
    low, high = window
    if discrete:
        low, high = math.floor(low + 0.5), math.ceil(high - 0.5)
        high = min(high, low + MAX_LATTICE - 1)
        return np.arange(low, high + 2) - 0.5
    return np.linspace(low, high, BINS + 1)


def _window(distribution, values) -> tuple[float, float]:
    """The histogram's range: a continuous distribution's finite support ends (Uniform,
    Beta), else its :data:`WINDOW_TAIL` quantiles; a discrete one's from the registry."""
    low, high = distribution.window(values, tail=WINDOW_TAIL)
    if not distribution.discrete:
        rv = distribution.frozen(values)
        with np.errstate(all="ignore"):
            ends = [float(rv.ppf(0.0)), float(rv.ppf(1.0))]
        low = ends[0] if math.isfinite(ends[0]) else low
        high = ends[1] if math.isfinite(ends[1]) else high
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        low, high = -5.0, 5.0
    return float(low), float(high)


@functools.lru_cache(maxsize=32)
def inverse_run(name: str, values: tuple[tuple[str, float], ...], n: int, seed: int) -> InverseRun:
    """``n`` draws of registry distribution ``name`` by inverse transform (cached).

    ``values`` are the parameter values (:func:`settings`); ``n`` is clamped into
    1 … :data:`MAX_INVERSE_DRAWS`.
    """
    distribution = distributions.DISTRIBUTIONS[name]
    given = dict(values)
    rv = distribution.frozen(given)
    n = clamp_count(n, 1, MAX_INVERSE_DRAWS)
    u = np.random.default_rng(seed).random(n)
    if distribution.discrete or has_fast_inverse(rv):
        x = inverse_transform(rv, u)
    else:
        x = tabulated_inverse(rv, u)
    window = _window(distribution, given)
    edges = _edges(distribution.discrete, window)
    grid, cdf, density = _curves(rv, distribution.discrete, (edges[0], edges[-1]))
    counts = frame_counts(n, TRAVELLERS, 20)
    heights = np.array([_histogram(x[:c], edges, distribution.discrete) for c in counts])
    inside = (x >= edges[0]) & (x <= edges[-1])
    return InverseRun(
        discrete=distribution.discrete,
        window=(float(edges[0]), float(edges[-1])),
        grid=grid,
        cdf=cdf,
        density=density,
        u=u[:TRAVELLERS],
        x=x[:TRAVELLERS],
        edges=edges,
        counts=counts,
        heights=heights,
        outside=int(n - inside.sum()),
        n=n,
        mean=float(x.mean()),
        std=float(x.std(ddof=1)) if n > 1 else 0.0,
        tabulated=not (distribution.discrete or has_fast_inverse(rv)),
        ks=_distance(x, rv, distribution.discrete),
    )


def _curves(rv, discrete: bool, window: tuple[float, float]):
    """The CDF and the density (PMF) on a grid across the window."""
    if discrete:
        grid = np.arange(math.ceil(window[0]), math.floor(window[1]) + 1, dtype=float)
        return grid, np.asarray(rv.cdf(grid), float), np.asarray(rv.pmf(grid), float)
    grid = np.linspace(*window, CURVE_POINTS)
    density = np.nan_to_num(np.asarray(rv.pdf(grid), float), posinf=0.0)
    return grid, np.asarray(rv.cdf(grid), float), density


def _histogram(x: np.ndarray, edges: np.ndarray, discrete: bool) -> np.ndarray:
    """Bar heights: a density (integrates to the share inside), or a share per value."""
    counts, _ = np.histogram(x, bins=edges)
    scale = max(len(x), 1) * (1.0 if discrete else np.diff(edges))
    return counts / scale


def _distance(x: np.ndarray, rv, discrete: bool) -> float:
    """KS distance to a continuous CDF; for a discrete one the largest |share − PMF|."""
    if not discrete:
        return float(stats.kstest(x, rv.cdf).statistic)
    values, counts = np.unique(x, return_counts=True)
    shares = counts / len(x)
    return float(np.max(np.abs(shares - rv.pmf(values))))


# ---- rejection sampling ---------------------------------------------------------------------


@dataclass(frozen=True)
class RejectionTarget:
    """A target density f and a proposal g that covers it.

    Attributes
    ----------
    name : the registry key.
    target : a frozen scipy distribution (f is its ``pdf``).
    proposal : a frozen scipy distribution to draw from (g is its ``pdf``).
    window : (low, high) the plotting range.
    about : one sentence for the page.
    """

    name: str
    target: object
    proposal: object
    window: tuple[float, float]
    about: str

    def f(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.target.pdf(x), float)

    def g(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.proposal.pdf(x), float)


class _Mixture:
    """An equal mixture of two normals, with the few methods rejection sampling needs."""

    def __init__(self, centre: float, sd: float) -> None:
        self.parts = (stats.norm(-centre, sd), stats.norm(centre, sd))

    def pdf(self, x):
        return 0.5 * (self.parts[0].pdf(x) + self.parts[1].pdf(x))

    def cdf(self, x):
        return 0.5 * (self.parts[0].cdf(x) + self.parts[1].cdf(x))


REJECTION_TARGETS: dict[str, RejectionTarget] = {
    target.name: target
    for target in (
        RejectionTarget("Beta(2, 5) under a uniform", stats.beta(2, 5), stats.uniform(0, 1),
                        (0.0, 1.0), "f is Beta(2, 5) on [0, 1]; g is the uniform density 1 there."),
        RejectionTarget("Normal under a Cauchy", stats.norm(0, 1), stats.cauchy(0, 1), (-5.0, 5.0),
                        "f is N(0, 1); g is the standard Cauchy, whose heavy tails cover f's."),
        RejectionTarget("Gamma(3) under an exponential", stats.gamma(3), stats.expon(scale=3),
                        (0.0, 20.0), "f is Gamma(3, 1); g is the exponential with mean 3."),
        RejectionTarget("Two bumps under a normal", _Mixture(1.5, 0.6), stats.norm(0, 2),
                        (-6.0, 6.0), "f is ½N(−1.5, 0.6²) + ½N(1.5, 0.6²); g is N(0, 2²)."),
    )
}  # fmt: skip


@functools.cache
def best_envelope(name: str) -> float:
    """M* = sup f/g, the smallest M with f ≤ M·g everywhere (a fine grid, then refined)."""
    target = REJECTION_TARGETS[name]
    low, high = target.window
    grid = np.linspace(low, high, 20001)[1:-1]
    ratio = target.f(grid) / target.g(grid)
    best = int(np.argmax(ratio))
    a, b = grid[max(best - 1, 0)], grid[min(best + 1, len(grid) - 1)]
    found = optimize.minimize_scalar(
        lambda x: -float(target.f(x) / target.g(x)), bounds=(a, b), method="bounded",
        options={"xatol": 1e-10},
    )  # fmt: skip
    return float(max(ratio[best], -found.fun))


def accepted_share(name: str, m: float) -> float:
    """The chance a proposal is accepted: (1/M) ∫ min(f, M·g) dx (1/M when M ≥ M*)."""
    target = REJECTION_TARGETS[name]
    x = np.linspace(*target.window, 40_001)  # Simpson's rule on a fine grid: one pass
    return float(integrate.simpson(np.minimum(target.f(x), m * target.g(x)), x=x)) / m


def sampled_density(name: str, m: float) -> Callable[[np.ndarray], np.ndarray]:
    """The density the accepted draws really follow, min(f, M·g) / ∫ min(f, M·g) (f itself
    when M ≥ M*)."""
    target = REJECTION_TARGETS[name]
    area = accepted_share(name, m) * m
    return lambda x: np.minimum(target.f(x), m * target.g(x)) / area


@dataclass(frozen=True)
class RejectionRun:
    """Proposals under M·g, accepted where they fall under f.

    Attributes
    ----------
    m : the envelope's M; ``best`` = sup f/g.
    x, height : (k,) the first proposals (k ≤ :data:`SHOWN_DRAWS`) and their heights
        u·M·g(x); ``accepted`` (k,) bool.
    grid, f, envelope, sampled : the curves f, M·g and the density actually sampled.
    edges : histogram bin edges; ``counts`` (frames,) proposals at each frame and
        ``heights`` (frames, b) the accepted draws' histogram (a density) then.
    n : proposals in all; ``n_accepted`` of them accepted; ``expected`` the theoretical
        acceptance chance (1/M when M ≥ M*).
    ks : KS distance of all accepted draws to f (None for fewer than two).
    """

    m: float
    best: float
    x: np.ndarray
    height: np.ndarray
    accepted: np.ndarray
    grid: np.ndarray
    f: np.ndarray
    envelope: np.ndarray
    sampled: np.ndarray
    edges: np.ndarray
    counts: np.ndarray
    heights: np.ndarray
    n: int
    n_accepted: int
    expected: float
    ks: float | None

    @property
    def rate(self) -> float:
        """The share of proposals accepted."""
        return self.n_accepted / self.n

    @property
    def cut(self) -> bool:
        """Whether M is below sup f/g, so that f pokes out of the envelope."""
        return self.m < self.best * (1 - 1e-9)


def rejection_sample(target: RejectionTarget, m: float, n: int, rng: np.random.Generator):
    """``n`` proposals x ~ g with heights u·M·g(x), u ~ U(0, 1), and which are accepted.

    Notes
    -----
    The pair (x, u·M·g(x)) is uniform under the curve M·g; keeping the pairs under f leaves
    points uniform under f, whose x has density f. Each pair is kept with chance
    f(x)/(M g(x)), so on average 1/M of them (when f ≤ M·g holds everywhere).
    """
    x = np.asarray(target.proposal.rvs(size=n, random_state=rng), dtype=float)
    height = rng.random(n) * m * target.g(x)
    return x, height, height <= target.f(x)


@functools.lru_cache(maxsize=32)
def rejection_run(name: str, m: float, n: int, seed: int) -> RejectionRun:
    """Rejection sampling of target ``name`` with envelope M·g, ``n`` proposals (cached)."""
    target = REJECTION_TARGETS[name]
    m = float(min(max(m, 0.1), 100.0))
    n = clamp_count(n, 10, MAX_PROPOSALS)
    x, height, accepted = rejection_sample(target, m, n, np.random.default_rng(seed))
    low, high = target.window
    grid = np.linspace(low, high, CURVE_POINTS)
    edges = np.linspace(low, high, BINS + 1)
    counts = frame_counts(n, 0, 25)
    heights = []
    for c in counts:
        kept = x[:c][accepted[:c]]
        heights.append(_histogram(kept, edges, False) if len(kept) else np.zeros(BINS))
    kept = x[accepted]
    ks = float(stats.kstest(kept, target.target.cdf).statistic) if len(kept) > 1 else None
    return RejectionRun(
        m=m,
        best=best_envelope(name),
        x=x[:SHOWN_DRAWS],
        height=height[:SHOWN_DRAWS],
        accepted=accepted[:SHOWN_DRAWS],
        grid=grid,
        f=target.f(grid),
        envelope=m * target.g(grid),
        sampled=sampled_density(name, m)(grid),
        edges=edges,
        counts=counts,
        heights=np.array(heights),
        n=n,
        n_accepted=int(accepted.sum()),
        expected=accepted_share(name, m),
        ks=ks,
    )


# ---- Monte Carlo π --------------------------------------------------------------------------

QUARTER = math.pi / 4  # the chance a uniform point of the unit square is inside the circle


def pi_standard_error(n: np.ndarray | int) -> np.ndarray:
    """The standard error of 4·(share inside) from n points: 4·√(p(1 − p)/n), p = π/4."""
    return 4.0 * np.sqrt(QUARTER * (1 - QUARTER) / np.asarray(n, dtype=float))


@dataclass(frozen=True)
class PiRun:
    """Uniform points in the unit square, and the estimate 4·(share inside) as they arrive.

    Attributes
    ----------
    points : (k, 2) the first points (k ≤ :data:`SHOWN_DRAWS`); ``inside`` (k,) bool.
    counts : (m,) counts n on a log scale up to the total; ``estimates`` (m,) the estimate
        after each; ``errors`` (m,) |estimate − π|.
    rms : (m,) the root-mean-square error over :data:`PI_REPEATS` independent runs at each n.
    slope : the least-squares slope of log rms against log n (−½ in theory).
    n : the points in all; ``estimate`` the final estimate.
    """

    points: np.ndarray
    inside: np.ndarray
    counts: np.ndarray
    estimates: np.ndarray
    errors: np.ndarray
    rms: np.ndarray
    slope: float
    n: int
    estimate: float


def pi_estimates(points: np.ndarray) -> np.ndarray:
    """The running estimate 4·(share of the first k points inside x² + y² ≤ 1), k = 1 … n."""
    inside = inside_circle(points)
    return 4.0 * np.cumsum(inside) / np.arange(1, len(inside) + 1)


def inside_circle(points: np.ndarray) -> np.ndarray:
    """(n, 2) points -> (n,) whether x² + y² ≤ 1 (written out: a sum over axis 1 is 5× slower)."""
    points = np.asarray(points, float)
    return points[:, 0] ** 2 + points[:, 1] ** 2 <= 1.0


def repeated_pi_estimates(counts: np.ndarray, repeats: int, rng: np.random.Generator):
    """(repeats, m) estimates at the increasing ``counts`` from independent runs.

    The number inside after n points is Binomial(n, π/4) and its increments over disjoint
    stretches are independent binomials, so a whole run is simulated without the points.
    """
    counts = np.asarray(counts, dtype=np.int64)
    steps = np.diff(np.concatenate([[0], counts]))
    inside = np.cumsum(rng.binomial(steps, QUARTER, size=(repeats, len(steps))), axis=1)
    return 4.0 * inside / counts


@functools.lru_cache(maxsize=32)
def pi_run(n: int, seed: int) -> PiRun:
    """Monte Carlo π from ``n`` seeded points (cached; ``n`` clamped to 10 … 10⁶)."""
    n = clamp_count(n, 10, MAX_PI_POINTS)
    rng = np.random.default_rng(seed)
    points = rng.random((n, 2))
    running = pi_estimates(points)
    counts = np.unique(np.round(np.geomspace(1, n, 120)).astype(np.int64))
    estimates = running[counts - 1]
    repeated = repeated_pi_estimates(counts, PI_REPEATS, rng)
    rms = np.sqrt(np.mean((repeated - math.pi) ** 2, axis=0))
    fit = counts >= 10 if np.sum(counts >= 10) >= 3 else counts >= 1  # small n: every count
    slope = float(np.polyfit(np.log(counts[fit]), np.log(rms[fit]), 1)[0])
    return PiRun(
        points=points[:SHOWN_DRAWS],
        inside=inside_circle(points[:SHOWN_DRAWS]),
        counts=counts,
        estimates=estimates,
        errors=np.abs(estimates - math.pi),
        rms=rms,
        slope=slope,
        n=n,
        estimate=float(running[-1]),
    )
