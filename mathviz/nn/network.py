"""A small fully connected network in numpy: activations and losses as registries, the
forward pass, backpropagation, and L1/L2 penalties.

All weights live in one flat float64 vector θ (so that one optimiser step updates them all at
once); :class:`Architecture` knows where each layer's W and b sit in it. Layer l maps
a_{l-1} (n, fan_in) to z_l = a_{l-1} W_l + b_l and a_l = σ(z_l); the last layer has no σ (its
outputs are logits for softmax cross-entropy, or the prediction itself for squared error).
Initialisation is PyTorch's ``nn.Linear`` default: W and b uniform on ±1/√fan_in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

MAX_LAYERS, MAX_WIDTH = 6, 8


@dataclass(frozen=True)
class Activation:
    """σ and its derivative, written in terms of z and a = σ(z) (whichever is cheaper)."""

    name: str
    latex: str
    torch: str  # the torch.nn module that is this activation
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (z, a) -> σ'(z)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1/(1 + e^{-z}), without overflow


ACTIVATIONS = {
    a.name: a
    for a in (
        Activation(
            "ReLU",
            r"\max(0, z)",
            "ReLU",
            lambda z: np.maximum(z, 0.0),
            lambda z, a: (z > 0).astype(float),
        ),
        Activation("tanh", r"\tanh z", "Tanh", np.tanh, lambda z, a: 1.0 - a * a),
        Activation(
            "sigmoid", r"\frac{1}{1+e^{-z}}", "Sigmoid", _sigmoid, lambda z, a: a * (1.0 - a)
        ),
        Activation("linear", "z", "Identity", lambda z: z, lambda z, a: np.ones_like(z)),
    )
}


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by each row's maximum so that exp never overflows."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Loss:
    """A loss of the network's outputs: its value (the mean over the points) and its gradient
    with respect to the outputs (already divided by n)."""

    name: str
    latex: str
    value: Callable[[np.ndarray, np.ndarray], float]
    gradient: Callable[[np.ndarray, np.ndarray], np.ndarray]
    classification_only: bool


def _one_hot(y: np.ndarray, k: int) -> np.ndarray:
    hot = np.zeros((y.size, k))
    hot[np.arange(y.size), y.astype(int)] = 1.0
    return hot


def targets(y: np.ndarray, width: int) -> np.ndarray:
    """What the outputs are compared with: one-hot classes, or the values (n, 1)."""
    if y.dtype.kind in "iu" and width > 1:
        return _one_hot(y, width)
    return np.asarray(y, dtype=float).reshape(-1, width)


def _cross_entropy(out: np.ndarray, y: np.ndarray) -> float:
    shifted = out - out.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(y.size), y.astype(int)].mean())


def _cross_entropy_gradient(out: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (softmax(out) - _one_hot(y, out.shape[1])) / y.size


def _squared(out: np.ndarray, y: np.ndarray) -> float:
    r = out - targets(y, out.shape[1])
    return float(0.5 * np.sum(r * r) / y.size)


def _squared_gradient(out: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (out - targets(y, out.shape[1])) / y.size


CROSS_ENTROPY, SQUARED = "Cross-entropy", "Squared error"
LOSSES = {
    CROSS_ENTROPY: Loss(
        CROSS_ENTROPY,
        r"-\frac1n\sum_i \log \operatorname{softmax}(z_i)_{y_i}",
        _cross_entropy,
        _cross_entropy_gradient,
        True,
    ),
    SQUARED: Loss(
        SQUARED, r"\frac{1}{2n}\sum_i \|z_i - t_i\|^2", _squared, _squared_gradient, False
    ),
}

NONE, L1, L2 = "none", "L1", "L2"
PENALTIES = (NONE, L1, L2)


@dataclass(frozen=True)
class Architecture:
    """Layer widths (inputs, hidden..., outputs) and the hidden layers' activation."""

    widths: tuple[int, ...]
    activation: str = "tanh"

    @property
    def layers(self) -> int:
        return len(self.widths) - 1

    @cached_property
    def slices(self) -> tuple[tuple[slice, slice], ...]:
        """Where each layer's W (fan_in × fan_out, row-major) and b sit in θ."""
        out, start = [], 0
        for fan_in, fan_out in zip(self.widths[:-1], self.widths[1:], strict=True):
            w = slice(start, start + fan_in * fan_out)
            b = slice(w.stop, w.stop + fan_out)
            out.append((w, b))
            start = b.stop
        return tuple(out)

    @property
    def size(self) -> int:
        return self.slices[-1][1].stop

    @cached_property
    def weight_mask(self) -> np.ndarray:
        """(size,) True on the weights (what L1/L2 penalise), False on the biases."""
        mask = np.zeros(self.size, dtype=bool)
        for w, _ in self.slices:
            mask[w] = True
        return mask

    def unpack(self, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Views (W (fan_in, fan_out), b (fan_out,)) of each layer in θ."""
        return [
            (theta[w].reshape(fan_in, fan_out), theta[b])
            for (w, b), fan_in, fan_out in zip(
                self.slices, self.widths[:-1], self.widths[1:], strict=True
            )
        ]

    def initial(self, rng: np.random.Generator) -> np.ndarray:
        """θ drawn as PyTorch's nn.Linear draws it: U(−1/√fan_in, 1/√fan_in)."""
        theta = np.empty(self.size)
        for (w, b), fan_in in zip(self.slices, self.widths[:-1], strict=True):
            bound = 1.0 / np.sqrt(fan_in)
            theta[w] = rng.uniform(-bound, bound, w.stop - w.start)
            theta[b] = rng.uniform(-bound, bound, b.stop - b.start)
        return theta


@dataclass(frozen=True)
class Forward:
    """The values of one forward pass: pre-activations z_l and activations a_l per layer
    (a_0 the inputs; the last z is the output, the last a the same)."""

    zs: list[np.ndarray]
    activations: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.zs[-1]


def forward(arch: Architecture, theta: np.ndarray, inputs: np.ndarray) -> Forward:
    """Run the inputs (n, widths[0]) through the network."""
    sigma = ACTIVATIONS[arch.activation].function
    a = np.asarray(inputs, dtype=float)
    zs, activations = [], [a]
    layers = arch.unpack(theta)
    for index, (w, b) in enumerate(layers):
        z = a @ w + b
        a = z if index == len(layers) - 1 else sigma(z)
        zs.append(z)
        activations.append(a)
    return Forward(zs, activations)


def penalty(arch: Architecture, theta: np.ndarray, kind: str, rate: float) -> float:
    """rate·Σ|w| (L1) or rate·½Σw² (L2) over the weights (biases are not penalised)."""
    if kind == NONE or rate == 0:
        return 0.0
    w = theta[arch.weight_mask]
    return float(rate * (np.abs(w).sum() if kind == L1 else 0.5 * (w @ w)))


@dataclass(frozen=True)
class Backward:
    """One backward pass: the loss (data + penalty), ∂L/∂θ, and δ_l = ∂L/∂z_l per layer."""

    loss: float
    data_loss: float
    gradient: np.ndarray
    deltas: list[np.ndarray]
    passed: Forward


def backward(
    arch: Architecture,
    theta: np.ndarray,
    inputs: np.ndarray,
    y: np.ndarray,
    loss: str,
    reg: str = NONE,
    rate: float = 0.0,
) -> Backward:
    """Backpropagation: the chain rule from the loss back to every weight.

    Notes
    -----
    δ_L = ∂L/∂z_L is the loss's gradient at the outputs; going back, ∂L/∂W_l = a_{l-1}ᵀ δ_l,
    ∂L/∂b_l = Σ_i δ_l, and δ_{l-1} = (δ_l W_lᵀ) ⊙ σ'(z_{l-1}). The penalty adds
    rate·sign(w) (L1) or rate·w (L2) to the weights' gradient.
    """
    chosen = LOSSES[loss]
    passed = forward(arch, theta, inputs)
    data_loss = chosen.value(passed.output, y)
    derivative = ACTIVATIONS[arch.activation].derivative
    gradient = np.zeros_like(theta)
    delta = chosen.gradient(passed.output, y)
    deltas = [delta]
    layers = arch.unpack(theta)
    for index in range(arch.layers - 1, -1, -1):
        w_slice, b_slice = arch.slices[index]
        gradient[w_slice] = (passed.activations[index].T @ delta).ravel()
        gradient[b_slice] = delta.sum(axis=0)
        if index:
            z = passed.zs[index - 1]
            delta = (delta @ layers[index][0].T) * derivative(z, passed.activations[index])
            deltas.append(delta)
    if reg != NONE and rate:
        mask = arch.weight_mask
        gradient[mask] += rate * (np.sign(theta[mask]) if reg == L1 else theta[mask])
    deltas.reverse()
    total = data_loss + penalty(arch, theta, reg, rate)
    return Backward(total, data_loss, gradient, deltas, passed)


def fast_gradient(
    arch: Architecture,
    theta: np.ndarray,
    inputs: np.ndarray,
    targets: np.ndarray,
    loss: str,
    reg: str = NONE,
    rate: float = 0.0,
) -> np.ndarray:
    """∂L/∂θ as :func:`backward` computes it, with less Python around the arithmetic (a
    training step's only need): ``targets`` are :func:`targets` of the labels, made once per
    run instead of once per step."""
    derivative = ACTIVATIONS[arch.activation].derivative
    sigma = ACTIVATIONS[arch.activation].function
    last = arch.layers - 1
    weights, a, zs, acts = [], inputs, [], [inputs]
    for index, ((w_slice, b_slice), fan_in, fan_out) in enumerate(
        zip(arch.slices, arch.widths[:-1], arch.widths[1:], strict=True)
    ):
        w = theta[w_slice].reshape(fan_in, fan_out)
        weights.append(w)
        z = a @ w + theta[b_slice]
        a = z if index == last else sigma(z)
        zs.append(z)
        acts.append(a)
    n = inputs.shape[0]
    if loss == CROSS_ENTROPY:
        e = np.exp(a - a.max(axis=1, keepdims=True))
        delta = (e / e.sum(axis=1, keepdims=True) - targets) / n
    else:
        delta = (a - targets) / n
    gradient = np.empty_like(theta)
    for index in range(last, -1, -1):
        w_slice, b_slice = arch.slices[index]
        gradient[w_slice] = (acts[index].T @ delta).ravel()
        gradient[b_slice] = delta.sum(axis=0)
        if index:
            delta = (delta @ weights[index].T) * derivative(zs[index - 1], acts[index])
    if reg != NONE and rate:
        mask = arch.weight_mask
        gradient[mask] += rate * (np.sign(theta[mask]) if reg == L1 else theta[mask])
    return gradient


def predict(arch: Architecture, theta: np.ndarray, inputs: np.ndarray, classes: int):
    """Class labels (argmax of the outputs) for classification, else the outputs (n,)."""
    out = forward(arch, theta, inputs).output
    return out.argmax(axis=1) if classes else out[:, 0]


def probabilities(
    arch: Architecture, theta: np.ndarray, inputs: np.ndarray, loss: str
) -> np.ndarray:
    """(n, k) class probabilities: softmax of the logits for cross-entropy; for squared error
    the outputs themselves (they estimate the one-hot targets), clipped to [0, 1]."""
    out = forward(arch, theta, inputs).output
    return softmax(out) if loss == CROSS_ENTROPY else np.clip(out, 0.0, 1.0)
