"""The words of /regression: the numbers in the formulas are linregress's and f_oneway's, and
degenerate data get sentences, never NaN."""

import re

import numpy as np
import pytest
from scipy import stats

from mathviz.core.numbers import tex
from mathviz.stats import overfitting as of
from mathviz.stats import regression
from mathviz.stats import text_regression as words

BAD = re.compile(r"\b(nan|NaN|inf|None|undefined)\b")


def _clean(lines):
    for line in lines:
        body = line if isinstance(line, str) else line.text
        assert not BAD.search(body), body


def test_the_formulas_carry_linregress_numbers():
    data = regression.line_data(30, -0.8, 1.2, 7)
    fit = regression.regress(data.x, data.y)
    ref = stats.linregress(data.x, data.y)
    text = " ".join(words.line_latex(fit))
    for value, digits in ((ref.slope, 4), (ref.intercept, 4), (ref.rvalue**2, 4),
                          (ref.pvalue, 3)):  # fmt: skip
        assert tex(value, digits) in text


@pytest.mark.parametrize(
    ("x", "y"),
    [([1.0], [1.0]), ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), ([1.0, 2.0, 3.0], [4.0] * 3),
     ([1.0, 2.0], [0.0, 1.0])],
)  # fmt: skip
def test_degenerate_lines_get_a_sentence(x, y):
    fit = regression.regress(np.array(x), np.array(y))
    _clean(words.line_latex(fit))
    notes = words.line_notes(fit, "about")
    _clean(notes)
    assert any(note.level == "warning" and note.text == words.PROBLEMS[fit.problem]
               for note in notes)  # fmt: skip


def test_the_quartet_table_shows_the_shared_summaries():
    table = words.quartet_markdown(regression.quartet())
    assert "| mean of x | 9 | 9 | 9 | 9 |" in table
    assert "| line | y = 3 + 0.5x | y = 3 + 0.5x | y = 3 + 0.5x | y = 3 + 0.5x |" in table
    r = [stats.pearsonr(f.x, f.y).statistic for f in regression.quartet()]
    assert "| correlation r | " + " | ".join(f"{v:.3f}" for v in r) + " |" in table
    assert " ".join(words.quartet_latex(regression.quartet())).count("0.816") == 1


@pytest.mark.parametrize(("n", "degree"), [(5, 15), (30, 3), (30, 15), (200, 0)])
def test_polynomial_words_are_clean(n, degree):
    run = of.degree_run("Sine wave", n, 0.3, 0.3, 5, 0)
    _clean(words.degree_latex(run, degree) + words.degree_notes(run, degree))
    result = of.bias_variance("Sine wave", n, 0.3, 50, 0)
    _clean(words.bias_variance_latex(result, degree) + words.bias_variance_notes(result, degree))
    ridge = of.ridge_run("Sine wave", n, 0.3, degree, 0)
    _clean(words.ridge_latex(ridge, 0.0) + words.ridge_notes(ridge, 0.0))
    if degree + 1 > n:
        assert any("smallest" in note.text for note in words.ridge_notes(ridge, 0.0))


def test_anova_words_give_f_oneways_numbers_or_a_reason():
    result = regression.generated_groups(4, 10, 0.6, 3)
    ref = stats.f_oneway(*result.groups)
    text = " ".join(words.anova_latex(result))
    assert tex(ref.statistic, 4) in text and tex(ref.pvalue, 3) in text
    flat = regression.anova([[1.0, 1.0], [2.0, 2.0]])
    assert words.anova_latex(flat) == []
    _clean(words.anova_notes(flat, "about"))
