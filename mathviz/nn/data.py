"""Data for the neural-network playground: labelled points of the square [-6, 6]².

Seeded sets shaped like TensorFlow Playground's (a disc inside a ring, XOR's quadrants, Gaussian
blobs, interleaved spiral arms, two moons), two regression surfaces, a surface from a typed
formula, and a reader for an uploaded CSV file of labelled points. Pure numpy.

``make`` and ``from_csv`` return a :class:`Data` (the points, their labels or targets and a
seeded train/test split) or a :class:`Refusal` (one sentence for the page), never an exception.

What ``noise`` means
--------------------
``noise`` is a share from 0 (clean) to 1. For the classification sets it moves every point by
Gaussian jitter of standard deviation ``noise * JITTER`` in each coordinate (``JITTER`` = 2,
a sixth of the square's side), keeping its label, as Playground does; points are then clipped
to the square. For the regression sets it adds Gaussian noise to the targets, of standard
deviation ``noise`` times the clean targets' own standard deviation (noise 1: as much noise as
signal). The random draws do not depend on ``noise``: with the same seed, raising it moves the
same points further.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mathviz.core import expressions, numbers
from mathviz.stats.datasets import Refusal, Table, read_csv

__all__ = [
    "CLASSIFICATION",
    "DATASETS",
    "LIMIT",
    "MAX_POINTS",
    "REGRESSION",
    "Data",
    "DataSet",
    "Refusal",
    "from_csv",
    "make",
]

CLASSIFICATION = "classification"
REGRESSION = "regression"
LIMIT = 6.0  # points live in [-LIMIT, LIMIT]², as in TensorFlow Playground
MAX_POINTS = 1000
MIN_POINTS = 10
MIN_TEST_SHARE, MAX_TEST_SHARE = 0.1, 0.9
MAX_CLASSES = 8  # of a CSV file's labels
MAX_TARGET = 1e6  # a typed formula's values stay below this in size
JITTER = 2.0  # standard deviation of the position noise at noise = 1
VARIABLES = ("x1", "x2")  # of a typed formula
EXAMPLE_FORMULA = "x1^2 + sin(x2)"
LABEL_COLUMNS = ("label", "class", "target", "y")  # a CSV column so named holds the labels


# --- the containers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSet:
    """One entry of :data:`DATASETS`.

    Attributes
    ----------
    name : its name, the registry key.
    task : :data:`CLASSIFICATION` or :data:`REGRESSION`.
    classes : the class counts it offers, e.g. ``(2,)`` or ``(2, 3, 4)``; ``()`` for regression.
    about : one sentence: what it is and what it teaches.
    maker : ``maker(rng, n, noise, classes) -> (X, y)``, X (n, 2) float, y (n,) int or float;
        with ``needs_formula``, ``maker(rng, n, noise, classes, formula) -> (X, y) | Refusal``.
    noise_means : one sentence: what its noise does.
    needs_formula : whether its maker takes the typed formula ("Your function").
    """

    name: str
    task: str
    classes: tuple[int, ...]
    about: str
    maker: Callable
    noise_means: str = ""
    needs_formula: bool = False


@dataclass(frozen=True)
class Data:
    """Points of the square with their labels or targets, split into training and test points.

    Attributes
    ----------
    X : (n, 2) float64 array, every point in [-LIMIT, LIMIT]².
    y : (n,) int64 class labels 0 … classes-1 (classification) or float64 targets (regression),
        every value finite.
    train : (n,) bool array, True for a training point, False for a test point.
    task : :data:`CLASSIFICATION` or :data:`REGRESSION`.
    classes : the number of classes (0 for regression).
    name : the data set's name.
    about : one or two sentences on what the data are.
    label_names : the original name of each class, by label (a CSV file's labels), else ``()``.

    The arrays are read-only.
    """

    X: np.ndarray
    y: np.ndarray
    train: np.ndarray
    task: str
    classes: int
    name: str
    about: str
    label_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for array in (self.X, self.y, self.train):
            array.flags.writeable = False

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def X_train(self) -> np.ndarray:
        return self.X[self.train]

    @property
    def y_train(self) -> np.ndarray:
        return self.y[self.train]

    @property
    def X_test(self) -> np.ndarray:
        return self.X[~self.train]

    @property
    def y_test(self) -> np.ndarray:
        return self.y[~self.train]


# --- shared steps ------------------------------------------------------------------------------


def _balanced_labels(n: int, k: int) -> np.ndarray:
    """(n,) labels 0 … k-1, as many of each as can be (counts differ by at most one)."""
    return np.arange(n) % k


def _polar(radius: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _jittered(rng: np.random.Generator, X: np.ndarray, noise: float) -> np.ndarray:
    """The points moved by N(0, (noise·JITTER)²) in each coordinate, clipped to the square.

    The jitter is drawn whatever ``noise`` is, so that the same seed gives the same points."""
    jitter = rng.standard_normal(X.shape)
    return np.clip(X + noise * JITTER * jitter, -LIMIT, LIMIT)


def _noisy_targets(rng: np.random.Generator, y: np.ndarray, noise: float) -> np.ndarray:
    """The targets plus N(0, (noise·s)²), s the targets' standard deviation (1 if they are
    constant)."""
    size = float(np.max(np.abs(y), initial=0.0))
    spread = float(np.std(y / size)) * size if size > 0 else 0.0  # no overflow for 1e200
    scale = spread if spread > 0 else 1.0
    return y + noise * scale * rng.standard_normal(y.shape)


def _uniform_square(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.uniform(-LIMIT, LIMIT, size=(n, 2))


# --- classification sets -----------------------------------------------------------------------

CIRCLE_INNER = 2.5  # the disc's radius (class 1)
CIRCLE_RING = (3.5, 5.5)  # the ring's radii (class 0)


def _circle(rng: np.random.Generator, n: int, noise: float, classes: int):
    """A disc of class 1 inside a ring of class 0, radii uniform as in Playground.

    Notes
    -----
    Class 1: r ~ U(0, 2.5); class 0: r ~ U(3.5, 5.5); angle ~ U(0, 2π). At noise 0 the
    threshold |x| = 3 separates them; no line does, but the feature x₁² + x₂² does.
    """
    y = _balanced_labels(n, 2)
    inner = y == 1
    radius = np.where(inner, rng.uniform(0.0, CIRCLE_INNER, n), rng.uniform(*CIRCLE_RING, n))
    X = _polar(radius, rng.uniform(0.0, 2 * np.pi, n))
    return _jittered(rng, X, noise), y


XOR_GAP = 0.3  # points keep this far from the axes (Playground's padding)
XOR_REACH = 5.7


def _xor(rng: np.random.Generator, n: int, noise: float, classes: int):
    """Class 1 where x₁x₂ > 0 (first and third quadrants), class 0 where x₁x₂ < 0.

    Notes
    -----
    |x₁|, |x₂| ~ U(0.3, 5.7); the sign of x₁ is random, that of x₂ follows from the label.
    """
    y = _balanced_labels(n, 2)
    magnitude = rng.uniform(XOR_GAP, XOR_REACH, size=(n, 2))
    sign1 = rng.choice([-1.0, 1.0], size=n)
    sign2 = np.where(y == 1, sign1, -sign1)
    X = magnitude * np.column_stack([sign1, sign2])
    return _jittered(rng, X, noise), y


BLOB_RADIUS = 4.0  # the centres sit on this circle
BLOB_SPREAD = 0.8  # each cluster's standard deviation at noise 0


def _blobs(rng: np.random.Generator, n: int, noise: float, classes: int):
    """k Gaussian clusters, centres evenly spaced on the circle of radius 4 from 45°.

    Notes
    -----
    Class j ~ N(c_j, 0.8² I) with c_j = 4 (cos θ_j, sin θ_j), θ_j = π/4 + 2πj/k; for k = 2
    the centres are on the diagonal, as in Playground. Position noise widens the clusters
    to a standard deviation of √(0.8² + (2·noise)²).
    """
    y = _balanced_labels(n, classes)
    angles = np.pi / 4 + 2 * np.pi * np.arange(classes) / classes
    centres = _polar(np.full(classes, BLOB_RADIUS), angles)
    X = centres[y] + BLOB_SPREAD * rng.standard_normal((n, 2))
    return _jittered(rng, X, noise), y


SPIRAL_REACH = 5.5  # the arms' outer radius
SPIRAL_TURNS = 1.75  # how many times each arm winds round (Playground's)


def _spiral(rng: np.random.Generator, n: int, noise: float, classes: int):
    """k interleaved arms of an Archimedean spiral, arm j turned by 2πj/k.

    Notes
    -----
    With u ~ U(0, 1): r = 5.5 u and θ = 2π (1.75 u + j/k), so each arm's angle increases
    with its radius; neighbouring arms are 5.5 / (1.75 k) apart along a radius.
    """
    y = _balanced_labels(n, classes)
    u = rng.uniform(0.0, 1.0, n)
    angle = 2 * np.pi * (SPIRAL_TURNS * u + y / classes)
    X = _polar(SPIRAL_REACH * u, angle)
    return _jittered(rng, X, noise), y


MOON_SCALE = 3.6  # scikit-learn's moons (x in [-1, 2]) stretched to fill the square
MOON_SHIFT = (0.5, 0.25)  # their centre, moved to the origin


def _moons(rng: np.random.Generator, n: int, noise: float, classes: int):
    """Two interleaving half-circles, as scikit-learn's ``make_moons``, scaled by 3.6.

    Notes
    -----
    With t ~ U(0, π), class 0 is (cos t, sin t) and class 1 is (1 − cos t, 1/2 − sin t), then
    shifted by −(1/2, 1/4) and scaled by 3.6: half-circles of radius 3.6 centred at
    ∓(1.8, 0.9), the upper one opening down and the lower one opening up.
    """
    y = _balanced_labels(n, 2)
    t = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = MOON_SCALE * (np.where((y == 0)[:, None], upper, lower) - np.array(MOON_SHIFT))
    return _jittered(rng, X, noise), y


# --- regression sets ---------------------------------------------------------------------------

PLANE = (2.0, -1.0, 18.0)  # y = (a x₁ + b x₂) / c: from -1 to 1 on the square
BUMP_WIDTH = 2.0  # the bump's standard deviation


def _plane(rng: np.random.Generator, n: int, noise: float, classes: int):
    """A tilted plane y = (2x₁ − x₂)/18 over uniform points: from −1 to 1 on the square."""
    X = _uniform_square(rng, n)
    a, b, c = PLANE
    return X, _noisy_targets(rng, (a * X[:, 0] + b * X[:, 1]) / c, noise)


def _bump(rng: np.random.Generator, n: int, noise: float, classes: int):
    """A Gaussian bump y = exp(−(x₁² + x₂²)/8) (width 2) over uniform points: 1 at the
    centre, near 0 at the edges."""
    X = _uniform_square(rng, n)
    clean = np.exp(-(X[:, 0] ** 2 + X[:, 1] ** 2) / (2 * BUMP_WIDTH**2))
    return X, _noisy_targets(rng, clean, noise)


def _your_function(rng: np.random.Generator, n: int, noise: float, classes: int, formula: str):
    """y = f(x₁, x₂) of a typed formula over uniform points, read by
    :mod:`mathviz.core.expressions` (never executed), or why it cannot be used.

    A formula that cannot be read, that is not a finite number at some of the points
    (``log(x1)``, ``9^9^9``) or whose values exceed :data:`MAX_TARGET` in size
    (``exp(x1*x2)``) gives a :class:`Refusal`.
    """
    if not isinstance(formula, str) or not formula.strip():
        return Refusal(f"Type a formula in x1 and x2, for example {EXAMPLE_FORMULA}.")
    tree, error = expressions.try_parse(formula, VARIABLES)
    if error is not None:
        return Refusal(f"That formula cannot be read: {error}.")
    X = _uniform_square(rng, n)
    clean = expressions.evaluate(tree, x1=X[:, 0], x2=X[:, 1])
    bad = ~np.isfinite(clean)
    if bad.any():
        x1, x2 = X[np.argmax(bad)]
        return Refusal(
            f"y = {expressions.to_text(tree)} is not a finite number at {bad.sum()} of the {n} "
            f"points (at x1 = {numbers.text(x1)}, x2 = {numbers.text(x2)}, for one): type a "
            f"formula defined on all of [-{LIMIT:g}, {LIMIT:g}]², for example log(1 + x1^2)."
        )
    largest = float(np.max(np.abs(clean)))
    if largest > MAX_TARGET:
        return Refusal(
            f"y = {expressions.to_text(tree)} reaches {numbers.text(largest)} on the square; the "
            f"playground fits values up to {numbers.text(MAX_TARGET)} in size: divide it by a "
            "constant or grow it more slowly."
        )
    return X, _noisy_targets(rng, clean, noise)


def _formula_about(formula: str, n: int) -> str:
    """What "Your function" made of a formula it accepted."""
    tree = expressions.parse(formula, VARIABLES)
    return f"The surface y = {expressions.to_text(tree)}, at {n} random points of the square."


_POSITION_NOISE = (
    "Noise jitters every point by a Gaussian of standard deviation 2·noise; labels stay."
)
_TARGET_NOISE = (
    "Noise adds Gaussian noise to the targets: noise × their standard deviation (1: as much "
    "noise as signal)."
)

DATASETS: dict[str, DataSet] = {
    d.name: d
    for d in (
        DataSet(
            "Circle",
            CLASSIFICATION,
            (2,),
            "A disc inside a ring: no line separates them, but one circle does (try the x1² "
            "and x2² features, or a hidden layer).",
            _circle,
            _POSITION_NOISE,
        ),
        DataSet(
            "XOR",
            CLASSIFICATION,
            (2,),
            "The sign of x1·x2 (XOR of the signs): no line separates it, but the feature x1x2 "
            "does, and so do two hidden neurons.",
            _xor,
            _POSITION_NOISE,
        ),
        DataSet(
            "Gaussian blobs",
            CLASSIFICATION,
            (2, 3, 4),
            "Round clusters, one per class: lines separate them, so a network with no hidden "
            "layer (logistic or softmax regression) is enough.",
            _blobs,
            "Noise widens each cluster: its standard deviation grows from 0.8 to "
            "√(0.8² + (2·noise)²).",
        ),
        DataSet(
            "Spiral",
            CLASSIFICATION,
            (2, 3),
            "Interleaved spiral arms: the hardest set here, it needs several hidden layers (or "
            "the sin features) to untangle.",
            _spiral,
            _POSITION_NOISE,
        ),
        DataSet(
            "Two moons",
            CLASSIFICATION,
            (2,),
            "Two interleaving half-circles: almost separable by a line, exactly by a curve "
            "that one small hidden layer can bend.",
            _moons,
            _POSITION_NOISE,
        ),
        DataSet(
            "Plane",
            REGRESSION,
            (),
            "A tilted plane y = (2x1 − x2)/18: a single linear neuron fits it exactly.",
            _plane,
            _TARGET_NOISE,
        ),
        DataSet(
            "Bump",
            REGRESSION,
            (),
            "A Gaussian bump y = exp(−(x1² + x2²)/8): no plane fits it, hidden neurons (or the "
            "x1², x2² features) do.",
            _bump,
            _TARGET_NOISE,
        ),
        DataSet(
            "Your function",
            REGRESSION,
            (),
            "The surface y = f(x1, x2) of the formula you type, to see what a network can fit.",
            _your_function,
            _TARGET_NOISE,
            needs_formula=True,
        ),
    )
}


# --- making a data set -------------------------------------------------------------------------


def _clipped(value: object, low: float, high: float, default: float) -> float:
    """``value`` as a float in [low, high]; ``default`` for something that is not a number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return default if not np.isfinite(number) else min(max(number, low), high)


