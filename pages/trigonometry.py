"""Trigonometry: the unit circle, waves, Fourier series, and the sinusoidal positional
encodings of Transformers. One part at a time, chosen by ``?part=``."""

import streamlit as st

from mathviz import ui
from mathviz.plot.animation import speed_factor
from mathviz.trig import (
    circle,
    encoding,
    figures_circle,
    figures_encoding,
    figures_fourier,
    figures_waves,
    fourier,
    text,
    waves,
)
from mathviz.trig.params import ANGLE_KEYS, CUSTOM, PARTIAL_SUM
from mathviz.trig.params import TRIGONOMETRY as P
from mathviz.ui.skeleton import Stage


def circle_chart(theta: float, show_tan: bool, dark: bool, speed: float, present: bool):
    """The unit circle at θ; its 121 frames are made once per process (``circle_sweep``)."""
    animation, frames = figures_circle.circle_sweep()
    state = circle.circle_state(theta)
    return figures_circle.unit_circle_figure(
        animation, frames, state, show_tan, dark, speed, present
    )


def epicycles_chart(name: str, n_terms: int, dark: bool, speed: float, present: bool):
    """The epicycles of a shape's partial sum (4-5 ms to build: kept per session only)."""
    coefficients = fourier.fourier_coefficients(fourier.SHAPES[name])
    view = fourier.epicycle_view(coefficients, n_terms)
    return figures_fourier.epicycles_figure(view, dark, speed, present)


def readouts(values: dict[str, str]) -> None:
    """The read-outs as metrics: in one row, or two rows of two in a narrow side column."""
    per_row = 2 if ui.presenting() else len(values)
    items = list(values.items())
    for first in range(0, len(items), per_row):
        row = items[first : first + per_row]
        for column, (name, value) in zip(st.columns(per_row), row, strict=False):
            column.metric(name, value)


