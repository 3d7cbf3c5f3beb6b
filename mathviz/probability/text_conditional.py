"""The words and formulas of /conditional-probability: Bayes' rule with the current numbers,
its natural-frequency reading, the conjugate Beta update, and the joint Gaussian's
covariance, ellipses, conditional slice and Cholesky factor; notes for the edge cases
(prevalence 0 or 1, a test nobody passes, |ρ| near 1).
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import latex_matrix, tex
from mathviz.core.numbers import text as fmt
from mathviz.probability.bayes import BetaSummary, CoinRun, MedicalTest, Posterior
from mathviz.probability.joint import (
    RHO_LIMIT,
    Axes,
    Conditional,
    Gaussian2,
    SamplingSteps,
)

DIGITS = 3


def _p(x: float | None) -> str:
    return r"\text{undefined}" if x is None else tex(x, DIGITS)


def _percent(x: float) -> str:
    return fmt(100 * x, 3) + "%"


def _are(count: int) -> str:
    """``1 is`` or ``3 are``."""
    return f"{count} {'is' if count == 1 else 'are'}"


# --- the medical test ------------------------------------------------------------------------


def bayes_latex(test: MedicalTest, post: Posterior) -> list[str]:
    """Bayes' rule for P(sick | +) and P(healthy | −), symbols then the current numbers."""
    p, sens, spec = test.prevalence, test.sensitivity, test.specificity
    # Symbols, then numbers, one line each: together they overflow a projector's side column.
    positive = (
        r"P(\text{sick} \mid +) = \frac{P(+ \mid \text{sick})\,P(\text{sick})}{P(+)}",
        rf"= \frac{{{tex(sens)} \times {tex(p)}}}{{{tex(sens)} \times {tex(p)} + "
        rf"{tex(1 - spec)} \times {tex(1 - p)}}} = {_p(post.sick_if_positive)}",
    )
    negative = (
        r"\begin{aligned} &P(\text{healthy} \mid -) \\ &\quad = "
        r"\frac{P(- \mid \text{healthy})\,P(\text{healthy})}{P(-)} \end{aligned}",
        rf"= \frac{{{tex(spec)} \times {tex(1 - p)}}}{{{tex(spec)} \times {tex(1 - p)} + "
        rf"{tex(1 - sens)} \times {tex(p)}}} = {_p(post.healthy_if_negative)}",
    )
    return [*positive, *negative]


def repeat_latex(beliefs: np.ndarray) -> str:
    """The belief after each positive test in a row: P(sick) → P(sick | +) → …"""
    steps = r" \;\to\; ".join(tex(b, DIGITS) for b in beliefs)
    return rf"P(\text{{sick}}):\; {steps}"


def medical_notes(test: MedicalTest, post: Posterior, counts: np.ndarray,
                  beliefs: np.ndarray) -> list[Note]:  # fmt: skip
    """The natural-frequency reading, then what is odd about these settings, if anything."""
    sick_pos, sick_neg, healthy_pos, healthy_neg = (int(c) for c in counts)
    people = int(np.sum(counts))
    shown = []
    positives, negatives = sick_pos + healthy_pos, sick_neg + healthy_neg
    if positives:
        healthy, sick = healthy_pos + healthy_neg, sick_pos + sick_neg
        alarms = ""
        if healthy_pos:
            alarms = (f" The {healthy_pos:,} false alarms come from the {healthy:,} healthy "
                      "people" + (f", who outnumber the {sick:,} sick ones." if healthy > sick
                                  else "."))  # fmt: skip
        shown.append(Note("info", (
            f"Of {people:,} people, **{positives:,} test positive, and {_are(sick_pos)} "
            f"sick**: P(sick | +) ≈ {sick_pos}/{positives}.{alarms}"
        )))  # fmt: skip
    if negatives:
        shown.append(Note("info", (
            f"Of the {negatives:,} who test negative, {_are(healthy_neg)} healthy and "
            f"{_are(sick_neg)} sick (missed by the test)."
        )))  # fmt: skip
    if post.sick_if_positive is None:
        shown.append(Note("warning", (
            "Nobody can test positive here (no one is sick and the test never gives a false "
            "alarm), so P(sick | +) is undefined: Bayes' rule would divide by P(+) = 0."
        )))  # fmt: skip
    if post.healthy_if_negative is None:
        shown.append(Note("warning", (
            "Nobody can test negative here, so P(healthy | −) is undefined: P(−) = 0."
        )))  # fmt: skip
    if test.prevalence in (0.0, 1.0):
        state = "nobody is sick" if test.prevalence == 0 else "everybody is sick"
        shown.append(Note("warning", (
            f"With prevalence {fmt(test.prevalence)}, {state}: a prior of 0 or 1 is certainty, "
            "and no test result can move it (Bayes' rule multiplies the prior)."
        )))  # fmt: skip
    if test.sensitivity + test.specificity <= 1 and 0 < test.prevalence < 1:
        shown.append(Note("warning", (
            "Sensitivity + specificity ≤ 1: a positive result is no more likely for the sick "
            "than for the healthy, so it tells nothing, or points the wrong way."
        )))  # fmt: skip
    if len(beliefs) > 2:
        shown.append(Note("info", (
            f"After {len(beliefs) - 1} positive tests in a row (independent given the "
            f"person's state), P(sick) = {fmt(beliefs[-1])}: each posterior is the next "
            "test's prior."
        )))  # fmt: skip
    return shown


