"""/gradient-descent: a click on the race's map moves the start there (the start number
inputs and the link follow), and the race is drawn again from it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mathviz import catalog
from tests.harness import browser

pytestmark = pytest.mark.browser

PAGE = catalog.page_for("pages/gradient-descent.py")
# The pixel of data point (x, y) on the first chart's map (plotly's own axes do the sum).
TO_PIXEL = """([x, y]) => {
    const gd = document.querySelector('.js-plotly-plot');
    const full = gd._fullLayout, box = gd.getBoundingClientRect();
    return [box.left + full.xaxis._offset + full.xaxis.l2p(x),
            box.top + full.yaxis._offset + full.yaxis.l2p(y)];
}"""


def test_a_click_on_the_map_sets_the_start(session):
    session.open(PAGE)
    browser.wait_for_charts(session.page, 1)
    page = session.page
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    x, y = page.evaluate(TO_PIXEL, [0.5, -0.5])  # a point of the click grid (every 0.25)
    page.mouse.click(x, y)
    start_x = page.get_by_label("Start x")
    start_y = page.get_by_label("Start y")
    expect(start_x).to_have_value("0.50", timeout=browser.TIMEOUT_MS)
    expect(start_y).to_have_value("-0.50", timeout=browser.TIMEOUT_MS)
    expect(page).to_have_url(re.compile(r"sx=0\.5&sy=-0\.5|sy=-0\.5&sx=0\.5"),
                             timeout=browser.TIMEOUT_MS)  # fmt: skip
    session.assert_clean()
