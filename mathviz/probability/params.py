"""The URL state of the probability pages (see :mod:`mathviz.params`).

One declaration per page, each in its own module (written by the page's author), named like
the page's URL in capitals, as :func:`mathviz.catalog.declared_params` expects. The
distribution chooser ``dist`` and its parameters' keys come from the registry
(:mod:`mathviz.probability.distributions`) and mean the same on every page that shows them.
"""

from mathviz.probability.params_conditional import CONDITIONAL_PROBABILITY
from mathviz.probability.params_distributions import DISTRIBUTIONS
from mathviz.probability.params_limits import LIMIT_THEOREMS
from mathviz.probability.params_sampling import SAMPLING

__all__ = ["CONDITIONAL_PROBABILITY", "DISTRIBUTIONS", "LIMIT_THEOREMS", "SAMPLING"]
