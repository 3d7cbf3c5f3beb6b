"""Theory beside practice on the quadratic bowl, as plotly dicts (:class:`Prebuilt`).

- :func:`rate_figure`: plain gradient descent's rate max |1 − lr λ| against the step, with the
  largest stable step, the best one, and the rate a path actually showed;
- :func:`phase_figure`: the heavy ball's rate over (step, momentum), Distill's phase diagram,
  with the best setting and the learner's.

The rates come from :mod:`mathviz.optim.rates` and the best settings from
:mod:`mathviz.optim.theory`; nothing here computes them again. No NaN goes into the JSON.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from plotly.colors import sequential

from mathviz.core import numbers
from mathviz.optim import rates
from mathviz.optim.theory import BowlTheory, bowl_theory
from mathviz.plot import theme
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.theme import COLORS
from mathviz.plot.traces import TOP_LEGEND

# The steps shown, as shares of plain descent's largest stable step 2 / λmax.
LR_LOW = 1e-3
RATE_LR_HIGH = 1.5
PHASE_LR_HIGH = 2.2  # momentum is stable up to twice plain descent's step (β → 1)
CURVE_POINTS = 400
LR_COUNT, BETA_COUNT = 120, 100  # the phase diagram's grid (columns, rows)
BETA_TOP = 0.99
BETA_LIMIT = 0.999  # the grid never reaches β = 1, where nothing converges
# The map's colour is the rate on the scale of −log₁₀(1 − rate), the digits of 9 in it
# (0.9 → 1, 0.99 → 2): the number of steps grows as 1 / (1 − rate), so 0.99 and 0.999 differ
# as much as 0.9 and 0.99 do. A linear scale painted every bowl with κ ≳ 30 in one colour.
SLOWEST = 4.0  # rates of 0.9999 and more take the last colour
DIVERGED_BAND = 0.6  # the colour bar's "diverges" band, above SLOWEST
RATE_TICKS = (0.0, 0.5, 0.9, 0.99, 0.999, 0.9999)
LABEL_DEPTH = 2  # a region is named where it is at least this many cells deep
# and, where it can be, clear of the learner's point and its label: this many rows above or
# below it, or columns to either side (a label is wider than it is tall)
LABEL_CLEARANCE = (8, 18)

NEUTRAL = "rgba(128, 128, 128, 0.9)"  # reads on the light and the dark theme
DIVERGED_COLOR = "#9A9A9A"
RATE_COLOR = COLORS["primary"]
LOW_COLOR, HIGH_COLOR = COLORS["soft"], COLORS["secondary"]
LIMIT_COLOR = COLORS["accent"]
BEST_COLOR = COLORS["tertiary"]
YOURS_COLOR = COLORS["highlight"]


def _marker(x, y, color, name, symbol="circle", size=13, edge="#FFFFFF", **extra) -> dict:
    """One point as a scatter trace, drawn even where it touches the axes' edge."""
    return {
        "type": "scatter", "x": typed([x]), "y": typed([y]), "mode": "markers",
        "marker": {"color": color, "size": size, "symbol": symbol,
                   "line": {"color": edge, "width": 1.5}},
        "name": name, "cliponaxis": False, "showlegend": False,
        "hovertemplate": f"{name}<br>lr %{{x:.4g}}<br>rate %{{y:.4g}}<extra></extra>", **extra,
    }  # fmt: skip


def _line(xs, ys, color, name, width=2.0, dash=None, **extra) -> dict:
    line = {"color": color, "width": width} | ({"dash": dash} if dash else {})
    return {
        "type": "scatter", "x": typed(xs, "f4"), "y": typed(ys, "f4"), "mode": "lines",
        "line": line, "name": name, "hoverinfo": "skip", **extra,
    }  # fmt: skip


def _note(x: float, y: float, text: str, color: str, yref: str = "y", **extra) -> dict:
    """A short label; ``x`` on the log axis is given as the step itself."""
    return {
        "x": math.log10(x), "y": y, "xref": "x", "yref": yref, "text": text,
        "showarrow": False, "font": {"color": color, "size": 13}, **extra,
    }  # fmt: skip


def _steps(low: float, high: float, kinks: Sequence[float]) -> np.ndarray:
    """Log-spaced steps from ``low`` to ``high`` with the curve's corners in ``kinks`` added,
    so that a |1 − lr λ| reaches 0 where it does."""
    grid = np.geomspace(low, high, CURVE_POINTS)
    inside = [k for k in kinks if low < k < high]
    return np.unique(np.concatenate([grid, inside]))


