"""/sampling: every part runs cleanly with the skeleton, a link reproduces a run's numbers,
bad links are clamped or explained, every control survives its ends, every key is reached."""

import json

import pytest

from mathviz.core.numbers import tex
from mathviz.core.numbers import text as fmt
from mathviz.probability import distributions, mcmc, samplers
from mathviz.probability.params import SAMPLING as P
from mathviz.probability.params_sampling import INVERSE, METROPOLIS, PARTS, PI, REJECTION
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_specs,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/sampling.py"
TITLE = "How ML samples"


def _no_nan_literal(at) -> None:
    for spec in figure_specs(at):
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    query = {"part": part} | ({"dist": "Poisson"} if part == INVERSE else {})
    assert_view_has_the_skeleton(PAGE, query, TITLE)


def test_a_link_reproduces_a_rejection_run_and_warns_of_a_low_envelope():
    name = "Beta(2, 5) under a uniform"
    at = run_page(PAGE, {"part": REJECTION, "rej_target": name, "rej_m": "1.2",
                         "rej_n": "5000", "seed": "3"})  # fmt: skip
    assert_clean(at)
    run = samplers.rejection_run(name, 1.2, 5000, 3)
    shown = " ".join(i.value for i in at.info)
    assert f"Kept {fmt(100 * run.n_accepted / 5000, 3)}% of 5000 proposals" in shown
    assert "**not f**" in " ".join(w.value for w in at.warning)


def test_a_link_reproduces_the_chains_diagnostics():
    query = {"part": METROPOLIS, "mh_target": "Three modes", "mh_sigma": "0.5",
             "mh_chains": "3", "mh_steps": "1500", "mh_burn": "300", "seed": "7"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    run = mcmc.run("Three modes", 0.5, 3, 1500, 300, 7)
    latex = " ".join(f.value for f in at.latex)
    assert rf"\hat R_x = {tex(run.rhat[0], 4)}" in latex
    assert rf"\mathrm{{ESS}}_y = {tex(run.ess[1], 3)}" in latex
    assert len(figure_specs(at)) == 3


def test_bad_links_are_clamped_and_draw_no_nan():
    at = run_page(PAGE, {"part": PI, "pi_n": "1e12", "seed": "-5"})
    assert_clean(at)
    n = int(at.number_input(key="pi_n").value)  # refused or clamped by the input
    assert 10 <= n <= samplers.MAX_PI_POINTS
    assert any(rf"\hat\pi_{{{n}}}" in f.value for f in at.latex)
    _no_nan_literal(at)
    at = run_page(PAGE, {"part": INVERSE, "dist": "Gaussian mixture", "inv_n": "0",
                         "sd1": "-3", "mu1": "nan"})  # fmt: skip
    assert_clean(at)
    n = int(at.number_input(key="inv_n").value)
    assert 1 <= n <= samplers.MAX_INVERSE_DRAWS
    assert any(rf"\bar x_{{{n}}}" in f.value for f in at.latex)
    assert at.slider(key="sd1").value > 0
    _no_nan_literal(at)


@pytest.mark.parametrize("part", [REJECTION, METROPOLIS])
def test_every_control_of_a_part_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=13)


def test_every_key_is_declared_and_reached():
    views = [{"part": INVERSE, "dist": "Gaussian mixture"}, *({"part": p} for p in PARTS[1:])]
    reached = reached_keys(PAGE, views)
    registry = {p.key for p in distributions.parameter_params()}
    assert reached | registry == {p.key for p in P.params}
    for distribution in distributions.DISTRIBUTIONS.values():
        assert set(distribution.keys) <= {p.key for p in P.params}
