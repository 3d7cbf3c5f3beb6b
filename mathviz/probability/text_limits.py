"""The words and formulas of /limit-theorems: the shares of a coin or die, the running mean
and the KS distance with their current numbers, the central limit theorem's standardisation,
and notes that say plainly where a limit theorem does not apply (Cauchy)."""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt
from mathviz.probability.clt import CLTStudy
from mathviz.probability.sampling import ChanceRun, DrawSummary, RunningMean

# ---- coins and dice -------------------------------------------------------------------------


def chance_latex(run: ChanceRun) -> list[str]:
    """The share of heads (or of the likeliest-missed face) with the current numbers, and the
    typical gap √(p(1 − p)/n) after n throws."""
    n = run.n
    if len(run.faces) == 2:
        heads, p = int(run.counts[0]), float(run.probabilities[0])
        share = heads / n
        return [
            rf"\hat p_n = \frac{{\#\,\text{{heads}}}}{{n}} = \frac{{{heads}}}{{{n}}} = "
            rf"{tex(share)},\qquad p = {tex(p)}",
            rf"\sqrt{{\frac{{p\,(1 - p)}}{{n}}}} = {tex(math.sqrt(p * (1 - p) / n))}",
        ]
    counts = run.counts
    return [
        r"\hat p_j = \frac{\#\,j}{n}:\quad "
        + r",\ ".join(rf"\tfrac{{{int(c)}}}{{{n}}}" for c in counts)
        + r",\qquad p_j = \tfrac{1}{6}",
        rf"\sqrt{{\frac{{p_j\,(1 - p_j)}}{{n}}}} = {tex(math.sqrt(5 / 36 / n))}",
    ]


def chance_notes(run: ChanceRun) -> list[Note]:
    """What the throws show: the counts, the largest gap to the truth, and how big a gap is
    usual after n throws."""
    n, counts = run.n, run.counts
    shares = counts / n
    gaps = np.abs(shares - run.probabilities)
    worst = int(np.argmax(gaps))
    unit = "flips" if len(run.faces) == 2 else "rolls"
    seen = ", ".join(f"{face}: {int(c)}" for face, c in zip(run.faces, counts, strict=True))
    p = float(run.probabilities[worst])
    typical = math.sqrt(p * (1 - p) / n)
    notes = [Note("info", f"After {fmt(n)} {unit}: {seen}.")]
    if typical == 0:
        notes.append(
            Note(
                "info",
                "With p = 0 or 1 every flip comes out the same: there is "
                "nothing random to average, and the share is exact at once.",
            )
        )
        return notes
    notes.append(Note("info", (
        f"The share of **{run.faces[worst]}** is {fmt(shares[worst])} against a chance of "
        f"{fmt(p)}: off by {fmt(gaps[worst])}, while a gap of about √(p(1 − p)/n) = "
        f"{fmt(typical)} is usual after {fmt(n)} {unit}. Four times the {unit}, half the "
        "gap: the share settles, but slowly, and the count of heads minus n·p wanders off "
        "(its spread grows like √n)."
    )))  # fmt: skip
    if n < 30:
        notes.append(
            Note(
                "info",
                f"With only {fmt(n)} {unit}, streaks and lopsided shares are "
                "normal: ▶ Play and watch them wash out as n grows.",
            )
        )
    return notes


# ---- draws: histogram, KS, the running mean -------------------------------------------------


def lln_latex(summary: DrawSummary) -> list[str]:
    """The running mean after n draws against μ, with σ/√n; and the KS distance (each
    formula and its yardstick on lines of their own: a projector's side column)."""
    n = summary.n
    lines = [rf"\bar x_n = \frac{{1}}{{n}}\sum_{{i=1}}^{{n}} x_i = {tex(summary.sample_mean, 4)}"]
    truth = []
    if math.isfinite(summary.mean):
        truth.append(rf"\mu = {tex(summary.mean, 4)}")
    if math.isfinite(summary.std) and math.isfinite(summary.mean):
        truth.append(rf"\frac{{\sigma}}{{\sqrt{{n}}}} = {tex(summary.std / math.sqrt(n))}")
    if truth:
        lines.append(r",\qquad ".join(truth))
    lines.append(rf"D_n = \sup_x \left|F_n(x) - F(x)\right| = {tex(summary.ks)}")
    lines.append(rf"\frac{{0.87}}{{\sqrt{{n}}}} = {tex(0.8687 / math.sqrt(n))}")
    return lines


