"""Plotly figures of /linear-algebra: the transform view and the unit cube in 3D.

The builders only draw what :mod:`mathviz.linalg.scene` and :mod:`mathviz.linalg.cube`
computed; they never apply a matrix themselves. Every animation runs in the browser: the
frames are precomputed, and Play, Pause and the scrub slider are plotly's own
``updatemenus`` and ``sliders``, so scrubbing needs no server.

The transform view is redrawn on every move of v or A, so it is written as plotly JSON with
typed arrays and handed over as a :class:`~mathviz.plot.spec.Prebuilt`: plotly's object
model would validate ~100 frame traces and cost more than the rest of the rerun together.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from mathviz.core.numbers import text, vector_text
from mathviz.linalg.cube import CUBE_EDGE_PATH, CUBE_TRIANGLES, CUBE_VERTICES, CubeScene
from mathviz.linalg.scene import TransformScene
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls
from mathviz.plot.spec import Prebuilt, equal_aspect
from mathviz.plot.traces import rgba, xy, xyz

# Colour roles (theme.COLORS) of the transform view.
ROLE = {
    "grid": "soft",
    "square kept": "primary",
    "square flipped": "accent",
    "e1": "primary",
    "e2": "secondary",
    "vector": "highlight",
    "eigen": "tertiary",
    "column space": "warm",
}
CUBE_BASIS_ROLES = ("primary", "secondary", "tertiary")


def _color(role: str) -> str:
    return theme.COLORS[ROLE[role]]


# --- the transform view -----------------------------------------------------------------------


def _kept_and_flipped(square: np.ndarray, det: float) -> tuple[np.ndarray, np.ndarray]:
    # The image of the unit square goes to one of two filled traces by the sign of det; the
    # other gets a single point at the origin, which draws nothing.
    nothing = np.zeros((1, 2))
    return (square, nothing) if det >= 0 else (nothing, square)


def _frame_data(scene: TransformScene, k: int, with_flip: bool) -> list[dict[str, Any]]:
    """Data of the animated traces in frame k, in the order of the figure's first traces."""
    kept, flipped = _kept_and_flipped(scene.square_images[k], float(scene.determinants[k]))
    data = [xy(scene.grid_images[k]), xy(kept)]
    if with_flip:
        data.append(xy(flipped))
    data += [
        xy(scene.letter_images[k]),
        xy(scene.basis_arrows[k, 0]),
        xy(scene.basis_arrows[k, 1]),
        xy(scene.image_arrows[k]),
    ]
    data += [xy(arrow) for arrow in scene.eigen_arrows[k]]
    return data


# Each key frame of the morph (mathviz.linalg.morph) is glided to in 85 ms: 2 s from I to A,
# 1.1 s a step, at 1×: slow enough to talk over.
KEY_FRAME_MS = 85
SCRUB_EVERY = 2  # a scrub step every other frame: half the slider's drawing, still smooth


def frame_labels(scene: TransformScene) -> list[str]:
    """The slider's text for each frame: its caption and the determinant at that moment."""
    labels = []
    for caption, det in zip(scene.animation.captions, scene.determinants, strict=True):
        state = " · flipped over" if det < 0 else (" · flattened" if det == 0 else "")
        labels.append(f"{caption} · det = {text(det)}{state}")
    return labels


