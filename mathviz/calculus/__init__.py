"""Calculus: derivatives, Taylor series, integrals, gradients, the Hessian and the chain rule,
on functions from a registry or typed by the learner (read by the shared safe parser,
:mod:`mathviz.core.expressions`, which gradient descent will reuse).

- :mod:`.functions`: the one-variable registry (with kinks, jumps and complex singularities)
  and the reader of typed formulas; :mod:`.surfaces`: the two-variable one;
- /derivatives: :mod:`.derivative` (secants, kinks and jumps, three ways to differentiate,
  finite-difference errors), :mod:`.taylor`; figures and words in ``figures_*``/``text_*``;
- /integrals: :mod:`.integral` (five rules against quad, orders, A(x));
- /gradients: :mod:`.gradient` (gradient, level curves, directional derivative, Hessian);
- /chain-rule: :mod:`.backprop` (a neuron's computational graph, forward and backward);
- ``params*.py``: each page's URL state, the shared ``fn``/``f`` in ``params_shared``.
"""
