"""/distributions: both parts with the skeleton, every distribution of the registry and every
limit in one session each, a link that reproduces a view, related links that open their
target, and bad links said in words."""

import json
from urllib.parse import parse_qs

import numpy as np
import pytest
from scipy import stats

from mathviz.core.numbers import tex
from mathviz.probability import distributions as D
from mathviz.probability.params_distributions import PARTS
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    decode_arrays,
    figure_specs,
    run_page,
)

PAGE = "pages/distributions.py"
TITLE = "Distributions"


def _dist_links(at) -> dict:
    """The page's links to a distribution, by target (the resources link has no ``dist``)."""
    found = {}
    for link in at.get("page_link"):
        query = {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
        if "dist" in query:
            found[query["dist"]] = query
    return found


def _figure(at) -> dict:
    (spec,) = figure_specs(at)
    return decode_arrays(json.loads(spec))


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, TITLE)


def test_every_distribution_of_the_registry_runs_clean():
    at = run_page(PAGE)
    for name in D.DISTRIBUTIONS:
        at.selectbox(key="dist").set_value(name)
        at.run()
        assert_clean(at, name)
        entry = D.DISTRIBUTIONS[name]
        assert len(figure_specs(at)) == 1, name
        shown = {key for key in entry.keys if at.slider(key=key)}
        assert shown == set(entry.keys), name
        assert any(entry.story[:40] in m.value for m in at.markdown), name
        assert {r.target for r in entry.related} == set(_dist_links(at)), name
        assert any("np.random.default_rng" in c.value for c in at.code), name
        prose = " ".join(m.value for m in at.markdown) + " ".join(n.value for n in at.info)
        assert "nan" not in prose.split() and "inf" not in prose.split()


def test_every_limit_runs_clean():
    at = run_page(PAGE, {"part": "Limits"})
    for name in D.LIMITS:
        at.segmented_control(key="dlim").set_value(name)
        at.run()
        assert_clean(at, name)
        fig = _figure(at)
        assert len(fig["frames"]) == len(D.limit_run(name, 4.0, 0.5).frames)


def test_a_link_reproduces_the_view():
    query = {"dist": "Gamma", "kshape": "3.5", "scale": "0.4", "dq": "0.8"}
    at = run_page(PAGE, query)
    assert_clean(at)
    rv = stats.gamma(3.5, scale=0.4)
    fig = _figure(at)
    quantile = next(t for t in fig["data"] if str(t.get("name", "")).startswith("F⁻¹"))
    assert quantile["x"][0] == pytest.approx(rv.ppf(0.8))
    (curve,) = [t for t in fig["data"] if t.get("name") == "f(x)"]
    np.testing.assert_allclose(curve["y"], rv.pdf(np.asarray(curve["x"])), rtol=1e-5)
    formulas = " ".join(f.value for f in at.latex)
    assert f"= {tex(rv.mean(), 4)}" in formulas and f"= {tex(rv.var(), 4)}" in formulas


def test_a_related_link_opens_its_target_with_the_matching_parameters():
    at = run_page(PAGE, {"dist": "Binomial", "trials": "150", "prob": "0.02"})
    query = _dist_links(at)["Poisson"]
    assert query == {"dist": "Poisson", "lam": "3"}  # λ = np
    opened = run_page(PAGE, query)
    assert_clean(opened)
    bars = next(t for t in _figure(opened)["data"] if t["type"] == "bar")
    np.testing.assert_allclose(bars["y"], stats.poisson(3).pmf(np.asarray(bars["x"])), rtol=1e-6)


def test_bad_links_are_clamped_or_refused_in_words():
    at = run_page(PAGE, {"dist": "Loaded die", **{f"w{face}": "0" for face in range(1, 7)}})
    assert_clean(at)
    assert any("fair die" in w.value for w in at.warning)
    at = run_page(PAGE, {"dist": "Cauchy", "scale": "0", "mu": "1e9"})
    assert_clean(at)
    assert any("mean is undefined" in w.value for w in at.warning)
    assert r"\infty" not in " ".join(f.value for f in at.latex)
    at = run_page(PAGE, {"dist": "nonsense", "prob": "7", "part": "Limits", "dlim": "x"})
    assert_clean(at)
