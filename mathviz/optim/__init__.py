"""Optimisation (coming: issue 12): loss surfaces and optimisers as registries
(``SURFACES``, ``OPTIMIZERS``), runs of a path, learning-rate schedules. The neural-network page
reuses the optimiser registry; Hessians use ``mathviz.core.matrix2``.

Planned shape: ``surfaces.py``, ``optimizers.py``, ``schedules.py``, ``figures.py``, ``text.py``,
``params.py``; tests in ``tests/optim/``.
"""
