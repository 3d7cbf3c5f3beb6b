"""/gradient-descent: every part and surface runs cleanly, a link reproduces the race, the
numbers shown are the optimisers', and divergence, bad typed text and an undefined start are
said in words."""

import json

import numpy as np
import pytest

from mathviz.core.numbers import text as fmt
from mathviz.optim import race, stochastic, surfaces
from mathviz.optim.optimizers import OPTIMIZERS, run
from mathviz.optim.params import GRADIENT_DESCENT as P
from mathviz.optim.params import PARTS, RACE, STEP, STOCHASTIC
from tests.harness.apptest import (
    assert_clean,
    assert_view_has_the_skeleton,
    decode_arrays,
    figure_specs,
    monkey_view,
    run_page,
)

PAGE = "pages/gradient-descent.py"
TITLE = "Gradient descent & optimisers"


def _figure(at, index=0) -> dict:
    return decode_arrays(json.loads(figure_specs(at)[index]))


@pytest.mark.parametrize("part", PARTS)
def test_every_part_runs_cleanly_with_the_skeleton(part):
    assert_view_has_the_skeleton(PAGE, {"part": part}, TITLE)


@pytest.mark.parametrize("name", [*surfaces.SURFACES, surfaces.TYPED])
def test_every_surface_races_cleanly(name):
    at = run_page(PAGE, {"loss": name, "opts": list(race.NAMES)})
    assert_clean(at, name)
    assert len(figure_specs(at)) == 1


def test_a_link_reproduces_the_race():
    query = {"loss": surfaces.BOWL, "l1": "2", "l2": "20", "turn": "45", "opts": ["Adam", "Newton"],
             "steps": "200", "sx": "1.5", "sy": "-2", "tune": "Adam", "loglr": "-1.5"}  # fmt: skip
    at = run_page(PAGE, query)
    assert_clean(at)
    surface = surfaces.bowl(2.0, 20.0, 45.0)
    adam = run(surface, OPTIMIZERS["Adam"], (1.5, -2.0), 200, lr=10**-1.5)
    newton = run(surface, OPTIMIZERS["Newton"], (1.5, -2.0), 200)
    fig = _figure(at)
    heads = next(t for t in fig["data"] if t.get("name") == "now" and "text" in t)
    assert list(heads["text"]) == ["Adam", "Newton"]
    np.testing.assert_allclose(np.c_[heads["x"], heads["y"]][0], adam.positions[-1], atol=1e-6)
    np.testing.assert_allclose(np.c_[heads["x"], heads["y"]][1], newton.positions[-1], atol=1e-6)
    shown = " ".join(n.value for n in at.info)
    gap = race.loss_gap(surface, adam)[-1]
    assert f"**Adam**: f − f* = {fmt(float(gap), 3)} after 200 steps" in shown


def test_the_learning_rate_starts_at_the_suggested_one_and_follows_the_tuned_optimiser():
    at = run_page(PAGE, {})
    suggested = race.SUGGESTED_LR["Rosenbrock"]["Momentum"]
    assert at.slider(key="loglr").value == round(np.log10(suggested), 2)
    assert any(rf"\gamma = {fmt(suggested, 3)}" in f.value for f in at.latex)
    at.slider(key="loglr").set_value(-3.0).run()
    at.selectbox(key="tune").set_value("Adam").run()  # a new optimiser: its own rate again
    assert at.slider(key="loglr").value == round(
        np.log10(race.SUGGESTED_LR["Rosenbrock"]["Adam"]), 2
    )
    at.selectbox(key="loss").set_value("Himmelblau").run()
    start = surfaces.SURFACES["Himmelblau"].start
    assert (at.number_input(key="sx").value, at.number_input(key="sy").value) == start
    assert_clean(at)


