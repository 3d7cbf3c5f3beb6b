"""The /vectors page as a browser receives it: figures decoded and re-checked."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.spatial import distance

from mathviz.linalg import (
    vectors,
)
from tests.harness.apptest import figure_sizes, figures, run_page

PAGE = "pages/vectors.py"


def _trace(fig, name):
    return next(t for t in fig["data"] if t.get("name") == name)


def _points(trace):
    return np.column_stack([trace["x"], trace["y"]])


IDEAS = ("Dot product", "Cosine similarity", "Change of basis", "Least squares")


def idea_figures(query: dict[str, str] | None = None) -> list[dict]:
    """Every figure of every idea (the page shows one idea at a time), in page order."""
    found = []
    for idea in IDEAS:
        at = run_page(PAGE, {**(query or {}), "idea": idea})
        assert not at.exception and not at.error, idea
        found += figures(at)
    return found


def test_page_draws_the_true_shadow_and_coordinates():
    query = {"u1": "2.5", "u2": "-1.0", "v1": "0.5", "v2": "3.0"}
    query |= {"b1x": "1.0", "b1y": "2.0", "b2x": "3.0", "b2y": "-1.0", "xx": "-2.0", "xy": "1.5"}
    dot, similarity, basis, line, projection = idea_figures(query)
    u, v = np.array([2.5, -1.0]), np.array([0.5, 3.0])
    shadow = _points(_trace(dot, "shadow of v on u"))[1]
    np.testing.assert_allclose(shadow, (u @ v) / (u @ u) * u, atol=1e-12)
    # Change of basis: the dotted path c₁b₁ then c₂b₂ ends exactly at x.
    B = np.array([[1.0, 3.0], [2.0, -1.0]])
    x = np.array([-2.0, 1.5])
    c = np.linalg.solve(B, x)
    first = next(t for t in basis["data"] if t.get("name", "").startswith("c₁b₁"))
    second = next(t for t in basis["data"] if t.get("name", "").startswith("c₂b₂"))
    np.testing.assert_allclose(_points(first)[1], c[0] * B[:, 0], atol=1e-12)
    np.testing.assert_allclose(_points(second)[1], x, atol=1e-12)
    # The heatmap holds scipy's cosine similarities.
    table = np.array(list(vectors.EMBEDDINGS.values()))
    np.testing.assert_allclose(
        np.asarray(similarity["data"][0]["z"]),
        1 - distance.squareform(distance.pdist(table, "cosine")),
        atol=1e-12,
    )


def test_page_fits_the_drawn_points_with_numpys_least_squares():
    at = run_page(PAGE, {"ls_seed": "7", "ls_n": "40", "ls_noise": "2.0", "idea": IDEAS[3]})
    line, projection = figures(at)
    data = _points(_trace(line, "data (x, y)"))
    slope, intercept = np.polyfit(data[:, 0], data[:, 1], 1)
    drawn_line = _points(next(t for t in line["data"] if t["name"].startswith("ŷ =")))
    np.testing.assert_allclose(drawn_line[:, 1], intercept + slope * drawn_line[:, 0], atol=1e-9)

    # 3-D: e is perpendicular to both drawn columns, and ŷ + e = y.
    def vector(name):
        trace = next(t for t in projection["data"] if t.get("name", "").startswith(name))
        points = np.column_stack([trace["x"], trace["y"], trace["z"]])
        return points[-1] - points[0]

    e = vector("e =")
    for column in ("column 1", "column x"):
        assert abs(vector(column) @ e) < 1e-9 * np.linalg.norm(vector(column)) * np.linalg.norm(e)
    np.testing.assert_allclose(vector("ŷ") + e, vector("y (the data)"), atol=1e-9)
    assert np.linalg.norm(e) == pytest.approx(
        np.linalg.norm(data[:, 1] - (intercept + slope * data[:, 0]))
    )


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"u1": "0", "u2": "0"}, "zero vector"),
        ({"b1x": "1", "b1y": "2", "b2x": "2", "b2y": "4", "idea": IDEAS[2]}, "dependent"),
        ({"b1x": "0", "b1y": "0", "b2x": "0", "b2y": "0", "idea": IDEAS[2]}, "dependent"),
        ({"b1x": "4", "b1y": "4", "b2x": "3.9", "b2y": "4", "idea": IDEAS[2]}, "nearly parallel"),
        ({"ls_noise": "0", "idea": IDEAS[3]}, "exactly on a line"),
    ],
)
def test_awkward_inputs_get_a_plain_note(query, words):
    at = run_page(PAGE, query)
    assert not at.exception and not at.error
    assert any(words in note.value for note in at.info), [n.value for n in at.info]
    for element in [*at.latex, *at.info]:
        assert not re.search(r"\bnan\b|\binf\b", element.value.lower())


def test_figures_are_small_and_geometric_ones_are_square():
    for idea in IDEAS:
        assert all(size <= 300_000 for size in figure_sizes(run_page(PAGE, {"idea": idea})))
    dot, _, basis, _, projection = idea_figures()
    for spec in (dot, basis):
        assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    ratio = projection["layout"]["scene"]["aspectratio"]
    assert ratio["x"] == pytest.approx(1) or ratio["y"] == pytest.approx(1)


def test_an_old_link_with_idea_opens_that_idea():
    at = run_page(PAGE, {"idea": "Least squares"})
    assert not at.exception and at.session_state["part"] == "Least squares"
    assert at.query_params["part"] == "Least squares" and "idea" not in at.query_params
    assert {"ls_seed", "ls_n", "ls_noise"} <= {slider.key for slider in at.slider}


def test_cosine_caption_and_text_count_the_same_features():
    """The caption once said 5 features and the text "four": both follow the data."""
    at = run_page(PAGE, {"part": "Cosine similarity"})
    n = len(vectors.EMBEDDING_FEATURES)
    assert any(f"vector of {n} made-up features" in c.value for c in at.caption)
    prose = " ".join(m.value for m in at.markdown)
    assert f"instead of {n}." in prose and "instead of four" not in prose


PROGRAMMER_NOTATION = re.compile(r"\d[eE][+-]?\d|_|\^\(|\bNone\b|\bnan\b|\binf\b")
VIEWS = [
    {"part": IDEAS[0]},
    {"part": IDEAS[0], "u1": "0", "u2": "0"},
    {"part": IDEAS[0], "u1": "-4", "u2": "0.1", "v1": "4", "v2": "-0.1"},
    {"part": IDEAS[1], "word1": "cat", "word2": "bread"},
    {"part": IDEAS[2], "b1x": "4", "b1y": "4", "b2x": "3.9", "b2y": "4", "xx": "-4", "xy": "4"},
    {"part": IDEAS[2], "b1x": "1", "b1y": "2", "b2x": "2", "b2y": "4"},
    {"part": IDEAS[3], "ls_noise": "0"},
    {"part": IDEAS[3], "ls_n": "200", "ls_noise": "3"},
]


def _figure_words(fig) -> list[str]:
    """The text a figure writes on screen: legend names, labels, axis and colour-bar titles."""
    words = []
    for trace in fig["data"]:
        if trace.get("showlegend", True) and trace.get("name"):
            words.append(trace["name"])
        text = trace.get("text")
        if isinstance(text, str):
            words.append(text)
        elif text is not None:
            words += [str(t) for t in np.ravel(np.asarray(text, dtype=object))]
        words.append(str(trace.get("colorbar", {}).get("title", {}).get("text", "")))
    layout = fig["layout"]
    for axis in ("xaxis", "yaxis"):
        words.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
    return words


@pytest.mark.parametrize("query", VIEWS, ids=[str(q) for q in VIEWS])
def test_no_view_shows_programmer_notation(query):
    """Numbers read as 2.5×10⁶ and names as b₁, never 2.5e+06, b_1 or None, on the picture
    and in the words (LaTeX may use _ and ^ for itself)."""
    at = run_page(PAGE, query)
    assert not at.exception and not at.error
    main = at.main  # the sidebar holds the link to the view, an address
    prose = [e.value for e in (*main.markdown, *main.info, *main.caption, *main.header)]
    for fig in figures(at):
        prose += _figure_words(fig)
    for words in prose:
        shown = re.sub(r"\(https?://[^)]*\)", "", words)  # a link's address is not shown
        assert not PROGRAMMER_NOTATION.search(shown), words
    for latex in at.latex:
        assert not re.search(r"\d[eE][+-]?\d|\bNone\b|\bnan\b|\binf\b", latex.value), latex.value
