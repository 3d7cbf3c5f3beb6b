"""The /linear-algebra page as a browser receives it: figures decoded and re-checked."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from mathviz import urlstate
from mathviz.linalg import cube, morph
from mathviz.linalg import (
    scene as transform_scene,
)
from tests.core.cases import cross, fan_area
from tests.harness.apptest import figure_sizes, figures, query_dict, run_page

PAGE = "pages/linear-algebra.py"


NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)  # LaTeX's \infty is fine


def by_meta(fig: dict) -> dict[str, dict]:
    return {trace.get("meta"): trace for trace in fig["data"] if trace.get("meta")}


def frame_traces(fig: dict, k: int) -> dict[str, dict]:
    """Frame k's animated traces, keyed by the role (meta) of the trace they update."""
    frame = fig["frames"][k]
    indices = frame.get("traces", range(len(frame["data"])))  # default: the first traces
    return {fig["data"][i]["meta"]: data for i, data in zip(indices, frame["data"], strict=True)}


def xy(trace: dict) -> np.ndarray:
    return np.column_stack([np.asarray(trace["x"], float), np.asarray(trace["y"], float)])


def page_text(at) -> str:
    parts = [
        e.value
        for kind in ("markdown", "latex", "info", "warning", "caption")
        for e in at.get(kind)
    ]
    return " ".join(str(p) for p in parts)


def entries_query(a: float, b: float, c: float, d: float, **extra: str) -> dict[str, str]:
    return {"a": repr(a), "b": repr(b), "c": repr(c), "d": repr(d), **extra}


def test_the_plotted_grid_is_a_applied_to_the_original_grid():
    a = np.array([[2.0, 1.0], [0.0, 1.0]])
    at = run_page(PAGE, entries_query(2, 1, 0, 1))
    fig = figures(at)[0]
    original = xy(frame_traces(fig, 0)["grid"])
    grid_x = original[:, 0]
    assert np.all(grid_x == np.round(grid_x)), "before the map the grid is the integer grid"
    drawn = xy(by_meta(fig)["grid"])
    np.testing.assert_allclose(drawn, original @ a.T, atol=1e-12)
    np.testing.assert_allclose(xy(frame_traces(fig, len(fig["frames"]) - 1)["grid"]), drawn)


def test_first_frame_is_the_identity_and_last_frame_is_a():
    a = np.array([[0.5, -1.5], [1.0, 0.25]])
    fig = figures(run_page(PAGE, entries_query(0.5, -1.5, 1.0, 0.25)))[0]
    first, last = frame_traces(fig, 0), frame_traces(fig, len(fig["frames"]) - 1)
    np.testing.assert_allclose(xy(first["e1"])[1], [1, 0])
    np.testing.assert_allclose(xy(first["e2"])[1], [0, 1])
    np.testing.assert_allclose(xy(first["square"]), transform_scene.UNIT_SQUARE)
    np.testing.assert_allclose(xy(last["e1"])[1], a[:, 0])
    np.testing.assert_allclose(xy(last["e2"])[1], a[:, 1])
    np.testing.assert_allclose(xy(last["square"]), transform_scene.UNIT_SQUARE @ a.T)
    np.testing.assert_allclose(xy(last["Av"])[1], a @ [1.0, 1.0])  # default v = (1, 1)
    # What is shown before Play is the last frame, and the slider starts there.
    for meta, trace in last.items():
        np.testing.assert_allclose(xy(by_meta(fig)[meta]), xy(trace), err_msg=meta)
    slider = fig["layout"]["sliders"][0]
    assert slider["steps"][slider["active"]]["args"][0] == [fig["frames"][-1]["name"]]


