"""The words and formulas of /regression, with the current numbers filled in."""

from __future__ import annotations

import numpy as np

from mathviz.core.notes import Note
from mathviz.core.numbers import latex_matrix, latex_vector, signed_tex, tex, text
from mathviz.stats import overfitting as of
from mathviz.stats import regression

PROBLEMS = {
    "few": "One point cannot fix a line: add points (n ≥ 2).",
    "singular": "Every x is the same, so XᵀX is singular (its determinant is 0) and the slope "
    "is not determined: any line through (x̄, ȳ) is as good. The flat one is drawn.",
    "flat": "Every y is the same: the flat line fits exactly, SST = 0, and R² and r are 0/0, "
    "so they are not given.",
    "exact": "The points lie on the line: no residual is left (SSE = 0, or n = 2 leaves no "
    "degrees of freedom), so the slope has no standard error, t or p-value.",
}


def line_latex(fit: regression.Regression) -> list[str]:
    """The normal equations with numbers, β̂, R² and r, and the slope's test."""
    line = fit.line
    lines = [
        rf"X^\top X = {latex_matrix(line.gram, 4)},\ X^\top y = {latex_vector(line.moment, 4)}",
    ]
    if fit.problem in ("few", "singular"):
        return lines
    lines += [
        rf"\hat\beta = (X^\top X)^{{-1}} X^\top y = {latex_vector(line.coefficients, 4)}",
        rf"\hat y = {tex(fit.intercept, 4)} {signed_tex(fit.slope, 4)}\,x",
    ]
    if fit.has_r:
        lines.append(
            rf"R^2 = 1 - \frac{{\text{{SSE}}}}{{\text{{SST}}}} = 1 - \frac{{{tex(fit.sse, 4)}}}"
            rf"{{{tex(fit.sst, 4)}}} = {tex(fit.r_squared, 4)} = r^2"
        )
        lines.append(
            rf"b_1 = r\,\frac{{s_y}}{{s_x}} = {tex(fit.r, 4)} \cdot \frac{{{tex(fit.sd_y, 4)}}}"
            rf"{{{tex(fit.sd_x, 4)}}} = {tex(fit.slope, 4)}"
        )
    if fit.has_errors:
        low, high = fit.slope_interval()
        lines.append(
            rf"t = \frac{{b_1}}{{\text{{SE}}(b_1)}} = \frac{{{tex(fit.slope, 4)}}}"
            rf"{{{tex(fit.slope_se, 3)}}} = {tex(fit.t, 4)}"
        )
        lines.append(rf"p = {tex(fit.p, 3)}\ \ (t_{{{fit.df}}})")
        lines.append(rf"95\%\ \text{{CI}}:\ [{tex(low, 4)},\ {tex(high, 4)}]")
    return lines


def line_notes(fit: regression.Regression, about: str) -> list[Note]:
    notes = [Note("info", about)]
    if fit.problem is not None:
        notes.append(Note("warning", PROBLEMS[fit.problem]))
    if fit.has_r and fit.problem is None:
        notes.append(
            Note(
                "info",
                f"The squares' total area is the SSE, {text(fit.sse, 4)}. Tilt the line away "
                f"from slope {text(fit.slope, 3)} (the slider) and it grows: least squares is "
                f"the bottom of that parabola. Flat through ȳ the area is SST = "
                f"{text(fit.sst, 4)}; the line removes {text(100 * fit.r_squared, 3)}% of it "
                "(R²).",
            )
        )
    return notes


def quartet_latex(fits: tuple[regression.Regression, ...]) -> list[str]:
    """What the four sets share, to three digits: one line and one correlation."""
    return [
        rf"\text{{I to IV}}:\ \hat y = {tex(fits[0].intercept, 3)} "
        rf"{signed_tex(fits[0].slope, 3)}\,x",
        rf"r = {tex(min(fit.r for fit in fits), 3)},\ \ R^2 = "
        rf"{tex(min(fit.r_squared for fit in fits), 2)}",
    ]


