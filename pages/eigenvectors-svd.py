"""Eigenvectors & SVD: the directions a matrix only stretches, power iteration, A = UΣVᵀ, PCA."""

import numpy as np
import streamlit as st

from mathviz import eigen, eigen_figures, ui
from mathviz.plot import theme
from mathviz.vectors import latex_matrix

NOTE_BOXES = {"info": st.info, "warning": st.warning}
ENTRY_DEFAULTS = {"a": 1.5, "b": 1.0, "c": 0.5, "d": 1.0}


ui.page_header(
    "Eigenvectors & SVD",
    "An eigenvector is a direction a matrix only stretches; "
    "every matrix is a rotation, a stretch and a rotation.",
)
dark = ui.is_dark()
ANIMATED_HEIGHT = theme.CHART_HEIGHT[False] + 110  # room for Play and the slider


def matrix_block() -> tuple[np.ndarray, float, eigen.Eigen, eigen.SVD2]:
    """The matrix A (a preset, or its four entries), shown with its notes."""
    controls, shown = st.columns([3, 2], vertical_alignment="center")
    with controls:
        mode = ui.choice("Matrix from", ["Preset", "Entries"], key="matrix")
        if mode == "Preset":
            name = ui.select(
                "Preset", list(eigen.PRESETS), key="preset", value=eigen.DEFAULT_PRESET
            )
            A = np.array(eigen.PRESETS[name].matrix)
            ui.explain(eigen.PRESETS[name].lesson)
        else:
            entries = []
            for cell, (key, value) in zip(st.columns(4), ENTRY_DEFAULTS.items(), strict=True):
                with cell:
                    entries.append(ui.number(key, key, -1e6, 1e6, value, step=0.1, format="%g"))
            A = eigen.matrix_from_entries(*entries)
    with shown:
        st.latex(rf"A = \begin{{bmatrix}} a & b \\ c & d \end{{bmatrix}} = {latex_matrix(A)}")
    factor = eigen.display_factor(A)
    analysis = eigen.eigen_analysis(A)
    svd = eigen.svd_2x2(A)
    for note in eigen.matrix_notes(A, analysis, svd, factor):
        NOTE_BOXES[note.level](note.text)
    return A, factor, analysis, svd


def eigenvectors() -> None:
    st.header("Eigenvectors: the lines that stay put")
    picture, words = ui.picture_and_words()
    with picture:
        figure = ui.remembered(
            "morph",
            matrix_key,
            lambda: eigen_figures.morph_figure(
                eigen.morph_scene(factor * A), eigen.line_labels(analysis), dark=dark
            ),
        )
        ui.plot(figure, key="eigen_morph", height=ANIMATED_HEIGHT)
    with words:
        ui.formula(eigen.eigen_latex(analysis), caption="A only stretches an eigenvector v, by λ.")
        ui.explain(
            "Press ▶ Play: the plane moves from doing nothing (I) to doing A. Almost every arrow "
            "of the circle turns off its own line, but the coloured arrows on the eigenvector "
            "lines only grow or shrink: their stretch factor is the eigenvalue λ (a negative λ "
            "flips the arrow through the origin). With complex eigenvalues no line survives: A "
            "turns every direction by θ and scales by r = |λ|, along the dashed ellipse."
        )


def power_iteration() -> None:
    st.header("Apply A again and again: power iteration")
    left, right = st.columns(2)
    with left:
        start_angle = ui.slider("Start vector v₀: angle (degrees)", "v0", 0, 359, 100)
    with right:
        steps = ui.slider("Steps K", "steps", 1, 30, 12)
    power = eigen.power_scene(A, start_angle, steps)
    figure = ui.remembered(
        "power", (*matrix_key, start_angle, steps), lambda: eigen_figures.power_figure(power, dark)
    )
    ui.plot(figure, key="eigen_power", height=ANIMATED_HEIGHT)
    for note in eigen.power_notes(power):
        NOTE_BOXES[note.level](note.text)
    ui.formula(eigen.power_latex(power.dominant, power.iteration))
    ui.explain(
        "Each application multiplies the part of v along v₁ by λ₁ and the part along v₂ by λ₂, "
        "so the share of v₂ shrinks by |λ₂/λ₁| per step: a straight line on the log plot. "
        "Equal sizes |λ₁| = |λ₂| (a reflection) or complex eigenvalues (a rotation) leave nothing "
        "to converge to."
    )
    st.markdown(
        "**PCA** finds the first principal component as the dominant eigenvector of the "
        "covariance matrix, and **PageRank** is the dominant eigenvector (λ = 1) of the web's "
        "link matrix: try the *Markov chain (PageRank)* preset. Both are found with exactly this "
        "iteration when the matrix is too big for anything else."
    )


