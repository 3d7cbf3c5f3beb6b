"""End-to-end: every page in headless Chromium against a real ``streamlit run app.py``.

Locally these tests skip when Chromium is missing; with ``CI=true`` they must run.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import numpy as np
import pytest

from mathviz import catalog
from tests.harness import browser
from tests.harness.apptest import decode_arrays, figures, query_dict, random_view, run_page, widgets
from tests.harness.server import StreamlitServer

pytestmark = pytest.mark.browser

if not browser.chromium_available():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI=true but Chromium is missing at {browser.CHROMIUM}")
    pytest.skip(
        f"Chromium not found at {browser.CHROMIUM}: install it (apt-get install -y chromium) "
        "to run the browser tests",
        allow_module_level=True,
    )

from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = catalog.PAGES
# Messages Chromium itself logs that say nothing about the app. Failed loads are checked
# through the responses instead, where the URL is known.
BENIGN_CONSOLE = ("Unrecognized feature:", "Permissions-Policy", "Failed to load resource")
# On a deep link (/resources) Streamlit's frontend first probes for a base path under the page
# path (/resources/_stcore/health), gets a 404 and falls back to /: expected, not an error.
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


@pytest.fixture(scope="module")
def server():
    with StreamlitServer() as running:
        yield running
    log = running.log_text()
    assert "Traceback" not in log and "WARNING" not in log.upper().replace("WARNINGS", ""), log


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as playwright:
        launched = browser.launch(playwright)
        yield launched
        launched.close()


class Watched:
    """A fresh browser session that records console errors and every request's host."""

    def __init__(self, chromium, server, **context_options):
        self.context = chromium.new_context(viewport=browser.VIEWPORT, **context_options)
        self.page = self.context.new_page()
        self.server = server
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", self._request)
        self.page.on("response", self._response)

    def _console(self, message):
        if message.type == "error" and not any(b in message.text for b in BENIGN_CONSOLE):
            self.errors.append(message.text)

    def _response(self, response):
        path = urlparse(response.url).path
        probe = path.endswith(BASE_PATH_PROBES) and not path.startswith("/_stcore")
        if response.status >= 400 and not probe:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request):
        if not browser.is_local(request.url, self.server.port):
            self.foreign.append(request.url)

    def open(self, page_info: catalog.PageInfo, query: str = "") -> None:
        path = "" if page_info.default else page_info.url_path
        browser.goto(self.page, self.server.url(path, query))

    def assert_clean(self) -> None:
        page = self.page
        assert page.locator("[data-testid='stException']").count() == 0, "exception box shown"
        assert not self.errors, self.errors
        assert not self.foreign, f"requests left the machine: {self.foreign}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(chromium, server):
    watched = Watched(chromium, server)
    yield watched
    watched.close()


def _first_non_default_page() -> catalog.PageInfo:
    return next(page for page in PAGES if not page.default)


@pytest.mark.parametrize("page_info", [p for p in PAGES if not p.default], ids=lambda p: p.url_path)
def test_a_cold_deep_link_opens_the_page_inside_the_app(chromium, page_info):
    """A teacher's prepared link is the very first request to a freshly started server."""
    title = run_page(page_info.path).title[0].value
    with StreamlitServer() as fresh:
        watched = Watched(chromium, fresh)
        try:
            watched.open(page_info, "present=1")
            watched.assert_clean()
            page = watched.page
            assert page.get_by_text("Page not found").count() == 0
            assert page.locator("h1").first.inner_text().strip() == title
            sidebar = page.locator("[data-testid='stSidebar']")
            assert sidebar.get_attribute("data-collapsed") == "true", "presentation: collapsed"
            assert page.locator("[data-testid='stSidebarNav']").count() == 1, "app navigation"
            assert "present=1" in page.url
        finally:
            watched.close()


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_page_loads_with_charts_and_no_errors(session, page_info):
    expected_charts = len(run_page(page_info.path).get("plotly_chart"))
    session.open(page_info)
    browser.wait_for_charts(session.page, expected_charts)
    session.assert_clean()
    assert session.page.locator(".js-plotly-plot").count() == expected_charts
    assert session.page.locator("h1").count() >= 1


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_moving_a_control_changes_the_view(session, page_info):
    at = run_page(page_info.path)
    main_keys = [key for key in widgets(at) if key != "present_mode"]
    if not main_keys:
        pytest.skip(f"{page_info.title} has no controls")
    session.open(page_info)
    browser.wait_for_charts(session.page, len(at.get("plotly_chart")))
    before = browser.fingerprint(session.page)
    kind = browser.move_first_control(session.page)
    browser.wait_for_change(session.page, before)
    browser.wait_idle(session.page)
    session.assert_clean()
    assert urlparse(session.page.url).query, f"moving the {kind} put nothing in the URL"
    # The control may sit in a section (a fragment) whose rerun skips app.py: the sidebar's
    # link must follow anyway.
    link = session.page.locator("[data-testid='stSidebar'] [data-testid='stExpander'] a")
    linked = _numbers(urlparse(link.get_attribute("href")).query)
    assert linked == _numbers(urlparse(session.page.url).query), "stale link to this view"