def quartet_markdown(fits: tuple[regression.Regression, ...]) -> str:
    """A table of the four sets' summaries: the same numbers, four different pictures."""
    rows = [
        ("mean of x", lambda f: f.x.mean(), 3),
        ("mean of y", lambda f: f.y.mean(), 3),
        ("variance of x", lambda f: f.sd_x**2, 3),
        ("variance of y", lambda f: f.sd_y**2, 3),
        ("correlation r", lambda f: f.r, 3),
        ("line", None, 3),
        ("R²", lambda f: f.r_squared, 3),
    ]
    header = "| | " + " | ".join(regression.ANSCOMBE_SETS) + " |\n|---|" + "---:|" * 4
    body = []
    for name, value, digits in rows:
        if value is None:
            cells = [f"y = {text(f.intercept, 3)} + {text(f.slope, 3)}x" for f in fits]
        else:
            cells = [text(float(value(f)), digits) for f in fits]
        body.append(f"| {name} | " + " | ".join(cells) + " |")
    return header + "\n" + "\n".join(body)


QUARTET_NOTES = (
    Note("info", "I: a noisy straight line, the case the line describes well."),
    Note("info", "II: a smooth curve; the line misses the shape (a parabola fits exactly)."),
    Note("info", "III: a perfect line but for one outlier, which tilts the fit."),
    Note("info", "IV: x is 8 for all points but one; that single point sets the slope."),
)


def degree_latex(run: of.DegreeRun, degree: int) -> list[str]:
    return [
        rf"\hat f(x) = \textstyle\sum_{{j=0}}^{{{degree}}} \beta_j x^j\ \ ({degree + 1}"
        rf"\ \text{{coefficients}})",
        rf"\text{{RMSE: train}}\ {tex(run.train[degree], 3)},\ \text{{test}}\ "
        rf"{tex(run.test_error[degree], 3)}",
        rf"\text{{{run.k}-fold CV}}\ {tex(run.cv[degree], 3)}:\ \text{{it picks}}\ "
        rf"{run.best_cv},\ \text{{the test set}}\ {run.best_test}",
    ]


def degree_notes(run: of.DegreeRun, degree: int) -> list[Note]:
    notes = []
    if degree + 1 >= run.n_train:
        notes.append(
            Note(
                "warning",
                f"Degree {degree} has {degree + 1} coefficients for {run.n_train} training "
                "points: it can pass through every one (training error 0)"
                + (
                    ", and there are infinitely many such polynomials: the one with the "
                    "smallest coefficients is drawn."
                    if degree + 1 > run.n_train
                    else "."
                )
                + " That is over-fitting in its purest form.",
            )
        )
    elif run.test_error[degree] > 1.5 * run.test_error[run.best_test] and degree > run.best_test:
        notes.append(
            Note(
                "warning",
                f"Over-fitting: the training error keeps falling "
                f"({text(run.train[degree], 3)}) while the test error has risen to "
                f"{text(run.test_error[degree], 3)}; the wiggles follow the noise.",
            )
        )
    elif degree < run.best_cv and run.cv[degree] > 1.2 * run.cv[run.best_cv]:
        notes.append(
            Note(
                "info",
                f"Under-fitting: degree {degree} is too stiff for the shape; "
                "train and test errors are both high.",
            )  # fmt: skip
        )
    notes.append(
        Note(
            "info",
            f"Cross-validation chose degree {run.best_cv} from the training points alone; the "
            f"held-out test set, never used to choose, says {run.best_test}.",
        )
    )
    return notes


def bias_variance_latex(result: of.BiasVariance, degree: int) -> list[str]:
    return [
        r"\mathbb E\,(y - \hat f)^2 = \text{bias}^2 + \text{variance} + \sigma^2",
        r"\text{bias}^2 = (\mathbb E \hat f - f)^2,\ \ \text{variance} = \operatorname{Var}"
        r"\hat f",
        rf"\text{{degree {degree}}}:\ {tex(result.bias2[degree], 3)} + "
        rf"{tex(result.variance[degree], 3)} + {tex(result.noise2, 3)} = "
        rf"{tex(result.total[degree], 3)}",
        rf"\text{{simulated}}:\ {tex(result.test_mse[degree], 3)}\ ({result.repeats}\ "
        rf"\text{{sets of}}\ n = {result.n})",
    ]


