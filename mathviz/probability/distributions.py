"""Probability distributions as a registry: name -> :class:`Distribution`.

Every page that draws from a distribution (the explorer, the limit theorems, the samplers,
statistics) reads it from :data:`DISTRIBUTIONS`: a widget's options are its keys, and adding
a distribution is adding one entry. Each entry wraps a frozen ``scipy.stats`` distribution
(or an object with the same methods: ``pdf``/``pmf``, ``cdf``, ``ppf``, ``mean``, ``var``,
``std``, ``entropy``, ``support``, ``rvs(size=, random_state=)``), built from the values of its
parameters; parameters are declared :class:`mathviz.params.Param` sliders, so a page's URL
keys come straight from the registry.

Beside the frozen distribution, each entry carries what a learner reads about it: its story,
support, PMF/PDF and CDF, the mean, variance and entropy as formulas (LaTeX, with a version
where ``<key>`` stands for the current value of a parameter) and as closed-form functions
(tested against scipy), its relations to other entries (with the target's parameters, for a
link), and the numpy and scipy lines that sample it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from scipy import special, stats

from mathviz import params
from mathviz.core import numbers
from mathviz.params import Param
from mathviz.probability.mixture import GaussianMixture

Values = Mapping[str, float]
EULER_GAMMA = float(np.euler_gamma)


@dataclass(frozen=True)
class Relation:
    """A link from one distribution to another: ``target`` is ``how`` (a limit, a special
    case, a sum, a transform), e.g. Binomial -> Poisson, "n → ∞ with np = λ fixed".

    ``link(values)`` gives the target's parameters matching this distribution's current
    ``values`` (e.g. λ = np), for a link that opens the target; None: the target's defaults.
    """

    target: str
    how: str
    link: Callable[[Values], dict[str, float]] | None = None

    def target_values(self, values: Values) -> dict[str, float]:
        """The target's parameter values for a link from ``values`` (unclamped)."""
        return dict(self.link(values)) if self.link else {}


Repair = Callable[[dict[str, float]], tuple[dict[str, float], tuple[str, ...]]]


@dataclass(frozen=True)
class Distribution:
    """One family of distributions.

    Attributes
    ----------
    name : the registry key, shown to the learner ("Normal").
    discrete : whether it has a PMF on integers (else a PDF).
    parameters : its parameters as declared sliders; the slider's key is the URL key, the
        same key means the same thing (and has the same range) in every distribution.
    build : ``build(**values)`` -> a frozen distribution (see the module docstring).
    story : one paragraph: what it counts or measures, where ML meets it (Markdown).
    support : the support, in LaTeX.
    density_latex : the PMF or PDF, in LaTeX.
    mean_latex, variance_latex : the moments' formulas, in LaTeX.
    related : links to other registry entries.
    numpy_code, scipy_code : lines that sample it, with ``{key}`` fields for the values.
    notation : the family's name in LaTeX with its parameters (``\\mathrm{Bin}(n, p)``).
    symbols : key -> the parameter's symbol in LaTeX (``{"trials": "n"}``).
    labels : key -> the control's label on this distribution (the declared label is the
        registry-wide one; ``Param.with_range(label=...)`` shows this one).
    cdf_latex : the CDF in LaTeX, "" when it has no closed form.
    entropy_latex : the entropy's formula in LaTeX (nats).
    mean_numbers, variance_numbers, entropy_numbers : the formulas with ``<key>`` where the
        current value goes ("" when the numbers would not fit one line).
    mean_of, variance_of, entropy_of : closed forms, ``f(**values) -> float`` (``inf`` when
        infinite, ``nan`` when undefined); None: no closed form (scipy's number is shown).
    mean_needs, variance_needs : when the moment exists, in words with Unicode maths
        ("ν > 1"), for the sentence shown when it does not.
    mean_when, variance_when : the same condition in LaTeX, shown beside the formula.
    repair : ``repair(values) -> (values, sentences)``: a joint check of the parameters
        (a < b; weights not all zero) beyond each one's range.
    plot_tail : the tail probability :meth:`window` leaves out by default.
    """

    name: str
    discrete: bool
    parameters: tuple[Param, ...]
    build: Callable[..., Any]
    story: str = ""
    support: str = ""
    density_latex: str = ""
    mean_latex: str = ""
    variance_latex: str = ""
    related: tuple[Relation, ...] = ()
    numpy_code: str = ""
    scipy_code: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    notation: str = ""
    symbols: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    cdf_latex: str = ""
    entropy_latex: str = ""
    mean_numbers: str = ""
    variance_numbers: str = ""
    entropy_numbers: str = ""
    mean_of: Callable[..., float] | None = None
    variance_of: Callable[..., float] | None = None
    entropy_of: Callable[..., float] | None = None
    mean_needs: str = ""
    variance_needs: str = ""
    mean_when: str = ""
    variance_when: str = ""
    repair: Repair | None = None
    plot_tail: float = 1e-3

    @property
    def keys(self) -> tuple[str, ...]:
        """The URL keys of its parameters."""
        return tuple(p.key for p in self.parameters)

    def _clamped(self, given: Mapping[str, Any] | None) -> tuple[dict[str, float], list[str]]:
        given = given or {}
        out, problems = {}, []
        for p in self.parameters:
            raw = given.get(p.key, p.default)
            try:
                value = float(raw)
            except (TypeError, ValueError):
                value = float("nan")
            if not np.isfinite(value):
                problems.append(
                    f"{self.label(p.key)} cannot be {raw!r}: using {numbers.text(p.default)}."
                )
                value = float(p.default)
            clamped = min(max(value, float(p.low)), float(p.high))
            if clamped != value:
                problems.append(
                    f"{self.label(p.key)} = {numbers.text(value)} is outside "
                    f"{numbers.text(p.low)} to {numbers.text(p.high)}: using "
                    f"{numbers.text(clamped)}."
                )
            out[p.key] = int(round(clamped)) if p.whole else clamped
        if self.repair is not None:
            out, repaired = self.repair(out)
            problems.extend(repaired)
        return out, problems

    def values(self, given: Mapping[str, Any] | None = None) -> dict[str, float]:
        """Its parameters' values: ``given`` where set, else the defaults; each clamped into
        its declared range (a link can carry anything), then checked jointly (``repair``)."""
        return self._clamped(given)[0]

    def problems(self, given: Mapping[str, Any] | None = None) -> tuple[str, ...]:
        """Sentences saying what :meth:`values` changed in ``given`` (empty when nothing)."""
        return tuple(self._clamped(given)[1])

    def frozen(self, given: Mapping[str, Any] | None = None) -> Any:
        """The frozen distribution at these parameter values (clamped, see :meth:`values`)."""
        return _frozen(self.name, tuple(sorted(self.values(given).items())))

    def sample(self, rng: np.random.Generator, size: int, given=None) -> np.ndarray:
        """``size`` draws, from a seeded ``numpy.random.Generator``."""
        return np.asarray(self.frozen(given).rvs(size=size, random_state=rng), dtype=float)

    def window(self, given=None, tail: float | None = None) -> tuple[float, float]:
        """A plotting range: from the ``tail`` to the ``1 - tail`` quantile (finite);
        ``tail`` defaults to the distribution's own (smaller for light tails)."""
        tail = self.plot_tail if tail is None else tail
        rv = self.frozen(given)
        low, high = float(rv.ppf(tail)), float(rv.ppf(1 - tail))
        if self.discrete:
            low, high = np.floor(low) - 0.5, np.ceil(high) + 0.5
        elif high <= low:  # cannot happen for a continuous law; a guard for the axis
            high = low + 1.0
        return float(low), float(high)

    def label(self, key: str) -> str:
        """The control's label on this distribution (its own symbol)."""
        if key in self.labels:
            return self.labels[key]
        return next(p.label for p in self.parameters if p.key == key)

    def controls(self) -> tuple[Param, ...]:
        """Its parameters as this distribution shows them (its own labels)."""
        return tuple(p.with_range(label=self.label(p.key)) for p in self.parameters)

    def symbol(self, key: str) -> str:
        """The parameter's symbol in LaTeX."""
        return self.symbols.get(key, key)

    def fill(self, template: str, given: Mapping[str, Any] | None = None) -> str:
        """``template`` with each ``<key>`` replaced by the value in LaTeX (negative values
        in brackets)."""
        values = self.values(given)

        def value(match: re.Match) -> str:
            x = values[match.group(1)]
            shown = numbers.tex(x, 4)
            return f"({shown})" if x < 0 else shown

        return re.sub(r"<(\w+)>", value, template)

    def code(self, given: Mapping[str, Any] | None = None) -> tuple[str, str]:
        """The numpy and scipy lines that draw ``n`` samples, with the current values."""
        shown = {key: _code_number(x) for key, x in self.values(given).items()}
        return self.numpy_code.format(**shown), self.scipy_code.format(**shown)

    def moment(self, which: str, given: Mapping[str, Any] | None = None) -> float:
        """``mean``, ``variance`` or ``entropy`` at these values: the closed form when the
        entry has one, else the frozen distribution's (scipy's) number."""
        closed = {"mean": self.mean_of, "variance": self.variance_of, "entropy": self.entropy_of}
        if which not in closed:
            raise KeyError(which)
        function = closed[which]
        if function is not None:
            return float(function(**self.values(given)))
        rv = self.frozen(given)
        return float({"mean": rv.mean, "variance": rv.var, "entropy": rv.entropy}[which]())


def _code_number(x: float) -> str:
    """A value as code writes it: ``3``, ``0.25``, ``-1.5`` (no float noise)."""
    if isinstance(x, int):
        return str(x)
    return f"{x:.6g}"


def _build(name: str, values: Values) -> Any:
    return DISTRIBUTIONS[name].build(**values)


