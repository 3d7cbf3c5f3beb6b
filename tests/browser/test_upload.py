"""/statistics: a CSV file uploaded in the browser is described (its numeric columns offered,
the chart drawn), a bad file gets a sentence, and neither leaves its session."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mathviz import catalog
from tests.harness import browser

pytestmark = pytest.mark.browser

PAGE = catalog.page_for("pages/statistics.py")
QUERY = "st_data=Upload+a+CSV+file"
GOOD = b"city,rain_mm,sun_hours\nA,12.5,3\nB,30,1.5\nC,7,6\nD,19.5,4\nE,2,8\n"


def _upload(page, name: str, content: bytes) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content}
    )


def test_a_good_file_is_described_and_a_bad_one_explained(session, watch, server):
    session.open(PAGE, QUERY)
    page = session.page
    expect(page.get_by_text("Choose a CSV file")).to_be_visible()
    _upload(page, "weather.csv", GOOD)
    browser.wait_for_charts(page, 2)
    expect(page.get_by_text("weather.csv: 5 rows, 2 numeric columns")).to_be_visible()
    expect(page.locator(".katex").filter(has_text="n=5").first).to_be_attached()
    session.assert_clean()
    # another session opening the same link sees no file: the upload stayed in its session
    other = watch(server)
    other.open(PAGE, QUERY)
    expect(other.page.get_by_text("Choose a CSV file")).to_be_visible()
    assert other.page.locator(".js-plotly-plot").count() == 0
    # a file with no numeric column: a sentence, no chart, no traceback
    _upload(page, "words.csv", b"a,b\nx,y\nz,w\n")
    expect(page.get_by_text("No column of that file is all numbers")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    session.assert_clean()
