"""The pictures of /regression as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`): the
least-squares line with its residuals' squares, Anscombe's quartet, polynomials of growing
degree with their train, test and cross-validated errors, bias and variance by resampling,
ridge's shrinking coefficients and its constraint disc, and a one-way ANOVA.

Figure builders take the results of :mod:`mathviz.stats.regression` and
:mod:`mathviz.stats.overfitting` and draw them; nothing here fits a model. Animations are
plotly frames (▶ Play and the slider run in the browser).
"""

from __future__ import annotations

import numpy as np
from scipy import stats as sps

from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls, hold
from mathviz.plot.spec import Prebuilt
from mathviz.plot.spec import axis as _axis
from mathviz.plot.spec import f4 as _f4
from mathviz.plot.spec import scatter as _scatter
from mathviz.plot.traces import TOP_LEGEND, decade_ticks, rgba
from mathviz.stats import overfitting as of
from mathviz.stats import regression

DATA, LINE = theme.COLORS["primary"], theme.COLORS["secondary"]
TRUTH, SQUARE = theme.COLORS["tertiary"], theme.COLORS["accent"]
TEST, CV = theme.COLORS["secondary"], theme.COLORS["highlight"]
CONTROLS_TOP = 85
CONTROLS_BOTTOM = 165


def _span(*arrays: np.ndarray, pad: float = 0.06) -> list[float]:
    values = np.concatenate([np.ravel(a) for a in arrays])
    values = values[np.isfinite(values)]
    low, high = float(values.min()), float(values.max())
    margin = pad * (high - low or 1.0)
    return [low - margin, high + margin]


# ---- least squares ----------------------------------------------------------------------------


def line_figure(fit: regression.Regression, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left: the points, a line through (x̄, ȳ) and each residual's square (their total area
    is the SSE); the frames tilt the line from flat through the least-squares slope and past
    it. Right: the SSE against the slope, a parabola lowest at b₁, with the current line's
    point. The left panel's pixels are square, so the squares look square."""
    ink = theme.ink(dark)
    slopes = regression.slope_grid(fit)
    mean_x, mean_y = float(fit.x.mean()), float(fit.y.mean())
    xr = _span(fit.x, pad=0.08)
    yr = _span(fit.y, fit.line.fitted, pad=0.12)
    aspect = (xr[1] - xr[0]) / (yr[1] - yr[0])
    leftward = fit.x > (xr[0] + xr[1]) / 2
    sse = fit.sse_of_slope(slopes)

    def moving(b: float) -> list[dict]:
        fitted = mean_y + b * (fit.x - mean_x)
        path = regression.squares(fit.x, fit.y, fitted, aspect, leftward)
        return [
            {"x": _f4(path[:, 0]), "y": _f4(path[:, 1])},
            {"x": xr, "y": [mean_y + b * (xr[0] - mean_x), mean_y + b * (xr[1] - mean_x)]},
            {"x": [b], "y": [float(fit.sse_of_slope(np.array([b]))[0])]},
        ]

    middle = len(slopes) // 2
    now = moving(slopes[middle])
    right = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        _scatter("residual squares", mode="lines", **now[0], fill="toself", showlegend=True,
                 line={"color": SQUARE, "width": 1}, fillcolor=rgba(SQUARE, 0.22)),
        _scatter("line", mode="lines", **now[1], showlegend=True,
                 line={"color": LINE, "width": 4}),
        _scatter("this line", mode="markers", **now[2], **right,
                 marker={"color": LINE, "size": 14, "line": {"color": ink, "width": 1.5}}),
        _scatter("points", mode="markers", x=_f4(fit.x), y=_f4(fit.y), showlegend=True,
                 marker={"color": DATA, "size": 9, "line": {"color": ink, "width": 0.5}}),
        _scatter("SSE", mode="lines", x=_f4(slopes), y=_f4(sse), **right,
                 line={"color": SQUARE, "width": 3}),
        _scatter("least squares", mode="markers", x=[fit.slope], y=[fit.sse], **right,
                 marker={"color": ink, "size": 9, "symbol": "x"}),
    ]  # fmt: skip
    names = [f"b{k}" for k in range(len(slopes))]
    frames = [{"name": n, "traces": [0, 1, 2], "data": moving(b)}
              for n, b in zip(names, slopes, strict=True)]  # fmt: skip
    labels = [f"slope {text(b, 3)}: SSE {text(s, 4)}" for b, s in zip(slopes, sse, strict=True)]
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x", range=xr, domain=[0.0, 0.62], anchor="y", constrain="domain"),
        "yaxis": _axis("y", range=yr, scaleanchor="x", scaleratio=aspect, constrain="domain"),
        "xaxis2": _axis("slope b", domain=[0.72, 1.0], anchor="y2"),
        "yaxis2": _axis("SSE", anchor="x2", rangemode="tozero"),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=middle, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=80, glide=True, pad_top=CONTROLS_TOP,
        sequence=[*names[: middle + 1], *hold(names[middle], 1200, 80)],
    )  # fmt: skip
    return Prebuilt(spec)