@functools.lru_cache(maxsize=512)
def _frozen(name: str, items: tuple[tuple[str, float], ...]) -> Any:
    """The frozen distribution, cached by its values (scipy's freezing costs ~0.1-1 ms)."""
    return _build(name, dict(items))


# --- parameters, one per URL key (the same key means the same thing everywhere) -------------
PROB = params.slider(
    "prob",
    "Success probability p",
    0.01,
    0.99,
    0.5,
    0.01,
    doc="a Bernoulli, binomial, geometric or negative-binomial probability of success",
)
TRIALS = params.slider("trials", "Trials n", 1, 200, 10, 1, doc="the binomial's number of trials")
LAM = params.slider(
    "lam", "Mean λ", 0.1, 50.0, 4.0, 0.1, doc="the Poisson's mean number of events λ"
)
SUCCESSES = params.slider(
    "succ", "Successes r", 1, 50, 3, 1, doc="the negative binomial's number of successes r"
)
IMIN = params.slider(
    "imin", "Smallest value a", -10, 19, 1, 1, doc="the discrete uniform's smallest value"
)
IMAX = params.slider(
    "imax", "Largest value b", -9, 20, 6, 1, doc="the discrete uniform's largest value (above a)"
)
WEIGHTS = tuple(
    params.slider(f"w{face}", f"Weight of face {face}", 0, 10, 5 if face == 6 else 1, 1,
                  doc=f"the loaded die's weight of face {face} (weights are normalised)")
    for face in range(1, 7)
)  # fmt: skip
LO = params.slider("lo", "Lower end a", -10.0, 10.0, 0.0, 0.1, doc="the uniform's lower end a")
HI = params.slider(
    "hi", "Upper end b", -10.0, 10.0, 1.0, 0.1, doc="the uniform's upper end b (above a)"
)
MU = params.slider(
    "mu",
    "Location μ",
    -10.0,
    10.0,
    0.0,
    0.1,
    doc="a location: the normal's mean, the centre of Laplace, logistic, Cauchy",
)
SIGMA = params.slider(
    "sigma", "Standard deviation σ", 0.1, 10.0, 1.0, 0.1, doc="the normal's standard deviation"
)
RATE = params.slider(
    "rate", "Rate λ", 0.05, 10.0, 1.0, 0.05, doc="a rate: the exponential's λ (mean 1/λ)"
)
SHAPE = params.slider(
    "kshape", "Shape k", 0.5, 20.0, 2.0, 0.1, doc="a shape: the gamma's or Weibull's k"
)
SCALE = params.slider(
    "scale",
    "Scale",
    0.1,
    10.0,
    1.0,
    0.1,
    doc="a scale: gamma's θ, Weibull's λ, Laplace's b, logistic's s, Cauchy's γ",
)
BETA_A = params.slider("beta_a", "Shape α", 0.2, 20.0, 2.0, 0.1, doc="the beta's α")
BETA_B = params.slider("beta_b", "Shape β", 0.2, 20.0, 5.0, 0.1, doc="the beta's β")
DF = params.slider(
    "df",
    "Degrees of freedom",
    1,
    100,
    5,
    1,
    doc="degrees of freedom: Student t's ν, χ²'s k, F's first d₁",
)
DF2 = params.slider(
    "df2",
    "Second degrees of freedom d₂",
    1,
    100,
    10,
    1,
    doc="the F distribution's second degrees of freedom d₂",
)
LOGMU = params.slider(
    "logmu", "μ of ln X", -2.0, 2.0, 0.0, 0.1, doc="the log-normal's μ, the mean of ln X"
)
LOGSIGMA = params.slider(
    "logsigma",
    "σ of ln X",
    0.1,
    2.0,
    0.5,
    0.05,
    doc="the log-normal's σ, the standard deviation of ln X",
)
MIXW = params.slider(
    "mixw",
    "Weight π of bump 1",
    0.0,
    1.0,
    0.3,
    0.01,
    doc="the Gaussian mixture's weight of its first component",
)
MU1 = params.slider(
    "mu1", "Mean μ₁", -10.0, 10.0, -2.0, 0.1, doc="the Gaussian mixture's first mean"
)
SD1 = params.slider(
    "sd1",
    "Standard deviation σ₁",
    0.1,
    5.0,
    0.7,
    0.1,
    doc="the Gaussian mixture's first standard deviation",
)
MU2 = params.slider(
    "mu2", "Mean μ₂", -10.0, 10.0, 2.0, 0.1, doc="the Gaussian mixture's second mean"
)
SD2 = params.slider(
    "sd2",
    "Standard deviation σ₂",
    0.1,
    5.0,
    1.0,
    0.1,
    doc="the Gaussian mixture's second standard deviation",
)


def _default(param: Param, default: float) -> Param:
    """``param`` with a default of its own on one distribution (the range is the key's)."""
    return replace(param, default=default)


# --- joint checks ------------------------------------------------------------------------------


def _repair_uniform(values: dict[str, float]) -> tuple[dict[str, float], tuple[str, ...]]:
    """a < b: when not, b = a + 1 (the interval must have a length)."""
    if values["hi"] > values["lo"]:
        return values, ()
    lo, hi = values["lo"], values["hi"]
    fixed = {**values, "hi": lo + 1.0}
    return fixed, (
        f"The upper end b = {numbers.text(hi)} must be above the lower end a = "
        f"{numbers.text(lo)}: using b = {numbers.text(lo + 1.0)}.",
    )


def _repair_integers(values: dict[str, float]) -> tuple[dict[str, float], tuple[str, ...]]:
    """a < b: when not, b = a + 1 (two values at least: one is no randomness at all)."""
    if values["imax"] > values["imin"]:
        return values, ()
    a, b = values["imin"], values["imax"]
    return {**values, "imax": a + 1}, (
        f"The largest value b = {b} must be above the smallest a = {a}: using b = {a + 1}.",
    )


def _repair_die(values: dict[str, float]) -> tuple[dict[str, float], tuple[str, ...]]:
    """Weights that sum to 0 describe no die: a fair one instead."""
    if sum(values[f"w{face}"] for face in range(1, 7)) > 0:
        return values, ()
    return {**values, **{f"w{face}": 1 for face in range(1, 7)}}, (
        "All six weights are 0, which is no die at all: showing a fair die (every weight 1).",
    )


def die_probabilities(**values: float) -> np.ndarray:
    """The loaded die's face probabilities: its weights w₁..w₆ divided by their sum."""
    weights = np.array([values[f"w{face}"] for face in range(1, 7)], dtype=float)
    return weights / weights.sum()


def _die(**values: float) -> Any:
    return stats.rv_discrete(values=(np.arange(1, 7), die_probabilities(**values)))


def _die_mean(**values: float) -> float:
    return float(np.arange(1, 7) @ die_probabilities(**values))


def _die_variance(**values: float) -> float:
    faces, p = np.arange(1, 7), die_probabilities(**values)
    return float(faces**2 @ p - (faces @ p) ** 2)


def _die_entropy(**values: float) -> float:
    p = die_probabilities(**values)
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


# --- closed forms that need more than one line --------------------------------------------------


def _t_mean(df: float) -> float:
    return 0.0 if df > 1 else math.nan


def _t_variance(df: float) -> float:
    if df > 2:
        return df / (df - 2)
    return math.inf if df > 1 else math.nan


def _t_entropy(df: float) -> float:
    return float(
        (df + 1) / 2 * (special.digamma((df + 1) / 2) - special.digamma(df / 2))
        + math.log(math.sqrt(df) * special.beta(df / 2, 0.5))
    )


def _f_mean(df: float, df2: float) -> float:
    return df2 / (df2 - 2) if df2 > 2 else math.inf


def _f_variance(df: float, df2: float) -> float:
    if df2 > 4:
        return 2 * df2**2 * (df + df2 - 2) / (df * (df2 - 2) ** 2 * (df2 - 4))
    return math.inf if df2 > 2 else math.nan


def _f_entropy(df: float, df2: float) -> float:
    a, b = df / 2, df2 / 2
    return float(
        math.log(df2 / df) + special.betaln(a, b) + (1 - a) * special.digamma(a)
        - (1 + b) * special.digamma(b) + (a + b) * special.digamma(a + b)
    )  # fmt: skip


def _beta_entropy(beta_a: float, beta_b: float) -> float:
    a, b = beta_a, beta_b
    return float(
        special.betaln(a, b) - (a - 1) * special.digamma(a) - (b - 1) * special.digamma(b)
        + (a + b - 2) * special.digamma(a + b)
    )  # fmt: skip


def _gamma_entropy(kshape: float, scale: float) -> float:
    k = kshape
    return float(k + math.log(scale) + special.gammaln(k) + (1 - k) * special.digamma(k))


def _chi2_entropy(df: float) -> float:
    h = df / 2
    return float(h + math.log(2) + special.gammaln(h) + (1 - h) * special.digamma(h))


def entropy_by_sum(rv: Any, tail: float = 1e-16) -> float:
    """−Σ p(x) ln p(x) of a frozen discrete distribution, summed over every x between its
    ``tail`` and ``1 - tail`` quantiles (scipy's own sum stops early for wide laws)."""
    low, high = rv.ppf(tail), rv.ppf(1 - tail)
    x = np.arange(max(low, rv.support()[0]), high + 1)
    log_p = rv.logpmf(x)
    p = np.exp(log_p)
    keep = p > 0
    return float(-(p[keep] * log_p[keep]).sum())


def _geometric_entropy(prob: float) -> float:
    p, q = prob, 1 - prob
    return (-q * math.log(q) - p * math.log(p)) / p


def _weibull_mean(kshape: float, scale: float) -> float:
    return scale * math.gamma(1 + 1 / kshape)


def _weibull_variance(kshape: float, scale: float) -> float:
    return scale**2 * (math.gamma(1 + 2 / kshape) - math.gamma(1 + 1 / kshape) ** 2)


