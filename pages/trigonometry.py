"""Trigonometry: the unit circle, waves, Fourier series, and the sinusoidal positional
encodings of Transformers. One part at a time, chosen by ``?part=``."""

from functools import partial

import streamlit as st

from mathviz import fourier, trig, ui
from mathviz import trig_figures as figures

ANGLE_KEYS = {"degrees": "deg", "radians": "rad"}  # one angle slider per unit, each in the URL


@st.cache_resource(show_spinner=False)
def unit_circle_sweep() -> tuple[trig.CircleAnimation, list[dict]]:
    """A full turn of the unit circle and its 121 frames as plotly JSON: made once, shared."""
    animation = trig.circle_animation()
    return animation, figures.circle_frames(animation)


@st.cache_resource(max_entries=16, show_spinner=False)
def epicycles(name: str, n_terms: int) -> tuple[fourier.EpicycleView, list[dict]]:
    """The epicycles of a shape's partial sum and their frames as plotly JSON, shared."""
    shape = fourier.SHAPES[name]
    view = fourier.epicycle_view(fourier.fourier_coefficients(shape), n_terms)
    return view, figures.epicycle_frames(view)


@st.cache_data(max_entries=64, show_spinner=False)
def partial_sums(name: str, n_terms: int) -> fourier.FourierView:
    shape = fourier.SHAPES[name]
    return fourier.fourier_view(shape, fourier.fourier_coefficients(shape), n_terms)


def unit_circle(dark: bool) -> None:
    unit, show_tan = ui.row(
        lambda: ui.choice("Angle unit", list(trig.ANGLE_UNITS), key="unit"),
        lambda: ui.toggle("Graph of tan", key="tan"),
    )
    low, high, default, step = trig.ANGLE_UNITS[unit].slider
    value = ui.slider(f"θ in {unit}", ANGLE_KEYS[unit], low, high, default, step)
    state = trig.circle_state(trig.ANGLE_UNITS[unit].to_radians(value))
    animation, frames = unit_circle_sweep()
    fig = figures.unit_circle_figure(animation, frames, state, show_tan, dark)
    ui.plot(fig, key="circle", height=480)
    readout = trig.circle_readout(state.point)
    for column, (name, text) in zip(st.columns(len(readout)), readout.items(), strict=True):
        column.metric(name, text)
    ui.formula(trig.circle_latex(state.point))
    if not state.point.tan_defined:
        st.info("cos θ = 0: the extended radius never meets the line x = 1, so tan θ is undefined.")
    ui.explain(
        "Press **▶ Play**: as θ sweeps a full turn the point's height draws the **sine** and its "
        "horizontal position the **cosine**. The green arc is θ long: one radian is the angle "
        "whose arc equals the radius, so a full turn is 2π ≈ 6.28. **tan θ** is where the "
        "extended radius meets the tangent line x = 1."
    )


def one_wave(dark: bool) -> None:
    view = trig.wave_view(
        *ui.sliders(
            ("Amplitude A", "amp", -3.0, 3.0, 1.5, 0.1),
            ("Angular frequency ω", "omega", 0.2, 5.0, 2.0, 0.1),
            ("Phase φ", "phase", -3.14, 3.14, 0.0, 0.01),
            ("Midline c", "mid", -2.0, 2.0, 0.0, 0.1),
        )
    )
    ui.plot(figures.wave_figure(view, dark), key="wave")
    if not view.period_fits:
        st.info("One period is longer than this window: the bracket runs off the edge.")
    ui.formula(view.latex)
    ui.explain(
        "A stretches the dashed base sine vertically (negative A flips it), ω squeezes it (ω "
        "waves per 2π), φ slides it left by φ/ω and c lifts the midline. Read the period "
        "between the brackets and the amplitude from the midline to a crest."
    )


