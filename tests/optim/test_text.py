"""The words of /gradient-descent: rules with the current numbers, the step's table from the
path's own record, and notes that say what happened (divergence, an undefined start)."""

import numpy as np
import pytest

from mathviz.core.numbers import text as fmt
from mathviz.optim import race, surfaces
from mathviz.optim import text as words
from mathviz.optim.optimizers import OPTIMIZERS, run


@pytest.mark.parametrize("name", race.NAMES)
def test_every_rule_names_its_rate_and_hyper_parameters(name):
    hyper = OPTIMIZERS[name].hyper()
    lines = words.rule_latex(name, hyper)
    joined = " ".join(lines)
    assert r"\gamma = " in joined and "nan" not in joined.lower()
    if "betas" in hyper:
        assert r"\beta_1 = 0.9" in joined and r"\beta_2 = 0.999" in joined
    if name == "AdamW":
        assert r"\lambda = 0.01" in joined and "decay first" in joined


def test_coupled_weight_decay_changes_the_gradient_line_but_not_adamw():
    assert words.rule_latex("Adam", OPTIMIZERS["Adam"].hyper(weight_decay=0.1))[0] == (
        words.COUPLED_DECAY)  # fmt: skip
    assert words.rule_latex("AdamW", OPTIMIZERS["AdamW"].hyper())[0] == words.PLAIN_GRADIENT


def test_the_step_table_is_the_path_record():
    surface = surfaces.SURFACES["Rosenbrock"]
    path = run(surface, OPTIMIZERS["Adam"], (-1.0, 1.0), 10, lr=0.05)
    table = words.step_table(path, 3)
    grad = path.records["gradient"][2]
    assert f"| gₜ = ∇f(θₜ₋₁) | {fmt(grad[0], 6)} | {fmt(grad[1], 6)} |" in table
    m_hat = path.records["m_hat"][2]
    assert f"{fmt(m_hat[0], 6)} | {fmt(m_hat[1], 6)}" in table
    assert f"| θₜ (after) | {fmt(path.positions[3][0], 6)}" in table
    assert words.step_table(path, 11) == "" and words.step_table(path, 0) == ""
    notes = " ".join(n.text for n in words.step_notes("Adam", path, 1))
    assert f"multiplies m by {fmt(1 / (1 - 0.9), 3)}" in notes  # 1 / (1 − β₁) at t = 1


def test_notes_say_diverged_at_which_step_and_when_the_start_is_undefined():
    surface = surfaces.SURFACES["Rosenbrock"]
    blown = run(surface, OPTIMIZERS["Gradient descent"], surface.start, 100, lr=0.05)
    note = words.path_note(surface, "Gradient descent", blown)
    assert note.level == "warning" and f"diverged at step {blown.diverged_at}" in note.text
    typed = surfaces.read("log(x) + y^2")
    undefined = run(typed, OPTIMIZERS["Adam"], (-1.0, 0.0), 10)
    assert "not defined at the start" in words.path_note(typed, "Adam", undefined).text
    good = run(surface, OPTIMIZERS["Newton"], (0.5, 0.5), 50)
    text = words.path_note(surface, "Newton", good).text
    assert "within 10⁻³ of a minimum from step" in text


def test_step_latex_adds_the_update_to_theta():
    path = run(surfaces.bowl(), OPTIMIZERS["Newton"], (2.0, -1.0), 3)
    lines = words.step_latex("Newton", path, 1, OPTIMIZERS["Newton"].hyper())
    assert lines[0].startswith("t = 1") and r"H(\theta_{t-1})" in lines[1]
    assert np.allclose(path.positions[1], 0.0)
    assert words.step_latex("Newton", path, 4, {}) == []
