"""Bayes' rule twice: a medical test read as 1,000 people and as a tree, and a coin's bias
learnt flip by flip under a Beta prior.

Pure numpy/scipy. Probabilities outside [0, 1] are clamped into it; what cannot be
computed (P(sick | +) when nobody tests positive, the MAP of a U-shaped posterior) is None,
never NaN.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

PEOPLE = 1000  # the grid's crowd
GROUPS = ("sick, positive", "sick, negative", "healthy, positive", "healthy, negative")
CREDIBLE = 0.95  # the credible interval's mass
CURVE_POINTS = 120  # θ grid of the coin's curves, inside (0, 1) where Beta pdfs are finite
MAX_FLIPS = 200
PRIOR_LOW, PRIOR_HIGH = 0.5, 50.0  # the Beta prior's α and β are kept in this range


def clamp_probability(value: float) -> float:
    """``value`` clamped into [0, 1] (NaN reads as 0)."""
    value = float(value)
    return 0.0 if math.isnan(value) else min(max(value, 0.0), 1.0)


# --- the medical test ------------------------------------------------------------------------


@dataclass(frozen=True)
class MedicalTest:
    """A disease's prevalence and a test's sensitivity and specificity, each in [0, 1].

    Attributes
    ----------
    prevalence : P(sick), the prior.
    sensitivity : P(+ | sick), the true-positive rate.
    specificity : P(− | healthy), the true-negative rate.
    """

    prevalence: float
    sensitivity: float
    specificity: float

    @classmethod
    def clamped(cls, prevalence: float, sensitivity: float, specificity: float) -> MedicalTest:
        """The test with each probability clamped into [0, 1]."""
        return cls(*(clamp_probability(v) for v in (prevalence, sensitivity, specificity)))

    @property
    def joint(self) -> np.ndarray:
        """(4,) P(sick, +), P(sick, −), P(healthy, +), P(healthy, −), in :data:`GROUPS` order.

        Notes
        -----
        The product rule P(A, B) = P(B | A) P(A) along each branch of the tree; the four
        sum to 1.
        """
        p, sens, spec = self.prevalence, self.sensitivity, self.specificity
        return np.array([p * sens, p * (1 - sens), (1 - p) * (1 - spec), (1 - p) * spec])

    @property
    def branches(self) -> np.ndarray:
        """(6,) the tree's branch probabilities: P(sick), P(healthy), P(+ | sick),
        P(− | sick), P(+ | healthy), P(− | healthy)."""
        p, sens, spec = self.prevalence, self.sensitivity, self.specificity
        return np.array([p, 1 - p, sens, 1 - sens, 1 - spec, spec])


@dataclass(frozen=True)
class Posterior:
    """What a test result says, by Bayes' rule.

    Attributes
    ----------
    positive : P(+), the evidence of a positive result (total probability).
    sick_if_positive : P(sick | +), the positive predictive value; None when P(+) = 0.
    healthy_if_negative : P(healthy | −), the negative predictive value; None when P(−) = 0.
    """

    positive: float
    sick_if_positive: float | None
    healthy_if_negative: float | None

    @property
    def negative(self) -> float:
        """P(−) = 1 − P(+)."""
        return 1.0 - self.positive


def _ratio(part: float, whole: float) -> float | None:
    return None if whole <= 0 else float(min(max(part / whole, 0.0), 1.0))


def posterior(test: MedicalTest) -> Posterior:
    """P(sick | +) and P(healthy | −) for ``test``.

    Notes
    -----
    P(sick | +) = P(+ | sick) P(sick) / P(+) with
    P(+) = P(+ | sick) P(sick) + P(+ | healthy) P(healthy); likewise
    P(healthy | −) = P(− | healthy) P(healthy) / P(−).
    """
    sick_pos, _, healthy_pos, healthy_neg = test.joint
    evidence = sick_pos + healthy_pos
    negative = 1.0 - evidence
    return Posterior(float(evidence), _ratio(sick_pos, evidence), _ratio(healthy_neg, negative))


def repeated_positives(test: MedicalTest, times: int) -> np.ndarray:
    """(times + 1,) P(sick) before any test, then after each of ``times`` positive results in
    a row (the tests independent given the person's state).

    Notes
    -----
    Each posterior is the next test's prior: p ← sens·p / (sens·p + (1 − spec)(1 − p)).
    When a result cannot happen (its probability is 0), the belief is left where it was.
    """
    beliefs = [test.prevalence]
    for _ in range(max(0, int(times))):
        now = MedicalTest(beliefs[-1], test.sensitivity, test.specificity)
        after = posterior(now).sick_if_positive
        beliefs.append(beliefs[-1] if after is None else after)
    return np.array(beliefs)


def largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers proportional to ``weights`` that sum exactly to ``total``.

    Parameters
    ----------
    weights : (k,) non-negative array, not all zero.
    total : the sum wanted.

    Returns
    -------
    (k,) int ndarray.

    Notes
    -----
    Hamilton's method: each share gets the floor of its exact quota total·wᵢ/Σw, and the
    seats left over go to the largest remainders (ties to the earlier share).
    """
    weights = np.clip(np.asarray(weights, dtype=float), 0.0, None)
    quotas = total * weights / weights.sum()
    counts = np.floor(quotas).astype(int)
    left = total - int(counts.sum())
    order = np.argsort(-(quotas - counts), kind="stable")
    counts[order[:left]] += 1
    return counts


def grid_counts(test: MedicalTest, people: int = PEOPLE) -> np.ndarray:
    """(4,) how many of ``people`` fall in each group of :data:`GROUPS`, summing to ``people``."""
    return largest_remainder(test.joint, people)


def grid_groups(counts: np.ndarray, columns: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """Where each person of the grid stands, and their group.

    Returns
    -------
    points : (N, 2) ndarray of (column, row) positions, N = counts.sum(), filled column by
        column from the top left, so that each group is a block.
    groups : (N,) int ndarray, the index of each person's group in :data:`GROUPS`.
    """
    groups = np.repeat(np.arange(len(counts)), counts)
    index = np.arange(len(groups))
    rows = -(-len(groups) // columns)
    points = np.column_stack([index // rows, rows - 1 - index % rows]).astype(float)
    return points, groups


# --- the coin with a Beta prior -------------------------------------------------------------


def coin_flips(seed: int, flips: int, bias: float) -> np.ndarray:
    """(flips,) int ndarray of seeded coin flips, 1 for heads with probability ``bias``."""
    rng = np.random.default_rng(int(seed))
    return (rng.random(int(flips)) < clamp_probability(bias)).astype(int)


def clamp_prior(value: float) -> float:
    """A Beta prior's α or β kept in [:data:`PRIOR_LOW`, :data:`PRIOR_HIGH`] (NaN: 1)."""
    value = float(value)
    return 1.0 if math.isnan(value) else min(max(value, PRIOR_LOW), PRIOR_HIGH)


def beta_update(alpha: float, beta: float, heads: int, tails: int) -> tuple[float, float]:
    """The posterior's parameters: Beta(α, β) prior, h heads and t tails seen.

    Notes
    -----
    The likelihood θʰ(1 − θ)ᵗ times the prior θ^(α−1)(1 − θ)^(β−1) is θ^(α+h−1)(1 − θ)^(β+t−1):
    the posterior is Beta(α + h, β + t) (the Beta prior is conjugate to the binomial).
    """
    return float(alpha + heads), float(beta + tails)


@dataclass(frozen=True)
class BetaSummary:
    """The numbers that describe a Beta(a, b) belief about θ.

    Attributes
    ----------
    a, b : the parameters.
    mean : a / (a + b).
    mode : the MAP estimate (a − 1)/(a + b − 2) when a, b > 1; 0 or 1 when the density
        peaks at an end; None when it has no single peak (a, b ≤ 1).
    low, high : the equal-tailed credible interval of mass :data:`CREDIBLE`.
    """

    a: float
    b: float
    mean: float
    mode: float | None
    low: float
    high: float


def beta_mode(a: float, b: float) -> float | None:
    """The MAP of Beta(a, b) (see :class:`BetaSummary`)."""
    if a > 1 and b > 1:
        return (a - 1) / (a + b - 2)
    if a <= 1 < b:
        return 0.0
    if b <= 1 < a:
        return 1.0
    return None


def beta_summary(a: float, b: float) -> BetaSummary:
    """Mean, MAP and the 95% credible interval of Beta(a, b) (quantiles by scipy)."""
    return beta_summaries(np.array([a]), np.array([b]))[0]


def beta_summaries(a: np.ndarray, b: np.ndarray) -> tuple[BetaSummary, ...]:
    """:func:`beta_summary` of each Beta(aᵢ, bᵢ), the quantiles in one vectorised call."""
    tail = (1 - CREDIBLE) / 2
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    low, high = stats.beta.ppf(np.array([[tail], [1 - tail]]), a, b)
    return tuple(
        BetaSummary(float(x), float(y), float(x / (x + y)), beta_mode(x, y), float(lo), float(hi))
        for x, y, lo, hi in zip(a, b, low, high, strict=True)
    )


@dataclass(frozen=True)
class CoinRun:
    """A coin's flips and the belief after each.

    Attributes
    ----------
    alpha, beta : the prior Beta(α, β).
    bias : the true probability of heads.
    flips : (n,) 1 for heads, 0 for tails.
    theta : (m,) the grid of θ in (0, 1) the curves are sampled on.
    prior : (m,) the prior density.
    likelihoods : (n + 1, m) after k flips, θʰ(1 − θ)ᵗ normalised to integrate to 1
        (row 0: flat, nothing seen yet).
    posteriors : (n + 1, m) the posterior density after k flips (row 0: the prior).
    heads : (n + 1,) heads among the first k flips.
    summaries : the posterior's :class:`BetaSummary` after each k.
    """

    alpha: float
    beta: float
    bias: float
    flips: np.ndarray
    theta: np.ndarray
    prior: np.ndarray
    likelihoods: np.ndarray
    posteriors: np.ndarray
    heads: np.ndarray
    summaries: tuple[BetaSummary, ...]

    @property
    def tails(self) -> np.ndarray:
        """(n + 1,) tails among the first k flips."""
        return np.arange(len(self.heads)) - self.heads


def theta_grid(points: int = CURVE_POINTS) -> np.ndarray:
    """(points,) θ at the midpoints of ``points`` equal cells of [0, 1] (never 0 or 1)."""
    return (np.arange(points) + 0.5) / points


@functools.lru_cache(maxsize=32)
def coin_run(alpha: float, beta: float, bias: float, flips: int, seed: int) -> CoinRun:
    """Flip a coin of bias ``bias`` ``flips`` times (seeded) and update Beta(α, β) after each.

    Notes
    -----
    The normalised likelihood θʰ(1 − θ)ᵗ / B(h + 1, t + 1) is the Beta(h + 1, t + 1)
    density; the posterior is Beta(α + h, β + t) (:func:`beta_update`). Cached: a link's
    settings are a few numbers, the curves (n + 1) × m values.
    """
    alpha, beta = clamp_prior(alpha), clamp_prior(beta)
    n = min(max(int(flips), 0), MAX_FLIPS)
    seen = coin_flips(seed, n, bias)
    heads = np.concatenate([[0], np.cumsum(seen)])
    tails = np.arange(n + 1) - heads
    theta = theta_grid()
    likelihoods = stats.beta.pdf(theta[None, :], heads[:, None] + 1, tails[:, None] + 1)
    posteriors = stats.beta.pdf(theta[None, :], alpha + heads[:, None], beta + tails[:, None])
    summaries = beta_summaries(alpha + heads, beta + tails)
    return CoinRun(alpha, beta, clamp_probability(bias), seen, theta,
                   stats.beta.pdf(theta, alpha, beta), likelihoods, posteriors, heads,
                   summaries)  # fmt: skip
