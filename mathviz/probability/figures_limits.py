"""The pictures of /limit-theorems, as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`).

Coins and dice (the shares of each face against the truth, and the running share, played
flip by flip), the draws of a distribution (histogram against the density or PMF, empirical
CDF against the CDF with the KS gap), the running mean with its ±σ/√n band (played over
log-spaced n), the standardised means against N(0, 1) with a QQ plot (played over n), and the
KS distance against n on log-log axes. The builders take the results of
:mod:`mathviz.probability.sampling` and :mod:`mathviz.probability.clt`; they select and thin
what is drawn but compute no statistics.
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.traces import TOP_LEGEND, rgba, sparse_labels
from mathviz.probability.clt import CLTStudy
from mathviz.probability.sampling import ChanceRun, DrawSummary, RunningMean, log_counts

SAMPLE_COLOR = theme.COLORS["primary"]
TRUTH_COLOR = theme.COLORS["secondary"]
GAP_COLOR = theme.COLORS["accent"]
CAUCHY_COLOR = theme.COLORS["highlight"]
EXACT_COLOR = theme.COLORS["tertiary"]
FACE_COLORS = tuple(theme.COLORWAY)
CHANCE_FRAMES = 100  # frames of the coin/die animation
CHANCE_LINE = 150  # points of a running share drawn per frame
RUNNING_FRAMES = 40  # frames of the running-mean animation
RUNNING_LINE = 300  # points of a running mean (and its band) drawn per frame
LEFT, RIGHT = [0.0, 0.42], [0.56, 1.0]


def _axis(title: str, domain=None, **extra) -> dict:
    return {"title": {"text": title}} | ({"domain": domain} if domain else {}) | extra


def _frame_counts(n: int, frames: int) -> np.ndarray:
    """Frame sizes 1 … n: every one while few, then log-spaced (n last)."""
    return log_counts(n, frames)


def _thin(upto: int, keep: int) -> np.ndarray:
    """At most ``keep`` indices 0 … upto − 1 evenly spread, both ends kept."""
    return np.unique(np.round(np.linspace(0, upto - 1, min(upto, keep))).astype(int))


# ---- coins and dice -------------------------------------------------------------------------


def _strided(upto: int, keep: int) -> np.ndarray:
    """Indices 0 … upto − 1 at a constant stride, the last one kept, at most about ``keep``
    (so that a line's x is ``x0`` and ``dx``, not an array)."""
    stride = max(1, math.ceil(upto / keep))
    return np.arange((upto - 1) % stride, upto, stride)


def _chance_moving(run: ChanceRun, m: int) -> list[dict]:
    """The traces a coin/die frame changes: the shares after ``m`` throws, then the running
    share of each face shown (heads only for a coin) up to ``m``."""
    kept = _strided(m, CHANCE_LINE)
    stride = int(kept[1] - kept[0]) if len(kept) > 1 else 1
    shown = 1 if len(run.faces) == 2 else len(run.faces)
    lines = [{"type": "scatter", "x0": int(kept[0]) + 1, "dx": stride,
              "y": typed(run.shares[kept, j], "f4")} for j in range(shown)]  # fmt: skip
    return [{"type": "bar", "y": typed(run.shares[m - 1], "f4")}, *lines]


def chance_figure(run: ChanceRun, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left, the share of each face after m throws (bars) against its chance (marks); right,
    the running share of heads (a coin) or of every face (a die) as m grows, against the
    truth. ▶ Play throws one at a time; the figure opens on all n."""
    ink = theme.ink(dark)
    faces = list(run.faces)
    coin = len(faces) == 2
    frames_at = _frame_counts(run.n, CHANCE_FRAMES)
    moving = _chance_moving(run, run.n)
    right = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        {"type": "bar", "x": faces, **moving[0], "name": "share seen",
         "marker": {"color": SAMPLE_COLOR}, "hovertemplate": "%{x}: %{y:.3f}<extra></extra>"},
        {"type": "scatter", "mode": "markers", "x": faces, "y": typed(run.probabilities),
         "name": "true chance", "marker": {"color": TRUTH_COLOR, "symbol": "line-ew-open",
                                            "size": 44, "line": {"width": 4}},
         "hovertemplate": "%{x}: %{y:.3f}<extra>true chance</extra>"},
    ]  # fmt: skip
    for value in run.probabilities[:1]:  # heads' chance; a fair die's faces are all 1/6
        data.append({"type": "scatter", "mode": "lines", "x": [1, max(run.n, 2)],
                     "y": [float(value), float(value)], "line": {"color": TRUTH_COLOR,
                     "dash": "dash", "width": 2}, "showlegend": False, "hoverinfo": "skip",
                     **right})  # fmt: skip
    for j, line in enumerate(moving[1:]):
        name = "share of heads" if coin else f"share of {faces[j]}s"
        data.append({"type": "scatter", "mode": "lines", **line, "name": name,
                     "line": {"color": SAMPLE_COLOR if coin else FACE_COLORS[j % 7],
                              "width": 2.5}, "showlegend": not coin, **right})  # fmt: skip
    moving_indices = [0, *range(len(data) - len(moving) + 1, len(data))]
    frames = [{"name": str(m), "data": _chance_moving(run, int(m)), "traces": moving_indices}
              for m in frames_at]  # fmt: skip
    unit = "flips" if coin else "rolls"
    labels = [str(int(m)) for m in frames_at]
    layout = {
        "xaxis": _axis("face", LEFT, type="category"),
        "yaxis": _axis("share", None, range=[0, 1.05]),
        "xaxis2": _axis(f"{unit} so far", RIGHT, range=[0.5, run.n + 0.5]),
        "yaxis2": _axis("running share", None, range=[0, 1.02], anchor="x2"),
        "legend": TOP_LEGEND, "margin": {"t": 70, "r": 30, "b": 160}, "showlegend": True,
        **animation_controls([f["name"] for f in frames], labels, active=len(frames) - 1,
                             readout=f"{unit}: ", ink=ink, speed=speed),
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


# ---- draws: histogram and empirical CDF -----------------------------------------------------


def draws_figure(summary: DrawSummary, dark: bool = False) -> Prebuilt:
    """Left, the histogram of the draws (bars) against the true density or PMF; right, the
    empirical CDF against the true CDF, with the KS gap D marked where it is widest."""
    widths = np.diff(summary.edges)
    centres = (summary.edges[:-1] + summary.edges[1:]) / 2
    right = {"xaxis": "x2", "yaxis": "y2"}
    truth_name = "true PMF" if summary.discrete else "true density"
    truth = (
        {"type": "scatter", "mode": "markers", "marker": {"color": TRUTH_COLOR, "size": 9,
         "symbol": "diamond"}} if summary.discrete else
        {"type": "scatter", "mode": "lines", "line": {"color": TRUTH_COLOR, "width": 3}}
    )  # fmt: skip
    shape = "hv"
    ends = summary.ks_ends
    data = [
        {"type": "bar", "x": typed(centres), "y": typed(summary.density),
         "width": typed(widths * (0.8 if summary.discrete else 1.0)),
         "marker": {"color": rgba(SAMPLE_COLOR, 0.65), "line": {"width": 0}},
         "name": "draws" + (" (share of each value)" if summary.discrete else " (density)"),
         "hovertemplate": "%{x:.3g}: %{y:.4g}<extra></extra>"},
        truth | {"x": typed(summary.curve_x), "y": typed(summary.curve_y), "name": truth_name,
                 "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "x": typed(summary.ecdf_x),
         "y": typed(summary.ecdf_y), "line": {"color": SAMPLE_COLOR, "width": 2.5,
                                              "shape": shape},
         "name": "empirical CDF Fₙ", "hoverinfo": "skip", **right},
        {"type": "scatter", "mode": "lines", "x": typed(summary.cdf_x),
         "y": typed(summary.cdf_y), "line": {"color": TRUTH_COLOR, "width": 2, "dash": "dash",
                                             "shape": shape if summary.discrete else "linear"},
         "name": "true CDF F", "hoverinfo": "skip", **right},
        {"type": "scatter", "mode": "lines+markers", "x": [summary.ks_at, summary.ks_at],
         "y": [ends[0], ends[1]], "line": {"color": GAP_COLOR, "width": 4},
         "marker": {"size": 7, "color": GAP_COLOR},
         "name": f"KS distance D = {text(summary.ks, 3)}", **right},
    ]  # fmt: skip
    low, high = float(summary.edges[0]), float(summary.edges[-1])
    layout = {
        "xaxis": _axis("x", LEFT, range=[low, high]),
        "yaxis": _axis("share" if summary.discrete else "density", None, rangemode="tozero"),
        "xaxis2": _axis("x", RIGHT, range=[low, high]),
        "yaxis2": _axis("P(X ≤ x)", None, range=[-0.02, 1.02], anchor="x2"),
        "bargap": 0, "legend": TOP_LEGEND, "margin": {"t": 90, "b": 150}, "showlegend": True,
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


# ---- the running mean -----------------------------------------------------------------------


def _finite_range(*arrays: np.ndarray, pad: float = 0.06) -> list[float]:
    values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays])
    values = values[np.isfinite(values)]
    if not values.size:
        return [-1.0, 1.0]
    low, high = float(values.min()), float(values.max())
    span = max(high - low, 1e-9)
    return [low - pad * span, high + pad * span]


def _running_moving(summary: DrawSummary | RunningMean, upto: int, band: bool) -> list[dict]:
    """The traces a running-mean frame changes: the band's upper and lower edges (when there
    is one), then the path, all up to the count ``upto``."""
    kept = np.flatnonzero(summary.counts <= upto)
    kept = kept[_thin(len(kept), RUNNING_LINE)]
    x = typed(summary.counts[kept], "f4")
    path = {"type": "scatter", "x": x, "y": typed(summary.running[kept], "f4")}
    if not band:
        return [path]
    centre = summary.mean
    half = summary.half_width[kept]
    return [{"type": "scatter", "x": x, "y": typed(centre + half, "f4")},
            {"type": "scatter", "x": x, "y": typed(centre - half, "f4")}, path]  # fmt: skip


def running_mean_figure(
    summary: DrawSummary,
    cauchy: RunningMean | None = None,
    speed: float = 1.0,
    dark: bool = False,
) -> Prebuilt:
    """The running mean x̄ₘ as the draws arrive (log m), inside μ ± σ/√m; under it, when
    ``cauchy`` is given, a standard Cauchy's running mean, which never settles. ▶ Play
    accumulates the draws (frames at log-spaced m); the figure opens on all n."""
    ink = theme.ink(dark)
    band = math.isfinite(summary.std) and math.isfinite(summary.mean)
    top = [0.56, 1.0] if cauchy is not None else [0.0, 1.0]
    data: list[dict] = []
    n = summary.n
    if math.isfinite(summary.mean):
        data.append({"type": "scatter", "mode": "lines", "x": [1, max(n, 2)],
                     "y": [summary.mean, summary.mean], "name": f"mean μ = {text(summary.mean)}",
                     "line": {"color": TRUTH_COLOR, "dash": "dash", "width": 2},
                     "hoverinfo": "skip"})  # fmt: skip
    moving = _running_moving(summary, n, band)
    first_moving = len(data)
    if band:
        fill = rgba(TRUTH_COLOR, 0.22)
        data.append({"type": "scatter", "mode": "lines", **moving[0], "line": {"width": 0,
                     "color": fill}, "name": "μ ± σ/√m", "hoverinfo": "skip"})  # fmt: skip
        data.append({"type": "scatter", "mode": "lines", **moving[1], "fill": "tonexty",
                     "fillcolor": fill, "line": {"width": 0, "color": fill},
                     "showlegend": False, "hoverinfo": "skip"})  # fmt: skip
    data.append({"type": "scatter", "mode": "lines", **moving[-1],
                 "name": f"running mean ({summary.name})", "line": {"color": SAMPLE_COLOR,
                 "width": 2.5}, "hovertemplate": "m = %{x}: %{y:.4g}<extra></extra>"})  # fmt: skip
    traces = list(range(first_moving, len(data)))
    y_range = _finite_range(summary.running, summary.mean + summary.half_width,
                            summary.mean - summary.half_width)  # fmt: skip
    layout = {
        "xaxis": _axis("draws so far m (log scale)", None, type="log",
                       range=[0, math.log10(max(n, 2))]),
        "yaxis": _axis("running mean", top, range=y_range),
        "legend": TOP_LEGEND, "margin": {"t": 75, "r": 35, "b": 165}, "showlegend": True,
    }  # fmt: skip
    if cauchy is not None:
        layout["xaxis"] |= {"anchor": "y2"}
        layout["yaxis2"] = _axis("Cauchy's running mean", [0.0, 0.44],
                                 range=_finite_range(cauchy.running))  # fmt: skip
        data.append({"type": "scatter", "mode": "lines", "x": [1, max(n, 2)], "y": [0, 0],
                     "yaxis": "y2", "line": {"color": ink, "dash": "dot", "width": 1.5},
                     "name": "Cauchy's centre (no mean)", "hoverinfo": "skip"})  # fmt: skip
        data.append({"type": "scatter", "mode": "lines", "yaxis": "y2",
                     **_running_moving(cauchy, n, False)[0],
                     "name": "running mean (standard Cauchy)",
                     "line": {"color": CAUCHY_COLOR, "width": 2.5},
                     "hovertemplate": "m = %{x}: %{y:.4g}<extra></extra>"})  # fmt: skip
        traces.append(len(data) - 1)
    sizes = _frame_counts(n, RUNNING_FRAMES)
    frames = []
    for m in sizes:
        moved = _running_moving(summary, int(m), band)
        if cauchy is not None:
            moved += _running_moving(cauchy, int(m), False)
        frames.append({"name": str(int(m)), "data": moved, "traces": traces})
    labels = sparse_labels([text(int(m)) for m in sizes], keep=len(sizes))
    layout |= animation_controls([f["name"] for f in frames], labels, active=len(frames) - 1,
                                 readout="draws m = ", ink=ink, speed=speed)  # fmt: skip
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


# ---- the central limit theorem ------------------------------------------------------------


def _clt_moving(study: CLTStudy, index: int) -> list[dict]:
    edges = study.edges[index]
    centres, widths = (edges[:-1] + edges[1:]) / 2, np.diff(edges)
    return [
        {"type": "bar", "x": typed(centres, "f4"), "y": typed(study.density[index], "f4"),
         "width": typed(widths, "f4")},
        {"type": "scatter", "x": typed(study.qq_theory, "f4"),
         "y": typed(study.qq_sample[index], "f4")},
    ]  # fmt: skip


def clt_figure(study: CLTStudy, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left, the histogram of the standardised means z = (x̄ₙ − μ)/(σ/√n) against the N(0, 1)
    density; right, their QQ plot against N(0, 1) (on the line: normal). ▶ Play grows n from
    1 to the chosen n; the figure opens on the chosen n."""
    ink = theme.ink(dark)
    last = len(study.grid) - 1
    moving = _clt_moving(study, last)
    right = {"xaxis": "x2", "yaxis": "y2"}
    reach = float(np.max(np.abs(study.qq_theory))) * 1.05
    data = [
        {"type": "bar", **moving[0], "name": "standardised means",
         "marker": {"color": rgba(SAMPLE_COLOR, 0.65), "line": {"width": 0}},
         "hovertemplate": "z ≈ %{x:.2f}: %{y:.3f}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "x": typed(study.normal_x),
         "y": typed(study.normal_y), "name": "N(0, 1) density",
         "line": {"color": TRUTH_COLOR, "width": 3}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "x": [-reach, reach], "y": [-reach, reach],
         "line": {"color": ink, "dash": "dash", "width": 1.5}, "name": "normal: on the line",
         "hoverinfo": "skip", **right},
        {"type": "scatter", "mode": "markers", **moving[1], "name": "quantiles of z",
         "marker": {"color": SAMPLE_COLOR, "size": 6}, **right,
         "hovertemplate": "N(0, 1): %{x:.2f}, z: %{y:.2f}<extra></extra>"},
    ]  # fmt: skip
    frames = [{"name": str(int(n)), "data": _clt_moving(study, i), "traces": [0, 3]}
              for i, n in enumerate(study.grid)]  # fmt: skip
    labels = [str(int(n)) for n in study.grid]
    qq_range = [-reach - 1.5, reach + 1.5]
    # Under the axes' titles (Play sat on the histogram's), not under the tick labels.
    controls = animation_controls([f["name"] for f in frames], labels, active=last,
                                  readout="sample size n = ", ink=ink, speed=speed,
                                  pad_top=85)  # fmt: skip
    layout = {
        "xaxis": _axis("z = (x̄ₙ − μ) / (σ/√n)", LEFT, range=[-4.5, 4.5]),
        "yaxis": _axis("density", None, range=[0, 0.75]),
        "xaxis2": _axis("N(0, 1) quantile", RIGHT, range=[-reach, reach]),
        "yaxis2": _axis("quantile of z", None, range=qq_range, anchor="x2"),
        "bargap": 0, "legend": TOP_LEGEND, "margin": {"t": 90, "b": 195}, "showlegend": True,
        **controls,
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


def ks_figure(study: CLTStudy, dark: bool = False) -> Prebuilt:
    """The KS distance of the standardised means to N(0, 1) against n, on log-log axes: the
    simulated points, the exact curve (when the sum's law is known), the noise floor that
    ``used`` means cannot get below, and the fitted line with its slope."""
    ink = theme.ink(dark)
    data: list[dict] = []
    grid = study.grid.astype(float)
    exact = study.exact_ks > 1e-9
    if exact.any():
        data.append({"type": "scatter", "mode": "lines", "x": typed(study.exact_n[exact]),
                     "y": typed(study.exact_ks[exact]), "name": "exact (the sum's own law)",
                     "line": {"color": EXACT_COLOR, "width": 3},
                     "hovertemplate": "n = %{x}: %{y:.3g}<extra>exact</extra>"})  # fmt: skip
    data.append({"type": "scatter", "mode": "markers", "x": typed(grid), "y": typed(study.ks),
                 "name": f"simulated ({text(study.used)} means each)",
                 "marker": {"color": SAMPLE_COLOR, "size": 10},
                 "hovertemplate": "n = %{x}: %{y:.3g}<extra></extra>"})  # fmt: skip
    span = [1.0, 500.0]
    data.append({"type": "scatter", "mode": "lines", "x": span, "y": [study.floor] * 2,
                 "name": f"noise floor 0.87/√M = {text(study.floor, 2)}",
                 "line": {"color": ink, "dash": "dot", "width": 1.5},
                 "hoverinfo": "skip"})  # fmt: skip
    for slope, intercept, color, what in (
        (study.slope, study.intercept, SAMPLE_COLOR, "fit to the simulated"),
        (study.slope_exact, study.intercept_exact, EXACT_COLOR, "fit to the exact, n ≥ 10"),
    ):
        if math.isfinite(slope):
            line = np.exp(intercept) * np.array(span) ** slope
            data.append({"type": "scatter", "mode": "lines", "x": span, "y": typed(line),
                         "name": f"{what}: slope {text(slope, 2)}",
                         "line": {"color": color, "dash": "dash", "width": 1.5},
                         "hoverinfo": "skip"})  # fmt: skip
    values = np.concatenate([study.ks, study.exact_ks[exact], [study.floor]])
    values = values[values > 0]
    low, high = float(values.min()) / 1.6, min(float(values.max()) * 1.6, 1.2)
    layout = {
        "xaxis": _axis("sample size n (log scale)", None, type="log",
                       range=[-0.05, math.log10(500) + 0.05]),
        "yaxis": _axis("KS distance to N(0, 1) (log scale)", None, type="log",
                       range=[math.log10(low), math.log10(high)]),
        "legend": TOP_LEGEND, "margin": {"t": 110, "l": theme.LOG_AXIS_LEFT},
        "showlegend": True,
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})
