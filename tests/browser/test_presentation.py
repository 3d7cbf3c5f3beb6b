"""Presentation mode (``?present=1``): large type, sidebar collapsed, kept across pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from mathviz import catalog
from tests.harness import browser

pytestmark = pytest.mark.browser

PAGES = catalog.PAGES


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_presentation_mode_renders(session, page_info):
    session.open(page_info)
    # The title's size, and the largest paragraph text of the page (its prose). A metric's
    # value is drawn in a paragraph too, at 36 px: left out, or a page whose metric was drawn
    # before this measure (and not on other runs) compared prose with the metric (CI flake).
    sizes = (
        "() => [[document.querySelector('h1')],"
        " Array.from(document.querySelectorAll('[data-testid=stMain] p'))"
        ".filter(e => !e.closest('[data-testid=stMetric]'))]"
        ".map(es => Math.max(...Array.from(es).map(e => parseFloat(getComputedStyle(e).fontSize))))"
    )
    normal = session.page.evaluate(sizes)
    session.open(page_info, "present=1")
    session.assert_clean()
    # The mode's style sheet is an element of its own, which may land a moment after the title:
    # wait until it applies. Prose is much larger; the title, compact to leave the first screen
    # to the picture, is not smaller than usual.
    try:
        session.page.wait_for_function(
            f"n => {{ const [title, prose] = ({sizes})(); "
            "return prose >= 1.3 * n[1] && title >= n[0]; }",
            arg=normal,
            timeout=browser.TIMEOUT_MS,
        )
    except PlaywrightTimeout:  # say what was measured (title, prose px), not just "timeout"
        presented = session.page.evaluate(sizes)
        raise AssertionError(f"normal {normal}, presenting {presented}") from None
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
