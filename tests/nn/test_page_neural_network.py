"""/neural-network: every part runs with the skeleton, a link rebuilds the same trained
network, bad links and bad text fall back with a sentence, hidden controls keep their link
values, the downloads carry the network, every key is declared and reached."""

import json

import pytest

from mathviz.core.numbers import tex
from mathviz.nn import data, features, training
from mathviz.nn.params import BEND, PARTS, STEP, SUGGESTED
from mathviz.nn.params import NEURAL_NETWORK as P
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    figure_specs,
    reached_keys,
    run_page,
    widgets,
)

PAGE = "pages/neural-network.py"
TITLE = "Neural-network playground"


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part, "nn_epochs": "20"}, TITLE)


def test_a_link_rebuilds_the_same_network():
    query = {
        "nn_data": "XOR",
        "nn_hidden": "4, 4",
        "nn_epochs": "40",
        "seed": "5",
        "nn_opt": "RMSProp",
        "nn_lr": "0.01",
    }
    at = run_page(PAGE, query)
    assert_clean(at)
    d = data.make("XOR", 400, 0.1, 0, 0.3, 5)
    X = features.feature_matrix(d.X, features.DEFAULT_FEATURES)
    run = training.train(
        X[d.train],
        d.y[d.train],
        X[~d.train],
        d.y[~d.train],
        2,
        training.Settings(hidden=(4, 4), epochs=40, seed=5, optimizer="RMSProp", lr=0.01),
    )
    latex = " ".join(f.value for f in at.latex)
    assert tex(run.train_loss[-1], 3) in latex and tex(100 * run.test_accuracy[-1], 3) in latex
    weights = next(b for b in at.get("download_button") if "JSON" in b.proto.label)
    assert weights is not None


@pytest.mark.parametrize("source", list(SUGGESTED))
def test_the_suggested_links_run(source):
    at = run_page(PAGE, SUGGESTED[source])
    assert_clean(at, source)


@pytest.mark.parametrize(
    "query",
    [
        {"nn_epochs": "1e9", "nn_lr": "99", "nn_n": "-3", "nn_feat": "nope"},
        {"nn_data": "Your function", "nn_formula": "__import__('os')"},
        {"nn_data": "Your function", "nn_formula": "9**9**9"},
        {"nn_data": "Upload a CSV file"},
        {"nn_hidden": "", "part": BEND, "nn_layer": "6"},
        {"nn_hidden": "8,8,8,8,8,8", "nn_act": "sigmoid", "part": STEP, "nn_epochs": "5"},
        {"nn_lr": "3", "nn_opt": "Gradient descent", "nn_act": "ReLU", "nn_epochs": "30"},
        {"nn_data": "Bump", "nn_target": "0.99", "nn_loss": "Cross-entropy"},
    ],
)
def test_bad_and_extreme_links_render_sentences_and_no_nan(query):
    at = run_page(PAGE, query)
    assert not at.exception, query
    if "nn_formula" not in query:
        assert_clean(at, str(query))
    for spec in figure_specs(at):
        json.loads(spec, parse_constant=lambda c: pytest.fail(f"{c} in a chart"))


def test_bad_hidden_layers_say_why_and_keep_the_last_good_network():
    at = run_page(PAGE, {"nn_hidden": "9, x", "nn_epochs": "10"})
    assert not at.exception
    assert not at.error and any("Layer 1" in w.value for w in at.warning)
    assert figure_specs(at)


def test_a_lecture_link_hides_controls_but_keeps_their_values():
    query = {"nn_hide": ["Learning rate", "Data"], "nn_lr": "0.1", "nn_data": "XOR"}
    at = run_page(PAGE, {**query, "nn_epochs": "10"})
    assert_clean(at)
    assert at.session_state["nn_lr"] == "0.1" and at.session_state["nn_data"] == "XOR"
    hidden = [h.proto.body for h in at.get("html") if "display: none" in h.proto.body]
    assert any("nn_lr" in body for body in hidden) and any("nn_data" in body for body in hidden)


def test_every_key_is_declared_and_reached():
    views = [{"part": part, "nn_epochs": "5"} for part in PARTS]
    views.append({"nn_data": "Your function", "nn_epochs": "5"})
    views.append({"nn_data": "Spiral", "nn_epochs": "5"})
    keys = reached_keys(PAGE, views)
    assert keys == {p.key for p in P.params}
    assert "nn_upload" not in {p.key for p in P.params}  # an upload is never in a link
    assert widgets  # the harness is imported for the reached keys
