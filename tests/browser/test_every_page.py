"""Every page in the browser, in one test per page that opens it three times:

1. it loads with its charts and no errors; its formulas render and its text has no programmer
   notation (the check ``test_sweep.py`` makes on every part of every page);
2. moving a control changes the view, and the URL and the sidebar's link follow (on 1's load);
3. a crafted URL reproduces a view exactly as the server builds it;
4. its link with ``present=1``, the very first request to a freshly started server, opens the
   page inside the app, in presentation mode: prose larger than on 1's load, the title not
   smaller, the sidebar collapsed.

Each check once opened the page on its own (and presentation mode twice, normal then
presenting, and the sweep once more): seven loads a page, a second or two each. Each check
reports under its own name, and a failing one does not stop the others.
"""

from __future__ import annotations

from urllib.parse import urlparse

import numpy as np
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from mathviz import catalog
from tests.browser.checks import Checks, formula_and_notation_problems
from tests.harness import browser
from tests.harness.apptest import decode_arrays, figures, query_dict, random_view, run_page, widgets
from tests.harness.server import StreamlitServer

pytestmark = pytest.mark.browser

PAGES = catalog.PAGES

# The title's size, and the largest paragraph text of the page (its prose). A metric's value is
# drawn in a paragraph too, at 36 px: left out, or a page whose metric was drawn before this
# measure (and not on other runs) compared prose with the metric (CI flake).
TYPE_SIZES_JS = (
    "() => [[document.querySelector('h1')],"
    " Array.from(document.querySelectorAll('[data-testid=stMain] p'))"
    ".filter(e => !e.closest('[data-testid=stMetric]'))]"
    ".map(es => Math.max(...Array.from(es).map(e => parseFloat(getComputedStyle(e).fontSize))))"
)


@pytest.fixture
def fresh_server():
    """A server of the test's own, for 4: it starts while 1 to 3 run on the shared one."""
    fresh = StreamlitServer().launch()
    yield fresh
    fresh.stop()


@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_the_page_in_the_browser(session, watch, fresh_server, page_info):
    at = run_page(page_info.path)  # the server's own view of the page: title, charts, controls
    checks = Checks(__file__)
    normal_type: list[float] | None = None
    with checks.check("loads with its charts and no errors"):
        normal_type = _loads_with_charts_and_no_errors(session, page_info, at)
    loaded = checks.passed("loads with its charts and no errors")
    with checks.check("its formulas render and its text reads as prose"):  # on the load above
        assert loaded, "not tried: the page did not load cleanly"
        assert not (found := formula_and_notation_problems(session.page)), found
    with checks.check("moving a control changes the view"):  # on the load above
        assert loaded, "not tried: the page did not load cleanly"
        _moving_a_control_changes_the_view(session, at)
    with checks.check("a crafted URL reproduces the view"):
        _a_crafted_url_reproduces_the_view(session, page_info)
    with checks.check("a cold link opens the page in presentation mode"):
        cold = watch(fresh_server.wait_listening())
        _a_cold_link_opens_the_page_in_presentation_mode(cold, page_info, at, normal_type)
    checks.assert_passed()


def _loads_with_charts_and_no_errors(session, page_info, at) -> list[float]:
    """Returns the sizes of the title's and the prose's type (px), for presentation mode."""
    expected_charts = len(at.get("plotly_chart"))
    session.open(page_info)
    browser.wait_for_charts(session.page, expected_charts)
    session.assert_clean()
    assert session.page.locator(".js-plotly-plot").count() == expected_charts
    assert session.page.locator("h1").count() >= 1
    return session.page.evaluate(TYPE_SIZES_JS)


def _moving_a_control_changes_the_view(session, at) -> None:
    """On the page as it opened (idle, its charts plotted)."""
    if not [key for key in widgets(at) if key != "present_mode"]:
        return  # no controls (Home): nothing to move
    charts = len(at.get("plotly_chart"))
    before = browser.fingerprint(session.page)
    asked = browser.requests_sent(session.page)
    kind = browser.move_first_control(session.page)
    # The run the move asked for, finished and drawn; then its new data in the charts.
    browser.wait_for_charts(session.page, charts, after=asked)
    browser.wait_for_change(session.page, before)
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


def _a_crafted_url_reproduces_the_view(session, page_info) -> None:
    at, values, query = random_view(page_info.path, seed=11 + len(page_info.path))
    if not values:
        return  # no controls (Home): no view to craft
    expected = figures(run_page(page_info.path, query_dict(query)))
    session.errors.clear()
    session.foreign.clear()
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


def _a_cold_link_opens_the_page_in_presentation_mode(watched, page_info, at, normal_type) -> None:
    """A teacher's prepared link is the very first request to a freshly started server.

    On a cold server the page first runs alone and reruns through app.py (``st.rerun``):
    ``open`` waits for that second run, not for the idle moment between the two. The browser
    comes to it cold too (``watched`` has a context of its own).
    """
    watched.open(page_info, "present=1")
    watched.assert_clean()
    page = watched.page
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("h1").first.inner_text().strip() == at.title[0].value
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar, "presentation: collapsed").to_have_attribute(
        "data-collapsed", "true", timeout=browser.TIMEOUT_MS
    )
    expect(page.locator("[data-testid='stSidebarNav']"), "app navigation").to_have_count(
        1, timeout=browser.TIMEOUT_MS
    )
    assert "present=1" in page.url
    # The mode's style sheet is an element of its own, which may land a moment after the
    # title: wait until it applies. Prose is much larger than on the normal load; the
    # title, compact to leave the first screen to the picture, is not smaller than usual.
    assert normal_type is not None, "no type sizes to compare with: the normal load failed"
    try:
        page.wait_for_function(
            f"n => {{ const [title, prose] = ({TYPE_SIZES_JS})(); "
            "return prose >= 1.3 * n[1] && title >= n[0]; }",
            arg=normal_type,
            timeout=browser.TIMEOUT_MS,
        )
    except PlaywrightTimeout:  # say what was measured (title, prose px), not just "timeout"
        presented = page.evaluate(TYPE_SIZES_JS)
        raise AssertionError(f"normal {normal_type}, presenting {presented}") from None
    watched.assert_clean()
