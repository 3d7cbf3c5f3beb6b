"""The words and formulas of /distributions: the moments with their formulas and current
numbers, the sentences for moments that do not exist, the sampling code, the related
distributions' link labels, and the limits' notes.

Numbers go through :mod:`mathviz.core.numbers`: never ``nan`` or ``inf`` on screen; a mean
or variance that does not exist is said in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from mathviz.core import numbers
from mathviz.core.notes import Note
from mathviz.core.numbers import tex
from mathviz.probability.distributions import LIMITS, Distribution, LimitRun, View

MEAN, VARIANCE, ENTROPY = r"\mathbb{E}[X]", r"\operatorname{Var}(X)", r"H(X)"
DIGITS = 4

WHY = (
    "A model's output is a distribution: a classifier's softmax is a loaded die over the "
    "classes, a regression with squared error assumes Normal noise, with absolute error "
    "Laplace noise, a count model Poisson counts. Its loss is that distribution's negative "
    "log-likelihood, so choosing the loss is choosing the distribution. Priors (Beta, Gamma), "
    "noise for diffusion models and VAEs (Normal), exploration (Thompson sampling from a "
    "Beta) and tests on results (t, χ², F) come from this same registry of shapes, and "
    "knowing which have heavy tails (Cauchy, t with few degrees of freedom) tells you when "
    "an average cannot be trusted."
)
WHY_SHORT = (
    "Every loss is a negative log-likelihood: pick the distribution, and you have picked the loss."
)

EXPLORER_EXPLAIN = (
    "Left, the probability of each value (PMF, bars) or the density (PDF, a curve: "
    "probability is the area under it); right, the CDF F(x) = P(X ≤ x), which climbs from 0 "
    "to 1. The red line is the mean, the dashed lines one standard deviation either side; "
    "the dotted line is the quantile F⁻¹(q): the shaded area (the darker bars) to its left "
    "is q, and on the CDF it is where the curve crosses height q. Each related "
    "distribution below opens with matching parameters."
)
LIMITS_EXPLAIN = (
    "Press **▶ Play** (or drag the slider) to let the parameter grow: the bars or the blue "
    "curve are the source distribution, the orange marks its limit. Right, how far apart "
    "the two are, on log-log axes, where a rate 1/nᵃ is a straight line of slope −a; the "
    "dashed line is what theory promises."
)


BREAK = r"\\"  # where a formula too wide for a projector's side column goes on a new line


def _broken(left: str, formula: str, when: str = "") -> str:
    """``left = formula``, set as aligned lines where the formula has a :data:`BREAK`."""
    if BREAK not in formula:
        return f"{left} = {formula}{when}"
    body = formula.replace(BREAK, r" \\ &\quad ")
    return rf"\begin{{aligned}} {left} &= {body}{when} \end{{aligned}}"


def _equation(
    left: str, formula: str, numbers_filled: str, value: float, unit: str = "", when: str = ""
) -> list[str]:
    """``left = formula``, then ``= numbers = value`` on a line of its own (steps left out
    when they add nothing): together they overflow a projector's side column."""
    shown = tex(value, DIGITS) + unit
    rest = []
    if numbers_filled and numbers_filled not in (formula, shown):
        rest.append(numbers_filled)
    if shown != formula + unit:
        rest.append(shown)
    if not rest or len(formula) + len(" = ".join(rest)) < 24:  # short: one line
        return [" = ".join([_broken(left, formula)] + rest) + when]
    return [_broken(left, formula, when), "= " + " = ".join(rest)]


def moment_latex(entry: Distribution, view: View) -> list[str]:
    """The mean, variance, σ and entropy as formulas with the current numbers; a moment that
    does not exist keeps its formula and loses its numbers (a note says why)."""
    given = dict(view.values)
    lines = []
    mean_when = rf"\qquad ({entry.mean_when})" if entry.mean_when else ""
    variance_when = rf"\qquad ({entry.variance_when})" if entry.variance_when else ""
    if math.isfinite(view.mean):
        lines += _equation(MEAN, entry.mean_latex, entry.fill(entry.mean_numbers, given),
                           view.mean, when=mean_when)  # fmt: skip
    else:
        lines.append(_broken(MEAN, entry.mean_latex, mean_when))
    if math.isfinite(view.variance):
        lines += _equation(VARIANCE, entry.variance_latex,
                           entry.fill(entry.variance_numbers, given), view.variance,
                           when=variance_when)  # fmt: skip
        lines.append(rf"\sigma = \sqrt{{{VARIANCE}}} = {tex(view.std, DIGITS)}")
    else:
        lines.append(_broken(VARIANCE, entry.variance_latex, variance_when))
    lines += _equation(ENTROPY, entry.entropy_latex, entry.fill(entry.entropy_numbers, given),
                       view.entropy, r"\ \text{nats}")  # fmt: skip
    return lines


def _parameters_text(entry: Distribution, view: View) -> str:
    """``ν = 1`` or ``d₁ = 3, d₂ = 2``: the values a condition is about, in prose."""
    return ", ".join(
        f"{entry.label(key).split()[-1]} = {numbers.text(value)}" for key, value in view.values
    )