def _mixture_mean(mixw: float, mu1: float, sd1: float, mu2: float, sd2: float) -> float:
    return mixw * mu1 + (1 - mixw) * mu2


def _mixture_variance(mixw: float, mu1: float, sd1: float, mu2: float, sd2: float) -> float:
    return mixw * sd1**2 + (1 - mixw) * sd2**2 + mixw * (1 - mixw) * (mu1 - mu2) ** 2


SUM_ENTROPY = r"-\sum_x p(x) \ln p(x)"
INTEGRAL_ENTROPY = r"-\int f(x) \ln f(x)\, dx"
FLOOR = r"\lfloor x \rfloor"

# --- the registry -------------------------------------------------------------------------------
_ENTRIES = (
    Distribution(
        "Bernoulli", True, (PROB,), lambda prob: stats.bernoulli(prob),
        story="One yes-or-no trial: a coin flip, a click, a pixel that is on. It is 1 with "
              "probability p and 0 otherwise. A binary classifier's sigmoid output is a "
              "Bernoulli p, and the log-loss it is trained with is the Bernoulli's negative "
              "log-likelihood; dropout keeps each unit with a Bernoulli draw.",
        support=r"x \in \{0, 1\}",
        notation=r"\mathrm{Bernoulli}(p)", symbols={"prob": "p"},
        density_latex=r"P(X = x) = p^{x} (1 - p)^{1 - x}",
        cdf_latex=r"F(x) = \begin{cases} 0 & x < 0 \\ 1 - p & 0 \le x < 1 \\ 1 & x \ge 1 "
                  r"\end{cases}",
        mean_latex="p", mean_numbers="<prob>", mean_of=lambda prob: prob,
        variance_latex="p(1 - p)", variance_numbers=r"<prob> \cdot (1 - <prob>)",
        variance_of=lambda prob: prob * (1 - prob),
        entropy_latex=r"-p \ln p - (1 - p) \ln (1 - p)",
        entropy_of=lambda prob: -prob * math.log(prob) - (1 - prob) * math.log(1 - prob),
        related=(
            Relation("Binomial", "the sum of n independent Bernoulli(p) trials; n = 1 is "
                     "this one", lambda v: {"trials": 1, "prob": v["prob"]}),
            Relation("Geometric", "the number of Bernoulli(p) trials up to the first success",
                     lambda v: {"prob": v["prob"]}),
            Relation("Beta", "its conjugate prior: a Beta(α, β) belief about p",
                     lambda v: {"beta_a": 2.0, "beta_b": 2.0}),
        ),
        numpy_code="rng.binomial(1, {prob}, size=n)",
        scipy_code="stats.bernoulli({prob}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Binomial", True, (TRIALS, _default(PROB, 0.3)),
        lambda trials, prob: stats.binom(trials, prob),
        story="The number of successes in n independent trials that each succeed with "
              "probability p: heads in n flips, correct answers on a test, clicks among n "
              "impressions. An accuracy measured on n test examples is a binomial count "
              "divided by n, which is why its error bar is √(p(1 − p)/n).",
        support=r"x \in \{0, 1, \dots, n\}",
        notation=r"\mathrm{Bin}(n, p)", symbols={"trials": "n", "prob": "p"},
        density_latex=r"P(X = x) = \binom{n}{x} p^{x} (1 - p)^{n - x}",
        cdf_latex=r"F(x) = I_{1 - p}(n - " + FLOOR + r", 1 + " + FLOOR + r")",
        mean_latex="np", mean_numbers=r"<trials> \cdot <prob>",
        mean_of=lambda trials, prob: trials * prob,
        variance_latex="np(1 - p)", variance_numbers=r"<trials> \cdot <prob> \cdot (1 - <prob>)",
        variance_of=lambda trials, prob: trials * prob * (1 - prob),
        entropy_latex=SUM_ENTROPY + r" \\ \approx \tfrac12 \ln\big(2\pi e\, np(1 - p)\big)",
        entropy_of=lambda trials, prob: entropy_by_sum(stats.binom(trials, prob)),
        related=(
            Relation("Bernoulli", "n = 1: one trial", lambda v: {"prob": v["prob"]}),
            Relation("Poisson", "n → ∞ and p → 0 with np = λ fixed (rare events)",
                     lambda v: {"lam": v["trials"] * v["prob"]}),
            Relation("Normal", "n large: approximately N(np, np(1 − p)) (de Moivre–Laplace)",
                     lambda v: {"mu": v["trials"] * v["prob"],
                                "sigma": math.sqrt(v["trials"] * v["prob"] * (1 - v["prob"]))}),
            Relation("Negative binomial", "fixes the successes r and counts the failures "
                     "instead of fixing the trials", lambda v: {"prob": v["prob"]}),
        ),
        numpy_code="rng.binomial({trials}, {prob}, size=n)",
        scipy_code="stats.binom({trials}, {prob}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Geometric", True, (_default(PROB, 0.25),), lambda prob: stats.geom(prob),
        story="The number of trials up to and including the first success: how many rolls "
              "until a six, how many queries until a hit. It is memoryless: having failed "
              "ten times does not make the next success nearer. Its mean 1/p is the "
              "expected wait, e.g. for a rare positive in rejection sampling (1/acceptance "
              "rate proposals per accepted draw).",
        support=r"x \in \{1, 2, 3, \dots\}",
        notation=r"\mathrm{Geom}(p)", symbols={"prob": "p"},
        density_latex=r"P(X = x) = (1 - p)^{x - 1} p",
        cdf_latex=r"F(x) = 1 - (1 - p)^{" + FLOOR + "}",
        mean_latex=r"\frac{1}{p}", mean_numbers=r"\frac{1}{<prob>}", mean_of=lambda prob: 1 / prob,
        variance_latex=r"\frac{1 - p}{p^2}", variance_numbers=r"\frac{1 - <prob>}{<prob>^2}",
        variance_of=lambda prob: (1 - prob) / prob**2,
        entropy_latex=r"\frac{-(1 - p)\ln(1 - p) - p \ln p}{p}", entropy_of=_geometric_entropy,
        related=(
            Relation("Negative binomial", "r = 1, counting failures: X − 1 ~ NB(1, p)",
                     lambda v: {"succ": 1, "prob": v["prob"]}),
            Relation("Exponential", "its continuous twin: the memoryless waiting time "
                     "(p → 0 with time in units of 1/p)", lambda v: {"rate": v["prob"]}),
            Relation("Bernoulli", "counts Bernoulli(p) trials until the first 1",
                     lambda v: {"prob": v["prob"]}),
        ),
        numpy_code="rng.geometric({prob}, size=n)",
        scipy_code="stats.geom({prob}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Poisson", True, (LAM,), lambda lam: stats.poisson(lam),
        story="The number of events in a fixed window when they happen independently at a "
              "steady rate: requests per second, typos per page, photons per pixel. Mean and "
              "variance are both λ. Count models (Poisson regression, a GLM with a log link) "
              "and the noise of photon-limited images are Poisson.",
        support=r"x \in \{0, 1, 2, \dots\}",
        notation=r"\mathrm{Poisson}(\lambda)", symbols={"lam": r"\lambda"},
        density_latex=r"P(X = x) = \frac{\lambda^{x} e^{-\lambda}}{x!}",
        cdf_latex=r"F(x) = e^{-\lambda} \sum_{j=0}^{" + FLOOR + r"} \frac{\lambda^{j}}{j!}",
        mean_latex=r"\lambda", mean_numbers="<lam>", mean_of=lambda lam: lam,
        variance_latex=r"\lambda", variance_numbers="<lam>", variance_of=lambda lam: lam,
        entropy_latex=SUM_ENTROPY + r" \\ \approx \tfrac12 \ln(2\pi e \lambda)",
        entropy_of=lambda lam: entropy_by_sum(stats.poisson(lam)),
        related=(
            Relation("Binomial", "its origin: Bin(n, λ/n) as n → ∞",
                     lambda v: {"trials": 200, "prob": min(v["lam"] / 200, 0.99)}),
            Relation("Normal", "λ large: approximately N(λ, λ)",
                     lambda v: {"mu": v["lam"], "sigma": math.sqrt(v["lam"])}),
            Relation("Exponential", "the waiting time between Poisson events at rate λ",
                     lambda v: {"rate": v["lam"]}),
            Relation("Gamma", "the waiting time for the k-th event, Gamma(k, 1/λ)",
                     lambda v: {"kshape": 3.0, "scale": 1 / v["lam"]}),
        ),
        numpy_code="rng.poisson({lam}, size=n)",
        scipy_code="stats.poisson({lam}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Negative binomial", True, (SUCCESSES, PROB),
        lambda succ, prob: stats.nbinom(succ, prob),
        story="The number of failures before the r-th success of independent trials with "
              "success probability p. Its variance is larger than its mean, so it models "
              "over-dispersed counts that a Poisson cannot: word counts in documents, gene "
              "read counts, the number of sales per customer.",
        support=r"x \in \{0, 1, 2, \dots\}",
        notation=r"\mathrm{NB}(r, p)", symbols={"succ": "r", "prob": "p"},
        density_latex=r"P(X = x) = \binom{x + r - 1}{x} p^{r} (1 - p)^{x}",
        cdf_latex=r"F(x) = I_{p}(r, 1 + " + FLOOR + ")",
        mean_latex=r"\frac{r(1 - p)}{p}", mean_numbers=r"\frac{<succ> \cdot (1 - <prob>)}{<prob>}",
        mean_of=lambda succ, prob: succ * (1 - prob) / prob,
        variance_latex=r"\frac{r(1 - p)}{p^2}",
        variance_numbers=r"\frac{<succ> \cdot (1 - <prob>)}{<prob>^2}",
        variance_of=lambda succ, prob: succ * (1 - prob) / prob**2,
        entropy_latex=SUM_ENTROPY,
        entropy_of=lambda succ, prob: entropy_by_sum(stats.nbinom(succ, prob)),
        related=(
            Relation("Geometric", "r = 1 (counting failures: 1 + NB(1, p) is geometric)",
                     lambda v: {"prob": v["prob"]}),
            Relation("Poisson", "r → ∞ with the mean r(1 − p)/p = λ fixed",
                     lambda v: {"lam": v["succ"] * (1 - v["prob"]) / v["prob"]}),
            Relation("Gamma", "a Poisson whose rate is Gamma-distributed (a gamma–Poisson "
                     "mixture)", lambda v: {"kshape": float(v["succ"]),
                                            "scale": (1 - v["prob"]) / v["prob"]}),
        ),
        numpy_code="rng.negative_binomial({succ}, {prob}, size=n)",
        scipy_code="stats.nbinom({succ}, {prob}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Discrete uniform", True, (IMIN, IMAX),
        lambda imin, imax: stats.randint(imin, imax + 1),
        story="Every whole number from a to b equally likely: a fair die, a random index "
              "into a dataset, a uniformly chosen class. Shuffling, mini-batch sampling and "
              "random initial cluster centres all begin with discrete uniform draws. It has "
              "the most entropy of any distribution on b − a + 1 values.",
        support=r"x \in \{a, a + 1, \dots, b\}",
        notation=r"\mathcal{U}\{a, b\}", symbols={"imin": "a", "imax": "b"},
        density_latex=r"P(X = x) = \frac{1}{b - a + 1}",
        cdf_latex=r"F(x) = \frac{" + FLOOR + r" - a + 1}{b - a + 1}",
        mean_latex=r"\frac{a + b}{2}", mean_numbers=r"\frac{<imin> + <imax>}{2}",
        mean_of=lambda imin, imax: (imin + imax) / 2,
        variance_latex=r"\frac{(b - a + 1)^2 - 1}{12}",
        variance_numbers=r"\frac{(<imax> - <imin> + 1)^2 - 1}{12}",
        variance_of=lambda imin, imax: ((imax - imin + 1) ** 2 - 1) / 12,
        entropy_latex=r"\ln(b - a + 1)", entropy_numbers=r"\ln(<imax> - <imin> + 1)",
        entropy_of=lambda imin, imax: math.log(imax - imin + 1),
        related=(
            Relation("Loaded die", "a = 1, b = 6 is a fair die: load it",
                     lambda v: {f"w{face}": 1 for face in range(1, 7)}),
            Relation("Uniform", "its continuous twin on [a, b]",
                     lambda v: {"lo": float(v["imin"]), "hi": float(v["imax"])}),
            Relation("Bernoulli", "a = 0, b = 1 is a fair coin", lambda v: {"prob": 0.5}),
        ),
        numpy_code="rng.integers({imin}, {imax} + 1, size=n)",
        scipy_code="stats.randint({imin}, {imax} + 1).rvs(size=n, random_state=rng)",
        repair=_repair_integers,
    ),
    Distribution(
        "Loaded die", True, WEIGHTS, _die,
        story="A die whose six faces have probabilities of your choosing: set a weight per "
              "face and they are divided by their sum. Any distribution on a few values is a "
              "loaded die: a language model's next-token choice is one with a face per "
              "token, a classifier's softmax is one with a face per class, and sampling it "
              "is one draw from a categorical distribution.",
        support=r"x \in \{1, 2, 3, 4, 5, 6\}",
        notation=r"\mathrm{Categorical}(p_1, \dots, p_6)",
        symbols={f"w{face}": f"w_{face}" for face in range(1, 7)},
        density_latex=r"P(X = i) = p_i = \frac{w_i}{w_1 + \dots + w_6}",
        cdf_latex=r"F(x) = \sum_{i \le x} p_i",
        mean_latex=r"\sum_{i=1}^{6} i\, p_i", mean_of=_die_mean,
        variance_latex=r"\sum_{i=1}^{6} i^2 p_i - \Big(\sum_{i=1}^{6} i\, p_i\Big)^2",
        variance_of=_die_variance,
        entropy_latex=r"-\sum_{i=1}^{6} p_i \ln p_i", entropy_of=_die_entropy,
        related=(
            Relation("Discrete uniform", "all six weights equal: a fair die, uniform on 1..6",
                     lambda v: {"imin": 1, "imax": 6}),
            Relation("Bernoulli", "two faces only: a (loaded) coin",
                     lambda v: {"prob": 0.5}),
        ),
        numpy_code="w = np.array([{w1}, {w2}, {w3}, {w4}, {w5}, {w6}])\n"
                   "rng.choice(np.arange(1, 7), size=n, p=w / w.sum())",
        scipy_code="w = np.array([{w1}, {w2}, {w3}, {w4}, {w5}, {w6}])\n"
                   "stats.rv_discrete(values=(np.arange(1, 7), w / w.sum()))"
                   ".rvs(size=n, random_state=rng)",
        repair=_repair_die,
    ),
    Distribution(
        "Uniform", False, (LO, HI), lambda lo, hi: stats.uniform(lo, hi - lo),
        story="Every value between a and b equally likely. Random number generators start "
              "here, and inverse-transform sampling turns a Uniform(0, 1) draw into a draw of "
              "any other distribution through its inverse CDF. Random search over "
              "hyper-parameters and the Glorot/He uniform initialisations draw from it too.",
        support=r"x \in [a, b]",
        notation=r"\mathcal{U}(a, b)", symbols={"lo": "a", "hi": "b"},
        density_latex=r"f(x) = \frac{1}{b - a}",
        cdf_latex=r"F(x) = \frac{x - a}{b - a}, \quad a \le x \le b",
        mean_latex=r"\frac{a + b}{2}", mean_numbers=r"\frac{<lo> + <hi>}{2}",
        mean_of=lambda lo, hi: (lo + hi) / 2,
        variance_latex=r"\frac{(b - a)^2}{12}", variance_numbers=r"\frac{(<hi> - <lo>)^2}{12}",
        variance_of=lambda lo, hi: (hi - lo) ** 2 / 12,
        entropy_latex=r"\ln(b - a)", entropy_numbers=r"\ln(<hi> - <lo>)",
        entropy_of=lambda lo, hi: math.log(hi - lo),
        related=(
            Relation("Beta", "Beta(1, 1) is Uniform(0, 1)",
                     lambda v: {"beta_a": 1.0, "beta_b": 1.0}),
            Relation("Exponential", "−ln(U)/λ for U ~ Uniform(0, 1) (inverse transform)",
                     lambda v: {"rate": 1.0}),
            Relation("Logistic", "ln(U/(1 − U)), the logit of a uniform, is Logistic(0, 1)",
                     lambda v: {"mu": 0.0, "scale": 1.0}),
            Relation("Discrete uniform", "its whole-number twin",
                     lambda v: {"imin": math.ceil(v["lo"]), "imax": math.floor(v["hi"])}),
        ),
        numpy_code="rng.uniform({lo}, {hi}, size=n)",
        scipy_code="stats.uniform({lo}, {hi} - {lo}).rvs(size=n, random_state=rng)",
        repair=_repair_uniform,
    ),
    Distribution(
        "Normal", False, (MU, SIGMA), lambda mu, sigma: stats.norm(mu, sigma),
        story="The bell curve: the sum of many small independent effects (the central limit "
              "theorem). Measurement noise, the least-squares loss (its negative "
              "log-likelihood), weight initialisation, the noise of diffusion models and "
              "VAEs' latent space are Gaussian. Among all distributions with a given mean "
              "and variance it has the most entropy.",
        support=r"x \in \mathbb{R}",
        notation=r"\mathcal{N}(\mu, \sigma^2)", symbols={"mu": r"\mu", "sigma": r"\sigma"},
        labels={"mu": "Mean μ"},
        density_latex=r"f(x) = \frac{1}{\sigma\sqrt{2\pi}} e^{-\frac{(x - \mu)^2}{2\sigma^2}}",
        cdf_latex=r"F(x) = \tfrac12\Big[1 + \operatorname{erf}\Big(\frac{x - \mu}"
                  r"{\sigma\sqrt2}\Big)\Big]",
        mean_latex=r"\mu", mean_numbers="<mu>", mean_of=lambda mu, sigma: mu,
        variance_latex=r"\sigma^2", variance_numbers="<sigma>^2",
        variance_of=lambda mu, sigma: sigma**2,
        entropy_latex=r"\tfrac12 \ln(2\pi e \sigma^2)",
        entropy_numbers=r"\tfrac12 \ln(2\pi e \cdot <sigma>^2)",
        entropy_of=lambda mu, sigma: 0.5 * math.log(2 * math.pi * math.e * sigma**2),
        related=(
            Relation("Student t", "the t with ν → ∞ degrees of freedom is N(0, 1)",
                     lambda v: {"df": 100}),
            Relation("Log-normal", "e^X for X ~ N(μ, σ²)",
                     lambda v: {"logmu": v["mu"], "logsigma": v["sigma"]}),
            Relation("Chi-squared", "the sum of k squared standard normals is χ²(k)",
                     lambda v: {"df": 3}),
            Relation("Gaussian mixture", "a weighted sum of two normals",
                     lambda v: {"mu1": v["mu"] - v["sigma"], "sd1": min(v["sigma"], 5.0),
                                "mu2": v["mu"] + 2 * v["sigma"], "sd2": min(v["sigma"], 5.0)}),
            Relation("Cauchy", "the ratio of two independent standard normals",
                     lambda v: {"mu": 0.0, "scale": 1.0}),
        ),
        numpy_code="rng.normal({mu}, {sigma}, size=n)",
        scipy_code="stats.norm({mu}, {sigma}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Exponential", False, (RATE,), lambda rate: stats.expon(scale=1 / rate),
        story="The waiting time until the next event of a steady random process: the next "
              "request, the next decay, the next failure. Like the geometric it is "
              "memoryless. Survival models start from it; an L1-type Laplace prior is two "
              "exponentials back to back, and −ln U turns uniforms into exponentials.",
        support=r"x \in [0, \infty)",
        notation=r"\mathrm{Exp}(\lambda)", symbols={"rate": r"\lambda"},
        density_latex=r"f(x) = \lambda e^{-\lambda x}",
        cdf_latex=r"F(x) = 1 - e^{-\lambda x}",
        mean_latex=r"\frac{1}{\lambda}", mean_numbers=r"\frac{1}{<rate>}",
        mean_of=lambda rate: 1 / rate,
        variance_latex=r"\frac{1}{\lambda^2}", variance_numbers=r"\frac{1}{<rate>^2}",
        variance_of=lambda rate: 1 / rate**2,
        entropy_latex=r"1 - \ln \lambda", entropy_numbers=r"1 - \ln <rate>",
        entropy_of=lambda rate: 1 - math.log(rate),
        related=(
            Relation("Gamma", "k = 1: Gamma(1, 1/λ); a sum of k exponentials is Gamma(k, 1/λ)",
                     lambda v: {"kshape": 1.0, "scale": 1 / v["rate"]}),
            Relation("Weibull", "k = 1: Weibull(1, 1/λ)",
                     lambda v: {"kshape": 1.0, "scale": 1 / v["rate"]}),
            Relation("Poisson", "the counts of events in unit time when the gaps are Exp(λ)",
                     lambda v: {"lam": v["rate"]}),
            Relation("Laplace", "the difference of two independent Exp(λ) draws",
                     lambda v: {"mu": 0.0, "scale": 1 / v["rate"]}),
            Relation("Chi-squared", "λ = ½ is χ²(2)", lambda v: {"df": 2}),
            Relation("Geometric", "its discrete twin", lambda v: {"prob": min(v["rate"], 0.99)}),
        ),
        numpy_code="rng.exponential(1 / {rate}, size=n)",
        scipy_code="stats.expon(scale=1 / {rate}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Gamma", False, (SHAPE, SCALE), lambda kshape, scale: stats.gamma(kshape, scale=scale),
        story="The waiting time for the k-th event of a Poisson process, and more generally a "
              "flexible model of positive, right-skewed quantities: rainfall, insurance "
              "claims, service times. In Bayesian ML it is the conjugate prior of a Poisson "
              "rate or of a normal's precision.",
        support=r"x \in (0, \infty)",
        notation=r"\mathrm{Gamma}(k, \theta)", symbols={"kshape": "k", "scale": r"\theta"},
        labels={"scale": "Scale θ"},
        density_latex=r"f(x) = \frac{x^{k - 1} e^{-x/\theta}}{\Gamma(k)\, \theta^{k}}",
        cdf_latex=r"F(x) = \frac{\gamma(k, x/\theta)}{\Gamma(k)}",
        mean_latex=r"k\theta", mean_numbers=r"<kshape> \cdot <scale>",
        mean_of=lambda kshape, scale: kshape * scale,
        variance_latex=r"k\theta^2", variance_numbers=r"<kshape> \cdot <scale>^2",
        variance_of=lambda kshape, scale: kshape * scale**2,
        entropy_latex=r"k + \ln\theta + \ln\Gamma(k) \\ + (1 - k)\psi(k)",
        entropy_of=_gamma_entropy,
        related=(
            Relation("Exponential", "k = 1 is Exp(1/θ)", lambda v: {"rate": 1 / v["scale"]}),
            Relation("Chi-squared", "χ²(k) is Gamma(k/2, 2)", lambda v: {"df": 4}),
            Relation("Normal", "k large: approximately N(kθ, kθ²)",
                     lambda v: {"mu": v["kshape"] * v["scale"],
                                "sigma": math.sqrt(v["kshape"]) * v["scale"]}),
            Relation("Beta", "X/(X + Y) for independent Gamma(α, θ) and Gamma(β, θ)",
                     lambda v: {"beta_a": v["kshape"], "beta_b": 2.0}),
        ),
        numpy_code="rng.gamma({kshape}, {scale}, size=n)",
        scipy_code="stats.gamma({kshape}, scale={scale}).rvs(size=n, random_state=rng)",
        plot_tail=1e-3,
    ),
    Distribution(
        "Beta", False, (BETA_A, BETA_B),
        lambda beta_a, beta_b: stats.beta(beta_a, beta_b),
        story="A distribution over a probability itself, on [0, 1]: after α − 1 successes and "
              "β − 1 failures, Beta(α, β) is a belief about the success rate. It is the "
              "conjugate prior of the Bernoulli and binomial (Thompson sampling for A/B tests "
              "and bandits draws from it), and models proportions such as click-through rates.",
        support=r"x \in [0, 1]",
        notation=r"\mathrm{Beta}(\alpha, \beta)", symbols={"beta_a": r"\alpha", "beta_b": r"\beta"},
        density_latex=r"f(x) = \frac{x^{\alpha - 1}(1 - x)^{\beta - 1}}{\mathrm{B}(\alpha, \beta)}",
        cdf_latex=r"F(x) = I_x(\alpha, \beta)",
        mean_latex=r"\frac{\alpha}{\alpha + \beta}",
        mean_numbers=r"\frac{<beta_a>}{<beta_a> + <beta_b>}",
        mean_of=lambda beta_a, beta_b: beta_a / (beta_a + beta_b),
        variance_latex=r"\frac{\alpha\beta}{(\alpha + \beta)^2 (\alpha + \beta + 1)}",
        variance_of=lambda beta_a, beta_b: beta_a * beta_b
        / ((beta_a + beta_b) ** 2 * (beta_a + beta_b + 1)),
        entropy_latex=r"\ln \mathrm{B}(\alpha, \beta) - (\alpha - 1)\psi(\alpha) \\ - "
                      r"(\beta - 1)\psi(\beta) \\ + (\alpha + \beta - 2)\psi(\alpha + \beta)",
        entropy_of=_beta_entropy,
        related=(
            Relation("Uniform", "α = β = 1 is Uniform(0, 1)", lambda v: {"lo": 0.0, "hi": 1.0}),
            Relation("Bernoulli", "its conjugate likelihood: a Bernoulli(p) with p ~ Beta",
                     lambda v: {"prob": v["beta_a"] / (v["beta_a"] + v["beta_b"])}),
            Relation("Binomial", "Beta prior + binomial data = Beta posterior",
                     lambda v: {"prob": v["beta_a"] / (v["beta_a"] + v["beta_b"])}),
            Relation("Gamma", "X/(X + Y) with X ~ Gamma(α, θ), Y ~ Gamma(β, θ)",
                     lambda v: {"kshape": max(v["beta_a"], 0.5), "scale": 1.0}),
        ),
        numpy_code="rng.beta({beta_a}, {beta_b}, size=n)",
        scipy_code="stats.beta({beta_a}, {beta_b}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Student t", False, (DF,), lambda df: stats.t(df),
        story="A bell curve with heavier tails, whose weight is set by ν degrees of freedom: "
              "the distribution of a sample mean standardised by the sample's own standard "
              "deviation, behind t-tests and confidence intervals on small samples. Robust "
              "regression uses it as a noise model that is not thrown off by outliers, and "
              "t-SNE uses ν = 1 for its low-dimensional similarities.",
        support=r"x \in \mathbb{R}",
        notation=r"t_{\nu}", symbols={"df": r"\nu"}, labels={"df": "Degrees of freedom ν"},
        density_latex=r"f(x) = \frac{\Gamma(\frac{\nu + 1}{2})}{\sqrt{\nu\pi}\,"
                      r"\Gamma(\frac{\nu}{2})} \Big(1 + \frac{x^2}{\nu}\Big)^{-\frac{\nu + 1}{2}}",
        cdf_latex=r"F(x) = 1 - \tfrac12 I_{\nu/(x^2 + \nu)}\big(\tfrac{\nu}{2}, \tfrac12\big),"
                  r"\quad x \ge 0",
        mean_latex="0", mean_of=_t_mean, mean_needs="ν > 1", mean_when=r"\nu > 1",
        variance_latex=r"\frac{\nu}{\nu - 2}", variance_when=r"\nu > 2",
        variance_numbers=r"\frac{<df>}{<df> - 2}", variance_of=_t_variance,
        variance_needs="ν > 2",
        entropy_latex=r"\frac{\nu + 1}{2}\Big[\psi\big(\tfrac{\nu + 1}{2}\big) - "
                      r"\psi\big(\tfrac{\nu}{2}\big)\Big] \\ + \ln\Big(\sqrt{\nu}\, "
                      r"\mathrm{B}\big(\tfrac{\nu}{2}, \tfrac12\big)\Big)",
        entropy_of=_t_entropy,
        related=(
            Relation("Normal", "ν → ∞: N(0, 1)", lambda v: {"mu": 0.0, "sigma": 1.0}),
            Relation("Cauchy", "ν = 1 is the standard Cauchy", lambda v: {"mu": 0.0, "scale": 1.0}),
            Relation("F", "T² ~ F(1, ν)", lambda v: {"df": 1, "df2": v["df"]}),
            Relation("Chi-squared", "Z/√(V/ν) with Z ~ N(0, 1), V ~ χ²(ν)",
                     lambda v: {"df": v["df"]}),
        ),
        numpy_code="rng.standard_t({df}, size=n)",
        scipy_code="stats.t({df}).rvs(size=n, random_state=rng)",
        plot_tail=0.01,
    ),
    Distribution(
        "Chi-squared", False, (_default(DF, 3),), lambda df: stats.chi2(df),
        story="The sum of the squares of k independent standard normals: the squared length "
              "of a k-dimensional Gaussian vector, a sample variance (times (n − 1)/σ²), a "
              "goodness-of-fit statistic. It tests whether counts fit a model (the χ² test), "
              "and the squared norm of Gaussian noise in high dimensions concentrates "
              "around k.",
        support=r"x \in [0, \infty)",
        notation=r"\chi^2_{k}", symbols={"df": "k"}, labels={"df": "Degrees of freedom k"},
        density_latex=r"f(x) = \frac{x^{k/2 - 1} e^{-x/2}}{2^{k/2}\, \Gamma(k/2)}",
        cdf_latex=r"F(x) = \frac{\gamma(k/2, x/2)}{\Gamma(k/2)}",
        mean_latex="k", mean_numbers="<df>", mean_of=lambda df: float(df),
        variance_latex="2k", variance_numbers=r"2 \cdot <df>", variance_of=lambda df: 2.0 * df,
        entropy_latex=r"\frac{k}{2} + \ln\big(2\Gamma(\tfrac{k}{2})\big) \\ + "
                      r"\big(1 - \tfrac{k}{2}\big)\psi\big(\tfrac{k}{2}\big)",
        entropy_of=_chi2_entropy,
        related=(
            Relation("Gamma", "χ²(k) is Gamma(k/2, 2)",
                     lambda v: {"kshape": v["df"] / 2, "scale": 2.0}),
            Relation("Exponential", "k = 2 is Exp(½)", lambda v: {"rate": 0.5}),
            Relation("Normal", "k large: approximately N(k, 2k)",
                     lambda v: {"mu": float(v["df"]), "sigma": math.sqrt(2 * v["df"])}),
            Relation("F", "the ratio of two χ² over their degrees of freedom is F",
                     lambda v: {"df": v["df"], "df2": 10}),
            Relation("Student t", "a normal over √(χ²(ν)/ν) is t(ν)", lambda v: {"df": v["df"]}),
        ),
        numpy_code="rng.chisquare({df}, size=n)",
        scipy_code="stats.chi2({df}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "F", False, (DF, DF2), lambda df, df2: stats.f(df, df2),
        story="The ratio of two independent χ² variables, each divided by its degrees of "
              "freedom: how much bigger one variance estimate is than another. ANOVA and the "
              "F-test of a regression compare the variance a model explains with the "
              "variance left in its residuals through it, and nested models are compared "
              "with it.",
        support=r"x \in [0, \infty)",
        notation=r"F(d_1, d_2)", symbols={"df": "d_1", "df2": "d_2"},
        labels={"df": "First degrees of freedom d₁"},
        density_latex=r"f(x) = \frac{1}{x\, \mathrm{B}(\frac{d_1}{2}, \frac{d_2}{2})}"
                      r"\sqrt{\frac{(d_1 x)^{d_1} d_2^{d_2}}{(d_1 x + d_2)^{d_1 + d_2}}}",
        cdf_latex=r"F(x) = I_{\frac{d_1 x}{d_1 x + d_2}}\big(\tfrac{d_1}{2}, \tfrac{d_2}{2}\big)",
        mean_latex=r"\frac{d_2}{d_2 - 2}", mean_when="d_2 > 2",
        mean_numbers=r"\frac{<df2>}{<df2> - 2}",
        mean_of=_f_mean, mean_needs="d₂ > 2",
        variance_latex=r"\frac{2 d_2^2 (d_1 + d_2 - 2)}{d_1 (d_2 - 2)^2 (d_2 - 4)}",
        variance_when="d_2 > 4",
        variance_of=_f_variance, variance_needs="d₂ > 4",
        entropy_latex=r"\ln\frac{d_2}{d_1} + \ln \mathrm{B}\big(\tfrac{d_1}{2}, \tfrac{d_2}{2}\big)"
                      r" \\ + \big(1 - \tfrac{d_1}{2}\big)\psi\big(\tfrac{d_1}{2}\big) \\ - "
                      r"\big(1 + \tfrac{d_2}{2}\big)\psi\big(\tfrac{d_2}{2}\big) \\ + "
                      r"\tfrac{d_1 + d_2}{2}\psi\big(\tfrac{d_1 + d_2}{2}\big)",
        entropy_of=_f_entropy,
        related=(
            Relation("Chi-squared", "(χ²(d₁)/d₁) / (χ²(d₂)/d₂); d₂ → ∞: d₁F → χ²(d₁)",
                     lambda v: {"df": v["df"]}),
            Relation("Student t", "d₁ = 1: F(1, ν) is the square of a t(ν)",
                     lambda v: {"df": v["df2"]}),
        ),
        numpy_code="rng.f({df}, {df2}, size=n)",
        scipy_code="stats.f({df}, {df2}).rvs(size=n, random_state=rng)",
        plot_tail=0.01,
    ),
    Distribution(
        "Laplace", False, (MU, SCALE), lambda mu, scale: stats.laplace(mu, scale),
        story="Two exponentials back to back: a sharp peak at μ and tails heavier than the "
              "normal's. Maximising a Laplace likelihood is minimising absolute errors (L1, "
              "the median); a Laplace prior on weights is L1 regularisation (the lasso), and "
              "the Laplace mechanism adds its noise for differential privacy.",
        support=r"x \in \mathbb{R}",
        notation=r"\mathrm{Laplace}(\mu, b)", symbols={"mu": r"\mu", "scale": "b"},
        labels={"scale": "Scale b"},
        density_latex=r"f(x) = \frac{1}{2b} e^{-\frac{|x - \mu|}{b}}",
        cdf_latex=r"F(x) = \begin{cases} \tfrac12 e^{(x - \mu)/b} & x < \mu \\ 1 - \tfrac12 "
                  r"e^{-(x - \mu)/b} & x \ge \mu \end{cases}",
        mean_latex=r"\mu", mean_numbers="<mu>", mean_of=lambda mu, scale: mu,
        variance_latex="2b^2", variance_numbers=r"2 \cdot <scale>^2",
        variance_of=lambda mu, scale: 2 * scale**2,
        entropy_latex=r"1 + \ln(2b)", entropy_numbers=r"1 + \ln(2 \cdot <scale>)",
        entropy_of=lambda mu, scale: 1 + math.log(2 * scale),
        related=(
            Relation("Exponential", "|X − μ| is Exp(1/b)", lambda v: {"rate": 1 / v["scale"]}),
            Relation("Normal", "the L2 counterpart: squared instead of absolute errors",
                     lambda v: {"mu": v["mu"], "sigma": math.sqrt(2) * v["scale"]}),
        ),
        numpy_code="rng.laplace({mu}, {scale}, size=n)",
        scipy_code="stats.laplace({mu}, {scale}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Logistic", False, (MU, SCALE), lambda mu, scale: stats.logistic(mu, scale),
        story="A bell curve whose CDF is the sigmoid. Logistic regression is exactly the "
              "model 'a latent score plus logistic noise is above 0'; the logit of a uniform "
              "draw is logistic, and the difference of two Gumbel draws (the Gumbel-max "
              "trick) is too.",
        support=r"x \in \mathbb{R}",
        notation=r"\mathrm{Logistic}(\mu, s)", symbols={"mu": r"\mu", "scale": "s"},
        labels={"scale": "Scale s"},
        density_latex=r"f(x) = \frac{e^{-(x - \mu)/s}}{s\big(1 + e^{-(x - \mu)/s}\big)^2}",
        cdf_latex=r"F(x) = \frac{1}{1 + e^{-(x - \mu)/s}} = \sigma\Big(\frac{x - \mu}{s}\Big)",
        mean_latex=r"\mu", mean_numbers="<mu>", mean_of=lambda mu, scale: mu,
        variance_latex=r"\frac{s^2\pi^2}{3}", variance_numbers=r"\frac{<scale>^2 \pi^2}{3}",
        variance_of=lambda mu, scale: scale**2 * math.pi**2 / 3,
        entropy_latex=r"\ln s + 2", entropy_numbers=r"\ln <scale> + 2",
        entropy_of=lambda mu, scale: math.log(scale) + 2,
        related=(
            Relation("Normal", "nearly the same shape: Logistic(0, 1) ≈ N(0, 1.7²)",
                     lambda v: {"mu": v["mu"], "sigma": v["scale"] * math.pi / math.sqrt(3)}),
            Relation("Uniform", "its inverse CDF, the logit, maps a Uniform(0, 1) draw to it",
                     lambda v: {"lo": 0.0, "hi": 1.0}),
        ),
        numpy_code="rng.logistic({mu}, {scale}, size=n)",
        scipy_code="stats.logistic({mu}, {scale}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Log-normal", False, (LOGMU, LOGSIGMA),
        lambda logmu, logsigma: stats.lognorm(logsigma, scale=math.exp(logmu)),
        story="A positive quantity whose logarithm is normal: the product of many small "
              "independent factors (growth rates, incomes, file sizes, reaction times). "
              "Fitting a regression to log prices assumes it, and learning rates and other "
              "scale hyper-parameters are searched log-uniformly for the same reason.",
        support=r"x \in (0, \infty)",
        notation=r"\mathrm{LogNormal}(\mu, \sigma^2)",
        symbols={"logmu": r"\mu", "logsigma": r"\sigma"},
        density_latex=r"f(x) = \frac{1}{x\sigma\sqrt{2\pi}} e^{-\frac{(\ln x - \mu)^2}{2\sigma^2}}",
        cdf_latex=r"F(x) = \Phi\Big(\frac{\ln x - \mu}{\sigma}\Big)",
        mean_latex=r"e^{\mu + \sigma^2/2}", mean_numbers=r"e^{<logmu> + <logsigma>^2/2}",
        mean_of=lambda logmu, logsigma: math.exp(logmu + logsigma**2 / 2),
        variance_latex=r"\big(e^{\sigma^2} - 1\big) e^{2\mu + \sigma^2}",
        variance_numbers=r"\big(e^{<logsigma>^2} - 1\big) e^{2 \cdot <logmu> + <logsigma>^2}",
        variance_of=lambda logmu, logsigma: (math.exp(logsigma**2) - 1)
        * math.exp(2 * logmu + logsigma**2),
        entropy_latex=r"\mu + \tfrac12 \ln(2\pi e \sigma^2)",
        entropy_numbers=r"<logmu> + \tfrac12 \ln(2\pi e \cdot <logsigma>^2)",
        entropy_of=lambda logmu, logsigma: logmu
        + 0.5 * math.log(2 * math.pi * math.e * logsigma**2),
        related=(
            Relation("Normal", "ln X ~ N(μ, σ²)",
                     lambda v: {"mu": v["logmu"], "sigma": v["logsigma"]}),
        ),
        numpy_code="rng.lognormal({logmu}, {logsigma}, size=n)",
        scipy_code="stats.lognorm({logsigma}, scale=np.exp({logmu})).rvs(size=n, random_state=rng)",
        plot_tail=0.005,
    ),
    Distribution(
        "Weibull", False, (_default(SHAPE, 1.5), SCALE),
        lambda kshape, scale: stats.weibull_min(kshape, scale=scale),
        story="The time to failure when the failure rate grows (k > 1), stays constant "
              "(k = 1, the exponential) or falls (k < 1) with age: the life of bearings, "
              "batteries and hard drives, wind speeds. Survival analysis and reliability "
              "models use it; it is also the limit law of minima (extreme-value theory).",
        support=r"x \in [0, \infty)",
        notation=r"\mathrm{Weibull}(k, \lambda)", symbols={"kshape": "k", "scale": r"\lambda"},
        labels={"scale": "Scale λ"},
        density_latex=r"f(x) = \frac{k}{\lambda}\Big(\frac{x}{\lambda}\Big)^{k - 1} "
                      r"e^{-(x/\lambda)^{k}}",
        cdf_latex=r"F(x) = 1 - e^{-(x/\lambda)^{k}}",
        mean_latex=r"\lambda\, \Gamma(1 + 1/k)", mean_numbers=r"<scale>\, \Gamma(1 + 1/<kshape>)",
        mean_of=_weibull_mean,
        variance_latex=r"\lambda^2 \big[\Gamma(1 + 2/k) - \Gamma(1 + 1/k)^2\big]",
        variance_of=_weibull_variance,
        entropy_latex=r"\gamma\Big(1 - \frac1k\Big) + \ln\frac{\lambda}{k} + 1",
        entropy_of=lambda kshape, scale: EULER_GAMMA * (1 - 1 / kshape)
        + math.log(scale / kshape) + 1,
        related=(
            Relation("Exponential", "k = 1 is Exp(1/λ)", lambda v: {"rate": 1 / v["scale"]}),
        ),
        numpy_code="{scale} * rng.weibull({kshape}, size=n)",
        scipy_code="stats.weibull_min({kshape}, scale={scale}).rvs(size=n, random_state=rng)",
    ),
    Distribution(
        "Cauchy", False, (MU, SCALE), lambda mu, scale: stats.cauchy(mu, scale),
        story="A bell-like curve with tails so heavy that it has no mean and no variance: the "
              "average of n Cauchy draws is as spread out as one draw, so neither the law of "
              "large numbers nor the central limit theorem applies. It is the ratio of two "
              "independent normals and the t with one degree of freedom; it is the standard "
              "counter-example, and a stress test for any estimator that assumes moments.",
        support=r"x \in \mathbb{R}",
        notation=r"\mathrm{Cauchy}(x_0, \gamma)", symbols={"mu": "x_0", "scale": r"\gamma"},
        labels={"mu": "Location x₀", "scale": "Scale γ"},
        density_latex=r"f(x) = \frac{1}{\pi\gamma\big[1 + \big(\frac{x - x_0}{\gamma}\big)^2\big]}",
        cdf_latex=r"F(x) = \tfrac12 + \frac{1}{\pi}\arctan\Big(\frac{x - x_0}{\gamma}\Big)",
        mean_latex=r"\text{undefined}", mean_of=lambda mu, scale: math.nan,
        mean_needs="tails thinner than 1/x² (here ∫|x| f(x) dx diverges)",
        variance_latex=r"\text{undefined}", variance_of=lambda mu, scale: math.nan,
        variance_needs="a mean first",
        entropy_latex=r"\ln(4\pi\gamma)", entropy_numbers=r"\ln(4\pi \cdot <scale>)",
        entropy_of=lambda mu, scale: math.log(4 * math.pi * scale),
        related=(
            Relation("Student t", "it is the t with ν = 1", lambda v: {"df": 1}),
            Relation("Normal", "the ratio of two independent standard normals",
                     lambda v: {"mu": 0.0, "sigma": 1.0}),
        ),
        numpy_code="{mu} + {scale} * rng.standard_cauchy(size=n)",
        scipy_code="stats.cauchy({mu}, {scale}).rvs(size=n, random_state=rng)",
        plot_tail=0.03,
    ),
    Distribution(
        "Gaussian mixture", False, (MIXW, MU1, SD1, MU2, SD2),
        lambda mixw, mu1, sd1, mu2, sd2: GaussianMixture(mixw, mu1, sd1, mu2, sd2),
        story="Two bell curves in one: with probability π a draw comes from N(μ₁, σ₁²), "
              "otherwise from N(μ₂, σ₂²). Two bumps make it the simplest multimodal density: "
              "a population of two kinds, a class-conditional model. Gaussian mixture models "
              "fit it by expectation–maximisation for soft clustering, and its mean can lie "
              "where the density is low.",
        support=r"x \in \mathbb{R}",
        notation=r"\pi\, \mathcal{N}(\mu_1, \sigma_1^2) + "
                 r"(1 - \pi)\, \mathcal{N}(\mu_2, \sigma_2^2)",
        symbols={"mixw": r"\pi", "mu1": r"\mu_1", "sd1": r"\sigma_1", "mu2": r"\mu_2",
                 "sd2": r"\sigma_2"},
        density_latex=r"f(x) = \frac{\pi}{\sigma_1} \varphi\Big(\frac{x - \mu_1}{\sigma_1}\Big)"
                      r" + \frac{1 - \pi}{\sigma_2} \varphi\Big(\frac{x - \mu_2}{\sigma_2}\Big)",
        cdf_latex=r"F(x) = \pi\, \Phi\Big(\frac{x - \mu_1}{\sigma_1}\Big) + (1 - \pi)\, "
                  r"\Phi\Big(\frac{x - \mu_2}{\sigma_2}\Big)",
        mean_latex=r"\pi\mu_1 + (1 - \pi)\mu_2",
        mean_numbers=r"<mixw> \cdot <mu1> + (1 - <mixw>) \cdot <mu2>", mean_of=_mixture_mean,
        variance_latex=r"\pi\sigma_1^2 + (1 - \pi)\sigma_2^2 \\ + \pi(1 - \pi)(\mu_1 - \mu_2)^2",
        variance_of=_mixture_variance,
        entropy_latex=INTEGRAL_ENTROPY + r" \\ \text{(no closed form: by quadrature)}",
        related=(
            Relation("Normal", "π = 1 (or two equal components) is one normal",
                     lambda v: {"mu": v["mu1"], "sigma": v["sd1"]}),
        ),
        numpy_code="first = rng.random(n) < {mixw}\n"
                   "np.where(first, rng.normal({mu1}, {sd1}, n), rng.normal({mu2}, {sd2}, n))",
        scipy_code="mixture = stats.Mixture([stats.Normal(mu={mu1}, sigma={sd1}), "
                   "stats.Normal(mu={mu2}, sigma={sd2})], weights=[{mixw}, 1 - {mixw}])\n"
                   "mixture.sample(n, rng=rng)",
    ),
)  # fmt: skip

