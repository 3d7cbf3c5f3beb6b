"""The pictures of /neural-network as plotly dicts (:class:`mathviz.plot.spec.Prebuilt`): the
decision boundary as it forms over training (frames of the kept snapshots) with the loss and
accuracy curves, the network's weights, each hidden neuron's map, the input grid bent by the
layers, and the gradients of each layer over training.

Builders take :class:`mathviz.nn.training.Training` and evaluate the network on a grid; they
train nothing.
"""

from __future__ import annotations

import numpy as np

from mathviz.core.numbers import text
from mathviz.nn import features as feats
from mathviz.nn import network, training
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls, hold
from mathviz.plot.spec import Prebuilt, typed_grid
from mathviz.plot.spec import axis as _axis
from mathviz.plot.spec import f4 as _f4
from mathviz.plot.spec import scatter as _scatter
from mathviz.plot.traces import TOP_LEGEND, decade_ticks, rgba

LIMIT = 6.0
GRID = 41  # heat-map cells per side of the decision picture
NEURON_GRID = 21  # per side of each neuron's small map
CONTROLS_TOP = 85
CONTROLS_BOTTOM = 165
CLASS_COLORS = (
    theme.COLORS["secondary"],
    theme.COLORS["primary"],
    theme.COLORS["tertiary"],
    theme.COLORS["highlight"],
    theme.COLORS["warm"],
    theme.COLORS["soft"],
    theme.COLORS["accent"],
    "#7f7f7f",
)
POSITIVE, NEGATIVE = theme.COLORS["primary"], theme.COLORS["secondary"]


