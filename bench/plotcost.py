"""``python -m bench.plotcost``: what each chart costs the browser to draw, view by view.

Every figure of every page (its default view, and each option of each of its choosers in
turn) is drawn with the plotly.js that ships with the plotly package, in headless Chromium,
on a blank page: no Streamlit, no network. Reported per figure: the milliseconds of
``Plotly.newPlot`` (plus ``addFrames`` for an animation) and how many times plotly drew it.

More than one draw means plotly's automargin found the margins too small for the tick labels,
a slider or a legend and drew the whole figure again: that doubled the cost of a control
change on a chart page. :mod:`mathviz.plot.theme` sizes the margins so that this does not happen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import plotly

from tests.harness import browser
from tests.harness.apptest import page_figures

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
VIEWPORT = {"width": 1400, "height": 900}
CHART_WIDTH = 860  # about a chart's width in the wide layout at this viewport

DRAW_JS = """
async ([spec, repeats]) => {
  const gd = document.getElementById('chart');
  const times = [];
  for (let i = 0; i < repeats; i++) {
    Plotly.purge(gd);
    const figure = JSON.parse(spec);
    const t0 = performance.now();
    await Plotly.newPlot(gd, figure.data, figure.layout, {responsive: false});
    if (figure.frames) await Plotly.addFrames(gd, figure.frames);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const asked = gd._fullLayout.margin, got = gd._fullLayout._size;
  const pushed = ['l', 'r', 't', 'b'].filter(side => got[side] > asked[side] + 1)
    .map(side => `${side}+${Math.round(got[side] - asked[side])}`);
  return {ms: times[Math.floor(times.length / 2)], pushed: pushed.join(' ')};
}
"""


def draw_costs(chromium: Any, specs: list[str], repeats: int = 5) -> list[dict[str, float]]:
    """Draw each figure ``repeats`` times on a blank page: median ms and most draws seen."""
    page = chromium.new_page(viewport=VIEWPORT)
    page.set_content(f"<div id='chart' style='width:{CHART_WIDTH}px'></div>")
    page.add_script_tag(path=str(PLOTLY_JS))
    results = [page.evaluate(DRAW_JS, [spec, repeats]) for spec in specs]
    page.close()
    return results


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from mathviz import catalog

    parser = argparse.ArgumentParser(prog="python -m bench.plotcost", description=__doc__)
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    args = parser.parse_args(argv)
    pages = [
        page for page in catalog.PAGES if not args.pages or page.url_path in args.pages.split(",")
    ]
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        redrawn = 0
        for page in pages:
            views = list(page_figures(page.path))
            costs = draw_costs(chromium, [spec for _, spec in views])
            for (view, spec), cost in zip(views, costs, strict=True):
                redrawn += bool(cost["pushed"])
                print(
                    f"{page.url_path:18s} {view:34s} {len(spec) / 1024:7.0f} KB"
                    f" {cost['ms']:7.1f} ms  {'pushed ' + cost['pushed'] if cost['pushed'] else ''}"
                )
        chromium.close()
    print(f"\n{redrawn} figure(s) with a pushed margin", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
