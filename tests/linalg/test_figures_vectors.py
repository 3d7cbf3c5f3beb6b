"""The figures of /vectors, built from results and held against their numbers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from mathviz.linalg import figures_vectors, least_squares, vectors
from tests.harness.apptest import decode_arrays


def _xy(trace):
    return np.column_stack([np.asarray(trace["x"], float), np.asarray(trace["y"], float)])


def test_the_dot_product_figure_draws_the_shadow_and_the_angle():
    dot = vectors.dot_product(np.array([3.0, 1.0]), np.array([1.0, 2.0]))
    spec = decode_arrays(figures_vectors.dot_product_figure(dot, vectors.angle_arc(dot)).to_dict())
    by_name = {trace["name"]: trace for trace in spec["data"]}
    np.testing.assert_allclose(_xy(by_name["shadow of v on u"])[1], dot.projection)
    np.testing.assert_allclose(_xy(by_name["u"])[1], [3.0, 1.0])
    assert any(name.startswith("θ = 45°") for name in by_name)  # cos θ = 5 / (√10 √5)
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"


def test_the_similarity_heatmap_holds_the_cosines():
    words = list(vectors.EMBEDDINGS)
    table = vectors.cosine_similarity_matrix(np.array(list(vectors.EMBEDDINGS.values())))
    spec = decode_arrays(figures_vectors.similarity_figure(words, table, (0, 1)).to_dict())
    heat = spec["data"][0]
    np.testing.assert_allclose(np.asarray(heat["z"], float).reshape(table.shape), table)
    assert heat["text"][0][0] == "1"  # the one formatter: 1.00 to two places reads 1
    assert spec["layout"]["shapes"][0]["x0"] == 0.5


def test_the_basis_figure_walks_c1_b1_then_c2_b2_to_x():
    result = vectors.basis_coordinates([2.0, 1.0], [-1.0, 1.0], [3.0, 2.0])
    spec = decode_arrays(figures_vectors.basis_figure(result).to_dict())
    go.Figure(figures_vectors.basis_figure(result).to_dict())
    c1, c2 = result.coordinates
    first, second = spec["data"][1], spec["data"][2]
    np.testing.assert_allclose(_xy(first)[1], c1 * np.array([2.0, 1.0]))
    np.testing.assert_allclose(_xy(second)[1], [3.0, 2.0])


def test_the_least_squares_figures_draw_the_fit_and_the_projection():
    x, y = least_squares.noisy_line(3, 20, 1.0)
    fit = least_squares.fit_line(x, y)
    spec = decode_arrays(figures_vectors.line_fit_figure(x, fit).to_dict())
    np.testing.assert_allclose(_xy(spec["data"][2]), np.column_stack([x, y]))
    intercept, slope = fit.coefficients
    line = _xy(spec["data"][1])
    np.testing.assert_allclose(line[:, 1], intercept + slope * line[:, 0])
    picture = least_squares.column_space_picture(fit)
    three_d = decode_arrays(figures_vectors.column_space_figure(picture, 2.0).to_dict())
    tip = [np.asarray(three_d["data"][4][axis], float)[-1] for axis in "xyz"]
    np.testing.assert_allclose(tip, picture.fitted)  # ŷ drawn where the maths put it
    assert three_d["layout"]["scene"]["aspectmode"] == "manual"
