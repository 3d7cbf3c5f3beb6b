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


# The centre of the boundary mark (the track's ::after, 3 px wide from its left edge at the
# boundary's share minus 1.5 px) and of the thumb, in page pixels.
MARK_AND_THUMB = """() => {
    const box = document.querySelector('.st-key-tlr [data-testid="stSlider"]');
    const track = box.querySelector('[data-orientation="horizontal"][style]');
    const thumb = box.querySelector('[data-testid="stSliderThumbValue"]').parentElement;
    const after = getComputedStyle(track, '::after');
    const left = track.getBoundingClientRect().left;
    const t = thumb.getBoundingClientRect();
    return [left + parseFloat(after.left) + parseFloat(after.marginLeft) + 1.5,
            t.left + t.width / 2, after.content];
}"""


def test_the_largest_stable_rate_is_marked_on_the_learning_rate_slider(session):
    """On the bowl of curvatures 1 and 4, 2/λmax = 0.5: with the slider there (log₁₀ 0.5 =
    −0.30), its thumb sits on the mark, to the pixel."""
    session.open(PAGE, "part=Theory%20on%20the%20bowl&l1=1&l2=4&turn=0&tlr=-0.3")
    page = session.page
    thumb = page.locator('.st-key-tlr [data-testid="stSliderThumbValue"]')
    expect(thumb).to_have_text("-0.30", timeout=browser.TIMEOUT_MS)
    mark, centre, content = page.evaluate(MARK_AND_THUMB)
    assert content != "none", "no mark drawn"
    # log₁₀ 0.5 = −0.30103 against the thumb's −0.30: 0.001 of a 3.5-wide range apart
    assert abs(mark - centre) < 1.5, (mark, centre)
    session.assert_clean()
