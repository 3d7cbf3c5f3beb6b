"""Stochastic gradients: mini-batch SGD beside full-batch gradient descent on a least-squares
line fit, and how much noise a mini-batch puts into the gradient.

The model is a line ŷ = w x + b fitted to n points by the mean squared error

    L(w, b) = ½ · mean((w xᵢ + b − yᵢ)²),

a quadratic bowl in (w, b) whose bottom is the least-squares line. Full-batch gradient descent
steps down ∇L; SGD steps down the gradient of the same loss on a mini-batch of b points, an
unbiased but noisy estimate of ∇L. Each epoch visits the data in a fresh seeded order, split
into batches of b without replacement; when b does not divide n the last batch of an epoch is
the smaller remainder (PyTorch's ``DataLoader`` default, ``drop_last=False``), so an epoch uses
every point exactly once. The indices of a batch are sorted (the order of a mean does not
matter), so b = n is the full batch to the last bit.

A step is ``torch.optim.SGD``'s (:data:`mathviz.optim.optimizers.OPTIMIZERS`' Momentum entry,
momentum 0 being plain SGD), and a path stops where it blows up, as
:func:`mathviz.optim.optimizers.run` does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathviz.optim.optimizers import OPTIMIZERS, Path, finite_point

X_RANGE = (-2.0, 2.0)  # where regression_data draws x
NOISE_EPOCHS = 500  # epochs of batches behind an empirical gradient covariance


@dataclass(frozen=True, eq=False)
class Data:
    """Points (xᵢ, yᵢ) for a line fit.

    Attributes
    ----------
    x, y : ``(n,)`` float arrays, n ≥ 2, finite, x not all equal (else the line is not
        determined).
    true_w, true_b : the line the points were drawn around, if known.
    """

    x: np.ndarray
    y: np.ndarray
    true_w: float | None = None
    true_b: float | None = None

    def __post_init__(self) -> None:
        x = np.asarray(self.x, dtype=float)
        y = np.asarray(self.y, dtype=float)
        if x.ndim != 1 or x.shape != y.shape or len(x) < 2:
            raise ValueError("x and y must be 1-D arrays of one length, at least 2")
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise ValueError("x and y must be finite")
        if np.ptp(x) == 0:
            raise ValueError("x must not be all equal: the line would not be determined")
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    @property
    def n(self) -> int:
        return len(self.x)


def regression_data(
    n: int = 100, seed: int = 0, true_w: float = 2.0, true_b: float = -1.0, noise: float = 1.0
) -> Data:
    """``n`` points around the line y = true_w·x + true_b.

    Notes
    -----
    x ~ U(−2, 2) and y = w x + b + noise·ε with ε ~ N(0, 1), all from
    ``numpy.random.default_rng(seed)`` (x drawn first, then ε).
    """
    if int(n) != n or n < 2:
        raise ValueError("n must be a whole number, at least 2")
    if not noise >= 0:
        raise ValueError("noise must be non-negative")
    rng = np.random.default_rng(seed)
    x = rng.uniform(*X_RANGE, size=int(n))
    y = true_w * x + true_b + noise * rng.standard_normal(int(n))
    return Data(x, y, float(true_w), float(true_b))


def least_squares(data: Data) -> np.ndarray:
    """The minimiser (w*, b*) of the loss, ``(2,)``.

    Notes
    -----
    The normal equations ∂L/∂w = mean((w x + b − y) x) = 0 and ∂L/∂b = mean(w x + b − y) = 0
    give w* = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)² and b* = ȳ − w* x̄.
    """
    dx = data.x - data.x.mean()
    w = float(np.dot(dx, data.y - data.y.mean()) / np.dot(dx, dx))
    return np.array([w, data.y.mean() - w * data.x.mean()])


def hessian(data: Data) -> np.ndarray:
    """The loss's Hessian, ``(2, 2)``: [[mean x², mean x], [mean x, 1]] (the same everywhere:
    the loss is a quadratic bowl). ``theory.bowl_theory`` reads full-batch GD's largest stable
    learning rate 2 / λmax off it."""
    mx = data.x.mean()
    return np.array([[np.mean(data.x**2), mx], [mx, 1.0]])


@dataclass(frozen=True)
class _Bowl:
    minimum: np.ndarray  # (w*, b*)
    lowest: float  # L(w*, b*)
    hessian: np.ndarray


def _bowl(data: Data) -> _Bowl:
    minimum = least_squares(data)
    residual = minimum[0] * data.x + minimum[1] - data.y
    return _Bowl(minimum, 0.5 * float(np.mean(residual**2)), hessian(data))


def _bowl_loss(bowl: _Bowl, w, b) -> np.ndarray:
    dw = np.asarray(w, dtype=float) - bowl.minimum[0]
    db = np.asarray(b, dtype=float) - bowl.minimum[1]
    h = bowl.hessian
    return bowl.lowest + 0.5 * (h[0, 0] * dw * dw + 2 * h[0, 1] * dw * db + db * db)


def loss(w, b, data: Data) -> np.ndarray:
    """The mean squared error ½·mean((w xᵢ + b − yᵢ)²) at arrays ``w``, ``b`` of any shapes
    that broadcast (a point, a path, a grid), as an array of the broadcast shape.

    Notes
    -----
    A quadratic is its own Taylor series: L(θ) = L(θ*) + ½ (θ − θ*)ᵀ H (θ − θ*) with θ* the
    least-squares answer and H the :func:`hessian`. Evaluated so, a grid costs O(grid + n)
    rather than O(grid × n), and there is no cancellation near the bottom.
    """
    return _bowl_loss(_bowl(data), w, b)


def gradient(w: float, b: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∇L at (w, b) on the batch of points ``x``, ``y`` (``(m,)`` each), ``(2,)``.

    Notes
    -----
    With residuals rᵢ = w xᵢ + b − yᵢ: ∂L/∂w = mean(rᵢ xᵢ), ∂L/∂b = mean(rᵢ).
    """
    residual = w * x + b - y
    size = len(x)  # sums over the batch, divided once: 4x cheaper than np.mean on a step
    return np.array([float(residual @ x) / size, float(residual.sum()) / size])