def quartet_figure(fits: tuple[regression.Regression, ...], dark: bool = False) -> Prebuilt:
    """Anscombe's four sets in a 2x2 grid, each with its least-squares line (the same line)."""
    ink = theme.ink(dark)
    data, layout = [], {"showlegend": False, "margin": {"t": 40, "r": 20, "b": 50}}
    boxes = [([0.0, 0.46], [0.56, 1.0]), ([0.54, 1.0], [0.56, 1.0]),
             ([0.0, 0.46], [0.0, 0.44]), ([0.54, 1.0], [0.0, 0.44])]  # fmt: skip
    ends = np.array([3.0, 20.0])
    for k, (fit, (xd, yd)) in enumerate(zip(fits, boxes, strict=True)):
        suffix = "" if k == 0 else str(k + 1)
        where = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        data += [
            _scatter(f"line {k + 1}", mode="lines", x=_f4(ends),
                     y=_f4(fit.intercept + fit.slope * ends),
                     line={"color": LINE, "width": 3}, **where),
            _scatter(regression.ANSCOMBE_SETS[k], mode="markers", x=_f4(fit.x), y=_f4(fit.y),
                     marker={"color": DATA, "size": 10, "line": {"color": ink, "width": 0.5}},
                     **where),
        ]  # fmt: skip
        layout[f"xaxis{suffix}"] = _axis("", domain=xd, range=[3, 20], anchor=f"y{suffix}")
        layout[f"yaxis{suffix}"] = _axis("", domain=yd, range=[2, 14], anchor=f"x{suffix}")
        layout.setdefault("annotations", []).append(
            {"text": f"<b>{regression.ANSCOMBE_SETS[k].split()[1]}</b>", "showarrow": False,
             "xref": f"x{suffix} domain", "yref": f"y{suffix} domain", "x": 0.03, "y": 0.97,
             "xanchor": "left", "yanchor": "top", "font": {"size": 18}})  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


# ---- over-fitting ------------------------------------------------------------------------------


def _curve_range(run_y: np.ndarray, truth: np.ndarray) -> list[float]:
    """The y range of a fit panel: the data and the truth with room; wilder fits leave it."""
    low, high = _span(run_y, truth, pad=0.25)
    return [low, high]


def _degree_layout(yr: list[float], error: str, er: list[float], ticks: dict) -> dict:
    """The two degree charts' panels: the fit over x on the left, an error against the
    degree (log axis) on the right."""
    return {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x", range=[-1.05, 1.05], domain=[0.0, 0.5], anchor="y"),
        "yaxis": _axis("y", range=yr),
        "xaxis2": _axis("degree", domain=[0.64, 1.0], anchor="y2", dtick=3,
                        range=[-0.5, of.MAX_DEGREE + 0.5]),
        "yaxis2": _axis(error, type="log", range=er, anchor="x2", **ticks),
    }  # fmt: skip


