"""The surface registry: every entry parses in x and y, its window holds its critical points."""

import math

import pytest

from mathviz.calculus import surfaces
from mathviz.core import expressions


@pytest.mark.parametrize("name", surfaces.SURFACES)
def test_every_surface_parses_and_is_finite_on_its_window(name):
    entry = surfaces.SURFACES[name]
    assert expressions.variables_of(entry.expression) <= {"x", "y"}
    x0, x1, y0, y1 = entry.window
    assert -surfaces.SLIDER_LIMIT <= x0 < x1 <= surfaces.SLIDER_LIMIT
    assert -surfaces.SLIDER_LIMIT <= y0 < y1 <= surfaces.SLIDER_LIMIT
    for x, y, kind in entry.critical:
        assert x0 <= x <= x1 and y0 <= y <= y1
        assert kind in ("minimum", "maximum", "saddle", "silent")
        assert math.isfinite(float(expressions.evaluate(entry.expression, x=x, y=y)))


def test_read_reports_the_column_and_chosen_picks_the_typed_one():
    with pytest.raises(ValueError, match="column"):
        surfaces.read("x^2 + 2y")
    typed = surfaces.read("x*y")
    assert surfaces.chosen(surfaces.TYPED, typed) == (typed, None)
    assert surfaces.chosen("bowl", typed)[1] is surfaces.SURFACES["bowl"]
    assert surfaces.window_of(None) == surfaces.TYPED_WINDOW
    assert surfaces.DEFAULT in surfaces.SURFACES
