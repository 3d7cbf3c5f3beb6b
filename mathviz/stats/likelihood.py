"""Likelihood: the log-likelihood ℓ(θ) of one parameter for five models, its maximum found
in closed form, by gradient ascent and by Newton's method, its curvature as Fisher
information and the standard error it gives, and the three classical tests of H₀: θ = θ₀
(Wald, score, likelihood ratio) read off the same curve.

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
ALPHA = 0.05  # the tests' level
CHI2_CRITICAL = float(stats.chi2.isf(ALPHA, 1))  # 3.84: χ²₁'s upper 5% point, = Z95²
TEST_POINTS = 240  # θ values of the curve the tests are drawn on
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
    start : the declared control of the start of gradient ascent and Newton's method.
    null : the declared control of θ₀ in H₀: θ = θ₀; None for the uniform (the tests do
        not apply).
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
    null: Param | None = None

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
        params.slider(f"lk_{key}0", f"Start {symbol}", low, high, start, step, part=part,
                      doc=f"where gradient ascent and Newton's method start (the {label})"),
    )  # fmt: skip


def _null_param(key: str, symbol: str, low: float, high: float, default: float, step: float,
                part: str) -> Param:  # fmt: skip
    """θ₀ of H₀: θ = θ₀. Its range reaches the ends of θ's range (p₀ = 0 or 1, λ₀ = 0),
    where the tests are not defined and a sentence says so."""
    return params.slider(f"lk_{key}_null", f"Null {symbol}₀", low, high, default, step,
                         part=part, help=f"H₀: {symbol} = {symbol}₀, tested three ways",
                         doc=f"{symbol}₀ of the null hypothesis H₀: {symbol} = {symbol}₀ "
                             "(Wald, score and likelihood-ratio tests)")  # fmt: skip


def _models(part: str) -> dict[str, Model]:
    normal = _model_params("mu", "mean μ", -5.0, 5.0, 1.0, -3.0, 0.1, "μ", part)
    bern = _model_params("p", "rate p", 0.01, 0.99, 0.3, 0.9, 0.01, "p", part)
    poisson = _model_params("lam", "rate λ", 0.1, 20.0, 4.0, 12.0, 0.1, "λ", part)
    expo = _model_params("rate", "rate λ", 0.1, 5.0, 1.5, 0.2, 0.05, "λ", part)
    uniform = _model_params("top", "end θ", 0.5, 20.0, 5.0, 10.0, 0.1, "θ", part)
    nulls = {
        "mu": _null_param("mu", "μ", -5.0, 5.0, 0.5, 0.1, part),
        "p": _null_param("p", "p", 0.0, 1.0, 0.5, 0.01, part),
        "lam": _null_param("lam", "λ", 0.0, 20.0, 5.0, 0.1, part),
        "rate": _null_param("rate", "λ", 0.0, 5.0, 1.0, 0.05, part),
    }
    models = (
        Model(
            "Normal (σ known)", "μ", *normal, (-math.inf, math.inf),
            sample=lambda t, n, rng, sigma: t + sigma * rng.standard_normal(n),
            loglik=_normal_loglik,
            mle=lambda s, _: s.mean,
            score=lambda t, s, sigma: (s.total - s.n * t) / sigma**2,
            hessian=lambda t, s, sigma: -s.n / sigma**2,
            fisher=lambda t, n, sigma: n / sigma**2,
            null=nulls["mu"],
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
            null=nulls["p"],
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
            null=nulls["lam"],
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
            null=nulls["rate"],
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
    """Every model's truth, start and null controls, for the page's declaration."""
    return tuple(p for model in MODELS.values()
                 for p in (model.truth, model.start, model.null) if p is not None)  # fmt: skip


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
        try:
            with np.errstate(all="ignore"):
                nxt = float(step(thetas[-1]))
        except ZeroDivisionError:  # ℓ″ = 0: ℓ is straight there (a Poisson sample of zeros)
            stopped = (f"{name} cannot take step {k}: ℓ is a straight line there (ℓ″ = 0), "
                       f"with no top to aim at. Steps 0-{k - 1} are drawn.")  # fmt: skip
            break
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


# --- the three classical tests of H₀: θ = θ₀ -----------------------------------------------------


@dataclass(frozen=True)
class Test:
    """One test of H₀: θ = θ₀: its statistic and χ²₁ p-value, or why it is not defined.

    Attributes
    ----------
    statistic : W, S or LR; None when not defined (``problem`` says why).
    p_value : P(χ²₁ > statistic) (``scipy.stats.chi2.sf``); None likewise.
    problem : the sentence saying why this test is not defined here, or None.
    """

    statistic: float | None
    p_value: float | None
    problem: str | None = None

    @property
    def rejects(self) -> bool | None:
        """Whether H₀ is rejected at :data:`ALPHA` (None when the test is not defined)."""
        return None if self.p_value is None else bool(self.p_value < ALPHA)


@dataclass(frozen=True)
class NullTests:
    """The Wald, score and likelihood-ratio tests of H₀: θ = θ₀ on one sample.

    Attributes
    ----------
    null : θ₀ (None for the uniform, which has none).
    difference : θ̂ − θ₀, the Wald test's horizontal distance.
    observed_information : J(θ̂) = −ℓ″(θ̂), the Wald test's weight (None on the edge).
    score : U(θ₀) = ℓ′(θ₀), the slope the score test measures.
    expected_information : I(θ₀) = n·i(θ₀), the score test's weight.
    loglik_mle, loglik_null : ℓ(θ̂) and ℓ(θ₀); their difference is the likelihood ratio's
        vertical drop.
    wald, score_test, ratio : the three tests; None when ``problem`` is set.
    grid, curve : (TEST_POINTS + 2,) θ from beyond θ₀ to beyond θ̂ (both on it) and ℓ there:
        the curve near its top that the tests are drawn on; None when ``problem`` is set.
    problem : why none of the tests applies (a non-regular model, θ₀ on the edge), or None.

    Notes
    -----
    W = (θ̂ − θ₀)²·J(θ̂), S = U(θ₀)²/I(θ₀), LR = 2[ℓ(θ̂) − ℓ(θ₀)]. Under H₀ each tends to
    χ²₁ as n grows, and the three differ by O(1/√n); for a normal mean with σ known ℓ is a
    parabola and all three equal ((x̄ − μ₀)/(σ/√n))² exactly.
    """

    null: float | None
    difference: float | None = None
    observed_information: float | None = None
    score: float | None = None
    expected_information: float | None = None
    loglik_mle: float | None = None
    loglik_null: float | None = None
    wald: Test | None = None
    score_test: Test | None = None
    ratio: Test | None = None
    grid: np.ndarray | None = None
    curve: np.ndarray | None = None
    problem: str | None = None

    @property
    def ratio_cutoff(self) -> float | None:
        """ℓ(θ̂) − 3.84/2: the LR test rejects at 5% exactly when ℓ(θ₀) lies below it."""
        return None if self.loglik_mle is None else self.loglik_mle - CHI2_CRITICAL / 2

    @property
    def tests(self) -> tuple[tuple[str, Test], ...]:
        """(name, test) of the three, in the textbook's order; empty when none applies."""
        named = (("Wald", self.wald), ("score", self.score_test), ("LR", self.ratio))
        return tuple((name, test) for name, test in named if test is not None)


