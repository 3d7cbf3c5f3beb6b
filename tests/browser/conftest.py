"""End-to-end: the app in headless Chromium against a real ``streamlit run app.py``.

Locally these tests skip when Chromium is missing; with ``CI=true`` they must run.

Every test waits for what it then reads (:mod:`tests.harness.browser`: the script runs the
page asked for finished, its charts plotted, the URL changed, a style applied), never for a
fixed time, so the suite holds on a busy machine.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from mathviz import catalog
from tests.harness import browser
from tests.harness.server import StreamlitServer

# Messages Chromium itself logs that say nothing about the app. Failed loads are checked
# through the responses instead, where the URL is known.
BENIGN_CONSOLE = ("Unrecognized feature:", "Permissions-Policy", "Failed to load resource")
# On a deep link (/resources) Streamlit's frontend first probes for a base path under the page
# path (/resources/_stcore/health), gets a 404 and falls back to /: expected, not an error.
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


def pytest_collection_modifyitems(config, items):
    """The browser tests run on one test worker (``-n 2 --dist loadgroup`` in pyproject.toml):
    they share one Chromium and one server per worker, which a test worker starts when the
    package's first test runs and stops after its last; the other worker meanwhile runs the
    AppTest and unit tests. Spread over both, each worker would start and stop them between
    tests."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.xdist_group("browser"))


# Package scope, not session: Playwright's sync API keeps an event loop running in this thread
# while it is open, and tests after the browser package (the load test) start their own.
@pytest.fixture(scope="package")
def chromium():
    if not browser.chromium_available():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI=true but Chromium is missing at {browser.CHROMIUM}")
        pytest.skip(
            f"Chromium not found at {browser.CHROMIUM}: install it (apt-get install -y chromium)"
            " to run the browser tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = browser.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="package")
def server(chromium):  # chromium first: without it the suite skips before a server starts
    with StreamlitServer() as running:
        yield running
    assert_quiet_log(running)


def assert_quiet_log(running: StreamlitServer) -> None:
    log = running.log_text()
    assert "Traceback" not in log and "WARNING" not in log.upper().replace("WARNINGS", ""), log


class Watched:
    """A fresh browser session that records console errors and every request's host."""

    def __init__(self, chromium, server, **context_options):
        self.context = chromium.new_context(viewport=browser.VIEWPORT, **context_options)
        self.context.set_default_timeout(browser.TIMEOUT_MS)  # clicks wait for their target
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
        """Open a page and wait for its script runs to finish and its title to be drawn."""
        path = "" if page_info.default else page_info.url_path
        browser.goto(self.page, self.server.url(path, query))

    def assert_clean(self) -> None:
        """No exception box, console error or failed load, no request off the machine (the
        app works offline). Read on a page whose runs have finished."""
        page = self.page
        assert page.locator("[data-testid='stException']").count() == 0, "exception box shown"
        assert not self.errors, self.errors
        assert not self.foreign, f"requests left the machine: {self.foreign}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(chromium):
    """``watch(server, **context_options)`` opens a :class:`Watched` session; all are closed
    after the test."""
    opened: list[Watched] = []

    def open_session(server: StreamlitServer, **context_options) -> Watched:
        opened.append(Watched(chromium, server, **context_options))
        return opened[-1]

    yield open_session
    for watched in opened:
        watched.close()


@pytest.fixture(scope="package")
def tab(chromium, server):
    """The browser tab that :func:`session` hands to each test, on the shared server."""
    watched = Watched(chromium, server)
    yield watched
    watched.close()


@pytest.fixture
def session(tab):
    """A browser session on the shared server: one tab for every test, each of which begins by
    opening a page (a new document, and a new Streamlit session: sessions live in the page's
    websocket), with its console and requests recorded from the test's start.

    A tab that has loaded the app before keeps the frontend's scripts compiled in its renderer
    process: a new tab loads its first page a second slower, a new context slower still.
    Sessions with options of their own (a colour scheme), a second session beside the first
    and a link opened cold take a context of their own (:func:`watch`).
    """
    tab.errors.clear()
    tab.foreign.clear()
    return tab
