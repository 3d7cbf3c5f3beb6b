"""The learning path's geometry and each stop's status (plain data and numpy)."""

from __future__ import annotations

import numpy as np

from mathviz import catalog

BEND = 0.45  # the route's height: y = BEND sin(πx/2)


def step_status(step: catalog.PathStep, available: frozenset[str]) -> str:
    """``page`` if a page of the step exists, ``planned`` if one will, else ``outside``."""
    if any(path in available for path in step.page_paths):
        return "page"
    return "planned" if (step.page_paths or step.coming) else "outside"


def path_positions(n_steps: int) -> np.ndarray:
    """(n_steps, 2) positions of the stops on a gently winding route, left to right."""
    x = np.arange(n_steps, dtype=float)
    return np.column_stack([x, BEND * np.sin(x * np.pi / 2)])


def route(positions: np.ndarray, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """A smooth route through the stops: the same sine, densely sampled from first to last."""
    x = np.linspace(positions[0, 0], positions[-1, 0], n)
    return x, BEND * np.sin(x * np.pi / 2)
