"""The words and formulas of /statistics, with the current numbers filled in: a summary of
the data, the likelihood's maximum, information and losses, and the bias of estimators.

Every number goes through :mod:`mathviz.core.numbers`, so it reads the same everywhere.
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import tex, text
from mathviz.stats import describe, estimators, likelihood
from mathviz.stats.likelihood import ALPHA, CHI2_CRITICAL, NEWTON, Z95

# ---- describing data ------------------------------------------------------------------------


def summary_latex(s: describe.Summary) -> list[str]:
    """The centre and spread of the sample, each formula with its value (short lines: each
    fits beside the picture on a projector)."""
    lines = [
        rf"\bar x = \tfrac1n\textstyle\sum_i x_i = {tex(s.mean, 4)},\quad n = {s.n}",
        rf"\text{{median}} = {tex(s.median, 4)}",
    ]
    if s.variance is not None:
        lines += [
            rf"s^2 = \tfrac{{1}}{{n-1}}\textstyle\sum_i (x_i-\bar x)^2 = {tex(s.variance, 4)}",
            rf"s = \sqrt{{s^2}} = {tex(s.sd, 4)}",
        ]
    lines += [
        rf"Q_1 = {tex(s.q1, 4)},\ \ Q_3 = {tex(s.q3, 4)}",
        rf"\mathrm{{IQR}} = Q_3 - Q_1 = {tex(s.iqr, 4)}",
        rf"\min_i x_i = {tex(s.low, 4)},\ \ \max_i x_i = {tex(s.high, 4)}",
    ]
    return lines


SKEWED = 0.5  # |skewness| beyond this reads as "leaning" (Bulmer's moderately skewed)


def summary_notes(s: describe.Summary, source_about: str) -> list[Note]:
    notes = [Note("info", source_about)]
    if s.modes:
        shown = ", ".join(text(m, 4) for m in s.modes)
        each = " each" if len(s.modes) > 1 else ""
        notes.append(Note("info", f"Mode: {shown} ({s.mode_count} times{each})."))
    elif s.mode_count == 1:
        notes.append(
            Note(
                "info",
                "Mode: no value occurs twice, so the histogram's tallest "
                "bar is the only mode there is (it moves with the bins).",
            )
        )
    else:
        notes.append(Note("info", f"Mode: more than {describe.MAX_MODES} values tie at "
                                  f"{s.mode_count} times each; no single mode."))  # fmt: skip
    if s.variance is None:
        notes.append(Note("warning", "One value has no spread: the variance needs n ≥ 2."))
    elif s.variance == 0:
        notes.append(Note("warning", "Every value is the same: variance, SD and IQR are 0, "
                                     "and mean, median and mode coincide."))  # fmt: skip
    if len(s.outliers):
        notes.append(Note("info", f"{len(s.outliers)} value(s) lie beyond Tukey's fences "
                                  f"[{text(s.fences[0], 4)}, {text(s.fences[1], 4)}], "
                                  "drawn as circles on the box plot."))  # fmt: skip
    if abs(s.skewness) > SKEWED:
        side, tail = ("right", "above") if s.skewness > 0 else ("left", "below")
        notes.append(Note("info", f"Skewness {text(s.skewness, 2)}: the data lean {side}, and "
                                  f"the long tail pulls the mean {tail} the median (by "
                                  f"{text(abs(s.mean - s.median), 3)})."))  # fmt: skip
    return notes


def outlier_notes(path: describe.OutlierPath) -> list[Note]:
    moved_mean = path.means[-1] - path.means[0]
    moved_median = path.medians[-1] - path.medians[0]
    far = path.distances[-1]
    return [
        Note("info", f"Moving the extra value out by {text(far)} SD moves the mean by "
                     f"{text(moved_mean, 3)} and the median by {text(moved_median, 3)}: "
                     "the mean follows every value, the median only the middle one."),
    ]  # fmt: skip


DESCRIBE_EXPLAIN = (
    "The histogram counts values per bin (one bar per integer for counted data); the mean "
    "is its balance point and the median splits its area in half. The box spans the middle "
    "half of the data (Q1 to Q3), the whiskers reach the last values within 1.5 IQR of it "
    "(Tukey's rule) and circles mark what lies beyond. Below, **▶ Play** slides one extra "
    "value from the median out to 10 SDs: the mean chases it, the median hardly moves."
)

# ---- likelihood -----------------------------------------------------------------------------


def _tex_symbol(model: likelihood.Model) -> str:
    return model.symbol.replace("μ", r"\mu").replace("λ", r"\lambda").replace("θ", r"\theta")


def likelihood_latex(fit: likelihood.Fit) -> list[str]:
    model = likelihood.MODELS[fit.model]
    t = _tex_symbol(model)
    lines = [model.density, model.loglik_tex]
    mle = {
        "Normal (σ known)": rf"\hat\mu = \bar x = {tex(fit.mle, 4)}",
        "Bernoulli": rf"\hat p = k/n = {int(fit.stats.total)}/{fit.stats.n} = {tex(fit.mle, 4)}",
        "Poisson": rf"\hat\lambda = \bar x = {tex(fit.mle, 4)}",
        "Exponential": rf"\hat\lambda = 1/\bar x = {tex(fit.mle, 4)}",
        "Uniform(0, θ)": rf"\hat\theta = \max_i x_i = {tex(fit.mle, 4)}",
    }[model.name]
    lines.append(rf"{mle}\quad(\text{{true }} {t} = {tex(fit.truth, 4)})")
    if fit.standard_error is not None:
        lines += [
            rf"J(\hat{{{t}}}) = -\ell''(\hat{{{t}}}) = {tex(fit.observed_information, 4)}",
            rf"I(\hat{{{t}}}) = n\,i(\hat{{{t}}}) = {tex(fit.expected_information, 4)},\ \ "
            rf"\mathrm{{SE}} = 1/\sqrt{{J}} = {tex(fit.standard_error, 3)}",
            rf"\hat{{{t}}} \pm 1.96\,\mathrm{{SE}} = [{tex(fit.mle - Z95 * fit.standard_error, 4)},"
            rf"\ {tex(fit.mle + Z95 * fit.standard_error, 4)}]",
        ]
    return lines


def loss_latex(fit: likelihood.Fit) -> list[str]:
    """−ℓ at the MLE as the loss ML minimises: least squares for the normal, cross-entropy
    for the Bernoulli, with the same numbers."""
    model = likelihood.MODELS[fit.model]
    n = fit.stats.n
    nll = -float(model.loglik(np.array([fit.mle]), fit.stats, fit.known)[0])
    if model.name.startswith("Normal"):
        sse = likelihood.squared_error(fit.mle, fit.data)
        constant = 0.5 * n * math.log(2 * math.pi * fit.known**2)
        return [
            rf"-\ell(\hat\mu) = \underbrace{{{tex(constant, 4)}}}_{{\frac n2\log 2\pi\sigma^2}}"
            rf" + \frac{{\overbrace{{{tex(sse, 4)}}}^{{\sum_i (x_i-\hat\mu)^2}}}}"
            rf"{{2\cdot {tex(fit.known**2, 3)}}} = {tex(nll, 5)}",
        ]
    if model.name == "Bernoulli" and fit.standard_error is not None:
        bce = likelihood.cross_entropy(fit.mle, fit.data)
        return [
            rf"-\tfrac1n\ell(\hat p) = -\tfrac1n\textstyle\sum_i\big[x_i\log\hat p+(1-x_i)"
            rf"\log(1-\hat p)\big] = {tex(nll / n, 5)} = \text{{cross-entropy}} "
            rf"= {tex(bce, 5)}",
        ]
    return []


def method_notes(fit: likelihood.Fit, method: str) -> list[Note]:
    notes = []
    if fit.problem:
        notes.append(Note("warning", fit.problem))
    path = fit.newton if method == NEWTON else fit.ascent
    if path is None:
        if fit.problem is None:
            notes.append(Note("warning", "The start is outside θ's range: pick another."))
        return notes
    name = "Newton's method" if method == NEWTON else f"Gradient ascent (η = {fit.learning_rate:g})"
    if path.stopped:
        notes.append(Note("warning", path.stopped))
    elif path.converged_at is not None:
        notes.append(Note("info", f"{name} reaches the MLE (within 10⁻⁶) at step "
                                  f"{path.converged_at}."))  # fmt: skip
    else:
        gap = abs(float(path.thetas[-1]) - fit.mle)
        notes.append(Note("info", f"{name} is still {text(gap, 2)} from the MLE after "
                                  f"{len(path.thetas) - 1} steps."))  # fmt: skip
    if method != NEWTON and fit.observed_information and not path.converged_at:
        best = fit.stats.n / fit.observed_information
        notes.append(Note("info", f"Near the top each step closes η·J/n = "
                                  f"{text(fit.learning_rate / best, 2)} of the gap (J/n = "
                                  f"{text(1 / best, 3)} is the curvature per value). η = n/J ≈ "
                                  f"{text(best, 2)} would close it in one step, which is the "
                                  "step Newton's method takes by itself; above 2n/J the steps "
                                  "overshoot and grow."))  # fmt: skip
    if method == NEWTON and fit.model.startswith("Normal") and not path.stopped:
        notes.append(Note("info", "ℓ(μ) is exactly a parabola, so Newton's first step lands "
                                  "on the MLE."))  # fmt: skip
    return notes


def _two_rows(left: str, formula: str, numbers: str) -> str:
    """``left = formula`` over ``= numbers``, aligned: narrow enough for the side column."""
    return rf"\begin{{aligned}} {left} &= {formula} \\ &= {numbers} \end{{aligned}}"


def tests_latex(fit: likelihood.Fit, tests: likelihood.NullTests) -> list[str]:
    """H₀, then each statistic's formula over its numbers (two rows: they stand beside the
    picture on a projector); nothing when the tests do not apply."""
    if tests.problem is not None or tests.null is None:
        return []
    t = _tex_symbol(likelihood.MODELS[fit.model])
    hat, null = rf"\hat{{{t}}}", f"{t}_0"
    lines = [rf"H_0:\ {t} = {null} = {tex(tests.null, 4)}"]
    wald, score, ratio = tests.wald, tests.score_test, tests.ratio
    if wald is not None and wald.statistic is not None:
        numbers = rf"({tex(tests.difference, 4)})^2\cdot {tex(tests.observed_information, 4)}"
        lines.append(_two_rows("W", rf"({hat}-{null})^2\,J({hat})",
                               f"{numbers} = {tex(wald.statistic, 4)}"))  # fmt: skip
    if score is not None and score.statistic is not None:
        numbers = rf"({tex(tests.score, 4)})^2/{tex(tests.expected_information, 4)}"
        lines.append(_two_rows("S", rf"U({null})^2/I({null})",
                               f"{numbers} = {tex(score.statistic, 4)}"))  # fmt: skip
    if ratio is not None and ratio.statistic is not None:
        drop = tex(tests.loglik_mle - tests.loglik_null, 4)  # type: ignore[operator]
        lines.append(_two_rows(r"\mathrm{LR}", rf"2\,[\ell({hat})-\ell({null})]",
                               rf"2\cdot {drop} = {tex(ratio.statistic, 4)}"))  # fmt: skip
    return lines


def _p_text(p: float) -> str:
    return "below 10⁻³⁰⁰" if p < 1e-300 else text(p, 2)


def tests_notes(fit: likelihood.Fit, tests: likelihood.NullTests) -> list[Note]:
    """The three p-values and what each decides at 5%, or why the tests do not apply."""
    if tests.problem is not None:
        regular = likelihood.MODELS[fit.model].regular
        return [Note("warning" if regular else "info", tests.problem)]
    symbol = likelihood.MODELS[fit.model].symbol
    hypothesis = f"H₀: {symbol} = {text(tests.null or 0.0, 4)}"
    notes = [Note("warning", test.problem) for _, test in tests.tests if test.problem]
    shown = [(name, test) for name, test in tests.tests if test.p_value is not None]
    ps = ", ".join(f"{name} {_p_text(test.p_value)}" for name, test in shown)  # type: ignore[arg-type]
    rejecting = [name for name, test in shown if test.rejects]
    if len(rejecting) == len(shown):
        verdict = f"{'all three reject' if len(shown) == 3 else 'both reject'} {hypothesis}"
    elif not rejecting:
        verdict = f"{'none of them rejects' if len(shown) == 3 else 'neither rejects'} {hypothesis}"
    else:
        keeping = [name for name, _ in shown if name not in rejecting]
        reject = "reject" if len(rejecting) > 1 else "rejects"
        keep = "keep" if len(keeping) > 1 else "keeps"
        verdict = (f"they disagree: {' and '.join(rejecting)} {reject} {hypothesis}, "
                   f"{' and '.join(keeping)} {keep} it. Near the 5% line the three differ by "
                   "O(1/√n); they agree as n grows")  # fmt: skip
    notes.append(Note("info", f"p = P(χ²₁ > statistic): {ps}. At {text(100 * ALPHA)}% "
                              f"(statistic > {text(CHI2_CRITICAL, 3)}) {verdict}."))  # fmt: skip
    if fit.model.startswith("Normal"):
        notes.append(Note("info", "ℓ(μ) is exactly a parabola, so the three are one number: "
                                  "((x̄ − μ₀)/(σ/√n))², the square of the z-test's z, whose "
                                  "two-sided p-value is the same."))  # fmt: skip
    elif tests.wald is not None and tests.wald.rejects is not None and fit.standard_error:
        side, does = ("outside", "rejects") if tests.wald.rejects else ("inside", "keeps H₀")
        notes.append(Note("info", f"{symbol}₀ lies {side} {symbol}̂ ± 1.96·SE, as it does exactly "
                                  f"when the Wald test {does} at 5%: the interval is the Wald "
                                  "test turned round."))  # fmt: skip
    return notes


LIKELIHOOD_EXPLAIN = (
    "Top: the data drawn with the true θ, the model at the truth (dashed) and at the "
    "current θₜ. Bottom: the log-likelihood ℓ(θ) = Σ log f(xᵢ | θ), the same data scored for "
    "every θ. Its top is the MLE θ̂ (star). How sharply it curves there is the **Fisher "
    "information** J(θ̂) = −ℓ″(θ̂): a sharp peak pins θ down, and 1/√J is the standard error "
    "behind the Wald interval θ̂ ± 1.96·SE. **▶ Play** climbs from the start: gradient "
    "ascent walks along the slope (tangent, dashed), Newton's method jumps to the top of the "
    "parabola that matches ℓ's slope and curvature at θₜ. Minimising −ℓ is what training a "
    "model does: for a normal it is least squares, for a Bernoulli it is cross-entropy.\n\n"
    "Below, the same curve near its top tests **H₀: θ = θ₀** three ways, each statistic "
    "compared with χ²₁ (reject "
    "at 5% above 3.84): the **Wald** test asks how far θ̂ is from θ₀, weighed by the "
    "curvature at θ̂ (W, the horizontal distance); the **score** test asks how steep ℓ is at "
    "θ₀, where it would be flat if θ₀ were the top (S, the tangent); the **likelihood-ratio** "
    "test asks how far ℓ drops from its top to θ₀ (LR, the vertical distance; it rejects "
    "when θ₀'s point lies below the dotted line ℓ̂ − 1.92). They agree "
    "for large n; for small n or near the edge of θ's range they can disagree, and the "
    "Wald test is the first to go wrong. The uniform(0, θ) is not smooth at its top, and "
    "none of them applies."
)

# ---- bias -----------------------------------------------------------------------------------


def bias_latex(run: estimators.BiasRun) -> list[str]:
    pair = estimators.PAIRS[run.pair]
    lines = [rf"{pair.model},\quad n = {run.n},\quad {pair.symbol} = {tex(run.truth, 4)}"]
    for estimator, expected, average, error in zip(
        pair.estimators, run.expected, run.averages, run.errors, strict=True
    ):
        lines += [
            estimator.latex,
            rf"\mathbb E = {tex(expected, 4)},\ \text{{simulated}}\ {tex(average, 4)} "
            rf"\pm {tex(error, 2)}",
        ]
    return lines


def bias_notes(run: estimators.BiasRun) -> list[Note]:
    pair = estimators.PAIRS[run.pair]
    biased = pair.estimators[0]
    bias = run.expected[0] - run.truth
    found = run.averages[0] - run.truth
    way = "falls short of" if bias < 0 else "overshoots"
    return [
        Note("info", f"{biased.name} {way} {pair.quantity} by {text(abs(bias), 3)} on average "
                     f"({text(100 * abs(bias) / run.truth, 2)}%); the simulation of "
                     f"{run.repeats:,} samples finds {text(found, 3)} ± {text(run.errors[0], 2)}. "
                     "The gap shrinks like 1/n: try n = 50."),
    ]  # fmt: skip


BIAS_EXPLAIN = (
    "Each sample of size n gives one estimate; an estimator is **unbiased** when the average "
    "of its estimates over many samples is the truth. **▶ Play** draws the samples: the "
    "running averages settle, the biased one (orange) beside the truth, at its exact "
    "expectation (dotted). Dividing by n uses x̄, which is fitted to the same sample and so "
    "sits closer to the data than μ does: the squares come out too small by (n − 1)/n. The "
    "MLE of the uniform's end is the largest value, which can only fall short of θ. An "
    "unbiased estimator is not always better: ÷n has the smaller mean squared error."
)

WHY = (
    "Every trained model is an estimate from a sample. **Describing** the data first (its "
    "centre, spread, skew and outliers) is what decides whether to standardise, take logs "
    "or clip, and why a median is a robust loss (L1) where a mean is not (L2). **Maximum "
    "likelihood** is how almost every model is fitted: minimising the negative "
    "log-likelihood is mean squared error under Gaussian noise and cross-entropy for a "
    "classifier, so the loss you pick is a model of the noise you assume. The curvature at "
    "the optimum (Fisher information) is what natural gradient and Laplace approximations "
    "use, and Newton's method is the idea behind second-order optimisers. **Bias** is why "
    "batch norm's running variance and Adam's moment estimates carry corrections, and why an "
    "unbiased estimate can still lose to a biased one with less variance (regularisation). "
    'A **confidence interval** is what separates "model B is 0.4% better" from noise: a '
    "test-set accuracy is a mean of n hits with an error bar of about √(p(1 − p)/n). The "
    "**bootstrap** gives that error bar for any metric with no formula (AUC, F1, a median "
    "latency), and resampling the training set is bagging, the idea behind random forests."
)
WHY_SHORT = (
    "Describe before you model; −log-likelihood is MSE (Gaussian) and cross-entropy "
    "(Bernoulli); Fisher information is the curvature behind standard errors and natural "
    "gradients; bias corrections live in batch norm and Adam; intervals and the bootstrap "
    "put error bars on every metric."
)

# ---- confidence intervals -------------------------------------------------------------------

INTERVAL_LATEX = {
    "t": r"\bar x \pm t_{n-1,\,1-\alpha/2}\,\frac{s}{\sqrt n}",
    "z (with s)": r"\bar x \pm z_{1-\alpha/2}\,\frac{s}{\sqrt n}",
    "bootstrap percentile": r"\big[\hat\theta^*_{(\alpha/2)},\ \hat\theta^*_{(1-\alpha/2)}\big]",
    "bootstrap BCa": r"\big[\hat\theta^*_{(\alpha_1)},\ \hat\theta^*_{(\alpha_2)}\big],\ "
    r"\alpha_{1,2} = \Phi\!\Big(z_0+\frac{z_0+z_{\alpha/2,\,1-\alpha/2}}{1-a(z_0+z_{\dots})}\Big)",
    "bootstrap normal": r"\bar x \pm z_{1-\alpha/2}\,\mathrm{SE}^*",
}


def interval_latex(run) -> list[str]:
    """The method's formula and what the samples found."""
    covered = int(run.covers.sum())
    total = len(run.covers)
    return [
        INTERVAL_LATEX[run.method],
        rf"\text{{covered }} \mu = {tex(run.truth, 4)}:\ {covered}/{total} = "
        rf"{tex(run.coverage, 3)} \pm {tex(run.error, 2)}",
        rf"\text{{aim: }} 1-\alpha = {tex(run.level, 3)}",
    ]


