"""The theory figures: valid plotly, no NaN or infinity in their JSON, small, and drawing what
``rates`` and ``theory`` say (read back from the typed arrays), edge cases included."""

import base64
import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.core import numbers
from mathviz.optim import figures_theory, rates, surfaces, theory
from mathviz.optim.optimizers import OPTIMIZERS, run
from mathviz.plot.spec import Prebuilt

ANGLE = 30.0
MAX_BYTES = 300_000


def bowl_theory(l1, l2):
    return theory.bowl_theory(surfaces.bowl_matrix(l1, l2, ANGLE))


def values(array):
    """A typed array (or a list) back as numbers."""
    if isinstance(array, dict):
        flat = np.frombuffer(base64.b64decode(array["bdata"]), dtype="<" + array["dtype"])
        if "shape" in array:
            return flat.reshape(tuple(int(n) for n in array["shape"].split(",")))
        return flat
    return np.asarray(array, dtype=float)


def check_spec(figure):
    """Valid for plotly, JSON without NaN or infinity, under the size budget; the dict."""
    assert isinstance(figure, Prebuilt)
    spec = figure.to_dict()
    text = json.dumps(spec, allow_nan=False)
    assert "NaN" not in text and "Infinity" not in text
    assert len(text) < MAX_BYTES
    go.Figure(spec)  # plotly's own validation of every property
    for trace in spec["data"]:
        for key in ("x", "y", "z", "customdata"):
            if key in trace:
                assert np.all(np.isfinite(values(trace[key]))), (trace.get("name"), key)
    return spec


def trace(spec, name):
    found = [t for t in spec["data"] if t.get("name") == name]
    assert len(found) == 1, name
    return found[0]


def point(spec, name):
    t = trace(spec, name)
    return float(values(t["x"])[0]), float(values(t["y"])[0])


def texts(spec):
    return [note["text"] for note in spec["layout"].get("annotations", [])]


# ---- the rate figure --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("l1", "l2", "share"),
    [(1.0, 10.0, 0.5), (1.0, 1.0, 0.5), (1.0, 100.0, 0.9), (1.0, 10.0, 1.2), (2.0, 3.0, 1e-3)],
)
def test_rate_figure_draws_the_theorys_curve_and_landmarks(l1, l2, share):
    t = bowl_theory(l1, l2)
    lr = share * t.max_stable_lr
    spec = check_spec(figures_theory.rate_figure(t, lr))
    curve = trace(spec, "rate max |1 − lr λ|")
    xs, ys = values(curve["x"]), values(curve["y"])
    np.testing.assert_allclose(ys, rates.gd_rate(xs.astype(float), t.eigenvalues), atol=1e-6)
    low_x, low_y = (
        values(trace(spec, "|1 − lr λmin|")["x"]),
        values(trace(spec, "|1 − lr λmin|")["y"]),
    )
    np.testing.assert_allclose(low_y, np.abs(1 - low_x.astype(float) * t.eigenvalues[0]), atol=1e-6)
    assert "|1 − lr λmax|" in [d["name"] for d in spec["data"]]
    # the log axis runs from 10⁻³ to 1.5 times 2 / λmax, and a little past a step near an end
    xaxis = spec["layout"]["xaxis"]
    low = min(1e-3 * t.max_stable_lr, lr / 2)
    high = max(1.5 * t.max_stable_lr, 1.1 * lr)
    assert xaxis["type"] == "log"
    assert xaxis["range"] == pytest.approx(np.log10([low, high]))
    # the boundary, the best step and its rate, the learner's point
    boundary = values(trace(spec, "2/λmax")["x"])
    assert boundary == pytest.approx([t.max_stable_lr] * 2)
    assert "2/λmax (largest stable step)" in texts(spec)
    assert point(spec, "best step") == pytest.approx((t.best_lr, t.best_rate), abs=1e-12)
    assert any(f"= {numbers.text(t.best_rate)}" in s for s in texts(spec))
    assert point(spec, "your lr") == pytest.approx((lr, float(rates.gd_rate(lr, t.eigenvalues))))
    assert values(trace(spec, "rate 1")["y"]) == pytest.approx([1.0, 1.0])
    assert "measured on the path" not in [d.get("name") for d in spec["data"]]
    # the curve dips to the best rate at the best step (the corner is sampled exactly)
    assert ys.min() == pytest.approx(t.best_rate, abs=1e-6)