def _generator(seed: object) -> np.random.Generator:
    """``numpy.random.default_rng`` of the seed (its absolute value; 0 for a non-integer)."""
    try:
        return np.random.default_rng(abs(int(seed)))
    except (TypeError, ValueError, OverflowError):
        return np.random.default_rng(0)


def _class_count(offered: tuple[int, ...], wanted: object) -> int:
    """The offered class count nearest to ``wanted`` (the smaller on a tie); 0 if none."""
    if not offered:
        return 0
    k = _clipped(wanted, min(offered), max(offered), offered[0])
    return min(offered, key=lambda c: (abs(c - k), c))


def _split(rng: np.random.Generator, y: np.ndarray, stratified: bool, test_share: float):
    """A seeded train/test split: (n,) bool, True for a training point.

    Parameters
    ----------
    rng : the generator that draws the test points.
    y : (n,) labels (with ``stratified``) or targets.
    stratified : split each class on its own, so that each has training and test points.
    test_share : the share of each class (or of all points) held out for testing.

    Notes
    -----
    A group of m points gives round(test_share · m) test points, at least 1 and at most
    m − 1, drawn without replacement: so each group's test count is within one point of
    test_share · m. Every group needs at least 2 points.
    """
    groups = [np.flatnonzero(y == c) for c in np.unique(y)] if stratified else [np.arange(len(y))]
    train = np.ones(len(y), dtype=bool)
    for members in groups:
        m = len(members)
        k = min(max(int(np.floor(test_share * m + 0.5)), 1), m - 1)
        train[rng.choice(members, size=k, replace=False)] = False
    return train