def test_a_rate_too_large_says_where_it_diverged_and_draws_no_nan():
    at = run_page(PAGE, {"tune": "Gradient descent", "loglr": "0"})
    assert_clean(at)
    surface = surfaces.SURFACES["Rosenbrock"]
    blown = run(surface, OPTIMIZERS["Gradient descent"], surface.start, 1000, lr=1.0)
    warnings = " ".join(w.value for w in at.warning)
    assert f"**Gradient descent** diverged at step {blown.diverged_at}" in warnings
    json.loads(figure_specs(at)[0], parse_constant=lambda c: pytest.fail(f"{c} in the chart"))


def test_bad_typed_text_keeps_the_last_good_surface_and_an_undefined_start_is_explained():
    at = run_page(PAGE, {"loss": "typed", "fxy": "x^2 + (y"})
    assert at.error and "Showing" in at.error[0].value
    assert len(figure_specs(at)) == 1
    at = run_page(PAGE, {"loss": "typed", "fxy": "log(x) + y^2", "sx": "-1", "sy": "0"})
    assert "not defined at the start" in " ".join(w.value for w in at.warning)
    assert not at.exception


def test_the_step_table_shows_the_optimisers_own_arithmetic():
    query = {"part": STEP, "tune": "RMSProp", "k": "4", "mom": "0.5", "steps": "50"}
    at = run_page(PAGE, query)
    assert_clean(at)
    surface = surfaces.SURFACES["Rosenbrock"]
    path = run(surface, OPTIMIZERS["RMSProp"], surface.start, 50,
               lr=race.SUGGESTED_LR["Rosenbrock"]["RMSProp"], momentum=0.5)  # fmt: skip
    table = next(m.value for m in at.markdown if m.value.startswith("| quantity"))
    v = path.records["square_avg"][3]
    assert f"| vₜ (running mean of g²) | {fmt(v[0], 6)} | {fmt(v[1], 6)} |" in table
    b = path.records["momentum_buffer"][3]
    assert f"| bₜ (momentum buffer) | {fmt(b[0], 6)} | {fmt(b[1], 6)} |" in table
    assert f"{fmt(path.positions[4][0], 6)} | {fmt(path.positions[4][1], 6)}" in table


def test_stochastic_gradients_full_batch_and_divergence():
    at = run_page(PAGE, {"part": STOCHASTIC, "npts": "50", "batch": "50"})
    assert_clean(at)
    assert "the two paths are one" in " ".join(i.value for i in at.info)
    at = run_page(PAGE, {"part": STOCHASTIC, "sgdlr": "0.5"})
    warned = " ".join(w.value for w in at.warning)
    data = stochastic.regression_data(100, 0)
    assert "diverged at step" in warned and "2/λmax" in warned
    assert stochastic.sgd_paths(data, 100, 10**0.5, 300).full_batch.diverged_at is not None


@pytest.mark.parametrize("part", PARTS)
def test_every_control_of_every_part_to_its_ends(part):
    monkey_view(PAGE, {"part": part}, seed=12)


def test_every_key_is_declared_and_reached():
    from tests.harness.apptest import reached_keys

    views = [{"part": p} for p in PARTS] + [
        {"loss": surfaces.BOWL},
        {"loss": "typed"},
        *({"tune": name} for name in race.NAMES),
    ]
    assert reached_keys(PAGE, views) == {p.key for p in P.params}
    assert PARTS[0] == RACE


@pytest.mark.parametrize(("l1", "l2"), [(1.0, 4.0), (0.5, 30.0), (10.0, 0.1)])
def test_the_theory_marks_2_over_lambda_max_on_the_learning_rate_slider(l1, l2):
    """The bowl's eigenvalues are its curvatures whatever its turn: the mark sits at
    log₁₀(2/max(λ₁, λ₂)) on the log₁₀ γ slider's range."""
    at = run_page(PAGE, {"part": "Theory on the bowl", "l1": str(l1), "l2": str(l2), "turn": "40"})
    assert_clean(at)
    tlr = P["tlr"]
    share = (np.log10(2 / max(l1, l2)) - tlr.low) / (tlr.high - tlr.low)
    marks = [h.proto.body for h in at.get("html") if ".st-key-tlr " in h.proto.body]
    assert len(marks) == 1
    assert f"left: {100 * share:.4f}%" in marks[0]