def test_the_animation_is_client_side_with_play_pause_and_a_scrub_slider():
    fig = figures(run_page(PAGE))[0]
    names = [frame["name"] for frame in fig["frames"]]
    buttons = {b["label"]: b for b in fig["layout"]["updatemenus"][0]["buttons"]}
    play = buttons["▶ Play"]["args"]
    assert play[0] is None and play[1]["frame"]["redraw"] is False
    # Eased key frames that plotly glides between (linearly, at the screen's rate): a morph
    # of about 2 s, slow enough to talk over, from a few frames.
    frame_ms = play[1]["frame"]["duration"]
    assert play[1]["transition"] == {"duration": frame_ms, "easing": "linear"}
    assert frame_ms <= 100 and 1800 <= frame_ms * (len(names) - 1) <= 2500
    assert buttons["❚❚ Pause"]["args"][0] == [None]
    assert buttons["◀ Undo (A⁻¹)"]["args"][0] == names[::-1]  # invertible: play it backwards
    steps = fig["layout"]["sliders"][0]["steps"]
    # A scrub step every other frame, first and last included (Play shows them all).
    assert [step["args"][0] for step in steps] == [[name] for name in names[::2]]
    assert names[::2][-1] == names[-1]
    assert all(
        step["method"] == "animate" and step["args"][1]["mode"] == "immediate" for step in steps
    )


@pytest.mark.parametrize(("speed", "factor"), [("0.5×", 0.5), ("1×", 1.0), ("2×", 2.0)])
def test_the_speed_in_the_link_sets_how_fast_play_runs(speed, factor):
    default = figures(run_page(PAGE))[0]["layout"]["updatemenus"][0]["buttons"]
    at = run_page(PAGE, {"speed": speed})
    assert not at.exception and at.session_state["speed"] == speed
    buttons = figures(at)[0]["layout"]["updatemenus"][0]["buttons"]
    for now, then in zip(buttons, default, strict=True):
        if now["label"] == "❚❚ Pause":
            continue
        expected = round(then["args"][1]["frame"]["duration"] / factor)
        assert now["args"][1]["frame"]["duration"] == expected
        assert now["args"][1]["transition"]["duration"] == expected


@pytest.mark.parametrize(
    ("entries", "flipped"),
    [
        ((3, 1, 0, 2), False),
        ((-1, 0.5, 0.5, 1.5), True),
        ((0, 1, 1, 0), True),
        ((1, 2, 2, 4), False),
    ],
)
def test_the_drawn_parallelogram_has_signed_area_det_a(entries, flipped):
    a = np.array(entries, dtype=float).reshape(2, 2)
    fig = figures(run_page(PAGE, entries_query(*entries)))[0]
    traces = by_meta(fig)
    shown = traces["square flipped"] if flipped else traces["square"]
    assert fan_area(xy(shown)) == pytest.approx(np.linalg.det(a), abs=1e-12)
    # The letter F turns right from its stem to its bar; a map with det < 0 mirrors it.
    stem, bar = np.diff(xy(traces["letter"])[[0, 1, 2]], axis=0)
    assert np.sign(cross(stem, bar)) == -np.sign(np.linalg.det(a))
    if flipped:  # the other fill is empty
        assert len(xy(traces["square"])) == 1  # a single point: nothing drawn
    else:
        assert "square flipped" not in traces


def test_drawn_eigenvectors_satisfy_av_equals_lambda_v_and_stay_on_their_lines():
    a = np.array([[3.0, 1.0], [0.0, 2.0]])
    fig = figures(run_page(PAGE, entries_query(3, 1, 0, 2, eig="true")))[0]
    lines = [xy(t) for t in fig["data"] if t.get("meta") == "eigen-line"]
    reference = sorted(np.linalg.eigvals(a).real)
    assert len(lines) == 2
    found = []
    index = [i for i, t in enumerate(fig["data"]) if t.get("meta") == "eigenvector"]
    for k in range(len(fig["frames"])):
        frame = fig["frames"][k]
        for i in index:
            position = list(frame.get("traces", range(len(frame["data"])))).index(i)
            tip = xy(frame["data"][position])[1]
            start = xy(fig["frames"][0]["data"][position])[1]
            assert abs(cross(tip, start)) < 1e-12, "an eigenvector stays on its line in every frame"
            if k == len(fig["frames"]) - 1:
                value = float(tip @ start)
                np.testing.assert_allclose(a @ start, value * start, atol=1e-12)  # A u = λ u
                found.append(value)
    assert sorted(found) == pytest.approx(reference)
    for line in lines:  # each drawn line is a line that A maps onto itself
        direction = (line[1] - line[0]) / np.linalg.norm(line[1] - line[0])
        assert abs(cross(a @ direction, direction)) < 1e-9


