"""Hypothesis testing: one t-test drawn (null distribution, rejection region, p-value,
power), power against n, and many simulated studies with the Benjamini-Hochberg correction."""

from mathviz import ui
from mathviz.plot.animation import speed_factor
from mathviz.stats import figures_testing as figures
from mathviz.stats import testing
from mathviz.stats import text_testing as words
from mathviz.stats.params import HYPOTHESIS_TESTING as P
from mathviz.stats.params_testing import MANY, ONE_TEST

ui.page_header(
    "Hypothesis testing",
    "Could chance alone have made this? A test's p-value, its errors, its power, and what "
    "happens when many tests are run.",
)


def test_settings() -> dict:
    """The controls both parts share: the test, its alternative, the effect, n and α."""
    kind, side = ui.control(P["ht_kind"]), ui.control(P["ht_side"])
    d, n = ui.controls(P["ht_d"], P["ht_n"])
    alpha = ui.control(P["ht_alpha"])
    return {"kind": kind, "side": side, "d": float(d), "n": int(n), "alpha": float(alpha)}


def one_test_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        settings = test_settings()
        seed = int(ui.control(P["seed"]))
    run = testing.one_study(settings["kind"], settings["side"], settings["d"], settings["n"],
                            settings["alpha"], seed)  # fmt: skip
    with stage.picture:
        ui.plot(figures.test_figure, run, dark, key="test_chart", height=560)
    with stage.words:
        for line in words.test_latex(run):
            ui.formula(line)
        ui.notes(words.test_notes(run))
    ui.plot(figures.power_figure, settings["kind"], settings["d"], settings["n"],
            settings["alpha"], settings["side"], dark, key="power_chart", height=380)  # fmt: skip
    ui.explain(words.TEST_EXPLAIN)


def many_lesson(dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        settings = test_settings()
        share, m, seed = ui.controls(P["ht_real"], P["ht_m"], P["seed"])
        speed = ui.control(P["speed"])
    result = testing.studies(settings["kind"], settings["side"], settings["d"], settings["n"],
                             settings["alpha"], float(share), int(m), int(seed))  # fmt: skip
    with stage.picture:
        ui.plot(figures.studies_figure, result, speed_factor(speed), dark,
                key="studies_chart", height=520)  # fmt: skip
    with stage.words:
        for line in words.studies_latex(result):
            ui.formula(line)
        ui.notes(words.studies_notes(result))
    ui.explain(words.STUDIES_EXPLAIN)


ui.lessons(P, {ONE_TEST: one_test_lesson, MANY: many_lesson}, dark=ui.is_dark())
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("stats")
