"""The explorer's words: formulas with scipy's numbers, missing moments said in words, the
code that samples, the limits' notes."""

import math

import numpy as np
import pytest
from scipy import stats

from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt
from mathviz.probability import distributions as D
from mathviz.probability import text_distributions as T
from tests.harness.latex import latex_problems

NAMES = list(D.DISTRIBUTIONS)


def _view(name, given=None, level=0.9):
    entry = D.DISTRIBUTIONS[name]
    return D.view(name, tuple(sorted(entry.values(given).items())), level)


@pytest.mark.parametrize("name", NAMES)
def test_the_formulas_end_in_scipys_numbers(name):
    entry, view = D.DISTRIBUTIONS[name], _view(name)
    rv = entry.frozen()
    lines = T.moment_latex(entry, view)
    # each moment's lines: from its symbol up to the next moment's
    symbols = (T.MEAN, T.VARIANCE, r"\sigma =", T.ENTROPY)
    starts = [i for i, line in enumerate(lines) for sym in symbols if sym in line.split("=")[0]]
    ends = [*starts[1:], len(lines)]
    pieces = [" ".join(lines[a:b]) for a, b in zip(starts, ends, strict=True)]
    mean, variance, entropy = pieces[0], " ".join(pieces[1:-1]), pieces[-1]
    if name == "Gaussian mixture":
        m = stats.Mixture([stats.Normal(mu=-2.0, sigma=0.7), stats.Normal(mu=2.0, sigma=1.0)],
                          weights=[0.3, 0.7])  # fmt: skip
        expected = (float(m.mean()), float(m.variance()), float(m.entropy()))
    else:
        expected = (float(rv.mean()), float(rv.var()), float(rv.entropy()))
    if math.isfinite(expected[0]):
        assert ("= " + tex(expected[0], T.DIGITS)) in mean
    if math.isfinite(expected[1]):
        assert (
            rf"\sigma = \sqrt{{{T.VARIANCE}}} = {tex(math.sqrt(expected[1]), T.DIGITS)}" in variance
        )
    assert ("= " + tex(expected[2], T.DIGITS) + r"\ \text{nats}") in entropy
    for line in (*lines, *T.quantile_latex(view)):
        assert latex_problems(line) == [], line
        assert r"\infty" not in line and "nan" not in line
    for line in T.definition_latex(entry):
        assert latex_problems(line) == [], line


def test_the_quantiles_are_scipys():
    line = " ".join(T.quantile_latex(_view("Normal", {"mu": 1.0, "sigma": 2.0}, 0.9)))
    assert line.startswith(rf"F^{{-1}}(0.9) = {tex(stats.norm(1, 2).ppf(0.9), T.DIGITS)}")
    assert rf"Q_3 = {tex(stats.norm(1, 2).ppf(0.75), T.DIGITS)}" in line


@pytest.mark.parametrize(("name", "given", "words"), [
    ("Cauchy", {}, ["mean is undefined", "variance is undefined"]),
    ("Student t", {"df": 1}, ["mean is undefined", "needs ν > 1", "here ν = 1"]),
    ("Student t", {"df": 2}, ["variance is infinite", "needs ν > 2"]),
    ("F", {"df": 3, "df2": 2}, ["mean is infinite", "needs d₂ > 2", "d₂ = 2"]),
    ("F", {"df": 3, "df2": 4}, ["variance is infinite", "needs d₂ > 4"]),
])  # fmt: skip
def test_missing_moments_are_said_in_words(name, given, words):
    entry, view = D.DISTRIBUTIONS[name], _view(name, given)
    said = " ".join(note.text for note in T.view_notes(entry, view, ()))
    for word in words:
        assert word in said
    for line in T.moment_latex(entry, view):
        assert r"\infty" not in line and "nan" not in line.lower()


def test_finite_moments_need_no_warning():
    entry = D.DISTRIBUTIONS["Student t"]
    assert not [n for n in T.view_notes(entry, _view("Student t", {"df": 5}), ()) if
                n.level == "warning"]  # fmt: skip


def test_bad_links_become_warnings():
    entry = D.DISTRIBUTIONS["Loaded die"]
    given = {f"w{face}": 0 for face in range(1, 7)}
    notes = T.view_notes(entry, _view("Loaded die", given), entry.problems(given))
    assert any(n.level == "warning" and "fair die" in n.text for n in notes)


@pytest.mark.parametrize("name", NAMES)
def test_the_sampling_code_runs_and_draws_n(name):
    code = T.sampling_code(D.DISTRIBUTIONS[name], D.DISTRIBUTIONS[name].values())
    numpy_part, scipy_part = code.split("# scipy")
    for part in (numpy_part, "import numpy as np\nfrom scipy import stats\n"
                 "rng = np.random.default_rng(0)\nn = 1000\n" + scipy_part):  # fmt: skip
        lines = [line for line in part.strip().split("\n") if line and not line.startswith("#")]
        scope: dict = {}
        exec("\n".join(lines[:-1]), scope)  # noqa: S102 (our own code)
        drawn = np.asarray(eval(lines[-1], scope))  # noqa: S307
        assert drawn.shape == (1000,)


def test_limit_notes_report_the_measured_slope():
    run = D.limit_run("Binomial → Normal", 4.0, 0.3)
    (note,) = T.limit_notes(run)
    assert "1/√n" in note.text and f"slope is {fmt(run.slope, places=2)}:" in note.text
    assert -0.6 < run.slope < -0.4
    for formulas in T.LIMIT_FORMULAS.values():
        for formula in formulas:
            assert latex_problems(formula) == []
    assert set(T.LIMIT_FORMULAS) == set(D.LIMITS)
