"""Eigenvectors & SVD: the directions a matrix only stretches, power iteration, A = UΣVᵀ, PCA."""

from dataclasses import dataclass
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


@dataclass(frozen=True)
class MatrixView:
    """The matrix A the three matrix lessons share, with what they draw and say about it."""

    A: np.ndarray
    factor: float  # the pictures draw factor·A (eigen.display_factor)
    analysis: Eigen
    decomposition: SVD2
    speed: float
    notes: list


def matrix_controls() -> tuple[np.ndarray, float]:
    """A (a preset, or its four entries) and the Play speed, from their controls."""
    if ui.control(P["matrix"]) == "Preset":
        preset = eigen.PRESETS[ui.control(P["preset"])]
        A = preset.matrix
        ui.explain(preset.summary)
    else:
        A = eigen.matrix_from_entries(*ui.controls(P["a"], P["b"], P["c"], P["d"]))
    return A, speed_factor(ui.control(P["speed"]))


def section_title(title: str) -> None:
    """The lesson's heading: a full header, or a line above the formula when presenting."""
    if ui.presenting():
        st.markdown(f"**{title}**")
    else:
        st.header(title)


def matrix_stage(title: str, normal: str) -> tuple[Any, MatrixView]:
    """The lesson's stage with the matrix block drawn in it: its controls (A shown beside
    them, then its notes and the lesson's heading) above the picture; when presenting, the
    controls in the side column and A at the top of the words, its notes at their foot
    (:func:`matrix_notes`)."""
    stage = ui.stage(normal)
    present = ui.presenting()
    with stage.controls:
        if present:
            A, speed = matrix_controls()
        else:
            controls, shown = st.columns([3, 2], vertical_alignment="center")
            with controls:
                A, speed = matrix_controls()
            with shown:
                st.latex(text.matrix_latex(A))
    factor = eigen.display_factor(A)
    analysis, decomposition = eigen_analysis(A), svd_2x2(A)
    view = MatrixView(
        A,
        factor,
        analysis,
        decomposition,
        speed,
        text.matrix_notes(A, analysis, decomposition, factor),
    )
    if present:
        with stage.words:
            section_title(title)
            st.latex(text.matrix_latex(A))
    else:
        with stage.controls:
            ui.notes(view.notes)
            section_title(title)
    return stage, view


def matrix_notes(stage: Any, view: MatrixView) -> None:
    """When presenting, A's notes under the lesson's formula (otherwise they are above)."""
    if ui.presenting():
        with stage.words:
            ui.notes(view.notes)


def eigenvectors(dark: bool) -> None:
    stage, m = matrix_stage("Eigenvectors: the lines that stay put", "words beside")
    with stage.picture:
        labels = tuple(text.line_labels(m.analysis))
        ui.plot(
            morph_chart,
            m.factor * m.A,
            labels,
            dark,
            m.speed,
            key="eigen_morph",
            height=ANIMATED_HEIGHT,
        )
    with stage.words:
        ui.formula(text.eigen_latex(m.analysis), caption="A only stretches an eigenvector v, by λ.")
    matrix_notes(stage, m)
    with stage.words:
        ui.explain(
            "Press ▶ Play: the plane moves from doing nothing (I) to doing A. Almost every arrow "
            "of the circle turns off its own line, but the coloured arrows on the eigenvector "
            "lines only grow or shrink: their stretch factor is the eigenvalue λ (a negative λ "
            "flips the arrow through the origin). The columns of A are the images of î and ĵ. "
            "With complex eigenvalues no line survives: A turns every direction by θ and "
            "scales by r = |λ|, along the dashed ellipse."
        )


def power_iteration(dark: bool) -> None:
    stage, m = matrix_stage("Apply A again and again: power iteration", "stacked")
    with stage.controls:
        start_angle, steps = ui.controls(P["v0"], P["power_steps"])
    scene = power.power_scene(m.A, start_angle, steps)
    with stage.picture:
        ui.plot(
            figures.power_figure, scene, dark, m.speed, key="eigen_power", height=ANIMATED_HEIGHT
        )
    with stage.words:
        ui.notes(text.power_notes(scene))
        ui.formula(text.power_latex(scene.dominant, scene.iteration))
    matrix_notes(stage, m)
    ui.explain(
        "Each application multiplies the part of v along v₁ by λ₁ and the part along v₂ by λ₂, "
        "so the share of v₂ shrinks by |λ₂/λ₁| per step: a straight line on the log plot. "
        "Equal sizes |λ₁| = |λ₂| (a reflection) or complex eigenvalues (a rotation) leave nothing "
        "to converge to."
    )
    ui.explain(
        "**PCA** finds the first principal component as the dominant eigenvector of the "
        "covariance matrix, and **PageRank** is the dominant eigenvector (λ = 1) of the web's "
        "link matrix: try the *Markov chain (PageRank)* preset. Both are found with exactly this "
        "iteration when the matrix is too big for anything else."
    )


def singular_values(dark: bool) -> None:
    stage, m = matrix_stage("SVD: rotate, stretch, rotate", "words beside")
    with stage.picture:
        ui.plot(svd_chart, m.factor * m.A, dark, m.speed, key="eigen_svd", height=ANIMATED_HEIGHT)
    with stage.words:
        ui.formula(
            text.svd_latex(m.A, m.decomposition),
            caption="σ₁ ≥ σ₂ ≥ 0 are the ellipse's semi-axes.",
        )
        ui.formula(text.condition_latex(m.decomposition), caption="The condition number.")
    matrix_notes(stage, m)
    with stage.words:
        ui.explain(
            "Every matrix does three simple things in turn: Vᵀ turns the plane so that the right "
            "singular vectors v₁, v₂ lie on the axes, Σ stretches the axes by σ₁ and σ₂, and U "
            "turns the result into place (flipping it too when det A < 0). So the unit circle "
            "always becomes an ellipse with semi-axes σ₁u₁ and σ₂u₂. The condition number "
            "κ = σ₁/σ₂ says how much more A stretches one direction than another: solving "
            "A x = b can lose about log₁₀ κ digits."
        )


def principal_components(dark: bool) -> None:
    title = "PCA: the eigenvectors of a covariance matrix"
    stage = ui.stage("words beside")
    with stage.controls:
        if not ui.presenting():
            section_title(title)
        cloud = pca.pca_scene(
            *ui.controls(P["pca_seed"], P["pca_n"], P["pca_rho"], P["pca_sx"], P["pca_sy"])
        )
    with stage.picture:
        ui.plot(figures.pca_figure, cloud, dark, key="eigen_pca")
    with stage.words:
        if ui.presenting():
            section_title(title)
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
        "Eigenvectors": eigenvectors,
        "Power iteration": power_iteration,
        "SVD": singular_values,
        "PCA": principal_components,
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