def grid_points(size: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """The axis values (size,) and the (size², 2) points of a square grid on [-6, 6]²."""
    axis = np.linspace(-LIMIT, LIMIT, size)
    g1, g2 = np.meshgrid(axis, axis)
    return axis, np.column_stack([g1.ravel(), g2.ravel()])


def class_scale(k: int, dark: bool) -> list:
    """A colour scale for z = class + confidence: k bands, each from the background (a toss-up
    between classes) to its class's colour (certain)."""
    background = theme.BACKGROUND["dark" if dark else "light"]
    scale = []
    for c in range(k):
        low, high = c / k, (c + 1) / k
        scale += [
            [low, background],
            [high - 1e-6 if c < k - 1 else high, rgba(CLASS_COLORS[c], 0.75)],
        ]
    return scale


def decision_values(
    run: training.Training, theta: np.ndarray, points: np.ndarray, names
) -> np.ndarray:
    """Per grid point: class + confidence in [0, 1) (classification), or the output."""
    inputs = feats.feature_matrix(points, names)
    if not run.classes:
        return network.forward(run.arch, theta, inputs).output[:, 0]
    p = network.probabilities(run.arch, theta, inputs, run.settings.loss)
    best = p.argmax(axis=1)
    k = run.classes
    confidence = (p.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k)
    return best + np.clip(confidence, 0.0, 0.999)


def _point_traces(X, y, mask, classes: int, ink: str) -> list[dict]:
    traces = []
    if classes:
        for c in range(classes):
            for name, rows, symbol in (
                ("train", mask & (y == c), "circle"),
                ("test", ~mask & (y == c), "circle-open"),
            ):
                traces.append(
                    _scatter(
                        f"class {c} ({name})",
                        mode="markers",
                        x=_f4(X[rows, 0]),
                        y=_f4(X[rows, 1]),
                        marker={
                            "color": CLASS_COLORS[c],
                            "size": 7 if name == "train" else 8,
                            "symbol": symbol,
                            "line": {
                                "color": ink if name == "train" else CLASS_COLORS[c],
                                "width": 1,
                            },
                        },
                    )
                )
    else:
        traces.append(
            _scatter(
                "points",
                mode="markers",
                x=_f4(X[:, 0]),
                y=_f4(X[:, 1]),
                marker={
                    "color": _f4(y),
                    "colorscale": "RdBu",
                    "size": 7,
                    "line": {"color": ink, "width": 0.5},
                },
            )
        )
    return traces


def training_figure(
    run: training.Training,
    X: np.ndarray,
    y: np.ndarray,
    train_mask,
    names,
    speed: float = 1.0,
    dark: bool = False,
) -> Prebuilt:
    """Left: the network's decision over [-6, 6]² with the training (filled) and test (open)
    points; the frames replay the kept snapshots. Right: training and test loss (log axis)
    and, for classes, accuracy against the epoch, a marker at the frame's epoch."""
    ink = theme.ink(dark)
    axis, points = grid_points()
    frames_z = [
        decision_values(run, theta, points, names).reshape(GRID, GRID) for theta in run.thetas
    ]
    epochs = np.arange(run.train_loss.size)
    if run.classes:
        heat = {
            "zmin": 0.0,
            "zmax": float(run.classes),
            "colorscale": class_scale(run.classes, dark),
        }
    else:
        span = float(max(np.abs(y).max(), 1e-9))
        heat = {"zmin": -span, "zmax": span, "colorscale": "RdBu"}
    positive = np.concatenate([run.train_loss, run.test_loss])
    positive = positive[np.isfinite(positive) & (positive > 0)]
    low, high = (float(positive.min()), float(positive.max())) if positive.size else (0.1, 1.0)
    loss_range = [np.log10(low) - 0.1, np.log10(high) + 0.1]

    def moving(k: int) -> list[dict]:
        e = float(run.epochs[k])
        return [
            {"type": "heatmap", "z": typed_grid(frames_z[k], "f4")},
            {"x": [e, e], "y": [10 ** loss_range[0], 10 ** loss_range[1]]},
            {"x": [e, e], "y": [0.0, 1.0]},
        ]

    last = len(run.thetas) - 1
    now = moving(last)
    right_top, right_bottom = {"xaxis": "x2", "yaxis": "y2"}, {"xaxis": "x3", "yaxis": "y3"}
    data = [
        {
            "type": "heatmap",
            "x": _f4(axis),
            "y": _f4(axis),
            **now[0],
            **heat,
            "showscale": False,
            "hoverinfo": "skip",
            "name": "decision",
        },
        _scatter(
            "epoch",
            mode="lines",
            **now[1],
            **right_top,
            line={"color": ink, "width": 2, "dash": "dot"},
        ),
        _scatter(
            "epoch",
            mode="lines",
            **now[2],
            **right_bottom,
            line={"color": ink, "width": 2, "dash": "dot"},
        ),
        _scatter(
            "train loss",
            mode="lines",
            x=_f4(epochs),
            y=_f4(run.train_loss),
            **right_top,
            showlegend=True,
            line={"color": POSITIVE, "width": 3},
        ),
        _scatter(
            "test loss",
            mode="lines",
            x=_f4(epochs),
            y=_f4(run.test_loss),
            **right_top,
            showlegend=True,
            line={"color": NEGATIVE, "width": 3, "dash": "dash"},
        ),
    ]
    if run.classes:
        data += [
            _scatter(
                "train accuracy",
                mode="lines",
                x=_f4(epochs),
                y=_f4(run.train_accuracy),
                **right_bottom,
                line={"color": POSITIVE, "width": 3},
            ),
            _scatter(
                "test accuracy",
                mode="lines",
                x=_f4(epochs),
                y=_f4(run.test_accuracy),
                **right_bottom,
                line={"color": NEGATIVE, "width": 3, "dash": "dash"},
            ),
        ]
    data += _point_traces(X, y, train_mask, run.classes, ink)
    names_f = [f"s{k}" for k in range(last + 1)]
    labels = [
        f"epoch {int(e)}: train loss {text(run.train_loss[int(e)], 3)}"
        + (f", test accuracy {text(100 * run.test_accuracy[int(e)], 3)}%" if run.classes else "")
        for e in run.epochs
    ]
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "r": 34, "b": CONTROLS_BOTTOM},
        "xaxis": _axis(
            "x₁", range=[-LIMIT, LIMIT], domain=[0.0, 0.56], anchor="y", constrain="domain"
        ),
        "yaxis": _axis("x₂", range=[-LIMIT, LIMIT], scaleanchor="x", constrain="domain"),
        "xaxis2": _axis("", domain=[0.66, 1.0], anchor="y2", showticklabels=False),
        "yaxis2": _axis(
            "loss",
            type="log",
            range=loss_range,
            domain=[0.55, 1.0],
            anchor="x2",
            **decade_ticks(low, high),
        ),
        "xaxis3": _axis("epoch", domain=[0.66, 1.0], anchor="y3", matches="x2"),
        "yaxis3": _axis(
            "accuracy" if run.classes else "",
            domain=[0.0, 0.45],
            anchor="x3",
            range=[0.0, 1.02],
            visible=bool(run.classes),
        ),
    }
    spec = {
        "data": data,
        "layout": layout,
        "frames": [
            {"name": n, "traces": [0, 1, 2], "data": moving(k)} for k, n in enumerate(names_f)
        ],
    }
    layout |= animation_controls(
        names_f,
        labels,
        active=last,
        readout="",
        ink=ink,
        slider_x=0.32,
        speed=speed,
        frame_ms=200,
        redraw=True,
        pad_top=CONTROLS_TOP,
        sequence=[*names_f, *hold(names_f[-1], 1200, 200)],
    )
    return Prebuilt(spec)


