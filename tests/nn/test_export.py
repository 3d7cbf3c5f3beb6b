"""mathviz.nn.export: the JSON round-trips θ exactly in torch's (out, in) layout, the CSV reads
back with its split, and the generated PyTorch script, run as a module beside its JSON, predicts
what network.predict predicts (every activation, no hidden layer, non-linear features)."""

import ast
import csv
import importlib.util
import io
import json

import numpy as np
import pytest

from mathviz.nn import export, network, training
from mathviz.nn.features import FEATURES, feature_matrix


def _xor(n=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-6, 6, (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(np.int64)


def _trained(hidden=(4,), activation="tanh", classes=2, names=("x1", "x2"), epochs=5):
    X, y = _xor()
    inputs = feature_matrix(X, names)
    targets = y if classes else np.sin(X[:, 0]) + 0.1 * X[:, 1]
    settings = training.Settings(hidden=hidden, activation=activation, lr=0.05, batch=8,
                                 epochs=epochs, seed=4)  # fmt: skip
    return training.train(inputs[:30], targets[:30], inputs[30:], targets[30:], classes, settings)


def _theta_from(payload):
    """θ rebuilt from the JSON: each weight (out, in) transposed back to W (in, out)."""
    parts = []
    for layer in payload["layers"]:
        parts += [np.array(layer["weight"]).T.ravel(), np.array(layer["bias"])]
    return np.concatenate(parts)


def test_torch_features_cover_the_feature_registry():
    assert set(export.TORCH_FEATURES) == set(FEATURES)


def test_json_round_trips_theta_exactly_in_torchs_layout():
    run = _trained(hidden=(3, 2), classes=2)
    payload = json.loads(export.weights_json(run, ["x1", "x2"], ["blue", "orange"]))
    assert payload["format"] == "mathviz-nn/1"
    assert payload["features"] == ["x1", "x2"] and payload["label_names"] == ["blue", "orange"]
    assert (payload["activation"], payload["torch_activation"]) == ("tanh", "Tanh")
    assert payload["loss"] == network.CROSS_ENTROPY and payload["classes"] == 2
    assert payload["settings"] == {"optimizer": "Adam", "lr": 0.05, "batch": 8, "epochs": 5,
                                   "reg": "none", "rate": 0.0, "seed": 4}  # fmt: skip
    assert [(layer["in"], layer["out"]) for layer in payload["layers"]] == [(2, 3), (3, 2), (2, 2)]
    for layer, (w, b) in zip(payload["layers"], run.arch.unpack(run.theta), strict=True):
        assert np.array(layer["weight"]).shape == (layer["out"], layer["in"])  # torch's (out, in)
        assert np.array_equal(np.array(layer["weight"]), w.T)
        assert np.array_equal(np.array(layer["bias"]), b)
    assert np.array_equal(_theta_from(payload), run.theta)  # float equality, every weight


def test_json_for_regression_says_squared_error_and_no_classes():
    run = _trained(classes=0, names=("x1", "x2", "x1²"))
    payload = json.loads(export.weights_json(run, ["x1", "x2", "x1²"]))
    assert payload["classes"] == 0 and payload["loss"] == network.SQUARED
    assert payload["features"] == ["x1", "x2", "x1²"] and payload["label_names"] == []
    assert np.array_equal(_theta_from(payload), run.theta)


def test_wrong_counts_of_names_are_refused():
    run = _trained()
    with pytest.raises(ValueError):
        export.weights_json(run, ["x1"])
    with pytest.raises(ValueError):
        export.weights_json(run, ["x1", "x2"], ["only one"])
    with pytest.raises(ValueError):
        export.pytorch_script(run, ["x1", "cos x2"])


@pytest.mark.parametrize("regression", [False, True])
def test_csv_reads_back_rows_labels_and_split(regression):
    X, y = _xor(n=12)
    y = X[:, 0] / 3 if regression else y
    mask = np.arange(12) % 3 != 0
    rows = list(csv.reader(io.StringIO(export.data_csv(X, y, mask))))
    assert rows[0] == ["x1", "x2", "label", "split"] and len(rows) == 13
    body = rows[1:]
    assert np.array_equal(np.array([[float(r[0]), float(r[1])] for r in body]), X)  # exact
    labels = [float(r[2]) if regression else int(r[2]) for r in body]
    assert np.array_equal(labels, y)
    assert [r[3] for r in body] == ["train" if m else "test" for m in mask]


def test_script_parses_and_has_no_eval_or_exec():
    run = _trained(hidden=(4,))
    script = export.pytorch_script(run, ["x1", "x2"], ["blue", "orange"])
    tree = ast.parse(script)
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}  # fmt: skip
    assert not called & {"eval", "exec", "compile", "__import__"}
    assert "eval(" not in script.replace("model.eval()", "") and "exec(" not in script
    assert "nn.Linear(2, 4)" in script and "nn.Tanh()" in script and "nn.Linear(4, 2)" in script
    assert 'WEIGHTS = "weights.json"' in script


def _run_script(tmp_path, run, names, label_names=()):
    """Write weights.json and the script into tmp_path and import the script as a module."""
    (tmp_path / "weights.json").write_text(export.weights_json(run, names, label_names),
                                           encoding="utf-8")  # fmt: skip
    path = tmp_path / "mathviz_network.py"
    path.write_text(export.pytorch_script(run, names, label_names), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"exported_{tmp_path.name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # our own generated file, run as PyTorch would run it
    return module


CASES = [(a, (4, 3), ("x1", "x2"), 2) for a in network.ACTIVATIONS] + [
    ("tanh", (), ("x1", "x2"), 2),  # no hidden layer: one nn.Linear
    ("ReLU", (5,), ("x1²", "sin x2"), 3),
    ("sigmoid", (3,), tuple(FEATURES), 2),  # every feature, x1x2 and sin x1 included
] + [(a, (4,), ("x1", "x2", "x1²", "sin x2"), 0) for a in network.ACTIVATIONS]  # fmt: skip


@pytest.mark.parametrize(("activation", "hidden", "names", "classes"), CASES)
def test_script_predicts_what_the_app_predicts(tmp_path, activation, hidden, names, classes):
    torch = pytest.importorskip("torch")
    run = _trained(hidden, activation, classes, names)
    labels = [f"class {k}" for k in range(classes)]
    module = _run_script(tmp_path, run, list(names), labels)
    linears = [m for m in module.model if isinstance(m, torch.nn.Linear)]
    assert len(linears) == len(hidden) + 1
    points = np.random.default_rng(9).uniform(-6, 6, (200, 2))
    ours = network.predict(run.arch, run.theta, feature_matrix(points, names), classes)
    theirs = module.predict(points).numpy()
    if classes:
        assert np.array_equal(theirs, ours)
    else:
        np.testing.assert_allclose(theirs, ours, rtol=0, atol=1e-12)


def test_script_refuses_weights_of_another_network(tmp_path):
    pytest.importorskip("torch")
    module = _run_script(tmp_path, _trained(hidden=(4,)), ["x1", "x2"])
    other = tmp_path / "other.json"
    other.write_text(export.weights_json(_trained(hidden=(3,)), ["x1", "x2"]), encoding="utf-8")
    with pytest.raises(ValueError, match="another network"):
        module.load_weights(module.model, other)
