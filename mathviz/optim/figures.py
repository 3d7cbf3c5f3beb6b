"""The pictures of /gradient-descent: the race on the contour map (animated in the browser),
the paths on the 3D surface, and one step of one optimiser; written as plotly dicts
(:class:`mathviz.plot.spec.Prebuilt`).

The map's colour is f, or log₁₀(1 + f − f_min) where f spans many orders of magnitude
(Rosenbrock's valley would be one flat colour otherwise); the level curves are worked out
here (marching squares) and drawn as one SVG path. The race's frames change only what moves:
each optimiser's travelled path (thinned), the heads, the focus optimiser's arrows and the
markers on the curves beside the map.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

import numpy as np

from mathviz.calculus.figures_gradient import label, path_shape
from mathviz.calculus.gradient import SurfaceGrid, level_segments
from mathviz.optim import race
from mathviz.optim.optimizers import Path
from mathviz.optim.surfaces import Surface
from mathviz.plot import theme
from mathviz.plot.animation import animation_controls
from mathviz.plot.spec import Prebuilt, typed
from mathviz.plot.theme import OKABE_ITO
from mathviz.plot.traces import chained_path

GRID = 61  # samples per side of the map
LEVELS = 12
LOG_RANGE = 100  # see MapGrid
CLICK_CELLS = 16  # about this many click points across the map (see click_step)
CURVE_POINTS = 300  # points of a path or a loss curve
FRAMES = 60  # frames of the race (race.frame_steps); plotly glides between them
FRAME_MS = 130  # ~8 s for the race at 1×: slow enough to talk over
FLOOR = 1e-16  # curves on a log axis are drawn down to this
ARROW_SHARE = 0.16  # the longer focus arrow: this share of the map's width
MAP_SCALE = [[0.0, "#1d2733"], [0.55, "#7d8a99"], [1.0, "#eef1f5"]]
LEVEL_INK = "rgba(255, 255, 255, 0.38)"
GRADIENT_INK = "#FFFFFF"
MINIMUM_INK = "#FFFFFF"
# One colour per optimiser, the same on every chart of the page (Okabe-Ito, plus a grey).
COLORS: dict[str, str] = {
    "Gradient descent": OKABE_ITO["sky_blue"],
    "Momentum": OKABE_ITO["orange"],
    "Nesterov": OKABE_ITO["bluish_green"],
    "AdaGrad": OKABE_ITO["reddish_purple"],
    "RMSProp": OKABE_ITO["yellow"],
    "Adam": OKABE_ITO["vermillion"],
    "AdamW": "#F4A6C6",
    "Newton": "#C8C8C8",
}
MAP_DOMAIN = [0.0, 0.64]
PANEL_DOMAIN = [0.74, 1.0]
PANELS = (("gap", "f − f*"), ("grad", "|∇f|"), ("dist", "distance to θ*"))


class MapGrid:
    """f sampled on the window, and the colour the map shows (f or its log)."""

    def __init__(self, surface: Surface) -> None:
        x0, x1, y0, y1 = surface.window
        self.xs, self.ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        with np.errstate(all="ignore"):
            z = np.asarray(surface.value(self.xs[None, :], self.ys[:, None]), dtype=float)
        z = np.where(np.isfinite(z) & (np.abs(z) < 1e12), z, np.nan)
        finite = z[np.isfinite(z)]
        low = float(finite.min()) if finite.size else 0.0
        # Logged when the lowest tenth of the window spans under 1% of the range: the valley
        # would be a single colour (Rosenbrock, Beale), not the bowls or Rastrigin.
        spread = float(np.quantile(finite, 0.1) - low) if finite.size else 1.0
        top = float(finite.max()) if finite.size else 1.0
        self.logged = spread > 0 and (top - low) / spread > LOG_RANGE
        with np.errstate(all="ignore"):
            self.color = np.log10(1 + z - low) if self.logged else z
        self.z, self.low = z, low
        shown = self.color[np.isfinite(self.color)]
        self.cmin = float(shown.min()) if shown.size else 0.0
        self.cmax = float(shown.max()) if shown.size else 1.0
        if self.cmax <= self.cmin:
            self.cmax = self.cmin + 1.0

    def shade(self, values: np.ndarray) -> np.ndarray:
        """The map's colour value of heights ``values`` (for the 3D paths)."""
        with np.errstate(all="ignore"):
            return np.log10(1 + np.maximum(values - self.low, 0)) if self.logged else values

    @property
    def color_title(self) -> str:
        return "log₁₀(1 + f − min f)" if self.logged else "f(x, y)"


