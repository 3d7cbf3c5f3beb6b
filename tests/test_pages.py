"""Every page listed in the app: smoke run, seeded monkey test, URL binding, bad URLs.

The page list is read from ``mathviz.catalog.PAGES``, the tuple ``app.py`` builds its
navigation from, so a new page is covered here without touching this file.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from mathviz import catalog, params
from tests.harness.apptest import (
    ROOT,
    assert_clean,
    chooser_views,
    figures,
    query_dict,
    random_view,
    run_page,
    values_to_try,
    widgets,
)

PAGE_PATHS = [page.path for page in catalog.PAGES]
SIDEBAR_KEYS = {"present_mode"}  # app-wide controls with their own URL handling


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


_KINDS = {
    "slider": {"slider"},
    "number_input": {"number"},
    "button_group": {"choice", "multi"},
    "selectbox": {"select"},
    "toggle": {"toggle"},
    "text_input": {"text"},
}


@pytest.mark.parametrize("page", catalog.PAGES, ids=lambda page: page.url_path)
def test_every_control_is_built_from_the_pages_declaration(page):
    """The declaration is the one place a page's URL state is written down: every control the
    page can show is declared, with the declared kind, options, and a range within the
    declared one (a range may narrow with another control)."""
    declared = catalog.declared_params(page)
    for view in [{}, *chooser_views(page.path)]:
        for key, widget in widgets(run_page(page.path, view)).items():
            if key in SIDEBAR_KEYS:
                continue
            assert key in declared, f"/{page.url_path}: control {key!r} is not declared"
            param = declared[key]
            assert param.kind in _KINDS[widget.type], (page.url_path, key, widget.type)
            proto = widget.proto
            if widget.type in ("slider", "number_input"):
                assert param.low <= proto.min <= proto.max <= param.high, (page.url_path, key)
            elif widget.type == "button_group":
                assert tuple(o.content for o in proto.options) == param.options, key
            elif widget.type == "selectbox":
                assert tuple(widget.options) == param.options, key
            elif widget.type == "text_input":
                assert proto.max_chars == param.high, key


def _views(page_path: str) -> list[dict[str, str]]:
    """The page as it opens, then once per option of each of its segmented choosers (the
    parts of a page, a mode), so that controls shown in one part only are reached too."""
    return [{}, *chooser_views(page_path, selects=False)]


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_monkey_every_widget_min_max_random(page_path):
    rng = np.random.default_rng(sum(map(ord, page_path)))
    for view in _views(page_path):
        at = run_page(page_path, view)
        keys = [key for key in widgets(at) if key not in SIDEBAR_KEYS and key not in view]
        for key in keys:
            widget = widgets(at).get(key)
            if widget is None:  # conditional control, not shown in the current state
                continue
            for value in values_to_try(widget, rng):
                widget = widgets(at).get(key)
                if widget is None:
                    break
                widget.set_value(value)
                at.run()
                assert_clean(at, f"{page_path} {view} {key}={value!r}")


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
    keys = sorted(_reachable_controls(page_path))
    junk = {
        key: ["banana", "1e400", "-inf", "nan", "<script>"][i % 5] for i, key in enumerate(keys)
    }
    for view in _views(page_path):
        at = run_page(page_path, {**junk, **view})
        assert_clean(at, f"{page_path} {view} {junk}")


def test_url_paths_are_unique_and_readable():
    paths = [page.url_path for page in catalog.PAGES]
    assert len(set(paths)) == len(paths)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", path) for path in paths)


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_link_to_this_view_reproduces_the_view(page_path):
    """Move every control to a seeded random value, then open the page from the link."""
    _, values, query = random_view(page_path, seed=7 + sum(map(ord, page_path)))
    shared = run_page(page_path, query_dict(query + "&present=1"))
    assert_clean(shared, page_path)
    assert shared.session_state["present_mode"] is True
    for key, value in values.items():
        assert shared.session_state[key] == value, key
    # Presentation mode changes only the styling: the data drawn must be the same.
    plain = run_page(page_path, query_dict(query))
    assert _data_json(figures(plain)) == _data_json(figures(shared))


def _data_json(figs: list[dict]) -> str:
    return json.dumps([f["data"] for f in figs], default=lambda x: np.asarray(x).tolist())


def _signature(widget) -> tuple:
    """What values a control accepts: its kind and its range or options."""
    proto = widget.proto
    if widget.type in ("slider", "number_input"):
        return (widget.type, proto.min, proto.max)
    if widget.type == "button_group":
        return (widget.type, tuple(o.content for o in proto.options), proto.click_mode)
    if widget.type in ("selectbox", "radio", "multiselect"):
        return (widget.type, tuple(widget.options))
    return (widget.type,)


def _reachable_controls(page_path: str) -> dict[str, tuple]:
    """Every control of a page, including those a one-choice control (a mode) reveals."""
    found = {}
    for view in [{}, *chooser_views(page_path)]:
        for key, control in widgets(run_page(page_path, view)).items():
            if key not in SIDEBAR_KEYS:
                found.setdefault(key, _signature(control))
    return found


def test_a_key_used_on_two_pages_means_the_same_control():
    """Streamlit carries a bound control's value to any other page that binds the same key.

    So a key may be shared only by controls that accept the same values (kind, range,
    options): ``n`` = 1000 from one page must not land in a slider that stops at 200. Shared
    keys are then a feature: the matrix ``a, b, c, d`` travels with the class from
    /linear-algebra to /eigenvectors-svd.
    """
    owners: dict[str, tuple[str, tuple]] = {}
    for page_path in PAGE_PATHS:
        for key, signature in _reachable_controls(page_path).items():
            if key == params.PART:  # each page's own; see the next test
                continue
            if key in owners:
                first_page, first_signature = owners[key]
                assert signature == first_signature, (key, first_page, page_path)
            else:
                owners[key] = (page_path, signature)


def test_the_part_chooser_is_each_pages_own_across_a_page_switch():
    """Every page's part chooser is ``part``, with the page's own options: a part chosen on one
    page never reaches another (it would be no option there); each opens on its own part."""
    parted = [p.path for p in catalog.PAGES if catalog.declared_params(p).part is not None]
    at = run_page("pages/algebra.py", {"part": "Log-loss"})
    for page_path in [*parted, "pages/algebra.py"]:
        at.switch_page(page_path)
        at.run()
        assert_clean(at, f"switch to {page_path}")
    assert [m.label for m in at.switch_page("pages/trigonometry.py").run().metric][:2] == [
        "cos θ",
        "sin θ",
    ], "trigonometry opens on its unit circle"


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_figure_is_valid_plotly(page_path):
    """Figures redrawn on every control change skip plotly's checks (``figures.Prebuilt``):
    every figure of every view is checked here instead, by rebuilding it as a ``go.Figure``."""
    import plotly.graph_objects as go

    from tests.harness.apptest import page_figures

    for view, spec in page_figures(page_path):
        try:
            go.Figure(json.loads(spec))
        except ValueError as error:  # plotly names the bad property and its valid ones
            raise AssertionError(f"{page_path} {view}: {str(error)[:400]}") from None
