"""The explorer's and the limits' figures: finite, small, and drawn where scipy puts the mean,
σ and the quantile."""

import json
import math

import numpy as np
import pytest
from scipy import stats

from mathviz.probability import distributions as D
from mathviz.probability import figures_distributions as F
from tests.harness.apptest import decode_arrays


def _view(name, given=None, level=0.95):
    entry = D.DISTRIBUTIONS[name]
    return D.view(name, tuple(sorted(entry.values(given).items())), level)


def _decoded(fig) -> dict:
    return decode_arrays(json.loads(fig.to_json()))


def _all_finite(node) -> bool:
    if isinstance(node, dict):
        return all(_all_finite(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return all(_all_finite(v) for v in node)
    if isinstance(node, np.ndarray) and node.dtype.kind == "f":
        return bool(np.all(np.isfinite(node)))
    if isinstance(node, float):
        return math.isfinite(node)
    return node is not None or True


def _named(fig: dict, start: str) -> list[dict]:
    return [t for t in fig["data"] if str(t.get("name", "")).startswith(start)]


@pytest.mark.parametrize("name", list(D.DISTRIBUTIONS))
def test_every_explorer_figure_is_finite_small_and_marks_scipys_numbers(name):
    fig = F.explorer_figure(_view(name), dark=False)
    assert len(fig.to_json()) < 300_000
    decoded = _decoded(fig)
    assert _all_finite(decoded["data"])
    rv = D.DISTRIBUTIONS[name].frozen()
    (quantile, *_) = _named(decoded, "F⁻¹")
    assert quantile["x"][0] == pytest.approx(rv.ppf(0.95))
    means = _named(decoded, "mean ")
    if name == "Cauchy":
        assert means == []  # no mean to mark
    else:
        assert np.asarray(means[0]["x"])[0] == pytest.approx(rv.mean())


def test_sigma_lines_sit_one_standard_deviation_either_side():
    fig = _decoded(F.explorer_figure(_view("Gamma", {"kshape": 4.0, "scale": 0.5}), False))
    rv = stats.gamma(4.0, scale=0.5)
    xs = sorted(float(np.asarray(t["x"])[0]) for t in fig["data"] if t.get("name") == "mean ± σ"
                and t.get("xaxis") == "x")  # fmt: skip
    assert xs == pytest.approx([rv.mean() - rv.std(), rv.mean() + rv.std()])


def test_infinite_variance_draws_the_mean_but_no_sigma():
    fig = _decoded(F.explorer_figure(_view("Student t", {"df": 2}), False))
    assert _named(fig, "mean ") and not _named(fig, "mean ± σ")


def test_discrete_bars_up_to_the_quantile_are_the_dark_ones():
    view = _view("Binomial", {"trials": 20, "prob": 0.4}, level=0.5)
    fig = _decoded(F.explorer_figure(view, False))
    (bars,) = [t for t in fig["data"] if t["type"] == "bar"]
    dark = np.array([c == F.DENSITY_COLOR for c in bars["marker"]["color"]])
    np.testing.assert_array_equal(dark, np.asarray(bars["x"]) <= stats.binom(20, 0.4).ppf(0.5))
    np.testing.assert_allclose(bars["y"], stats.binom(20, 0.4).pmf(np.asarray(bars["x"])))


def test_a_pole_does_not_flatten_the_chart():
    view = _view("Beta", {"beta_a": 0.5, "beta_b": 0.5})
    fig = _decoded(F.explorer_figure(view, False))
    top = fig["layout"]["yaxis"]["range"][1]
    assert top < 1.1 * stats.beta(0.5, 0.5).pdf(stats.beta(0.5, 0.5).ppf(0.02))
    assert _all_finite(fig["data"])


@pytest.mark.parametrize("name", list(D.LIMITS))
def test_limit_figures_animate_the_frames_and_stay_small(name):
    run = D.limit_run(name)
    fig = F.limit_figure(run, 1.0, dark=True)
    assert len(fig.to_json()) < 2_000_000
    decoded = _decoded(fig)
    assert len(decoded["frames"]) == len(run.frames)
    assert _all_finite(decoded["data"]) and _all_finite(decoded["frames"])
    last = decoded["frames"][-1]["data"][1]
    assert last["x"][0] == pytest.approx(run.n[-1]) and last["y"][0] == pytest.approx(
        run.distance[-1]
    )
    assert decoded["layout"]["xaxis2"]["type"] == "log"
