"""Gradient descent & optimisers: a race on loss surfaces, one step by hand, stochastic
gradients and the theory of the quadratic bowl."""

import math

import numpy as np
import streamlit as st

from mathviz import ui
from mathviz.calculus import gradient
from mathviz.optim import (
    figures,
    figures_stochastic,
    figures_theory,
    race,
    rates,
    stochastic,
    surfaces,
    theory,
)
from mathviz.optim import text as words
from mathviz.optim.params import GRADIENT_DESCENT as P
from mathviz.plot.animation import speed_factor

ui.page_header(
    "Gradient descent & optimisers",
    "Every optimiser steps downhill; how it sizes and steers its steps decides if it arrives.",
)
HYPER_KEYS = ("loglr", "mom", "alpha", "beta1", "beta2", "logeps", "wd")


RESET = "_gd_reset"  # controls to put back to their (new) defaults when next drawn


def _forget(*keys: str) -> None:
    """Callback: the controls ``keys`` go back to their defaults, which depend on the surface
    or on the tuned optimiser (set when they are drawn next, by :func:`_control`)."""
    st.session_state[RESET] = set(st.session_state.get(RESET, ())) | set(keys)


def _control(param):
    """``ui.control(param)``, first put back to its default if a callback asked for it."""
    pending = st.session_state.get(RESET, set())
    if param.key in pending:
        st.session_state[param.key] = param.default
        pending.discard(param.key)
    return ui.control(param)


def surface_ui() -> tuple[tuple, surfaces.Surface]:
    """The loss surface (named, the bowl with its controls, or typed): its key and itself."""
    name = ui.control(P["loss"], on_change=_forget, args=("sx", "sy", *HYPER_KEYS))
    if name == surfaces.TYPED:
        typed, _ = ui.typed(P["fxy"], surfaces.read)
        key = (name, typed.text)
    elif name == surfaces.BOWL:
        l1, l2, turn = ui.controls(P["l1"], P["l2"], P["turn"])
        key = (name, "", float(l1), float(l2), float(turn))
    else:
        key = (name,)
    surface = race.surface_of(*key)
    st.caption(surface.about)
    return key, surface


def start_ui(surface: surfaces.Surface) -> tuple[float, float]:
    x0, x1, y0, y1 = surface.window
    sx, sy = ui.row(
        lambda: _control(P["sx"].with_range(low=x0, high=x1, default=surface.start[0])),
        lambda: _control(P["sy"].with_range(low=y0, high=y1, default=surface.start[1])),
    )
    return float(sx), float(sy)


def _rate(exponent: float, default: float, suggested: float) -> float:
    return suggested if exponent == default else 10**exponent


def hyper_ui(surface: surfaces.Surface, name: str) -> dict:
    """The tuned optimiser's hyper-parameters, under PyTorch's names."""
    takes = race.TUNABLE[name]
    defaults = race.OPTIMIZERS[name].defaults
    suggested = race.suggested_lr(surface, name)
    shown = round(math.log10(suggested), 2)  # the slider's step: the default, exactly, if kept
    made = {"lr": lambda: _rate(_control(P["loglr"].with_range(default=shown)), shown, suggested)}
    if "momentum" in takes:
        made["momentum"] = lambda: _control(P["mom"].with_range(default=defaults["momentum"]))
    if "alpha" in takes:
        made["alpha"] = lambda: _control(P["alpha"])
    if "betas" in takes:
        made["beta1"] = lambda: _control(P["beta1"])
        made["beta2"] = lambda: _control(P["beta2"])
    if "eps" in takes:
        eps = math.log10(defaults["eps"])
        made["eps"] = lambda: 10 ** _control(P["logeps"].with_range(default=eps))
    if "weight_decay" in takes:
        made["weight_decay"] = lambda: _control(P["wd"].with_range(
            default=defaults["weight_decay"]))  # fmt: skip
    values = dict(zip(made, ui.row(*made.values()), strict=True))
    if "beta1" in values:
        values["betas"] = (values.pop("beta1"), values.pop("beta2"))
    return {k: float(v) if not isinstance(v, tuple) else v for k, v in values.items()}


def race_ui(names_from_control: bool = True) -> tuple[race.Settings, str, float]:
    """Every control of a race; its settings, the tuned optimiser and the play speed."""
    key, surface = surface_ui()
    names = tuple(ui.control(P["opts"])) if names_from_control else race.NAMES
    tune = ui.control(P["tune"], on_change=_forget, args=HYPER_KEYS)
    hyper = hyper_ui(surface, tune)
    start = start_ui(surface)
    steps, schedule, warmup, speed = ui.controls(P["steps"], P["sched"], P["warmup"], P["speed"])
    settings = race.Settings(key, names, start, int(steps), schedule, int(warmup), tune,
                             tuple(sorted(hyper.items())))  # fmt: skip
    return settings, tune, speed_factor(speed)


