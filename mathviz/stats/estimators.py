"""The bias of estimators, seen by repeated sampling: draw many samples of size n, compute
two estimators of the same quantity on each, and watch their averages settle on the truth or
beside it.

Pure numpy/scipy. Each pair is an entry of :data:`PAIRS`: the quantity, its true value and
the two estimators with their exact expectations (so the page can say what the simulation
should find).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special

MAX_REPEATS = 5000
MAX_SAMPLE = 200


def c4(n: int) -> float:
    """E[s]/σ for normal samples of size n: √(2/(n − 1))·Γ(n/2)/Γ((n − 1)/2)."""
    return math.sqrt(2.0 / (n - 1)) * math.exp(
        special.gammaln(n / 2) - special.gammaln((n - 1) / 2)
    )


@dataclass(frozen=True)
class Estimator:
    """One estimator: its name, its formula and its exact expectation E[θ̂] as a function of
    (n, truth)."""

    name: str
    latex: str
    compute: Callable[[np.ndarray], np.ndarray]  # (repeats, n) samples -> (repeats,)
    expectation: Callable[[int, float], float]


@dataclass(frozen=True)
class Pair:
    """Two estimators of one quantity of a model the samples are drawn from.

    Attributes
    ----------
    quantity : what is estimated, in words; ``symbol`` in LaTeX.
    draw : (rng, repeats, n) -> (repeats, n) samples; the true value is ``truth``.
    model : the sampling model in LaTeX.
    """

    quantity: str
    symbol: str
    model: str
    truth: float
    draw: Callable[[np.random.Generator, int, int], np.ndarray]
    estimators: tuple[Estimator, Estimator]


def _normal(rng: np.random.Generator, repeats: int, n: int) -> np.ndarray:
    return 2.0 * rng.standard_normal((repeats, n))  # σ = 2, σ² = 4


def _uniform(rng: np.random.Generator, repeats: int, n: int) -> np.ndarray:
    return 10.0 * rng.random((repeats, n))  # θ = 10


PAIRS = {
    "Variance: ÷n or ÷(n − 1)": Pair(
        "the variance σ²", r"\sigma^2", r"X_i\sim\mathcal N(0,\,2^2)", 4.0, _normal,
        (
            Estimator("÷ n (the MLE)", r"\hat\sigma^2_n=\tfrac1n\sum_i(x_i-\bar x)^2",
                      lambda x: x.var(axis=1, ddof=0), lambda n, t: (n - 1) / n * t),
            Estimator("÷ (n − 1) (Bessel)", r"s^2=\tfrac1{n-1}\sum_i(x_i-\bar x)^2",
                      lambda x: x.var(axis=1, ddof=1), lambda n, t: t),
        ),
    ),
    "Standard deviation: s is biased too": Pair(
        "the standard deviation σ", r"\sigma", r"X_i\sim\mathcal N(0,\,2^2)", 2.0, _normal,
        (
            Estimator("s = √s²", r"s=\sqrt{s^2}", lambda x: x.std(axis=1, ddof=1),
                      lambda n, t: c4(n) * t),
            Estimator("s / c₄(n) (unbiased)", r"s/c_4(n)",
                      lambda x: x.std(axis=1, ddof=1) / c4(x.shape[1]), lambda n, t: t),
        ),
    ),
    "Uniform end: max or (n + 1)/n · max": Pair(
        "the end θ of Uniform(0, θ)", r"\theta", r"X_i\sim\mathcal U(0,\,10)", 10.0, _uniform,
        (
            Estimator("max xᵢ (the MLE)", r"\hat\theta=\max_i x_i", lambda x: x.max(axis=1),
                      lambda n, t: n / (n + 1) * t),
            Estimator("(n + 1)/n · max xᵢ", r"\tfrac{n+1}{n}\max_i x_i",
                      lambda x: (x.shape[1] + 1) / x.shape[1] * x.max(axis=1),
                      lambda n, t: t),
        ),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class BiasRun:
    """Two estimators on ``repeats`` samples of size n.

    Attributes
    ----------
    values : (2, repeats) each estimator's value on each sample.
    running : (2, repeats) the average of the first k values, k = 1..repeats.
    expected : (2,) the exact E[θ̂]; ``averages`` (2,) the simulation's, with ``errors`` (2,)
        their standard errors sd/√repeats.
    """

    pair: str
    n: int
    repeats: int
    truth: float
    values: np.ndarray
    running: np.ndarray
    expected: np.ndarray
    averages: np.ndarray
    errors: np.ndarray


def bias_run(pair_name: str, n: int, repeats: int, seed: int) -> BiasRun:
    """Draw ``repeats`` seeded samples of size ``n`` and apply both estimators to each."""
    pair = PAIRS[pair_name]
    n = int(min(max(n, 2), MAX_SAMPLE))
    repeats = int(min(max(repeats, 2), MAX_REPEATS))
    samples = pair.draw(np.random.default_rng(int(seed)), repeats, n)
    values = np.stack([e.compute(samples) for e in pair.estimators])
    counts = np.arange(1, repeats + 1)
    return BiasRun(
        pair=pair_name,
        n=n,
        repeats=repeats,
        truth=pair.truth,
        values=values,
        running=np.cumsum(values, axis=1) / counts,
        expected=np.array([e.expectation(n, pair.truth) for e in pair.estimators]),
        averages=values.mean(axis=1),
        errors=values.std(axis=1, ddof=1) / math.sqrt(repeats),
    )
