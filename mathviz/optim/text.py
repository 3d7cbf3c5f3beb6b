"""The words and formulas of /gradient-descent: each optimiser's update rule as PyTorch
writes it, with the current numbers, the step-by-step table, and notes on how each path did.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import latex_matrix, tex
from mathviz.core.numbers import text as fmt
from mathviz.optim import race, rates
from mathviz.optim.optimizers import OPTIMIZERS, Path
from mathviz.optim.surfaces import Surface

# The rules with symbols, in PyTorch's notation (g the gradient at θ_{t−1}, γ the rate).
RULES: dict[str, list[str]] = {
    "Gradient descent": [r"\theta_t = \theta_{t-1} - \gamma\, g_t"],
    "Momentum": [r"b_t = \mu\, b_{t-1} + g_t \quad (b_1 = g_1)",
                 r"\theta_t = \theta_{t-1} - \gamma\, b_t"],
    "Nesterov": [r"b_t = \mu\, b_{t-1} + g_t \quad (b_1 = g_1)",
                 r"\theta_t = \theta_{t-1} - \gamma\,(g_t + \mu\, b_t)"],
    "AdaGrad": [r"s_t = s_{t-1} + g_t^2",
                r"\theta_t = \theta_{t-1} - \gamma\, \dfrac{g_t}{\sqrt{s_t} + \varepsilon}"],
    "RMSProp": [r"v_t = \alpha\, v_{t-1} + (1 - \alpha)\, g_t^2",
                r"\theta_t = \theta_{t-1} - \gamma\, \dfrac{g_t}{\sqrt{v_t} + \varepsilon}"],
    "Adam": [r"m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t",
             r"v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2",
             r"\hat m_t = \dfrac{m_t}{1 - \beta_1^t},\quad \hat v_t = \dfrac{v_t}{1 - \beta_2^t}",
             r"\theta_t = \theta_{t-1} - \gamma\, \dfrac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}"],
    "AdamW": [r"\theta \leftarrow \theta_{t-1} - \gamma \lambda\, \theta_{t-1}"
              r"\quad\text{(decay first, not in } g)",
              r"m_t, v_t, \hat m_t, \hat v_t \text{ as Adam}",
              r"\theta_t = \theta - \gamma\, \dfrac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}"],
    "Newton": [r"\theta_t = \theta_{t-1} - \gamma\, H(\theta_{t-1})^{-1} g_t"],
}  # fmt: skip
RMSPROP_MOMENTUM = [
    r"v_t = \alpha\, v_{t-1} + (1 - \alpha)\, g_t^2",
    r"b_t = \mu\, b_{t-1} + \dfrac{g_t}{\sqrt{v_t} + \varepsilon},\quad "
    r"\theta_t = \theta_{t-1} - \gamma\, b_t",
]
COUPLED_DECAY = r"g_t = \nabla f(\theta_{t-1}) + \lambda\,\theta_{t-1}"
PLAIN_GRADIENT = r"g_t = \nabla f(\theta_{t-1})"


def rule_latex(name: str, hyper: Mapping[str, Any]) -> list[str]:
    """The update rule of ``name`` as PyTorch writes it, then its hyper-parameters' values."""
    decay = float(hyper.get("weight_decay", 0.0) or 0.0)
    lines = [COUPLED_DECAY if decay and name != "AdamW" else PLAIN_GRADIENT]
    if name == "RMSProp" and hyper.get("momentum", 0.0):
        lines += RMSPROP_MOMENTUM
    else:
        lines += RULES[name]
    values = _values(name, hyper)
    lines += [",\\quad ".join(values[i : i + 3]) for i in range(0, len(values), 3)]
    return lines


def _values(name: str, hyper: Mapping[str, Any]) -> list[str]:
    shown = [rf"\gamma = {tex(float(hyper['lr']), 3)}"]
    if name in ("Momentum", "Nesterov") or (name == "RMSProp" and hyper.get("momentum")):
        shown.append(rf"\mu = {tex(float(hyper['momentum']), 3)}")
    if name == "RMSProp":
        shown.append(rf"\alpha = {tex(float(hyper['alpha']), 4)}")
    if name in ("Adam", "AdamW"):
        beta1, beta2 = hyper["betas"]
        shown += [rf"\beta_1 = {tex(float(beta1), 4)}", rf"\beta_2 = {tex(float(beta2), 5)}"]
    if "eps" in hyper:
        shown.append(rf"\varepsilon = {tex(float(hyper['eps']), 2)}")
    if hyper.get("weight_decay"):
        shown.append(rf"\lambda = {tex(float(hyper['weight_decay']), 3)}")
    return shown


