"""The functions of two variables of /gradients: a registry of named surfaces, and the learner's.

Every surface is text read by the one safe parser (:mod:`mathviz.core.expressions`) with the
variables ``x`` and ``y``, exactly like a typed one. An entry also names a window that shows
it well and its critical points with what they are (the tests check the Hessian's verdict
against these).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mathviz.core import expressions
from mathviz.core.expressions import Expression, ExpressionError

VARIABLES = ("x", "y")
TYPED = "typed"  # the choice of a surface the learner types
MAX_CHARS = expressions.MAX_LENGTH
TYPED_WINDOW = (-3.0, 3.0, -3.0, 3.0)
SLIDER_LIMIT = 3.0  # the point's sliders: the widest window


@dataclass(frozen=True)
class Surface:
    """One surface z = f(x, y) of the registry.

    Attributes
    ----------
    text : the formula in x and y, as typed.
    about : one sentence on why it is here.
    window : (x low, x high, y low, y high) that shows it well (inside ±SLIDER_LIMIT).
    critical : ((x, y, kind), ...) its critical points in the window, kind one of
        ``minimum``, ``maximum``, ``saddle``, ``silent`` (the second-derivative test says
        nothing: a zero eigenvalue).
    """

    text: str
    about: str
    window: tuple[float, float, float, float] = (-2.0, 2.0, -2.0, 2.0)
    critical: tuple[tuple[float, float, str], ...] = ()

    @property
    def expression(self) -> Expression:
        return _parsed(self.text)


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "x^2 + y^2", "A round bowl: the gradient points straight away from the bottom.",
        critical=((0.0, 0.0, "minimum"),),
    ),
    "saddle": Surface(
        "x^2 - y^2", "Up along x, down along y: a mountain pass.",
        critical=((0.0, 0.0, "saddle"),),
    ),
    "valley": Surface(
        "(x + y)^2/4 + 2*(x - y)^2",
        "A long tilted valley: steep across it, gentle along it (the Hessian's eigenvalues 8 "
        "and 1).",
        critical=((0.0, 0.0, "minimum"),),
    ),
    "waves": Surface(
        "sin(x)*cos(y)", "Hills, pits and passes in a row.", (-3.0, 3.0, -3.0, 3.0),
        critical=(
            (1.5707963267948966, 0.0, "maximum"),
            (-1.5707963267948966, 0.0, "minimum"),
            (0.0, 1.5707963267948966, "saddle"),
        ),
    ),
    "hill": Surface(
        "exp(-(x^2 + y^2)/2)", "One round hill: the gradient points to its top.",
        (-3.0, 3.0, -3.0, 3.0), critical=((0.0, 0.0, "maximum"),),
    ),
    "Rosenbrock": Surface(
        "(1 - x)^2 + 5*(y - x^2)^2",
        "A curved, flat-bottomed valley: a classic test for optimisers (its minimum is at "
        "(1, 1)).",
        (-2.0, 2.0, -1.0, 3.0), critical=((1.0, 1.0, "minimum"),),
    ),
    "monkey saddle": Surface(
        "x^3 - 3*x*y^2",
        "Three ways down (and a place for a monkey's tail): at 0 the Hessian is zero and the "
        "test is silent.",
        critical=((0.0, 0.0, "silent"),),
    ),
    "plane": Surface("x/2 + y", "A tilted plane: the same gradient everywhere, no bending."),
}  # fmt: skip

DEFAULT = "waves"
CHOICES: tuple[str, ...] = (*SURFACES, TYPED)


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> Expression:
    return expressions.parse(text, VARIABLES)


def read(text: str) -> Expression:
    """A typed f(x, y) as a tree; ``ValueError`` with the column on a bad text."""
    try:
        return _parsed(text)
    except ExpressionError as error:
        raise ValueError(str(error)) from None


def chosen(name: str, typed: Expression) -> tuple[Expression, Surface | None]:
    """The surface a page shows: the registry's entry ``name``, or the typed one."""
    entry = SURFACES.get(name)
    return (entry.expression, entry) if entry else (typed, None)


def window_of(entry: Surface | None) -> tuple[float, float, float, float]:
    """The window shown: the entry's, else the typed window."""
    return entry.window if entry else TYPED_WINDOW
