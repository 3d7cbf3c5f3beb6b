"""A shared link is the first request to a freshly started server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mathviz import catalog
from tests.harness import browser
from tests.harness.apptest import run_page
from tests.harness.server import StreamlitServer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "page_info", [p for p in catalog.PAGES if not p.default], ids=lambda p: p.url_path
)
def test_a_cold_deep_link_opens_the_page_inside_the_app(watch, page_info):
    """A teacher's prepared link is the very first request to a freshly started server.

    On a cold server the page first runs alone and reruns through app.py (``st.rerun``):
    ``open`` waits for that second run, not for the idle moment between the two.
    """
    title = run_page(page_info.path).title[0].value
    with StreamlitServer() as fresh:
        watched = watch(fresh)
        watched.open(page_info, "present=1")
        watched.assert_clean()
        page = watched.page
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator("h1").first.inner_text().strip() == title
        sidebar = page.locator("[data-testid='stSidebar']")
        expect(sidebar, "presentation: collapsed").to_have_attribute(
            "data-collapsed", "true", timeout=browser.TIMEOUT_MS
        )
        expect(page.locator("[data-testid='stSidebarNav']"), "app navigation").to_have_count(
            1, timeout=browser.TIMEOUT_MS
        )
        assert "present=1" in page.url