@functools.lru_cache(maxsize=16)
def map_grid(surface: Surface) -> MapGrid:
    return MapGrid(surface)


def _places(window: tuple[float, ...]) -> int:
    """Decimals that place a point to a two-thousandth of the window's width."""
    width = float(window[1] - window[0])
    return max(0, math.ceil(-math.log10(width / 2000)))


@functools.lru_cache(maxsize=16)
def _map_layers(surface: Surface) -> tuple[dict, str]:
    """The map's heatmap trace and its level curves as an SVG path, once per surface."""
    grid = map_grid(surface)
    colors = grid.color
    if np.all(np.isfinite(colors)):
        z = {**typed(colors, "f4"), "shape": f"{GRID},{GRID}"}
    else:
        z = [[None if not math.isfinite(v) else round(float(v), 5) for v in row] for row in colors]
    heat = {
        "type": "heatmap", "x": typed(grid.xs, "f4"), "y": typed(grid.ys, "f4"), "z": z,
        "zmin": grid.cmin, "zmax": grid.cmax, "zsmooth": "fast", "colorscale": MAP_SCALE,
        "showscale": False, "hoverinfo": "skip", "name": grid.color_title,
    }  # fmt: skip
    sampled = SurfaceGrid(grid.xs, grid.ys, colors, grid.cmin, grid.cmax)
    step = (grid.cmax - grid.cmin) / LEVELS
    levels = grid.cmin + step / 2 + step * np.arange(LEVELS)
    segments = [s for level in levels for s in level_segments(sampled, float(level))]
    return heat, chained_path(segments, _places(surface.window))


@functools.lru_cache(maxsize=4096)
def _thin(count: int, keep: int) -> np.ndarray:
    """Indices 0..count-1 thinned to about ``keep``: dense at the start (log-spaced), with the
    last always kept."""
    if count <= keep:
        return np.arange(count)
    spaced = np.unique(np.round(np.geomspace(1, count, keep)).astype(int) - 1)
    return np.unique(np.concatenate([[0], spaced, [count - 1]]))


def _xy(points: np.ndarray) -> dict:
    return {"x": typed(points[:, 0], "f4"), "y": typed(points[:, 1], "f4")}


def click_step(window: tuple[float, ...]) -> float:
    """The spacing of the click grid: a round number (1, 2, 2.5 or 5 times a power of ten)
    near a 16th of the window's width, so a click starts at a round point."""
    rough = (window[1] - window[0]) / CLICK_CELLS
    power = 10 ** math.floor(math.log10(rough))
    return power * min((1, 2, 2.5, 5, 10), key=lambda m: abs(m * power - rough))


def _click_grid(surface: Surface) -> dict:
    """Invisible points over the map, one per :func:`click_step`: a click on one sets the
    start there. (Plotly reports a click on a heatmap with no point for Streamlit to read,
    and every point is an SVG element the browser redraws: a few hundred, not thousands.)"""
    x0, x1, y0, y1 = surface.window
    step = click_step(surface.window)
    xs = step * np.arange(math.ceil(x0 / step - 1e-9), math.floor(x1 / step + 1e-9) + 1)
    ys = step * np.arange(math.ceil(y0 / step - 1e-9), math.floor(y1 / step + 1e-9) + 1)
    gx, gy = np.meshgrid(xs, ys)
    return {
        "type": "scatter", "mode": "markers", "x": typed(gx, "f4"), "y": typed(gy, "f4"),
        "marker": {"size": 11, "color": "rgba(0, 0, 0, 0)", "opacity": 0},
        "hovertemplate": "start here: (%{x:.2f}, %{y:.2f})<extra></extra>",
        "name": "click to start", "showlegend": False,
        "selected": {"marker": {"opacity": 0}}, "unselected": {"marker": {"opacity": 0}},
    }  # fmt: skip


def _arrow_points(tail: np.ndarray, vector: np.ndarray, digits: int = 7) -> list:
    """A shaft and two barbs from ``tail`` along ``vector``, as x and y lists with gaps."""
    length = float(np.hypot(*vector))
    if not math.isfinite(length) or length == 0:
        return [[], []]
    head = tail + vector
    back = -0.28 * vector
    points = [tail, head, None]
    for angle in (0.45, -0.45):
        c, s = math.cos(angle), math.sin(angle)
        barb = head + np.array([c * back[0] - s * back[1], s * back[0] + c * back[1]])
        points += [head, barb, None]
    # 7 significant digits are plenty on a screen (the JSON is shorter); a close-up of a tiny
    # step asks for more.
    return [[None if p is None else float(f"{float(p[axis]):.{digits}g}") for p in points]
            for axis in (0, 1)]  # fmt: skip


