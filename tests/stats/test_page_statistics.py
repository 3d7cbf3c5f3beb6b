"""/statistics: every part runs cleanly with the skeleton, a link reproduces its numbers,
bad links and every model fall back to sentences, every key is declared and reached."""

import json

import pytest

from mathviz.core.numbers import tex, text
from mathviz.stats import datasets, describe, estimators, likelihood
from mathviz.stats.params import STATISTICS as P
from mathviz.stats.params_statistics import (
    BIAS,
    BOOTSTRAP,
    DESCRIBE,
    INTERVALS,
    LIKELIHOOD,
    PARTS,
    UPLOAD,
)
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_specs,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/statistics.py"


def _no_nan_literal(at) -> None:
    for spec in figure_specs(at):
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, "Statistics")


def test_a_link_reproduces_the_summary_of_iris():
    at = run_page(PAGE, {"st_data": "Iris", "st_icol": "petal_length"})
    assert_clean(at)
    s = describe.summary(datasets.iris().columns["petal_length"])
    latex = " ".join(f.value for f in at.latex)
    assert rf"\bar x = \tfrac1n\textstyle\sum_i x_i = {tex(s.mean, 4)},\quad n = 150" in latex
    assert rf"s = \sqrt{{s^2}} = {tex(s.sd, 4)}" in latex
    assert len(figure_specs(at)) == 2


@pytest.mark.parametrize("model", list(likelihood.MODELS))
@pytest.mark.parametrize("method", likelihood.METHODS)
def test_every_model_and_method_runs_clean(model, method):
    at = run_page(PAGE, {"part": LIKELIHOOD, "lk_model": model, "lk_method": method})
    assert_clean(at, model)
    _no_nan_literal(at)
    assert not at.exception
    latex = " ".join(f.value for f in at.latex)
    assert "katex" not in latex and r"\hat" in latex


def test_a_link_reproduces_the_poisson_fit():
    query = {"part": LIKELIHOOD, "lk_model": "Poisson", "lk_lam": "6", "lk_lam0": "2",
             "lk_n": "80", "seed": "5", "lk_lr": "1"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    fit = likelihood.fit("Poisson", 6.0, 80, 5, 2.0, 1.0)
    latex = " ".join(f.value for f in at.latex)
    assert rf"\hat\lambda = \bar x = {tex(fit.mle, 4)}" in latex
    assert rf"\mathrm{{SE}} = 1/\sqrt{{J}} = {tex(fit.standard_error, 3)}" in latex


def test_the_bias_part_reports_the_simulation():
    pair = "Uniform end: max or (n + 1)/n · max"
    at = run_page(PAGE, {"part": BIAS, "bias_pair": pair, "bias_n": "4", "bias_reps": "3000"})
    assert_clean(at)
    run = estimators.bias_run(pair, 4, 3000, 0)
    latex = " ".join(f.value for f in at.latex)
    assert rf"\text{{simulated}}\ {tex(run.averages[0], 4)}" in latex
    assert rf"\mathbb E = {tex(8.0, 4)}" in latex  # n/(n + 1)·θ = 4/5·10


def test_bad_links_fall_back_and_draw_no_nan():
    for query in (
        {"st_n": "1"},
        {"st_n": "1e9", "seed": "-3"},
        {"part": LIKELIHOOD, "lk_model": "Bernoulli", "lk_p": "0.01", "lk_n": "1"},
        {"part": LIKELIHOOD, "lk_model": "Bernoulli", "lk_lr": "10", "lk_p0": "0.99"},
        {"part": LIKELIHOOD, "lk_model": "Exponential", "lk_rate0": "5", "lk_lr": "10"},
        {
            "part": LIKELIHOOD,
            "lk_model": "Poisson",
            "lk_lam": "0.1",
            "lk_n": "1",
            "lk_method": "Newton's method",
            "lk_lam_null": "0.1",
        },  # ℓ″ = 0, λ̂ = 0
        {"part": BIAS, "bias_n": "0", "bias_reps": "nan"},
        {"part": INTERVALS, "ci_n": "2", "ci_method": "bootstrap BCa", "ci_reps": "5"},
        {"part": BOOTSTRAP, "bs_stat": "Median", "bs_n": "4", "bs_b": "1"},
        {"part": BOOTSTRAP, "bs_stat": "Correlation", "bs_rho": "0.95", "bs_n": "4"},
    ):
        at = run_page(PAGE, query)
        assert_clean(at, str(query))
        _no_nan_literal(at)


def test_an_upload_that_is_not_there_yet_says_what_to_do():
    at = run_page(PAGE, {"st_data": UPLOAD})
    assert_clean(at)
    assert any("Choose a CSV file" in i.value for i in at.info)
    assert not figure_specs(at)


@pytest.mark.parametrize("part", PARTS)
def test_every_control_of_a_part_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=17)


