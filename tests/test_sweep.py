"""Every view of every page, run with AppTest: every formula renders in the app's own KaTeX
(Streamlit's bundled build, run by Node: :mod:`tests.harness.katex`) and passes the LaTeX
checks of :mod:`tests.harness.latex`, and no prose shows programmer notation (``4e+12``,
``v_k``, ``b^(m+n)``, ``nan``). ``tests/browser/test_sweep.py`` reads each page's parts as
the browser draws them."""

from __future__ import annotations

import json
import os
import re

import pytest

from tests.harness.apptest import assert_clean, figure_specs, run_page, widgets
from tests.harness.katex import Katex, node_available
from tests.harness.latex import latex_problems
from tests.harness.sweep import all_views, notation_found, prose_and_math

VIEWS = all_views()
FIGURE_TEXT = re.compile(r'"(?:name|text|label|hovertemplate)":\s*"((?:[^"\\]|\\.)*)"')
PROSE = (
    "markdown",
    "caption",
    "info",
    "warning",
    "success",
    "subheader",
    "header",
    "title",
    "metric",
)


@pytest.fixture(scope="module")
def katex():
    if not node_available():
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI=true but Node.js (node) is missing: install it")
        pytest.skip("Node.js not found: the formulas are checked without KaTeX")
    with Katex() as running:
        yield running


def test_katex_finds_what_the_browser_showed_in_red(katex):
    assert katex.error(r"\hat{p} = \tfrac{k}{n}") is None
    assert "Undefined control sequence" in katex.error(r"J(\hatp) = 2")
    assert "Double superscript" in katex.error("10^{-13}^k")
    assert katex.version.startswith("0.16")


def _body(latex: str) -> str:
    """``st.latex``'s formula without the ``$$`` it is sent in."""
    return latex.strip().removeprefix("$$").removesuffix("$$").strip()


def test_the_sweep_reaches_every_page_and_the_reported_links():
    reached = {str(view) for view in VIEWS}
    assert {view.page.url_path for view in VIEWS} >= {"trigonometry", "eigenvectors-svd"}
    assert "/trigonometry?part=Fourier+series&target=Custom" in reached
    assert "/eigenvectors-svd?part=Power+iteration&preset=Nearly+singular" in reached


GRID_TRACES = {"contour", "heatmap", "surface"}


def flat_grids(figure: dict) -> list[str]:
    """Traces whose z is a grid sent as a typed array without a ``shape``: plotly.js reads
    it as one row, and a contour of it is drawn in the wrong place (the MH targets' were)."""
    traces = list(figure.get("data", []))
    for frame in figure.get("frames", []):
        traces += frame.get("data", [])
    return [
        str(trace.get("name", trace.get("type")))
        for trace in traces
        if trace.get("type") in GRID_TRACES
        and isinstance(trace.get("z"), dict)
        and "bdata" in trace["z"]
        and "shape" not in trace["z"]
    ]


def test_a_grid_without_its_shape_is_found():
    grid = {"type": "contour", "name": "target", "z": {"dtype": "f4", "bdata": "AAAA"}}
    assert flat_grids({"data": [grid]}) == ["target"]
    assert flat_grids({"data": [grid | {"z": grid["z"] | {"shape": "1,1"}}]}) == []


@pytest.mark.parametrize("view", VIEWS, ids=str)
def test_view_has_sound_formulas_and_plain_prose(view, katex):
    at = run_page(view.page.path, view.query)
    assert_clean(at, str(view))
    if view.key is not None:
        assert view.key in widgets(at), f"{view}: the swept control {view.key!r} is not shown"
    problems = {}
    for element in at.latex:
        if found := latex_problems(element.value):
            problems[element.value] = found
        if error := katex.error(_body(element.value)):
            problems[element.value] = error
    for kind in PROSE:
        for element in at.get(kind):
            prose, formulas = prose_and_math(str(element.value))
            for formula in formulas:
                if found := latex_problems(formula):
                    problems[formula] = found
                if error := katex.error(formula):
                    problems[formula] = error
            if found := notation_found(prose):
                problems[prose[:60]] = found
    for spec in figure_specs(at):  # legends, annotations, axis titles and hover text
        for label in FIGURE_TEXT.findall(spec):
            if found := notation_found(label):
                problems[label[:60]] = found
        for name in flat_grids(json.loads(spec)):
            problems[f"grid {name!r}"] = "a 2-D z as a typed array without its shape"
    assert not problems, f"{view}: {problems}"
