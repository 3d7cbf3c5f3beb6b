"""The figures of /vectors, built from results and held against their numbers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

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


def _by_text(spec, label):
    """The trace whose tip (last point) carries ``label`` as its text."""
    return next(t for t in spec["data"] if list(t.get("text") or [])[-1:] == [label])


def _ranges(spec):
    return [np.asarray(spec["layout"][axis]["range"], float) for axis in ("xaxis", "yaxis")]


def _assert_window_fits(spec, points, share_at_least=0.5):
    """Every point and the origin inside the axes, the points' box covering most of the view,
    and the longest vector spanning at least ``share_at_least`` of the view along one axis
    (half when the vectors go one way; less when they point in opposite directions)."""
    (x0, x1), (y0, y1) = _ranges(spec)
    points = np.vstack([np.zeros(2), points])
    assert np.all(points[:, 0] >= x0) and np.all(points[:, 0] <= x1)
    assert np.all(points[:, 1] >= y0) and np.all(points[:, 1] <= y1)
    longest = points[np.argmax(np.linalg.norm(points, axis=1))]
    share = max(abs(longest[0]) / (x1 - x0), abs(longest[1]) / (y1 - y0))
    assert share >= share_at_least, (share, _ranges(spec))
    # The view is the points' box (at least half a unit) with a margin: no fixed window.
    box = max(float(np.max(np.ptp(points, axis=0))), 0.5)
    assert max(x1 - x0, y1 - y0) <= 1.3 * box + 1e-9


VECTOR_PAIRS = [  # u, v, and the share of the view the longest of them spans at least
    ([3.0, 1.0], [1.0, 2.0], 0.5),
    ([0.3, 0.1], [0.1, 0.2], 0.45),  # small vectors: the view shrinks, to its minimum
    ([-4.0, 0.5], [3.0, -3.5], 0.4),  # opposite ways; the shadow falls behind the origin
    ([4.0, 0.0], [4.0, 0.0], 0.5),  # parallel, along an axis
    ([0.0, 0.0], [1.0, 2.0], 0.5),  # a zero vector: no angle, no shadow
]


def test_the_dot_product_view_is_sized_to_the_vectors_and_names_them_at_their_tips():
    for u, v, share in VECTOR_PAIRS:
        u, v = np.array(u), np.array(v)
        dot = vectors.dot_product(u, v)
        spec = decode_arrays(
            figures_vectors.dot_product_figure(dot, vectors.angle_arc(dot)).to_dict()
        )
        go.Figure(spec)
        shadow = (u @ v) / (u @ u) * u if np.any(u) else np.zeros(2)  # numpy, independently
        _assert_window_fits(spec, np.vstack([u, v, shadow]), share)
        np.testing.assert_allclose(_xy(_by_text(spec, "u"))[-1], u)
        np.testing.assert_allclose(_xy(_by_text(spec, "v"))[-1], v)
        if np.any(shadow):
            np.testing.assert_allclose(_xy(_by_text(spec, "shadow"))[-1], shadow, atol=1e-12)
        arc = [t for t in spec["data"] if "θ" in list(t.get("text") or [])]
        assert len(arc) == (1 if np.any(u) and np.any(v) else 0)
    # No fixed window: small vectors get a small view, never below the minimum.
    small = vectors.dot_product(np.array([0.3, 0.1]), np.array([0.1, 0.2]))
    spec = figures_vectors.dot_product_figure(small, vectors.angle_arc(small)).to_dict()
    widths = [np.ptp(r) for r in _ranges(spec)]
    assert 0.5 <= max(widths) <= 1.0


def test_the_dot_product_names_the_objects_in_distinct_colours():
    dot = vectors.dot_product(np.array([3.0, 1.0]), np.array([1.0, 2.0]))
    spec = decode_arrays(figures_vectors.dot_product_figure(dot, vectors.angle_arc(dot)).to_dict())
    colours = [_by_text(spec, name)["line"]["color"] for name in ("u", "v", "shadow")] + [
        next(t for t in spec["data"] if "θ" in list(t.get("text") or []))["line"]["color"]
    ]
    assert len(set(colours)) == 4
    # u is drawn over the broad shadow band that lies along it
    names = [t["name"] for t in spec["data"]]
    assert names.index("u") > names.index("shadow of v on u")


def test_tip_positions_point_the_way_the_arrow_does():
    position = figures_vectors.tip_position
    assert position(np.array([1.0, 0.0])) == "middle right"
    assert position(np.array([1.0, 1.0])) == "top right"
    assert position(np.array([0.0, -2.0])) == "bottom center"
    assert position(np.array([-1.0, 0.1])) == "middle left"
    assert position(np.zeros(2)) == "top right"


BASES = [  # b₁, b₂, x, and the share of the view the longest vector spans at least
    ([2.0, 1.0], [-1.0, 1.0], [3.0, 2.0], 0.5),
    ([1.0, 2.0], [3.0, -1.0], [-2.0, 1.5], 0.4),  # b₂ and x point opposite ways
    ([0.5, 0.0], [0.0, 0.5], [0.2, 0.3], 0.5),
    ([4.0, 4.0], [3.9, 4.0], [1.0, -1.0], 0.5),  # nearly parallel: a long path, in view
]


def test_the_basis_view_holds_the_path_and_names_each_step():
    for b1, b2, x, share in BASES:
        result = vectors.basis_coordinates(b1, b2, x)
        spec = decode_arrays(figures_vectors.basis_figure(result).to_dict())
        go.Figure(spec)
        B = np.column_stack([b1, b2])
        c = np.linalg.solve(B, x)
        corner = c[0] * B[:, 0]
        _assert_window_fits(spec, np.vstack([b1, b2, x, corner]), share)
        for label, tip in (("b₁", b1), ("b₂", b2), ("x", x)):
            np.testing.assert_allclose(_xy(_by_text(spec, label))[-1], tip)
        steps = next(t for t in spec["data"] if t.get("mode") == "text")
        np.testing.assert_allclose(_xy(steps), [corner / 2, (corner + np.array(x)) / 2], atol=1e-9)
        assert steps["text"][0].endswith("b₁") and steps["text"][1].endswith("b₂")
    colours = {_by_text(spec, name)["line"]["color"] for name in ("b₁", "b₂", "x")}
    assert len(colours) == 3


def test_the_line_fit_names_the_line_and_the_largest_residual():
    x, y = least_squares.noisy_line(3, 20, 1.0)
    fit = least_squares.fit_line(x, y)
    spec = decode_arrays(figures_vectors.line_fit_figure(x, fit).to_dict())
    slope, intercept = np.polyfit(x, y, 1)
    line = next(t for t in spec["data"] if list(t.get("text") or [])[-1:] == ["ŷ"])
    np.testing.assert_allclose(_xy(line)[-1], [x.max(), intercept + slope * x.max()])
    residuals = y - (intercept + slope * x)
    worst = int(np.argmax(np.abs(residuals)))
    label = next(t for t in spec["data"] if list(t.get("text") or []) == ["e"])
    np.testing.assert_allclose(
        _xy(label)[0], [x[worst], y[worst] - residuals[worst] / 2], atol=1e-9
    )
    residual_colour = spec["data"][0]["line"]["color"]
    assert len({residual_colour, line["line"]["color"], spec["data"][2]["marker"]["color"]}) == 3
    low, high = spec["layout"]["xaxis"]["range"]
    assert low < x.min() and high > x.max()  # room for the line's name


def test_the_projection_names_each_vector_at_its_tip_and_e_halfway():
    x, y = least_squares.noisy_line(0, 25, 1.0)
    fit = least_squares.fit_line(x, y)
    picture = least_squares.column_space_picture(fit)
    spec = decode_arrays(figures_vectors.column_space_figure(picture, 2.0).to_dict())
    by_name = {trace["name"]: trace for trace in spec["data"] if trace.get("name")}

    def tip(name):
        trace = by_name[name]
        return np.array([np.asarray(trace[axis], float)[-1] for axis in "xyz"])

    for name, label, point in (
        ("column 1 (all ones)", "1", picture.columns[0]),
        ("column x", "x", picture.columns[1]),
        ("y (the data)", "y", picture.target),
        ("ŷ = Xβ̂ (projection)", "ŷ", picture.fitted),
    ):
        assert by_name[name]["text"][-1] == label
        np.testing.assert_allclose(tip(name), point, atol=1e-12)
    e = by_name["e = y − ŷ (⟂ plane)"]
    assert e["text"][1] == "e"  # halfway up the residual
    # column x ends near ŷ: their names are written on opposite sides of the tips
    assert by_name["column x"]["textposition"] != by_name["ŷ = Xβ̂ (projection)"]["textposition"]
    colours = {trace["line"]["color"] for trace in by_name.values() if "line" in trace}
    assert len(colours) >= 5  # 1, x, y, ŷ, e each in their own colour


def test_a_shorter_arrow_along_a_longer_one_is_drawn_over_it():
    result = vectors.basis_coordinates([1.0, 2.0], [2.0, 4.0], [3.0, 2.0])  # b₂ = 2b₁
    spec = figures_vectors.basis_figure(result).to_dict()
    names = [t.get("name") for t in spec["data"]]
    assert names.index("b₁") > names.index("b₂")  # b₁ on top, not hidden under b₂
    ranks = {t["name"]: t["legendrank"] for t in spec["data"] if "legendrank" in t}
    assert ranks["b₁"] < ranks["b₂"] < ranks["x"]  # the legend keeps its order
    dot = vectors.dot_product(np.array([1.0, 1.0]), np.array([2.0, 2.0]))
    names = [
        t.get("name")
        for t in figures_vectors.dot_product_figure(dot, np.zeros((0, 2))).to_dict()["data"]
    ]
    assert names.index("u") > names.index("v")


def test_the_heatmap_outlines_the_chosen_pair_on_both_sides_of_the_diagonal():
    from scipy.spatial import distance

    words = list(vectors.EMBEDDINGS)
    table = vectors.cosine_similarity_matrix(np.array(list(vectors.EMBEDDINGS.values())))
    i, j = words.index("cat"), words.index("bread")
    spec = figures_vectors.similarity_figure(words, table, (i, j)).to_dict()
    cells = {(round(s["y0"] + 0.5), round(s["x0"] + 0.5)) for s in spec["layout"]["shapes"]}
    assert cells == {(i, j), (j, i)}
    expected = 1 - distance.cosine(vectors.EMBEDDINGS["cat"], vectors.EMBEDDINGS["bread"])
    for row, column in cells:
        assert table[row, column] == pytest.approx(expected)
    same = figures_vectors.similarity_figure(words, table, (i, i)).to_dict()
    assert len(same["layout"]["shapes"]) == 1  # a word with itself: one cell
