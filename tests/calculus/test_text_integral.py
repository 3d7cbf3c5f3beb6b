"""The words of /integrals: numbers through mathviz.core.numbers, the notes that must appear."""

from __future__ import annotations

from mathviz.calculus import functions, integral
from mathviz.calculus import text_integral as text
from mathviz.core import expressions


def test_formulas_carry_the_numbers():
    assert r"h = \tfrac{b-a}{n} = 0.5" in text.rule_latex("left", 0.0, 2.0, 4)
    assert text.sum_latex("Simpson", 6, 1.25) == "S_{6} = 1.25"
    assert r"f\,dx = 2\ (\pm 10^{-14})" in text.quad_latex(0.0, 1.0, 2.0, 1e-14)
    assert text.error_latex("left", 4, 1e-4).endswith("= 10^{-4}")
    for rule in integral.RULES:
        assert rule in text.RULE_LATEX and rule in text.PIECE_WORDS


def test_simpson_odd_n_and_breaks_are_said():
    notes = text.riemann_notes("Simpson", 5, 6, {"kink": (1.0,), "jump": ()})
    assert "n = 6" in notes[0].text and "kink at x = 1" in notes[1].text
    assert text.riemann_notes("left", 5, 5, {}) == []


def test_orders_table_and_notes():
    found = integral.orders(expressions.parse("exp(x)"), 0.0, 1.0)
    table = text.orders_table(found)
    assert table.count("\n") == 6 and "| Simpson | 4 | 4 |" in table
    assert any("into round-off" in n.text for n in text.orders_notes(found, {}))
    entry = functions.FUNCTIONS["|x|"]
    spoiled = integral.orders(entry.expression, -1.3, 2.0, entry.kinks)
    notes = text.orders_notes(spoiled, {"kink": (0.0,), "jump": ()})
    assert any("kink at x = 0" in n.text for n in notes)


def test_ftc_formulas():
    assert "A(1.5) = 2" in text.ftc_latex(0.0, 1.5, 2.0)
    assert text.slope_latex(3.0000001).endswith("= 3")
    assert text.f_value_latex(1.5, 3.0) == "f(1.5) = 3"


def test_f_latex():
    assert text.f_latex(expressions.parse("1/x")) == r"f(x) = \frac{1}{x}"
