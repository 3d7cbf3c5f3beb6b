"""The figures of /linear-algebra, built from scenes and held against the scenes' numbers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.core.matrix2 import eigen_analysis, matrix_facts
from mathviz.linalg import cube, figures_transform, morph, scene, transform
from tests.harness.apptest import decode_arrays


def _view(entries, eig=True, method="straight"):
    A = transform.as_matrix(entries)
    spans = eigen_analysis(A).spans if eig else ()
    return scene.transform_scene(morph.morph(A, method), (1.0, 2.0), spans, matrix_facts(A))


def _xy(trace):
    return np.column_stack([np.asarray(trace["x"], float), np.asarray(trace["y"], float)])


@pytest.mark.parametrize("entries", [(3, 1, 0, 2), (0, -1, 1, 0), (1, 2, 2, 4), (-1, 0, 0, 1)])
def test_the_transform_figure_is_valid_plotly_and_draws_the_scene(entries):
    view = _view(entries)
    spec = decode_arrays(figures_transform.transform_figure(view).to_dict())
    go.Figure(figures_transform.transform_figure(view).to_dict())  # plotly validates it
    assert len(spec["frames"]) == len(view.animation.matrices)
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"  # one unit as long on both axes
    by_meta = {trace["meta"]: trace for trace in spec["data"]}
    np.testing.assert_allclose(_xy(by_meta["grid"]), view.grid_images[-1])
    np.testing.assert_allclose(_xy(by_meta["Av"]), view.image_arrows[-1])
    np.testing.assert_allclose(_xy(by_meta["v"]), view.vector_arrow)
    for k in (0, len(view.animation.matrices) // 2):
        np.testing.assert_allclose(_xy(spec["frames"][k]["data"][0]), view.grid_images[k])
    assert spec["layout"]["xaxis"]["range"] == pytest.approx(list(view.window[:2]))


def test_frame_labels_carry_each_frames_determinant():
    view = _view((-1, 0, 0, 1), eig=False)
    labels = figures_transform.frame_labels(view)
    assert len(labels) == len(view.determinants)
    assert labels[0].endswith("det = 1") and "flipped over" in labels[-1]
    assert any("flattened" in label for label in labels)  # the mirror passes through det 0


def test_a_singular_matrix_gets_no_undo_button():
    buttons = figures_transform.transform_figure(_view((1, 2, 2, 4)), reversible=False)
    labels = [b["label"] for b in buttons.to_dict()["layout"]["updatemenus"][0]["buttons"]]
    assert not any("Undo" in label for label in labels)


def test_the_cube_figure_is_valid_and_draws_m_applied_to_the_cube():
    M = cube.CUBE_PRESETS["mirror"].matrix
    view = cube.cube_scene(M)
    spec = decode_arrays(figures_transform.cube_figure(view, dark=True).to_dict())
    mesh = spec["data"][0]
    vertices = np.column_stack([np.asarray(mesh[axis], float) for axis in "xyz"])
    np.testing.assert_allclose(vertices, cube.CUBE_VERTICES @ M.T)
    assert mesh["color"] == "#D55E00"  # det M < 0: inside out
    assert spec["layout"]["scene"]["aspectmode"] == "cube"


@pytest.mark.parametrize(
    ("tip", "position"),
    [((3, 0), "middle right"), ((1, 3), "top center"), ((1, 2), "top right"), ((1, 1), "top right"),
     ((-2, 0.1), "middle left"), ((-1, -1), "bottom left"), ((0, -2), "bottom center")],
)  # fmt: skip
def test_a_label_sits_beyond_its_arrows_tip(tip, position):
    assert figures_transform.tip_position(np.array(tip, float)) == position


def test_names_are_written_at_the_tips_and_the_frames_move_only_the_moving_traces():
    view = _view((3, 1, 0, 2), eig=True)
    spec = decode_arrays(figures_transform.transform_figure(view).to_dict())
    by_meta = {trace["meta"]: trace for trace in spec["data"]}
    assert spec["layout"]["showlegend"] is False  # the names are on the picture
    tips = [("e1", "î", view.basis_arrows[-1, 0]), ("Av", "Av", view.image_arrows[-1])]
    for meta, label, arrow in [*tips, ("v", "v", view.vector_arrow)]:
        trace = by_meta[meta]
        at = trace["text"].index(f"<b>{label}</b>")
        np.testing.assert_allclose(_xy(trace)[at], arrow[1])  # the tip: 0 -> tip -> barbs
    eigen_labels = [t["text"][1] for t in spec["data"] if t["meta"] == "eigenvector"]
    assert eigen_labels == ["<b>λ = 3</b>", "<b>λ = 2</b>"] or eigen_labels == [
        "<b>λ = 2</b>", "<b>λ = 3</b>"]  # fmt: skip
    moving = spec["frames"][0]["traces"]
    metas = [spec["data"][i]["meta"] for i in moving]
    assert metas[0] == "grid" and "ghost grid" not in metas and "v" not in metas
    ghost = _xy(by_meta["ghost grid"])
    np.testing.assert_allclose(ghost, view.ghost)  # the grid before A, not moved


def test_an_eigenvector_sent_to_zero_is_not_named_at_the_origin():
    assert figures_transform.eigen_name(0.0, np.zeros(2)) == ""
    assert figures_transform.eigen_name(3.0, np.array([3.0, 0.0])) == "λ = 3"
    view = _view((0.5, 0.5, 0.5, 0.5), eig=True)  # the projection onto y = x: λ = 1 and 0
    spec = decode_arrays(figures_transform.transform_figure(view).to_dict())
    names = sorted(t["text"][1] for t in spec["data"] if t["meta"] == "eigenvector")
    assert names == ["", "<b>λ = 1</b>"]