DISTRIBUTIONS: dict[str, Distribution] = {entry.name: entry for entry in _ENTRIES}
DISCRETE = tuple(name for name, entry in DISTRIBUTIONS.items() if entry.discrete)
CONTINUOUS = tuple(name for name, entry in DISTRIBUTIONS.items() if not entry.discrete)


def parameter_params() -> tuple[Param, ...]:
    """Every distinct parameter control of the registry, once per key (for a page's
    declaration: ``params.page(..., DIST, *parameter_params())``)."""
    seen: dict[str, Param] = {}
    for distribution in DISTRIBUTIONS.values():
        for p in distribution.parameters:
            if p.key in seen and seen[p.key].meaning() != p.meaning():
                raise ValueError(f"parameter key {p.key!r} means two things")
            seen.setdefault(p.key, p)
    return tuple(seen.values())


def choice_param(default: str = "Normal", names: tuple[str, ...] | None = None) -> Param:
    """The distribution chooser (URL key ``dist``); ``names`` narrows it (e.g. sources a CLT
    can use)."""
    options = tuple(names or DISTRIBUTIONS)
    return params.select("dist", "Distribution", options, default,
                         doc="the distribution shown (its parameters' keys follow)")  # fmt: skip


# --- the explorer's view: curves, moments and quantiles of one setting ------------------------
CURVE_POINTS = 400  # a continuous density's points
MOST_BARS = 1200  # a wider PMF is drawn through every k-th value
QUARTILES = (0.25, 0.5, 0.75)


