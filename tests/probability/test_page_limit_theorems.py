"""/limit-theorems: every part runs with the skeleton, a link reproduces the draws (checked
against numpy and scipy directly), Cauchy's failure is said, bad links are clamped with a
sentence, and every declared key is reached."""

import json

import numpy as np
import pytest
from scipy import stats

from mathviz.core.numbers import text as fmt
from mathviz.probability import distributions
from mathviz.probability.params_limits import CLT, COINS, LIMIT_THEOREMS, LLN, PARTS
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    decode_arrays,
    figure_specs,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/limit-theorems.py"
TITLE = "Sampling & the limit theorems"


def _figures(at) -> list[dict]:
    specs = figure_specs(at)
    for spec in specs:
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))
    return [decode_arrays(json.loads(spec)) for spec in specs]


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, TITLE)


def test_a_link_reproduces_the_draws_their_histogram_and_ks_distance():
    query = {"part": LLN, "dist": "Normal", "mu": "1", "sigma": "2", "lln_n": "5000",
             "seed": "3", "lln_cauchy": "false"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    x = np.random.default_rng(3).normal(1, 2, size=5000)  # what the registry's line says
    draws, running = _figures(at)
    bars = draws["data"][0]
    edges = np.concatenate([bars["x"] - bars["width"] / 2, bars["x"][-1:] + bars["width"][-1:] / 2])
    counts, _ = np.histogram(x, bins=edges)
    np.testing.assert_allclose(bars["y"], counts / (5000 * np.diff(edges)), rtol=1e-9)
    ks = stats.kstest(x, stats.norm(1, 2).cdf).statistic
    assert any(f"= {fmt(ks)}" in f.value for f in at.latex)
    path = running["data"][-1]
    assert path["y"][-1] == pytest.approx(x.mean(), rel=1e-6)
    assert len(running["data"]) == 4  # mean line, band (two edges), path: no Cauchy panel


def test_coins_replay_the_same_flips_from_a_link():
    at = run_page(PAGE, {"part": COINS, "coin_p": "0.3", "coin_n": "200", "seed": "11"})
    assert_clean(at)
    rng = np.random.default_rng(11)
    heads = int(np.sum(rng.choice(2, size=200, p=[0.3, 0.7]) == 0))
    assert any(rf"\frac{{{heads}}}{{200}}" in f.value for f in at.latex)
    (chart,) = _figures(at)
    assert chart["data"][0]["y"][0] == pytest.approx(heads / 200)


def test_cauchy_is_the_counter_example_in_both_parts():
    at = run_page(PAGE, {"part": LLN, "dist": "Cauchy"})
    assert_clean(at)
    assert any("has no mean" in w.value for w in at.warning)
    at = run_page(PAGE, {"part": CLT, "dist": "Cauchy", "clt_n": "200"})
    assert_clean(at)
    assert any("central limit theorem fails here" in w.value for w in at.warning)


def test_bad_links_are_clamped_and_said():
    query = {"part": CLT, "dist": "Bernoulli", "prob": "7", "clt_n": "100000",
             "clt_count": "1e12", "seed": "-4"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    # Out-of-range values in a link fall back to the default (the app's rule for every
    # control); the maths clamps whatever reaches it (tests/probability/test_clt.py).
    assert at.slider(key="clt_n").value == LIMIT_THEOREMS["clt_n"].default
    assert at.slider(key="prob").value == 0.5
    assert at.number_input(key="clt_count").value == LIMIT_THEOREMS["clt_count"].default
    _figures(at)
    at = run_page(PAGE, {"part": LLN, "lln_n": "1e400", "dist": "Loaded die",
                         **{f"w{k}": "0" for k in range(1, 7)}})  # fmt: skip
    assert_clean(at)
    assert at.number_input(key="lln_n").value == LIMIT_THEOREMS["lln_n"].default
    assert at.warning, "weights summing to 0 are repaired with a sentence"
    _figures(at)
    at = run_page(PAGE, {"part": COINS, "coin_p": "7", "coin_n": "-3"})
    assert_clean(at)
    assert at.slider(key="coin_p").value == 0.5 and at.slider(key="coin_n").value == 100


@pytest.mark.parametrize("part", [LLN, CLT])
def test_every_control_of_the_sampling_parts_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=13)


def test_every_key_is_declared_and_reached():
    reached = reached_keys(
        PAGE, [{"part": p} for p in PARTS] + [{"part": LLN, "dist": "Loaded die"}]
    )
    declared = {p.key for p in LIMIT_THEOREMS.params}
    assert reached <= declared
    # the rest are other distributions' parameters, shown when that distribution is chosen
    others = {key for d in distributions.DISTRIBUTIONS.values() for key in d.keys}
    assert declared - reached <= others
    assert others <= declared
