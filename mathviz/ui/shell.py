"""The app shell: a run's lifecycle, presentation mode, the sidebar's link, sections.

``app.py`` calls :func:`start_run` first, then draws the sidebar (:func:`presentation_toggle`,
:func:`reserve_link`), runs the page, and ends with :func:`link_to_view`.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from mathviz import urlstate

PRESENT_STATE = "present_mode"  # the sidebar toggle's key
BOUND = "_mv_bound_controls"  # {url key: default} of the controls bound in this run
_SHELL_RAN = "_mv_shell_ran"  # set by app.py's start_run, consumed by the page's header
_SHELL_RETRIED = "_mv_shell_retried"
_LINK_SLOT = "_mv_link_slot"  # the sidebar placeholder the link is drawn in
STAGE_KEY_PREFIX = "mv_stage_"  # a presentation stage's picture: class st-key-mv_stage_<key>

# Presentation mode, designed for a 1280x720 projector (and 1920x1080): the title, the picture
# and its formula fit the first screen, so a header and controls take as little height as the
# larger type allows; every control's text is as large as its label's; nothing is clipped.
_PRESENT_CSS = """
<style>
  /* A stage's picture (ui.stage) is as tall as the screen leaves under the page's header
     (title, idea, part chooser: about 11rem), between 360 px and 1400 px; its first chart
     stretches to it. Streamlit gives a container of fixed height a flex basis: both go. */
  :root { --mv-stage-height: clamp(360px, calc(100vh - 11.5rem), 1400px); }
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-mv_stage_"]),
  [class*="st-key-mv_stage_"] {
    height: var(--mv-stage-height) !important; flex: 0 0 var(--mv-stage-height) !important;
    max-height: none !important; overflow: visible !important; }
  /* A large screen (1920x1080) gets larger type in proportion: a 1280x720 layout, scaled. */
  @media (min-width: 1700px) and (min-height: 950px) { html { font-size: 21px; } }
  .stMainBlockContainer { padding-top: 1rem; padding-bottom: 2rem; max-width: 100%; }
  /* The header holds only the sidebar's and the menu's buttons, at the corners: see-through,
     so that the title can start at the top of the screen. */
  [data-testid="stHeader"] { background: transparent; }
  .stMainBlockContainer [data-testid="stVerticalBlock"] { gap: 0.45rem; }
  .stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.45rem; }
  /* A compact header: the title, its idea on one line, then straight to the picture. */
  .stMainBlockContainer h1 { font-size: 2.8rem; line-height: 1.2; padding: 0 0 0.1rem 0; }
  .stMainBlockContainer h2 { font-size: 1.6rem; padding: 0.05rem 0; }
  .stMainBlockContainer h3 { font-size: 1.5rem; padding: 0.05rem 0; }
  .stMainBlockContainer h5 { font-size: 1.15rem; padding: 0 0 0.3rem 0; }
  /* Streamlit pulls the element after a heading up by 1rem; with the compact gaps here that
     covered the idea's last line. */
  .stMainBlockContainer [data-testid="stMarkdownContainer"]:has(h1, h5) {
    margin-bottom: 0 !important; }
  .stMainBlockContainer .katex { font-size: 1.45em; }
  /* A formula is never clipped: KaTeX's boxes reach a few pixels past their line. */
  .stMainBlockContainer .katex-display {
    margin: 0.3em 0; padding: 0.15em 0 0.35em; overflow: visible; }
  /* Controls: label and text at one size (1.15rem, 18 px), boxes that grow with it. */
  .stMainBlockContainer [data-testid="stWidgetLabel"] p,
  .stMainBlockContainer [data-testid="stWidgetLabel"],
  .stMainBlockContainer [data-testid="stCheckbox"] p { font-size: 1.15rem; }
  .stMainBlockContainer [data-testid="stWidgetLabel"] { margin-bottom: 0.1rem; min-height: 0; }
  /* A choice's label beside its options: one line instead of two. */
  .stMainBlockContainer [data-testid="stButtonGroup"],
  .stMainBlockContainer [data-testid="stSelectbox"] {
    display: flex; flex-wrap: wrap; align-items: center; column-gap: 0.75rem; }
  .stMainBlockContainer [data-testid="stButtonGroup"] > label,
  .stMainBlockContainer [data-testid="stSelectbox"] > label { margin-bottom: 0; width: auto; }
  .stMainBlockContainer [data-testid="stSelectbox"] > div { flex: 1 1 8rem; min-width: 0; }
  .stMainBlockContainer [data-testid="stButtonGroup"] button {
    min-height: 0; height: auto; padding: 0.1rem 0.75rem; }
  .stMainBlockContainer [data-testid="stButtonGroup"] button p,
  .stMainBlockContainer button p { font-size: 1.15rem; line-height: 1.5; }
  .stMainBlockContainer [data-testid="stNumberInput"] input,
  .stMainBlockContainer [data-testid="stNumberInput"] button,
  .stMainBlockContainer [data-testid="stTextInput"] input,
  .stMainBlockContainer [data-baseweb="select"],
  .stMainBlockContainer [data-baseweb="select"] *,
  .stMainBlockContainer [data-testid="stSelectbox"] input,
  .stMainBlockContainer [data-testid="stSelectbox"] [data-baseweb] * { font-size: 1.15rem; }
  .stMainBlockContainer [data-testid="stNumberInput"] input { height: 2.4rem; }
  .stMainBlockContainer [data-testid="stSliderThumbValue"],
  .stMainBlockContainer [data-testid="stSliderThumbValue"] p,
  .stMainBlockContainer [data-testid="stSliderTickBar"] > div,
  .stMainBlockContainer [data-testid="stSliderTickBar"] p { font-size: 1.15rem; }
  .stMainBlockContainer [data-testid="stSlider"] { padding-top: 0.4rem; }
  .stMainBlockContainer [data-testid="stMetricLabel"] p { font-size: 1.15rem; }
  .stMainBlockContainer [data-testid="stMetricValue"],
  .stMainBlockContainer [data-testid="stMetricValue"] * { font-size: 2.4rem; line-height: 1.3; }
</style>
"""


def start_run() -> bool:
    """Begin a script run: sync presentation mode with the URL, reset the control registry.

    ``?present=1`` (or ``true``/``yes``/``on``) switches presentation mode on when a session
    starts; the sidebar toggle changes it later. Streamlit clears query parameters on a page
    switch, so the parameter is written back on every run while the mode is on; a malformed
    value is removed.
    """
    _calm_the_garbage_collector()
    state = st.session_state
    if PRESENT_STATE not in state:
        state[PRESENT_STATE] = urlstate.is_truthy(st.query_params.get_all(urlstate.PRESENT_PARAM))
    present = bool(state[PRESENT_STATE])
    current = st.query_params.get(urlstate.PRESENT_PARAM)
    if present and current != "1":
        st.query_params[urlstate.PRESENT_PARAM] = "1"
    elif not present and current is not None:
        del st.query_params[urlstate.PRESENT_PARAM]
    state[BOUND] = {}
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
        key=PRESENT_STATE,
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
    bound = st.session_state.get(BOUND, {})
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
    return bool(st.session_state.get(PRESENT_STATE, False))


def is_dark() -> bool:
    """Whether the browser shows Streamlit's dark theme."""
    try:
        return st.context.theme.type == "dark"
    except (AttributeError, KeyError):
        return False
