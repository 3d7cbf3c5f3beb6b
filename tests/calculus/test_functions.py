"""The calculus registry: every entry reads, and its kinks, jumps and singularities are real."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.calculus import functions
from mathviz.core import expressions


@pytest.mark.parametrize("name", list(functions.FUNCTIONS))
def test_every_entry_reads_and_is_finite_on_its_window(name):
    entry = functions.FUNCTIONS[name]
    x = np.linspace(*entry.window, 401)
    values = expressions.evaluate(entry.expression, x=x)
    assert np.all(np.isfinite(values)), name
    assert expressions.parse(expressions.to_text(entry.expression)) == entry.expression


@pytest.mark.parametrize("name", [n for n, e in functions.FUNCTIONS.items() if e.kinks])
def test_a_kink_has_two_different_one_sided_slopes_and_is_continuous(name):
    entry = functions.FUNCTIONS[name]
    for at in entry.kinks:
        f = lambda u: float(expressions.evaluate(entry.expression, x=np.array(u)))  # noqa: E731
        h = 1e-6
        left, right = (f(at) - f(at - h)) / h, (f(at + h) - f(at)) / h
        assert abs(right - left) > 0.5, (name, at)
        assert abs(f(at + h) - f(at - h)) < 1e-5  # no jump


@pytest.mark.parametrize("name", [n for n, e in functions.FUNCTIONS.items() if e.jumps])
def test_a_jump_has_two_different_one_sided_limits(name):
    entry = functions.FUNCTIONS[name]
    for at in entry.jumps:
        values = expressions.evaluate(entry.expression, x=np.array([at - 1e-9, at + 1e-9]))
        assert abs(values[1] - values[0]) > 0.5


def test_the_singularities_are_where_the_functions_blow_up_in_the_complex_plane():
    # Written out apart from the parser: 1/(1 + z²) and log(1 + z) near their points.
    near = 1e-8
    for z in functions.FUNCTIONS["1/(1+x²)"].singularities:
        assert abs(1 / (1 + (z * (1 + near)) ** 2)) > 1e6
    for z in functions.FUNCTIONS["ln(1+x)"].singularities:
        assert abs(np.log(1 + z + near)) > 15


def test_a_bad_typed_formula_is_a_value_error_with_its_column():
    with pytest.raises(ValueError, match=r"2\*x.*column 2"):
        functions.read("2x")
    assert functions.read("x^2") == expressions.parse("x^2")
    expr, entry = functions.chosen(functions.TYPED, functions.read("x^2"))
    assert entry is None and expr == expressions.parse("x^2")
    expr, entry = functions.chosen("sin", functions.read("x^2"))
    assert entry is functions.FUNCTIONS["sin"] and expr == expressions.parse("sin(x)")
    assert functions.CHOICES[-1] == functions.TYPED and functions.DEFAULT in functions.FUNCTIONS
