"""/hypothesis-testing: both parts run with the skeleton, a link reproduces a test, bad
links fall back, every key is declared and reached."""

import json

import pytest

from mathviz.core.numbers import tex
from mathviz.stats import testing
from mathviz.stats.params import HYPOTHESIS_TESTING as P
from mathviz.stats.params_testing import MANY, PARTS
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_specs,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/hypothesis-testing.py"


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, "Hypothesis testing")


def test_a_link_reproduces_a_two_sample_test():
    query = {"ht_kind": testing.TWO, "ht_d": "0.7", "ht_n": "15", "seed": "8"}
    at = run_page(PAGE, query)
    assert_clean(at)
    run = testing.one_study(testing.TWO, testing.TWO_SIDED, 0.7, 15, 0.05, 8)
    latex = " ".join(f.value for f in at.latex)
    assert rf"= {tex(run.t, 4)}" in latex and rf"p = P(|T| \ge |t|) = {tex(run.p, 3)}" in latex
    assert len(figure_specs(at)) == 2


def test_bad_links_fall_back_and_draw_no_nan():
    for query in ({"ht_n": "1", "ht_d": "-4"}, {"part": MANY, "ht_m": "1e9", "ht_real": "9"},
                  {"ht_alpha": "2", "seed": "nan"}):  # fmt: skip
        at = run_page(PAGE, query)
        assert_clean(at, str(query))
        for spec in figure_specs(at):
            json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))


@pytest.mark.parametrize("part", PARTS)
def test_every_control_of_a_part_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=19)


def test_every_key_is_declared_and_reached():
    assert reached_keys(PAGE, [{}, {"part": MANY}]) == {p.key for p in P.params}
