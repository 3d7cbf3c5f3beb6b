"""Linear algebra: a matrix as a transformation of the plane, and of space."""

import functools

import numpy as np
import streamlit as st

from mathviz import ui
from mathviz.core.matrix2 import eigen_analysis, matrix_facts
from mathviz.linalg import cube, morph, scene, transform
from mathviz.linalg import figures_transform as figures
from mathviz.linalg import text_transform as text
from mathviz.linalg.params import CUBE_KEYS, MY_ENTRIES
from mathviz.linalg.params import LINEAR_ALGEBRA as P
from mathviz.plot.animation import speed_factor


def cube_chart(matrix: np.ndarray, dark: bool):
    """The 3D view of M (its scene is made only when M or the theme changed)."""
    return figures.cube_figure(cube.cube_scene(matrix), dark=dark)


def entries_ui() -> tuple[np.ndarray, list, bool]:
    """A from its four entries (the keys a, b, c, d make a matrix linkable)."""
    values = [*ui.controls(P["a"], P["b"]), *ui.controls(P["c"], P["d"])]
    return transform.as_matrix(values), [], transform.had_tiny_entries(values)


def preset_ui() -> tuple[np.ndarray, list, bool]:
    """A from the preset registry."""
    preset = transform.PRESETS[ui.control(P["p"])]
    st.caption(preset.summary)
    return preset.matrix, [], False


def step_amount(slot: int, step: transform.Step) -> float:
    """Step ``slot``'s amount, on the range of the step chosen there."""
    key = f"t{slot}"
    kept = st.session_state.get(key)  # left by a step with a wider range: start afresh
    if kept is not None and not step.low <= kept <= step.high:
        st.session_state[key] = step.default
    return ui.control(
        P[key].with_range(
            label=step.parameter,
            low=step.low,
            high=step.high,
            default=step.default,
            step=step.increment,
        )
    )


def steps_ui() -> tuple[np.ndarray, list, bool]:
    """A as the product of up to three named steps, the first acting first."""
    steps = []
    for slot in (1, 2, 3):
        left, right = st.columns([1, 1.3])
        with left:
            name = ui.control(P[f"s{slot}"])
        if name in transform.STEPS:
            with right:
                steps.append((name, step_amount(slot, transform.STEPS[name])))
    if not steps:
        st.caption("No step chosen: A is the identity.")
    return transform.compose(transform.step_matrices(steps)), steps, False


SOURCES = {"Entries": entries_ui, "Preset": preset_ui, "Steps": steps_ui}


def copy_to_entries(matrix: np.ndarray) -> None:
    """Callback: open the current matrix in the entry fields, to edit it from there.

    It runs before the widgets are drawn, so the bound entry fields (and the link) take
    these values.
    """
    entries = {key: float(f"{x:.12g}") for key, x in zip("abcd", matrix.ravel(), strict=True)}
    st.session_state.update(entries, mode="Entries")


def transform_view(stage, A, steps, tiny, show_eigen: bool, method, dark: bool) -> None:
    """v, the speed, the picture and the formula of A v: a section of its own inside the
    lesson, so that moving v reruns these few elements and not the determinant, inverse and
    eigen sections below (which depend on A alone). It draws into the lesson's stage."""
    with stage.controls:
        v = tuple(ui.controls(P["vx"], P["vy"]))
        speed = speed_factor(ui.control(P["speed"]))
    facts, eigen = matrix_facts(A), eigen_analysis(A)
    if method is None:
        animation = morph.play_steps(steps)
    else:
        if method == morph.AUTO_MORPH:
            method = morph.choose_morph(A, keep_eigenvectors=show_eigen)
        animation = morph.morph(A, method)
    spans = eigen.spans if show_eigen else ()
    view = scene.transform_scene(animation, v, spans, facts)
    with stage.picture:
        ui.plot(
            figures.transform_figure,
            view,
            key="transform",
            height=560,
            dark=dark,
            reversible=facts.invertible,
            speed=speed,
        )
    with stage.words:
        ui.formula(text.image_latex(A, v, view.vector_images[-1], stacked=ui.presenting()))
        if steps:
            ui.formula(text.composition_latex(steps))
            st.markdown(text.order_sentence(steps))
        ui.notes(text.notes(facts, view.window, tiny))


