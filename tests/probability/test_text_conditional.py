"""The words of /conditional-probability: formulas carry the current numbers (computed here
by direct arithmetic), render in KaTeX, and the notes say the natural-frequency reading and
the edge cases in plain prose."""

import numpy as np
import pytest
from scipy import stats

from mathviz.core.numbers import tex
from mathviz.probability import bayes, joint
from mathviz.probability import text_conditional as words
from mathviz.probability.bayes import MedicalTest
from mathviz.probability.joint import Gaussian2
from tests.harness.latex import latex_problems
from tests.harness.sweep import notation_found


def _sound(lines):
    for line in lines:
        assert not latex_problems(line), line


def _plain(notes):
    for note in notes:
        assert not notation_found(note.text), note.text


def _medical(p, sens, spec, tests=1):
    test = MedicalTest(p, sens, spec)
    post = bayes.posterior(test)
    counts = bayes.grid_counts(test)
    beliefs = bayes.repeated_positives(test, tests)
    return test, post, counts, beliefs


def test_bayes_formula_has_the_numbers_and_the_natural_frequencies():
    test, post, counts, beliefs = _medical(0.01, 0.9, 0.95)
    lines = words.bayes_latex(test, post)
    _sound(lines)
    assert len(lines) == 4  # symbols and numbers on lines of their own (a side column)
    assert lines[1].endswith(f"= {tex(0.009 / (0.009 + 0.05 * 0.99))}")
    assert r"0.9 \times 0.01 + 0.05 \times 0.99" in lines[1]
    assert lines[3].endswith(f"= {tex(0.95 * 0.99 / (0.95 * 0.99 + 0.1 * 0.01))}")
    notes = words.medical_notes(test, post, counts, beliefs)
    _plain(notes)
    text = " ".join(n.text for n in notes)
    assert "59 test positive, and 9 are sick" in text  # 9 + 49.5 rounded with 940.5 to 50
    assert "1 is sick" in text and "940 are healthy" in text


def test_prevalence_zero_and_one_are_said_and_undefined_is_not_nan():
    for p, spec, sens in ((0.0, 1.0, 0.9), (1.0, 0.5, 1.0)):
        test, post, counts, beliefs = _medical(p, sens, spec)
        lines = words.bayes_latex(test, post)
        _sound(lines)
        assert r"\text{undefined}" in " ".join(lines)
        notes = words.medical_notes(test, post, counts, beliefs)
        _plain(notes)
        warned = " ".join(n.text for n in notes if n.level == "warning")
        assert "no test result can move it" in warned and "undefined" in warned


def test_a_useless_test_is_said():
    test, post, counts, beliefs = _medical(0.2, 0.4, 0.5)
    assert any("tells nothing" in n.text for n in words.medical_notes(test, post, counts, beliefs))


def test_repeat_testing_lists_each_posterior():
    test, post, counts, beliefs = _medical(0.01, 0.9, 0.95, tests=3)
    line = words.repeat_latex(beliefs)
    _sound([line])
    second = 0.01 * 0.81 / (0.01 * 0.81 + 0.99 * 0.0025)
    assert tex(second) in line
    assert any("3 positive tests in a row" in n.text
               for n in words.medical_notes(test, post, counts, beliefs))  # fmt: skip


def test_coin_formulas_show_the_conjugate_update_and_scipys_interval():
    run = bayes.coin_run(2.0, 2.0, 0.7, 50, 0)
    h = int((np.random.default_rng(0).random(50) < 0.7).sum())
    lines = words.coin_latex(run)
    _sound(lines)
    a, b = 2 + h, 2 + 50 - h
    assert rf"\mathrm{{Beta}}({a}, {b})" in lines[2] and f"h = {h}" in lines[2]
    assert f"= {tex(a / (a + b))}" in lines[3]
    assert tex((a - 1) / (a + b - 2)) in lines[3]
    low, high = stats.beta.interval(0.95, a, b)
    assert f"[{tex(low)},\\ {tex(high)}]" in lines[4]
    _plain(words.coin_notes(run))


def test_a_u_shaped_posterior_has_no_map_said_in_words():
    run = bayes.coin_run(0.5, 0.5, 0.5, 1, 0)  # Beta(1.5, 0.5) or Beta(0.5, 1.5): an end
    assert r"\text{MAP}" in words.coin_latex(run)[3]
    flat = bayes.CoinRun(0.5, 0.5, 0.5, np.zeros(0, int), run.theta, run.prior,
                         run.likelihoods[:1], run.posteriors[:1], np.zeros(1, int),
                         (bayes.beta_summary(0.5, 0.5),))  # fmt: skip
    assert r"\text{MAP}" not in words.coin_latex(flat)[2]
    assert any("no MAP" in n.text for n in words.coin_notes(flat))


@pytest.mark.parametrize("rho", [-0.99, 0.0, 0.6, 0.99])
def test_joint_formulas_have_the_conditional_by_hand(rho):
    g = Gaussian2.of(0.5, -1.0, 2.0, 1.5, rho)
    axes = joint.principal_axes(g.covariance)
    given = joint.conditional_y(g, 2.0)
    lines = words.joint_latex(g, axes, given)
    _sound(lines)
    mean = -1.0 + rho * 1.5 / 2.0 * (2.0 - 0.5)
    assert lines[4].endswith(f"= {tex(mean)}")
    assert lines[6].endswith(f"= {tex(1.5**2 * (1 - rho**2))}")
    values = np.linalg.eigvalsh(g.covariance)
    assert f"\\lambda_1 = {tex(values[1])}" in lines[1]
    notes = words.joint_notes(g, axes, given)
    _plain(notes)
    warned = [n for n in notes if n.level == "warning"]
    assert bool(warned) == (abs(rho) >= 0.95)
    if rho == 0:
        assert any("independent" in n.text for n in notes)


def test_clamped_settings_are_said():
    g = Gaussian2.of(0, 0, 1, 1, 1.0)
    notes = words.joint_notes(g, joint.principal_axes(g.covariance), joint.conditional_y(g, 0))
    assert any("clamped" in n.text for n in notes)


def test_sampling_formulas_show_l_and_the_sample_covariance():
    g = Gaussian2.of(0, 0, 1.5, 1.0, 0.99)
    steps = joint.sampling_steps(g, 1000, 0)
    lines = words.sampling_latex(steps)
    _sound(lines)
    assert tex(1.0 * np.sqrt(1 - 0.99**2)) in lines[2]
    notes = words.sampling_notes(steps, g)
    _plain(notes)
    assert "1000 points" in notes[0].text and any(n.level == "warning" for n in notes)


def test_why_it_matters_is_plain_prose():
    assert "precision" in words.WHY and not notation_found(words.WHY + words.WHY_SHORT)