def test_every_key_is_declared_and_reached():
    views = [
        {"part": DESCRIBE},
        {"part": DESCRIBE, "st_data": "Iris"},
        {"part": DESCRIBE, "st_data": "Anscombe's quartet"},
        *({"part": LIKELIHOOD, "lk_model": m} for m in likelihood.MODELS),
        {"part": BIAS},
        {"part": INTERVALS},
        {"part": BOOTSTRAP},
        {"part": BOOTSTRAP, "bs_stat": "Correlation"},
    ]
    assert reached_keys(PAGE, views) == {p.key for p in P.params}


def test_a_link_reproduces_the_coverage_table():
    query = {"part": INTERVALS, "ci_source": "Log-normal", "ci_n": "8", "ci_reps": "120",
             "seed": "4"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    from mathviz.core.numbers import text
    from mathviz.stats import intervals

    table = intervals.coverage_table("Log-normal", 8, 0.95, 120, 4)
    shown = " ".join(m.value for m in at.markdown)
    for method, share in table.items():
        assert f"| {method} | {text(share, 3)} |" in shown


def test_a_link_with_a_null_shows_the_three_tests_equal_to_the_squared_z():
    query = {"part": LIKELIHOOD, "lk_mu_null": "0.7", "lk_sigma": "2", "lk_n": "40",
             "seed": "3"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    _no_nan_literal(at)
    fit = likelihood.fit("Normal (σ known)", 1.0, 40, 3, -3.0, 0.3, 2.0)
    z = (fit.data.mean() - 0.7) / (2.0 / 40**0.5)  # the z-test, written out
    latex = [f.value for f in at.latex]
    assert any(r"H_0:\ \mu = \mu_0 = 0.7" in line for line in latex)
    for name in ("W", "S", r"\mathrm{LR}"):
        (line,) = [line for line in latex if rf"\begin{{aligned}} {name} &=" in line]
        assert rf"= {tex(z * z, 4)} \end{{aligned}}" in line
        assert "nan" not in line and "infty" not in line
    assert len(figure_specs(at)) == 2  # the climb and the tests
    shown = " ".join(i.value for i in at.info)
    assert "p = P(χ²₁ > statistic)" in shown


EDGES = [
    ("Bernoulli", "lk_p_null", "p"),
    ("Poisson", "lk_lam_null", r"\lambda"),
    ("Exponential", "lk_rate_null", r"\lambda"),
]


@pytest.mark.parametrize(("model", "key", "symbol"), EDGES)
def test_a_null_on_the_edge_or_out_of_range_falls_back_to_a_sentence(model, key, symbol):
    base = {"part": LIKELIHOOD, "lk_model": model}
    edge = run_page(PAGE, base | {key: "0"})
    assert_clean(edge, model)
    assert any("on the edge of its range" in w.value for w in edge.warning)
    assert len(figure_specs(edge)) == 1 and not any(r"H_0" in f.value for f in edge.latex)
    default = P[key].default
    for bad in ("-1", "1e400", "nan", "seven", "21"):
        at = run_page(PAGE, base | {key: bad})
        assert_clean(at, f"{model} {key}={bad}")
        _no_nan_literal(at)
        if bad == "21" and P[key].high > 21:
            continue
        assert any(f"shows {text(default)}" in c.value for c in at.caption), bad
        hypothesis = rf"H_0:\ {symbol} = {symbol}_0 = {tex(default, 4)}"
        assert any(hypothesis in f.value for f in at.latex), bad


def test_the_uniform_says_why_the_tests_do_not_apply():
    at = run_page(PAGE, {"part": LIKELIHOOD, "lk_model": "Uniform(0, θ)"})
    assert_clean(at)
    assert any("support [0, θ] depends on θ" in i.value for i in at.info)
    assert not any(r"H_0" in f.value for f in at.latex) and len(figure_specs(at)) == 1
