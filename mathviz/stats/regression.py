"""Least squares for a line, the tests on its slope, Anscombe's quartet and a one-way ANOVA.

Pure numpy and scipy.stats. The line is fitted through the normal equations of
:func:`mathviz.linalg.least_squares.fit_line` (the same β̂ as the /vectors page's projection);
everything a page shows about it (R², r, the slope's standard error, t, p and interval) is
computed here once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from mathviz.linalg.least_squares import LineFit, fit_line, noisy_line
from mathviz.stats import datasets

GENERATED_LINE = "Line + noise"
ANSCOMBE_SETS = ("Anscombe I", "Anscombe II", "Anscombe III", "Anscombe IV")
IRIS_PETALS = "Iris petals"
SOURCES = (GENERATED_LINE, *ANSCOMBE_SETS, IRIS_PETALS)
MAX_N = 200
X_RANGE = (0.0, 10.0)  # the generated x, as on /vectors (whose Least squares draws the same data)
LEVEL = 0.95


@dataclass(frozen=True)
class XY:
    """Paired data: x, y (n,) ndarrays, what they measure and where they come from."""

    x: np.ndarray
    y: np.ndarray
    x_name: str
    y_name: str
    about: str


def line_data(n: int, slope: float, noise: float, seed: int) -> XY:
    """``n`` seeded points round y = 1.5 + slope·x, x uniform on [0, 10]: the /vectors page's
    :func:`~mathviz.linalg.least_squares.noisy_line` (slope 0.6 there)."""
    x, y = noisy_line(int(seed), int(n), float(noise), slope=float(slope), x_range=X_RANGE)
    about = f"{int(n)} points round y = 1.5 + {slope:g}x, with noise of SD {noise:g}."
    return XY(x, y, "x", "y", about)


def source_data(source: str, n: int = 25, slope: float = 0.6, noise: float = 1.0,
                seed: int = 0) -> XY:  # fmt: skip
    """The data of a source in :data:`SOURCES` (an unknown one: the generated line)."""
    if source in ANSCOMBE_SETS:
        k = ANSCOMBE_SETS.index(source) + 1
        table = datasets.anscombe()
        return XY(table.column(f"x{k}"), table.column(f"y{k}"), f"x{k}", f"y{k}",
                  f"{source}: {table.about}")  # fmt: skip
    if source == IRIS_PETALS:
        table = datasets.iris()
        return XY(table.column("petal_length"), table.column("petal_width"),
                  "petal length (cm)", "petal width (cm)", table.about)  # fmt: skip
    return line_data(n, slope, noise, seed)


@dataclass(frozen=True)
class Regression:
    """A least-squares line y ≈ b₀ + b₁x and what is known about it.

    Attributes
    ----------
    line : the normal equations' pieces (XᵀX, Xᵀy, β̂, ŷ, e, rank).
    x, y : (n,) ndarrays.
    sxx, sxy, syy : Σ(x - x̄)², Σ(x - x̄)(y - ȳ), Σ(y - ȳ)².
    sse, sst, ssr : residual, total and explained sums of squares (sst = ssr + sse).
    problem : None, or why a number cannot be given: "few" (n < 2), "singular" (every x is
        the same: XᵀX is singular and the slope is not determined), "flat" (every y is the
        same: R² and r are 0/0), "exact" (n = 2 or the points lie on a line: no residual
        degrees of freedom or no scatter, so no standard error).
    """

    line: LineFit
    x: np.ndarray
    y: np.ndarray
    sxx: float
    sxy: float
    syy: float
    sse: float
    problem: str | None

    @property
    def n(self) -> int:
        return int(self.x.size)

    @property
    def intercept(self) -> float:
        return float(self.line.coefficients[0])

    @property
    def slope(self) -> float:
        return float(self.line.coefficients[1])

    @property
    def sst(self) -> float:
        return self.syy

    @property
    def ssr(self) -> float:
        return max(0.0, self.syy - self.sse)

    @property
    def df(self) -> int:
        return self.n - 2

    @property
    def has_r(self) -> bool:
        return self.problem not in ("few", "singular", "flat")

    @property
    def r_squared(self) -> float:
        """1 - SSE/SST, the share of the scatter of y about ȳ that the line explains."""
        return 1.0 - self.sse / self.syy if self.has_r else float("nan")

    @property
    def r(self) -> float:
        """Pearson's correlation Sxy/√(Sxx·Syy)."""
        return self.sxy / np.sqrt(self.sxx * self.syy) if self.has_r else float("nan")

    @property
    def sd_x(self) -> float:
        return float(np.sqrt(self.sxx / (self.n - 1))) if self.n > 1 else 0.0

    @property
    def sd_y(self) -> float:
        return float(np.sqrt(self.syy / (self.n - 1))) if self.n > 1 else 0.0

    @property
    def has_errors(self) -> bool:
        return self.problem is None

    @property
    def sigma(self) -> float:
        """The residual standard error √(SSE/(n - 2))."""
        return float(np.sqrt(self.sse / self.df)) if self.has_errors else float("nan")

    @property
    def slope_se(self) -> float:
        return self.sigma / np.sqrt(self.sxx) if self.has_errors else float("nan")

    @property
    def intercept_se(self) -> float:
        if not self.has_errors:
            return float("nan")
        mean_x = float(self.x.mean())
        return self.sigma * float(np.sqrt(1.0 / self.n + mean_x**2 / self.sxx))

    @property
    def t(self) -> float:
        """t = b₁/SE(b₁), for H₀: the slope is 0."""
        return self.slope / self.slope_se if self.has_errors else float("nan")

    @property
    def p(self) -> float:
        """The two-sided p-value of t on n - 2 degrees of freedom."""
        return float(2 * sps.t.sf(abs(self.t), self.df)) if self.has_errors else float("nan")

    def slope_interval(self, level: float = LEVEL) -> tuple[float, float]:
        """b₁ ± t*·SE(b₁), t* the (1 + level)/2 quantile of t with n - 2 degrees of freedom."""
        if not self.has_errors:
            return (float("nan"), float("nan"))
        half = float(sps.t.ppf(0.5 + level / 2, self.df)) * self.slope_se
        return (self.slope - half, self.slope + half)

    def sse_of_slope(self, slopes: np.ndarray) -> np.ndarray:
        """Σ(yᵢ - ȳ - b(xᵢ - x̄))² for lines through (x̄, ȳ) of slopes b: the parabola
        Syy - 2b·Sxy + b²·Sxx, lowest at b = Sxy/Sxx = b₁ (the best intercept for any slope
        puts the line through the means)."""
        slopes = np.asarray(slopes, dtype=float)
        return np.maximum(0.0, self.syy - 2 * slopes * self.sxy + slopes**2 * self.sxx)


