"""The pictures of /sampling as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`): inverse
transform, rejection sampling, Metropolis–Hastings chains and their diagnostics, the proposal
scale's sweep and Monte Carlo π.

Each ``*_chart`` takes plain settings (so the ui's memo can key it), reads the cached run of
:mod:`mathviz.probability.samplers` or :mod:`mathviz.probability.mcmc` and draws it; nothing
here computes the mathematics. Animations are plotly frames (▶ Play and the slider run in the
browser); every trace holds at most a few thousand points.
"""

from __future__ import annotations

import math

import numpy as np

from mathviz.core.numbers import text
from mathviz.plot import theme
from mathviz.plot.animation import FRAME_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed, typed_grid
from mathviz.plot.traces import TOP_LEGEND, log_axis_ticks, rgba
from mathviz.probability import mcmc, samplers

PRIMARY, SECONDARY = theme.COLORS["primary"], theme.COLORS["secondary"]
ACCEPTED, REJECTED = theme.COLORS["tertiary"], theme.COLORS["accent"]
CHAIN_COLORS = (PRIMARY, SECONDARY, theme.COLORS["tertiary"], theme.COLORS["highlight"])
TRAVEL_MS = 140  # one leg of an inverse-transform draw's journey
DRAWN_SAMPLES = 2000  # MH draws shown as dots, over every chain
TRACE_POINTS = 1000  # points of each chain's trace plot
CONTOUR_STRIDE = 3  # the density grid drawn at every third point (54² values)


def _f4(values) -> dict | list:
    return typed(values, "f4")


CONTROLS_TOP = 85  # Play and the slider's top, below the x axis's title (in both modes)
CONTROLS_BOTTOM = 165  # the bottom margin that holds them


def _scatter(name: str, **extra) -> dict:
    return {"type": "scatter", "name": name, "hoverinfo": "skip", "showlegend": False} | extra


def _axis(title: str, **extra) -> dict:
    return {"title": {"text": title}, "zeroline": False} | extra


# ---- inverse transform ----------------------------------------------------------------------


def _legs(x: float, u: float, left: float) -> list[tuple[float, float]]:
    """A draw's journey: from (left, u) on the u-axis across to the CDF, down to the x-axis."""
    return [(left, u), (x, u), (x, 0.0)]


def _path(points: list[tuple[float, float]]) -> dict:
    if not points:
        return {"x": [], "y": []}
    xs, ys = zip(*points, strict=True)
    return {"x": _f4(xs), "y": _f4(ys)}


def _earlier(run: samplers.InverseRun, upto: int, left: float) -> dict:
    """The journeys of draws 0 … upto − 1, joined with breaks."""
    xs, ys = [], []
    for x, u in zip(np.clip(run.x[:upto], *run.window), run.u[:upto], strict=True):
        xs += [left, x, x, math.nan]
        ys += [u, u, 0.0, math.nan]
    return {"x": _f4(xs), "y": _f4(ys)} if xs else {"x": [], "y": []}