def make(
    name: str,
    n: int,
    noise: float,
    classes: int,
    test_share: float,
    seed: int,
    formula: str = "",
) -> Data | Refusal:
    """A seeded data set of :data:`DATASETS`, split into training and test points.

    Parameters
    ----------
    name : a key of :data:`DATASETS`; an unknown name gives the first set.
    n : the number of points, clipped to [10, MAX_POINTS].
    noise : from 0 (clean) to 1, clipped; see the module's notes and ``DataSet.noise_means``.
    classes : the number of classes, moved to the nearest the set offers (ignored for
        regression).
    test_share : the share of test points, clipped to [0.1, 0.9]; for classification each
        class is split on its own (stratified).
    seed : seeds ``numpy.random.default_rng``: the same arguments give the same data.
    formula : y = f(x1, x2) for "Your function", in the syntax of
        :mod:`mathviz.core.expressions`.

    Returns
    -------
    Data, or Refusal for a formula that cannot be read, is not finite at every point or
    exceeds MAX_TARGET in size.
    """
    dataset = DATASETS.get(name, next(iter(DATASETS.values())))
    n = int(_clipped(n, MIN_POINTS, MAX_POINTS, MIN_POINTS))
    noise = _clipped(noise, 0.0, 1.0, 0.0)
    test_share = _clipped(test_share, MIN_TEST_SHARE, MAX_TEST_SHARE, 0.3)
    k = _class_count(dataset.classes, classes)
    rng = _generator(seed)
    extra = (formula,) if dataset.needs_formula else ()
    made = dataset.maker(rng, n, noise, k, *extra)
    if isinstance(made, Refusal):
        return made
    X, y = made
    classification = dataset.task == CLASSIFICATION
    y = np.asarray(y, dtype=np.int64 if classification else np.float64)
    about = _formula_about(formula, n) if dataset.needs_formula else dataset.about
    return Data(
        X=np.asarray(X, dtype=np.float64),
        y=y,
        train=_split(rng, y, classification, test_share),
        task=dataset.task,
        classes=k,
        name=dataset.name,
        about=about,
    )