# --- the coin --------------------------------------------------------------------------------


def coin_latex(run: CoinRun) -> list[str]:
    """The conjugate update and the posterior's summaries after all the flips."""
    final = run.summaries[-1]
    heads, tails = int(run.heads[-1]), int(run.tails[-1])
    mode = "" if final.mode is None else rf",\quad \hat\theta_{{\text{{MAP}}}} = {tex(final.mode)}"
    return [
        r"p(\theta \mid \text{flips}) \propto "
        r"\underbrace{\theta^{h}(1-\theta)^{t}}_{\text{likelihood}} \times "
        r"\underbrace{\theta^{\alpha-1}(1-\theta)^{\beta-1}}_{\text{prior}}",
        r"\propto \theta^{\alpha+h-1}(1-\theta)^{\beta+t-1}",
        rf"\mathrm{{Beta}}({tex(run.alpha)}, {tex(run.beta)}) \;\xrightarrow{{h = {heads},\;"
        rf" t = {tails}}}\; \mathrm{{Beta}}({tex(final.a)}, {tex(final.b)})",
        rf"E[\theta] = \frac{{\alpha + h}}{{\alpha + \beta + n}} = {tex(final.mean)}{mode}",
        rf"95\%\ \text{{credible interval}}: [{tex(final.low)},\ {tex(final.high)}]",
    ]


def coin_notes(run: CoinRun) -> list[Note]:
    """Where the truth sits against the interval, and what the prior is worth in flips."""
    final: BetaSummary = run.summaries[-1]
    n = len(run.flips)
    inside = final.low <= run.bias <= final.high
    shown = [Note("info", (
        f"After {n} flips the posterior puts 95% of its mass on [{fmt(final.low)}, "
        f"{fmt(final.high)}]; the true bias {fmt(run.bias)} is "
        + ("inside it." if inside else "**outside** it (it happens 5% of the time, or the "
           "prior pulls hard).")
    )), Note("info", (
        f"The prior Beta({fmt(run.alpha)}, {fmt(run.beta)}) counts like "
        f"{fmt(run.alpha + run.beta - 2)} imagined flips, α − 1 = {fmt(run.alpha - 1)} of "
        "them heads: the more real flips, the less it matters."
    ))]  # fmt: skip
    if final.mode is None:
        shown.append(Note("warning", (
            "The posterior has no single peak (both parameters ≤ 1: it is U-shaped or flat), "
            "so there is no MAP estimate; the mean still is one."
        )))  # fmt: skip
    if run.bias in (0.0, 1.0):
        side = "tails" if run.bias == 0 else "heads"
        shown.append(Note("info", (
            f"A bias of {fmt(run.bias)} always gives {side}; the posterior piles up against "
            "the end, but a Beta density never reaches certainty after finitely many flips."
        )))  # fmt: skip
    return shown


# --- the joint Gaussian ---------------------------------------------------------------------


def sigma_latex(gaussian: Gaussian2) -> str:
    """Σ with its entries in symbols and numbers."""
    return (
        r"\Sigma = \begin{bmatrix} \sigma_x^2 & \rho\sigma_x\sigma_y \\ \rho\sigma_x\sigma_y "
        rf"& \sigma_y^2 \end{{bmatrix}} = {latex_matrix(gaussian.covariance)}"
    )


def joint_latex(gaussian: Gaussian2, axes: Axes, given: Conditional) -> list[str]:
    """Σ, its eigenvalues and half-axes, and the conditional slice's mean and variance."""
    g = gaussian
    l1, l2 = (float(v) for v in axes.variances)
    return [
        sigma_latex(g),
        r"\Sigma = Q\Lambda Q^\top,\quad "
        rf"\lambda_1 = {tex(l1)},\ \lambda_2 = {tex(l2)}",
        rf"k\sigma\text{{ half-axes: }} k\sqrt{{\lambda_i}} = k \times {tex(math.sqrt(l1))},\ "
        rf"k \times {tex(math.sqrt(l2))}",
        r"E[y \mid x_0] = \mu_y + \rho\frac{\sigma_y}{\sigma_x}(x_0 - \mu_x)",
        rf"= {tex(g.mean[1])} + {tex(g.rho)} \times \frac{{{tex(g.sy)}}}{{{tex(g.sx)}}} \times "
        rf"({tex(given.x0)} - {tex(g.mean[0])}) = {tex(given.mean)}",
        r"\operatorname{Var}[y \mid x_0] = \sigma_y^2(1 - \rho^2)",
        rf"= {tex(g.sy**2)} \times "
        rf"(1 - {tex(g.rho**2)}) = {tex(given.variance)}",
    ]


