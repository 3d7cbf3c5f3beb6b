"""Algebra: moving graphs with four numbers, polynomials and their roots, exp and log, and
the algebra inside a classifier (sigmoid, softmax, log-loss). One chapter at a time, chosen
by ``?part=`` (older links say ``?chapter=``)."""

from mathviz import ui
from mathviz.algebra import classification, explog, figures, functions, polynomials, text
from mathviz.algebra.params import ALGEBRA as P
from mathviz.algebra.params import COEFFICIENT_KEYS, LABELS


def transformation_chart(parent: str, a: float, b: float, h: float, k: float, dark: bool):
    """The parent and its transformation (a parent is keyed by its name: it holds a function)."""
    view = functions.transformation_view(functions.PARENTS[parent], a, b, h, k)
    return figures.transformation_figure(view, dark)


def transformations(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        parent = ui.control(P["parent"])
        a, b, h, k = ui.controls(P["ga"], P["gb"], P["gh"], P["gk"])
    g = functions.transform(functions.PARENTS[parent], a, b, h, k)
    with stage.picture:
        ui.plot(transformation_chart, parent, a, b, h, k, dark, key="functions")
    with stage.words:
        ui.formula(text.transformation_latex(g))
        ui.formula(text.transformation_domain_latex(g), caption=text.transformation_caption(g))
        ui.notes(text.transformation_notes(g))
    ui.explain(
        "Each point (u, f(u)) of the parent moves to (h + u/b, a·f(u) + k): follow the dotted "
        "lines. Inside the brackets things act backwards (b = 2 squeezes, h = 1 moves right), "
        "outside as written. Gaps in the domain stay gaps and the asymptotes move along."
    )


def polynomial(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        view = polynomials.polynomial_view(ui.controls(*(P[key] for key in COEFFICIENT_KEYS)))
    with stage.picture:
        ui.plot(figures.polynomial_figure, view, dark, key="polynomial")
    with stage.words:
        ui.formula(text.polynomial_expanded_latex(view))
        ui.formula(text.polynomial_factored_latex(view), caption=text.polynomial_caption(view))
        ui.notes(text.polynomial_notes(view))
    ui.explain(
        "A polynomial of degree d has exactly d roots if complex ones count. Real roots are "
        "where the graph crosses the x-axis; complex roots come in mirror pairs a ± bi and "
        "leave a bend that misses the axis. Each root r gives a factor (x − r)."
    )


def exp_and_log(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        base, x = ui.controls(P["logbase"], P["expx"])
    view = explog.exp_log_view(base, x)
    with stage.picture:
        ui.plot(figures.exp_log_figure, view, dark, key="explog", height=520)
    with stage.words:
        ui.formula(text.exp_log_latex(view))
        ui.notes(text.exp_log_notes(view))
    rule = ui.stage("stacked", key="slide_rule")
    with rule.controls:
        x1, x2 = ui.controls(P["fac1"], P["fac2"])
    product = explog.product_view(x1, x2)
    with rule.picture:
        ui.plot(figures.slide_rule_figure, product, dark, key="sliderule", height=230)
    with rule.words:
        ui.formula(text.product_rule_latex(product))
        ui.formula(text.product_sum_latex(product))
    ui.explain(
        "Swapping x and y mirrors a graph in y = x, so $\\log_b$, which undoes bˣ, is bˣ "
        "mirrored: the asymptote y = 0 becomes x = 0, and log needs x > 0. As bᵐ⁺ⁿ = bᵐ·bⁿ, "
        "logs turn products into sums: log x₁ and log x₂ laid end to end on a log scale reach x₁x₂."
    )


def sigmoid_softmax(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        *logits, temperature = ui.controls(P["z1"], P["z2"], P["z3"], P["temp"])
    view = classification.softmax_view(logits, temperature)
    with stage.picture:
        ui.plot(figures.softmax_figure, view, dark, key="softmax")
    with stage.words:
        ui.formula(text.softmax_latex(view))
        ui.formula(text.sigmoid_pair_latex(view))
    ui.explain(
        "Softmax makes scores into probabilities with exp (always positive) and a division (they "
        "sum to 1). Only differences of logits matter; for two classes softmax is the sigmoid of "
        "the difference. A high temperature flattens the output, a low one sharpens it."
    )


def log_loss(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        logit, label = ui.controls(P["logit"], P["truth"])
    view = classification.log_loss_view(logit, LABELS[label])
    with stage.picture:
        ui.plot(figures.log_loss_figure, view, dark, key="log_loss")
    with stage.words:
        ui.formula(text.prediction_latex(view))
        ui.formula(text.log_loss_latex(view))
        ui.formula(text.log_loss_value_latex(view))
    ui.explain(
        "A dataset's likelihood is a product of the probabilities given to the true labels; the "
        "log turns it into a sum, and its negative mean is the log-loss. Confident and wrong "
        "costs without bound (the asymptote); against the logit the loss grows only linearly."
    )


ui.page_header(
    "Algebra",
    "Four numbers move any graph; exp and log turn scores into probabilities and products "
    "into sums.",
)
ui.lessons(
    P,
    {
        "Functions": transformations,
        "Polynomials": polynomial,
        "Exp & log": exp_and_log,
        "Sigmoid & softmax": sigmoid_softmax,
        "Log-loss": log_loss,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "A neuron computes a·f(b·x + c): a transformed parent function. A classifier is exp and "
    "log: the sigmoid and softmax turn scores into probabilities, and the log-loss it is "
    "trained on is a log of products made into a sum. Training itself is solving equations.",
    short="A neuron is a·f(bx + c); classifiers are exp and log.",
)
ui.learn_more("trig")
