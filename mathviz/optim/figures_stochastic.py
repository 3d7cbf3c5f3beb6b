"""The picture of stochastic gradients, as a plotly dict (:class:`mathviz.plot.spec.Prebuilt`).

Left, the (w, b) plane: the loss's level curves (exact ellipses, one SVG path), the
least-squares answer, full-batch gradient descent's path and the noisy path of mini-batch SGD.
Right, the data with the least-squares line and the line of SGD's current (w, b). ▶ Play and
the slider run through the steps in the browser: a frame moves only the two current points,
the travelled parts of the paths (at most :data:`TRAIL` points each) and SGD's line.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from mathviz.core.numbers import text
from mathviz.optim import stochastic
from mathviz.optim.stochastic import Data, StochasticRun
from mathviz.plot import theme
from mathviz.plot.animation import FRAME_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.traces import TOP_LEGEND, rgba

FULL_COLOR = theme.COLORS["primary"]
SGD_COLOR = theme.COLORS["secondary"]
MINIMUM_COLOR = theme.COLORS["accent"]
DATA_COLOR = theme.COLORS["soft"]
MAX_FRAMES = 100
TRAIL = 60  # points of a travelled path drawn in a frame
MAX_POINTS = 200  # data points drawn
LEVELS = 10  # level curves, evenly spaced in distance from the bottom
PAD = 0.08  # room round the paths, as a share of their extent
PARAMETER_DOMAIN, DATA_DOMAIN = [0.0, 0.46], [0.56, 1.0]


def _thinned(count: int, keep: int) -> np.ndarray:
    """At most ``keep`` indices spread evenly over 0 … count − 1, both ends included."""
    return np.unique(np.round(np.linspace(0, count - 1, min(count, keep))).astype(int))


def _window(run: StochasticRun) -> tuple[float, float, float, float]:
    """(w low, w high, b low, b high) round both paths and the least-squares answer."""
    points = np.vstack([run.minibatch.positions, run.full_batch.positions, run.minimum])
    low, high = points.min(axis=0), points.max(axis=0)
    middle, half = (low + high) / 2, np.maximum((high - low) / 2, 0.5) * (1 + PAD)
    return (middle[0] - half[0], middle[0] + half[0], middle[1] - half[1], middle[1] + half[1])


def _levels_path(data: Data, run: StochasticRun, window) -> str:
    """The level curves across the window as SVG path text: ellipses evenly spaced from the
    bottom to the window's highest corner."""
    corners = np.array([[window[i], window[j]] for i in (0, 1) for j in (2, 3)])
    top = float(np.max(stochastic.loss(corners[:, 0], corners[:, 1], data))) - run.lowest
    # Plain decimals (no exponents, which SVG path text may not take), to a thousandth of
    # the window's size.
    span = max(window[1] - window[0], window[3] - window[2])
    places = max(0, 3 - math.floor(math.log10(span)))
    pieces = []
    for k in range(1, LEVELS + 1):
        ellipse = stochastic.level_curve(data, run.lowest + top * (k / LEVELS) ** 2)
        if len(ellipse):
            steps = "L".join(f"{w:.{places}f},{b:.{places}f}" for w, b in ellipse)
            pieces.append(f"M{steps}Z")
    return "".join(pieces)


def _xy(points: np.ndarray) -> dict:
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    return {"x": typed(points[:, 0], "f4"), "y": typed(points[:, 1], "f4")}


def _arc_length(positions: np.ndarray) -> np.ndarray:
    """The length along a path to each of its points (worked out once for all frames)."""
    return np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(positions, axis=0).T))])


def _trail(positions: np.ndarray, step: int, arc: np.ndarray) -> np.ndarray:
    """The path up to ``step`` (held at its end if it stopped sooner), thinned to at most
    :data:`TRAIL` points evenly spaced along its length, ends kept. Even in steps, the first
    few fast steps would get a handful of points and the long jitter near the bottom the
    rest: SGD's path would look smooth exactly where it is noisiest to see."""
    upto = positions[: min(step, len(positions) - 1) + 1]
    if len(upto) <= TRAIL:
        return upto
    length = arc[: len(upto)]
    marks = np.searchsorted(length, np.linspace(0.0, length[-1], TRAIL - 1))
    return upto[np.unique(np.append(np.minimum(marks, len(upto) - 1), len(upto) - 1))]


