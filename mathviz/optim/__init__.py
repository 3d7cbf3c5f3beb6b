"""Optimisation: what the gradient-descent page (issue 12) and the neural-network page run.

- ``surfaces``: loss surfaces as a registry (the quadratic bowl with its curvatures and turn,
  Rosenbrock, Himmelblau, a saddle, Beale, a plateau, Rastrigin) and a typed f(x, y) through
  the shared parser; value, gradient and Hessian of each, and its known minima.
- ``optimizers``: gradient descent, momentum, Nesterov, AdaGrad, RMSProp, Adam, AdamW (the
  update rules of ``torch.optim``, under its hyper-parameter names) and Newton's method;
  ``run`` records a path and stops where it blows up, ``path`` is the page-free entry point.
- ``schedules``: constant, step, exponential and cosine learning rates, with a warm-up.
- ``theory``: the quadratic bowl's stable, best and momentum steps and rates, and the rate a
  path shows.
- ``race``, ``figures``, ``text``, ``params``: the page's race (suggested rates, cached paths, the
  animation's steps), its pictures, words and URL state; ``stochastic`` and
  ``figures_stochastic``: mini-batch SGD on a line fit; ``rates`` and ``figures_theory``: the
  bowl's rates of GD and the heavy ball, the phase diagram.
"""
