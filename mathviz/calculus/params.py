"""The URL state of the calculus pages (see :mod:`mathviz.params`).

The function controls ``fn`` and ``f`` are shared by the one-variable pages
(:mod:`mathviz.calculus.params_shared`).
"""

# One declaration per page, each in its own module (written by the page's author); named like
# the page's URL in capitals, as mathviz.catalog.declared_params expects.
from mathviz.calculus.params_chain_rule import CHAIN_RULE
from mathviz.calculus.params_derivatives import DERIVATIVES
from mathviz.calculus.params_gradients import GRADIENTS
from mathviz.calculus.params_integrals import INTEGRALS
from mathviz.calculus.params_shared import FUNCTION, TYPED

__all__ = ["CHAIN_RULE", "DERIVATIVES", "FUNCTION", "GRADIENTS", "INTEGRALS", "TYPED"]
