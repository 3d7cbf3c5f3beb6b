"""The words and formulas of /sampling: each sampler's rule with the current numbers, and
notes on how the run did (acceptance, a wrong envelope, chains that disagree, the error of π).

LaTeX here renders in KaTeX; numbers go through :mod:`mathviz.core.numbers`.
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt
from mathviz.probability import mcmc, samplers

WHY = (
    "Sampling is how machine learning computes what it cannot integrate. **Inverse "
    "transform** is how every library turns uniform random bits into normals, exponentials "
    "and categories (a softmax sampled from its CDF picks a language model's next token); "
    "the same trick in reverse, u = F(x), is behind normalising flows and the "
    "reparameterisation trick. **Rejection sampling** is exact but pays 1/M per draw, which "
    "collapses in high dimensions. **Markov chain Monte Carlo** (Metropolis–Hastings, and "
    "its descendant HMC in Stan and PyMC) samples Bayesian posteriors known only up to a "
    "constant; ESS and R̂ are how you know whether to trust it. And **Monte Carlo** error "
    "shrinks as 1/√n whatever the dimension: why a mini-batch gradient, dropout and every "
    "stochastic estimate in ML work at all, and why halving their noise costs four times "
    "the samples."
)
WHY_SHORT = (
    "Uniforms → any distribution (F⁻¹); exact sampling by rejection costs 1/M; MCMC samples "
    "posteriors known up to a constant (check ESS and R̂); Monte Carlo error ∝ 1/√n."
)


# ---- inverse transform ----------------------------------------------------------------------

# Every rule in lines that fit presentation mode's side column (about 430 px at 1280x720).
INVERSE_RULE = (
    r"U \sim \mathrm{Uniform}(0, 1),\quad X = F^{-1}(U)",
    r"\Rightarrow\ P(X \le x) = P\bigl(U \le F(x)\bigr) = F(x)",
)
DISCRETE_INVERSE = r"F^{-1}(u) = \min\{k : F(k) \ge u\}"


def _finite(x: float) -> bool:
    return x is not None and math.isfinite(float(x))


def inverse_latex(run: samplers.InverseRun, rv) -> list[str]:
    """The rule, the first draw worked out, and the sample's mean against the true one."""
    lines = [*INVERSE_RULE]
    if run.discrete:
        lines.append(DISCRETE_INVERSE)
    if len(run.u):
        lines.append(
            rf"u_1 = {tex(run.u[0], 4)} \;\mapsto\; x_1 = F^{{-1}}({tex(run.u[0], 4)}) "
            rf"= {tex(run.x[0], 4)}"
        )
    mean = float(rv.mean())
    truth = (
        rf"\mathbb{{E}}X = {tex(mean, 4)}" if _finite(mean) else r"\mathbb{E}X\ \text{undefined}"
    )
    lines += [rf"\bar x_{{{run.n}}} = {tex(run.mean, 4)}", truth]
    return lines


def inverse_notes(run: samplers.InverseRun, name: str) -> list[Note]:
    """How the draws did, and what to notice."""
    distance = "largest gap between shares and PMF" if run.discrete else "KS distance"
    notes = [Note("info", f"{fmt(run.n)} draws of the {name}: {distance} to the true "
                          f"distribution {fmt(run.ks, 3)}, about 1/√n = "
                          f"{fmt(1 / math.sqrt(run.n), 3)} as it should be.")]  # fmt: skip
    if not run.discrete:
        notes.append(Note("info", "F(X) is uniform, so with the same seed the KS distance is "
                                  "the same for every continuous distribution: it measures "
                                  "the uniforms, not F."))  # fmt: skip
    if run.tabulated:
        notes.append(
            Note(
                "info",
                "This F⁻¹ has no formula: it is read from a table of "
                f"{fmt(samplers.TABLE_POINTS)} values of F, inverted by "
                "interpolation (what libraries do for such distributions).",
            )
        )
    if run.outside:
        notes.append(Note("warning", f"{fmt(run.outside)} of the {fmt(run.n)} draws fell "
                                     "outside the window drawn (the tails); they count in n, "
                                     "so the bars' area falls short of 1."))  # fmt: skip
    return notes


