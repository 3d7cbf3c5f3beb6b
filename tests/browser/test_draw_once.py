"""Every figure of every view is drawn once: its margins already fit its labels, legend,
colour bar and Play controls, so plotly never widens one after a first draw and draws the
whole figure again (which doubled the cost of a control change). Drawn with the plotly.js
of the plotly package on a blank page, as ``python -m bench.plotcost`` does: one page for
every test (loading plotly.js on a new one cost two seconds a page), each figure drawn on a
purged chart."""

import pytest

from bench.plotcost import CHART_WIDTH, DRAW_JS, PLOTLY_JS, VIEWPORT
from mathviz import catalog
from tests.harness.apptest import page_figures


@pytest.fixture(scope="module")
def blank_page(chromium):
    """:func:`bench.plotcost.draw_costs`'s page, opened once."""
    page = chromium.new_page(viewport=VIEWPORT)
    page.set_content(f"<div id='chart' style='width:{CHART_WIDTH}px'></div>")
    page.add_script_tag(path=str(PLOTLY_JS))
    yield page
    page.close()


@pytest.mark.parametrize("page", catalog.PAGES, ids=[p.url_path for p in catalog.PAGES])
def test_no_figure_needs_a_second_draw(blank_page, page):
    views = list(page_figures(page.path))
    pushed = {view: blank_page.evaluate(DRAW_JS, [spec, 1])["pushed"] for view, spec in views}
    assert not {view: sides for view, sides in pushed.items() if sides}
