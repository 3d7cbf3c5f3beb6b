import plotly.graph_objects as go
import pytest

from mathviz.plot import theme

# Okabe & Ito (2008), Color Universal Design, as published (sRGB).
PUBLISHED = {
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (204, 121, 167),
    (0, 0, 0),
}


def _rgb(hex_color):
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def test_palette_is_okabe_ito():
    assert {_rgb(c) for c in theme.OKABE_ITO.values()} == PUBLISHED
    assert {_rgb(c) for c in theme.COLORWAY} <= PUBLISHED - {(0, 0, 0)}


def test_contrast_ratio_matches_wcag_reference_values():
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_reads_well_on_both_themes(mode):
    assert theme.contrast_ratio(theme.INK[mode], theme.BACKGROUND[mode]) >= 7


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_main_roles_meet_wcag_graphics_contrast(mode):
    # WCAG 2.1 asks 3:1 for graphical objects. Okabe-Ito's orange, sky blue and yellow fall
    # short on white, so the roles a figure leans on (first curve, highlighted item) are the
    # ones that pass on both themes; the pale colours are for fills and thick lines only.
    for role in ("primary", "tertiary", "accent", "highlight"):
        ratio = theme.contrast_ratio(theme.COLORS[role], theme.BACKGROUND[mode])
        assert ratio >= 3, (mode, role, ratio)


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("dark", [False, True])
def test_style_spec(dark, present):
    spec = go.Figure(go.Scatter(x=[0, 1], y=[0, 1])).to_dict()
    fig = go.Figure(theme.style_spec(spec, dark=dark, present=present))  # plotly accepts it
    layout = fig.layout
    assert layout.height == theme.CHART_HEIGHT[present]
    assert layout.template.layout.font.size == theme.FONT_SIZE[present]
    assert layout.template.layout.font.color == theme.ink(dark)
    assert list(layout.template.layout.colorway) == list(theme.COLORWAY)
    assert theme.FONT_SIZE[True] >= 1.4 * theme.FONT_SIZE[False]


def test_style_keeps_an_explicit_height_and_the_builders_layout():
    built = theme.equal_aspect(go.Figure(layout={"title": {"text": "t"}}))
    spec = theme.style_spec(built.to_dict(), height=123)
    fig = go.Figure(spec)
    assert fig.layout.height == 123
    assert fig.layout.title.text == "t" and fig.layout.yaxis.scaleanchor == "x"


def test_presentation_heights_fit_a_720_pixel_projector():
    # Taller in proportion with the larger type, but a chart never outgrows a 720 px screen
    # with the page's compact header above it, not even a builder's own taller chart.
    assert theme.CHART_HEIGHT[False] < theme.CHART_HEIGHT[True] <= theme.PRESENT_MAX_HEIGHT
    assert theme.PRESENT_MAX_HEIGHT + 150 <= 720
    assert theme.present_height(300) == round(300 * 500 / 460)
    assert theme.present_height(520) == theme.PRESENT_MAX_HEIGHT
    assert theme.present_height(700) == theme.PRESENT_MAX_HEIGHT  # never past the fold


def test_presentation_mode_scales_plotlys_own_controls_without_touching_the_builders_dicts():
    from mathviz.plot.animation import animation_controls

    controls = animation_controls(["a", "b"], ["0", "1"], active=0, readout="k = ", ink="#000")
    spec = {"data": [], "layout": dict(controls)}
    before = repr(controls)
    layout = theme.style_spec(dict(spec, layout=dict(spec["layout"])), present=True)["layout"]
    assert repr(controls) == before  # the remembered figure's entries are shared, read-only
    menu, slider = layout["updatemenus"][0], layout["sliders"][0]
    assert menu["font"] == {"size": theme.CONTROL_FONT_SIZE, "color": "#000"}
    assert slider["currentvalue"]["font"]["size"] == theme.CONTROL_FONT_SIZE
    # The labels under the slider are hidden (the read-out shows them): they stay tiny, so
    # that the last one does not reach past the chart's edge.
    assert slider["font"] == {"color": "rgba(0, 0, 0, 0)", "size": 1}
    shown = animation_controls(["a", "b"], ["0", "1"], active=0, ink="#000")
    scaled = theme.style_spec({"data": [], "layout": dict(shown)}, present=True)["layout"]
    assert scaled["sliders"][0]["font"]["size"] == theme.CONTROL_FONT_SIZE
    go.Figure(theme.style_spec(spec, present=True))  # plotly accepts it
    normal = theme.style_spec({"data": [], "layout": dict(controls)})["layout"]
    assert normal["updatemenus"][0]["font"]["size"] == 14  # the normal layout as built


def test_equal_aspect_single_and_subplot():
    from plotly.subplots import make_subplots

    fig = theme.equal_aspect(go.Figure())
    assert fig.layout.yaxis.scaleanchor == "x"
    fig = make_subplots(rows=1, cols=2)
    theme.equal_aspect(fig, row=1, col=2)
    assert fig.layout.yaxis2.scaleanchor == "x2"
    assert fig.layout.yaxis.scaleanchor is None
