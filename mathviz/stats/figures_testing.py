"""The pictures of /hypothesis-testing as plotly dicts: one t-test drawn (the null
distribution, the rejection region, the p-value as an area, the alternative and its power),
power against n, and many studies' p-values with the Benjamini-Hochberg line.

Builders take the results of :mod:`mathviz.stats.testing` and draw them.
"""

from __future__ import annotations

import numpy as np

from mathviz.plot import theme
from mathviz.plot.animation import animation_controls, hold
from mathviz.plot.spec import Prebuilt
from mathviz.plot.spec import axis as _axis
from mathviz.plot.spec import f4 as _f4
from mathviz.plot.spec import scatter as _scatter
from mathviz.plot.traces import TOP_LEGEND, rgba
from mathviz.stats import testing

NULL, ALT = theme.COLORS["primary"], theme.COLORS["secondary"]
REJECT, PVALUE = theme.COLORS["accent"], theme.COLORS["highlight"]
REAL = theme.COLORS["tertiary"]
CONTROLS_TOP, CONTROLS_BOTTOM = 85, 165
P_BINS = 20
STUDY_FRAMES = 30


def _area(grid: np.ndarray, density: np.ndarray, keep: np.ndarray, name: str, color: str,
          legend: bool = True, **extra) -> dict:  # fmt: skip
    """The area under ``density`` where ``keep``: one closed shape per run of kept points
    (down to zero at both ends), separated by gaps, filled with ``toself``."""
    xs: list[float] = []
    ys: list[float] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(int), [0]])))
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        piece = slice(start, stop)
        xs += [grid[start], *grid[piece], grid[stop - 1], np.nan]
        ys += [0.0, *density[piece], 0.0, np.nan]
    return _scatter(name, mode="lines", x=_f4(xs), y=_f4(ys), fill="toself",
                    fillcolor=rgba(color, 0.35), line={"color": color, "width": 0.5},
                    showlegend=legend, **extra)  # fmt: skip


