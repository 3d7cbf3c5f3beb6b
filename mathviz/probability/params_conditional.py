"""The URL state of /conditional-probability (see :mod:`mathviz.probability.params`).

Keys of the Bayes parts start with ``bay_``, those of the joint Gaussian with ``jg_``; the
Gaussian's controls are shared by its two parts, so a link keeps Σ from one to the other.
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.probability import bayes, joint

MEDICAL, COIN, GAUSSIAN, SAMPLING = (
    "Medical test", "Coin with a prior", "Joint Gaussian", "Sampling x = μ + Lz",
)  # fmt: skip
PARTS = (MEDICAL, COIN, GAUSSIAN, SAMPLING)
BOTH_GAUSSIAN = f"{GAUSSIAN}, {SAMPLING}"
MAX_TESTS = 5

CONDITIONAL_PROBABILITY = params.page(
    "conditional-probability",
    params.part("Part", PARTS),
    params.slider("bay_prev", "Prevalence P(sick)", 0.0, 1.0, 0.01, 0.001, part=MEDICAL,
                  doc="the share of people who have the disease (the prior)"),
    params.slider("bay_sens", "Sensitivity P(+ | sick)", 0.0, 1.0, 0.9, 0.005, part=MEDICAL,
                  doc="how often the test finds the disease"),
    params.slider("bay_spec", "Specificity P(− | healthy)", 0.0, 1.0, 0.95, 0.005, part=MEDICAL,
                  doc="how often the test clears a healthy person"),
    params.slider("bay_tests", "Positive tests in a row", 1, MAX_TESTS, 1, 1, part=MEDICAL,
                  doc="repeat testing: each posterior is the next test's prior"),
    params.slider("bay_a", "Prior α", bayes.PRIOR_LOW, 20.0, 2.0, 0.5, part=COIN,
                  doc="the Beta(α, β) prior's α (pseudo-heads + 1)"),
    params.slider("bay_b", "Prior β", bayes.PRIOR_LOW, 20.0, 2.0, 0.5, part=COIN,
                  doc="the prior's β (pseudo-tails + 1)"),
    params.slider("bay_bias", "True bias P(heads)", 0.0, 1.0, 0.7, 0.01, part=COIN,
                  doc="the coin's real probability of heads, hidden from the learner"),
    params.slider("bay_flips", "Flips", 1, bayes.MAX_FLIPS, 50, 1, part=COIN,
                  doc="how many flips ▶ Play goes through"),
    params.number("seed", "Seed", 0, 9999, 0, 1, part=f"{COIN}, {SAMPLING}",
                  doc="the seed of the flips and of the samples z"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  part=f"{COIN}, {SAMPLING}", doc="how fast ▶ Play runs: `1×` is slow enough "
                  "to talk over"),
    params.slider("jg_mx", "Mean μx", -3.0, 3.0, 0.0, 0.1, part=BOTH_GAUSSIAN,
                  doc="the mean of x"),
    params.slider("jg_my", "Mean μy", -3.0, 3.0, 0.0, 0.1, part=BOTH_GAUSSIAN,
                  doc="the mean of y"),
    params.slider("jg_sx", "Spread σx", joint.SIGMA_LOW, 3.0, 1.5, 0.1, part=BOTH_GAUSSIAN,
                  doc="the standard deviation of x"),
    params.slider("jg_sy", "Spread σy", joint.SIGMA_LOW, 3.0, 1.0, 0.1, part=BOTH_GAUSSIAN,
                  doc="the standard deviation of y"),
    params.slider("jg_rho", "Correlation ρ", -joint.RHO_LIMIT, joint.RHO_LIMIT, 0.6, 0.01,
                  part=BOTH_GAUSSIAN, doc="the correlation of x and y (|ρ| < 1 keeps Σ "
                  "positive definite)"),
    params.slider("jg_x0", "Slice at x₀", -6.0, 6.0, 1.0, 0.1, part=GAUSSIAN,
                  doc="where the conditional slice p(y | x = x₀) is cut"),
    params.slider("jg_n", "Samples n", 100, joint.MAX_SAMPLES, 1000, 100, part=SAMPLING,
                  doc="how many points are drawn"),
)  # fmt: skip