def bias_variance_notes(result: of.BiasVariance, degree: int) -> list[Note]:
    notes = [
        Note(
            "info",
            f"The sum is lowest at degree {result.best}: stiffer fits are biased, bendier "
            "ones vary from one training set to the next.",
        )
    ]
    if degree + 1 >= result.n:
        notes.append(
            Note(
                "warning",
                f"With {degree + 1} coefficients for {result.n} points each fit interpolates "
                "its own noise; a few training sets give wild curves, so the variance (and "
                "its simulation) is huge and unsteady.",
            )
        )
    return notes


def ridge_latex(run: of.RidgeRun, lam: float) -> list[str]:
    k = of.lambda_frame(lam)
    norm = float(np.linalg.norm(run.coefficients[k][1:]))
    return [
        r"\hat\beta_\lambda = \arg\min_\beta\ \|y - X\beta\|^2 + \lambda \textstyle"
        r"\sum_{j\ge1}\beta_j^2",
        r"= (X^\top X + \lambda D)^{-1} X^\top y",
        rf"\lambda = {tex(lam, 2)}:\ \|\beta_{{j\ge1}}\| = {tex(norm, 3)},\ \text{{test RMSE}}\ "
        rf"{tex(run.test_error[k], 3)}",
        rf"\text{{best}}:\ {tex(run.test_error[run.best], 3)}\ \text{{at}}\ \lambda = "
        rf"{tex(of.LAMBDAS[run.best], 2)}",
    ]


def ridge_notes(run: of.RidgeRun, lam: float) -> list[Note]:
    notes = []
    n_train = int((~run.test).sum())
    if lam == 0 and run.degree + 1 > n_train:
        notes.append(
            Note(
                "warning",
                f"λ = 0 and degree {run.degree} on {n_train} training points: XᵀX is singular "
                "and many polynomials fit exactly; the smallest one is drawn. Any λ > 0 makes "
                "XᵀX + λD invertible and the answer unique.",
            )
        )
    notes.append(
        Note(
            "info",
            "Ridge shrinks every coefficient towards 0 (the paths, top right) but none to "
            "exactly 0. The intercept is not penalised: D is the identity with a 0 for β₀.",
        )
    )
    return notes


def ball_latex(picture: of.Ball, lam: float) -> str:
    beta = picture.path[of.lambda_frame(lam)]
    return (
        rf"\min \text{{RSS}}(\beta)\ \text{{s.t.}}\ \|\beta\| \le "
        rf"{tex(float(np.linalg.norm(beta)), 3)}:\ \beta = ({tex(beta[0], 3)}, {tex(beta[1], 3)}),"
        rf"\ \hat\beta_{{\text{{OLS}}}} = ({tex(picture.ols[0], 3)}, {tex(picture.ols[1], 3)})"
    )


def anova_latex(result: regression.Anova) -> list[str]:
    if result.problem is not None:
        return []
    return [
        rf"\text{{SSB}} = {tex(result.ssb, 4)},\ \ \text{{SSW}} = {tex(result.ssw, 4)}",
        rf"\text{{SST}} = \text{{SSB}} + \text{{SSW}} = {tex(result.sst, 4)}",
        rf"F = \frac{{\text{{SSB}}/(k-1)}}{{\text{{SSW}}/(n-k)}} = \frac{{{tex(result.ssb, 4)}/"
        rf"{result.df_between}}}{{{tex(result.ssw, 4)}/{result.df_within}}} = {tex(result.f, 4)}",
        rf"p = P(F_{{{result.df_between},{result.df_within}}} \ge {tex(result.f, 4)}) = "
        rf"{tex(result.p, 3)}",
    ]


