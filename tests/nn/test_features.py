"""Input features against their numpy formulas."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.nn.features import DEFAULT_FEATURES, FEATURES, feature_matrix, feature_names

X = np.random.default_rng(0).uniform(-6, 6, size=(200, 2))
x1, x2 = X[:, 0], X[:, 1]
DIRECT = {
    "x1": x1,
    "x2": x2,
    "x1²": x1 * x1,
    "x2²": x2 * x2,
    "x1x2": x1 * x2,
    "sin x1": np.sin(x1),
    "sin x2": np.sin(x2),
}


def test_the_features_are_playgrounds_in_order():
    assert list(FEATURES) == ["x1", "x2", "x1²", "x2²", "x1x2", "sin x1", "sin x2"]
    assert DEFAULT_FEATURES == ("x1", "x2")
    assert FEATURES["x1²"].latex == "x_1^2" and FEATURES["sin x1"].latex == "\\sin x_1"
    assert FEATURES["x1x2"].latex == "x_1 x_2"
    assert all(name == f.name for name, f in FEATURES.items())


@pytest.mark.parametrize("name", list(FEATURES))
def test_each_feature_is_its_formula(name):
    values = FEATURES[name].function(X)
    assert values.shape == (200,)
    assert np.allclose(values, DIRECT[name], rtol=0, atol=1e-12)


def test_the_matrix_has_one_column_per_feature_in_the_given_order():
    names = ["sin x2", "x1", "x1x2"]
    matrix = feature_matrix(X, names)
    assert matrix.shape == (200, 3) and matrix.dtype == np.float64
    assert np.allclose(matrix, np.column_stack([DIRECT[n] for n in names]))
    every = feature_matrix(X, list(FEATURES))
    assert np.allclose(every, np.column_stack(list(DIRECT.values())))


def test_unknown_names_and_repeats_are_skipped_and_nothing_means_x1_x2():
    assert np.allclose(feature_matrix(X, ["x1²", "x3", "x1²"]), DIRECT["x1²"][:, None])
    assert feature_names(["x1²", "x3", "x1²"]) == ("x1²",)
    for names in ([], (), ["nope"]):
        assert np.allclose(feature_matrix(X, names), X)
        assert feature_names(names) == DEFAULT_FEATURES


def test_one_point_and_no_points():
    assert feature_matrix(np.array([0.5, -1.0]), ["x1x2", "x2²"]).tolist() == [[-0.5, 1.0]]
    assert feature_matrix(np.zeros((0, 2)), ["x1", "sin x1"]).shape == (0, 2)
