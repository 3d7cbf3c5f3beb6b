"""Likelihood: the log-likelihood ℓ(θ) of one parameter for five models, its maximum found
in closed form, by gradient ascent and by Newton's method, and its curvature as Fisher
information and the standard error it gives.

Pure numpy/scipy. Each model is an entry of :data:`MODELS` (a registry: a page's chooser is
its keys) holding ℓ, its first two derivatives and the closed-form MLE as plain functions of
the sample's sufficient statistics. Where the maths does not apply (the uniform's ℓ has no
derivative at its maximum; an MLE on the boundary has no curvature) the field is None and
``problem`` says why.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from mathviz import params
from mathviz.params import Param

MAX_N = 1000
ASCENT_STEPS = 40
NEWTON_STEPS = 12
CURVE_POINTS = 400
Z95 = 1.959963984540054  # Φ⁻¹(0.975)
RUNAWAY = 20.0  # a run this many times farther from θ̂ than its start has diverged
CLOSE = 1e-6  # a method has reached θ̂ within this (relative to max(1, |θ̂|))
ASCENT, NEWTON = "Gradient ascent", "Newton's method"
METHODS = (ASCENT, NEWTON)


@dataclass(frozen=True)
class Stats:
    """What ℓ depends on: n, Σx, Σx², max x and Σ log x! (Poisson), of a sample."""

    n: int
    total: float
    squares: float
    largest: float
    log_factorials: float

    @property
    def mean(self) -> float:
        return self.total / self.n


def sufficient(x: np.ndarray) -> Stats:
    x = np.asarray(x, dtype=float)
    return Stats(
        n=int(x.size),
        total=float(x.sum()),
        squares=float((x * x).sum()),
        largest=float(x.max()),
        log_factorials=float(special.gammaln(x + 1.0).sum()),
    )


@dataclass(frozen=True)
class Model:
    """One model with one unknown θ.

    Attributes
    ----------
    name, symbol : the chooser's label and θ's letter in formulas (μ, p, λ, θ).
    truth : the declared control of the true θ the data are drawn with.
    start : the declared control of the start θ₀ of gradient ascent and Newton's method.
    domain : the open (or half-open) interval θ lives in.
    sample : (θ, n, rng, known) -> n draws.
    loglik : (θ array, stats, known) -> ℓ(θ); −inf outside the support.
    score : (θ, stats, known) -> ℓ′(θ); None for the uniform (no derivative at the MLE).
    hessian : (θ, stats, known) -> ℓ″(θ); None likewise.
    mle : (stats, known) -> θ̂ in closed form.
    fisher : (θ, n, known) -> the expected information I(θ) = n·i(θ); None likewise.
    density : the model's formula f(x | θ) in LaTeX; ``loglik_tex`` ℓ(θ) in LaTeX.
    discrete : whether x is counted (a PMF, integer bins) or measured (a PDF).
    """

    name: str
    symbol: str
    truth: Param
    start: Param
    domain: tuple[float, float]
    sample: Callable[[float, int, np.random.Generator, float], np.ndarray]
    loglik: Callable[[np.ndarray, Stats, float], np.ndarray]
    mle: Callable[[Stats, float], float]
    density: str
    loglik_tex: str
    discrete: bool
    score: Callable[[float, Stats, float], float] | None = None
    hessian: Callable[[float, Stats, float], float] | None = None
    fisher: Callable[[float, int, float], float] | None = None

    @property
    def regular(self) -> bool:
        return self.score is not None


def _safe_log(x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.log(x)


# --- the five models ----------------------------------------------------------------------------
# Normal with σ known: ℓ(μ) = −n/2·log(2πσ²) − Σ(x − μ)²/(2σ²), Σ(x − μ)² = Σx² − 2μΣx + nμ².


def _normal_loglik(mu: np.ndarray, s: Stats, sigma: float) -> np.ndarray:
    squares = s.squares - 2.0 * mu * s.total + s.n * mu * mu
    return -0.5 * s.n * math.log(2.0 * math.pi * sigma * sigma) - squares / (2.0 * sigma**2)


def _bernoulli_loglik(p: np.ndarray, s: Stats, _: float) -> np.ndarray:
    k = s.total
    with np.errstate(invalid="ignore"):
        return special.xlogy(k, p) + special.xlog1py(s.n - k, -p)


def _poisson_loglik(lam: np.ndarray, s: Stats, _: float) -> np.ndarray:
    return special.xlogy(s.total, lam) - s.n * lam - s.log_factorials


def _exponential_loglik(rate: np.ndarray, s: Stats, _: float) -> np.ndarray:
    return s.n * _safe_log(rate) - rate * s.total


def _uniform_loglik(theta: np.ndarray, s: Stats, _: float) -> np.ndarray:
    theta = np.asarray(theta, dtype=float)
    return np.where(theta >= s.largest, -s.n * _safe_log(np.maximum(theta, 1e-300)), -np.inf)


def _model_params(key: str, label: str, low: float, high: float, truth: float, start: float,
                  step: float, symbol: str, part: str) -> tuple[Param, Param]:  # fmt: skip
    return (
        params.slider(f"lk_{key}", f"True {label}", low, high, truth, step, part=part,
                      doc=f"the true {symbol} the data are drawn with"),
        params.slider(f"lk_{key}0", f"Start {symbol}₀", low, high, start, step, part=part,
                      doc=f"where gradient ascent and Newton's method start (the {label})"),
    )  # fmt: skip


def _models(part: str) -> dict[str, Model]:
    normal = _model_params("mu", "mean μ", -5.0, 5.0, 1.0, -3.0, 0.1, "μ", part)
    bern = _model_params("p", "rate p", 0.01, 0.99, 0.3, 0.9, 0.01, "p", part)
    poisson = _model_params("lam", "rate λ", 0.1, 20.0, 4.0, 12.0, 0.1, "λ", part)
    expo = _model_params("rate", "rate λ", 0.1, 5.0, 1.5, 0.2, 0.05, "λ", part)
    uniform = _model_params("top", "end θ", 0.5, 20.0, 5.0, 10.0, 0.1, "θ", part)
    models = (
        Model(
            "Normal (σ known)", "μ", *normal, (-math.inf, math.inf),
            sample=lambda t, n, rng, sigma: t + sigma * rng.standard_normal(n),
            loglik=_normal_loglik,
            mle=lambda s, _: s.mean,
            score=lambda t, s, sigma: (s.total - s.n * t) / sigma**2,
            hessian=lambda t, s, sigma: -s.n / sigma**2,
            fisher=lambda t, n, sigma: n / sigma**2,
            density=r"f(x\mid\mu)=\tfrac{1}{\sqrt{2\pi}\,\sigma}\,e^{-(x-\mu)^2/(2\sigma^2)}",
            loglik_tex=r"\ell(\mu)=-\tfrac{n}{2}\log(2\pi\sigma^2)"
                       r"-\tfrac{1}{2\sigma^2}\textstyle\sum_i (x_i-\mu)^2",
            discrete=False,
        ),
        Model(
            "Bernoulli", "p", *bern, (0.0, 1.0),
            sample=lambda t, n, rng, _: (rng.random(n) < t).astype(float),
            loglik=_bernoulli_loglik,
            mle=lambda s, _: s.mean,
            score=lambda t, s, _: s.total / t - (s.n - s.total) / (1.0 - t),
            hessian=lambda t, s, _: -s.total / t**2 - (s.n - s.total) / (1.0 - t) ** 2,
            fisher=lambda t, n, _: n / (t * (1.0 - t)),
            density=r"P(x\mid p)=p^{x}(1-p)^{1-x},\ x\in\{0,1\}",
            loglik_tex=r"\ell(p)=k\log p+(n-k)\log(1-p),\ k=\textstyle\sum_i x_i",
            discrete=True,
        ),
        Model(
            "Poisson", "λ", *poisson, (0.0, math.inf),
            sample=lambda t, n, rng, _: rng.poisson(t, n).astype(float),
            loglik=_poisson_loglik,
            mle=lambda s, _: s.mean,
            score=lambda t, s, _: s.total / t - s.n,
            hessian=lambda t, s, _: -s.total / t**2,
            fisher=lambda t, n, _: n / t,
            density=r"P(x\mid\lambda)=\lambda^{x}e^{-\lambda}/x!",
            loglik_tex=r"\ell(\lambda)=\textstyle\sum_i x_i\log\lambda-n\lambda-\sum_i\log x_i!",
            discrete=True,
        ),
        Model(
            "Exponential", "λ", *expo, (0.0, math.inf),
            sample=lambda t, n, rng, _: rng.exponential(1.0 / t, n),
            loglik=_exponential_loglik,
            mle=lambda s, _: s.n / s.total,
            score=lambda t, s, _: s.n / t - s.total,
            hessian=lambda t, s, _: -s.n / t**2,
            fisher=lambda t, n, _: n / t**2,
            density=r"f(x\mid\lambda)=\lambda e^{-\lambda x},\ x\ge 0",
            loglik_tex=r"\ell(\lambda)=n\log\lambda-\lambda\textstyle\sum_i x_i",
            discrete=False,
        ),
        Model(
            "Uniform(0, θ)", "θ", *uniform, (0.0, math.inf),
            sample=lambda t, n, rng, _: t * rng.random(n),
            loglik=_uniform_loglik,
            mle=lambda s, _: s.largest,
            density=r"f(x\mid\theta)=1/\theta,\ 0\le x\le\theta",
            loglik_tex=r"\ell(\theta)=-n\log\theta\ \text{ if } \theta\ge\max_i x_i,"
                       r"\ \text{else } -\infty",
            discrete=False,
        ),
    )  # fmt: skip
    return {model.name: model for model in models}


LIKELIHOOD_PART = "Likelihood & MLE"  # the page part that shows these controls
MODELS = _models(LIKELIHOOD_PART)


def model_params() -> tuple[Param, ...]:
    """Every model's truth and start controls, for the page's declaration."""
    return tuple(p for model in MODELS.values() for p in (model.truth, model.start))


# --- a fit --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Path:
    """The iterates θ₀, θ₁, … of one method, and why it stopped.

    Attributes
    ----------
    thetas, logliks, scores : (k,) the iterates, ℓ and ℓ′ at each.
    stopped : None when it ran all its steps or converged; else the sentence saying at
        which step it left θ's domain (drawn up to the step before).
    converged_at : the first step within :data:`CLOSE` of θ̂ (relative), or None.
    """

    thetas: np.ndarray
    logliks: np.ndarray
    scores: np.ndarray
    stopped: str | None
    converged_at: int | None


@dataclass(frozen=True)
class Fit:
    """A sample from a model, its log-likelihood and its maximum reached three ways."""

    model: str
    data: np.ndarray
    truth: float
    known: float
    stats: Stats
    mle: float
    grid: np.ndarray  # (CURVE_POINTS,) θ values of the drawn curve
    curve: np.ndarray  # ℓ on the grid, −inf outside the support (never drawn)
    observed_information: float | None  # J(θ̂) = −ℓ″(θ̂)
    expected_information: float | None  # I(θ̂) = n·i(θ̂)
    standard_error: float | None  # 1/√J(θ̂)
    ascent: Path | None
    newton: Path | None
    learning_rate: float
    problem: str | None  # why curvature / steps do not apply, or None


def _inside(model: Model, theta: float) -> bool:
    low, high = model.domain
    return math.isfinite(theta) and low < theta < high


def _path(model: Model, s: Stats, known: float, start: float, mle: float,
          step: Callable[[float], float], steps: int, name: str) -> Path:  # fmt: skip
    """Iterate ``step`` from ``start``; stop where it leaves θ's domain or runs away.

    A run "runs away" when it lands more than :data:`RUNAWAY` times as far from θ̂ as it
    started (at least 1): each step overshooting by more than it gains, as gradient ascent
    does past η = 2n/J. The step where it happened is named; earlier steps are kept."""
    thetas = [start]
    stopped = None
    reach = RUNAWAY * max(abs(start - mle), 1.0)
    for k in range(1, steps + 1):
        with np.errstate(all="ignore"):
            nxt = float(step(thetas[-1]))
        if not _inside(model, nxt):
            low, high = model.domain
            side = "below" if math.isfinite(nxt) and nxt <= low else "above"
            where = f"{side} {low:g}" if side == "below" else f"above {high:g}"
            stopped = (f"{name} left {model.symbol}'s range at step {k} (it stepped "
                       f"{where}): the run stops there, steps 0-{k - 1} are drawn.")  # fmt: skip
            break
        if abs(nxt - mle) > reach:
            stopped = (f"{name} diverged at step {k}: each step overshot the top by more "
                       f"than the last, and step {k} landed over {RUNAWAY:g} times as far "
                       f"from the MLE as the start. Steps 0-{k - 1} are drawn.")  # fmt: skip
            break
        thetas.append(nxt)
        if abs(nxt - thetas[-2]) <= 1e-13 * max(1.0, abs(nxt)):
            break
    thetas_a = np.array(thetas)
    scale = max(1.0, abs(mle))
    close = np.flatnonzero(np.abs(thetas_a - mle) <= CLOSE * scale)
    return Path(
        thetas=thetas_a,
        logliks=np.asarray(model.loglik(thetas_a, s, known), dtype=float),
        scores=np.array([model.score(t, s, known) for t in thetas]),  # type: ignore[misc]
        stopped=stopped,
        converged_at=int(close[0]) if close.size else None,
    )


def gradient_ascent(model: Model, s: Stats, known: float, start: float, learning_rate: float,
                    steps: int = ASCENT_STEPS) -> Path:  # fmt: skip
    """θ ← θ + η·ℓ′(θ)/n: ascent on the average log-likelihood, so η does not scale with n."""
    assert model.score is not None
    return _path(model, s, known, start, model.mle(s, known),
                 lambda t: t + learning_rate * model.score(t, s, known) / s.n, steps,
                 "Gradient ascent")  # fmt: skip


def newton(model: Model, s: Stats, known: float, start: float, steps: int = NEWTON_STEPS) -> Path:
    """θ ← θ − ℓ′(θ)/ℓ″(θ): jump to the top of the parabola that matches ℓ at θ."""
    assert model.score is not None and model.hessian is not None
    return _path(model, s, known, start, model.mle(s, known),
                 lambda t: t - model.score(t, s, known) / model.hessian(t, s, known), steps,
                 "Newton's method")  # fmt: skip


def _grid(model: Model, data: np.ndarray, mle: float, truth: float, start: float) -> np.ndarray:
    """θ values that show the curve around θ̂, the truth and the start."""
    low, high = model.domain
    spread = float(np.std(data)) if data.size > 1 else 1.0
    if model.name.startswith("Normal"):
        ends = (min(mle, truth, start) - 1.0, max(mle, truth, start) + 1.0)
    elif model.name == "Bernoulli":
        ends = (0.001, 0.999)
    elif model.name.startswith("Uniform"):
        ends = (0.5 * mle, max(2.0 * mle, truth, start) * 1.1)
    else:
        top = max(mle, truth, start) * 1.6 + spread * 0.1
        ends = (max(top * 1e-3, 1e-3), top)
    grid = np.linspace(max(ends[0], low + 1e-9), min(ends[1], high - 1e-9), CURVE_POINTS)
    return np.union1d(grid, [mle])  # the maximum is on the grid: the curve peaks where it is


@functools.lru_cache(maxsize=32)
def fit(model_name: str, truth: float, n: int, seed: int, start: float,
        learning_rate: float, known: float = 1.0) -> Fit:  # fmt: skip
    """Draw ``n`` seeded values with θ = ``truth`` and fit θ by maximum likelihood."""
    model = MODELS[model_name]
    n = int(min(max(n, 1), MAX_N))
    data = model.sample(float(truth), n, np.random.default_rng(int(seed)), float(known))
    s = sufficient(data)
    mle = float(model.mle(s, known))
    problem = None
    observed = expected = se = None
    ascent = newton_path = None
    if not model.regular:
        problem = (f"ℓ(θ) rises until θ = max xᵢ = {mle:.4g} and is −∞ below it: its maximum is a "
                   "corner, with no slope or curvature there. Gradient ascent and Newton's method "
                   "need both, and the Fisher-information standard error does not apply "
                   "(the MLE's error shrinks like 1/n here, not 1/√n).")  # fmt: skip
    elif not _inside(model, mle):
        problem = (
            f"Every value is {int(mle)}: ℓ({model.symbol}) keeps rising towards "
            f"{model.symbol} = {mle:g}, the edge of its range, where it has no "
            "curvature to give a standard error. More draws or another seed fix it."
        )
    else:
        observed = -float(model.hessian(mle, s, known))  # type: ignore[misc]
        expected = float(model.fisher(mle, n, known))  # type: ignore[misc]
        se = 1.0 / math.sqrt(observed)
    if model.regular:
        start = float(start)
        if _inside(model, start):
            ascent = gradient_ascent(model, s, known, start, float(learning_rate))
            newton_path = newton(model, s, known, start)
    grid = _grid(model, data, mle, float(truth), float(start))
    return Fit(
        model=model.name,
        data=data,
        truth=float(truth),
        known=float(known),
        stats=s,
        mle=mle,
        grid=grid,
        curve=np.asarray(model.loglik(grid, s, known), dtype=float),
        observed_information=observed,
        expected_information=expected,
        standard_error=se,
        ascent=ascent,
        newton=newton_path,
        learning_rate=float(learning_rate),
        problem=problem,
    )


def model_curve(fit: Fit, theta: float) -> tuple[np.ndarray, np.ndarray]:
    """The model's density (a PMF at the integers for counted data) at θ, over the data's
    range and the model's bulk: the curve drawn over the data."""
    name, data = fit.model, fit.data
    high = float(data.max())
    if name == "Bernoulli":
        return np.array([0.0, 1.0]), np.array([1.0 - theta, theta])
    if name == "Poisson":
        xs = np.arange(0.0, max(high, theta + 4.0 * math.sqrt(theta) + 2.0) + 1.0)
        return xs, stats.poisson(theta).pmf(xs)
    if name == "Exponential":
        xs = np.linspace(0.0, max(high, 5.0 / theta), 200)
        return xs, stats.expon(scale=1.0 / theta).pdf(xs)
    if name.startswith("Uniform"):  # a box: the steps drawn as its outline
        right = max(high, theta) * 1.05
        return np.array([0.0, 0.0, theta, theta, right]), np.array(
            [0.0, 1 / theta, 1 / theta, 0.0, 0.0]
        )
    sigma = fit.known
    xs = np.linspace(min(float(data.min()), theta - 3.5 * sigma),
                     max(high, theta + 3.5 * sigma), 200)  # fmt: skip
    return xs, stats.norm(theta, sigma).pdf(xs)


# --- the losses ML minimises -------------------------------------------------------------------


def squared_error(mu: float, data: np.ndarray) -> float:
    """Σ(xᵢ − μ)²: least squares' loss for predicting every x by μ."""
    return float(((np.asarray(data) - mu) ** 2).sum())


def cross_entropy(p: float, labels: np.ndarray) -> float:
    """The mean binary cross-entropy −(1/n)Σ[yᵢ log p + (1 − yᵢ) log(1 − p)] of predicting
    probability p for every label y ∈ {0, 1}."""
    y = np.asarray(labels, dtype=float)
    return float(-np.mean(y * math.log(p) + (1.0 - y) * math.log1p(-p)))