def full_hyper(name: str, tuned: Mapping[str, Any]) -> dict[str, Any]:
    """All of ``name``'s hyper-parameters (registry defaults, then ``tuned``)."""
    return OPTIMIZERS[name].hyper(**{k: v for k, v in tuned.items() if k in race.TUNABLE[name]})


def path_note(surface: Surface, name: str, path: Path) -> Note:
    """How one optimiser's path went, in one sentence."""
    if not math.isfinite(float(path.losses[0])):
        x, y = path.positions[0]
        return Note("warning", f"f is not defined at the start ({fmt(x)}, {fmt(y)}), so "
                               f"**{name}** cannot take a step: start somewhere else.")  # fmt: skip
    if path.diverged_at is not None:
        return Note(
            "warning",
            f"**{name}** diverged at step {path.diverged_at}: that step left the picture "
            f"(beyond ±10⁸, or not a number). Its path stops at step {path.steps}; "
            "a smaller learning rate keeps it on the surface.",
        )
    gap = race.loss_gap(surface, path)
    dist = race.distance_to_minimum(surface, path)
    if gap is None:
        return Note(
            "info",
            f"**{name}**: f = {fmt(float(path.losses[-1]), 4)} after "
            f"{path.steps} steps, |∇f| = {fmt(float(path.grad_norms[-1]), 3)}.",
        )
    reached = _first_below(dist, 1e-3)
    where = (f"within 10⁻³ of a minimum from step {reached}" if reached is not None
             else f"{fmt(float(dist[-1]), 3)} from the nearest minimum")  # fmt: skip
    return Note("info", f"**{name}**: f − f* = {fmt(float(gap[-1]), 3)} after {path.steps} "
                        f"steps, {where}.")  # fmt: skip


def _first_below(values: np.ndarray | None, level: float) -> int | None:
    if values is None:
        return None
    below = np.flatnonzero(values < level)
    return int(below[0]) if below.size else None


def race_notes(surface: Surface, paths: Mapping[str, Path]) -> list[Note]:
    return [path_note(surface, name, path) for name, path in paths.items()]


# ---- One step, by hand ------------------------------------------------------------------------

# The record's entries in the order the arithmetic uses them: (key, symbol).
STEP_ROWS = (
    ("gradient", "gₜ = ∇f(θₜ₋₁)"),
    ("momentum_buffer", "bₜ (momentum buffer)"),
    ("sum", "sₜ (sum of g²)"),
    ("square_avg", "vₜ (running mean of g²)"),
    ("grad_avg", "running mean of g"),
    ("exp_avg", "mₜ (first moment)"),
    ("exp_avg_sq", "vₜ (second moment)"),
    ("m_hat", "m̂ₜ = mₜ / (1 − β₁ᵗ)"),
    ("v_hat", "v̂ₜ = vₜ / (1 − β₂ᵗ)"),
    ("update", "θₜ − θₜ₋₁ (the step)"),
)


def step_index(path: Path, step: int) -> int | None:
    """The record row of step ``step`` (1-based), or None if the path has no step there."""
    if step < 1 or step > path.steps:
        return None
    return step - 1


def step_table(path: Path, step: int) -> str:
    """The arithmetic of step ``step`` as a Markdown table: θ before, each quantity, θ after."""
    row = step_index(path, step)
    if row is None:
        return ""
    before, after = path.positions[row], path.positions[row + 1]
    lines = ["| quantity | x | y |", "|---|---:|---:|",
             f"| θₜ₋₁ (before) | {fmt(before[0], 6)} | {fmt(before[1], 6)} |"]  # fmt: skip
    for key, symbol in STEP_ROWS:
        if key in path.records:
            value = np.asarray(path.records[key][row], dtype=float)
            lines.append(f"| {symbol} | {fmt(value[0], 6)} | {fmt(value[1], 6)} |")
    lines.append(f"| θₜ (after) | {fmt(after[0], 6)} | {fmt(after[1], 6)} |")
    return "\n".join(lines)


