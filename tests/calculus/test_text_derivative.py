"""The sentences and formulas of the derivative lessons."""

from mathviz.calculus import derivative as d
from mathviz.calculus import functions
from mathviz.calculus import text_derivative as text


def test_a_kink_is_named_with_both_slopes():
    entry = functions.FUNCTIONS["|x|"]
    kind = d.classify(entry.expression, 0.0, entry)
    (note,) = text.point_notes(kind, 0.0, "f(x) = abs(x)")
    assert "corner" in note.text and "-1" in note.text and "1" in note.text
    assert r"\neq" in text.limit_latex(kind, 0.0, None)


def test_a_jump_and_a_point_outside_the_domain_are_sentences():
    entry = functions.FUNCTIONS["jump"]
    (note,) = text.point_notes(d.classify(entry.expression, 0.0, entry), 0.0, "f")
    assert "jumps by 1" in note.text
    (note,) = text.point_notes(d.classify(functions.read("log(x)"), -1.0, None), -1.0, "f")
    assert "not defined at x₀ = -1" in note.text
    assert text.point_notes(d.classify(functions.read("x^2"), 1.0, None), 1.0, "f") == []


def test_the_table_and_the_scan_read_numbers_without_nan():
    ways = d.three_ways(functions.read("sin(x)"), 1.0, 1e-5)
    table = text.three_ways_table(ways)
    assert "0.540302305868" in table and "nan" not in table.lower()
    scan = d.error_scan(functions.read("sin(x)"), 1.0)
    sentence = text.scan_sentence(scan)
    assert "forward **1**" in sentence and "central **2**" in sentence
    assert "√ε ≈ 1.5×10⁻⁸" in sentence


def test_h_at_the_edge_of_float64_gets_a_warning():
    ways = d.three_ways(functions.read("sin(x)"), 1.0, 1e-16)
    notes = text.h_notes(ways)
    assert any("float64" in n.text for n in notes)


def test_a_slope_off_the_textbook_is_explained():
    scan = d.error_scan(functions.read("x^3 - 3*x"), 0.0)  # f''(0) = 0
    assert scan.forward_fit[0] == __import__("pytest").approx(2.0, abs=0.05)
    assert any("f″(x₀) = 0" in n.text for n in text.slope_notes(scan))
    scan = d.error_scan(functions.read("x^2 + 1"), 0.5)  # central differences are exact
    assert any("exact here up to rounding" in n.text for n in text.slope_notes(scan))
    assert "not measurable" in text.scan_sentence(scan)
