"""URL-bound controls: widgets built from a page's declared parameters (``mathviz.params``).

``control(P["amp"])`` draws the widget the declaration describes, bound to the URL under its
key; ``controls`` draws several side by side; ``part`` draws the page's part chooser. There is
no other way to make a control: what a page shows is what it declared.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator
from typing import Any

import streamlit as st

from mathviz.params import PageParams, Param
from mathviz.plot.theme import COLORS
from mathviz.plot.traces import rgba
from mathviz.ui.shell import BOUND

_ALIASES_READ = "_mv_aliases_read"  # pages whose old link keys were translated this session
# Whether controls are being drawn into a narrow column (a stage's side column): then a row
# holds at most NARROW_ROW of them, and longer rows wrap.
_NARROW: contextvars.ContextVar[bool] = contextvars.ContextVar("_mv_narrow", default=False)
NARROW_ROW = 3
# Keys whose widgets a lecture link hides (see :func:`hiding`).
_HIDDEN: contextvars.ContextVar[frozenset] = contextvars.ContextVar(
    "_mv_hidden", default=frozenset()
)
HIDDEN_PREFIX = "mv_hidden_"


@contextlib.contextmanager
def hiding(keys) -> Iterator[None]:
    """Inside this block the controls of ``keys`` are made but not shown (a lecture link's
    hide list, TensorFlow Playground's ``_hide``): each stays bound to the URL, so its value
    still comes from the link, and only its widget is out of sight."""
    token = _HIDDEN.set(frozenset(keys))
    try:
        yield
    finally:
        _HIDDEN.reset(token)


@contextlib.contextmanager
def narrow_controls() -> Iterator[None]:
    """Inside this block, :func:`row` wraps after :data:`NARROW_ROW` controls."""
    token = _NARROW.set(True)
    try:
        yield
    finally:
        _NARROW.reset(token)


def _bind(param: Param) -> dict[str, Any]:
    """Register ``param`` as bound in this run (for the sidebar's link) and bind its widget."""
    default = param.default
    if param.kind == "number" and param.whole:
        default = float(default)  # whole numbers are float inputs (see _number)
    elif param.kind == "multi":
        default = list(default)
    st.session_state.setdefault(BOUND, {})[param.key] = default
    return {"key": param.key, "bind": "query-params"}


def _clamp(value: Any, low: float, high: float) -> Any:
    if isinstance(value, (tuple, list)):
        return type(value)(_clamp(v, low, high) for v in value)
    if isinstance(value, (int, float)):
        return type(value)(min(max(value, low), high))
    return value


def _slider(p: Param, **kwargs: Any) -> Any:
    """A slider. When its range depends on another control, a value this session kept from
    before may fall outside the new range; it is clamped into it rather than raising."""
    kept = st.session_state.get(p.key)
    if kept is not None:
        clamped = _clamp(kept, p.low, p.high)
        if clamped != kept:
            st.session_state[p.key] = clamped
    return st.slider(p.label, p.low, p.high, p.default, p.step, **_bind(p), **kwargs)


def _number(p: Param, **kwargs: Any) -> Any:
    """A number input; out-of-range URL values are clamped.

    Whole-number inputs are float inputs shown without decimals: Streamlit's integer input
    crashes on a URL value such as ``1e400`` (it converts infinity to int), its float input
    does not.
    """
    if p.format:
        kwargs.setdefault("format", p.format)
    if not p.whole:
        return st.number_input(p.label, p.low, p.high, p.default, p.step, **_bind(p), **kwargs)
    kwargs["format"] = "%.0f"
    low, high, default, step = (float(v) for v in (p.low, p.high, p.default, p.step or 1))
    return int(round(st.number_input(p.label, low, high, default, step, **_bind(p), **kwargs)))


def _choice(p: Param, **kwargs: Any) -> str:
    """One of a few options as a segmented control (always one selected)."""
    options = list(p.options)
    return st.segmented_control(
        p.label, options, default=p.default, required=True, **_bind(p), **kwargs
    )


def _select(p: Param, **kwargs: Any) -> str:
    """One of many options as a select box."""
    index = p.options.index(p.default)
    return st.selectbox(p.label, list(p.options), index=index, **_bind(p), **kwargs)


def _multi(p: Param, **kwargs: Any) -> list[str]:
    """Any subset of the options as pills (the key repeats per selection)."""
    chosen = st.pills(
        p.label,
        list(p.options),
        selection_mode="multi",
        default=list(p.default),
        **_bind(p),
        **kwargs,
    )
    return list(chosen)


def _toggle(p: Param, **kwargs: Any) -> bool:
    """An on/off switch (``true``/``false``)."""
    return st.toggle(p.label, value=p.default, **_bind(p), **kwargs)


def _text(p: Param, **kwargs: Any) -> str:
    """A line of typed text, at most ``p.high`` characters (a longer URL value is cut)."""
    kept = st.session_state.get(p.key)
    if isinstance(kept, str) and len(kept) > p.high:
        st.session_state[p.key] = kept[: int(p.high)]
    return st.text_input(p.label, p.default, int(p.high), **_bind(p), **kwargs)


_WIDGETS: dict[str, Callable[..., Any]] = {
    "slider": _slider,
    "number": _number,
    "choice": _choice,
    "select": _select,
    "multi": _multi,
    "toggle": _toggle,
    "text": _text,
}

_LAST_GOOD = "_mv_last_good_"  # + a text control's key: the last text that read well


def typed(
    param: Param, read: Callable[[str], Any], box: Callable[..., Any] = st.error
) -> tuple[Any, str | None]:
    """A text control (a formula) read by ``read``; returns ``(value, problem)``.

    ``read(text)`` returns the value or raises ``ValueError`` with a one-line message. On a
    bad text the problem is shown under the box (in ``box``: an error for a formula, a
    warning for a setting typed as text) and the value of the last text that read well in
    this session (else the default's) is returned, so the picture keeps showing the last
    good function; ``problem`` is the message, None when the text read well.
    """
    text = control(param)
    try:
        value = read(text)
    except ValueError as error:
        last = st.session_state.get(_LAST_GOOD + param.key, param.default)
        shown = last if last.strip() else "the empty text"
        box(f"{error} Showing {shown} until it reads.", icon=":material/edit_note:")
        return read(last), str(error)
    st.session_state[_LAST_GOOD + param.key] = text
    return value, None


def row(*controls: Callable[[], Any]) -> list[Any]:
    """Controls side by side, each made in its own column; returns their values in order.

    In a narrow column (:func:`narrow_controls`) a row holds at most :data:`NARROW_ROW`
    controls (four make two rows of two), so that no slider is too short to move."""
    per_row = len(controls)
    if _NARROW.get() and per_row > NARROW_ROW:
        per_row = 2 if per_row == 4 else NARROW_ROW
    values = []
    for start in range(0, len(controls), per_row):
        chunk = controls[start : start + per_row]
        for column, control in zip(st.columns(per_row), chunk, strict=False):
            with column:
                values.append(control())
    return values


def control(param: Param, **options: Any) -> Any:
    """The widget ``param`` declares, kept in the URL under its key; returns its value.

    ``options`` are passed to the Streamlit widget (``help``, ``disabled``,
    ``label_visibility``...). A control whose range depends on another control is declared
    with its widest range and drawn with ``control(param.with_range(...))``.
    """
    if param.help:
        options.setdefault("help", param.help)
    asked = st.query_params.get_all(param.key) if param.key in st.query_params else None
    if param.key in _HIDDEN.get():
        box = st.container(key=HIDDEN_PREFIX + param.key)
        box.html(f"<style>.st-key-{HIDDEN_PREFIX}{param.key} {{display: none;}}</style>")
        with box:
            return _WIDGETS[param.kind](param, **options)
    value = _WIDGETS[param.kind](param, **options)
    if asked and param.key not in st.query_params and (sentence := param.refusal(asked)):
        st.caption(sentence)  # Streamlit dropped the link's value; say so, once per link
    return value


MARK_COLOR = COLORS["accent"]  # a boundary's colour: the rate chart draws 2/λmax in it


def slider_mark_css(key: str, fraction: float) -> str:
    """CSS that draws, on the track of the slider with ``key``, a boundary at ``fraction``
    (0 … 1) of its range: a tick there and the stretch beyond it shaded.

    Streamlit's slider places its thumb at ``left: <value's share of the range>%`` of the
    track's box (translated by half its width), so a mark at the same percentage of the same
    box sits exactly where the thumb does at that value. Nothing is drawn for a fraction
    outside [0, 1]: the boundary is off the slider.
    """
    if not 0.0 <= fraction <= 1.0:
        return ""
    track = f'.st-key-{key} [data-testid="stSlider"] [data-orientation="horizontal"][style]'
    return (
        f"<style>{track}::after {{ content: ''; position: absolute; top: 50%; height: 12px;"
        f" left: {100 * fraction:.4f}%; right: 0; margin-left: -1.5px;"
        " transform: translateY(-50%); pointer-events: none; border-radius: 2px;"
        f" background: linear-gradient(to right, {MARK_COLOR} 0 3px,"
        f" {rgba(MARK_COLOR, 0.28)} 3px 100%); }}</style>"
    )


def mark_slider(param: Param, value: float) -> None:
    """Draw a boundary at ``value`` on the track of ``param``'s slider (drawn in this run),
    the stretch beyond it shaded (see :func:`slider_mark_css`)."""
    css = slider_mark_css(param.key, (value - param.low) / (param.high - param.low))
    if css:
        st.html(css)


def controls(*declared: Param) -> list[Any]:
    """Declared controls side by side, one column each; their values in order."""
    return row(*(functools.partial(control, param) for param in declared))


def read_old_links(page: PageParams) -> None:
    """Read a link's renamed keys (``chapter=``, ``lesson=``...) as their current key.

    The URL is rewritten once (old key out, current key in) and the page reruns, so the
    bound widgets are seeded from it exactly as from a current link.
    """
    aliases = page.aliases()
    if not aliases:
        return
    moved = False
    for old, new in aliases.items():
        if old in st.query_params:
            values = st.query_params.get_all(old)
            del st.query_params[old]
            if new not in st.query_params:
                st.query_params[new] = values
            moved = True
    if moved:
        st.rerun()


def part(page: PageParams) -> str:
    """The page's part chooser (key ``part``): which lesson is on screen."""
    read_old_links(page)
    if page.part is None:
        raise KeyError(f"/{page.url_path} declares no part chooser")
    return control(page.part)
