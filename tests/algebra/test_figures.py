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
def test_transformation_figure_draws_g_in_its_domain_in_the_same_window(dark):
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
    # Both panels show the same window (shapes compare across them), filled by it.
    window = [-8.0, 8.0]
    for axis in ("xaxis", "yaxis", "xaxis2", "yaxis2"):
        assert list(fig.layout[axis].range) == window
    names = _annotations(fig)
    assert names["<b>f</b>"]["xref"] == "x" and names["<b>g</b>"]["xref"] == "x2"
    # g's asymptote x = 1 is named at its top, on g's panel, in g's colour.
    asymptote_name = names["x = 1"]
    assert (asymptote_name["x"], asymptote_name["y"], asymptote_name["xref"]) == (1.0, 8.0, "x2")
    assert asymptote_name["font"]["color"] == names["<b>g</b>"]["font"]["color"]
    # f = ln x has the asymptote x = 0, named on f's panel
    assert names["x = 0"]["xref"] == "x"
    assert not fig.layout.showlegend  # the names are on the picture


def _annotations(fig) -> dict:
    """The names written on a figure, by their text."""
    return {a.text: a.to_plotly_json() for a in fig.layout.annotations}


def _on_curve(name: dict, x: np.ndarray, y: np.ndarray) -> bool:
    """Whether a name sits at a sample of a curve."""
    return bool(np.any(np.isclose(x, name["x"]) & np.isclose(y, name["y"])))


def test_figures_name_their_curves_at_their_ends():
    view = functions.transformation_view(functions.PARENTS["x²"], 1.0, 1.0, 2.0, 0.0)
    fig = figures.transformation_figure(view)
    g_name = _annotations(fig)["<b>g</b>"]  # (x - 2)²: it leaves the window at x = 2 + √8
    assert g_name["y"] <= 8.0 and g_name["x"] == pytest.approx(2 + np.sqrt(8), abs=0.1)
    assert g_name["y"] == pytest.approx((g_name["x"] - 2) ** 2)
    poly = polynomials.polynomial_view([0, 1, -2, 1, -2])  # (x - 2)(x² + 1)
    names = _annotations(figures.polynomial_figure(poly))
    assert _on_curve(names["<b>p</b>"], poly.x, poly.y)
    # the real root 2 named on the x-axis and in the plane; ±i in the plane only
    assert names["2"]["x"] == pytest.approx(2.0) and names["2"]["y"] == 0.0
    assert names["i"]["y"] == pytest.approx(1.0) and names["-i"]["y"] == pytest.approx(-1.0)
    assert names["i"]["xref"] == "x2"
    explog_view = explog.exp_log_view("2", 1.0)
    names = _annotations(figures.exp_log_figure(explog_view))
    assert _on_curve(names["<b>y = 2ˣ</b>"], *explog_view.exp_curve)
    assert _on_curve(names["<b>y = log<sub>2</sub> x</b>"], *explog_view.log_curve)
    assert (names["(1, 2)"]["x"], names["(1, 2)"]["y"]) == (1.0, 2.0)  # 2¹ = 2
    assert (names["(2, 1)"]["x"], names["(2, 1)"]["y"]) == (2.0, 1.0)  # log₂ 2 = 1
    assert {"y = x", "y = 0", "x = 0"} <= set(names)
    half = _annotations(figures.exp_log_figure(explog.exp_log_view("1/2", 1.0)))
    assert "<b>y = (½)ˣ</b>" in half and "<b>y = log<sub>1/2</sub> x</b>" in half
    assert "<b>y = ln x</b>" in _annotations(figures.exp_log_figure(explog.exp_log_view("e", 0)))