@dataclass(frozen=True)
class View:
    """What the explorer shows of one distribution at one setting (finite numbers only).

    Attributes
    ----------
    name, discrete : the entry.
    values : its (clamped, repaired) parameter values, as sorted ``(key, value)`` pairs.
    x : (m,) the points: the support's integers in the window, or a grid over it.
    density : (m,) P(X = x) or f(x), finite (a density's pole is left out of the grid).
    cdf : (m,) F(x).
    window : the plotting range (low, high).
    density_top : a y-axis top that shows the bulk of the density (poles are cut).
    stride : for a wide PMF, every stride-th value is drawn (1 otherwise).
    mean, variance, std, entropy : the closed forms (``inf``/``nan`` when the moment does not
        exist: words, not numbers, say so).
    level : the chosen quantile level q, and ``quantile`` its value F⁻¹(q).
    quartiles : F⁻¹ at 25%, 50%, 75%.
    """

    name: str
    discrete: bool
    values: tuple[tuple[str, float], ...]
    x: np.ndarray
    density: np.ndarray
    cdf: np.ndarray
    window: tuple[float, float]
    density_top: float
    stride: int
    mean: float
    variance: float
    std: float
    entropy: float
    level: float
    quantile: float
    quartiles: tuple[float, float, float]


@functools.lru_cache(maxsize=256)
def view(name: str, items: tuple[tuple[str, float], ...], level: float) -> View:
    """The explorer's view of ``DISTRIBUTIONS[name]`` at ``dict(items)``, with the quantile
    at ``level`` (cached by its settings: a rerun that changes nothing costs nothing).

    Notes
    -----
    A density such as Beta(0.5, 0.5) or Gamma(0.5, θ) is infinite at the end of its support:
    the grid stays inside the window (between the tail quantiles) and the axis top is set by
    the density between the 2% and 98% quantiles, so the pole runs off the top of the chart
    instead of squashing the rest flat.
    """
    entry = DISTRIBUTIONS[name]
    values = entry.values(dict(items))
    rv = entry.frozen(values)
    low, high = entry.window(values)
    stride = 1
    if entry.discrete:
        x = np.arange(low + 0.5, high)
        stride = max(1, math.ceil(len(x) / MOST_BARS))
        x = x[::stride]
        density, cdf = rv.pmf(x), rv.cdf(x)
        top = float(density.max())
    else:
        x = np.linspace(low, high, CURVE_POINTS)
        density, cdf = rv.pdf(x), rv.cdf(x)
        bulk = (x >= rv.ppf(0.02)) & (x <= rv.ppf(0.98))
        top = float(np.max(density[bulk])) if bulk.any() else float(np.max(density))
    density = np.nan_to_num(np.asarray(density, dtype=float), nan=0.0, posinf=0.0)
    level = float(min(max(level, 0.001), 0.999))
    mean, variance = entry.moment("mean", values), entry.moment("variance", values)
    std = math.sqrt(variance) if math.isfinite(variance) else variance
    return View(
        name, entry.discrete, tuple(sorted(values.items())), x, density,
        np.asarray(cdf, dtype=float), (low, high), 1.08 * top, stride, mean, variance, std,
        entry.moment("entropy", values), level, float(rv.ppf(level)),
        tuple(float(q) for q in rv.ppf(QUARTILES)),
    )  # fmt: skip