# ---- rejection sampling ---------------------------------------------------------------------

REJECTION_RULE = (
    r"x \sim g,\quad u \sim \mathrm{Uniform}(0, 1)",
    r"\text{keep } x \text{ if } u\, M g(x) \le f(x)",
)


def rejection_latex(run: samplers.RejectionRun) -> list[str]:
    """The rule, the acceptance chance (1/M, or the truncated area) and the best M."""
    lines = [*REJECTION_RULE]
    if run.cut:
        lines += [
            rf"P(\text{{keep}}) = \frac{{1}}{{M}}\int \min(f, Mg)\,dx = {tex(run.expected, 4)}",
            rf"> \frac{{1}}{{M}} = {tex(1 / run.m, 4)}",
        ]
    else:
        lines.append(
            rf"P(\text{{keep}}) = \frac{{1}}{{M}}\int f\,dx = \frac{{1}}{{{tex(run.m, 3)}}} "
            rf"= {tex(1 / run.m, 4)}"
        )
    lines += [
        rf"M^* = \sup_x \frac{{f(x)}}{{g(x)}} = {tex(run.best, 4)}",
        rf"\text{{kept }} {run.n_accepted}/{run.n} = {tex(run.rate, 4)}",
    ]
    return lines


def rejection_notes(run: samplers.RejectionRun) -> list[Note]:
    """Acceptance against theory, and a loud warning when M is too small."""
    se = math.sqrt(run.expected * (1 - run.expected) / run.n)
    notes = [Note("info", f"Kept {fmt(100 * run.rate, 3)}% of {fmt(run.n)} proposals; "
                          f"theory says {fmt(100 * run.expected, 3)}% ± "
                          f"{fmt(100 * se, 2)}% (one binomial standard error).")]  # fmt: skip
    ks = "" if run.ks is None else f" (KS distance of the kept draws to f: {fmt(run.ks, 3)})"
    if run.cut:
        notes.append(Note("warning", f"**M = {fmt(run.m, 3)} is below sup f/g = "
                                     f"{fmt(run.best, 3)}**: f pokes out of the envelope (red),"
                                     " where no proposal can land under it. The kept draws "
                                     "follow min(f, M·g) rescaled (dotted), **not f**: the "
                                     f"sample is wrong{ks}."))  # fmt: skip
    else:
        notes.append(Note("info", f"f ≤ M·g everywhere, so the kept draws follow f exactly"
                                  f"{ks}. The smallest safe M is M* = {fmt(run.best, 3)}; "
                                  f"a larger M only wastes proposals: {fmt(run.m / run.best, 3)}"
                                  "× as many as needed."))  # fmt: skip
    return notes


# ---- Metropolis–Hastings --------------------------------------------------------------------

MH_RULE = (
    r"x' = x + \sigma z,\quad z \sim N(0, I)",
    r"\alpha = \min\Bigl(1, \frac{\pi(x')}{\pi(x)}\Bigr)",
    r"\text{accept if } \log u < \log\pi(x') - \log\pi(x)",
)
ESS_RULE = (
    r"\mathrm{ESS} = \frac{MN}{\hat\tau},\quad \hat\tau = 1 + 2\sum_{t \ge 1}\hat\rho_t",
    r"\hat\rho_t = 1 - \frac{W - \overline{\gamma_t}}{\widehat{\mathrm{var}}^+}",
)
RHAT_RULE = (
    r"\hat R = \sqrt{\frac{\widehat{\mathrm{var}}^+}{W}}",
    r"\widehat{\mathrm{var}}^+ = \frac{N - 1}{N}\,W + \frac{B}{N}",
)
OPTIMAL_ACCEPTANCE = 0.234  # Roberts, Gelman & Gilks (1997), as the dimension grows


