"""Notes: every level a note can have is one the page knows how to show."""

import typing

from mathviz.core.notes import Note
from mathviz.ui.skeleton import NOTE_BOXES


def test_every_note_level_has_a_box_on_the_page():
    levels = typing.get_args(typing.get_type_hints(Note)["level"])
    assert set(levels) == set(NOTE_BOXES)


def test_notes_are_values():
    assert Note("info", "x") == Note("info", "x")
    assert hash(Note("warning", "y")) == hash(Note("warning", "y"))
