"""What the Trigonometry page says: its formulas with the current numbers, its read-outs and
its notes, made from the results of :mod:`.circle`, :mod:`.waves`, :mod:`.fourier` and
:mod:`.encoding`.

Numbers are written by :mod:`mathviz.core.numbers` with ``places=`` (a fixed number of
decimals, trailing zeros dropped): angles, read-outs and coefficients read to the decimal a
learner compares.
"""

from __future__ import annotations

import re

import numpy as np

from mathviz.core import numbers
from mathviz.core.notes import Note
from mathviz.trig.circle import CirclePoint
from mathviz.trig.encoding import EncodingView
from mathviz.trig.fourier import FourierCoefficients, FourierView
from mathviz.trig.waves import TwoWavesView, WaveView


def _info_if(condition: bool, sentence: str) -> list[Note]:
    """The sentence as an info note when the condition holds, else no note."""
    return [Note("info", sentence)] if condition else []


def _tex(value: float, places: int = 3) -> str:
    return numbers.tex(value, places=places)


# --- the unit circle --------------------------------------------------------------------------


def angle_tex(theta: float) -> str:
    """An angle in radians as LaTeX in both units, e.g. ``60^\\circ = 1.047 = 0.333\\pi``."""
    return (
        rf"{_tex(np.degrees(theta), 1)}^\circ = {_tex(theta)}\ \text{{rad}}"
        rf" = {_tex(theta / np.pi)}\pi"
    )


def angle_label(theta: float) -> str:
    """θ in both units, as the unit-circle figure writes it: ``60° = 1.05 rad``."""
    return f"{numbers.text(np.degrees(theta), places=0)}° = {numbers.text(theta, places=2)} rad"


def degrees_label(theta: float) -> str:
    """θ in whole degrees, for a scrubber step: ``45°``."""
    return f"{numbers.text(np.degrees(theta), places=0)}°"


def circle_readout(point: CirclePoint) -> dict[str, str]:
    """cos θ, sin θ, tan θ and the arc length, to four decimals ("undefined" for tan at 90°)."""
    values = {"cos θ": point.cos, "sin θ": point.sin, "tan θ": point.tan}
    values["arc = θ"] = point.arc_length
    return {name: numbers.text(value, places=4) for name, value in values.items()}


def circle_notes(point: CirclePoint) -> list[Note]:
    """Why tan θ is missing from the picture, when it is."""
    return _info_if(
        not point.tan_defined,
        "cos θ = 0: the extended radius never meets the line x = 1, so tan θ is undefined.",
    )


def circle_latex_lines(point: CirclePoint) -> list[str]:
    """The unit circle's numbers at one angle, as short LaTeX lines (for a narrow column):
    the angle, the point, tan θ, and the identity."""
    return [
        rf"\theta = {angle_tex(point.theta)}",
        rf"(\cos\theta, \sin\theta) = ({_tex(point.cos)}, {_tex(point.sin)})",
        rf"\tan\theta = \frac{{\sin\theta}}{{\cos\theta}} = {_tex(point.tan)}",
        r"\cos^2\theta + \sin^2\theta = 1",
    ]


def circle_latex(point: CirclePoint) -> str:
    """The unit circle's numbers at one angle, as one LaTeX line."""
    angle, where, tan, identity = circle_latex_lines(point)
    return rf"{angle},\quad {where},\quad {identity},\quad {tan}"


# --- waves ------------------------------------------------------------------------------------


def wave_latex(amplitude: float, angular_frequency: float, phase: float, offset: float) -> str:
    """y = A sin(ωx + φ) + c as LaTeX with the numbers in, tidied (no ``1·``, no ``+ -0``)."""
    scale = {1.0: "", -1.0: "-"}.get(float(amplitude), _tex(amplitude, 2))
    rate = {1.0: ""}.get(float(angular_frequency), _tex(angular_frequency, 2))
    shift = "" if phase == 0 else f" {numbers.signed_tex(phase, places=2)}"
    tail = "" if offset == 0 else f" {numbers.signed_tex(offset, places=2)}"
    if amplitude == 0:
        return f"y = {_tex(offset, 2)}"
    return f"y = {scale}\\sin({rate}x{shift}){tail}"


