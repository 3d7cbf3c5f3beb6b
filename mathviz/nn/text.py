"""The words and formulas of /neural-network, with the current numbers filled in."""

from __future__ import annotations

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import latex_matrix, tex, text
from mathviz.nn import features as feats
from mathviz.nn import network, training

SHOWN_ROWS = 4  # points of the mini-batch written out in the step


def train_latex(run: training.Training, names) -> list[str]:
    """The network's shape and size, its loss, and where training ended."""
    widths = r" \to ".join(str(w) for w in run.arch.widths)
    inputs = ", ".join(feats.FEATURES[n].latex for n in feats.feature_names(names))
    lines = [
        rf"({inputs}) \to {widths}",
        rf"{run.arch.size}\ \text{{parameters}}:\ z_l = a_{{l-1}}W_l + b_l",
        rf"a_l = {network.ACTIVATIONS[run.arch.activation].latex.replace('z', 'z_l')}",
    ]
    loss = run.settings.loss if run.classes else network.SQUARED
    end = run.stopped
    lines.append(rf"L = {network.LOSSES[loss].latex}")
    lines.append(rf"\text{{epoch {end}}}:\ L_{{\text{{train}}}} = {tex(run.train_loss[end], 3)}")
    lines.append(rf"L_{{\text{{test}}}} = {tex(run.test_loss[end], 3)}")
    if run.classes:
        lines.append(
            rf"\text{{accuracy: train}}\ {tex(100 * run.train_accuracy[end], 3)}\%,\ "
            rf"\text{{test}}\ {tex(100 * run.test_accuracy[end], 3)}\%"
        )
    return lines


def train_notes(run: training.Training, about: str) -> list[Note]:
    notes = [Note("info", about)]
    end = run.stopped
    if run.diverged:
        notes.append(
            Note(
                "warning",
                f"Training blew up after epoch {end}: the weights ran off "
                "to infinity. Lower the learning rate; the last finite network is "
                "shown.",
            )
        )
    if run.epochs_run < run.settings.epochs:
        notes.append(
            Note(
                "info",
                f"{run.settings.epochs} epochs of these mini-batches would take more than "
                f"{training.MAX_STEPS:,} steps; {run.epochs_run} epochs were trained. A larger "
                "batch trains more epochs in the same time.",
            )
        )
    if run.settings.target is not None and run.classes:
        if end < run.epochs_run and not run.diverged:
            notes.append(
                Note(
                    "info",
                    f"The training accuracy reached "
                    f"{text(100 * run.settings.target, 3)}% at epoch {end}: stopped.",
                )
            )
        else:
            notes.append(
                Note(
                    "info",
                    f"The training accuracy never reached "
                    f"{text(100 * run.settings.target, 3)}% in {end} epochs.",
                )
            )
    if run.classes:
        gap = run.train_accuracy[end] - run.test_accuracy[end]
        if gap > 0.08:
            notes.append(
                Note(
                    "warning",
                    f"Over-fitting: {text(100 * gap, 2)} points better on "
                    "the training points than on the test points. Try fewer "
                    "neurons, L2 or more points.",
                )
            )
        if run.arch.layers == 1 and run.test_accuracy[end] < 0.8:
            notes.append(
                Note(
                    "info",
                    "No hidden layer: the boundary can only be a straight "
                    "line in the features. Add a layer, or a feature such as x1² or "
                    "x1x2.",
                )
            )
    return notes


def layer_latex(w: np.ndarray, b: np.ndarray, layer: int, activation: str) -> list[str]:
    """The layer as a map of the previous layer's values: z = Wᵀa + b, then a = σ(z), with
    Wᵀ and b written out when they are small."""
    sigma = network.ACTIVATIONS[activation].latex.replace("z", f"z_{{{layer}}}")
    lines = [
        rf"z_{{{layer}}} = W_{{{layer}}}^\top a_{{{layer - 1}}} + b_{{{layer}}},\ "
        rf"a_{{{layer}}} = {sigma}"
    ]
    if w.size <= 16:
        lines.append(
            rf"W_{{{layer}}}^\top = {latex_matrix(w.T, 3)},\ "
            rf"b_{{{layer}}} = {latex_matrix(b.reshape(-1, 1), 3)}"
        )
    else:
        lines.append(rf"W_{{{layer}}} \in \mathbb R^{{{w.shape[0]} \times {w.shape[1]}}}")
    return lines


def confusion_markdown(counts: np.ndarray, labels) -> str:
    """The confusion matrix as a table, with the accuracy counted from it."""
    k = counts.shape[0]
    names = [str(label) for label in labels] or [f"class {c}" for c in range(k)]
    header = "| true \\ predicted | " + " | ".join(names) + " |\n|---|" + "---:|" * k
    rows = [f"| {names[i]} | " + " | ".join(str(v) for v in counts[i]) + " |" for i in range(k)]
    total = int(counts.sum())
    right = int(np.trace(counts))
    share = f"{text(100 * right / total, 3)}%" if total else "no test points"
    return header + "\n" + "\n".join(rows) + f"\n\nTest accuracy: {right} of {total} = {share}."