def step_latex(name: str, path: Path, step: int, hyper: Mapping[str, Any]) -> list[str]:
    """The step's last line with its numbers: θ_t = θ_{t−1} + update, and the rate used."""
    row = step_index(path, step)
    if row is None:
        return []
    before, after = path.positions[row], path.positions[row + 1]
    update = after - before
    lr = float(path.records["lr"][row])
    lines = [
        rf"t = {step},\quad \gamma_t = {tex(lr, 4)},\quad \theta_{{t-1}} = {_vec(before)}",
        rf"\theta_t = \theta_{{t-1}} + {_vec(update)} = {_vec(after)}",
    ]
    if name == "Newton" and "hessian" in path.records:
        lines.insert(1, rf"H(\theta_{{t-1}}) = {latex_matrix(path.records['hessian'][row], 4)}")
    return lines


def _vec(v: np.ndarray) -> str:
    return rf"\begin{{pmatrix}} {tex(float(v[0]), 4)} \\ {tex(float(v[1]), 4)} \end{{pmatrix}}"


def step_notes(name: str, path: Path, step: int) -> list[Note]:
    """What this step shows, and where the path ended if the step is past it."""
    notes = []
    if path.steps == 0:
        notes.append(Note("warning", f"**{name}** took no step: the first one already blew up."))
    elif step > path.steps:
        notes.append(Note("warning", f"The path has {path.steps} steps; showing step "
                                     f"{path.steps}."))  # fmt: skip
    row = step_index(path, min(step, path.steps))
    if row is not None and name in ("Adam", "AdamW"):
        m, m_hat = path.records["exp_avg"][row], path.records["m_hat"][row]
        t = row + 1
        with np.errstate(all="ignore"):
            factor = float(np.linalg.norm(m_hat) / np.linalg.norm(m)) if np.any(m) else 1.0
        if math.isfinite(factor):
            notes.append(Note("info", f"At step {t} the bias correction multiplies m by "
                                      f"{fmt(factor, 3)}: m starts at 0, so early on it is "
                                      "too small, and m̂ undoes that."))  # fmt: skip
    return notes


WHY = (
    "Training a model is running one of these optimisers on its loss: the same update rules, "
    "with θ holding millions of weights instead of two coordinates. What you see here is what "
    "happens there: a rate too large diverges (the loss blows up and training stops), a valley "
    "curved more one way than the other makes plain gradient descent zig-zag, momentum carries "
    "steps "
    "through it, and Adam rescales each coordinate so that one rate suits them all. PyTorch's "
    "`torch.optim.SGD`, `Adam` and `AdamW` take exactly these steps (the tests check that)."
)
WHY_SHORT = "Training is an optimiser walking down the loss: these are the steps PyTorch takes."


# ---- Stochastic gradients ---------------------------------------------------------------------

STOCHASTIC_RULES = (
    r"\hat g_t = \frac{1}{|B_t|} \sum_{i \in B_t} \nabla \ell_i(\theta_{t-1}),\qquad "
    r"\mathbb{E}\,\hat g_t = \nabla L",
    r"\operatorname{tr}\operatorname{Cov}\hat g_t = \frac{n - b}{b\,(n - 1)}\,"
    r"\operatorname{tr}\Sigma",
)


def stochastic_notes(run, noise, max_stable_lr: float) -> list[Note]:
    """What the two runs and the gradient's noise show (``noise`` at the start point)."""
    notes = []
    for label, path in (("SGD", run.minibatch), ("Full-batch GD", run.full_batch)):
        if path.diverged_at is not None:
            why = (
                f"lr = {fmt(run.lr, 3)} is above 2/λmax = {fmt(max_stable_lr, 3)}, the "
                "largest stable rate for this data"
                if run.lr > max_stable_lr
                else "the noise of its mini-batches threw it out"
            )
            notes.append(Note("warning", f"**{label}** diverged at step {path.diverged_at}: "
                                         f"{why}."))  # fmt: skip
    if noise.batch_size >= noise.n:
        notes.append(Note("info", "A batch of all n points is the full gradient: the two "
                                  "paths are one."))  # fmt: skip
    else:
        notes.append(
            Note(
                "info",
                f"At the start, a batch of {noise.batch_size} gives a gradient "
                f"whose variance is {fmt(noise.variance, 3)} (measured over "
                f"{noise.samples} batches: {fmt(noise.empirical_variance, 3)}),"
                f" {fmt(noise.reduction, 3)} times less than one point's.",
            )
        )
    ends = []
    for label, path in (("SGD", run.minibatch), ("GD", run.full_batch)):
        gap = float(np.linalg.norm(path.positions[-1] - run.minimum))
        ends.append(f"{label} ends {fmt(gap, 3)} from (w*, b*)")
    notes.append(Note("info", "; ".join(ends) + f" after {run.steps} steps "
                              f"({fmt(run.epochs(run.steps), 3)} epochs of SGD). With a fixed "
                              "rate SGD does not settle: it keeps jittering around the bottom, "
                              "by more when batches are small."))  # fmt: skip
    return notes


