"""Eigenvectors & SVD: the directions a matrix only stretches, power iteration, A = UΣVᵀ, PCA."""

from typing import Any

import numpy as np
import streamlit as st

from mathviz import ui
from mathviz.core.matrix2 import SVD2, Eigen, eigen_analysis, svd_2x2
from mathviz.linalg import eigen, pca, power, svd
from mathviz.linalg import figures_eigen as figures
from mathviz.linalg import text_eigen as text
from mathviz.linalg.params import EIGENVECTORS_SVD as P
from mathviz.plot import theme
from mathviz.plot.animation import speed_factor

ANIMATED_HEIGHT = theme.CHART_HEIGHT[False] + 110  # room for Play and the slider


def morph_chart(matrix: np.ndarray, labels: tuple[str, ...], dark: bool, speed: float = 1.0):
    """The I -> A morph of the matrix as drawn (its scene is made only when A changed)."""
    return figures.morph_figure(eigen.morph_scene(matrix), labels, dark=dark, speed=speed)


def svd_chart(matrix: np.ndarray, dark: bool, speed: float = 1.0):
    """A = UΣVᵀ in three stages, for the matrix as drawn."""
    return figures.svd_figure(svd.svd_scene(matrix), dark, speed)


def matrix_block() -> dict[str, Any]:
    """The matrix A (a preset, or its four entries), shown with its notes; the arguments of
    the three lessons that share it."""
    controls, shown = st.columns([3, 2], vertical_alignment="center")
    with controls:
        if ui.control(P["matrix"]) == "Preset":
            preset = eigen.PRESETS[ui.control(P["preset"])]
            A = preset.matrix
            ui.explain(preset.summary)
        else:
            A = eigen.matrix_from_entries(*ui.controls(P["a"], P["b"], P["c"], P["d"]))
        speed = speed_factor(ui.control(P["speed"]))
    with shown:
        st.latex(text.matrix_latex(A))
    factor = eigen.display_factor(A)
    analysis, decomposition = eigen_analysis(A), svd_2x2(A)
    ui.notes(text.matrix_notes(A, analysis, decomposition, factor))
    return {
        "A": A,
        "factor": factor,
        "analysis": analysis,
        "decomposition": decomposition,
        "speed": speed,
    }


def eigenvectors(
    A: np.ndarray, factor: float, analysis: Eigen, decomposition: SVD2, dark: bool, speed: float
):
    st.header("Eigenvectors: the lines that stay put")
    picture, words = ui.picture_and_words()
    with picture:
        labels = tuple(text.line_labels(analysis))
        ui.plot(
            morph_chart, factor * A, labels, dark, speed, key="eigen_morph", height=ANIMATED_HEIGHT
        )
    with words:
        ui.formula(text.eigen_latex(analysis), caption="A only stretches an eigenvector v, by λ.")
        ui.explain(
            "Press ▶ Play: the plane moves from doing nothing (I) to doing A. Almost every arrow "
            "of the circle turns off its own line, but the coloured arrows on the eigenvector "
            "lines only grow or shrink: their stretch factor is the eigenvalue λ (a negative λ "
            "flips the arrow through the origin). With complex eigenvalues no line survives: A "
            "turns every direction by θ and scales by r = |λ|, along the dashed ellipse."
        )


def power_iteration(
    A: np.ndarray, factor: float, analysis: Eigen, decomposition: SVD2, dark: bool, speed: float
) -> None:
    st.header("Apply A again and again: power iteration")
    start_angle, steps = ui.controls(P["v0"], P["power_steps"])
    scene = power.power_scene(A, start_angle, steps)
    ui.plot(figures.power_figure, scene, dark, speed, key="eigen_power", height=ANIMATED_HEIGHT)
    ui.notes(text.power_notes(scene))
    ui.formula(text.power_latex(scene.dominant, scene.iteration))
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


def singular_values(
    A: np.ndarray, factor: float, analysis: Eigen, decomposition: SVD2, dark: bool, speed: float
) -> None:
    st.header("SVD: rotate, stretch, rotate")
    picture, words = ui.picture_and_words()
    with picture:
        ui.plot(svd_chart, factor * A, dark, speed, key="eigen_svd", height=ANIMATED_HEIGHT)
    with words:
        ui.formula(
            text.svd_latex(A, decomposition),
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


def principal_components(dark: bool) -> None:
    st.header("PCA: the eigenvectors of a covariance matrix")
    cloud = pca.pca_scene(
        *ui.controls(P["pca_seed"], P["pca_n"], P["pca_rho"], P["pca_sx"], P["pca_sy"])
    )
    picture, words = ui.picture_and_words()
    with picture:
        ui.plot(figures.pca_figure, cloud, dark, key="eigen_pca")
    with words:
        ui.formula(text.pca_latex(cloud.pca))
        ui.notes(text.pca_notes(cloud.pca))
        ui.explain(
            "The covariance matrix C is symmetric, so its eigenvectors are perpendicular: they "
            "are the principal axes, and each eigenvalue is the variance of the data along its "
            "axis. Keeping only PC1 keeps the share λ₁/(λ₁ + λ₂) of the variance with half the "
            "numbers."
        )


ui.page_header(
    "Eigenvectors & SVD",
    "An eigenvector is a direction a matrix only stretches; "
    "every matrix is a rotation, a stretch and a rotation.",
)
ui.lessons(
    P,
    {
        "Eigenvectors": ui.Lesson(eigenvectors, inputs=matrix_block),
        "Power iteration": ui.Lesson(power_iteration, inputs=matrix_block),
        "SVD": ui.Lesson(singular_values, inputs=matrix_block),
        "PCA": principal_components,  # its matrix comes from data
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "Eigenvectors and the SVD are how ML finds structure: PCA compresses data onto its "
    "dominant directions, recommender systems and LSA factor a matrix with the SVD, PageRank "
    "is a dominant eigenvector, and the condition number (σ₁/σ₂) tells you when training or "
    "solving a linear system will be numerically fragile.",
    short="PCA, SVD-based recommenders and PageRank are eigenvector problems; "
    "κ = σ₁/σ₂ warns of fragile numerics.",
)
ui.learn_more("linalg")
