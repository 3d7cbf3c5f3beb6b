"""The words of /neural-network: the numbers are the run's, every case gets a sentence and
no formula or note shows NaN, inf or None."""

import re

import numpy as np
import pytest

from mathviz.core.numbers import tex
from mathviz.nn import data, features, network, training
from mathviz.nn import text as words

BAD = re.compile(r"\b(nan|NaN|inf|None)\b")


def _run(name="Circle", classes=2, **settings):
    d = data.make(name, 120, 0.1, classes, 0.3, 0)
    X = features.feature_matrix(d.X, features.DEFAULT_FEATURES)
    run = training.train(X[d.train], d.y[d.train], X[~d.train], d.y[~d.train], d.classes,
                         training.Settings(**{"epochs": 15, **settings}))  # fmt: skip
    return d, X, run


def _clean(items):
    for item in items:
        body = item if isinstance(item, str) else getattr(item, "text", str(item))
        assert not BAD.search(body), body


def test_the_training_formulas_carry_the_runs_numbers():
    _, _, run = _run(hidden=(3, 2))
    lines = words.train_latex(run, features.DEFAULT_FEATURES)
    text = " ".join(lines)
    assert r"2 \to 3 \to 2 \to 2" in text and f"{run.arch.size}" in text
    assert tex(run.train_loss[-1], 3) in text and tex(100 * run.test_accuracy[-1], 3) in text
    _clean(lines + words.train_notes(run, "about"))


def test_regression_divergence_and_targets_get_sentences():
    _, _, run = _run("Plane", 0, hidden=(4,), loss=network.SQUARED)
    _clean(words.train_latex(run, features.DEFAULT_FEATURES) + words.train_notes(run, "a"))
    _, _, wild = _run("Spiral", hidden=(8, 8), activation="ReLU", optimizer="Gradient descent",
                      lr=3.0, loss=network.SQUARED, epochs=40)  # fmt: skip
    notes = words.train_notes(wild, "a")
    assert wild.diverged and any("blew up" in n.text for n in notes)
    _clean(words.train_latex(wild, features.DEFAULT_FEATURES) + notes)
    _, _, early = _run(hidden=(4, 2), epochs=300, target=0.9)
    assert any("stopped" in n.text for n in words.train_notes(early, "a"))


def test_the_confusion_table_counts_and_its_accuracy():
    counts = np.array([[5, 1], [2, 7]])
    table = words.confusion_markdown(counts, ("cat", "dog"))
    assert "| cat | 5 | 1 |" in table and "| dog | 2 | 7 |" in table
    assert "12 of 15 = 80%" in table
    assert "no test points" in words.confusion_markdown(np.zeros((2, 2), int), ())


@pytest.mark.parametrize("hidden", [(), (3,), (2, 2)])
def test_one_step_is_written_out_for_every_layer(hidden):
    d, X, run = _run(hidden=hidden)
    rows = np.flatnonzero(d.train)[:4]
    trace = training.one_step(run, X[rows], d.y[rows], 0.1)
    pairs = words.step_latex(trace)
    headings = [h for h, _ in pairs]
    assert sum("backward" in h for h in headings) == run.arch.layers
    assert headings[-2:] == ["the update", "after the step"]
    assert tex(trace.loss, 4) in pairs[-1][1] and tex(trace.loss_after, 4) in pairs[-1][1]
    _clean([line for _, line in pairs])


def test_a_layer_is_written_with_its_numbers_when_small():
    w, b = np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([0.1, -0.2])
    lines = words.layer_latex(w, b, 1, "tanh")
    assert r"\tanh z_{1}" in lines[0] and "-2" in lines[1] and "0.5" in lines[1]
    big = words.layer_latex(np.ones((8, 8)), np.ones(8), 2, "ReLU")
    assert r"\mathbb R^{8 \times 8}" in big[1]


def test_a_cut_run_says_how_many_epochs_it_trained():
    d = data.make("Circle", 1000, 0.1, 2, 0.1, 0)
    X = features.feature_matrix(d.X, features.DEFAULT_FEATURES)
    settings = training.Settings(hidden=(2,), epochs=2000, batch=1)
    run = training.train(X[d.train], d.y[d.train], X[~d.train], d.y[~d.train], 2, settings)
    notes = words.train_notes(run, "a")
    assert any(f"{run.epochs_run} epochs were trained" in n.text for n in notes)
