"""Statistics: describing data (and what one outlier does), the likelihood and its maximum
climbed two ways, and the bias of estimators seen by repeated sampling."""

import streamlit as st

from mathviz import ui
from mathviz.core.notes import Note
from mathviz.plot.animation import speed_factor
from mathviz.stats import bootstrap, datasets, describe, estimators, intervals, likelihood
from mathviz.stats import figures as figures
from mathviz.stats import text_statistics as words
from mathviz.stats.params import STATISTICS as P
from mathviz.stats.params_statistics import BIAS, BOOTSTRAP, DESCRIBE, INTERVALS, LIKELIHOOD

ui.page_header(
    "Statistics",
    "Make sense of the data you have: describe it, fit a model to it by maximum likelihood, "
    "and know how far off an estimate tends to be.",
)


def data_ui() -> tuple[str, str, object]:
    """The data chooser: (where the data come from, the column's name, its values), or
    (a sentence, "", None) when there is nothing to describe yet."""
    source = ui.control(P["st_data"])
    if source in datasets.GENERATED:
        n, seed = ui.controls(P["st_n"], P["seed"])
        table = datasets.generated(source, int(n), int(seed))
        return table.about, datasets.GENERATED_UNITS[source], table.column(None)
    if source in datasets.SHIPPED:
        table = datasets.SHIPPED[source]()
        column = ui.control(P["st_acol" if source == "Anscombe's quartet" else "st_icol"])
        return table.about, column, table.column(column)
    table, _ = ui.uploaded(
        f"CSV file (at most {datasets.MAX_UPLOAD_BYTES // 1_000_000} MB)", "st_upload",
        datasets.read_csv, megabytes=datasets.MAX_UPLOAD_BYTES // 1_000_000,
    )  # fmt: skip
    if table is None:
        return "Choose a CSV file: a header row, then rows of numbers.", "", None
    if isinstance(table, datasets.Refusal):
        return table.reason, "", None
    column = st.selectbox("Column", table.names, key="st_upload_col")
    return f"{table.name}: {table.about}", column, table.column(column)


def describe_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        about, label, values = data_ui()
        speed = ui.control(P["speed"])
    if values is None:
        with stage.words:
            ui.notes([Note("warning" if st.session_state.get("st_upload") else "info", about)])
        return
    summary = describe.summary(values)
    with stage.picture:
        ui.plot(figures.describe_figure, values, label, dark, key="describe_chart",
                height=520)  # fmt: skip
    with stage.words:
        for line in words.summary_latex(summary):
            ui.formula(line)
        ui.notes(words.summary_notes(summary, about))
    path = describe.outlier_path(values)
    ui.plot(figures.outlier_figure, values, path, label, speed_factor(speed), dark,
            key="outlier_chart", height=520)  # fmt: skip
    ui.notes(words.outlier_notes(path))
    ui.explain(words.DESCRIBE_EXPLAIN)


def likelihood_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        model = likelihood.MODELS[ui.control(P["lk_model"])]
        truth, start = ui.controls(model.truth, model.start)
        known = float(ui.control(P["lk_sigma"])) if model.name.startswith("Normal") else 1.0
        n, seed = ui.controls(P["lk_n"], P["seed"])
        method = rate = None
        if model.regular:
            method = ui.control(P["lk_method"])
            rate = ui.control(P["lk_lr"]) if method == likelihood.ASCENT else P["lk_lr"].default
        speed = ui.control(P["speed"])
    fit = likelihood.fit(model.name, float(truth), int(n), int(seed), float(start),
                         float(rate or 0.3), known)  # fmt: skip
    method = method or likelihood.ASCENT
    with stage.picture:
        ui.plot(figures.likelihood_figure, fit, method, speed_factor(speed), dark,
                key="likelihood_chart", height=640)  # fmt: skip
    with stage.words:
        for line in words.likelihood_latex(fit) + words.loss_latex(fit):
            ui.formula(line)
        ui.notes(words.method_notes(fit, method))
    null_tests_stage(fit, model, dark)
    if model.name == "Bernoulli":
        st.page_link(
            "pages/conditional-probability.py",
            icon=":material/arrow_forward:",
            label="Prior to posterior: the same Bernoulli rate learnt with a Beta prior",
            query_params={"part": "Coin with a prior", "bay_bias": f"{truth:g}"},
        )
    ui.explain(words.LIKELIHOOD_EXPLAIN)