def example_gradients(point, data: Data) -> np.ndarray:
    """The gradient of each point's own loss ½(w xᵢ + b − yᵢ)² at ``point`` = (w, b):
    ``(n, 2)`` rows rᵢ·(xᵢ, 1). Their mean is the full gradient."""
    w, b = (float(v) for v in point)
    residual = w * data.x + b - data.y
    return np.column_stack([residual * data.x, residual])


def batches_per_epoch(n: int, batch_size: int) -> int:
    """Steps in one pass over the data: ⌈n / b⌉ (the last batch may be smaller)."""
    return -(-int(n) // int(batch_size))


def _check_batch(n: int, batch_size: int) -> int:
    if int(batch_size) != batch_size or not 1 <= batch_size <= n:
        raise ValueError(f"batch_size must be a whole number from 1 to n = {n}")
    return int(batch_size)


def _epoch(n: int, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """One epoch's batches: a permutation of 0 … n − 1 cut into pieces of ``batch_size``
    (the last one the remainder), each sorted."""
    order = rng.permutation(n)
    return [np.sort(order[i : i + batch_size]) for i in range(0, n, batch_size)]


def minibatches(n: int, batch_size: int, steps: int, seed: int = 0) -> list[np.ndarray]:
    """The index arrays of ``steps`` mini-batches, epoch after epoch, from
    ``numpy.random.default_rng(seed)``: what :func:`sgd_paths` uses, step by step."""
    batch_size = _check_batch(n, batch_size)
    rng = np.random.default_rng(seed)
    found: list[np.ndarray] = []
    while len(found) < steps:
        found += _epoch(n, batch_size, rng)
    return found[:steps]


@dataclass(frozen=True, eq=False)
class StochasticRun:
    """Mini-batch SGD and full-batch gradient descent from one start, same lr, same steps.

    Attributes
    ----------
    minibatch, full_batch : :class:`mathviz.optim.optimizers.Path` records: ``positions``
        ``(k + 1, 2)`` of (w, b), ``losses`` the full-data loss there, ``grad_norms`` the
        full-data |∇L| there, ``records`` each step's ``gradient`` (the mini-batch's, for
        SGD), ``update``, ``lr`` (and ``momentum_buffer``), ``diverged_at`` the step that blew
        up (None if none). A diverged path is shorter than ``steps + 1``.
    batch_size, lr, momentum, seed, steps : as asked.
    epoch_steps : steps per epoch, ⌈n / batch_size⌉.
    minimum : the least-squares (w*, b*); ``lowest`` its loss.
    """

    minibatch: Path
    full_batch: Path
    batch_size: int
    lr: float
    momentum: float
    seed: int
    steps: int
    epoch_steps: int
    minimum: np.ndarray
    lowest: float

    def epochs(self, step: int) -> float:
        """How many passes over the data ``step`` steps of SGD are."""
        return step / self.epoch_steps


def _descend(data: Data, bowl: _Bowl, batches, lr: float, momentum: float, start) -> Path:
    """A path of torch's SGD step (the registry's coordinate rule, in floats), each step's
    gradient on its batch (None: all the data)."""
    rule = OPTIMIZERS["Momentum"].update.rule
    hyper = OPTIMIZERS["Momentum"].hyper(lr=lr, momentum=momentum)
    (hww, hwb), (_, hbb) = bowl.hessian.tolist()
    w_star, b_star = (float(v) for v in bowl.minimum)

    def full_gradient(w: float, b: float) -> tuple[float, float]:
        dw, db = w - w_star, b - b_star  # ∇L = H (θ − θ*): no pass over the data
        return hww * dw + hwb * db, hwb * dw + hbb * db

    def value(w: float, b: float) -> float:
        dw, db = w - w_star, b - b_star
        return bowl.lowest + 0.5 * (hww * dw * dw + 2 * hwb * dw * db + hbb * db * db)

    w, b = float(start[0]), float(start[1])
    ws, bs, losses = [w], [b], [value(w, b)]
    norms = [math.hypot(*full_gradient(w, b))]
    rows: dict[str, list] = {"gradient": [], "update": [], "momentum_buffer": []}
    states: tuple[dict, dict] = ({}, {})
    diverged = None
    with np.errstate(all="ignore"):
        for t, batch in enumerate(batches, start=1):
            x, y = (data.x, data.y) if batch is None else (data.x[batch], data.y[batch])
            gw, gb = (float(v) for v in gradient(w, b, x, y))
            try:
                nw, uw, rw = rule(gw, w, states[0], t, lr, hyper)
                nb, ub, rb = rule(gb, b, states[1], t, lr, hyper)
                loss = value(nw, nb)
            except (ZeroDivisionError, OverflowError):
                diverged = t
                break
            if not finite_point(np.array([nw, nb]), loss):
                diverged = t
                break
            rows["gradient"].append((gw, gb))
            rows["update"].append((uw, ub))
            if "momentum_buffer" in rw:
                rows["momentum_buffer"].append((rw["momentum_buffer"], rb["momentum_buffer"]))
            w, b = nw, nb
            ws.append(w)
            bs.append(b)
            losses.append(loss)
            norms.append(math.hypot(*full_gradient(w, b)))
    steps = len(rows["gradient"])
    records = {key: np.array(values, dtype=float).reshape(-1, 2) for key, values in rows.items()
               if values or key != "momentum_buffer"}  # fmt: skip
    if steps:
        records["lr"] = np.full(steps, float(lr))
    else:
        records = {}
    return Path(np.column_stack([ws, bs]), np.array(losses), np.array(norms), records, diverged)


def sgd_paths(
    data: Data,
    batch_size: int,
    lr: float,
    steps: int,
    seed: int = 0,
    start: tuple[float, float] = (-2.0, 2.0),
    momentum: float = 0.0,
) -> StochasticRun:
    """Run SGD on mini-batches of ``batch_size`` and full-batch gradient descent, each
    ``steps`` steps of learning rate ``lr`` (and heavy-ball ``momentum``) from ``start``.

    The batches come from ``seed`` (:func:`minibatches`); for epochs rather than steps, ask
    for ``epochs * batches_per_epoch(data.n, batch_size)`` steps. A path stops at the first
    step whose (w, b) or loss is not finite or beyond ±1e8 (``diverged_at``), with no warning.
    """
    batch_size = _check_batch(data.n, batch_size)
    if int(steps) != steps or steps < 0:
        raise ValueError("steps must be a whole number, at least 0")
    if not (math.isfinite(lr) and lr >= 0):
        raise ValueError("lr must be a finite number, at least 0")
    if not 0 <= momentum < 1:
        raise ValueError("momentum must be in [0, 1)")
    steps = int(steps)
    bowl = _bowl(data)
    batches = minibatches(data.n, batch_size, steps, seed)
    return StochasticRun(
        minibatch=_descend(data, bowl, batches, lr, momentum, start),
        full_batch=_descend(data, bowl, [None] * steps, lr, momentum, start),
        batch_size=batch_size,
        lr=float(lr),
        momentum=float(momentum),
        seed=int(seed),
        steps=steps,
        epoch_steps=batches_per_epoch(data.n, batch_size),
        minimum=bowl.minimum,
        lowest=bowl.lowest,
    )


def variance_factor(n: int, batch_size: int) -> float:
    """How much a mini-batch of b of n points (drawn without replacement) scales one point's
    gradient variance: (n − b) / (b (n − 1)); 1 at b = 1, 0 at b = n."""
    batch_size = _check_batch(n, batch_size)
    return (n - batch_size) / (batch_size * (n - 1))


@dataclass(frozen=True, eq=False)
class GradientNoise:
    """The noise of the mini-batch gradient at one point, in theory and as sampled.

    Attributes
    ----------
    point : (w, b), ``(2,)``.
    batch_size, n : b and the number of points.
    full_gradient : ∇L on all the data, ``(2,)`` (the mini-batch gradient's mean).
    example_covariance : Σ = (1/n) Σᵢ (gᵢ − ∇L)(gᵢ − ∇L)ᵀ of the points' own gradients gᵢ,
        ``(2, 2)``: the covariance of a batch of one.
    covariance : theory's covariance of a batch of b: Σ · (n − b) / (b (n − 1)), ``(2, 2)``.
    empirical_covariance : the mean of (ĝ − ∇L)(ĝ − ∇L)ᵀ over ``samples`` mini-batch
        gradients ĝ, ``(2, 2)``.
    samples : how many batches were drawn (each epoch's batches of exactly b points).
    """

    point: np.ndarray
    batch_size: int
    n: int
    full_gradient: np.ndarray
    example_covariance: np.ndarray
    covariance: np.ndarray
    empirical_covariance: np.ndarray
    samples: int

    @property
    def variance(self) -> float:
        """Theory's total variance E|ĝ − ∇L|², the trace of ``covariance``."""
        return float(np.trace(self.covariance))

    @property
    def empirical_variance(self) -> float:
        """The sampled total variance, the trace of ``empirical_covariance``."""
        return float(np.trace(self.empirical_covariance))

    @property
    def reduction(self) -> float:
        """How many times smaller the variance is than with one point per batch:
        b (n − 1) / (n − b), ∞ for the full batch (no noise at all)."""
        factor = variance_factor(self.n, self.batch_size)
        return math.inf if factor == 0 else 1.0 / factor


def gradient_noise(
    data: Data, point, batch_size: int, epochs: int = NOISE_EPOCHS, seed: int = 0
) -> GradientNoise:
    """The mini-batch gradient's covariance at ``point`` = (w, b): theory's, and the one
    sampled from ``epochs`` seeded epochs of batches of ``batch_size``.

    Notes
    -----
    A batch of b drawn without replacement from n has mean ∇L and covariance
    Σ (n − b) / (b (n − 1)) (the finite-population correction: b = n has none). Every batch
    of a shuffled epoch is such a draw; the remainder batch of another size is left out.
    """
    batch_size = _check_batch(data.n, batch_size)
    if int(epochs) != epochs or epochs < 1:
        raise ValueError("epochs must be a whole number, at least 1")
    n = data.n
    examples = example_gradients(point, data)
    full = gradient(float(point[0]), float(point[1]), data.x, data.y)
    centred = examples - full
    sigma = centred.T @ centred / n
    rng = np.random.default_rng(seed)
    whole = n // batch_size  # batches of exactly b in an epoch
    sampled = []
    for _ in range(int(epochs)):
        # An epoch's batches of exactly b, as rows (no sorting: a mean ignores the order).
        indices = rng.permutation(n)[: whole * batch_size].reshape(whole, batch_size)
        sampled.append(examples[indices].mean(axis=1))
    deviations = np.concatenate(sampled) - full
    return GradientNoise(
        point=np.array(point, dtype=float),
        batch_size=batch_size,
        n=n,
        full_gradient=full,
        example_covariance=sigma,
        covariance=sigma * variance_factor(n, batch_size),
        empirical_covariance=deviations.T @ deviations / len(deviations),
        samples=len(deviations),
    )


def level_curve(data: Data, value: float, points: int = 65) -> np.ndarray:
    """The (w, b) where the loss equals ``value``: an ellipse round the least-squares answer,
    ``(points, 2)``, closed (the last point is the first); empty ``(0, 2)`` below the bottom.

    Notes
    -----
    ½ dᵀHd = value − L* with H = V diag(λ) Vᵀ: d = V diag(√(2(value − L*) / λ)) (cos t, sin t).
    """
    bowl = _bowl(data)
    excess = float(value) - bowl.lowest
    if not excess > 0:
        return np.zeros((0, 2))
    curvatures, axes = np.linalg.eigh(bowl.hessian)
    t = np.linspace(0.0, 2 * np.pi, points)
    circle = np.column_stack([np.cos(t), np.sin(t)]) * np.sqrt(2 * excess / curvatures)
    ellipse = bowl.minimum + circle @ axes.T
    ellipse[-1] = ellipse[0]
    return ellipse
