"""The chain rule & backpropagation: a neuron's loss as a computational graph, stepped
through forward and backward; every gradient checked against a central difference."""

from mathviz import ui
from mathviz.calculus import backprop, figures_backprop, text_backprop
from mathviz.calculus.params import CHAIN_RULE as P
from mathviz.calculus.params_chain_rule import BOTH_WAYS, ONE_STEP
from mathviz.plot.animation import speed_factor

NEURON_KEYS = ("nw", "nb", "nx", "ny")


def neuron_controls(extra: str) -> tuple[tuple[float, float, float, float], object]:
    """w, b, x, y and the part's own control (speed or η): three to a row when presenting."""
    if ui.presenting():
        w, b, x = ui.controls(P["nw"], P["nb"], P["nx"])
        y, other = ui.controls(P["ny"], P[extra])
    else:
        w, b, x, y, other = ui.controls(*(P[k] for k in NEURON_KEYS), P[extra])
    return (float(w), float(b), float(x), float(y)), other


def graph_chart(w: float, b: float, x: float, y: float, dark: bool, speed: float, present: bool):
    """The graph with its 17 frames, at the sliders' values."""
    return figures_backprop.graph_figure(backprop.sweep(w, b, x, y), dark, speed, present)


def step_chart(w: float, b: float, x: float, y: float, eta: float):
    """The loss over (w, b) and one step of gradient descent."""
    return figures_backprop.step_figure(backprop.gradient_step(w, b, x, y, eta), x, y)


def both_ways(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        inputs, speed = neuron_controls("speed")
    sweep = backprop.sweep(*inputs)
    with stage.picture:
        present = ui.presenting()
        ui.plot(graph_chart, *inputs, dark, speed_factor(speed), present, key="graph", height=430)
    narrow = ui.presenting()
    with stage.words:
        ui.formula(text_backprop.chain_latex(sweep, "w", narrow))
        ui.formula(text_backprop.chain_latex(sweep, "b", narrow))
        ui.formula(
            text_backprop.check_latex(backprop.checks(*inputs), narrow),
            caption=text_backprop.CHECK_CAPTION,
        )
    ui.explain(text_backprop.EXPLAIN)


def one_step(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        inputs, eta = neuron_controls("neta")
    step = backprop.gradient_step(*inputs, float(eta))
    with stage.picture:
        ui.plot(step_chart, *inputs, float(eta), key="step", height=430)
    with stage.words:
        ui.formula(text_backprop.step_latex(step))
        ui.formula(text_backprop.loss_latex(step))
        ui.formula(text_backprop.gradient_latex(step))
        ui.notes(text_backprop.step_notes(step))
    ui.explain(text_backprop.STEP_EXPLAIN)


ui.page_header(
    "The chain rule & backpropagation",
    "Derivatives multiply along a chain: backpropagation is the chain rule, node by node.",
)
ui.lessons(P, {BOTH_WAYS: both_ways, ONE_STEP: one_step}, dark=ui.is_dark())
ui.why_it_matters(text_backprop.WHY, short=text_backprop.WHY_SHORT)
ui.learn_more("calculus")
