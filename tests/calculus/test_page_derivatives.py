"""/derivatives: every part runs cleanly; the numbers on screen are right; bad input (typed
text, x₀ outside the domain, h → 0, a singular Taylor centre) is a sentence, never NaN."""

import numpy as np
import pytest

from mathviz.calculus.params import DERIVATIVES as P
from tests.harness.apptest import assert_clean, figures, run_page

PAGE = "pages/derivatives.py"
SECANT, THREE, TAYLOR = P.part.options


def _screen(at):
    parts = [m.value for m in at.markdown] + [x.value for x in at.latex]
    parts += [b.value for b in (*at.info, *at.warning)]
    return " ".join(parts)


def _clean_screen(at, query):
    assert_clean(at, str(query))
    screen = _screen(at)
    for bad in ("nan", "NaN", "inf", "None", "Traceback"):
        assert bad not in screen.replace("\\infty", "").replace("info", ""), (bad, query)
    return screen


@pytest.mark.parametrize("part", P.part.options)
def test_every_part_runs_cleanly(part):
    assert_clean(run_page(PAGE, {"part": part}))


def test_the_secant_lesson_shows_the_derivative_at_x0():
    at = run_page(PAGE, {"part": SECANT, "fn": "exp", "x0": "1"})
    screen = _clean_screen(at, "exp")
    assert "f'(1) = \\lim_{h \\to 0} m(h) = 2.71828" in screen
    assert "e^{x}" in screen
    fig = figures(at)[0]
    assert len(fig["frames"]) == 31


@pytest.mark.parametrize(("query", "words"), [
    ({"fn": "|x|", "x0": "0"}, "corner at x₀ = 0"),
    ({"fn": "jump", "x0": "0"}, "jumps by 1"),
    ({"fn": "typed", "f": "abs(x-2)", "x0": "2"}, "corner at x₀ = 2"),
    ({"fn": "log", "x0": "-1"}, "not defined at x₀ = -1"),
    ({"fn": "typed", "f": "sqrt(x)", "x0": "0"}, "not defined just to the left"),
])  # fmt: skip
def test_no_tangent_where_there_is_none(query, words):
    at = run_page(PAGE, {"part": SECANT, **query})
    screen = _clean_screen(at, query)
    assert words in screen
    names = [t.get("name", "") for t in figures(at)[0]["data"]]
    assert not any(n.startswith("tangent") for n in names)


def test_a_bad_typed_formula_keeps_the_last_good_one_and_says_why():
    at = run_page(PAGE, {"part": SECANT, "fn": "typed", "f": "x^3 - __import__('os')"})
    assert not at.exception
    assert at.error and "x^3 - 2*sin(x)" in at.error[0].value  # the message, then the default
    assert figures(at)


def test_three_ways_agree_with_the_exact_derivative():
    at = run_page(PAGE, {"part": THREE, "fn": "sin", "x0": "1", "logh": "-5"})
    screen = _clean_screen(at, "sin")
    exact = np.cos(1.0)
    assert f"{exact:.12g}" in screen  # symbolic and automatic, 12 digits
    forward = (np.sin(1 + 1e-5) - np.sin(1)) / 1e-5
    assert f"{forward:.12g}" in screen
    assert "forward **1**" in screen and "central **2**" in screen
    fig = figures(at)[0]
    assert fig["layout"]["xaxis"]["type"] == "log"


def test_h_at_the_floor_of_float64_is_a_sentence():
    at = run_page(PAGE, {"part": THREE, "fn": "sin", "x0": "1", "logh": "-16"})
    screen = _clean_screen(at, "h=1e-16")
    assert "edge of float64" in screen


def test_three_ways_outside_the_domain_is_a_sentence():
    at = run_page(PAGE, {"part": THREE, "fn": "ln(1+x)", "x0": "-2"})
    screen = _clean_screen(at, "ln(1+x) at -2")
    assert "not defined at x₀ = -2" in screen


def test_the_taylor_lesson_shows_the_radius_and_the_polynomial():
    at = run_page(PAGE, {"part": TAYLOR, "fn": "1/(1+x²)", "ta": "0", "tdeg": "4"})
    screen = _clean_screen(at, "1/(1+x²)")
    assert "P_{4}(x) = 1 - x^{2} + x^{4}" in screen
    assert "±i" in screen and "R = 1" in screen
    fig = figures(at)[0]
    assert len(fig["frames"]) == 21


@pytest.mark.parametrize("query", [{"fn": "ln(1+x)", "ta": "-1", "tdeg": "20"},
                                   {"fn": "log", "ta": "-3", "tdeg": "20"},
                                   {"fn": "|x|", "ta": "0", "tdeg": "20"}])  # fmt: skip
def test_degree_20_around_a_singular_point_is_a_sentence(query):
    at = run_page(PAGE, {"part": TAYLOR, **query})
    screen = _clean_screen(at, query)
    assert "Taylor series" in screen or "only the coefficients up to degree" in screen
