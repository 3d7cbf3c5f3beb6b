"""How ML samples: inverse transform, rejection sampling, Metropolis–Hastings (its chains,
diagnostics and the proposal scale) and Monte Carlo π."""

import streamlit as st

from mathviz import ui
from mathviz.core.notes import Note
from mathviz.core.numbers import text
from mathviz.plot.animation import speed_factor
from mathviz.probability import figures_sampling as figures
from mathviz.probability import mcmc, samplers
from mathviz.probability import text_sampling as words
from mathviz.probability.distributions import DISTRIBUTIONS
from mathviz.probability.params import SAMPLING as P

ui.page_header(
    "How ML samples",
    "Uniform random numbers in, any distribution out: by inverting a CDF, by rejecting, by "
    "walking a Markov chain.",
)


def inverse_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        name = ui.control(P["dist"])
        distribution = DISTRIBUTIONS[name]
        given = dict(zip(distribution.keys, ui.controls(*distribution.controls()), strict=True))
        n, seed, speed = ui.controls(P["inv_n"], P["seed"], P["speed"])
    values = samplers.settings(distribution.values(given))
    n, seed = samplers.clamp_count(n, 1, samplers.MAX_INVERSE_DRAWS), int(seed)
    run = samplers.inverse_run(name, values, n, seed)
    with stage.picture:
        ui.plot(figures.inverse_chart, name, values, n, seed, speed_factor(speed), dark,
                key="inverse_chart", height=620)  # fmt: skip
    with stage.words:
        for line in words.inverse_latex(run, distribution.frozen(dict(values))):
            ui.formula(line)
        problems = [Note("warning", s) for s in distribution.problems(given)]
        ui.notes(problems + words.inverse_notes(run, name))
    ui.explain(
        "Each uniform u starts on the vertical axis, runs across to the CDF and drops to "
        "x = F⁻¹(u) (**▶ Play**): steep parts of F catch many u's, so x lands often where the "
        "density is high. Below, the histogram of every x built so far against the true "
        "density; after the first 30 draws the count grows to n. Discrete distributions have "
        "a step CDF: a u anywhere on a riser's height lands on that value."
    )


def rejection_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        name = ui.control(P["rej_target"])
        m, n = ui.controls(P["rej_m"], P["rej_n"])
        seed, speed = ui.controls(P["seed"], P["speed"])
    n, seed = samplers.clamp_count(n, 10, samplers.MAX_PROPOSALS), int(seed)
    run = samplers.rejection_run(name, float(m), n, seed)
    with stage.picture:
        ui.plot(figures.rejection_chart, name, float(m), n, seed, speed_factor(speed), dark,
                key="rejection_chart", height=620)  # fmt: skip
    with stage.words:
        for line in words.rejection_latex(run):
            ui.formula(line)
        ui.notes(words.rejection_notes(run))
    ui.explain(
        f"{samplers.REJECTION_TARGETS[name].about} Each proposal x comes from g and gets a "
        "height u·M·g(x) uniformly under the dashed envelope; it is kept (green) if it also "
        "lies under f. Kept points are uniform under f, so their x's follow f (histogram, "
        "bottom). Move M below sup f/g and f pokes out of the envelope: the sample goes wrong."
    )


def chain_controls(with_run: bool) -> tuple:
    """The target and σ (and, for a full run, chains, steps, burn-in), seed and speed."""
    name = ui.control(P["mh_target"])
    sigma = float(ui.control(P["mh_sigma"]))
    chains, steps, burn = mcmc.SWEEP_CHAINS, mcmc.SWEEP_STEPS, mcmc.SWEEP_BURN
    if with_run:
        chains, steps, burn = ui.controls(P["mh_chains"], P["mh_steps"], P["mh_burn"])
    seed, speed = ui.controls(P["seed"], P["speed"])
    st.caption(mcmc.TARGETS[name].about)
    return name, sigma, int(chains), int(steps), int(burn), int(seed), speed_factor(speed)


