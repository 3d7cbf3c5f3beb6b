"""Algebra as numbers: functions and their transformations, polynomials, exp and log, and
the algebra inside a classifier (sigmoid, softmax, log-loss).

Pure numpy/scipy. Functions are only ever evaluated inside their domain, so there is no
``sqrt`` of a negative number, no ``log 0`` and no division by zero, hence no NaN warnings;
curves come out with NaN gaps where the domain breaks, which a plot leaves undrawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from mathviz.trig import format_number, signed

INF = float("inf")
MIN_SQUEEZE = 1e-6  # |b| below this squeezes a graph as flat as b = 0 does


# --- domains and sampling ---------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """An interval of the real line; infinite ends are always open.

    Attributes
    ----------
    lower, upper : the ends (``-inf``/``inf`` allowed), lower ≤ upper.
    closed_lower, closed_upper : whether each end belongs to the interval.
    """

    lower: float = -INF
    upper: float = INF
    closed_lower: bool = False
    closed_upper: bool = False

    def contains(self, x: np.ndarray) -> np.ndarray:
        """Which of ``x`` lie in the interval."""
        x = np.asarray(x, dtype=float)
        above = (x >= self.lower) if self.closed_lower else (x > self.lower)
        below = (x <= self.upper) if self.closed_upper else (x < self.upper)
        return above & below

    def latex(self) -> str:
        if self.lower == -INF and self.upper == INF:
            return r"\mathbb{R}"
        left = "[" if self.closed_lower else "("
        right = "]" if self.closed_upper else ")"
        return f"{left}{format_number(self.lower, 2)}, {format_number(self.upper, 2)}{right}"


REALS: tuple[Interval, ...] = (Interval(),)


def in_domain(domain: Sequence[Interval], x: np.ndarray) -> np.ndarray:
    """Which of ``x`` lie in the union of the intervals."""
    x = np.asarray(x, dtype=float)
    inside = np.zeros(x.shape, dtype=bool)
    for interval in domain:
        inside |= interval.contains(x)
    return inside


def domain_latex(domain: Sequence[Interval]) -> str:
    r"""A domain as LaTeX: ``\mathbb{R}``, ``[0, \infty)``, ``(-\infty, 0) \cup (0, \infty)``."""
    if not domain:
        return r"\varnothing"
    return r" \cup ".join(interval.latex() for interval in domain)


def sample_curve(
    function: Callable[[np.ndarray], np.ndarray],
    domain: Sequence[Interval],
    window: tuple[float, float],
    n: int = 600,
) -> tuple[np.ndarray, np.ndarray]:
    """Sample a function for drawing, inside its domain only, with NaN between the pieces.

    Parameters
    ----------
    function : vectorised; called only at points of ``domain``.
    domain : the intervals where it is defined.
    window : (left, right) of the chart.
    n : about how many samples across the window.

    Returns
    -------
    x, y : arrays; pieces of the domain are separated by one (x, NaN) point, so no line is
        drawn across a gap or an asymptote. Closed ends in the window are sampled exactly (√x
        starts at its endpoint); towards an open end the samples crowd in geometrically, so a
        curve running off to infinity (ln x at 0, 1/x at 0) really leaves the chart.
    """
    left, right = window
    step = (right - left) / n
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for interval in sorted(domain, key=lambda i: i.lower):
        lower, upper = max(interval.lower, left), min(interval.upper, right)
        if lower > upper or (lower == upper and not interval.contains(np.array([lower]))[0]):
            continue
        x = np.linspace(lower, upper, max(2, int(np.ceil((upper - lower) / step)) + 1))
        near = step * np.geomspace(1e-7, 1.0, 15)[:-1]  # closer and closer to an open end
        if lower == interval.lower and not interval.closed_lower:
            x = np.concatenate([lower + near, x[1:]])
        if upper == interval.upper and not interval.closed_upper:
            x = np.concatenate([x[:-1], upper - near[::-1]])
        x = np.unique(x[interval.contains(x)])
        if x.size:
            xs.append(x)
            ys.append(np.asarray(function(x), dtype=float))
    if not xs:
        return np.array([]), np.array([])
    x_out, y_out = xs[0], ys[0]
    for x, y in zip(xs[1:], ys[1:], strict=True):
        gap = (x_out[-1] + x[0]) / 2
        x_out = np.concatenate([x_out, [gap], x])
        y_out = np.concatenate([y_out, [np.nan], y])
    return x_out, y_out


# --- parent functions and their transformations ------------------------------------------------


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """σ(z) = 1 / (1 + e^{-z}), computed without overflow for any z."""
    return special.expit(z)


@dataclass(frozen=True)
class ParentFunction:
    """A basic function whose transformations the page explores.

    Attributes
    ----------
    latex : f(x) as LaTeX.
    template : f applied to an expression: ``#`` stands for the argument, e.g. ``\\sqrt{#}``.
    function : vectorised; only called inside ``domain``.
    domain : where it is defined.
    vertical_asymptotes : x values the graph runs up or down along.
    horizontal_asymptotes : y values the graph levels off to.
    key_points : a few points (x, f(x)) worth following through a transformation.
    """

    latex: str
    template: str
    function: Callable[[np.ndarray], np.ndarray]
    domain: tuple[Interval, ...] = REALS
    vertical_asymptotes: tuple[float, ...] = ()
    horizontal_asymptotes: tuple[float, ...] = ()
    key_points: tuple[tuple[float, float], ...] = ()


PARENTS: dict[str, ParentFunction] = {
    "x²": ParentFunction(
        "x^2", r"\left(#\right)^2", np.square, key_points=((-1, 1), (0, 0), (1, 1))
    ),
    "x³": ParentFunction(
        "x^3", r"\left(#\right)^3", lambda x: x**3, key_points=((-1, -1), (0, 0), (1, 1))
    ),
    "|x|": ParentFunction("|x|", r"\left|#\right|", np.abs, key_points=((-1, 1), (0, 0), (1, 1))),
    "√x": ParentFunction(
        r"\sqrt{x}",
        r"\sqrt{#}",
        np.sqrt,
        domain=(Interval(0.0, INF, closed_lower=True),),
        key_points=((0, 0), (1, 1), (4, 2)),
    ),
    "eˣ": ParentFunction(
        "e^x",
        r"e^{#}",
        np.exp,
        horizontal_asymptotes=(0.0,),
        key_points=((0, 1), (1, np.e)),
    ),
    "ln x": ParentFunction(
        r"\ln x",
        r"\ln\left(#\right)",
        np.log,
        domain=(Interval(0.0, INF),),
        vertical_asymptotes=(0.0,),
        key_points=((1, 0), (np.e, 1)),
    ),
    "1/x": ParentFunction(
        r"\frac{1}{x}",
        r"\frac{1}{#}",
        np.reciprocal,
        domain=(Interval(-INF, 0.0), Interval(0.0, INF)),
        vertical_asymptotes=(0.0,),
        horizontal_asymptotes=(0.0,),
        key_points=((-1, -1), (1, 1)),
    ),
    "sin x": ParentFunction(
        r"\sin x",
        r"\sin\left(#\right)",
        np.sin,
        key_points=((0, 0), (np.pi / 2, 1), (np.pi, 0)),
    ),
    "sigmoid": ParentFunction(
        r"\sigma(x)",
        r"\sigma\left(#\right)",
        sigmoid,
        horizontal_asymptotes=(0.0, 1.0),
        key_points=((0, 0.5),),
    ),
}


@dataclass(frozen=True)
class Transformed:
    """g(x) = a·f(b(x - h)) + k, with its domain and asymptotes worked out.

    Attributes
    ----------
    parent : f.
    a, b, h, k : the four parameters.
    domain : the x with b(x - h) in f's domain.
    vertical_asymptotes : h + x₀/b for each vertical asymptote x₀ of f.
    horizontal_asymptotes : a·y₀ + k for each horizontal asymptote y₀ of f.
    key_points : (h + u/b, a·f(u) + k) for each key point (u, f(u)) of f.
    """

    parent: ParentFunction
    a: float
    b: float
    h: float
    k: float
    domain: tuple[Interval, ...]
    vertical_asymptotes: tuple[float, ...]
    horizontal_asymptotes: tuple[float, ...]
    key_points: tuple[tuple[float, float], ...]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """g(x), NaN where b(x - h) falls outside f's domain (rounding included: with a tiny
        b, b(x - h) can round to 0 even though x ≠ h)."""
        u = self.b * (np.asarray(x, dtype=float) - self.h)
        inside = in_domain(self.parent.domain, u)
        y = np.full(u.shape, np.nan)
        y[inside] = self.a * self.parent.function(u[inside]) + self.k
        return y


def transform(parent: ParentFunction, a: float, b: float, h: float, k: float) -> Transformed:
    """The transformation g(x) = a·f(b(x - h)) + k of a parent function f.

    Notes
    -----
    A point (u, f(u)) of f's graph moves to (h + u/b, a·f(u) + k): b squeezes the graph
    horizontally by 1/|b| (and mirrors it in the y-axis if b < 0), h shifts it right, a
    stretches it vertically (mirroring in the x-axis if a < 0), k lifts it. With b = 0, g is
    the constant a·f(0) + k where f(0) exists, and defined nowhere otherwise. A |b| below
    ``MIN_SQUEEZE`` (only a hand-made link gives one) is taken as 0: over any chart the graph
    is then that constant, or off the chart, to the pixel; and 1/(bx) no longer overflows.
    """
    if abs(b) < MIN_SQUEEZE:
        b = 0.0
        defined = bool(in_domain(parent.domain, np.array([0.0]))[0])
        return Transformed(parent, a, b, h, k, REALS if defined else (), (), (), ())
    domain = []
    for interval in parent.domain:
        ends = (h + interval.lower / b, interval.closed_lower)
        other = (h + interval.upper / b, interval.closed_upper)
        (lower, closed_lower), (upper, closed_upper) = sorted([ends, other])
        domain.append(Interval(lower, upper, closed_lower, closed_upper))
    return Transformed(
        parent,
        a,
        b,
        h,
        k,
        domain=tuple(sorted(domain, key=lambda i: i.lower)),
        vertical_asymptotes=tuple(h + x0 / b for x0 in parent.vertical_asymptotes),
        horizontal_asymptotes=tuple(a * y0 + k for y0 in parent.horizontal_asymptotes),
        key_points=tuple((h + u / b, a * v + k) for u, v in parent.key_points),
    )


def transformed_latex(g: Transformed) -> str:
    """g(x) = a·f(b(x - h)) + k as LaTeX with the numbers in, tidied (no ``1·``, no ``+ -``)."""
    if g.b == 0:
        inner = "0"
    else:
        shift = "x" if g.h == 0 else f"x {signed(-g.h, 2)}"
        if g.b == 1:
            inner = shift
        elif g.b == -1:
            inner = f"-{shift}" if g.h == 0 else f"-({shift})"
        else:
            inner = f"{format_number(g.b, 2)}{shift if g.h == 0 else f'({shift})'}"
    core = g.parent.latex if inner == "x" else g.parent.template.replace("#", inner)
    scale = {1.0: "", -1.0: "-"}.get(float(g.a), format_number(g.a, 2))
    if g.a == 0:
        return f"g(x) = {format_number(g.k, 2)}"
    tail = "" if g.k == 0 else f" {signed(g.k, 2)}"
    return f"g(x) = {scale}{core}{tail}"


# --- polynomials ------------------------------------------------------------------------------


def trim(coefficients: Sequence[float]) -> np.ndarray:
    """Coefficients (highest power first) without leading zeros."""
    c = np.asarray(coefficients, dtype=float)
    nonzero = np.flatnonzero(c)
    return c[nonzero[0] :] if nonzero.size else np.array([])


def polynomial_values(coefficients: Sequence[float], x: np.ndarray) -> np.ndarray:
    """p(x) by Horner's rule; coefficients highest power first."""
    x = np.asarray(x, dtype=float)
    y = np.zeros_like(x)
    for c in coefficients:
        y = y * x + c
    return y


