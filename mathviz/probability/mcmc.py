"""Random-walk Metropolis–Hastings on 2-D targets, and the diagnostics of its chains.

Targets form a registry (:data:`TARGETS`: a banana, a donut, a three-mode mixture and a plain
correlated Gaussian), each an unnormalised log-density on (..., 2) arrays. Several chains
start from dispersed seeded points and run together, vectorised across chains.

The diagnostics follow Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
folding, and localization: an improved R̂ for assessing convergence of MCMC" (the formulas
Stan and ArviZ use):

- autocorrelation by FFT, each chain's, combined across chains as in their eq. (10);
- effective sample size: **bulk-ESS**, the draws of split chains rank-normalised, the
  autocorrelation sum truncated by Geyer's (1992) initial positive sequence and made
  monotone (Geyer's initial monotone sequence);
- R̂: the **rank-normalised split-R̂**, the larger of the bulk and the folded one
  (Gelman et al. 2013's split-R̂ on rank-normalised draws).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

MAX_CHAINS = 4
MAX_STEPS = 5000
ANIMATED_STEPS = 100  # the first steps of each chain animated with their proposals
MAX_LAG = 60  # autocorrelation shown up to this lag
GRID = 160  # the target's density grid, per side


@dataclass(frozen=True)
class Target:
    """A 2-D target density known up to a constant.

    Attributes
    ----------
    name : the registry key.
    log_density : (..., 2) points -> (...) log π(x, y) + const.
    window : (x low, x high, y low, y high) where it is drawn and the chains start.
    about : one sentence for the page.
    mean, cov : the true mean (2,) and covariance (2, 2) when known in closed form.
    """

    name: str
    log_density: Callable[[np.ndarray], np.ndarray]
    window: tuple[float, float, float, float]
    about: str
    mean: tuple[float, float] | None = None
    cov: tuple[tuple[float, float], tuple[float, float]] | None = None


def gaussian_log_density(mean, cov) -> Callable[[np.ndarray], np.ndarray]:
    """log N(x; mean, cov) + const, for (..., 2) points."""
    mean = np.asarray(mean, dtype=float)
    precision = np.linalg.inv(np.asarray(cov, dtype=float))

    (p00, p01), (p10, p11) = precision

    def log_density(points: np.ndarray) -> np.ndarray:
        points = np.asarray(points, dtype=float)
        dx, dy = points[..., 0] - mean[0], points[..., 1] - mean[1]
        # d·P·d written out: each point's value is the same whatever else is evaluated with
        # it (a matrix product's rounding may depend on how many rows it has)
        return -0.5 * (p00 * dx * dx + (p01 + p10) * dx * dy + p11 * dy * dy)

    return log_density


# The banana: Haario, Saksman & Tamminen's (1999) twisted Gaussian, shrunk to fit the screen:
# x ~ N(0, A²), y | x ~ N(B(x² − A²), 1).
BANANA_A, BANANA_B = 2.0, 0.35


def banana_log_density(points: np.ndarray) -> np.ndarray:
    """Log-density (+ const) of the banana: x ~ N(0, A²), y | x ~ N(B(x² − A²), 1)."""
    points = np.asarray(points, dtype=float)
    x, y = points[..., 0], points[..., 1]
    return -0.5 * (x / BANANA_A) ** 2 - 0.5 * (y - BANANA_B * (x**2 - BANANA_A**2)) ** 2


DONUT_RADIUS, DONUT_WIDTH = 2.5, 0.3


def donut_log_density(points: np.ndarray) -> np.ndarray:
    """Log-density (+ const) of a ring: −(r − R)²/(2w²), r the distance to the origin."""
    r = np.linalg.norm(np.asarray(points, dtype=float), axis=-1)
    return -0.5 * ((r - DONUT_RADIUS) / DONUT_WIDTH) ** 2


MIXTURE_CENTRES = np.array([[-2.5, -1.5], [2.5, -1.5], [0.0, 2.5]])
MIXTURE_SD = 0.55


def mixture_log_density(points: np.ndarray) -> np.ndarray:
    """Log-density (+ const) of an equal mixture of three round normals (sd 0.55)."""
    p = np.asarray(points, dtype=float)[..., None, :]
    logs = -0.5 * np.sum((p - MIXTURE_CENTRES) ** 2, axis=-1) / MIXTURE_SD**2
    top = logs.max(axis=-1)  # log Σ exp, kept finite far from every centre
    return top + np.log(np.sum(np.exp(logs - top[..., None]), axis=-1))


GAUSSIAN_MEAN = (0.5, -0.5)
GAUSSIAN_COV = ((1.5, 0.9), (0.9, 1.0))

TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("Banana", banana_log_density, (-7.0, 7.0, -4.5, 12.0),
               "Haario's twisted Gaussian: x ~ N(0, 2²), y | x ~ N(0.35(x² − 4), 1); a curved "
               "ridge no single step size suits everywhere.",
               mean=(0.0, 0.0),
               cov=((BANANA_A**2, 0.0), (0.0, 1 + 2 * BANANA_B**2 * BANANA_A**4))),
        Target("Donut", donut_log_density, (-4.0, 4.0, -4.0, 4.0),
               "A ring of radius 2.5 and width 0.3: the chains must walk round it.",
               mean=(0.0, 0.0)),
        Target("Three modes", mixture_log_density, (-5.0, 5.0, -4.5, 5.0),
               "An equal mixture of three round normals: a random walk rarely crosses the "
               "empty land between them.",
               mean=(0.0, float(MIXTURE_CENTRES[:, 1].mean()))),
        Target("Gaussian", gaussian_log_density(GAUSSIAN_MEAN, GAUSSIAN_COV),
               (-4.0, 5.0, -4.5, 3.5),
               "A correlated normal, mean (0.5, −0.5), correlation 0.73: the easy case.",
               mean=GAUSSIAN_MEAN, cov=GAUSSIAN_COV),
    )
}  # fmt: skip


@functools.cache
def density_grid(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, density) of a target on a :data:`GRID`² grid over its window, normalised so
    that it integrates to 1 over the window (``density[j, i]`` at ``(xs[i], ys[j])``)."""
    target = TARGETS[name]
    x0, x1, y0, y1 = target.window
    xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    log = target.log_density(np.stack(np.meshgrid(xs, ys), axis=-1))
    density = np.exp(log - log.max())
    return xs, ys, density / (density.sum() * (xs[1] - xs[0]) * (ys[1] - ys[0]))


