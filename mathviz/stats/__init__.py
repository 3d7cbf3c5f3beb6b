"""Statistics (coming: issue 14): describing data, estimation and likelihood, intervals and
tests; the distributions come from ``mathviz.probability``.

Planned shape: lessons' maths modules, ``figures.py``, ``text.py``, ``params.py``; tests in
``tests/stats/``.
"""