def _line(w: float, b: float, xs: np.ndarray) -> dict:
    return _xy(np.column_stack([xs, w * xs + b]))


def _moving(run: StochasticRun, step: int, xs: np.ndarray, arcs: tuple) -> list[dict]:
    """The traces a frame changes: both trails, both current points, SGD's line (``arcs``:
    :func:`_arc_length` of the full-batch and the SGD path)."""
    sgd, full = run.minibatch.positions, run.full_batch.positions
    here_sgd, here_full = sgd[min(step, len(sgd) - 1)], full[min(step, len(full) - 1)]
    return [
        _xy(_trail(full, step, arcs[0])),
        _xy(_trail(sgd, step, arcs[1])),
        _xy(here_full),
        _xy(here_sgd),
        _line(here_sgd[0], here_sgd[1], xs),
    ]


def _scatter(color: str, name: str, **extra) -> dict:
    return {"type": "scatter", "name": name, "hoverinfo": "skip", "showlegend": False} | {
        "marker": {"color": color}, "line": {"color": color}, **extra,
    }  # fmt: skip


def _divergence_note(run: StochasticRun, ink: str) -> list[dict]:
    notes = []
    for path, name in ((run.minibatch, "SGD"), (run.full_batch, "full-batch GD")):
        if path.diverged_at is not None:
            notes.append(f"{name} blew up at step {text(path.diverged_at)}")
    if not notes:
        return []
    return [{
        "x": 0.0, "y": 1.0, "xref": "paper", "yref": "paper", "xanchor": "left",
        "yanchor": "top", "text": "; ".join(notes), "showarrow": False, "font": {"color": ink},
    }]  # fmt: skip