def confusion_figure(counts: np.ndarray, labels, dark: bool = False) -> Prebuilt:
    """The confusion matrix: rows the true class, columns the predicted one, counts written."""
    k = counts.shape[0]
    names = [str(label) for label in labels] or [f"class {c}" for c in range(k)]
    share = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    data = [
        {
            "type": "heatmap",
            "z": typed_grid(share, "f4"),
            "x": names,
            "y": names,
            "zmin": 0.0,
            "zmax": 1.0,
            "colorscale": "Blues",
            "showscale": False,
            "text": [[str(v) for v in row] for row in counts],
            "texttemplate": "%{text}",
            "hoverinfo": "skip",
        }
    ]
    layout = {
        "margin": {"t": 20, "r": 10, "b": 60, "l": 90},
        "xaxis": _axis("predicted", side="bottom"),
        "yaxis": _axis("true", autorange="reversed"),
    }
    return Prebuilt({"data": data, "layout": layout})


# ---- inside the network ------------------------------------------------------------------------


def _node_positions(widths) -> list[np.ndarray]:
    """(width, 2) positions of each layer's nodes: layers left to right, centred."""
    columns = len(widths)
    tallest = max(widths)
    return [
        np.column_stack(
            [np.full(w, i / (columns - 1)), (np.arange(w) - (w - 1) / 2) / max(tallest - 1, 1)]
        )
        for i, w in enumerate(widths)
    ]


def diagram_figure(run: training.Training, names, dark: bool = False) -> Prebuilt:
    """The network as a graph: each weight an edge, blue when positive and orange when
    negative, thicker the larger |w|; nodes labelled by feature (inputs) or by layer."""
    ink = theme.ink(dark)
    arch = run.arch
    positions = _node_positions(arch.widths)
    layers = arch.unpack(run.theta)
    largest = max(float(np.abs(w).max()) for w, _ in layers) or 1.0
    buckets = 4
    data = []
    for sign, color in ((1, POSITIVE), (-1, NEGATIVE)):
        for level in range(buckets):
            xs, ys = [], []
            for index, (w, _) in enumerate(layers):
                share = np.abs(w) / largest
                pick = (np.sign(w) == sign) & (
                    np.minimum((share * buckets).astype(int), buckets - 1) == level
                )
                for i, j in zip(*np.nonzero(pick), strict=True):
                    a, b = positions[index][i], positions[index + 1][j]
                    xs += [a[0], b[0], np.nan]
                    ys += [a[1], b[1], np.nan]
            if xs:
                data.append(
                    _scatter(
                        f"{'+' if sign > 0 else '−'} weights",
                        mode="lines",
                        x=_f4(np.array(xs)),
                        y=_f4(np.array(ys)),
                        line={
                            "color": rgba(color, 0.35 + 0.65 * level / buckets),
                            "width": 1 + 2.5 * level,
                        },
                        showlegend=level == buckets - 1,
                    )
                )
    labels = [list(names)] + [
        [f"h{index + 1}.{j + 1}" for j in range(w)] for index, w in enumerate(arch.widths[1:-1])
    ]
    labels.append([f"out {j}" for j in range(arch.widths[-1])])
    for index, (where, text_labels) in enumerate(zip(positions, labels, strict=True)):
        bias = layers[index - 1][1] if index else np.zeros(len(where))
        data.append(
            _scatter(
                f"layer {index}",
                mode="markers+text",
                x=_f4(where[:, 0]),
                y=_f4(where[:, 1]),
                text=text_labels,
                textposition="middle left" if index == 0 else "top center",
                marker={
                    "size": 22,
                    "color": _f4(bias),
                    "colorscale": "RdBu",
                    "cmin": -largest,
                    "cmax": largest,
                    "line": {"color": ink, "width": 1.5},
                },
            )
        )
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 64, "r": 20, "b": 20, "l": 80},
        "xaxis": _axis("", visible=False, range=[-0.12, 1.06]),
        "yaxis": _axis("", visible=False, range=[-0.62, 0.62]),
    }
    return Prebuilt({"data": data, "layout": layout})