def test_figure(run: testing.Study, dark: bool = False) -> Prebuilt:
    """Top: the t statistic's null density (blue) with the rejection region (red, area α),
    the observed t and its p-value (purple area), and the density under the true effect
    (orange dashed) whose part beyond t* is the power. Bottom: the sample(s)."""
    ink = theme.ink(dark)
    g, crit = run.grid, run.critical
    two = run.side == testing.TWO_SIDED
    reject = (np.abs(g) >= crit) if two else (g >= crit)
    beyond = (np.abs(g) >= abs(run.t)) if two else (g >= run.t)
    top = float(max(run.null.max(), run.alternative.max())) * 1.1
    # the power region: the alternative's mass in the rejection region (upper side)
    data = [
        _area(g, run.alternative, reject & (g > 0), "power", ALT),
        _area(g, run.null, reject, "α (rejection region)", REJECT),
        _area(g, run.null, beyond, "p-value", PVALUE),
        _scatter("t under H₀", mode="lines", x=_f4(g), y=_f4(run.null), showlegend=True,
                 line={"color": NULL, "width": 3}),
        _scatter("t under the effect", mode="lines", x=_f4(g), y=_f4(run.alternative),
                 showlegend=True, line={"color": ALT, "width": 2.5, "dash": "dash"}),
        _scatter("observed t", mode="lines", x=[run.t, run.t], y=[0, top], showlegend=True,
                 line={"color": ink, "width": 3}),
    ]  # fmt: skip
    groups = [("sample" if run.second is None else "group A", run.first, NULL)]
    if run.second is not None:
        groups.append(("group B", run.second, ALT))
    rng = np.random.default_rng(0)
    for i, (name, values, color) in enumerate(groups):
        y = i + rng.uniform(-0.25, 0.25, values.size)
        dots = {"color": rgba(color, 0.6), "size": 7}
        bar = {
            "color": color,
            "size": 18,
            "symbol": "line-ns",
            "line": {"width": 4, "color": color},
        }
        data.append(_scatter(name, mode="markers", x=_f4(values), y=_f4(y), xaxis="x2",
                             yaxis="y2", marker=dots))  # fmt: skip
        data.append(_scatter(f"{name} mean", mode="markers", x=[float(values.mean())], y=[i],
                             xaxis="x2", yaxis="y2", marker=bar))  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 100, "r": 30, "l": 112},
        "xaxis": _axis("", anchor="y"),
        "yaxis": _axis("density of t", domain=[0.4, 1.0], range=[0, top]),
        "xaxis2": _axis("value (in standard deviations; H₀: mean 0)" if run.second is None
                        else "value (in standard deviations)", anchor="y2"),
        "yaxis2": _axis("", domain=[0.0, 0.22], range=[-0.6, len(groups) - 0.4],
                        tickvals=list(range(len(groups))), ticktext=[g[0] for g in groups]),
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def power_figure(kind: str, d: float, n: int, alpha: float, side: str,
                 dark: bool = False) -> Prebuilt:  # fmt: skip
    """Power against n for small, medium and large effects (Cohen's 0.2, 0.5, 0.8) and for
    this d, with this n marked and the usual 80% target."""
    ink = theme.ink(dark)
    sizes = np.unique(np.geomspace(2, testing.MAX_N, 80).astype(int))
    effects = sorted({0.2, 0.5, 0.8} | ({round(d, 2)} if d > 0 else set()))
    palette = [theme.COLORS[k] for k in ("primary", "tertiary", "highlight", "secondary")]
    data = []
    for i, effect in enumerate(effects):
        mine = abs(effect - d) < 1e-9
        data.append(_scatter(f"d = {effect:g}", mode="lines", x=_f4(sizes),
                             y=_f4(testing.power_curve(kind, effect, alpha, side, sizes)),
                             showlegend=True,
                             line={"color": ALT if mine else palette[i % 3],
                                   "width": 4 if mine else 2}))  # fmt: skip
    here = testing.power(kind, d, n, alpha, side)
    data += [
        _scatter("80% power", mode="lines", x=[2, testing.MAX_N], y=[0.8, 0.8],
                 showlegend=True, line={"color": ink, "width": 1.5, "dash": "dot"}),
        _scatter("this study", mode="markers", x=[n], y=[here], showlegend=True,
                 marker={"color": ALT, "size": 14, "line": {"color": ink, "width": 1.5}}),
    ]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "r": 30},
        "xaxis": _axis("sample size n (per group)", type="log",
                       tickvals=[2, 5, 10, 20, 50, 100, 200, 500],
                       ticktext=["2", "5", "10", "20", "50", "100", "200", "500"]),
        "yaxis": _axis("power", range=[0, 1.02]),
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def studies_figure(result: testing.Studies, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left: the histogram of the p-values as the studies come in (▶ Play), split into
    studies with no effect (flat: uniform under H₀) and with one (piled near 0). Right: the
    sorted p-values against their rank with the Benjamini-Hochberg line i·q/m and α."""
    ink = theme.ink(dark)
    m = result.p.size
    edges = np.linspace(0, 1, P_BINS + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    stops = np.unique(np.geomspace(10, m, STUDY_FRAMES).astype(int))

    def counts(upto: int) -> list[dict]:
        p, real = result.p[:upto], result.real[:upto]
        return [{"x": _f4(centres), "y": _f4(np.histogram(p[~real], edges)[0])},
                {"x": _f4(centres), "y": _f4(np.histogram(p[real], edges)[0])}]  # fmt: skip

    now = counts(m)
    order = np.argsort(result.p)
    ranks = np.arange(1, m + 1)
    shown = min(m, 200)  # the smallest p-values, where the line decides
    sorted_p = result.p[order][:shown]
    real_sorted = result.real[order][:shown]
    bh_line = result.alpha * ranks[:shown] / m
    data = [
        {"type": "bar", "name": "no effect (H₀ true)", **now[0], "width": 1 / P_BINS,
         "marker": {"color": rgba(NULL, 0.55)}, "hoverinfo": "skip", "showlegend": True},
        {"type": "bar", "name": "real effect", **now[1], "width": 1 / P_BINS,
         "marker": {"color": rgba(REAL, 0.7)}, "hoverinfo": "skip", "showlegend": True},
        _scatter("p₍ᵢ₎, no effect", mode="markers", x=_f4(ranks[:shown][~real_sorted]),
                 y=_f4(sorted_p[~real_sorted]), xaxis="x2", yaxis="y2",
                 marker={"color": NULL, "size": 6}),
        _scatter("p₍ᵢ₎, real effect", mode="markers", x=_f4(ranks[:shown][real_sorted]),
                 y=_f4(sorted_p[real_sorted]), xaxis="x2", yaxis="y2",
                 marker={"color": REAL, "size": 6}),
        _scatter("BH line i·q/m", mode="lines", x=_f4(ranks[:shown]), y=_f4(bh_line),
                 xaxis="x2", yaxis="y2", showlegend=True,
                 line={"color": REJECT, "width": 2.5}),
        _scatter("α", mode="lines", x=[1, shown], y=[result.alpha] * 2, xaxis="x2",
                 yaxis="y2", showlegend=True, line={"color": ink, "width": 1.5, "dash": "dot"}),
    ]  # fmt: skip
    tallest = float(max(np.histogram(result.p, edges)[0].max(), 1))  # the stacked bars' top
    names = [f"m{s}" for s in stops]
    frames = [{"name": n, "traces": [0, 1], "data": counts(int(s))}
              for s, n in zip(stops, names, strict=True)]  # fmt: skip
    labels = [f"{s:,} studies" for s in stops]
    top_p = float(max(sorted_p.max(), result.alpha * shown / m)) * 1.05
    layout = {
        "legend": TOP_LEGEND,
        "barmode": "stack",
        "bargap": 0.05,
        "margin": {"t": 90, "r": 30, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("p-value", domain=[0.0, 0.46], range=[0, 1]),
        "yaxis": _axis("studies", range=[0, tallest * 1.1]),
        "xaxis2": _axis("rank i (smallest p first)", domain=[0.56, 1.0], anchor="y2"),
        "yaxis2": _axis("p₍ᵢ₎", anchor="x2", range=[0, top_p]),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1, readout="", ink=ink, slider_x=0.32,
        speed=speed, frame_ms=140, pad_top=CONTROLS_TOP,
        sequence=[*names, *hold(names[-1], 900, 140)],
    )  # fmt: skip
    return Prebuilt(spec)
