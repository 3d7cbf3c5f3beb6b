"""The figures of /eigenvectors-svd, built from scenes and held against the scenes' numbers."""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.core.matrix2 import eigen_analysis
from mathviz.linalg import eigen, figures_eigen, pca, power, svd, text_eigen
from tests.harness.apptest import decode_arrays


def _xy(trace):
    return np.column_stack([np.asarray(trace["x"], float), np.asarray(trace["y"], float)])


@pytest.mark.parametrize(
    "name", ["Symmetric stretch", "Rotation and scale (complex)", "Zero matrix"]
)
def test_the_morph_figure_draws_every_frame_of_the_scene(name):
    A = eigen.PRESETS[name].matrix
    scene = eigen.morph_scene(A, n_frames=9)
    labels = text_eigen.line_labels(eigen_analysis(A))
    spec = decode_arrays(figures_eigen.morph_figure(scene, labels).to_dict())
    assert len(spec["frames"]) == 9
    for k, frame in enumerate(spec["frames"]):
        np.testing.assert_allclose(_xy(frame["data"][0]), scene.grid[k])
        np.testing.assert_allclose(_xy(frame["data"][1]), scene.shape[k])
    np.testing.assert_allclose(_xy(spec["data"][3]), scene.shape[-1])  # opens on A
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"


def test_the_power_figure_has_one_frame_per_step_and_a_square_circle_only():
    scene = power.power_scene(np.array([[3.0, 1.0], [0.0, 2.0]]), 100, 7)
    spec = decode_arrays(figures_eigen.power_figure(scene, dark=True).to_dict())
    assert len(spec["frames"]) == 8
    np.testing.assert_allclose(_xy(spec["frames"][-1]["data"][1])[1], scene.iteration.iterates[-1])
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert "scaleanchor" not in spec["layout"]["yaxis2"]
    curve = [t for t in spec["data"] if t.get("name") == "angle between vₖ and v₁"][0]
    np.testing.assert_allclose(np.asarray(curve["y"], float), scene.angles)


def test_the_svd_figure_plays_three_stages_to_the_ellipse():
    A = np.array([[2.0, 1.5], [-0.5, 1.0]])
    scene = svd.svd_scene(A, frames_per_stage=5)
    spec = decode_arrays(figures_eigen.svd_figure(scene).to_dict())
    go.Figure(figures_eigen.svd_figure(scene).to_dict())
    assert len(spec["frames"]) == 16
    np.testing.assert_allclose(_xy(spec["data"][0]), scene.ellipse)
    labels = [b["label"] for b in spec["layout"]["updatemenus"][0]["buttons"]]
    assert [label.split(" ·")[0] for label in labels[1:4]] == ["1", "2", "3"]


def test_the_pca_figure_draws_the_cloud_and_its_axes():
    scene = pca.pca_scene(0, 200, 0.8, 2.0, 1.0)
    spec = decode_arrays(figures_eigen.pca_figure(scene).to_dict())
    np.testing.assert_allclose(_xy(spec["data"][0]), scene.points)
    arrows = [t for t in spec["data"] if str(t.get("name", "")).startswith("PC")]
    for index, arrow in enumerate(arrows):
        np.testing.assert_allclose(_xy(arrow)[1], scene.axes_tips[index])
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"


def _color(trace):
    return trace["line"]["color"]


@pytest.mark.parametrize("name", list(eigen.PRESETS))
def test_each_eigenvector_has_its_own_colour_and_its_name_at_its_tip(name):
    A = eigen.PRESETS[name].matrix
    matrix = eigen.display_factor(A) * A
    scene = eigen.morph_scene(matrix)
    labels = text_eigen.line_labels(eigen_analysis(matrix))
    spec = decode_arrays(figures_eigen.morph_figure(scene, labels).to_dict())
    v1, v2, i_hat, j_hat = spec["data"][4:8]
    colours = [_color(v1), _color(v2), _color(i_hat), _color(j_hat)]
    assert len(set(colours)) == 4  # v₁, v₂, î, ĵ: four colours
    if len(scene.lines) == 2:  # each eigenvector line in its arrow's colour
        assert [_color(t) for t in spec["data"][:2]] == colours[:2]
    # The arrows as drawn on A: the eigenvectors' images and A's columns, named at the tip.
    for index, arrow in enumerate((v1, v2)[: len(scene.arrow_tips)]):
        np.testing.assert_allclose(_xy(arrow)[1], scene.arrows[-1, index])
        np.testing.assert_allclose(
            _xy(spec["frames"][-1]["data"][2 + index])[1], scene.arrows[-1, index]
        )
    for index, arrow in enumerate((i_hat, j_hat)):
        np.testing.assert_allclose(_xy(arrow)[1], matrix[:, index], atol=1e-12)
        np.testing.assert_allclose(_xy(spec["frames"][0]["data"][4 + index])[1], np.eye(2)[index])
    if name not in ("Zero matrix", "Rotation and scale (complex)"):
        assert v1["text"][1] == "Av₁ = λ₁v₁"
        assert spec["frames"][0]["data"][2]["text"][1] == "v₁"
    if name != "Zero matrix":
        assert [i_hat["text"][1], j_hat["text"][1]] == ["Aî", "Aĵ"]
        assert spec["frames"][0]["data"][4]["text"][1] == "î"
    # î and ĵ are drawn over the eigenvector arrows, thinner, so both show where they meet.
    assert i_hat["line"]["width"] < v1["line"]["width"]


