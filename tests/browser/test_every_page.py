"""Every page in the browser: it loads with its charts, a control changes the view, and a
crafted URL reproduces a view exactly as the server builds it."""

from __future__ import annotations

from urllib.parse import urlparse

import numpy as np
import pytest

from mathviz import catalog
from tests.harness import browser
from tests.harness.apptest import decode_arrays, figures, query_dict, random_view, run_page, widgets

pytestmark = pytest.mark.browser

PAGES = catalog.PAGES


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
    charts = len(at.get("plotly_chart"))
    session.open(page_info)
    browser.wait_for_charts(session.page, charts)
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
