"""The pictures of /gradients: valid plotly, light, no NaN, the arrows where the maths says."""

import json
import math
import re

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.calculus import figures_gradient as figures
from mathviz.calculus import gradient, surfaces
from mathviz.core import expressions
from tests.harness.apptest import decode_arrays

LIMIT = 300_000


def built(figure) -> tuple[dict, str]:
    spec = figure.to_dict()
    text = json.dumps(spec, allow_nan=False)  # raises on NaN or inf anywhere
    go.Figure(decode_arrays(json.loads(text)))  # plotly validates every property
    return decode_arrays(json.loads(text)), text


def case(name="Rosenbrock", point=(-0.5, 1.25)):
    entry = surfaces.SURFACES[name]
    return entry.expression, entry.window, gradient.at_point(entry.expression, *point)


@pytest.mark.parametrize("name", surfaces.SURFACES)
def test_every_figure_is_valid_light_and_finite(name):
    expr, window, facts = case(name, (0.6, 0.4))
    bend = gradient.curvature(facts.hessian)
    for figure in (
        figures.surface_figure(expr, window),
        figures.surface_figure(expr, window, facts),
        figures.map_figure(expr, window, facts),
        figures.directional_figure(expr, window, facts, math.radians(40)),
        figures.hessian_figure(expr, window, facts, bend),
    ):
        _, text = built(figure)
        assert len(text) < LIMIT


def named(spec, name, where="shapes"):
    return next(item for item in spec["layout"].get(where, []) if item.get("name") == name)


def path_points(path: str) -> np.ndarray:
    numbers = re.findall(r"-?[\d.]+(?:e-?\d+)?", path)
    return np.array([float(n) for n in numbers]).reshape(-1, 2)


def test_the_gradient_arrow_points_along_the_gradient_and_the_tangent_across_it():
    expr, window, facts = case()
    spec, _ = built(figures.map_figure(expr, window, facts))
    arrow = named(spec, "∇f", "annotations")
    step = np.array([arrow["x"] - arrow["ax"], arrow["y"] - arrow["ay"]])
    g = facts.gradient / facts.slope
    assert np.dot(step / np.hypot(*step), g) == pytest.approx(1.0)
    assert (arrow["ax"], arrow["ay"]) == pytest.approx(facts.point)
    tangent = named(spec, "tangent to the level curve")
    along = np.array([tangent["x1"] - tangent["x0"], tangent["y1"] - tangent["y0"]])
    assert np.dot(along, g) == pytest.approx(0.0, abs=1e-12)
    ends = path_points(named(spec, "level curve")["path"])
    on_curve = expressions.evaluate(expr, x=ends[:, 0], y=ends[:, 1])
    assert np.max(np.abs(on_curve - facts.value)) < 0.05 * max(1.0, abs(facts.value))
    field = path_points(named(spec, "∇f field")["path"])
    assert len(field) == 6 * len(gradient.gradient_field(expr, window).tails)


def test_the_tangent_plane_has_the_gradients_slopes_and_the_bare_surface_has_no_point():
    expr, window, facts = case()
    spec, _ = built(figures.surface_figure(expr, window, facts))
    plane = next(t for t in spec["data"] if t.get("name") == "tangent plane")
    (x0, x1), (y0, y1) = plane["x"], plane["y"]
    fx, fy = facts.gradient
    px, py = facts.point
    assert plane["z"][1][1] == pytest.approx(facts.value + fx * (x1 - px) + fy * (y1 - py))
    assert plane["z"][0][0] == pytest.approx(facts.value + fx * (x0 - px) + fy * (y0 - py))
    point = next(t for t in spec["data"] if t["type"] == "scatter3d")
    assert expressions.evaluate(expr, x=point["x"][0], y=point["y"][0]) == pytest.approx(
        point["z"][0]
    )
    bare, _ = built(figures.surface_figure(expr, window))
    assert [t["name"] for t in bare["data"]] == ["z = f(x, y)"]
    moved = gradient.at_point(expr, 0.3, -0.2)
    assert (
        built(figures.surface_figure(expr, window, moved))[1]
        != built(figures.surface_figure(expr, window, facts))[1]
    )


def test_the_directional_curve_peaks_at_the_gradient():
    expr, window, facts = case()
    spec, _ = built(figures.directional_figure(expr, window, facts, 1.0))
    curve = next(t for t in spec["data"] if t.get("name") == "Dᵤf")
    theta, values = np.asarray(curve["x"]), np.asarray(curve["y"])
    assert theta[0] == 0 and theta[-1] == 360
    assert values.max() == pytest.approx(facts.slope, rel=1e-3)
    assert values.min() == pytest.approx(-facts.slope, rel=1e-3)
    u = named(spec, "u", "annotations")
    step = np.array([u["x"] - u["ax"], u["y"] - u["ay"]])
    assert step / np.hypot(*step) == pytest.approx([math.cos(1.0), math.sin(1.0)])


def test_the_eigen_lines_follow_the_hessian():
    expr, window, facts = case("valley", (0.3, 0.2))
    bend = gradient.curvature(facts.hessian)
    spec, _ = built(figures.hessian_figure(expr, window, facts, bend))
    for k, name in enumerate(("λ₁", "λ₂")):
        line = named(spec, name)
        d = np.array([line["x1"] - line["x0"], line["y1"] - line["y0"]])
        d /= np.hypot(*d)
        np.testing.assert_allclose(facts.hessian @ d, bend.values[k] * d, atol=1e-9)
    assert any("8" in a["text"] for a in spec["layout"]["annotations"])


def test_an_undefined_point_draws_only_the_surface():
    expr = surfaces.read("log(x*y)")
    facts = gradient.at_point(expr, -1.0, 1.0)
    spec, _ = built(figures.surface_figure(expr, surfaces.TYPED_WINDOW, facts))
    assert {t.get("name") for t in spec["data"]} == {"z = f(x, y)"}
    spec, _ = built(figures.map_figure(expr, surfaces.TYPED_WINDOW, facts))
    assert {t.get("name") for t in spec["data"]} == {"f(x, y)", "f"}  # the map, its colour scale
    assert [shape["name"] for shape in spec["layout"]["shapes"]] == ["level curves", "∇f field"]
    assert not spec["layout"]["annotations"]
    spec, _ = built(figures.directional_figure(expr, surfaces.TYPED_WINDOW, facts, 0.0))
    spec, _ = built(figures.hessian_figure(expr, surfaces.TYPED_WINDOW, facts, None))


def test_the_colour_strip_spans_the_maps_colour_range():
    expr, window, facts = case()
    spec, _ = built(figures.map_figure(expr, window, facts))
    contour, strip = spec["data"][0], spec["data"][1]
    levels = np.asarray(strip["y"], dtype=float)
    assert levels[0] == pytest.approx(contour["zmin"], rel=1e-6)
    assert levels[-1] == pytest.approx(contour["zmax"], rel=1e-6)
    assert (strip["zmin"], strip["zmax"]) == (contour["zmin"], contour["zmax"])
    assert strip["colorscale"] == contour["colorscale"]
    assert np.asarray(strip["z"], dtype=float).ravel() == pytest.approx(levels)
    assert spec["layout"]["yaxis9"]["range"] == [contour["zmin"], contour["zmax"]]
