"""The Trigonometry page: every part runs clean from any control value, and what the browser
receives is mathematically right.

Figures are decoded from the JSON the page sends (tests.harness.apptest.figures) and checked
against numpy and closed forms computed here, never against the page's own modules.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from mathviz.trig.params import TRIGONOMETRY
from tests.harness.apptest import (
    ROOT,
    assert_clean,
    assert_view_has_the_skeleton,
    figure_sizes,
    figures,
    monkey_view,
    reached_keys,
    run_page,
    traces_by_name,
)

PAGE = "pages/trigonometry.py"
TITLE = "Trigonometry"
# Every part and sub-view, as the URL a teacher would share.
VIEWS = {
    "circle": {},
    "circle-radians-tan": {"unit": "radians", "rad": "2.5", "tan": "true"},
    "one-wave": {"part": "Waves"},
    "two-waves": {"part": "Waves", "waves": "Sum of two waves"},
    "fourier": {"part": "Fourier series"},
    "epicycles": {"part": "Fourier series", "fourier": "Epicycles", "terms": "12"},
    "custom-shape": {"part": "Fourier series", "target": "Custom", "shape": "Staircase"},
    "encodings": {"part": "Positional encoding"},
}


def run_view(query: dict):
    return run_page(PAGE, query)


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("present", ["0", "1"])
def test_every_view_runs_clean_with_the_skeleton(view, present):
    assert_view_has_the_skeleton(PAGE, {**VIEWS[view], "present": present}, TITLE)


@pytest.mark.parametrize("view", list(VIEWS))
def test_monkey_every_control_of_every_view(view):
    monkey_view(PAGE, VIEWS[view], seed=sum(map(ord, view)))


def test_every_key_of_every_view_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    keys = reached_keys(PAGE, VIEWS.values())
    assert keys == {param.key for param in TRIGONOMETRY}  # every declared control is reached
    assert not sorted(key for key in keys if f"`{key}`" not in readme)


LARGEST = {  # the controls at the ends that make each figure biggest
    "largest-encoding": {"part": "Positional encoding", "dmodel": "256", "positions": "100"},
    "most-epicycles": {"part": "Fourier series", "fourier": "Epicycles", "terms": "50"},
    "most-harmonics": {"part": "Fourier series", "terms": "50", "target": "Sawtooth"},
}


@pytest.mark.parametrize("view", list(VIEWS) + list(LARGEST))
def test_figures_stay_small(view):
    at = run_view({**VIEWS, **LARGEST}[view])
    for fig, size in zip(figures(at), figure_sizes(at), strict=True):
        limit = 2_000_000 if fig.get("frames") else 300_000
        assert size <= limit, (view, size)


def _circle(query):
    at = run_view(query)
    assert_clean(at)
    (fig,) = figures(at)
    return at, fig


def _guides(fig):
    """The circle's guides: P, then T = (1, tan θ), then the line carried across."""
    return traces_by_name(fig)["P and T"]


def _points(fig):
    """The graphs' points at θ: x = [-far, θ, nan, θ, nan, θ], y: sin θ at 1, cos at 3, tan at 5."""
    return traces_by_name(fig)["points at θ"]


@pytest.mark.parametrize(
    ("query", "theta"),
    [({}, np.pi / 3), ({"deg": "135"}, 3 * np.pi / 4), ({"unit": "radians", "rad": "1"}, 1.0)],
)
def test_the_point_is_on_the_unit_circle_at_the_chosen_angle(query, theta):
    at, fig = _circle(query)
    guides = _guides(fig)
    px, py = guides["x"][0], guides["y"][0]  # P, the first marked point
    assert px**2 + py**2 == pytest.approx(1.0, abs=1e-6)
    assert (px, py) == pytest.approx((np.cos(theta), np.sin(theta)), abs=1e-6)
    # sin θ carried across: the point on the sine graph (axis x2, from 0) is level with P.
    points = _points(fig)
    assert points["xaxis"] == "x2" and fig["layout"]["xaxis2"]["tickvals"][0] == 0
    assert points["x"][1] == pytest.approx(theta, abs=1e-6)
    assert points["y"][1] == pytest.approx(np.sin(theta), abs=1e-6) == guides["y"][3]
    assert points["y"][3] == pytest.approx(np.cos(theta), abs=1e-6)
    # T = (1, tan θ) lies on the line through the origin and P.
    assert guides["x"][1] == 1.0 and guides["y"][1] == pytest.approx(np.tan(theta), rel=1e-5)
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["cos θ"]) == pytest.approx(np.cos(theta), abs=1e-4)
    assert float(metrics["sin θ"]) == pytest.approx(np.sin(theta), abs=1e-4)
    assert float(metrics["arc = θ"]) == pytest.approx(theta, abs=1e-4)


