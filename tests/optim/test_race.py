"""The race's settings and paths: suggested rates that make progress, paths equal to a direct
run, tuning that reaches only the tuned optimiser, the schedules and the animation's steps."""

import math
import warnings

import numpy as np
import pytest

from mathviz.optim import race, schedules, surfaces
from mathviz.optim.optimizers import OPTIMIZERS, run

FIRST_ORDER = [n for n in race.NAMES if n != "Newton"]


@pytest.mark.parametrize("surface_name", list(surfaces.SURFACES))
def test_every_suggested_rate_stays_on_the_surface_and_does_not_climb(surface_name):
    surface = surfaces.SURFACES[surface_name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        paths = race.race(surface, FIRST_ORDER, surface.start, 1000)
    for name, path in paths.items():
        assert path.diverged_at is None, (surface_name, name)
        assert path.losses[-1] <= path.losses[0] + 1e-12, (surface_name, name)


def test_the_typed_surface_takes_the_typed_table():
    typed = surfaces.read("(x - 1)^2 + 2*(y + 0.5)^2")
    for name in race.NAMES:
        assert race.suggested_lr(typed, name) == race.SUGGESTED_LR[surfaces.TYPED][name]
    paths = race.race(typed, FIRST_ORDER, (-1.0, 1.0), 2000)
    for name, path in paths.items():  # a convex bowl: every one gets close to (1, -0.5)
        assert np.linalg.norm(path.positions[-1] - [1.0, -0.5]) < 0.05, name


def test_a_race_path_is_the_direct_run_and_tuning_reaches_only_the_tuned():
    surface = surfaces.SURFACES["Rosenbrock"]
    tuned = ("Adam", {"lr": 0.02, "betas": (0.8, 0.99), "momentum": 0.5})  # momentum: not Adam's
    paths = race.race(surface, ["Adam", "Momentum"], (-1.0, 1.5), 300, tuned=tuned)
    direct = run(surface, OPTIMIZERS["Adam"], (-1.0, 1.5), 300, lr=0.02, betas=(0.8, 0.99))
    np.testing.assert_array_equal(paths["Adam"].positions, direct.positions)
    untouched = run(surface, OPTIMIZERS["Momentum"], (-1.0, 1.5), 300,
                    lr=race.SUGGESTED_LR["Rosenbrock"]["Momentum"])  # fmt: skip
    np.testing.assert_array_equal(paths["Momentum"].positions, untouched.positions)
    assert list(paths) == ["Momentum", "Adam"]  # registry order, whatever the order asked


def test_paths_are_remembered_by_their_settings():
    surface = surfaces.bowl(1.0, 20.0, 10.0)
    first = race.race(surface, ["Nesterov"], (1.0, 1.0), 500)["Nesterov"]
    again = race.race(surfaces.bowl(1.0, 20.0, 10.0), ["Nesterov"], (1.0, 1.0), 500)["Nesterov"]
    assert again is first
    other = race.race(surface, ["Nesterov"], (1.0, 1.01), 500)["Nesterov"]
    assert other is not first


def test_settings_resolve_the_page_surface_and_its_paths():
    settings = race.Settings((surfaces.BOWL, "", 2.0, 8.0, 45.0), ("Gradient descent",),
                             (1.0, -1.0), 50, "cosine", 5, "Gradient descent",
                             (("lr", 0.1),))  # fmt: skip
    surface, paths = settings.resolve()
    np.testing.assert_allclose(surface.hessian(0.0, 0.0), surfaces.bowl_matrix(2.0, 8.0, 45.0))
    rates = schedules.rates(race.schedule_for("cosine", 50, 5), 0.1, 50)
    np.testing.assert_allclose(paths["Gradient descent"].records["lr"], rates)


def test_schedules_of_the_page():
    lr, steps = 0.1, 400
    step = schedules.rates(race.schedule_for("step", steps), lr, steps)
    assert step[0] == lr and step[99] == lr and step[100] == lr / 2 and step[-1] == lr / 8
    expo = schedules.rates(race.schedule_for("exponential", steps), lr, steps)
    assert expo[-1] == pytest.approx(lr * 0.01 ** (399 / 400))
    cos = schedules.rates(race.schedule_for("cosine", steps), lr, steps)
    assert cos[0] == lr and cos[200] == pytest.approx(lr / 2) and cos[-1] < 1e-4 * lr
    warm = schedules.rates(race.schedule_for("constant", steps, warmup=10), lr, steps)
    assert warm[0] == pytest.approx(0.1 * lr) and warm[10] == lr
    assert np.all(np.diff(warm[:11]) > 0)
    huge = race.schedule_for("constant", 5, warmup=50)  # longer than the run: cut to fit
    assert huge.warmup == 4


@pytest.mark.parametrize("steps", [0, 5, 89, 90, 1000, 2000])
def test_frame_steps_start_dense_include_both_ends_and_stay_few(steps):
    shown = race.frame_steps(steps, 90)
    assert shown[0] == 0 and shown[-1] == steps
    assert len(shown) <= 90 and np.all(np.diff(shown) > 0)
    if steps >= 90:
        np.testing.assert_array_equal(shown[:22], np.arange(22))


def test_loss_gap_and_distance_against_direct_computation():
    surface = surfaces.SURFACES["Himmelblau"]
    path = race.race(surface, ["Adam"], (0.0, 0.0), 400)["Adam"]
    minima = np.asarray(surface.minima)
    dist = np.min(np.linalg.norm(path.positions[:, None, :] - minima[None], axis=2), axis=1)
    np.testing.assert_allclose(race.distance_to_minimum(surface, path), dist)
    gap = race.loss_gap(surface, path)
    assert np.all(gap >= 0) and gap[-1] < 1e-8 < gap[0]
    typed = surfaces.read("x^2 + y^2")
    assert race.loss_gap(typed, race.race(typed, ["Adam"], (1, 1), 5)["Adam"]) is None


def test_a_stateless_optimiser_that_stops_moving_fills_the_rest_of_its_path():
    bowl = surfaces.bowl(1.0, 10.0, 30.0)
    newton = run(bowl, OPTIMIZERS["Newton"], (2.0, -1.0), 1000)
    assert newton.steps == 1000 and np.all(np.abs(newton.positions[1:]) < 1e-14)
    flat = run(bowl, OPTIMIZERS["Gradient descent"], (0.0, 0.0), 30, lr=0.1)
    assert flat.steps == 30 and np.all(flat.positions == 0) and len(flat.records["update"]) == 30
    # With a schedule the step changes, so nothing is filled: the same path either way.
    sched = run(bowl, OPTIMIZERS["Newton"], (2.0, -1.0), 20, race.schedule_for("cosine", 20))
    assert sched.steps == 20 and math.isfinite(sched.losses[-1])
