"""Vectors & projections: the dot product as a shadow, cosine similarity, change of basis,
least squares as a projection."""

import numpy as np
import streamlit as st

from mathviz import ui, vectors, vectors_figures
from mathviz.vectors import plain_number

WORDS_LIST = list(vectors.EMBEDDINGS)


def vector_controls(name: str, keys: tuple[str, str], default: tuple[float, float]) -> np.ndarray:
    """Two sliders (x and y) for one vector, returned as an array."""
    specs = [
        (f"{name}: {axis}", key, -4.0, 4.0, value, 0.1)
        for axis, key, value in zip("xy", keys, default, strict=True)
    ]
    return np.array(ui.sliders(*specs))


ui.page_header(
    "Vectors & projections",
    "The dot product measures how far one vector goes along another; "
    "least squares is a shadow cast onto a plane.",
)
dark = ui.is_dark()


def dot_product() -> None:
    st.header("The dot product is a shadow")
    left, right = st.columns(2)
    with left:
        u = vector_controls("u", ("u1", "u2"), (3.0, 1.0))
    with right:
        v = vector_controls("v", ("v1", "v2"), (1.0, 2.0))
    dot = vectors.dot_product(u, v)
    picture, words = ui.picture_and_words()
    with picture:
        figure = ui.remembered(
            "dot",
            (*u.tolist(), *v.tolist(), dark),
            lambda: vectors_figures.dot_product_figure(dot, vectors.angle_arc(dot), dark=dark),
        )
        ui.plot(figure, key="vec_dot")
    with words:
        ui.formula(vectors.dot_latex(dot))
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


def cosine_similarity() -> None:
    st.header("Cosine similarity: comparing embeddings")
    left, right = st.columns(2)
    with left:
        first = ui.select("First word", WORDS_LIST, key="word1", value="king")
    with right:
        second = ui.select("Second word", WORDS_LIST, key="word2", value="queen")
    table = np.array(list(vectors.EMBEDDINGS.values()))
    picture, words = ui.picture_and_words()
    with picture:
        chosen = (WORDS_LIST.index(first), WORDS_LIST.index(second))
        figure = ui.remembered(
            "cosine",
            (*chosen, dark),
            lambda: vectors_figures.similarity_figure(
                WORDS_LIST, vectors.cosine_similarity_matrix(table), chosen, dark=dark
            ),
        )
        ui.plot(figure, key="vec_cosine")
    with words:
        a, b = vectors.EMBEDDINGS[first], vectors.EMBEDDINGS[second]
        ui.formula(
            vectors.cosine_latex(first, a, second, b),
            caption=f"Each word is a vector of {len(a)} made-up features: "
            + ", ".join(vectors.EMBEDDING_FEATURES)
            + ".",
        )
        ui.explain(
            "Embeddings turn words, sentences or images into vectors so that similar meanings "
            "point in similar directions. Cosine similarity compares only the direction: 1 for "
            "the same direction, 0 for unrelated (perpendicular), -1 for opposite. Search engines "
            "and retrieval for chatbots rank documents by exactly this number, on vectors with "
            "hundreds of dimensions instead of four."
        )


def change_of_basis() -> None:
    st.header("Change of basis: the same vector, other coordinates")
    columns = st.columns(3)
    with columns[0]:
        b1 = vector_controls("b₁", ("b1x", "b1y"), (2.0, 1.0))
    with columns[1]:
        b2 = vector_controls("b₂", ("b2x", "b2y"), (-1.0, 1.0))
    with columns[2]:
        x = vector_controls("x", ("xx", "xy"), (3.0, 2.0))
    basis = vectors.basis_coordinates(b1, b2, x)
    picture, words = ui.picture_and_words()
    with picture:
        inputs = (*b1.tolist(), *b2.tolist(), *x.tolist(), dark)
        figure = ui.remembered(
            "basis", inputs, lambda: vectors_figures.basis_figure(basis, dark=dark)
        )
        ui.plot(figure, key="vec_basis")
    with words:
        ui.formula(vectors.basis_latex(basis))
        if (note := vectors.basis_note(basis)) is not None:
            st.info(note)
        ui.explain(
            "In the standard basis the coordinates of x are its entries: x = x₁e₁ + x₂e₂. In the "
            "basis b₁, b₂ they are the numbers c₁, c₂ with x = c₁b₁ + c₂b₂: walk c₁ steps along "
            "b₁, then c₂ steps along b₂ (the dotted path). Finding them is solving B c = x."
        )


def least_squares() -> None:
    st.header("Least squares: fitting a line is a projection")
    seed, n_points, noise = ui.sliders(
        ("Seed", "ls_seed", 0, 1000, 0),
        ("Points n", "ls_n", 3, 200, 25),
        ("Noise", "ls_noise", 0.0, 3.0, 1.0, 0.1),
    )
    x_data, y_data = vectors.noisy_line(seed, n_points, noise)
    fit = vectors.fit_line(x_data, y_data)
    data_key = (seed, n_points, noise, dark)
    left, right = st.columns(2)
    with left:
        figure = ui.remembered(
            "fit", data_key, lambda: vectors_figures.line_fit_figure(x_data, fit, dark=dark)
        )
        ui.plot(figure, key="vec_fit")
    with right:
        picture = vectors.column_space_picture(fit)
        stretch = vectors.height_stretch(picture)
        figure = ui.remembered(
            "projection",
            data_key,
            lambda: vectors_figures.column_space_figure(picture, stretch, dark=dark),
        )
        ui.plot(figure, key="vec_projection")
        if stretch > 1:
            st.caption(
                f"The height is drawn {plain_number(stretch, 2)}× taller so that e shows; the "
                "plane is to scale and e stays perpendicular to it."
            )
    ui.formula(
        vectors.normal_equations_latex(fit),
        caption="Xᵀe = 0 up to rounding: the residual is perpendicular to both columns of X.",
    )
    if fit.exact:
        st.info("With no noise the points lie exactly on a line: y is already in the column space.")
    ui.explain(
        f"Stack the {n_points} points: y ≈ β₀·1 + β₁·x, i.e. y ≈ Xβ with X = [1 x]. Every choice "
        "of β gives a point Xβ of the plane spanned by the columns 1 and x (inside a space with "
        f"{n_points} dimensions). The best fit is the point of that plane closest to y: its "
        "orthogonal projection ŷ. The residual e = y − ŷ is then perpendicular to the plane, "
        "Xᵀe = 0, which rearranges into the normal equations XᵀXβ̂ = Xᵀy. The 3-D picture is "
        "that big space seen through the 3-dimensional slice that 1, x and y span, with ŷ along "
        "the floor and e straight up."
    )


IDEAS = {
    "Dot product": dot_product,
    "Cosine similarity": cosine_similarity,
    "Change of basis": change_of_basis,
    "Least squares": least_squares,
}
ui.section(IDEAS[ui.choice("Show", list(IDEAS), key="idea")])

ui.why_it_matters(
    "A neuron computes a dot product: how strongly its input points along its weights. "
    "Recommendation and search compare embeddings by cosine similarity. Changing basis is "
    "what PCA and every learned representation do to data. And least squares, the projection "
    "onto a column space, is linear regression: the first model to try on any problem.",
    short="Neurons are dot products; search is cosine similarity; regression is a projection.",
)
ui.learn_more("linalg")
