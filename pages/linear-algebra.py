"""Linear algebra: a matrix as a transformation of the plane, and of space."""

from functools import partial

import numpy as np
import streamlit as st

from mathviz import linalg, ui
from mathviz import linalg_figures as figures

ui.page_header(
    "Matrices as transformations",
    "A matrix moves the whole plane: its columns say where î and ĵ land, and every other "
    "point follows along.",
)
view = ui.choice("Matrix size", ["2D", "3D"], key="view", help="2×2 on the plane, 3×3 on space")
LIMIT = linalg.ENTRY_LIMIT
DEFAULT_ENTRIES = {"a": 3.0, "b": 1.0, "c": 0.0, "d": 2.0}  # eigenvalues 3 and 2: a good start


def entry_grid(rows: list[list[str]], defaults: dict[str, float]) -> list[float]:
    """Number inputs laid out like the matrix, and tabbed through in reading order."""
    values = []
    for row in rows:
        for column, key in zip(st.columns(len(row)), row, strict=True):
            with column:
                values.append(ui.number(key, key, -LIMIT, LIMIT, defaults[key], 0.5, format="%g"))
    return values


def entries_ui() -> tuple[np.ndarray, list, bool]:
    """A from its four entries (the keys a, b, c, d make a matrix linkable)."""
    values = entry_grid([["a", "b"], ["c", "d"]], DEFAULT_ENTRIES)
    return linalg.as_matrix(values), [], linalg.had_tiny_entries(values)


def preset_ui() -> tuple[np.ndarray, list, bool]:
    """A from the preset registry."""
    preset = linalg.PRESETS[ui.select("Preset", list(linalg.PRESETS), key="p", value="shear")]
    st.caption(preset.summary)
    return preset.matrix, [], False


def steps_ui() -> tuple[np.ndarray, list, bool]:
    """A as the product of up to three named steps, the first acting first."""
    steps = []
    for slot in (1, 2, 3):
        default = ("rotate", "shear x", linalg.NO_STEP)[slot - 1]
        left, right = st.columns([1, 1.3])
        with left:
            name = ui.select(f"Step {slot}", [linalg.NO_STEP, *linalg.STEPS], f"s{slot}", default)
        if name in linalg.STEPS:
            step = linalg.STEPS[name]
            stale = st.session_state.get(f"t{slot}")  # left by a step with a wider range
            if stale is not None and not step.low <= stale <= step.high:
                del st.session_state[f"t{slot}"]
            with right:
                amount = ui.slider(
                    step.parameter, f"t{slot}", step.low, step.high, step.default, step.increment
                )
            steps.append((name, amount))
    if not steps:
        st.caption("No step chosen: A is the identity.")
    return linalg.compose(linalg.step_matrices(steps)), steps, False


SOURCES = {"Entries": entries_ui, "Preset": preset_ui, "Steps": steps_ui}
NOTE_BOXES = {"info": st.info, "warning": st.warning}


def copy_to_entries(matrix: np.ndarray) -> None:
    """Callback: open the current matrix in the entry fields, to edit it from there."""
    entries = {key: float(f"{x:.12g}") for key, x in zip("abcd", matrix.ravel(), strict=True)}
    st.session_state.update(entries, mode="Entries")
    st.query_params.update({key: repr(value) for key, value in entries.items()})  # keep the link