def focus_arrows(surface: Surface, path: Path, step: int) -> tuple[np.ndarray, ...]:
    """The focus optimiser's arrows of the step from θ at ``step`` (the last step taken, once
    the path has ended): its tail θ, −lr·∇f (what plain gradient descent would do there) and
    the optimiser's actual update, both scaled by one factor (returned last) so that the
    longer is :data:`ARROW_SHARE` of the map's width."""
    k = min(race.at_step(path, step), path.steps - 1)
    if k < 0:
        return path.positions[0], np.zeros(2), np.zeros(2), 1.0
    lr = float(path.records["lr"][k])
    downhill = -lr * np.asarray(path.records["gradient"][k], dtype=float)
    update = np.asarray(path.records["update"][k], dtype=float)
    longest = max(float(np.hypot(*downhill)), float(np.hypot(*update)))
    width = surface.window[1] - surface.window[0]
    scale = ARROW_SHARE * width / longest if longest > 0 and math.isfinite(longest) else 1.0
    return path.positions[k], downhill * scale, update * scale, scale


def _curves(surface: Surface, path: Path) -> dict[str, np.ndarray]:
    gap = race.loss_gap(surface, path)
    dist = race.distance_to_minimum(surface, path)
    return {
        "gap": gap if gap is not None else path.losses,
        "grad": path.grad_norms,
        "dist": dist if dist is not None else np.full(len(path.losses), np.nan),
    }


def _panel_value(values: np.ndarray, logged: bool) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.maximum(values, FLOOR) if logged else values


