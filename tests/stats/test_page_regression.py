"""/regression: every part runs with the skeleton, links reproduce views, bad links fall
back, the Vectors link opens the same points, every key is declared and reached."""

import json

import pytest
from scipy import stats

from mathviz.core.numbers import tex
from mathviz.stats import regression
from mathviz.stats.params import REGRESSION as P
from mathviz.stats.params_regression import ANOVA, IRIS_GROUPS, PARTS, RIDGE
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_specs,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/regression.py"


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, "Regression & over-fitting")


def test_a_link_reproduces_a_fit():
    at = run_page(PAGE, {"reg_n": "40", "reg_slope": "-1.3", "reg_noise": "2", "seed": "12"})
    assert_clean(at)
    data = regression.line_data(40, -1.3, 2.0, 12)
    ref = stats.linregress(data.x, data.y)
    latex = " ".join(f.value for f in at.latex)
    assert tex(ref.slope, 4) in latex and tex(ref.rvalue**2, 4) in latex


def test_the_vectors_link_opens_the_same_points():
    at = run_page(PAGE, {"reg_n": "12", "reg_noise": "0.5", "seed": "3"})
    links = [link for link in at.get("page_link") if "Vectors" in link.proto.label]
    assert len(links) == 1
    assert "ls_n=12" in links[0].proto.query_string and "ls_seed=3" in links[0].proto.query_string
    vectors = run_page("pages/vectors.py", {"part": "Least squares", "ls_n": "12",
                                            "ls_noise": "0.5", "ls_seed": "3"})  # fmt: skip
    assert_clean(vectors)
    data = regression.line_data(12, 0.6, 0.5, 3)
    fit = regression.regress(data.x, data.y)
    shown = " ".join(f.value for f in vectors.latex)
    assert f"{tex(fit.intercept, 4)} \\\\ {tex(fit.slope, 4)}" in shown  # the same β̂


def test_anova_on_iris_is_f_oneway():
    at = run_page(PAGE, {"part": ANOVA, "an_data": IRIS_GROUPS, "an_icol": "petal_width"})
    assert_clean(at)
    result = regression.iris_groups("petal_width")
    assert tex(stats.f_oneway(*result.groups).statistic, 4) in " ".join(f.value for f in at.latex)


@pytest.mark.parametrize(
    "query",
    [
        {"reg_n": "1", "reg_slope": "99", "reg_noise": "-1", "seed": "x"},
        {"reg_data": "nope", "reg_noise": "0", "reg_slope": "0"},
        {"part": "Over-fitting", "of_n": "5", "of_degree": "15", "of_k": "10", "of_test": "0.5"},
        {"part": RIDGE, "of_n": "5", "of_rdeg": "15", "of_lambda": "0", "of_noise": "0"},
        {"part": "Bias & variance", "of_n": "5", "of_degree": "15", "of_reps": "1e9"},
        {"part": ANOVA, "an_n": "2", "an_k": "99", "an_spread": "nan"},
    ],
)
def test_bad_and_extreme_links_render_sentences_and_no_nan(query):
    at = run_page(PAGE, query)
    assert_clean(at, str(query))
    for spec in figure_specs(at):
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))


@pytest.mark.parametrize("part", PARTS)
def test_every_control_of_a_part_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=23)


def test_every_key_is_declared_and_reached():
    views = [{"part": part} for part in PARTS] + [{"part": ANOVA, "an_data": IRIS_GROUPS}]
    assert reached_keys(PAGE, views) == {p.key for p in P.params}
