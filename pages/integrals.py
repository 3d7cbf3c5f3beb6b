"""Integrals: Riemann sums, the order of each rule, and the fundamental theorem."""

import streamlit as st

from mathviz import ui
from mathviz.calculus import derivative, functions, integral
from mathviz.calculus import figures_integral as figures
from mathviz.calculus import text_integral as text
from mathviz.calculus.params import FUNCTION, TYPED
from mathviz.calculus.params import INTEGRALS as P
from mathviz.core import numbers
from mathviz.plot.animation import speed_factor


def function_ui():
    """f (registry or typed) and [a, b]; returns (f, its registry entry or None, a, b)."""
    name = ui.control(FUNCTION)
    if name == functions.TYPED:
        typed, _ = ui.typed(TYPED, functions.read)
    else:
        typed = functions.read(TYPED.default)
        st.caption(functions.FUNCTIONS[name].about)
    expr, entry = functions.chosen(name, typed)
    a, b = ui.controls(P["int_a"], P["int_b"])
    return expr, entry, float(a), float(b)


def breaks_inside(expr, entry, a: float, b: float) -> dict[str, tuple[float, ...]]:
    """The kinks and jumps strictly inside (a, b): the registry's, or for a typed f those
    its formula makes (abs, relu, sign, step), found and checked by the derivative module."""
    if entry is None:
        return derivative.breaks_between(expr, a, b)
    inside = lambda points: tuple(p for p in points if a < p < b)  # noqa: E731
    return {"kink": inside(entry.kinks), "jump": inside(entry.jumps)}


def points(breaks: dict) -> tuple[float, ...]:
    return tuple(sorted(p for where in breaks.values() for p in where))


def say_why(stage, expr, problem: str) -> None:
    """An interval with no ordinary integral: the sentence where the picture would be."""
    with stage.picture:
        st.warning(problem, icon=":material/block:")
    with stage.words:
        ui.formula(text.f_latex(expr))


def riemann(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        expr, entry, a, b = function_ui()
        n = ui.control(P["int_n"])
        rule = ui.control(P["rule"])
        speed = speed_factor(ui.control(P["speed"]))
    breaks = breaks_inside(expr, entry, a, b)
    problem = integral.trouble(expr, a, b, points(breaks))
    if problem:
        say_why(stage, expr, problem)
        return
    value, estimate = integral.exact(expr, a, b, points(breaks))
    used = integral.simpson_pieces(n) if rule == "Simpson" else n
    total = integral.rule_sum(expr, a, b, n, rule)
    with stage.picture:
        ui.plot(
            figures.riemann_figure, expr, a, b, n, rule, points(breaks), dark, speed,
            key="riemann", height=500,
        )  # fmt: skip
    with stage.words:
        ui.formula(text.rule_latex(rule, a, b, used))
        ui.formula(text.sum_latex(rule, used, total))
        ui.formula(text.quad_latex(a, b, value, estimate))
        ui.formula(text.error_latex(rule, used, total - value))
        ui.notes(text.riemann_notes(rule, n, used, breaks))
    ui.explain(
        f"The {rule} rule adds up {text.PIECE_WORDS[rule]}: green pieces above the axis count "
        "positive, vermillion ones below it negative. The reference is scipy's `quad` (adaptive "
        "Gauss–Kronrod), with its own error estimate in brackets. Move n and watch the error "
        "shrink."
    )


def order(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        expr, entry, a, b = function_ui()
    breaks = breaks_inside(expr, entry, a, b)
    problem = integral.trouble(expr, a, b, points(breaks))
    if problem:
        say_why(stage, expr, problem)
        return
    found = integral.orders(expr, a, b, points(breaks))
    with stage.picture:
        ui.plot(figures.orders_figure, expr, a, b, points(breaks), dark, key="orders", height=440)
    with stage.words:
        ui.formula(text.ORDER_LATEX)
        st.markdown(text.orders_table(found))
        ui.notes(text.orders_notes(found, breaks))
    ui.explain(
        "On log-log axes an error C·n^−p is a straight line of slope −p: doubling n divides "
        "the error by 2 for left and right sums, by 4 for midpoint and trapezoid, by 16 for "
        "Simpson. The fitted p is a least-squares line through the points above the round-off "
        "floor. Try |x| or the jump across 0, or a whole period of sin."
    )


def fundamental(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        expr, _, a, b = function_ui()
        problem = integral.trouble(expr, a, b)
        if not problem:
            x = ui.control(
                P["int_x"].with_range(low=a, high=b, step=round((b - a) / 200, 4) or 0.01)
            )
        speed = speed_factor(ui.control(P["speed"]))
    if problem:
        say_why(stage, expr, problem)
        return
    x = float(min(max(x, a), b))
    area = integral.area_to(expr, a, x)
    fx = float(integral.values(expr, x))
    h = 1e-3 * (b - a)
    quotient = integral.difference_quotient(expr, a, x, h)
    with stage.picture:
        ui.plot(figures.ftc_figure, expr, a, b, x, dark, speed, key="ftc", height=520)
    with stage.words:
        ui.formula(text.ftc_latex(a, x, area))
        ui.formula(r"A'(x) = f(x)")
        ui.formula(text.slope_latex(quotient))
        ui.formula(text.f_value_latex(x, fx))
        st.caption(f"with h = {numbers.text(h)}: the area of a strip of width 2h, divided by 2h")
    ui.explain(
        "▶ Play moves x from a to b: the shaded area under f (top) grows, and its signed size "
        "is the height of A (bottom). Where f is positive A climbs, where f is negative it "
        "falls, and the dashed tangent on A has slope exactly f(x): adding a thin strip of "
        "width h adds about f(x)·h to the area, so A'(x) = f(x)."
    )


ui.page_header("Integrals", "An integral adds up thin slices; its slope gives back the function.")
ui.lessons(
    P,
    {P.part.options[0]: riemann, P.part.options[1]: order, P.part.options[2]: fundamental},
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "Expectations are integrals: a model's expected loss, the normalising constant of a "
    "probability density, the area under a ROC curve. When no formula exists they are "
    "estimated by sums like these (or by Monte Carlo, whose error falls only like n^−1/2), and "
    "the order of a rule says how many evaluations a given accuracy costs.",
    short="Expected losses, densities and AUC are integrals, estimated by sums like these.",
)
ui.learn_more("calculus")