def _degree_frames(degree: int, curves_of, labels: list[str], speed: float, ink: str,
                   traces: list[int], layout: dict, spec: dict) -> None:  # fmt: skip
    names = [f"d{d}" for d in range(of.MAX_DEGREE + 1)]
    spec["frames"] = [{"name": n, "traces": traces, "data": curves_of(d)}
                      for d, n in enumerate(names)]  # fmt: skip
    layout |= animation_controls(
        names, labels, active=degree, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=700, pad_top=CONTROLS_TOP, sequence=[*names, *hold(names[-1], 1400, 700)],
    )  # fmt: skip


def _log_range(*arrays: np.ndarray, cap: float | None = None) -> tuple[list[float], dict]:
    values = np.concatenate([np.ravel(a) for a in arrays])
    values = values[np.isfinite(values) & (values > 0)]
    low, high = float(values.min()), float(values.max())
    if cap is not None:
        high = min(high, cap)
    ticks = decade_ticks(low, high, many=2000.0)
    return [np.log10(low) - 0.1, np.log10(high) + 0.1], ticks


def degree_figure(run: of.DegreeRun, degree: int, speed: float = 1.0,
                  dark: bool = False) -> Prebuilt:  # fmt: skip
    """Left: the training and test points, the truth and the degree-d polynomial (frames over
    d = 0..15). Right: the training, test and k-fold cross-validation RMSE against d (log
    axis) with the current degree marked."""
    ink = theme.ink(dark)
    target = of.truth(run.truth)(of.GRID)
    yr = _curve_range(run.y, target)
    degrees = np.arange(of.MAX_DEGREE + 1)
    errors = (run.train, run.test_error, run.cv)
    er, ticks = _log_range(*errors, cap=100 * max(float(run.test_error.min()), 1e-6))
    lows = [10 ** er[0], 10 ** er[1]]

    def moving(d: int) -> list[dict]:
        curve = np.clip(run.curves[d], yr[0] - 10 * (yr[1] - yr[0]), yr[1] + 10 * (yr[1] - yr[0]))
        return [{"x": _f4(of.GRID), "y": _f4(curve)}, {"x": [float(d)] * 2, "y": lows}]

    now = moving(degree)
    right = {"xaxis": "x2", "yaxis": "y2"}
    train = ~run.test
    data = [
        _scatter("fit", mode="lines", **now[0], showlegend=True, line={"color": LINE, "width": 4}),
        _scatter("degree", mode="lines", **now[1], **right,
                 line={"color": ink, "width": 2, "dash": "dot"}),
        _scatter("truth", mode="lines", x=_f4(of.GRID), y=_f4(target), showlegend=True,
                 line={"color": TRUTH, "width": 2, "dash": "dash"}),
        _scatter("train", mode="markers", x=_f4(run.x[train]), y=_f4(run.y[train]),
                 showlegend=True, marker={"color": DATA, "size": 9}),
        _scatter("test", mode="markers", x=_f4(run.x[run.test]), y=_f4(run.y[run.test]),
                 showlegend=True, marker={"color": TEST, "size": 10, "symbol": "diamond-open",
                                          "line": {"width": 2}}),
        _scatter("CV band", mode="lines", x=_f4(np.concatenate([degrees, degrees[::-1]])),
                 y=_f4(np.concatenate([run.cv_high, run.cv_low[::-1]])), fill="toself",
                 line={"width": 0}, fillcolor=rgba(CV, 0.15), **right),
        *[_scatter(name, mode="lines+markers", x=_f4(degrees), y=_f4(err), **right,
                   line={"color": color, "width": 3, "dash": dash}, marker={"size": 6},
                   showlegend=name.endswith("CV"))
          for name, err, color, dash in zip(("train RMSE", "test RMSE", f"{run.k}-fold CV"),
                                            errors, (DATA, TEST, CV), (None, None, "dash"),
                                            strict=True)],
    ]  # fmt: skip
    labels = [f"degree {d}: train {text(run.train[d], 3)}, test {text(run.test_error[d], 3)}, "
              f"CV {text(run.cv[d], 3)}" for d in degrees]  # fmt: skip
    layout = _degree_layout(yr, "RMSE", er, ticks)
    spec = {"data": data, "layout": layout}
    _degree_frames(degree, moving, labels, speed, ink, [0, 1], layout, spec)
    return Prebuilt(spec)