def wave_view_latex_lines(view: WaveView) -> list[str]:
    """The wave, then its period and frequency, then its shift, with the numbers in: three
    short LaTeX lines (for a narrow column)."""
    props = view.properties
    return [
        wave_latex(*view.parameters),
        rf"T = \frac{{2\pi}}{{\omega}} = {_tex(props.period)},\quad f = \frac{{1}}{{T}} = "
        rf"{_tex(props.frequency)}",
        rf"\text{{shift}} = -\varphi/\omega = {_tex(props.phase_shift)}",
    ]


def wave_view_latex(view: WaveView) -> str:
    """The wave and its period, frequency and shift, with the numbers in, as one line."""
    wave, period, _ = wave_view_latex_lines(view)
    shift = rf"\text{{shift}} = -\frac{{\varphi}}{{\omega}} = {_tex(view.properties.phase_shift)}"
    return rf"{wave},\quad {period},\quad {shift}"


def _sine_term(amplitude: float, angular_frequency: float, phase: float) -> str:
    """A sin(ωx + φ) with the numbers in, tidied as :func:`wave_latex` does (no ``y =``)."""
    return wave_latex(amplitude, angular_frequency, phase, 0.0).removeprefix("y = ")


def _argument(rate: float, phase: float) -> str:
    """``kx + φ`` with the numbers in: ``x``, ``0.5x - 1.2``, or ``1.2`` when k = 0."""
    rate_tex = _tex(rate, 2)
    if rate_tex == "0":
        return _tex(phase, 2)
    term = {"1": "x", "-1": "-x"}.get(rate_tex, f"{rate_tex}x")
    shift = "" if _tex(phase, 2) == "0" else f" {numbers.signed_tex(phase, places=2)}"
    return term + shift


def _equals(symbolic: str, numeric: str, narrow: bool) -> str:
    """``symbolic = numeric`` on one line, or (narrow) the numbers on a second line."""
    if not narrow:
        return f"{symbolic} = {numeric}"
    left, right = symbolic.split(" = ", 1)
    return rf"\begin{{aligned}} {left} &= {right} \\ &= {numeric} \end{{aligned}}"


def two_waves_latex_lines(view: TwoWavesView, narrow: bool = False) -> list[str]:
    """The sum, its envelope E(x) and the beat period, each with the current numbers in, as
    three LaTeX formulas (the beat period last); ``narrow`` puts the numbers of each on a
    second line and writes E² and Δω = ω₂ - ω₁, shorter, for a side column."""
    (a1, a2), (w1, w2), phase = view.amplitudes, view.angular_frequencies, view.phase
    terms = [_sine_term(a1, w1, 0.0), _sine_term(a2, w2, phase)]
    total = " + ".join(t for t in terms if t != "0").replace("+ -", "- ") or "0"
    squares, product = a1**2 + a2**2, 2 * a1 * a2
    inside = _tex(squares)
    if _tex(product) != "0":
        inside += rf" + {_tex(product)}\cos({_argument(w2 - w1, phase)})"
    constant = f" = {_tex(float(view.envelope[0]))}" if w1 == w2 else ""  # no beats
    if narrow:  # E² is shorter to write than E, for a side column
        envelope = _equals(
            r"E(x)^2 = A_1^2 + A_2^2 + 2A_1A_2\cos(\Delta\omega\,x + \varphi)",
            inside + (f" = {_tex(float(view.envelope[0]) ** 2)}" if constant else ""),
            narrow,
        )
    else:
        envelope = _equals(
            r"E(x) = \sqrt{A_1^2 + A_2^2 + 2A_1A_2\cos((\omega_2-\omega_1)x + \varphi)}",
            rf"\sqrt{{{inside}}}{constant}",
            narrow,
        )
    return [
        _equals(r"y = A_1\sin(\omega_1 x) + A_2\sin(\omega_2 x + \varphi)", total, narrow),
        envelope,
        _equals(
            r"\text{beat period} = \frac{2\pi}{|\Delta\omega|}"
            if narrow
            else r"\text{beat period} = \frac{2\pi}{|\omega_2 - \omega_1|}",
            rf"\frac{{2\pi}}{{|{_tex(w2, 2)} - {_tex(w1, 2)}|}} = {_tex(view.beat_period)}",
            narrow,
        ),
    ]


def two_waves_latex(view: TwoWavesView) -> str:
    """The sum, the envelope formula and the beat period, with the numbers in, as one line."""
    return r",\quad ".join(two_waves_latex_lines(view))


