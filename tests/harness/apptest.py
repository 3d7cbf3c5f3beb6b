"""Driving pages with Streamlit's AppTest: run a page inside the app (from a URL), find its
widgets, pick values for them, and read its figures back. Shared by the tests and bench."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from mathviz import urlstate
from tests.harness.server import ROOT

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


def page_figures(page_path: str) -> Iterator[tuple[str, str]]:
    """``(view, figure JSON)`` of a page's figures: its default view, then each option of each
    chooser (segmented control, select box) on its own; every distinct figure once."""
    seen: set[str] = set()

    def fresh(at: Any, view: str) -> Iterator[tuple[str, str]]:
        for index, spec in enumerate(figure_specs(at)):
            digest = hashlib.sha1(spec.encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                yield f"{view} #{index}", spec

    yield from fresh(run_page(page_path), "default")
    for query in chooser_views(page_path):
        ((key, option),) = query.items()
        yield from fresh(run_page(page_path, query), f"{key}={option}")


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


def decode_arrays(node: Any) -> Any:
    """Replace plotly's typed arrays (``{"dtype", "bdata", "shape"}``) by numpy arrays."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            if "shape" in node:
                shape = [int(n) for n in str(node["shape"]).split(",")]
                array = array.reshape(shape)
            return array
        return {key: decode_arrays(value) for key, value in node.items()}
    if isinstance(node, list):
        return [decode_arrays(value) for value in node]
    return node


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly figure on the page, as decoded JSON (arrays as numpy arrays)."""
    return [decode_arrays(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def figure_sizes(at: AppTest) -> list[int]:
    """Size in bytes of each figure's JSON as sent to the browser."""
    return [len(chart.proto.spec.encode()) for chart in at.get("plotly_chart")]


def random_view(page_path: str, seed: int) -> tuple[AppTest, dict[str, Any], str]:
    """Move every control of a page to a seeded random value.

    Returns the AppTest in that state, the values by URL key, and the query string the
    sidebar's "Link to this view" gives for it (presentation mode off).
    """
    rng = np.random.default_rng(seed)
    at = run_page(page_path)
    for key in [key for key in widgets(at) if key != "present_mode"]:
        widget = widgets(at).get(key)
        if widget is not None:
            widget.set_value(values_to_try(widget, rng)[2])
            at.run()
    bound = at.session_state["_mv_bound_controls"]
    values = {key: at.session_state[key] for key in bound}
    return at, values, urlstate.view_query(values, bound)


def query_dict(query: str) -> dict[str, list[str]]:
    """A query string as AppTest's ``query_params`` wants it."""
    from urllib.parse import parse_qs

    return dict(parse_qs(query, keep_blank_values=True))


# --- checks every page test uses on its own views -------------------------------------------


def assert_clean(at: AppTest, context: str = "") -> None:
    """No exception and no error box; pages explain bad input with st.warning/st.info."""
    assert not at.exception, f"{context}: {[e.value for e in at.exception]}"
    assert not at.error, f"{context}: {[e.value for e in at.error]}"


def traces_by_name(fig: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A decoded figure's named traces, by name."""
    return {trace.get("name"): trace for trace in fig["data"] if trace.get("name")}


def assert_view_has_the_skeleton(page_path: str, query: dict[str, Any], title: str) -> None:
    """The view runs clean and shows the page skeleton: title, a formula with the current
    numbers, "Why it matters for ML", "Learn more", and no NaN in the prose."""
    at = run_page(page_path, query)
    assert_clean(at, str(query))
    assert at.title[0].value == title
    assert at.latex, "a formula with the current numbers"
    assert any("Why it matters for ML" in s.value for s in at.subheader)
    assert any("Learn more" in s.value for s in at.subheader)
    assert not any(w in " ".join(m.value for m in at.markdown) for w in ("nan", "NaN"))


def monkey_view(page_path: str, query: dict[str, Any], seed: int) -> None:
    """Every control of the view to its minimum, maximum and a seeded random value, each run
    clean (the generic monkey test reaches only a page's opening view and its choosers)."""
    rng = np.random.default_rng(seed)
    at = run_page(page_path, query)
    keys = [key for key in widgets(at) if key not in (*SIDEBAR_KEYS, "part")]
    for key in keys:
        if key not in widgets(at):  # a control of a mode switched away from
            continue
        for value in values_to_try(widgets(at)[key], rng):
            widget = widgets(at).get(key)
            if widget is None:  # the control belonged to a mode just switched away from
                break
            widget.set_value(value)
            at.run()
            assert_clean(at, f"{query} {key}={value!r}")
            assert not any("nan" in m.value.lower().split() for m in at.metric)


def reached_keys(page_path: str, views: Iterable[dict[str, Any]]) -> set[str]:
    """The URL keys of every control the views show."""
    keys: set[str] = set()
    for query in views:
        keys |= set(widgets(run_page(page_path, query)))
    return keys - SIDEBAR_KEYS