def transform_figure(
    scene: TransformScene, *, dark: bool = False, reversible: bool = True, speed: float = 1.0
) -> go.Figure:
    """The plane under A: grid, î and ĵ, unit square, letter F, v and Av, animated from I.

    Parameters
    ----------
    scene : the geometry from :func:`mathviz.linalg.scene.transform_scene`.
    dark : draw neutral lines in the dark theme's ink.
    reversible : add a button that plays the animation backwards (undoing A with A⁻¹);
        pass False when A is singular.
    speed : the page's speed control (2.0 plays twice as fast as the default).

    Returns
    -------
    go.Figure showing the last frame (the map A itself), with one frame per matrix of the
    animation, Play / Pause (/ Undo) buttons and a scrub slider. Trace order: the animated
    traces (grid, square with det ≥ 0, square with det < 0 if some frame has one, letter F,
    î, ĵ, Av, the eigenvectors), then the fixed ones (v, eigen-lines, column space, null
    space). Each trace's ``meta`` names its role for tests and readers.
    """
    ink = theme.ink(dark)
    animation = scene.animation
    n = len(animation.matrices)
    final = animation.matrices[-1]
    with_flip = bool(np.any(scene.determinants < 0))
    det = float(scene.determinants[-1])
    styles: list[dict[str, Any]] = [
        {
            "meta": "grid",
            "name": "grid under A",
            "showlegend": False,  # plain to see; each legend entry costs ~1.5 ms of drawing
            "line": {"color": _color("grid"), "width": 1.3},
            "hoverinfo": "skip",
        },
        {
            "meta": "square",
            "name": f"unit square → area det A = {text(det)}" if det >= 0 else "unit square",
            "fill": "toself",
            "fillcolor": rgba(_color("square kept"), 0.2),
            "line": {"color": _color("square kept"), "width": 1.5},
            "hoverinfo": "skip",
        },
        {
            "meta": "letter",
            "name": "letter F",
            "showlegend": False,
            "line": {"color": ink, "width": 4},
            "hoverinfo": "skip",
        },
        {
            "meta": "e1",
            "name": f"î → {vector_text(final[:, 0])}",
            "line": {"color": _color("e1"), "width": 4},
        },
        {
            "meta": "e2",
            "name": f"ĵ → {vector_text(final[:, 1])}",
            "line": {"color": _color("e2"), "width": 4},
        },
        {
            "meta": "Av",
            "name": f"Av = {vector_text(scene.vector_images[-1])}",
            "line": {"color": _color("vector"), "width": 3.5},
        },
    ]
    styles += [
        {
            "meta": "eigenvector",
            "name": f"eigenvector, λ = {text(span.value)}",
            "line": {"color": _color("eigen"), "width": 3.5},
        }
        for span in scene.eigen_spans
    ]
    if with_flip:  # drawn right after the other square, under the letter and the arrows
        styles.insert(
            2,
            {
                "meta": "square flipped",
                "name": f"flipped over: det A = {text(det)}" if det < 0 else "flipped over",
                "fill": "toself",
                "fillcolor": rgba(_color("square flipped"), 0.25),
                "line": {"color": _color("square flipped"), "width": 1.5},
                "hoverinfo": "skip",
            },
        )
    last = _frame_data(scene, n - 1, with_flip)
    data = [
        {"type": "scatter", "mode": "lines", "hoverinfo": "name", **style, **values}
        for style, values in zip(styles, last, strict=True)
    ]

    fixed = [
        (
            "v",
            f"v = {vector_text(scene.vector)}",
            {"color": _color("vector"), "width": 2, "dash": "dot"},
            scene.vector_arrow,
        )
    ]
    fixed += [
        (
            "eigen-line",
            f"eigen-line, λ = {text(span.value)}",
            {"color": _color("eigen"), "width": 1.5, "dash": "dash"},
            line,
        )
        for span, line in zip(scene.eigen_spans, scene.span_lines, strict=True)
    ]
    if scene.column_line is not None:
        column_style = {"color": rgba(_color("column space"), 0.6), "width": 10}
        fixed.append(
            ("column space", "column space (all outputs)", column_style, scene.column_line)
        )
    if scene.null_line is not None:
        null_style = {"color": ink, "width": 2, "dash": "dashdot"}
        fixed.append(("null space", "null space (lands on 0)", null_style, scene.null_line))
    for meta, name, line, points in fixed:
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "meta": meta,
                "name": name,
                "line": line,
                "hoverinfo": "name",
                **xy(points),
            }
        )

    names = [f"f{k}" for k in range(n)]
    frames = [
        # No "traces" list: a frame's data update the figure's first traces, in order.
        {"name": name, "data": _frame_data(scene, k, with_flip)}
        for k, name in enumerate(names)
    ]
    x0, x1, y0, y1 = scene.window
    axis = {"autorange": False, "zerolinecolor": rgba(ink, 0.55), "zerolinewidth": 1.5}
    layout = {
        "xaxis": {**axis, "range": [x0, x1]},
        "yaxis": {**axis, "range": [y0, y1]},
        "margin": {"t": 10, "b": 175},
        "legend": {"x": 1.02, "y": 1.0, "xanchor": "left", "yanchor": "top"},
        **animation_controls(
            names,
            frame_labels(scene),
            active=len(names) - 1,
            every=SCRUB_EVERY,
            extra_buttons=[("◀ Undo (A⁻¹)", names[::-1])] if reversible else (),
            readout="",
            ink=ink,
            frame_ms=KEY_FRAME_MS,
            glide=True,
            speed=speed,
        ),
    }
    # Redrawn on every move of v or A: plotly's object model would cost more than the rest
    # of the rerun together (see mathviz.plot.spec.Prebuilt).
    return Prebuilt({"data": data, "layout": equal_aspect(layout), "frames": frames})