def link_query(relation: Relation, values: Values) -> dict[str, str]:
    """The query of a link that opens ``relation.target`` on the explorer at the parameters
    ``relation.link`` gives (clamped into the target's ranges, rounded to their steps)."""
    target = DISTRIBUTIONS[relation.target]
    linked = target.values(relation.target_values(values))
    query = {"dist": relation.target}
    for p in target.parameters:
        x = linked[p.key]
        if not p.whole and p.step:
            x = round(round(x / p.step) * p.step, 6)
        query[p.key] = _code_number(int(x) if p.whole else float(x))
    return query


# --- limits: one family turning into another as a parameter grows --------------------------
LIMIT_FRAMES = 30  # the values of n (or ν) an animation steps through
LARGEST_N = 1000
BERRY_ESSEEN = 0.4748  # Shevtsova (2011): the constant of the Berry–Esseen bound


@dataclass(frozen=True)
class LimitFrame:
    """One step of a limit: the source at ``n`` and its limit, on the same points.

    ``x`` (m,) the points (integers, or standardised values), ``source`` and ``target`` (m,)
    their probabilities or densities, ``distance`` how far apart the two laws are.
    """

    n: float
    x: np.ndarray
    source: np.ndarray
    target_x: np.ndarray
    target: np.ndarray
    distance: float


