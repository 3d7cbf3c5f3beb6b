"""The figures of /eigenvectors-svd, built from scenes and held against the scenes' numbers."""

from __future__ import annotations

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