def coverage_markdown(table: dict[str, float], level: float, repeats: int) -> str:
    """Every method's coverage on the same samples, as a Markdown table."""
    error = math.sqrt(level * (1 - level) / repeats)
    rows = [f"| {name} | {text(share, 3)} |" for name, share in table.items()]
    return "\n".join(
        [
            f"**Coverage on the same {repeats} samples** (aim {text(level, 3)}; ±2 binomial "
            f"SE is ±{text(2 * error, 2)}):",
            "",
            "| interval | share covering μ |",
            "| --- | --- |",
            *rows,
        ]
    )


def interval_notes(run) -> list[Note]:
    gap = run.coverage - run.level
    notes = []
    if abs(gap) > 2.6 * math.sqrt(run.level * (1 - run.level) / len(run.covers)):
        side = "less" if gap < 0 else "more"
        notes.append(Note("warning", f"These intervals cover μ {side} often than they claim "
                                     f"({text(run.coverage, 3)} against {text(run.level, 3)}): "
                                     "beyond what chance explains."))  # fmt: skip
    else:
        notes.append(Note("info", f"The coverage {text(run.coverage, 3)} is within chance of "
                                  f"{text(run.level, 3)}."))  # fmt: skip
    if run.method.startswith("bootstrap") and run.n < 15:
        notes.append(
            Note(
                "info",
                "The bootstrap resamples the sample itself, so at small n "
                "it never sees a value beyond the sample's range: its "
                "distribution is too narrow, and its intervals undercover.",
            )
        )
    if run.method == "z (with s)" and run.n < 30:
        notes.append(
            Note(
                "info",
                "With s in place of σ, the z interval is too narrow at "
                "small n: t's wider quantile pays for not knowing σ.",
            )
        )
    return notes