def race_figure(
    surface: Surface,
    paths: Mapping[str, Path],
    focus: str | None,
    start: tuple[float, float],
    speed: float = 1.0,
    dark: bool = False,
) -> Prebuilt:
    """The race: every path on the map, animated over :func:`race.frame_steps`, with three
    small panels beside it (f − f*, |∇f| and the distance to the nearest known minimum, on
    log axes, against the step); ``focus`` names the optimiser whose arrows are drawn."""
    heat, levels = _map_layers(surface)
    names = list(paths)
    steps = max((p.steps for p in paths.values()), default=0)
    shown = race.frame_steps(steps, FRAMES)
    known = bool(surface.minima)
    curves = {name: _curves(surface, paths[name]) for name in names}
    logs = {"gap": known, "grad": True, "dist": known}
    data: list[dict] = [heat, _click_grid(surface)]
    if known:
        minima = np.asarray(surface.minima, dtype=float)
        data.append({"type": "scatter", "mode": "markers", **_xy(minima), "name": "minimum",
                     "showlegend": False,
                     "marker": {"symbol": "star", "size": 15, "color": MINIMUM_INK,
                                "line": {"color": "#000000", "width": 1}},
                     "hovertemplate": "minimum (%{x:.3g}, %{y:.3g})<extra></extra>"})  # fmt: skip
    data.append({"type": "scatter", "mode": "markers", "x": [start[0]], "y": [start[1]],
                 "name": "start", "showlegend": False, "hoverinfo": "skip",
                 "marker": {"symbol": "circle-open", "size": 14, "color": MINIMUM_INK,
                            "line": {"width": 2}}})  # fmt: skip
    for name in names:  # the whole path: the heads run along it when playing
        keep = _thin(len(paths[name].positions), CURVE_POINTS)
        data.append({"type": "scatter", "mode": "lines", **_xy(paths[name].positions[keep]),
                     "line": {"color": COLORS[name], "width": 2.5}, "opacity": 0.9,
                     "hoverinfo": "skip", "name": name, "legendgroup": name})  # fmt: skip
    for row, (key, title) in enumerate(PANELS, start=2):
        for name in names:
            keep = _thin(len(curves[name][key]), CURVE_POINTS)
            values = _panel_value(curves[name][key][keep], logs[key])
            if not np.any(np.isfinite(values)):
                continue
            values = np.where(np.isfinite(values), values, FLOOR)
            data.append({"type": "scatter", "mode": "lines", "x": typed(keep, "f4"),
                         "y": typed(values, "f4"), "xaxis": f"x{row}", "yaxis": f"y{row}",
                         "line": {"color": COLORS[name], "width": 1.6}, "showlegend": False,
                         "name": name, "hovertemplate": f"{name}<br>step %{{x}}<br>{title} "
                         "= %{y:.3g}<extra></extra>"})  # fmt: skip
    moving_from = len(data)

    shown_values = {key: {n: _panel_value(curves[n][key], logs[key]) for n in names}
                    for key, _ in PANELS}  # fmt: skip

    def moving(step: int, full: bool = False) -> list[dict]:
        """The traces that move, at ``step``: all of each when ``full`` (the figure's own
        data), else only their coordinates (a frame: plotly merges it into the trace)."""
        heads = np.asarray([paths[n].positions[race.at_step(paths[n], step)] for n in names],
                           dtype=float).reshape(-1, 2)  # fmt: skip
        traces = [{**_xy(heads)}]
        arrows = [[[], []], [[], []]]
        if focus in paths and paths[focus].steps > 0:
            tail, downhill, update, _ = focus_arrows(surface, paths[focus], step)
            arrows = [_arrow_points(tail, downhill), _arrow_points(tail, update)]
        traces += [{"x": xs, "y": ys} for xs, ys in arrows]
        for key, _ in PANELS:
            xs, ys = [], []
            for name in names:
                k = race.at_step(paths[name], step)
                value = float(shown_values[key][name][k])
                if math.isfinite(value):
                    xs.append(int(k))
                    ys.append(float(f"{value:.5g}"))
            traces.append({"x": xs, "y": ys})
        if not full:
            return traces
        styles = [
            {
                "type": "scatter",
                "mode": "markers",
                "showlegend": False,
                "name": "now",
                "marker": {
                    "size": 12,
                    "color": [COLORS[n] for n in names],
                    "line": {"color": "#000000", "width": 1.5},
                },
                "text": names,
                "hovertemplate": "%{text}: (%{x:.3g}, %{y:.3g})<extra></extra>",
            }
        ]
        for name, color, dash in (
            ("−lr·∇f (scaled)", GRADIENT_INK, "dot"),
            (f"{focus or 'the'} update (scaled)", COLORS.get(focus, GRADIENT_INK), None),
        ):
            styles.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "name": name,
                    "showlegend": False,
                    "line": {"color": color, "width": 3, "dash": dash},
                    "hoverinfo": "skip",
                }
            )
        for row, (key, _) in enumerate(PANELS, start=2):
            colors = [
                COLORS[n]
                for n in names
                if math.isfinite(_panel_value(curves[n][key][-1:], logs[key])[0])
            ]
            styles.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "xaxis": f"x{row}",
                    "yaxis": f"y{row}",
                    "showlegend": False,
                    "name": "now",
                    "marker": {"size": 9, "color": colors},
                    "hoverinfo": "skip",
                }
            )
        return [style | trace for style, trace in zip(styles, traces, strict=True)]

    last = int(shown[-1])
    data += moving(last, full=True)
    indices = list(range(moving_from, len(data)))
    frames = [{"name": str(int(s)), "data": moving(int(s)), "traces": indices} for s in shown]
    layout = _race_layout(surface, steps, levels, logs, known)
    layout |= animation_controls(
        [f["name"] for f in frames], [str(int(s)) for s in shown], active=len(frames) - 1,
        frame_ms=FRAME_MS, readout="step ", speed=speed, glide=True, ink=theme.ink(dark),
    )  # fmt: skip
    return Prebuilt({"data": data, "layout": layout, "frames": frames})


