"""The pictures of /conditional-probability, as plotly dicts (:class:`Prebuilt`).

- :func:`crowd_figure`: 1,000 people, one marker each, coloured sick or healthy, filled when
  the test says positive;
- :func:`tree_figure`: the probability tree with its four branch probabilities and counts;
- :func:`coin_figure`: prior, normalised likelihood and posterior over θ, with the posterior
  mean and 95% credible interval, flip by flip (▶ Play, client-side frames);
- :func:`joint_figure`: a 2D Gaussian's contours, 1σ/2σ ellipses along Σ's eigenvectors, its
  marginals on the sides and the conditional slice at x = x₀;
- :func:`sampling_figure`: z, then Lz, then μ + Lz (plotly frames gliding between them).

Every number comes from :mod:`mathviz.probability.bayes` or :mod:`~.joint`; nothing is
computed again here. No NaN or infinity goes into the JSON.
"""

from __future__ import annotations

import numpy as np

from mathviz.core import numbers
from mathviz.core.numbers import text as fmt
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed, typed_grid
from mathviz.plot.traces import TOP_LEGEND, rgba
from mathviz.probability import bayes
from mathviz.probability.bayes import GROUPS, CoinRun, MedicalTest
from mathviz.probability.joint import SIGMA_LEVELS, Gaussian2, JointPicture, SamplingSteps

SICK, HEALTHY = theme.COLORS["accent"], theme.COLORS["primary"]
PRIOR_COLOR = theme.COLORS["soft"]
LIKELIHOOD_COLOR = theme.COLORS["secondary"]
POSTERIOR_COLOR = theme.COLORS["primary"]
TRUTH_COLOR = theme.COLORS["tertiary"]
ELLIPSE_COLORS = (theme.COLORS["secondary"], theme.COLORS["highlight"])
SLICE_COLOR = theme.COLORS["accent"]
NEUTRAL = "rgba(128, 128, 128, 0.9)"
# The crowd's blocks, left to right: the positives first (sick, then healthy), so that the
# share of the sick among them shows at a glance.
CROWD_ORDER = (0, 2, 1, 3)
CROWD_COLUMNS = 40
GROUP_STYLE = {  # (colour, marker symbol): filled for a positive test, open for a negative
    0: (SICK, "circle"),
    1: (SICK, "circle-open"),
    2: (HEALTHY, "circle"),
    3: (HEALTHY, "circle-open"),
}
MAX_COIN_FRAMES = 101  # frames of the coin's animation, the prior's included
PLAY_MS = 5000  # ▶ Play runs through the flips in about this long (at 1×)
GROUP_LEGEND = ("sick, tests +", "sick, tests −", "healthy, tests +", "healthy, tests −")