def two_waves(dark: bool) -> None:
    a1, w1, a2, w2, phase = ui.sliders(
        ("A₁", "amp1", 0.0, 2.0, 1.0, 0.1),
        ("ω₁", "omega1", 0.5, 10.0, 5.0, 0.1),
        ("A₂", "amp2", 0.0, 2.0, 1.0, 0.1),
        ("ω₂", "omega2", 0.5, 10.0, 6.0, 0.1),
        ("Phase φ of wave 2", "phase2", -3.14, 3.14, 0.0, 0.01),
    )
    view = trig.two_waves_view((a1, a2), (w1, w2), phase)
    ui.plot(figures.two_waves_figure(view, dark), key="waves2")
    ui.formula(view.latex)
    ui.explain(
        "Close frequencies **beat**: the waves drift in and out of step, so the sum swells and "
        "fades every 2π/|ω₂ − ω₁|. Equal frequencies **interfere**: in step (φ = 0) they add "
        "up; half a turn apart (φ = ±3.14) with equal amplitudes they cancel."
    )


def waves(dark: bool) -> None:
    modes = {"One wave": one_wave, "Sum of two waves": two_waves}
    modes[ui.choice("Show", list(modes), key="waves")](dark)


def fourier_series(dark: bool) -> None:
    name, n_terms, view = ui.row(
        lambda: ui.select("Target", [*fourier.WAVES, "Custom"], key="target"),
        lambda: ui.slider("Harmonics N", "terms", 1, fourier.HARMONICS, 5, 1),
        lambda: ui.choice("View", ["Partial sum", "Epicycles"], key="fourier"),
    )
    if name == "Custom":
        name = ui.select("Custom shape", list(fourier.CUSTOM_SHAPES), key="shape")
    shape = fourier.SHAPES[name]
    coefficients = fourier.fourier_coefficients(shape)
    if view == "Partial sum":
        sums = partial_sums(name, n_terms)
        ui.plot(figures.fourier_figure(sums, dark), key="partial_sums", height=540)
        if sums.overshoot is not None:
            st.info(
                f"Gibbs: the sum overshoots by {100 * sums.overshoot.fraction:.1f}% of the jump. "
                "More harmonics make the overshoot narrower, never lower (it tends to 8.9%)."
            )
    else:
        fig = figures.epicycles_figure(*epicycles(name, n_terms), dark)
        ui.plot(fig, key="epicycles", height=500)
    ui.formula(fourier.partial_sum_latex(coefficients, n_terms))
    if shape.series:
        ui.formula(rf"\text{{{name.lower()}}} = {shape.series}")
    ui.explain(
        f"{shape.description} The coefficients are computed numerically (an FFT of the shape); "
        "the bars are their sizes. In **Epicycles** harmonic n is an arm turning n times per "
        "period, and the height of the chain's tip is the partial sum."
    )


def positional_encoding(dark: bool) -> None:
    requested, n_positions, position = ui.sliders(
        ("d_model", "dmodel", 4, 256, 64, 2),
        ("Positions", "positions", 10, 100, 50, 1),
        ("Position p", "pos", 0, 99, 10, 1),
    )
    d_model = int(requested) - int(requested) % 2
    if d_model != requested:
        st.info(f"d_model must be even (a sine and a cosine per frequency): using {d_model}.")
    view = trig.encoding_view(d_model, int(n_positions), int(position))
    ui.plot(figures.positional_encoding_figure(view), key="encoding")
    ui.plot(figures.encoding_similarity_figure(view, dark), key="dot_products")
    ui.formula(view.latex)
    ui.explain(
        "Each pair of columns is a point going round a circle at its own speed, from one turn "
        "per 2π positions to one per 10000·2π. As sin·sin + cos·cos is the cosine of the "
        "difference, a dot product of encodings sees only how far apart they are: the heatmap "
        "is constant along diagonals, and every position's dots lie on one curve."
    )


PARTS = {
    "Unit circle": unit_circle,
    "Waves": waves,
    "Fourier series": fourier_series,
    "Positional encoding": positional_encoding,
}

ui.page_header(
    "Trigonometry",
    "Angles become waves, and waves build any shape, including a Transformer's sense of order.",
)
ui.section(partial(PARTS[ui.choice("Part", list(PARTS), key="part")], ui.is_dark()))
ui.why_it_matters(
    "Sines and cosines are how models encode position and periodic time (hour of day, "
    "season): a Transformer adds the encodings above to its word vectors. Fourier's idea, that "
    "any signal is a sum of waves, runs through audio models, convolutions and the spectral "
    "view of what a network learns first.",
    short="Waves encode position and time; any signal is a sum of waves.",
)
ui.learn_more("trig")