def marginals(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(xs, p(x), ys, p(y)): the target's marginal densities, integrated on its grid."""
    xs, ys, density = density_grid(name)
    return xs, density.sum(axis=0) * (ys[1] - ys[0]), ys, density.sum(axis=1) * (xs[1] - xs[0])


# ---- the sampler ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chains:
    """Random-walk Metropolis–Hastings chains, run together.

    Attributes
    ----------
    positions : (c, n + 1, 2) each chain's states, its start first.
    proposals : (c, n, 2) the point proposed at each step.
    accepted : (c, n) whether each proposal was accepted.
    """

    positions: np.ndarray
    proposals: np.ndarray
    accepted: np.ndarray


def metropolis(
    log_density: Callable[[np.ndarray], np.ndarray],
    starts: np.ndarray,
    sigma: float,
    steps: int,
    rng: np.random.Generator,
) -> Chains:
    """Random-walk Metropolis–Hastings from each start, all chains in step.

    Parameters
    ----------
    log_density : (c, 2) -> (c,) the target's log-density up to a constant.
    starts : (c, 2) the chains' first states.
    sigma : the proposal's standard deviation (the same in both coordinates).
    steps : how many steps each chain takes.
    rng : the seeded generator.

    Notes
    -----
    From x, propose x' = x + σz with z ~ N(0, I) and accept it with probability
    α = min(1, π(x')/π(x)): the proposal is symmetric, so the Hastings ratio
    q(x | x')/q(x' | x) is 1. Worked in logs, log u < log π(x') − log π(x) with u ~ U(0, 1),
    so that the unknown normalising constant cancels and nothing overflows. A non-finite
    log π(x') (outside a support) is rejected.
    """
    unit, log_u = proposal_numbers(rng, steps, len(starts))
    return walk(log_density, starts, sigma * unit, log_u)


def proposal_numbers(
    rng: np.random.Generator, steps: int, chains: int
) -> tuple[np.ndarray, np.ndarray]:
    """The random numbers of a run, in the order :func:`metropolis` draws them: (n, c, 2)
    standard normal moves (scaled by σ) and (n, c) logs of the accepting uniforms."""
    unit = rng.standard_normal((steps, chains, 2))
    return unit, np.log(rng.random((steps, chains)))


def walk(
    log_density: Callable[[np.ndarray], np.ndarray],
    starts: np.ndarray,
    steps_by: np.ndarray,
    log_u: np.ndarray,
) -> Chains:
    """Metropolis–Hastings with its random numbers given: ``steps_by`` (n, c, 2) the proposed
    moves and ``log_u`` (n, c) the logs of the uniforms that accept them (see
    :func:`metropolis`). Chains with different proposal scales can so run in one loop."""
    x = np.array(starts, dtype=float)
    steps, chains = log_u.shape
    positions = np.empty((steps + 1, chains, 2))
    proposals = np.empty((steps, chains, 2))
    accepted = np.empty((steps, chains), dtype=bool)
    positions[0] = x
    current = log_density(x)
    for t in range(steps):
        proposal = x + steps_by[t]
        proposed = log_density(proposal)
        take = log_u[t] < proposed - current  # False for a NaN or −∞ proposal
        x = np.where(take[:, None], proposal, x)
        current = np.where(take, proposed, current)
        positions[t + 1], proposals[t], accepted[t] = x, proposal, take
    return Chains(positions.swapaxes(0, 1), proposals.swapaxes(0, 1), accepted.T)


def dispersed_starts(name: str, chains: int, rng: np.random.Generator) -> np.ndarray:
    """(c, 2) starts drawn uniformly over the middle 80% of the target's window: spread
    wider than the target itself, as R̂ needs."""
    x0, x1, y0, y1 = TARGETS[name].window
    low = np.array([x0 + 0.1 * (x1 - x0), y0 + 0.1 * (y1 - y0)])
    high = np.array([x1 - 0.1 * (x1 - x0), y1 - 0.1 * (y1 - y0)])
    return low + (high - low) * rng.random((chains, 2))


# ---- diagnostics ----------------------------------------------------------------------------


def autocovariance(chains: np.ndarray) -> np.ndarray:
    """(c, n) draws -> (c, n) each chain's autocovariance at lags 0 … n − 1 (divided by n),
    by FFT, zero-padded so that the circular correlation equals the linear one."""
    x = np.atleast_2d(np.asarray(chains, dtype=float))
    n = x.shape[-1]
    size = 1 << (2 * n - 1).bit_length()
    centred = x - x.mean(axis=-1, keepdims=True)
    spectrum = np.fft.rfft(centred, n=size, axis=-1)
    return np.fft.irfft(spectrum * np.conj(spectrum), n=size, axis=-1)[..., :n] / n


def autocorrelation(chains: np.ndarray) -> np.ndarray:
    """(c, n) -> (c, n) each chain's autocorrelation ρ(t) = γ(t)/γ(0) (0 for a stuck chain)."""
    acov = autocovariance(chains)
    zero = acov[..., :1]
    return np.divide(acov, zero, out=np.zeros_like(acov), where=zero > 0)


def _split(chains: np.ndarray) -> np.ndarray:
    """(c, n) -> (2c, ⌊n/2⌋): each chain cut into its first and second half (a middle draw
    of an odd n is dropped)."""
    x = np.atleast_2d(np.asarray(chains, dtype=float))
    half = x.shape[1] // 2
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half :]])


