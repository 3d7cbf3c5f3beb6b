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


# ---- The rules, one coordinate at a time --------------------------------------------------------
# Every rule of torch.optim here acts on each coordinate alone, so each is written for one
# coordinate in Python floats, ``rule(g, p, state, t, lr, h) -> (new p, update, record)``:
# numpy's overhead on a 2-vector cost 5x the arithmetic. Floats and numpy float64 round alike,
# so a path is the same to the last bit as one computed on arrays. The same rules take float64
# arrays too (every coordinate at once, for the neural network's hundreds of weights): the
# three helpers below are the only places where a float and an array need different calls.


def _sqrt(x):
    return math.sqrt(x) if isinstance(x, float) else np.sqrt(x)


def _sqrt_or_nan(x):
    """√x, NaN where x < 0 (centred RMSprop's variance can dip below 0 by rounding)."""
    if isinstance(x, float):
        return math.sqrt(x) if x >= 0 else math.nan
    return np.sqrt(np.where(x >= 0, x, np.nan))


def _larger(a, b):
    return max(a, b) if isinstance(a, float) and isinstance(b, float) else np.maximum(a, b)


def _decayed(g: float, p: float, weight_decay: float) -> float:
    return g + weight_decay * p if weight_decay else g


def _sgd(g, p, state, t, lr, h):
    """torch.optim.SGD: g ← g + λθ; b ← μb + (1 − τ)g (b = g at t = 1); g ← g + μb
    (Nesterov) or b; θ ← θ − γg."""
    g = _decayed(g, p, h["weight_decay"])
    record = {}
    mu = h["momentum"]
    if mu:
        b = g if t == 1 else mu * state["momentum_buffer"] + (1 - h["dampening"]) * g
        state["momentum_buffer"] = record["momentum_buffer"] = b
        g = g + mu * b if h["nesterov"] else b
    step = lr * g
    return p - step, -step, record


def _adagrad(g, p, state, t, lr, h):
    """torch.optim.Adagrad: γ̃ = γ / (1 + (t − 1)η); g ← g + λθ; s ← s + g²;
    θ ← θ − γ̃ g / (√s + ε)."""
    clr = lr / (1 + (t - 1) * h["lr_decay"])
    g = _decayed(g, p, h["weight_decay"])
    total = state.get("sum", float(h["initial_accumulator_value"])) + g * g
    state["sum"] = total
    step = clr * g / (_sqrt(total) + h["eps"])
    return p - step, -step, {"sum": total, "lr": clr}


def _rmsprop(g, p, state, t, lr, h):
    """torch.optim.RMSprop: v ← αv + (1 − α)g²; (centred: ṽ = v − ḡ², ḡ ← αḡ + (1 − α)g);
    θ ← θ − γ g / (√ṽ + ε), or with momentum b ← μb + g / (√ṽ + ε), θ ← θ − γb."""
    g = _decayed(g, p, h["weight_decay"])
    alpha = h["alpha"]
    v = alpha * state.get("square_avg", 0.0) + (1 - alpha) * g * g
    state["square_avg"] = v
    record = {"square_avg": v}
    avg = v
    if h["centered"]:
        mean = alpha * state.get("grad_avg", 0.0) + (1 - alpha) * g
        state["grad_avg"] = record["grad_avg"] = mean
        avg = v - mean * mean
    scaled = g / (_sqrt_or_nan(avg) + h["eps"])
    if h["momentum"] > 0:
        b = h["momentum"] * state.get("momentum_buffer", 0.0) + scaled
        state["momentum_buffer"] = record["momentum_buffer"] = b
        step = lr * b
    else:
        step = lr * scaled
    return p - step, -step, record


def _adam_step(g, state, t, lr, h) -> tuple[float, dict]:
    """Adam's moments of ``g`` and its step γ m̂ / (√v̂ + ε) (the step is subtracted)."""
    beta1, beta2 = h["betas"]
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * g * g
    state["exp_avg"], state["exp_avg_sq"] = m, v
    if h["amsgrad"]:  # PyTorch keeps the largest raw v, then corrects it
        v = _larger(state.get("max_exp_avg_sq", v), v)
        state["max_exp_avg_sq"] = v
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    record = {"exp_avg": m, "exp_avg_sq": state["exp_avg_sq"], "m_hat": m_hat, "v_hat": v_hat}
    return lr * m_hat / (_sqrt(v_hat) + h["eps"]), record


def _adam(g, p, state, t, lr, h):
    """torch.optim.Adam: g ← g + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
    m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); θ ← θ − γ m̂ / (√v̂ + ε)."""
    step, moments = _adam_step(_decayed(g, p, h["weight_decay"]), state, t, lr, h)
    return p - step, -step, moments


def _adamw(g, p, state, t, lr, h):
    """torch.optim.AdamW: θ ← θ − γλθ first (decoupled weight decay), then Adam's step with
    the plain gradient."""
    decayed = p - lr * h["weight_decay"] * p
    step, moments = _adam_step(g, state, t, lr, h)
    new = decayed - step
    return new, new - p, moments


def _finite_float(value: float) -> bool:
    return abs(value) <= BLOW_UP  # NaN fails it too


