"""The Algebra page: every chapter runs clean from any control value, old links (``?chapter=``)
still open their chapter, and what the browser receives is mathematically right.

Figures are decoded from the JSON the page sends (tests.harness.apptest.figures) and checked
against numpy, scipy and closed forms computed here, never against the page's own modules.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from mathviz.algebra.params import ALGEBRA
from tests.harness.apptest import (
    ROOT,
    assert_clean,
    assert_view_has_the_skeleton,
    figure_sizes,
    figures,
    monkey_view,
    reached_keys,
    run_page,
    traces_by_name,
)

PAGE = "pages/algebra.py"
TITLE = "Algebra"
# Every chapter, as the URL a teacher would share; most as links made before the chooser's key
# became ``part`` (``chapter`` is still read).
VIEWS = {
    "functions": {"chapter": "Functions", "parent": "ln x", "ga": "2", "gb": "-1", "gh": "1"},
    "polynomials": {"chapter": "Polynomials"},
    "exp-log": {"chapter": "Exp & log"},
    "softmax": {"chapter": "Sigmoid & softmax"},
    "log-loss": {"chapter": "Log-loss", "truth": "y = 0"},
    "log-loss-by-part": {"part": "Log-loss", "truth": "y = 0"},
}


def run_view(query: dict):
    return run_page(PAGE, query)


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("present", ["0", "1"])
def test_every_view_runs_clean_with_the_skeleton(view, present):
    assert_view_has_the_skeleton(PAGE, {**VIEWS[view], "present": present}, TITLE)


@pytest.mark.parametrize("view", list(VIEWS))
def test_monkey_every_control_of_every_view(view):
    monkey_view(PAGE, VIEWS[view], seed=sum(map(ord, view)))


def test_every_key_of_every_view_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    keys = reached_keys(PAGE, VIEWS.values())
    assert keys == {param.key for param in ALGEBRA}  # every declared control is reached
    assert not sorted(key for key in keys if f"`{key}`" not in readme)


@pytest.mark.parametrize("view", list(VIEWS))
def test_figures_stay_small(view):
    at = run_view(VIEWS[view])
    for fig, size in zip(figures(at), figure_sizes(at), strict=True):
        limit = 2_000_000 if fig.get("frames") else 300_000
        assert size <= limit, (view, size)


def test_ln_transformed_is_drawn_in_its_domain_with_its_asymptote():
    (fig,) = figures(run_view(VIEWS["functions"]))  # g(x) = 2 ln(-(x - 1))
    named = traces_by_name(fig)
    g = named["g (transformed)"]
    x, y = np.asarray(g["x"], float), np.asarray(g["y"], float)
    finite = np.isfinite(y)
    assert np.all(x[finite] < 1)
    np.testing.assert_allclose(y[finite], 2 * np.log(1 - x[finite]))
    assert np.nanmin(y) < -30, "runs down the asymptote, not stopping short"
    asymptote = named["asymptotes of g"]
    assert set(np.asarray(asymptote["x"], float)[np.isfinite(asymptote["x"])]) == {1.0}


def test_polynomial_roots_are_drawn_where_numpy_finds_them():
    query = {"chapter": "Polynomials", "c4": "1", "c3": "0", "c2": "-5", "c1": "0", "c0": "4"}
    at = run_view(query)  # x⁴ - 5x² + 4 = (x² - 1)(x² - 4)
    assert_clean(at)
    (fig,) = figures(at)
    named = traces_by_name(fig)
    real = np.sort(np.asarray(named["real roots: p(x) = 0"]["x"], float))
    np.testing.assert_allclose(real, np.sort(np.roots([1, 0, -5, 0, 4]).real), atol=1e-9)
    plane = named["all roots, in the complex plane"]
    np.testing.assert_allclose(plane["y"], 0.0, atol=1e-9)
    graph = named["p(x)"]
    x = np.asarray(graph["x"], float)
    np.testing.assert_allclose(graph["y"], np.polyval([1, 0, -5, 0, 4], x))
    assert "Roots: -2, -1, 1, 2" in at.caption[0].value


def test_complex_roots_come_in_mirror_pairs():
    (fig,) = figures(run_view({"chapter": "Polynomials"}))  # (x - 2)(x² + 1)
    plane = traces_by_name(fig)["all roots, in the complex plane"]
    roots = np.asarray(plane["x"], float) + 1j * np.asarray(plane["y"], float)
    np.testing.assert_allclose(np.sort_complex(roots), np.sort_complex(np.roots([1, -2, 1, -2])))


def test_exp_and_log_mirror_each_other():
    at = run_view({"chapter": "Exp & log", "logbase": "10", "expx": "0.5"})
    assert_clean(at)
    fig, rule = figures(at)
    named = traces_by_name(fig)
    log = named["y = log<sub>b</sub> x"]
    x = np.asarray(log["x"], float)
    finite = np.isfinite(log["y"])
    assert np.all(x[finite] > 0)
    np.testing.assert_allclose(np.asarray(log["y"], float)[finite], np.log10(x[finite]))
    pair = next(t for t in fig["data"] if t.get("mode") == "lines+markers")
    (px, qx), (py, qy) = pair["x"], pair["y"]
    assert (px, py) == pytest.approx((0.5, 10**0.5)) and (qx, qy) == pytest.approx((py, px))
    end = traces_by_name(rule)["log x₂"]["x"][1]
    assert end == pytest.approx(np.log10(2 * 3))  # the default x₁ = 2, x₂ = 3


def test_softmax_bars_are_scipys_softmax():
    query = {"chapter": "Sigmoid & softmax", "z1": "3", "z2": "-1", "temp": "2"}
    (fig,) = figures(run_view(query))
    bars = next(t for t in fig["data"] if t["type"] == "bar")
    np.testing.assert_allclose(bars["y"], special.softmax(np.array([3, -1, -1]) / 2))
    point = next(t for n, t in traces_by_name(fig).items() if n.startswith("p₁"))
    assert point["x"][0] == pytest.approx(2.0)  # (z₁ - z₂)/T
    assert point["y"][0] == pytest.approx(special.expit(2.0))  # lies on the sigmoid


def test_log_loss_point_and_asymptote():
    at = run_view({"chapter": "Log-loss", "logit": "-2", "truth": "y = 1"})
    (fig,) = figures(at)
    named = traces_by_name(fig)
    point = named["this prediction"]
    p = special.expit(-2.0)
    assert point["x"][0] == pytest.approx(p) and point["y"][0] == pytest.approx(-np.log(p))
    curve = named["loss against p"]
    x = np.asarray(curve["x"], float)
    assert np.all((x > 0) & (x < 1))
    assert np.nanmax(curve["y"]) > 15  # climbs the asymptote at p = 0


def test_an_old_chapter_link_opens_its_chapter_under_the_part_key():
    at = run_view({"chapter": "Log-loss"})
    assert_clean(at, "chapter=Log-loss")
    assert at.session_state["part"] == "Log-loss"
    assert at.query_params.get("part") in ("Log-loss", ["Log-loss"])
    assert "chapter" not in at.query_params
    (fig,) = figures(at)
    assert "loss against p" in traces_by_name(fig)  # the log-loss chart, not the first chapter
    assert any(s.key == "truth" for s in at.get("button_group"))
