"""The one Streamlit adapter: the page skeleton, URL-bound controls and presentation mode.

Everything else in ``mathviz`` is pure numpy/scipy/plotly. Pages call these helpers so that
every page has the same skeleton (title, idea, controls, picture, formula, why it matters,
learn more), every control lives in the URL, and presentation mode applies everywhere.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from mathviz import catalog, figures, resources, theme, urlstate

_PRESENT_STATE = "present_mode"  # the sidebar toggle's key
_BOUND = "_mv_bound_controls"  # {url key: default} of the controls bound in this run
_SHELL_RAN = "_mv_shell_ran"  # set by app.py's start_run, consumed by the page's header
_SHELL_RETRIED = "_mv_shell_retried"
_REMEMBERED = "_mv_remembered"  # {(page, name): (inputs, value)}
_PREPARED = "_mv_prepared_figures"  # {chart key: (figure, style, styled dict)}
_LINK_SLOT = "_mv_link_slot"  # the sidebar placeholder the link is drawn in

T = TypeVar("T")

PLOTLY_CONFIG = {"displaylogo": False, "scrollZoom": False, "responsive": True}

_PRESENT_CSS = """
<style>
  .stMainBlockContainer { padding-top: 2.5rem; max-width: 100%; }
  .stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer label p,
  .stMainBlockContainer [data-testid="stWidgetLabel"] p { font-size: 1.45rem; }
  .stMainBlockContainer h1 { font-size: 3.4rem; }
  .stMainBlockContainer h2 { font-size: 2.4rem; }
  .stMainBlockContainer h3 { font-size: 2rem; }
  .stMainBlockContainer .katex { font-size: 1.9em; }
  .stMainBlockContainer [data-testid="stMetricValue"] { font-size: 3rem; }
  .stMainBlockContainer [data-testid="stSliderThumbValue"] p,
  .stMainBlockContainer [data-testid="stSliderTickBar"] p { font-size: 1.05rem; }
</style>
"""


# --- run lifecycle (called by app.py) -------------------------------------------------------


def start_run() -> bool:
    """Begin a script run: sync presentation mode with the URL, reset the control registry.

    ``?present=1`` (or ``true``/``yes``/``on``) switches presentation mode on when a session
    starts; the sidebar toggle changes it later. Streamlit clears query parameters on a page
    switch, so the parameter is written back on every run while the mode is on; a malformed
    value is removed.
    """
    _calm_the_garbage_collector()
    state = st.session_state
    if _PRESENT_STATE not in state:
        state[_PRESENT_STATE] = urlstate.is_truthy(st.query_params.get_all(urlstate.PRESENT_PARAM))
    present = bool(state[_PRESENT_STATE])
    current = st.query_params.get(urlstate.PRESENT_PARAM)
    if present and current != "1":
        st.query_params[urlstate.PRESENT_PARAM] = "1"
    elif not present and current is not None:
        del st.query_params[urlstate.PRESENT_PARAM]
    state[_BOUND] = {}
    state[_SHELL_RAN] = True
    state[_SHELL_RETRIED] = False
    return present


@functools.cache
def _calm_the_garbage_collector() -> None:
    """Once per process: move everything alive now (Streamlit, plotly, numpy, scipy: hundreds of
    thousands of objects) out of the collector's sight, so its full passes stop stalling reruns.

    Without this, a full collection now and then walks every plotly validator and costs a rerun
    50-90 ms; the objects frozen here live as long as the process anyway.
    """
    gc.collect()
    gc.freeze()


def _ensure_app_shell() -> None:
    """Rerun through ``app.py`` if Streamlit ran a page script on its own.

    Streamlit takes an app with a ``pages/`` folder beside its entrypoint for an old-style
    multipage app until ``st.navigation`` has run once in the process; until then a deep link
    such as ``/resources`` on a cold server runs ``pages/resources.py`` alone, without the
    shell (navigation, presentation mode, sidebar). We say "new style" and rerun; at most once
    between two runs of the shell, so this can never loop.
    """
    state = st.session_state
    if state.pop(_SHELL_RAN, False) or state.get(_SHELL_RETRIED):
        return
    state[_SHELL_RETRIED] = True
    PagesManager.uses_pages_directory = False
    if urlstate.is_truthy(st.query_params.get_all(urlstate.PRESENT_PARAM)):
        # The frontend takes the sidebar's initial state from the first page config it sees.
        st.set_page_config(initial_sidebar_state="collapsed")
    st.rerun()


def presentation_toggle() -> None:
    """The sidebar switch for presentation mode (its state is read by :func:`start_run`)."""
    st.toggle(
        "Presentation mode",
        key=_PRESENT_STATE,
        help="Large type and tall charts for a projector; prose cut to the essentials. "
        "Add ?present=1 to a link to open it this way.",
    )
    if presenting():
        st.html(_PRESENT_CSS)


def reserve_link() -> None:
    """Hold the sidebar's place for the link to this view (app.py calls this before the page
    runs, so that the page's sections can redraw the link after their own reruns)."""
    st.session_state[_LINK_SLOT] = st.empty()


