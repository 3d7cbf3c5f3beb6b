"""/conditional-probability: every part runs clean with the skeleton, a link reproduces each
view (the numbers recomputed here independently), the link to /eigenvectors-svd carries Σ,
and extreme settings (prevalence 0 or 1, ρ = ±0.99) say a sentence and draw no NaN."""

import json
from urllib.parse import parse_qs

import numpy as np
import pytest
from scipy import stats

from mathviz.probability.params import CONDITIONAL_PROBABILITY as P
from mathviz.probability.params_conditional import COIN, GAUSSIAN, MEDICAL, PARTS, SAMPLING
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    decode_arrays,
    figure_specs,
    reached_keys,
    run_page,
    traces_by_name,
)

PAGE = "pages/conditional-probability.py"
TITLE = "Bayes & joint distributions"


def _figures(at) -> list[dict]:
    specs = figure_specs(at)
    for spec in specs:
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))
    return [decode_arrays(json.loads(spec)) for spec in specs]


def _said(at) -> str:
    return " ".join(box.value for box in [*at.info, *at.warning])


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, TITLE)


def test_a_medical_link_reproduces_the_crowd_and_the_posterior():
    at = run_page(PAGE, {"bay_prev": "0.02", "bay_sens": "0.8", "bay_spec": "0.9",
                         "bay_tests": "2"})  # fmt: skip
    assert_clean(at)
    crowd, tree = _figures(at)
    # 1000 × (0.016, 0.004, 0.098, 0.882): whole numbers already
    sizes = {t["name"]: len(t["x"]) for t in crowd["data"]}
    assert sizes == {"sick, tests +: 16": 16, "healthy, tests +: 98": 98,
                     "sick, tests −: 4": 4, "healthy, tests −: 882": 882}  # fmt: skip
    assert "114 test positive, and 16 are sick" in _said(at)
    posterior = 0.016 / (0.016 + 0.098)
    assert any(f"= {round(posterior, 3)}" in f.value for f in at.latex)
    second = 0.02 * 0.64 / (0.02 * 0.64 + 0.98 * 0.01)
    assert any(str(round(second, 3)) in f.value for f in at.latex)
    assert any("<b>882</b>" in a["text"] for a in tree["layout"]["annotations"])


def test_a_coin_link_reproduces_the_flips_and_the_posterior():
    at = run_page(PAGE, {"part": COIN, "bay_a": "3", "bay_b": "1", "bay_bias": "0.3",
                         "bay_flips": "20", "seed": "5"})  # fmt: skip
    assert_clean(at)
    (coin,) = _figures(at)
    heads = int((np.random.default_rng(5).random(20) < 0.3).sum())
    last = traces_by_name({"data": coin["frames"][-1]["data"]})
    theta = last["posterior"]["x"]
    expected = stats.beta.pdf(theta, 3 + heads, 1 + 20 - heads)
    np.testing.assert_allclose(last["posterior"]["y"], expected, rtol=1e-4)
    assert len(coin["frames"]) == 21
    assert any(f"Beta}}({3 + heads}, {21 - heads})" in f.value for f in at.latex)


def test_the_gaussian_link_opens_sigma_on_the_eigenvector_page():
    query = {"part": GAUSSIAN, "jg_sx": "2", "jg_sy": "0.5", "jg_rho": "-0.4", "jg_x0": "-1"}
    at = run_page(PAGE, query)
    assert_clean(at)
    (link,) = [link for link in at.get("page_link") if link.proto.page == "eigenvectors-svd"]
    carried = {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
    assert carried["part"] == "Eigenvectors" and carried["matrix"] == "Entries"
    off = -0.4 * 2 * 0.5
    assert [float(carried[k]) for k in "abcd"] == pytest.approx([4.0, off, off, 0.25])
    (fig,) = _figures(at)
    mean = traces_by_name(fig)["E[y | x₀]"]["y"][0]
    assert mean == pytest.approx(-0.4 * 0.5 / 2 * (-1))
    # and that link opens the eigenvector page clean, on Σ
    there = run_page("pages/eigenvectors-svd.py", carried)
    assert_clean(there)
    assert there.number_input(key="b").value == pytest.approx(off)


@pytest.mark.parametrize(("query", "said"), [
    ({"bay_prev": "0", "bay_spec": "1"}, "P(sick | +) is undefined"),
    ({"bay_prev": "1"}, "everybody is sick"),
])  # fmt: skip
def test_prevalence_zero_or_one_says_a_sentence_and_draws_no_nan(query, said):
    at = run_page(PAGE, {"part": MEDICAL, **query})
    assert_clean(at)
    assert said in _said(at) and "no test result can move it" in _said(at)
    crowd, _ = _figures(at)
    assert sum(len(t["x"]) for t in crowd["data"]) == 1000
    assert not any("nan" in f.value.lower() for f in at.latex)


@pytest.mark.parametrize(("part", "rho"), [(GAUSSIAN, "0.99"), (GAUSSIAN, "-0.99"),
                                           (SAMPLING, "0.99")])  # fmt: skip
def test_a_correlation_near_one_says_a_sentence_and_draws_no_nan(part, rho):
    at = run_page(PAGE, {"part": part, "jg_rho": rho})
    assert_clean(at)
    assert "close to 1" in _said(at) or "nearly a line" in _said(at)
    for fig in _figures(at):
        for trace in fig["data"]:
            for axis in ("x", "y", "z"):
                if isinstance(trace.get(axis), np.ndarray):
                    assert np.isfinite(trace[axis]).all()


def test_every_key_is_declared_and_reached():
    assert reached_keys(PAGE, [{"part": p} for p in PARTS]) == {p.key for p in P.params}
