"""Trigonometry (the ``/trigonometry`` page): what is where.

Maths (numpy only), one module per lesson:

- :mod:`.circle`: angle units, the unit circle, tan and its asymptotes, the full-turn sweep;
- :mod:`.waves`: y = A sin(ωx + φ) + c, the sum of two waves and its envelope;
- :mod:`.fourier`: periodic shapes, their Fourier coefficients, partial sums, Gibbs'
  overshoot, epicycles;
- :mod:`.encoding`: the sinusoidal positional encodings of Transformers.

Figures (plotly), one module per lesson: :mod:`.figures_circle`, :mod:`.figures_waves`,
:mod:`.figures_fourier`, :mod:`.figures_encoding`, with the trace helpers they share (and
the Algebra figures use) in :mod:`.traces`.

Words: :mod:`.text` (formulas with the numbers in, read-outs, notes). URL state:
:mod:`.params` (``TRIGONOMETRY``).
"""
