"""mathviz.algebra.text: the formulas, captions and notes of the Algebra page, written out by
hand from the maths (numbers by the one rule of mathviz.core.numbers, ``places=``).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from mathviz.algebra import classification, explog, functions, polynomials, text


@pytest.mark.parametrize(
    ("name", "args", "latex"),
    [
        ("x²", (1, 1, 0, 0), "g(x) = x^2"),
        ("x²", (2, 1, 3, -1), r"g(x) = 2\left(x - 3\right)^2 - 1"),
        ("√x", (-1, -1, 0, 0), r"g(x) = -\sqrt{-x}"),
        ("ln x", (1, -1, 2, 0.5), r"g(x) = \ln\left(-(x - 2)\right) + 0.5"),
        ("1/x", (0.5, 2, -1, 0), r"g(x) = 0.5\frac{1}{2(x + 1)}"),
        ("sin x", (0, 3, 1, 2), "g(x) = 2"),
    ],
)
def test_transformed_latex(name, args, latex):
    assert text.transformed_latex(functions.transform(functions.PARENTS[name], *args)) == latex


def test_transformation_view_explains_the_domain_and_asymptotes():
    view = functions.transformation_view(functions.PARENTS["ln x"], 2.0, -1.0, 1.0, -1.0)
    assert text.asymptotes_text(view.transformed) == "x = 1"
    domain = text.transformation_domain_latex(view.transformed)
    assert domain == r"\text{domain of } g = (-\infty, 1)"
    plain = functions.transformation_view(functions.PARENTS["x²"], 1, 1, 0, 0)
    assert text.asymptotes_text(plain.transformed) == "none"
    assert text.transformation_caption(view.transformed) == "Asymptotes of g: x = 1."
    both = functions.transform(functions.PARENTS["1/x"], 1.0, 2.0, 0.5, -1.0)
    assert text.asymptotes_text(both) == "x = 0.5, y = -1"
    assert text.transformation_notes(view.transformed) == []
    (note,) = text.transformation_notes(functions.transform(functions.PARENTS["x²"], 1, 0, 0, 0))
    assert "b = 0" in note.text


@pytest.mark.parametrize(
    ("c", "expanded", "factored"),
    [
        ([0, 1, -2, 1, -2], "x^3 - 2x^2 + x - 2", "(x + i)(x - i)(x - 2)"),
        ([0, 0, -0.5, 0, 2], "-0.5x^2 + 2", "-0.5(x + 2)(x - 2)"),
        ([0, 0, 1, -1, 0], "x^2 - x", "x(x - 1)"),
        ([1, 0, 0, 0, 1], "x^4 + 1", None),
        ([0, 0, 0, 0, 3], "3", "3"),
        ([0, 0, 0, 0, 0], "0", "0"),
        ([5, 0, 0, 0, 0], "5x^4", "5x^{4}"),  # once "5xxxx"
        ([0, 0, 1, -2, 1], "x^2 - 2x + 1", "(x - 1)^{2}"),
        ([0, 1, 0, 0, 0], "x^3", "x^{3}"),
    ],
)
def test_polynomial_latex(c, expanded, factored):
    assert text.polynomial_latex(c) == expanded
    if factored is not None:
        trimmed = polynomials.trim(c)
        assert text.factored_latex(trimmed, polynomials.polynomial_roots(c)) == factored


def test_root_latex():
    assert text.root_latex(2 + 0j) == "2"
    assert text.root_latex(-1j) == "-i"
    assert text.root_latex(0.5 + 1.3229j) == "0.5 + 1.323i"
    assert text.root_latex(-0.707 - 0.707j) == "-0.707 - 0.707i"


def test_complex_factors_have_no_double_negatives():
    """x² + 1.618x + 1 has roots -0.809 ± 0.588i: once "(x - (-0.809 - 0.588i))"."""
    c = [0, 0, 1, 2 * np.cos(np.radians(36)), 1]
    factored = text.factored_latex(polynomials.trim(c), polynomials.polynomial_roots(c))
    assert sorted(re.findall(r"\([^()]*\)", factored)) == [
        "(x + 0.809 + 0.588i)",
        "(x + 0.809 - 0.588i)",
    ]
    pure = text.factored_latex(polynomials.trim([0, 0, 1, 0, 4]), np.array([2j, -2j]))
    assert pure == "(x - 2i)(x + 2i)"
    for root in (0.5 + 1.3229j, -0.707 - 0.707j, 3 - 1j):
        factor = text.factored_latex(np.array([1.0, 0.0]), np.array([root]))
        assert "(-" not in factor and "- -" not in factor and "+ -" not in factor


def test_intervals():
    closed = functions.Interval(0.0, functions.INF, closed_lower=True)
    assert text.interval_latex(closed) == r"[0, \infty)"
    assert text.interval_latex(functions.Interval(-2.5, 1.0, False, True)) == "(-2.5, 1]"
    both = (functions.Interval(-functions.INF, 0.0), functions.Interval(0.0, functions.INF))
    assert text.domain_latex(both) == r"(-\infty, 0) \cup (0, \infty)"
    assert text.domain_latex(()) == r"\varnothing"
    assert text.domain_latex(functions.REALS) == r"\mathbb{R}"


def test_polynomial_view_text():
    view = polynomials.polynomial_view([1, 0, -5, 0, 4])  # (x² - 1)(x² - 4)
    assert text.polynomial_caption(view) == "Roots: -2, -1, 1, 2"
    assert text.polynomial_view_latex(view) == (
        "p(x) = x^4 - 5x^2 + 4 = (x + 2)(x + 1)(x - 1)(x - 2)"
    )
    assert text.polynomial_notes(view) == []
    zero = polynomials.polynomial_view([0, 0, 0, 0, 0])
    assert text.roots_text(zero) == "every x (p is 0 everywhere)"  # not "none": all x are roots
    assert text.roots_text(polynomials.polynomial_view([0, 0, 0, 0, 3])) == (
        "none (a nonzero constant)"
    )
    (note,) = text.polynomial_notes(zero)
    assert "zero polynomial" in note.text


def test_exp_log_text():
    view = explog.exp_log_view("2", 1.0)
    assert text.exp_log_latex(view) == r"2^{1} = 2 \iff \log_{2} 2 = 1"
    assert text.exp_log_notes(view) == []
    assert text.exp_log_notes(explog.exp_log_view("10", 2.0))  # 10² = 100 is off the chart
    product = explog.product_view(2.0, 3.0)
    assert text.product_latex(product) == (
        r"\log_{10}(2 \times 3) = \log_{10} 2 + \log_{10} 3 = 0.301 + 0.477 = 0.778"
        r" = \log_{10} 6"
    )
    assert text.product_label(product) == "log x₁ + log x₂ = log 6"
    assert [text.scale_label(v) for v in (1.0, 20.0, 100.0)] == ["1", "20", "100"]


def test_classification_text():
    view = classification.softmax_view([0.0, 0.0, 0.0], 1.0)  # three equal logits
    assert text.probability_labels(view) == ["0.333", "0.333", "0.333"]
    assert text.softmax_latex(view).endswith(r"p = (0.333, 0.333, 0.333)")
    assert text.sigmoid_pair_latex(view).endswith(r"= 0.5")  # σ(0)
    loss = classification.log_loss_view(0.0, 1)
    assert text.log_loss_value_latex(loss) == r"y = 1,\quad L = \log(1 + e^{-z}) = 0.693"  # log 2
    assert text.prediction_latex(loss) == r"p = \sigma(z) = \sigma(0) = 0.5"
    assert text.asymptote_label(loss) == "asymptote p = 0"
    assert text.asymptote_label(classification.log_loss_view(0.0, 0)) == "asymptote p = 1"


def test_exp_log_text_writes_each_base_as_a_mathematician_would():
    # 1/2 raised to x needs brackets (1/2^x would be 1/(2^x)); the log to base e is ln.
    half = explog.exp_log_view("1/2", 2.0)
    assert text.exp_log_latex(half) == (
        r"\left(\tfrac{1}{2}\right)^{2} = 0.25 \iff \log_{1/2} 0.25 = 2"
    )
    natural = explog.exp_log_view("e", 1.0)
    assert text.exp_log_latex(natural) == rf"e^{{1}} = {math.e:.3f} \iff \ln {math.e:.3f} = 1"
    assert text.exp_log_latex(explog.exp_log_view("10", -1.0)) == (
        r"10^{-1} = 0.1 \iff \log_{10} 0.1 = -1"
    )


def test_product_text_in_two_lines_adds_the_logs():
    product = explog.product_view(4.0, 2.5)
    assert text.product_rule_latex(product) == (
        r"\log_{10}(4 \times 2.5) = \log_{10} 4 + \log_{10} 2.5"
    )
    logs = (math.log10(4.0), math.log10(2.5))
    assert text.product_sum_latex(product) == (
        rf"= {logs[0]:.3f} + {logs[1]:.3f} = 1 = \log_{{10}} 10"
    )


def test_factored_polynomial_lines_fit_a_side_column():
    short = polynomials.polynomial_view([0, 1, -2, 1, -2])  # (x - 2)(x² + 1)
    assert text.polynomial_factored_latex(short) == "p(x) = (x + i)(x - i)(x - 2)"
    assert text.polynomial_expanded_latex(short) == "p(x) = x^3 - 2x^2 + x - 2"
    quartic = polynomials.polynomial_view([1, 0, 0, 0, 1])  # x⁴ + 1: roots e^{±iπ/4}, e^{±3iπ/4}
    block = text.polynomial_factored_latex(quartic)
    assert block.startswith(r"\begin{aligned} p(x) &= ") and block.endswith(r"\end{aligned}")
    lines = block.removeprefix(r"\begin{aligned} p(x) &= ").removesuffix(r" \end{aligned}")
    lines = lines.split(r" \\ &\quad ")
    assert len(lines) == 4 and all(len(line) <= 30 for line in lines)  # a factor a line
    r = math.sqrt(0.5)  # the roots ±0.707 ± 0.707i, each factor once
    assert "".join(lines) == text.factored_latex(quartic.coefficients, quartic.roots)
    assert "".join(lines).count(f"{r:.3f}i") == 4
    lead = polynomials.polynomial_view([0, 0, 2, 0, -8])  # 2(x + 2)(x - 2): the lead stays
    assert text.polynomial_factored_latex(lead) == "p(x) = 2(x + 2)(x - 2)"


def test_softmax_text_against_scipy():
    from scipy import special

    logits, temperature = [2.0, 1.0, -1.0], 1.0
    view = classification.softmax_view(logits, temperature)
    expected = special.softmax(np.array(logits) / temperature)
    values = ", ".join(f"{p:.3f}".rstrip("0").rstrip(".") for p in expected)
    assert text.softmax_latex(view).endswith(f"p = ({values})")
    pair = special.expit((logits[0] - logits[1]) / temperature)
    assert text.sigmoid_pair_latex(view).endswith(f"= {pair:.3f}")
    loss = classification.log_loss_view(-2.0, 0)  # y = 0: L = log(1 + e^z) = -log(1 - σ(z))
    expected_loss = -math.log(1 - special.expit(-2.0))
    assert text.log_loss_value_latex(loss).endswith(f"= {expected_loss:.3f}")
    assert text.prediction_latex(loss).endswith(rf"\sigma(-2) = {special.expit(-2.0):.3f}")
