"""The race's, the surface's and the step's figures: valid plotly, no NaN, sizes in budget,
and what they draw is where the paths are."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from mathviz.optim import figures, race, surfaces
from tests.harness.apptest import decode_arrays

ANIMATED_LIMIT = 2_000_000  # bytes (the bench's animated-figure budget)
STATIC_LIMIT = 300_000


def _spec(fig) -> dict:
    return decode_arrays(json.loads(json.dumps(fig.to_dict(), allow_nan=False)))


def _settings(surface=("Rosenbrock",), names=race.NAMES, steps=1000, **kw):
    return race.Settings(surface, tuple(names), (-1.5, 2.0), steps, **kw)


@pytest.mark.parametrize(
    "surface",
    [
        ("Rosenbrock",),
        (surfaces.BOWL, "", 1.0, 30.0, 20.0),
        ("Himmelblau",),
        (surfaces.TYPED, "log(x) + y^2"),
    ],
)
def test_the_race_figure_is_valid_finite_and_within_budget(surface):
    settings = _settings(surface)
    fig = figures.race_chart(settings, "Adam")
    raw = json.dumps(fig.to_dict(), allow_nan=False)  # raises on NaN or infinity
    assert len(raw) < ANIMATED_LIMIT
    go.Figure(_spec(fig))  # plotly validates every property
    spec = fig.to_dict()
    _, paths = settings.resolve()
    moved = any(p.steps for p in paths.values())  # log(x) is undefined at the start x < 0
    assert (2 if moved else 1) <= len(spec["frames"]) <= figures.FRAMES


def test_each_frame_puts_every_head_where_its_path_is_at_that_step():
    settings = _settings(names=("Gradient descent", "Momentum", "Adam"), steps=400)
    surface, paths = settings.resolve()
    spec = _spec(figures.race_chart(settings, "Momentum"))
    heads_at = next(i for i, t in enumerate(spec["data"]) if t.get("name") == "now" and "text" in t)
    names = spec["data"][heads_at]["text"]
    assert list(names) == ["Gradient descent", "Momentum", "Adam"]
    for frame in spec["frames"][::7]:
        step = int(frame["name"])
        heads = frame["data"][frame["traces"].index(heads_at)]
        for name, x, y in zip(names, heads["x"], heads["y"], strict=True):
            expected = paths[name].positions[min(step, paths[name].steps)]
            np.testing.assert_allclose([x, y], expected, rtol=1e-6, atol=1e-6)
    shown = [int(f["name"]) for f in spec["frames"]]
    assert shown == list(race.frame_steps(400, figures.FRAMES))
    # The figure opens on the last frame: its moving traces hold that frame's coordinates.
    last = spec["frames"][-1]
    for index, trace in zip(last["traces"], last["data"], strict=True):
        np.testing.assert_allclose(np.asarray(spec["data"][index]["x"], float),
                                   np.asarray(trace["x"], float))  # fmt: skip


def test_the_focus_arrows_are_minus_lr_grad_and_the_step_scaled_alike():
    settings = _settings(names=("Momentum",), steps=50)
    surface, paths = settings.resolve()
    path = paths["Momentum"]
    tail, downhill, update, scale = figures.focus_arrows(surface, path, 10)
    np.testing.assert_array_equal(tail, path.positions[10])
    lr = path.records["lr"][10]
    np.testing.assert_allclose(downhill, -lr * path.records["gradient"][10] * scale)
    np.testing.assert_allclose(update, (path.positions[11] - path.positions[10]) * scale)
    width = surface.window[1] - surface.window[0]
    longest = max(np.hypot(*downhill), np.hypot(*update))
    assert longest == pytest.approx(figures.ARROW_SHARE * width)


def test_the_map_is_logged_where_f_spans_orders_of_magnitude():
    assert figures.map_grid(surfaces.SURFACES["Rosenbrock"]).logged
    assert not figures.map_grid(surfaces.bowl()).logged
    grid = figures.map_grid(surfaces.SURFACES["Rosenbrock"])
    values = np.array([0.0, 9.0, 99.0]) + grid.low
    np.testing.assert_allclose(grid.shade(values), [0.0, 1.0, 2.0])


def test_the_surface_figure_holds_every_path_at_its_height():
    settings = _settings(names=("Adam", "Newton"), steps=200)
    surface, paths = settings.resolve()
    fig = figures.surface_chart(settings)
    raw = json.dumps(fig.to_dict(), allow_nan=False)
    assert len(raw) < STATIC_LIMIT
    spec = _spec(fig)
    go.Figure(spec)
    lines = {t["name"]: t for t in spec["data"] if t["type"] == "scatter3d"}
    assert set(lines) == {"Adam", "Newton"}
    grid = figures.map_grid(surface)
    z = np.asarray(lines["Adam"]["z"])
    np.testing.assert_allclose(z[0], grid.shade(paths["Adam"].losses[0]) +
                               0.01 * (grid.cmax - grid.cmin), rtol=1e-5)  # fmt: skip


@pytest.mark.parametrize("step", [0, 7, 199])
def test_the_step_figure_draws_that_step_to_scale(step):
    settings = _settings(names=("Adam",), steps=200, tuned="Adam")
    _, paths = settings.resolve()
    path = paths["Adam"]
    fig = figures.step_chart(settings, "Adam", step)
    raw = json.dumps(fig.to_dict(), allow_nan=False)
    assert len(raw) < STATIC_LIMIT
    spec = _spec(fig)
    go.Figure(spec)
    arrow = next(t for t in spec["data"] if t.get("name") == f"step {step + 1}")
    np.testing.assert_allclose([arrow["x"][0], arrow["y"][0]], path.positions[step])
    np.testing.assert_allclose([arrow["x"][1], arrow["y"][1]], path.positions[step + 1])
    x0, x1 = spec["layout"]["xaxis"]["range"]
    assert x0 < path.positions[step + 1][0] < x1  # the close-up shows where it lands


def test_a_diverged_race_draws_what_came_before():
    settings = _settings(names=("Gradient descent",), steps=300, tuned="Gradient descent",
                         hyper=(("lr", 0.05),))  # fmt: skip
    _, paths = settings.resolve()
    assert paths["Gradient descent"].diverged_at is not None
    fig = figures.race_chart(settings, "Gradient descent")
    json.dumps(fig.to_dict(), allow_nan=False)
    go.Figure(_spec(fig))


@pytest.mark.parametrize("name", list(surfaces.SURFACES))
def test_the_click_grid_covers_the_map_at_round_points(name):
    surface = surfaces.SURFACES[name]
    step = figures.click_step(surface.window)
    width = surface.window[1] - surface.window[0]
    assert width / 40 <= step <= width / 12
    mantissa = step / 10 ** np.floor(np.log10(step))
    assert any(np.isclose(mantissa, m) for m in (1, 2, 2.5, 5))
    grid = decode_arrays(figures._click_grid(surface))
    xs, ys = np.asarray(grid["x"], float), np.asarray(grid["y"], float)
    assert xs.min() >= surface.window[0] - 1e-6 and xs.max() <= surface.window[1] + 1e-6
    assert xs.max() - xs.min() >= width - step - 1e-6  # edge to edge, within one step
    np.testing.assert_allclose(xs / step, np.round(xs / step), atol=1e-4)
    assert len(xs) <= 41 * 41 and len(xs) == len(ys)
