"""Learning-rate schedules: constant, step, exponential and cosine, each with a linear warm-up.

The closed forms of PyTorch's schedulers (``torch.optim.lr_scheduler``), step by step:

- constant: γ
- step (``StepLR``): γ · gamma^⌊t / step_size⌋
- exponential (``ExponentialLR``): γ · gamma^t
- cosine (``CosineAnnealingLR``): η_min + (γ − η_min)(1 + cos(π t / T_max)) / 2, for t ≤ T_max
  (then it stays at η_min: the page's runs never restart)

where t = 0, 1, ... counts the optimiser steps already taken (the first step uses t = 0). A
warm-up of w steps (``LinearLR`` from ``start_factor`` to 1, then the schedule from its own
t = 0, as ``SequentialLR`` chains them) multiplies the first w rates by
start_factor + (1 − start_factor)·t / w.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KINDS = ("constant", "step", "exponential", "cosine")


@dataclass(frozen=True)
class Schedule:
    """A learning-rate schedule (the base rate is the optimiser's ``lr``).

    Attributes
    ----------
    kind : one of :data:`KINDS`.
    gamma : the factor of ``step`` (per ``step_size`` steps) and of ``exponential`` (per step).
    step_size : steps between two cuts of ``step``.
    t_max : the cosine's half period, in steps.
    eta_min : the cosine's floor.
    warmup : steps of linear warm-up (0 for none), from ``start_factor`` × lr.
    """

    kind: str = "constant"
    gamma: float = 0.5
    step_size: int = 100
    t_max: int = 1000
    eta_min: float = 0.0
    warmup: int = 0
    start_factor: float = 0.1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown schedule {self.kind!r}: one of {', '.join(KINDS)}")
        if self.step_size < 1 or self.t_max < 1 or self.warmup < 0:
            raise ValueError("step_size and t_max are at least 1, warmup at least 0")


CONSTANT = Schedule()


def _main(schedule: Schedule, lr: float, t: np.ndarray) -> np.ndarray:
    if schedule.kind == "step":
        return lr * schedule.gamma ** np.floor_divide(t, schedule.step_size)
    if schedule.kind == "exponential":
        return lr * schedule.gamma**t
    if schedule.kind == "cosine":
        phase = np.minimum(t, schedule.t_max) / schedule.t_max
        return schedule.eta_min + (lr - schedule.eta_min) * (1 + np.cos(np.pi * phase)) / 2
    return np.full(t.shape, float(lr))


def rates(schedule: Schedule, lr: float, steps: int) -> np.ndarray:
    """The learning rate of each of ``steps`` optimiser steps."""
    t = np.arange(steps, dtype=float)
    w = schedule.warmup
    if not w:
        return _main(schedule, lr, t)
    warm = lr * (schedule.start_factor + (1 - schedule.start_factor) * t[:w] / w)
    return np.concatenate([warm, _main(schedule, lr, t[w:] - w)])[:steps]