def link_to_view() -> None:
    """A copyable link that reproduces the current view (every bound control and the mode)."""
    slot = st.session_state.get(_LINK_SLOT)
    if slot is None:
        return
    bound = st.session_state.get(_BOUND, {})
    values = {key: st.session_state[key] for key in bound if key in st.session_state}
    query = urlstate.view_query(values, bound, present=presenting())
    base = st.context.url or ""
    link = f"{base}?{query}" if query else base
    # A plain link, not st.code: the code block's syntax highlighter is a 1.5 MB script that
    # every cold load would fetch and parse for one line of text.
    shown = f"[{link}]({link})" if link else "This page, as it opens by default."
    slot.expander("Link to this view", icon=":material/link:").markdown(
        f"{shown}\n\n:gray[Right-click → Copy link. Every control on the page is in it, "
        "so it reproduces the view exactly.]"
    )


def section(body: Callable[[], None]) -> None:
    """Draw ``body`` here, as a fragment: moving one of its controls reruns only ``body``.

    A run of the whole page sends every element again (about a hundred on a topic page) and
    the browser re-renders all of them, which made a slider feel slower than on a bare page;
    a section's rerun redraws only its own few elements. The sidebar link is redrawn at the
    end of every section run, since the full run that normally draws it does not happen.
    Widgets inside ``body`` must not decide what is drawn outside it.
    """

    @functools.wraps(body)
    def run() -> None:
        body()
        link_to_view()

    st.fragment(run)()


def presenting() -> bool:
    """Whether presentation mode is on in this session."""
    return bool(st.session_state.get(_PRESENT_STATE, False))


def remembered(name: str, inputs: tuple, build: Callable[[], T]) -> T:
    """This session's last ``name`` built on this page if ``inputs`` are unchanged, else a new one.

    For plotly figures that are slow to build (plotly checks every trace of every animation
    frame): moving one control then rebuilds only the figures that depend on it.
    ``st.cache_data`` would not help, since unpickling a figure rebuilds it just as slowly.
    A session's runs never overlap, and ``plot`` restyles a figure on every run, so reusing
    the object within the session is safe. One value per (page, name) is kept.
    """
    ctx = get_script_run_ctx()
    slot = (ctx.page_script_hash if ctx else "", name)
    memo = st.session_state.setdefault(_REMEMBERED, {})
    if slot not in memo or memo[slot][0] != inputs:
        memo[slot] = (inputs, build())
    return memo[slot][1]


def is_dark() -> bool:
    """Whether the browser shows Streamlit's dark theme."""
    try:
        return st.context.theme.type == "dark"
    except (AttributeError, KeyError):
        return False


# --- URL-bound controls ---------------------------------------------------------------------


def _bind(key: str, default: Any) -> dict[str, Any]:
    st.session_state.setdefault(_BOUND, {})[key] = default
    return {"key": key, "bind": "query-params"}


def slider(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    **kwargs: Any,
) -> Any:
    """A slider kept in the URL under ``key``.

    When the range depends on another control, a value this session kept from before may fall
    outside the new range; it is clamped into it rather than raising.
    """
    kept = st.session_state.get(key)
    if kept is not None:
        clamped = _clamp(kept, min_value, max_value)
        if clamped != kept:
            st.session_state[key] = clamped
    return st.slider(label, min_value, max_value, value, step, **_bind(key, value), **kwargs)


def _clamp(value: Any, low: float, high: float) -> Any:
    if isinstance(value, (tuple, list)):
        return type(value)(_clamp(v, low, high) for v in value)
    if isinstance(value, (int, float)):
        return type(value)(min(max(value, low), high))
    return value


