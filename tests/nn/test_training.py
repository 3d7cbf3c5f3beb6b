"""mathviz.nn.training: the classic sets learnt to the issue's accuracy with the suggested
settings, the confusion matrix and accuracy against direct counts, snapshots, early stopping,
divergence, the cache, the hidden-layer parser and one step's arithmetic."""

import numpy as np
import pytest

from mathviz.nn import data, features, network, training
from mathviz.nn.params import SUGGESTED


def _settings_of(query: dict) -> tuple[training.Settings, tuple[str, ...], dict]:
    settings = training.Settings(
        hidden=training.parse_hidden(query.get("nn_hidden", "4, 2")),
        epochs=int(query.get("nn_epochs", 200)),
    )
    names = tuple(query.get("nn_feat", features.DEFAULT_FEATURES))
    return settings, names, query


def _run(name, settings, names, classes=2, seed=0):
    d = data.make(name, 400, 0.1, classes, 0.3, seed)
    X = features.feature_matrix(d.X, names)
    run = training.train(X[d.train], d.y[d.train], X[~d.train], d.y[~d.train], d.classes, settings)
    return d, X, run


@pytest.mark.parametrize(("name", "needed"), [("XOR", 0.95), ("Circle", 0.95), ("Spiral", 0.90)])
def test_the_suggested_settings_learn_the_classic_sets(name, needed):
    settings, names, _ = _settings_of(SUGGESTED[name])
    _, _, run = _run(name, settings, names)
    assert run.test_accuracy[-1] >= needed
    assert not run.diverged and run.stopped == settings.epochs


def test_accuracy_and_confusion_are_direct_counts():
    settings, names, query = _settings_of(SUGGESTED["Gaussian blobs"])
    d, X, run = _run("Gaussian blobs", settings, names, classes=int(query["nn_classes"]))
    predicted = network.predict(run.arch, run.theta, X[~d.train], run.classes)
    truth = d.y[~d.train]
    counts = training.confusion(predicted, truth, run.classes)
    for i in range(run.classes):
        for j in range(run.classes):
            assert counts[i, j] == sum(
                1 for t, p in zip(truth, predicted, strict=True) if t == i and p == j
            )
    assert counts.sum() == truth.size
    assert run.test_accuracy[-1] == pytest.approx(np.trace(counts) / truth.size)
    assert training.accuracy(predicted, truth) == pytest.approx(np.mean(predicted == truth))


def test_snapshots_start_before_training_and_end_at_the_last_epoch():
    _, _, run = _run("Circle", training.Settings(hidden=(3,), epochs=57), ("x1", "x2"))
    assert run.epochs[0] == 0 and run.epochs[-1] == 57
    assert len(run.thetas) == len(run.epochs) == len(run.gradients) <= training.SNAPSHOTS
    assert run.train_loss.size == 58
    assert run.train_loss[-1] < run.train_loss[0]


def test_a_target_stops_early_and_a_huge_rate_diverges_with_a_finite_network_kept():
    _, _, run = _run(
        "Circle", training.Settings(hidden=(4, 2), epochs=300, target=0.99), ("x1", "x2")
    )
    assert run.stopped < 300 and run.train_accuracy[run.stopped] >= 0.99
    assert run.epochs[-1] == run.stopped
    wild = training.Settings(
        hidden=(8, 8),
        activation="ReLU",
        optimizer="Gradient descent",
        lr=3.0,
        loss=network.SQUARED,
        epochs=50,
    )
    _, _, run = _run("Spiral", wild, ("x1", "x2", "x1²", "x2²"))
    assert run.diverged
    assert np.all(np.isfinite(run.theta)) and np.all(np.isfinite(run.train_loss))


def test_the_cache_returns_the_same_run_without_retraining():
    d = data.make("XOR", 100, 0.1, 2, 0.3, 1)
    X = features.feature_matrix(d.X, ("x1", "x2"))
    settings = training.Settings(hidden=(2,), epochs=5, seed=1)
    args = (X[d.train], d.y[d.train], X[~d.train], d.y[~d.train], 2)
    calls = []
    first = training.train_cached(("XOR", 1), settings, *args, progress=calls.append)
    assert training.cached(("XOR", 1), settings) is first
    assert training.train_cached(("XOR", 1), settings, *args) is first
    assert training.cached(("XOR", 2), settings) is None


@pytest.mark.parametrize(("text", "widths"), [("4, 2", (4, 2)), ("", ()), (" 8;8 ,1", (8, 8, 1))])
def test_hidden_layers_parse(text, widths):
    assert training.parse_hidden(text) == widths


@pytest.mark.parametrize("text", ["9", "0", "4, x", "1,1,1,1,1,1,1", "-2", "2.5"])
def test_bad_hidden_layers_say_why(text):
    with pytest.raises(ValueError, match="[Ll]ayer"):
        training.parse_hidden(text)


def test_one_step_is_gradient_descent_on_the_batch():
    d, X, run = _run("Circle", training.Settings(hidden=(3,), epochs=3), ("x1", "x2"))
    rows = np.flatnonzero(d.train)[:4]
    trace = training.one_step(run, X[rows], d.y[rows], 0.1)
    full = network.backward(run.arch, run.theta, X[rows], d.y[rows], network.CROSS_ENTROPY)
    assert trace.loss == pytest.approx(full.loss)
    np.testing.assert_allclose(
        trace.weight_gradients[0].ravel(), full.gradient[run.arch.slices[0][0]]
    )
    after = network.backward(
        run.arch, run.theta - 0.1 * full.gradient, X[rows], d.y[rows], network.CROSS_ENTROPY
    ).loss
    assert trace.loss_after == pytest.approx(after) and trace.loss_after < trace.loss


def test_a_run_too_long_for_the_step_budget_is_cut_to_fit():
    d = data.make("Circle", 1000, 0.1, 2, 0.1, 0)
    X = features.feature_matrix(d.X, features.DEFAULT_FEATURES)
    settings = training.Settings(hidden=(2,), epochs=2000, batch=1)
    run = training.train(X[d.train], d.y[d.train], X[~d.train], d.y[~d.train], 2, settings)
    per_epoch = int(d.train.sum())
    assert run.epochs_run == training.MAX_STEPS // per_epoch < 2000
    assert run.stopped == run.epochs_run and run.train_loss.size == run.epochs_run + 1
