"""The URL state of /derivatives (see :mod:`mathviz.calculus.params`)."""

from mathviz import params
from mathviz.calculus.params_shared import FUNCTION, TYPED
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

SECANT, THREE_WAYS, TAYLOR = "Secant to tangent", "Three ways to differentiate", "Taylor series"

SPEED = params.choice(
    "speed",
    "Play speed",
    list(SPEEDS),
    DEFAULT_SPEED,
    doc="how fast ▶ Play runs: `1×` is slow enough to talk over",
)

DERIVATIVES = params.page(
    "derivatives",
    params.part("Part", (SECANT, THREE_WAYS, TAYLOR)),
    FUNCTION,
    TYPED,
    params.slider(
        "x0", "x₀", -6.0, 6.0, 1.0, 0.05, doc="the point of the tangent (secant, three ways)"
    ),
    params.slider(
        "logh",
        "log₁₀ h",
        -16.0,
        0.0,
        -5.0,
        0.5,
        part=THREE_WAYS,
        doc="the step of the finite differences, as a power of ten",
    ),  # fmt: skip
    params.slider("ta", "a (centre)", -5.0, 5.0, 0.0, 0.05, part=TAYLOR, doc="the Taylor centre a"),
    params.slider("tdeg", "Degree n", 0, 20, 3, 1, part=TAYLOR, doc="the degree shown first"),
    SPEED,
)
