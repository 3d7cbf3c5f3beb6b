"""The URL state of /hypothesis-testing (see :mod:`mathviz.stats.params`).

Keys start with ``ht_``; ``seed`` and ``speed`` mean the same as on every page.
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.stats import testing

ONE_TEST, MANY = "One test", "Many studies"
PARTS = (ONE_TEST, MANY)
ALPHAS = ("0.01", "0.05", "0.1")

HYPOTHESIS_TESTING = params.page(
    "hypothesis-testing",
    params.part("Part", PARTS),
    params.choice("ht_kind", "Test", testing.KINDS,
                  doc="a one-sample t-test (H₀: μ = 0) or a two-sample one (H₀: equal means)"),
    params.choice("ht_side", "Alternative", testing.SIDES,
                  doc="two-sided, or one-sided towards a positive effect"),
    params.slider("ht_d", "True effect d", 0.0, 2.0, 0.5, 0.05,
                  doc="the true mean difference in standard deviations (Cohen's d); 0: H₀ true"),
    params.slider("ht_n", "Sample size n", 2, testing.MAX_N, 20, 1,
                  doc="the size of the sample (of each group for two samples)"),
    params.choice("ht_alpha", "Level α", ALPHAS, "0.05",
                  doc="the type I error rate: H₀ is rejected when p < α"),
    params.slider("ht_real", "Studies with a real effect", 0.0, 1.0, 0.2, 0.05, part=MANY,
                  doc="the share of the simulated studies whose effect is d (the rest: none)"),
    params.number("ht_m", "Studies m", 10, testing.MAX_STUDIES, 1000, 10, part=MANY,
                  doc="how many studies are simulated"),
    params.number("seed", "Seed", 0, 9999, 0, 1, doc="the seed of the samples"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED, part=MANY,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