def regress(x: np.ndarray, y: np.ndarray) -> Regression:
    """Fit y ≈ b₀ + b₁x by least squares and say which numbers exist.

    Notes
    -----
    b₁ = Sxy/Sxx and b₀ = ȳ - b₁x̄ solve the normal equations XᵀX β = Xᵀy; R² = 1 - SSE/SST
    equals r²; the slope's standard error is σ̂/√Sxx with σ̂² = SSE/(n - 2), and t = b₁/SE
    has Student's t distribution on n - 2 degrees of freedom when the errors are normal.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    line = fit_line(x, y)
    n = x.size
    dx, dy = (x - x.mean(), y - y.mean()) if n else (x, y)
    sxx, sxy, syy = float(dx @ dx), float(dx @ dy), float(dy @ dy)
    sse = float(line.residual @ line.residual)
    scale = max(1.0, float(np.abs(y).max())) if n else 1.0
    if n < 2:
        problem = "few"
    elif line.rank < 2:
        problem = "singular"
    elif np.ptp(y) <= 1e-12 * scale:
        problem = "flat"
    elif n == 2 or sse <= 1e-24 * max(syy, 1e-300):
        problem = "exact"
    else:
        problem = None
    return Regression(line, x, y, sxx, sxy, syy, sse, problem)


def slope_grid(fit: Regression, frames: int = 41) -> np.ndarray:
    """Slopes for the residual-square animation: from a flat line (slope 0 when b₁ > 0, the
    far side otherwise) through b₁ (the middle frame) to as far past it."""
    width = max(abs(fit.slope), 0.5 * fit.sd_y / fit.sd_x if fit.sd_x > 0 else 1.0)
    return fit.slope + width * np.linspace(-1.0, 1.0, frames) * (1 if fit.slope >= 0 else -1)


def squares(x: np.ndarray, y: np.ndarray, fitted: np.ndarray, aspect: float,
            leftward: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
    """The residual squares as one path: (6n, 2) corners with a NaN row after each square.

    ``aspect`` is the x-units per y-unit of the chart (its square pixels), so that a residual
    of r draws r high and aspect·r wide; ``leftward`` (n,) bools put a square left of its
    point (near the right edge). The squares' total area, in y-units², is the SSE.
    """
    r = fitted - y
    width = np.abs(r) * aspect * np.where(leftward if leftward is not None else False, -1, 1)
    corners = np.stack(
        [
            np.column_stack([x, y]),
            np.column_stack([x + width, y]),
            np.column_stack([x + width, fitted]),
            np.column_stack([x, fitted]),
            np.column_stack([x, y]),
            np.full((x.size, 2), np.nan),
        ],
        axis=1,
    )
    return corners.reshape(-1, 2)


# --- Anscombe's quartet ------------------------------------------------------------------------


@functools.cache
def quartet() -> tuple[Regression, ...]:
    """The four fits of Anscombe's quartet, I to IV."""
    return tuple(regress(data.x, data.y) for data in map(source_data, ANSCOMBE_SETS))


