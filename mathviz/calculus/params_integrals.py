"""The URL state of /integrals (see :mod:`mathviz.calculus.params`)."""

from mathviz import params

INTEGRALS = params.page(
    "integrals",
    params.part("Part", ("Riemann sums", "Error and order", "Fundamental theorem")),
)