def singular_values() -> None:
    st.header("SVD: rotate, stretch, rotate")
    picture, words = ui.picture_and_words()
    with picture:
        figure = ui.remembered(
            "svd", matrix_key, lambda: eigen_figures.svd_figure(eigen.svd_scene(factor * A), dark)
        )
        ui.plot(figure, key="eigen_svd", height=ANIMATED_HEIGHT)
    with words:
        ui.formula(
            eigen.svd_latex(A, svd),
            caption="σ₁ ≥ σ₂ ≥ 0 are the ellipse's semi-axes; κ = σ₁/σ₂ is the condition number.",
        )
        ui.explain(
            "Every matrix does three simple things in turn: Vᵀ turns the plane so that the right "
            "singular vectors v₁, v₂ lie on the axes, Σ stretches the axes by σ₁ and σ₂, and U "
            "turns the result into place (flipping it too when det A < 0). So the unit circle "
            "always becomes an ellipse with semi-axes σ₁u₁ and σ₂u₂. The condition number "
            "κ = σ₁/σ₂ says how much more A stretches one direction than another: solving "
            "A x = b can lose about log₁₀ κ digits."
        )


def pca() -> None:
    st.header("PCA: the eigenvectors of a covariance matrix")
    seed, n_points, correlation, spread_x, spread_y = ui.sliders(
        ("Seed", "pca_seed", 0, 1000, 0),
        ("Points n", "pca_n", 10, 1000, 300, 10),
        ("Correlation ρ", "pca_rho", -0.99, 0.99, 0.8, 0.01),
        ("Spread along x", "pca_sx", 0.2, 3.0, 2.0, 0.1),
        ("Spread along y", "pca_sy", 0.2, 3.0, 1.0, 0.1),
    )
    cloud = eigen.pca_scene(seed, n_points, correlation, spread_x, spread_y)
    picture, words = ui.picture_and_words()
    with picture:
        inputs = (seed, n_points, correlation, spread_x, spread_y, dark)
        figure = ui.remembered("pca", inputs, lambda: eigen_figures.pca_figure(cloud, dark))
        ui.plot(figure, key="eigen_pca")
    with words:
        ui.formula(eigen.pca_latex(cloud.pca))
        for note in eigen.pca_notes(cloud.pca):
            NOTE_BOXES[note.level](note.text)
        ui.explain(
            "The covariance matrix C is symmetric, so its eigenvectors are perpendicular: they "
            "are the principal axes, and each eigenvalue is the variance of the data along its "
            "axis. Keeping only PC1 keeps the share λ₁/(λ₁ + λ₂) of the variance with half the "
            "numbers."
        )


LESSONS = {
    "Eigenvectors": eigenvectors,
    "Power iteration": power_iteration,
    "SVD": singular_values,
    "PCA": pca,
}
lesson = ui.choice("Show", list(LESSONS), key="lesson")
if lesson != "PCA":  # PCA makes its matrix from data
    A, factor, analysis, svd = matrix_block()
    matrix_key = (*A.ravel().tolist(), dark)
ui.section(LESSONS[lesson])

ui.why_it_matters(
    "Eigenvectors and the SVD are how ML finds structure: PCA compresses data onto its "
    "dominant directions, recommender systems and LSA factor a matrix with the SVD, PageRank "
    "is a dominant eigenvector, and the condition number (σ₁/σ₂) tells you when training or "
    "solving a linear system will be numerically fragile.",
    short="PCA, SVD-based recommenders and PageRank are eigenvector problems; "
    "κ = σ₁/σ₂ warns of fragile numerics.",
)
ui.learn_more("linalg")
