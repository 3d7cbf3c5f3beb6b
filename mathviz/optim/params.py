"""The URL state of /gradient-descent (see :mod:`mathviz.params`).

The typed surface shares ``fxy`` with /gradients (a function typed there opens here). The
tuned optimiser's learning rate defaults to its suggested rate on the chosen surface
(:func:`mathviz.optim.race.suggested_lr`), so a link leaves it out unless it was moved.
"""

from mathviz import params
from mathviz.calculus import surfaces as calculus_surfaces
from mathviz.optim import race, schedules
from mathviz.optim.surfaces import SURFACES, TYPED
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

RACE, SOLID, STEP, STOCHASTIC, THEORY = (
    "Race on the map", "On the surface (3D)", "One step, by hand", "Stochastic gradients",
    "Theory on the bowl",
)  # fmt: skip
PARTS = (RACE, SOLID, STEP, STOCHASTIC, THEORY)
SURFACE_CHOICES = (*SURFACES, TYPED)
START_LIMIT = 6.0
MAX_STEPS = 2000

GRADIENT_DESCENT = params.page(
    "gradient-descent",
    params.part("Part", PARTS),
    params.select("loss", "Loss surface", SURFACE_CHOICES, "Rosenbrock",
                  doc="a named loss surface f(x, y), or `typed`"),
    params.text("fxy", "f(x, y) =", "(x - 1)^2 + 2*(y + 0.5)^2 + sin(3*x)",
                calculus_surfaces.MAX_CHARS,
                doc="the typed surface (with `loss=typed`): numbers, x, y, + − * / ^, sin exp …"),
    params.slider("l1", "Curvature λ₁", 0.1, 10.0, 1.0, 0.1,
                  doc="the bowl's curvature along its turned axis (with the bowl)"),
    params.slider("l2", "Curvature λ₂", 0.1, 50.0, 10.0, 0.1,
                  doc="the bowl's curvature across it; κ = λ₂/λ₁ when λ₂ ≥ λ₁"),
    params.slider("turn", "Turn (degrees)", 0, 180, 30, 1, doc="the bowl's rotation"),
    params.multi("opts", "Optimisers", race.NAMES, race.DEFAULT_RACE,
                 doc="the optimisers in the race"),
    params.select("tune", "Tune", race.NAMES, "Momentum",
                  doc="the optimiser whose hyper-parameters the controls set (the others run "
                      "at their suggested settings)"),
    params.slider("loglr", "log₁₀ learning rate", -5.0, 0.5, -2.0, 0.05,
                  doc="the tuned optimiser's lr as a power of ten (default: its suggested "
                      "rate on the surface)"),
    params.slider("mom", "Momentum μ", 0.0, 0.99, 0.9, 0.01,
                  doc="SGD's momentum (Momentum, Nesterov; RMSProp's, 0 by default)"),
    params.slider("alpha", "Smoothing α", 0.5, 0.999, 0.99, 0.001, doc="RMSProp's α"),
    params.slider("beta1", "β₁", 0.0, 0.999, 0.9, 0.001, doc="Adam's first-moment decay"),
    params.slider("beta2", "β₂", 0.9, 0.9999, 0.999, 0.0001, doc="Adam's second-moment decay"),
    params.slider("logeps", "log₁₀ ε", -12.0, -1.0, -8.0, 0.5,
                  doc="ε as a power of ten (AdaGrad's default is 10⁻¹⁰)"),
    params.slider("wd", "Weight decay λ", 0.0, 0.5, 0.0, 0.001,
                  doc="weight decay (AdamW's default is 0.01)"),
    params.number("sx", "Start x", -START_LIMIT, START_LIMIT, -1.5, 0.1,
                  doc="the start's x (default: the surface's); a click on the map sets it too"),
    params.number("sy", "Start y", -START_LIMIT, START_LIMIT, 2.0, 0.1, doc="the start's y"),
    params.slider("steps", "Steps", 10, MAX_STEPS, 1000, 10, doc="how many steps each runs"),
    params.select("sched", "Learning-rate schedule", schedules.KINDS, "constant",
                  doc="`step` halves the rate each quarter, `exponential` ends at 1%, "
                      "`cosine` at 0"),
    params.slider("warmup", "Warm-up steps", 0, 500, 0, 10,
                  doc="steps of linear warm-up from a tenth of the rate"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
    params.slider("k", "Step t", 1, MAX_STEPS, 1, 1, part=STEP, doc="the step worked out"),
    params.slider("npts", "Data points n", 10, 1000, 100, 10, part=STOCHASTIC,
                  doc="how many points the line is fitted to"),
    params.slider("batch", "Batch size", 1, 1000, 10, 1, part=STOCHASTIC,
                  doc="points per mini-batch (n: full-batch gradient descent)"),
    params.slider("sgdlr", "log₁₀ learning rate", -3.0, 0.5, -1.0, 0.05, part=STOCHASTIC,
                  doc="SGD's and GD's rate as a power of ten"),
    params.slider("sgdmom", "Momentum μ", 0.0, 0.95, 0.0, 0.05, part=STOCHASTIC,
                  doc="momentum of both runs"),
    params.slider("sgdsteps", "Steps", 10, 1000, 300, 10, part=STOCHASTIC,
                  doc="steps of each run"),
    params.slider("tlr", "log₁₀ learning rate", -3.0, 0.5, -0.74, 0.01, part=THEORY,
                  doc="the step of both runs, as a power of ten (default: GD's best fixed step "
                      "2/(λmin + λmax))"),
    params.slider("tbeta", "Momentum β", 0.0, 0.99, 0.5, 0.01, part=THEORY,
                  doc="the heavy ball's β"),
    params.number("seed", "Seed", 0, 9999, 0, 1, part=STOCHASTIC,
                  doc="the seed of the data and of the batches' order"),
)  # fmt: skip