def lln_notes(summary: DrawSummary, cauchy: RunningMean | None = None) -> list[Note]:
    """What the draws show, and what no band can: a mean that does not exist."""
    n = summary.n
    notes = []
    typical = 0.8687 / math.sqrt(n)
    notes.append(Note("info", (
        f"The KS distance D = {fmt(summary.ks)} is the widest vertical gap between the two "
        f"CDFs (the red bar). For n draws from the true distribution it is about 0.87/√n = "
        f"{fmt(typical)} on average (Kolmogorov's limit), and it goes to 0 as n grows: the "
        "Glivenko-Cantelli theorem, the law of large numbers for the whole CDF at once."
    )))  # fmt: skip
    if summary.discrete:
        notes.append(
            Note(
                "info",
                "For a discrete distribution D is measured at the integers, "
                "where both CDFs jump (scipy's `kstest` formula is for "
                "continuous CDFs and overstates D at ties).",
            )
        )
    if summary.outside > 0.015:
        notes.append(
            Note(
                "info",
                f"{fmt(100 * summary.outside)}% of the draws fall outside "
                "the histogram's range; they are counted, not drawn.",
            )
        )
    if not math.isfinite(summary.mean):
        notes.append(Note("warning", (
            f"**{summary.name} has no mean**, so there is nothing for the running mean to "
            "settle on: the law of large numbers does not apply. Every so often one draw is "
            "so large that it drags the whole average with it, however many came before."
        )))  # fmt: skip
    elif not math.isfinite(summary.std):
        notes.append(Note("warning", (
            f"**{summary.name} has a mean but an infinite variance** at these settings: the "
            "running mean does settle on μ (the law of large numbers needs only a mean), but "
            "there is no σ/√n band, and it settles more slowly than 1/√n."
        )))  # fmt: skip
    elif summary.std > 0:
        inside = abs(summary.sample_mean - summary.mean) <= summary.std / math.sqrt(n)
        notes.append(Note("info", (
            f"After {fmt(n)} draws the running mean is {fmt(summary.sample_mean, 4)}, "
            f"{fmt(abs(summary.sample_mean - summary.mean))} from μ = {fmt(summary.mean, 4)}: "
            + ("inside" if inside else "outside")
            + f" the band σ/√n = {fmt(summary.std / math.sqrt(n))} (about 68% of runs end "
            "inside it). A hundred times the draws, a tenth of the band."
        )))  # fmt: skip
    if cauchy is not None and math.isfinite(summary.mean):
        notes.append(Note("warning", (
            "**Under it, a standard Cauchy** (the ratio of two independent normals), drawn "
            "with the same seed: it has no mean at all, and its running mean never settles. "
            "It jumps whenever one huge draw arrives, at any n: the mean of n Cauchy draws is "
            "itself a standard Cauchy, as spread out as a single draw."
        )))  # fmt: skip
    return notes


# ---- the central limit theorem --------------------------------------------------------------


def clt_latex(study: CLTStudy) -> list[str]:
    """The standardisation with its numbers, and the KS distance at the chosen n."""
    how, n = study.how, study.n
    if how.robust:
        lines = [r"Z_n = \frac{\bar X_n - m}{s/\sqrt{n}}",
                 rf"m = \text{{median}} = {tex(how.center)},\quad "
                 rf"s = \frac{{\text{{IQR}}}}{{1.349}} = {tex(how.scale)}"]  # fmt: skip
    else:
        lines = [r"Z_n = \frac{\bar X_n - \mu}{\sigma/\sqrt{n}} \xrightarrow{d} \mathcal{N}(0, 1)",
                 rf"\mu = {tex(how.center)},\quad \sigma = {tex(how.scale)}"]  # fmt: skip
    ks = float(study.ks[-1])
    lines.append(rf"\sup_z \left|P(Z_{{{n}}} \le z) - \Phi(z)\right| \approx {tex(ks)}")
    lines.append(rf"n = {n},\quad \text{{{fmt(study.used)} means}}")
    return lines