def test_on_the_mirror_i_and_j_lie_on_the_eigenvectors_and_their_names_apart():
    A = eigen.PRESETS["Reflection"].matrix
    scene = eigen.morph_scene(A)
    spec = figures_eigen.morph_figure(scene, text_eigen.line_labels(eigen_analysis(A))).to_dict()
    v1, v2, i_hat, j_hat = spec["data"][4:8]
    np.testing.assert_allclose(_xy(decode_arrays(i_hat))[1], _xy(decode_arrays(v1))[1])
    np.testing.assert_allclose(_xy(decode_arrays(j_hat))[1], _xy(decode_arrays(v2))[1])
    assert i_hat["textposition"] != v1["textposition"]
    assert j_hat["textposition"] != v2["textposition"]


@pytest.mark.parametrize(
    "settings",
    [
        (0, 300, 0.8, 2.0, 1.0),
        (3, 1000, -0.99, 3.0, 0.2),
        (7, 10, 0.0, 0.2, 0.2),
        (1, 200, 0.5, 0.2, 3.0),
    ],
)
def test_the_pca_axes_fit_the_cloud(settings):
    scene = pca.pca_scene(*settings)
    spec = decode_arrays(figures_eigen.pca_figure(scene).to_dict())
    points = _xy(spec["data"][0])
    for axis, column in (("xaxis", 0), ("yaxis", 1)):
        low, high = spec["layout"][axis]["range"]
        values = points[:, column]
        assert low <= values.min() and values.max() <= high
        for drawn in (scene.ellipses[1], scene.axes_tips):
            assert low <= drawn[:, column].min() and drawn[:, column].max() <= high
        assert np.ptp(values) >= 0.6 * (high - low)  # the cloud fills the plot


def test_the_power_hover_shows_numbers_not_programmer_notation():
    # A tiny ratio |λ₂/λ₁|: the angle falls to 10⁻¹³ degrees and beyond.
    scene = power.power_scene(np.array([[1.0, 0.0], [0.0, 1e-4]]), 40, 30)
    spec = figures_eigen.power_figure(scene).to_dict()
    hovered = [t for t in spec["data"] if "customdata" in t]
    assert len(hovered) == 2
    for trace in hovered:
        assert "%{y" not in trace["hovertemplate"]
        assert len(trace["customdata"]) == len(scene.angles)
        for shown in trace["customdata"]:
            assert not re.search(r"e[+-]|nan|inf", shown), shown
    assert any("⁻" in shown for shown in hovered[1]["customdata"])  # 10⁻¹³, not 1e-13
    for trace in spec["data"]:
        assert "hovertemplate" in trace or trace.get("hoverinfo") in ("skip", "name", None)


@pytest.mark.parametrize(
    "A", [[[1.0, 0.0], [0.0, -1.0]], [[-0.7, -1.27], [-0.62, 0.04]], [[2.0, 1.5], [-0.5, 1.0]]]
)
def test_the_svd_buttons_are_short_enough_for_one_row(A):
    # The longest labels (turns of -168° and a flip) fit a 1280 px projector's chart beside
    # its formula (seen in presentation mode): at most 63 characters in all.
    scene = svd.svd_scene(np.array(A))
    buttons = figures_eigen.svd_figure(scene).to_dict()["layout"]["updatemenus"][0]["buttons"]
    assert len(buttons) == 5 and buttons[-1]["label"] == "❚❚"
    assert sum(len(b["label"]) for b in buttons) <= 63
    assert not any("." in b["label"] for b in buttons)  # whole degrees
