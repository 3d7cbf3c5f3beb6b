"""Every figure of every view is drawn once: its margins already fit its labels, legend,
colour bar and Play controls, so plotly never widens one after a first draw and draws the
whole figure again (which doubled the cost of a control change). Drawn with the plotly.js
of the plotly package on a blank page, as ``python -m bench.plotcost`` does."""

import pytest

from bench.plotcost import draw_costs
from mathviz import catalog
from tests.harness.apptest import page_figures


@pytest.mark.parametrize("page", catalog.PAGES, ids=[p.url_path for p in catalog.PAGES])
def test_no_figure_needs_a_second_draw(chromium, page):
    views = list(page_figures(page.path))
    costs = draw_costs(chromium, [spec for _, spec in views], repeats=1)
    pushed = {view: cost["pushed"] for (view, _), cost in zip(views, costs, strict=True)}
    assert not {view: sides for view, sides in pushed.items() if sides}
