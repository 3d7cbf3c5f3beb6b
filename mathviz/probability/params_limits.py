"""The URL state of /limit-theorems (see :mod:`mathviz.probability.params`).

The source distribution (``dist``) and its parameters' keys are the registry's
(:mod:`mathviz.probability.distributions`), shared with the other probability pages; here
they are shown by the law of large numbers and the central limit theorem, whose page parts
README names beside them. ``seed`` and ``speed`` serve every part.
"""

from dataclasses import replace

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.probability import clt, distributions, sampling

COINS, LLN, CLT = "Coins & dice", "Law of large numbers", "Central limit theorem"
PARTS = (COINS, LLN, CLT)
SOURCE_PARTS = f"{LLN}, {CLT}"
DEFAULT_SOURCE = "Exponential"

LIMIT_THEOREMS = params.page(
    "limit-theorems",
    params.part("Part", PARTS),
    params.choice("coin_kind", "Throw", sampling.KINDS, sampling.COIN, part=COINS,
                  doc="a coin (with its chance of heads) or a fair six-sided die"),
    params.slider("coin_p", "Chance of heads p", 0.0, 1.0, 0.5, 0.01, part=COINS,
                  doc="the coin's P(heads) (with the coin)"),
    params.slider("coin_n", "Flips or rolls", 1, sampling.MAX_FLIPS, 100, 1, part=COINS,
                  doc="how many times the coin is flipped or the die rolled"),
    replace(distributions.choice_param(DEFAULT_SOURCE), part=SOURCE_PARTS),
    *(replace(p, part=SOURCE_PARTS) for p in distributions.parameter_params()),
    params.number("lln_n", "Draws n", 1, sampling.MAX_DRAWS, 100_000, 1000, part=LLN,
                  doc="how many values are drawn (up to 10⁶; the histogram is binned on the "
                      "server)"),
    params.toggle("lln_cauchy", "Beside a Cauchy", True, part=LLN,
                  doc="draw a standard Cauchy's running mean (same n and seed) under the "
                      "chosen one's: the counter-example"),
    params.slider("clt_n", "Sample size n", 1, clt.MAX_N, 100, 1, part=CLT,
                  doc="draws averaged in each sample mean (the animation grows n up to it)"),
    params.number("clt_count", "Sample means", clt.MIN_MEANS, clt.MAX_MEANS, 10_000, 1000,
                  part=CLT, doc="how many sample means are drawn at each n (capped so that "
                                "count × n ≤ 5×10⁶ for sources drawn one value at a time)"),
    params.number("seed", "Seed", 0, 9999, 0, 1,
                  doc="the seed of every draw: the same seed, the same flips and draws"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
