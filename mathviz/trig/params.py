"""The Trigonometry page's URL state: every control, declared once."""

from mathviz.params import choice, page, part, select, slider, toggle
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS
from mathviz.trig.circle import ANGLE_UNITS
from mathviz.trig.fourier import CUSTOM_SHAPES, HARMONICS, WAVES

ANGLE_KEYS = {"degrees": "deg", "radians": "rad"}  # one angle slider per unit, each in the URL
CIRCLE, WAVE, SERIES, ENCODING = "Unit circle", "Waves", "Fourier series", "Positional encoding"
ONE_WAVE, TWO_WAVES = "One wave", "Sum of two waves"
PARTIAL_SUM, EPICYCLES = "Partial sum", "Epicycles"
CUSTOM = "Custom"


def _angle(unit: str):
    low, high, default, step = ANGLE_UNITS[unit].slider
    return slider(
        ANGLE_KEYS[unit],
        f"θ in {unit}",
        low,
        high,
        default,
        step,
        part=CIRCLE,
        doc=f"θ in {unit} (shown when the angle unit is {unit})",
    )


def _speed() -> object:
    """The ``speed`` of every Play of the app: the same control as on the linear-algebra pages
    (:func:`mathviz.linalg.params.speed`; a test checks that a key means one thing)."""
    return choice(
        "speed",
        "Play speed",
        list(SPEEDS),
        DEFAULT_SPEED,
        part=f"{CIRCLE}, {SERIES}",
        doc="how fast ▶ Play runs: `1×` is slow enough to talk over",
    )


TRIGONOMETRY = page(
    "trigonometry",
    part("Part", [CIRCLE, WAVE, SERIES, ENCODING]),
    choice("unit", "Angle unit", list(ANGLE_UNITS), part=CIRCLE, doc="the angle unit"),
    _angle("degrees"),
    _angle("radians"),
    toggle("tan", "Graph of tan", part=CIRCLE, doc="also draw the graph of tan"),
    _speed(),
    choice("waves", "Show", [ONE_WAVE, TWO_WAVES], part=WAVE, doc="one wave, or the sum of two"),
    slider(
        "amp",
        "Amplitude A",
        -3.0,
        3.0,
        1.5,
        0.1,
        part=WAVE,
        doc="A of one wave y = A sin(ωx + φ) + c",
    ),
    slider("omega", "Angular frequency ω", 0.2, 5.0, 2.0, 0.1, part=WAVE, doc="ω of one wave"),
    slider("phase", "Phase φ", -3.14, 3.14, 0.0, 0.01, part=WAVE, doc="φ of one wave"),
    slider("mid", "Midline c", -2.0, 2.0, 0.0, 0.1, part=WAVE, doc="c of one wave, its midline"),
    slider(
        "amp1", "A₁", 0.0, 2.0, 1.0, 0.1, part=WAVE, doc="sum of two waves: the first's amplitude"
    ),
    slider(
        "omega1",
        "ω₁",
        0.5,
        10.0,
        5.0,
        0.1,
        part=WAVE,
        doc="sum of two waves: the first's angular frequency",
    ),
    slider(
        "amp2", "A₂", 0.0, 2.0, 1.0, 0.1, part=WAVE, doc="sum of two waves: the second's amplitude"
    ),
    slider(
        "omega2",
        "ω₂",
        0.5,
        10.0,
        6.0,
        0.1,
        part=WAVE,
        doc="sum of two waves: the second's angular frequency",
    ),
    slider(
        "phase2",
        "Phase φ of wave 2",
        -3.14,
        3.14,
        0.0,
        0.01,
        part=WAVE,
        doc="sum of two waves: the second's phase",
    ),
    select("target", "Target", [*WAVES, CUSTOM], part=SERIES, doc="the shape the series builds"),
    slider(
        "terms", "Harmonics N", 1, HARMONICS, 5, 1, part=SERIES, doc="the number of harmonics N"
    ),
    choice(
        "fourier",
        "View",
        [PARTIAL_SUM, EPICYCLES],
        part=SERIES,
        doc="the partial sum, or the epicycles drawing it",
    ),
    select(
        "shape",
        "Custom shape",
        list(CUSTOM_SHAPES),
        part=SERIES,
        doc="the shape when the target is `Custom`",
    ),
    slider(
        "dmodel", "d_model", 4, 256, 64, 2, part=ENCODING, doc="the encoding's dimension (even)"
    ),
    slider("positions", "Positions", 10, 100, 50, 1, part=ENCODING, doc="the number of positions"),
    slider(
        "pos",
        "Position p",
        0,
        99,
        10,
        1,
        part=ENCODING,
        doc="the position p whose dot products are shown",
    ),
)
