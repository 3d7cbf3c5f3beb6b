"""The URL state of /integrals (see :mod:`mathviz.calculus.params`).

Imported through :mod:`mathviz.calculus.params`, which declares the shared ``fn`` and ``f``
first.
"""

from mathviz import params
from mathviz.calculus.params_shared import FUNCTION, TYPED
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

RIEMANN, ORDER, FTC = "Riemann sums", "Error and order", "Fundamental theorem"
RULES = ("left", "right", "midpoint", "trapezoid", "Simpson")

INTEGRALS = params.page(
    "integrals",
    params.part("Part", (RIEMANN, ORDER, FTC)),
    FUNCTION,
    TYPED,
    params.slider("int_a", "a", -8.0, 8.0, 0.0, 0.1, doc="the interval's left end a"),
    params.slider("int_b", "b", -8.0, 8.0, 2.0, 0.1, doc="the interval's right end b"),
    params.slider(
        "int_n", "n pieces", 1, 200, 6, 1, part=RIEMANN,
        doc="the number of pieces (Simpson uses n + 1 when n is odd)",
    ),
    params.select(
        "rule", "Rule", RULES, "midpoint", part=RIEMANN, doc="where each piece's height is taken"
    ),
    params.slider(
        "int_x", "x", -8.0, 8.0, 1.0, 0.01, part=FTC,
        doc="where A(x) and its slope are read (inside [a, b])",
    ),
    params.choice(
        "speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
        doc="how fast ▶ Play runs: `1×` is slow enough to talk over",
    ),
)  # fmt: skip