def test_rate_figure_shows_the_rate_measured_on_a_path_beside_the_theory():
    t = bowl_theory(1.0, 10.0)
    bowl = surfaces.bowl(1.0, 10.0, ANGLE)
    lr = 0.1
    path = run(bowl, OPTIMIZERS["Gradient descent"], bowl.start, 200, lr=lr)
    measured = theory.measured_rate(path.positions, np.zeros(2), skip=5)
    spec = check_spec(figures_theory.rate_figure(t, lr, measured))
    x, y = point(spec, "measured on the path")
    assert x == pytest.approx(lr) and y == pytest.approx(measured)
    assert y == pytest.approx(point(spec, "your lr")[1], rel=1e-4)  # practice meets theory


@pytest.mark.parametrize("measured", [None, math.nan, math.inf])
def test_rate_figure_leaves_out_a_missing_measurement(measured):
    spec = check_spec(figures_theory.rate_figure(bowl_theory(1.0, 10.0), 0.1, measured))
    assert "measured on the path" not in [d.get("name") for d in spec["data"]]


def test_rate_figure_shows_a_diverging_step_and_its_measured_rate():
    t = bowl_theory(1.0, 10.0)
    lr = 1.2 * t.max_stable_lr  # rate |1 − 0.24·10| = 1.4
    bowl = surfaces.bowl(1.0, 10.0, ANGLE)
    path = run(bowl, OPTIMIZERS["Gradient descent"], bowl.start, 200, lr=lr)
    measured = theory.measured_rate(path.positions, np.zeros(2), skip=5)
    assert path.diverged_at is not None and measured == pytest.approx(1.4, rel=1e-4)
    spec = check_spec(figures_theory.rate_figure(t, lr, measured))
    assert point(spec, "your lr") == pytest.approx((lr, 1.4))
    assert point(spec, "measured on the path")[1] == pytest.approx(measured)
    assert spec["layout"]["shapes"][0]["x0"] == pytest.approx(t.max_stable_lr)  # shaded beyond


def test_rate_figure_widens_for_a_step_outside_its_range():
    t = bowl_theory(1.0, 10.0)
    big = 3 * t.max_stable_lr  # rate |1 − 0.6·10| = 5
    spec = check_spec(figures_theory.rate_figure(t, big, 4.9))
    layout = spec["layout"]
    assert 10 ** layout["xaxis"]["range"][1] > big
    assert layout["yaxis"]["range"][1] >= 5.0
    tiny = 1e-6 * t.max_stable_lr
    spec = check_spec(figures_theory.rate_figure(t, tiny))
    assert 10 ** spec["layout"]["xaxis"]["range"][0] < tiny


@pytest.mark.parametrize("lr", [0.0, -0.1, math.nan, math.inf])
def test_rate_figure_refuses_a_step_that_is_not_positive(lr):
    with pytest.raises(ValueError):
        figures_theory.rate_figure(bowl_theory(1.0, 10.0), lr)


# ---- the phase diagram ------------------------------------------------------------------------


def heatmap(spec):
    return next(t for t in spec["data"] if t["type"] == "heatmap")


def centres(edges, log):
    edges = np.asarray(edges, dtype=float)
    if log:
        return np.sqrt(edges[1:] * edges[:-1])
    return (edges[1:] + edges[:-1]) / 2