def inverse_figure(run: samplers.InverseRun, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Top: the CDF with each uniform u travelling across it to x = F⁻¹(u) and down; bottom:
    the histogram the draws build, against the true density (PMF). Frames: the first
    draws one by one, in three legs each, then growing counts up to n."""
    ink = theme.ink(dark)
    left, right = run.window
    centres = (run.edges[:-1] + run.edges[1:]) / 2
    widths = np.diff(run.edges)
    xs = np.clip(run.x, left, right)
    bottom = {"xaxis": "x", "yaxis": "y2"}
    density = (
        _scatter("PMF", mode="markers", x=_f4(run.grid), y=_f4(run.density), showlegend=True,
                 marker={"color": ink, "size": 9, "symbol": "diamond"}, **bottom)
        if run.discrete else
        _scatter("density f", mode="lines", x=_f4(run.grid), y=_f4(run.density),
                 showlegend=True, line={"color": ink, "width": 2.5}, **bottom)
    )  # fmt: skip
    last = len(run.counts) - 1
    data = [
        _scatter(
            "CDF F",
            mode="lines",
            x=_f4(run.grid),
            y=_f4(run.cdf),
            showlegend=True,
            line={"color": PRIMARY, "width": 3, "shape": "hv" if run.discrete else "linear"},
        ),
        density,
        {
            "type": "bar",
            "name": "draws",
            "x": _f4(centres),
            "y": _f4(run.heights[last]),
            "width": _f4(widths * 0.95),
            "marker": {"color": rgba(SECONDARY, 0.75)},
            "hoverinfo": "skip",
            "showlegend": True,
            **bottom,
        },
        _scatter(
            "earlier draws",
            mode="lines",
            **_earlier(run, len(run.u), left),
            line={"color": rgba(SECONDARY, 0.35), "width": 1},
        ),
        _scatter("this draw", mode="lines", x=[], y=[], line={"color": SECONDARY, "width": 2.5}),
        _scatter(
            "u",
            mode="markers",
            x=[],
            y=[],
            marker={"color": SECONDARY, "size": 12, "line": {"color": ink, "width": 1}},
        ),
        _scatter(
            "x = F⁻¹(u)",
            mode="markers",
            x=_f4(xs),
            y=_f4(np.zeros(len(xs))),
            marker={"color": SECONDARY, "size": 14, "symbol": "line-ns-open"},
            **bottom,
        ),
    ]
    frames, names, labels = [], [], []
    for i in range(len(run.u)):
        legs = _legs(float(xs[i]), float(run.u[i]), left)
        for leg in range(3):
            name = f"d{i}l{leg}"
            rug = xs[: i + (leg == 2)]
            frames.append({"name": name, "traces": [2, 3, 4, 5, 6], "data": [
                {"y": _f4(run.heights[i if leg == 2 else max(i - 1, 0)] if (i or leg == 2)
                          else np.zeros(len(centres)))},
                _earlier(run, i, left),
                _path(legs[: leg + 1]),
                _path([legs[leg]]),
                {"x": _f4(rug), "y": _f4(np.zeros(len(rug)))},
            ]})  # fmt: skip
            names.append(name)
            labels.append(f"draw {i + 1}: u = {text(run.u[i], 3)} → x = {text(run.x[i], 3)}")
    for j in range(len(run.u), len(run.counts)):
        name = f"n{j}"
        frames.append({"name": name, "traces": [2, 3, 4, 5, 6], "data": [
            {"y": _f4(run.heights[j])}, _earlier(run, len(run.u), left),
            {"x": [], "y": []}, {"x": [], "y": []},
            {"x": _f4(xs), "y": _f4(np.zeros(len(xs)))},
        ]})  # fmt: skip
        names.append(name)
        labels.append(f"n = {text(run.counts[j])} draws")
    kind = "share" if run.discrete else "density"
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "r": 30, "b": CONTROLS_BOTTOM},
        "bargap": 0,
        "xaxis": _axis("x", range=[left, right], anchor="y2"),
        "yaxis": _axis("u = F(x)", domain=[0.5, 1.0], range=[-0.02, 1.04]),
        "yaxis2": _axis(kind, domain=[0.0, 0.4], rangemode="tozero"),
        "shapes": [{"type": "line", "xref": "x", "yref": "y", "x0": left, "x1": right,
                    "y0": 0, "y1": 0, "line": {"color": rgba(ink, 0.3), "width": 1}}],
    }  # fmt: skip
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1,
        sequence=[*names, *hold(names[-1], 900, TRAVEL_MS)],
        frame_ms=TRAVEL_MS, readout="", ink=ink, slider_x=0.32, speed=speed, glide=True,
        pad_top=CONTROLS_TOP,
    )  # fmt: skip
    return Prebuilt(spec)


def inverse_chart(name: str, values: tuple, n: int, seed: int, speed: float = 1.0,
                  dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`inverse_figure` of the page's settings."""
    return inverse_figure(samplers.inverse_run(name, values, n, seed), speed, dark)


# ---- rejection sampling ---------------------------------------------------------------------


def _cut_region(run: samplers.RejectionRun) -> dict:
    """f where it pokes above M·g (breaks elsewhere)."""
    above = run.f > run.envelope
    return {"x": _f4(run.grid), "y": _f4(np.where(above, run.f, np.nan))}


def _proposals(run: samplers.RejectionRun, count: int) -> list[dict]:
    shown = slice(0, min(count, len(run.x)))
    x, h, ok = run.x[shown], run.height[shown], run.accepted[shown]
    return [{"x": _f4(x[ok]), "y": _f4(h[ok])}, {"x": _f4(x[~ok]), "y": _f4(h[~ok])}]


def rejection_figure(run: samplers.RejectionRun, window: tuple[float, float],
                     speed: float = 1.0, dark: bool = False) -> Prebuilt:  # fmt: skip
    """Top: proposals (x, u·M·g(x)) under the envelope M·g, accepted under f; bottom: the
    accepted draws' histogram against f (and, when M is too small, against what they really
    follow). Frames: growing numbers of proposals."""
    ink = theme.ink(dark)
    centres = (run.edges[:-1] + run.edges[1:]) / 2
    bottom = {"xaxis": "x", "yaxis": "y2"}
    last = len(run.counts) - 1
    moving = _proposals(run, int(run.counts[last]))
    data = [
        _scatter("accepted", mode="markers", **moving[0], showlegend=True,
                 marker={"color": ACCEPTED, "size": 5}),
        _scatter("rejected", mode="markers", **moving[1], showlegend=True,
                 marker={"color": REJECTED, "size": 5, "symbol": "x", "opacity": 0.6}),
        _scatter("target f", mode="lines", x=_f4(run.grid), y=_f4(run.f), showlegend=True,
                 line={"color": ink, "width": 3}),
        _scatter("envelope M·g", mode="lines", x=_f4(run.grid), y=_f4(run.envelope),
                 showlegend=True, line={"color": PRIMARY, "width": 3, "dash": "dash"}),
        {"type": "bar", "name": "accepted draws", "x": _f4(centres),
         "y": _f4(run.heights[last]), "marker": {"color": rgba(ACCEPTED, 0.7)},
         "hoverinfo": "skip", "showlegend": False, **bottom},
        _scatter("f", mode="lines", x=_f4(run.grid), y=_f4(run.f),
                 line={"color": ink, "width": 2.5}, **bottom),
    ]  # fmt: skip
    if run.cut:
        data += [
            _scatter("f above M·g: cut off", mode="lines", **_cut_region(run), showlegend=True,
                     line={"color": REJECTED, "width": 7}, opacity=0.5),
            _scatter("what is really sampled", mode="lines", x=_f4(run.grid),
                     y=_f4(run.sampled), showlegend=True,
                     line={"color": REJECTED, "width": 2.5, "dash": "dot"}, **bottom),
        ]  # fmt: skip
    names = [f"n{j}" for j in range(len(run.counts))]
    frames = [
        {"name": name, "traces": [0, 1, 4],
         "data": [*_proposals(run, int(count)), {"y": _f4(run.heights[j])}]}
        for j, (name, count) in enumerate(zip(names, run.counts, strict=True))
    ]  # fmt: skip
    labels = [f"{text(c)} proposals" for c in run.counts]
    top = max(float(run.envelope.max()), float(run.f.max())) * 1.05
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "b": CONTROLS_BOTTOM},
        "bargap": 0,
        "xaxis": _axis("x", range=list(window), anchor="y2"),
        "yaxis": _axis("height u·M·g(x)", domain=[0.45, 1.0], range=[0, top]),
        "yaxis2": _axis("density", domain=[0.0, 0.35], rangemode="tozero"),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1,
        sequence=[*[n for n in names for _ in range(3)], *hold(names[-1], 900, FRAME_MS)],
        frame_ms=60, readout="", ink=ink, slider_x=0.32, speed=speed, pad_top=CONTROLS_TOP,
    )  # fmt: skip
    return Prebuilt(spec)


