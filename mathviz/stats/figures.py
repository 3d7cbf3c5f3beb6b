"""The pictures of /statistics as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`): a sample
described (histogram, box plot, strip), one outlier moving the mean and not the median, the
log-likelihood climbed by gradient ascent and by Newton's method, and estimators' bias seen
by repeated sampling.

Figure builders take the results of :mod:`mathviz.stats` and draw them; nothing here
computes the statistics. Animations are plotly frames (▶ Play and the slider run in the
browser); every trace holds at most a few thousand points.
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.spec import axis as _axis
from mathviz.plot.spec import f4 as _f4
from mathviz.plot.spec import scatter as _scatter
from mathviz.plot.traces import TOP_LEGEND, log_axis_ticks, rgba
from mathviz.stats import describe, estimators, likelihood
from mathviz.stats.likelihood import ASCENT, NEWTON

MEAN, MEDIAN = theme.COLORS["primary"], theme.COLORS["secondary"]
TRUTH, EXTRA = theme.COLORS["tertiary"], theme.COLORS["accent"]
WALD, SCORE, RATIO = theme.COLORS["highlight"], theme.COLORS["soft"], theme.COLORS["secondary"]
STRIP_POINTS = 2000  # data points drawn as a strip; more are thinned evenly
MAX_BINS = 60
CONTROLS_TOP = 85
CONTROLS_BOTTOM = 165


def _vline(x: float, low: float, high: float, name: str, color: str, dash: str | None = None,
           yaxis: str = "y", legend: bool = True) -> dict:  # fmt: skip
    line = {"color": color, "width": 3} | ({"dash": dash} if dash else {})
    return _scatter(name, mode="lines", x=[x, x], y=[low, high], line=line, yaxis=yaxis,
                    showlegend=legend)  # fmt: skip


def histogram_counts(values: np.ndarray, integers: bool) -> tuple[np.ndarray, np.ndarray]:
    """Bin edges and counts: one bin per integer for counted data (up to :data:`MAX_BINS`),
    else numpy's ``"auto"`` rule capped at :data:`MAX_BINS` bins."""
    low, high = float(values.min()), float(values.max())
    if integers and high - low < MAX_BINS:
        edges = np.arange(low - 0.5, high + 1.5)
    else:
        edges = np.histogram_bin_edges(values, "auto")
        if edges.size - 1 > MAX_BINS:
            edges = np.linspace(edges[0], edges[-1], MAX_BINS + 1)
    counts, edges = np.histogram(values, edges)
    return edges, counts


def _is_integer(values: np.ndarray) -> bool:
    return bool(np.all(values == np.round(values)))


