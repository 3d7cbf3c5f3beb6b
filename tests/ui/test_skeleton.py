"""The page skeleton: lessons chosen by the one part chooser, each with explicit arguments."""

from streamlit.testing.v1 import AppTest


def _lessons_script():
    import streamlit as st

    from mathviz import params, ui

    declared = params.page("lessons", params.part("Lesson", ["Plain", "With inputs"]))

    def plain(shade):
        st.markdown(f"plain {shade}")

    def with_inputs(matrix, shade):
        st.markdown(f"{matrix} {shade}")

    def matrix_block():
        st.markdown("matrix block")
        return {"matrix": "A"}

    lessons = {"Plain": plain, "With inputs": ui.Lesson(with_inputs, matrix_block)}
    st.markdown("chose " + ui.lessons(declared, lessons, shade="dark"))


def test_the_chosen_lesson_gets_its_inputs_and_the_shared_arguments():
    at = AppTest.from_function(_lessons_script).run()
    assert [m.value for m in at.markdown] == ["plain dark", "chose Plain"]
    at.button_group(key="part").set_value("With inputs").run()
    assert [m.value for m in at.markdown] == ["matrix block", "A dark", "chose With inputs"]


def test_lessons_must_be_exactly_the_part_choosers_options():
    import pytest

    from mathviz import params, ui

    declared = params.page("lessons", params.part("Lesson", ["One", "Two"]))
    with pytest.raises(ValueError, match="part chooser's options"):
        ui.lessons(declared, {"One": print})
    with pytest.raises(ValueError, match="part chooser's options"):
        ui.lessons(params.page("none"), {"One": print})


def _notes_script():
    from mathviz import ui
    from mathviz.core.notes import Note

    ui.notes([Note("info", "worth knowing"), Note("warning", "fragile")])


def test_notes_are_shown_in_the_box_of_their_level():
    at = AppTest.from_function(_notes_script).run()
    assert [box.value for box in at.info] == ["worth knowing"]
    assert [box.value for box in at.warning] == ["fragile"]


def _stage_script():
    import plotly.graph_objects as go
    import streamlit as st

    from mathviz import ui

    stage = ui.stage("controls beside")
    with stage.controls:
        st.markdown("controls")
    with stage.picture:
        ui.plot(go.Figure(), key="first", height=300)
        ui.plot(go.Figure(), key="second", height=300)
    with stage.words:
        st.latex("x^2")


def _chart_layouts(at):
    import json

    return [json.loads(chart.proto.spec)["layout"] for chart in at.get("plotly_chart")]


def test_a_stage_puts_the_picture_first_and_fills_the_screen_with_its_first_chart_when_presenting():
    from mathviz.plot import theme

    at = AppTest.from_function(_stage_script).run()
    assert [layout["height"] for layout in _chart_layouts(at)] == [300, 300]
    controls, picture = at.columns[:2]  # "controls beside": controls left of the picture
    assert controls.markdown[0].value == "controls" and len(picture.get("plotly_chart")) == 2

    at.session_state["present_mode"] = True
    at.run()
    first, second = _chart_layouts(at)
    assert "height" not in first and first["autosize"] is True  # as tall as the screen leaves
    assert second["height"] == theme.present_height(300)  # a second chart keeps its own
    picture, side = at.columns[:2]
    assert len(picture.get("plotly_chart")) == 2
    assert "x^2" in side.latex[0].value and side.markdown[0].value == "controls"
    # Words come before the controls beside the picture: the formula is never pushed down.
    side_elements = [e.type for e in side if e.type in ("latex", "markdown")]
    assert side_elements == ["latex", "markdown"]


def test_an_unknown_stage_layout_is_refused():
    import pytest

    from mathviz import ui

    with pytest.raises(ValueError, match="unknown stage layout"):
        ui.stage("sideways")
