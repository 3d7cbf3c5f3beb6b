"""Server-side timing and figure sizes of every page, with Streamlit's AppTest.

Also the page-driving helpers the tests share: find a page's widgets and pick values for them.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

import numpy as np
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from bench.server import ROOT

APP = str(ROOT / "app.py")


def _as_in_a_running_server(init):
    """Make every AppTest run behave like a server that has already run ``st.navigation``.

    A real server leaves Streamlit's old pages-folder mode for good once ``app.py`` has run;
    AppTest forgets that before every run, so each run would first execute the page alone and
    then rerun it through ``app.py`` (``mathviz.ui`` does that), doubling every measured time.
    The cold-server path itself is exercised in the browser tests.
    """

    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    return patched


PagesManager.__init__ = _as_in_a_running_server(PagesManager.__init__)
TIMEOUT = 60
WIDGET_TYPES = (
    "slider",
    "select_slider",
    "number_input",
    "selectbox",
    "radio",
    "button_group",
    "multiselect",
    "toggle",
    "checkbox",
    "text_input",
)
SIDEBAR_KEYS = frozenset({"present_mode"})


def run_page(page_path: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run ``page_path`` (e.g. ``pages/home.py``) inside the full app, optionally from a URL.

    ``query`` plays the part of the address bar: bound widgets are seeded from it exactly as
    in a browser that opens a shared link.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()  # AppTest must run the entrypoint once before it can switch pages
    at.switch_page(page_path)
    return at.run()


def widgets(at: AppTest) -> dict[str, Any]:
    """The page's widgets by key (every control must have one to live in the URL)."""
    found = {}
    for kind in WIDGET_TYPES:
        for widget in at.get(kind):
            found[widget.key] = widget
    return found


def page_controls(at: AppTest) -> list[str]:
    """Keys of the page's own controls (the app-wide sidebar ones left out)."""
    return [key for key in widgets(at) if key not in SIDEBAR_KEYS]


def chooser_views(page_path: str, selects: bool = True) -> list[dict[str, str]]:
    """The page's other views: one query per option of each one-choice control (segmented
    controls; with ``selects``, select boxes and radios too), each option on its own, the
    option shown when the page opens left out."""
    views = []
    for key, widget in widgets(run_page(page_path)).items():
        if key in SIDEBAR_KEYS:
            continue
        proto = widget.proto
        if widget.type == "button_group" and proto.click_mode != proto.MULTI_SELECT:
            options = [option.content for option in proto.options]
        elif selects and widget.type in ("selectbox", "radio"):
            options = [str(option) for option in widget.options]
        else:
            continue
        views += [{key: option} for option in options if option != widget.value]
    return views


def values_to_try(widget: Any, rng: np.random.Generator) -> list[Any]:
    """Minimum, maximum and a random value for one widget, by its kind."""
    kind = widget.type
    proto = widget.proto
    if kind in ("slider", "number_input"):
        low, high = proto.min, proto.max
        is_int = proto.data_type == proto.INT
        picks = [low, high, rng.uniform(low, high)]
        picks = [int(round(v)) if is_int else float(v) for v in picks]
        if kind == "slider" and isinstance(widget.value, tuple):
            return [(picks[0], picks[0]), (picks[1], picks[1]), tuple(sorted(picks[1:]))]
        return picks
    if kind in ("toggle", "checkbox"):
        return [True, False, bool(rng.integers(2))]
    if kind in ("selectbox", "radio", "select_slider"):
        options = list(widget.options)
        return [options[0], options[-1], options[rng.integers(len(options))]]
    if kind == "button_group":
        options = [option.content for option in proto.options]
        if proto.click_mode == proto.MULTI_SELECT:
            subset = [o for o in options if rng.random() < 0.5]
            return [[], options, subset]
        return [options[0], options[-1], options[rng.integers(len(options))]]
    if kind == "multiselect":
        options = list(widget.options)
        return [[], options, [o for o in options if rng.random() < 0.5]]
    if kind == "text_input":
        return ["", "x" * 200, "9**9**9"]
    raise AssertionError(f"no values for widget kind {kind}")


def figure_specs(at: AppTest) -> list[str]:
    """Each chart's figure JSON as sent to the browser."""
    return [chart.proto.spec for chart in at.get("plotly_chart")]


def measure_page(page_path: str, interactions: int = 30, seed: int = 0) -> dict[str, Any]:
    """Script-run times and figure sizes of one page.

    The first run is a fresh session's first run of the page; reruns follow a seeded random
    walk: each moves one random control to a random value (a page without controls reruns
    as it is).
    """
    rng = np.random.default_rng(seed)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(page_path)
    start = time.perf_counter()
    at.run()
    first_ms = 1000 * (time.perf_counter() - start)

    rerun_ms = []
    sizes: dict[str, int] = {}
    animated: dict[str, bool] = {}

    def record_sizes() -> None:
        for index, spec in enumerate(figure_specs(at)):
            name = f"chart{index}"
            sizes[name] = max(sizes.get(name, 0), len(spec.encode()))
            animated[name] = animated.get(name, False) or bool(json.loads(spec).get("frames"))

    record_sizes()
    has_controls = bool(page_controls(at))
    for _ in range(interactions):
        keys = page_controls(at)
        if keys:
            widget = widgets(at)[keys[rng.integers(len(keys))]]
            choices = values_to_try(widget, rng)
            widget.set_value(choices[rng.integers(len(choices))])
        start = time.perf_counter()
        at.run()
        rerun_ms.append(1000 * (time.perf_counter() - start))
        if at.exception:
            raise RuntimeError(f"{page_path}: {at.exception[0].value}")
        record_sizes()
    ordered = sorted(rerun_ms)
    return {
        "first_run_ms": first_ms,
        "rerun_median_ms": statistics.median(rerun_ms),
        "rerun_p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "interactions": interactions,
        "has_controls": has_controls,
        "figure_bytes": sizes,
        "animated": animated,
        "largest_static_kb": max([s for n, s in sizes.items() if not animated[n]], default=0) / 1e3,
        "largest_animated_kb": max([s for n, s in sizes.items() if animated[n]], default=0) / 1e3,
        "total_figure_kb": sum(sizes.values()) / 1e3,
    }