def rank_normalise(chains: np.ndarray) -> np.ndarray:
    """Draws replaced by normal scores of their ranks pooled over every chain:
    z = Φ⁻¹((r − 3/8)/(S − 1/4)), ties given their average rank (Vehtari et al. 2021, eq. 14)."""
    x = np.asarray(chains, dtype=float)
    ranks = stats.rankdata(x, axis=None).reshape(x.shape)
    return special.ndtri((ranks - 0.375) / (x.size + 0.25))  # Φ⁻¹, as stats.norm.ppf has it


def _ess_raw(chains: np.ndarray) -> float:
    """ESS of (m, n) chains as they are (no split, no ranks): m·n/τ̂ (Vehtari et al. 2021,
    eqs. 10-12, Geyer's initial monotone sequence)."""
    x = np.asarray(chains, dtype=float)
    m, n = x.shape
    acov = autocovariance(x)
    within = np.mean(acov[:, 0] * n / (n - 1))  # W, the mean within-chain variance
    var_plus = within * (n - 1) / n + (np.var(x.mean(axis=1), ddof=1) if m > 1 else 0.0)
    if not within > 0:  # no chain moved: no information about the target's spread
        return math.nan
    rho = 1.0 - (within - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    # Geyer: sums of adjacent pairs P_k = ρ(2k) + ρ(2k + 1), kept while positive, each made
    # no larger than the one before; τ = −1 + 2 Σ P_k.
    pairs = rho[: 2 * (n // 2)].reshape(-1, 2).sum(axis=1)
    positive = np.flatnonzero(pairs <= 0)
    kept = pairs[: positive[0]] if len(positive) else pairs
    kept = np.minimum.accumulate(kept)
    tau = max(-1.0 + 2.0 * kept.sum(), 1.0 / math.log10(m * n))  # Stan's cap: ESS ≤ S log₁₀ S
    return float(m * n / tau)


def ess(chains: np.ndarray) -> float:
    """Bulk effective sample size of (c, n) draws of one quantity (c chains of n draws).

    Notes
    -----
    Split each chain in two, rank-normalise the draws pooled over all chains, then
    S_eff = S/τ̂ with τ̂ = 1 + 2 Σₜ ρ̂ₜ, ρ̂ₜ = 1 − (W − mean of the chains' γₜ)/var⁺,
    var⁺ = (n − 1)/n·W + B/n, the sum truncated by Geyer's initial monotone sequence
    (Vehtari et al. 2021, the ArviZ/Stan ``ess_bulk``). NaN when no chain moves.
    """
    split = _split(chains)
    if split.shape[1] < 4 or np.ptp(split) == 0:
        return math.nan
    return _ess_raw(rank_normalise(split))


def _rhat_raw(chains: np.ndarray) -> float:
    """Gelman–Rubin's R̂ = √(var⁺/W) of (m, n) chains as they are."""
    x = np.asarray(chains, dtype=float)
    n = x.shape[1]
    between = n * np.var(x.mean(axis=1), ddof=1)
    within = np.mean(np.var(x, axis=1, ddof=1))
    if not within > 0:
        return math.nan if not between > 0 else math.inf
    return float(math.sqrt(((n - 1) / n * within + between / n) / within))


def rhat(chains: np.ndarray) -> float:
    """Rank-normalised split-R̂ of (c, n) draws of one quantity.

    Notes
    -----
    Split each chain in two, R̂ = √(var⁺/W) on the rank-normalised draws (bulk) and on the
    rank-normalised |x − median| (folded, which catches chains of different spread); the
    larger of the two (Vehtari et al. 2021, the ArviZ/Stan ``rhat``). Near 1 when every
    chain samples the same distribution; above 1.01 is a warning.
    """
    split = _split(chains)
    if split.shape[1] < 4 or np.ptp(split) == 0:
        return math.nan
    bulk = _rhat_raw(rank_normalise(split))
    folded = _rhat_raw(rank_normalise(np.abs(split - np.median(split))))
    return max(bulk, folded)


# ---- a whole run, cached --------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """Chains on a target and their diagnostics after the burn-in.

    Attributes
    ----------
    target : the registry name; ``sigma``, ``steps``, ``burn`` as run (clamped).
    chains : the :class:`Chains` (every step, the burn-in included).
    acceptance : (c,) each chain's share of accepted proposals after the burn-in.
    ess, rhat : (2,) bulk-ESS and rank-normalised split-R̂ of x and of y after the burn-in.
    acf : (2, L) the autocorrelation of x and of y at lags 0 … L − 1, averaged over chains.
    mean : (2,) the mean of the kept draws; ``cov`` (2, 2) their covariance.
    """

    target: str
    sigma: float
    steps: int
    burn: int
    chains: Chains
    acceptance: np.ndarray
    ess: np.ndarray
    rhat: np.ndarray
    acf: np.ndarray
    mean: np.ndarray
    cov: np.ndarray

    @property
    def kept(self) -> np.ndarray:
        """(c, n − burn, 2) the draws after the burn-in (the starts left out)."""
        return self.chains.positions[:, 1 + self.burn :]

    @property
    def count(self) -> int:
        """How many draws are kept, over every chain."""
        return int(self.kept.shape[0] * self.kept.shape[1])


def clamp_run(sigma: float, chains: int, steps: int, burn: int) -> tuple[float, int, int, int]:
    """Settings made safe: σ in [0.01, 20], 1 … 4 chains, 100 … 5000 steps, a burn-in of at
    most half the steps."""
    sigma = float(min(max(sigma, 0.01), 20.0)) if math.isfinite(sigma) else 1.0
    chains = int(min(max(chains, 1), MAX_CHAINS))
    steps = int(min(max(steps, 100), MAX_STEPS))
    burn = int(min(max(burn, 0), steps // 2))
    return sigma, chains, steps, burn


@functools.lru_cache(maxsize=32)
def run(name: str, sigma: float, chains: int, steps: int, burn: int, seed: int) -> Run:
    """``chains`` random-walk MH chains of ``steps`` steps on target ``name`` (cached)."""
    return _run(name, sigma, chains, steps, burn, seed)


def _run(name: str, sigma: float, chains: int, steps: int, burn: int, seed: int) -> Run:
    sigma, chains, steps, burn = clamp_run(sigma, chains, steps, burn)
    rng = np.random.default_rng(seed)
    starts = dispersed_starts(name, chains, rng)
    result = metropolis(TARGETS[name].log_density, starts, sigma, steps, rng)
    return _summarise(name, sigma, steps, burn, result)


def _summarise(name: str, sigma: float, steps: int, burn: int, result: Chains) -> Run:
    kept = result.positions[:, 1 + burn :]
    coordinates = (kept[..., 0], kept[..., 1])
    lags = min(MAX_LAG, kept.shape[1])
    flat = kept.reshape(-1, 2)
    return Run(
        target=name,
        sigma=sigma,
        steps=steps,
        burn=burn,
        chains=result,
        acceptance=result.accepted[:, burn:].mean(axis=1),
        ess=np.array([ess(c) for c in coordinates]),
        rhat=np.array([rhat(c) for c in coordinates]),
        acf=np.array([autocorrelation(c)[:, :lags].mean(axis=0) for c in coordinates]),
        mean=flat.mean(axis=0),
        cov=np.cov(flat.T),
    )


SWEEP_SIGMAS = tuple(float(s) for s in np.round(np.geomspace(0.05, 10.0, 13), 3))
SWEEP_STEPS, SWEEP_BURN, SWEEP_CHAINS = 2000, 500, 4


@dataclass(frozen=True)
class Sweep:
    """Acceptance and efficiency of random-walk MH against the proposal scale σ.

    Attributes
    ----------
    sigmas : (k,) the scales tried; ``acceptance`` (k,) the share accepted at each;
    ess_per_draw : (k,) the smaller of the x and y bulk-ESS per kept draw (NaN: never moved).
    first_chain : (k, steps + 1, 2) the first chain's states at each scale, burn-in included;
    first_accepted : (k,) the share of its proposals accepted, over every step.
    """

    sigmas: np.ndarray
    acceptance: np.ndarray
    ess_per_draw: np.ndarray
    first_chain: np.ndarray
    first_accepted: np.ndarray


SWEEP_CACHE = 16  # sweeps kept (by target and seed), the oldest dropped first
_SWEEPS: dict[tuple[str, int], Sweep] = {}


def sweep(name: str, seed: int) -> Sweep:
    """Runs at :data:`SWEEP_SIGMAS` (4 chains, 2000 steps, 500 burn-in each; cached).

    Each is the run :func:`run` makes at its σ with this seed: the same starts and the same
    random numbers, the moves scaled by σ. All of them walk in one loop, one block of
    chains per σ (13 times fewer Python steps than a run after another).
    """
    found = _SWEEPS.get((name, seed))
    return found if found is not None else _sweep(name, seed, None)[0]


@functools.lru_cache(maxsize=32)
def tuning_run(name: str, sigma: float, seed: int) -> Run:
    """The tuning lesson's run at σ: ``run(name, σ, 4, 2000, 500, seed)``, number for number
    (cached). When the sweep at this seed is not made yet, both come from one walk, the run
    one more block of chains in it: a loop of 2000 steps fewer."""
    if (name, seed) in _SWEEPS:
        return run(name, sigma, SWEEP_CHAINS, SWEEP_STEPS, SWEEP_BURN, seed)
    return _sweep(name, seed, sigma)[1]


def _sweep(name: str, seed: int, extra: float | None) -> tuple[Sweep, Run | None]:
    """The sweep (remembered in ``_SWEEPS``) and, when ``extra`` is a σ, the run at it."""
    chains, steps, burn = SWEEP_CHAINS, SWEEP_STEPS, SWEEP_BURN
    rng = np.random.default_rng(seed)
    starts = dispersed_starts(name, chains, rng)
    unit, log_u = proposal_numbers(rng, steps, chains)
    sigmas = SWEEP_SIGMAS + (() if extra is None else (clamp_run(extra, chains, steps, burn)[0],))
    k = len(sigmas)
    scales = np.repeat(np.array(sigmas), chains)[None, :, None]
    together = walk(TARGETS[name].log_density, np.tile(starts, (k, 1)),
                    scales * np.tile(unit, (1, k, 1)), np.tile(log_u, (1, k)))  # fmt: skip
    acceptance, efficiency = [], []
    for i in range(len(SWEEP_SIGMAS)):
        block = slice(i * chains, (i + 1) * chains)
        kept = together.positions[block, 1 + burn :]
        acceptance.append(float(together.accepted[block, burn:].mean(axis=1).mean()))
        both = [ess(kept[..., axis]) for axis in (0, 1)]
        worst = np.nan if np.isnan(both).any() else float(np.min(both))
        efficiency.append(worst / (kept.shape[0] * kept.shape[1]))
    firsts = np.arange(len(SWEEP_SIGMAS)) * chains
    first_chain = together.positions[firsts]
    first_accepted = together.accepted[firsts].mean(axis=1)
    for array in (first_chain, first_accepted):
        array.setflags(write=False)
    found = Sweep(np.array(SWEEP_SIGMAS), np.array(acceptance), np.array(efficiency),
                  first_chain, first_accepted)  # fmt: skip
    _SWEEPS[(name, seed)] = found
    while len(_SWEEPS) > SWEEP_CACHE:
        _SWEEPS.pop(next(iter(_SWEEPS)), None)
    if extra is None:
        return found, None
    block = slice((k - 1) * chains, k * chains)
    extra_chains = Chains(together.positions[block], together.proposals[block],
                          together.accepted[block])  # fmt: skip
    return found, _summarise(name, sigmas[-1], steps, burn, extra_chains)


def first_chain(name: str, sigma: float, seed: int) -> tuple[np.ndarray, float]:
    """The first chain of the tuning lesson's run at σ (:func:`tuning_run`: 4 chains, 2000
    steps, this seed): its (steps + 1, 2) states and the share of its proposals accepted.
    At one of the sweep's scales it is the sweep's own (no new walk)."""
    if sigma in SWEEP_SIGMAS:
        k = SWEEP_SIGMAS.index(sigma)
        found = sweep(name, seed)
        return found.first_chain[k], float(found.first_accepted[k])
    result = tuning_run(name, sigma, seed).chains
    return result.positions[0], float(result.accepted[0].mean())


def thinned(count: int, keep: int) -> np.ndarray:
    """At most ``keep`` indices spread evenly over 0 … count − 1, both ends included."""
    return np.unique(np.round(np.linspace(0, count - 1, min(count, keep))).astype(int))
