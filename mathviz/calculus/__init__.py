"""Calculus (coming: issue 11): derivatives, Taylor series, integrals, gradients and the chain
rule, on functions a learner types. The typed functions are parsed by the shared expression parser
(``mathviz.core.expressions``, coming with it), which gradient descent reuses.

Planned shape: maths modules by lesson (``derivative.py``, ``taylor.py``, ``integral.py``,
``gradient.py``), ``figures.py``, ``text.py``, ``params.py``; tests in ``tests/calculus/``.
"""
