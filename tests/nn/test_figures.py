"""The pictures of /neural-network: validated by plotly, drawing what the network computes."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.nn import data, features, figures, network, training
from tests.harness.apptest import decode_arrays, traces_by_name

NAMES = ("x1", "x2")


def _decoded(prebuilt) -> dict:
    spec = prebuilt.to_dict()
    go.Figure(spec)
    return decode_arrays(json.loads(json.dumps(spec)))


@pytest.fixture(scope="module")
def trained():
    d = data.make("Gaussian blobs", 200, 0.1, 3, 0.3, 0)
    X = features.feature_matrix(d.X, NAMES)
    run = training.train(
        X[d.train],
        d.y[d.train],
        X[~d.train],
        d.y[~d.train],
        3,
        training.Settings(hidden=(3, 2), epochs=30),
    )
    return d, run


def test_each_frame_is_the_snapshots_decision(trained):
    d, run = trained
    spec = _decoded(figures.training_figure(run, d.X, d.y, d.train, NAMES))
    assert len(spec["frames"]) == len(run.thetas)
    _, points = figures.grid_points()
    k = len(run.thetas) // 2
    z = np.asarray(spec["frames"][k]["data"][0]["z"], float).ravel()
    probabilities = network.probabilities(
        run.arch, run.thetas[k], features.feature_matrix(points, NAMES), run.settings.loss
    )
    np.testing.assert_array_equal(np.floor(z).astype(int), probabilities.argmax(axis=1))
    assert np.all((z >= 0) & (z < run.classes))


def test_the_diagram_draws_every_weight_once(trained):
    _, run = trained
    spec = _decoded(figures.diagram_figure(run, NAMES))
    edges = sum(
        np.isnan(np.asarray(t["x"], float)).sum()
        for t in spec["data"]
        if t["name"].endswith("weights")
    )
    assert edges == sum(w.size for w, _ in run.arch.unpack(run.theta))


def test_every_hidden_neuron_has_its_map(trained):
    _, run = trained
    spec = _decoded(figures.neurons_figure(run, NAMES))
    maps = [t for t in spec["data"] if t["type"] == "heatmap"]
    assert len(maps) == sum(run.arch.widths[1:-1])
    _, points = figures.grid_points(figures.NEURON_GRID)
    first = network.forward(run.arch, run.theta, points).activations[1][:, 0]
    np.testing.assert_allclose(np.asarray(maps[0]["z"], float).ravel(), first, rtol=1e-5, atol=1e-6)


def test_gradient_histograms_count_every_weight(trained):
    _, run = trained
    spec = _decoded(figures.gradients_figure(run))
    for layer, trace in enumerate(spec["data"]):
        g = np.abs(run.gradients[-1][layer])
        inside = np.mean((np.log10(np.maximum(g, 1e-12)) >= -10) & (np.log10(g + 1e-300) <= 1))
        assert np.sum(trace["y"]) == pytest.approx(inside, abs=1e-6)


def test_the_bent_grid_ends_at_the_layers_activations(trained):
    d, run = trained
    stages = figures.bend_stages(run, 1, NAMES, d.X)
    assert [label for label, _, _ in stages][-1] == "layer 1: σ(z)"
    passed = network.forward(run.arch, run.theta, d.X)
    np.testing.assert_allclose(stages[-1][2], passed.activations[1][:, :2], rtol=1e-12)
    spec = _decoded(figures.bend_figure(run, 1, NAMES, d.X, d.y))
    assert len(spec["frames"]) == len(stages)


def test_regression_draws_the_output_surface():
    d = data.make("Bump", 150, 0.0, 0, 0.3, 0)
    X = features.feature_matrix(d.X, NAMES)
    run = training.train(
        X[d.train],
        d.y[d.train],
        X[~d.train],
        d.y[~d.train],
        0,
        training.Settings(hidden=(4,), epochs=10, loss=network.SQUARED),
    )
    spec = _decoded(figures.training_figure(run, d.X, d.y, d.train, NAMES))
    names = set(traces_by_name(spec))
    assert "points" in names and "train accuracy" not in names
