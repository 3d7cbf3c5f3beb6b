"""The /eigenvectors-svd page as a browser receives it: figures decoded and re-checked
against numpy.linalg."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from mathviz.core import geometry
from tests.harness.apptest import figure_sizes, figures, run_page

PAGE = "pages/eigenvectors-svd.py"


def _numpy_dominant(A):
    values, vectors = np.linalg.eig(A)
    order = np.argsort(-np.abs(values))
    return values[order], vectors[:, order]


def _frame_points(fig, trace_index, frame=-1):
    """x, y of a trace as drawn in a frame (the data the browser animates to)."""
    frames = fig["frames"]
    chosen = frames[frame]
    position = chosen["traces"].index(trace_index)
    trace = chosen["data"][position]
    return np.column_stack([trace["x"], trace["y"]])


LESSONS = ("Eigenvectors", "Power iteration", "SVD", "PCA")


def lesson_figures(query: dict[str, str] | None = None) -> list[dict]:
    """The figure of each lesson (the page shows one lesson at a time), in LESSONS order."""
    found = []
    for lesson in LESSONS:
        at = run_page(PAGE, {**(query or {}), "lesson": lesson})
        assert not at.exception and not at.error, lesson
        (figure,) = figures(at)
        found.append(figure)
    return found


def test_page_draws_true_eigenvectors_and_the_svd_ellipse_of_typed_in_entries():
    A = np.array([[1.5, 1.0], [0.5, 1.0]])
    morph, power, svd, pca = lesson_figures({"matrix": "Entries"})
    # Drawn eigenvector lines: A d is parallel to d (A d = λ d), with numpy's eigenvalues.
    values = sorted(np.linalg.eigvals(A).real)
    for trace in morph["data"][:2]:
        ends = np.column_stack([trace["x"], trace["y"]])
        direction = (ends[1] - ends[0]) / np.linalg.norm(ends[1] - ends[0])
        image = A @ direction
        assert abs(image[0] * direction[1] - image[1] * direction[0]) < 1e-9
        assert min(abs(image @ direction - value) for value in values) < 1e-9
    # Last frame of the morph: the circle with spokes, mapped by A.
    shape = _frame_points(morph, 3)
    circle, _ = geometry.circle_with_spokes()
    np.testing.assert_allclose(shape[: len(circle)], circle @ A.T, atol=1e-12)
    # SVD: the final shape's coloured arrow tips have lengths σ₁, σ₂.
    final = _frame_points(svd, 2)
    lengths = sorted(np.linalg.norm(final[len(circle) :][1::2], axis=1), reverse=True)
    np.testing.assert_allclose(lengths, np.linalg.svd(A, compute_uv=False), atol=1e-12)
    # PCA: the drawn arrows go 2√λ along numpy's covariance eigenvectors of the drawn points.
    points = np.column_stack([pca["data"][0]["x"], pca["data"][0]["y"]])
    values, vectors = np.linalg.eigh(np.cov(points.T))
    for trace, index in zip(pca["data"][5:7], (1, 0), strict=True):
        start, tip = np.column_stack([trace["x"], trace["y"]])
        arrow = tip - start
        assert np.linalg.norm(arrow) == pytest.approx(2 * math.sqrt(values[index]))
        assert abs(arrow @ vectors[:, index]) / np.linalg.norm(arrow) == pytest.approx(1)


def test_the_power_panel_shows_numpys_dominant_eigenvector():
    at = run_page(PAGE, {"preset": "Upper triangular", "steps": "20", "lesson": "Power iteration"})
    (power,) = figures(at)
    values, vectors = _numpy_dominant(np.array([[3.0, 1.0], [0.0, 2.0]]))
    current = _frame_points(power, 4)[1]  # the arrow's tip in the last frame
    assert abs(current @ vectors[:, 0]) / np.linalg.norm(vectors[:, 0]) == pytest.approx(
        1, abs=1e-3
    )
    measured = np.asarray(power["data"][6]["y"])
    ratio = abs(values[1] / values[0])
    # The log plot falls by |λ₂/λ₁| per step once the start is forgotten.
    np.testing.assert_allclose(measured[-1] / measured[-2], ratio, rtol=1e-2)


@pytest.mark.parametrize(
    "query",
    [
        {"matrix": "Entries", "a": "1000000", "b": "-1000000", "c": "1000000", "d": "1000000"},
        {"matrix": "Entries", "a": "0", "b": "0", "c": "0", "d": "0"},
        {"matrix": "Entries", "a": "1", "b": "1", "c": "0", "d": "1"},
        {"matrix": "Entries", "a": "1", "b": "2", "c": "2", "d": "4"},
        {"matrix": "Entries", "a": "1e-12", "b": "0", "c": "0", "d": "1"},
        {"matrix": "Entries", "a": "banana", "b": "nan", "c": "inf", "d": "-1e400"},
        {"preset": "no such preset"},
        {"steps": "1000", "v0": "-5"},
    ],
)
@pytest.mark.parametrize("lesson", LESSONS)
def test_awkward_matrices_render_with_words_not_errors(query, lesson):
    at = run_page(PAGE, {**query, "lesson": lesson})
    assert not at.exception and not at.error
    for element in [*at.latex, *at.info, *at.warning]:
        assert not re.search(r"\bnan\b|\binf\b", element.value.lower()), element.value
    for spec in figures(at):
        for trace in spec["data"]:
            for axis in ("x", "y"):
                if isinstance(trace.get(axis), np.ndarray):
                    assert np.all(np.isfinite(trace[axis]))


def duration_of(spec: dict) -> int:
    """Milliseconds per frame of a figure's ▶ Play."""
    return spec["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["frame"]["duration"]


def test_figures_fit_the_size_budget_and_animate_in_the_browser():
    specs = lesson_figures({"steps": "30"})
    for lesson in LESSONS:
        at = run_page(PAGE, {"steps": "30", "lesson": lesson})
        for size, spec in zip(figure_sizes(at), figures(at), strict=True):
            assert size <= (2_000_000 if spec.get("frames") else 300_000)
    morph, power, svd, _ = specs
    for spec in (morph, power, svd):
        play = spec["layout"]["updatemenus"][0]["buttons"][0]
        assert play["method"] == "animate"
        options = play["args"][1]
        assert options["frame"]["redraw"] is False
        names = {frame["name"] for frame in spec["frames"]}
        steps = spec["layout"]["sliders"][0]["steps"]
        assert [step["args"][0][0] for step in steps] == [f["name"] for f in spec["frames"]]
        assert set(play["args"][0]) <= names
    # Power iteration steps from iterate to iterate: no glide between them.
    assert power["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["transition"]["duration"] == 0
    for spec in (morph, svd):
        # Eased key frames that plotly glides between, linearly, at the screen's rate.
        options = spec["layout"]["updatemenus"][0]["buttons"][0]["args"][1]
        duration = options["frame"]["duration"]
        assert options["transition"] == {"duration": duration, "easing": "linear"}
        assert 50 <= duration <= 100
    # Slow enough to talk over: the morph about 2 s after a short rest on I; each SVD stage
    # 1-1.5 s, with a rest after it.
    play_ms = len(morph["layout"]["updatemenus"][0]["buttons"][0]["args"][0]) * duration_of(morph)
    assert 2000 <= play_ms <= 3000
    for button in svd["layout"]["updatemenus"][0]["buttons"][1:4]:
        assert 1000 <= (len(button["args"][0]) - 1) * duration_of(svd) <= 1500
    sequence = svd["layout"]["updatemenus"][0]["buttons"][0]["args"][0]
    rests = sum(a == b for a, b in zip(sequence[:-1], sequence[1:], strict=True))
    assert rests * duration_of(svd) >= 4 * 400  # at the start and after each of the 3 stages
    # The SVD has a button per stage, each playing from where the last one ended.
    labels = [button["label"] for button in svd["layout"]["updatemenus"][0]["buttons"]]
    assert [label.split(" ·")[0] for label in labels[1:4]] == ["1", "2", "3"]


@pytest.mark.parametrize("lesson", ["Eigenvectors", "Power iteration", "SVD"])
def test_the_speed_in_the_link_reaches_every_play(lesson):
    default = duration_of(figures(run_page(PAGE, {"lesson": lesson}))[0])
    at = run_page(PAGE, {"lesson": lesson, "speed": "2×"})
    assert not at.exception and at.session_state["speed"] == "2×"
    assert duration_of(figures(at)[0]) == round(default / 2)
    slow = run_page(PAGE, {"lesson": lesson, "speed": "0.5×"})
    assert duration_of(figures(slow)[0]) == default * 2


def test_geometric_pictures_keep_one_unit_as_long_on_both_axes():
    morph, power, svd, pca = lesson_figures()
    for spec in (morph, power, svd, pca):
        assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert "scaleanchor" not in power["layout"]["yaxis2"]  # the log plot is not geometry


def test_old_links_with_lesson_and_steps_open_that_view():
    at = run_page(PAGE, {"lesson": "PCA"})
    assert not at.exception and at.session_state["part"] == "PCA"
    assert "pca_seed" in {slider.key for slider in at.slider}
    power = run_page(PAGE, {"lesson": "Power iteration", "steps": "5"})
    assert power.session_state["part"] == "Power iteration"
    assert power.session_state["power_steps"] == 5
    assert "steps" not in power.query_params
    (figure,) = figures(power)
    assert len(figure["frames"]) == 6  # v₀ and five steps
