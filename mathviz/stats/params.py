"""The URL state of the statistics pages (see :mod:`mathviz.params`): one declaration per
page, named like the page's URL in capitals, as :func:`mathviz.catalog.declared_params`
expects."""

from mathviz.stats.params_regression import REGRESSION
from mathviz.stats.params_statistics import STATISTICS
from mathviz.stats.params_testing import HYPOTHESIS_TESTING

__all__ = ["HYPOTHESIS_TESTING", "REGRESSION", "STATISTICS"]