def _strip(values: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """At most :data:`STRIP_POINTS` of the values, evenly thinned, with a seeded jitter."""
    shown = values[np.linspace(0, values.size - 1, min(values.size, STRIP_POINTS)).astype(int)]
    jitter = np.random.default_rng(seed).uniform(-0.32, 0.32, shown.size)
    return shown, jitter


def _box_traces(summary: describe.Summary, ink: str, yaxis: str) -> list[dict]:
    """Tukey's box plot drawn from the summary: box, median, whiskers and outlier points."""
    q1, q3 = summary.q1, summary.q3
    low, high = summary.whiskers
    box_x = [q1, q3, q3, q1, q1]
    box_y = [-0.45, -0.45, 0.45, 0.45, -0.45]
    whisker_x = [low, q1, math.nan, q3, high, math.nan, low, low, math.nan, high, high]
    whisker_y = [0, 0, math.nan, 0, 0, math.nan, -0.25, 0.25, math.nan, -0.25, 0.25]
    return [
        _scatter("box: Q1 to Q3", mode="lines", x=box_x, y=box_y, fill="toself",
                 fillcolor=rgba(MEAN, 0.18), line={"color": ink, "width": 2}, yaxis=yaxis),
        _scatter("whiskers", mode="lines", x=whisker_x, y=whisker_y,
                 line={"color": ink, "width": 2}, yaxis=yaxis),
        _scatter("median", mode="lines", x=[summary.median] * 2, y=[-0.45, 0.45],
                 line={"color": MEDIAN, "width": 4}, yaxis=yaxis),
        _scatter("outliers", mode="markers",
                 x=_f4(summary.outliers[:STRIP_POINTS]),
                 y=_f4(np.zeros(min(len(summary.outliers), STRIP_POINTS))),
                 marker={"color": EXTRA, "size": 10, "symbol": "circle-open",
                         "line": {"width": 2}},
                 yaxis=yaxis, showlegend=bool(len(summary.outliers))),
    ]  # fmt: skip


def describe_figure(values: np.ndarray, label: str, dark: bool = False) -> Prebuilt:
    """Top: the histogram with the mean, the median and the mean ± one SD; below: the box
    plot over the data as a jittered strip."""
    ink = theme.ink(dark)
    summary = describe.summary(values)
    edges, counts = histogram_counts(values, _is_integer(values))
    top = float(counts.max()) * 1.12
    shown, jitter = _strip(values)
    data = [
        {"type": "bar", "name": "count per bin", "x": _f4((edges[:-1] + edges[1:]) / 2),
         "y": typed(counts), "width": _f4(np.diff(edges)), "marker": {"color": rgba(ink, 0.28),
         "line": {"color": rgba(ink, 0.55), "width": 1}}, "hovertemplate": "%{y}<extra></extra>",
         "showlegend": False},
        _vline(summary.mean, 0, top, "mean", MEAN),
        _vline(summary.median, 0, top, "median", MEDIAN, "dash"),
    ]  # fmt: skip
    if summary.sd is not None:
        left, right = summary.mean - summary.sd, summary.mean + summary.sd
        data.append(_scatter("mean ± SD", mode="lines+markers",
                             x=[left, summary.mean, right], y=[top * 0.95] * 3,
                             line={"color": MEAN, "width": 2},
                             marker={"symbol": "line-ns", "size": 14, "color": MEAN,
                                     "line": {"width": 2, "color": MEAN}},
                             showlegend=True))  # fmt: skip
    for mode in summary.modes:
        data.append(_scatter("mode", mode="markers", x=[mode],
                             y=[float(counts.max()) * 1.05], showlegend=mode == summary.modes[0],
                             marker={"symbol": "triangle-down", "size": 14,
                                     "color": theme.COLORS["highlight"]}))  # fmt: skip
    data.append(_scatter("the data", mode="markers", x=_f4(shown), y=_f4(jitter), yaxis="y2",
                         marker={"color": rgba(ink, 0.45), "size": 5}))  # fmt: skip
    data += _box_traces(summary, ink, "y2")
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 90},
        "bargap": 0,
        "xaxis": _axis(label, anchor="y2"),
        "yaxis": _axis("count", domain=[0.36, 1.0], range=[0, top]),
        "yaxis2": _axis(
            "", domain=[0.0, 0.3], range=[-0.6, 0.6], showticklabels=False, showgrid=False
        ),
    }
    return Prebuilt({"data": data, "layout": layout})


def outlier_figure(values: np.ndarray, path: describe.OutlierPath, label: str,
                   speed: float = 1.0, dark: bool = False) -> Prebuilt:  # fmt: skip
    """One extra value slides from the median out to 10 SDs. Top: the data and the extra
    value, with the mean and the median; bottom: the mean and the median against how far
    out it is (zoomed in: the mean climbs a straight line, the median stays flat). Frames of
    :func:`mathviz.stats.describe.outlier_path`."""
    ink = theme.ink(dark)
    shown, jitter = _strip(values)
    span = (min(float(values.min()), float(path.positions.min())),
            max(float(values.max()), float(path.positions.max())))  # fmt: skip
    pad = 0.04 * (span[1] - span[0] or 1.0)
    both = np.concatenate([path.means, path.medians])
    low, high = float(both.min()), float(both.max())
    zoom = 0.1 * (high - low or 1.0)

    def moving(k: int) -> list[dict]:
        d = path.distances[: k + 1]
        return [
            {"x": [path.positions[k]], "y": [0.0]},
            {"x": [path.means[k]] * 2, "y": [-1.0, 1.0]},
            {"x": [path.medians[k]] * 2, "y": [-1.0, 1.0]},
            {"x": _f4(d), "y": _f4(path.means[: k + 1])},
            {"x": _f4(d), "y": _f4(path.medians[: k + 1])},
        ]

    last = len(path.positions) - 1
    now = moving(last)
    below = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        _scatter("the data", mode="markers", x=_f4(shown), y=_f4(jitter),
                 marker={"color": rgba(ink, 0.4), "size": 6}),
        _scatter("extra value", mode="markers", **now[0], showlegend=True,
                 marker={"color": EXTRA, "size": 16, "symbol": "diamond",
                         "line": {"color": ink, "width": 1.5}}),
        _scatter("mean", mode="lines", **now[1], showlegend=True,
                 line={"color": MEAN, "width": 4}),
        _scatter("median", mode="lines", **now[2], showlegend=True,
                 line={"color": MEDIAN, "width": 4, "dash": "dash"}),
        _scatter("mean as it moves", mode="lines+markers", **now[3], **below,
                 line={"color": MEAN, "width": 3}, marker={"color": MEAN, "size": 5}),
        _scatter("median as it moves", mode="lines+markers", **now[4], **below,
                 line={"color": MEDIAN, "width": 3, "dash": "dash"},
                 marker={"color": MEDIAN, "size": 5}),
    ]  # fmt: skip
    names = [f"d{k}" for k in range(last + 1)]
    frames = [{"name": n, "traces": [1, 2, 3, 4, 5], "data": moving(k)}
              for k, n in enumerate(names)]  # fmt: skip
    labels = [
        f"extra value at median + {path.distances[k]:.2g} SD: mean {text(path.means[k])}, "
        f"median {text(path.medians[k])}"
        for k in range(last + 1)
    ]
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("", range=[span[0] - pad, span[1] + pad], anchor="y"),
        "yaxis": _axis("", domain=[0.64, 1.0], range=[-1.05, 1.05], showticklabels=False,
                       showgrid=False),
        "xaxis2": _axis("how far out the extra value is (SDs above the median)", anchor="y2",
                        range=[-0.2, float(path.distances[-1]) + 0.2]),
        "yaxis2": _axis(f"mean, median ({label})" if label else "mean, median",
                        domain=[0.0, 0.5], range=[low - zoom, high + zoom]),
    }  # fmt: skip
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=last, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=60, glide=True, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, 60)],
    )  # fmt: skip
    return Prebuilt(spec)


