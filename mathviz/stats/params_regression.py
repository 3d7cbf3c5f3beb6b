"""The URL state of /regression (see :mod:`mathviz.stats.params`).

Keys of the least-squares part start with ``reg_``, of the polynomial parts (over-fitting,
bias and variance, ridge) with ``of_``, of the ANOVA with ``an_``; ``seed`` and ``speed`` mean
the same in every part.
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.stats import overfitting, regression

LEAST_SQUARES, QUARTET, OVERFITTING = "Least squares", "Anscombe's quartet", "Over-fitting"
BIAS_VARIANCE, RIDGE, ANOVA = "Bias & variance", "Ridge", "ANOVA"
PARTS = (LEAST_SQUARES, QUARTET, OVERFITTING, BIAS_VARIANCE, RIDGE, ANOVA)
GENERATED_GROUPS, IRIS_GROUPS = "Generated groups", "Iris by species"
POLYNOMIAL_PARTS = "Over-fitting, Bias & variance, Ridge"

REGRESSION = params.page(
    "regression",
    params.part("Part", PARTS),
    params.select("reg_data", "Data", regression.SOURCES, part=LEAST_SQUARES,
                  doc="seeded points round a line, one of Anscombe's four sets, or iris petals"),
    params.slider("reg_n", "Points n", 2, regression.MAX_N, 25, 1, part=LEAST_SQUARES,
                  doc="how many points are generated"),
    params.slider("reg_slope", "True slope", -2.0, 2.0, 0.6, 0.1, part=LEAST_SQUARES,
                  doc="the slope of the line the points are scattered round"),
    params.slider("reg_noise", "Noise SD", 0.0, 3.0, 1.0, 0.1, part=LEAST_SQUARES,
                  doc="the standard deviation of the points about the line (0: on it)"),
    params.select("of_truth", "True function", tuple(overfitting.TRUTHS), part=POLYNOMIAL_PARTS,
                  doc="the function f the noisy points y = f(x) + ε come from"),
    params.slider("of_n", "Points n", 5, overfitting.MAX_N, 30, 1, part=POLYNOMIAL_PARTS,
                  doc="how many points are drawn (training and test together)"),
    params.slider("of_noise", "Noise SD σ", 0.0, 1.0, 0.3, 0.05, part=POLYNOMIAL_PARTS,
                  doc="the standard deviation of ε"),
    params.slider("of_degree", "Degree", 0, overfitting.MAX_DEGREE, 3, 1,
                  part=f"{OVERFITTING}, {BIAS_VARIANCE}",
                  doc="the polynomial's degree (over-fitting, bias & variance)"),
    params.slider("of_rdeg", "Degree", 1, overfitting.MAX_DEGREE, 12, 1, part=RIDGE,
                  doc="the degree of the polynomial ridge fits (high, so that it can over-fit)"),
    params.slider("of_test", "Test share", 0.1, 0.5, 0.3, 0.05, part=OVERFITTING,
                  doc="the share of the points held out as a test set"),
    params.slider("of_k", "Folds k", 2, 10, 5, 1, part=OVERFITTING,
                  doc="the folds of cross-validation on the training points"),
    params.number("of_reps", "Training sets", 50, overfitting.MAX_REPEATS, 200, 50,
                  part=BIAS_VARIANCE, doc="how many training sets of n points are drawn"),
    params.select("of_lambda", "Ridge λ", overfitting.LAMBDA_CHOICES, "0.01", part=RIDGE,
                  doc="ridge's penalty λ on Σβⱼ² (0: plain least squares)"),
    params.choice("an_data", "Groups", (GENERATED_GROUPS, IRIS_GROUPS), part=ANOVA,
                  doc="seeded normal groups, or an iris measurement by species"),
    params.slider("an_k", "Groups k", 2, regression.MAX_GROUPS, 3, 1, part=ANOVA,
                  doc="how many groups are generated"),
    params.slider("an_n", "Values per group", 2, regression.MAX_GROUP_N, 15, 1, part=ANOVA,
                  doc="the size of each generated group"),
    params.slider("an_spread", "Spread of the true means", 0.0, 2.0, 0.5, 0.05, part=ANOVA,
                  doc="the SD of the groups' true means, in within-group SDs (0: H₀ true)"),
    params.select("an_icol", "Measurement", regression.IRIS_COLUMNS, "sepal_width", part=ANOVA,
                  doc="the iris column compared across the three species"),
    params.number("seed", "Seed", 0, 9999, 0, 1, doc="the seed of the generated data"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
