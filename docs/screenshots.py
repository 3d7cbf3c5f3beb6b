"""Take README's screenshots: two views in presentation mode on a 1280x720 projector, one in
the normal layout. Run from the repository root: ``python docs/screenshots.py``.

Starts the app on a free local port, opens each view in headless Chromium (the browser tests'
harness, :mod:`tests.harness.browser`), waits until its charts are plotted, and writes the PNGs
into ``docs/``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.harness import browser  # noqa: E402
from tests.harness.apptest import run_page  # noqa: E402
from tests.harness.server import StreamlitServer  # noqa: E402

PROJECTOR = {"width": 1280, "height": 720}
DESK = {"width": 1400, "height": 900}

# (file in docs/, page script, URL path, query, viewport)
SHOTS = [
    ("present-transform.png", "pages/linear-algebra.py", "linear-algebra", "present=1", PROJECTOR),
    ("present-unit-circle.png", "pages/trigonometry.py", "trigonometry", "present=1", PROJECTOR),
    ("normal-home.png", "pages/home.py", "", "", DESK),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not browser.chromium_available():
        raise SystemExit(f"Chromium not found at {browser.CHROMIUM}")
    with sync_playwright() as playwright, StreamlitServer() as server:
        chromium = browser.launch(playwright)
        for name, script, path, query, viewport in SHOTS:
            context = chromium.new_context(viewport=viewport)
            page = context.new_page()
            charts = len(run_page(script, dict(parse_qsl(query))).get("plotly_chart"))
            browser.goto(page, server.url(path, query))
            browser.wait_for_charts(page, charts)
            page.screenshot(path=str(ROOT / "docs" / name))
            print(f"docs/{name}")
            context.close()
        chromium.close()


if __name__ == "__main__":
    main()