def plane_lesson(dark: bool) -> None:
    """The 2x2 lesson: the transform view, determinant, inverse, eigenvectors."""
    stage = ui.stage("controls beside")
    with stage.controls:
        source = ui.control(P["mode"])
        A, steps, tiny = SOURCES[source]()
        if source != "Entries":
            st.button("Edit these numbers", on_click=copy_to_entries, args=(A,))
        show_eigen = ui.control(P["eig"])
        in_sequence = source == "Steps" and ui.control(P["seq"])
        method = None if in_sequence else ui.control(P["morph"])
    ui.section(functools.partial(transform_view, stage, A, steps, tiny, show_eigen, method, dark))
    facts, eigen = matrix_facts(A), eigen_analysis(A)
    spans = eigen.spans if show_eigen else ()
    if method == morph.AUTO_MORPH:  # the path the picture takes, for the eigen note below
        method = morph.choose_morph(A, keep_eigenvectors=show_eigen)

    ui.explain(
        "**▶ Play** moves the plane from where it is (the identity) to where A puts it; the "
        "slider scrubs. The columns of A are the arrows î and ĵ; grid lines stay straight, "
        "parallel and evenly spaced, which is what *linear* means."
    )

    st.subheader("Determinant: the area factor")
    ui.formula(text.determinant_latex(facts))
    ui.explain(
        "The unit square becomes the parallelogram spanned by the columns of A; its signed area "
        "is det A, the factor of every area. det A < 0 flips the plane over: the square turns "
        "vermillion and the F is mirrored. det A = 0 flattens it onto a line (or a point): the "
        "thick column space is all that is left, the dash-dotted null space lands on 0."
    )
    st.markdown(text.rank_sentence(facts))

    st.subheader("Inverse: undoing A")
    ui.formula(text.inverse_latex(facts))
    if facts.invertible:
        ui.explain(
            "**◀ Undo (A⁻¹)** under the picture plays the animation backwards: the plane returns "
            "to where it started, which is exactly what A⁻¹ does to it, since A⁻¹A = I."
        )
    else:
        st.info(text.no_inverse_reason(facts))

    if show_eigen:
        st.subheader("Eigenvectors: the lines A does not turn")
        st.markdown(text.eigen_sentence(eigen))
        if path_note := text.eigen_path_note(bool(spans), "steps" if in_sequence else method):
            st.info(path_note)


def space_lesson(dark: bool) -> None:
    """The 3x3 lesson: the unit cube and its image, volume = |det M|."""
    stage = ui.stage("controls beside")
    with stage.controls:
        choice = ui.control(P["cube"])
        if choice == MY_ENTRIES:
            rows = [ui.controls(*(P[key] for key in CUBE_KEYS[k : k + 3])) for k in (0, 3, 6)]
            M = transform.as_matrix(sum(rows, []))
        else:
            M = cube.CUBE_PRESETS[choice].matrix
            st.caption(cube.CUBE_PRESETS[choice].summary)
    facts = matrix_facts(M)
    with stage.picture:
        ui.plot(cube_chart, M, dark, key="cube3d")
    with stage.words:
        ui.formula(f"M = {text.exact_matrix_latex(M)}")
        ui.formula(text.determinant_latex(facts))
        st.markdown(text.rank_sentence(facts, "M"))
        ui.notes(text.notes(facts, name="M"))
    ui.explain(
        "Drag the picture to turn it. The cube's image is spanned by the columns of M; its volume "
        "is |det M|, and it turns vermillion (inside out) when det M < 0."
    )


ui.page_header(
    "Matrices as transformations",
    "A matrix moves the whole plane (a 3x3 one the whole space): its columns say where the "
    "basis vectors î, ĵ (and k̂) land, and every other point follows along.",
)
ui.lessons(P, {"2D": plane_lesson, "3D": space_lesson}, dark=ui.is_dark())
ui.why_it_matters(
    "Every layer of a neural network starts with a matrix: it moves the data points the way A "
    "moves this grid, before a nonlinearity bends the result. Data sets are matrices too. The "
    "determinant and rank tell you whether a map loses information (a singular weight or "
    "covariance matrix cannot be inverted, and least squares then has no unique answer), and "
    "eigenvectors are the directions PCA keeps and power iteration (PageRank) finds.",
    short="A layer is a matrix moving the data; rank and det say whether information is lost.",
)
ui.learn_more("linalg")
