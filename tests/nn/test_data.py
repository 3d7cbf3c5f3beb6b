"""The playground's data: every set seeded, balanced, inside the square and split by class,
each shape checked against its own geometry written out here, formulas against numpy, and
every kind of bad formula or file refused with a sentence."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathviz.nn import data
from mathviz.nn.data import CLASSIFICATION, DATASETS, LIMIT, MAX_POINTS, REGRESSION, Data, Refusal

FORMULA = "x1^2 + sin(x2)"
CLASSIFIERS = [name for name, d in DATASETS.items() if d.task == CLASSIFICATION]


def made(name, n=300, noise=0.0, classes=2, test_share=0.3, seed=0, formula=FORMULA) -> Data:
    result = data.make(name, n, noise, classes, test_share, seed, formula)
    assert isinstance(result, Data), result
    return result


def test_the_registry_offers_what_the_page_expects():
    assert list(DATASETS) == ["Circle", "XOR", "Gaussian blobs", "Spiral", "Two moons", "Plane",
                              "Bump", "Your function"]  # fmt: skip
    assert DATASETS["Gaussian blobs"].classes == (2, 3, 4)
    assert DATASETS["Spiral"].classes == (2, 3)
    for name, dataset in DATASETS.items():
        assert dataset.name == name and dataset.about.endswith(".") and dataset.noise_means
        assert (dataset.task == REGRESSION) == (dataset.classes == ())


@pytest.mark.parametrize("name", list(DATASETS))
@pytest.mark.parametrize("noise", [0.0, 0.5, 1.0])
def test_shapes_dtypes_and_the_square(name, noise):
    for classes in DATASETS[name].classes or (0,):
        d = made(name, 257, noise, classes)
        assert d.X.shape == (257, 2) and d.X.dtype == np.float64
        assert d.y.shape == (257,) and d.train.shape == (257,) and d.train.dtype == bool
        assert np.isfinite(d.X).all() and np.isfinite(d.y).all()
        assert np.abs(d.X).max() <= LIMIT
        assert d.name == name and d.n == 257
        if d.task == CLASSIFICATION:
            assert d.y.dtype == np.int64 and d.classes == classes
            assert set(np.unique(d.y)) == set(range(classes))
        else:
            assert d.y.dtype == np.float64 and d.classes == 0


@pytest.mark.parametrize("name", list(DATASETS))
def test_a_seed_gives_the_same_data_and_another_seed_other_data(name):
    a, b, c = made(name, seed=7), made(name, seed=7), made(name, seed=8)
    for field in ("X", "y", "train"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.X, c.X)
    assert not np.array_equal(a.train, c.train)


@pytest.mark.parametrize("name", [n for n in DATASETS if n != "Your function"])
def test_filling_the_square(name):
    # scaled like Playground's: the points reach out to most of [-6, 6] (the moons are twice
    # as wide as they are high)
    X = made(name, 1000).X
    reach = np.minimum(-X.min(axis=0), X.max(axis=0))
    assert reach.min() > 0.4 * LIMIT and reach.max() > 0.8 * LIMIT


@pytest.mark.parametrize("name", CLASSIFIERS)
def test_classes_are_balanced(name):
    for classes in DATASETS[name].classes:
        for n in (10, 11, 301, 1000):
            counts = np.bincount(made(name, n, 0.3, classes).y, minlength=classes)
            assert counts.sum() == n and counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", list(DATASETS))
@pytest.mark.parametrize("test_share", [0.1, 0.3, 0.5, 0.9])
@pytest.mark.parametrize("n", [10, 33, 500])
def test_the_split_is_stratified_and_of_the_asked_share(name, test_share, n):
    d = made(name, n, 0.2, max(DATASETS[name].classes or (0,)), test_share)
    groups = [d.y == c for c in range(d.classes)] if d.task == CLASSIFICATION else [d.y == d.y]
    for members in groups:
        tested = int((members & ~d.train).sum())
        assert 1 <= tested <= members.sum() - 1  # each class has training and test points
        assert abs(tested - test_share * members.sum()) <= 1
    assert np.array_equal(d.X_train, d.X[d.train]) and np.array_equal(d.y_test, d.y[~d.train])
    assert len(d.X_train) + len(d.X_test) == len(d.y_train) + len(d.y_test) == n


def test_arguments_are_clipped_not_refused():
    assert made("Circle", n=3).n == 10
    assert made("Circle", n=10**9).n == MAX_POINTS
    assert made("Spiral", classes=7).classes == 3
    assert made("Gaussian blobs", classes=1).classes == 2
    assert made("Gaussian blobs", classes=3.4).classes == 3
    assert made("Circle", classes=4).classes == 2
    assert made("Plane", classes=3).classes == 0
    assert made("No such set").name == next(iter(DATASETS))
    assert np.array_equal(made("XOR", noise=-2).X, made("XOR", noise=0).X)
    assert np.array_equal(made("XOR", noise=5).X, made("XOR", noise=1).X)
    assert (~made("XOR", n=100, test_share=0.99).train).sum() == 90
    assert (~made("XOR", n=100, test_share=0.0).train).sum() == 10
    assert made("XOR", noise=float("nan")).n == 300


def test_the_arrays_cannot_be_changed_behind_the_data():
    d = made("Circle")
    with pytest.raises(ValueError):
        d.X[0, 0] = 0.0


# --- each set's shape, from its own geometry -----------------------------------------------------


def test_circle_without_noise_is_separated_by_a_radius():
    d = made("Circle", 1000)
    radius = np.hypot(d.X[:, 0], d.X[:, 1])
    inner = d.y == 1
    assert radius[inner].max() < radius[~inner].min()
    assert np.array_equal(radius < 3.0, inner)  # one threshold on |x| classifies 100%


def test_circle_with_noise_is_mixed_near_the_boundary():
    d = made("Circle", 1000, noise=0.5)
    radius = np.hypot(d.X[:, 0], d.X[:, 1])
    accuracy = np.mean((radius < 3.0) == (d.y == 1))
    assert 0.6 < accuracy < 0.99


def test_xor_without_noise_is_the_sign_of_the_product():
    d = made("XOR", 1000)
    assert np.array_equal(d.y == 1, d.X[:, 0] * d.X[:, 1] > 0)
    assert np.abs(d.X).min() >= 0.3  # Playground's gap along the axes
    quadrants = np.bincount(2 * (d.X[:, 0] > 0) + (d.X[:, 1] > 0), minlength=4)
    assert quadrants.min() > 200  # all four quadrants are used


@pytest.mark.parametrize("classes", [2, 3])
def test_spiral_arms_turn_outwards_and_interleave(classes):
    d = made("Spiral", 900, classes=classes)
    start_angles = []
    for arm in range(classes):
        points = d.X[d.y == arm]
        order = np.argsort(np.hypot(points[:, 0], points[:, 1]))
        angle = np.unwrap(np.arctan2(points[order, 1], points[order, 0]))
        assert (np.diff(angle) > 0).all()  # the angle increases with the radius
        assert angle[-1] - angle[0] > 2 * np.pi  # more than one turn
        start_angles.append(angle[0] % (2 * np.pi))
    # the arms start turned by 2π/k from one another
    gaps = np.diff(np.sort(start_angles))
    assert np.allclose(gaps, 2 * np.pi / classes, atol=0.2)


def test_two_moons_are_half_circles_that_interleave():
    d = made("Two moons", 600)
    radius = 3.6
    upper, lower = d.X[d.y == 0], d.X[d.y == 1]
    centre_upper, centre_lower = np.array([-1.8, -0.9]), np.array([1.8, 0.9])
    assert np.allclose(np.linalg.norm(upper - centre_upper, axis=1), radius)
    assert np.allclose(np.linalg.norm(lower - centre_lower, axis=1), radius)
    assert (upper[:, 1] >= centre_upper[1] - 1e-9).all()  # the upper half of its circle
    assert (lower[:, 1] <= centre_lower[1] + 1e-9).all()  # the lower half of its circle
    # interleaved: each moon's tip reaches the other's centre, each one's ends pass the other's
    assert upper[:, 0].max() > lower[:, 0].min() + 3.0
    assert upper[:, 1].min() < lower[:, 1].max() - 1.5
    # ... and no line separates them: the best of many directions still errs
    best = 0.0
    for theta in np.linspace(0, np.pi, 181):
        score = d.X @ np.array([np.cos(theta), np.sin(theta)])
        for threshold in np.quantile(score, np.linspace(0.01, 0.99, 99)):
            best = max(best, np.mean((score > threshold) == (d.y == 1)), np.mean(
                (score > threshold) == (d.y == 0)))  # fmt: skip
    assert 0.8 < best < 1.0


@pytest.mark.parametrize("classes", [2, 3, 4])
def test_blobs_are_round_clusters_around_their_centres(classes):
    d = made("Gaussian blobs", 1000, classes=classes)
    centres = np.array([d.X[d.y == c].mean(axis=0) for c in range(classes)])
    assert np.allclose(np.linalg.norm(centres, axis=1), 4.0, atol=0.2)
    nearest = np.argmin(np.linalg.norm(d.X[:, None, :] - centres[None], axis=2), axis=1)
    assert np.mean(nearest == d.y) > 0.99  # separable by lines (nearest centre)
    spread = d.X - centres[d.y]
    assert np.allclose(spread.std(axis=0), 0.8, rtol=0.15)


def test_noise_moves_the_same_points_further():
    # with one seed, the jitter is drawn whatever the noise: displacement is linear in noise;
    # the disc's points sit 3.5 from the edges, so few of them are clipped
    clean, half, full = (made("Circle", 1000, noise, seed=4) for noise in (0, 0.5, 1))
    assert np.array_equal(clean.y, full.y)  # labels stay
    sets = [d.X[d.y == 1] for d in (clean, half, full)]
    inside = np.logical_and.reduce([(np.abs(X) < LIMIT).all(axis=1) for X in sets])
    assert inside.mean() > 0.95
    clean, half, full = (X[inside] for X in sets)
    assert np.allclose(full - clean, 2 * (half - clean))
    assert np.std(full - clean, axis=0) == pytest.approx([2.0, 2.0], rel=0.1)  # JITTER


def test_the_plane_without_noise_is_its_formula():
    d = made("Plane", 500)
    x1, x2 = d.X.T
    assert np.allclose(d.y, (2 * x1 - x2) / 18)
    assert d.y.min() >= -1 and d.y.max() <= 1


def test_the_bump_without_noise_is_its_formula():
    d = made("Bump", 500)
    x1, x2 = d.X.T
    assert np.allclose(d.y, np.exp(-(x1**2 + x2**2) / 8))


@pytest.mark.parametrize("name", ["Plane", "Bump", "Your function"])
def test_target_noise_is_a_share_of_the_signal(name):
    clean, noisy = made(name, 1000, 0.0, seed=3), made(name, 1000, 0.5, seed=3)
    assert np.array_equal(clean.X, noisy.X)
    ratio = np.std(noisy.y - clean.y) / np.std(clean.y)
    assert ratio == pytest.approx(0.5, rel=0.1)


def test_your_function_is_the_formula():
    d = made("Your function", 500, formula=FORMULA)
    x1, x2 = d.X.T
    assert np.allclose(d.y, np.square(x1) + np.sin(x2))
    assert "x1^2 + sin(x2)" in d.about
    assert np.abs(d.X).max() <= LIMIT and np.abs(d.X).max() > 0.9 * LIMIT


def test_a_constant_function_gets_noise_of_its_own_unit():
    clean, noisy = made("Your function", 1000, 0, formula="3"), made("Your function", 1000, 1,
                                                                     formula="3")  # fmt: skip
    assert np.all(clean.y == 3.0)
    assert np.std(noisy.y) == pytest.approx(1.0, rel=0.1)


HOSTILE = [
    "__import__('os')",
    "__import__('os').system('true')",
    "9**9**9",
    "9^9^9^9",
    "x1.__class__",
    "x1" * 5000,
    "(" * 10_000,
    "x" * 10_000,
    "lambda: 0",
    "[x1 for x1 in ()]",
    "exp(exp(exp(x1)))",
    "open('/etc/passwd')",
    "x",
    "2x1",
    "",
    "   ",
    "\x00",
    "sqrt(x1)",
    "log(x2)",
    "1/0",
    "exp(x1*x2)",
    "1e300*x1",
    "1e308*x1 + 1e308",
]


@pytest.mark.parametrize("formula", HOSTILE)
def test_a_hostile_or_undefined_formula_is_refused_quickly(formula):
    data.make("Your function", 1000, 0.0, 2, 0.3, 0, formula)  # warm: the first call imports
    start = time.perf_counter()
    result = data.make("Your function", 1000, 0.0, 2, 0.3, 0, formula)
    assert time.perf_counter() - start < 0.1
    assert isinstance(result, Refusal)
    assert result.reason.endswith(".") and "\n" not in result.reason and len(result.reason) < 300
    assert "nan" not in result.reason.lower().replace("finite", "")


def test_a_refused_formula_says_what_the_parser_says():
    result = data.make("Your function", 100, 0, 2, 0.3, 0, "y^2")
    assert isinstance(result, Refusal) and "x1, x2" in result.reason and "column 1" in result.reason
    result = data.make("Your function", 100, 0, 2, 0.3, 0, "log(x1)")
    assert isinstance(result, Refusal) and "not a finite number" in result.reason


def test_large_but_finite_values_are_refused_with_their_size():
    result = data.make("Your function", 100, 0.5, 2, 0.3, 0, "exp(x1*x2)")
    assert isinstance(result, Refusal) and "×10" in result.reason and "10⁶" in result.reason
    assert isinstance(made("Your function", noise=1.0, formula="1e5*x1"), Data)


def test_the_formula_is_ignored_by_the_other_sets():
    assert np.array_equal(made("Circle", formula="__import__('os')").X, made("Circle").X)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([*DATASETS, "?"]),
    st.one_of(st.integers(-10, 10**6), st.floats(allow_nan=True)),
    st.floats(allow_nan=True),
    st.one_of(st.integers(-5, 20), st.floats(allow_nan=True)),
    st.floats(allow_nan=True),
    st.integers(-(2**40), 2**40),
    st.text(max_size=60),
)
def test_make_never_raises_and_never_returns_a_nan(name, n, noise, classes, share, seed, formula):
    result = data.make(name, n, noise, classes, share, seed, formula)
    if isinstance(result, Data):
        assert np.isfinite(result.X).all() and np.isfinite(result.y).all()
        assert 10 <= result.n <= MAX_POINTS and result.train.any() and (~result.train).any()
    else:
        assert isinstance(result, Refusal) and result.reason


# --- an uploaded file ----------------------------------------------------------------------------


def csv_bytes(header: str, rows) -> bytes:
    return (header + "\n" + "\n".join(",".join(str(v) for v in row) for row in rows)).encode()


def points(n=40, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-3, 10, n), rng.uniform(100, 200, n)


def expected_rescaled(values):
    return -6 + 12 * (values - values.min()) / (values.max() - values.min())


def test_a_classification_file_is_relabelled_and_rescaled():
    a, b = points()
    labels = np.array([5, -1, 2, 5] * 10)
    raw = csv_bytes("x1,x2,label", zip(a, b, labels, strict=True))
    d = data.from_csv(raw, "Mine", test_share=0.25, seed=3)
    assert isinstance(d, Data) and d.task == CLASSIFICATION and d.classes == 3
    assert d.label_names == ("-1", "2", "5")
    assert np.array_equal(np.array(d.label_names)[d.y], labels.astype(str))
    assert d.y.dtype == np.int64
    assert np.allclose(d.X[:, 0], expected_rescaled(a)) and np.allclose(
        d.X[:, 1], expected_rescaled(b)
    )
    assert d.X.min() == -LIMIT and d.X.max() == LIMIT
    assert d.name == "Mine" and "rescaled" in d.about
    for c in range(3):
        members = d.y == c
        tested = int((members & ~d.train).sum())
        assert tested >= 1 and abs(tested - 0.25 * members.sum()) <= 1


def test_class_names_in_a_text_column_are_labels():
    a, b = points(30)
    species = ["setosa", "versicolor", "virginica"] * 10
    raw = csv_bytes("sepal,petal,species", zip(a, b, species, strict=True))
    d = data.from_csv(raw)
    assert isinstance(d, Data) and d.task == CLASSIFICATION
    assert d.label_names == ("setosa", "versicolor", "virginica")
    assert np.array_equal(np.array(d.label_names)[d.y], species)


def test_a_regression_file_keeps_its_targets():
    a, b = points()
    target = 0.5 * a - b / 100 + 0.25
    d = data.from_csv(csv_bytes("x1,x2,label", zip(a, b, target, strict=True)))
    assert isinstance(d, Data) and d.task == REGRESSION and d.classes == 0
    assert d.y.dtype == np.float64 and np.allclose(d.y, target)
    assert d.label_names == ()


def test_whole_numbers_with_many_values_are_targets():
    a, b = points()
    d = data.from_csv(csv_bytes("x1,x2,label", zip(a, b, range(40), strict=True)))
    assert isinstance(d, Data) and d.task == REGRESSION


def test_unnamed_columns_are_the_first_three_numeric_ones():
    a, b = points()
    rows = zip(["n"] * 40, b, a, [0, 1] * 20, range(40), strict=True)
    d = data.from_csv(csv_bytes("note,p,q,r,s", rows))
    assert isinstance(d, Data) and d.task == CLASSIFICATION and d.classes == 2
    assert np.allclose(d.X[:, 0], expected_rescaled(b)) and np.allclose(
        d.X[:, 1], expected_rescaled(a)
    )
    # named columns win, in any order
    rows = zip([0, 1] * 20, b, a, strict=True)
    d = data.from_csv(csv_bytes("label,x2,x1", rows))
    assert isinstance(d, Data) and np.allclose(d.X[:, 0], expected_rescaled(a))


def test_a_long_file_is_sampled_down_to_the_limit():
    a, b = points(3000)
    d = data.from_csv(csv_bytes("x1,x2,label", zip(a, b, [0, 1, 2] * 1000, strict=True)))
    assert isinstance(d, Data) and d.n == MAX_POINTS and "3,000" in d.about
    again = data.from_csv(csv_bytes("x1,x2,label", zip(a, b, [0, 1, 2] * 1000, strict=True)))
    assert np.array_equal(d.X, again.X)


BINARY = bytes(np.random.default_rng(0).integers(0, 256, 4000, dtype=np.uint8))


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"hello world, just text\nmore text, here\nand, more\n", "numbers"),
        (csv_bytes("x1,x2,label", [(i, i * i % 7, 1) for i in range(20)]), "same label"),
        (b"x1,x2,label\n1,2,0\n", "two rows"),
        (csv_bytes("x1,x2,label", [(1, 2, 0), (2, 1, 1)]), "at least 10"),
        (b"\x00\x01\x02binary\x00", "not text"),
        (BINARY, ""),
        (bytes(range(1, 256)) * 20, ""),
        (csv_bytes("x1,x2", [(i, i % 3) for i in range(20)]), "label"),
        (csv_bytes("x1", [(i,) for i in range(20)]), "two (x1 and x2)"),
        (
            csv_bytes("x1,x2,c", [(i, i % 3, "abcdefghijkl"[i % 12]) for i in range(24)]),
            "12 classes",
        ),
        (csv_bytes("x1,x2,label", [(i, i % 3, min(i, 1)) for i in range(20)]), "only one row"),
        (csv_bytes("x1,x2,label", [(4, i % 3, i % 2) for i in range(20)]), "same value"),
        (b'x1,x2,label\n"1,2,0\n3,4,1\n' * 10, ""),
    ],
)
def test_bad_files_are_refused_with_a_sentence(raw, says):
    result = data.from_csv(raw)
    assert isinstance(result, Refusal), result
    assert says in result.reason and result.reason.endswith(".")


def test_an_oversized_file_is_refused_by_the_shared_reader():
    result = data.from_csv(b"x1,x2,label\n" + b"1,2,0\n" * 400_000)
    assert isinstance(result, Refusal) and "MB" in result.reason


CSV_LIKE = st.text(alphabet="0123456789.,;-e\nabx12 label", max_size=400).map(str.encode)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=600), CSV_LIKE), st.floats(allow_nan=True), st.integers(-5, 5))
def test_from_csv_never_raises_and_never_returns_a_nan(raw, share, seed):
    result = data.from_csv(raw, test_share=share, seed=seed)
    if isinstance(result, Data):
        assert np.isfinite(result.X).all() and np.isfinite(result.y).all()
        assert np.abs(result.X).max() <= LIMIT and result.n >= 10
        assert result.train.any() and (~result.train).any()
    else:
        assert isinstance(result, Refusal) and result.reason.endswith(".")
