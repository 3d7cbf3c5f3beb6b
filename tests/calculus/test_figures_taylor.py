"""The Taylor animation: frame n draws Pₙ and |f − Pₙ|, the radius is shaded, all finite."""

import json

import numpy as np
import pytest

from mathviz.calculus import figures_taylor as figures
from mathviz.calculus import functions, taylor
from tests.calculus.test_figures_derivative import _all_finite
from tests.harness.apptest import decode_arrays


def _figure(name, a, n=3):
    entry = functions.FUNCTIONS[name]
    scene = taylor.scene(entry.expression, a, entry)
    return scene, decode_arrays(json.loads(json.dumps(figures.taylor_figure(scene, n).to_dict())))


def test_frame_n_is_the_degree_n_polynomial_and_its_error():
    scene, fig = _figure("exp", 0.0)
    assert len(fig["frames"]) == 21
    for n in (0, 5, 20):
        poly, error = fig["frames"][n]["data"]
        expected = sum(scene.x**k / np.prod(np.arange(1, k + 1)) for k in range(n + 1))
        np.testing.assert_allclose(poly["y"], expected, rtol=1e-5)
        error_expected = np.clip(np.abs(np.exp(scene.x) - expected), 1e-16, 1e4)
        np.testing.assert_allclose(error["y"], error_expected, rtol=1e-3, atol=1e-13)
    assert fig["layout"]["yaxis2"]["type"] == "log"
    assert fig["layout"]["sliders"][0]["active"] == 3
    assert _all_finite(fig)


@pytest.mark.parametrize(("name", "a", "low", "high"), [("1/(1+x²)", 0.0, -1, 1),
                                                        ("ln(1+x)", 0.5, -1, 2)])  # fmt: skip
def test_the_interval_of_convergence_is_shaded(name, a, low, high):
    _, fig = _figure(name, a)
    rect = [s for s in fig["layout"]["shapes"] if s["type"] == "rect"][0]
    assert (rect["x0"], rect["x1"]) == pytest.approx((low, high))


@pytest.mark.parametrize(("name", "a"), [("ln(1+x)", -1.0), ("log", -2.0)])
def test_a_singular_centre_draws_f_alone(name, a):
    _, fig = _figure(name, a)
    assert "frames" not in fig and _all_finite(fig)


def test_a_corner_at_the_centre_stops_at_degree_zero():
    _, fig = _figure("|x|", 0.0, n=7)
    assert len(fig["frames"]) == 1 and _all_finite(fig)


def test_the_animation_is_light():
    scene, _ = _figure("1/(1+x²)", 0.0)
    assert len(json.dumps(figures.taylor_figure(scene, 3).to_dict())) < 320_000