def number(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    **kwargs: Any,
) -> Any:
    """A number input kept in the URL under ``key``; out-of-range URL values are clamped.

    Whole-number inputs are float inputs shown without decimals: Streamlit's integer input
    crashes on a URL value such as ``1e400`` (it converts infinity to int), its float input
    does not.
    """
    whole = all(isinstance(v, int) for v in (min_value, max_value, value, step or 1))
    if not whole:
        return st.number_input(
            label, min_value, max_value, value, step, **_bind(key, value), **kwargs
        )
    chosen = st.number_input(
        label,
        float(min_value),
        float(max_value),
        float(value),
        float(step or 1),
        format="%.0f",
        **_bind(key, float(value)),
        **kwargs,
    )
    return int(round(chosen))


def choice(
    label: str, options: Sequence[str], key: str, value: str | None = None, **kwargs: Any
) -> str:
    """One of a few options as a segmented control kept in the URL (always one selected)."""
    default = value if value is not None else options[0]
    return st.segmented_control(
        label, list(options), default=default, required=True, **_bind(key, default), **kwargs
    )


def select(
    label: str, options: Sequence[str], key: str, value: str | None = None, **kwargs: Any
) -> str:
    """One of many options as a select box kept in the URL."""
    default = value if value is not None else options[0]
    index = list(options).index(default)
    return st.selectbox(label, list(options), index=index, **_bind(key, default), **kwargs)


def multi(
    label: str,
    options: Sequence[str],
    key: str,
    value: Sequence[str] = (),
    **kwargs: Any,
) -> list[str]:
    """Any subset of the options as pills kept in the URL (the key repeats per selection)."""
    default = list(value)
    return list(
        st.pills(
            label,
            list(options),
            selection_mode="multi",
            default=default,
            **_bind(key, default),
            **kwargs,
        )
    )


def row(*controls: Callable[[], Any]) -> list[Any]:
    """Controls side by side, each made in its own column; returns their values in order."""
    values = []
    for column, control in zip(st.columns(len(controls)), controls, strict=True):
        with column:
            values.append(control())
    return values


def sliders(*specs: tuple) -> list[Any]:
    """A row of URL-bound sliders, one per ``(label, key, min, max, default[, step])``."""
    return row(*(functools.partial(slider, *spec) for spec in specs))


def toggle(label: str, key: str, value: bool = False, **kwargs: Any) -> bool:
    """An on/off switch kept in the URL (``true``/``false``)."""
    return st.toggle(label, value=value, **_bind(key, value), **kwargs)


# --- the page skeleton ----------------------------------------------------------------------


def page_header(title: str, idea: str) -> None:
    """The page title and its one-line idea (every page starts with this call)."""
    _ensure_app_shell()
    st.title(title)
    st.markdown(f"##### {idea}")


def picture_and_words() -> list[Any]:
    """Two columns: a picture beside its formula and words (even halves in presentation
    mode, where the type is larger)."""
    return st.columns((1, 1) if presenting() else (3, 2))


def explain(markdown: str) -> None:
    """Prose that helps a reader alone; hidden in presentation mode, where the teacher talks."""
    if not presenting():
        st.markdown(markdown)


def plot(fig: go.Figure, *, key: str | None = None, height: int | None = None) -> None:
    """Draw a figure in the app's look (theme, fonts and height follow the mode).

    ``height`` is the chart's height in pixels outside presentation mode; presentation mode
    makes every chart taller in the same proportion (its type is larger). With a ``key``, the
    styled dict of the figure is kept for the session: when a page passes the same figure
    object again (see :func:`remembered`) in the same style, the rerun reuses it instead of
    copying and restyling the figure.
    """
    if height is not None and presenting():
        height = round(height * theme.CHART_HEIGHT[True] / theme.CHART_HEIGHT[False])
    style = (is_dark(), presenting(), height)
    prepared = st.session_state.setdefault(_PREPARED, {})
    kept = prepared.get(key) if key else None
    if kept is None or kept[0] is not fig or kept[1] != style:
        spec = fig.to_dict()  # a copy, or a Prebuilt figure's own dict: style a shallow copy
        spec = {**spec, "layout": dict(spec.get("layout", {}))}
        theme.style_spec(spec, dark=style[0], present=style[1], height=height)
        kept = (fig, style, spec)
        if key:
            prepared[key] = kept
    st.plotly_chart(
        figures.Prebuilt(kept[2]), width="stretch", theme=None, key=key, config=PLOTLY_CONFIG
    )


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
