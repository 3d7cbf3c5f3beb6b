"""A race of optimisers on one surface: the settings of each runner, its path, and the steps
the animation shows.

Every optimiser starts at its suggested learning rate for the surface (:data:`SUGGESTED_LR`,
chosen so that each makes visible progress in a thousand steps without blowing up; the
tests hold every entry to that), except the one being tuned, which takes the page's
hyper-parameters. Paths are remembered by their full settings, so moving one optimiser's
learning rate reruns that optimiser alone.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mathviz.optim import schedules, surfaces
from mathviz.optim.optimizers import OPTIMIZERS, Path, run
from mathviz.optim.surfaces import BOWL, SURFACES, TYPED, Surface

NAMES: tuple[str, ...] = tuple(OPTIMIZERS)
DEFAULT_RACE: tuple[str, ...] = ("Gradient descent", "Momentum", "RMSProp", "Adam")

# lr of each optimiser per surface (Newton's full step is 1 everywhere). Not each one's best
# (Adam's "best" rate on the bowl is 1: it jumps about before it lands), but a rate a
# practitioner would try first that makes a fair race on that surface.
_COMMON = {"AdaGrad": 0.3, "RMSProp": 0.01, "Adam": 0.05, "AdamW": 0.05, "Newton": 1.0}
SUGGESTED_LR: dict[str, dict[str, float]] = {
    BOWL: {"Gradient descent": 0.15, "Momentum": 0.05, "Nesterov": 0.05,
           **_COMMON, "AdaGrad": 0.5, "RMSProp": 0.02, "Adam": 0.1, "AdamW": 0.1},
    "Rosenbrock": {"Gradient descent": 0.0015, "Momentum": 0.0015, "Nesterov": 0.001,
                   **_COMMON, "AdaGrad": 0.5, "RMSProp": 0.005},
    "Himmelblau": {"Gradient descent": 0.01, "Momentum": 0.005, "Nesterov": 0.005,
                   **_COMMON, "AdaGrad": 0.5, "RMSProp": 0.02, "Adam": 0.1, "AdamW": 0.1},
    "Saddle": {"Gradient descent": 0.1, "Momentum": 0.05, "Nesterov": 0.05, **_COMMON},
    "Beale": {"Gradient descent": 0.005, "Momentum": 0.001, "Nesterov": 0.001, **_COMMON},
    "Plateau": {"Gradient descent": 0.5, "Momentum": 0.1, "Nesterov": 0.1, **_COMMON,
                "AdaGrad": 0.5},
    "Rastrigin": {"Gradient descent": 0.002, "Momentum": 0.002, "Nesterov": 0.002, **_COMMON},
    TYPED: {"Gradient descent": 0.05, "Momentum": 0.02, "Nesterov": 0.02, **_COMMON},
}  # fmt: skip

# The page's hyper-parameter controls, under PyTorch's names: which optimiser takes which.
TUNABLE: dict[str, tuple[str, ...]] = {
    "Gradient descent": ("lr", "weight_decay"),
    "Momentum": ("lr", "momentum", "weight_decay"),
    "Nesterov": ("lr", "momentum", "weight_decay"),
    "AdaGrad": ("lr", "eps", "weight_decay"),
    "RMSProp": ("lr", "alpha", "eps", "momentum", "weight_decay"),
    "Adam": ("lr", "betas", "eps", "weight_decay"),
    "AdamW": ("lr", "betas", "eps", "weight_decay"),
    "Newton": ("lr",),
}


def suggested_lr(surface: Surface, optimizer: str) -> float:
    """The learning rate ``optimizer`` starts with on ``surface`` (a typed one: TYPED's)."""
    table = SUGGESTED_LR.get(surface.name, SUGGESTED_LR[TYPED])
    return table[optimizer]


def settings(surface: Surface, optimizer: str, tuned: Mapping[str, Any] | None) -> dict:
    """The hyper-parameters ``optimizer`` runs with: its suggested lr and PyTorch's defaults,
    or, for the optimiser being tuned, ``tuned`` (only the names it takes are used)."""
    hyper = {"lr": suggested_lr(surface, optimizer)}
    if tuned:
        hyper |= {k: v for k, v in tuned.items() if k in TUNABLE[optimizer]}
    return hyper


def schedule_for(kind: str, steps: int, warmup: int = 0) -> schedules.Schedule:
    """The page's schedule of a kind over a run of ``steps``: ``step`` halves the rate at each
    quarter of the run, ``exponential`` ends at 1% of it, ``cosine`` reaches 0 at the end;
    ``warmup`` steps ramp up linearly from a tenth of it first."""
    warm = min(max(int(warmup), 0), max(steps - 1, 0))
    rest = max(steps - warm, 1)
    if kind == "step":
        return schedules.Schedule("step", gamma=0.5, step_size=max(rest // 4, 1), warmup=warm)
    if kind == "exponential":
        return schedules.Schedule("exponential", gamma=0.01 ** (1 / rest), warmup=warm)
    if kind == "cosine":
        return schedules.Schedule("cosine", t_max=rest, warmup=warm)
    return schedules.Schedule(warmup=warm)


def _frozen(hyper: Mapping[str, Any]) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in hyper.items()))


@functools.lru_cache(maxsize=256)
def _cached_run(
    surface: Surface,
    optimizer: str,
    start: tuple[float, float],
    steps: int,
    schedule: schedules.Schedule,
    hyper: tuple,
) -> Path:
    return run(surface, OPTIMIZERS[optimizer], start, steps, schedule, **dict(hyper))


def race(
    surface: Surface,
    names: Sequence[str],
    start: tuple[float, float],
    steps: int,
    schedule: schedules.Schedule = schedules.CONSTANT,
    tuned: tuple[str, Mapping[str, Any]] | None = None,
) -> dict[str, Path]:
    """The path of each optimiser in ``names`` (in registry order), from ``start``.

    ``tuned`` is (name, hyper-parameters) for the optimiser whose controls the page shows;
    the others run at their suggested settings. Each path is remembered by its settings.
    """
    start = (float(start[0]), float(start[1]))
    paths = {}
    for name in (n for n in NAMES if n in names):
        given = tuned[1] if tuned and tuned[0] == name else None
        hyper = _frozen(settings(surface, name, given))
        paths[name] = _cached_run(surface, name, start, int(steps), schedule, hyper)
    return paths


def frame_steps(steps: int, count: int = 120) -> np.ndarray:
    """The steps the animation shows (at most ``count``, 0 and ``steps`` included): every
    step at first, where paths move fastest, then further apart (evenly on a log scale)."""
    steps = max(int(steps), 0)
    if steps + 1 <= count:
        return np.arange(steps + 1)
    dense = count // 4
    sparse = np.geomspace(dense, steps, count - dense)
    chosen = np.unique(np.concatenate([np.arange(dense), np.round(sparse).astype(int)]))
    return chosen


def at_step(path: Path, step: int) -> int:
    """The index of ``path``'s position at ``step`` (its last one if it stopped before)."""
    return min(max(int(step), 0), path.steps)


def distance_to_minimum(surface: Surface, path: Path) -> np.ndarray | None:
    """Distance from each position to the nearest known minimum (None if none is known)."""
    nearest = surface.nearest_minimum(path.positions)
    if nearest is None:
        return None
    return np.linalg.norm(path.positions - nearest, axis=1)


def loss_gap(surface: Surface, path: Path) -> np.ndarray | None:
    """f(θ) − f* with f* the value at the nearest known minimum (None if none is known),
    clipped at 0 from below (round-off can leave it a hair negative)."""
    nearest = surface.nearest_minimum(path.positions)
    if nearest is None:
        return None
    floor = np.asarray(surface.value(nearest[:, 0], nearest[:, 1]), dtype=float)
    return np.maximum(path.losses - floor, 0.0)


@functools.lru_cache(maxsize=64)
def surface_of(name: str, typed: str = "", l1: float = 1.0, l2: float = 10.0,
               angle: float = 30.0) -> Surface:  # fmt: skip
    """The surface a page's controls choose: the bowl with its curvatures and turn, a named
    surface, or the typed f(x, y) (``ValueError`` if it does not read; the page shows the
    last good one)."""
    if name == BOWL:
        return surfaces.bowl(l1, l2, angle)
    if name == TYPED:
        return surfaces.read(typed)
    return SURFACES[name]


@dataclass(frozen=True)
class Settings:
    """Everything a race depends on, as plain values (a figure's memo key, a cache key).

    ``hyper`` are the tuned optimiser's hyper-parameters as sorted (name, value) pairs;
    ``surface`` is the arguments of :func:`surface_of`.
    """

    surface: tuple
    names: tuple[str, ...]
    start: tuple[float, float]
    steps: int
    schedule: str = "constant"
    warmup: int = 0
    tuned: str | None = None
    hyper: tuple = ()

    def resolve(self) -> tuple[Surface, dict[str, Path]]:
        """The surface and the paths of the race these settings describe."""
        surface = surface_of(*self.surface)
        schedule = schedule_for(self.schedule, self.steps, self.warmup)
        tuned = (self.tuned, dict(self.hyper)) if self.tuned else None
        return surface, race(surface, self.names, self.start, self.steps, schedule, tuned)


THEORY_STEPS = 300  # steps of the theory lesson's two runs: enough to read a rate off


@functools.lru_cache(maxsize=64)
def bowl_runs(l1: float, l2: float, turn: float, lr: float, beta: float) -> tuple:
    """The theory lesson's bowl and its two runs from the bowl's start, at one rate: plain
    gradient descent and the heavy ball (PyTorch's SGD momentum ``beta``, which on a
    quadratic is Polyak's heavy ball with step ``lr``)."""
    bowl = surfaces.bowl(l1, l2, turn)
    gd = run(bowl, OPTIMIZERS["Gradient descent"], bowl.start, THEORY_STEPS, lr=lr)
    heavy = run(bowl, OPTIMIZERS["Momentum"], bowl.start, THEORY_STEPS, lr=lr, momentum=beta)
    return bowl, {"Gradient descent": gd, "Momentum": heavy}