def unit_circle(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        if ui.presenting():  # two to a row in the side column: their options stay whole
            unit, speed = ui.controls(P["unit"], P["speed"])
            show_tan = ui.control(P["tan"])
        else:
            unit, show_tan, speed = ui.controls(P["unit"], P["tan"], P["speed"])
        theta = circle.ANGLE_UNITS[unit].to_radians(ui.control(P[ANGLE_KEYS[unit]]))
    with stage.picture:
        present = ui.presenting()
        speed_x = speed_factor(speed)
        ui.plot(circle_chart, theta, show_tan, dark, speed_x, present, key="circle", height=440)
    point = circle.circle_point(theta)
    with stage.words:
        readouts(text.circle_readout(point))
        formulas(text.circle_latex_lines(point), text.circle_latex(point))
        ui.notes(text.circle_notes(point))
    ui.explain(
        "Press **▶ Play**: as θ sweeps a full turn the point's height draws the **sine** and its "
        "horizontal position the **cosine**; the slider under the graph scrubs, on the graph's "
        "own angle axis. The green arc is θ long: one radian is the angle whose arc equals the "
        "radius, so a full turn is 2π ≈ 6.28. **tan θ** is where the extended radius meets the "
        "tangent line x = 1."
    )


def formulas(narrow_lines: list[str], wide: str) -> None:
    """The formulas: short lines beside the picture in presentation mode, else one line."""
    for latex in narrow_lines if ui.presenting() else [wide]:
        ui.formula(latex)


def one_wave(dark: bool, stage: Stage) -> None:
    with stage.controls:
        view = waves.wave_view(*ui.controls(P["amp"], P["omega"], P["phase"], P["mid"]))
    with stage.picture:
        ui.plot(figures_waves.wave_figure, view, dark, key="wave")
    with stage.words:
        formulas(text.wave_view_latex_lines(view), text.wave_view_latex(view))
        ui.notes(text.wave_notes(view))
    ui.explain(
        "A stretches the dashed base sine vertically (negative A flips it), ω squeezes it (ω "
        "waves per 2π), φ slides it left by φ/ω and c lifts the midline. Read the period "
        "between the brackets and the amplitude from the midline to a crest."
    )


def two_waves(dark: bool, stage: Stage) -> None:
    with stage.controls:
        a1, w1, a2, w2, phase = ui.controls(
            P["amp1"], P["omega1"], P["amp2"], P["omega2"], P["phase2"]
        )
    view = waves.two_waves_view((a1, a2), (w1, w2), phase)
    with stage.picture:
        ui.plot(figures_waves.two_waves_figure, view, dark, key="waves2")
    with stage.words:
        for latex in text.two_waves_latex_lines(view, narrow=ui.presenting()):
            ui.formula(latex)
    ui.explain(
        "Close frequencies **beat**: the waves drift in and out of step, so the sum swells and "
        "fades every 2π/|ω₂ − ω₁|. Equal frequencies **interfere**: in step (φ = 0) they add "
        "up; half a turn apart (φ = ±3.14) with equal amplitudes they cancel."
    )


def wave_lessons(dark: bool) -> None:
    stage = ui.stage("stacked")
    modes = dict(zip(P["waves"].options, (one_wave, two_waves), strict=True))
    with stage.controls:
        mode = modes[ui.control(P["waves"])]
    mode(dark, stage)


def fourier_series(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        if ui.presenting():  # the view's two options need a row of their own there
            name, n_terms = ui.controls(P["target"], P["terms"])
            view = ui.control(P["fourier"])
        else:
            name, n_terms, view = ui.controls(P["target"], P["terms"], P["fourier"])
        if name == CUSTOM:
            name = ui.control(P["shape"])
        speed = speed_factor(ui.control(P["speed"])) if view != PARTIAL_SUM else 1.0
    shape = fourier.SHAPES[name]
    coefficients = fourier.fourier_coefficients(shape)
    with stage.picture:
        if view == PARTIAL_SUM:
            sums = fourier.fourier_view(shape, coefficients, n_terms)
            ui.plot(figures_fourier.fourier_figure, sums, dark, key="partial_sums", height=500)
        else:
            present = ui.presenting()
            ui.plot(
                epicycles_chart, name, n_terms, dark, speed, present, key="epicycles", height=480
            )
    with stage.words:
        shown = 2 if ui.presenting() else 3  # terms written out: fewer in the side column
        ui.formula(text.partial_sum_latex(coefficients, n_terms, shown))
        if series := text.series_latex(name):
            ui.formula(series)
        if view == PARTIAL_SUM:
            ui.notes(text.fourier_notes(sums))
    ui.explain(text.fourier_explanation(name))


def positional_encoding(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        requested, n_positions, position = ui.controls(P["dmodel"], P["positions"], P["pos"])
    d_model = int(requested) - int(requested) % 2
    view = encoding.encoding_view(d_model, int(n_positions), int(position))
    with stage.picture:
        ui.plot(figures_encoding.positional_encoding_figure, view, dark, key="encoding", height=520)
    with stage.words:
        ui.formula(text.encoding_at_latex(view, shown=1 if ui.presenting() else 2))
        formulas(text.encoding_latex_lines(d_model), text.encoding_latex(d_model))
        ui.notes(text.encoding_notes(int(requested), d_model))
    ui.plot(figures_encoding.encoding_similarity_figure, view, dark, key="dot_products", height=440)
    ui.explain(
        "Each pair of columns is a point going round a circle at its own speed, from one turn "
        "per 2π positions to one per 10000·2π. As sin·sin + cos·cos is the cosine of the "
        "difference, a dot product of encodings sees only how far apart they are: the heatmap "
        "is constant along diagonals, and every position's dots lie on one curve."
    )


ui.page_header(
    "Trigonometry",
    "Angles become waves, and waves build any shape, including a Transformer's sense of order.",
)
ui.lessons(
    P,
    {
        "Unit circle": unit_circle,
        "Waves": wave_lessons,
        "Fourier series": fourier_series,
        "Positional encoding": positional_encoding,
    },
    dark=ui.is_dark(),
)
ui.why_it_matters(
    "Sines and cosines are how models encode position and periodic time (hour of day, "
    "season): a Transformer adds the encodings above to its word vectors. Fourier's idea, that "
    "any signal is a sum of waves, runs through audio models, convolutions and the spectral "
    "view of what a network learns first.",
    short="Waves encode position and time; any signal is a sum of waves.",
)
ui.learn_more("trig")