def joint_notes(gaussian: Gaussian2, axes: Axes, given: Conditional) -> list[Note]:
    """The correlation read off the picture, and the near-degenerate and clamped cases."""
    g = gaussian
    angle = math.degrees(math.atan2(axes.directions[1, 0], axes.directions[0, 0]))
    angle = (angle + 90) % 180 - 90  # a line's direction, in (−90°, 90°]
    shown = [Note("info", (
        f"Correlation ρ = {fmt(g.rho)}: the long axis of the ellipses points at "
        f"{fmt(angle, places=1)}° (the first eigenvector of Σ). Knowing x = {fmt(given.x0)} "
        f"narrows y from σy = {fmt(g.sy)} to σ = {fmt(given.sd)} "
        f"({_percent(1 - given.sd / g.sy)} less), the same for every x₀."
    ))]  # fmt: skip
    if g.rho == 0:
        shown.append(Note("info", (
            "ρ = 0: the ellipses' axes are x and y, and the slice p(y | x₀) is p(y) itself: "
            "for a Gaussian, uncorrelated means independent."
        )))  # fmt: skip
    if g.nearly_degenerate:
        shown.append(Note("warning", (
            f"|ρ| = {fmt(abs(g.rho))} is close to 1: Σ is nearly singular (det Σ = "
            f"{fmt(float(np.linalg.det(g.covariance)))}), the density is a thin ridge along "
            "a line, and x almost determines y."
        )))  # fmt: skip
    if g.clamped:
        shown.append(Note("warning", (
            f"The settings asked for were out of range and were clamped (|ρ| ≤ "
            f"{fmt(RHO_LIMIT)}, so that Σ stays positive definite)."
        )))  # fmt: skip
    return shown


def sampling_latex(steps: SamplingSteps) -> list[str]:
    """x = μ + Lz with the factor, and the sample covariance against Σ."""
    return [
        r"z \sim N(0, I),\quad x = \mu + Lz",
        r"x \sim N(\mu, LL^\top),\quad LL^\top = \Sigma",
        r"L = \begin{bmatrix} \sigma_x & 0 \\ \rho\sigma_y & \sigma_y\sqrt{1-\rho^2} "
        rf"\end{{bmatrix}} = {latex_matrix(steps.factor)}",
        r"\hat\Sigma = \frac{1}{n-1}\sum_i (x_i - \bar x)(x_i - \bar x)^\top",
        rf"\hat\Sigma = {latex_matrix(steps.sample_covariance)}",
    ]


def sampling_notes(steps: SamplingSteps, gaussian: Gaussian2) -> list[Note]:
    """How close the sample covariance came, against the error its sample size allows."""
    n = len(steps.shifted)
    error = float(np.max(np.abs(steps.sample_covariance - gaussian.covariance)))
    scale = float(np.max(np.abs(gaussian.covariance)))
    shown = [Note("info", (
        f"{n} points: the sample covariance is within {fmt(error)} of Σ (entries up to "
        f"{fmt(scale)}); its error shrinks like 1/√n, about {_percent(math.sqrt(2 / n))} of "
        "Σ's size here."
    ))]  # fmt: skip
    if gaussian.nearly_degenerate:
        shown.append(Note("warning", (
            f"|ρ| = {fmt(abs(gaussian.rho))}: L's last entry σy√(1 − ρ²) = "
            f"{fmt(float(steps.factor[1, 1]))} is small, so Lz squeezes the cloud onto "
            "nearly a line."
        )))  # fmt: skip
    return shown


WHY = (
    "A classifier's **precision** is exactly P(sick | +): with rare positives (fraud, a rare "
    "disease, a defect) even an accurate model raises mostly false alarms, which is why "
    "accuracy misleads on imbalanced data and why base rates belong in every evaluation. "
    "The Beta-binomial update is Bayesian learning in miniature: a prior, data, a posterior "
    "that becomes the next prior; a Beta(1, 1) prior's posterior mean is Laplace's add-one "
    "smoothing, used in naive Bayes and language models. Gaussians conditioned on what is "
    "seen are how Gaussian processes predict and Kalman filters track, and **x = μ + Lz** is "
    "the reparameterisation trick that lets a VAE back-propagate through a random sample."
)
WHY_SHORT = (
    "Precision is P(sick | +); posteriors become priors; x = μ + Lz is the VAE's "
    "reparameterisation trick."
)
