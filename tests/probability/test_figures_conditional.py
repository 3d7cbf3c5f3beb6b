"""The pictures of /conditional-probability draw what the maths computed: a marker per person
by group, the tree's probabilities, each flip's curves in its frame, the density grid and
the sampling stages; valid plotly, no NaN or infinity in the JSON, within the size budgets."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from scipy import stats

from mathviz.probability import bayes, joint
from mathviz.probability import figures_conditional as figures
from mathviz.probability.bayes import MedicalTest
from mathviz.probability.joint import Gaussian2
from tests.harness.apptest import decode_arrays

STATIC_BUDGET, ANIMATED_BUDGET = 300_000, 2_000_000


def _checked(fig, budget: int) -> dict:
    """The figure's JSON: no NaN/Infinity, validated by plotly, within ``budget`` bytes."""
    text = json.dumps(fig.to_dict())
    assert len(text) < budget
    spec = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the figure"))
    go.Figure(spec)  # plotly validates every property
    return decode_arrays(spec)


@pytest.mark.parametrize("values", [(0.01, 0.9, 0.95), (0.0, 0.9, 1.0), (1.0, 0.5, 0.5)])
def test_the_crowd_has_a_marker_per_person_by_group(values):
    test = MedicalTest(*values)
    counts = bayes.grid_counts(test)
    spec = _checked(figures.crowd_figure(counts, dark=False), STATIC_BUDGET)
    sizes = [len(trace["x"]) for trace in spec["data"]]
    assert sum(sizes) == 1000
    for trace, group in zip(spec["data"], figures.CROWD_ORDER, strict=True):
        assert len(trace["x"]) == counts[group]
        assert trace["name"].endswith(f": {counts[group]}")
        filled = group in (0, 2)  # tested positive
        assert (trace["marker"]["symbol"] == "circle") == filled
    points = np.vstack([np.c_[t["x"], t["y"]] for t in spec["data"] if len(t["x"])])
    assert len(np.unique(points, axis=0)) == 1000


def test_the_tree_shows_branch_probabilities_and_counts():
    test = MedicalTest(0.01, 0.9, 0.95)
    counts = bayes.grid_counts(test)
    spec = _checked(figures.tree_figure(test, counts, dark=True), STATIC_BUDGET)
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    for branch in ("0.01", "0.99", "0.9", "0.1", "0.05", "0.95"):
        assert branch in texts
    assert any("<b>9</b>" in t and "0.009" in t for t in texts)  # 1000 × 0.01 × 0.9
    assert any("<b>940</b>" in t for t in texts)
    assert "sick<br>10" in texts and "healthy<br>990" in texts


def test_each_coin_frame_draws_that_flips_posterior_and_likelihood():
    run = bayes.coin_run(2.0, 3.0, 0.4, bayes.MAX_FLIPS, 9)
    spec = _checked(figures.coin_figure(run, 1.0, dark=False), ANIMATED_BUDGET)
    frames = {int(f["name"]): f for f in spec["frames"]}
    assert len(frames) == figures.MAX_COIN_FRAMES and {0, bayes.MAX_FLIPS} <= set(frames)
    heads = np.concatenate([[0], np.cumsum(run.flips)])
    for k in sorted(frames)[::17] + [bayes.MAX_FLIPS]:
        frame = {t["name"]: t for t in frames[k]["data"]}
        h, t = int(heads[k]), k - int(heads[k])
        posterior = stats.beta.pdf(run.theta, 2 + h, 3 + t)
        np.testing.assert_allclose(frame["posterior"]["y"], posterior, rtol=1e-5, atol=1e-6)
        likelihood = stats.beta.pdf(run.theta, h + 1, t + 1)
        np.testing.assert_allclose(frame["likelihood (normalised)"]["y"], likelihood, rtol=1e-5,
                                   atol=1e-6)  # fmt: skip
        band = frame["95% credible interval"]["x"]
        np.testing.assert_allclose(band[:2], stats.beta.interval(0.95, 2 + h, 3 + t), rtol=1e-5)
        assert np.sum(frame["flips"]["marker"]["color"]) == h
    top = spec["layout"]["yaxis"]["range"][1]
    assert top >= max(run.posteriors.max(), run.likelihoods.max())
    assert spec["layout"]["sliders"][0]["steps"][-1]["args"][0] == [str(bayes.MAX_FLIPS)]
    short = _checked(figures.coin_figure(bayes.coin_run(2.0, 3.0, 0.4, 30, 9), 1.0, False),
                     ANIMATED_BUDGET)  # fmt: skip
    assert [f["name"] for f in short["frames"]] == [str(k) for k in range(31)]  # every flip


def test_the_joint_figure_draws_the_density_grid_and_the_slice():
    g = Gaussian2.of(0.5, -1.0, 1.2, 0.8, -0.7)
    picture = joint.joint_picture(g, 1.5)
    spec = _checked(figures.joint_figure(picture, dark=False), STATIC_BUDGET)
    traces = {t.get("name"): t for t in spec["data"]}
    grid = traces["density"]["z"].reshape(len(picture.ys), len(picture.xs))
    x, y = np.meshgrid(picture.xs, picture.ys)
    np.testing.assert_allclose(grid, stats.multivariate_normal(g.mean, g.covariance).pdf(
        np.dstack([x, y])), rtol=1e-5)  # fmt: skip
    assert traces["slice x = x₀"]["x"].tolist() == [1.5, 1.5]
    expected_mean = -1.0 + (-0.7) * 0.8 / 1.2 * (1.5 - 0.5)
    assert traces["E[y | x₀]"]["y"][0] == pytest.approx(expected_mean)
    ellipse = np.c_[traces["2σ ellipse"]["x"], traces["2σ ellipse"]["y"]] - g.mean
    q = np.einsum("ni,ij,nj->n", ellipse, np.linalg.inv(g.covariance), ellipse)
    np.testing.assert_allclose(q, 4, rtol=1e-4)


@pytest.mark.parametrize("rho", [-0.99, 0.99])
def test_sampling_frames_are_the_three_stages(rho):
    g = Gaussian2.of(1.0, 2.0, 1.0, 2.5, rho)
    steps = joint.sampling_steps(g, joint.MAX_SAMPLES, 1)
    spec = _checked(figures.sampling_figure(steps, 2.0, dark=True), ANIMATED_BUDGET)
    assert [f["name"] for f in spec["frames"]] == ["0", "1", "2"]
    for frame, points in zip(spec["frames"], (steps.standard, steps.stretched, steps.shifted),
                             strict=True):  # fmt: skip
        cloud = frame["data"][0]
        np.testing.assert_allclose(np.c_[cloud["x"], cloud["y"]], points, rtol=1e-5, atol=1e-5)
