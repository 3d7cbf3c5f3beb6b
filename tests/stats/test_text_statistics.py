"""The words of /statistics: numbers formatted once, formulas that parse, and notes that say
what the numbers say."""

import numpy as np
import pytest

from mathviz.stats import datasets, describe, estimators, likelihood
from mathviz.stats import text_statistics as words
from tests.harness.latex import assert_sound


def test_summary_formulas_render_and_carry_the_numbers():
    s = describe.summary(datasets.anscombe().columns["y1"])
    lines = words.summary_latex(s)
    for line in lines:
        assert_sound(line)
    assert "7.501" in lines[0] and "n = 11" in lines[0] and "7.58" in lines[1]


def test_summary_notes_for_one_value_constant_skewed_and_repeated_data():
    one = words.summary_notes(describe.summary(np.array([4.0])), "one")
    assert any("n ≥ 2" in n.text for n in one)
    flat = words.summary_notes(describe.summary(np.full(6, 3.0)), "flat")
    assert any("Every value is the same" in n.text for n in flat)
    skewed = datasets.generated("Skewed (incomes)", 2000, 0).column(None)
    assert any("lean right" in n.text for n in words.summary_notes(describe.summary(skewed), ""))
    dice = datasets.generated("Two dice (integers)", 2000, 0).column(None)
    shown = words.summary_notes(describe.summary(dice), "")
    assert any(n.text.startswith("Mode: 7 (") for n in shown)
    assert not any("lean" in n.text for n in shown)  # symmetric: no lean from sampling noise


@pytest.mark.parametrize("name", list(likelihood.MODELS))
def test_likelihood_formulas_render(name):
    model = likelihood.MODELS[name]
    fit = likelihood.fit(name, model.truth.default, 40, 1, model.start.default, 0.3)
    for line in words.likelihood_latex(fit) + words.loss_latex(fit):
        assert_sound(line)
    for method in likelihood.METHODS:
        notes = words.method_notes(fit, method)
        assert notes and all("nan" not in n.text for n in notes)


def test_the_loss_lines_show_least_squares_and_cross_entropy_with_the_same_numbers():
    normal = likelihood.fit("Normal (σ known)", 1.0, 30, 2, 0.0, 0.3, known=2.0)
    (line,) = words.loss_latex(normal)
    nll = -likelihood.MODELS[normal.model].loglik(np.array([normal.mle]), normal.stats, 2.0)[0]
    assert f"= {nll:.5g}"[:7] in line.replace(r"\times", "")
    bern = likelihood.fit("Bernoulli", 0.3, 60, 3, 0.5, 0.3)
    (line,) = words.loss_latex(bern)
    assert "cross-entropy" in line


def test_a_slow_ascent_names_the_learning_rate_that_would_work():
    fit = likelihood.fit("Poisson", 4.0, 50, 0, 12.0, 0.3)
    text = " ".join(n.text for n in words.method_notes(fit, likelihood.ASCENT))
    assert "still" in text and "η = n/J ≈" in text
    best = fit.stats.n / fit.observed_information
    fast = likelihood.fit("Poisson", 4.0, 50, 0, 12.0, float(f"{best:.2g}"))
    assert fast.ascent.converged_at is not None and fast.ascent.converged_at < 15


def test_bias_lines_and_notes():
    run = estimators.bias_run(next(iter(estimators.PAIRS)), 5, 500, 0)
    for line in words.bias_latex(run):
        assert_sound(line)
    assert "falls short of the variance σ² by 0.8 on average (20%)" in words.bias_notes(run)[0].text


def test_interval_words():
    from mathviz.stats import intervals

    run = intervals.coverage_run("Normal", "z (with s)", 3, 0.95, 400, 0)
    for line in words.interval_latex(run):
        assert_sound(line)
    assert f"{int(run.covers.sum())}/400" in words.interval_latex(run)[1]
    notes = " ".join(n.text for n in words.interval_notes(run))
    assert "less often than they claim" in notes and "too narrow" in notes
    table = words.coverage_markdown(intervals.coverage_table("Normal", 3, 0.95, 400, 0), 0.95, 400)
    assert table.count("\n| ") == 2 + len(intervals.METHODS)  # header, rule, rows


def test_bootstrap_words():
    from mathviz.stats import bootstrap

    run = bootstrap.bootstrap_run("Median", "Exponential", 30, 1000, 1)
    for line in words.bootstrap_latex(run):
        assert_sound(line)
    assert (
        "order-statistic interval" in words.bootstrap_notes(run, "order-statistic interval")[0].text
    )


@pytest.mark.parametrize(("name", "null"), [("Normal (σ known)", 0.5), ("Bernoulli", 0.6),
                                            ("Poisson", 4.2), ("Exponential", 2.5)])  # fmt: skip
def test_the_tests_formulas_carry_their_numbers_and_the_notes_their_p_values(name, null):
    from scipy import stats

    from mathviz.core.numbers import tex, text

    model = likelihood.MODELS[name]
    fit = likelihood.fit(name, model.truth.default, 40, 1, model.start.default, 0.3)
    tests = likelihood.test_null(fit, null)
    lines = words.tests_latex(fit, tests)
    assert len(lines) == 4
    for line in lines:
        assert_sound(line)
        assert "nan" not in line and "inf" not in line and "None" not in line
    for line, test in zip(lines[1:], (tests.wald, tests.score_test, tests.ratio), strict=True):
        assert line.endswith(rf"= {tex(test.statistic, 4)} \end{{aligned}}")
    assert rf"= {tex(null, 4)}" in lines[0]
    notes = " ".join(n.text for n in words.tests_notes(fit, tests))
    for label, test in (("Wald", tests.wald), ("score", tests.score_test), ("LR", tests.ratio)):
        assert f"{label} {text(stats.chi2.sf(test.statistic, 1), 2)}" in notes
    rejected = [t.p_value < 0.05 for t in (tests.wald, tests.score_test, tests.ratio)]
    if all(rejected):
        assert "all three reject" in notes
    elif not any(rejected):
        assert "none of them rejects" in notes
    else:
        assert "they disagree" in notes
    assert "nan" not in notes and "None" not in notes


def test_the_tests_words_where_they_do_not_apply():
    uniform = likelihood.fit("Uniform(0, θ)", 5.0, 30, 0, 8.0, 0.3)
    tests = likelihood.test_null(uniform, None)
    assert words.tests_latex(uniform, tests) == []
    (note,) = words.tests_notes(uniform, tests)
    assert "support" in note.text and note.level == "info"
    bern = likelihood.fit("Bernoulli", 0.3, 30, 0, 0.5, 0.3)
    edge = likelihood.test_null(bern, 1.0)
    assert words.tests_latex(bern, edge) == []
    (note,) = words.tests_notes(bern, edge)
    assert "edge" in note.text and note.level == "warning"
    zeros = likelihood.fit("Bernoulli", 0.01, 3, 0, 0.5, 0.1)  # p̂ = 0: no Wald test
    tests = likelihood.test_null(zeros, 0.3)
    lines = words.tests_latex(zeros, tests)
    assert len(lines) == 3 and not any(line.startswith(r"\begin{aligned} W") for line in lines)
    shown = " ".join(n.text for n in words.tests_notes(zeros, tests))
    assert "Wald test is not defined" in shown and "neither rejects" in shown
