"""Drawing figures: the app's look, and the one memoisation path for figures.

``plot(build, *args, key=...)`` draws ``build(*args)``. The styled figure is remembered for the
session under the chart's key and reused while the builder's arguments (and the theme, mode
and height) are unchanged, so moving one control rebuilds only the charts that depend on it.
The key is made from the arguments themselves (:func:`mathviz.plot.memo.call_key`), never by
the page. (A part of a figure that is the same for every session and costly, such as the unit
circle's 121 frames, is made once per process by a ``functools.cache``d function of its figure
module instead.)
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from mathviz.plot import memo, theme
from mathviz.plot.spec import Prebuilt
from mathviz.ui.shell import is_dark, presenting

# No plotly toolbar: on hover it covered the top line of a chart (a legend, a label), and a
# lecture needs none of its buttons (drag zooms, a double click resets, Streamlit's own
# toolbar above the chart opens it full screen).
PLOTLY_CONFIG = {
    "displaylogo": False,
    "displayModeBar": False,
    "scrollZoom": False,
    "responsive": True,
}
_SESSION_MEMO = "_mv_figures"  # this session's FigureMemo: one styled figure per chart
# Set inside a presentation stage's picture until its first chart is drawn: that chart takes
# the picture's height (the screen's), not a height of its own.
_FILL: contextvars.ContextVar[list[bool] | None] = contextvars.ContextVar("_mv_fill", default=None)


@contextlib.contextmanager
def screen_filling() -> Iterator[None]:
    """Inside this block the first chart :func:`plot` draws stretches to its container's
    height (presentation mode's stage picture, sized to the screen by CSS)."""
    token = _FILL.set([True])
    try:
        yield
    finally:
        _FILL.reset(token)


def _take_fill() -> bool:
    """Whether the chart drawn now fills its container (and no later one in the block)."""
    pending = _FILL.get()
    if not pending or not pending[0]:
        return False
    pending[0] = False
    return True


def plot(
    figure: go.Figure | Callable[..., go.Figure],
    *args: Any,
    key: str | None = None,
    height: int | None = None,
    on_select: Callable[[], None] | None = None,
    **kwargs: Any,
) -> None:
    """Draw a figure in the app's look (theme, fonts and height follow the mode).

    Parameters
    ----------
    figure : a figure, drawn as it is; or a builder, drawn as ``figure(*args, **kwargs)`` and
        remembered (see the module's docstring). A builder must be a named function of its
        arguments alone: no lambda, no closure.
    key : the chart's key (required with a builder: it names the memo's slot).
    height : the chart's height in pixels outside presentation mode; presentation mode makes
        every chart taller in the same proportion (its type is larger), up to a height that
        fits a 1280x720 projector (:func:`mathviz.plot.theme.present_height`), except the
        first chart of a stage's picture: that one is as tall as the screen leaves
        (:func:`mathviz.ui.skeleton.stage`).
    on_select : a callback run when a point of the chart is clicked (it reads the click from
        ``st.session_state[key].selection``); None: clicks select nothing.
    """
    if isinstance(figure, go.Figure):
        if args or kwargs:
            raise TypeError("arguments go with a figure builder, not a figure")
    else:
        memo.builder_name(figure)  # refuses a lambda or a closure
        if key is None:
            raise TypeError("a remembered chart needs a key")
    fill = presenting() and _take_fill()
    if fill:
        height = theme.STRETCH  # the figure takes its container's height
    elif height is not None and presenting():
        height = theme.present_height(height)
    style = (is_dark(), presenting(), height)
    if isinstance(figure, go.Figure):
        spec = _styled(figure.to_dict(), style)
    else:
        call = memo.call_key(figure, args, kwargs)
        build = lambda: _styled(figure(*args, **kwargs).to_dict(), style)  # noqa: E731
        spec = _session_memo().get((_page(), key), (call, style), build)
    selecting = {"on_select": on_select, "selection_mode": "points"} if on_select else {}
    st.plotly_chart(
        Prebuilt(spec),
        width="stretch",
        height="stretch" if fill else "content",
        theme=None,
        key=key,
        config=PLOTLY_CONFIG,
        **selecting,
    )


def _styled(spec: dict, style: tuple) -> dict:
    """A styled shallow copy of a figure's dict: the layout is copied, the data shared."""
    spec = {**spec, "layout": dict(spec.get("layout", {}))}
    dark, present, height = style
    return theme.style_spec(spec, dark=dark, present=present, height=height)


def _session_memo() -> memo.FigureMemo:
    return st.session_state.setdefault(_SESSION_MEMO, memo.FigureMemo())


def _page() -> str:
    ctx = get_script_run_ctx()
    return ctx.page_script_hash if ctx else ""
