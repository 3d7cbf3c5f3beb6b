"""/gradients: every part and surface runs cleanly, the numbers shown are the maths module's,
bad typed text and undefined points are explained, and the Hessian's link carries it."""

import json
from urllib.parse import parse_qsl

import numpy as np
import pytest

from mathviz.calculus import gradient, surfaces
from mathviz.calculus import text_gradient as text
from mathviz.calculus.params import GRADIENTS as P
from mathviz.linalg.params import EIGENVECTORS_SVD
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    decode_arrays,
    figure_specs,
    run_page,
)

PAGE = "pages/gradients.py"
TITLE = "Gradients & the Hessian"
FIGURE_LIMIT = 300_000  # bytes of a chart's JSON


def _refuse(constant: str):
    raise AssertionError(f"{constant} in the chart's JSON")


def _arrays(node):
    if isinstance(node, np.ndarray):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _arrays(value)
    elif isinstance(node, list):
        for value in node:
            yield from _arrays(value)


def assert_finite(spec: str) -> None:
    """No NaN or infinity in a chart: neither as JSON literals nor inside typed arrays."""
    decoded = decode_arrays(json.loads(spec, parse_constant=_refuse))
    for array in _arrays(decoded):
        if array.dtype.kind == "f":
            assert np.all(np.isfinite(array))


@pytest.mark.parametrize("part", P.part.options)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, TITLE)


@pytest.mark.parametrize("name", [*surfaces.SURFACES, surfaces.TYPED])
@pytest.mark.parametrize("part", P.part.options)
def test_every_surface_in_every_part(part, name):
    at = run_page(PAGE, {"part": part, "surface": name})
    assert_clean(at, f"{part} {name}")
    specs = figure_specs(at)
    assert len(specs) == (2 if part == "Surface and gradient" else 1)  # the map, the surface
    for spec in specs:
        assert len(spec) < FIGURE_LIMIT
        assert_finite(spec)


def test_the_gradient_shown_is_the_modules():
    at = run_page(
        PAGE, {"part": "Surface and gradient", "surface": "Rosenbrock", "px": "-0.5", "py": "1.25"}
    )
    assert_clean(at)
    facts = gradient.at_point(surfaces.SURFACES["Rosenbrock"].expression, -0.5, 1.25)
    text = " ".join(f.value for f in at.latex)
    # ∂f/∂x = -2(1 - x) - 20x(y - x²) = -3 + 10 = 7; ∂f/∂y = 10(y - x²) = 10
    assert facts.gradient.tolist() == pytest.approx([7.0, 10.0])
    assert "= 7" in text and "= 10" in text


def test_bad_typed_text_is_explained_and_the_last_good_formula_kept():
    at = run_page(PAGE, {"surface": "typed", "fxy": "x^2 + 2y"})
    assert not at.exception
    assert at.error and "column" in at.error[0].value
    assert len(figure_specs(at)) == 2  # the default formula is still drawn (map, surface)


@pytest.mark.parametrize("part", P.part.options)
def test_a_point_where_f_is_undefined_is_explained(part):
    at = run_page(
        PAGE, {"part": part, "surface": "typed", "fxy": "log(x*y)", "px": "-1", "py": "1"}
    )
    assert_clean(at, part)
    assert any("undefined" in w.value for w in at.warning)
    for shown in figure_specs(at):
        assert_finite(shown)
    spec = json.loads(figure_specs(at)[0])
    assert not any(a.get("name") == "∇f" for a in spec["layout"].get("annotations", []))


def test_a_formula_undefined_everywhere_runs_cleanly():
    for part in P.part.options:
        at = run_page(PAGE, {"part": part, "surface": "typed", "fxy": "sqrt(-1 - x^2)"})
        assert_clean(at, part)
        assert any("undefined" in w.value for w in at.warning)


def test_the_hessian_link_opens_it_on_the_eigenvector_page():
    at = run_page(PAGE, {"part": "Hessian", "surface": "valley", "px": "0.4", "py": "-0.3"})
    assert_clean(at)
    link = next(el for el in at.get("page_link") if "Eigenvectors" in el.proto.label)
    assert link.proto.page == "eigenvectors-svd"
    params = dict(parse_qsl(link.proto.query_string))
    assert params == {
        "part": "Eigenvectors", "matrix": "Entries", "a": "4.5", "b": "-3.5", "c": "-3.5",
        "d": "4.5",
    }  # fmt: skip
    declared = {p.key: p for p in EIGENVECTORS_SVD.params}
    assert params["part"] in declared["part"].options
    assert params["matrix"] in declared["matrix"].options
    eig = run_page("pages/eigenvectors-svd.py", params)
    assert_clean(eig)
    shown = [
        [eig.session_state["a"], eig.session_state["b"]],
        [eig.session_state["c"], eig.session_state["d"]],
    ]
    facts = gradient.at_point(surfaces.SURFACES["valley"].expression, 0.4, -0.3)
    np.testing.assert_allclose(shown, facts.hessian, rtol=1e-5)


def test_the_field_and_surface_figures_are_light_and_gapless():
    at = run_page(PAGE, {"surface": "typed", "fxy": "1/(x^2 + y^2)"})
    assert_clean(at)
    specs = [decode_arrays(json.loads(s)) for s in figure_specs(at)]
    surface = next(t for spec in specs for t in spec["data"] if t["type"] == "surface")
    z = np.array(surface["z"], dtype=float)  # null -> nan here only
    assert np.nanmax(z) < 1e3  # the pole's spike is cut off


@pytest.mark.parametrize("name", [n for n, e in surfaces.SURFACES.items() if e.critical])
def test_the_critical_point_buttons_give_the_registry_verdict(name):
    at = run_page(PAGE, {"part": "Hessian", "surface": name})
    assert_clean(at)
    for x, y, kind in surfaces.SURFACES[name].critical:
        button = next(b for b in at.button if b.label == text.critical_label(x, y))
        button.click().run()
        assert_clean(at, f"{name} {x} {y}")
        assert at.session_state["px"] == pytest.approx(x)
        assert at.session_state["py"] == pytest.approx(y)
        assert any(text.AT_CRITICAL[kind] in note.value for note in at.info), (name, kind)
