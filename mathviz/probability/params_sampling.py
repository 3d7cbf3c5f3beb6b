"""The URL state of /sampling (see :mod:`mathviz.probability.params`).

The inverse-transform part draws from any registry distribution through the registry's own
keys (``dist`` and its parameters' keys), so a distribution chosen on /distributions opens
here as it was. Every other key is this page's own (``inv_``, ``rej_``, ``mh_``, ``pi_``).
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.probability import distributions, mcmc, samplers

INVERSE, REJECTION, METROPOLIS, TUNING, PI = (
    "Inverse transform", "Rejection sampling", "Metropolis–Hastings", "Tuning the proposal",
    "Monte Carlo π",
)  # fmt: skip
PARTS = (INVERSE, REJECTION, METROPOLIS, TUNING, PI)
CHAINS = f"{METROPOLIS}, {TUNING}"  # the parts that run Metropolis–Hastings chains

SAMPLING = params.page(
    "sampling",
    params.part("Part", PARTS),
    distributions.choice_param(),
    *distributions.parameter_params(),
    params.number("inv_n", "Draws n", 1, samplers.MAX_INVERSE_DRAWS, 1000, 100, part=INVERSE,
                  doc="how many uniforms are pushed through F⁻¹ (the first 30 are animated)"),
    params.select("rej_target", "Target f and proposal g", tuple(samplers.REJECTION_TARGETS),
                  part=REJECTION, doc="the density sampled and the one proposals come from"),
    params.slider("rej_m", "Envelope M", 0.5, 10.0, 3.0, 0.05, part=REJECTION,
                  doc="proposals are kept with chance f/(M·g); M below sup f/g samples wrongly"),
    params.number("rej_n", "Proposals n", 10, samplers.MAX_PROPOSALS, 2000, 100,
                  part=REJECTION, doc="how many proposals are drawn from g"),
    params.select("mh_target", "Target", tuple(mcmc.TARGETS), "Banana", part=CHAINS,
                  doc="the 2-D density Metropolis–Hastings samples"),
    params.slider("mh_sigma", "Proposal scale σ", 0.05, 10.0, 2.0, 0.05, part=CHAINS,
                  doc="the random walk's step: x′ = x + σz, z ~ N(0, I)"),
    params.slider("mh_chains", "Chains", 1, mcmc.MAX_CHAINS, 4, 1, part=METROPOLIS,
                  doc="how many chains run, from dispersed seeded starts"),
    params.slider("mh_steps", "Steps per chain", 100, mcmc.MAX_STEPS, 3000, 100,
                  part=METROPOLIS, doc="how many steps each chain takes"),
    params.slider("mh_burn", "Burn-in", 0, mcmc.MAX_STEPS // 2, 500, 50, part=METROPOLIS,
                  doc="steps dropped from the start of each chain (at most half of them)"),
    params.number("pi_n", "Points n", 10, samplers.MAX_PI_POINTS, 10000, 1000, part=PI,
                  doc="how many uniform points fall in the unit square"),
    params.number("seed", "Seed", 0, 9999, 0, 1,
                  doc="the seed of the uniforms, proposals and chains"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