def _pair(values: np.ndarray, digits: int) -> tuple[str, str]:
    return tuple(tex(float(v), digits) if math.isfinite(v) else r"\text{undefined}"
                 for v in values)  # fmt: skip


def mh_latex(run: mcmc.Run) -> list[str]:
    """The rule, then ESS and R̂ (bulk, rank-normalised, split chains) with their values."""
    ess_x, ess_y = _pair(run.ess, 3)
    rhat_x, rhat_y = _pair(run.rhat, 4)
    chains, kept = run.kept.shape[:2]
    return [
        *MH_RULE,
        rf"\text{{accepted after burn-in: }} {tex(100 * float(run.acceptance.mean()), 3)}\%",
        *ESS_RULE,
        rf"\mathrm{{ESS}}_x = {ess_x},\quad \mathrm{{ESS}}_y = {ess_y}",
        rf"\text{{of }} MN = {chains} \times {kept}",
        *RHAT_RULE,
        rf"\hat R_x = {rhat_x},\quad \hat R_y = {rhat_y}",
    ]


def mh_notes(run: mcmc.Run, asked_burn: int) -> list[Note]:
    """Acceptance, convergence and efficiency in words."""
    rate = float(run.acceptance.mean())
    notes = []
    if asked_burn > run.burn:
        notes.append(Note("info", f"The burn-in is capped at half the steps: {fmt(run.burn)}."))
    if rate > 0.8:
        notes.append(Note("warning", f"{fmt(100 * rate, 3)}% accepted: σ is small, so almost "
                                     "every step is taken but each goes nowhere; the chains "
                                     "crawl (look at the autocorrelation)."))  # fmt: skip
    elif rate < 0.1:
        notes.append(Note("warning", f"Only {fmt(100 * rate, 3)}% accepted: σ is so large "
                                     "that nearly every proposal lands where π is tiny; the "
                                     "chains sit still for long stretches."))  # fmt: skip
    else:
        where = ("in the range (20–50%) where a random walk mixes best in a few dimensions"
                 if 0.2 <= rate <= 0.5 else
                 "a little " + ("high" if rate > 0.5 else "low") + " of the 20–50% where a "
                 "random walk mixes best: try a " + ("larger" if rate > 0.5 else "smaller")
                 + " σ")  # fmt: skip
        notes.append(Note("info", f"{fmt(100 * rate, 3)}% accepted: {where}."))
    if not np.all(np.isfinite(run.ess)):
        notes.append(Note("warning", "The chains never moved after the burn-in: ESS and R̂ "
                                     "are undefined. Shrink σ."))  # fmt: skip
        return notes
    worst = float(np.max(run.rhat))
    if len(run.acceptance) == 1:
        notes.append(Note("info", "With one chain, R̂ compares its two halves only; run "
                                  "several chains from dispersed starts to check them against "
                                  "each other."))  # fmt: skip
    if worst > 1.01:
        notes.append(Note("warning", f"R̂ = {fmt(worst, 4)} > 1.01: the chains disagree, so "
                                     "they have not converged to one distribution. Run longer,"
                                     " tune σ, or (with separated modes) use a better sampler;"
                                     " do not trust these draws yet."))  # fmt: skip
    else:
        notes.append(Note("info", f"R̂ ≤ {fmt(worst, 4)}: the chains agree with each other."))
    efficiency = float(np.min(run.ess)) / run.count
    notes.append(
        Note(
            "info",
            f"{fmt(run.count)} draws are worth about "
            f"{fmt(float(np.min(run.ess)), 3)} independent ones "
            f"({fmt(100 * efficiency, 2)}%): the price of correlated steps.",
        )
    )
    target = mcmc.TARGETS[run.target]
    if target.mean is not None:
        notes.append(Note("info", f"Sample mean ({fmt(run.mean[0], 3)}, {fmt(run.mean[1], 3)});"
                                  f" the target's is ({fmt(target.mean[0], 3)}, "
                                  f"{fmt(target.mean[1], 3)})."))  # fmt: skip
    return notes


