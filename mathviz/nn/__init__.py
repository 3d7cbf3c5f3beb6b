"""Neural-network playground (coming: issue 15): data sets, a small numpy network, training
with the optimisers of ``mathviz.optim``, and what happens inside (2x2 weights through
``mathviz.core.matrix2``).

Planned shape: ``data.py``, ``network.py``, ``training.py``, ``figures.py``, ``text.py``,
``params.py``; tests in ``tests/nn/``.
"""
