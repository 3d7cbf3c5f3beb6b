"""mathviz.algebra.figures: valid plotly figures that draw the views' numbers, checked against
numpy and scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from mathviz.algebra import classification, explog, figures, functions, polynomials


def _named(fig) -> dict:
    return {trace.name: trace for trace in fig.data if trace.name}


@pytest.mark.parametrize("dark", [False, True])
def test_transformation_figure_draws_g_in_its_domain_with_equal_axes(dark):
    view = functions.transformation_view(functions.PARENTS["ln x"], 2.0, -1.0, 1.0, 0.0)
    fig = figures.transformation_figure(view, dark)  # g(x) = 2 ln(-(x - 1))
    named = _named(fig)
    g = named["g (transformed)"]
    x, y = np.asarray(g.x, float), np.asarray(g.y, float)
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], 2 * np.log(1 - x[finite]))
    f = named["f (parent)"]
    fx, fy = np.asarray(f.x, float), np.asarray(f.y, float)
    np.testing.assert_allclose(fy[np.isfinite(fy)], np.log(fx[np.isfinite(fy)]))
    asymptote = np.asarray(named["asymptotes of g"].x, float)
    assert set(asymptote[np.isfinite(asymptote)]) == {1.0}
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis2.scaleanchor == "x2"


def test_polynomial_figure_puts_roots_where_numpy_finds_them():
    view = polynomials.polynomial_view([1, 0, -5, 0, 4])
    named = _named(figures.polynomial_figure(view))
    real = np.sort(np.asarray(named["real roots: p(x) = 0"].x, float))
    np.testing.assert_allclose(real, np.sort(np.roots([1, 0, -5, 0, 4]).real), atol=1e-9)
    x = np.asarray(named["p(x)"].x, float)
    np.testing.assert_allclose(named["p(x)"].y, np.polyval([1, 0, -5, 0, 4], x))
    complex_view = polynomials.polynomial_view([0, 1, -2, 1, -2])
    plane = _named(figures.polynomial_figure(complex_view, dark=True))[
        "all roots, in the complex plane"
    ]
    roots = np.asarray(plane.x, float) + 1j * np.asarray(plane.y, float)
    np.testing.assert_allclose(np.sort_complex(roots), np.sort_complex(np.roots([1, -2, 1, -2])))


def test_exp_log_figure_and_slide_rule():
    view = explog.exp_log_view("10", 0.5)
    fig = figures.exp_log_figure(view)
    named = _named(fig)
    log = named["y = log<sub>b</sub> x"]
    x, y = np.asarray(log.x, float), np.asarray(log.y, float)
    np.testing.assert_allclose(y[np.isfinite(y)], np.log10(x[np.isfinite(y)]))
    pair = next(t for t in fig.data if t.mode == "lines+markers")
    assert tuple(pair.x) == pytest.approx((0.5, 10**0.5))
    assert tuple(pair.y) == pytest.approx((10**0.5, 0.5))
    assert fig.layout.yaxis.scaleanchor == "x"  # y = x at 45°
    rule = _named(figures.slide_rule_figure(explog.product_view(2.0, 3.0), dark=True))
    assert rule["log x₂"].x[1] == pytest.approx(np.log10(6.0))
    assert "log x₁ + log x₂ = log 6" in rule


def test_softmax_figure_bars_are_scipys_softmax():
    view = classification.softmax_view([3.0, -1.0, -1.0], 2.0)
    fig = figures.softmax_figure(view)
    bars = next(t for t in fig.data if t.type == "bar")
    np.testing.assert_allclose(bars.y, special.softmax(np.array([3.0, -1.0, -1.0]) / 2))
    assert list(bars.text) == [f"{p:.3f}".rstrip("0") for p in bars.y]
    point = next(t for n, t in _named(fig).items() if n.startswith("p₁"))
    assert point.y[0] == pytest.approx(special.expit(2.0))


def test_log_loss_figure_marks_the_prediction_on_both_curves():
    view = classification.log_loss_view(-2.0, 1)
    fig = figures.log_loss_figure(view, dark=True)
    named = _named(fig)
    p = special.expit(-2.0)
    point = named["this prediction"]
    assert point.x[0] == pytest.approx(p) and point.y[0] == pytest.approx(-np.log(p))
    z = np.asarray(named["loss against the logit z"].x, float)
    np.testing.assert_allclose(named["loss against the logit z"].y, np.logaddexp(0, -z))
    assert "asymptote p = 0" in named