# ---- tuning ---------------------------------------------------------------------------------

TUNING_RULE = (
    r"\text{best acceptance} \approx 0.234",
    r"(0.44 \text{ in one dimension})",
)


def tuning_latex(sweep: mcmc.Sweep, sigma: float, run: mcmc.Run) -> list[str]:
    """The rule of thumb, the best σ of the sweep and the chosen one."""
    efficiency = np.where(np.isfinite(sweep.ess_per_draw), sweep.ess_per_draw, -1.0)
    best = int(np.argmax(efficiency))
    chosen = np.nan if np.isnan(run.ess).any() else float(np.min(run.ess)) / run.count
    chosen_tex = tex(chosen, 3) if math.isfinite(chosen) else r"\text{undefined}"
    return [
        *TUNING_RULE,
        rf"\text{{best of the sweep: }}\sigma = {tex(sweep.sigmas[best], 3)}",
        rf"\text{{accepted }} {tex(100 * sweep.acceptance[best], 3)}\%,\ "
        rf"\mathrm{{ESS}}/\text{{draw}} = {tex(sweep.ess_per_draw[best], 3)}",
        rf"\text{{chosen: }}\sigma = {tex(sigma, 3)}",
        rf"\text{{accepted }} {tex(100 * float(run.acceptance.mean()), 3)}\%,\ "
        rf"\mathrm{{ESS}}/\text{{draw}} = {chosen_tex}",
    ]


def tuning_notes(name: str) -> list[Note]:
    """What the sweep says, per target."""
    notes = [
        Note(
            "info",
            "Too small a σ accepts almost everything and crawls; too large a σ "
            "rejects almost everything and sits still. Both give few effective "
            "draws: the efficiency peaks in between, near 20–50% accepted.",
        )
    ]
    if name == "Three modes":
        notes.append(
            Note(
                "warning",
                "With separated modes no single σ is good: small steps "
                "never leave a mode, large ones are rejected. A large σ "
                "crosses between modes now and then, which is why its "
                "ESS can look better than its acceptance suggests.",
            )
        )
    return notes


# ---- Monte Carlo π --------------------------------------------------------------------------

PI_RULE = (
    r"\hat\pi_n = 4\cdot\frac{\#\{i : x_i^2 + y_i^2 \le 1\}}{n}",
    r"\mathbb{E}\,\hat\pi_n = 4p = \pi,\quad p = \frac{\pi}{4}",
)


def pi_latex(run: samplers.PiRun) -> list[str]:
    """The estimator, its standard error at n and the estimate itself."""
    se = float(samplers.pi_standard_error(run.n))
    return [
        *PI_RULE,
        rf"\mathrm{{SE}} = 4\sqrt{{\frac{{p(1 - p)}}{{n}}}} = "
        rf"\frac{{{tex(4 * math.sqrt(samplers.QUARTER * (1 - samplers.QUARTER)), 4)}}}"
        rf"{{\sqrt{{{run.n}}}}} = {tex(se, 3)}",
        rf"\hat\pi_{{{run.n}}} = {tex(run.estimate, 6)},\quad "
        rf"|\hat\pi - \pi| = {tex(abs(run.estimate - math.pi), 3)}",
    ]


def pi_notes(run: samplers.PiRun) -> list[Note]:
    """The error against the standard error, and the fitted slope."""
    se = float(samplers.pi_standard_error(run.n))
    error = abs(run.estimate - math.pi)
    within = error <= 1.96 * se
    verdict = ("within" if within else "outside") + " the 95% band (1.96 SE)"
    return [
        Note("info" if within else "warning",
             f"After {fmt(run.n)} points the error is {fmt(error, 3)}, {verdict}: about 1 run "
             "in 20 lands outside it by chance."),
        Note("info", f"Over {samplers.PI_REPEATS} independent runs the RMS error falls with "
                     f"slope {fmt(run.slope, 3)} on the log-log plot: 1/√n, so each extra "
                     "correct digit costs 100 times the points."),
    ]  # fmt: skip