def null_tests_stage(fit: likelihood.Fit, model: likelihood.Model, dark: bool) -> None:
    """H₀: θ = θ₀ tested three ways on ℓ near its top (the uniform says why they cannot be)."""
    if model.null is None:  # the uniform: only the sentence
        return ui.notes(words.tests_notes(fit, likelihood.test_null(fit, None)))
    stage = ui.stage("words beside", key="tests")
    with stage.controls:
        tests = likelihood.test_null(fit, float(ui.control(model.null)))
    if tests.problem is None:
        with stage.picture:
            ui.plot(figures.tests_figure, fit, tests, dark, key="tests_chart", height=480)
    with stage.words:
        for line in words.tests_latex(fit, tests):
            ui.formula(line)
        ui.notes(words.tests_notes(fit, tests))


def bias_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        pair = ui.control(P["bias_pair"])
        n, repeats, seed = ui.controls(P["bias_n"], P["bias_reps"], P["seed"])
        speed = ui.control(P["speed"])
    run = estimators.bias_run(pair, int(n), int(repeats), int(seed))
    with stage.picture:
        ui.plot(figures.bias_figure, run, speed_factor(speed), dark, key="bias_chart",
                height=600)  # fmt: skip
    with stage.words:
        for line in words.bias_latex(run):
            ui.formula(line)
        ui.notes(words.bias_notes(run))
    ui.explain(words.BIAS_EXPLAIN)


def intervals_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        source, method = ui.controls(P["ci_source"], P["ci_method"])
        n, level = ui.controls(P["ci_n"], P["ci_level"])
        repeats, seed = ui.controls(P["ci_reps"], P["seed"])
        speed = ui.control(P["speed"])
    settings = (source, int(n), float(level), int(repeats), int(seed))
    run = intervals.coverage_run(source, method, *settings[1:])
    with stage.picture:
        ui.plot(figures.interval_figure, run, speed_factor(speed), dark,
                key="interval_chart", height=640)  # fmt: skip
    with stage.words:
        for line in words.interval_latex(run):
            ui.formula(line)
        ui.notes(words.interval_notes(run))
    st.markdown(words.coverage_markdown(intervals.coverage_table(*settings), run.level,
                                        len(run.covers)))  # fmt: skip
    ui.explain(words.INTERVALS_EXPLAIN)


def bootstrap_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        statistic = ui.control(P["bs_stat"])
        paired = bootstrap.STATISTICS[statistic].paired
        source = ui.control(P["bs_rho"] if paired else P["bs_source"])
        n, resamples, seed = ui.controls(P["bs_n"], P["bs_b"], P["seed"])
        speed = ui.control(P["speed"])
    rho = float(source) if paired else P["bs_rho"].default
    source = "Normal" if paired else source
    run = bootstrap.bootstrap_run(statistic, source, int(n), int(resamples), int(seed), rho)
    with stage.picture:
        ui.plot(figures.bootstrap_figure, run, speed_factor(speed), dark,
                key="bootstrap_chart", height=620)  # fmt: skip
    with stage.words:
        for line in words.bootstrap_latex(run):
            ui.formula(line)
        ui.notes(words.bootstrap_notes(run, bootstrap.STATISTICS[statistic].analytic_name))
    ui.explain(words.BOOTSTRAP_EXPLAIN)


ui.lessons(
    P,
    {
        DESCRIBE: describe_lesson,
        LIKELIHOOD: likelihood_lesson,
        BIAS: bias_lesson,
        INTERVALS: intervals_lesson,
        BOOTSTRAP: bootstrap_lesson,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("stats")
