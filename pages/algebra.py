"""Algebra: moving graphs with four numbers, polynomials and their roots, exp and log, and
the algebra inside a classifier (sigmoid, softmax, log-loss). One chapter at a time, chosen
by ``?chapter=``."""

from functools import partial

import streamlit as st

from mathviz import algebra, ui
from mathviz import trig_figures as figures


def functions(dark: bool) -> None:
    parent = algebra.PARENTS[ui.select("Parent function f", list(algebra.PARENTS), key="parent")]
    view = algebra.transformation_view(
        parent,
        *ui.sliders(
            ("a: vertical stretch", "ga", -3.0, 3.0, 1.0, 0.1),
            ("b: horizontal squeeze", "gb", -3.0, 3.0, 1.0, 0.1),
            ("h: shift right", "gh", -5.0, 5.0, 0.0, 0.5),
            ("k: shift up", "gk", -5.0, 5.0, 0.0, 0.5),
        ),
    )
    ui.plot(figures.transformation_figure(view, dark), key="functions")
    if view.transformed.b == 0:
        st.info("b = 0 squeezes the graph onto f(0): g is constant, or nothing if f(0) is not.")
    ui.formula(view.latex, caption=f"Asymptotes of g: {view.asymptotes}.")
    ui.explain(
        "Each point (u, f(u)) of the parent moves to (h + u/b, a·f(u) + k): follow the dotted "
        "lines. Inside the brackets things act backwards (b = 2 squeezes, h = 1 moves right), "
        "outside as written. Gaps in the domain stay gaps and the asymptotes move along."
    )


def polynomials(dark: bool) -> None:
    defaults = {"x⁴": 0.0, "x³": 1.0, "x²": -2.0, "x": 1.0, "1": -2.0}  # (x - 2)(x² + 1)
    specs = [
        (f"Coefficient of {term}", f"c{4 - i}", -5.0, 5.0, value, 0.5)
        for i, (term, value) in enumerate(defaults.items())
    ]
    view = algebra.polynomial_view(ui.sliders(*specs))
    ui.plot(figures.polynomial_figure(view, dark), key="polynomial")
    if view.is_zero:
        st.info("All coefficients are 0: the zero polynomial, zero everywhere.")
    ui.formula(view.latex, caption=f"Roots: {view.roots_latex}")
    ui.explain(
        "A polynomial of degree d has exactly d roots if complex ones count. Real roots are "
        "where the graph crosses the x-axis; complex roots come in mirror pairs a ± bi and "
        "leave a bend that misses the axis. Each root r gives a factor (x − r)."
    )


def exp_and_log(dark: bool) -> None:
    base, x, x1, x2 = ui.row(
        lambda: ui.choice("Base b", list(algebra.EXP_BASES), key="logbase"),
        lambda: ui.slider("A point x", "expx", -2.0, 2.0, 1.0, 0.1),
        lambda: ui.slider("x₁", "fac1", 1.0, 10.0, 2.0, 0.1),
        lambda: ui.slider("x₂", "fac2", 1.0, 10.0, 3.0, 0.1),
    )
    view = algebra.exp_log_view(base, x)
    ui.plot(figures.exp_log_figure(view, dark), key="explog", height=520)
    if not view.pair_visible:
        st.info("The point or its mirror image is off the chart: bˣ grows fast.")
    ui.formula(view.latex)
    product = algebra.product_view(x1, x2)
    ui.plot(figures.slide_rule_figure(product, dark), key="sliderule", height=230)
    ui.formula(product.latex)
    ui.explain(
        "Swapping x and y mirrors a graph in y = x, so log_b, which undoes bˣ, is bˣ mirrored: "
        "the asymptote y = 0 becomes x = 0, and log needs x > 0. As b^(m+n) = bᵐ·bⁿ, logs turn "
        "products into sums: log x₁ and log x₂ laid end to end on a log scale reach x₁x₂."
    )


def sigmoid_softmax(dark: bool) -> None:
    *logits, temperature = ui.sliders(
        ("Logit z₁", "z1", -5.0, 5.0, 2.0, 0.1),
        ("Logit z₂", "z2", -5.0, 5.0, 1.0, 0.1),
        ("Logit z₃", "z3", -5.0, 5.0, -1.0, 0.1),
        ("Temperature T", "temp", 0.1, 5.0, 1.0, 0.1),
    )
    view = algebra.softmax_view(logits, temperature)
    ui.plot(figures.softmax_figure(view, dark), key="softmax")
    ui.formula(view.latex)
    ui.explain(
        "Softmax makes scores into probabilities with exp (always positive) and a division (they "
        "sum to 1). Only differences of logits matter; for two classes softmax is the sigmoid of "
        "the difference. A high temperature flattens the output, a low one sharpens it."
    )


def log_loss(dark: bool) -> None:
    logit, label = ui.row(
        lambda: ui.slider("Logit z of the model", "logit", -6.0, 6.0, 1.0, 0.1),
        lambda: ui.choice("True label", ["y = 1", "y = 0"], key="truth"),
    )
    view = algebra.log_loss_view(logit, 1 if label == "y = 1" else 0)
    ui.plot(figures.log_loss_figure(view, dark), key="log_loss")
    ui.formula(view.latex)
    ui.explain(
        "A dataset's likelihood is a product of the probabilities given to the true labels; the "
        "log turns it into a sum, and its negative mean is the log-loss. Confident and wrong "
        "costs without bound (the asymptote); against the logit the loss grows only linearly."
    )


CHAPTERS = {
    "Functions": functions,
    "Polynomials": polynomials,
    "Exp & log": exp_and_log,
    "Sigmoid & softmax": sigmoid_softmax,
    "Log-loss": log_loss,
}

ui.page_header(
    "Algebra",
    "Four numbers move any graph; exp and log turn scores into probabilities and products "
    "into sums.",
)
ui.section(partial(CHAPTERS[ui.choice("Chapter", list(CHAPTERS), key="chapter")], ui.is_dark()))
ui.why_it_matters(
    "A neuron computes a·f(b·x + c): a transformed parent function. A classifier is exp and "
    "log: the sigmoid and softmax turn scores into probabilities, and the log-loss it is "
    "trained on is a log of products made into a sum. Training itself is solving equations.",
    short="A neuron is a·f(bx + c); classifiers are exp and log.",
)
ui.learn_more("trig")