# --- one-way ANOVA -----------------------------------------------------------------------------

IRIS_COLUMNS = ("sepal_length", "sepal_width", "petal_length", "petal_width")
MAX_GROUPS, MAX_GROUP_N = 6, 200


@dataclass(frozen=True)
class Anova:
    """A one-way analysis of variance.

    Attributes
    ----------
    groups : the k samples, (nⱼ,) ndarrays.
    names : the k groups' names.
    ssb, ssw : between- and within-group sums of squares (SST = SSB + SSW).
    problem : None, or "few" (a group with fewer than 2 values, or fewer than 2 groups),
        "flat" (no spread within the groups: F is x/0).
    """

    groups: tuple[np.ndarray, ...]
    names: tuple[str, ...]
    ssb: float
    ssw: float
    problem: str | None

    @property
    def k(self) -> int:
        return len(self.groups)

    @property
    def n(self) -> int:
        return int(sum(g.size for g in self.groups))

    @property
    def means(self) -> np.ndarray:
        return np.array([g.mean() for g in self.groups])

    @property
    def grand_mean(self) -> float:
        return float(np.concatenate(self.groups).mean())

    @property
    def sst(self) -> float:
        return self.ssb + self.ssw

    @property
    def df_between(self) -> int:
        return self.k - 1

    @property
    def df_within(self) -> int:
        return self.n - self.k

    @property
    def f(self) -> float:
        """F = (SSB/(k - 1)) / (SSW/(n - k))."""
        if self.problem is not None:
            return float("nan")
        return (self.ssb / self.df_between) / (self.ssw / self.df_within)

    @property
    def p(self) -> float:
        return float(sps.f.sf(self.f, self.df_between, self.df_within)) if self.problem is None \
            else float("nan")  # fmt: skip

    def critical(self, alpha: float = 0.05) -> float:
        return float(sps.f.isf(alpha, self.df_between, self.df_within))


def anova(groups, names=None) -> Anova:
    """One-way ANOVA of samples ``groups`` (a sequence of 1-D arrays).

    Notes
    -----
    SSB = Σⱼ nⱼ(x̄ⱼ - x̄)², SSW = Σⱼ Σᵢ (xᵢⱼ - x̄ⱼ)². Under H₀ (every group has the same mean,
    normal errors of one variance) F has the F distribution on (k - 1, n - k) degrees of
    freedom: the same F and p as ``scipy.stats.f_oneway``.
    """
    groups = tuple(np.asarray(g, dtype=float) for g in groups)
    if names is None:
        names = [f"group {j + 1}" for j in range(len(groups))]
    names = tuple(names)
    if len(groups) < 2 or any(g.size < 2 for g in groups):
        return Anova(groups, names, float("nan"), float("nan"), "few")
    grand = np.concatenate(groups).mean()
    ssb = float(sum(g.size * (g.mean() - grand) ** 2 for g in groups))
    ssw = float(sum(((g - g.mean()) ** 2).sum() for g in groups))
    scale = max(1.0, float(max(np.abs(g).max() for g in groups)))
    flat = ssw <= (1e-12 * scale) ** 2 * sum(g.size for g in groups)
    return Anova(groups, names, ssb, ssw, "flat" if flat else None)


def generated_groups(k: int, n: int, spread: float, seed: int, sigma: float = 1.0) -> Anova:
    """k seeded normal groups of n values, SD ``sigma``, whose true means are evenly spaced
    with standard deviation ``spread``·σ (0: H₀ is true)."""
    rng = np.random.default_rng(int(seed))
    offsets = np.linspace(-1.0, 1.0, int(k))
    offsets = offsets / offsets.std() if k > 1 else offsets
    means = 10.0 + spread * sigma * offsets
    samples = [means[j] + sigma * rng.standard_normal(int(n)) for j in range(int(k))]
    return anova(samples, [chr(ord("A") + j) for j in range(int(k))])


def iris_groups(column: str) -> Anova:
    """The iris column by species (three groups of 50 flowers)."""
    table = datasets.iris()
    column = column if column in IRIS_COLUMNS else IRIS_COLUMNS[0]
    values, species = table.column(column), np.asarray(table.labels["species"])
    names = tuple(dict.fromkeys(species))
    return anova([values[species == s] for s in names], names)
