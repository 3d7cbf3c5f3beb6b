"""Trigonometry & algebra: the unit circle, waves, Fourier series, functions, polynomials,
exp and log, and where they meet machine learning. One part at a time, chosen by ``?part=``."""

from functools import partial

import streamlit as st

from mathviz import algebra, fourier, trig, ui
from mathviz import trig_figures as figures

ANGLE_KEYS = {"degrees": "deg", "radians": "rad"}  # one angle slider per unit, each in the URL


def tall(height: int) -> int:
    """A chart height, a third more in presentation mode (its type is larger)."""
    return round(height * 4 / 3) if ui.presenting() else height


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
    ui.plot(fig, key="circle", height=tall(480))
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
        ui.plot(figures.fourier_figure(sums, dark), key="partial_sums", height=tall(540))
        if sums.overshoot is not None:
            st.info(
                f"Gibbs: the sum overshoots by {100 * sums.overshoot.fraction:.1f}% of the jump. "
                "More harmonics make the overshoot narrower, never lower (it tends to 8.9%)."
            )
    else:
        fig = figures.epicycles_figure(*epicycles(name, n_terms), dark)
        ui.plot(fig, key="epicycles", height=tall(500))
    ui.formula(fourier.partial_sum_latex(coefficients, n_terms))
    if shape.series:
        ui.formula(rf"\text{{{name.lower()}}} = {shape.series}")
    ui.explain(
        f"{shape.description} The coefficients are computed numerically (an FFT of the shape); "
        "the bars are their sizes. In **Epicycles** harmonic n is an arm turning n times per "
        "period, and the height of the chain's tip is the partial sum."
    )


def functions(dark: bool) -> None:
    parent = algebra.PARENTS[ui.select("Parent function f", list(algebra.PARENTS), key="parent")]
    view = algebra.transformation_view(
        parent,
        *ui.sliders(
            ("a: vertical stretch", "ga", -3.0, 3.0, 1.0, 0.1),
            ("b: horizontal squeeze", "gb", -3.0, 3.0, 1.0, 0.1),
            ("h: shift right", "gh", -5.0, 5.0, 0.0, 0.5),
            ("k: shift up", "gk", -5.0, 5.0, 0.0, 0.5),
        ),
    )
    ui.plot(figures.transformation_figure(view, dark), key="functions")
    if view.transformed.b == 0:
        st.info("b = 0 squeezes the graph onto f(0): g is constant, or nothing if f(0) is not.")
    ui.formula(view.latex, caption=f"Asymptotes of g: {view.asymptotes}.")
    ui.explain(
        "Each point (u, f(u)) of the parent moves to (h + u/b, a·f(u) + k): follow the dotted "
        "lines. Inside the brackets things act backwards (b = 2 squeezes, h = 1 moves right), "
        "outside as written. Gaps in the domain stay gaps and the asymptotes move along."
    )


def polynomials(dark: bool) -> None:
    defaults = {"x⁴": 0.0, "x³": 1.0, "x²": -2.0, "x": 1.0, "1": -2.0}  # (x - 2)(x² + 1)
    specs = [
        (f"Coefficient of {term}", f"c{4 - i}", -5.0, 5.0, value, 0.5)
        for i, (term, value) in enumerate(defaults.items())
    ]
    view = algebra.polynomial_view(ui.sliders(*specs))
    ui.plot(figures.polynomial_figure(view, dark), key="polynomial")
    if view.is_zero:
        st.info("All coefficients are 0: the zero polynomial, zero everywhere.")
    ui.formula(view.latex, caption=f"Roots: {view.roots_latex}")
    ui.explain(
        "A polynomial of degree d has exactly d roots if complex ones count. Real roots are "
        "where the graph crosses the x-axis; complex roots come in mirror pairs a ± bi and "
        "leave a bend that misses the axis. Each root r gives a factor (x − r)."
    )