def anova_notes(result: regression.Anova, about: str) -> list[Note]:
    notes = [Note("info", about)]
    if result.problem == "few":
        notes.append(Note("warning", "Each group needs at least two values to have a spread."))
        return notes
    if result.problem == "flat":
        notes.append(
            Note(
                "warning",
                "No value differs from its group's mean: SSW = 0, so F is x/0 "
                "and no test can be made.",
            )  # fmt: skip
        )
        return notes
    verdict = "differ" if result.p < 0.05 else "could all be equal"
    notes.append(
        Note(
            "info",
            f"The means {verdict} at the 5% level: F = {text(result.f, 4)} against the "
            f"critical {text(result.critical(), 4)}. The groups' means explain "
            f"{text(100 * result.ssb / result.sst, 3)}% of the total sum of squares.",
        )
    )
    return notes


LINE_EXPLAIN = (
    "Least squares picks the line whose **residuals' squares** (red) have the smallest total "
    "area. Every best line passes through (x̄, ȳ), so only its slope is left to choose: drag "
    "the slider or press **▶ Play** to tilt the line from flat to the best slope and watch "
    "the area shrink to the bottom of the parabola on the right. Setting the derivative to "
    "zero gives the normal equations XᵀX β̂ = Xᵀy: the same β̂ that projects y onto the "
    "column space of X on the Vectors page. R² is the share of the flat line's area the best "
    "line removes, and r is the slope b₁ rescaled to free it of units: b₁ times the SD of x "
    "over the SD of y."
)
QUARTET_EXPLAIN = (
    "Anscombe built four data sets with the same means, variances, correlation and "
    "least-squares line (to two or three decimals, in the table). Only a picture tells them "
    "apart: a summary describes the data well only when the data look like the model."
)
DEGREE_EXPLAIN = (
    "A polynomial of higher degree can always fit the **training** points better, so the "
    "training error only falls. The **test** error, on points the fit never saw, falls and "
    "then rises: past the right degree the curve bends to follow the noise. **k-fold "
    "cross-validation** estimates the test error from the training points alone (fit on k − 1 "
    "folds, score on the one left out, k times), so it can choose the degree without "
    "spending the test set. **▶ Play** raises the degree from 0 to 15."
)
BIAS_VARIANCE_EXPLAIN = (
    "Draw many training sets from the same truth and fit each. **Bias** is how far the "
    "average fit is from the truth; **variance** is how much the fits spread around their "
    "average; **noise** σ² is what no model removes. Low degrees are biased and steady, high "
    "degrees unbiased and jumpy; the expected test error is their sum, and the simulated test "
    "error on fresh points (circles) follows it."
)
RIDGE_EXPLAIN = (
    "Ridge adds λ·Σβⱼ² to the squared error: large coefficients cost. As λ grows the "
    "coefficients shrink towards 0 and the wiggles of a degree-12 fit flatten; too much and "
    "the fit is a flat line. Below, the same trade seen as a constraint: for two features, "
    "ridge finds the lowest RSS ellipse that touches the disc ‖β‖ ≤ t, and each λ is one t. "
    "(Lasso's constraint is a diamond, whose corners set coefficients to exactly 0.)"
)
ANOVA_EXPLAIN = (
    "Are the groups' means different, or is the spread between them what chance makes? "
    "ANOVA splits the total sum of squares into the part **between** groups (the means' "
    "scatter about the grand mean) and the part **within** them. F compares the two per "
    "degree of freedom; under H₀ it follows the F distribution, and its tail beyond the "
    "observed F is the p-value. With two groups F = t² of the two-sample t-test."
)
WHY = (
    "Linear regression is the first model of machine learning, and least squares is the loss "
    "of most regressions; a neural network's last layer is often exactly this. Over-fitting, "
    "the gap between training and test error, is the central problem of the field; "
    "cross-validation is how models and hyper-parameters are chosen honestly, and "
    "regularisation (ridge is weight decay) is how big models are kept from memorising. The "
    "bias-variance trade-off explains why. And Anscombe's lesson holds for every metric: "
    "look at the data."
)
WHY_SHORT = (
    "Least squares is regression's loss; train vs test error is over-fitting; "
    "cross-validation chooses models; ridge is weight decay."
)