def polynomial_roots(coefficients: Sequence[float]) -> np.ndarray:
    """All complex roots of a polynomial, as the eigenvalues of its companion matrix.

    Parameters
    ----------
    coefficients : c₀, c₁, ..., c_d of c₀xᵈ + c₁xᵈ⁻¹ + ... + c_d (leading zeros allowed).

    Returns
    -------
    (d,) complex ndarray, d the true degree (empty for a constant), sorted by real part.

    Notes
    -----
    The companion matrix C, with first row -c₁/c₀ ... -c_d/c₀ and ones below the diagonal,
    has characteristic polynomial p(x)/c₀, so its eigenvalues are exactly the roots.
    """
    c = trim(coefficients)
    degree = len(c) - 1
    if degree < 1:
        return np.array([], dtype=complex)
    companion = np.zeros((degree, degree))
    companion[0] = -c[1:] / c[0]
    companion[1:, :-1] = np.eye(degree - 1)
    roots = np.linalg.eigvals(companion).astype(complex)
    return roots[np.lexsort((roots.imag, roots.real))]


def is_real(roots: np.ndarray, tol: float = 1e-5) -> np.ndarray:
    """Which roots are real, allowing for rounding in the eigenvalue solver.

    Notes
    -----
    A root of multiplicity m comes out of the solver off by about eps^(1/m): 1e-8 for a
    double root, 6e-6 for a triple one, hence the relative tolerance of 1e-5.
    """
    roots = np.asarray(roots, dtype=complex)
    return np.abs(roots.imag) <= tol * (1 + np.abs(roots))