def rejection_chart(name: str, m: float, n: int, seed: int, speed: float = 1.0,
                    dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`rejection_figure` of the page's settings."""
    run = samplers.rejection_run(name, m, n, seed)
    return rejection_figure(run, samplers.REJECTION_TARGETS[name].window, speed, dark)


# ---- Metropolis–Hastings --------------------------------------------------------------------


def _contour(name: str, ink: str) -> dict:
    xs, ys, density = mcmc.density_grid(name)
    s = CONTOUR_STRIDE
    return {
        "type": "contour", "x": _f4(xs[::s]), "y": _f4(ys[::s]),
        "z": typed_grid(density[::s, ::s], "f4"), "ncontours": 9, "showscale": False,
        "hoverinfo": "skip",
        "contours": {"coloring": "lines"}, "line": {"width": 1.2},
        "colorscale": [[0, rgba(ink, 0.15)], [1, rgba(ink, 0.7)]], "name": "target",
    }  # fmt: skip


# States a chain's line keeps behind it while Play steps: the walk stays readable (a
# hundred steps of four chains drew a tangle over the target), and every frame carries at
# most this many points per chain instead of all the steps so far.
TRAIL = 25


def _step_traces(run: mcmc.Run, t: int) -> list[dict]:
    """Step t: each chain's trail (its last :data:`TRAIL` states), where the chains are, the
    proposals and the verdicts."""
    chains = run.chains
    last = chains.accepted.shape[1]
    t = min(t, last)
    start = max(0, t + 1 - TRAIL)
    paths = [{"x": _f4(p[start : t + 1, 0]), "y": _f4(p[start : t + 1, 1])}
             for p in chains.positions]  # fmt: skip
    here = chains.positions[:, t]
    if t < last:
        proposed, ok = chains.proposals[:, t], chains.accepted[:, t]
    else:
        proposed, ok = np.empty((0, 2)), np.empty(0, bool)
    segments_x = np.ravel(np.column_stack([here[: len(proposed), 0], proposed[:, 0],
                                           np.full(len(proposed), np.nan)]))  # fmt: skip
    segments_y = np.ravel(np.column_stack([here[: len(proposed), 1], proposed[:, 1],
                                           np.full(len(proposed), np.nan)]))  # fmt: skip
    return [
        *paths,
        {"x": _f4(here[:, 0]), "y": _f4(here[:, 1])},
        {"x": _f4(segments_x), "y": _f4(segments_y)},
        {"x": _f4(proposed[ok, 0]), "y": _f4(proposed[ok, 1])},
        {"x": _f4(proposed[~ok, 0]), "y": _f4(proposed[~ok, 1])},
    ]


def chains_figure(run: mcmc.Run, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """The chains over the target's contours: the kept draws (thinned) as dots, and the
    first :data:`mcmc.ANIMATED_STEPS` steps animated with each proposal, accepted (○) or
    rejected (×), each chain trailing its last :data:`TRAIL` states."""
    ink = theme.ink(dark)
    chains = run.chains
    count = len(chains.positions)
    kept = run.kept
    every = mcmc.thinned(kept.shape[1], max(1, DRAWN_SAMPLES // count))
    dots = kept[:, every].reshape(-1, 2)
    dot_colors = np.repeat(np.arange(count), len(every))
    animated = min(mcmc.ANIMATED_STEPS, chains.accepted.shape[1])
    moving = _step_traces(run, animated)
    colors = list(CHAIN_COLORS[:count])
    data = [
        _contour(run.target, ink),
        _scatter("kept draws (thinned)", mode="markers", x=_f4(dots[:, 0]), y=_f4(dots[:, 1]),
                 showlegend=True, marker={"color": [colors[i] for i in dot_colors], "size": 3,
                                          "opacity": 0.35}),
        *[_scatter(f"chain {i + 1}", mode="lines", **moving[i], showlegend=True,
                   line={"color": colors[i], "width": 2}) for i in range(count)],
        _scatter("now", mode="markers", **moving[count],
                 marker={"color": colors, "size": 12, "line": {"color": ink, "width": 1.5}}),
        _scatter("proposal", mode="lines", **moving[count + 1],
                 line={"color": ink, "width": 1, "dash": "dot"}),
        _scatter("accepted proposal", mode="markers", **moving[count + 2], showlegend=True,
                 marker={"color": ACCEPTED, "size": 13, "symbol": "circle-open",
                         "line": {"width": 3}}),
        _scatter("rejected proposal", mode="markers", **moving[count + 3], showlegend=True,
                 marker={"color": REJECTED, "size": 12, "symbol": "x"}),
    ]  # fmt: skip
    moved = [*range(2, 2 + count + 4)]
    names = [f"t{t}" for t in range(animated + 1)]
    frames = [{"name": name, "traces": moved, "data": _step_traces(run, t)}
              for t, name in enumerate(names)]  # fmt: skip
    labels = [f"step {t}" for t in range(animated + 1)]
    x0, x1, y0, y1 = mcmc.TARGETS[run.target].window
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x", range=[x0, x1], constrain="domain"),
        "yaxis": _axis("y", range=[y0, y1], scaleanchor="x", scaleratio=1, constrain="domain"),
    }
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1,
        sequence=[*[n for n in names for _ in range(12)], *hold(names[-1], 900, FRAME_MS)],
        readout="", ink=ink, slider_x=0.32, speed=speed, pad_top=CONTROLS_TOP,
    )  # fmt: skip
    return Prebuilt(spec)


def chains_chart(name: str, sigma: float, chains: int, steps: int, burn: int, seed: int,
                 speed: float = 1.0, dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`chains_figure` of the page's settings."""
    return chains_figure(mcmc.run(name, sigma, chains, steps, burn, seed), speed, dark)


def traces_figure(run: mcmc.Run, dark: bool = False) -> Prebuilt:
    """Trace plots: x and y of every chain against the step (thinned), the burn-in shaded."""
    ink = theme.ink(dark)
    positions = run.chains.positions
    every = mcmc.thinned(positions.shape[1], TRACE_POINTS)
    data = []
    for row, axis in enumerate(("y", "y2")):
        for i, chain in enumerate(positions):
            data.append(_scatter(f"chain {i + 1}", mode="lines", x=_f4(every),
                                 y=_f4(chain[every, row]), showlegend=row == 0,
                                 legendgroup=f"c{i}", xaxis="x", yaxis=axis,
                                 line={"color": CHAIN_COLORS[i], "width": 1.2}))  # fmt: skip
    shapes = []
    if run.burn:
        for axis in ("y domain", "y2 domain"):
            shapes.append({"type": "rect", "xref": "x", "yref": axis, "x0": 0, "x1": run.burn,
                           "y0": 0, "y1": 1, "fillcolor": rgba(ink, 0.08), "line": {"width": 0},
                           "layer": "below"})  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "r": 30},
        "xaxis": _axis("step", range=[0, run.steps], anchor="y2"),
        "yaxis": _axis("x", domain=[0.55, 1.0]),
        "yaxis2": _axis("y", domain=[0.0, 0.45]),
        "shapes": shapes,
        "annotations": [{"x": run.burn / 2, "y": 1.0, "xref": "x", "yref": "paper",
                         "text": "burn-in", "showarrow": False, "yanchor": "bottom",
                         "font": {"color": ink}}] if run.burn else [],
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def traces_chart(name: str, sigma: float, chains: int, steps: int, burn: int, seed: int,
                 dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`traces_figure` of the page's settings."""
    return traces_figure(mcmc.run(name, sigma, chains, steps, burn, seed), dark)


def diagnostics_figure(run: mcmc.Run, dark: bool = False) -> Prebuilt:
    """The kept draws' marginal histograms against the target's marginals, and the
    autocorrelation of x and y against the lag."""
    ink = theme.ink(dark)
    xs, px, ys, py = mcmc.marginals(run.target)
    x0, x1, y0, y1 = mcmc.TARGETS[run.target].window
    flat = run.kept.reshape(-1, 2)
    data = []
    for k, (grid, density, low, high, axis) in enumerate(
        ((xs, px, x0, x1, "1"), (ys, py, y0, y1, "2"))
    ):
        edges = np.linspace(low, high, 41)
        counts, _ = np.histogram(flat[:, k], bins=edges)
        heights = counts / (len(flat) * np.diff(edges))
        suffix = "" if axis == "1" else axis
        data += [
            {"type": "bar", "x": _f4((edges[:-1] + edges[1:]) / 2), "y": _f4(heights),
             "marker": {"color": rgba(CHAIN_COLORS[k], 0.7)}, "hoverinfo": "skip",
             "name": f"draws of {'xy'[k]}", "showlegend": False,
             "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"},
            _scatter(f"true marginal of {'xy'[k]}", mode="lines", x=_f4(grid), y=_f4(density),
                     line={"color": ink, "width": 2.5}, xaxis=f"x{suffix}",
                     yaxis=f"y{suffix}", showlegend=k == 0),
        ]  # fmt: skip
    lags = np.arange(run.acf.shape[1])
    for k in range(2):
        data.append(_scatter(f"ρ of {'xy'[k]}", mode="lines+markers", x=_f4(lags),
                             y=_f4(run.acf[k]), showlegend=True, xaxis="x3", yaxis="y3",
                             marker={"size": 4, "color": CHAIN_COLORS[k]},
                             line={"color": CHAIN_COLORS[k], "width": 2}))  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60},
        "bargap": 0,
        "xaxis": _axis("x", domain=[0.0, 0.28], range=[x0, x1]),
        "yaxis": _axis("density", rangemode="tozero"),
        "xaxis2": _axis("y", domain=[0.36, 0.64], range=[y0, y1], anchor="y2"),
        "yaxis2": _axis("", anchor="x2", rangemode="tozero"),
        "xaxis3": _axis("lag t", domain=[0.72, 1.0], anchor="y3"),
        "yaxis3": _axis("autocorrelation ρ(t)", anchor="x3", range=[-0.3, 1.05]),
    }
    return Prebuilt({"data": data, "layout": layout})


def diagnostics_chart(name: str, sigma: float, chains: int, steps: int, burn: int, seed: int,
                      dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`diagnostics_figure` of the page's settings."""
    return diagnostics_figure(mcmc.run(name, sigma, chains, steps, burn, seed), dark)


def _ess_ticks(values: np.ndarray) -> dict:
    return log_axis_ticks(values.min(), values.max()) if len(values) else {}


def sweep_figure(sweep: mcmc.Sweep, sigma: float, dark: bool = False) -> Prebuilt:
    """Acceptance rate (left axis) and bulk-ESS per draw (right axis, log) against the
    proposal scale σ (log), the chosen σ marked; runs that never moved are left out."""
    ink = theme.ink(dark)
    moved = np.isfinite(sweep.ess_per_draw) & (sweep.ess_per_draw > 0)
    data = [
        _scatter("acceptance rate", mode="lines+markers", x=_f4(sweep.sigmas),
                 y=_f4(sweep.acceptance), showlegend=True,
                 line={"color": PRIMARY, "width": 3}, marker={"size": 8}),
        _scatter("ESS per draw", mode="lines+markers", x=_f4(sweep.sigmas[moved]),
                 y=_f4(sweep.ess_per_draw[moved]), showlegend=True, yaxis="y2",
                 line={"color": SECONDARY, "width": 3}, marker={"size": 8, "symbol": "square"}),
        _scatter("chosen σ", mode="lines", x=_f4([sigma, sigma]), y=_f4([0.0, 1.02]),
                 line={"color": ink, "width": 2, "dash": "dash"}),
    ]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "r": 80},
        "xaxis": _axis("proposal scale σ", type="log",
                       **log_axis_ticks(sweep.sigmas.min(), sweep.sigmas.max())),
        "yaxis": _axis("acceptance rate", range=[0, 1.02], color=PRIMARY),
        "yaxis2": _axis("bulk-ESS per draw", type="log", overlaying="y", side="right",
                        color=SECONDARY, showgrid=False, **_ess_ticks(sweep.ess_per_draw[moved])),
        "shapes": [
            {"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": 0.2,
             "y1": 0.5, "fillcolor": rgba(ACCEPTED, 0.1), "line": {"width": 0},
             "layer": "below"},
        ],
        "annotations": [
            {"x": math.log10(sigma), "y": 1.0, "xref": "x", "yref": "paper",
             "text": f"σ = {text(sigma)}", "showarrow": False, "xanchor": "left",
             "yanchor": "top", "font": {"color": ink}},
            {"x": 0.0, "y": 0.35, "xref": "paper", "yref": "y", "text": "acceptance 20–50%",
             "showarrow": False, "xanchor": "left", "font": {"color": ACCEPTED}},
        ],
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def sweep_chart(name: str, seed: int, sigma: float, dark: bool = False) -> Prebuilt:
    """:func:`sweep_figure` of the page's settings."""
    return sweep_figure(mcmc.sweep(name, seed), sigma, dark)


def scales_figure(chains: dict[str, np.ndarray], dark: bool = False) -> Prebuilt:
    """The x-trace of one chain ((steps + 1, 2) states, by its label) at a few proposal
    scales, one row each: too small a σ crawls, too large a σ sticks, one in between mixes."""
    ink = theme.ink(dark)
    rows = len(chains)
    data, layout = [], {"margin": {"t": 30, "r": 30}, "showlegend": False}
    gap = 0.08
    height = (1 - gap * (rows - 1)) / rows
    for r, (label, chain) in enumerate(chains.items()):
        every = mcmc.thinned(len(chain), TRACE_POINTS)
        suffix = "" if r == 0 else str(r + 1)
        data.append(_scatter(label, mode="lines", x=_f4(every), y=_f4(chain[every, 0]),
                             xaxis=f"x{suffix}", yaxis=f"y{suffix}",
                             line={"color": CHAIN_COLORS[r % 4], "width": 1.2}))  # fmt: skip
        top = 1 - r * (height + gap)
        layout[f"xaxis{suffix}"] = _axis("step" if r == rows - 1 else "", anchor=f"y{suffix}",
                                         range=[0, len(chain) - 1],
                                         showticklabels=r == rows - 1)  # fmt: skip
        layout[f"yaxis{suffix}"] = _axis("x", domain=[top - height, top], anchor=f"x{suffix}")
        layout.setdefault("annotations", []).append(
            {"x": 1.0, "y": top, "xref": "paper", "yref": "paper", "xanchor": "right",
             "yanchor": "bottom", "text": label, "showarrow": False, "font": {"color": ink}}
        )  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def scales_chart(name: str, sigmas: tuple[float, ...], seed: int,
                 dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`scales_figure` at the given σs: the first of the 4 chains the tuning lesson
    runs at each (:func:`mcmc.first_chain`, 2000 steps)."""
    chains = {}
    for sigma in sigmas:
        chain, accepted = mcmc.first_chain(name, sigma, seed)
        chains[f"σ = {text(sigma)}: {text(100 * accepted, 2)}% accepted"] = chain
    return scales_figure(chains, dark)


# ---- Monte Carlo π --------------------------------------------------------------------------


def _pi_moving(run: samplers.PiRun, j: int) -> list[dict]:
    count = int(run.counts[j])
    shown = slice(0, min(count, len(run.points)))
    p, inside = run.points[shown], run.inside[shown]
    errors = np.maximum(run.errors[: j + 1], PI_FLOOR)
    return [
        {"x": _f4(p[inside, 0]), "y": _f4(p[inside, 1])},
        {"x": _f4(p[~inside, 0]), "y": _f4(p[~inside, 1])},
        {"x": _f4(run.counts[: j + 1]), "y": _f4(errors)},
        {"x": _f4(run.counts[j : j + 1]), "y": _f4(errors[-1:])},
    ]


PI_FLOOR = 1e-5  # errors are drawn no lower than this on the log axis


def pi_figure(run: samplers.PiRun, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Left: the points in the unit square, inside the quarter circle or not; right, log-log:
    the estimate's error |π̂ − π| as points arrive, the standard error 4√(p(1 − p)/n) with its
    95% band, and the RMS error of many independent runs (slope −½)."""
    ink = theme.ink(dark)
    last = len(run.counts) - 1
    moving = _pi_moving(run, last)
    counts = run.counts.astype(float)
    se = samplers.pi_standard_error(counts)
    angle = np.linspace(0, math.pi / 2, 90)
    right = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        _scatter("inside", mode="markers", **moving[0], showlegend=True,
                 marker={"color": PRIMARY, "size": 4}),
        _scatter("outside", mode="markers", **moving[1], showlegend=True,
                 marker={"color": SECONDARY, "size": 4}),
        _scatter("|π̂ − π| of this run", mode="lines", **moving[2], showlegend=True,
                 line={"color": PRIMARY, "width": 2}, **right),
        _scatter("now", mode="markers", **moving[3],
                 marker={"color": PRIMARY, "size": 11, "line": {"color": ink, "width": 1}},
                 **right),
        _scatter("quarter circle", mode="lines", x=_f4(np.cos(angle)), y=_f4(np.sin(angle)),
                 line={"color": ink, "width": 2}),
        _scatter("", mode="lines", x=_f4(counts), y=_f4(np.full(len(counts), PI_FLOOR)),
                 line={"width": 0}, **right),
        _scatter("95% band: 1.96 × standard error", mode="lines", x=_f4(counts),
                 y=_f4(1.96 * se), fill="tonexty", fillcolor=rgba(ACCEPTED, 0.15),
                 line={"color": rgba(ACCEPTED, 0.5), "width": 1}, showlegend=True, **right),
        _scatter("standard error 4√(p(1−p)/n) ∝ 1/√n", mode="lines", x=_f4(counts), y=_f4(se),
                 line={"color": ACCEPTED, "width": 2.5, "dash": "dash"}, showlegend=True,
                 **right),
        _scatter(f"RMS error of {samplers.PI_REPEATS} runs", mode="lines", x=_f4(counts),
                 y=_f4(run.rms), line={"color": ink, "width": 2, "dash": "dot"},
                 showlegend=True, **right),
    ]  # fmt: skip
    frame_index = np.unique(np.round(np.linspace(0, last, 40)).astype(int))
    names = [f"n{j}" for j in frame_index]
    frames = [{"name": name, "traces": [0, 1, 2, 3], "data": _pi_moving(run, int(j))}
              for name, j in zip(names, frame_index, strict=True)]  # fmt: skip
    labels = [f"n = {text(run.counts[j])}: π̂ = {text(run.estimates[j], 5)}"
              for j in frame_index]  # fmt: skip
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 80, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("x", domain=[0.0, 0.4], range=[0, 1], constrain="domain"),
        "yaxis": _axis("y", range=[0, 1], scaleanchor="x", scaleratio=1, constrain="domain"),
        "xaxis2": _axis("points n", domain=[0.52, 1.0], type="log", anchor="y2"),
        "yaxis2": _axis("error |π̂ − π|", type="log", anchor="x2",
                        range=[math.log10(PI_FLOOR), 1.0]),
    }  # fmt: skip
    spec = {"data": data, "layout": layout, "frames": frames}
    layout |= animation_controls(
        names, labels, active=len(names) - 1,
        sequence=[*[n for n in names for _ in range(4)], *hold(names[-1], 900, FRAME_MS)],
        readout="", ink=ink, slider_x=0.32, speed=speed, pad_top=CONTROLS_TOP,
    )  # fmt: skip
    return Prebuilt(spec)


def pi_chart(n: int, seed: int, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """:func:`pi_figure` of the page's settings."""
    return pi_figure(samplers.pi_run(n, seed), speed, dark)
