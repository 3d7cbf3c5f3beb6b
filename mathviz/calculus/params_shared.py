"""The function controls every one-variable calculus page shares (see
:mod:`mathviz.calculus.params`): ``fn`` picks a function of the registry (or ``typed``) and
``f`` holds the typed formula, so that a function chosen on one page is the one the next page
opens with."""

from mathviz import params
from mathviz.calculus import functions

FUNCTION = params.select(
    "fn", "Function", functions.CHOICES, functions.DEFAULT, doc="a named function, or `typed`"
)
TYPED = params.text(
    "f", "f(x) =", "x^3 - 2*sin(x)", functions.MAX_CHARS,
    doc="the typed formula (with `fn=typed`): numbers, x, + − * / ^, sin cos exp log sqrt…",
)  # fmt: skip
