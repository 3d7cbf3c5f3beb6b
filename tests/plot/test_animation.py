"""The shared Play/Pause/scrub controls and the frame interval."""

import plotly.graph_objects as go

from mathviz.plot.animation import DEFAULT_SPEED, FRAME_MS, SPEEDS, hold, speed_factor
from mathviz.plot.animation import animation_controls as controls

NAMES = [f"f{i}" for i in range(10)]
LABELS = [f"t{i}" for i in range(10)]


def test_each_slider_step_jumps_to_its_frame_at_once():
    layout = controls(NAMES, LABELS, active=9)
    (slider,) = layout["sliders"]
    assert [step["args"][0] for step in slider["steps"]] == [[name] for name in NAMES]
    assert all(step["args"][1]["frame"]["duration"] == 0 for step in slider["steps"])
    assert slider["active"] == 9


def test_play_plays_every_frame_or_the_sequence_and_pause_stops():
    (menu,) = controls(NAMES, LABELS, active=0)["updatemenus"]
    play, pause = menu["buttons"]
    assert play["args"][0] is None and play["args"][1]["frame"]["duration"] == FRAME_MS
    assert pause["args"][0] == [None]
    held = ["f0", "f0", "f5"]
    (menu,) = controls(NAMES, LABELS, active=0, sequence=held)["updatemenus"]
    assert menu["buttons"][0]["args"][0] == held


def test_extra_buttons_sit_between_play_and_pause():
    (menu,) = controls(NAMES, LABELS, active=0, extra_buttons=[("back", NAMES[::-1])])[
        "updatemenus"
    ]
    assert [b["label"] for b in menu["buttons"]] == ["▶ Play", "back", "❚❚ Pause"]
    assert menu["buttons"][1]["args"][0] == NAMES[::-1]


def test_every_thins_the_slider_and_keeps_the_active_step():
    (slider,) = controls(NAMES, LABELS, active=6, every=3)["sliders"]
    assert [s["label"] for s in slider["steps"]] == ["t0", "t3", "t6", "t9"]
    assert slider["active"] == 2


def test_a_thinned_slider_always_reaches_the_last_frame():
    (slider,) = controls(NAMES, LABELS, active=9, every=2)["sliders"]
    assert [s["label"] for s in slider["steps"]] == ["t0", "t2", "t4", "t6", "t8", "t9"]
    assert slider["steps"][slider["active"]]["args"][0] == ["f9"]


def test_readout_replaces_the_labels_under_the_slider():
    (slider,) = controls(NAMES, LABELS, active=0, readout="t = ", ink="#123456")["sliders"]
    assert slider["currentvalue"]["visible"] and slider["currentvalue"]["prefix"] == "t = "
    assert slider["currentvalue"]["font"]["color"] == "#123456"
    assert slider["font"]["color"] == "rgba(0, 0, 0, 0)"
    # The read-out has a size of its own: it would inherit the hidden labels' 1 px.
    assert slider["currentvalue"]["font"]["size"] >= 14 and slider["font"]["size"] == 1


def test_plotly_accepts_the_controls():
    frames = [go.Frame(name=n, data=[go.Scatter(x=[i], y=[i])]) for i, n in enumerate(NAMES)]
    fig = go.Figure(go.Scatter(x=[0], y=[0]), frames=frames)
    fig.update_layout(**controls(NAMES, LABELS, active=0, extra_buttons=[("x", NAMES[:2])]))
    assert len(fig.layout.updatemenus[0].buttons) == 3


def test_speed_scales_every_play_and_keeps_jumps_instant():
    normal = controls(NAMES, LABELS, active=0, extra_buttons=[("back", NAMES[::-1])], frame_ms=80)
    fast = controls(
        NAMES, LABELS, active=0, extra_buttons=[("back", NAMES[::-1])], frame_ms=80, speed=2.0
    )
    slow = controls(
        NAMES, LABELS, active=0, extra_buttons=[("back", NAMES[::-1])], frame_ms=80, speed=0.5
    )
    for layout, ms in ((normal, 80), (fast, 40), (slow, 160)):
        play, back, pause = layout["updatemenus"][0]["buttons"]
        assert play["args"][1]["frame"]["duration"] == ms
        assert back["args"][1]["frame"]["duration"] == ms
        assert pause["args"][1]["frame"]["duration"] == 0
        assert all(s["args"][1]["frame"]["duration"] == 0 for s in layout["sliders"][0]["steps"])


def test_glide_moves_linearly_between_frames_over_each_frame():
    play = controls(NAMES, LABELS, active=0, frame_ms=70, glide=True, speed=2.0)["updatemenus"][0][
        "buttons"
    ][0]
    assert play["args"][1]["transition"] == {"duration": 35, "easing": "linear"}
    still = controls(NAMES, LABELS, active=0)["updatemenus"][0]["buttons"][0]
    assert still["args"][1]["transition"] == {"duration": 0}


def test_speed_choices_and_holds():
    assert list(SPEEDS) == ["0.5×", "1×", "2×"] and DEFAULT_SPEED == "1×"
    assert [speed_factor(label) for label in SPEEDS] == [0.5, 1.0, 2.0]
    assert speed_factor("nonsense") == 1.0
    assert hold("f0", 500, 70) == ["f0"] * 7
    assert hold("f0", 10, 70) == ["f0"]  # at least the frame itself


def test_pad_top_moves_play_and_its_slider_down_together():
    names = ["a", "b"]
    default = controls(names, names, active=0)
    assert (default["updatemenus"][0]["pad"]["t"], default["sliders"][0]["pad"]["t"]) == (50, 95)
    under = controls(names, names, active=0, pad_top=85)
    assert (under["updatemenus"][0]["pad"]["t"], under["sliders"][0]["pad"]["t"]) == (85, 130)
    beside = controls(names, names, active=0, slider_x=0.3, pad_top=85)
    assert (beside["updatemenus"][0]["pad"]["t"], beside["sliders"][0]["pad"]["t"]) == (85, 85)