# ---- likelihood -----------------------------------------------------------------------------


def _model_trace(fit: likelihood.Fit, theta: float, offset: float = 0.0) -> dict:
    """The model at θ as x and y: a curve, or stems at the integers for counted data (moved
    right by ``offset``, so that two models' stems stand side by side)."""
    xs, ys = likelihood.model_curve(fit, theta)
    if not likelihood.MODELS[fit.model].discrete:
        return {"x": _f4(xs), "y": _f4(ys)}
    gaps = np.full(xs.size, np.nan)
    xs = xs + offset
    return {"x": _f4(np.column_stack([xs, xs, gaps]).ravel()),
            "y": _f4(np.column_stack([np.zeros(xs.size), ys, gaps]).ravel())}  # fmt: skip


def _data_bars(fit: likelihood.Fit, ink: str) -> dict:
    model = likelihood.MODELS[fit.model]
    if model.discrete:
        values, counts = np.unique(fit.data, return_counts=True)
        centres, heights, widths = values, counts / fit.data.size, np.full(values.size, 0.8)
        kind = "share of the data"
    else:
        edges, counts = histogram_counts(fit.data, False)
        centres = (edges[:-1] + edges[1:]) / 2
        widths = np.diff(edges)
        heights = counts / (fit.data.size * widths)
        kind = "data (density)"
    return {"type": "bar", "name": kind, "x": _f4(centres), "y": _f4(heights),
            "width": _f4(widths), "marker": {"color": rgba(ink, 0.25)}, "hoverinfo": "skip",
            "showlegend": True}  # fmt: skip


def _local_model(fit: likelihood.Fit, method: str, theta: float, nxt: float | None,
                 lo: float, hi: float, ylimits: tuple[float, float]) -> dict:  # fmt: skip
    """Gradient ascent's tangent line at θ, or Newton's parabola (its vertex is the next θ)."""
    model = likelihood.MODELS[fit.model]
    s, known = fit.stats, fit.known
    value = float(model.loglik(np.array([theta]), s, known)[0])
    slope = model.score(theta, s, known)  # type: ignore[misc]
    width = (hi - lo) * 0.18
    if method == NEWTON:
        curvature = model.hessian(theta, s, known)  # type: ignore[misc]
        reach = max(abs((nxt if nxt is not None else theta) - theta) * 1.3, width)
        xs = np.linspace(max(lo, theta - reach), min(hi, theta + reach), 60)
        ys = value + slope * (xs - theta) + 0.5 * curvature * (xs - theta) ** 2
    else:
        xs = np.array([max(lo, theta - width), min(hi, theta + width)])
        ys = value + slope * (xs - theta)
    return {"x": _f4(xs), "y": _f4(np.clip(ys, *ylimits))}


