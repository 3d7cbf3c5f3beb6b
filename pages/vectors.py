"""Vectors & projections: the dot product as a shadow, cosine similarity, change of basis,
least squares as a projection."""

import numpy as np
import streamlit as st

from mathviz import ui
from mathviz.core import numbers
from mathviz.linalg import figures_vectors as figures
from mathviz.linalg import least_squares, vectors
from mathviz.linalg import text_vectors as text
from mathviz.linalg.params import VECTORS as P
from mathviz.linalg.params import WORDS

# The vector pictures' height in the normal layout (their view is sized to the vectors, usually
# about square); presentation mode's stage sets its own.
PLANE_HEIGHT = 500


def similarity_chart(chosen: tuple[int, int], dark: bool):
    """Every pair's cosine similarity, the chosen pair outlined."""
    table = np.array(list(vectors.EMBEDDINGS.values()))
    return figures.similarity_figure(
        WORDS, vectors.cosine_similarity_matrix(table), chosen, dark=dark
    )


def vector_controls(*pairs: tuple[str, str]) -> list[np.ndarray]:
    """Two sliders (x and y) per vector, returned as arrays: one row of them, or in
    presentation mode's narrow column one row per vector."""
    if ui.presenting():
        return [np.array(ui.controls(P[x_key], P[y_key])) for x_key, y_key in pairs]
    values = ui.controls(*(P[key] for pair in pairs for key in pair))
    return [np.array(values[i : i + 2]) for i in range(0, len(values), 2)]


def heading(title: str) -> None:
    """A lesson's heading; in presentation mode the part chooser says it, above the picture."""
    if not ui.presenting():
        st.header(title)


def dot_product(dark: bool) -> None:
    heading("The dot product is a shadow")
    stage = ui.stage("words beside")
    with stage.controls:
        u, v = vector_controls(("u1", "u2"), ("v1", "v2"))
    dot = vectors.dot_product(u, v)
    with stage.picture:
        ui.plot(
            figures.dot_product_figure,
            dot,
            vectors.angle_arc(dot),
            dark=dark,
            key="vec_dot",
            height=PLANE_HEIGHT,
        )
    with stage.words:
        ui.formula(text.dot_latex(dot))
        if dot.cosine is None:
            st.info(
                "A zero vector has no direction, so the angle between u and v (and cos θ) is "
                "undefined; the dot product is simply 0."
            )
    ui.explain(
        "Shine a light perpendicular to u: v casts a shadow on u's line of signed length "
        "|v| cos θ. The dot product is that shadow times |u|. It is positive when v leans "
        "towards u, zero when they are perpendicular, negative when v leans away."
    )


def cosine_similarity(dark: bool) -> None:
    heading("Cosine similarity: comparing embeddings")
    stage = ui.stage("words beside")
    with stage.controls:
        if ui.presenting():  # a word list needs the narrow column's whole width
            first, second = ui.control(P["word1"]), ui.control(P["word2"])
        else:
            first, second = ui.controls(P["word1"], P["word2"])
    with stage.picture:
        chosen = (WORDS.index(first), WORDS.index(second))
        ui.plot(similarity_chart, chosen, dark, key="vec_cosine")
    with stage.words:
        a, b = vectors.EMBEDDINGS[first], vectors.EMBEDDINGS[second]
        ui.formula(
            text.cosine_latex(first, a, second, b),
            caption=f"Each word is a vector of {len(a)} made-up features: "
            + ", ".join(vectors.EMBEDDING_FEATURES)
            + ".",
        )
    ui.explain(
        "Embeddings turn words, sentences or images into vectors so that similar meanings "
        "point in similar directions. Cosine similarity compares only the direction: 1 for "
        "the same direction, 0 for unrelated (perpendicular), -1 for opposite. Search engines "
        "and retrieval for chatbots rank documents by exactly this number, on vectors with "
        f"hundreds of dimensions instead of {len(vectors.EMBEDDING_FEATURES)}."
    )


