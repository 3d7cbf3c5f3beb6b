"""The words of /sampling: sound LaTeX with the runs' numbers, no raw floats or NaN in prose,
and the notes that must speak up (a too-small envelope, disagreeing chains, stuck chains,
an error outside the band) do."""

import math
import re

import numpy as np
import pytest

from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt
from mathviz.probability import distributions, mcmc, samplers
from mathviz.probability import text_sampling as words
from tests.harness.latex import assert_sound

RAW = re.compile(r"nan|inf\b|e[+-]\d|None", re.IGNORECASE)


def _check(lines, notes):
    for line in lines:
        assert_sound(line)
        assert not RAW.search(line.replace(r"\infty", "").replace(r"\inf", "")), line
    for note in notes:
        assert not RAW.search(note.text), note.text


def _inverse(name, n=500):
    d = distributions.DISTRIBUTIONS[name]
    values = samplers.settings(d.values({}))
    return samplers.inverse_run(name, values, n, 0), d.frozen({})


@pytest.mark.parametrize("name", ["Normal", "Cauchy", "Poisson", "Gaussian mixture"])
def test_inverse_words_show_the_first_draw_and_the_means(name):
    run, rv = _inverse(name)
    lines, notes = words.inverse_latex(run, rv), words.inverse_notes(run, name)
    _check(lines, notes)
    assert rf"x_1 = F^{{-1}}({tex(run.u[0], 4)}) = {tex(run.x[0], 4)}" in " ".join(lines)
    joined = " ".join(lines)
    if name == "Cauchy":
        assert r"\mathbb{E}X\ \text{undefined}" in joined
    else:
        assert rf"\mathbb{{E}}X = {tex(float(rv.mean()), 4)}" in joined
    assert (words.DISCRETE_INVERSE in lines) == run.discrete
    assert any("table" in n.text for n in notes) == (name == "Gaussian mixture")


def test_rejection_words_say_one_over_m_or_warn_of_a_cut():
    name = "Gamma(3) under an exponential"
    fine = samplers.rejection_run(name, 4.0, 4000, 0)
    lines, notes = words.rejection_latex(fine), words.rejection_notes(fine)
    _check(lines, notes)
    assert r"\frac{1}{4} = 0.25" in " ".join(lines)
    assert not any(n.level == "warning" for n in notes)
    cut = samplers.rejection_run(name, 1.0, 4000, 0)
    lines, notes = words.rejection_latex(cut), words.rejection_notes(cut)
    _check(lines, notes)
    warning = next(n.text for n in notes if n.level == "warning")
    assert f"below sup f/g = {fmt(13.5 * math.exp(-2), 3)}" in warning and "**not f**" in warning
    assert r"\min(f, Mg)" in " ".join(lines)


def test_mh_words_give_ess_rhat_and_acceptance_of_the_run():
    run = mcmc.run("Three modes", 0.3, 4, 1000, 200, 0)
    lines, notes = words.mh_latex(run), words.mh_notes(run, 200)
    _check(lines, notes)
    joined = " ".join(lines)
    assert rf"\hat R_x = {tex(run.rhat[0], 4)}" in joined
    assert rf"\mathrm{{ESS}}_x = {tex(run.ess[0], 3)}" in joined
    assert run.rhat.max() > 1.01 and any("have not converged" in n.text for n in notes)
    assert any(f"{fmt(100 * run.acceptance.mean(), 3)}% accepted" in n.text for n in notes)


def test_mh_words_explain_stuck_chains_and_a_capped_burn_in():
    run = mcmc.run("Donut", 20.0, 2, 100, 50, 0)
    assert np.isnan(run.ess).all()  # 20-wide steps on a 0.3-wide ring: never accepted
    lines, notes = words.mh_latex(run), words.mh_notes(run, 2000)
    _check(lines, notes)
    assert r"\text{undefined}" in " ".join(lines)
    text = " ".join(n.text for n in notes)
    assert "never moved" in text and "capped at half the steps: 50" in text


def test_tuning_and_pi_words():
    sweep = mcmc.sweep("Gaussian", 0)
    run = mcmc.run("Gaussian", 1.0, 4, 2000, 500, 0)
    _check(words.tuning_latex(sweep, 1.0, run), words.tuning_notes("Three modes"))
    pi = samplers.pi_run(10_000, 0)
    lines, notes = words.pi_latex(pi), words.pi_notes(pi)
    _check(lines, notes)
    assert rf"\hat\pi_{{10000}} = {tex(pi.estimate, 6)}" in " ".join(lines)
    se = 4 * math.sqrt(math.pi / 4 * (1 - math.pi / 4) / 10_000)
    assert rf"= {tex(se, 3)}" in lines[2]
    inside = abs(pi.estimate - math.pi) <= 1.96 * se
    assert ("within the 95% band" in notes[0].text) == inside
    assert any(f"slope {fmt(pi.slope, 3)}" in n.text for n in notes)


def test_why_it_matters_names_the_ml_uses():
    for phrase in ("reparameterisation", "posteriors", "1/√n", "ESS and R̂"):
        assert phrase in words.WHY