def likelihood_figure(fit: likelihood.Fit, method: str, speed: float = 1.0,
                      dark: bool = False) -> Prebuilt:  # fmt: skip
    """Top: the data with the model's density at the current θ and at the truth. Bottom:
    ℓ(θ) with its maximum, the truth, the Wald interval θ̂ ± 1.96·SE and the parabola of
    curvature J(θ̂); frames step the chosen method from its start, drawing its local model
    (the tangent line of gradient ascent, the parabola whose top Newton's method jumps to)."""
    ink = theme.ink(dark)
    model = likelihood.MODELS[fit.model]
    path = (fit.newton if method == NEWTON else fit.ascent) if model.regular else None
    lo, hi = float(fit.grid[0]), float(fit.grid[-1])
    peak = float(np.max(fit.curve))
    finite = fit.curve[np.isfinite(fit.curve)]
    floor = float(np.quantile(finite, 0.2))
    if path is not None:
        floor = min(floor, float(path.logliks.min()))
    floor = max(floor, peak - 1e6)  # a far start would flatten the curve to a line
    span = peak - floor or 1.0
    yrange = [floor - 0.05 * span, peak + 0.12 * span]
    limits = (floor - span, peak + span)  # drawn lines are cut here (off the chart anyway)
    shown = np.where(np.isfinite(fit.curve), fit.curve, np.nan)
    stems = "lines+markers" if model.discrete else "lines"
    data = [
        _data_bars(fit, ink),
        _scatter(f"true {model.symbol}", mode=stems,
                 **_model_trace(fit, fit.truth, -0.12), showlegend=True,
                 line={"color": TRUTH, "width": 2, "dash": "dash"}, marker={"color": TRUTH}),
        _scatter(f"ℓ({model.symbol})", mode="lines", x=_f4(fit.grid), y=_f4(shown),
                 xaxis="x2", yaxis="y2", line={"color": ink, "width": 2.5}),
        _vline(fit.truth, *yrange, f"true {model.symbol}", TRUTH, "dash", "y2", legend=False)
        | {"xaxis": "x2"},
        _scatter(f"MLE {model.symbol}̂", mode="markers", x=[fit.mle],
                 y=[peak], xaxis="x2", yaxis="y2", showlegend=True,
                 marker={"color": MEAN, "size": 14, "symbol": "star"}),
    ]  # fmt: skip
    if fit.standard_error is not None:
        se, observed = fit.standard_error, fit.observed_information
        low, high = fit.mle - likelihood.Z95 * se, fit.mle + likelihood.Z95 * se
        xs = np.linspace(max(lo, fit.mle - 3 * se), min(hi, fit.mle + 3 * se), 80)
        data += [
            _scatter("curvature J", mode="lines", x=_f4(xs),
                     y=_f4(peak - 0.5 * observed * (xs - fit.mle) ** 2), xaxis="x2",
                     yaxis="y2", showlegend=True,
                     line={"color": MEAN, "width": 2, "dash": "dot"}),
            _scatter("θ̂ ± 1.96·SE", mode="lines+markers",
                     x=[low, high], y=[floor + 0.02 * span] * 2, xaxis="x2", yaxis="y2",
                     showlegend=True, line={"color": MEAN, "width": 5},
                     marker={"symbol": "line-ns", "size": 16, "color": MEAN,
                             "line": {"width": 3, "color": MEAN}}),
        ]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 110, "l": 84, "b": CONTROLS_BOTTOM if path is not None else 60},
        "xaxis": _axis("", anchor="y"),
        "yaxis": _axis(
            "density" if not model.discrete else "probability",
            domain=[0.62, 1.0],
            rangemode="tozero",
        ),
        "xaxis2": _axis(f"θ = {model.symbol}", anchor="y2", range=[lo, hi]),
        "yaxis2": _axis(f"ℓ({model.symbol})", domain=[0.0, 0.46], range=yrange),
    }
    spec = {"data": data, "layout": layout}
    if path is None:
        return Prebuilt(spec)
    thetas = path.thetas
    last = len(thetas) - 1

    def moving(k: int) -> list[dict]:
        theta = float(thetas[k])
        nxt = float(thetas[k + 1]) if k < last else None
        trail = {"x": _f4(thetas[: k + 1]), "y": _f4(np.maximum(path.logliks[: k + 1], floor))}
        return [
            _model_trace(fit, theta, 0.12),
            _local_model(fit, method, theta, nxt, lo, hi, limits),
            trail,
            {"x": [theta], "y": [max(float(path.logliks[k]), floor)]},
        ]

    first = len(data)
    now = moving(0)
    data += [
        _scatter(f"{model.symbol}ₜ", mode=stems, **now[0], showlegend=True,
                 line={"color": EXTRA, "width": 3}, marker={"color": EXTRA, "size": 9}),
        _scatter("tangent" if method == ASCENT else "parabola",
                 mode="lines", **now[1], xaxis="x2", yaxis="y2", showlegend=True,
                 line={"color": EXTRA, "width": 2, "dash": "dash"}),
        _scatter("steps so far", mode="lines+markers", **now[2], xaxis="x2", yaxis="y2",
                 line={"color": rgba(EXTRA, 0.6), "width": 1.5},
                 marker={"color": rgba(EXTRA, 0.6), "size": 7}),
        _scatter(f"{model.symbol}ₜ", mode="markers", **now[3], xaxis="x2", yaxis="y2",
                 marker={"color": EXTRA, "size": 15, "line": {"color": ink, "width": 1.5}}),
    ]  # fmt: skip
    names = [f"s{k}" for k in range(last + 1)]
    frames = [{"name": n, "traces": list(range(first, first + 4)), "data": moving(k)}
              for k, n in enumerate(names)]  # fmt: skip
    labels = [f"step {k}: {model.symbol} = {thetas[k]:.6g}" for k in range(last + 1)]
    spec["frames"] = frames
    layout |= animation_controls(
        names, labels, active=0, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=STEP_MS * 2, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, STEP_MS * 2)],
    )  # fmt: skip
    return Prebuilt(spec)


