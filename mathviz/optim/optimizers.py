"""Optimisers as a registry, with the update rules of PyTorch's ``torch.optim``, and runs of
a path on a surface.

Each rule is written as PyTorch's documentation writes it (the pseudo-code of ``SGD``,
``Adagrad``, ``RMSprop``, ``Adam`` and ``AdamW``), with its hyper-parameters under PyTorch's
names (``lr``, ``momentum``, ``dampening``, ``nesterov``, ``weight_decay``, ``alpha``, ``eps``,
``centered``, ``betas``, ``amsgrad``, ``lr_decay``, ``initial_accumulator_value``), so a path
here is PyTorch's step for step in float64 (the tests run ``torch.optim`` beside it). Where
PyTorch differs from a textbook it is followed: Nesterov is ``g + μ·b`` on the new buffer, the
first momentum buffer is the gradient itself (no dampening), RMSprop and Adagrad add ε outside
the square root, AdamW decays the weights by ``lr·weight_decay`` before the Adam step.
Newton's method (not in ``torch.optim``) is the second-order reference: θ − lr·H⁻¹∇f.

:func:`path` is the one entry point that needs no page: surface name, optimiser name, start,
number of steps and hyper-parameters in, the positions out. :func:`run` returns the whole
record (loss, gradient norm, each step's arithmetic) and stops where a path blows up.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mathviz.optim import schedules
from mathviz.optim.surfaces import SURFACES, Surface

BLOW_UP = 1e8  # a coordinate or a loss beyond this counts as diverged
SINGULAR = 1e-12  # Newton stops where |det H| is this small relative to |H|²

State = dict[str, Any]
Record = dict[str, Any]


@dataclass(frozen=True)
class Optimizer:
    """One optimiser of the registry.

    Attributes
    ----------
    name : as the page lists it.
    torch : the ``torch.optim`` class it is (``None`` for Newton's method).
    defaults : its hyper-parameters under PyTorch's names with PyTorch's defaults (``lr``
        where PyTorch has none: a value that suits the surfaces here).
    fixed : hyper-parameters that make it this optimiser (``momentum`` > 0 and
        ``nesterov=True`` for Nesterov, say); a caller cannot change them.
    about : one sentence on what it does.
    update : ``update(theta, grad, state, t, lr, hyper, surface) -> (theta, record)``, step
        ``t`` (1, 2, ...), the state updated in place, the record the step's arithmetic.
    """

    name: str
    torch: str | None
    defaults: Mapping[str, Any]
    about: str
    update: Callable[..., tuple[np.ndarray, Record]] = field(repr=False, compare=False)
    fixed: Mapping[str, Any] = field(default_factory=dict)

    def hyper(self, **given: Any) -> dict[str, Any]:
        """Its hyper-parameters: the defaults, updated by ``given``; ``ValueError`` for a name
        it does not take, or for a fixed one set to another value (momentum for plain
        gradient descent: that is the Momentum entry)."""
        unknown = set(given) - set(self.defaults) - set(self.fixed)
        if unknown:
            raise ValueError(f"{self.name} takes no {', '.join(sorted(unknown))}")
        changed = sorted(k for k in given if k in self.fixed and given[k] != self.fixed[k])
        if changed:
            fixed = ", ".join(f"{k} = {self.fixed[k]}" for k in changed)
            raise ValueError(f"{self.name} has {fixed}")
        return {**self.defaults, **given, **self.fixed}


def _decayed(grad: np.ndarray, theta: np.ndarray, weight_decay: float) -> np.ndarray:
    return grad + weight_decay * theta if weight_decay else grad


def _sgd(theta, grad, state, t, lr, h, surface):
    """torch.optim.SGD: g ← g + λθ; b ← μb + (1 − τ)g (b = g at t = 1); g ← g + μb
    (Nesterov) or b; θ ← θ − γg."""
    g = _decayed(grad, theta, h["weight_decay"])
    record: Record = {"gradient": grad}
    mu = h["momentum"]
    if mu:
        b = g if t == 1 else mu * state["momentum_buffer"] + (1 - h["dampening"]) * g
        state["momentum_buffer"] = b
        record["momentum_buffer"] = b
        g = g + mu * b if h["nesterov"] else b
    step = lr * g
    record.update(lr=lr, update=-step)
    return theta - step, record


def _adagrad(theta, grad, state, t, lr, h, surface):
    """torch.optim.Adagrad: γ̃ = γ / (1 + (t − 1)η); g ← g + λθ; s ← s + g²;
    θ ← θ − γ̃ g / (√s + ε)."""
    clr = lr / (1 + (t - 1) * h["lr_decay"])
    g = _decayed(grad, theta, h["weight_decay"])
    if "sum" not in state:
        state["sum"] = np.full_like(theta, float(h["initial_accumulator_value"]))
    state["sum"] = state["sum"] + g * g
    step = clr * g / (np.sqrt(state["sum"]) + h["eps"])
    return theta - step, {"gradient": grad, "sum": state["sum"], "lr": clr, "update": -step}


def _rmsprop(theta, grad, state, t, lr, h, surface):
    """torch.optim.RMSprop: v ← αv + (1 − α)g²; (centred: ṽ = v − ḡ², ḡ ← αḡ + (1 − α)g);
    θ ← θ − γ g / (√ṽ + ε), or with momentum b ← μb + g / (√ṽ + ε), θ ← θ − γb."""
    g = _decayed(grad, theta, h["weight_decay"])
    alpha = h["alpha"]
    v = alpha * state.get("square_avg", 0.0) + (1 - alpha) * g * g
    state["square_avg"] = v
    record: Record = {"gradient": grad, "square_avg": v}
    avg = v
    if h["centered"]:
        mean = alpha * state.get("grad_avg", 0.0) + (1 - alpha) * g
        state["grad_avg"] = mean
        record["grad_avg"] = mean
        avg = v - mean * mean
    scaled = g / (np.sqrt(avg) + h["eps"])
    if h["momentum"] > 0:
        b = h["momentum"] * state.get("momentum_buffer", 0.0) + scaled
        state["momentum_buffer"] = b
        record["momentum_buffer"] = b
        step = lr * b
    else:
        step = lr * scaled
    record.update(lr=lr, update=-step)
    return theta - step, record


def _adam_step(g, state, t, lr, h) -> tuple[np.ndarray, Record]:
    """Adam's moments of ``g`` and its step γ m̂ / (√v̂ + ε) (the step is subtracted)."""
    beta1, beta2 = h["betas"]
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * g * g
    state["exp_avg"], state["exp_avg_sq"] = m, v
    if h["amsgrad"]:  # PyTorch keeps the largest raw v, then corrects it
        v = np.maximum(state.get("max_exp_avg_sq", v), v)
        state["max_exp_avg_sq"] = v
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    record = {"exp_avg": m, "exp_avg_sq": state["exp_avg_sq"], "m_hat": m_hat, "v_hat": v_hat}
    return lr * m_hat / (np.sqrt(v_hat) + h["eps"]), record


def _adam(theta, grad, state, t, lr, h, surface):
    """torch.optim.Adam: g ← g + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
    m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); θ ← θ − γ m̂ / (√v̂ + ε)."""
    step, moments = _adam_step(_decayed(grad, theta, h["weight_decay"]), state, t, lr, h)
    return theta - step, {"gradient": grad, **moments, "lr": lr, "update": -step}


def _adamw(theta, grad, state, t, lr, h, surface):
    """torch.optim.AdamW: θ ← θ − γλθ first (decoupled weight decay), then Adam's step with
    the plain gradient."""
    decayed = theta - lr * h["weight_decay"] * theta
    step, moments = _adam_step(grad, state, t, lr, h)
    new = decayed - step
    return new, {"gradient": grad, **moments, "lr": lr, "update": new - theta}


def _newton(theta, grad, state, t, lr, h, surface: Surface):
    """Newton's method: θ ← θ − γ H⁻¹∇f (γ = 1 is the full step). Where H is singular the
    step is undefined: the update is NaN and the run stops there."""
    hessian = np.asarray(surface.hessian(theta[0], theta[1]), dtype=float)
    det = float(np.linalg.det(hessian)) if np.all(np.isfinite(hessian)) else math.nan
    scale = float(np.sum(hessian * hessian))
    if not math.isfinite(det) or abs(det) <= SINGULAR * max(scale, SINGULAR):
        step = np.full(2, math.nan)
    else:
        step = lr * np.linalg.solve(hessian, grad)
    return theta - step, {"gradient": grad, "hessian": hessian, "lr": lr, "update": -step}


_SGD_DEFAULTS = {"lr": 0.01, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0}
_ADAM_DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}

