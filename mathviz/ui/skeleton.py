"""The page skeleton: title and idea, parts shown one at a time, picture beside words,
formulas, notes, "Why it matters for ML" and "Learn more"."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from mathviz import catalog
from mathviz.core.notes import Note
from mathviz.params import PageParams
from mathviz.plot import theme
from mathviz.resources import library as resources
from mathviz.ui.controls import narrow_controls, part
from mathviz.ui.plotting import screen_filling
from mathviz.ui.shell import STAGE_KEY_PREFIX, _ensure_app_shell, presenting, section

NOTE_BOXES: dict[str, Callable[..., Any]] = {"info": st.info, "warning": st.warning}


def page_header(title: str, idea: str) -> None:
    """The page title and its one-line idea (every page starts with this call)."""
    _ensure_app_shell()
    st.title(title)
    st.markdown(f"##### {idea}")


def picture_and_words() -> list[Any]:
    """Two columns: a picture beside its formula and words."""
    return st.columns((3, 2))


# The stage's columns in presentation mode: the picture's share of the width, and its words'.
STAGE_COLUMNS = (3, 2)
STAGE_LAYOUTS = ("stacked", "controls beside", "words beside")


class _Place:
    """A place on the stage: ``with place:`` draws into it, with ``mode`` (a context manager
    factory, or None) in force: controls that wrap in a narrow column, or a picture that fills
    the screen's height."""

    def __init__(self, place: Any, mode: Callable[[], Any] | None = None) -> None:
        self.place = place
        self.mode = mode
        self._stack: list[contextlib.ExitStack] = []

    def __enter__(self) -> Any:
        stack = contextlib.ExitStack()
        stack.enter_context(self.place)
        if self.mode is not None:
            stack.enter_context(self.mode())
        self._stack.append(stack)
        return self.place

    def __exit__(self, *exc: object) -> None:
        self._stack.pop().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.place, name)  # stage.controls.caption(...), .button(...)


@dataclass(frozen=True)
class Stage:
    """Where a lesson's pieces go: ``with stage.controls:``, ``with stage.picture:``,
    ``with stage.words:`` (formula, readouts, notes), in any order."""

    controls: _Place
    picture: _Place
    words: Any


def stage(normal: str = "stacked", key: str = "picture") -> Stage:
    """Places for a lesson's controls, picture and words, laid out for the mode.

    Presentation mode (designed for a 1280x720 projector, and as good on 1920x1080): the
    picture fills the left 3/5 from the top of the lesson, as tall as the screen leaves under
    the page's header (its first chart stretches to it: ``calc(100vh - …)`` in the mode's
    CSS), and beside it come the formula and words first, then the controls; so title,
    picture and formula are on the first screen whatever the screen and however many the
    controls. Otherwise ``normal`` says how: ``"stacked"`` (controls, then the picture, then
    the words), ``"controls beside"`` (controls left of the picture, words under both) or
    ``"words beside"`` (controls, then the picture beside its words).

    The places are made first, so a lesson draws its controls first (it needs their values)
    and its formula last, wherever they are shown. ``key`` tells two stages of one lesson
    apart.
    """
    if normal not in STAGE_LAYOUTS:
        raise ValueError(f"unknown stage layout {normal!r}: one of {STAGE_LAYOUTS}")
    if presenting():
        left, side = st.columns(STAGE_COLUMNS, gap="medium")
        # A fixed height makes it a container the first chart can stretch to; the mode's CSS
        # replaces the height with what the screen has room for.
        picture = left.container(
            height=theme.PRESENT_MAX_HEIGHT, border=False, key=STAGE_KEY_PREFIX + key
        )
        words = side.container()
        controls = _Place(side.container(), narrow_controls)
        return Stage(controls, _Place(picture, screen_filling), words)
    if normal == "controls beside":
        controls, picture = st.columns((1, 2.3), gap="large")
        return Stage(_Place(controls, narrow_controls), _Place(picture), st.container())
    controls = st.container()
    if normal == "words beside":
        picture, words = st.columns((3, 2))
    else:
        picture, words = st.container(), st.container()
    return Stage(_Place(controls), _Place(picture), words)


def explain(markdown: str) -> None:
    """Prose that helps a reader alone; hidden in presentation mode, where the teacher talks."""
    if not presenting():
        st.markdown(markdown)


