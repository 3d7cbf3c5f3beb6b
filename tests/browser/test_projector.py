"""Presentation mode on a 1280x720 projector (and a 1920x1080 screen): on every view the title,
the first picture and its formula are on the first screen, nothing is clipped, and no control's
text is smaller than its label's.

The views are the pages' default views plus every option of each page's part chooser, built
from the declared URL state (:func:`mathviz.catalog.all_declared_params`). Each view is one
test: a page for each screen opens it at once, and each screen is checked (and reported) on
its own.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest

from mathviz import catalog
from mathviz.plot import theme
from tests.browser.checks import Checks
from tests.harness import browser
from tests.harness.apptest import run_page

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
SCREENS = {"1280x720": PROJECTOR, "1920x1080": {"width": 1920, "height": 1080}}

# What the test reads of the laid-out page: where the first chart starts (page coordinates),
# elements whose content overflows their box, and controls whose text is smaller than their
# label's.
LAYOUT_JS = """
(chartControlSize) => {
  const main = document.querySelector("[data-testid='stMain']");
  const px = e => parseFloat(getComputedStyle(e).fontSize);
  const name = e => (e.getAttribute('data-testid') || e.tagName.toLowerCase()) + ': '
    + (e.innerText || e.textContent || '').trim().slice(0, 40);
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const chart = main.querySelector('.js-plotly-plot');
  const top = chart ? chart.getBoundingClientRect().top + window.scrollY : null;
  const bottom = chart ? chart.getBoundingClientRect().bottom + window.scrollY : null;
  // The page's first formula, and the first beside or under the chart (the picture's own).
  const formulas = Array.from(main.querySelectorAll('.katex-display')).filter(visible)
    .map(e => e.getBoundingClientRect())
    .map(r => [r.top + window.scrollY, r.bottom + window.scrollY]);
  const own = top === null ? undefined : formulas.find(f => f[0] >= top - 5);
  const overflows = [];
  const title = main.querySelector('h1');
  // The header's lines (title, idea, the element after them) never cover one another.
  const idea = main.querySelector('h5');
  if (title && idea) {
    const after = idea.closest("[data-testid='stElementContainer']").nextElementSibling;
    const [t, i] = [title, idea].map(e => e.getBoundingClientRect());
    if (t.bottom > i.top + 1) overflows.push(`the title covers the idea by ${t.bottom - i.top}px`);
    if (after && i.bottom > after.getBoundingClientRect().top + 1)
      overflows.push('the element after the idea covers it');
  }
  const titleBottom = title ? title.getBoundingClientRect().bottom + window.scrollY : null;
  const boxes = main.querySelectorAll("button, [data-testid='stWidgetLabel'], "
    + "[data-testid='stMetricValue'], [data-testid='stMetricLabel'], .katex-display, "
    + "[data-testid='stSliderThumbValue'], [data-testid='stSliderTickBar']");
  for (const box of boxes) {
    if (!visible(box)) continue;
    // A formula's boxes reach a pixel or two past its line (KaTeX's struts, never clipped:
    // overflow visible in presentation mode); a formula cut at the column's edge is far wider.
    const katex = box.classList.contains('katex-display');
    if (box.scrollWidth > box.clientWidth + (katex ? 3 : 1)
        || (!katex && box.scrollHeight > box.clientHeight + 2))
      overflows.push(name(box) + ` (${box.scrollWidth}x${box.scrollHeight} in `
        + `${box.clientWidth}x${box.clientHeight})`);
  }
  // Plotly's own controls (Play/Pause, the frame slider) drawn inside the chart's box.
  for (const gd of main.querySelectorAll('.js-plotly-plot')) {
    const outer = gd.getBoundingClientRect();
    for (const part of gd.querySelectorAll('.updatemenu-container, .slider-container')) {
      const r = part.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < outer.left - 1 || r.right > outer.right + 1 || r.top < outer.top - 1
          || r.bottom > outer.bottom + 1)
        overflows.push(`chart control ${part.getAttribute('class')} outside its chart`);
    }
  }
  const small = [];
  for (const label of main.querySelectorAll("[data-testid='stWidgetLabel']")) {
    const widget = label.closest("[data-testid='stElementContainer']");
    if (!widget || !visible(label)) continue;
    const text = label.querySelector('p') || label;
    const size = px(text);
    const controls = widget.querySelectorAll("input:not([type='range']):not([type='checkbox'])"
      + ":not([aria-hidden='true']), [data-baseweb='select'] [value], "
      + "[data-baseweb='select'] div[class*='SingleValue'], "
      + "[data-testid='stButtonGroup'] button p, "
      + "[data-testid='stNumberInput'] button, [data-testid='stSliderThumbValue'], "
      + "[data-testid='stSliderTickBar'] > div");
    for (const control of controls) {
      if (!visible(control)) continue;
      if (px(control) < size - 0.5)
        small.push(`${name(control)} ${px(control)}px under a ${size}px label (${text.innerText})`);
    }
  }
  // Plotly's Play/Pause and slider labels have no label of their own: they match the text of
  // the page's controls (their labels' size), up to the size the server draws them at
  // (the page's type grows on a large screen, plotly's does not). Labels a read-out shows
  // instead are hidden (transparent) and do not count.
  const firstLabel = Array.from(main.querySelectorAll("[data-testid='stWidgetLabel'] p"))
    .find(visible);
  const labelSize = Math.min(firstLabel ? px(firstLabel) : 0, chartControlSize);
  for (const gd of main.querySelectorAll('.js-plotly-plot')) {
    for (const text of gd.querySelectorAll('.updatemenu-button text, .slider-label')) {
      const style = getComputedStyle(text);
      if (parseFloat(style.fillOpacity) === 0 || style.fill === 'rgba(0, 0, 0, 0)') continue;
      if (px(text) < labelSize - 0.5)
        small.push(`chart control "${text.textContent}" ${px(text)}px under ${labelSize}px`);
    }
  }
  return {top, bottom, height: window.innerHeight, overflows, small, titleBottom,
          formulas: [formulas[0], own].filter(f => f !== undefined)};
}
"""


# The laid-out page has settled: the charts and their controls kept their places for 20
# frames in a row (a scroll bar appearing, say, makes plotly draw the charts again narrower).
SETTLED_JS = """
() => {
  const key = JSON.stringify(Array.from(document.querySelectorAll(
      '.js-plotly-plot, .js-plotly-plot .slider-container, .js-plotly-plot .updatemenu-container'))
    .map(e => { const r = e.getBoundingClientRect();
                return [r.left, r.right, r.top, r.bottom].map(Math.round); }));
  window.__mvSame = window.__mvLayout === key ? (window.__mvSame || 0) + 1 : 0;
  window.__mvLayout = key;
  return window.__mvSame >= 20;
}
"""


def views() -> list[tuple[str, str, str, str]]:
    """``(name, page script, url path, query)`` of every view in presentation mode."""
    found = []
    by_url = {page.url_path: page for page in catalog.PAGES}
    for _, declared in catalog.all_declared_params():
        page = by_url[declared.url_path]
        path = "" if page.default else page.url_path
        options = declared.part.options if declared.part else (None,)
        for option in options:
            query = {"present": "1"} | ({declared.part.key: option} if option else {})
            name = declared.url_path + (f"/{option}" if option else "")
            found.append((name, page.path, path, urlencode(query)))
    return found


@pytest.fixture(scope="module")
def screens(chromium, server):
    """A browser page for each screen, each in a context of its own, kept for every view."""
    contexts = {name: chromium.new_context(viewport=size) for name, size in SCREENS.items()}
    for context in contexts.values():
        context.set_default_timeout(browser.TIMEOUT_MS)
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


VIEWS = views()


@pytest.mark.parametrize(("name", "script", "path", "query"), VIEWS, ids=[v[0] for v in VIEWS])
def test_view_fits_the_projector(screens, server, name, script, path, query):
    """Both screens open the view at once (their loads overlap); each is checked on its own."""
    charts = len(run_page(script, dict(parse_qsl(query))).get("plotly_chart"))
    browser.goto_together([(page, server.url(path, query)) for page in screens.values()])
    checks = Checks(__file__)
    for screen, page in screens.items():
        with checks.check(screen):
            # Its charts, as many as the server draws, plotted; then the layout settled.
            browser.wait_for_charts(page, charts)
            page.wait_for_function(SETTLED_JS, polling="raf", timeout=browser.TIMEOUT_MS)
            assert_fits(page.evaluate(LAYOUT_JS, theme.CONTROL_FONT_SIZE), f"{name} at {screen}")
    checks.assert_passed()


def assert_fits(layout: dict, name: str) -> None:
    screen = layout["height"]
    assert layout["titleBottom"] is not None and layout["titleBottom"] <= screen, name
    if layout["top"] is not None:
        # The whole first picture is on the first screen, and it is not a strip at its foot.
        assert layout["bottom"] <= screen + 1, f"{name}: the first chart ends below: {layout}"
        assert layout["top"] <= 0.4 * screen, f"{name}: the first chart starts low: {layout}"
    for top, bottom in layout["formulas"]:
        assert bottom <= screen + 1, f"{name}: a formula ({top:.0f}-{bottom:.0f} px) is below"
    assert not layout["overflows"], f"{name}: {layout['overflows']}"
    assert not layout["small"], f"{name}: {layout['small']}"