# --- the unit cube in 3D ----------------------------------------------------------------------


def cube_figure(scene: CubeScene, *, dark: bool = False) -> go.Figure:
    """The unit cube and its image under a 3x3 matrix M, in a 3D view you can turn.

    Parameters
    ----------
    scene : the geometry from :func:`mathviz.linalg.cube.cube_scene`.
    dark : draw neutral lines in the dark theme's ink.

    Returns
    -------
    go.Figure with the image of the cube under M (blue, or vermillion when det M < 0: turned
    inside out) and its edges, M e1, M e2, M e3, and the original cube's edges, dashed. Axes
    share one scale (``aspectmode="cube"``). No animation: a 3D frame needs a full WebGL
    redraw, and the 2D view above already plays the idea.
    """
    ink = theme.ink(dark)
    i, j, k = CUBE_TRIANGLES.T
    data: list[dict[str, Any]] = [
        {
            "type": "mesh3d",
            "meta": "cube image",
            "name": f"image of the cube: volume |det M| = {text(abs(scene.determinant))}",
            "color": theme.COLORS["accent" if scene.determinant < 0 else "primary"],
            "i": i,
            "j": j,
            "k": k,
            "opacity": 0.45,
            "flatshading": True,
            "hoverinfo": "skip",
            "showlegend": True,
            **xyz(scene.vertex_images),
        },
        {
            "type": "scatter3d",
            "meta": "cube edges",
            "name": "its edges",
            "mode": "lines",
            "line": {"color": ink, "width": 4},
            "hoverinfo": "skip",
            **xyz(scene.edge_images),
        },
    ]
    for index, (role, tip) in enumerate(zip(CUBE_BASIS_ROLES, scene.basis_tips, strict=True)):
        data.append(
            {
                "type": "scatter3d",
                "meta": f"Me{index + 1}",
                "name": f"M e{index + 1} = {vector_text(tip)}",
                "mode": "lines+markers",
                "line": {"color": theme.COLORS[role], "width": 8},
                "marker": {"size": [0, 5], "color": theme.COLORS[role], "symbol": "diamond"},
                "hoverinfo": "name",
                **xyz(np.array([np.zeros(3), tip])),
            }
        )
    data.append(
        {
            "type": "scatter3d",
            "meta": "unit cube",
            "name": "unit cube (before)",
            "mode": "lines",
            "line": {"color": rgba(ink, 0.45), "width": 3, "dash": "dash"},
            "hoverinfo": "skip",
            **xyz(CUBE_VERTICES[CUBE_EDGE_PATH]),
        }
    )
    axes = {
        f"{name}axis": {
            "range": [center - scene.half_width, center + scene.half_width],
            "autorange": False,
            "zerolinecolor": rgba(ink, 0.5),
            "title": {"text": name},
        }
        for name, center in zip("xyz", scene.center, strict=True)
    }
    layout = {
        "scene": {
            **axes,
            "aspectmode": "cube",  # one unit is as long on every axis
            "camera": {"eye": {"x": 1.5, "y": -1.6, "z": 0.9}},
        },
        "margin": {"l": 0, "r": 0, "t": 10, "b": 10},
        # Over the scene's top left corner, not beside it: a legend at the side left the scene
        # a narrow strip, and the cube, fitted to the height, was clipped at its edges (1280 px).
        "legend": {"x": 0.0, "y": 1.0, "xanchor": "left", "yanchor": "top"},
    }
    return go.Figure({"data": data, "layout": layout})