@pytest.mark.parametrize(
    ("eigenvalues", "lr", "beta"),
    [((1.0, 10.0), 0.1, 0.5), ((2.0, 2.0), 0.3, 0.0), ((100.0, 1.0), 0.025, 0.9),
     ((1.0, 10.0), 0.5, 0.2), ((1.0, 10.0), 1e-6, 0.995)],
)  # fmt: skip
def test_phase_figure_colours_the_momentum_rate(eigenvalues, lr, beta):
    spec = check_spec(figures_theory.phase_figure(eigenvalues, lr, beta))
    heat = heatmap(spec)
    for key in ("x", "y", "z", "customdata"):
        assert heat[key]["dtype"] == "f4"
    rate = values(heat["customdata"])
    rows, columns = rate.shape
    assert rows <= 100 and columns <= 120
    lr_grid = centres(values(heat["x"]), log=True)
    beta_grid = centres(values(heat["y"]), log=False)
    assert len(lr_grid) == columns and len(beta_grid) == rows
    assert np.all(
        np.diff(np.log(lr_grid)) == pytest.approx(np.log(lr_grid[1] / lr_grid[0]), rel=1e-3)
    )
    want = rates.momentum_phase(eigenvalues, lr_grid, beta_grid)
    np.testing.assert_allclose(rate, want, rtol=1e-4, atol=1e-5)
    # the bottom row is β = 0: plain gradient descent
    assert beta_grid[0] == pytest.approx(0.0, abs=1e-6)
    np.testing.assert_allclose(rate[0], rates.gd_rate(lr_grid, eigenvalues), rtol=1e-4, atol=1e-5)
    # rates of 1 or more take the "diverges" colour, all the others a rate colour
    z = values(heat["z"])
    split = figures_theory.SLOWEST
    diverged = want >= 1
    assert np.all(z[diverged] > split) and np.all(z[~diverged] <= split)
    assert heat["zmax"] > split
    stops = heat["colorscale"]
    assert all(
        color == figures_theory.DIVERGED_COLOR for at, color in stops if at > split / heat["zmax"]
    )
    assert "diverges" in heat["colorbar"]["ticktext"]
    # the marks: the best setting and the learner's
    t = theory.bowl_theory(np.diag(eigenvalues))
    assert point(spec, "best (lr, β)") == pytest.approx((t.momentum_lr, t.momentum_beta))
    assert point(spec, "your lr, β") == pytest.approx((lr, beta))
    # both inside the drawn grid
    assert lr_grid[0] <= min(lr, t.momentum_lr) and max(lr, t.momentum_lr) <= lr_grid[-1]
    assert max(beta, t.momentum_beta) <= values(heat["y"])[-1]
    assert any(f"= {numbers.text(t.momentum_rate)}" in s for s in texts(spec))


def test_phase_figure_names_the_regions_where_they_are():
    eigenvalues = (1.0, 10.0)
    spec = check_spec(figures_theory.phase_figure(eigenvalues, 0.1, 0.5))
    named = {
        note["text"]: (10 ** note["x"], note["y"])
        for note in spec["layout"]["annotations"]
        if note["text"] in rates.REGIONS
    }
    assert {"monotone", "ripples", "diverges"} <= set(named)
    for name, (lr, beta) in named.items():
        code = rates.momentum_regions(eigenvalues, [lr], [beta])[0, 0]
        assert rates.REGIONS[code] == name


def test_phase_figure_ripple_edges_meet_at_the_best_setting():
    t = bowl_theory(1.0, 10.0)
    spec = check_spec(figures_theory.phase_figure(t.eigenvalues, 0.1, 0.5))
    edges = [d for d in spec["data"] if d.get("name") == "ripples' edge"]
    assert len(edges) == 2
    for edge in edges:
        x, y = values(edge["x"]), values(edge["y"])
        assert x[0] == pytest.approx(t.momentum_lr, rel=1e-5)
        assert y[0] == pytest.approx(t.momentum_beta, rel=1e-5)
        # along an edge the rate is √β: one direction's roots turn double there
        np.testing.assert_allclose(
            rates.momentum_rate_bowl(x.astype(float), y.astype(float), t.eigenvalues),
            np.sqrt(y.astype(float)), rtol=1e-3,
        )  # fmt: skip


def test_phase_figure_default_grid_is_within_budget():
    spec = figures_theory.phase_figure((1.0, 1000.0), 0.001, 0.9).to_dict()
    assert len(json.dumps(spec)) < MAX_BYTES
    assert values(heatmap(spec)["customdata"]).shape == (100, 120)


@pytest.mark.parametrize(("lr", "beta"), [(0.0, 0.5), (-1.0, 0.5), (0.1, -0.1), (0.1, 1.0)])
def test_phase_figure_refuses_settings_outside_the_map(lr, beta):
    with pytest.raises(ValueError):
        figures_theory.phase_figure((1.0, 10.0), lr, beta)


def test_phase_figure_refuses_a_bowl_that_is_not_one_and_a_grid_of_one_cell():
    with pytest.raises(ValueError):
        figures_theory.phase_figure((0.0, 10.0), 0.1, 0.5)
    with pytest.raises(ValueError):
        figures_theory.phase_figure((1.0, 10.0), 0.1, 0.5, lr_count=1)
