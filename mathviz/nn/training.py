"""Training the playground's network: mini-batch steps of an optimiser from
:data:`mathviz.optim.optimizers.OPTIMIZERS` (the gradient-descent page's registry, PyTorch's
update rules) on all of θ at once, with snapshots for the client-side replay.

:func:`train` needs no page: data, settings in; the losses, accuracies, snapshots of θ and the
gradients per layer out. The page caches it by its settings, so replaying, scrubbing or
changing a view never retrains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mathviz.nn import network
from mathviz.optim.optimizers import OPTIMIZERS

# Newton's method needs the Hessian of all of θ: not a network optimiser.
NN_OPTIMIZERS = tuple(name for name, o in OPTIMIZERS.items() if o.torch is not None)
MAX_EPOCHS = 2000
# Steps a run may take (about 1.5 s): beyond it the epochs are cut to fit, and the page says
# so. 500 epochs of mini-batches of 10 on 500 points is 25,000.
MAX_STEPS = 25_000
SNAPSHOTS = 40  # at most this many θ are kept for the replay (spread evenly over the epochs)


@dataclass(frozen=True)
class Settings:
    """Everything that decides a training run (its cache key).

    hidden : widths of the hidden layers (0 to 6 layers of 1 to 8 neurons).
    features : the input features' names (:data:`mathviz.nn.features.FEATURES`).
    lr : the optimiser's learning rate; batch : points per step (≥ the training set: full
    batch); epochs : passes over the training set; reg, rate : the penalty and its weight;
    target : stop once the training accuracy reaches it (None: run every epoch).
    """

    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    loss: str = network.CROSS_ENTROPY
    optimizer: str = "Adam"
    lr: float = 0.03
    batch: int = 10
    epochs: int = 200
    reg: str = network.NONE
    rate: float = 0.0
    seed: int = 0
    target: float | None = None


@dataclass(frozen=True)
class Training:
    """A finished run.

    Attributes
    ----------
    arch : the network's shape; theta : (size,) the final weights.
    epochs : (S,) the epochs of the snapshots (0 = before training); thetas : (S, size).
    train_loss, test_loss, train_accuracy, test_accuracy : (E + 1,) per epoch (0: at the
        start); accuracies are NaN-free zeros for regression (see ``classes``).
    gradients : one entry per snapshot, each a list of the layers' ∂L/∂W (flat) on the
        whole training set (the histograms of vanishing gradients).
    stopped : the epoch the run ended (the target reached, or the last epoch).
    diverged : whether the loss stopped being a finite number (training halted there).
    """

    arch: network.Architecture
    settings: Settings
    classes: int
    theta: np.ndarray
    epochs: np.ndarray
    thetas: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    gradients: list = field(repr=False)
    stopped: int
    diverged: bool
    epochs_run: int = 0  # the epochs trained for (fewer than asked when MAX_STEPS cut them)


def train(inputs_train: np.ndarray, y_train: np.ndarray, inputs_test: np.ndarray,
          y_test: np.ndarray, classes: int, settings: Settings,
          progress: Callable[[float], None] | None = None) -> Training:  # fmt: skip
    """Train a network on (inputs_train, y_train) and score it on both sets every epoch.

    Parameters
    ----------
    inputs_train, inputs_test : (n, f) feature matrices; y_train, y_test : (n,) int classes
        or float targets; classes : k (0 for regression: one output, squared error).
    settings : :class:`Settings`.
    progress : called with the share done (0..1) about 50 times.

    Notes
    -----
    Each epoch shuffles the training points (seeded) and takes one optimiser step per
    mini-batch: θ ← rule(∂L_batch/∂θ, θ), the rule PyTorch's for the chosen optimiser. A run
    whose weights blow up stops there (``diverged``), keeping the last finite network; the
    overflow on the way is expected, so it is not warned about.
    """
    with np.errstate(all="ignore"):
        return _train(inputs_train, y_train, inputs_test, y_test, classes, settings, progress)


def accuracy(predicted: np.ndarray, y: np.ndarray) -> float:
    """The share of points whose predicted class is their class."""
    return float(np.mean(predicted == y)) if y.size else 0.0


def confusion(predicted: np.ndarray, y: np.ndarray, classes: int) -> np.ndarray:
    """(k, k) counts: row = true class, column = predicted class."""
    counts = np.zeros((classes, classes), dtype=int)
    np.add.at(counts, (y.astype(int), predicted.astype(int)), 1)
    return counts


def architecture(inputs: int, settings: Settings, classes: int) -> network.Architecture:
    hidden = tuple(int(w) for w in settings.hidden[: network.MAX_LAYERS])
    outputs = classes if classes else 1
    return network.Architecture((inputs, *hidden, outputs), settings.activation)


def _layer_gradients(arch: network.Architecture, gradient: np.ndarray) -> list[np.ndarray]:
    return [gradient[w].copy() for w, _ in arch.slices]


def snapshot_epochs(epochs: int) -> np.ndarray:
    """The epochs kept for the replay: 0, then up to SNAPSHOTS - 1 spread evenly to the end."""
    return np.unique(np.round(np.linspace(0, epochs, min(SNAPSHOTS, epochs + 1))).astype(int))


def _train(inputs_train, y_train, inputs_test, y_test, classes, settings, progress):
    """:func:`train`'s work, under its ``errstate``."""
    rng = np.random.default_rng(settings.seed)
    arch = architecture(inputs_train.shape[1], settings, classes)
    loss = settings.loss if classes else network.SQUARED
    theta = arch.initial(rng)
    optimizer = OPTIMIZERS[settings.optimizer if settings.optimizer in NN_OPTIMIZERS else "Adam"]
    hyper = optimizer.hyper()
    rule = optimizer.update.rule
    state: dict = {}
    n = y_train.size
    batch = int(min(max(settings.batch, 1), n))
    per_epoch = -(-n // batch)
    asked = int(min(max(settings.epochs, 1), MAX_EPOCHS))
    epochs = max(1, min(asked, MAX_STEPS // per_epoch))  # a run stays a few seconds at most
    keep = set(snapshot_epochs(epochs).tolist())
    curves = np.zeros((4, epochs + 1))
    thetas, kept, gradients = [], [], []
    step, stopped, diverged = 0, epochs, False

    def score(epoch: int) -> network.Backward:
        full = network.backward(
            arch, theta, inputs_train, y_train, loss, settings.reg, settings.rate
        )
        curves[0, epoch] = full.loss
        test_out = network.forward(arch, theta, inputs_test).output
        curves[1, epoch] = network.LOSSES[loss].value(test_out, y_test) if y_test.size else 0.0
        if classes:
            curves[2, epoch] = accuracy(full.passed.output.argmax(axis=1), y_train)
            curves[3, epoch] = accuracy(test_out.argmax(axis=1), y_test)
        return full

    def record(epoch: int, full: network.Backward) -> None:
        kept.append(epoch)
        thetas.append(theta.copy())
        gradients.append(_layer_gradients(arch, full.gradient))

    targets = network.targets(y_train, arch.widths[-1])
    full = score(0)
    record(0, full)
    every = max(1, epochs // 50)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            rows = order[start : start + batch]
            g = network.fast_gradient(
                arch, theta, inputs_train[rows], targets[rows], loss, settings.reg, settings.rate
            )
            step += 1
            theta, _, _ = rule(g, theta, state, step, settings.lr, hyper)
        full = score(epoch)
        finite = np.all(np.isfinite(theta)) and np.isfinite(curves[0, epoch])
        if not finite or np.abs(theta).max() > 1e6:
            diverged, stopped = True, epoch - 1
            break
        reached = settings.target is not None and classes and curves[2, epoch] >= settings.target
        if epoch in keep or reached or epoch == epochs:
            record(epoch, full)
        if reached:
            stopped = epoch
            break
        if progress is not None and epoch % every == 0:
            progress(epoch / epochs)
    if diverged:  # the last finite state is the one kept
        theta = thetas[-1].copy()
    end = stopped + 1
    return Training(
        arch=arch,
        settings=settings,
        classes=classes,
        theta=theta,
        epochs=np.array(kept),
        thetas=np.array(thetas),
        train_loss=curves[0, :end],
        test_loss=curves[1, :end],
        train_accuracy=curves[2, :end],
        test_accuracy=curves[3, :end],
        gradients=gradients,
        stopped=stopped,
        diverged=diverged,
        epochs_run=epochs,
    )


def parse_hidden(text: str) -> tuple[int, ...]:
    """Hidden-layer widths from text such as ``"4, 2"``; ``ValueError`` with a one-line reason
    for anything else (empty text: no hidden layer)."""
    pieces = [p.strip() for p in text.replace(";", ",").split(",")]
    pieces = [p for p in pieces if p]
    if len(pieces) > network.MAX_LAYERS:
        raise ValueError(f"At most {network.MAX_LAYERS} hidden layers.")
    widths = []
    for position, piece in enumerate(pieces, start=1):
        if not piece.isdigit() or not 1 <= int(piece) <= network.MAX_WIDTH:
            raise ValueError(
                f"Layer {position}: {piece[:10]!r} is not a width from 1 to {network.MAX_WIDTH}."
            )
        widths.append(int(piece))
    return tuple(widths)


_RUNS: dict = {}  # (data key, settings) -> Training, the most recent last
MAX_KEPT = 24


def cached(key: tuple, settings: Settings) -> Training | None:
    """The run of these data and settings if one is kept (the page then shows no progress)."""
    found = _RUNS.pop((key, settings), None)
    if found is not None:
        _RUNS[(key, settings)] = found  # most recently used goes last
    return found


def train_cached(
    key: tuple,
    settings: Settings,
    inputs_train,
    y_train,
    inputs_test,
    y_test,
    classes: int,
    progress: Callable[[float], None] | None = None,
) -> Training:
    """:func:`train`, kept by (data key, settings) so that a replay or another view reuses
    it (at most :data:`MAX_KEPT` runs, the least recently used dropped first). ``key`` must
    name the data exactly (a data set's settings, or an upload's file id)."""
    found = cached(key, settings)
    if found is not None:
        return found
    run = train(inputs_train, y_train, inputs_test, y_test, classes, settings, progress)
    _RUNS[(key, settings)] = run
    while len(_RUNS) > MAX_KEPT:
        _RUNS.pop(next(iter(_RUNS)))
    return run


@dataclass(frozen=True)
class StepTrace:
    """One gradient step on one mini-batch, written out: the forward values, the loss, the
    δ of every layer, the gradients and gradient descent's update −η·∂L/∂W."""

    inputs: np.ndarray
    y: np.ndarray
    passed: network.Forward
    loss: float
    deltas: list
    weight_gradients: list
    bias_gradients: list
    lr: float
    loss_after: float


def one_step(run: Training, inputs: np.ndarray, y: np.ndarray, lr: float) -> StepTrace:
    """The arithmetic of one plain gradient-descent step from the trained θ on (inputs, y)."""
    loss = run.settings.loss if run.classes else network.SQUARED
    result = network.backward(
        run.arch, run.theta, inputs, y, loss, run.settings.reg, run.settings.rate
    )
    after = network.backward(
        run.arch,
        run.theta - lr * result.gradient,
        inputs,
        y,
        loss,
        run.settings.reg,
        run.settings.rate,
    ).loss
    weights = [
        result.gradient[w].reshape(a, b)
        for (w, _), a, b in zip(
            run.arch.slices, run.arch.widths[:-1], run.arch.widths[1:], strict=True
        )
    ]
    biases = [result.gradient[b] for _, b in run.arch.slices]
    return StepTrace(
        inputs, y, result.passed, result.loss, result.deltas, weights, biases, lr, after
    )
