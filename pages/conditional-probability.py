"""Bayes & joint distributions: a medical test as 1,000 people and a tree, a coin's bias
learnt under a Beta prior, a joint Gaussian with its ellipses, marginals and slices, and
sampling it as x = μ + Lz."""

import streamlit as st

from mathviz import ui
from mathviz.calculus import gradient
from mathviz.plot.animation import speed_factor
from mathviz.probability import bayes, joint
from mathviz.probability import figures_conditional as figures
from mathviz.probability import text_conditional as words
from mathviz.probability.params import CONDITIONAL_PROBABILITY as P

ui.page_header(
    "Bayes & joint distributions",
    "A result changes what you believe by how much likelier it is if the belief is true.",
)


def medical_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        prevalence, sensitivity, specificity, tests = ui.controls(
            P["bay_prev"], P["bay_sens"], P["bay_spec"], P["bay_tests"]
        )
    test = bayes.MedicalTest.clamped(prevalence, sensitivity, specificity)
    post = bayes.posterior(test)
    counts = bayes.grid_counts(test)
    beliefs = bayes.repeated_positives(test, int(tests))
    with stage.picture:
        ui.plot(figures.crowd_figure, counts, dark, key="crowd_chart", height=470)
    with stage.words:
        for line in words.bayes_latex(test, post):
            ui.formula(line)
        if len(beliefs) > 2:
            ui.formula(words.repeat_latex(beliefs))
        ui.notes(words.medical_notes(test, post, counts, beliefs))
    ui.plot(figures.tree_figure, test, counts, dark, key="tree_chart", height=420)
    ui.explain(
        "Each marker is one of 1,000 people: red are sick, blue healthy; a filled marker "
        "tested positive. The positives come first (left): count the red among them. The "
        "counts are the expected numbers, rounded so that they still add up to 1,000 (largest "
        "remainders). The tree below says the same with probabilities: multiply along a path "
        "for the joint probability, and Bayes' rule is one leaf over the sum of the leaves "
        "with the same result."
    )


def coin_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        alpha, beta, bias = ui.controls(P["bay_a"], P["bay_b"], P["bay_bias"])
        flips, seed, speed = ui.controls(P["bay_flips"], P["seed"], P["speed"])
    run = bayes.coin_run(float(alpha), float(beta), float(bias), int(flips), int(seed))
    with stage.picture:
        ui.plot(figures.coin_figure, run, speed_factor(speed), dark, key="coin_chart",
                height=560)  # fmt: skip
    with stage.words:
        for line in words.coin_latex(run):
            ui.formula(line)
        ui.notes(words.coin_notes(run))
    ui.explain(
        "The coin's bias θ is unknown; the prior (dashed) says what we believe before any "
        "flip. Each flip multiplies the belief by θ for heads or 1 − θ for tails: the "
        "likelihood (dotted, scaled to area 1) is the data alone, the posterior (solid) is "
        "prior × likelihood, scaled to area 1. **▶ Play** runs through the flips (the strip "
        "on top: orange heads, grey tails); the shaded band is the 95% credible interval, "
        "the dashed line the posterior mean, the green line the truth."
    )


def gaussian_ui() -> joint.Gaussian2:
    """The Gaussian's five controls, shared by both Gaussian parts."""
    mx, my, sx, sy, rho = ui.controls(P["jg_mx"], P["jg_my"], P["jg_sx"], P["jg_sy"], P["jg_rho"])
    return joint.Gaussian2.of(mx, my, sx, sy, rho)


def gaussian_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        gaussian = gaussian_ui()
        x0 = float(ui.control(P["jg_x0"]))
    picture = joint.joint_picture(gaussian, x0)
    with stage.picture:
        ui.plot(figures.joint_figure, picture, dark, key="joint_chart", height=600)
    with stage.words:
        for line in words.joint_latex(gaussian, picture.axes, picture.conditional):
            ui.formula(line)
        ui.notes(words.joint_notes(gaussian, picture.axes, picture.conditional))
        st.page_link("pages/eigenvectors-svd.py", label="Open Σ on Eigenvectors & SVD",
                     icon=":material/open_in_new:",
                     query_params={"part": "Eigenvectors", "matrix": "Entries"}
                     | gradient.link_entries(gaussian.covariance))  # fmt: skip
    ui.explain(
        "The shading is the density p(x, y); the ellipses are where it has fallen to its "
        "1σ and 2σ levels, with half-axes √λ₁, √λ₂ (times k) along Σ's eigenvectors, drawn "
        "as arrows. Above and to the right are the marginals p(x) and p(y). The dashed "
        "line cuts the density at x = x₀: rescaled, that cut is p(y | x₀) (red, right), a "
        "narrower normal centred on the regression line."
    )


def sampling_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        gaussian = gaussian_ui()
        n, seed, speed = ui.controls(P["jg_n"], P["seed"], P["speed"])
    steps = joint.sampling_steps(gaussian, int(n), int(seed))
    with stage.picture:
        ui.plot(figures.sampling_figure, steps, speed_factor(speed), dark,
                key="sampling_chart", height=600)  # fmt: skip
    with stage.words:
        ui.formula(words.sigma_latex(gaussian))
        for line in words.sampling_latex(steps):
            ui.formula(line)
        ui.notes(words.sampling_notes(steps, gaussian))
    ui.explain(
        "Every sampler of a correlated Gaussian starts from independent standard normals z "
        "(a round cloud). The Cholesky factor L (lower triangular, LLᵀ = Σ) stretches and "
        "shears it into the right shape, and adding μ moves it into place. **▶ Play** shows "
        "the three stages; the arrows are e₁, e₂ and then the columns of L."
    )


ui.lessons(
    P,
    {
        "Medical test": medical_lesson,
        "Coin with a prior": coin_lesson,
        "Joint Gaussian": gaussian_lesson,
        "Sampling x = μ + Lz": sampling_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("probability")