def clt_notes(study: CLTStudy, source_discrete: bool) -> list[Note]:
    """How the means were made, what the slope says, and the honest caveats: lattice effects,
    a missing third moment, and Cauchy, where the CLT fails."""
    how, notes = study.how, []
    if how.degenerate:
        return [
            Note(
                "info",
                "This source has no spread (σ = 0): every draw, and so every mean, "
                "is the same number. There is nothing to standardise.",
            )
        ]
    if study.exact:
        notes.append(Note("info", (
            f"Each mean is one draw of the exact law of the sum of n draws (the sum of n "
            f"{study.name.lower()} draws has a known distribution), so all "
            f"{fmt(study.used)} means at every n cost {fmt(study.used)} draws."
        )))  # fmt: skip
    else:
        capped = study.used < study.requested
        notes.append(Note("warning" if capped else "info", (
            f"These means are made the long way, {fmt(study.used)} rows of n draws each; "
            "the means at smaller n reuse the first draws of each row."
            + (f" Capped at {fmt(study.used)} means (of the {fmt(study.requested)} asked "
               "for) so that means × n stays within 5×10⁶ draws." if capped else "")
        )))  # fmt: skip
    if how.robust:
        notes.append(Note("warning", (
            f"**The central limit theorem fails here.** {study.name} has no finite variance "
            "(a Cauchy has not even a mean): the mean of n Cauchy draws is again Cauchy, "
            "exactly as spread out as one draw, so x̄ₙ never narrows: its interquartile range "
            f"is {fmt(study.spread[0])} at n = 1 and {fmt(study.spread[-1])} at n = "
            f"{study.n}. Standardised with √n anyway (centre the median, scale IQR/1.349), "
            "the means spread out instead of approaching N(0, 1), and the KS distance grows."
        )))  # fmt: skip
        return notes
    slope = study.slope_exact if math.isfinite(study.slope_exact) else study.slope
    if math.isfinite(slope):
        which = "exact curve" if math.isfinite(study.slope_exact) else "simulated points"
        notes.append(Note("info", (
            f"On log-log axes the KS distance falls on a line of slope {fmt(slope, 2)} (fit to "
            f"the {which}): D shrinks like n to the power {fmt(slope, 2)}. Berry-Esseen "
            "guarantees slope −½ whenever the third moment is finite: D ≤ 0.4748·E|X − μ|³/(σ³√n)."
        )))  # fmt: skip
    if study.exact and study.exact_ks.size and float(np.max(study.exact_ks)) < 1e-9:
        notes.append(
            Note(
                "info",
                "A mean of normal draws is exactly normal at every n: the "
                "simulated KS distances are pure sampling noise, at the "
                "noise floor.",
            )
        )
    elif math.isfinite(how.skew) and abs(how.skew) < 1e-9 and not source_discrete:
        notes.append(
            Note(
                "info",
                "This source is symmetric (no skewness), so the 1/√n term "
                "of the error vanishes and the KS distance falls faster, "
                "about like 1/n, until it meets the noise floor.",
            )
        )
    if how.third_moment_infinite:
        notes.append(
            Note(
                "warning",
                "This source has no finite third moment: the CLT still "
                "holds (σ is finite) but Berry-Esseen's rate is not "
                "guaranteed, and convergence can be slower than 1/√n.",
            )
        )
    if source_discrete:
        notes.append(Note("info", (
            "A discrete source's means live on a lattice of spacing 1/(σ√n): the KS distance "
            "then includes half a lattice jump, also of order 1/√n, so part of the slope −½ is "
            "the lattice, not the shape (the histogram's bins hold whole lattice points)."
        )))  # fmt: skip
    below = study.ks <= 3 * study.floor
    if below.any():
        notes.append(Note("info", (
            f"With {fmt(study.used)} means, the KS distance cannot be measured below about "
            f"0.87/√M = {fmt(study.floor, 2)} (the dotted line): points near it are noise, "
            "and the fit leaves out those within three times it."
        )))  # fmt: skip
    return notes


WHY = (
    "Almost every number a model reports is an average: the training loss is the mean loss "
    "over a mini-batch, a test accuracy the share of correct answers, a Monte Carlo estimate "
    "the mean of random draws. The law of large numbers is why these averages mean "
    "anything, and the central limit theorem says how far off they are: about σ/√n, normally "
    "distributed, which is where error bars, confidence intervals and the noise of SGD's "
    "mini-batch gradients (variance σ²/b for a batch of b) come from. Heavy tails break it: "
    "a loss with rare enormous values (a Cauchy-like gradient noise) keeps averages jumpy, "
    "one reason for gradient clipping and robust losses."
)
WHY_SHORT = "Every loss and metric is an average: the LLN says it converges, the CLT by σ/√n."