def _m(values: np.ndarray) -> str:
    shown = np.atleast_2d(values)[:SHOWN_ROWS]
    return latex_matrix(shown, 3)


def step_latex(trace: training.StepTrace) -> list[tuple[str, str]]:
    """(heading, formula) pairs: forward through every layer, the loss, then backward."""
    out = [("the mini-batch's inputs", rf"a_0 = {_m(trace.passed.activations[0])}")]
    layers = len(trace.passed.zs)
    for index in range(layers):
        k = index + 1
        z = trace.passed.zs[index]
        if index < layers - 1:
            out.append((f"layer {k} forward", rf"z_{k} = a_{{{k - 1}}}W_{k} + b_{k} = {_m(z)}"))
            activation = rf"a_{k} = \sigma(z_{k}) = {_m(trace.passed.activations[k])}"
            out.append((f"layer {k} activation", activation))
        else:
            out.append(
                (
                    f"layer {k} forward (the output)",
                    rf"z_{k} = a_{{{k - 1}}}W_{k} + b_{k} = {_m(z)}",
                )
            )
    out.append(("the loss", rf"L = {tex(trace.loss, 4)}"))
    for index in range(layers - 1, -1, -1):
        k = index + 1
        delta = trace.deltas[index]
        rule = (
            r"\frac{\partial L}{\partial z_L}"
            if index == layers - 1
            else rf"(\delta_{{{k + 1}}} W_{{{k + 1}}}^\top) \odot \sigma'(z_{k})"
        )
        out.append((f"layer {k} backward", rf"\delta_{k} = {rule} = {_m(delta)}"))
        out.append(
            (
                f"layer {k} gradient",
                rf"\frac{{\partial L}}{{\partial W_{k}}} = a_{{{k - 1}}}^\top \delta_{k} = "
                rf"{latex_matrix(trace.weight_gradients[index], 3)}",
            )
        )
    out.append(
        (
            "the update",
            rf"W \leftarrow W - \eta\,\frac{{\partial L}}{{\partial W}},\ "
            rf"\eta = {tex(trace.lr, 3)}",
        )
    )
    out.append(("after the step", rf"L:\ {tex(trace.loss, 4)} \to {tex(trace.loss_after, 4)}"))
    return out


TRAIN_EXPLAIN = (
    "The background is the network's answer at every point of the plane, the colour its "
    "class and the shade how sure it is; filled dots trained it, open dots test it. **▶ Play** "
    "replays the training: the boundary bends as the loss (right) falls. Each step takes a "
    "mini-batch, runs it forward, measures the loss and sends its gradient backward through "
    "every layer (backpropagation), then the optimiser moves every weight a little downhill. "
    "The settings are TensorFlow Playground's, plus cross-entropy, more classes, a choice of "
    "optimiser and the export of the trained network."
)
INSIDE_EXPLAIN = (
    "Each line is a weight: blue positive, orange negative, thicker for larger |w|; a node's "
    "colour is its bias. The small maps show what each hidden neuron computes over the plane: "
    "the first layer draws lines (a neuron is a tilted step along one direction), later "
    "layers combine them into curves and regions. The histograms show the gradients each "
    "layer receives: with many sigmoid layers the early ones get gradients decades smaller "
    "(σ′ ≤ 1/4 multiplies in at each layer), so they barely learn: the vanishing gradient."
)
BEND_EXPLAIN = (
    "A layer is a matrix, then a bend: z = aW + b moves the plane by a linear map (the "
    "Matrices page's picture), then σ squashes it. **▶ Play** pushes the grid and the points "
    "through the layers one stage at a time. By the last hidden layer the classes should sit "
    "where one straight line can split them: that is all the output layer can do."
)
STEP_EXPLAIN = (
    "One gradient step, every number written out, for the first points of one mini-batch: "
    "forward, layer by layer; the loss; then backward, where δ = ∂L/∂z passes from each layer "
    "to the one before through Wᵀ and σ′ (the chain rule, as the Chain rule page does it for "
    "one neuron); each layer's gradient is its input times δ, and the step moves W against it."
)
WHY = (
    "This is machine learning in one picture: a model made of matrices (linear algebra), "
    "trained by following the gradient that backpropagation computes with the chain rule "
    "(calculus), to maximise the likelihood of the labels, which is minimising cross-entropy "
    "(probability and statistics). Every deep network is this page with more layers, more "
    "data and a GPU; the export gives the same network in PyTorch."
)
WHY_SHORT = (
    "Linear algebra (layers), calculus (backpropagation) and probability (cross-entropy) "
    "in one trained model."
)