def tests_figure(fit: likelihood.Fit, tests: likelihood.NullTests, dark: bool = False) -> Prebuilt:
    """H₀: θ = θ₀ tested three ways on ℓ near its top, drawn as textbooks do (Buse 1982) and
    labelled like the formulas: W the horizontal distance θ̂ − θ₀ (at the height ℓ(θ₀)), S
    the slope U(θ₀) of the tangent at θ₀, LR the vertical drop ℓ(θ̂) − ℓ(θ₀) (at θ̂); the
    dotted line ℓ(θ̂) − 1.92: the LR test rejects at 5% when ℓ(θ₀) lies below it."""
    ink = theme.ink(dark)
    symbol = likelihood.MODELS[fit.model].symbol
    assert tests.grid is not None and tests.curve is not None and tests.null is not None
    null, mle = tests.null, fit.mle
    top, base = float(tests.loglik_mle), float(tests.loglik_null)  # type: ignore[arg-type]
    lo, hi = float(tests.grid[0]), float(tests.grid[-1])
    cutoff = float(tests.ratio_cutoff)  # type: ignore[arg-type]
    span = top - min(base, cutoff) or 1.0
    yrange = [min(base, cutoff) - 0.2 * span, top + 0.15 * span]
    right = mle >= null  # θ̂ right of θ₀: LR's label right of its segment, θ₀'s left of it
    data = [
        _scatter(f"ℓ({symbol})", mode="lines", x=_f4(tests.grid),
                 y=_f4(np.maximum(tests.curve, yrange[0] - span)), showlegend=True,
                 line={"color": ink, "width": 2.5}),
        _scatter("LR rejects below", mode="lines", x=[lo, hi], y=[cutoff] * 2, showlegend=True,
                 line={"color": RATIO, "width": 1.5, "dash": "dot"}),
    ]  # fmt: skip
    if tests.wald is not None and tests.wald.statistic is not None:
        data.append(_scatter("Wald", mode="lines+markers+text", x=[null, (null + mle) / 2, mle],
                             y=[base] * 3, text=["", "W", ""], textposition="bottom center",
                             textfont={"color": WALD}, showlegend=True,
                             line={"color": WALD, "width": 4},
                             marker={"symbol": "line-ns", "size": [16, 0, 16], "color": WALD,
                                     "line": {"width": 3, "color": WALD}}))  # fmt: skip
    if tests.score_test is not None and tests.score_test.statistic is not None:
        slope = float(tests.score)  # type: ignore[arg-type]
        half = 0.22 * (hi - lo)
        if abs(slope) * half > 0.45 * span:  # a steep tangent: keep it inside the chart
            half = 0.45 * span / abs(slope)
        xs = np.array([null - half, null, null + half])
        ys = base + slope * (xs - null)
        upper = 0 if ys[0] > ys[2] else 2  # the label at the tangent's upper end
        data.append(_scatter("score", mode="lines+text", x=_f4(xs), y=_f4(ys), showlegend=True,
                             text=["S" if i == upper else "" for i in range(3)],
                             textposition="top center", textfont={"color": SCORE},
                             line={"color": SCORE, "width": 3}))  # fmt: skip
    if tests.ratio is not None and tests.ratio.statistic is not None:
        data.append(_scatter("LR", mode="lines+text", x=[mle] * 3, y=[base, (base + top) / 2, top],
                             text=["", "LR", ""], showlegend=True, textfont={"color": RATIO},
                             textposition="middle right" if right else "middle left",
                             line={"color": RATIO, "width": 4}))  # fmt: skip
    cross = {"color": ink, "size": 13, "symbol": "x-thin", "line": {"color": ink, "width": 3}}
    data += [
        _scatter(f"MLE {symbol}̂", mode="markers", x=[mle], y=[top], showlegend=True,
                 marker={"color": MEAN, "size": 14, "symbol": "star"}),
        _scatter(f"H₀: {symbol}₀", mode="markers+text", x=[null], y=[base], showlegend=True,
                 text=[f"{symbol}₀"], textposition="top left" if right else "top right",
                 textfont={"color": ink}, marker=cross),
    ]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "l": 84, "b": 60},
        "xaxis": _axis(f"θ = {symbol}", range=[lo, hi]),
        "yaxis": _axis(f"ℓ({symbol})", range=yrange),
    }
    return Prebuilt({"data": data, "layout": layout})