def wave_notes(view: WaveView) -> list[Note]:
    """A note when the marked period does not fit in the window."""
    return _info_if(
        not view.period_fits,
        "One period is longer than this window: the bracket runs off the edge.",
    )


# --- Fourier series ---------------------------------------------------------------------------

# The textbook series of the shapes that have a tidy closed form (LaTeX), by shape name.
SERIES: dict[str, str] = {
    "Square": r"\frac{4}{\pi}\left(\sin t + \frac{\sin 3t}{3} + \frac{\sin 5t}{5} + \cdots\right)",
    "Sawtooth": r"\frac{2}{\pi}\left(\sin t - \frac{\sin 2t}{2} + \frac{\sin 3t}{3}"
    r" - \cdots\right)",
    "Triangle": r"\frac{8}{\pi^2}\left(\cos t + \frac{\cos 3t}{9} + \frac{\cos 5t}{25}"
    r" + \cdots\right)",
    "Pulse train (25% duty)": r"\frac{1}{4} + \sum_{n\ge1} \frac{2\sin(n\pi/4)}{\pi n}\cos nt",
    "Half-wave rectified sine": r"\frac{1}{\pi} + \frac{\sin t}{2} - \frac{2}{\pi}\sum_{k\ge1}"
    r"\frac{\cos 2kt}{4k^2-1}",
}

# One sentence about each shape, by shape name.
DESCRIPTIONS: dict[str, str] = {
    "Square": "+1 for half a period, -1 for the other half: only odd harmonics, amplitudes 4/(πn).",
    "Sawtooth": "A steady ramp that drops back: every harmonic, amplitudes 2/(πn).",
    "Triangle": "Continuous with corners: amplitudes fall like 1/n², so a few terms suffice.",
    "Pulse train (25% duty)": "On for a quarter of the period: a clock signal, or a pixel row "
    "of a barcode.",
    "Half-wave rectified sine": "A sine with its negative half cut off, as a diode does to "
    "mains current.",
    "Staircase": "Three levels, three jumps: Gibbs' ringing appears at every one of them.",
    "Heartbeat": "A stylised ECG trace: continuous, so the series converges everywhere, "
    "but the sharp spike needs many harmonics.",
}


def partial_sum_latex(coefficients: FourierCoefficients, n_terms: int, shown: int = 3) -> str:
    """S_N(t) with its first few non-zero terms written out, e.g. ``1.273\\sin t + ...``."""
    terms = []
    if abs(coefficients.a0) > 1e-9:
        terms.append(_tex(coefficients.a0 / 2))
    for n in range(1, n_terms + 1):
        for value, name in ((coefficients.a[n - 1], "cos"), (coefficients.b[n - 1], "sin")):
            if abs(value) > 1e-6:
                argument = "t" if n == 1 else f"{n}t"
                terms.append(f"{_tex(value)}\\{name} {argument}")
    if not terms:
        return f"S_{{{n_terms}}}(t) = 0"
    text = " + ".join(terms[:shown]).replace("+ -", "- ")
    more = r" + \cdots" if len(terms) > shown else ""
    return f"S_{{{n_terms}}}(t) = {text}{more}"


def tex_text(words: str) -> str:
    """Words for ``\\text{...}``, with LaTeX's special characters escaped (``25%`` -> ``25\\%``:
    a bare ``%`` starts a comment and KaTeX shows the raw source in red)."""
    return re.sub(r"([%&#_$])", r"\\\1", words)


def series_latex(name: str) -> str | None:
    """``square = 4/π(...)``: the shape's textbook series, None if it has no tidy one."""
    series = SERIES.get(name)
    return None if series is None else rf"\text{{{tex_text(name.lower())}}} = {series}"


def overshoots(view: FourierView) -> bool:
    """Whether the partial sum rises above the shape near a jump (with few harmonics it may
    not yet reach the top of the jump: no overshoot to speak of)."""
    return view.overshoot is not None and view.overshoot.height > 0


def overshoot_percent(view: FourierView) -> str:
    """Gibbs' overshoot as a percentage of the jump, ``8.9%`` ("" for a continuous shape, or
    when the sum does not rise above the shape)."""
    if not overshoots(view):
        return ""
    return f"{numbers.text(100 * view.overshoot.fraction, places=1)}%"


