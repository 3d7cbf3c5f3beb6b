"""Algebra (the ``/algebra`` page): what is where.

Maths (numpy/scipy only), one module per lesson:

- :mod:`.functions`: intervals and domains, sampling inside a domain, the parent functions
  and their transformations g(x) = a·f(b(x - h)) + k;
- :mod:`.polynomials`: values, every complex root, which are real, a window showing them;
- :mod:`.explog`: bˣ and log_b x as mirror images, products as sums on a log scale;
- :mod:`.classification`: softmax, the sigmoid inside it, the log-loss.

Figures (plotly): :mod:`.figures` (with the trace helpers of :mod:`mathviz.trig.traces`).
Words: :mod:`.text` (formulas with the numbers in, captions, notes). URL state:
:mod:`.params` (``ALGEBRA``).
"""
