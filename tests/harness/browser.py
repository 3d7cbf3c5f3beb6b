"""Driving the app in headless Chromium (Playwright): shared by the browser tests and bench."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

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
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
VIEWPORT = {"width": 1400, "height": 900}

# Plotly graph divs keep their traces in gd.data: arrays arrive as typed-array specs
# ({dtype, bdata[, shape]}, decoded in Python by the tests) or plain arrays.
TRACES_JS = """
gd => (gd.data || []).map(t => {
  const plain = v => (v != null && ArrayBuffer.isView(v)) ? Array.from(v)
    : (v === undefined ? null : v);
  return {type: t.type || 'scatter', x: plain(t.x), y: plain(t.y), z: plain(t.z)};
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
# selected ones with aria-checked, older releases with aria-pressed).
UNSELECTED_BUTTON = "button:not([aria-checked='true']):not([aria-pressed='true'])"
UNSELECTED_OPTION = f"[data-testid='stButtonGroup'] {UNSELECTED_BUTTON}"


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


SETTLED_JS = """
() => !!document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")
  && !!document.querySelector("[data-testid='stMain'] h1")
  && Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => gd._fullLayout)
"""


def wait_idle(page: Any, timeout_ms: float = 30_000, stable_ms: int = 150) -> None:
    """Wait until Streamlit has finished its script runs and plotly has drawn.

    "Finished" must hold twice, ``stable_ms`` apart: between two runs (a rerun, the first
    load of a deep link) the app is briefly idle with the page half drawn.
    """
    while True:
        page.wait_for_function(SETTLED_JS, timeout=timeout_ms)
        page.wait_for_timeout(stable_ms)
        if page.evaluate(SETTLED_JS):
            return


def wait_for_charts(page: Any, count: int, timeout_ms: float = 30_000) -> None:
    """Wait until ``count`` plotly charts are drawn (Streamlit mounts them lazily)."""
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
        arg=count,
        timeout=timeout_ms,
    )
    wait_idle(page, timeout_ms)


def goto(page: Any, url: str, timeout_ms: float = 30_000) -> float:
    """Open ``url`` and wait for the app to settle; returns the seconds it took."""
    start = time.perf_counter()
    page.goto(url, timeout=timeout_ms)
    wait_idle(page, timeout_ms)
    return time.perf_counter() - start


def fingerprint(page: Any) -> str:
    """What the page shows: every chart's data plus the main area's text."""
    return page.evaluate(FINGERPRINT_JS)


def chart_data(page: Any) -> list[list[dict[str, Any]]]:
    """The x/y/z arrays of every trace of every chart, as drawn in the browser."""
    return page.evaluate(CHART_DATA_JS)


def wait_for_change(page: Any, before: str, timeout_s: float = 15.0) -> str:
    """Poll until the page's fingerprint differs from ``before``; returns the new one."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(50)
        now = fingerprint(page)
        if now != before:
            wait_idle(page)
            return fingerprint(page)
    raise AssertionError("the view did not change")


def move_first_control(page: Any) -> str:
    """Move the first control of the main area a step; returns what kind of control it was.

    Sliders get an arrow key (as a keyboard user would), segmented controls a click on an
    option that is not selected, pills a click on their first option, toggles a click, number
    inputs a step up.
    """
    main = page.locator("[data-testid='stMain']")
    slider = page.locator(MAIN_SLIDER)
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
