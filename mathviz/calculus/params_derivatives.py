"""The URL state of /derivatives (see :mod:`mathviz.calculus.params`)."""

from mathviz import params

DERIVATIVES = params.page(
    "derivatives",
    params.part("Part", ("Secant to tangent", "Three ways to differentiate", "Taylor series")),
)
