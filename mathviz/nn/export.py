"""Taking a trained network out of the app: its weights as JSON, its data as CSV, and a
short PyTorch script that rebuilds the same network from that JSON.

Pure Python and numpy (the app never imports torch; the script is text the learner runs).
A layer here computes z = a W + b with W (fan_in, fan_out); ``torch.nn.Linear`` computes
z = a Wᵀ + b with its weight stored (out, in), so the JSON stores Wᵀ: torch's layout, ready to
copy into ``nn.Linear.weight``. Floats are written as Python's ``repr`` writes them (the
shortest text that reads back to the same float64), so the weights round-trip exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import numpy as np

from mathviz.nn import network

FORMAT = "mathviz-nn/1"
WEIGHTS_FILE = "weights.json"  # the name the script expects the JSON under

# Each input feature as a torch expression of the coordinates x1, x2 (tensors of shape (n,)),
# one entry per name of mathviz.nn.features.FEATURES.
TORCH_FEATURES = {
    "x1": "x1",
    "x2": "x2",
    "x1²": "x1**2",
    "x2²": "x2**2",
    "x1x2": "x1 * x2",
    "sin x1": "torch.sin(x1)",
    "sin x2": "torch.sin(x2)",
}


def _loss(training) -> str:
    """The loss the run minimised (regression always uses squared error, as train() does)."""
    return training.settings.loss if training.classes else network.SQUARED


def _checked(training, feature_names: Sequence[str], label_names: Sequence[str]):
    feature_names, label_names = [str(n) for n in feature_names], [str(n) for n in label_names]
    if len(feature_names) != training.arch.widths[0]:
        raise ValueError(f"{len(feature_names)} feature names for a network with "
                         f"{training.arch.widths[0]} inputs")  # fmt: skip
    if label_names and len(label_names) != training.classes:
        raise ValueError(f"{len(label_names)} label names for {training.classes} classes")
    return feature_names, label_names


def weights_json(training, feature_names: Sequence[str], label_names: Sequence[str] = ()) -> str:
    """The trained network as JSON text (format ``mathviz-nn/1``).

    Parameters
    ----------
    training : a :class:`mathviz.nn.training.Training` (its arch, theta, settings, classes).
    feature_names : the network's inputs in order, names of ``FEATURES`` (widths[0] of them).
    label_names : each class's name (k of them), or () (regression, or unnamed classes).

    Notes
    -----
    ``layers[l]`` holds ``in``, ``out``, ``weight`` (out × in: Wᵀ, torch's layout) and
    ``bias`` (out). ``classes`` is k, or 0 for regression (one output, the value itself).
    """
    features, labels = _checked(training, feature_names, label_names)
    arch, settings = training.arch, training.settings
    theta = np.asarray(training.theta, dtype=float)
    layers = [{"in": int(w.shape[0]), "out": int(w.shape[1]), "weight": w.T.tolist(),
               "bias": b.tolist()} for w, b in arch.unpack(theta)]  # fmt: skip
    payload = {
        "format": FORMAT,
        "features": features,
        "activation": arch.activation,
        "torch_activation": network.ACTIVATIONS[arch.activation].torch,
        "loss": _loss(training),
        "classes": int(training.classes),
        "label_names": labels,
        "layers": layers,
        "settings": {"optimizer": settings.optimizer, "lr": float(settings.lr),
                     "batch": int(settings.batch), "epochs": int(settings.epochs),
                     "reg": settings.reg, "rate": float(settings.rate),
                     "seed": int(settings.seed)},
    }  # fmt: skip
    return _json_text(payload)


def _dumps(value) -> str:
    # json writes floats with repr (an exact round trip); allow_nan=False keeps it valid JSON
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _json_text(payload: dict) -> str:
    """JSON with one line per entry and per row of a weight matrix (json's indent would put
    every number on a line of its own)."""

    def layer_text(layer: dict) -> str:
        rows = ",\n    ".join(_dumps(row) for row in layer["weight"])
        bias = _dumps(layer["bias"])
        return (f'  {{"in": {layer["in"]}, "out": {layer["out"]},\n'
                f'   "weight": [\n    {rows}\n   ],\n   "bias": {bias}}}')  # fmt: skip

    entries = []
    for key, value in payload.items():
        text = ("[\n" + ",\n".join(map(layer_text, value)) + "\n ]" if key == "layers"
                else _dumps(value))  # fmt: skip
        entries.append(f" {_dumps(key)}: {text}")
    return "{\n" + ",\n".join(entries) + "\n}\n"


def data_csv(X: np.ndarray, y: np.ndarray, train_mask: np.ndarray,
             feature_names: Sequence[str] = ("x1", "x2")) -> str:  # fmt: skip
    """The points as CSV text: one column per coordinate, then ``label`` and ``split``.

    Parameters
    ----------
    X : (n, d) the points; y : (n,) int classes or float targets; train_mask : (n,) bool,
    True for training points (``split`` = train), False for test points (``split`` = test).
    feature_names : the d column titles of X.
    """
    X, y, train_mask = np.asarray(X, float), np.asarray(y), np.asarray(train_mask, bool)
    if X.ndim != 2 or X.shape[1] != len(feature_names) or not (len(y) == len(train_mask) == len(X)):
        raise ValueError("X must be (n, len(feature_names)); y and train_mask (n,)")
    as_text = int if y.dtype.kind in "iub" else float  # classes as 0, 1; targets as repr floats
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*feature_names, "label", "split"])
    for point, label, is_train in zip(X.tolist(), y.tolist(), train_mask.tolist(), strict=True):
        writer.writerow([*point, as_text(label), "train" if is_train else "test"])
    return out.getvalue()


def _features_block(names: Sequence[str]) -> str:
    unknown = [n for n in names if n not in TORCH_FEATURES]
    if unknown:
        raise ValueError(f"no torch expression for the feature(s) {unknown}")
    columns = ", ".join(TORCH_FEATURES[n] for n in names)
    return f'''FEATURES = {_dumps(list(names))}


def features(points):
    """The network's inputs (n, {len(names)}) computed from the points' coordinates (n, 2)."""
    points = torch.as_tensor(points, dtype=torch.float64)
    x1, x2 = points[:, 0], points[:, 1]
    return torch.stack([{columns}], dim=1)
'''


def _model_block(arch: network.Architecture) -> str:
    activation = network.ACTIVATIONS[arch.activation].torch
    lines = []
    for index, (fan_in, fan_out) in enumerate(zip(arch.widths[:-1], arch.widths[1:], strict=True)):
        lines.append(f"    nn.Linear({fan_in}, {fan_out}),")
        if index < arch.layers - 1:  # σ between layers; the last layer stays linear
            lines.append(f"    nn.{activation}(),")
    hidden = (f"{arch.layers - 1} hidden layer{'s' if arch.layers > 2 else ''} with {activation}"
              if arch.layers > 1 else "no hidden layer")  # fmt: skip
    body = "\n".join(lines)
    return f"""# The network: widths {" → ".join(map(str, arch.widths))}, {hidden}.
# nn.Linear(fan_in, fan_out) computes z = a Wᵀ + b; the last layer has no activation.
model = nn.Sequential(
{body}
).double()  # float64, the precision the app trained in
"""


def _predict_block(classes: int) -> str:
    if classes:
        return '''def predict(points):
    """The class (0 … k-1) of each point (n, 2): the output (logit) that is largest."""
    with torch.no_grad():  # no gradients needed to predict
        logits = model(features(points))
    return logits.argmax(dim=1)
'''
    return '''def predict(points):
    """The network's value at each point (n, 2): its single output."""
    with torch.no_grad():  # no gradients needed to predict
        return model(features(points))[:, 0]
'''


def _example_block(classes: int, label_names: Sequence[str]) -> str:
    show = "print(predict(points))"
    if classes and label_names:
        show = (f"LABELS = {_dumps(list(label_names))}\n"
                "    for point, label in zip(points, predict(points).tolist()):\n"
                '        print(point, "->", LABELS[label])')  # fmt: skip
    return f"""if __name__ == "__main__":  # run as a script: predict two example points
    points = [[1.0, 2.0], [-3.0, 0.5]]
    {show}
"""


def pytorch_script(training, feature_names: Sequence[str],
                   label_names: Sequence[str] = ()) -> str:  # fmt: skip
    """A self-contained PyTorch script that rebuilds the network and loads its weights.

    The script defines ``features(points)`` (the inputs as torch expressions of x1, x2),
    ``model`` (``nn.Sequential`` of ``nn.Linear`` and the activation, the same widths),
    loads ``weights.json`` (as :func:`weights_json` writes it, next to the script) and defines
    ``predict(points)``: the classes (argmax of the logits) or the values.
    """
    features, labels = _checked(training, feature_names, label_names)
    task = (f"a classifier of {training.classes} classes" if training.classes
            else "a regression (one output)")  # fmt: skip
    header = f'''"""A network trained in "Math for ML — a visual explorer", rebuilt in PyTorch.

It is {task}. Save the app's weights file as {WEIGHTS_FILE} next to this
script, then run this file with python, or import it and call predict(points) with points of
shape (n, 2): [[x1, x2], ...].
"""

import json
from pathlib import Path

import torch
from torch import nn

WEIGHTS = "{WEIGHTS_FILE}"  # the JSON file the app exported (found next to this script)

# The inputs: the network does not see (x1, x2) itself but these features of it.
'''
    loading = """# Load the trained weights. The JSON stores each layer's weight as (out, in),
# the layout of nn.Linear.weight, so each copies straight in.
def load_weights(model, path):
    saved = json.loads(Path(path).read_text(encoding="utf-8"))
    linears = [module for module in model if isinstance(module, nn.Linear)]
    shapes = [(layer["out"], layer["in"]) for layer in saved["layers"]]
    if saved["features"] != FEATURES or shapes != [tuple(m.weight.shape) for m in linears]:
        raise ValueError(f"{path} holds the weights of another network")
    with torch.no_grad():  # copying weights is not a step to differentiate
        for linear, layer in zip(linears, saved["layers"]):
            linear.weight.copy_(torch.tensor(layer["weight"], dtype=torch.float64))
            linear.bias.copy_(torch.tensor(layer["bias"], dtype=torch.float64))


load_weights(model, Path(__file__).parent / WEIGHTS)
model.eval()  # inference mode (no layer here behaves differently, but it is the habit)
"""
    return "\n\n".join([header + _features_block(features), _model_block(training.arch),
                        loading, _predict_block(training.classes),
                        _example_block(training.classes, labels)])  # fmt: skip