def test_complex_eigenvalues_are_explained_not_drawn():
    at = run_page(PAGE, {"mode": "Preset", "p": "rotate and scale", "eig": "true"})
    fig = figures(at)[0]
    assert not [t for t in fig["data"] if t.get("meta") in ("eigenvector", "eigen-line")]
    assert "rotation-and-scale, no real eigenvector" in page_text(at).lower()


@pytest.mark.parametrize(
    ("query", "rank"),
    [
        ({"mode": "Preset", "p": "projection"}, 1),
        (entries_query(1, 2, 0.5, 1), 1),
        ({"mode": "Preset", "p": "zero"}, 0),
    ],
)
def test_singular_matrices_show_rank_column_and_null_space_and_no_inverse(query, rank):
    at = run_page(PAGE, query)
    fig = figures(at)[0]
    traces = by_meta(fig)
    buttons = [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]]
    assert not any("Undo" in label for label in buttons)
    text = page_text(at)
    assert f"Rank {rank}" in text and "no inverse" in text.lower()
    last = frame_traces(fig, len(fig["frames"]) - 1)
    matrix = np.column_stack([xy(last["e1"])[1], xy(last["e2"])[1]])
    assert np.linalg.matrix_rank(matrix) == rank
    if rank == 1:
        column = np.diff(xy(traces["column space"]), axis=0)[0]
        null = np.diff(xy(traces["null space"]), axis=0)[0]
        for col in matrix.T:  # every column of A lies on the column-space line
            assert abs(cross(col, column)) < 1e-9 * np.linalg.norm(column)
        np.testing.assert_allclose(matrix @ null, 0.0, atol=1e-9 * np.linalg.norm(null))


def test_composed_steps_play_in_turn_and_show_the_product():
    query = {"mode": "Steps", "s1": "rotate", "t1": "90.0", "s2": "shear x", "t2": "1.0"}
    at = run_page(PAGE, query)
    fig = figures(at)[0]
    per_step = morph.FRAMES_PER_STEP
    assert len(fig["frames"]) == 1 + 2 * per_step
    after_rotation = frame_traces(fig, per_step)
    np.testing.assert_allclose(xy(after_rotation["e1"])[1], [0, 1], atol=1e-12)
    np.testing.assert_allclose(xy(after_rotation["e2"])[1], [-1, 0], atol=1e-12)
    end = frame_traces(fig, 2 * per_step)
    product = np.array([[1.0, 1.0], [0.0, 1.0]]) @ np.array([[0.0, -1.0], [1.0, 0.0]])
    np.testing.assert_allclose(xy(end["e1"])[1], product[:, 0], atol=1e-12)
    np.testing.assert_allclose(xy(end["e2"])[1], product[:, 1], atol=1e-12)
    text = page_text(at)
    assert "Order matters" in text
    assert r"H^x_{1} R_{90°}" in text  # the first step stands rightmost


def test_a_teacher_link_reproduces_the_matrix():
    at = run_page(PAGE, {"a": "2", "b": "1", "c": "0", "d": "1"})
    assert r"A = \begin{bmatrix} 2 & 1 \\ 0 & 1 \end{bmatrix}" in page_text(
        at
    )  # one style: bmatrix
    assert r"\det A = ad - bc = (2)(1) - (1)(0) = 2" in page_text(at)