OPTIMIZERS: dict[str, Optimizer] = {
    o.name: o
    for o in (
        Optimizer(
            "Gradient descent", "SGD", {"lr": 0.01, "weight_decay": 0.0},
            "A step down the gradient, of size lr × |∇f|.", _sgd,
            fixed={"momentum": 0.0, "dampening": 0.0, "nesterov": False},
        ),
        Optimizer(
            "Momentum", "SGD", {**_SGD_DEFAULTS, "momentum": 0.9},
            "A heavy ball: each step adds the gradient to a decaying sum of the last ones.",
            _sgd, fixed={"nesterov": False},
        ),
        Optimizer(
            "Nesterov", "SGD", {"lr": 0.01, "momentum": 0.9, "weight_decay": 0.0},
            "Momentum that looks ahead: the step uses the gradient plus μ times the new "
            "buffer.", _sgd, fixed={"nesterov": True, "dampening": 0.0},
        ),
        Optimizer(
            "AdaGrad", "Adagrad",
            {"lr": 0.01, "lr_decay": 0.0, "weight_decay": 0.0,
             "initial_accumulator_value": 0.0, "eps": 1e-10},
            "Each coordinate's step divided by the root of all its squared gradients so far.",
            _adagrad,
        ),
        Optimizer(
            "RMSProp", "RMSprop",
            {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0,
             "centered": False},
            "AdaGrad with a memory that fades: a running mean of squared gradients.", _rmsprop,
        ),
        Optimizer(
            "Adam", "Adam", {**_ADAM_DEFAULTS, "weight_decay": 0.0},
            "Momentum divided by RMSProp's scale, both corrected for starting at zero.", _adam,
        ),
        Optimizer(
            "AdamW", "AdamW", {**_ADAM_DEFAULTS, "weight_decay": 1e-2},
            "Adam with the weight decay taken out of the gradient and applied to θ directly.",
            _adamw,
        ),
        Optimizer(
            "Newton", None, {"lr": 1.0},
            "The second-order reference: jump to the bottom of the local quadratic, "
            "θ − H⁻¹∇f (to a saddle or a maximum too, if that is what is near).", _newton,
        ),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Path:
    """A run of one optimiser on one surface.

    Attributes
    ----------
    positions : ``(k + 1, 2)``: the start, then θ after each of the k steps taken.
    losses, grad_norms : f and |∇f| at each position (``k + 1``).
    records : each step's arithmetic (``gradient``, ``update``, ``lr`` and the optimiser's
        state such as ``exp_avg``, ``m_hat``), as arrays with one row per step (``k``).
    diverged_at : the step whose result blew up (overflow, NaN, beyond ±1e8, a singular
        Hessian), which is not in ``positions``; None if every step was finite.
    """

    positions: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    records: dict[str, np.ndarray]
    diverged_at: int | None = None

    @property
    def steps(self) -> int:
        return len(self.positions) - 1


def finite_point(theta: np.ndarray, loss: float) -> bool:
    """Whether a step's result is a usable point (NaN fails every comparison)."""
    x, y = float(theta[0]), float(theta[1])
    return abs(x) <= BLOW_UP and abs(y) <= BLOW_UP and abs(loss) <= BLOW_UP


def run(
    surface: Surface,
    optimizer: Optimizer,
    start: tuple[float, float],
    steps: int,
    schedule: schedules.Schedule | None = None,
    **hyper: Any,
) -> Path:
    """Run ``optimizer`` on ``surface`` from ``start`` for ``steps`` steps.

    ``hyper`` are its hyper-parameters under PyTorch's names (the rest take the registry's
    defaults); ``schedule`` sets the learning rate of each step from ``lr`` (constant if
    None). The run stops at the first step whose result is not finite or leaves ±1e8: that
    step is ``diverged_at`` and the path holds what came before it.
    """
    h = optimizer.hyper(**hyper)
    rates = schedules.rates(schedule or schedules.CONSTANT, float(h["lr"]), steps)
    theta = np.array(start, dtype=float)
    state: State = {}
    positions, losses, norms, records = [theta], [], [], []
    diverged = None
    with np.errstate(all="ignore"):
        grad = np.asarray(surface.grad(theta[0], theta[1]), dtype=float)
        losses.append(float(surface.value(theta[0], theta[1])))
        norms.append(math.hypot(grad[0], grad[1]))
        for t in range(1, steps + 1):
            new, record = optimizer.update(theta, grad, state, t, rates[t - 1], h, surface)
            loss = float(surface.value(new[0], new[1]))
            if not finite_point(new, loss):
                diverged = t
                break
            if not state and np.array_equal(new, theta) and np.ptp(rates[t - 1 :]) == 0:
                # A stateless step that did not move (∇f = 0 exactly, or Newton at the
                # bottom) repeats itself at the same rate: the rest of the path is this point.
                rest = steps - t + 1
                positions += [theta] * rest
                losses += [losses[-1]] * rest
                norms += [norms[-1]] * rest
                records += [record] * rest
                break
            theta = new
            grad = np.asarray(surface.grad(theta[0], theta[1]), dtype=float)
            positions.append(theta)
            losses.append(loss)
            norms.append(math.hypot(grad[0], grad[1]))
            records.append(record)
    stacked = {key: np.array([r[key] for r in records]) for key in (records[0] if records else {})}
    return Path(np.array(positions), np.array(losses), np.array(norms), stacked, diverged)


def path(
    surface: str,
    optimizer: str,
    start: tuple[float, float],
    steps: int,
    schedule: schedules.Schedule | None = None,
    **hyper: Any,
) -> np.ndarray:
    """The positions of a run, with no page: ``path("Rosenbrock", "Adam", (-1.5, 2), 1000,
    lr=0.05, betas=(0.9, 0.999))`` is the ``(steps + 1, 2)`` array of θ₀, θ₁, ...

    Hyper-parameters go under PyTorch's names. A run that blows up is shorter: see
    :func:`run` for where it stopped and why.
    """
    return run(SURFACES[surface], OPTIMIZERS[optimizer], start, steps, schedule, **hyper).positions