@dataclass(frozen=True)
class LimitRun:
    """A limit's frames, its distances against n, the theory's bound and the fitted slope."""

    name: str
    frames: tuple[LimitFrame, ...]
    n: np.ndarray
    distance: np.ndarray
    bound: np.ndarray
    slope: float


def _total_variation(p: np.ndarray, q: np.ndarray) -> float:
    return 0.5 * float(np.abs(p - q).sum())


def _binomial_to_poisson(lam: float, prob: float) -> tuple[list[LimitFrame], np.ndarray]:
    """Bin(n, λ/n) against Poisson(λ); distance: total variation ½ Σ |p − q|; bound: Le Cam's
    λ²/n (TV ≤ n p² with p = λ/n)."""
    first = max(1, math.ceil(lam / 0.99))
    sizes = np.unique(np.round(np.geomspace(first, LARGEST_N, LIMIT_FRAMES)).astype(int))
    poisson = stats.poisson(lam)
    shown = np.arange(0, int(poisson.ppf(1 - 1e-6)) + 2)
    frames = []
    for n in sizes:
        every = np.arange(0, max(n, shown[-1]) + 1)
        source = stats.binom(n, lam / n).pmf(every)
        gap = _total_variation(source, poisson.pmf(every)) + 0.5 * float(poisson.sf(every[-1]))
        frames.append(LimitFrame(float(n), shown, source[: len(shown)], shown,
                                 poisson.pmf(shown), gap))  # fmt: skip
    return frames, np.minimum(lam**2 / sizes, 1.0)