def test_the_3d_view_draws_m_applied_to_the_cube_in_equal_aspect():
    m = np.array([[1.0, 0.5, 0.0], [0.0, 2.0, 0.0], [0.5, 0.0, -1.0]])
    query = {"view": "3D", "cube": "my entries"}
    query.update({f"m{r + 1}{c + 1}": repr(float(m[r, c])) for r in range(3) for c in range(3)})
    at = run_page(PAGE, query)
    (drawn,) = figures(at)  # the 3D view shows the cube only
    mesh = by_meta(drawn)["cube image"]
    vertices = np.column_stack([np.asarray(mesh[axis], float) for axis in "xyz"])
    np.testing.assert_allclose(vertices, cube.CUBE_VERTICES @ m.T)
    view = drawn["layout"]["scene"]
    assert view["aspectmode"] == "cube"
    spans = {np.ptp(view[f"{axis}axis"]["range"]) for axis in "xyz"}
    assert max(spans) - min(spans) < 1e-9, "one unit is as long on every axis"
    assert np.linalg.det(m) < 0 and mesh["color"] == "#D55E00"  # inside out: vermillion
    assert r"|\det M| = 2" in page_text(at)


BAD_INPUTS = {
    "singular": entries_query(1, 2, 2, 4),
    "near-singular": entries_query(1, 1, 1, 1.000000000001),
    "huge": entries_query(1e6, -1e6, 1e6, 1e6),
    "huge and singular": entries_query(1e6, 1e6, 1e6, 1e6),
    "zero": entries_query(0, 0, 0, 0),
    "tiny": entries_query(1e-300, 0, 0, 1e-300),
    "non-numeric": {"a": "banana", "b": "1e400", "c": "-inf", "d": "nan", "vx": "x"},
    "bad choices": {"mode": "Nope", "p": "??", "morph": "sideways", "view": "4D"},
    "bad 3d choices": {"view": "3D", "cube": "tesseract", "m11": "nan"},
    "bad steps": {"mode": "Steps", "s1": "explode", "t1": "1e9", "s2": "rotate", "t2": "nan"},
    "huge steps": {
        "mode": "Steps",
        "s1": "scale x",
        "t1": "3",
        "s2": "scale y",
        "t2": "-3",
        "s3": "shear x",
        "t3": "-3",
        "seq": "false",
    },  # fmt: skip
    "zero 3d": {
        "view": "3D",
        "cube": "my entries",
        **{f"m{r}{c}": "0" for r in (1, 2, 3) for c in (1, 2, 3)},
    },
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_renders_with_a_plain_note_and_no_nan(name):
    at = run_page(PAGE, BAD_INPUTS[name])
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert not NOT_A_NUMBER.search(page_text(at)), "no NaN or inf anywhere on the page"
    for fig in figures(at):
        for trace in fig["data"] + [t for f in fig.get("frames", []) for t in f["data"]]:
            for axis in ("x", "y", "z"):
                if axis in trace:
                    assert np.all(np.isfinite(np.asarray(trace[axis], float))), (name, axis)
    if name in ("singular", "zero", "near-singular", "huge", "huge and singular", "zero 3d"):
        assert at.warning or at.info, "a plain-language note explains what happened"


def test_the_near_singular_link_warns_and_still_inverts():
    at = run_page(PAGE, BAD_INPUTS["near-singular"])
    assert any("Nearly singular" in w.value for w in at.warning)
    buttons = [b["label"] for b in figures(at)[0]["layout"]["updatemenus"][0]["buttons"]]
    assert "◀ Undo (A⁻¹)" in buttons


def test_huge_matrices_zoom_the_view_out_and_say_so():
    at = run_page(PAGE, BAD_INPUTS["huge"])
    fig = figures(at)[0]
    x_range = fig["layout"]["xaxis"]["range"]
    assert max(abs(x) for x in x_range) > 1e6
    assert any("zooms out" in i.value for i in at.info)


def test_edit_these_numbers_copies_a_preset_into_the_entries():
    at = run_page(PAGE, {"mode": "Preset", "p": "shear"})
    at.button[0].click().run()
    assert at.session_state["mode"] == "Entries"
    assert [at.session_state[key] for key in "abcd"] == [1.0, 1.0, 0.0, 1.0]
    assert not at.exception


@pytest.mark.parametrize(
    "query",
    [
        {"mode": "Steps"},
        {"mode": "Preset"},
        {"view": "3D", "cube": "my entries"},
        {"mode": "Steps", "seq": "false"},
    ],
)
def test_monkey_the_controls_that_only_show_in_other_modes(query):
    """The shared monkey test drives the default view; this drives the other modes' controls."""
    from tests.harness.apptest import values_to_try, widgets

    rng = np.random.default_rng(5)
    at = run_page(PAGE, query)
    for key in [k for k in widgets(at) if k != "present_mode"]:
        for value in values_to_try(widgets(at)[key], rng) if key in widgets(at) else []:
            if key not in widgets(at):
                break
            widgets(at)[key].set_value(value)
            at.run()
            assert not at.exception and not at.error, (query, key, value)
            assert not NOT_A_NUMBER.search(page_text(at)), (query, key, value)


def test_figure_sizes_stay_within_budget():
    worst = {"mode": "Steps", "s1": "rotate", "s2": "shear x", "s3": "reflect", "eig": "true"}
    for query in ({}, worst, {"mode": "Preset", "p": "projection", "eig": "true"}):
        at = run_page(PAGE, query)
        (animated,) = figure_sizes(at)
        assert animated <= 2_000_000
        assert json.loads(at.get("plotly_chart")[0].proto.spec)["frames"]
    (static,) = figure_sizes(run_page(PAGE, {"view": "3D", "cube": "squash to a line"}))
    assert static <= 300_000


def test_an_old_link_with_view_3d_opens_the_3d_view():
    at = run_page(PAGE, {"view": "3D"})
    assert not at.exception and at.session_state["part"] == "3D"
    assert "view" not in at.query_params and at.query_params["part"] == "3D"
    (drawn,) = figures(at)
    assert drawn["layout"]["scene"]["aspectmode"] == "cube"


def test_edit_these_numbers_carries_the_matrix_into_the_link():
    at = run_page(PAGE, {"mode": "Preset", "p": "quarter turn"})
    at.button[0].click().run()
    assert not at.exception and at.session_state["mode"] == "Entries"
    bound = at.session_state["_mv_bound_controls"]
    link = urlstate.view_query({key: at.session_state[key] for key in bound}, bound)
    reopened = run_page(PAGE, query_dict(link))  # the sidebar's "Link to this view"
    assert reopened.session_state["mode"] == "Entries"
    assert [reopened.session_state[key] for key in "abcd"] == [0.0, -1.0, 1.0, 0.0]


def test_a_step_amount_takes_the_range_of_its_step():
    at = run_page(PAGE, {"mode": "Steps", "s1": "shear x", "t1": "170"})
    slider = at.slider(key="t1")
    assert (slider.min, slider.max, slider.step) == (-3.0, 3.0, 0.1)
    assert slider.label == "amount k" and -3.0 <= slider.value <= 3.0
    rotate = run_page(PAGE, {"mode": "Steps", "s1": "rotate", "t1": "170"}).slider(key="t1")
    assert (rotate.min, rotate.max, rotate.step, rotate.value) == (-180.0, 180.0, 5.0, 170.0)


def test_the_3d_caption_and_formula_read_the_same_volume_of_space():
    """The caption once said 1.875 where the formula said 1.87, under a header about the plane."""
    at = run_page("pages/linear-algebra.py", {"part": "3D", "cube": "tilt and stretch"})
    M = np.reshape(cube.CUBE_PRESETS["tilt and stretch"].matrix, (3, 3))
    volume = abs(np.linalg.det(M))
    assert volume == pytest.approx(1.875)
    (caption,) = [c.value for c in at.caption if "volume" in c.value]
    shown = re.search(r"volume × (\d+(?:\.\d+)?)", caption).group(1)
    assert float(shown) == pytest.approx(volume, abs=5e-4)
    assert any(rf"|\det M| = {shown}" in formula.value for formula in at.latex)
    assert any("whole space" in m.value for m in at.markdown)