def change_of_basis(dark: bool) -> None:
    heading("Change of basis: the same vector, other coordinates")
    stage = ui.stage("words beside")
    with stage.controls:
        b1, b2, x = vector_controls(("b1x", "b1y"), ("b2x", "b2y"), ("xx", "xy"))
    basis = vectors.basis_coordinates(b1, b2, x)
    with stage.picture:
        ui.plot(figures.basis_figure, basis, dark=dark, key="vec_basis", height=PLANE_HEIGHT)
    with stage.words:
        ui.formula(text.basis_latex(basis))
        if (note := text.basis_note(basis)) is not None:
            st.info(note)
    ui.explain(
        "In the standard basis the coordinates of x are its entries: x = x₁e₁ + x₂e₂. In the "
        "basis b₁, b₂ they are the numbers c₁, c₂ with x = c₁b₁ + c₂b₂: walk c₁ steps along "
        "b₁, then c₂ steps along b₂ (the dotted path). Finding them is solving B c = x."
    )


def least_squares_fit(dark: bool) -> None:
    heading("Least squares: fitting a line is a projection")
    stage = ui.stage("stacked")
    with stage.controls:
        seed, n_points, noise = ui.controls(P["ls_seed"], P["ls_n"], P["ls_noise"])
    x_data, y_data = least_squares.noisy_line(seed, n_points, noise)
    fit = least_squares.fit_line(x_data, y_data)
    picture = least_squares.column_space_picture(fit)
    stretch = least_squares.height_stretch(picture)
    if ui.presenting():  # the stage's picture holds one chart; the projection comes under it
        fit_place, projection_place = stage.picture, st.columns((3, 2))[0]
    else:
        with stage.picture:
            fit_place, projection_place = st.columns(2)
    with fit_place:
        ui.plot(figures.line_fit_figure, x_data, fit, dark=dark, key="vec_fit")
    with projection_place:
        ui.plot(figures.column_space_figure, picture, stretch, dark=dark, key="vec_projection")
        if stretch > 1:
            st.caption(
                f"The height is drawn {numbers.text(stretch, 2)}× taller so that e shows; "
                "the plane is to scale and e stays perpendicular to it."
            )
    with stage.words:
        ui.formula(
            text.normal_equations_latex(fit),
            caption="Xᵀe = 0 up to rounding: the residual is perpendicular to both columns of X.",
        )
        if fit.exact:
            st.info(
                "With no noise the points lie exactly on a line: y is already in the column space."
            )
    ui.explain(
        f"Stack the {n_points} points: y ≈ β₀·1 + β₁·x, i.e. y ≈ Xβ with X = [1 x]. Every choice "
        "of β gives a point Xβ of the plane spanned by the columns 1 and x (inside a space with "
        f"{n_points} dimensions). The best fit is the point of that plane closest to y: its "
        "orthogonal projection ŷ. The residual e = y − ŷ is then perpendicular to the plane, "
        "Xᵀe = 0, which rearranges into the normal equations XᵀXβ̂ = Xᵀy. The 3-D picture is "
        "that big space seen through the 3-dimensional slice that 1, x and y span, with ŷ along "
        "the floor and e straight up."
    )


ui.page_header(
    "Vectors & projections",
    "The dot product measures how far one vector goes along another; "
    "least squares is a shadow cast onto a plane.",
)
ui.lessons(
    P,
    {
        "Dot product": dot_product,
        "Cosine similarity": cosine_similarity,
        "Change of basis": change_of_basis,
        "Least squares": least_squares_fit,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "A neuron computes a dot product: how strongly its input points along its weights. "
    "Recommendation and search compare embeddings by cosine similarity. Changing basis is "
    "what PCA and every learned representation do to data. And least squares, the projection "
    "onto a column space, is linear regression: the first model to try on any problem.",
    short="Neurons are dot products; search is cosine similarity; regression is a projection.",
)
ui.learn_more("linalg")