def neurons_figure(run: training.Training, names, dark: bool = False) -> Prebuilt:
    """Every hidden neuron's activation over [-6, 6]², one small map each, a column per
    layer (what each neuron has learnt to detect)."""
    _, points = grid_points(NEURON_GRID)
    passed = network.forward(run.arch, run.theta, feats.feature_matrix(points, names))
    hidden = passed.activations[1:-1]
    if not hidden:
        return Prebuilt(
            {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}
        )
    columns, rows = len(hidden), max(a.shape[1] for a in hidden)
    gap = 0.03
    data, layout = [], {"margin": {"t": 30, "r": 10, "b": 10, "l": 10}, "showlegend": False}
    count = 0
    for c, values in enumerate(hidden):
        span = float(np.abs(values).max()) or 1.0
        for r in range(values.shape[1]):
            count += 1
            suffix = "" if count == 1 else str(count)
            x0 = c / columns + gap / 2
            y1 = 1 - r / rows - gap / 2
            layout[f"xaxis{suffix}"] = {
                "domain": [x0, x0 + 1 / columns - gap],
                "visible": False,
                "anchor": f"y{suffix}",
            }
            layout[f"yaxis{suffix}"] = {
                "domain": [y1 - 1 / rows + gap, y1],
                "visible": False,
                "anchor": f"x{suffix}",
                "scaleanchor": f"x{suffix}",
            }
            data.append(
                {
                    "type": "heatmap",
                    "z": typed_grid(values[:, r].reshape(NEURON_GRID, NEURON_GRID), "f4"),
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                    "zmin": -span,
                    "zmax": span,
                    "colorscale": "RdBu",
                    "showscale": False,
                    "hoverinfo": "skip",
                    "name": f"h{c + 1}.{r + 1}",
                }
            )
    layout["annotations"] = [
        {
            "text": f"layer {c + 1}",
            "x": (c + 0.5) / columns,
            "y": 1.0,
            "xref": "paper",
            "yref": "paper",
            "yanchor": "bottom",
            "showarrow": False,
        }
        for c in range(columns)
    ]
    return Prebuilt({"data": data, "layout": layout})