def bias_variance_figure(result: of.BiasVariance, degree: int, speed: float = 1.0,
                         dark: bool = False) -> Prebuilt:  # fmt: skip
    """Left: fits of degree d to many training sets (thin), their average and the truth
    (frames over d). Right: bias², variance, noise and their sum against d (log axis), with
    the simulated error on fresh points."""
    ink = theme.ink(dark)
    target = of.truth(result.truth)(of.GRID)
    yr = _curve_range(target, target)
    yr = [yr[0] - 0.5, yr[1] + 0.5]
    degrees = np.arange(of.MAX_DEGREE + 1)
    parts = (result.bias2, result.variance, np.full(degrees.size, result.noise2), result.total)
    er, ticks = _log_range(*parts, result.test_mse, cap=1e3 * float(result.total.min()))
    lows = [10 ** er[0], 10 ** er[1]]
    limit = 10 * (yr[1] - yr[0])

    def moving(d: int) -> list[dict]:
        curves = np.clip(result.curves[d], yr[0] - limit, yr[1] + limit)
        gaps = np.full((curves.shape[0], 1), np.nan)
        xs = np.tile(np.append(of.GRID, np.nan), curves.shape[0])
        return [
            {"x": _f4(xs), "y": _f4(np.hstack([curves, gaps]).ravel())},
            {"x": _f4(of.GRID), "y": _f4(np.clip(result.mean_curve[d], yr[0] - limit,
                                                  yr[1] + limit))},
            {"x": [float(d)] * 2, "y": lows},
        ]  # fmt: skip

    now = moving(degree)
    right = {"xaxis": "x2", "yaxis": "y2"}
    names = ("bias²", "variance", "σ²", "sum")
    colors = (DATA, SQUARE, ink, LINE)
    data = [
        _scatter("other fits", mode="lines", **now[0], showlegend=True,
                 line={"color": rgba(DATA, 0.3), "width": 1}),
        _scatter("average fit", mode="lines", **now[1], showlegend=True,
                 line={"color": LINE, "width": 4}),
        _scatter("degree", mode="lines", **now[2], **right,
                 line={"color": ink, "width": 2, "dash": "dot"}),
        _scatter("truth", mode="lines", x=_f4(of.GRID), y=_f4(target), showlegend=True,
                 line={"color": TRUTH, "width": 3, "dash": "dash"}),
        *[_scatter(name, mode="lines", x=_f4(degrees), y=_f4(values), **right, showlegend=True,
                   line={"color": color, "width": 4 if name == "sum" else 2.5,
                         "dash": "dot" if name == "σ²" else None})
          for name, values, color in zip(names, parts, colors, strict=True)],
        _scatter("simulated", mode="markers", x=_f4(degrees), y=_f4(result.test_mse), **right,
                 showlegend=True, marker={"color": LINE, "size": 8, "symbol": "circle-open",
                                  "line": {"width": 2}}),
    ]  # fmt: skip
    labels = [f"degree {d}: bias² {text(result.bias2[d], 3)}, variance "
              f"{text(result.variance[d], 3)}" for d in degrees]  # fmt: skip
    layout = _degree_layout(yr, "MSE", er, ticks)
    spec = {"data": data, "layout": layout}
    _degree_frames(degree, moving, labels, speed, ink, [0, 1, 2], layout, spec)
    return Prebuilt(spec)


# ---- ridge -------------------------------------------------------------------------------------

ZERO_AT = 10.0**-7.5  # where λ = 0 sits on the log axis


def _lambda_axis_x() -> np.ndarray:
    return np.concatenate([[ZERO_AT], of.LAMBDAS[1:]])


