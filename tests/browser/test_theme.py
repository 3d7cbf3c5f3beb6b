"""The browser's colour scheme reaches the charts."""

from __future__ import annotations

import pytest

from mathviz import catalog
from tests.harness import browser
from tests.harness.apptest import run_page

pytestmark = pytest.mark.browser


def test_dark_theme_charts_use_light_ink(watch, server):
    home = catalog.PAGES[0]
    charts = len(run_page(home.path).get("plotly_chart"))
    assert charts, "Home has a chart to read the ink of"
    watched = watch(server, color_scheme="dark")
    watched.open(home)
    # Streamlit mounts its chart component lazily, after the script is idle: read the chart
    # only once plotly has laid it out.
    browser.wait_for_charts(watched.page, charts)
    watched.assert_clean()
    color = watched.page.evaluate(
        "() => document.querySelector('.js-plotly-plot')._fullLayout.font.color"
    )
    assert color.lower() in ("#fafafa", "rgb(250, 250, 250)")
