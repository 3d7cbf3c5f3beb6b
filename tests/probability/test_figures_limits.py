"""The figures of /limit-theorems draw the results they are given (shares, densities, the
band, the standardised means), stay small, carry no NaN or infinity, and validate as plotly
figures."""

import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.probability import clt, sampling
from mathviz.probability import figures_limits as figures
from tests.harness.apptest import decode_arrays

NORMAL = sampling.settings({"mu": 1.0, "sigma": 2.0})
CAUCHY = sampling.settings({"mu": 0.0, "scale": 1.0})
POISSON = sampling.settings({"lam": 4.0})


def _spec(fig) -> dict:
    text = json.dumps(fig.to_dict(), allow_nan=False)  # no NaN or inf anywhere
    go.Figure(fig.to_dict())  # plotly validates every property (frames included)
    return decode_arrays(json.loads(text)) | {"_bytes": len(text)}


def test_the_coin_figure_plays_the_shares_flip_by_flip():
    run = sampling.chance_run(sampling.DIE, 0.5, 1000, 2)
    spec = _spec(figures.chance_figure(run))
    assert spec["_bytes"] < 2_000_000 and len(spec["frames"]) <= figures.CHANCE_FRAMES + 1
    last = spec["frames"][-1]
    np.testing.assert_allclose(last["data"][0]["y"], run.shares[-1], rtol=1e-6)
    first = spec["frames"][0]
    assert first["name"] == "1" and np.isclose(first["data"][0]["y"].max(), 1.0)
    line = last["data"][1]
    xs = line["x0"] + line["dx"] * np.arange(len(line["y"]))
    assert xs[-1] == 1000
    np.testing.assert_allclose(line["y"], run.shares[xs.astype(int) - 1, 0], rtol=1e-6)


def test_the_draws_figure_is_binned_and_small_for_a_million_draws():
    summary = sampling.draw_summary("Normal", NORMAL, 1_000_000, 0)
    spec = _spec(figures.draws_figure(summary))
    assert spec["_bytes"] < 300_000
    bars = spec["data"][0]
    np.testing.assert_allclose(bars["y"], summary.density)
    assert max(len(t.get("x", [])) for t in spec["data"]) <= sampling.ECDF_POINTS
    gap = spec["data"][-1]
    assert abs(gap["y"][1] - gap["y"][0]) == pytest.approx(summary.ks)


def test_a_discrete_draws_figure_marks_the_pmf():
    summary = sampling.draw_summary("Poisson", POISSON, 10_000, 0)
    spec = _spec(figures.draws_figure(summary))
    assert spec["data"][1]["name"] == "true PMF" and spec["data"][1]["mode"] == "markers"


def test_the_running_mean_figure_draws_mu_plus_minus_sigma_over_root_m():
    summary = sampling.draw_summary("Normal", NORMAL, 100_000, 1)
    cauchy = sampling.running_mean("Cauchy", CAUCHY, 100_000, 1)
    spec = _spec(figures.running_mean_figure(summary, cauchy))
    assert spec["_bytes"] < 2_000_000
    upper, lower, path, cauchy_path = spec["frames"][-1]["data"]
    m = upper["x"]
    np.testing.assert_allclose(upper["y"], 1.0 + 2.0 / np.sqrt(m), rtol=1e-5)
    np.testing.assert_allclose(lower["y"], 1.0 - 2.0 / np.sqrt(m), rtol=1e-5, atol=1e-6)
    assert m[-1] == 100_000 and len(m) <= figures.RUNNING_LINE
    assert cauchy_path["x"][-1] == 100_000
    # the companion's path is the running mean of the same draws a full summary makes
    full = sampling.draw_summary("Cauchy", CAUCHY, 100_000, 1)
    np.testing.assert_array_equal(cauchy.counts, full.counts)
    np.testing.assert_array_equal(cauchy.running, full.running)
    assert spec["layout"]["xaxis"]["type"] == "log"


def test_cauchy_alone_has_no_band_and_no_mean_line():
    summary = sampling.draw_summary("Cauchy", CAUCHY, 10_000, 1)
    spec = _spec(figures.running_mean_figure(summary))
    names = [t.get("name", "") for t in spec["data"]]
    assert not any("σ/√m" in name or name.startswith("mean") for name in names)


def test_the_clt_figure_plays_the_histograms_and_qq_points_over_n():
    study = clt.clt_study("Exponential", sampling.settings({"rate": 1.0}), 500, 100_000, 0)
    spec = _spec(figures.clt_figure(study))
    assert spec["_bytes"] < 2_000_000
    assert [f["name"] for f in spec["frames"]] == [str(n) for n in study.grid]
    bars, qq = spec["frames"][3]["data"]
    np.testing.assert_allclose(bars["y"], study.density[3], rtol=1e-6)
    np.testing.assert_allclose(qq["y"], study.qq_sample[3], rtol=1e-5)
    np.testing.assert_allclose(spec["data"][0]["y"], study.density[-1], rtol=1e-6)


@pytest.mark.parametrize("name", ["Exponential", "Normal", "Cauchy", "Uniform"])
def test_the_ks_figure_is_log_log_with_positive_values_only(name):
    from mathviz.probability import distributions

    values = sampling.settings(distributions.DISTRIBUTIONS[name].values({}))
    study = clt.clt_study(name, values, 100, 5000, 0)
    spec = _spec(figures.ks_figure(study))
    assert spec["layout"]["xaxis"]["type"] == spec["layout"]["yaxis"]["type"] == "log"
    for trace in spec["data"]:
        assert np.all(np.asarray(trace["y"], dtype=float) > 0)
    fits = [t["name"] for t in spec["data"] if "slope" in t["name"]]
    if name == "Exponential":
        assert any(f"slope {s}" in " ".join(fits) for s in ("-0.5", "-0.49", "-0.51"))
    floor = next(t for t in spec["data"] if t["name"].startswith("noise floor"))
    assert floor["y"][0] == pytest.approx(clt.KOLMOGOROV_MEAN / math.sqrt(study.used))