def exp_and_log(dark: bool) -> None:
    base, x, x1, x2 = ui.row(
        lambda: ui.choice("Base b", list(algebra.EXP_BASES), key="logbase"),
        lambda: ui.slider("A point x", "expx", -2.0, 2.0, 1.0, 0.1),
        lambda: ui.slider("x₁", "fac1", 1.0, 10.0, 2.0, 0.1),
        lambda: ui.slider("x₂", "fac2", 1.0, 10.0, 3.0, 0.1),
    )
    view = algebra.exp_log_view(base, x)
    ui.plot(figures.exp_log_figure(view, dark), key="explog", height=tall(520))
    if not view.pair_visible:
        st.info("The point or its mirror image is off the chart: bˣ grows fast.")
    ui.formula(view.latex)
    product = algebra.product_view(x1, x2)
    ui.plot(figures.slide_rule_figure(product, dark), key="sliderule", height=tall(230))
    ui.formula(product.latex)
    ui.explain(
        "Swapping x and y mirrors a graph in y = x, so log_b, which undoes bˣ, is bˣ mirrored: "
        "the asymptote y = 0 becomes x = 0, and log needs x > 0. As b^(m+n) = bᵐ·bⁿ, logs turn "
        "products into sums: log x₁ and log x₂ laid end to end on a log scale reach x₁x₂."
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


def sigmoid_softmax(dark: bool) -> None:
    *logits, temperature = ui.sliders(
        ("Logit z₁", "z1", -5.0, 5.0, 2.0, 0.1),
        ("Logit z₂", "z2", -5.0, 5.0, 1.0, 0.1),
        ("Logit z₃", "z3", -5.0, 5.0, -1.0, 0.1),
        ("Temperature T", "temp", 0.1, 5.0, 1.0, 0.1),
    )
    view = algebra.softmax_view(logits, temperature)
    ui.plot(figures.softmax_figure(view, dark), key="softmax")
    ui.formula(view.latex)
    ui.explain(
        "Softmax makes scores into probabilities with exp (always positive) and a division (they "
        "sum to 1). Only differences of logits matter; for two classes softmax is the sigmoid of "
        "the difference. A high temperature flattens the output, a low one sharpens it."
    )


def log_loss(dark: bool) -> None:
    logit, label = ui.row(
        lambda: ui.slider("Logit z of the model", "logit", -6.0, 6.0, 1.0, 0.1),
        lambda: ui.choice("True label", ["y = 1", "y = 0"], key="truth"),
    )
    view = algebra.log_loss_view(logit, 1 if label == "y = 1" else 0)
    ui.plot(figures.log_loss_figure(view, dark), key="log_loss")
    ui.formula(view.latex)
    ui.explain(
        "A dataset's likelihood is a product of the probabilities given to the true labels; the "
        "log turns it into a sum, and its negative mean is the log-loss. Confident and wrong "
        "costs without bound (the asymptote); against the logit the loss grows only linearly."
    )


def in_ml(dark: bool) -> None:
    examples = {
        "Positional encoding": positional_encoding,
        "Sigmoid & softmax": sigmoid_softmax,
        "Log-loss": log_loss,
    }
    examples[ui.choice("Example", list(examples), key="ml")](dark)


PARTS = {
    "Unit circle": unit_circle,
    "Waves": waves,
    "Fourier series": fourier_series,
    "Functions": functions,
    "Polynomials": polynomials,
    "Exp & log": exp_and_log,
    "In ML": in_ml,
}

ui.page_header(
    "Trigonometry & algebra",
    "Angles become waves, waves build any shape, and four numbers move any graph.",
)
ui.section(partial(PARTS[ui.choice("Part", list(PARTS), key="part")], ui.is_dark()))
ui.why_it_matters(
    "Sines and cosines are how models encode position and periodic time (hour of day, "
    "season), and Fourier's idea, that any signal is a sum of waves, runs through audio "
    "models and convolutions. Algebra is the rest: a neuron computes a·f(b·x + c), a "
    "classifier is exp and log (sigmoid, softmax, log-loss), and training solves equations.",
    short="Waves encode position and time; a neuron is a·f(bx + c); classifiers are exp and log.",
)
ui.learn_more("trig")
