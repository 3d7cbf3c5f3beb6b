"""The algebra inside a classifier: softmax (with a temperature), the sigmoid hiding in it,
and the log-loss against the predicted probability and against the logit.

Pure numpy; the LaTeX the page prints is made in :mod:`mathviz.algebra.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mathviz.algebra.functions import Interval, ParentFunction, sample_curve, sigmoid


def softmax(logits: Sequence[float], temperature: float = 1.0) -> np.ndarray:
    """softmax(z/T)_i = e^{z_i/T} / Σ_j e^{z_j/T}, computed without overflow.

    Notes
    -----
    Subtracting the largest logit first changes nothing (the common factor e^{-max} cancels)
    and keeps every exponent ≤ 0. With two classes, softmax([z, 0])₁ = σ(z).
    """
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    z = np.asarray(logits, dtype=float) / temperature
    weights = np.exp(z - z.max())
    return weights / weights.sum()


def log_loss(probability: np.ndarray | float, label: int) -> np.ndarray:
    """-[y log p + (1 - y) log(1 - p)], the log-loss of predicting p when the truth is y.

    Parameters
    ----------
    probability : p in (0, 1), any shape (the ends are infinite losses; sample inside).
    label : y, 0 or 1.
    """
    p = np.asarray(probability, dtype=float)
    return -np.log(p) if label == 1 else -np.log1p(-p)


def log_loss_from_logit(logit: np.ndarray | float, label: int) -> np.ndarray:
    """The log-loss of p = σ(z) as a function of the logit z: softplus(∓z), no overflow.

    Notes
    -----
    -log σ(z) = log(1 + e^{-z}) and -log(1 - σ(z)) = log(1 + e^{z}): finite for every z,
    linear far on the wrong side, which is why classifiers output logits.
    """
    z = np.asarray(logit, dtype=float)
    return np.logaddexp(0.0, -z if label == 1 else z)


def log_loss_curve(label: int) -> ParentFunction:
    """p ↦ log-loss(p, y) on (0, 1), as a curve to sample (it runs off at p = 0 or p = 1)."""
    return ParentFunction(
        "L(p)",
        "L(#)",
        lambda p: log_loss(p, label),
        domain=(Interval(0.0, 1.0),),
        vertical_asymptotes=(0.0,) if label == 1 else (1.0,),
    )


# --- what the page shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class SoftmaxView:
    """Softmax of a few logits, and the sigmoid hiding inside it.

    Attributes
    ----------
    probabilities : (k,) softmax(z/T).
    z, sigma : (n,) the sigmoid curve.
    difference : (z₁ - z₂)/T; pair_probability : p₁/(p₁ + p₂) = σ(difference).
    """

    probabilities: np.ndarray
    z: np.ndarray
    sigma: np.ndarray
    difference: float
    pair_probability: float


def softmax_view(logits: Sequence[float], temperature: float) -> SoftmaxView:
    """Everything the sigmoid-and-softmax view shows (at least two logits)."""
    p = softmax(logits, temperature)
    z = np.linspace(-8.0, 8.0, 401)
    pair = float(p[0] / (p[0] + p[1]))
    difference = (logits[0] - logits[1]) / temperature
    return SoftmaxView(p, z, sigmoid(z), float(difference), pair)


@dataclass(frozen=True)
class LogLossView:
    """The log-loss of one prediction, against p and against the logit.

    Attributes
    ----------
    logit, probability, loss : z, p = σ(z) and the loss for the true label.
    label : the true label y (0 or 1).
    p_curve : (p, L(p)) sampled inside (0, 1).
    z, z_loss : (n,) the loss against the logit.
    asymptote : the p where L(p) runs off to infinity.
    """

    logit: float
    probability: float
    loss: float
    label: int
    p_curve: tuple[np.ndarray, np.ndarray]
    z: np.ndarray
    z_loss: np.ndarray
    asymptote: float


def log_loss_view(logit: float, label: int) -> LogLossView:
    """Everything the log-loss view shows for a logit and a true label (0 or 1)."""
    curve = log_loss_curve(label)
    p = float(sigmoid(logit))
    loss = float(log_loss_from_logit(logit, label))
    z = np.linspace(-8.0, 8.0, 401)
    return LogLossView(
        logit=float(logit),
        probability=p,
        loss=loss,
        label=int(label),
        p_curve=sample_curve(curve.function, curve.domain, (0.0, 1.0)),
        z=z,
        z_loss=log_loss_from_logit(z, label),
        asymptote=curve.vertical_asymptotes[0],
    )
