"""Driving the app in headless Chromium (Playwright): shared by the browser tests and bench."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}

# Plotly graph divs keep their traces in gd.data: arrays arrive as typed-array specs
# ({dtype, bdata[, shape]}, decoded in Python by the tests) or plain arrays.
TRACES_JS = """
gd => (gd.data || []).map(t => {
  const plain = v => (v != null && ArrayBuffer.isView(v)) ? Array.from(v)
    : (v === undefined ? null : v);
  // Positions, and what a control may change without moving anything: text and colours.
  return {type: t.type || 'scatter', x: plain(t.x), y: plain(t.y), z: plain(t.z),
          text: plain(t.text), color: t.marker ? plain(t.marker.color) : null};
})
"""
CHART_DATA_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(__TRACES__)
""".replace("__TRACES__", TRACES_JS)
FINGERPRINT_JS = """
() => {
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(gd => JSON.stringify((__TRACES__)(gd)));
  const main = document.querySelector('[data-testid="stMain"]');
  return charts.join('|') + '#' + (main ? main.innerText : '');
}
""".replace("__TRACES__", TRACES_JS)
MAIN_SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']"
# An option of a segmented control or of pills that is not selected (Streamlit marks the
# selected ones with aria-checked, older releases with aria-pressed). Options carry a
# data-variant; the group's label may hold a help "?" button too, which asks for no run.
UNSELECTED_BUTTON = "button[data-variant]:not([aria-checked='true']):not([aria-pressed='true'])"
UNSELECTED_OPTION = f"[data-testid='stButtonGroup'] {UNSELECTED_BUTTON}"


# Waits read what they name and nothing else: no fixed sleeps, no "stable for N ms".
TIMEOUT_MS = 120_000  # generous: the suite must pass with both cores busy

# The frontend's side of "idle": it shows no run going and no element left over from an older
# run (Streamlit marks those ``data-stale`` until the run that replaces them finishes).
IDLE_JS = """
() => !!document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")
  && !document.querySelector("[data-stale='true']")
"""
# goto's condition: idle, and the page has drawn its title (every page has one).
SETTLED_JS = """
() => (__IDLE__)() && !!document.querySelector("[data-testid='stMain'] h1")
""".replace("__IDLE__", IDLE_JS)
# A chart is plotted once plotly has laid it out (_fullLayout), computed every trace
# (calcdata, one entry per trace of gd.data), drawn its SVG and has no draw pending.
# A chart is plotted when plotly has drawn its data at the size of its box: a chart that
# stretches to its container (presentation mode's stage) is first drawn at plotly's default
# height and then again at its container's.
CHARTS_PLOTTED_JS = """
n => {
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
  const sized = gd => { const r = gd.getBoundingClientRect();
    if (r.width === 0) return true;  // hidden (a closed expander)
    const stage = gd.closest('[class*="st-key-mv_stage_"]');
    const first = stage && stage.querySelector('.js-plotly-plot') === gd;
    return Math.abs(r.width - gd._fullLayout.width) < 2
      && Math.abs(r.height - gd._fullLayout.height) < 2
      && (!first || Math.abs(r.height - stage.getBoundingClientRect().height) < 2); };
  return charts.length >= n && charts.every(gd => gd._fullLayout && Array.isArray(gd.data)
    && Array.isArray(gd.calcdata) && gd.calcdata.length === gd.data.length
    && !!gd.querySelector('.main-svg') && !(gd._promises && gd._promises.length) && sized(gd));
}
"""
CHANGED_JS = "before => (__FINGERPRINT__)() !== before".replace("__FINGERPRINT__", FINGERPRINT_JS)
TERMINAL = frozenset({"FINISHED_SUCCESSFULLY", "FINISHED_WITH_COMPILE_ERROR",
                      "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"})  # fmt: skip


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class ScriptRuns:
    """The script runs of one browser page, as its Streamlit websocket reports them.

    The frontend's "not running" is no proof that the app is done: after ``st.rerun()``
    (the first run of a deep link on a cold server, an old link's keys renamed) the server
    reports the stopped run finished, and the frontend is idle, half drawn, until the next
    run starts. The protocol says more: the browser sends a ``rerun_script`` message for each
    run it asks for, the server starts each run with ``new_session`` and ends it with
    ``script_finished``, whose status is ``FINISHED_EARLY_FOR_RERUN`` when another run
    follows. The page is idle when a run that started after the browser's latest request
    has finished for good.
    """

    def __init__(self, page: Any) -> None:
        self.socket: Any = None
        self.requests = 0  # rerun requests this document sent
        self._started_after = 0  # requests sent before the current run started
        self.answered = 0  # requests answered by a finished run
        page.on("websocket", self._attach)

    def reset(self) -> None:
        """Forget the document's socket and its runs: a navigation opens a new document
        (see :func:`goto`)."""
        self.socket, self.requests, self._started_after, self.answered = None, 0, 0, 0

    @property
    def idle(self) -> bool:
        return self.socket is not None and 0 < self.requests == self.answered

    def _attach(self, socket: Any) -> None:
        # The counts go on across a reconnect (the frontend asks for a run again on its new
        # socket, and that run answers what the old one left open); an older socket's frames
        # are ignored.
        if not socket.url.endswith("/_stcore/stream"):
            return
        self.socket = socket
        socket.on("framesent", lambda payload: self._sent(socket, payload))
        socket.on("framereceived", lambda payload: self._received(socket, payload))

    def _sent(self, socket: Any, payload: bytes | str) -> None:
        if socket is not self.socket or isinstance(payload, str):
            return
        if BackMsg.FromString(payload).WhichOneof("type") == "rerun_script":
            self.requests += 1

    def _received(self, socket: Any, payload: bytes | str) -> None:
        if socket is not self.socket or isinstance(payload, str):
            return
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self._started_after = self.requests
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            if status in TERMINAL:
                self.answered = max(self.answered, self._started_after)