def _positive(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number")
    return value


def rate_figure(theory: BowlTheory, lr: float, measured: float | None = None) -> Prebuilt:
    """Gradient descent's rate against its step on a bowl, with the theory's landmarks.

    Parameters
    ----------
    theory : the bowl's theory (:func:`mathviz.optim.theory.bowl_theory`).
    lr : the step in use, > 0: a point on the curve.
    measured : the rate read off that step's path (:func:`mathviz.optim.theory.measured_rate`),
        a second point above or below the first; None (or not finite) for none.

    The curve max(|1 − lr λmin|, |1 − lr λmax|) is drawn thick over its two parts, on a log
    step axis from 10⁻³ to 1.5 times 2 / λmax (wider if ``lr`` is outside), the rate 1
    dashed, the steps beyond 2 / λmax shaded, and the best step 2 / (λmin + λmax) with its
    rate (κ − 1) / (κ + 1) starred.
    """
    lr = _positive("the step", lr)
    low_lambda, high_lambda = theory.eigenvalues
    limit = theory.max_stable_lr
    low, high = min(LR_LOW * limit, lr / 2), max(RATE_LR_HIGH * limit, 1.1 * lr)
    xs = _steps(low, high, (1 / low_lambda, 1 / high_lambda, theory.best_lr, limit))
    curve = rates.gd_rate(xs, theory.eigenvalues)
    yours = float(rates.gd_rate(lr, theory.eigenvalues))
    shown = measured is not None and math.isfinite(measured)
    top = 1.05 * max(float(curve.max()), float(measured) if shown else 0.0)
    data = [
        _line(xs, rates.gd_rate(xs, [low_lambda]), LOW_COLOR, "|1 − lr λmin|", 1.5, "dot"),
        _line(xs, rates.gd_rate(xs, [high_lambda]), HIGH_COLOR, "|1 − lr λmax|", 1.5, "dot"),
        _line(xs, curve, RATE_COLOR, "rate max |1 − lr λ|", 3.5),
        _line([low, high], [1.0, 1.0], NEUTRAL, "rate 1", 1.5, "dash", showlegend=False),
        _line([limit, limit], [0.0, top], LIMIT_COLOR, "2/λmax", 2, showlegend=False),
        _marker(theory.best_lr, theory.best_rate, BEST_COLOR, "best step", "star", 17),
        _marker(lr, yours, YOURS_COLOR, "your lr"),
    ]
    if shown:
        data.append(
            _marker(lr, float(measured), YOURS_COLOR, "measured on the path", "diamond-open",
                    15, YOURS_COLOR) | {"showlegend": True}
        )  # fmt: skip
    low_star = theory.best_rate < 0.15 * top  # κ near 1: the star sits on the axis
    right = math.log(lr / low) / math.log(high / low) > 0.8  # its label to the left
    notes = [
        _note(limit, 1.0, "2/λmax (largest stable step)", LIMIT_COLOR, "paper",
              xanchor="right", yanchor="top", xshift=-4),
        _note(low, 1.0, "rate 1", NEUTRAL, xanchor="left", yanchor="bottom"),
        _note(theory.best_lr, theory.best_rate,
              f"best: (κ−1)/(κ+1) = {numbers.text(theory.best_rate)}", BEST_COLOR,
              xanchor="right", yanchor="bottom" if low_star else "top", xshift=-12,
              yshift=4 if low_star else -4),
        _note(lr, yours, "your lr", YOURS_COLOR, xanchor="right" if right else "left",
              yanchor="bottom", xshift=-6 if right else 6, yshift=6),
    ]  # fmt: skip
    layout = {
        "xaxis": {"type": "log", "dtick": 1, "range": [math.log10(low), math.log10(high)],
                  "title": {"text": "step size lr (log scale)"}, "exponentformat": "power"},
        "yaxis": {"range": [0.0, top], "title": {"text": "rate (error factor per step)"},
                  "zeroline": False},
        "shapes": [
            {"type": "rect", "xref": "x", "yref": "paper", "x0": limit, "x1": high, "y0": 0,
             "y1": 1, "fillcolor": LIMIT_COLOR, "opacity": 0.08, "line": {"width": 0},
             "layer": "below"},
        ],
        "annotations": notes,
        "legend": TOP_LEGEND,
        "margin": {"t": 70, "r": 20},
        "hovermode": "closest",
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def _edges(centres: np.ndarray, log: bool) -> np.ndarray:
    """The n + 1 cell edges of a grid of n centres (geometric midpoints on a log axis), so
    that plotly draws each cell where it is and never has to guess."""
    values = np.log(centres) if log else centres
    middle = (values[1:] + values[:-1]) / 2
    edges = np.concatenate([[2 * values[0] - middle[0]], middle, [2 * values[-1] - middle[-1]]])
    return np.exp(edges) if log else edges


def _label_cell(mask: np.ndarray, avoid: tuple[float, float]) -> tuple[int, int] | None:
    """Where to name a region of the grid: a cell as deep inside it as can be, clear
    (:data:`LABEL_CLEARANCE`) of the cell ``avoid`` (the learner's point) if a cell
    :data:`LABEL_DEPTH` deep is, and near the middle of those; None if it is nowhere
    :data:`LABEL_DEPTH` deep (erosion by the 4 neighbours, outside the grid is outside it)."""
    cores, core = [], mask
    while True:
        inner = core.copy()
        inner[1:, :] &= core[:-1, :]
        inner[:-1, :] &= core[1:, :]
        inner[:, 1:] &= core[:, :-1]
        inner[:, :-1] &= core[:, 1:]
        inner[0, :] = inner[-1, :] = inner[:, 0] = inner[:, -1] = False
        if not inner.any():
            break
        cores.append(core := inner)
    if len(cores) < LABEL_DEPTH:
        return None
    for deep in reversed(cores[LABEL_DEPTH - 1 :]):
        cells = np.argwhere(deep)
        cells = cells[np.any(np.abs(cells - np.asarray(avoid)) > LABEL_CLEARANCE, axis=1)]
        if len(cells):
            break
    else:
        cells = np.argwhere(cores[-1])
    middle = cells[np.argmin(np.sum((cells - cells.mean(axis=0)) ** 2, axis=1))]
    return int(middle[0]), int(middle[1])


def _nines(rate: np.ndarray) -> np.ndarray:
    """The colour's value for each rate: −log₁₀(1 − rate) up to :data:`SLOWEST`, and the
    middle of the "diverges" band for a rate of 1 or more."""
    nines = -np.log10(np.maximum(1.0 - rate, 10.0**-SLOWEST))
    return np.where(rate >= 1.0, SLOWEST + DIVERGED_BAND / 2, np.minimum(nines, SLOWEST))


def _colorscale() -> list:
    """Viridis from rate 0 (dark, fast) to 0.9999 (bright, slow), then grey: "diverges"."""
    split = SLOWEST / (SLOWEST + DIVERGED_BAND)
    ramp = sequential.Viridis
    stops = [[split * i / (len(ramp) - 1), color] for i, color in enumerate(ramp)]
    # the grey starts just above the last rate colour: a rate capped at SLOWEST stays yellow
    return stops + [[split + 1e-6, DIVERGED_COLOR], [1.0, DIVERGED_COLOR]]


def _colorbar() -> dict:
    ticks = [float(_nines(np.array(r))) for r in RATE_TICKS] + [SLOWEST + DIVERGED_BAND / 2]
    return {
        "title": {"text": "rate", "side": "top"}, "thickness": 14, "len": 0.9,
        "tickmode": "array", "tickvals": ticks,
        "ticktext": [numbers.text(r, digits=4) for r in RATE_TICKS] + ["diverges"],
    }  # fmt: skip


def phase_figure(
    eigenvalues: Sequence[float],
    lr: float,
    beta: float,
    *,
    lr_count: int = LR_COUNT,
    beta_count: int = BETA_COUNT,
) -> Prebuilt:
    """The heavy ball's rate on the bowl over (step, momentum): Distill's phase diagram.

    Parameters
    ----------
    eigenvalues : the bowl's two curvatures (either order), both > 0.
    lr, beta : the learner's setting, lr > 0 and 0 ≤ β < 1: a point on the map.
    lr_count, beta_count : the grid, log-spaced steps from 10⁻³ to 2.2 times 2 / λmax
        (wider to take in ``lr``) by momenta from 0 to 0.99 (higher to take in ``beta``).

    The colour is the rate (:func:`rates.momentum_phase`) on a scale of −log₁₀(1 − rate), so
    that 0.9, 0.99 and 0.999 are as far apart as the steps they take, grey where it is 1 or
    more (the exact rate is in the hover);
    dashed, the edges of the band where every direction ripples (rate √β,
    :func:`rates.ripple_band`), which meet at the best setting (starred, rate
    (√κ − 1) / (√κ + 1)); the regions of :func:`rates.momentum_regions` are named where they
    are deep enough. The bottom row, β = 0, is plain gradient descent.
    """
    lr = _positive("the step", lr)
    if min(lr_count, beta_count) < 2:
        raise ValueError("the grid needs at least two steps and two momenta")
    beta = float(beta)
    if not 0.0 <= beta < 1.0:
        raise ValueError("the momentum β is between 0 (included) and 1 (excluded)")
    low_lambda, high_lambda = sorted(_positive("a curvature", v) for v in eigenvalues)
    bowl = bowl_theory(np.diag([low_lambda, high_lambda]))
    curvatures = bowl.eigenvalues
    limit = bowl.max_stable_lr
    low, high = min(LR_LOW * limit, lr / 1.5), max(PHASE_LR_HIGH * limit, 1.1 * lr)
    top = min(max(BETA_TOP, beta, bowl.momentum_beta), BETA_LIMIT)
    lr_grid = np.geomspace(low, high, lr_count)
    beta_grid = np.linspace(0.0, top, beta_count)
    rate = rates.momentum_phase(curvatures, lr_grid, beta_grid)
    regions = rates.momentum_regions(curvatures, lr_grid, beta_grid)
    x_edges, y_edges = _edges(lr_grid, log=True), _edges(beta_grid, log=False)
    shape = {"shape": f"{beta_count},{lr_count}"}
    heat = {
        "type": "heatmap",
        "x": typed(x_edges, "f4"),
        "y": typed(y_edges, "f4"),
        "z": typed(_nines(rate), "f4") | shape,
        "customdata": typed(np.minimum(rate, 1e6), "f4") | shape,  # the rate itself, to read
        "zmin": 0.0,
        "zmax": SLOWEST + DIVERGED_BAND,
        "colorscale": _colorscale(),
        "colorbar": _colorbar(),
        "hovertemplate": "lr %{x:.3g}<br>β %{y:.3f}<br>rate %{customdata:.4f}<extra></extra>",
        "name": "rate",
    }
    data = [heat]
    band_betas = np.linspace(bowl.momentum_beta, top, 60)
    band_low, band_high = rates.ripple_band(band_betas, curvatures)
    for edge in (band_low, band_high):
        data.append(_line(edge, band_betas, "#FFFFFF", "ripples' edge", 1.5, "dash",
                          showlegend=False))  # fmt: skip
    yours = float(rates.momentum_rate_bowl(lr, beta, curvatures))
    best = f"best: (√κ−1)/(√κ+1) = {numbers.text(bowl.momentum_rate)}"
    data += [
        _marker(bowl.momentum_lr, bowl.momentum_beta, "#FFFFFF", "best (lr, β)", "star", 17,
                "#333333", hovertemplate="best (lr, β)<br>lr %{x:.4g}<br>β %{y:.4g}<br>"
                f"rate {numbers.text(bowl.momentum_rate)}<extra></extra>"),
        _marker(lr, beta, YOURS_COLOR, "your lr, β",
                hovertemplate="your lr, β<br>lr %{x:.4g}<br>β %{y:.4g}<br>"
                f"rate {numbers.text(yours)}<extra></extra>"),
    ]  # fmt: skip
    low_star = bowl.momentum_beta < 0.15 * top  # κ near 1: the star sits on the axis
    log_low, log_high = math.log10(x_edges[0]), math.log10(x_edges[-1])
    right = (math.log10(lr) - log_low) / (log_high - log_low) > 0.7
    notes = [
        _note(bowl.momentum_lr, bowl.momentum_beta, best, "#FFFFFF", xanchor="right",
              yanchor="bottom" if low_star else "top", xshift=-10,
              yshift=8 if low_star else -6, bgcolor="rgba(0, 0, 0, 0.45)"),
        _note(low, 0.0, "β = 0: gradient descent", "#FFFFFF", xanchor="left",
              yanchor="bottom", yshift=2, bgcolor="rgba(0, 0, 0, 0.45)"),
    ]  # fmt: skip
    yours_cell = (np.searchsorted(beta_grid, beta), np.searchsorted(lr_grid, lr))
    for code, name in enumerate(rates.REGIONS):
        cell = _label_cell(regions == code, yours_cell)
        if cell is not None:
            row, column = cell
            notes.append(_note(lr_grid[column], beta_grid[row], name, "#FFFFFF",
                               bgcolor="rgba(0, 0, 0, 0.35)"))  # fmt: skip
    # the learner's label last, over any other
    notes.append(_note(lr, beta, "your lr, β", "#FFFFFF", xanchor="right" if right else "left",
                       xshift=-10 if right else 10, bgcolor=YOURS_COLOR))  # fmt: skip
    layout = {
        "xaxis": {"type": "log", "dtick": 1, "range": [log_low, log_high],
                  "exponentformat": "power", "showgrid": False,
                  "title": {"text": "step size lr (log scale)"}},
        "yaxis": {"range": [float(y_edges[0]), float(y_edges[-1])], "showgrid": False,
                  "title": {"text": "momentum β"}, "zeroline": False},
        "annotations": notes,
        "showlegend": False,
        # r: room for the colour bar and its "diverges", so plotly need not widen it and
        # draw the chart twice
        "margin": {"t": 30, "r": 120, "b": 66, "l": theme.LOG_AXIS_LEFT},
        "hovermode": "closest",
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})