def test_the_arc_is_theta_long_and_ends_at_the_point():
    _, fig = _circle({"deg": "200"})
    arc = traces_by_name(fig)["arc of length θ"]
    x, y = np.asarray(arc["x"], float), np.asarray(arc["y"], float)
    on_circle = np.isfinite(x) & (np.hypot(x, y) > 0.5)
    xs, ys = x[on_circle], y[on_circle]
    np.testing.assert_allclose(np.hypot(xs, ys), 1.0, atol=1e-6)
    angles = np.unwrap(np.arctan2(ys, xs))
    length = np.sum(np.hypot(np.diff(xs), np.diff(ys)))
    assert angles[-1] == pytest.approx(np.radians(200), abs=1e-5)
    assert length == pytest.approx(np.radians(200), rel=2e-3)  # chords of 5°: 0.03% short


def test_tan_at_ninety_degrees_is_undefined_with_no_spike():
    at, fig = _circle({"deg": "90", "tan": "true"})
    assert {m.label: m.value for m in at.metric}["tan θ"] == "undefined"
    assert at.info, "the page says why tan is undefined"
    guides = _guides(fig)
    assert np.isnan(guides["y"][1]), "T does not exist: no point drawn at infinity"
    tan = traces_by_name(fig)["tan θ"]
    assert np.all(np.isnan(np.asarray(tan["y"], float)[1:]))
    # The graph of tan (shown) is broken at both asymptotes and bounded.
    offset = fig["layout"]["xaxis2"]["tickvals"][0]
    tan_graph = next(
        t for t in fig["data"] if t.get("visible") is True and t.get("line", {}).get("dash") is None
    )
    x, y = np.asarray(tan_graph["x"], float), np.asarray(tan_graph["y"], float)
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], np.tan(x[finite] - offset), rtol=1e-6, atol=1e-6)
    assert np.max(np.abs(y[finite])) <= 3.0
    drawn = finite[:-1] & finite[1:]
    for a, b in zip(x[:-1][drawn] - offset, x[1:][drawn] - offset, strict=True):
        assert not (a < np.pi / 2 < b or a < 3 * np.pi / 2 < b)


def test_the_graph_of_tan_is_hidden_unless_asked_for():
    _, fig = _circle({})
    hidden = [t for t in fig["data"] if t.get("visible") is False]
    assert len(hidden) == 2  # tan's graph and its asymptotes
    assert _points(fig)["marker"]["size"][-1] == 0  # and the point on it


def test_play_sweeps_a_full_turn_client_side():
    _, fig = _circle({})
    frames = fig["frames"]
    assert len(frames) >= 90, "at least 3 s of frames at 30 per second"
    play, pause = fig["layout"]["updatemenus"][0]["buttons"]
    assert play["method"] == pause["method"] == "animate"
    options = play["args"][1]
    assert options["frame"]["redraw"] is False and options["transition"]["duration"] == 0
    assert options["frame"]["duration"] <= 33
    steps = fig["layout"]["sliders"][0]["steps"]
    names = {frame["name"] for frame in frames}
    assert all(step["method"] == "animate" and step["args"][0][0] in names for step in steps)
    assert all(step["args"][1]["mode"] == "immediate" for step in steps)
    moving = frames[0]["traces"]
    guides_index = next(i for i, t in enumerate(fig["data"]) if t.get("name") == "P and T")
    slot = moving.index(guides_index)
    angles = np.linspace(0, 2 * np.pi, len(frames))
    for frame, theta in zip(frames, angles, strict=True):
        p = np.array([frame["data"][slot]["x"][0], frame["data"][slot]["y"][0]], float)
        np.testing.assert_allclose(p, [np.cos(theta), np.sin(theta)], atol=1e-6)
    label = frames[60]["data"][-1]["text"][0]
    assert label == "θ = 180° = 3.14 rad"


@pytest.mark.parametrize("view", [{}, VIEWS["epicycles"]], ids=["circle", "epicycles"])
def test_the_speed_in_the_link_reaches_play(view):
    def play_options(query):
        at = run_view(query)
        assert_clean(at)
        (fig,) = figures(at)
        return at, fig["layout"]["updatemenus"][0]["buttons"][0]["args"][1]

    _, normal = play_options(view)
    for speed, factor in (("2×", 2.0), ("0.5×", 0.5)):
        at, options = play_options({**view, "speed": speed})
        assert at.session_state["speed"] == speed
        for key in ("frame", "transition"):
            assert options[key]["duration"] == round(normal[key]["duration"] / factor)


def test_the_frames_do_not_change_with_the_angle():
    _, a = _circle({"deg": "10"})
    _, b = _circle({"deg": "300", "tan": "true"})
    assert len(a["frames"]) == len(b["frames"])
    for fa, fb in zip(a["frames"], b["frames"], strict=True):
        for ta, tb in zip(fa["data"], fb["data"], strict=True):
            np.testing.assert_array_equal(np.asarray(ta["x"], float), np.asarray(tb["x"], float))


