"""Derivatives & Taylor series."""

import streamlit as st

from mathviz import ui
from mathviz.calculus import derivative, functions, taylor, text_taylor
from mathviz.calculus import figures_derivative as figures
from mathviz.calculus import figures_taylor as taylor_figures
from mathviz.calculus import text_derivative as text
from mathviz.calculus.params_derivatives import DERIVATIVES as P
from mathviz.calculus.params_derivatives import FUNCTION, SPEED, TYPED
from mathviz.core import expressions
from mathviz.core.numbers import text as fmt
from mathviz.plot.animation import speed_factor

ui.page_header(
    "Derivatives & Taylor series", "A derivative is the slope you see when you zoom in far enough."
)


def function_ui():
    """The function (registry or typed), its tree, its registry entry and its name in words."""
    name = ui.control(FUNCTION)
    typed = None
    if name == functions.TYPED:
        typed, _ = ui.typed(TYPED, functions.read)
    expr, entry = functions.chosen(name, typed)
    if entry:
        st.caption(entry.about)
    return expr, entry, f"f(x) = {entry.text}" if entry else f"$f(x) = {expressions.latex(expr)}$"


def secant_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        expr, entry, name = function_ui()
        x0, speed = ui.controls(P["x0"], SPEED)
    kind = derivative.classify(expr, x0, entry)
    with stage.picture:
        ui.plot(figures.secant_figure, expr, x0, entry, kind, key="secant", height=560,
                dark=dark, speed=speed_factor(speed))  # fmt: skip
    with stage.words:
        window = derivative.window_for(x0, entry)
        if kind.kind != "undefined":
            ui.formula(text.secant_latex(x0))
            ui.formula(text.secant_values_latex(derivative.secants(expr, x0, window)))
        latex, _ = derivative.derivative_latex(expr)
        if latex is not None and kind.has_tangent:
            ui.formula(rf"f'(x) = {latex}")
        ui.formula(text.limit_latex(kind, x0, None))
        ui.notes(text.point_notes(kind, x0, name))
    ui.explain(
        "**▶ Play** shrinks h on a log scale, from a quarter of the window to a thousandth of "
        "that: the red secant through x₀ and x₀ + h turns until it lies on the green tangent, "
        "and its slope m(h) settles on f′(x₀), the orange point of the lower panel. Where f "
        "has a corner, the secants from the left and the right settle on two different slopes "
        "and no tangent is drawn; at a jump the secant stands up."
    )


def three_ways_lesson(dark: bool) -> None:
    stage = ui.stage("words beside", key="three")
    with stage.controls:
        expr, entry, name = function_ui()
        x0, log_h = ui.controls(P["x0"], P["logh"])
    h = 10.0**log_h
    kind = derivative.classify(expr, x0, entry)
    ways = derivative.three_ways(expr, x0, h)
    scan = derivative.error_scan(expr, x0) if kind.has_tangent else None
    with stage.picture:
        if scan is not None:
            ui.plot(figures.error_figure, scan, h, key="errors", height=520, dark=dark)
        else:
            st.info("No error plot here: f has no derivative at this x₀ to measure against.")
    with stage.words:
        if ways.symbolic_latex:
            ui.formula(text.symbolic_latex(expressions.latex(expr), ways.symbolic_latex))
        else:
            st.markdown(f"Symbolic: {ways.symbolic_problem}")
        step = f"h = {fmt(h, 2)}, x₀ = {fmt(x0)}"
        ui.formula(text.forward_latex(ways), caption=f"Forward difference, {step}")
        ui.formula(text.central_latex(ways), caption=f"Central difference, {step}")
        slopes = text.slope_notes(scan) if scan is not None else []
        ui.notes(text.point_notes(kind, x0, name) + text.h_notes(ways) + slopes)
    st.markdown(text.three_ways_table(ways, kind.has_tangent))
    if scan is not None:
        st.markdown(text.scan_sentence(scan))
    ui.explain(
        "**Symbolic** differentiation applies the rules to the formula (sympy) and gives a new "
        "formula, exact. **Numeric** differentiation evaluates f twice and divides: forward "
        "differences are off by about f″h/2 (slope 1 on the log-log plot), central ones by "
        "f‴h²/6 (slope 2), but below the best h the rounding of f (ε ≈ 2.2×10⁻¹⁶) divided by h "
        "takes over. **Automatic** differentiation carries (value, slope) pairs through every "
        "operation of the formula: exact to rounding, at the cost of one evaluation, which is "
        "what deep-learning frameworks do (in reverse mode)."
    )


def taylor_lesson(dark: bool) -> None:
    stage = ui.stage("words beside", key="taylor")
    with stage.controls:
        expr, entry, name = function_ui()
        a, n = ui.controls(P["ta"], P["tdeg"])
        speed = ui.control(SPEED)
    scene = taylor.scene(expr, a, entry)
    n = min(n, max(scene.top, 0))
    with stage.picture:
        ui.plot(taylor_figures.taylor_figure, scene, n, key="taylor", height=560, dark=dark,
                speed=speed_factor(speed))  # fmt: skip
    with stage.words:
        ui.formula(text_taylor.polynomial_latex(scene, n))
        ui.notes(text_taylor.notes(scene, n, name, entry))
    if scene.top >= 0:
        st.markdown(text_taylor.coefficient_table(scene))
    ui.explain(
        "Each term of the Taylor polynomial fixes one more derivative at a: P₀ matches the "
        "value, P₁ the slope, P₂ the bending... **▶ Play** adds the terms one by one, n = 0 to "
        "20. The lower panel is the error |f − Pₙ| on a log scale: inside the radius of "
        "convergence (shaded) it falls with every term; outside, it grows."
    )


ui.lessons(
    P,
    {
        "Secant to tangent": secant_lesson,
        "Three ways to differentiate": three_ways_lesson,
        "Taylor series": taylor_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "Training a model follows derivatives downhill: every step of gradient descent needs the "
    "slope of the loss, and frameworks compute it by automatic differentiation, exact to "
    "rounding, because finite differences would be both slow and inexact (the error plot). "
    "Taylor's first-order term is the linear model of the loss each step trusts; its second "
    "order term is why a too-large learning rate overshoots.",
    short="Gradient descent follows derivatives downhill; frameworks compute them by automatic "
    "differentiation.",
)
ui.learn_more("calculus")
