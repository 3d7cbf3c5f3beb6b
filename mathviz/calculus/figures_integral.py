"""The pictures of /integrals: the pieces of a Riemann sum, error against n, and A(x) growing.

Positive area is bluish green, negative area vermillion, f blue, the samples orange, on every
picture. Builders take only hashable arguments (expression trees, numbers, strings), so
:func:`mathviz.ui.plot` remembers them. The animated ones change with every slider move and
are written as plotly JSON (:class:`mathviz.plot.spec.Prebuilt`, frames in ``f4``); the test
of the pages rebuilds them as validated figures.
"""

from __future__ import annotations

import numpy as np

from mathviz.calculus import integral
from mathviz.calculus.text_integral import RULE_LETTER
from mathviz.core import numbers
from mathviz.core.expressions import Expression
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls
from mathviz.plot.spec import Prebuilt
from mathviz.plot.traces import encoded

POSITIVE = theme.OKABE_ITO["bluish_green"]
NEGATIVE = theme.OKABE_ITO["vermillion"]
CURVE = theme.COLORS["primary"]
SAMPLE = theme.COLORS["secondary"]
TANGENT = theme.COLORS["highlight"]
RULE_COLORS = {
    "left": theme.OKABE_ITO["sky_blue"],
    "right": theme.OKABE_ITO["blue"],
    "midpoint": theme.OKABE_ITO["orange"],
    "trapezoid": theme.OKABE_ITO["reddish_purple"],
    "Simpson": theme.OKABE_ITO["bluish_green"],
}
FILL_ALPHA = "55"  # hex alpha of the area fills
CURVE_POINTS = 301
FTC_FRAMES = 41