def start_from_click() -> None:
    """Callback of a click on the map: the start moves to the clicked point."""
    points = st.session_state["race_chart"].selection.points
    if points:
        st.session_state.update(sx=round(float(points[0]["x"]), 2),
                                sy=round(float(points[0]["y"]), 2))  # fmt: skip


def race_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        settings, tune, speed = race_ui()
    surface, paths = settings.resolve()
    focus = tune if tune in paths else None
    with stage.picture:
        if paths:
            ui.plot(figures.race_chart, settings, focus, speed, dark, key="race_chart", height=600,
                    on_select=start_from_click)  # fmt: skip
        else:
            st.info("Pick at least one optimiser to race.")
    with stage.words:
        hyper = words.full_hyper(tune, dict(settings.hyper))
        for line in words.rule_latex(tune, hyper):
            ui.formula(line)
        ui.notes(words.race_notes(surface, paths))
    ui.explain(
        "Each optimiser starts at the white ring (**click the map** to move it) and takes "
        "the steps its update rule gives; **▶ Play** runs them together, the slider scrubs "
        "through the steps. The dotted white arrow is −lr·∇f, the step plain gradient descent "
        "would take from where the tuned optimiser is; the coloured arrow is the step it "
        "actually takes (both scaled alike). Right: how far each is from the bottom, on log "
        "axes: a straight line down is a constant rate of convergence."
    )


def solid_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        settings, tune, _ = race_ui()
    surface, paths = settings.resolve()
    with stage.picture:
        ui.plot(figures.surface_chart, settings, key="solid_chart", height=560)
    with stage.words:
        for line in words.rule_latex(tune, words.full_hyper(tune, dict(settings.hyper))):
            ui.formula(line)
        ui.notes(words.race_notes(surface, paths))
    ui.explain(
        "The same paths on the surface itself (drag to turn it). Heights where f spans many "
        "orders of magnitude are drawn as log₁₀(1 + f − min f), so that a valley's floor is "
        "still visible; the paths sit at their own height on that scale."
    )


def step_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        key, surface = surface_ui()
        tune = ui.control(P["tune"], on_change=_forget, args=HYPER_KEYS)
        hyper = hyper_ui(surface, tune)
        start = start_ui(surface)
        steps = int(ui.control(P["steps"]))
        step = int(ui.control(P["k"].with_range(high=steps)))
    settings = race.Settings(key, (tune,), start, steps, tuned=tune,
                             hyper=tuple(sorted(hyper.items())))  # fmt: skip
    surface, paths = settings.resolve()
    path = paths[tune]
    shown = min(step, max(path.steps, 1))
    with stage.picture:
        ui.plot(figures.step_chart, settings, tune, shown - 1, key="step_chart", height=520)
    with stage.words:
        full = words.full_hyper(tune, hyper)
        for line in words.rule_latex(tune, full):
            ui.formula(line)
        for line in words.step_latex(tune, path, shown, full):
            ui.formula(line)
        st.markdown(words.step_table(path, shown))
        ui.notes(words.step_notes(tune, path, step))
    ui.explain(
        "One step of one optimiser, worked out: the gradient at θₜ₋₁, the state the "
        "optimiser keeps (a momentum buffer, running averages of g and g²), the step it "
        "takes, and where θ lands. The numbers are the ones PyTorch's `torch.optim` computes "
        "for the same start and settings (the tests run PyTorch beside this page)."
    )


def stochastic_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        n, batch, loglr, momentum = ui.controls(P["npts"], P["batch"], P["sgdlr"], P["sgdmom"])
        steps, seed, speed = ui.controls(P["sgdsteps"], P["seed"], P["speed"])
    batch, lr = min(int(batch), int(n)), 10**loglr
    data, run = figures_stochastic.cached_run(int(n), int(seed), batch, lr, int(steps), momentum)
    with stage.picture:
        ui.plot(figures_stochastic.stochastic_chart, int(n), int(seed), batch, lr, int(steps),
                momentum, speed_factor(speed), dark, key="sgd_chart", height=520)  # fmt: skip
    with stage.words:
        for line in words.STOCHASTIC_RULES:
            ui.formula(line)
        noise = figures_stochastic.cached_noise(int(n), int(seed), batch)
        stable = theory.bowl_theory(stochastic.hessian(data)).max_stable_lr
        ui.notes(words.stochastic_notes(run, noise, stable))
    ui.explain(
        "Fitting a line ŷ = w x + b by least squares: the loss is a bowl over (w, b), left. "
        "Full-batch gradient descent (smooth) follows −∇L; SGD (jagged) follows the gradient "
        "of a random **mini-batch**, right on average but noisy, and the smaller the batch, "
        "the noisier. Each SGD step costs b points instead of n, which is why networks train "
        "this way. Right: the data and the line the current (w, b) draws, moving with ▶ Play."
    )


