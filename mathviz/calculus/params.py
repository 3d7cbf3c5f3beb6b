"""The URL state of the calculus pages (see :mod:`mathviz.params`).

The function controls are shared: ``fn`` picks a function of the registry (or ``typed``) and
``f`` holds the typed formula, on every one-variable page alike, so that a function chosen on
one page is the one the next page opens with.
"""

from mathviz import params
from mathviz.calculus import functions

FUNCTION = params.select(
    "fn", "Function", functions.CHOICES, functions.DEFAULT, doc="a named function, or `typed`"
)
TYPED = params.text(
    "f", "f(x) =", "x^3 - 2*sin(x)", functions.MAX_CHARS,
    doc="the typed formula (with `fn=typed`): numbers, x, + − * / ^, sin cos exp log sqrt…",
)  # fmt: skip

# One declaration per page, each in its own module (written by the page's author); named like
# the page's URL in capitals, as mathviz.catalog.declared_params expects.
from mathviz.calculus.params_chain_rule import CHAIN_RULE  # noqa: E402
from mathviz.calculus.params_derivatives import DERIVATIVES  # noqa: E402
from mathviz.calculus.params_gradients import GRADIENTS  # noqa: E402
from mathviz.calculus.params_integrals import INTEGRALS  # noqa: E402

__all__ = ["CHAIN_RULE", "DERIVATIVES", "FUNCTION", "GRADIENTS", "INTEGRALS", "TYPED"]
