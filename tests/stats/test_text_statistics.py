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