def _snap(value: float, shown: float, named: tuple, scale) -> float:
    """``value``, or the named value whose rounding (to 2 places on ``scale``) the slider
    shows."""
    return next((v for v in named if round(scale(v), 2) == round(shown, 2)), value)


def set_theory(lr: float, beta: float) -> None:
    """Callback of the theory buttons: the sliders to a step (and β) theory names."""
    st.session_state.update(tlr=round(math.log10(lr), 2), tbeta=round(beta, 2))


def theory_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        l1, l2, turn = (float(v) for v in ui.controls(P["l1"], P["l2"], P["turn"]))
        hessian = surfaces.bowl_matrix(l1, l2, turn)
        facts = theory.bowl_theory(hessian)
        best = round(math.log10(facts.best_lr), 2)
        exponent, beta, speed = ui.row(
            lambda: _control(P["tlr"].with_range(default=best)),
            lambda: ui.control(P["tbeta"]),
            lambda: ui.control(P["speed"]),
        )
        ui.mark_slider(P["tlr"], math.log10(facts.max_stable_lr))  # marked: beyond 2/λmax
        # A slider at the rounding of a step theory names means that step, exactly.
        lr = _snap(10**exponent, exponent, (facts.best_lr, facts.momentum_lr), math.log10)
        beta = _snap(float(beta), float(beta), (facts.momentum_beta,), lambda b: b)
        left, right = st.columns(2)
        left.button("GD's best step γ*", on_click=set_theory, args=(facts.best_lr, 0.0))
        right.button("Heavy ball's best (γ, β)", on_click=set_theory,
                     args=(facts.momentum_lr, facts.momentum_beta))  # fmt: skip
    bowl, paths = race.bowl_runs(l1, l2, turn, lr, float(beta))
    predicted = {
        "Gradient descent": float(rates.gd_rate(lr, facts.eigenvalues)),
        "Momentum": float(rates.momentum_rate_bowl(lr, beta, facts.eigenvalues)),
    }
    measured = {name: theory.measured_rate(p.positions, np.zeros(2), skip=5)
                for name, p in paths.items()}  # fmt: skip
    with stage.picture:
        # Presenting, the phase diagram goes beside, under the words (the stage's picture
        # holds one chart, as tall as the screen).
        first, second = (stage.picture, stage.words) if ui.presenting() else st.columns(2)
        with first:
            ui.plot(figures_theory.rate_figure, facts, lr, measured["Gradient descent"],
                    key="rate_chart", height=420)  # fmt: skip
        with second:
            ui.plot(figures_theory.phase_figure, facts.eigenvalues, lr, float(beta),
                    key="phase_chart", height=420)  # fmt: skip
    with stage.words:
        for line in words.theory_latex(facts, hessian):
            ui.formula(line)
        ui.notes(words.theory_notes(facts, lr, float(beta), paths, predicted, measured))
        st.page_link("pages/eigenvectors-svd.py", label="Open this Hessian on Eigenvectors & SVD",
                     icon=":material/open_in_new:",
                     query_params={"part": "Eigenvectors", "matrix": "Entries"}
                     | gradient.link_entries(hessian))  # fmt: skip
    ui.plot(figures.theory_chart, l1, l2, turn, lr, float(beta), speed_factor(speed), dark,
            key="theory_race", height=520)  # fmt: skip
    ui.explain(
        "On the bowl f = ½ θᵀHθ, gradient descent multiplies the error along each eigenvector "
        "of H by 1 − γλ per step, so its rate is max |1 − γλ| (left): the steep direction sets "
        "the largest stable step 2/λmax (the mark on the learning-rate slider: beyond it, "
        "shaded, plain gradient descent diverges), the flat one how slowly the last stretch "
        "goes, and the best fixed step balances the two. Momentum (right, after Goh's "
        "*Why Momentum Really Works*) adds a second knob β: at its best pair (γ, β), marked hb "
        "for heavy ball, the rate is (√κ − 1)/(√κ + 1), κ replaced by √κ. Below, both runs on "
        "the bowl at the chosen γ, with the rate each one shows."
    )


ui.lessons(
    P,
    {
        "Race on the map": race_lesson,
        "On the surface (3D)": solid_lesson,
        "One step, by hand": step_lesson,
        "Stochastic gradients": stochastic_lesson,
        "Theory on the bowl": theory_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("calculus")
