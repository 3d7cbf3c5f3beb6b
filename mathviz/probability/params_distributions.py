"""The URL state of /distributions (see :mod:`mathviz.probability.params`).

The chooser ``dist`` and every parameter key come from the registry
(:mod:`mathviz.probability.distributions`): the same key means the same control on every
probability page. The page's own keys start with ``d``: ``dq`` (the quantile level) and
``dlim`` (the limit animated).
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.probability import distributions

EXPLORER, LIMITS = "Explorer", "Limits"
PARTS = (EXPLORER, LIMITS)

DISTRIBUTIONS = params.page(
    "distributions",
    params.part("Part", PARTS),
    distributions.choice_param(),
    *distributions.parameter_params(),
    params.slider("dq", "Quantile level q", 0.01, 0.99, 0.95, 0.01, part=EXPLORER,
                  doc="the level q of the quantile F⁻¹(q) marked and shaded"),
    params.choice("dlim", "Limit", list(distributions.LIMITS), part=LIMITS,
                  doc="the limit animated as n (or ν) grows"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED, part=LIMITS,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
