"""The network's input features: functions of a point (x₁, x₂), as in TensorFlow Playground.

A network that is given x₁² and x₂² separates a disc from a ring with no hidden layer, and one
given x₁x₂ separates XOR: a good feature does work a hidden layer would otherwise do. Pure numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Feature:
    """One input feature.

    Attributes
    ----------
    name : its name, the registry key (``"x1²"``).
    latex : its formula in LaTeX (``"x_1^2"``).
    function : ``function(X)`` with X an (n, 2) array gives the (n,) feature values.
    """

    name: str
    latex: str
    function: Callable[[np.ndarray], np.ndarray]


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("x1", "x_1", lambda X: X[:, 0]),
        Feature("x2", "x_2", lambda X: X[:, 1]),
        Feature("x1²", "x_1^2", lambda X: X[:, 0] ** 2),
        Feature("x2²", "x_2^2", lambda X: X[:, 1] ** 2),
        Feature("x1x2", "x_1 x_2", lambda X: X[:, 0] * X[:, 1]),
        Feature("sin x1", "\\sin x_1", lambda X: np.sin(X[:, 0])),
        Feature("sin x2", "\\sin x_2", lambda X: np.sin(X[:, 1])),
    )
}

DEFAULT_FEATURES = ("x1", "x2")


def feature_names(names: Sequence[str]) -> tuple[str, ...]:
    """The features :func:`feature_matrix` computes for ``names``: the known ones, in the
    given order, each once; :data:`DEFAULT_FEATURES` when none is known."""
    known = tuple(dict.fromkeys(name for name in names if name in FEATURES))
    return known or DEFAULT_FEATURES


def feature_matrix(X: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """The chosen features of each point, one column per feature.

    Parameters
    ----------
    X : (n, 2) array of points (x₁, x₂).
    names : keys of :data:`FEATURES`; unknown names and repeats are skipped, and with no known
        name the features are x₁ and x₂ (see :func:`feature_names`).

    Returns
    -------
    (n, m) float64 array, column j the feature ``feature_names(names)[j]``.
    """
    X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
    chosen = feature_names(names)
    return np.column_stack([FEATURES[name].function(X) for name in chosen]).astype(np.float64)