_RUNS: dict[Any, ScriptRuns] = {}


def script_runs(page: Any) -> ScriptRuns:
    """The page's :class:`ScriptRuns`, watching from now on (before its first goto)."""
    if page not in _RUNS:
        _RUNS[page] = ScriptRuns(page)
        page.on("close", lambda closed: _RUNS.pop(closed, None))
    return _RUNS[page]


def requests_sent(page: Any) -> int:
    """How many runs the page has asked for: pass it to :func:`wait_idle` as ``after`` before
    an action, to wait for the run that the action asks for."""
    return script_runs(page).requests


def _runs_done(runs: ScriptRuns, after: int) -> bool:
    return runs.idle and runs.requests > after


def wait_idle(page: Any, after: int = 0, timeout_ms: float = TIMEOUT_MS) -> None:
    """Wait until the server has finished every run the page asked for, at least one request
    beyond the first ``after`` (:func:`requests_sent`), and the frontend shows the result.

    Event-driven: each wait is for the socket's next frame (or the next socket), and ends as
    soon as the frame that finishes the run has arrived.
    """
    runs = script_runs(page)
    deadline = time.monotonic() + timeout_ms / 1000
    while not _runs_done(runs, after):
        remaining_ms = 1000 * (deadline - time.monotonic())
        if remaining_ms <= 0:
            raise AssertionError(
                f"no finished script run after {timeout_ms / 1000:.0f} s "
                f"({runs.requests} asked for, {runs.answered} answered, {after} before)"
            )
        try:
            if runs.socket is None:
                page.wait_for_event("websocket", timeout=remaining_ms)
            else:
                runs.socket.wait_for_event("framereceived", timeout=remaining_ms)
        except PlaywrightError:  # timed out (checked above), or the socket closed: look again
            continue
    page.wait_for_function(IDLE_JS, timeout=timeout_ms)


async def wait_idle_async(page: Any, after: int = 0, timeout_ms: float = TIMEOUT_MS) -> None:
    """:func:`wait_idle` for Playwright's async API (bench's concurrent sessions)."""
    runs = script_runs(page)
    deadline = time.monotonic() + timeout_ms / 1000
    while not _runs_done(runs, after):
        remaining_ms = 1000 * (deadline - time.monotonic())
        if remaining_ms <= 0:
            raise AssertionError(f"no finished script run after {timeout_ms / 1000:.0f} s")
        try:
            if runs.socket is None:
                await page.wait_for_event("websocket", timeout=remaining_ms)
            else:
                await runs.socket.wait_for_event("framereceived", timeout=remaining_ms)
        except PlaywrightError:
            continue
    await page.wait_for_function(IDLE_JS, timeout=timeout_ms)


