"""Probability & sampling (coming: issue 13): distributions as a registry shared with
statistics, the law of large numbers, the central limit theorem, sampling. Covariances use
``mathviz.core.matrix2``.

Planned shape: ``distributions.py`` (shared with ``mathviz.stats``), lessons' maths modules,
``figures.py``, ``text.py``, ``params.py``; tests in ``tests/probability/``.
"""