def _binomial_to_normal(lam: float, prob: float) -> tuple[list[LimitFrame], np.ndarray]:
    """Bin(n, p) standardised, z = (k − np)/√(np(1 − p)), against N(0, 1); distance: the KS
    distance sup |F − Φ|; bound: Berry–Esseen's C (p² + q²)/√(npq)."""
    q = 1 - prob
    sizes = np.unique(np.round(np.geomspace(1, LARGEST_N, LIMIT_FRAMES)).astype(int))
    grid = np.linspace(-4, 4, 241)
    frames = []
    for n in sizes:
        sd = math.sqrt(n * prob * q)
        k = np.arange(0, n + 1)
        z = (k - n * prob) / sd
        rv = stats.binom(n, prob)
        after, before = rv.cdf(k), rv.cdf(k - 1)
        phi = stats.norm.cdf(z)
        gap = float(max(np.abs(after - phi).max(), np.abs(before - phi).max()))
        inside = np.abs(z) <= 4.5
        frames.append(LimitFrame(float(n), z[inside], rv.pmf(k[inside]) * sd, grid,
                                 stats.norm.pdf(grid), gap))  # fmt: skip
    bound = BERRY_ESSEEN * (prob**2 + q**2) / np.sqrt(sizes * prob * q)
    return frames, np.minimum(bound, 1.0)


def _t_to_normal(lam: float, prob: float) -> tuple[list[LimitFrame], np.ndarray]:
    """Student t(ν) against N(0, 1); distance: KS sup |F_ν − Φ| on a fine grid; the reference
    line is the first term of its expansion, φ(x)(x + x³)/(4ν) at its largest (x ≈ 1.6)."""
    dfs = np.unique(np.round(np.geomspace(1, 200, LIMIT_FRAMES), 1))
    grid = np.linspace(-5, 5, 301)
    fine = np.linspace(0, 8, 4001)
    frames = []
    for df in dfs:
        gap = float(np.abs(stats.t.cdf(fine, df) - stats.norm.cdf(fine)).max())
        frames.append(LimitFrame(float(df), grid, stats.t.pdf(grid, df), grid,
                                 stats.norm.pdf(grid), gap))  # fmt: skip
    leading = float(np.max(stats.norm.pdf(fine) * (fine + fine**3))) / 4
    return frames, np.minimum(leading / dfs, 1.0)


@dataclass(frozen=True)
class Limit:
    """A limit the explorer animates: ``source`` becomes ``target`` as ``n`` grows."""

    name: str
    source: str
    target: str
    parameter: str  # what grows, in Unicode ("n", "ν")
    distance_name: str
    bound_name: str
    rate: str  # the theory's rate, in Unicode ("1/n")
    run: Callable[[float, float], tuple[list[LimitFrame], np.ndarray]]
    keys: tuple[str, ...]  # the registry keys the limit reads (lam, prob)


LIMITS: dict[str, Limit] = {
    limit.name: limit
    for limit in (
        Limit("Binomial → Poisson", "Binomial", "Poisson", "n", "total variation",
              "Le Cam's bound λ²/n", "1/n", _binomial_to_poisson, ("lam",)),
        Limit("Binomial → Normal", "Binomial", "Normal", "n", "KS distance",
              "the Berry–Esseen bound", "1/√n", _binomial_to_normal, ("prob",)),
        Limit("Student t → Normal", "Student t", "Normal", "ν", "KS distance",
              "the first-order term c/ν", "1/ν", _t_to_normal, ()),
    )
}  # fmt: skip


@functools.lru_cache(maxsize=32)
def limit_run(name: str, lam: float = 4.0, prob: float = 0.3) -> LimitRun:
    """The frames of ``LIMITS[name]`` at λ (Binomial → Poisson) or p (Binomial → Normal),
    with the slope of log distance against log n fitted over the second half of the frames."""
    limit = LIMITS[name]
    lam = DISTRIBUTIONS["Poisson"].values({"lam": lam})["lam"]
    prob = DISTRIBUTIONS["Binomial"].values({"prob": prob})["prob"]
    frames, bound = limit.run(lam, prob)
    sizes = np.array([frame.n for frame in frames])
    distance = np.array([frame.distance for frame in frames])
    tail = slice(len(sizes) // 2, None)
    keep = distance[tail] > 0
    slope = float(np.polyfit(np.log(sizes[tail][keep]), np.log(distance[tail][keep]), 1)[0])
    return LimitRun(name, tuple(frames), sizes, distance, np.asarray(bound, float), slope)