# ---- Theory on the bowl -------------------------------------------------------------------------


def theory_latex(theory, hessian: np.ndarray) -> list[str]:
    """The bowl's Hessian, its eigenvalues, and the steps and rates theory gives (short lines:
    they sit in a narrow column when presenting)."""
    low, high = theory.eigenvalues
    return [
        rf"H = {latex_matrix(hessian, 3)}",
        rf"\lambda_{{\min}} = {tex(low, 3)},\quad \lambda_{{\max}} = {tex(high, 3)},\quad "
        rf"\kappa = {tex(theory.condition, 3)}",
        rf"\text{{GD stable for }} \gamma < \frac{{2}}{{\lambda_{{\max}}}} = "
        rf"{tex(theory.max_stable_lr, 3)}",
        rf"\gamma^* = \frac{{2}}{{\lambda_{{\min}} + \lambda_{{\max}}}} = "
        rf"{tex(theory.best_lr, 3)},\quad \frac{{\kappa - 1}}{{\kappa + 1}} = "
        rf"{tex(theory.best_rate, 3)}",
        rf"\gamma_{{\mathrm{{hb}}}} = \Big(\frac{{2}}{{\sqrt{{\lambda_{{\max}}}} + "
        rf"\sqrt{{\lambda_{{\min}}}}}}\Big)^2 = {tex(theory.momentum_lr, 3)}",
        rf"\beta_{{\mathrm{{hb}}}} = \Big(\frac{{\sqrt\kappa - 1}}{{\sqrt\kappa + 1}}\Big)^2 = "
        rf"{tex(theory.momentum_beta, 3)}",
        rf"\text{{rate}} = \frac{{\sqrt\kappa - 1}}{{\sqrt\kappa + 1}} = "
        rf"{tex(theory.momentum_rate, 3)}",
    ]


def _rate_words(rate: float | None) -> str:
    if rate is None or not math.isfinite(rate):
        return "cannot be read off (the path is at the bottom, or left the picture)"
    return fmt(rate, 4)


def theory_notes(
    theory, lr: float, beta: float, paths, predicted: dict, measured: dict
) -> list[Note]:
    """Theory's rate at the chosen step beside the rate each path shows, and what follows."""
    notes = []
    for name, label in (
        ("Gradient descent", "Gradient descent"),
        ("Momentum", f"Momentum (β = {fmt(beta)})"),
    ):
        rate = float(predicted[name])
        path = paths[name]
        if path.diverged_at is not None or rate >= 1:
            where = f"; it diverged at step {path.diverged_at}" if path.diverged_at else ""
            notes.append(
                Note(
                    "warning",
                    f"**{label}** at γ = {fmt(lr, 3)}: theory's rate is "
                    f"{fmt(rate, 4)} ≥ 1, so the error grows{where}.",
                )
            )
            continue
        steps = rates.steps_to_tolerance(rate)
        notes.append(
            Note(
                "info",
                f"**{label}** at γ = {fmt(lr, 3)}: theory's rate "
                f"{fmt(rate, 4)} per step, measured on the path "
                f"{_rate_words(measured[name])}; the error falls a million-fold"
                f" in {steps} steps.",
            )
        )
    if math.isclose(lr, theory.momentum_lr) and math.isclose(beta, theory.momentum_beta):
        notes.append(
            Note(
                "info",
                "At the heavy ball's best (γ, β) the two roots of its "
                "iteration coincide: the error falls like k·rᵏ, not rᵏ, so "
                "a fit over a few hundred steps reads a little above r.",
            )
        )
    if lr >= theory.max_stable_lr:
        notes.append(
            Note(
                "warning",
                f"γ = {fmt(lr, 3)} is past 2/λmax = "
                f"{fmt(theory.max_stable_lr, 3)}: plain gradient descent "
                "overshoots along the steep direction further each step. "
                "Momentum stays stable up to 2(1 + β)/λmax.",
            )
        )
    return notes
