"""Figures of /eigenvectors-svd: three client-side animations and the PCA cloud.

Builders take the scenes of :mod:`mathviz.linalg.eigen`, :mod:`~mathviz.linalg.power`,
:mod:`~mathviz.linalg.svd` and :mod:`~mathviz.linalg.pca` (every point already computed) and
lay them out as plotly figures; they compute nothing. Each animation opens on its last frame
(what A does) and plays from the first with ▶ Play, or scrubs with the slider, in the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mathviz.core.geometry import circle_with_spokes, span_segment, with_arrows
from mathviz.core.numbers import subscript, text, vector_text
from mathviz.linalg.eigen import MorphScene
from mathviz.linalg.pca import PCAScene, view_window
from mathviz.linalg.power import PowerScene
from mathviz.linalg.svd import STAGES, SVDScene
from mathviz.plot import theme
from mathviz.plot.animation import STEP_MS, animation_controls, hold
from mathviz.plot.spec import Prebuilt, equal_aspect, typed
from mathviz.plot.traces import (
    arrow_points,
    arrow_trace,
    legend_on_top,
    line_trace,
    rgba,
    sparse_labels,
    square_axes,
    xy,
)

# The two eigenvectors (principal axes, singular vectors): one colour each, and neither that
# of î (primary) or ĵ (secondary), which the morph draws too, as /linear-algebra does.
EIGEN_COLORS = (theme.COLORS["tertiary"], theme.COLORS["highlight"])
BASIS_COLORS = (theme.COLORS["primary"], theme.COLORS["secondary"])
# Room for the legend above and the Play controls below in both modes (measured): a margin
# plotly has to widen after a first draw makes it draw the chart twice on every change.
ANIMATION_MARGIN = {"t": 90, "b": 162}
# Play glides from key frame to key frame (mathviz.plot.animation, ``glide``): the morph's
# 30 steps take 2.1 s, each SVD stage's 16 take 1.3 s, at 1×.
KEY_FRAME_MS = 70
SVD_KEY_FRAME_MS = 80
HOLD_MS = 500  # Play rests this long on the start and after each SVD stage


def _shape_trace(points: np.ndarray, tips: np.ndarray, color: str, name: str) -> dict[str, Any]:
    """The unit circle's image with its spokes (test vectors, small arrowheads at ``tips``),
    one trace, so that an animation updates one trace per frame rather than one per spoke.
    The arrows that matter (eigenvectors, singular vectors) are traces of their own, in their
    own colours and named at their tips (:func:`_named_arrow`)."""
    sizes = np.zeros(len(points))
    sizes[tips] = 10
    return {
        "type": "scatter",
        **xy(points),
        "mode": "lines+markers",
        "line": {"color": color, "width": 2},
        "marker": {
            "size": typed(sizes),
            "color": color,
            "symbol": "arrow",
            "angleref": "previous",
        },
        "name": name,
        "hoverinfo": "skip",
    }


def _grid_trace(points: np.ndarray, dark: bool) -> dict[str, Any]:
    return line_trace(points, theme.ink(dark), width=1, opacity=0.28)


# --- eigenvectors during the I -> A morph ---------------------------------------------------


def _tip_position(tip: np.ndarray, away_from: Sequence[np.ndarray] = ()) -> str:
    """Where a label goes beside an arrow's tip: outwards, away from the origin; or, given
    ``away_from`` (other arrows' tips), on the side of the arrow away from the one nearest
    in direction, so that two arrows on one line keep their names apart."""
    direction = np.asarray(tip, dtype=float)
    others = [np.asarray(o, dtype=float) for o in away_from if np.hypot(*o) > 1e-9]
    if others and np.hypot(*direction) > 1e-9:
        unit = direction / np.hypot(*direction)
        nearest = max(others, key=lambda o: abs(unit @ o) / np.hypot(*o))
        cross = direction[0] * nearest[1] - direction[1] * nearest[0]
        # The nearest arrow turns counter-clockwise from this one (or lies on it): the
        # label goes on the clockwise side, else on the other.
        side = 1.0 if cross >= 0 else -1.0
        # Sideways, and a little outwards, so that the name stays beyond the arrow's tip.
        direction = side * np.array([unit[1], -unit[0]]) + 0.5 * unit
    vertical = "top" if direction[1] >= 0 else "bottom"
    return vertical + (" right" if direction[0] >= 0 else " left")


def _named_arrow(
    tips: np.ndarray,
    names: Sequence[str],
    color: str,
    width: float,
    away_from: Sequence[np.ndarray] = (),
) -> tuple[dict[str, Any], Any]:
    """One arrow from the origin, moving: its trace as drawn on the last frame, and the
    function giving its ``x``, ``y`` and tip label in frame k (``names[k]``; blank where the
    arrow has shrunk to the origin, so that labels never pile up there)."""
    last = len(tips) - 1

    def moving(k: int) -> dict[str, Any]:
        shown = names[k] if np.hypot(*tips[k]) > 1e-9 else ""
        return xy(arrow_points(tips[k])) | {"text": ["", shown]}

    trace = arrow_trace(np.zeros((2, 2)), color, names[last], width=width, showlegend=False)
    trace |= moving(last) | {
        "textposition": _tip_position(tips[last], away_from),
        "textfont": {"color": color},  # the theme's size: larger when presenting
        "hoverinfo": "skip",
    }
    return trace, moving


def morph_figure(
    scene: MorphScene, line_labels: Sequence[str], dark: bool = False, speed: float = 1.0
) -> Prebuilt:
    """The plane morphing from I to A: eigenvector lines stay put while everything turns.

    Parameters
    ----------
    scene : :func:`mathviz.linalg.eigen.morph_scene` of the matrix as drawn.
    line_labels : legend text for each eigenvector line (e.g. with A's true eigenvalues);
        for a complex pair, one label for the invariant ellipse.
    dark : whether the page uses the dark theme.

    Notes
    -----
    Traces 0-1 are static (the eigenvector lines, or the ellipse a complex A turns along);
    traces 2 (grid) and 3 (circle and spokes) change per frame, and so do 4-5 (the
    eigenvectors' arrows, each in its line's colour, named at its tip: v₁, then Av₁ = λ₁v₁)
    and 6-7 (î and ĵ, thinner and on top, so that they show where they lie on an eigenvector).
    """
    radius = scene.radius
    complex_pair = len(scene.invariant) > 0
    statics: list[dict[str, Any]] = []
    for index in range(2):
        if complex_pair and index == 0:
            statics.append(
                line_trace(
                    scene.invariant,
                    theme.ink(dark),  # v₂ and p₂ have the highlight colour
                    line_labels[0],
                    width=2.5,
                    dash="dash",
                    showlegend=True,
                )
            )
        elif index < len(scene.lines):
            statics.append(
                line_trace(
                    span_segment(scene.lines[index], 3 * radius),
                    EIGEN_COLORS[index],
                    line_labels[index],
                    width=5,
                    opacity=0.3,
                    showlegend=True,
                )
            )
        else:
            statics.append(line_trace(np.zeros((0, 2)), theme.ink(dark)))

    last = len(scene.t) - 1
    frames_count = len(scene.t)

    def names(before: str, after: str) -> list[str]:
        return [before] * last + [after]

    arrows, movers = [], []
    letter = "p" if complex_pair else "v"
    for index in range(2):
        if index < len(scene.arrow_tips):
            tips = scene.arrows[:, index]
            v = f"{letter}{subscript(index + 1)}"
            after = f"A{v}" if complex_pair else f"A{v} = λ{subscript(index + 1)}{v}"
            trace, moving = _named_arrow(tips, names(v, after), EIGEN_COLORS[index], 5)
        else:  # one eigenvector line (a defective A): the second arrow draws nothing
            trace = line_trace(np.zeros((0, 2)), EIGEN_COLORS[index])

            def moving(k: int) -> dict[str, Any]:
                return xy(np.zeros((0, 2)))

        arrows.append(trace)
        movers.append(moving)
    eigen_tips = list(scene.arrows[-1])
    for index, hat in enumerate(("î", "ĵ")):
        tips = scene.columns[:, :, index]
        trace, moving = _named_arrow(
            tips, names(hat, f"A{hat}"), BASIS_COLORS[index], 2.5, away_from=eigen_tips
        )
        arrows.append(trace)
        movers.append(moving)

    def moving(frame: int) -> list[dict[str, Any]]:
        return [
            xy(scene.grid[frame]),
            xy(scene.shape[frame]),
            *(mover(frame) for mover in movers),
        ]

    shape = _shape_trace(
        scene.shape[last], scene.tips, rgba(theme.ink(dark), 0.55), "unit circle → its image"
    )
    data = [*statics, _grid_trace(scene.grid[last], dark), shape, *arrows]
    frame_names = [f"t{k}" for k in range(frames_count)]
    traces = list(range(2, 8))
    frames = [
        {"name": name, "data": moving(k), "traces": traces} for k, name in enumerate(frame_names)
    ]
    # I at one end, A at the other (plotly thins out labels that would overlap).
    labels = ["I"] + [""] * (frames_count - 2) + ["A"]
    # ▶ Play shows I for a moment before the plane starts to move.
    sequence = hold(frame_names[0], HOLD_MS, KEY_FRAME_MS) + frame_names
    controls = animation_controls(
        frame_names,
        labels,
        active=last,
        sequence=sequence,
        frame_ms=KEY_FRAME_MS,
        glide=True,
        speed=speed,
    )
    return _plane_animation(data, frames, radius, controls)


# --- power iteration ------------------------------------------------------------------------


def power_figure(scene: PowerScene, dark: bool = False, speed: float = 1.0) -> Prebuilt:
    """v, Av, A²v, ... (normalised) closing in on the dominant eigenvector, and how fast.

    Left: the unit circle, the eigenvector lines, the current iterate v_k and the earlier
    ones as a faint fan that closes onto v₁. Right, when there is a
    dominant eigenvector: the angle between v_k and v₁ on a log scale, against the rate
    |λ₂/λ₁|ᵏ.
    """
    ink = theme.ink(dark)
    colors = theme.COLORS
    iterates = scene.iteration.iterates
    valid = scene.iteration.valid
    circle = circle_with_spokes(96, 1)[0]
    names = ["v₁: the dominant eigenvector" if scene.dominant else "eigenvector v₁", "v₂"]
    statics = [line_trace(circle, ink, width=1, opacity=0.35)]
    for index in range(2):
        segment = span_segment(scene.lines[index], 1.6) if index < len(scene.lines) else []
        statics.append(
            line_trace(
                np.reshape(segment, (-1, 2)),
                EIGEN_COLORS[index],
                names[index],
                width=7 if index == 0 else 5,
                opacity=0.35,
            )
        )
    # The lines are named on the picture, just outside the circle, at the end away from where
    # the iterates end (their own name is at the last one's tip).
    ends = []
    for line in scene.lines:
        side = -1.0 if float(np.dot(line, iterates[valid - 1])) > 0 else 1.0
        ends.append(1.1 * side * np.asarray(line, dtype=float))
    line_names = {
        "type": "scatter",
        **xy(np.reshape(ends, (-1, 2))),
        "mode": "text",
        "text": ["v₁", "v₂"][: len(ends)],
        "textposition": [_tip_position(end) for end in ends],
        "textfont": {"color": list(EIGEN_COLORS[: len(ends)])},
        "showlegend": False,
        "hoverinfo": "skip",
    }

    def moving(k: int) -> list[dict[str, Any]]:
        shown = min(k, valid - 1)
        fan = with_arrows(np.zeros((0, 2)), iterates[:shown])[0]
        current = xy(arrow_points(iterates[shown])) | {"text": ["", f"v{subscript(shown)}"]}
        return [xy(fan), current]

    last = len(iterates) - 1
    # The fan alternates origin, tip, origin, tip...: one static size pattern fits every frame.
    sizes = np.zeros(2 * len(iterates))
    sizes[1::2] = 9
    fan_trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "line": {"color": colors["primary"], "width": 1.5},
        "marker": {
            "symbol": "arrow",
            "angleref": "previous",
            "color": colors["primary"],
            "size": typed(sizes),
        },
        "opacity": 0.4,
        "name": "earlier steps",
        "hoverinfo": "skip",
    }
    start = moving(last)
    fan_trace |= start[0]
    current = (
        arrow_trace(
            np.zeros((2, 2)), colors["primary"], "vₖ", width=5, hoverinfo="skip", showlegend=False
        )
        | start[1]
    )
    current["textfont"] = {"size": 16, "color": colors["primary"]}
    data = [*statics, fan_trace, current]
    if len(scene.angles):
        steps = np.arange(len(scene.angles), dtype=float)
        data += [
            {
                "type": "scatter",
                **xy(np.column_stack([steps, scene.predicted])),
                "mode": "lines",
                "line": {"color": colors["secondary"], "width": 7},
                "opacity": 0.45,
                "name": "∝ |λ₂/λ₁|ᵏ (predicted)",
                "xaxis": "x2",
                "yaxis": "y2",
                "customdata": [text(angle, 3) for angle in scene.predicted],
                "hovertemplate": "k = %{x}<br>predicted %{customdata}°<extra></extra>",
            },
            {
                "type": "scatter",
                **xy(np.column_stack([steps, scene.angles])),
                "mode": "lines+markers",
                "line": {"color": colors["primary"], "width": 2},
                "marker": {"size": 7},
                "name": "angle between vₖ and v₁",
                "xaxis": "x2",
                "yaxis": "y2",
                "customdata": [text(angle, 3) for angle in scene.angles],
                "hovertemplate": "k = %{x}<br>%{customdata}°<extra></extra>",
            },
        ]
    data.append(line_names)
    names_frames = [f"k{k}" for k in range(len(iterates))]
    frames = [
        {"name": name, "data": moving(k), "traces": [3, 4]} for k, name in enumerate(names_frames)
    ]
    labels = sparse_labels([str(k) for k in range(len(iterates))], keep=7)
    floor = float(np.min(scene.angles)) if len(scene.angles) else 1.0
    low = float(np.log10(max(floor, 1e-13))) - 0.5
    note = {
        "text": "No dominant<br>eigenvector:<br>nothing to<br>converge to",
        "xref": "paper",  # the middle of the empty right-hand panel
        "yref": "y domain",
        "x": 0.78,
        "y": 0.5,
        "showarrow": False,
    }
    layout = {
        "xaxis": {"domain": [0.0, 0.46], "range": [-1.3, 1.3]},
        "yaxis": {"range": [-1.3, 1.3]},
        "legend": legend_on_top(),
        "margin": ANIMATION_MARGIN,
        "annotations": [] if len(scene.angles) else [note],
    } | animation_controls(
        names_frames, labels, active=last, sequence=names_frames, frame_ms=STEP_MS, speed=speed
    )
    equal_aspect(layout)  # before the second panel exists, so only the circle is square
    layout["xaxis2"] = {
        "domain": [0.56, 1.0],
        "anchor": "y2",
        "title": {"text": "step k"},
        "range": [-0.5, max(1, last) + 0.5],
    }
    layout["yaxis2"] = {
        "anchor": "x2",
        "type": "log",
        "title": {"text": "angle to v₁ (degrees)"},
        "range": [low, float(np.log10(95))],
        "dtick": max(1, round((np.log10(95) - low) / 6)),  # whole decades, about six
        "exponentformat": "power",
    }
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


# --- the SVD in three stages ----------------------------------------------------------------


def svd_figure(scene: SVDScene, dark: bool = False, speed: float = 1.0) -> Prebuilt:
    """A = UΣVᵀ played as rotate, stretch, rotate: the unit circle becomes A's ellipse.

    The arrows are the images of the right singular vectors v₁, v₂: stage 1 turns them onto
    the axes, stage 2 stretches them to σ₁ and σ₂, stage 3 turns them onto σ₁u₁ and σ₂u₂,
    the semi-axes of the ellipse (drawn dashed throughout as the destination).
    """
    svd = scene.svd
    sigma = svd.singular_values
    last = len(scene.stage) - 1

    # Each arrow named by the last stage done: v₁, then Vᵀv₁ = e₁, σ₁e₁, and Av₁ = σ₁u₁.
    done = scene.stage.copy()
    finals = np.r_[scene.stage[1:] != scene.stage[:-1], True]
    done[~finals] -= 1
    arrows, movers = [], []
    for index in range(2):
        one = subscript(index + 1)
        stage_names = (f"v{one}", f"e{one}", f"σ{one}e{one}", f"Av{one} = σ{one}u{one}")
        trace, mover = _named_arrow(
            scene.arrows[:, index],
            [stage_names[max(0, stage)] for stage in done],
            EIGEN_COLORS[index],
            5,
        )
        arrows.append(trace)
        movers.append(mover)

    def moving(frame: int) -> list[dict[str, Any]]:
        return [
            xy(scene.grid[frame]),
            xy(scene.shape[frame]),
            *(mover(frame) for mover in movers),
        ]

    data = [
        line_trace(
            scene.ellipse,
            theme.ink(dark),  # the arrows have the eigen colours
            f"A·(unit circle): semi-axes σ₁ = {text(sigma[0], 3)}, σ₂ = {text(sigma[1], 3)}",
            width=2.5,
            dash="dash",
            showlegend=True,
        ),
        _grid_trace(scene.grid[last], dark),
        _shape_trace(
            scene.shape[last], scene.tips, theme.COLORS["primary"], "unit circle → its image"
        ),
        *arrows,
    ]
    names = [f"s{k}" for k in range(len(scene.stage))]
    frames = [
        {"name": name, "data": moving(k), "traces": [1, 2, 3, 4]} for k, name in enumerate(names)
    ]
    turns = {
        1: f"{text(np.degrees(svd.first_angle), 3, places=0)}°",  # whole degrees: short
        2: "",
        3: f"{text(np.degrees(svd.last_angle), 3, places=0)}°"
        + (", flip" if svd.reflection else ""),
    }
    labels = [""] * len(names)
    labels[0] = "I"
    by_stage = []
    sequence = hold(names[0], HOLD_MS, SVD_KEY_FRAME_MS)
    for stage in range(1, 4):
        members = np.flatnonzero(scene.stage == stage)
        first, final = int(members[0]), int(members[-1])
        labels[final] = ("Vᵀ", "ΣVᵀ", "A")[stage - 1]
        # A stage's own button plays it from where the previous stage ended; ▶ Play plays
        # all three with a pause after each.
        label = f"{stage} · {STAGES[stage]}" + (f" {turns[stage]}" if turns[stage] else "")
        by_stage.append((label, names[first - 1 : final + 1]))
        sequence += names[first : final + 1] + hold(names[final], HOLD_MS, SVD_KEY_FRAME_MS)
    controls = animation_controls(
        names,
        labels,
        active=last,
        sequence=sequence,
        extra_buttons=by_stage,
        frame_ms=SVD_KEY_FRAME_MS,
        glide=True,
        speed=speed,
    )
    # Five buttons in a row: Pause as its symbol alone, so the row fits a chart beside its
    # formula (presentation mode at 1280 px).
    controls["updatemenus"][0]["buttons"][-1]["label"] = "❚❚"
    return _plane_animation(data, frames, scene.radius, controls)


def _plane_animation(data: list, frames: list, radius: float, controls: dict) -> Prebuilt:
    """An animated figure of the plane: square equal-aspect axes, the legend on top, room
    for ▶ Play and the scrub slider under the plot."""
    layout = square_axes(radius) | {"legend": legend_on_top(), "margin": ANIMATION_MARGIN}
    return Prebuilt({"data": data, "layout": equal_aspect(layout | controls), "frames": frames})


# --- PCA --------------------------------------------------------------------------------------


def pca_figure(scene: PCAScene, dark: bool = False) -> Prebuilt:
    """The point cloud, its 1σ and 2σ covariance ellipses and the principal axes."""
    colors = theme.COLORS
    pca = scene.pca
    points = scene.points
    traces = [
        {
            "type": "scatter",
            **xy(points),
            "mode": "markers",
            "marker": {"size": 5, "color": colors["soft"], "opacity": 0.7},
            "name": f"{len(points)} points",
            "hoverinfo": "skip",
        },
        line_trace(
            scene.ellipses[0],
            theme.ink(dark),
            "1σ and 2σ ellipses",
            dash="dot",
            width=1.5,
            showlegend=True,
        ),
        line_trace(scene.ellipses[1], theme.ink(dark), dash="dot", width=1.5),
        *[
            line_trace(scene.axis_lines[index], EIGEN_COLORS[index], dash="dash", width=1.5)
            for index in range(2)
        ],
    ]
    for index in range(2):
        share = text(100 * pca.explained[index], 3)
        name = f"PC{index + 1}: {share}% of the variance"
        traces.append(
            arrow_trace(
                arrow_points(scene.axes_tips[index], pca.mean),
                EIGEN_COLORS[index],
                name,
                width=5,
                text=f"PC{index + 1}",
                hoverinfo="text",
                hovertext=["", f"{name}<br>tip {vector_text(scene.axes_tips[index])}"],
            )
        )
    # The axes fit what is drawn (equal aspect: plotly widens the roomier axis to match).
    (x_low, x_high), (y_low, y_high) = view_window(scene)
    layout = {
        "xaxis": {"range": [x_low, x_high], "zeroline": True, "showgrid": True},
        "yaxis": {"range": [y_low, y_high], "zeroline": True, "showgrid": True},
        "legend": legend_on_top(),
        "margin": {"t": 70},
    }
    return Prebuilt({"data": traces, "layout": equal_aspect(layout)})
