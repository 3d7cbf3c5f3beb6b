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
