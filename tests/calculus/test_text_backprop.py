"""The chain-rule page's formulas: the numbers written are the sweep's, rounded by the rule."""

from mathviz.calculus import backprop, text_backprop
from mathviz.core.numbers import tex


def test_the_chain_formula_multiplies_the_three_factors():
    s = backprop.sweep(0.5, 0.2, 1.5, 1.0)
    latex = text_backprop.chain_latex(s, "w")
    last = latex.split(r"\\")[-1]
    assert tex(s.grads["a"]) in last and tex(s.local[("z", "a")]) in last
    assert last.removesuffix(r"\end{aligned}").endswith(tex(s.grads["w"]))
    assert latex.count(r"\\") == 1 and text_backprop.chain_latex(s, "w", True).count(r"\\") == 2


def test_negative_factors_are_bracketed():
    s = backprop.sweep(0.5, 0.2, 1.5, 1.0)  # ∂L/∂a < 0
    assert f"({tex(s.grads['a'])})" in text_backprop.chain_latex(s, "b")


def test_the_check_table_has_a_row_per_input_and_fewer_digits_when_narrow():
    checks = backprop.checks(0.5, 0.2, 1.5, 1.0)
    wide, narrow = text_backprop.check_latex(checks), text_backprop.check_latex(checks, True)
    for latex in (wide, narrow):
        assert latex.count(r"\partial L/\partial") == 4
    assert tex(checks[0].backprop, 6) in wide and tex(checks[0].backprop, 5) in narrow
    assert r"\text{central diff.}" in wide and r"\footnotesize" in narrow


def test_the_step_formula_and_losses():
    step = backprop.gradient_step(0.5, 0.2, 1.5, 1.0, 3.0)
    assert tex(step.after[0]) in text_backprop.step_latex(step)
    assert tex(step.loss_after) in text_backprop.loss_latex(step)
    assert tex(step.grad[1]) in text_backprop.gradient_latex(step)