# ---- bias -----------------------------------------------------------------------------------

BIAS_FRAMES = 40
LINE_POINTS = 400


def bias_figure(run: estimators.BiasRun, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Top: each estimator's running average over the samples drawn so far (log axis),
    against the truth and against the biased one's exact expectation; Play adds the samples.
    Bottom: the histograms of both estimators over all samples."""
    ink = theme.ink(dark)
    pair = estimators.PAIRS[run.pair]
    colors = (EXTRA, MEAN)
    repeats = run.repeats
    index = np.unique(np.geomspace(1, repeats, LINE_POINTS).astype(int)) - 1
    stops = np.unique(np.geomspace(2, repeats, BIAS_FRAMES).astype(int))
    values = run.values
    edges = np.histogram_bin_edges(values, 50)
    centres, width = (edges[:-1] + edges[1:]) / 2, float(edges[1] - edges[0])

    def moving(upto: int) -> list[dict]:
        kept = index[index < upto]
        lines = [{"x": _f4(kept + 1), "y": _f4(run.running[i, kept])} for i in range(2)]
        bars = [{"x": _f4(centres), "y": _f4(np.histogram(values[i, :upto], edges)[0])}
                for i in range(2)]  # fmt: skip
        return lines + bars

    now = moving(repeats)
    low = float(min(run.running[:, 4:].min() if repeats > 4 else run.running.min(), run.truth))
    high = float(max(run.running[:, 4:].max() if repeats > 4 else run.running.max(), run.truth))
    pad = 0.15 * (high - low or 1.0)
    tallest = float(max(np.histogram(values[i], edges)[0].max() for i in range(2)))
    data = [
        *[_scatter(e.name.rsplit(" (", 1)[0], mode="lines", **now[i], showlegend=True,
                   line={"color": colors[i], "width": 3})
          for i, e in enumerate(pair.estimators)],
        *[{"type": "bar", "name": e.name, **now[2 + i], "width": width, "xaxis": "x2",
           "yaxis": "y2", "marker": {"color": rgba(colors[i], 0.45)}, "hoverinfo": "skip",
           "showlegend": False} for i, e in enumerate(pair.estimators)],
        _scatter("truth", mode="lines", x=[1, repeats], y=[run.truth] * 2,
                 showlegend=True, line={"color": TRUTH, "width": 2}),
        _scatter("expected (biased)",
                 mode="lines", x=[1, repeats], y=[run.expected[0]] * 2, showlegend=True,
                 line={"color": EXTRA, "width": 2, "dash": "dot"}),
        _scatter("truth", mode="lines", x=[run.truth] * 2, y=[0, tallest], xaxis="x2",
                 yaxis="y2", line={"color": TRUTH, "width": 3}),
    ]  # fmt: skip
    names = [f"r{k}" for k in stops]
    frames = [{"name": n, "traces": [0, 1, 2, 3], "data": moving(int(k))}
              for k, n in zip(stops, names, strict=True)]  # fmt: skip
    labels = [f"{k:,} samples of n = {run.n}" for k in stops]
    layout = {
        "legend": TOP_LEGEND,
        "barmode": "overlay",
        "margin": {"t": 90, "r": 34, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("", type="log", anchor="y", **log_axis_ticks(1, repeats)),
        "yaxis": _axis("running average", domain=[0.52, 1.0], range=[low - pad, high + pad]),
        "xaxis2": _axis("the estimate from one sample", anchor="y2"),
        "yaxis2": _axis("samples", domain=[0.0, 0.38], rangemode="tozero"),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1, readout="", ink=ink, slider_x=0.32,
        speed=speed, frame_ms=120, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, 120)],
    )  # fmt: skip
    return Prebuilt(spec)


# ---- confidence intervals -------------------------------------------------------------------

SHOWN_INTERVALS = 100  # intervals drawn one by one (Play); the coverage line counts all
INTERVAL_STRIDE = 2  # intervals added per frame


def _segments(intervals: np.ndarray, rows: np.ndarray) -> dict:
    """Horizontal segments [low, high] at heights ``rows``, joined by gaps."""
    if rows.size == 0:
        return {"x": [], "y": []}
    gaps = np.full(rows.size, np.nan)
    xs = np.column_stack([intervals[rows, 0], intervals[rows, 1], gaps]).ravel()
    ys = np.column_stack([rows + 1.0, rows + 1.0, gaps]).ravel()
    return {"x": _f4(xs), "y": _f4(ys)}


def interval_figure(run, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Top: one interval per sample, stacked as they are drawn (▶ Play), green when it covers
    the true mean and red when it misses; bottom: the running share that covers, against
    1 − α with the binomial band ±1.96·√(α(1 − α)/k). ``run`` is a
    :class:`mathviz.stats.intervals.CoverageRun`."""
    ink = theme.ink(dark)
    shown = min(SHOWN_INTERVALS, len(run.covers))
    hit, miss = theme.COLORS["tertiary"], theme.COLORS["accent"]
    k = np.arange(1, len(run.covers) + 1)
    band = 1.96 * np.sqrt(run.level * (1 - run.level) / k)
    stops = list(range(INTERVAL_STRIDE, shown + 1, INTERVAL_STRIDE))
    if not stops or stops[-1] != shown:
        stops.append(shown)

    def moving(upto: int) -> list[dict]:
        rows = np.arange(upto)
        covered = rows[run.covers[:upto]]
        missed = rows[~run.covers[:upto]]
        return [
            _segments(run.intervals, covered),
            _segments(run.intervals, missed),
            {"x": _f4(run.means[:upto]), "y": _f4(rows + 1.0)},
            {"x": [upto], "y": [float(run.running[upto - 1])]},
        ]

    now = moving(shown)
    spread = run.intervals[:shown]
    low, high = float(spread.min()), float(spread.max())
    pad = 0.05 * (high - low or 1.0)
    data = [
        _scatter("covers μ", mode="lines", **now[0], showlegend=True,
                 line={"color": hit, "width": 2.5}),
        _scatter("misses μ", mode="lines", **now[1], showlegend=True,
                 line={"color": miss, "width": 3.5}),
        _scatter("sample mean", mode="markers", **now[2],
                 marker={"color": ink, "size": 4}),
        _scatter("share covering so far", mode="markers", **now[3], xaxis="x2", yaxis="y2",
                 marker={"color": MEAN, "size": 11, "line": {"color": ink, "width": 1}}),
        _vline(run.truth, 0, shown + 1, "μ", ink, "dash"),
        _scatter("share covering", mode="lines", x=_f4(k),
                 y=_f4(run.running), xaxis="x2", yaxis="y2", showlegend=True,
                 line={"color": MEAN, "width": 2.5}),
        _scatter("1 − α", mode="lines", x=[1, len(k)],
                 y=[run.level] * 2, xaxis="x2", yaxis="y2", showlegend=True,
                 line={"color": ink, "width": 1.5, "dash": "dot"}),
        _scatter("binomial band", mode="lines", x=_f4(np.concatenate([k, k[::-1]])),
                 y=_f4(np.clip(np.concatenate([run.level + band, (run.level - band)[::-1]]),
                               0, 1)), xaxis="x2", yaxis="y2", fill="toself",
                 fillcolor=rgba(ink, 0.1), line={"width": 0}, showlegend=True),
    ]  # fmt: skip
    names = [f"k{s}" for s in stops]
    frames = [{"name": n, "traces": [0, 1, 2, 3], "data": moving(s)}
              for s, n in zip(stops, names, strict=True)]  # fmt: skip
    labels = [f"{s} intervals: {int(run.covers[:s].sum())} cover μ" for s in stops]
    floor = float(min(run.running[min(9, len(k) - 1) :].min(), run.level - 0.1))
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 90, "r": 30, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("", anchor="y", range=[low - pad, high + pad]),
        "yaxis": _axis("interval of sample k", domain=[0.5, 1.0], range=[0, shown + 1]),
        "xaxis2": _axis("samples drawn k", anchor="y2"),
        "yaxis2": _axis("covering", domain=[0.0, 0.3], range=[max(floor, 0), 1.01]),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1, readout="", ink=ink, slider_x=0.32,
        speed=speed, frame_ms=160, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, 160)],
    )  # fmt: skip
    return Prebuilt(spec)