# --- an uploaded file --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    x: tuple[str, str]  # the two columns of the points
    label: str  # the label column
    values: np.ndarray  # (n,) its numbers, or its texts for a text column
    text: bool  # whether the labels are text


def _columns(table: Table) -> _Columns | Refusal:
    """Which columns hold x1, x2 and the label.

    The label: the first column named as in :data:`LABEL_COLUMNS` (numeric or text), else the
    file's text column of class names, else the third numeric column. The points: columns
    named x1 and x2, else the first two numeric columns that are not the label.
    """
    numeric = {title.strip().lower(): title for title in table.columns}
    texts = table.labels or {}
    text_names = {title.strip().lower(): title for title in texts}
    named_x = [numeric[c] for c in VARIABLES if c in numeric]
    named_x = named_x if len(named_x) == 2 else []
    label, text = None, False
    for c in LABEL_COLUMNS:
        if c in numeric and numeric[c] not in named_x:
            label = numeric[c]
            break
        if c in text_names:
            label, text = text_names[c], True
            break
    if label is None and texts:
        label, text = next(iter(texts)), True
    x = named_x or [t for t in table.columns if t != label][:2]
    if len(x) < 2:
        return Refusal(
            f"That file has {len(x)} numeric column{'' if len(x) == 1 else 's'} for the points: "
            "it needs two (x1 and x2) and a label column."
        )
    if label is None:
        rest = [t for t in table.columns if t not in x]
        if not rest:
            return Refusal(
                "That file has no label column: it needs x1, x2 and a label (class numbers, "
                "class names or target values, with at least two different values)."
            )
        label = rest[0]
    values = np.array(texts[label]) if text else table.columns[label]
    return _Columns((x[0], x[1]), label, values, text)