def _window(expr: Expression, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """f on [a, b] padded by 8% each side where f is finite there, else on [a, b] alone."""
    pad = 0.08 * (b - a)
    x = np.linspace(a - pad, b + pad, CURVE_POINTS)
    y = integral.values(expr, x)
    if not np.all(np.isfinite(y)) or np.max(np.abs(y)) > integral.BLOW_UP:
        x = np.linspace(a, b, CURVE_POINTS)
        y = integral.values(expr, x)
    return x, y


def area_polygons(
    tops: tuple[tuple[np.ndarray, np.ndarray], ...],
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The positive and the negative parts of the pieces as two closed outlines (each piece
    from the axis up its top and back to the axis, with the top's zero crossings added), so
    each sign is one filled trace; an empty part is empty arrays.

    Vectorised over the pieces (one frame of 200 pieces: ~0.1 ms, where a loop over them
    took ~2 ms, on every move of a control, for each of the animation's 21 frames). Every
    piece of a rule has the same number of points on its top.
    """
    if not tops:
        empty = (np.array([], dtype=float), np.array([], dtype=float))
        return empty, empty
    x = np.array([t[0] for t in tops], dtype=float)
    y = np.array([t[1] for t in tops], dtype=float)
    m, p = y.shape
    left, right, y0, y1 = x[:, :-1], x[:, 1:], y[:, :-1], y[:, 1:]
    crosses = y0 * y1 < 0
    with np.errstate(divide="ignore", invalid="ignore"):
        at = np.where(crosses, left + (right - left) * y0 / (y0 - y1), 0.0)
    # Each row: the axis under the left edge, the top (a possible crossing between each two
    # samples), the axis under the right edge; ``keep`` drops the crossings that are not.
    xs = np.empty((m, 2 * p + 1))
    ys = np.zeros((m, 2 * p + 1))
    keep = np.ones((m, 2 * p + 1), dtype=bool)
    xs[:, 0], xs[:, -1] = x[:, 0], x[:, -1]
    xs[:, 1:-1:2], ys[:, 1:-1:2] = x, y
    xs[:, 2:-1:2] = at
    keep[:, 2:-1:2] = crosses
    parts = []
    for clip in (np.maximum, np.minimum):
        clipped = clip(ys, 0.0)
        rows = np.any(clip(y, 0.0) != 0, axis=1)  # the pieces with some area of this sign
        px, py = xs[rows][keep[rows]], clipped[rows][keep[rows]]
        if px.size:
            px, py = np.append(px, px[0]), np.append(py, 0.0)
        parts.append((px, py))
    return tuple(parts)


def _xy(x, y) -> dict:
    return {"x": np.asarray(x, dtype=float), "y": np.asarray(y, dtype=float)}


def _fill(color: str) -> dict:
    return {
        "type": "scatter", "mode": "lines", "fill": "toself", "fillcolor": color + FILL_ALPHA,
        "line": {"color": color, "width": 1.5}, "hoverinfo": "skip",
    }  # fmt: skip


def _areas(tops) -> list[dict]:
    """The positive and negative area traces' coordinates (empty: one point on the axis)."""
    parts = area_polygons(tops)
    return [_xy(*xy) if len(xy[0]) else _xy([tops[0][0][0]], [0.0]) for xy in parts]


def _line(color: str, width: float, dash: str | None = None) -> dict:
    return {"color": color, "width": width} | ({"dash": dash} if dash else {})


def _hline(ink: str, yref: str = "y") -> dict:
    return {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": yref, "y0": 0, "y1": 0,
            "line": _line(ink, 1)}  # fmt: skip


def _label(x: float, y: float, text: str, color: str, **kw) -> dict:
    return {
        "x": x,
        "y": y,
        "text": text,
        "showarrow": False,
        "font": {"color": color, "size": 20},
    } | kw


def _readout_size(layout: dict) -> None:
    """The slider's read-out in the labels' normal size: it inherits the hidden labels' 1 px
    type otherwise (presentation mode sets its own size over this)."""
    current = layout["sliders"][0]["currentvalue"]
    current["font"] = current.get("font", {}) | {"size": theme.FONT_SIZE[False]}


# Room below the plot for the Play controls in both modes (they need 120 px, 124 presenting):
# a margin plotly has to widen after a first draw makes it draw the chart twice per change.
CONTROLS_MARGIN = 128
RIEMANN_FRAMES = (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 80, 100, 128, 160, 200)
MAX_MARKERS = 60  # more samples than this are not marked (they would hide the pieces)


def _samples(shapes: integral.Pieces) -> dict:
    sx, sy = shapes.samples if len(shapes.samples[0]) <= MAX_MARKERS else ([], [])
    return _xy(sx, sy)


def riemann_readout(rule: str, n: int, total: float, reference: float) -> str:
    """The slider's read-out of a frame: the sum and its error."""
    letter = RULE_LETTER[rule] + numbers.subscript(n)
    error = numbers.text(total - reference, 3)
    return f"n = {n}:  {letter} = {numbers.text(total, 6)},  error {error}"


def riemann_figure(
    expr: Expression, a: float, b: float, n: int, rule: str, breaks: tuple, dark: bool, speed: float
) -> Prebuilt:
    """f, the rule's pieces (positive green, negative vermillion) and where f is sampled;
    ▶ Play refines n from 1 to 200, the read-out giving each sum and its error."""
    reference = integral.exact(expr, a, b, breaks)[0]
    even = rule == "Simpson"
    counts = sorted({integral.simpson_pieces(k) if even else k for k in (*RIEMANN_FRAMES, n)})
    shown = integral.simpson_pieces(n) if even else n
    x, y = _window(expr, a, b)
    every = {k: integral.pieces(expr, a, b, k, rule) for k in counts}
    positive, negative = _areas(every[shown].tops)
    data = [
        _fill(POSITIVE) | {"name": "positive area"} | positive,
        _fill(NEGATIVE) | {"name": "negative area"} | negative,
        {"type": "scatter", "mode": "lines", "name": "f", "line": _line(CURVE, 3)} | _xy(x, y),
        {"type": "scatter", "mode": "markers", "name": "f at the samples",
         "marker": {"color": SAMPLE, "size": 8}} | _samples(every[shown]),
    ]  # fmt: skip
    names = [f"n{k}" for k in counts]
    frames = [
        {"name": name, "traces": [0, 1, 3], "data": [*_areas(every[k].tops), _samples(every[k])]}
        for name, k in zip(names, counts, strict=True)
    ]
    labels = [
        riemann_readout(rule, k, integral.rule_sum(expr, a, b, k, rule), reference) for k in counts
    ]
    ink = theme.ink(dark)
    tops = np.concatenate([y, *(t[1] for k in counts for t in every[k].tops), [0.0]])
    low, high = float(np.min(tops)), float(np.max(tops))
    pad = 0.08 * (high - low or 1.0)
    top = int(np.argmax(y))
    ends = [
        {"type": "line", "xref": "x", "x0": end, "x1": end, "yref": "paper", "y0": 0, "y1": 1,
         "line": _line(ink, 1, "dot")}
        for end in (a, b)
    ]  # fmt: skip
    layout = {
        "showlegend": False,
        "margin": {"b": CONTROLS_MARGIN},
        "yaxis": {"title": {"text": "y"}, "range": [low - pad, high + pad]},
        "shapes": [_hline(ink), *ends],
        "annotations": [
            _label(float(x[top]), float(y[top]), "f", CURVE, yshift=16),
            *(_label(end, 1, name, ink, yref="paper", yanchor="bottom")
              for end, name in ((a, "a"), (b, "b"))),
        ],
        **animation_controls(
            names, labels, active=counts.index(shown), frame_ms=STEP_MS, readout="",
            ink=ink, speed=speed, slider_x=0.37,
        ),
    }  # fmt: skip
    _readout_size(layout)
    return Prebuilt(encoded({"data": data, "layout": layout}) | {"frames": encoded(frames, "f4")})


def _label_index(found: integral.Orders, fraction: float) -> int:
    return int(fraction * (len(found.ns) - 1))


def _labels_above(found: integral.Orders, label_at: dict[str, float]) -> dict[str, bool]:
    """Which label of each pair of close lines (left/right, midpoint/trapezoid) goes above
    its line: the one with the larger error where the labels sit."""
    above = {"Simpson": True}
    for pair in (("left", "right"), ("midpoint", "trapezoid")):
        k = _label_index(found, label_at[pair[0]])
        higher = max(pair, key=lambda rule: found.errors[rule][k])
        above.update({rule: rule == higher for rule in pair})
    return above


def orders_figure(expr: Expression, a: float, b: float, breaks: tuple, dark: bool) -> Prebuilt:
    """|error| against n on log-log axes for the five rules, each labelled with its fitted
    order; the round-off floor dotted."""
    found = integral.orders(expr, a, b, breaks)
    ink = theme.ink(dark)
    label_at = {"left": 0.8, "right": 0.8, "midpoint": 0.55, "trapezoid": 0.55, "Simpson": 0.3}
    above = _labels_above(found, label_at)
    data, annotations = [], []
    for rule in integral.RULES:
        errors = found.errors[rule]
        shown = errors > 0  # an exact 0 has no place on a log axis
        color = RULE_COLORS[rule]
        data.append(
            {"type": "scatter", "mode": "lines+markers", "name": rule,
             "line": _line(color, 2.5), "marker": {"size": 6}}
            | _xy(found.ns[shown], errors[shown])
        )  # fmt: skip
        slope = found.slopes[rule]
        used = np.flatnonzero(found.fitted[rule])
        if slope is None or not len(used):
            continue
        k = int(used[np.argmin(np.abs(used - _label_index(found, label_at[rule])))])
        annotations.append(
            {"x": float(np.log10(found.ns[k])), "y": float(np.log10(errors[k])),
             "text": f"{rule}: p ≈ {numbers.text(slope, places=2)}", "showarrow": True,
             "arrowhead": 0, "ax": 35 if rule == "Simpson" else 0,
             "ay": -30 if above[rule] else 30, "font": {"color": color, "size": 15},
             "arrowcolor": color}
        )  # fmt: skip
    annotations.append(
        {"x": 0, "xref": "paper", "xanchor": "left", "y": float(np.log10(found.floor)),
         "yshift": -10, "text": "round-off below: not fitted", "showarrow": False,
         "font": {"color": ink}}
    )  # fmt: skip
    floor = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y",
             "y0": found.floor, "y1": found.floor, "line": _line(ink, 1, "dot")}  # fmt: skip
    layout = {
        "showlegend": False,
        "margin": {"l": theme.LOG_AXIS_LEFT},
        "xaxis": {"type": "log", "title": {"text": "n (pieces)"}},
        "yaxis": {"type": "log", "title": {"text": "|sum − ∫|"}, "exponentformat": "power"},
        "shapes": [floor],
        "annotations": annotations,
    }
    return Prebuilt(encoded({"data": data, "layout": layout}))


def _shade(gx: np.ndarray, gf: np.ndarray, upto: int, x: float, fx: float):
    """The signed area under f from a to x as (positive, negative) traces' coordinates."""
    top_x = np.concatenate([gx[: upto + 1], [x]]) if x > gx[upto] else gx[: upto + 1]
    top_y = np.concatenate([gf[: upto + 1], [fx]]) if x > gx[upto] else gf[: upto + 1]
    if len(top_x) < 2:
        top_x, top_y = np.array([gx[0], gx[0]]), np.array([0.0, 0.0])
    return _areas(((top_x, top_y),))


def _ftc_state(gx, gf, ga, x, fx, ax_, half) -> list[dict]:
    """The traces that move: shade (2), the line at x, A traced, the point, the tangent."""
    upto = int(np.searchsorted(gx, x, side="right") - 1)
    upto = max(0, min(upto, len(gx) - 1))
    positive, negative = _shade(gx, gf, upto, x, fx)
    tx = np.array([x - half, x + half])
    return [
        positive,
        negative,
        _xy([x, x], [0.0, fx]),
        _xy(np.concatenate([gx[: upto + 1], [x]]), np.concatenate([ga[: upto + 1], [ax_]])),
        _xy([x], [ax_]),
        _xy(tx, ax_ + fx * (tx - x)),
    ]


def _text(color: str) -> dict:
    return {"color": color, "size": 16}


def ftc_figure(
    expr: Expression, a: float, b: float, x: float, dark: bool, speed: float
) -> Prebuilt:
    """f with the area from a to x shaded (top), A(x) = ∫ₐˣ f traced with its tangent of
    slope f(x) (bottom); ▶ Play moves x from a to b."""
    gx, ga = integral.accumulated(expr, a, b)
    gf = integral.values(expr, gx)
    half = (b - a) / 6
    fx, ax_ = float(integral.values(expr, np.array(x))), integral.area_to(expr, a, x)
    green = theme.COLORS["tertiary"]
    styles = [
        _fill(POSITIVE) | {"name": "area > 0"},
        _fill(NEGATIVE) | {"name": "area < 0"},
        {"mode": "lines+text", "name": "f(x)", "line": _line(SAMPLE, 3), "text": ["", "f(x)"],
         "textposition": "top center", "textfont": _text(SAMPLE)},
        {"mode": "lines", "name": "A traced", "line": _line(green, 3.5), "yaxis": "y2"},
        {"mode": "markers+text", "name": "A(x)", "marker": {"color": SAMPLE, "size": 11},
         "text": ["A(x)"], "textposition": "top left", "textfont": _text(SAMPLE), "yaxis": "y2"},
        {"mode": "lines+text", "name": "tangent", "line": _line(TANGENT, 3, "dash"),
         "text": ["", "slope f(x)"], "textposition": "middle right", "textfont": _text(TANGENT),
         "yaxis": "y2"},
    ]  # fmt: skip
    data = [
        {"type": "scatter", "mode": "lines", "name": "f", "line": _line(CURVE, 3)} | _xy(gx, gf),
        {"type": "scatter", "mode": "lines", "name": "A", "line": _line(green, 1.5, "dot"),
         "yaxis": "y2"} | _xy(gx, ga),
    ]  # fmt: skip
    for style, state in zip(styles, _ftc_state(gx, gf, ga, x, fx, ax_, half), strict=True):
        data.append({"type": "scatter", "hoverinfo": "skip"} | style | state)
    frame_x = np.linspace(a, b, FTC_FRAMES)
    names = [f"x{k}" for k in range(FTC_FRAMES)]
    frames = []
    for name, fxk in zip(names, frame_x, strict=True):
        j = int(np.argmin(np.abs(gx - fxk)))
        state = _ftc_state(gx, gf, ga, gx[j], gf[j], ga[j], half)
        frames.append({"name": name, "traces": list(range(2, 8)), "data": state})
    ink = theme.ink(dark)
    active = int(np.argmin(np.abs(frame_x - x)))
    layout = {
        "showlegend": False,
        "margin": {"b": CONTROLS_MARGIN},
        "xaxis": {"anchor": "y2"},
        "yaxis": {"domain": [0.53, 1.0], "title": {"text": "f(x)"}},
        "yaxis2": {"domain": [0.0, 0.47], "title": {"text": "A(x)"}, "anchor": "x"},
        "shapes": [_hline(ink), _hline(ink, "y2")],
        "annotations": [
            _label(float(gx[-1]), float(gf[-1]), "f", CURVE, xshift=12),
            _label(float(gx[-1]), float(ga[-1]), "A", green, xshift=14, yref="y2"),
        ],
        **animation_controls(
            names, [numbers.text(v, 3) for v in frame_x], active=active,
            frame_ms=60, readout="x = ", ink=ink, speed=speed, slider_x=0.37,
        ),
    }  # fmt: skip
    _readout_size(layout)
    return Prebuilt(encoded({"data": data, "layout": layout}) | {"frames": encoded(frames, "f4")})