NON_REGULAR = (
    "The Wald, score and likelihood-ratio tests do not apply to the uniform(0, θ): its "
    "support [0, θ] depends on θ, so ℓ(θ) is −∞ below max xᵢ and jumps to its maximum "
    "there. The three tests measure a smooth peak (its width, its slope at θ₀, its drop) and "
    "their χ²₁ limit needs one; here there is no slope or curvature at the top, and the MLE "
    "settles like 1/n, not 1/√n. A test of θ = θ₀ uses max xᵢ itself: "
    "P(max xᵢ ≤ t) = (t/θ₀)ⁿ."
)


def _test(statistic: float, name: str) -> Test:
    """A test from its statistic and the χ²₁ tail, or a sentence if it is not finite."""
    if not math.isfinite(statistic):
        return Test(None, None, f"The {name} statistic is not a finite number here.")
    statistic = max(statistic, 0.0)  # 2(ℓ̂ − ℓ₀) may round to −10⁻¹³ at θ₀ = θ̂
    return Test(statistic, float(stats.chi2.sf(statistic, 1)))


def test_null(fit: Fit, null: float | None) -> NullTests:
    """The three classical tests of H₀: θ = ``null`` on the fitted sample (see
    :class:`NullTests`); for the uniform (no ``null``) the sentence saying why they do not
    apply.

    Where θ̂ is on the edge of θ's range (every value 0, say) the Wald test is not defined
    (its SE is 0), while the score and likelihood-ratio tests, which look at θ₀, still are."""
    model = MODELS[fit.model]
    s, known, mle, observed = fit.stats, fit.known, fit.mle, fit.observed_information
    if not model.regular or null is None:
        return NullTests(None if null is None else float(null), problem=NON_REGULAR)
    null = float(null)
    t = model.symbol
    if not math.isfinite(null):
        return NullTests(None, problem=f"H₀: {t} = {t}₀ needs a finite number {t}₀ to test.")
    if not _inside(model, null):
        low, high = model.domain
        shown = f"{low:g} < {t} < {high:g}" if math.isfinite(high) else f"{t} > {low:g}"
        return NullTests(null, problem=(
            f"H₀: {t} = {null:g} puts {t} on the edge of its range ({shown}), "
            f"where the information I({t}₀) is infinite and the χ²₁ approximation breaks down: "
            "the Wald, score and likelihood-ratio tests are not defined there. Move "
            f"{t}₀ inside the range."))  # fmt: skip
    ends = np.asarray(model.loglik(np.array([mle, null]), s, known), dtype=float)
    loglik_mle, loglik_null = float(ends[0]), float(ends[1])
    score = float(model.score(null, s, known))  # type: ignore[misc]
    expected = float(model.fisher(null, s.n, known))  # type: ignore[misc]
    if observed is None:
        wald = Test(None, None, (
            f"The Wald test is not defined here: {t}̂ = {mle:g} is on the edge of "
            f"{t}'s range, where its standard error comes out 0 and W would be infinite. The "
            "score and likelihood-ratio tests look at the curve at "
            f"{t}₀ instead, and still work."))  # fmt: skip
    else:
        wald = _test((mle - null) ** 2 * observed, "Wald")
    width = 1.0 / math.sqrt(observed if observed else expected)  # θ̂'s SE, or θ₀'s
    grid = _test_window(model, mle, null, width)
    return NullTests(
        null=null,
        difference=mle - null,
        observed_information=observed,
        score=score,
        expected_information=expected,
        loglik_mle=loglik_mle,
        loglik_null=loglik_null,
        wald=wald,
        score_test=_test(score * score / expected, "score"),
        ratio=_test(2.0 * (loglik_mle - loglik_null), "likelihood-ratio"),
        grid=grid,
        curve=np.asarray(model.loglik(grid, s, known), dtype=float),
    )


def _test_window(model: Model, mle: float, null: float, width: float) -> np.ndarray:
    """θ from a little beyond θ₀ to a little beyond θ̂ (at least 2.5 SEs round θ̂), inside
    θ's range, with θ̂ and θ₀ on it."""
    low, high = model.domain
    left, right = min(mle, null), max(mle, null)
    pad = max(0.3 * (right - left), 2.5 * width)
    grid = np.linspace(max(left - pad, low + 1e-9), min(right + pad, high - 1e-9), TEST_POINTS)
    return np.union1d(grid, [mle, null])


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
