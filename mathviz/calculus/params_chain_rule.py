"""The URL state of /chain-rule (see :mod:`mathviz.calculus.params`).

The neuron's keys carry an ``n`` (``nw``, ``nb``, ``nx``, ``ny``): ``b`` is a matrix entry on
the linear-algebra pages, and x, y are coordinates elsewhere.
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

BOTH_WAYS, ONE_STEP = "Forward and backward", "One gradient step"


def _neuron(key: str, label: str, low: float, high: float, default: float, doc: str) -> object:
    return params.slider(key, label, low, high, default, 0.05, doc=doc)


CHAIN_RULE = params.page(
    "chain-rule",
    params.part("Part", (BOTH_WAYS, ONE_STEP)),
    _neuron("nw", "weight w", -3.0, 3.0, 0.5, "the neuron's weight w"),
    _neuron("nb", "bias b", -3.0, 3.0, 0.2, "the neuron's bias b"),
    _neuron("nx", "input x", -3.0, 3.0, 1.5, "the neuron's input x"),
    _neuron("ny", "target y", 0.0, 1.0, 1.0, "the target y that a = σ(w·x + b) should hit"),
    params.choice(
        "speed",
        "Play speed",
        list(SPEEDS),
        DEFAULT_SPEED,
        part=BOTH_WAYS,
        doc="how fast ▶ Play runs: `1×` is slow enough to talk over",
    ),
    params.slider(
        "neta", "learning rate η", 0.1, 10.0, 3.0, 0.1, part=ONE_STEP,
        doc="the step size η of w, b ← w − η∂L/∂w, b − η∂L/∂b",
    ),
)  # fmt: skip