INTERVALS_EXPLAIN = (
    "Each line is one sample's interval for the mean; **▶ Play** draws them one by one. The "
    "true mean μ (dashed) never moves: it is the intervals that vary, and a 95% method "
    "covers μ in about 95 of 100 samples, green, and misses in the others, red. Below, the "
    "share covering so far settles inside the binomial band around 1 − α. Try n = 3 with "
    "the z interval (too narrow), a skewed log-normal with the t interval (it misses on one "
    "side), and the bootstrap's percentile and BCa intervals on the same samples."
)

# ---- bootstrap ------------------------------------------------------------------------------


def bootstrap_latex(run) -> list[str]:
    low, high = run.intervals["percentile"]
    return [
        rf"\hat\theta = {tex(run.estimate, 4)}",
        rf"\mathrm{{SE}}^* = \mathrm{{sd}}(\hat\theta^*_1,\dots,\hat\theta^*_B) = "
        rf"{tex(run.standard_error, 3)}",
        rf"\text{{percentile: }} [{tex(low, 4)},\ {tex(high, 4)}]",
        rf"\text{{BCa: }} [{tex(run.intervals['BCa'][0], 4)},\ {tex(run.intervals['BCa'][1], 4)}]",
        rf"\text{{normal: }} [{tex(run.intervals['normal'][0], 4)},\ "
        rf"{tex(run.intervals['normal'][1], 4)}]",
        rf"\text{{analytic: }} [{tex(run.analytic[0], 4)},\ {tex(run.analytic[1], 4)}]",
    ]


def bootstrap_notes(run, analytic_name: str) -> list[Note]:
    low, high = run.intervals["percentile"]
    width, analytic = high - low, run.analytic[1] - run.analytic[0]
    return [
        Note("info", f"The bootstrap's percentile interval is {text(width, 3)} wide; the "
                     f"{analytic_name} is {text(analytic, 3)} wide. The bootstrap needed no "
                     "formula: only the sample, resampled."),
    ]  # fmt: skip


BOOTSTRAP_EXPLAIN = (
    "The bootstrap pretends the sample is the population: it draws n values from it with "
    "replacement (some twice, some not at all), computes the statistic, and repeats B "
    "times. **▶ Play** builds the histogram of those B values: its spread estimates the "
    "statistic's standard error, and its 2.5% and 97.5% points give the percentile interval. "
    "BCa moves those points for the histogram's bias and skew; the normal interval is "
    "θ̂ ± 1.96·SE*. The analytic interval needs a formula for each statistic (t for a mean, "
    "binomial order statistics for a median, Fisher's z for a correlation); the bootstrap "
    "works the same way for all three."
)
