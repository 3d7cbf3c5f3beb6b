"""The URL state of /gradients (see :mod:`mathviz.calculus.params`)."""

from mathviz import params

GRADIENTS = params.page(
    "gradients",
    params.part("Part", ("Surface and gradient", "Directional derivative", "Hessian")),
)