def _classes_of(columns: _Columns) -> tuple[np.ndarray, tuple[str, ...]] | None | Refusal:
    """Labels 0 … k-1 and each class's name for class labels; None for regression targets."""
    values = columns.values
    distinct = np.unique(values)
    if len(distinct) == 1:
        return Refusal(
            f"Every row has the same label in '{columns.label}': there is nothing to learn; a "
            "label needs at least two different values (two classes)."
        )
    whole = not columns.text and bool(np.all(values == np.round(values)))
    if not columns.text and not (whole and len(distinct) <= MAX_CLASSES):
        return None
    if len(distinct) > MAX_CLASSES:
        return Refusal(
            f"'{columns.label}' has {len(distinct)} classes; the playground draws at most "
            f"{MAX_CLASSES}."
        )
    counts = np.array([np.sum(values == c) for c in distinct])
    names = tuple(str(c) if columns.text else str(int(c)) for c in distinct)
    if counts.min() < 2:
        lonely = names[int(np.argmin(counts))]
        return Refusal(
            f"Class {lonely} has only one row: each class needs two, one to train on and one to "
            "test on."
        )
    return np.searchsorted(distinct, values), names


def _rescaled(values: np.ndarray) -> np.ndarray:
    """(n,) values mapped linearly onto [-LIMIT, LIMIT], their minimum to -LIMIT."""
    low, high = values.min(), values.max()
    share = (values / 2 - low / 2) / (high / 2 - low / 2)  # halves: no overflow near 1e308
    return np.clip(-LIMIT + 2 * LIMIT * share, -LIMIT, LIMIT)


