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


def circle_chart(theta: float, show_tan: bool, dark: bool, speed: float = 1.0):
    """The unit circle at θ; its 121 frames are made once per process (``circle_sweep``)."""
    animation, frames = figures_circle.circle_sweep()
    state = circle.circle_state(theta)
    return figures_circle.unit_circle_figure(animation, frames, state, show_tan, dark, speed)


def epicycles_chart(name: str, n_terms: int, dark: bool, speed: float = 1.0):
    """The epicycles of a shape's partial sum (4-5 ms to build: kept per session only)."""
    coefficients = fourier.fourier_coefficients(fourier.SHAPES[name])
    view = fourier.epicycle_view(coefficients, n_terms)
    return figures_fourier.epicycles_figure(view, dark, speed)


def unit_circle(dark: bool) -> None:
    unit, show_tan, speed = ui.controls(P["unit"], P["tan"], P["speed"])
    theta = circle.ANGLE_UNITS[unit].to_radians(ui.control(P[ANGLE_KEYS[unit]]))
    ui.plot(circle_chart, theta, show_tan, dark, speed_factor(speed), key="circle", height=480)
    point = circle.circle_point(theta)
    readout = text.circle_readout(point)
    for column, (name, value) in zip(st.columns(len(readout)), readout.items(), strict=True):
        column.metric(name, value)
    ui.formula(text.circle_latex(point))
    ui.notes(text.circle_notes(point))
    ui.explain(
        "Press **▶ Play**: as θ sweeps a full turn the point's height draws the **sine** and its "
        "horizontal position the **cosine**. The green arc is θ long: one radian is the angle "
        "whose arc equals the radius, so a full turn is 2π ≈ 6.28. **tan θ** is where the "
        "extended radius meets the tangent line x = 1."
    )


def one_wave(dark: bool) -> None:
    view = waves.wave_view(*ui.controls(P["amp"], P["omega"], P["phase"], P["mid"]))
    ui.plot(figures_waves.wave_figure, view, dark, key="wave")
    ui.notes(text.wave_notes(view))
    ui.formula(text.wave_view_latex(view))
    ui.explain(
        "A stretches the dashed base sine vertically (negative A flips it), ω squeezes it (ω "
        "waves per 2π), φ slides it left by φ/ω and c lifts the midline. Read the period "
        "between the brackets and the amplitude from the midline to a crest."
    )


def two_waves(dark: bool) -> None:
    a1, w1, a2, w2, phase = ui.controls(P["amp1"], P["omega1"], P["amp2"], P["omega2"], P["phase2"])
    view = waves.two_waves_view((a1, a2), (w1, w2), phase)
    ui.plot(figures_waves.two_waves_figure, view, dark, key="waves2")
    ui.formula(text.two_waves_latex(view))
    ui.explain(
        "Close frequencies **beat**: the waves drift in and out of step, so the sum swells and "
        "fades every 2π/|ω₂ − ω₁|. Equal frequencies **interfere**: in step (φ = 0) they add "
        "up; half a turn apart (φ = ±3.14) with equal amplitudes they cancel."
    )


def wave_lessons(dark: bool) -> None:
    modes = dict(zip(P["waves"].options, (one_wave, two_waves), strict=True))
    modes[ui.control(P["waves"])](dark)


def fourier_series(dark: bool) -> None:
    name, n_terms, view = ui.controls(P["target"], P["terms"], P["fourier"])
    if name == CUSTOM:
        name = ui.control(P["shape"])
    shape = fourier.SHAPES[name]
    coefficients = fourier.fourier_coefficients(shape)
    if view == PARTIAL_SUM:
        sums = fourier.fourier_view(shape, coefficients, n_terms)
        ui.plot(figures_fourier.fourier_figure, sums, dark, key="partial_sums", height=540)
        ui.notes(text.fourier_notes(sums))
    else:
        speed = speed_factor(ui.control(P["speed"]))
        ui.plot(epicycles_chart, name, n_terms, dark, speed, key="epicycles", height=500)
    ui.formula(text.partial_sum_latex(coefficients, n_terms))
    if series := text.series_latex(name):
        ui.formula(series)
    ui.explain(text.fourier_explanation(name))


def positional_encoding(dark: bool) -> None:
    requested, n_positions, position = ui.controls(P["dmodel"], P["positions"], P["pos"])
    d_model = int(requested) - int(requested) % 2
    ui.notes(text.encoding_notes(int(requested), d_model))
    view = encoding.encoding_view(d_model, int(n_positions), int(position))
    ui.plot(figures_encoding.positional_encoding_figure, view, key="encoding")
    ui.plot(figures_encoding.encoding_similarity_figure, view, dark, key="dot_products")
    ui.formula(text.encoding_latex(d_model))
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
