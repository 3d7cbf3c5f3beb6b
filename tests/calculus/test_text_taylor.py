"""The Taylor lesson's formula and sentences."""

from mathviz.calculus import functions, taylor
from mathviz.calculus import text_taylor as text


def _scene(name, a):
    entry = functions.FUNCTIONS[name]
    return taylor.scene(entry.expression, a, entry), entry


def test_the_polynomial_is_written_with_its_coefficients():
    scene, _ = _scene("1/(1+x²)", 0.0)
    assert text.polynomial_latex(scene, 4) == "P_{4}(x) = 1 - x^{2} + x^{4}"
    scene, _ = _scene("exp", 1.0)
    assert r"\cdots" in text.polynomial_latex(scene, 9)
    assert "(x - 1)" in text.polynomial_latex(scene, 2)


def test_the_radius_is_explained_by_the_complex_singularities():
    scene, entry = _scene("1/(1+x²)", 0.0)
    notes = " ".join(n.text for n in text.notes(scene, 5, "f", entry))
    assert "±i" in notes and "R = 1" in notes
    scene, entry = _scene("ln(1+x)", 0.5)
    notes = " ".join(n.text for n in text.notes(scene, 5, "f", entry))
    assert "R = 1.5" in notes and "x = -1" in notes


def test_a_singular_centre_is_a_sentence():
    scene, entry = _scene("ln(1+x)", -1.0)
    (note,) = text.notes(scene, 20, "f", entry)
    assert "no Taylor series" in note.text
    assert "not defined" in text.polynomial_latex(scene, 0)
