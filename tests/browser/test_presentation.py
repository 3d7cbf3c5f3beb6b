"""Presentation mode (``?present=1``): large type, sidebar collapsed, kept across pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mathviz import catalog
from tests.harness import browser

pytestmark = pytest.mark.browser

PAGES = catalog.PAGES


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_presentation_mode_renders(session, page_info):
    session.open(page_info)
    normal = session.page.locator("h1").first.evaluate("e => getComputedStyle(e).fontSize")
    session.open(page_info, "present=1")
    session.assert_clean()
    # The mode's style sheet is an element of its own, which may land a moment after the title:
    # wait until it applies to the title.
    session.page.wait_for_function(
        "n => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) >= 1.2 * n",
        arg=float(normal.removesuffix("px")),
        timeout=browser.TIMEOUT_MS,
    )
    sidebar = session.page.locator("[data-testid='stSidebar']")
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=browser.TIMEOUT_MS)


def test_presentation_mode_survives_page_switches(session):
    home, other = PAGES[0], next(page for page in PAGES if not page.default)
    session.open(home, "present=1")
    page = session.page
    page.locator("[data-testid='stExpandSidebarButton']").click()
    asked = browser.requests_sent(page)
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{other.url_path}']").click()
    page.wait_for_url(f"**/{other.url_path}?*present=1*", timeout=browser.TIMEOUT_MS)
    browser.wait_idle(page, after=asked)  # the other page's run, finished and drawn
    session.assert_clean()
    assert page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']").count()