def test_the_wave_drawn_is_a_sin_of_omega_x_plus_phi_plus_c():
    query = {"part": "Waves", "amp": "-1.5", "omega": "3", "phase": "0.7", "mid": "0.5"}
    at = run_view(query)
    assert_clean(at)
    (fig,) = figures(at)
    named = traces_by_name(fig)
    wave = named["y = A sin(ωx + φ) + c"]
    x = np.asarray(wave["x"], float)
    np.testing.assert_allclose(wave["y"], -1.5 * np.sin(3 * x + 0.7) + 0.5, atol=1e-12)
    period = next(t for n, t in named.items() if n.startswith("one period"))
    assert np.diff(period["x"])[0] == pytest.approx(2 * np.pi / 3)
    amplitude = next(t for n, t in named.items() if n.startswith("amplitude"))
    assert list(amplitude["y"]) == pytest.approx([0.5, 2.0])  # midline to crest: |A| = 1.5
    crest_x = amplitude["x"][0]
    assert -1.5 * np.sin(3 * crest_x + 0.7) + 0.5 == pytest.approx(2.0)
    assert "2.094" in at.latex[0].value  # T = 2π/3


def test_the_sum_of_two_waves_stays_inside_its_envelope():
    query = {"part": "Waves", "waves": "Sum of two waves", "amp2": "0.6", "phase2": "1.2"}
    (fig,) = figures(run_view(query))
    named = traces_by_name(fig)
    x = np.asarray(named["their sum"]["x"], float)
    expected = np.sin(5 * x) + 0.6 * np.sin(6 * x + 1.2)
    np.testing.assert_allclose(named["their sum"]["y"], expected, atol=1e-12)
    envelope = np.asarray(named["envelope ±E(x)"]["y"], float)
    upper = envelope[: len(x)]
    assert np.all(np.abs(expected) <= upper + 1e-12)


def test_fourier_bars_are_the_square_waves_four_over_pi_n():
    at = run_view({"part": "Fourier series", "terms": "7"})
    (fig,) = figures(at)
    bars = next(t for t in fig["data"] if t["type"] == "bar")
    n = np.asarray(bars["x"])
    expected = np.where(n % 2 == 1, 4 / (np.pi * np.maximum(n, 1)), 0.0)
    np.testing.assert_allclose(np.asarray(bars["y"], float), expected, atol=1e-6)
    named = traces_by_name(fig)
    approximation = named["S₇(t), harmonics up to 7: 4 non-zero terms"]
    t = np.asarray(approximation["x"], float)
    k = np.array([1, 3, 5, 7])
    direct = (4 / np.pi) * (np.sin(np.outer(t, k)) / k).sum(axis=1)
    np.testing.assert_allclose(approximation["y"], direct, atol=1e-5)
    peak = next(trace for name, trace in named.items() if name.startswith("overshoot"))
    assert peak["y"][0] == pytest.approx(direct.max(), abs=1e-4)
    assert "Gibbs" in at.info[0].value


def test_epicycles_tip_is_level_with_the_wave_in_every_frame():
    at = run_view(VIEWS["epicycles"])
    assert_clean(at)
    (fig,) = figures(at)
    frames = fig["frames"]
    assert len(frames) == 49
    t = np.linspace(0, 2 * np.pi, 49)
    k = np.arange(1, 13, 2)
    for i in (0, 17, 45):
        chain, _, pointer = frames[i]["data"]
        tip_y = pointer["y"][0]
        assert pointer["y"][1] == tip_y  # the dotted pointer is horizontal
        direct = (4 / np.pi) * np.sum(np.sin(k * t[i]) / k)
        assert tip_y == pytest.approx(direct, abs=1e-5)
        assert chain["y"][-1] == pytest.approx(tip_y, abs=1e-5)  # the chain ends at the tip


def test_encoding_heatmap_and_dot_products_match_the_paper():
    at = run_view({"part": "Positional encoding", "dmodel": "16", "positions": "20", "pos": "5"})
    assert_clean(at)
    heatmap_fig, dots_fig = figures(at)
    z = np.asarray(heatmap_fig["data"][0]["z"], float)
    pos, i = np.arange(20)[:, None], np.arange(8)[None, :]
    angle = pos / 10000 ** (2 * i / 16)
    np.testing.assert_allclose(z[:, 0::2], np.sin(angle), atol=1e-6)
    np.testing.assert_allclose(z[:, 1::2], np.cos(angle), atol=1e-6)
    gram = np.asarray(dots_fig["data"][0]["z"], float)
    for offset in range(-19, 20):
        diagonal = np.diagonal(gram, offset)
        np.testing.assert_allclose(diagonal, diagonal[0], atol=1e-4)
    named = traces_by_name(dots_fig)
    k = np.asarray(named["Σᵢ cos(k ωᵢ)"]["x"], float)
    formula = np.cos(np.outer(k, 10000 ** (-np.arange(0, 16, 2) / 16))).sum(axis=1)
    np.testing.assert_allclose(named["PE(5)·PE(5 + k)"]["y"], formula, atol=1e-9)


