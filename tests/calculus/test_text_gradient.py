"""The words of /gradients: sound LaTeX with the module's numbers, a verdict per kind."""

import math

import pytest

from mathviz.calculus import gradient, surfaces
from mathviz.calculus import text_gradient as text
from tests.harness.latex import assert_sound


def facts_of(name, point):
    entry = surfaces.SURFACES[name]
    return entry.expression, gradient.at_point(entry.expression, *point)


def test_formulas_are_sound_and_carry_the_numbers():
    expr, facts = facts_of("Rosenbrock", (-0.5, 1.25))
    lines = [
        text.function_latex(expr, facts),
        text.partial_latex(expr, facts, "x"),
        text.partial_latex(expr, facts, "y"),
        text.gradient_latex(facts),
        *text.directional_latex(facts, math.radians(30)),
        text.directional_max_latex(facts),
        text.hessian_latex(expr, facts),
        text.HESSIAN_RULE,
        text.eigen_latex(gradient.curvature(facts.hessian)),
    ]
    for line in lines:
        assert_sound(line)
    assert text.partial_latex(expr, facts, "x").endswith("= 7")
    assert text.partial_latex(expr, facts, "y").endswith("= 10")
    assert "= 12.2" in text.gradient_latex(facts)  # |(7, 10)| = 12.21
    assert text.directional_latex(facts, 0.0)[1].endswith("= 7")


def test_long_derivatives_are_shown_by_their_value():
    expr = surfaces.read("sin(x*y)*exp(cos(x + y^2))*log(2 + x^4 + y^4)*atan(x - y)")
    facts = gradient.at_point(expr, 0.3, 0.2)
    line = text.partial_latex(expr, facts, "x")
    assert line.count("=") == 1
    assert_sound(line)


@pytest.mark.parametrize("name", surfaces.SURFACES)
def test_verdicts_at_the_critical_points(name):
    entry = surfaces.SURFACES[name]
    for x, y, kind in entry.critical:
        facts = gradient.at_point(entry.expression, x, y)
        bend = gradient.curvature(facts.hessian)
        sentence = text.verdict(facts, bend)
        assert sentence.endswith(text.AT_CRITICAL[kind])
        assert text.directional_notes(facts, 0.0)[0].text.startswith("∇f = 0")
        assert text.gradient_notes(facts)[0].text.startswith("∇f = 0")


def test_notes_off_the_critical_points_and_where_undefined():
    expr, facts = facts_of("waves", (1.0, 0.5))
    assert "not a critical point" in text.verdict(facts, gradient.curvature(facts.hessian))
    assert "320°" in text.gradient_notes(facts)[0].text
    undefined = gradient.at_point(surfaces.read("log(x*y)"), -1.0, 1.0)
    for notes in (
        text.gradient_notes(undefined),
        text.directional_notes(undefined, 0.0),
        text.hessian_notes(undefined, None),
    ):
        assert notes[0].level == "warning" and "undefined" in notes[0].text
    caption = text.critical_points_caption(surfaces.SURFACES["waves"].critical)
    assert "(1.57, 0) maximum" in caption


def test_the_tangent_plane_formula_has_the_point_and_the_slopes():
    entry = surfaces.SURFACES["Rosenbrock"]
    facts = gradient.at_point(entry.expression, -0.5, 1.25)
    value = (1 - -0.5) ** 2 + 10 * (1.25 - 0.25) ** 2 / 2  # (1 - x)² + 5 (y - x²)²
    assert facts.value == pytest.approx(value)
    shown = text.plane_latex(facts)
    assert shown == rf"z = {value:g} + 7\,(x + 0.5) + 10\,(y - 1.25)"
    assert_sound(shown)
    assert_sound(text.PLANE_RULE)


def test_a_level_tangent_plane_is_just_its_height():
    entry = surfaces.SURFACES["bowl"]
    x, y, _ = entry.critical[0]
    facts = gradient.at_point(entry.expression, x, y)
    assert text.plane_latex(facts) == "z = 0"
    assert "level" in text.plane_notes(facts)[0].text