def wait_for_charts(page: Any, count: int, after: int = 0, timeout_ms: float = TIMEOUT_MS) -> None:
    """Wait for the script to be idle and then for ``count`` plotly charts to be plotted.

    Streamlit mounts its chart component lazily: the script is idle before any chart exists,
    so "every chart on the page is drawn" holds on a page with none yet. The count comes from
    the server side (AppTest).
    """
    wait_idle(page, after, timeout_ms)
    page.wait_for_function(CHARTS_PLOTTED_JS, arg=count, timeout=timeout_ms)


def goto(page: Any, url: str, timeout_ms: float = TIMEOUT_MS) -> float:
    """Open ``url`` and wait for its script runs to finish and its title to be drawn.

    Returns the seconds it took.
    """
    runs = script_runs(page)
    runs.reset()  # the old document's socket goes away; only the new one counts
    start = time.perf_counter()
    page.goto(url, timeout=timeout_ms)
    _wait_settled(page, timeout_ms)
    return time.perf_counter() - start


def goto_together(pages_and_urls: list[tuple[Any, str]], timeout_ms: float = TIMEOUT_MS) -> None:
    """:func:`goto` for several pages at once: each page's navigation starts before any is
    waited for, so that their loads overlap (each page has a renderer process of its own, and
    the server runs their sessions side by side). Then each is waited for as :func:`goto`
    waits: its ``load`` event, its script runs finished, its title drawn."""
    for page, url in pages_and_urls:
        script_runs(page).reset()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
    for page, _ in pages_and_urls:
        page.wait_for_load_state("load", timeout=timeout_ms)
        _wait_settled(page, timeout_ms)


def _wait_settled(page: Any, timeout_ms: float) -> None:
    wait_idle(page, timeout_ms=timeout_ms)
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms)


def fingerprint(page: Any) -> str:
    """What the page shows: every chart's data plus the main area's text."""
    return page.evaluate(FINGERPRINT_JS)


def chart_data(page: Any) -> list[list[dict[str, Any]]]:
    """The x/y/z arrays of every trace of every chart, as drawn in the browser."""
    return page.evaluate(CHART_DATA_JS)


def wait_for_change(page: Any, before: str, timeout_ms: float = TIMEOUT_MS) -> str:
    """Wait until the page's fingerprint differs from ``before``; returns the new one.

    The browser checks on every animation frame; a chart's new data reaches plotly in an
    effect after the frontend has drawn the run's elements, so this may end a little after
    :func:`wait_idle`.
    """
    try:
        page.wait_for_function(CHANGED_JS, arg=before, timeout=timeout_ms)
    except PlaywrightError:
        raise AssertionError(f"the view did not change within {timeout_ms / 1000:.0f} s") from None
    return fingerprint(page)


def move_first_control(page: Any, timeout_ms: float = TIMEOUT_MS) -> str:
    """Move the first control of the main area a step; returns what kind of control it was.

    Sliders get an arrow key (as a keyboard user would), segmented controls a click on an
    option that is not selected, pills a click on their first option, toggles a click, number
    inputs a step up. Call it on an idle page. The script's run can be over before React has
    drawn its widgets, so it first waits for a control of any of these kinds to be drawn.
    """
    main = page.locator("[data-testid='stMain']")
    slider = page.locator(MAIN_SLIDER)
    drawn = (
        slider.or_(main.locator("[data-testid='stButtonGroup']"))
        .or_(main.locator("[data-testid='stCheckbox'] label"))
        .or_(main.locator("[data-testid='stNumberInputStepUp']"))
    )
    try:
        drawn.first.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightTimeout as error:
        raise LookupError("no control in the main area") from error
    if slider.count():
        slider.first.focus()
        page.keyboard.press("ArrowRight")
        return "slider"
    group = main.locator("[data-testid='stButtonGroup']")
    if group.count():
        # One choice (a segmented control): pick another option. Several (pills): toggle the
        # first, so that repeated moves alternate instead of piling up selections.
        if group.first.locator("button[role='radio']").count():
            group.first.locator(UNSELECTED_BUTTON).first.click()
        else:
            group.first.locator("button").first.click()
        return "button_group"
    for kind, locator in [
        ("toggle", main.locator("[data-testid='stCheckbox'] label")),
        ("number_input", main.locator("[data-testid='stNumberInputStepUp']")),
    ]:
        if locator.count():
            locator.first.click()
            return kind
    raise LookupError("no control in the main area")


def is_local(url: str, port: int) -> bool:
    """Whether a request goes to the app's own server (or is inline data)."""
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost") and parsed.port == port