def stochastic_figure(
    run: StochasticRun,
    data: Data,
    *,
    frames: int = 80,
    dark: bool = False,
    speed: float = 1.0,
) -> Prebuilt:
    """SGD and full-batch GD on the loss's level curves (left), SGD's line on the data
    (right), animated over the steps in at most ``frames`` (≤ 100) frames; it opens on the
    last step, so the still picture shows the whole run."""
    ink = theme.ink(dark)
    window = _window(run)
    x_low, x_high = float(data.x.min()), float(data.x.max())
    xs = np.array([x_low, x_high])
    last = max(len(run.minibatch.positions), len(run.full_batch.positions)) - 1
    shown = _thinned(last + 1, max(1, min(int(frames), MAX_FRAMES)))
    w_star, b_star = run.minimum
    kept = _thinned(data.n, MAX_POINTS)
    right = {"xaxis": "x2", "yaxis": "y2"}
    arcs = (_arc_length(run.full_batch.positions), _arc_length(run.minibatch.positions))
    moving = _moving(run, last, xs, arcs)
    data_traces = [
        _scatter(FULL_COLOR, "full-batch GD", mode="lines", **moving[0], showlegend=True,
                 legendgroup="full"),
        _scatter(SGD_COLOR, f"SGD, batches of {run.batch_size}", mode="lines", **moving[1],
                 showlegend=True, legendgroup="sgd"),
        _scatter(MINIMUM_COLOR, "least squares", mode="markers", x=[float(w_star)],
                 y=[float(b_star)], showlegend=True, legendgroup="least",
                 marker={"color": MINIMUM_COLOR, "size": 16, "symbol": "star"}),
        _scatter(FULL_COLOR, "GD now", mode="markers", **moving[2], legendgroup="full",
                 marker={"color": FULL_COLOR, "size": 12, "line": {"color": ink, "width": 1}}),
        _scatter(SGD_COLOR, "SGD now", mode="markers", **moving[3], legendgroup="sgd",
                 marker={"color": SGD_COLOR, "size": 12, "line": {"color": ink, "width": 1}}),
        _scatter(DATA_COLOR, "data", mode="markers", **_xy(np.column_stack(
                 [data.x[kept], data.y[kept]])), marker={"color": DATA_COLOR, "size": 7,
                 "opacity": 0.8}, **right),
        _scatter(MINIMUM_COLOR, "least-squares line", mode="lines", **_line(w_star, b_star, xs),
                 line={"color": MINIMUM_COLOR, "width": 3, "dash": "dash"},
                 legendgroup="least", **right),
        _scatter(SGD_COLOR, "SGD's line", mode="lines", **moving[4],
                 line={"color": SGD_COLOR, "width": 3}, legendgroup="sgd", **right),
    ]  # fmt: skip
    y_low, y_high = float(data.y.min()), float(data.y.max())
    y_pad = PAD * max(y_high - y_low, 1.0)
    x_pad = PAD * (x_high - x_low)
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "b": 130},
        "xaxis": {"domain": PARAMETER_DOMAIN, "range": list(window[:2]), "title": {"text": "w"},
                  "constrain": "domain", "zeroline": False},
        "yaxis": {"range": list(window[2:]), "title": {"text": "b"}, "scaleanchor": "x",
                  "scaleratio": 1, "constrain": "domain", "zeroline": False},
        "xaxis2": {"domain": DATA_DOMAIN, "range": [x_low - x_pad, x_high + x_pad],
                   "title": {"text": "x"}, "anchor": "y2"},
        "yaxis2": {"range": [y_low - y_pad, y_high + y_pad], "title": {"text": "y"},
                   "anchor": "x2"},
        "shapes": [{"type": "path", "path": _levels_path(data, run, window), "xref": "x",
                    "yref": "y", "line": {"color": rgba(ink, 0.25), "width": 1},
                    "layer": "below"}],
        "annotations": _divergence_note(run, ink),
    }  # fmt: skip
    spec = {"data": data_traces, "layout": layout}
    if len(shown) > 1:
        names = [f"s{step}" for step in shown]
        spec["frames"] = [
            {"name": name, "traces": [0, 1, 3, 4, 7], "data": _moving(run, int(step), xs, arcs)}
            for name, step in zip(names, shown, strict=True)
        ]
        labels = [
            f"step {text(step)}, epoch {text(run.epochs(int(step)), places=1)}" for step in shown
        ]
        layout |= animation_controls(
            names,
            labels,
            active=len(names) - 1,
            sequence=[*names, *hold(names[-1], 900, FRAME_MS)],
            readout="",
            ink=ink,
            slider_x=0.32,
            speed=speed,
        )
    return Prebuilt(spec)


@functools.lru_cache(maxsize=32)
def cached_run(n: int, seed: int, batch_size: int, lr: float, steps: int,
               momentum: float = 0.0) -> tuple[Data, StochasticRun]:  # fmt: skip
    """The page's data set and its two runs, once per setting (the data's seed is the run's)."""
    data = stochastic.regression_data(n=n, seed=seed)
    return data, stochastic.sgd_paths(data, min(batch_size, n), lr, steps, seed,
                                      momentum=momentum)  # fmt: skip


@functools.lru_cache(maxsize=32)
def cached_noise(n: int, seed: int, batch_size: int) -> stochastic.GradientNoise:
    """The gradient's noise at the runs' start, for the page's data (once per setting)."""
    data = stochastic.regression_data(n=n, seed=seed)
    start = stochastic.sgd_paths(data, min(batch_size, n), 0.0, 0, seed).full_batch.positions[0]
    return stochastic.gradient_noise(data, start, min(batch_size, n), seed=seed)


def stochastic_chart(n: int, seed: int, batch_size: int, lr: float, steps: int,
                     momentum: float = 0.0, speed: float = 1.0,
                     dark: bool = False) -> Prebuilt:  # fmt: skip
    """:func:`stochastic_figure` of the page's settings (plain values: the memo keys them)."""
    data, run = cached_run(n, seed, batch_size, lr, steps, momentum)
    return stochastic_figure(run, data, speed=speed, dark=dark)
