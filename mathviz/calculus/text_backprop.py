"""The chain-rule page's words and formulas, with the current numbers."""

from __future__ import annotations

from mathviz.calculus.backprop import FD_STEP, Check, GradientStep, Sweep
from mathviz.core.notes import Note
from mathviz.core.numbers import tex, text

CHECK_DIGITS = {False: 6, True: 5}  # enough digits to see them agree; fewer beside a picture


def _d(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def _factor(x: float) -> str:
    shown = tex(x)
    return f"({shown})" if shown.startswith("-") else shown


NEURON = r"z = wx + b,\quad a = \sigma(z),\quad d = a - y,\quad L = d^2"

# The chain for each parameter: its last factor, written and as a local derivative.
LAST = {"w": "x", "b": "1"}


def chain_latex(s: Sweep, name: str, narrow: bool = False) -> str:
    """∂L/∂name = ∂L/∂a · ∂a/∂z · ∂z/∂name, in symbols, in the neuron's terms, in numbers."""
    g = s.grads
    symbols = rf"{_d('L', name)} &= {_d('L', 'a')}\,{_d('a', 'z')}\,{_d('z', name)}"
    terms = rf"2(a - y)\cdot a(1 - a)\cdot {LAST[name]}"
    factors = (g["a"], s.local[("z", "a")], s.local[(name, "z")])
    numbers = r"\cdot ".join(_factor(f) for f in factors) + f" = {tex(g[name])}"
    rows = (
        [symbols, f"&= {terms}", f"&= {numbers}"]
        if narrow
        else [
            f"{symbols} = {terms}",
            f"&= {numbers}",
        ]
    )
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def check_latex(checks: tuple[Check, ...], narrow: bool = False) -> str:
    """Every gradient by backprop beside its central difference, and their difference."""
    digits = CHECK_DIGITS[narrow]
    rows = [
        rf"\partial L/\partial {c.name} & {tex(c.backprop, digits)} & "
        rf"{tex(c.finite, digits)} & {tex(c.difference, 2)}"
        for c in checks
    ]
    names = ("backprop", "FD", "diff.") if narrow else ("backprop", "central diff.", "difference")
    head = "".join(rf" & \text{{{name}}}" for name in names)
    small = r"\footnotesize " if narrow else ""
    return (
        small + r"\begin{array}{lrrr}" + head + r" \\ \hline " + r" \\ ".join(rows) + r"\end{array}"
    )


CHECK_CAPTION = (
    "Central difference: (L(t + h) − L(t − h)) / 2h for each input t, with h = "
    f"{text(FD_STEP)}·(1 + |t|). It agrees with backprop to about ten digits."
)


def step_latex(step: GradientStep) -> str:
    """w, b ← w − η∇L, with the numbers, and the loss before and after."""
    (w, b), (w2, b2), (gw, gb), eta = step.before, step.after, step.grad, tex(step.eta)
    return (
        r"\begin{aligned}"
        rf"w' &= {tex(w)} - {eta}\cdot{_factor(gw)} = {tex(w2)} \\ "
        rf"b' &= {tex(b)} - {eta}\cdot{_factor(gb)} = {tex(b2)}"
        r"\end{aligned}"
    )


def gradient_latex(step: GradientStep) -> str:
    gw, gb = step.grad
    return rf"\nabla_{{w,b}} L = ({tex(gw)},\ {tex(gb)})"


def step_notes(step: GradientStep) -> list[Note]:
    """Whether the step went downhill, overshot, or had nowhere to go."""
    gw, gb = step.grad
    if abs(gw) + abs(gb) < 1e-9:
        return [Note("info", "The gradient is (about) zero here: the step stays put.")]
    if step.loss_after > step.loss_before:
        return [
            Note(
                "warning",
                f"The loss went **up**: η = {text(step.eta)} overshot. Try a smaller η.",
            )
        ]
    return [Note("info", "Against the gradient, the loss went down.")]


def loss_latex(step: GradientStep) -> str:
    return rf"L: {tex(step.loss_before)} \;\to\; {tex(step.loss_after)}"


EXPLAIN = (
    "Press **▶ Play** (or **Forward**, **Backward** for one pass; drag the slider under the "
    "graph to go one step at a time). The **forward pass** computes each node from its "
    "inputs, in order: z, then a, then d, then L. The **backward pass** starts from "
    "∂L/∂L = 1 at the end and walks back: each node's gradient is the next node's gradient "
    "times the **local derivative** on the edge between them (written on the edge). That "
    "product, taken along the whole path, *is* the chain rule: ∂L/∂w = ∂L/∂a · ∂a/∂z · "
    "∂z/∂w. Each local derivative needs only numbers the forward pass already stored "
    "(σ′(z) = a(1 − a)), so one backward pass gives the gradient with respect to every "
    "input at once."
)

STEP_EXPLAIN = (
    "Gradient descent moves (w, b) a step of size η against the gradient. A small η always "
    "lowers the loss a little; a large one can overshoot the valley and raise it. Training a "
    "network is this step, repeated millions of times, with backprop supplying the gradient."
)

WHY = (
    "Backpropagation is exactly this, at scale: a network is a computational graph of "
    "millions of nodes; the forward pass stores every value, and one backward pass "
    "multiplies local derivatives from the loss back to every weight, costing about as much "
    "as the forward pass. PyTorch's `loss.backward()` and JAX's `grad` do reverse-mode "
    "autodiff over the graph they record, and checking gradients against central "
    "differences, as in the table, is how hand-written layers are tested."
)
WHY_SHORT = "Backprop = the chain rule, node by node: one backward pass gives every gradient."