def _race_layout(surface: Surface, steps: int, levels: str, logs: dict, known: bool) -> dict:
    x0, x1, y0, y1 = surface.window
    layout = {
        "xaxis": {"range": [x0, x1], "domain": MAP_DOMAIN, "zeroline": False,
                  "constrain": "domain"},
        "yaxis": {"range": [y0, y1], "scaleanchor": "x", "scaleratio": 1, "zeroline": False,
                  "constrain": "domain"},
        "shapes": [path_shape(levels, LEVEL_INK, 0.7, "level curves")],
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "hovermode": "closest", "clickmode": "event+select", "dragmode": "pan",
        "margin": {"t": 60, "b": 160, "r": 30},
    }  # fmt: skip
    heights = ((0.72, 0.96), (0.40, 0.64), (0.08, 0.32))
    titles: list[dict] = []
    for row, ((key, title), (low, high)) in enumerate(zip(PANELS, heights, strict=True), 2):
        name = title if (known or key == "grad") else ("f(θ)" if key == "gap" else title)
        layout[f"xaxis{row}"] = {"domain": PANEL_DOMAIN, "anchor": f"y{row}",
                                 "range": [0, max(steps, 1)], "showticklabels": row == 4,
                                 "title": {"text": "step" if row == 4 else ""}}  # fmt: skip
        layout[f"yaxis{row}"] = {"domain": [low, high], "anchor": f"x{row}", "nticks": 3,
                                 "type": "log" if logs[key] else "linear",
                                 "exponentformat": "power"}  # fmt: skip
        titles.append({"text": name, "x": PANEL_DOMAIN[0], "y": high, "xref": "paper",
                       "yref": "paper", "xanchor": "left", "yanchor": "bottom",
                       "showarrow": False, "font": {"size": 13}})  # fmt: skip
    if not known:
        titles.append(label(0.85, 0.2, "no known minimum", "#555555")
                      | {"xref": "paper", "yref": "paper"})  # fmt: skip
    layout["annotations"] = titles
    return layout