def plane_lesson() -> None:
    """The 2x2 lesson: the transform view, determinant, inverse, eigenvectors."""
    controls, picture = st.columns([1, 2.3], gap="large")
    with controls:
        source = ui.choice("A comes from", list(SOURCES), key="mode")
        A, steps, tiny = SOURCES[source]()
        if source != "Entries":
            st.button("Edit these numbers", on_click=copy_to_entries, args=(A,))
        left, right = st.columns(2)
        with left:
            vx = ui.slider("v, x", "vx", -4.0, 4.0, 1.0, 0.25)
        with right:
            v = (vx, ui.slider("v, y", "vy", -4.0, 4.0, 1.0, 0.25))
        show_eigen = ui.toggle("Eigenvectors", key="eig")
        in_sequence = source == "Steps" and ui.toggle("Play the steps one by one", "seq", True)
        if not in_sequence:
            method = ui.choice("Morph", ["auto", *linalg.MORPHS], key="morph")

    facts, eigen = linalg.matrix_facts(A), linalg.eigen(A)
    if in_sequence:
        animation = linalg.play_steps(steps)
    else:
        if method == linalg.AUTO_MORPH:
            method = linalg.choose_morph(A, keep_eigenvectors=show_eigen)
        animation = linalg.morph(A, method)
    spans = eigen.spans if show_eigen else ()
    scene = linalg.transform_scene(animation, v, spans, facts)

    with picture:
        dark = ui.is_dark()
        inputs = (animation.matrices.tobytes(), animation.captions, v, show_eigen, dark)
        draw = partial(figures.transform_figure, scene, dark=dark, reversible=facts.invertible)
        ui.plot(ui.remembered("transform", inputs, draw), key="transform", height=560)
        for note in linalg.notes(facts, scene.window, tiny):
            NOTE_BOXES[note.level](note.text)

    shown = linalg.latex_matrix(A, linalg.entry_digits(A))  # enough digits to tell det from 0
    ui.formula(
        rf"A = {shown}, \quad A v = {shown}{linalg.latex_vector(v)}"
        rf" = {linalg.latex_vector(scene.vector_images[-1])}"
    )
    if steps:
        ui.formula(linalg.composition_latex(steps))
        st.markdown(linalg.order_sentence(steps))
    ui.explain(
        "**▶ Play** moves the plane from where it is (the identity) to where A puts it; the "
        "slider scrubs. The columns of A are the arrows î and ĵ; grid lines stay straight, "
        "parallel and evenly spaced, which is what *linear* means."
    )

    st.subheader("Determinant: the area factor")
    ui.formula(linalg.determinant_latex(facts))
    ui.explain(
        "The unit square becomes the parallelogram spanned by the columns of A; its signed area "
        "is det A, the factor of every area. det A < 0 flips the plane over: the square turns "
        "vermillion and the F is mirrored. det A = 0 flattens it onto a line (or a point): the "
        "thick column space is all that is left, the dash-dotted null space lands on 0."
    )
    st.markdown(linalg.rank_sentence(facts))

    st.subheader("Inverse: undoing A")
    ui.formula(linalg.inverse_latex(facts))
    if facts.invertible:
        ui.explain(
            "**◀ Undo (A⁻¹)** under the picture plays the animation backwards: the plane returns "
            "to where it started, which is exactly what A⁻¹ does to it, since A⁻¹A = I."
        )
    else:
        st.info(linalg.no_inverse_reason(facts))

    if show_eigen:
        st.subheader("Eigenvectors: the lines A does not turn")
        st.markdown(linalg.eigen_sentence(eigen))
        if path_note := linalg.eigen_path_note(bool(spans), "steps" if in_sequence else method):
            st.info(path_note)


def space_lesson() -> None:
    """The 3x3 lesson: the unit cube and its image, volume = |det M|."""
    controls, picture = st.columns([1, 2.3], gap="large")
    with controls:
        options = ["my entries", *linalg.CUBE_PRESETS]
        choice = ui.select("3×3 matrix M", options, key="cube", value="tilt and stretch")
        if choice == "my entries":
            keys = [[f"m{row}{column}" for column in (1, 2, 3)] for row in (1, 2, 3)]
            start = linalg.CUBE_PRESETS["tilt and stretch"].entries
            M = linalg.as_matrix(entry_grid(keys, dict(zip(sum(keys, []), start, strict=True))))
        else:
            M = linalg.CUBE_PRESETS[choice].matrix
            st.caption(linalg.CUBE_PRESETS[choice].summary)
    facts = linalg.matrix_facts(M)
    with picture:
        ui.plot(figures.cube_figure(linalg.cube_scene(M), dark=ui.is_dark()), key="cube3d")
    shown = linalg.latex_matrix(M, linalg.entry_digits(M))
    ui.formula(rf"M = {shown}, \quad " + linalg.determinant_latex(facts))
    ui.explain(
        "Drag the picture to turn it. The cube's image is spanned by the columns of M; its volume "
        "is |det M|, and it turns vermillion (inside out) when det M < 0."
    )
    st.markdown(linalg.rank_sentence(facts, "M"))
    for note in linalg.notes(facts, name="M"):
        NOTE_BOXES[note.level](note.text)


ui.section({"2D": plane_lesson, "3D": space_lesson}[view])
ui.why_it_matters(
    "Every layer of a neural network starts with a matrix: it moves the data points the way A "
    "moves this grid, before a nonlinearity bends the result. Data sets are matrices too. The "
    "determinant and rank tell you whether a map loses information (a singular weight or "
    "covariance matrix cannot be inverted, and least squares then has no unique answer), and "
    "eigenvectors are the directions PCA keeps and power iteration (PageRank) finds.",
    short="A layer is a matrix moving the data; rank and det say whether information is lost.",
)
ui.learn_more("linalg")