def harmonics_phrase(n: int) -> str:
    """``1 harmonic``, ``5 harmonics``."""
    return f"{n} harmonic" if n == 1 else f"{n} harmonics"


def nonzero_terms(coefficients: FourierCoefficients, n_terms: int) -> int:
    """How many terms of S_N are not zero: the mean a₀/2 and each a_n cos nt, b_n sin nt
    (the square wave's even harmonics are all zero)."""
    mean = int(abs(coefficients.a0) > 1e-9)
    a, b = coefficients.a[:n_terms], coefficients.b[:n_terms]
    return mean + int(np.sum(np.abs(a) > 1e-6) + np.sum(np.abs(b) > 1e-6))


def partial_sum_label(view: FourierView) -> str:
    """The legend of the partial sum, true to what is summed: ``S₅(t): 3 non-zero terms``."""
    k = nonzero_terms(view.coefficients, view.n_terms)
    terms = "1 non-zero term" if k == 1 else f"{k} non-zero terms"
    return f"S{numbers.subscript(view.n_terms)}(t), harmonics up to {view.n_terms}: {terms}"


def tip_label(n_terms: int) -> str:
    """The legend of the epicycles' trace: ``the tip's height: S₇(t)``."""
    return f"the tip's height: S{numbers.subscript(n_terms)}(t)"


def fourier_notes(view: FourierView) -> list[Note]:
    """Gibbs' overshoot in words, for a shape that jumps."""
    if view.overshoot is None:
        return []
    if not overshoots(view):
        return [
            Note(
                "info",
                f"With {harmonics_phrase(view.n_terms)} the sum does not yet reach the top of "
                "the jump, so there is no overshoot yet. Add harmonics: the sum rises past the "
                "shape near each jump, by about 8.9% of the jump (Gibbs' phenomenon).",
            )
        ]
    return [
        Note(
            "info",
            f"Gibbs: the sum overshoots by {overshoot_percent(view)} of the jump. More "
            "harmonics make the overshoot narrower, never lower (it tends to 8.9%).",
        )
    ]


def fourier_explanation(name: str) -> str:
    """The words under the Fourier chart: the shape, then how the chart is made."""
    return (
        f"{DESCRIPTIONS[name]} The coefficients are computed numerically (an FFT of the "
        "shape); the bars are their sizes. In **Epicycles** harmonic n is an arm turning n "
        "times per period, and the height of the chain's tip is the partial sum."
    )


# --- positional encodings ---------------------------------------------------------------------


def encoding_latex_lines(d_model: int) -> list[str]:
    """The definition of the encodings (sines, cosines), and the dot-product identity: three
    LaTeX lines."""
    return [
        rf"PE_{{p,2i}} = \sin\frac{{p}}{{10000^{{2i/{d_model}}}}}",
        rf"PE_{{p,2i+1}} = \cos\frac{{p}}{{10000^{{2i/{d_model}}}}}",
        r"PE_p\cdot PE_{p+k} = \sum_i \cos(k\,\omega_i)",
    ]


def encoding_latex(d_model: int) -> str:
    """The definition of the encodings and the dot-product identity, as one line."""
    sines, cosines, identity = encoding_latex_lines(d_model)
    return rf"{sines},\ {cosines},\quad {identity}"


def encoding_at_latex(view: EncodingView, shown: int = 2) -> str:
    r"""PE at the chosen position p with its first sine-cosine pairs written out and their
    numbers: ``PE_{10} = (\sin 10, \cos 10, \sin 7.499, \ldots) = (-0.544, ...)``."""
    p = view.position
    angles = p * view.frequencies[:shown]
    names, values = [], []
    for pair, angle in enumerate(angles):
        argument = _tex(angle, 3)
        names += [rf"\sin {argument}", rf"\cos {argument}"]
        values += [_tex(v) for v in view.at_position[2 * pair : 2 * pair + 2]]
    more = r", \ldots" if view.d_model > 2 * shown else ""
    return (
        rf"\begin{{aligned}} PE_{{{p}}} &= ({', '.join(names)}{more}) \\"
        rf" &= ({', '.join(values)}{more}) \end{{aligned}}"
    )


def encoding_notes(requested: int, d_model: int) -> list[Note]:
    """A note when an odd d_model (from a link) was rounded down to an even one."""
    return _info_if(
        d_model != requested,
        f"d_model must be even (a sine and a cosine per frequency): using {d_model}.",
    )