def _numbers(query: str) -> dict[str, list]:
    """A query string's values by key, numbers as floats (the browser writes 2, we write 2.0)."""

    def value(text: str):
        try:
            return float(text)
        except ValueError:
            return text

    return {key: [value(v) for v in values] for key, values in query_dict(query).items()}


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_a_crafted_url_reproduces_the_view(session, page_info):
    at, values, query = random_view(page_info.path, seed=11 + len(page_info.path))
    if not values:
        pytest.skip(f"{page_info.title} has no controls")
    expected = figures(run_page(page_info.path, query_dict(query)))
    session.open(page_info, query)
    browser.wait_for_charts(session.page, len(expected))
    session.assert_clean()
    drawn = decode_arrays(browser.chart_data(session.page))
    assert len(drawn) == len(expected)
    for chart_drawn, chart_expected in zip(drawn, expected, strict=True):
        for trace_drawn, trace_expected in zip(chart_drawn, chart_expected["data"], strict=True):
            for axis in ("x", "y"):
                want = trace_expected.get(axis)
                if want is None or trace_drawn[axis] is None:
                    continue
                _assert_same_numbers(trace_drawn[axis], want)
    if not expected:  # a page without charts: compare what it lists
        shown = session.page.locator("[data-testid='stMain']").inner_text()
        for markdown in at.markdown:
            if markdown.value.startswith("**["):
                title = markdown.value.split("](")[0].removeprefix("**[")
                assert title in shown


def _assert_same_numbers(drawn, expected):
    expected = np.asarray(expected)
    if expected.dtype.kind in "fiu":
        drawn = np.array([np.nan if v is None else v for v in drawn], dtype=float)
        np.testing.assert_allclose(drawn, expected.astype(float), rtol=1e-9, equal_nan=True)
    else:
        assert list(drawn) == list(expected.tolist())


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_presentation_mode_renders(session, page_info):
    session.open(page_info)
    normal = session.page.locator("h1").first.evaluate("e => getComputedStyle(e).fontSize")
    session.open(page_info, "present=1")
    session.assert_clean()
    # The mode's style sheet is an element of its own, which may land a moment after the title.
    session.page.wait_for_function(
        "n => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) >= 1.2 * n",
        arg=float(normal.removesuffix("px")),
        timeout=10_000,
    )
    sidebar = session.page.locator("[data-testid='stSidebar']")
    assert sidebar.get_attribute("data-collapsed") == "true"


def test_presentation_mode_survives_page_switches(session):
    home, other = PAGES[0], _first_non_default_page()
    session.open(home, "present=1")
    session.page.locator("[data-testid='stExpandSidebarButton']").click()
    session.page.locator(f"[data-testid='stSidebarNav'] a[href$='/{other.url_path}']").click()
    session.page.wait_for_url(f"**/{other.url_path}?*present=1*")
    browser.wait_idle(session.page)
    session.assert_clean()
    assert session.page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']").count()


def test_dark_theme_charts_use_light_ink(chromium, server):
    watched = Watched(chromium, server, color_scheme="dark")
    try:
        watched.open(PAGES[0])
        watched.assert_clean()
        color = watched.page.evaluate(
            "() => document.querySelector('.js-plotly-plot')._fullLayout.font.color"
        )
        assert color.lower() in ("#fafafa", "rgb(250, 250, 250)")
    finally:
        watched.close()