def moment_notes(entry: Distribution, view: View) -> list[Note]:
    """Sentences for a mean or variance that is infinite or undefined at these values."""
    notes = []
    where = _parameters_text(entry, view)
    for which, value, needs in (("mean", view.mean, entry.mean_needs),
                                ("variance", view.variance, entry.variance_needs)):  # fmt: skip
        if math.isfinite(value):
            continue
        how = "is infinite (its integral diverges to +∞)" if math.isinf(value) else (
            "is undefined (its integral does not converge)")  # fmt: skip
        need = f": it needs {needs}" if needs else ""
        now = f" (here {where})" if ">" in needs else ""
        notes.append(Note("warning", f"The {which} {how}{need}{now}. No line marks it and no "
                                     f"number stands for it."))  # fmt: skip
    if entry.name == "Cauchy" or not math.isfinite(view.mean):
        notes.append(Note("info", "The median and the quantiles always exist: use them to "
                                  "say where it sits and how wide it is."))  # fmt: skip
    return notes


def quantile_latex(view: View) -> list[str]:
    """The chosen quantile and the quartiles."""
    q1, median, q3 = view.quartiles
    return [
        rf"F^{{-1}}({tex(view.level)}) = {tex(view.quantile, DIGITS)},\quad "
        rf"\text{{median}} = {tex(median, DIGITS)}",
        rf"Q_1 = {tex(q1, DIGITS)},\quad Q_3 = {tex(q3, DIGITS)}",
    ]


def view_notes(entry: Distribution, view: View, problems: tuple[str, ...]) -> list[Note]:
    """Every note of the explorer's view: repaired parameters, missing moments, thinning."""
    notes = [Note("warning", sentence) for sentence in problems]
    notes += moment_notes(entry, view)
    if view.stride > 1:
        notes.append(Note("info", f"Its values spread over thousands of integers: every "
                                  f"{view.stride}th bar is drawn."))  # fmt: skip
    if view.discrete:
        notes.append(Note("info", "A quantile of a discrete law is the smallest x with "
                                  "F(x) ≥ q, so it is always one of its values."))  # fmt: skip
    return notes


def sampling_code(entry: Distribution, given: Mapping[str, float], seed: int = 0) -> str:
    """The numpy and scipy lines that draw n samples, ready to paste."""
    numpy_line, scipy_line = entry.code(given)
    return (
        "import numpy as np\nfrom scipy import stats\n\n"
        f"rng = np.random.default_rng({seed})\nn = 1000\n\n"
        f"# numpy\n{numpy_line}\n\n# scipy\n{scipy_line}"
    )


def relation_label(how: str, target: str) -> str:
    """A related distribution's link: its name, then how it is related."""
    return f"**{target}**: {how}"


def definition_latex(entry: Distribution) -> list[str]:
    """The notation with the support, the PMF/PDF, and the CDF when it has a closed form."""
    lines = [rf"X \sim {entry.notation}", entry.support, entry.density_latex]
    if entry.cdf_latex:
        lines.append(entry.cdf_latex)
    return lines


def limit_notes(run: LimitRun) -> list[Note]:
    """How fast the limit arrives, measured against the theory's rate."""
    limit = LIMITS[run.name]
    first, last = run.frames[0], run.frames[-1]
    return [
        Note("info", f"At {limit.parameter} = {numbers.text(first.n)} the {limit.distance_name}"
                     f" is {numbers.text(first.distance)}; at {limit.parameter} = "
                     f"{numbers.text(last.n)} it is {numbers.text(last.distance)}. On the log-log "
                     f"chart its slope is {numbers.text(run.slope, places=2)}: the distance "
                     f"shrinks like {limit.rate}, as {limit.bound_name} says."),
    ]  # fmt: skip


LIMIT_FORMULAS = {  # each a formula and its bound, on lines of their own (a side column)
    "Binomial → Poisson": (
        r"\binom{n}{k}\Big(\frac{\lambda}{n}\Big)^{k}\Big(1 - \frac{\lambda}{n}\Big)^{n - k}",
        r"\xrightarrow{\,n \to \infty\,}\ \frac{\lambda^{k} e^{-\lambda}}{k!}",
        r"d_{TV} \le \frac{\lambda^2}{n}",
    ),
    "Binomial → Normal": (
        r"\frac{X - np}{\sqrt{np(1 - p)}} \xrightarrow{\,n \to \infty\,} \mathcal{N}(0, 1)",
        r"\sup_z |F_n(z) - \Phi(z)| \le \frac{0.4748\,(p^2 + q^2)}{\sqrt{npq}}",
    ),
    "Student t → Normal": (
        r"\Big(1 + \frac{x^2}{\nu}\Big)^{-\frac{\nu + 1}{2}} \xrightarrow{\,\nu \to \infty\,}"
        r" e^{-x^2/2}",
        r"\sup_x |F_\nu(x) - \Phi(x)| \approx \frac{c}{\nu}",
    ),
}
