"""The URL state of /gradients (see :mod:`mathviz.calculus.params`).

The surface keys are this page's own (``surface`` and the typed ``fxy`` in x and y), not the
one-variable pages' ``fn`` and ``f``.
"""

from mathviz import params
from mathviz.calculus import surfaces

LIMIT = surfaces.SLIDER_LIMIT
PARTS = ("Surface and gradient", "Tangent plane", "Directional derivative", "Hessian")

GRADIENTS = params.page(
    "gradients",
    params.part("Part", PARTS),
    params.select(
        "surface", "Surface", surfaces.CHOICES, surfaces.DEFAULT,
        doc="a named surface f(x, y), or `typed`",
    ),
    params.text(
        "fxy", "f(x, y) =", "x^2 - x*y + sin(y)", surfaces.MAX_CHARS,
        doc="the typed surface (with `surface=typed`): numbers, x, y, + − * / ^, sin exp …",
    ),
    params.slider("px", "x₀", -LIMIT, LIMIT, 1.0, 0.05, doc="the point's x"),
    params.slider("py", "y₀", -LIMIT, LIMIT, 0.5, 0.05, doc="the point's y"),
    params.slider(
        "theta", "Direction θ of u (degrees)", 0, 359, 30, part="Directional derivative",
        doc="the direction of the unit vector u",
    ),
)  # fmt: skip
