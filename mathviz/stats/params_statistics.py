"""The URL state of /statistics (see :mod:`mathviz.stats.params`).

Keys of the describing part start with ``st_``, of the likelihood part with ``lk_`` (each
model's true θ ``lk_<θ>``, its climb's start ``lk_<θ>0`` and the θ₀ of its tests of
H₀: θ = θ₀ ``lk_<θ>_null`` come from :data:`mathviz.stats.likelihood.MODELS`), of the bias
part with ``bias_``; ``seed`` and ``speed`` mean the same in every part. An uploaded file
cannot live in a URL: it stays in its session, and its column chooser is the one control
that a link does not carry.
"""

from mathviz import params
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.stats import bootstrap, datasets, estimators, intervals, likelihood
from mathviz.stats.likelihood import METHODS

DESCRIBE, LIKELIHOOD, BIAS = "Describing data", likelihood.LIKELIHOOD_PART, "Bias of estimators"
INTERVALS, BOOTSTRAP = "Confidence intervals", "Bootstrap"
PARTS = (DESCRIBE, LIKELIHOOD, BIAS, INTERVALS, BOOTSTRAP)
LEVELS = ("0.8", "0.9", "0.95", "0.99")
UPLOAD = "Upload a CSV file"
DATA_SOURCES = (*datasets.GENERATED, *datasets.SHIPPED, UPLOAD)
LEARNING_RATES = ("0.03", "0.1", "0.3", "1", "3", "10")

STATISTICS = params.page(
    "statistics",
    params.part("Part", PARTS),
    params.select("st_data", "Data", DATA_SOURCES, part=DESCRIBE,
                  doc="a seeded generated sample, a shipped classic data set, or your CSV file"),
    params.slider("st_n", "Values n", 1, datasets.MAX_GENERATED, 200, 1, part=DESCRIBE,
                  doc="how many values a generated sample has"),
    params.select("st_acol", "Column", ("x1", "y1", "x2", "y2", "x3", "y3", "x4", "y4"), "y1",
                  part=DESCRIBE, doc="the column of Anscombe's quartet described"),
    params.select("st_icol", "Column", ("sepal_length", "sepal_width", "petal_length",
                                        "petal_width"), part=DESCRIBE,
                  doc="the column of the iris data described"),
    params.select("lk_model", "Model", tuple(likelihood.MODELS), part=LIKELIHOOD,
                  doc="the model whose parameter θ is estimated"),
    *likelihood.model_params(),
    params.slider("lk_sigma", "Known σ", 0.2, 5.0, 1.0, 0.1, part=LIKELIHOOD,
                  doc="the normal model's standard deviation, taken as known"),
    params.number("lk_n", "Values n", 1, likelihood.MAX_N, 50, 10, part=LIKELIHOOD,
                  doc="how many values are drawn from the model"),
    params.choice("lk_method", "Climb with", METHODS, part=LIKELIHOOD,
                  doc="gradient ascent (θ += η·ℓ′/n) or Newton's method (θ −= ℓ′/ℓ″)"),
    params.select("lk_lr", "Learning rate η", LEARNING_RATES, "0.3", part=LIKELIHOOD,
                  doc="gradient ascent's step size on the average log-likelihood"),
    params.select("bias_pair", "Estimators", tuple(estimators.PAIRS), part=BIAS,
                  doc="the quantity estimated and the two estimators compared"),
    params.slider("bias_n", "Sample size n", 2, 50, 5, 1, part=BIAS,
                  doc="the size of each sample (the bias shrinks like 1/n)"),
    params.number("bias_reps", "Samples drawn", 100, estimators.MAX_REPEATS, 2000, 100,
                  part=BIAS, doc="how many samples of size n are drawn"),
    params.select("ci_source", "Population", tuple(bootstrap.SOURCES), part=INTERVALS,
                  doc="the distribution the samples come from (its mean μ is known)"),
    params.select("ci_method", "Interval", intervals.METHODS, part=INTERVALS,
                  doc="how each sample's interval for μ is made"),
    params.slider("ci_n", "Sample size n", 2, intervals.MAX_N, 10, 1, part=INTERVALS,
                  doc="the size of each sample"),
    params.select("ci_level", "Confidence 1 − α", LEVELS, "0.95", part=INTERVALS,
                  doc="the share of intervals that should cover μ"),
    params.number("ci_reps", "Samples drawn", 10, intervals.MAX_REPEATS, 200, 10,
                  part=INTERVALS, doc="how many samples (and intervals) are drawn"),
    params.choice("bs_stat", "Statistic", tuple(bootstrap.STATISTICS), part=BOOTSTRAP,
                  doc="the statistic whose sampling distribution is bootstrapped"),
    params.select("bs_source", "Population", tuple(bootstrap.SOURCES), part=BOOTSTRAP,
                  doc="the distribution the one sample is drawn from (mean and median)"),
    params.slider("bs_rho", "Correlation ρ", -0.95, 0.95, 0.6, 0.05, part=BOOTSTRAP,
                  doc="the correlation of the bivariate normal the pairs come from"),
    params.slider("bs_n", "Sample size n", 4, bootstrap.MAX_N, 30, 1, part=BOOTSTRAP,
                  doc="the size of the one sample"),
    params.number("bs_b", "Resamples B", 100, bootstrap.MAX_RESAMPLES, 2000, 100,
                  part=BOOTSTRAP, doc="how many resamples (with replacement) are drawn"),
    params.number("seed", "Seed", 0, 9999, 0, 1, doc="the seed of the generated data"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