def _range_text(values: np.ndarray) -> str:
    return f"[{numbers.text(values.min())}, {numbers.text(values.max())}]"


def from_csv(
    raw: bytes, name: str = "Your file", test_share: float = 0.3, seed: int = 0
) -> Data | Refusal:
    """Labelled points of an uploaded CSV file, or why it cannot be used.

    Parameters
    ----------
    raw : the file's bytes, read by :func:`mathviz.stats.datasets.read_csv` (its size limits
        and sentences).
    name : what the page calls the data.
    test_share : the share of test points, clipped to [0.1, 0.9], stratified by class.
    seed : seeds the split (and the choice of MAX_POINTS rows from a longer file).

    Returns
    -------
    Data, or Refusal with one sentence.

    Notes
    -----
    The columns: see :func:`_columns`. Labels that are class names, or whole numbers with 2 to
    8 distinct values, make a classification (relabelled 0 … k-1 in sorted order, the originals
    in ``label_names``); other numbers are regression targets, kept as they are. x1 and x2 are
    each rescaled linearly onto [-6, 6] (the page's square). Each class needs 2 rows; the file
    at least 10.
    """
    table = read_csv(raw, name)
    if isinstance(table, Refusal):
        return table
    columns = _columns(table)
    if isinstance(columns, Refusal):
        return columns
    total = len(columns.values)
    if total < MIN_POINTS:
        return Refusal(
            f"That file has {total} row{'' if total == 1 else 's'} of numbers; the playground "
            f"needs at least {MIN_POINTS}."
        )
    rng = _generator(seed)
    keep = np.sort(rng.choice(total, MAX_POINTS, replace=False)) if total > MAX_POINTS else None
    if keep is not None:
        columns = _Columns(columns.x, columns.label, columns.values[keep], columns.text)
    points = [table.columns[c] if keep is None else table.columns[c][keep] for c in columns.x]
    for title, values in zip(columns.x, points, strict=True):
        if values.min() == values.max():
            return Refusal(
                f"Column '{title}' has the same value in every row: the points need a spread "
                "in both coordinates."
            )
    classes = _classes_of(columns)
    if isinstance(classes, Refusal):
        return classes
    x1, x2 = columns.x
    rows = (
        f"{len(points[0]):,} of its {total:,} rows, chosen at random"
        if keep is not None
        else (f"{total:,} rows")
    )
    about = (
        f"{rows}: x1 = '{x1}' from {_range_text(points[0])} and x2 = '{x2}' from "
        f"{_range_text(points[1])}, each rescaled to [-{LIMIT:g}, {LIMIT:g}]"
    )
    X = np.column_stack([_rescaled(v) for v in points])
    test_share = _clipped(test_share, MIN_TEST_SHARE, MAX_TEST_SHARE, 0.3)
    if classes is None:
        y = np.asarray(columns.values, dtype=np.float64)
        return Data(X, y, _split(rng, y, False, test_share), REGRESSION, 0, name,
                    f"{about}; the target is '{columns.label}'.")  # fmt: skip
    labels, names = classes
    y = labels.astype(np.int64)
    return Data(
        X,
        y,
        _split(rng, y, True, test_share),
        CLASSIFICATION,
        len(names),
        name,
        f"{about}; {len(names)} classes from '{columns.label}'.",
        names,
    )
