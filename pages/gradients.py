"""Gradients & the Hessian: a surface f(x, y), its uphill direction and how it bends."""

import math

import streamlit as st

from mathviz import ui
from mathviz.calculus import figures_gradient as figures
from mathviz.calculus import gradient, surfaces
from mathviz.calculus import text_gradient as text
from mathviz.calculus.params import GRADIENTS as P

ui.page_header(
    "Gradients & the Hessian",
    "The gradient points uphill, across the level curves; the Hessian says how the surface bends.",
)


def surface_ui() -> tuple:
    """The surface (named or typed) and the point (x₀, y₀) on its window."""
    name = ui.control(P["surface"])
    if name == surfaces.TYPED:
        typed_expr, _ = ui.typed(P["fxy"], surfaces.read)
    else:
        typed_expr = None
    expr, entry = surfaces.chosen(name, typed_expr)
    window = surfaces.window_of(entry)
    x0, y0 = ui.row(
        lambda: ui.control(P["px"].with_range(low=window[0], high=window[1])),
        lambda: ui.control(P["py"].with_range(low=window[2], high=window[3])),
    )
    if entry is not None:
        st.caption(entry.about)
    return expr, entry, window, gradient.at_point(expr, x0, y0)


def gradient_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        expr, entry, window, facts = surface_ui()
    # The surface in 3D is the same on every move of the point, so it is never redrawn by
    # one: beside the map, or under the words when presenting (the map fills the stage).
    presenting = ui.presenting()
    with stage.picture:
        # Presenting, the map goes straight into the stage's picture (a container between them
        # would keep it from stretching to the screen's height).
        flat, solid = (stage.picture, stage.words) if presenting else st.columns((3, 2))
        with flat:
            ui.plot(figures.map_figure, expr, window, facts, key="map_chart", height=470)
    with stage.words:
        ui.formula(text.function_latex(expr, facts))
        if facts.defined:
            ui.formula(text.partial_latex(expr, facts, "x"))
            ui.formula(text.partial_latex(expr, facts, "y"))
            ui.formula(text.gradient_latex(facts))
        ui.notes(text.gradient_notes(facts))
    with solid:
        height = 300 if presenting else 470
        ui.plot(figures.surface_figure, expr, window, key="surface_chart", height=height)
        st.caption(text.SURFACE_CAPTION)
    ui.explain(
        "Left, the function seen from above: colour is the height, the thin lines are **level "
        "curves** (f constant), the small white arrows the **gradient field** ∇f. At the "
        "point, ∇f (vermillion) crosses the level curve through it (thick white) at a right "
        "angle, the dashed line being that curve's tangent: along the level curve f does not "
        "change, so all of the change is across it. Right, the same f as a surface "
        "z = f(x, y): the level curves are its contour lines, and ∇f points the way up it."
    )


def plane_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        expr, entry, window, facts = surface_ui()
    with stage.picture:
        ui.plot(figures.surface_figure, expr, window, facts, key="plane_chart", height=500)
    with stage.words:
        ui.formula(text.function_latex(expr, facts))
        if facts.defined:
            ui.formula(text.PLANE_RULE)
            ui.formula(text.plane_latex(facts))
            ui.formula(text.gradient_latex(facts))
        ui.notes(text.plane_notes(facts))
    ui.explain(
        "The **tangent plane** at (x₀, y₀) is the flat surface that touches z = f(x, y) there "
        "and has the same slopes: ∂f/∂x along x, ∂f/∂y along y. Its formula is the "
        "two-variable version of the tangent line, and it is the linear approximation "
        "f(x₀ + dx, y₀ + dy) ≈ f(x₀, y₀) + ∇f · (dx, dy) that gradient descent relies on for "
        "small steps. Drag to turn the surface; the point stays where the sliders put it."
    )


def directional_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        expr, entry, window, facts = surface_ui()
        theta = math.radians(ui.control(P["theta"]))
    with stage.picture:
        ui.plot(
            figures.directional_figure,
            expr,
            window,
            facts,
            theta,
            key="directional_chart",
            height=430,
        )
    with stage.words:
        if facts.defined:
            for line in text.directional_latex(facts, theta):
                ui.formula(line)
            ui.formula(text.directional_max_latex(facts))
        ui.notes(text.directional_notes(facts, theta))
    ui.explain(
        "The slope of the surface in the direction of a unit vector u = (cos θ, sin θ) is the "
        "**directional derivative** Dᵤf = ∇f · u = |∇f| cos(angle between them). Turning u "
        "once around (right) traces a cosine wave: largest, |∇f|, when u points along ∇f; "
        "zero twice, when u runs along the level curve; most negative, −|∇f|, straight "
        "downhill. That is why ∇f is *the* direction of steepest ascent."
    )


def go_to(x: float, y: float) -> None:
    """Callback: move the point (before the sliders are drawn again)."""
    st.session_state.update(px=x, py=y)


def critical_buttons(entry) -> None:
    """One button per critical point of a registry surface: try the test where it speaks."""
    if entry is None or not entry.critical:
        return
    st.caption(text.CRITICAL_CAPTION)
    columns = st.columns(len(entry.critical))
    for column, (x, y, _) in zip(columns, entry.critical, strict=True):
        column.button(text.critical_label(x, y), on_click=go_to, args=(x, y), key=f"go_{x:g}_{y:g}")


def hessian_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        expr, entry, window, facts = surface_ui()
        critical_buttons(entry)
    bend = gradient.curvature(facts.hessian) if facts.defined and facts.curved else None
    with stage.picture:
        ui.plot(figures.hessian_figure, expr, window, facts, bend, key="hessian_chart", height=460)
    with stage.words:
        if facts.defined and facts.curved:
            if not ui.presenting():
                ui.formula(text.HESSIAN_RULE)
            ui.formula(text.hessian_latex(expr, facts))
            ui.formula(text.eigen_latex(bend))
        ui.notes(text.hessian_notes(facts, bend))
        if bend is not None:
            st.page_link(
                "pages/eigenvectors-svd.py",
                label="Open this Hessian on Eigenvectors & SVD",
                icon=":material/open_in_new:",
                query_params={"part": "Eigenvectors", "matrix": "Entries"}
                | gradient.link_entries(facts.hessian),
            )
    ui.explain(
        "The **Hessian** holds the second derivatives: how the slope itself changes. It is "
        "symmetric (∂²f/∂x∂y = ∂²f/∂y∂x), so it has two real eigenvalues with perpendicular "
        "eigen-directions (the coloured lines, each as long as its |λ| compared with the "
        "larger): along each, the surface curves like a parabola ½λt². The dashed curves are "
        "the level curves of that quadratic part ½ dᵀHd around the point: ellipses when both "
        "λ have the same sign, hyperbolas when they differ. At a critical point (∇f = 0) that "
        "decides the kind: a minimum, a maximum or a saddle; a zero eigenvalue leaves it open "
        "(the monkey saddle)."
    )


ui.lessons(
    P,
    {
        "Surface and gradient": gradient_lesson,
        "Tangent plane": plane_lesson,
        "Directional derivative": directional_lesson,
        "Hessian": hessian_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(text.WHY, short=text.WHY_SHORT)
ui.learn_more("calculus")