def ridge_figure(run: of.RidgeRun, frame: int, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left: the data and the ridge polynomial at λ (frames over the λ grid). Right, top: the
    coefficients β₁..β_d against λ (log axis; λ = 0 at the left edge); bottom: training and
    test RMSE against λ."""
    ink = theme.ink(dark)
    lam_x = _lambda_axis_x()
    yr = _curve_range(run.y, run.y)
    shown = run.coefficients[:, 1:]
    steady = shown[of.LAMBDAS >= 1e-3]
    reach = 1.15 * float(np.abs(steady).max()) if steady.size else 1.0
    top_error = min(
        float(max(run.train.max(), run.test_error.max())), 4 * float(run.test_error.min()) + 0.05
    )
    er = [0.0, 1.08 * top_error]
    limit = 10 * (yr[1] - yr[0])

    def moving(k: int) -> list[dict]:
        curve = np.clip(run.curves[k], yr[0] - limit, yr[1] + limit)
        return [{"x": _f4(of.GRID), "y": _f4(curve)},
                {"x": [float(lam_x[k])] * 2, "y": [-reach, reach]},
                {"x": [float(lam_x[k])] * 2, "y": er}]  # fmt: skip

    now = moving(frame)
    top, bottom = {"xaxis": "x2", "yaxis": "y2"}, {"xaxis": "x3", "yaxis": "y3"}
    palette = theme.COLORWAY
    data = [
        _scatter("ridge fit", mode="lines", **now[0], showlegend=True,
                 line={"color": LINE, "width": 4}),
        _scatter("λ", mode="lines", **now[1], **top,
                 line={"color": ink, "width": 2, "dash": "dot"}),
        _scatter("λ", mode="lines", **now[2], **bottom,
                 line={"color": ink, "width": 2, "dash": "dot"}),
        _scatter("train", mode="markers", x=_f4(run.x[~run.test]), y=_f4(run.y[~run.test]),
                 showlegend=True, marker={"color": DATA, "size": 9}),
        _scatter("test", mode="markers", x=_f4(run.x[run.test]), y=_f4(run.y[run.test]),
                 showlegend=True, marker={"color": TEST, "size": 10, "symbol": "diamond-open",
                                          "line": {"width": 2}}),
        *[_scatter(f"β{j + 1}", mode="lines", x=_f4(lam_x), y=_f4(shown[:, j]), **top,
                   line={"color": palette[j % len(palette)], "width": 2})
          for j in range(shown.shape[1])],
        _scatter("train RMSE", mode="lines", x=_f4(lam_x), y=_f4(run.train), **bottom,
                 line={"color": DATA, "width": 3}),
        _scatter("test RMSE", mode="lines", x=_f4(lam_x), y=_f4(run.test_error), **bottom,
                 line={"color": TEST, "width": 3}),
    ]  # fmt: skip
    names = [f"l{k}" for k in range(of.LAMBDAS.size)]
    spec = {"data": data, "frames": [{"name": n, "traces": [0, 1, 2], "data": moving(k)}
                                     for k, n in enumerate(names)]}  # fmt: skip
    labels = [f"λ = {text(lam, 2)}: test RMSE {text(err, 3)}"
              for lam, err in zip(of.LAMBDAS, run.test_error, strict=True)]  # fmt: skip
    lam_range = [np.log10(ZERO_AT) - 0.2, 3.2]
    lam_ticks = {"tickvals": [ZERO_AT, 1e-6, 1e-3, 1, 1000], "tickangle": 0,
                 "ticktext": ["0", "10⁻⁶", "10⁻³", "1", "10³"]}  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x", range=[-1.05, 1.05], domain=[0.0, 0.48], anchor="y"),
        "yaxis": _axis("y", range=yr),
        "xaxis2": _axis("", type="log", range=lam_range, domain=[0.64, 1.0], anchor="y2",
                        **lam_ticks, showticklabels=False),
        "yaxis2": _axis("β", range=[-reach, reach], domain=[0.55, 1.0], anchor="x2"),
        "xaxis3": _axis("λ", type="log", range=lam_range, domain=[0.64, 1.0], anchor="y3",
                        **lam_ticks),
        "yaxis3": _axis("RMSE", range=er, domain=[0.0, 0.45], anchor="x3"),
    }  # fmt: skip
    spec["layout"] = layout
    layout |= animation_controls(
        names, labels, active=frame, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=250, pad_top=CONTROLS_TOP, sequence=[*names, *hold(names[-1], 1200, 250)],
    )  # fmt: skip
    return Prebuilt(spec)


def _ellipse(picture: of.Ball, level: float, points: int = 121) -> np.ndarray:
    """The contour RSS(β) = level: (β - β̂)ᵀ XᵀX (β - β̂) = level - RSS(β̂), as (points, 2)."""
    gram = picture.features.T @ picture.features
    extra = max(level - picture.rss_at(picture.ols), 0.0)
    angles = np.linspace(0.0, 2 * np.pi, points)
    circle = np.column_stack([np.cos(angles), np.sin(angles)]) * np.sqrt(extra)
    lower = np.linalg.cholesky(gram)  # gram = L Lᵀ: β - β̂ = L⁻ᵀ u with |u|² = extra
    return picture.ols + np.linalg.solve(lower.T, circle.T).T


def ball_figure(picture: of.Ball, frame: int, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """RSS contours (ellipses round β̂) in the (β₁, β₂) plane, the ridge path from β̂ to 0 and,
    per λ, the disc ‖β‖ ≤ ‖β(λ)‖ with the one ellipse that touches it at β(λ)."""
    ink = theme.ink(dark)
    lowest = picture.rss_at(picture.ols)
    levels = lowest * (1 + np.array([0.05, 0.2, 0.5, 1.0, 2.0, 4.0]))
    angles = np.linspace(0.0, 2 * np.pi, 121)

    def moving(k: int) -> list[dict]:
        beta = picture.path[k]
        radius = float(np.linalg.norm(beta))
        touching = _ellipse(picture, picture.rss_at(beta))
        return [
            {"x": _f4(radius * np.cos(angles)), "y": _f4(radius * np.sin(angles))},
            {"x": _f4(touching[:, 0]), "y": _f4(touching[:, 1])},
            {"x": [beta[0]], "y": [beta[1]]},
        ]

    now = moving(frame)
    rings = [_ellipse(picture, level) for level in levels]
    gaps = np.full((1, 2), np.nan)
    contour = np.vstack([np.vstack([ring, gaps]) for ring in rings])
    data = [
        _scatter("‖β‖ ≤ t", mode="lines", **now[0], fill="toself", showlegend=True,
                 line={"color": DATA, "width": 2}, fillcolor=rgba(DATA, 0.18)),
        _scatter("RSS contour that touches it", mode="lines", **now[1], showlegend=True,
                 line={"color": SQUARE, "width": 3}),
        _scatter("β(λ)", mode="markers", **now[2], showlegend=True,
                 marker={"color": LINE, "size": 14, "line": {"color": ink, "width": 1.5}}),
        _scatter("RSS contours", mode="lines", x=_f4(contour[:, 0]), y=_f4(contour[:, 1]),
                 line={"color": rgba(ink, 0.35), "width": 1}),
        _scatter("ridge path", mode="lines", x=_f4(picture.path[:, 0]),
                 y=_f4(picture.path[:, 1]), showlegend=True,
                 line={"color": LINE, "width": 2, "dash": "dot"}),
        _scatter("least squares β̂", mode="markers", x=[picture.ols[0]], y=[picture.ols[1]],
                 showlegend=True, marker={"color": ink, "size": 10, "symbol": "x"}),
    ]  # fmt: skip
    names = [f"l{k}" for k in range(of.LAMBDAS.size)]
    labels = [f"λ = {text(lam, 2)}: β = ({text(b[0], 3)}, {text(b[1], 3)})"
              for lam, b in zip(of.LAMBDAS, picture.path, strict=True)]  # fmt: skip
    reach = float(np.abs(np.vstack(rings[:4])).max()) * 1.05
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("β₁", range=[-reach, reach], constrain="domain"),
        "yaxis": _axis("β₂", range=[-reach, reach], scaleanchor="x", constrain="domain"),
    }
    spec = {"data": data, "layout": layout,
            "frames": [{"name": n, "traces": [0, 1, 2], "data": moving(k)}
                       for k, n in enumerate(names)]}  # fmt: skip
    layout |= animation_controls(
        names, labels, active=frame, readout="", ink=ink, slider_x=0.32, speed=speed,
        frame_ms=250, pad_top=CONTROLS_TOP, sequence=[*names, *hold(names[-1], 1200, 250)],
    )  # fmt: skip
    return Prebuilt(spec)


# ---- ANOVA -------------------------------------------------------------------------------------


def anova_figure(result: regression.Anova, dark: bool = False, seed: int = 0) -> Prebuilt:
    """Left: each group's values (jittered), its mean and the grand mean. Right, top: SST
    split into SSB and SSW; bottom: the F distribution under H₀ with the observed F and the
    p-value's tail."""
    ink = theme.ink(dark)
    rng = np.random.default_rng(seed)
    palette = theme.COLORWAY
    data = []
    for j, (group, name) in enumerate(zip(result.groups, result.names, strict=True)):
        color = palette[j % len(palette)]
        shown = group[:: max(1, group.size // 300)]
        data.append(
            _scatter(
                name,
                mode="markers",
                x=_f4(j + rng.uniform(-0.22, 0.22, shown.size)),
                y=_f4(shown),
                marker={"color": rgba(color, 0.6), "size": 7},
            )
        )
        data.append(
            _scatter(
                f"{name} mean",
                mode="lines",
                x=[j - 0.35, j + 0.35],
                y=[float(group.mean())] * 2,
                line={"color": color, "width": 5},
            )
        )
    data.append(
        _scatter(
            "grand mean",
            mode="lines",
            x=[-0.5, result.k - 0.5],
            y=[result.grand_mean] * 2,
            showlegend=True,
            line={"color": ink, "width": 2, "dash": "dash"},
        )
    )
    top, bottom = {"xaxis": "x2", "yaxis": "y2"}, {"xaxis": "x3", "yaxis": "y3"}
    data += [
        {"type": "bar", "name": "between (SSB)", "x": [result.ssb], "y": ["SST"],
         "orientation": "h", "marker": {"color": LINE}, "showlegend": True, **top,
         "hoverinfo": "skip", "text": ["SSB"], "textposition": "inside"},
        {"type": "bar", "name": "within (SSW)", "x": [result.ssw], "y": ["SST"],
         "orientation": "h", "marker": {"color": rgba(DATA, 0.6)}, "showlegend": True, **top,
         "hoverinfo": "skip", "text": ["SSW"], "textposition": "inside"},
    ]  # fmt: skip
    d1, d2 = result.df_between, result.df_within
    critical = result.critical()
    high = max(critical * 1.6, min(result.f * 1.15, critical * 6), 4.0)
    xs = np.linspace(0.0, high, 400)[1:]
    density = sps.f.pdf(xs, d1, d2)
    tail = xs >= min(result.f, high)
    data += [
        _scatter("F under H₀", mode="lines", x=_f4(xs), y=_f4(density), **bottom,
                 line={"color": ink, "width": 2}),
        _scatter("p-value", mode="lines", x=_f4(xs[tail]), y=_f4(density[tail]), **bottom,
                 fill="tozeroy", line={"color": SQUARE, "width": 0},
                 fillcolor=rgba(SQUARE, 0.45)),
        _scatter("observed F", mode="lines", x=[min(result.f, high)] * 2,
                 y=[0, float(density.max())], **bottom, line={"color": SQUARE, "width": 3}),
        _scatter("5% critical F", mode="lines", x=[critical] * 2, y=[0, float(density.max())],
                 **bottom, line={"color": ink, "width": 1.5, "dash": "dot"}),
    ]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "barmode": "stack",
        "margin": {"t": 80, "r": 20, "b": 60},
        "xaxis": _axis("group", domain=[0.0, 0.5], anchor="y", tickvals=list(range(result.k)),
                       ticktext=list(result.names), range=[-0.5, result.k - 0.5]),
        "yaxis": _axis("value"),
        "xaxis2": _axis("", domain=[0.6, 1.0], anchor="y2", rangemode="tozero"),
        "yaxis2": _axis("", domain=[0.74, 0.92], anchor="x2", showticklabels=False),
        "xaxis3": _axis(f"F (df {d1}, {d2})", domain=[0.6, 1.0], anchor="y3", range=[0, high]),
        "yaxis3": _axis("density", domain=[0.0, 0.5], anchor="x3", rangemode="tozero"),
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})
