"""Every page listed in the app: smoke run, seeded monkey test, URL binding, bad URLs.

The page list is read from ``mathviz.catalog.PAGES``, the tuple ``app.py`` builds its
navigation from, so a new page is covered here without touching this file.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from conftest import ROOT, run_page
from streamlit.testing.v1 import AppTest

from mathviz import catalog

PAGE_PATHS = [page.path for page in catalog.PAGES]
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
SIDEBAR_KEYS = {"present_mode"}  # app-wide controls with their own URL handling


def widgets(at: AppTest) -> dict[str, Any]:
    """The page's widgets by key (every control must have one to live in the URL)."""
    found = {}
    for kind in WIDGET_TYPES:
        for widget in at.get(kind):
            found[widget.key] = widget
    return found


def assert_clean(at: AppTest, context: str) -> None:
    """No exception and no error box; pages explain bad input with st.warning/st.info."""
    assert not at.exception, f"{context}: {[e.value for e in at.exception]}"
    assert not at.error, f"{context}: {[e.value for e in at.error]}"


def test_every_page_file_is_listed_and_pages_holds_no_helpers():
    on_disk = {f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py")}
    assert on_disk == set(PAGE_PATHS)
    assert not any((ROOT / "pages").glob("*/")), "no packages or helper folders inside pages/"


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_page_runs_clean(page_path):
    at = run_page(page_path)
    assert_clean(at, page_path)
    assert at.title, "every page has a title"
    assert any("Why it matters for ML" in s.value for s in at.subheader), "skeleton: why"


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_page_runs_in_presentation_mode(page_path):
    at = run_page(page_path, {"present": "1"})
    assert_clean(at, page_path)
    assert at.session_state["present_mode"] is True


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_control_is_bound_to_the_url(page_path):
    at = run_page(page_path)
    for key, widget in widgets(at).items():
        if key in SIDEBAR_KEYS:
            continue
        assert widget.proto.query_param_key == key, f"{page_path}: control {key!r} not in URL"


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_url_keys_are_documented_in_readme(page_path):
    readme = (ROOT / "README.md").read_text()
    at = run_page(page_path)
    keys = set(widgets(at)) - SIDEBAR_KEYS
    missing = sorted(key for key in keys if f"`{key}`" not in readme)
    assert not missing, f"{page_path}: URL keys missing from README: {missing}"


def _values_to_try(widget: Any, rng: np.random.Generator) -> list[Any]:
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
        return [True, False]
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
    raise AssertionError(f"no monkey values for widget kind {kind}")


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_monkey_every_widget_min_max_random(page_path):
    rng = np.random.default_rng(sum(map(ord, page_path)))
    at = run_page(page_path)
    keys = [key for key in widgets(at) if key not in SIDEBAR_KEYS]
    for key in keys:
        widget = widgets(at).get(key)
        if widget is None:  # conditional control, not shown in the current state
            continue
        for value in _values_to_try(widget, rng):
            widget = widgets(at).get(key)
            if widget is None:
                break
            widget.set_value(value)
            at.run()
            assert_clean(at, f"{page_path} {key}={value!r}")


@pytest.mark.parametrize("page_path", PAGE_PATHS)
@pytest.mark.parametrize(
    "query",
    [
        {"present": "banana"},
        {"no_such_key": "1", "another": ["a", "b"]},
        {"present": ""},
    ],
)
def test_bad_urls_load_normally(page_path, query):
    at = run_page(page_path, query)
    assert_clean(at, f"{page_path} {query}")
    assert at.session_state["present_mode"] is False


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_bad_values_for_every_bound_key_fall_back(page_path):
    at = run_page(page_path)
    keys = [key for key in widgets(at) if key not in SIDEBAR_KEYS]
    junk = {
        key: ["banana", "1e400", "-inf", "nan", "<script>"][i % 5] for i, key in enumerate(keys)
    }
    at = run_page(page_path, junk)
    assert_clean(at, f"{page_path} {junk}")


def test_url_paths_are_unique_and_readable():
    paths = [page.url_path for page in catalog.PAGES]
    assert len(set(paths)) == len(paths)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", path) for path in paths)


def _query_from_link(query: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs

    return {key: values for key, values in parse_qs(query, keep_blank_values=True).items()}


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_link_to_this_view_reproduces_the_view(page_path):
    """Move every control to a seeded random value, then open the page from the link."""
    from conftest import figures

    from mathviz import urlstate

    rng = np.random.default_rng(7 + sum(map(ord, page_path)))
    at = run_page(page_path)
    for key in [key for key in widgets(at) if key not in SIDEBAR_KEYS]:
        widget = widgets(at).get(key)
        if widget is not None:
            widget.set_value(_values_to_try(widget, rng)[2])
            at.run()
    bound = at.session_state["_mv_bound_controls"]
    values = {key: at.session_state[key] for key in bound}
    query = urlstate.view_query(values, bound, present=True)

    shared = run_page(page_path, _query_from_link(query))
    assert_clean(shared, page_path)
    assert shared.session_state["present_mode"] is True
    for key, value in values.items():
        assert shared.session_state[key] == value, key
    # Same figures (presentation mode changes only the styling, so compare the data).
    original = run_page(page_path, {**_query_from_link(query), "present": "0"})
    assert _same_data(figures(original), figures(shared))


def _same_data(a: list[dict], b: list[dict]) -> bool:
    import json

    def norm(figs):
        return json.dumps([f["data"] for f in figs], default=lambda x: np.asarray(x).tolist())

    return norm(a) == norm(b)
