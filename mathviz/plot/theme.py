"""One plotly look for the whole app: Okabe-Ito colours, projector-sized fonts, light and dark.

Figure builders pick colours from :data:`COLORS` by role and leave the rest to
:func:`style_spec`, which the Streamlit adapter applies to every chart it draws.
"""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go

from mathviz.plot.animation import HIDDEN

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
# deficiencies. Black is left out of traces: it vanishes on the dark theme; use INK instead.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

# Roles, so that "the first vector is blue, the second orange" holds on every page.
COLORS: dict[str, str] = {
    "primary": OKABE_ITO["blue"],
    "secondary": OKABE_ITO["orange"],
    "tertiary": OKABE_ITO["bluish_green"],
    "accent": OKABE_ITO["vermillion"],
    "highlight": OKABE_ITO["reddish_purple"],
    "soft": OKABE_ITO["sky_blue"],
    "warm": OKABE_ITO["yellow"],
}
COLORWAY: tuple[str, ...] = tuple(COLORS.values())

# Page background and text, matching Streamlit's built-in light and dark themes.
BACKGROUND = {"light": "#FFFFFF", "dark": "#0E1117"}
INK = {"light": "#262730", "dark": "#FAFAFA"}
GRID = {"light": "rgba(38, 39, 48, 0.12)", "dark": "rgba(250, 250, 250, 0.14)"}

FONT_FAMILY = '"Source Sans", "Source Sans Pro", sans-serif'  # Streamlit's own, bundled
FONT_SIZE = {False: 15, True: 22}  # keyed by presentation mode
# Presentation mode's charts are a little taller and never taller than PRESENT_MAX_HEIGHT, so a
# picture under the page's compact header (title, idea, part chooser: about 150 px) fits a
# 1280x720 projector's first screen; its formula and controls are beside it (ui.stage).
CHART_HEIGHT = {False: 460, True: 500}
PRESENT_MAX_HEIGHT = 540
# A height for style_spec meaning "none of its own": the chart fills its container's height
# (presentation mode's stage picture).
STRETCH = -1
# Plotly's own controls (Play/Pause, a frame slider's labels) in presentation mode: the size of
# Streamlit's control text there (1.15rem, in mathviz.ui.shell), so that a row of five stage
# buttons still fits a chart beside its formula at 1280 px.
CONTROL_FONT_SIZE = 18


def ink(dark: bool) -> str:
    """The text colour of the theme, for axes, labels and neutral reference lines."""
    return INK["dark" if dark else "light"]


@lru_cache(maxsize=4)
def template(dark: bool = False, present: bool = False) -> go.layout.Template:
    """The app's plotly template for a theme (light/dark) and a mode (normal/presentation).

    Cached: building a template costs about a millisecond, and every chart of every rerun
    asks for one. Plotly copies it into each figure, so sharing it is safe.
    """
    mode = "dark" if dark else "light"
    size = FONT_SIZE[present]
    axis = {
        "gridcolor": GRID[mode],
        "zerolinecolor": GRID[mode],
        "linecolor": GRID[mode],
        "tickfont": {"size": size},
        "title": {"font": {"size": size + 1}},
        "automargin": True,
    }
    return go.layout.Template(
        layout={
            "colorway": list(COLORWAY),
            "font": {"family": FONT_FAMILY, "size": size, "color": INK[mode]},
            "title": {"font": {"size": size + 5}, "x": 0.0, "xanchor": "left"},
            "paper_bgcolor": "rgba(0, 0, 0, 0)",
            "plot_bgcolor": "rgba(0, 0, 0, 0)",
            "xaxis": axis,
            "yaxis": axis,
            "legend": {"font": {"size": size - 1}, "bgcolor": "rgba(0, 0, 0, 0)"},
            "hoverlabel": {"font": {"size": size}},
            "margin": margins(present),
            "coloraxis": {"colorbar": {"tickfont": {"size": size - 1}}},
        }
    )


def margins(present: bool = False) -> dict[str, int]:
    """Room around the plot for tick labels and axis titles at the mode's font size.

    Plotly's automargin grows a margin that is too small, but only after drawing the axes,
    and then draws the whole figure again: twice the time of every chart change. Margins
    that already fit the usual labels (five characters of tick label, "−0.75", and an axis
    title) keep that to one draw; automargin stays on for the unusual label, and
    ``python -m bench.plotcost`` lists every figure whose margin plotly had to grow.
    """
    size = FONT_SIZE[present]
    return {"l": round(4.0 * size), "r": 20, "t": 60, "b": round(3.8 * size)}


LOG_AXIS_LEFT = 76  # left margin for a log axis' labels (10⁻¹² and its title) at normal size


@lru_cache(maxsize=4)
def _template_json(dark: bool, present: bool) -> dict:
    return template(dark=dark, present=present).to_plotly_json()


def style_spec(
    spec: dict, *, dark: bool = False, present: bool = False, height: int | None = None
) -> dict:
    """Apply the app's template and a height to a figure's dict (``fig.to_dict()``), in place.

    Works on plain dicts, so plotly validates nothing: the cheap way to restyle a large
    animated figure on every rerun. The template dict is shared between specs, read-only.
    The template never overrides what a builder chose explicitly (an equal aspect, a title).
    """
    layout = spec.setdefault("layout", {})
    layout["template"] = _template_json(dark, present)
    if height == STRETCH:
        layout.pop("height", None)
        layout["autosize"] = True
    else:
        layout["height"] = height if height is not None else CHART_HEIGHT[present]
    if present:
        _scale_chart_controls(layout, CONTROL_FONT_SIZE)
    return spec


def present_height(height: int) -> int:
    """A chart's height in presentation mode, from its height in the normal layout: taller in
    proportion (its type is larger), never above :data:`PRESENT_MAX_HEIGHT`."""
    scaled = round(height * CHART_HEIGHT[True] / CHART_HEIGHT[False])
    return min(scaled, PRESENT_MAX_HEIGHT)


def _scale_chart_controls(layout: dict, size: int) -> None:
    """Set plotly's own controls (Play/Pause buttons, the frame slider's labels and read-out)
    in the mode's type, as Streamlit's controls are, without touching the builder's dicts
    (shared with a remembered figure): the lists and the entries changed are copies."""
    for name in ("updatemenus", "sliders"):
        if layout.get(name):
            layout[name] = [_with_font_size(entry, size) for entry in layout[name]]
    for index, slider in enumerate(layout.get("sliders") or ()):
        current = slider.get("currentvalue")
        if current:
            layout["sliders"][index] = {**slider, "currentvalue": _with_font_size(current, size)}


def _with_font_size(entry: dict, size: int) -> dict:
    font = entry.get("font", {})
    if font.get("color") == HIDDEN:  # hidden labels (a read-out shows them) stay small
        return entry
    return {**entry, "font": {**font, "size": size}}


def equal_aspect(fig: go.Figure, row: int | None = None, col: int | None = None) -> go.Figure:
    """Make one unit on x as long as one unit on y (circles look round, angles look right)."""
    if row is None:
        fig.update_yaxes(scaleanchor="x", scaleratio=1)
        return fig
    xaxis = fig.get_subplot(row, col).xaxis.plotly_name.replace("axis", "")
    fig.update_yaxes(scaleanchor=xaxis, scaleratio=1, row=row, col=col)
    return fig


def relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of a ``#RRGGBB`` colour."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(color_a: str, color_b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    high, low = sorted((relative_luminance(color_a), relative_luminance(color_b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