# ---- bootstrap ------------------------------------------------------------------------------

BOOT_FRAMES = 30
BOOT_BINS = 40
BRACKETS = {"percentile": MEAN, "BCa": theme.COLORS["highlight"], "normal": MEDIAN}


def bootstrap_figure(run, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Top: the sample (pairs as a scatter); bottom: the histogram of the statistic over
    the resamples so far (▶ Play), with the three bootstrap 95% intervals and the analytic
    one as brackets. ``run`` is a
    :class:`mathviz.stats.bootstrap.BootstrapRun`."""
    ink = theme.ink(dark)
    sample = run.sample
    paired = sample.ndim == 2
    replicates = run.replicates
    edges = np.histogram_bin_edges(replicates, BOOT_BINS)
    centres, width = (edges[:-1] + edges[1:]) / 2, float(edges[1] - edges[0])
    b = replicates.size
    stops = np.unique(np.geomspace(1, b, BOOT_FRAMES).astype(int))
    tallest = float(np.histogram(replicates, edges)[0].max())

    def moving(upto: int) -> list[dict]:
        counts = np.histogram(replicates[:upto], edges)[0]
        return [
            {"x": _f4(centres), "y": _f4(counts)},
            {"x": [float(replicates[upto - 1])], "y": [tallest * 1.04]},
        ]

    now = moving(b)
    if paired:
        top = [_scatter("sample", mode="markers", x=_f4(sample[:, 0]),
                        y=_f4(sample[:, 1]), showlegend=True,
                        marker={"color": rgba(ink, 0.55), "size": 6})]  # fmt: skip
    else:
        shown, jitter = _strip(sample, 1)
        top = [_scatter("sample", mode="markers", x=_f4(shown), y=_f4(jitter),
                        showlegend=True, marker={"color": rgba(ink, 0.55), "size": 6})]  # fmt: skip
    data = [
        {"type": "bar", "name": "resamples", **now[0],
         "width": width, "xaxis": "x2", "yaxis": "y2", "marker": {"color": rgba(MEAN, 0.4)},
         "hoverinfo": "skip", "showlegend": True},
        _scatter("latest", mode="markers", **now[1], xaxis="x2", yaxis="y2",
                 marker={"color": EXTRA, "size": 12, "symbol": "triangle-down"}),
        *top,
        _scatter("estimate", mode="lines", x=[run.estimate] * 2,
                 y=[0, tallest * 1.1], xaxis="x2", yaxis="y2", showlegend=True,
                 line={"color": ink, "width": 2.5}),
    ]  # fmt: skip
    rows = [*run.intervals.items(), ("analytic", run.analytic)]
    for i, (name, (low, high)) in enumerate(rows):
        height = -tallest * (0.1 + 0.1 * i)
        color = BRACKETS.get(name, TRUTH)
        label = name if name != "analytic" else "analytic"
        data.append(_scatter(label, mode="lines+markers",
                             x=[low, high], y=[height] * 2, xaxis="x2", yaxis="y2",
                             showlegend=True, line={"color": color, "width": 5},
                             marker={"symbol": "line-ns", "size": 14, "color": color,
                                     "line": {"width": 3, "color": color}}))  # fmt: skip
    names = [f"b{s}" for s in stops]
    frames = [{"name": n, "traces": [0, 1], "data": moving(int(s))}
              for s, n in zip(stops, names, strict=True)]  # fmt: skip
    labels = [f"{s:,} resamples" for s in stops]
    layout = {
        "legend": TOP_LEGEND,
        "barmode": "overlay",
        "margin": {"t": 100, "r": 30, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x" if paired else "", anchor="y"),
        "yaxis": _axis("y" if paired else "", domain=[0.62, 1.0], showticklabels=paired,
                       showgrid=paired),
        "xaxis2": _axis(f"{run.statistic.lower()} of a resample", anchor="y2"),
        "yaxis2": _axis("resamples", domain=[0.0, 0.5],
                        range=[-tallest * (0.15 + 0.1 * len(rows)), tallest * 1.12]),
    }  # fmt: skip
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1, readout="", ink=ink, slider_x=0.32,
        speed=speed, frame_ms=140, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, 140)],
    )  # fmt: skip
    return Prebuilt(spec)