def formula(latex: str, caption: str | None = None) -> None:
    """A formula with the current numbers filled in."""
    st.latex(latex)
    if caption and not presenting():
        st.caption(caption)


def why_it_matters(markdown: str, short: str | None = None) -> None:
    """The page's link to machine learning; ``short`` replaces it in presentation mode."""
    st.subheader("Why it matters for ML", anchor="why-it-matters")
    st.markdown(short if (presenting() and short) else markdown)


def resource_card(resource: resources.Resource) -> None:
    """One resource as a bordered card: title link, author, kind, level, topics, description.

    One markdown element per card: every element is a message on every rerun, and the
    "Learn more" cards sit at the foot of every page.
    """
    topics = ", ".join(catalog.TOPICS[topic] for topic in resource.topics)
    lines = [
        f"**[{resource.title}]({resource.url})**",
        resource.author,
        f":gray[{resource.kind.capitalize()} · {resource.level} · {topics}]",
    ]
    if not presenting():
        lines.append(f"\n{resource.description}")
    with st.container(border=True):
        st.markdown("  \n".join(lines))


def learn_more(topic: str) -> None:
    """The resources that teach ``topic``, at the foot of a topic page."""
    st.subheader("Learn more", anchor="learn-more")
    matching = resources.filter_resources(topics=(topic,))
    columns = st.columns(min(3, max(1, len(matching))))
    for index, resource in enumerate(matching):
        with columns[index % len(columns)]:
            resource_card(resource)
    st.page_link("pages/resources.py", label="All learning resources", icon=":material/menu_book:")


def uploaded(label: str, key: str, read: Callable[[bytes, str], Any], settings: tuple = (),
             megabytes: int = 2) -> tuple[Any, str]:  # fmt: skip
    """A CSV file this session uploads, read once per file and settings: ``(read(bytes, name),
    the file's id)``, or ``(None, "")`` before a file is chosen. The result is kept in this
    session's state (never in a cache other sessions share), so an upload never leaves it."""
    file = st.file_uploader(label, type=["csv", "txt"], key=key, max_upload_size=megabytes)
    if file is None:
        return None, ""
    slot = f"_mv_parsed_{key}"
    kept = st.session_state.get(slot)
    if kept is None or kept[:2] != (file.file_id, settings):
        kept = (file.file_id, settings, read(file.getvalue(), file.name))
        st.session_state[slot] = kept
    return kept[2], file.file_id


def with_progress(label: str, work: Callable[[Callable[[float], None]], Any]) -> Any:
    """Run ``work(progress)`` under a progress bar (``progress(share)``, share 0..1), which
    goes away when the work is done."""
    bar = st.progress(0.0, text=label)
    try:
        return work(lambda share: bar.progress(min(max(float(share), 0.0), 1.0), text=label))
    finally:
        bar.empty()


def notes(shown: Sequence[Note]) -> None:
    """Notes beside a picture, each in the box of its level (``info`` or ``warning``)."""
    for note in shown:
        NOTE_BOXES[note.level](note.text)


@dataclass(frozen=True)
class Lesson:
    """One part of a page: ``body(**inputs(), **shared)`` drawn as a section.

    Attributes
    ----------
    body : draws the part; every value it uses is one of its parameters.
    inputs : draws controls shared by several parts above the section (outside the fragment,
        so that changing them reruns the page) and returns the body's arguments; None for
        a part with no such controls.
    """

    body: Callable[..., None]
    inputs: Callable[[], Mapping[str, Any]] | None = None


def lessons(
    page: PageParams, parts: Mapping[str, Callable[..., None] | Lesson], **shared: Any
) -> str:
    """The page's part chooser, then the chosen part as a section; returns the part's name.

    ``parts`` maps each option of the page's declared part chooser to its lesson (a function,
    or a :class:`Lesson` whose ``inputs`` come first); ``shared`` are keyword arguments every
    lesson takes (the theme, say). Each lesson gets its values as arguments, never as globals
    that only some parts define.
    """
    declared = page.part
    if declared is None or tuple(parts) != declared.options:
        raise ValueError(f"/{page.url_path}: the lessons must be the part chooser's options")
    chosen = part(page)
    lesson = parts[chosen]
    if not isinstance(lesson, Lesson):
        lesson = Lesson(lesson)
    arguments = dict(lesson.inputs()) if lesson.inputs else {}
    section(functools.partial(lesson.body, **arguments, **shared))
    return chosen