def gradients_figure(run: training.Training, speed: float = 1.0, dark: bool = False) -> Prebuilt:
    """Histograms of log₁₀|∂L/∂w| per layer at each kept snapshot (frames): with a deep
    sigmoid network the early layers' gradients sit decades below the last one's."""
    ink = theme.ink(dark)
    edges = np.linspace(-10.0, 1.0, 45)
    centres = (edges[:-1] + edges[1:]) / 2
    layers = run.arch.layers

    def counts(k: int) -> list[dict]:
        out = []
        for layer in range(layers):
            g = np.abs(run.gradients[k][layer])
            logs = np.log10(np.maximum(g, 1e-12))
            out.append({"x": _f4(centres), "y": _f4(np.histogram(logs, edges)[0] / max(g.size, 1))})
        return out

    last = len(run.gradients) - 1
    now = counts(last)
    palette = theme.COLORWAY
    data = [
        {
            "type": "bar",
            "name": f"layer {layer + 1}",
            **now[layer],
            "width": 0.24,
            "marker": {"color": rgba(palette[layer % len(palette)], 0.55)},
            "hoverinfo": "skip",
        }
        for layer in range(layers)
    ]
    names_f = [f"g{k}" for k in range(last + 1)]
    labels = [f"epoch {int(e)}" for e in run.epochs]
    layout = {
        "legend": TOP_LEGEND,
        "barmode": "overlay",
        "margin": {"t": 60, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("log₁₀ |∂L/∂w|", range=[-10, 1]),
        "yaxis": _axis("share of the layer's weights", rangemode="tozero"),
    }
    spec = {
        "data": data,
        "layout": layout,
        "frames": [
            {"name": n, "traces": list(range(layers)), "data": counts(k)}
            for k, n in enumerate(names_f)
        ],
    }
    layout |= animation_controls(
        names_f,
        labels,
        active=last,
        readout="",
        ink=ink,
        slider_x=0.32,
        speed=speed,
        frame_ms=250,
        pad_top=CONTROLS_TOP,
    )
    return Prebuilt(spec)


# ---- how a layer bends space -------------------------------------------------------------------

BEND_LINES = 13  # grid lines each way
BEND_MS = 1400  # each stage glides into the next over this long (at 1×)


def bend_stages(run: training.Training, layer: int, names, X: np.ndarray):
    """The input grid and the data pushed through layers 1..``layer``: a list of (label,
    grid lines (m, p, 2), points (n, 2)) keyframes, two per layer (after z = aW + b and after
    σ); coordinates are each stage's first two units."""
    t = np.linspace(-LIMIT, LIMIT, 60)
    ticks = np.linspace(-LIMIT, LIMIT, BEND_LINES)
    lines = [np.column_stack([t, np.full_like(t, v)]) for v in ticks]
    lines += [np.column_stack([np.full_like(t, v), t]) for v in ticks]
    grid = np.concatenate(lines)
    both = np.concatenate([grid, X])
    passed = network.forward(run.arch, run.theta, feats.feature_matrix(both, names))

    def two(values: np.ndarray) -> np.ndarray:
        return (
            values[:, :2]
            if values.shape[1] >= 2
            else np.column_stack([values[:, 0], np.zeros(len(values))])
        )

    stages = [("input (x₁, x₂)", both)]
    for index in range(min(layer, run.arch.layers - 1)):
        stages.append((f"layer {index + 1}: z = aW + b", two(passed.zs[index])))
        stages.append((f"layer {index + 1}: σ(z)", two(passed.activations[index + 1])))
    m = grid.shape[0]
    return [
        (label, values[:m].reshape(len(lines), t.size, 2), values[m:]) for label, values in stages
    ]


def bend_figure(
    run: training.Training,
    layer: int,
    names,
    X: np.ndarray,
    y: np.ndarray,
    speed: float = 1.0,
    dark: bool = False,
) -> Prebuilt:
    """The input grid and the points morphing through the layers: each stage glides into the
    next (linear map, then the non-linearity) over :data:`BEND_MS`, the faint original grid
    behind."""
    ink = theme.ink(dark)
    stages = bend_stages(run, layer, names, X)
    # Each stage is scaled to fill the square (σ squashes to [-1, 1], z can reach 20): the
    # shapes are what the picture compares, the axes say "scaled".
    frames = []
    for _, grid, pts in stages:
        reach = float(np.abs(np.concatenate([grid.reshape(-1, 2), pts])).max()) or 1.0
        frames.append((grid / reach, pts / reach))
    labels = [f"{label} (scaled to fit)" for label, _, _ in stages]

    def lines_of(grid: np.ndarray) -> dict:
        gaps = np.full((grid.shape[0], 1, 2), np.nan)
        flat = np.concatenate([grid, gaps], axis=1).reshape(-1, 2)
        return {"x": _f4(flat[:, 0]), "y": _f4(flat[:, 1])}

    def moving(k: int) -> list[dict]:
        grid, pts = frames[k]
        out = [lines_of(grid)]
        classes = run.classes or 1
        for c in range(classes):
            rows = (y == c) if run.classes else slice(None)
            out.append({"x": _f4(pts[rows, 0]), "y": _f4(pts[rows, 1])})
        return out

    reach = 1.05
    last = len(frames) - 1
    now = moving(last)
    data = [
        _scatter("grid", mode="lines", **now[0], line={"color": rgba(ink, 0.45), "width": 1}),
        *[
            _scatter(
                f"class {c}" if run.classes else "points",
                mode="markers",
                **now[1 + c],
                showlegend=True,
                marker={"color": CLASS_COLORS[c] if run.classes else ink, "size": 6},
            )
            for c in range(run.classes or 1)
        ],
        _scatter(
            "original grid",
            mode="lines",
            **lines_of(frames[0][0]),
            line={"color": rgba(ink, 0.1), "width": 1},
        ),
    ]
    names_f = [f"b{k}" for k in range(last + 1)]
    layout = {
        "legend": TOP_LEGEND,
        "margin": {"t": 60, "r": 20, "b": CONTROLS_BOTTOM},
        "xaxis": _axis("unit 1", range=[-reach, reach], constrain="domain"),
        "yaxis": _axis("unit 2", range=[-reach, reach], scaleanchor="x", constrain="domain"),
    }
    spec = {
        "data": data,
        "layout": layout,
        "frames": [
            {"name": n, "traces": list(range(1 + (run.classes or 1))), "data": moving(k)}
            for k, n in enumerate(names_f)
        ],
    }
    layout |= animation_controls(
        names_f,
        labels,
        active=last,
        readout="",
        ink=ink,
        slider_x=0.32,
        speed=speed,
        frame_ms=BEND_MS,
        glide=True,
        pad_top=CONTROLS_TOP,
    )
    return Prebuilt(spec)
