"""The words of /limit-theorems: formulas that KaTeX renders with the current numbers, and
notes that say plainly when a limit theorem does not apply."""

import math

import pytest
from scipy import stats

from mathviz.core.numbers import text as fmt
from mathviz.probability import clt, sampling
from mathviz.probability import text_limits as words
from tests.harness.latex import latex_problems
from tests.harness.sweep import notation_found

NORMAL = sampling.settings({"mu": 1.0, "sigma": 2.0})
CAUCHY = sampling.settings({"mu": 0.0, "scale": 1.0})


def _clean(lines):
    for line in lines:
        assert not latex_problems(line), line
        assert "nan" not in line.lower() and "inf" not in line.replace(r"\infty", "")


def _plain(notes):
    for note in notes:
        assert not notation_found(note.text), note.text


def test_the_coin_formula_counts_the_heads():
    run = sampling.chance_run(sampling.COIN, 0.3, 50, 4)
    heads = int((run.outcomes == 0).sum())
    lines = words.chance_latex(run)
    _clean(lines)
    assert rf"\frac{{{heads}}}{{50}}" in lines[0] and "p = 0.3" in lines[0]
    assert fmt(math.sqrt(0.3 * 0.7 / 50)) in lines[1]
    notes = words.chance_notes(run)
    _plain(notes)
    assert f"Heads: {heads}, Tails: {50 - heads}" in notes[0].text


def test_a_sure_coin_says_there_is_nothing_to_average():
    notes = words.chance_notes(sampling.chance_run(sampling.COIN, 1.0, 20, 0))
    assert any("nothing random" in n.text for n in notes)


def test_the_die_formula_lists_every_face():
    run = sampling.chance_run(sampling.DIE, 0.5, 60, 1)
    _clean(words.chance_latex(run))
    assert words.chance_latex(run)[0].count(r"\tfrac") == 7


def test_the_lln_numbers_are_the_summarys():
    summary = sampling.draw_summary("Normal", NORMAL, 10_000, 0)
    lines = words.lln_latex(summary)
    _clean(lines)
    assert r"\mu = 1" in lines[1] and r"\frac{\sigma}{\sqrt{n}} = 0.02" in lines[1]
    ks = stats.kstest(sampling.draws("Normal", NORMAL, 10_000, 0), stats.norm(1, 2).cdf)
    assert f"= {fmt(ks.statistic)}" in lines[2]
    notes = words.lln_notes(summary)
    _plain(notes)
    assert any("inside the band" in n.text or "outside the band" in n.text for n in notes)


def test_cauchy_is_said_to_have_no_mean_and_infinite_variance_is_said_too():
    summary = sampling.draw_summary("Cauchy", CAUCHY, 10_000, 0)
    assert any(n.level == "warning" and "has no mean" in n.text for n in
               words.lln_notes(summary))  # fmt: skip
    _clean(words.lln_latex(summary))
    heavy = sampling.draw_summary("Student t", sampling.settings({"df": 2}), 10_000, 0)
    assert any("infinite variance" in n.text for n in words.lln_notes(heavy))
    beside = words.lln_notes(sampling.draw_summary("Normal", NORMAL, 1000, 0),
                             sampling.running_mean("Cauchy", CAUCHY, 1000, 0))  # fmt: skip
    assert any("never settles" in n.text for n in beside)


def test_the_clt_words_say_how_the_means_were_made_and_the_slope():
    study = clt.clt_study("Exponential", sampling.settings({"rate": 1.0}), 500, 100_000, 0)
    lines = words.clt_latex(study)
    _clean(lines)
    assert r"\sigma = 1" in lines[1] and "n = 500" in lines[3]
    notes = words.clt_notes(study, False)
    _plain(notes)
    joined = " ".join(n.text for n in notes)
    assert "exact law of the sum" in joined and f"slope {fmt(study.slope_exact, 2)}" in joined


def test_a_capped_brute_force_source_says_so():
    study = clt.clt_study("Beta", sampling.settings({"beta_a": 2, "beta_b": 5}), 500,
                          100_000, 0)  # fmt: skip
    notes = words.clt_notes(study, False)
    assert any(n.level == "warning" and "Capped at 10000" in n.text for n in notes)


def test_cauchy_says_the_clt_fails_plainly():
    study = clt.clt_study("Cauchy", CAUCHY, 100, 10_000, 0)
    lines = words.clt_latex(study)
    _clean(lines)
    assert r"\text{median}" in lines[1]
    notes = words.clt_notes(study, False)
    _plain(notes)
    assert notes[-1].level == "warning" and "fails here" in notes[-1].text
    assert "again Cauchy" in notes[-1].text


@pytest.mark.parametrize("name", ["Poisson", "Bernoulli"])
def test_a_discrete_source_is_honest_about_the_lattice(name):
    from mathviz.probability import distributions

    values = sampling.settings(distributions.DISTRIBUTIONS[name].values({}))
    notes = words.clt_notes(clt.clt_study(name, values, 100, 10_000, 0), True)
    assert any("lattice" in n.text for n in notes)


def test_why_it_matters_is_about_ml():
    assert "mini-batch" in words.WHY and "σ/√n" in words.WHY_SHORT