def metropolis_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        name, sigma, chains, steps, burn, seed, speed = chain_controls(with_run=True)
    settings = (name, sigma, chains, steps, burn, seed)
    run = mcmc.run(*settings)
    with stage.picture:
        ui.plot(figures.chains_chart, *settings, speed, dark, key="chains_chart", height=620)
    with stage.words:
        for line in words.mh_latex(run):
            ui.formula(line)
        ui.notes(words.mh_notes(run, burn))
    ui.plot(figures.traces_chart, *settings, dark, key="traces_chart", height=420)
    ui.plot(figures.diagnostics_chart, *settings, dark, key="diagnostics_chart", height=380)
    ui.explain(
        f"**▶ Play** runs the first 100 steps, each chain trailing its last {figures.TRAIL} "
        "states: from where it is (big dot) each chain proposes "
        "a step (dotted) and accepts it (○) or stays put (×), more often rejected the lower "
        "π is there. The faint dots are the draws kept after the burn-in. Below: the trace "
        "plots (the burn-in shaded), then the kept draws' marginals against the target's, "
        "and the autocorrelation ρ(t): the slower it falls, the fewer effective draws. ESS "
        "is the bulk-ESS and R̂ the rank-normalised split-R̂ of Vehtari et al. (2021), as "
        "Stan and ArviZ report them."
    )


def tuning_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        name, sigma, _, _, _, seed, _ = chain_controls(with_run=False)
    run = mcmc.tuning_run(name, sigma, seed)  # first: cold, it walks with the sweep
    sweep = mcmc.sweep(name, seed)
    with stage.picture:
        ui.plot(figures.sweep_chart, name, seed, sigma, dark, key="sweep_chart", height=480)
    with stage.words:
        for line in words.tuning_latex(sweep, sigma, run):
            ui.formula(line)
        ui.notes(words.tuning_notes(name))
    scales = (round(min(sweep.sigmas), 3), sigma, round(max(sweep.sigmas), 3))
    ui.plot(figures.scales_chart, name, scales, seed, dark, key="scales_chart", height=480)
    ui.explain(
        f"Each point is a run of {mcmc.SWEEP_CHAINS} chains × {mcmc.SWEEP_STEPS} steps "
        f"({mcmc.SWEEP_BURN} burn-in) at one σ: the share of proposals accepted (blue) falls "
        "steadily as σ grows, while the effective draws per draw (orange) rise and fall "
        "again. Below, the first chain's x (burn-in included) at the smallest σ, at yours "
        "and at the largest: a slow drift, a healthy fuzz, a staircase of long rests."
    )


def pi_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        n, seed, speed = ui.controls(P["pi_n"], P["seed"], P["speed"])
    n, seed = samplers.clamp_count(n, 10, samplers.MAX_PI_POINTS), int(seed)
    run = samplers.pi_run(n, seed)
    with stage.picture:
        ui.plot(figures.pi_chart, n, seed, speed_factor(speed), dark, key="pi_chart",
                height=520)  # fmt: skip
    with stage.words:
        for line in words.pi_latex(run):
            ui.formula(line)
        ui.notes(words.pi_notes(run))
    ui.explain(
        "Points fall uniformly in the unit square; the share inside the quarter circle "
        "estimates its area π/4. Right, on log-log axes: this run's error as the points "
        f"arrive (**▶ Play**), the standard error with its 95% band, and the RMS error of "
        f"{samplers.PI_REPEATS} independent runs, a straight line of slope −½ (the first "
        f"{text(samplers.SHOWN_DRAWS)} points are drawn)."
    )


ui.lessons(
    P,
    {
        "Inverse transform": inverse_lesson,
        "Rejection sampling": rejection_lesson,
        "Metropolis–Hastings": metropolis_lesson,
        "Tuning the proposal": tuning_lesson,
        "Monte Carlo π": pi_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("probability")
