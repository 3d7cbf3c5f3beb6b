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
from mathviz.plot.traces import rgba, tip_position, xy, xyz

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


# Labels written on the picture; plotly draws a trace's text at the layout's font size unless
# told, and these names are read from the back of the room.
LABEL_SIZE = 21


def tip_label(label: str, tip: np.ndarray, color: str, turn: int = 0) -> dict[str, Any]:
    """Trace entries that write ``label`` at an arrow's tip (the second of its five points, see
    :func:`mathviz.core.geometry.arrow_path`); it moves with the tip in every frame."""
    return {
        "mode": "lines+text",
        "text": ["", f"<b>{label}</b>" if label else "", "", "", ""],
        "textposition": tip_position(tip, turn),
        "textfont": {"color": color, "size": LABEL_SIZE},
    }


def eigen_name(value: float, tip: np.ndarray) -> str:
    """An eigenvector's name at its tip: its eigenvalue, or nothing when A sends it to 0 (the
    tip is the origin, where the name would cover the picture's centre)."""
    return f"λ = {text(value)}" if float(np.hypot(*tip)) > 1e-9 else ""


def inside_point(direction: np.ndarray, window: np.ndarray, share: float = 0.8) -> np.ndarray:
    """The point ``t·direction`` (t > 0) at ``share`` of the way to the window's edge."""
    x0, x1, y0, y1 = (float(value) for value in window)
    limits = []
    for value, low, high in zip(direction, (x0, y0), (x1, y1), strict=True):
        if abs(value) > 1e-12:
            limits.append((high if value > 0 else low) / value)
    return share * min(limits) * np.asarray(direction, dtype=float)


def _labelled_line(end_points: np.ndarray, label: str, window: np.ndarray) -> tuple:
    """A line through 0 with ``label`` written on it inside the window: three points
    (end, labelled point, end)."""
    start, stop = np.asarray(end_points, dtype=float)
    direction = stop / max(float(np.linalg.norm(stop)), 1e-300)
    point = inside_point(direction, window)
    return np.array([start, point, stop]), ["", label, ""]


def transform_figure(
    scene: TransformScene, *, dark: bool = False, reversible: bool = True, speed: float = 1.0
) -> go.Figure:
    """The plane under A: grid, î and ĵ, unit square, letter F, v and Av, animated from I.

    In the style of 3Blue1Brown and Interactive Linear Algebra: the moving grid fills the
    view over a faint ghost of the original one, and every arrow and line has its name
    written beside it on the picture (no legend: the hover repeats the name with numbers).

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
    animation, Play / Pause (/ Undo) buttons and a scrub slider. Trace order, bottom to top:
    the fixed traces under the picture (the ghost grid, the column space band, the
    eigen-lines), the animated ones (grid, square with det ≥ 0, square with det < 0 if some
    frame has one, letter F, î, ĵ, Av, the eigenvectors; each frame's ``traces`` lists their
    indices), then v and the null space. Each trace's ``meta`` names its role for tests and
    readers.
    """
    ink = theme.ink(dark)
    animation = scene.animation
    n = len(animation.matrices)
    final = animation.matrices[-1]
    with_flip = bool(np.any(scene.determinants < 0))
    det = float(scene.determinants[-1])

    under = [
        {
            "meta": "ghost grid",
            "name": "the grid before A",
            "line": {"color": rgba(ink, 0.2), "width": 1},
            "hoverinfo": "skip",
            **xy(scene.ghost),
        }
    ]
    if scene.column_line is not None:
        points, labels = _labelled_line(scene.column_line, "column space", scene.window)
        under.append(
            {
                "meta": "column space",
                "name": "column space (all outputs)",
                "mode": "lines+text",
                "text": labels,
                "textposition": "top left",
                "textfont": {"color": _color("column space"), "size": LABEL_SIZE},
                "line": {"color": rgba(_color("column space"), 0.4), "width": 9},
                **xy(points),
            }
        )
    under += [
        {
            "meta": "eigen-line",
            "name": f"eigen-line, λ = {text(span.value)}",
            "line": {"color": _color("eigen"), "width": 1.5, "dash": "dash"},
            **xy(line),
        }
        for span, line in zip(scene.eigen_spans, scene.span_lines, strict=True)
    ]

    e1, e2, image = final[:, 0], final[:, 1], scene.vector_images[-1]
    styles: list[dict[str, Any]] = [
        {
            "meta": "grid",
            "name": "grid under A",
            "line": {"color": rgba(_color("square kept"), 0.55), "width": 1.4},
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
            "line": {"color": ink, "width": 4},
            "hoverinfo": "skip",
        },
        {
            "meta": "e1",
            "name": f"î → {vector_text(e1)}",
            "line": {"color": _color("e1"), "width": 4},
            **tip_label("î", e1, _color("e1")),
        },
        {
            "meta": "e2",
            "name": f"ĵ → {vector_text(e2)}",
            "line": {"color": _color("e2"), "width": 4},
            **tip_label("ĵ", e2, _color("e2")),
        },
        {
            "meta": "Av",
            "name": f"Av = {vector_text(image)}",
            "line": {"color": _color("vector"), "width": 3.5},
            **tip_label("Av", image, _color("vector")),
        },
    ]
    eigen_tips = scene.eigen_arrows[-1, :, 1] if len(scene.eigen_spans) else ()
    styles += [
        {
            "meta": "eigenvector",
            "name": f"eigenvector, λ = {text(span.value)}",
            "line": {"color": _color("eigen"), "width": 3.5},
            **tip_label(eigen_name(span.value, tip), tip, _color("eigen"), turn=-2),
        }
        for span, tip in zip(scene.eigen_spans, eigen_tips, strict=True)
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
    animated = [{**style, **values} for style, values in zip(styles, last, strict=True)]

    over = [
        {
            "meta": "v",
            "name": f"v = {vector_text(scene.vector)}",
            "line": {"color": _color("vector"), "width": 2, "dash": "dot"},
            **tip_label("v", scene.vector, _color("vector"), turn=2),
            **xy(scene.vector_arrow),
        }
    ]
    if scene.null_line is not None:
        points, labels = _labelled_line(scene.null_line, "null space", scene.window)
        over.append(
            {
                "meta": "null space",
                "name": "null space (lands on 0)",
                "mode": "lines+text",
                "text": labels,
                "textposition": "bottom right",
                "textfont": {"color": ink, "size": LABEL_SIZE},
                "line": {"color": ink, "width": 2, "dash": "dashdot"},
                **xy(points),
            }
        )
    base = {"type": "scatter", "mode": "lines", "hoverinfo": "name", "showlegend": False}
    data = [{**base, **trace} for trace in under + animated + over]

    moving = list(range(len(under), len(under) + len(animated)))
    names = [f"f{k}" for k in range(n)]
    frames = [
        {"name": name, "data": _frame_data(scene, k, with_flip), "traces": moving}
        for k, name in enumerate(names)
    ]
    x0, x1, y0, y1 = scene.window
    axis = {
        "autorange": False,
        "showgrid": False,  # the ghost grid is the picture's own, one line per unit
        "zerolinecolor": rgba(ink, 0.55),
        "zerolinewidth": 1.5,
    }
    layout = {
        "xaxis": {**axis, "range": [x0, x1]},
        "yaxis": {**axis, "range": [y0, y1]},
        "margin": {"t": 10, "b": 175},
        "showlegend": False,
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
