"""Presentation mode (``?present=1``) is kept across pages. How each page renders in it (large
type, sidebar collapsed) is checked on its cold link (``test_every_page.py``), how it fits a
projector in ``test_projector.py``."""

from __future__ import annotations

import pytest

from mathviz import catalog
from tests.harness import browser

pytestmark = pytest.mark.browser

PAGES = catalog.PAGES


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