def per_coordinate(rule: Callable) -> Callable[..., tuple[np.ndarray, Record]]:
    """A coordinate rule as an update of a whole θ (``update(theta, grad, state, t, lr, hyper,
    surface) -> (theta, record)``, the state one dict per coordinate), for callers with
    arrays of any length (the stochastic-gradient page's (w, b))."""

    def update(theta, grad, state, t, lr, h, surface=None):
        coordinates = state.setdefault("coordinates", [{} for _ in range(len(theta))])
        results = [rule(float(g), float(p), s, t, lr, h)
                   for g, p, s in zip(grad, theta, coordinates, strict=True)]  # fmt: skip
        record: Record = {"gradient": np.asarray(grad, dtype=float), "lr": lr}
        for key in results[0][2]:
            record[key] = np.array([r[2][key] for r in results])
        record["update"] = np.array([r[1] for r in results])
        return np.array([r[0] for r in results]), record

    update.rule = rule
    return update


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
            "A step down the gradient, of size lr × |∇f|.", per_coordinate(_sgd),
            fixed={"momentum": 0.0, "dampening": 0.0, "nesterov": False},
        ),
        Optimizer(
            "Momentum", "SGD", {**_SGD_DEFAULTS, "momentum": 0.9},
            "A heavy ball: each step adds the gradient to a decaying sum of the last ones.",
            per_coordinate(_sgd), fixed={"nesterov": False},
        ),
        Optimizer(
            "Nesterov", "SGD", {"lr": 0.01, "momentum": 0.9, "weight_decay": 0.0},
            "Momentum that looks ahead: the step uses the gradient plus μ times the new "
            "buffer.", per_coordinate(_sgd), fixed={"nesterov": True, "dampening": 0.0},
        ),
        Optimizer(
            "AdaGrad", "Adagrad",
            {"lr": 0.01, "lr_decay": 0.0, "weight_decay": 0.0,
             "initial_accumulator_value": 0.0, "eps": 1e-10},
            "Each coordinate's step divided by the root of all its squared gradients so far.",
            per_coordinate(_adagrad),
        ),
        Optimizer(
            "RMSProp", "RMSprop",
            {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0,
             "centered": False},
            "AdaGrad with a memory that fades: a running mean of squared gradients.",
            per_coordinate(_rmsprop),
        ),
        Optimizer(
            "Adam", "Adam", {**_ADAM_DEFAULTS, "weight_decay": 0.0},
            "Momentum divided by RMSProp's scale, both corrected for starting at zero.",
            per_coordinate(_adam),
        ),
        Optimizer(
            "AdamW", "AdamW", {**_ADAM_DEFAULTS, "weight_decay": 1e-2},
            "Adam with the weight decay taken out of the gradient and applied to θ directly.",
            per_coordinate(_adamw),
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
    rule = getattr(optimizer.update, "rule", None)
    if rule is not None:
        with np.errstate(all="ignore"):
            return _run_coordinates(surface, rule, start, steps, rates, h)
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


_ARITHMETIC = (ZeroDivisionError, OverflowError, ValueError)  # what floats raise, not NaN


def _run_coordinates(surface, rule, start, steps, rates, h) -> Path:
    """:func:`run` for a coordinate rule, in Python floats (see the rules above)."""
    x, y = float(start[0]), float(start[1])
    states: tuple[dict, dict] = ({}, {})
    g = surface.grad(x, y)
    gx, gy = float(g[0]), float(g[1])
    xs, ys, losses = [x], [y], [float(surface.value(x, y))]
    norms = [math.hypot(gx, gy)]
    rows: dict[str, list] = {"gradient": [], "lr": [], "update": []}
    diverged = None
    rate_list = [float(r) for r in rates]
    for t in range(1, steps + 1):
        lr = rate_list[t - 1]
        try:
            nx, ux, rx = rule(gx, x, states[0], t, lr, h)
            ny, uy, ry = rule(gy, y, states[1], t, lr, h)
            loss = float(surface.value(nx, ny))
        except _ARITHMETIC:
            diverged = t
            break
        if not (_finite_float(nx) and _finite_float(ny) and _finite_float(loss)):
            diverged = t
            break
        rows["gradient"].append((gx, gy))
        rows["update"].append((ux, uy))
        rows["lr"].append(rx.get("lr", lr))
        for key, value in rx.items():
            if key != "lr":
                rows.setdefault(key, []).append((value, ry[key]))
        if (
            nx == x
            and ny == y
            and not states[0]
            and not states[1]
            and min(rate_list[t - 1 :]) == max(rate_list[t - 1 :])
        ):
            # A stateless step that did not move (∇f = 0 exactly) repeats itself at the same
            # rate: the rest of the path is this point.
            rest = steps - t
            xs += [x] * rest
            ys += [y] * rest
            losses += [losses[-1]] * rest
            norms += [norms[-1]] * rest
            for values in rows.values():
                values += [values[-1]] * rest
            xs.append(x), ys.append(y), losses.append(losses[-1]), norms.append(norms[-1])
            break
        x, y = nx, ny
        g = surface.grad(x, y)
        gx, gy = float(g[0]), float(g[1])
        xs.append(x)
        ys.append(y)
        losses.append(loss)
        norms.append(math.hypot(gx, gy))
    records = (
        {key: np.array(values, dtype=float) for key, values in rows.items()} if rows["lr"] else {}
    )
    positions = np.column_stack([xs, ys]) if xs else np.zeros((0, 2))
    return Path(positions, np.array(losses), np.array(norms), records, diverged)


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