def crowd_figure(counts: np.ndarray, dark: bool) -> Prebuilt:
    """The crowd as a grid, one marker per person, a trace per group (:data:`GROUPS`)."""
    ordered = np.asarray(counts)[list(CROWD_ORDER)]
    points, blocks = bayes.grid_groups(ordered, CROWD_COLUMNS)
    data = []
    for block, group in enumerate(CROWD_ORDER):
        mine = points[blocks == block]
        color, symbol = GROUP_STYLE[group]
        data.append({
            "type": "scatter", "mode": "markers", "x": typed(mine[:, 0], "f4"),
            "y": typed(mine[:, 1], "f4"), "name": f"{GROUP_LEGEND[group]}: {int(counts[group])}",
            "marker": {"color": color, "symbol": symbol, "size": 9,
                       "line": {"color": color, "width": 1.5}},
            "hovertemplate": f"{GROUPS[group]}<extra></extra>",
        })  # fmt: skip
    rows = -(-int(np.sum(counts)) // CROWD_COLUMNS)
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "xaxis": hidden | {"range": [-0.8, CROWD_COLUMNS - 0.2]},
        "yaxis": hidden | {"range": [-0.8, rows - 0.2], "scaleanchor": "x", "scaleratio": 1},
        "legend": TOP_LEGEND, "margin": {"l": 10, "r": 10, "t": 80, "b": 10},
        "hovermode": "closest",
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def _share(p: float) -> str:
    return fmt(p, 3)


def tree_figure(test: MedicalTest, counts: np.ndarray, dark: bool) -> Prebuilt:
    """The probability tree: everyone → sick / healthy → test + / −, each branch labelled
    with its probability, each leaf with its joint probability and its count of 1,000."""
    ink = theme.ink(dark)
    root, level = (0.0, 0.0), {"sick": (1.0, 1.0), "healthy": (1.0, -1.0)}
    leaves = [(2.0, 1.5), (2.0, 0.5), (2.0, -0.5), (2.0, -1.5)]
    parents = [level["sick"], level["sick"], level["healthy"], level["healthy"]]
    branch = test.branches
    joint = test.joint
    sick_total, healthy_total = int(counts[0] + counts[1]), int(counts[2] + counts[3])
    edges = [(root, level["sick"], branch[0], SICK), (root, level["healthy"], branch[1], HEALTHY)]
    edges += [(parents[i], leaves[i], branch[2 + i], (SICK, SICK, HEALTHY, HEALTHY)[i])
              for i in range(4)]  # fmt: skip
    data, notes = [], []
    for start, end, p, color in edges:
        data.append({"type": "scatter", "mode": "lines", "x": typed([start[0], end[0]]),
                     "y": typed([start[1], end[1]]), "hoverinfo": "skip", "showlegend": False,
                     "line": {"color": color, "width": 1.5 + 6 * float(p)}})  # fmt: skip
        notes.append({"x": (start[0] + end[0]) / 2, "y": (start[1] + end[1]) / 2,
                      "text": _share(p), "showarrow": False, "font": {"color": color, "size": 15},
                      "bgcolor": theme.BACKGROUND["dark" if dark else "light"],
                      "yshift": 12 if end[1] > start[1] else -12})  # fmt: skip
    nodes = [(root, f"everyone<br>{int(np.sum(counts))}", ink),
             (level["sick"], f"sick<br>{sick_total}", SICK),
             (level["healthy"], f"healthy<br>{healthy_total}", HEALTHY)]  # fmt: skip
    for i, (x, y) in enumerate(leaves):
        nodes.append(((x, y), f"{GROUP_LEGEND[i]}: <b>{int(counts[i])}</b>"
                              f"<br>P = {_share(joint[i])}", GROUP_STYLE[i][0]))  # fmt: skip
    for (x, y), label, color in nodes:
        notes.append({"x": x, "y": y, "text": label, "showarrow": False,
                      "xanchor": "left" if x == 2.0 else "center",
                      "font": {"color": color, "size": 15}, "bordercolor": color,
                      "borderwidth": 1, "borderpad": 4,
                      "bgcolor": theme.BACKGROUND["dark" if dark else "light"]})  # fmt: skip
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "xaxis": hidden | {"range": [-0.3, 3.1]}, "yaxis": hidden | {"range": [-2.0, 2.0]},
        "annotations": notes, "showlegend": False, "margin": {"l": 10, "r": 10, "t": 20, "b": 10},
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


# --- the coin ---------------------------------------------------------------------------------


def _curve(xs, ys, color, name, width=3.0, dash=None, **extra) -> dict:
    line = {"color": color, "width": width} | ({"dash": dash} if dash else {})
    return {"type": "scatter", "mode": "lines", "x": typed(xs, "f4"), "y": typed(ys, "f4"),
            "line": line, "name": name, "hoverinfo": "skip", **extra}  # fmt: skip


def _coin_frame(run: CoinRun, k: int, top: float) -> list[dict]:
    """The traces that change with the flips seen: likelihood, posterior, the credible band,
    the posterior mean and the flips so far."""
    summary = run.summaries[k]
    band_x = [summary.low, summary.high, summary.high, summary.low, summary.low]
    band_y = [0.0, 0.0, top, top, 0.0]
    seen = run.flips[:k]
    return [
        _curve(run.theta, run.likelihoods[k], LIKELIHOOD_COLOR, "likelihood (normalised)", 2.5,
               "dot"),
        _curve(run.theta, run.posteriors[k], POSTERIOR_COLOR, "posterior", 3.5),
        {"type": "scatter", "mode": "lines", "x": typed(band_x, "f4"), "y": typed(band_y, "f4"),
         "fill": "toself", "fillcolor": rgba(POSTERIOR_COLOR, 0.12), "line": {"width": 0},
         "name": "95% credible interval", "hoverinfo": "skip"},
        _curve([summary.mean, summary.mean], [0.0, top], POSTERIOR_COLOR, "posterior mean", 1.5,
               "dash"),
        {"type": "scatter", "mode": "markers", "x": typed(np.arange(1, k + 1), "f4"),
         "y": typed(np.zeros(k), "f4"), "xaxis": "x2", "yaxis": "y2", "showlegend": False,
         "marker": {"color": typed(seen, "f4"), "cmin": 0, "cmax": 1, "size": 7,
                    "colorscale": [[0, NEUTRAL], [1, LIKELIHOOD_COLOR]], "symbol": "square"},
         "hoverinfo": "skip", "name": "flips"},
    ]  # fmt: skip


def coin_figure(run: CoinRun, speed: float, dark: bool) -> Prebuilt:
    """Prior (dashed), normalised likelihood (dotted) and posterior (solid) over θ after each
    flip; the strip above shows the flips (orange heads, grey tails). The figure opens on the
    last flip; ▶ Play runs from the prior through the flips (every flip up to
    :data:`MAX_COIN_FRAMES` − 1 of them, evenly spread beyond: the JSON stays under 1 MB)."""
    n = len(run.flips)
    top = 1.08 * float(max(run.posteriors.max(), run.likelihoods.max(), run.prior.max()))
    static = [
        _curve(run.theta, run.prior, PRIOR_COLOR, "prior", 2.5, "dash"),
        _curve([run.bias, run.bias], [0.0, top], TRUTH_COLOR, "true bias", 2.0),
    ]
    moving = list(range(len(static), len(static) + 5))
    shown = np.unique(np.round(np.linspace(0, n, min(n + 1, MAX_COIN_FRAMES))).astype(int))
    frames = [{"name": str(k), "data": _coin_frame(run, k, top), "traces": moving}
              for k in shown.tolist()]  # fmt: skip
    labels = [f"{k} flips: {int(run.heads[k])} heads, {int(run.tails[k])} tails"
              for k in shown.tolist()]  # fmt: skip
    names = [frame["name"] for frame in frames]
    frame_ms = max(40, PLAY_MS // len(frames))
    sequence = hold(names[0], STEP_MS, frame_ms) + names[1:]
    controls = animation_controls(
        names, labels, active=len(names) - 1, sequence=sequence, frame_ms=frame_ms,
        readout="After ", ink=theme.ink(dark), speed=speed, every=max(1, len(names) // 50),
    )  # fmt: skip
    layout = {
        "xaxis": {"range": [0.0, 1.0], "title": {"text": "θ = P(heads)"}, "domain": [0, 1]},
        "yaxis": {"range": [0.0, top], "title": {"text": "density"}, "domain": [0.0, 0.84]},
        "xaxis2": {"range": [0.5, max(n, 1) + 0.5], "anchor": "y2", "visible": False},
        "yaxis2": {"range": [-1, 1], "domain": [0.88, 0.96], "visible": False},
        "legend": TOP_LEGEND | {"y": 1.04}, "margin": {"t": 90, "b": 165},
        **controls,
    }  # fmt: skip
    return Prebuilt({"data": static + frames[-1]["data"], "layout": layout, "frames": frames})


# --- the joint Gaussian ------------------------------------------------------------------------

MAIN, SIDE = [0.0, 0.76], [0.8, 1.0]


def _density_scale(dark: bool) -> list:
    paper = theme.BACKGROUND["dark" if dark else "light"]
    return [[0.0, paper], [1.0, rgba(theme.COLORS["primary"], 0.85)]]


def joint_figure(picture: JointPicture, dark: bool) -> Prebuilt:
    """The density's filled contours with the 1σ and 2σ ellipses, Σ's eigenvectors as
    half-axes of the 1σ ellipse, the marginal p(x) above and p(y) to the right, and the
    slice x = x₀ with the conditional density p(y | x₀) beside p(y)."""
    g: Gaussian2 = picture.gaussian
    x_low, x_high, y_low, y_high = picture.window
    given = picture.conditional
    data: list[dict] = [
        {"type": "contour", "x": typed(picture.xs, "f4"), "y": typed(picture.ys, "f4"),
         "z": typed_grid(picture.z, "f4"),
         "colorscale": _density_scale(dark), "showscale": False, "ncontours": 12,
         "contours": {"coloring": "fill", "showlines": False}, "hoverinfo": "skip",
         "name": "density"},
    ]  # fmt: skip
    for k, ellipse, color in zip(SIGMA_LEVELS, picture.ellipses, ELLIPSE_COLORS, strict=True):
        data.append(_curve(ellipse[:, 0], ellipse[:, 1], color, f"{k}σ ellipse", 2.5))
    half = picture.axes.half_lengths(1.0)
    for i in range(2):
        tip = g.mean + half[i] * picture.axes.directions[:, i]
        data.append({
            "type": "scatter", "mode": "lines+markers", "x": typed([g.mean[0], tip[0]]),
            "y": typed([g.mean[1], tip[1]]), "name": f"√λ{numbers.subscript(i + 1)} q"
            f"{numbers.subscript(i + 1)}", "showlegend": False,
            "line": {"color": theme.ink(dark), "width": 2.5},
            "marker": {"symbol": "arrow", "angleref": "previous", "size": typed([0, 13]),
                       "color": theme.ink(dark)}, "hoverinfo": "name",
        })  # fmt: skip
    data.append(_curve([given.x0, given.x0], [y_low, y_high], SLICE_COLOR, "slice x = x₀", 2.0,
                       "dash"))  # fmt: skip
    data.append({"type": "scatter", "mode": "markers", "x": typed([given.x0]),
                 "y": typed([given.mean]), "name": "E[y | x₀]", "showlegend": False,
                 "marker": {"color": SLICE_COLOR, "size": 11}, "hoverinfo": "name+y"})  # fmt: skip
    data.append(_curve(picture.xs, picture.px, PRIOR_COLOR, "p(x)", 2.5, None, xaxis="x",
                       yaxis="y2", fill="tozeroy", fillcolor=rgba(PRIOR_COLOR, 0.2),
                       showlegend=False))  # fmt: skip
    data.append(_curve(picture.py, picture.ys, PRIOR_COLOR, "p(y)", 2.5, None, xaxis="x3",
                       yaxis="y", fill="tozerox", fillcolor=rgba(PRIOR_COLOR, 0.2),
                       showlegend=False))  # fmt: skip
    data.append(_curve(picture.slice_density, picture.ys, SLICE_COLOR, "p(y | x₀)", 2.5, None,
                       xaxis="x3", yaxis="y", showlegend=False))  # fmt: skip
    side_top = 1.08 * float(max(picture.py.max(), picture.slice_density.max()))
    notes = [
        {"x": 0.5, "y": 1.0, "xref": "x3 domain", "yref": "y domain", "text": "p(y | x₀)",
         "showarrow": False, "font": {"color": SLICE_COLOR}, "yanchor": "bottom"},
        {"x": 0.98, "y": 0.95, "xref": "x domain", "yref": "y2 domain", "text": "p(x)",
         "showarrow": False, "font": {"color": PRIOR_COLOR}, "xanchor": "right"},
    ]  # fmt: skip
    layout = {
        "xaxis": {"domain": MAIN, "range": [x_low, x_high], "title": {"text": "x"}},
        "yaxis": {"domain": MAIN, "range": [y_low, y_high], "title": {"text": "y"}},
        "yaxis2": {"domain": SIDE, "anchor": "x", "showticklabels": False,
                   "range": [0, 1.1 * float(picture.px.max())]},
        "xaxis3": {"domain": SIDE, "anchor": "y", "showticklabels": False,
                   "range": [0, side_top]},
        "annotations": notes, "legend": TOP_LEGEND | {"y": 1.06},
        "margin": {"t": 75}, "hovermode": "closest",
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


# --- sampling as μ + Lz -----------------------------------------------------------------------

SAMPLE_STEPS = ("z ~ N(0, I)", "L z ~ N(0, Σ)", "μ + L z ~ N(μ, Σ)")


def _step_traces(points: np.ndarray, ellipses: np.ndarray, arrows: np.ndarray,
                 origin: np.ndarray, ink: str) -> list[dict]:  # fmt: skip
    data = [{"type": "scatter", "mode": "markers", "x": typed(points[:, 0], "f4"),
             "y": typed(points[:, 1], "f4"), "name": "points",
             "marker": {"color": rgba(theme.COLORS["primary"], 0.45), "size": 4},
             "hoverinfo": "skip"}]  # fmt: skip
    for k, ellipse, color in zip(SIGMA_LEVELS, ellipses, ELLIPSE_COLORS, strict=True):
        data.append(_curve(ellipse[:, 0], ellipse[:, 1], color, f"{k}σ", 2.5))
    for i, name in enumerate(("first column", "second column")):
        tip = origin + arrows[:, i]
        data.append({"type": "scatter", "mode": "lines+markers", "x": typed([origin[0], tip[0]]),
                     "y": typed([origin[1], tip[1]]), "name": name, "showlegend": False,
                     "line": {"color": ink, "width": 3},
                     "marker": {"symbol": "arrow", "angleref": "previous",
                                "size": typed([0, 14]), "color": ink},
                     "hoverinfo": "skip"})  # fmt: skip
    return data


def sampling_figure(steps: SamplingSteps, speed: float, dark: bool) -> Prebuilt:
    """The same points in three stages (:attr:`SamplingSteps.stages`), gliding from one to
    the next under ▶ Play: the standard normal cloud z with its 1σ/2σ circles and the axes
    e₁, e₂; then L z, where the circles became Σ's ellipses and e₁, e₂ the columns of L;
    then shifted by μ. Each stage's curves are the same points moved, so plotly can glide
    them."""
    ink = theme.ink(dark)
    stages = steps.stages
    frames = [{"name": str(i), "data": _step_traces(s.points, s.ellipses, s.arrows, s.origin, ink)}
              for i, s in enumerate(stages)]  # fmt: skip
    drawn = np.vstack([s.points for s in stages] + [e for s in stages for e in s.ellipses])
    low, high = np.percentile(drawn, [0.2, 99.8], axis=0)
    low, high = np.minimum(low, -2.2), np.maximum(high, 2.2)
    names = [frame["name"] for frame in frames]
    controls = animation_controls(
        names, list(SAMPLE_STEPS), active=0, frame_ms=STEP_MS * 2, glide=True,
        sequence=[names[0], names[1], *hold(names[1], STEP_MS, STEP_MS * 2), names[2]],
        ink=ink, speed=speed, readout="",  # the last label ran past the chart's right edge
    )  # fmt: skip
    layout = {
        "xaxis": {"range": [float(low[0]), float(high[0])], "title": {"text": "x₁"}},
        "yaxis": {"range": [float(low[1]), float(high[1])], "title": {"text": "x₂"},
                  "scaleanchor": "x", "scaleratio": 1},
        "legend": TOP_LEGEND, "margin": {"t": 60, "b": 160}, "hovermode": False, **controls,
    }  # fmt: skip
    return Prebuilt({"data": frames[0]["data"], "layout": layout, "frames": frames})
