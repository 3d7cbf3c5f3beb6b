"""Regression & over-fitting: least squares with its residuals' squares, Anscombe's quartet,
polynomials from under- to over-fitting with cross-validation, bias and variance, ridge, and
a one-way ANOVA."""

import streamlit as st

from mathviz import ui
from mathviz.plot.animation import speed_factor
from mathviz.stats import figures_regression as figures
from mathviz.stats import overfitting, regression
from mathviz.stats import text_regression as words
from mathviz.stats.params import REGRESSION as P
from mathviz.stats.params_regression import (
    ANOVA,
    BIAS_VARIANCE,
    GENERATED_GROUPS,
    LEAST_SQUARES,
    OVERFITTING,
    QUARTET,
    RIDGE,
)

ui.page_header(
    "Regression & over-fitting",
    "Fit a line by least squares, see what its summary hides, then fit curves until they "
    "memorise the noise, and learn the two cures: validation and regularisation.",
)


def least_squares_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        source = ui.control(P["reg_data"])
        generated = source == regression.GENERATED_LINE
        settings = {}
        if generated:
            n, slope, noise, seed = ui.controls(P["reg_n"], P["reg_slope"], P["reg_noise"],
                                                P["seed"])  # fmt: skip
            settings = {"n": int(n), "slope": float(slope), "noise": float(noise),
                        "seed": int(seed)}  # fmt: skip
        speed = ui.control(P["speed"])
    data = regression.source_data(source, **settings)
    fit = regression.regress(data.x, data.y)
    with stage.picture:
        ui.plot(figures.line_figure, fit, speed_factor(speed), dark, key="line_chart",
                height=560)  # fmt: skip
    with stage.words:
        for line in words.line_latex(fit):
            ui.formula(line)
        ui.notes(words.line_notes(fit, data.about))
    if generated and settings["slope"] == 0.6 and settings["n"] >= 3 and settings["seed"] <= 1000:
        st.page_link(
            "pages/vectors.py",
            icon=":material/arrow_forward:",
            label="The same points on the Vectors page: least squares as a projection",
            query_params={"part": "Least squares", "ls_n": str(settings["n"]),
                          "ls_noise": f"{settings['noise']:g}", "ls_seed": str(settings["seed"])},
        )  # fmt: skip
    ui.explain(words.LINE_EXPLAIN)


def quartet_lesson(dark: bool) -> None:
    fits = regression.quartet()
    stage = ui.stage("words beside")
    with stage.picture:
        ui.plot(figures.quartet_figure, fits, dark, key="quartet_chart", height=560)
    with stage.words:
        for line in words.quartet_latex(fits):
            ui.formula(line)
        ui.notes(list(words.QUARTET_NOTES))
    st.markdown(words.quartet_markdown(fits))
    ui.explain(words.QUARTET_EXPLAIN)


def polynomial_settings(with_degree: bool = True) -> dict:
    """The controls the polynomial parts share: the truth, n, the noise and the seed."""
    truth, n, noise = ui.controls(P["of_truth"], P["of_n"], P["of_noise"])
    settings = {"truth_name": truth, "n": int(n), "noise": float(noise)}
    if with_degree:
        settings["degree"] = int(ui.control(P["of_degree"]))
    return settings


def overfitting_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        settings = polynomial_settings()
        share, k, seed = ui.controls(P["of_test"], P["of_k"], P["seed"])
        speed = ui.control(P["speed"])
    degree = settings.pop("degree")
    run = overfitting.degree_run(**settings, test_share=float(share), k=int(k), seed=int(seed))
    with stage.picture:
        ui.plot(figures.degree_figure, run, degree, speed_factor(speed), dark,
                key="degree_chart", height=560)  # fmt: skip
    with stage.words:
        for line in words.degree_latex(run, degree):
            ui.formula(line)
        ui.notes(words.degree_notes(run, degree))
    ui.explain(words.DEGREE_EXPLAIN)


def bias_variance_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        settings = polynomial_settings()
        repeats, seed = ui.controls(P["of_reps"], P["seed"])
        speed = ui.control(P["speed"])
    degree = settings.pop("degree")
    result = overfitting.bias_variance(**settings, repeats=int(repeats), seed=int(seed))
    with stage.picture:
        ui.plot(figures.bias_variance_figure, result, degree, speed_factor(speed), dark,
                key="bias_variance_chart", height=560)  # fmt: skip
    with stage.words:
        for line in words.bias_variance_latex(result, degree):
            ui.formula(line)
        ui.notes(words.bias_variance_notes(result, degree))
    ui.explain(words.BIAS_VARIANCE_EXPLAIN)


def ridge_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        settings = polynomial_settings(with_degree=False)
        settings["degree"] = int(ui.control(P["of_rdeg"]))
        lam, seed = ui.controls(P["of_lambda"], P["seed"])
        speed = ui.control(P["speed"])
    lam = float(lam)
    run = overfitting.ridge_run(**settings, seed=int(seed))
    frame = overfitting.lambda_frame(lam)
    with stage.picture:
        ui.plot(figures.ridge_figure, run, frame, speed_factor(speed), dark, key="ridge_chart",
                height=560)  # fmt: skip
    with stage.words:
        for line in words.ridge_latex(run, lam):
            ui.formula(line)
        ui.notes(words.ridge_notes(run, lam))
    picture = overfitting.ball(int(seed))
    ui.plot(figures.ball_figure, picture, frame, speed_factor(speed), dark, key="ball_chart",
            height=520)  # fmt: skip
    ui.formula(words.ball_latex(picture, lam))
    ui.explain(words.RIDGE_EXPLAIN)


def anova_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        source = ui.control(P["an_data"])
        if source == GENERATED_GROUPS:
            k, n, spread, seed = ui.controls(P["an_k"], P["an_n"], P["an_spread"], P["seed"])
            result = regression.generated_groups(int(k), int(n), float(spread), int(seed))
            about = f"{int(k)} groups of {int(n)} normal values, SD 1."
        else:
            column = ui.control(P["an_icol"])
            result = regression.iris_groups(column)
            about = f"Iris {column.replace('_', ' ')} (cm) of 50 flowers of each species."
    with stage.picture:
        ui.plot(figures.anova_figure, result, dark, key="anova_chart", height=520)
    with stage.words:
        for line in words.anova_latex(result):
            ui.formula(line)
        ui.notes(words.anova_notes(result, about))
    ui.explain(words.ANOVA_EXPLAIN)


ui.lessons(
    P,
    {
        LEAST_SQUARES: least_squares_lesson,
        QUARTET: quartet_lesson,
        OVERFITTING: overfitting_lesson,
        BIAS_VARIANCE: bias_variance_lesson,
        RIDGE: ridge_lesson,
        ANOVA: anova_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("stats")