def surface_figure(surface: Surface, paths: Mapping[str, Path]) -> Prebuilt:
    """The surface in 3D with every path on it (at its height, in the map's scale)."""
    grid = map_grid(surface)
    shade = grid.color
    z = [[None if not math.isfinite(v) else round(float(v), 4) for v in row] for row in shade]
    if np.all(np.isfinite(shade)):
        z = {**typed(shade, "f4"), "shape": f"{GRID},{GRID}"}
    data: list[dict] = [{
        "type": "surface", "x": typed(grid.xs, "f4"), "y": typed(grid.ys, "f4"), "z": z,
        "colorscale": MAP_SCALE, "showscale": False, "opacity": 0.92, "name": grid.color_title,
        "hoverinfo": "skip", "contours": {"z": {"show": False}},
    }]  # fmt: skip
    lift = 0.01 * (grid.cmax - grid.cmin)
    for name, p in paths.items():
        keep = _thin(len(p.positions), CURVE_POINTS)
        heights = grid.shade(p.losses[keep]) + lift
        heights = np.where(np.isfinite(heights), heights, grid.cmax)
        data.append({"type": "scatter3d", "mode": "lines", "name": name,
                     "x": typed(p.positions[keep, 0], "f4"), "y": typed(p.positions[keep, 1], "f4"),
                     "z": typed(heights, "f4"), "line": {"color": COLORS[name], "width": 6},
                     "hoverinfo": "skip"})  # fmt: skip
    x0, x1, y0, y1 = surface.window
    layout = {
        "scene": {"xaxis": {"title": {"text": "x"}, "range": [x0, x1]},
                  "yaxis": {"title": {"text": "y"}, "range": [y0, y1]},
                  "zaxis": {"title": {"text": grid.color_title}},
                  "aspectmode": "manual", "aspectratio": {"x": 1, "y": 1, "z": 0.55},
                  "camera": {"eye": {"x": 1.1, "y": -1.5, "z": 1.6}}},
        "legend": {"orientation": "h", "x": 0, "y": 1.0},
        "margin": {"l": 0, "r": 0, "t": 30, "b": 0},
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


def _zoom(surface: Surface, centre: np.ndarray, reach: float) -> tuple[float, ...]:
    """A square window around ``centre`` that shows a step of length ``reach`` well (never
    smaller than a millionth of the surface's window, where round-off would show)."""
    width = surface.window[1] - surface.window[0]
    half = max(2.5 * reach, 1e-6 * width)
    if not math.isfinite(half) or half > width:
        return surface.window
    return (centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half)


def _local_map(surface: Surface, window: tuple[float, ...]) -> tuple[dict, str]:
    """The map's colours and level curves on a window of its own (the step's close-up)."""
    x0, x1, y0, y1 = window
    xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    with np.errstate(all="ignore"):
        z = np.asarray(surface.value(xs[None, :], ys[:, None]), dtype=float)
    finite = np.isfinite(z)
    low, high = (float(z[finite].min()), float(z[finite].max())) if finite.any() else (0.0, 1.0)
    if high <= low:
        high = low + 1.0
    cells = [[None if not math.isfinite(v) else float(f"{v:.6g}") for v in row] for row in z]
    heat = {"type": "heatmap", "x": typed(xs, "f8"), "y": typed(ys, "f8"), "z": cells,
            "zmin": low, "zmax": high, "zsmooth": "fast", "colorscale": MAP_SCALE,
            "showscale": False, "hoverinfo": "skip", "name": "f(x, y)"}  # fmt: skip
    step = (high - low) / LEVELS
    sampled = SurfaceGrid(xs, ys, np.where(finite, z, np.nan), low, high)
    segments = [s for v in low + step / 2 + step * np.arange(LEVELS)
                for s in level_segments(sampled, float(v))]  # fmt: skip
    return heat, chained_path(segments, _places(window))


def step_figure(surface: Surface, path: Path, name: str, step: int) -> Prebuilt:
    """Step ``step`` + 1 of one optimiser, close up: θ before it, the path that led there,
    −lr·∇f (what plain gradient descent would do) and the step actually taken, both to scale,
    on the map around them."""
    color = COLORS[name]
    k = min(race.at_step(path, step), max(path.steps - 1, 0))
    before = path.positions[k]
    data: list[dict] = []
    arrows: list[tuple] = []
    reach = 0.0
    if path.steps > 0:
        lr = float(path.records["lr"][k])
        downhill = -lr * np.asarray(path.records["gradient"][k], dtype=float)
        update = path.positions[k + 1] - before
        # Zoomed to the step taken; −lr·∇f may run off the close-up (Adam's step is far
        # shorter than plain gradient descent's would be where the gradient is steep).
        reach = float(np.hypot(*update)) or float(np.hypot(*downhill))
        arrows = [(_arrow_points(before, downhill, 15), "−lr·∇f", GRADIENT_INK, "dot"),
                  (_arrow_points(before, update, 15), f"step {k + 1}", color, None)]  # fmt: skip
    window = _zoom(surface, before, reach)
    heat, levels = _local_map(surface, window)
    data.append(heat)
    keep = _thin(k + 2 if path.steps > k else k + 1, CURVE_POINTS)
    data.append({"type": "scatter", "mode": "lines+markers", **_xy(path.positions[keep]),
                 "name": f"{name}'s path", "line": {"color": color, "width": 1.5},
                 "marker": {"size": 5}, "hoverinfo": "skip"})  # fmt: skip
    for (xs, ys), text, ink, dash in arrows:
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": ys,
                "name": text,
                "line": {"color": ink, "width": 3, "dash": dash},
                "hoverinfo": "skip",
            }
        )
    data.append({"type": "scatter", "mode": "markers", "x": [float(before[0])],
                 "y": [float(before[1])], "name": f"θ before step {k + 1}",
                 "marker": {"size": 13, "color": color, "line": {"color": "#000000",
                                                                 "width": 1.5}},
                 "hoverinfo": "skip"})  # fmt: skip
    x0, x1, y0, y1 = window
    layout = {
        "xaxis": {"range": [x0, x1], "title": {"text": "x"}, "zeroline": False,
                  "constrain": "domain", "exponentformat": "power"},
        "yaxis": {"range": [y0, y1], "title": {"text": "y"}, "scaleanchor": "x",
                  "scaleratio": 1, "zeroline": False, "constrain": "domain",
                  "exponentformat": "power"},
        "shapes": [path_shape(levels, LEVEL_INK, 0.7, "level curves")],
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    }  # fmt: skip
    return Prebuilt({"data": data, "layout": layout})


# ---- Builders of the page's charts from plain settings (the memo keys them) ----------------


def race_chart(settings: race.Settings, focus: str | None, speed: float = 1.0,
               dark: bool = False) -> Prebuilt:  # fmt: skip
    surface, paths = settings.resolve()
    return race_figure(surface, paths, focus, settings.start, speed, dark)


def surface_chart(settings: race.Settings) -> Prebuilt:
    surface, paths = settings.resolve()
    return surface_figure(surface, paths)


def step_chart(settings: race.Settings, name: str, step: int) -> Prebuilt:
    surface, paths = settings.resolve()
    return step_figure(surface, paths[name], name, step)


def theory_chart(l1: float, l2: float, turn: float, lr: float, beta: float,
                 speed: float = 1.0, dark: bool = False) -> Prebuilt:  # fmt: skip
    """The theory lesson's race: gradient descent and the heavy ball on the bowl, one rate."""
    bowl, paths = race.bowl_runs(l1, l2, turn, lr, beta)
    return race_figure(bowl, paths, "Momentum", bowl.start, speed, dark)