def test_odd_d_model_from_a_link_is_rounded_down_with_a_note():
    at = run_view({"part": "Positional encoding", "dmodel": "37"})
    assert_clean(at)
    assert at.info and "36" in at.info[0].value
    assert np.asarray(figures(at)[0]["data"][0]["z"]).shape[1] == 36


def test_the_unit_circle_figure_reaches_the_browser_whole_and_valid():
    """The figure is plotly JSON with prebuilt frames (plot.spec.Prebuilt): what the browser
    gets is a figure plotly itself accepts, frames included."""
    from mathviz.trig import circle, figures_circle

    animation, frames = figures_circle.circle_sweep()
    assert figures_circle.circle_sweep()[1] is frames  # made once per process
    fig = figures_circle.unit_circle_figure(animation, frames, circle.circle_state(1.0))
    sent = json.loads(pio.to_json(fig, validate=False))
    assert len(sent["frames"]) == len(animation.frames) == 121
    assert sent["frames"][0]["name"] == "0"
    go.Figure(sent)  # validates every trace, the layout and every frame


def test_the_two_waves_formulas_carry_the_current_numbers():
    query = {"part": "Waves", "waves": "Sum of two waves", "amp1": "1.5", "amp2": "0.6"}
    query |= {"omega1": "4", "omega2": "6.5", "phase2": "1.2"}
    at = run_view(query)
    assert_clean(at)
    latex = " ".join(block.value for block in at.latex)
    a1, a2, w1, w2, phase = 1.5, 0.6, 4.0, 6.5, 1.2
    assert r"= 1.5\sin(4x) + 0.6\sin(6.5x + 1.2)" in latex  # the sum, with its numbers
    # E(x)² = A₁² + A₂² + 2A₁A₂ cos(Δω x + φ): 2.61 + 1.8 cos(2.5x + 1.2)
    assert (
        rf"\sqrt{{{a1**2 + a2**2:.2f} + {2 * a1 * a2:.1f}\cos({w2 - w1:.1f}x + {phase})}}" in latex
    )
    assert f"{2 * np.pi / abs(w2 - w1):.3f}" in latex  # the beat period 2π/2.5 = 2.513
    assert r"\frac{2\pi}{|6.5 - 4|}" in latex


def test_the_chosen_position_is_marked_and_its_encoding_shown():
    at = run_view({"part": "Positional encoding", "dmodel": "16", "positions": "20", "pos": "5"})
    assert_clean(at)
    heatmap_fig, dots_fig = figures(at)
    heatmap, strip = heatmap_fig["data"][:2]
    assert (heatmap["zmin"], heatmap["zmax"]) == (-1, 1)  # a colour bar over sin/cos's range
    assert heatmap.get("showscale", True) and heatmap["colorbar"]["tickvals"] == [-1, 0, 1]
    expected = np.empty(16)
    expected[0::2] = np.sin(5 / 10000 ** (np.arange(8) * 2 / 16))
    expected[1::2] = np.cos(5 / 10000 ** (np.arange(8) * 2 / 16))
    np.testing.assert_allclose(np.asarray(strip["y"], float), expected, atol=1e-12)
    assert strip["xaxis"] == "x2" and heatmap_fig["layout"]["xaxis2"]["matches"] == "x"
    (row,) = heatmap_fig["layout"]["shapes"]  # the row p = 5, outlined
    assert (row["y0"], row["y1"]) == (4.5, 5.5) and (row["x0"], row["x1"]) == (-0.5, 15.5)
    latex = " ".join(block.value for block in at.latex)
    assert rf"\sin 5, \cos 5, \sin {5 / 10000 ** (2 / 16):.3f}" in latex
    assert f"({np.sin(5):.3f}, {np.cos(5):.3f}" in latex  # PE(5) with its numbers
    (dots_row,) = dots_fig["layout"]["shapes"]  # and in the dot products
    assert (dots_row["y0"], dots_row["y1"]) == (4.5, 5.5)
    assert dots_fig["data"][0].get("showscale", True)  # their colours read as values too


def test_a_position_past_the_rows_is_said_so():
    at = run_view({"part": "Positional encoding", "positions": "20", "pos": "60"})
    assert_clean(at)
    heatmap_fig, _ = figures(at)
    assert not heatmap_fig["layout"].get("shapes")
    assert "past the 20 positions shown" in heatmap_fig["layout"]["annotations"][0]["text"]