def polynomial_window(
    coefficients: Sequence[float], margin: float = 1.0
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A window that shows every real root and the shape of p between the roots.

    Returns
    -------
    (x_min, x_max), (y_min, y_max): x covers [-3, 3] and the real parts of all roots (with a
    margin); y fits |p| over the stretch where the roots are, not the far ends, where a
    polynomial shoots off and would flatten everything else.
    """
    roots = polynomial_roots(coefficients)
    parts = roots.real if roots.size else np.zeros(1)
    x_window = (min(-3.0, parts.min() - margin), max(3.0, parts.max() + margin))
    core = np.linspace(parts.min() - margin / 2, parts.max() + margin / 2, 201)
    reach = float(np.max(np.abs(polynomial_values(trim(coefficients), core)), initial=0.0))
    reach = max(1.0, 1.3 * reach)
    return x_window, (-reach, reach)


def polynomial_latex(coefficients: Sequence[float], variable: str = "x") -> str:
    """p(x) as LaTeX, highest power first, zero terms left out: ``x^3 - 2x^2 + x - 2``."""
    c = trim(coefficients)
    if not c.size:
        return "0"
    degree = len(c) - 1
    terms = []
    for power, value in zip(range(degree, -1, -1), c, strict=True):
        if value == 0:
            continue
        magnitude = format_number(abs(value), 2)
        if power and magnitude == "1":
            magnitude = ""
        monomial = "" if power == 0 else variable if power == 1 else f"{variable}^{power}"
        sign = "-" if value < 0 else "+"
        terms.append((sign, f"{magnitude}{monomial}"))
    first_sign, first = terms[0]
    text = ("-" if first_sign == "-" else "") + first
    return text + "".join(f" {sign} {term}" for sign, term in terms[1:])


def root_latex(root: complex) -> str:
    """A root as LaTeX: ``2``, ``-1.5``, ``0.5 + 1.32i``, ``-i``."""
    if is_real(np.array([root]))[0]:
        return format_number(root.real, 3)
    magnitude = format_number(abs(root.imag), 3)
    imaginary = "i" if magnitude == "1" else f"{magnitude}i"
    if abs(root.real) < 5e-4:
        return f"-{imaginary}" if root.imag < 0 else imaginary
    sign = "-" if root.imag < 0 else "+"
    return f"{format_number(root.real, 3)} {sign} {imaginary}"


def factored_latex(coefficients: Sequence[float]) -> str:
    """c₀(x - r₁)(x - r₂)... with the numerical roots, the form the roots are read from."""
    c = trim(coefficients)
    if c.size < 2:
        return format_number(c[0], 2) if c.size else "0"
    lead = {1.0: "", -1.0: "-"}.get(float(c[0]), format_number(c[0], 2))
    factors = []
    for root in polynomial_roots(c):
        if is_real(np.array([root]))[0]:
            value = root.real
            factors.append("x" if abs(value) < 5e-4 else f"(x {signed(-value)})")
        elif abs(root.real) < 5e-4:  # ±bi: x - bi, x + bi
            text = root_latex(root)
            factors.append(f"(x + {text[1:]})" if text.startswith("-") else f"(x - {text})")
        else:
            factors.append(f"(x - ({root_latex(root)}))")
    return lead + "".join(factors)


# --- exponentials and logarithms --------------------------------------------------------------


EXP_BASES: dict[str, float] = {"2": 2.0, "e": float(np.e), "10": 10.0, "1/2": 0.5}


def exponential(base: float) -> ParentFunction:
    """x ↦ bˣ as a curve to sample (domain ℝ, levels off at y = 0)."""
    return ParentFunction("b^x", "b^{#}", lambda x: np.power(base, x), horizontal_asymptotes=(0.0,))


def logarithm(base: float) -> ParentFunction:
    """x ↦ log_b x, the inverse of bˣ (domain x > 0, runs off along x = 0)."""
    return ParentFunction(
        r"\log_b x",
        r"\log_b\left(#\right)",
        lambda x: np.log(x) / np.log(base),
        domain=(Interval(0.0, INF),),
        vertical_asymptotes=(0.0,),
    )


def mirror_pair(base: float, x: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The point (x, bˣ) of the exponential and its mirror image (bˣ, x) on the logarithm.

    Notes
    -----
    Swapping coordinates reflects a point in the line y = x; since log_b(bˣ) = x, the
    reflection of the exponential's graph is the logarithm's graph.
    """
    y = float(base**x)
    return (x, y), (y, x)


def log_ticks(decades: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """The marks of a logarithmic scale from 1 to 10^decades: 1, 2, ..., 9, 10, 20, ...

    Returns
    -------
    values : (9·decades + 1,) the numbers marked.
    positions : log₁₀ of them, where they sit on the scale.
    """
    values = np.concatenate(
        [np.arange(1, 10) * 10.0**d for d in range(decades)] + [np.array([10.0**decades])]
    )
    return values, np.log10(values)


# --- the algebra of a classifier ---------------------------------------------------------------


def softmax(logits: Sequence[float], temperature: float = 1.0) -> np.ndarray:
    """softmax(z/T)_i = e^{z_i/T} / Σ_j e^{z_j/T}, computed without overflow.

    Notes
    -----
    Subtracting the largest logit first changes nothing (the common factor e^{-max} cancels)
    and keeps every exponent ≤ 0. With two classes, softmax([z, 0])₁ = σ(z).
    """
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    z = np.asarray(logits, dtype=float) / temperature
    weights = np.exp(z - z.max())
    return weights / weights.sum()


def log_loss(probability: np.ndarray | float, label: int) -> np.ndarray:
    """-[y log p + (1 - y) log(1 - p)], the log-loss of predicting p when the truth is y.

    Parameters
    ----------
    probability : p in (0, 1), any shape (the ends are infinite losses; sample inside).
    label : y, 0 or 1.
    """
    p = np.asarray(probability, dtype=float)
    return -np.log(p) if label == 1 else -np.log1p(-p)


def log_loss_from_logit(logit: np.ndarray | float, label: int) -> np.ndarray:
    """The log-loss of p = σ(z) as a function of the logit z: softplus(∓z), no overflow.

    Notes
    -----
    -log σ(z) = log(1 + e^{-z}) and -log(1 - σ(z)) = log(1 + e^{z}): finite for every z,
    linear far on the wrong side, which is why classifiers output logits.
    """
    z = np.asarray(logit, dtype=float)
    return np.logaddexp(0.0, -z if label == 1 else z)


def log_loss_curve(label: int) -> ParentFunction:
    """p ↦ log-loss(p, y) on (0, 1), as a curve to sample (it runs off at p = 0 or p = 1)."""
    return ParentFunction(
        "L(p)",
        "L(#)",
        lambda p: log_loss(p, label),
        domain=(Interval(0.0, 1.0),),
        vertical_asymptotes=(0.0,) if label == 1 else (1.0,),
    )


# --- what each part of the page shows ---------------------------------------------------------


@dataclass(frozen=True)
class TransformView:
    """A parent function and its transformation, sampled for drawing.

    Attributes
    ----------
    parent, transformed : f and g.
    parent_curve, curve : (x, y) of each, NaN-broken at gaps and asymptotes.
    window : the x (and y) range drawn.
    latex : f, g and g's domain, with the numbers in.
    asymptotes : g's asymptotes in words, e.g. ``x = 1, y = -1`` (``none`` if it has none).
    """

    parent: ParentFunction
    transformed: Transformed
    parent_curve: tuple[np.ndarray, np.ndarray]
    curve: tuple[np.ndarray, np.ndarray]
    window: tuple[float, float]
    latex: str
    asymptotes: str


def transformation_view(
    parent: ParentFunction, a: float, b: float, h: float, k: float, window=(-8.0, 8.0)
) -> TransformView:
    """Everything the functions view shows for g(x) = a·f(b(x - h)) + k."""
    g = transform(parent, a, b, h, k)
    words = [f"x = {format_number(v, 2)}" for v in g.vertical_asymptotes]
    words += [f"y = {format_number(v, 2)}" for v in g.horizontal_asymptotes]
    latex = (
        rf"f(x) = {parent.latex},\quad {transformed_latex(g)},\quad"
        rf" \text{{domain of g}} = {domain_latex(g.domain)}"
    )
    return TransformView(
        parent=parent,
        transformed=g,
        parent_curve=sample_curve(parent.function, parent.domain, window),
        curve=sample_curve(g, g.domain, window),
        window=window,
        latex=latex,
        asymptotes=", ".join(words) or "none",
    )


@dataclass(frozen=True)
class PolynomialView:
    """A polynomial's graph and its roots.

    Attributes
    ----------
    x, y : (n,) the graph over a window that shows every real root.
    roots : (d,) all complex roots; real : (d,) which of them are real.
    y_range : the graph's vertical range.
    latex : p(x) expanded and factored; roots : the roots as LaTeX, comma separated.
    is_zero : all coefficients are 0.
    """

    x: np.ndarray
    y: np.ndarray
    roots: np.ndarray
    real: np.ndarray
    y_range: tuple[float, float]
    latex: str
    roots_latex: str
    is_zero: bool


def polynomial_view(coefficients: Sequence[float], n: int = 600) -> PolynomialView:
    """Everything the polynomials view shows (coefficients highest power first)."""
    c = trim(coefficients)
    roots = polynomial_roots(c)
    (left, right), y_range = polynomial_window(c)
    x = np.linspace(left, right, n)
    return PolynomialView(
        x=x,
        y=polynomial_values(c, x),
        roots=roots,
        real=is_real(roots),
        y_range=y_range,
        latex=f"p(x) = {polynomial_latex(c)} = {factored_latex(c)}",
        roots_latex=", ".join(root_latex(r) for r in roots) or "none",
        is_zero=not c.size,
    )


@dataclass(frozen=True)
class ExpLogView:
    """bˣ and log_b x as mirror images, and a point with its reflection.

    Attributes
    ----------
    exp_curve, log_curve : (x, y) of each over the window.
    pair : ((x, bˣ), (bˣ, x)).
    window : the square drawn.
    latex : bˣ = y ⇔ log_b y = x with the numbers in.
    """

    exp_curve: tuple[np.ndarray, np.ndarray]
    log_curve: tuple[np.ndarray, np.ndarray]
    pair: tuple[tuple[float, float], tuple[float, float]]
    window: tuple[float, float]
    latex: str

    @property
    def pair_visible(self) -> bool:
        """Whether both points lie inside the window."""
        lo, hi = self.window
        return all(lo <= v <= hi for point in self.pair for v in point)


def exp_log_view(base_name: str, x: float, window=(-4.0, 6.0)) -> ExpLogView:
    """Everything the exp-and-log view shows for a base from :data:`EXP_BASES`."""
    base = EXP_BASES[base_name]
    exp_f, log_f = exponential(base), logarithm(base)
    pair = mirror_pair(base, x)
    f = format_number
    latex = (
        rf"{base_name}^{{{f(x)}}} = {f(pair[0][1])} \iff \log_{{{base_name}}} {f(pair[0][1])}"
        rf" = {f(x)}"
    )
    return ExpLogView(
        exp_curve=sample_curve(exp_f.function, exp_f.domain, window),
        log_curve=sample_curve(log_f.function, log_f.domain, window),
        pair=pair,
        window=window,
        latex=latex,
    )


@dataclass(frozen=True)
class ProductView:
    """log(x₁x₂) = log x₁ + log x₂ on a logarithmic scale from 1 to 100.

    Attributes
    ----------
    tick_values, tick_positions : the scale's marks and log₁₀ of them.
    logs : (2,) log₁₀ x₁ and log₁₀ x₂, laid end to end.
    product : x₁x₂.
    latex : the identity with the numbers in.
    """

    tick_values: np.ndarray
    tick_positions: np.ndarray
    logs: np.ndarray
    product: float
    latex: str


def product_view(x1: float, x2: float) -> ProductView:
    """Everything the products-to-sums view shows (x₁, x₂ in [1, 10])."""
    values, positions = log_ticks(2)
    logs = np.log10([x1, x2])
    f = format_number
    latex = (
        rf"\log_{{10}}({f(x1)} \times {f(x2)}) = \log_{{10}} {f(x1)} + \log_{{10}} {f(x2)} = "
        rf"{f(logs[0])} + {f(logs[1])} = {f(logs.sum())} = \log_{{10}} {f(x1 * x2)}"
    )
    return ProductView(values, positions, logs, x1 * x2, latex)


@dataclass(frozen=True)
class SoftmaxView:
    """Softmax of a few logits, and the sigmoid hiding inside it.

    Attributes
    ----------
    probabilities : (k,) softmax(z/T).
    z, sigma : (n,) the sigmoid curve.
    difference : (z₁ - z₂)/T; pair_probability : p₁/(p₁ + p₂) = σ(difference).
    latex : the numbers.
    """

    probabilities: np.ndarray
    z: np.ndarray
    sigma: np.ndarray
    difference: float
    pair_probability: float
    latex: str


def softmax_view(logits: Sequence[float], temperature: float) -> SoftmaxView:
    """Everything the sigmoid-and-softmax view shows (at least two logits)."""
    p = softmax(logits, temperature)
    z = np.linspace(-8.0, 8.0, 401)
    pair = float(p[0] / (p[0] + p[1]))
    values = ", ".join(format_number(v) for v in p)
    latex = (
        rf"\operatorname{{softmax}}(z/T)_i = \frac{{e^{{z_i/T}}}}{{\sum_j e^{{z_j/T}}}} = "
        rf"({values}),\quad \frac{{p_1}}{{p_1 + p_2}} = "
        rf"\sigma\!\left(\frac{{z_1 - z_2}}{{T}}\right) = {format_number(pair)}"
    )
    difference = (logits[0] - logits[1]) / temperature
    return SoftmaxView(p, z, sigmoid(z), float(difference), pair, latex)


@dataclass(frozen=True)
class LogLossView:
    """The log-loss of one prediction, against p and against the logit.

    Attributes
    ----------
    logit, probability, loss : z, p = σ(z) and the loss for the true label.
    p_curve : (p, L(p)) sampled inside (0, 1).
    z, z_loss : (n,) the loss against the logit.
    asymptote : the p where L(p) runs off to infinity.
    latex : the numbers.
    """

    logit: float
    probability: float
    loss: float
    p_curve: tuple[np.ndarray, np.ndarray]
    z: np.ndarray
    z_loss: np.ndarray
    asymptote: float
    latex: str


def log_loss_view(logit: float, label: int) -> LogLossView:
    """Everything the log-loss view shows for a logit and a true label (0 or 1)."""
    curve = log_loss_curve(label)
    p = float(sigmoid(logit))
    loss = float(log_loss_from_logit(logit, label))
    z = np.linspace(-8.0, 8.0, 401)
    f = format_number
    latex = (
        rf"L = -[y\log p + (1-y)\log(1-p)],\quad p = \sigma({f(logit, 2)}) = {f(p)},\quad"
        rf" L = \log(1 + e^{{{'-' if label else ''}z}}) = {f(loss)}"
    )
    return LogLossView(
        logit=float(logit),
        probability=p,
        loss=loss,
        p_curve=sample_curve(curve.function, curve.domain, (0.0, 1.0)),
        z=z,
        z_loss=log_loss_from_logit(z, label),
        asymptote=curve.vertical_asymptotes[0],
        latex=latex,
    )
