"""The pictures of /gradients: valid plotly, light, no NaN, the arrows where the maths says."""

import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.calculus import figures_gradient as figures
from mathviz.calculus import gradient, surfaces
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
        figures.surface_figure(expr, window, facts),
        figures.directional_figure(expr, window, facts, math.radians(40)),
        figures.hessian_figure(expr, window, facts, bend),
    ):
        _, text = built(figure)
        assert len(text) < LIMIT


def test_the_gradient_arrow_points_along_the_gradient_and_the_tangent_across_it():
    expr, window, facts = case()
    spec, _ = built(figures.surface_figure(expr, window, facts))
    arrow = next(t for t in spec["data"] if t.get("name") == "∇f")
    step = np.array([arrow["x"][1] - arrow["x"][0], arrow["y"][1] - arrow["y"][0]])
    g = facts.gradient / facts.slope
    assert np.dot(step / np.hypot(*step), g) == pytest.approx(1.0)
    tangent = next(t for t in spec["data"] if t.get("name") == "tangent to the level curve")
    along = np.array([tangent["x"][1] - tangent["x"][0], tangent["y"][1] - tangent["y"][0]])
    assert np.dot(along, g) == pytest.approx(0.0, abs=1e-12)
    level = next(t for t in spec["data"] if t.get("name") == "level curve")
    assert level["contours"]["start"] == pytest.approx(facts.value)
    plane = next(t for t in spec["data"] if t.get("name") == "tangent plane")
    (x0, x1), (y0, y1) = plane["x"], plane["y"]
    fx, fy = facts.gradient
    assert plane["z"][1][1] == pytest.approx(
        facts.value + fx * (x1 - facts.point[0]) + fy * (y1 - facts.point[1])
    )
    assert plane["z"][0][0] == pytest.approx(
        facts.value + fx * (x0 - facts.point[0]) + fy * (y0 - facts.point[1])
    )


def test_the_directional_curve_peaks_at_the_gradient():
    expr, window, facts = case()
    spec, _ = built(figures.directional_figure(expr, window, facts, 1.0))
    curve = next(t for t in spec["data"] if t.get("name") == "Dᵤf")
    theta, values = np.asarray(curve["x"]), np.asarray(curve["y"])
    assert theta[0] == 0 and theta[-1] == 360
    assert values.max() == pytest.approx(facts.slope, rel=1e-3)
    assert values.min() == pytest.approx(-facts.slope, rel=1e-3)
    u = next(t for t in spec["data"] if t.get("name") == "u")
    step = np.array([u["x"][1] - u["x"][0], u["y"][1] - u["y"][0]])
    assert step / np.hypot(*step) == pytest.approx([math.cos(1.0), math.sin(1.0)])


def test_the_eigen_lines_follow_the_hessian():
    expr, window, facts = case("valley", (0.3, 0.2))
    bend = gradient.curvature(facts.hessian)
    spec, _ = built(figures.hessian_figure(expr, window, facts, bend))
    for k, name in enumerate(("λ₁", "λ₂")):
        line = next(t for t in spec["data"] if t.get("name") == name)
        d = np.array([line["x"][1] - line["x"][0], line["y"][1] - line["y"][0]])
        d /= np.hypot(*d)
        np.testing.assert_allclose(facts.hessian @ d, bend.values[k] * d, atol=1e-9)
    assert any("8" in a["text"] for a in spec["layout"]["annotations"])


def test_an_undefined_point_draws_only_the_surface():
    expr = surfaces.read("log(x*y)")
    facts = gradient.at_point(expr, -1.0, 1.0)
    spec, _ = built(figures.surface_figure(expr, surfaces.TYPED_WINDOW, facts))
    assert {t.get("name") for t in spec["data"]} == {"z = f(x, y)", "f(x, y)", "∇f field"}
    spec, _ = built(figures.directional_figure(expr, surfaces.TYPED_WINDOW, facts, 0.0))
    spec, _ = built(figures.hessian_figure(expr, surfaces.TYPED_WINDOW, facts, None))