def test_classification_figures_name_the_sigmoid_the_point_and_the_losses():
    view = classification.softmax_view([2.0, 1.0, -1.0], 1.0)
    fig = figures.softmax_figure(view)
    names = _annotations(fig)
    point = names[f"σ(1) = {special.expit(1.0):.3f}"]
    assert (point["x"], point["y"]) == pytest.approx((1.0, special.expit(1.0)))
    assert {"<b>p = σ(z)</b>", "y = 0", "y = 1"} <= set(names)
    bars = next(t for t in fig.data if t.type == "bar")
    assert len(set(bars.marker.color)) == 3  # a colour for each class
    loss = classification.log_loss_view(1.0, 1)
    names = _annotations(figures.log_loss_figure(loss))
    value = names[f"L = {-np.log(special.expit(1.0)):.3f}"]
    assert (value["x"], value["y"]) == pytest.approx((1.0, -np.log(special.expit(1.0))))
    assert _on_curve(names["<b>L = −log p</b>"], *loss.p_curve)
    assert _on_curve(names["<b>L = log(1 + e⁻ᶻ)</b>"], loss.z, loss.z_loss)
    assert "asymptote p = 0" in names
    wrong = _annotations(figures.log_loss_figure(classification.log_loss_view(1.0, 0)))
    assert {"<b>L = −log(1 − p)</b>", "<b>L = log(1 + eᶻ)</b>", "asymptote p = 1"} <= set(wrong)
    rule = _annotations(figures.slide_rule_figure(explog.product_view(2.0, 3.0)))
    assert rule["log 2"]["x"] == pytest.approx(np.log10(2) / 2)
    assert rule["log 3"]["x"] == pytest.approx(np.log10(2) + np.log10(3) / 2)
    assert rule["log x₁ + log x₂ = log 6"]["x"] == pytest.approx(np.log10(6))


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


def test_a_name_goes_where_it_hides_nothing():
    # A curve along y = 0 over the whole panel: a name at its end goes above it, not on it.
    x = np.linspace(0.0, 10.0, 200)
    placer = figures._Placer((0.0, 10.0), (-5.0, 5.0), [(x, np.zeros_like(x))])
    name = placer.place("a long name", "#000000", [(10.0, 0.0)])
    assert name["xanchor"] == "right" and name["yanchor"] == "bottom"  # inside, over the curve
    # a second name at the same spot avoids the first: it goes under the curve
    second = placer.place("a long name", "#000000", [(10.0, 0.0)])
    assert second["yanchor"] == "top"


@pytest.mark.parametrize("parent", list(functions.PARENTS))
@pytest.mark.parametrize("abhk", [(1, 1, 0, 0), (-2.5, 1.5, -2.5, -3.5), (2, -1, 1, -1)])
def test_function_names_stay_in_their_panels(parent, abhk):
    view = functions.transformation_view(functions.PARENTS[parent], *abhk)
    fig = figures.transformation_figure(view)
    lo, hi = view.window
    for name in fig.layout.annotations:
        if name.xref in ("x", "x2"):
            assert lo <= name.x <= hi and lo <= name.y <= hi, name.text
    texts = [a.text for a in fig.layout.annotations]
    asymptotes = [*view.transformed.vertical_asymptotes, *view.transformed.horizontal_asymptotes]
    assert len(texts) >= 2 + len(asymptotes)  # headings, each curve and asymptote named


def test_complex_roots_are_named_on_their_side_of_the_real_axis():
    view = polynomials.polynomial_view([1, 0, 0, 0, 1])  # x⁴ + 1: ±0.71 ± 0.71i
    plane = [a for a in figures.polynomial_figure(view).layout.annotations if a.xref == "x2"]
    assert sorted(a.text for a in plane) == sorted(
        ["0.71 + 0.71i", "0.71 - 0.71i", "-0.71 + 0.71i", "-0.71 - 0.71i"]
    )
    for name in plane:
        assert name.yanchor == ("bottom" if name.y > 0 else "top")  # above or under its mark
        assert abs(name.x) == pytest.approx(np.sqrt(0.5)) and abs(name.y) == pytest.approx(
            np.sqrt(0.5)
        )
