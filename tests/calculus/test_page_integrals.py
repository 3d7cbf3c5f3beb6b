"""/integrals: every part runs cleanly, the numbers on screen are right (against scipy's quad,
computed here), and bad inputs get a sentence, never NaN."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scipy import integrate

from mathviz.calculus.params import INTEGRALS as P
from tests.harness.apptest import (
    ROOT,
    assert_clean,
    assert_view_has_the_skeleton,
    figure_sizes,
    figures,
    monkey_view,
    reached_keys,
    run_page,
)

PAGE = "pages/integrals.py"
VIEWS = {
    "riemann": {},
    "simpson-odd": {"rule": "Simpson", "int_n": "7"},
    "left-200": {"rule": "left", "int_n": "200", "int_a": "-3", "int_b": "2"},
    "orders": {"part": "Error and order"},
    "orders-kink": {"part": "Error and order", "fn": "|x|", "int_a": "-1.3"},
    "ftc": {"part": "Fundamental theorem"},
    "ftc-typed": {"part": "Fundamental theorem", "fn": "typed", "f": "cos(3*x)", "int_a": "-2"},
}
BAD = {
    "log-at-0": {"fn": "log", "int_a": "0", "int_b": "2"},
    "pole": {"fn": "typed", "f": "1/x", "int_a": "-1", "int_b": "1.3"},
    "pole-exact": {"part": "Error and order", "fn": "typed", "f": "1/x", "int_a": "-1"},
    "a-equals-b": {"part": "Fundamental theorem", "int_a": "1", "int_b": "1"},
    "a-after-b": {"int_a": "2", "int_b": "-1"},
}


def cubic(x):
    return x**3 - 2 * np.sin(x)


def latex_text(at) -> str:
    return " ".join(e.value for e in at.latex)


def number_after(text: str, marker: str) -> float:
    match = re.match(r"-?\d+(\.\d+)?", text[text.index(marker) + len(marker) :])
    return float(match.group())


@pytest.mark.parametrize("part", P.part.options)
def test_every_part_runs_cleanly(part):
    assert_clean(run_page(PAGE, {"part": part}))


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("present", ["0", "1"])
def test_every_view_has_the_skeleton(view, present):
    assert_view_has_the_skeleton(PAGE, {**VIEWS[view], "present": present}, "Integrals")


def test_the_midpoint_sum_and_quad_on_screen():
    at = run_page(PAGE, {})
    assert_clean(at)
    shown = latex_text(at)
    h = 2 / 6
    midpoint = h * sum(cubic(h * (k + 0.5)) for k in range(6))
    reference = integrate.quad(cubic, 0, 2)[0]
    assert number_after(shown, "M_{6} = ") == pytest.approx(midpoint, rel=1e-5)
    assert number_after(shown, "f\\,dx = ") == pytest.approx(reference, rel=1e-5)
    assert number_after(shown, "\\int = ") == pytest.approx(midpoint - reference, rel=1e-2)


def test_simpson_with_odd_n_says_so_and_uses_n_plus_one():
    at = run_page(PAGE, VIEWS["simpson-odd"])
    assert_clean(at)
    assert any("n = 8" in i.value for i in at.info)
    x = np.linspace(0, 2, 9)
    y = cubic(x)
    simpson = (2 / 8) / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())
    assert number_after(latex_text(at), "S_{8} = ") == pytest.approx(simpson, rel=1e-5)


def test_orders_table_on_screen():
    at = run_page(PAGE, VIEWS["orders"])
    assert_clean(at)
    table = next(m.value for m in at.markdown if "fitted p" in m.value)
    for rule, expected in (
        ("left", 1),
        ("right", 1),
        ("midpoint", 2),
        ("trapezoid", 2),
        ("Simpson", 4),
    ):
        row = next(line for line in table.splitlines() if line.startswith(f"| {rule} |"))
        assert float(row.split("|")[3]) == pytest.approx(expected, abs=0.15), rule


def test_a_kink_is_named_on_the_orders_part():
    at = run_page(PAGE, VIEWS["orders-kink"])
    assert any("kink at x = 0" in w.value for w in at.warning)


def test_ftc_numbers_on_screen():
    at = run_page(PAGE, VIEWS["ftc-typed"])
    assert_clean(at)
    shown = latex_text(at)
    x = 1.0
    assert number_after(shown, "A(1) = ") == pytest.approx(
        integrate.quad(lambda u: math.cos(3 * u), -2, x)[0], rel=1e-4
    )
    assert number_after(shown, "{2h} = ") == pytest.approx(math.cos(3.0), rel=1e-4)
    assert number_after(shown, "f(1) = ") == pytest.approx(math.cos(3.0), rel=1e-5)


@pytest.mark.parametrize("view", list(BAD))
def test_bad_intervals_get_a_sentence_and_no_chart(view):
    at = run_page(PAGE, BAD[view])
    assert_clean(at)
    assert at.warning and not figures(at)
    words = " ".join([*(w.value for w in at.warning), *(m.value for m in at.markdown)])
    assert "nan" not in words.lower().split() and "inf" not in words.lower().split()


def test_a_bad_typed_formula_keeps_the_last_good_one():
    at = run_page(PAGE, {"fn": "typed", "f": "2x +"})
    assert not at.exception and at.error
    assert figures(at)


@pytest.mark.parametrize("view", ["riemann", "orders", "ftc"])
def test_monkey_every_control(view):
    monkey_view(PAGE, VIEWS[view], seed=sum(map(ord, view)))


def test_every_key_is_reached_and_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    keys = reached_keys(PAGE, VIEWS.values())
    assert keys == {param.key for param in P}
    assert not sorted(key for key in keys if f"`{key}`" not in readme)


def test_figures_stay_small():
    for view in ("left-200", "ftc"):
        at = run_page(PAGE, VIEWS[view])
        assert max(figure_sizes(at)) <= 320_000, view


def test_a_typed_functions_kink_is_named_too():
    at = run_page(PAGE, {"fn": "typed", "f": "abs(x - 0.5) + x", "int_a": "-1", "int_b": "2"})
    assert_clean(at)
    assert any("kink at x = 0.5" in w.value for w in at.warning)
