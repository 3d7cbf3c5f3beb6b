"""Reverse-mode differentiation on one fixed computational graph: a neuron's squared error.

    z = w·x + b,   a = σ(z),   d = a − y,   L = d²

The graph is data (:data:`GRAPH`: each computed node's operation and inputs, in topological
order), and the sweep is generic over it: the forward pass computes each node's value from its
inputs, the backward pass starts from ∂L/∂L = 1 and hands each node's gradient to its inputs,
multiplied by the local derivative on the edge (∂node/∂input), summing over consumers. Pure
numpy and floats; σ is computed without overflow for any z.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

INPUTS = ("x", "w", "b", "y")
FD_STEP = 1e-5  # the central difference's h (relative to 1 + |input|)


def sigmoid(z: float) -> float:
    """σ(z) = 1 / (1 + e^(−z)), stable: e^(−|z|) never overflows."""
    e = math.exp(-abs(z))
    return 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)


@dataclass(frozen=True)
class Op:
    """A node's operation: its value from its inputs' values, and the local derivative of
    that value with respect to each input (given the inputs' values and its own value)."""

    formula: str  # how the node reads on the graph ("w·x + b")
    value: Callable[..., float]
    local: Callable[..., tuple[float, ...]]


# The computed nodes in topological order: name -> (op, input names).
GRAPH: dict[str, tuple[Op, tuple[str, ...]]] = {
    "z": (
        Op("w·x + b", lambda w, x, b: w * x + b, lambda w, x, b, out: (x, w, 1.0)),
        ("w", "x", "b"),
    ),
    "a": (Op("σ(z)", sigmoid, lambda z, out: (out * (1.0 - out),)), ("z",)),
    "d": (Op("a − y", lambda a, y: a - y, lambda a, y, out: (1.0, -1.0)), ("a", "y")),
    "L": (Op("d²", lambda d: d * d, lambda d, out: (2.0 * d,)), ("d",)),
}
OUTPUT = "L"
FORWARD_ORDER = (*INPUTS, *GRAPH)  # topological: inputs first, then each computed node
BACKWARD_ORDER = tuple(reversed(FORWARD_ORDER))
EDGES: tuple[tuple[str, str], ...] = tuple(
    (source, node) for node, (_, inputs) in GRAPH.items() for source in inputs
)
CONSUMER = {source: node for source, node in EDGES}  # each node here feeds exactly one node


@dataclass(frozen=True)
class Sweep:
    """Both passes over the graph at one input.

    values : every node's value.
    local : ∂node/∂input for every edge (input, node).
    grads : ∂L/∂node for every node (∂L/∂L = 1).
    """

    values: dict[str, float]
    local: dict[tuple[str, str], float]
    grads: dict[str, float]


def forward(inputs: dict[str, float]) -> dict[str, float]:
    """Every node's value, in topological order."""
    values = {name: float(inputs[name]) for name in INPUTS}
    for node, (op, sources) in GRAPH.items():
        values[node] = float(op.value(*(values[s] for s in sources)))
    return values


@lru_cache(maxsize=256)
def sweep(w: float, b: float, x: float, y: float) -> Sweep:
    """The forward pass, the local derivatives, and the backward pass (reverse mode)."""
    values = forward({"w": w, "b": b, "x": x, "y": y})
    local: dict[tuple[str, str], float] = {}
    for node, (op, sources) in GRAPH.items():
        derivs = op.local(*(values[s] for s in sources), values[node])
        for source, derivative in zip(sources, derivs, strict=True):
            local[(source, node)] = float(derivative)
    grads = dict.fromkeys(FORWARD_ORDER, 0.0)
    grads[OUTPUT] = 1.0
    for node in reversed(tuple(GRAPH)):  # each node's gradient is complete when it is reached
        for source in GRAPH[node][1]:
            grads[source] += grads[node] * local[(source, node)]
    return Sweep(values, local, grads)


def loss(w: float, b: float, x: float, y: float) -> float:
    """L alone (the forward pass)."""
    return forward({"w": w, "b": b, "x": x, "y": y})[OUTPUT]


def central_difference(inputs: dict[str, float], name: str) -> tuple[float, float]:
    """(∂L/∂name by the central difference (L(+h) − L(−h)) / 2h, and h)."""
    h = FD_STEP * (1.0 + abs(inputs[name]))
    up = forward(inputs | {name: inputs[name] + h})[OUTPUT]
    down = forward(inputs | {name: inputs[name] - h})[OUTPUT]
    return (up - down) / (2.0 * h), h


@dataclass(frozen=True)
class Check:
    """One gradient against its finite difference."""

    name: str
    backprop: float
    finite: float

    @property
    def difference(self) -> float:
        return self.backprop - self.finite


def checks(w: float, b: float, x: float, y: float) -> tuple[Check, ...]:
    """∂L/∂w, ∂L/∂b, ∂L/∂x, ∂L/∂y by backprop and by central differences."""
    inputs = {"w": w, "b": b, "x": x, "y": y}
    grads = sweep(w, b, x, y).grads
    return tuple(Check(n, grads[n], central_difference(inputs, n)[0]) for n in ("w", "b", "x", "y"))


@dataclass(frozen=True)
class Step:
    """One frame of the walk through the graph.

    phase : "forward" or "backward".
    node : the node computed at this step.
    edge : the edge whose local derivative is used (backward, every node but L), else None.
    """

    phase: str
    node: str
    edge: tuple[str, str] | None


def steps() -> tuple[Step, ...]:
    """Forward one node at a time in topological order, then backward in reverse."""
    ahead = tuple(Step("forward", node, None) for node in FORWARD_ORDER)
    back = tuple(
        Step("backward", node, None if node == OUTPUT else (node, CONSUMER[node]))
        for node in BACKWARD_ORDER
    )
    return ahead + back


@dataclass(frozen=True)
class GradientStep:
    """w, b ← w − η∂L/∂w, b − η∂L/∂b, and the loss before and after."""

    eta: float
    before: tuple[float, float]
    after: tuple[float, float]
    loss_before: float
    loss_after: float
    grad: tuple[float, float]


def gradient_step(w: float, b: float, x: float, y: float, eta: float) -> GradientStep:
    """One step of gradient descent on (w, b), x and y held."""
    grads = sweep(w, b, x, y).grads
    gw, gb = grads["w"], grads["b"]
    w2, b2 = w - eta * gw, b - eta * gb
    return GradientStep(eta, (w, b), (w2, b2), loss(w, b, x, y), loss(w2, b2, x, y), (gw, gb))


def loss_grid(x: float, y: float, w_axis: np.ndarray, b_axis: np.ndarray) -> np.ndarray:
    """L over a grid of (w, b) (rows b, columns w), x and y held; σ stable as above."""
    z = np.add.outer(b_axis, x * np.asarray(w_axis, dtype=float))
    e = np.exp(-np.abs(z))
    a = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return (a - y) ** 2
