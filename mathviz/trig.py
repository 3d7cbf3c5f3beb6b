"""Trigonometry as numbers: the unit circle, waves, their sums, and positional encodings.

Pure numpy: every function takes and returns plain numbers or arrays, so the figures
(:mod:`mathviz.trig_figures`) only place what is computed here, and the tests can check it
against numpy, scipy and identities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TAU = 2.0 * np.pi
COS_ZERO = 1e-12  # |cos θ| below this: θ is an odd multiple of π/2, where tan is undefined
TAN_LIMIT = 3.0  # the unit-circle picture shows -1.45 ≤ y ≤ 1.45: tan is drawn up to ±3


# --- angles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AngleUnit:
    """A way of measuring angles.

    Attributes
    ----------
    name : the unit's name, as the unit control shows it.
    per_turn : how many units make one full turn (360 or 2π).
    slider : (minimum, maximum, default, step) of the angle slider in this unit.
    """

    name: str
    per_turn: float
    slider: tuple[float, float, float, float]

    def to_radians(self, value: float) -> float:
        """The angle ``value`` (in this unit) in radians."""
        return float(value) * TAU / self.per_turn


ANGLE_UNITS: dict[str, AngleUnit] = {
    "degrees": AngleUnit("degrees", 360.0, (0, 360, 60, 1)),
    # 1 rad by default: the angle whose arc is exactly as long as the radius.
    "radians": AngleUnit("radians", TAU, (0.0, 6.28, 1.0, 0.01)),
}


def format_angle(theta: float) -> str:
    """An angle in radians as LaTeX in both units, e.g. ``60^\\circ = 1.047 = 0.333\\pi``."""
    degrees = np.degrees(theta)
    return (
        f"{format_number(degrees, 1)}^\\circ = {format_number(theta, 3)}\\ \\text{{rad}}"
        f" = {format_number(theta / np.pi, 3)}\\pi"
    )


def format_number(value: float | None, digits: int = 3) -> str:
    """A number rounded for reading: no ``-0``, no trailing zeros; ``None``/NaN/inf as words.

    Parameters
    ----------
    value : the number (``None`` and NaN read "undefined").
    digits : decimals kept.
    """
    if value is None or np.isnan(value):
        return "undefined"
    if np.isinf(value):
        return "\\infty" if value > 0 else "-\\infty"
    text = f"{float(value):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def signed(value: float, digits: int = 3) -> str:
    """``value`` with an explicit sign, for the middle of a formula: ``+ 2``, ``- 0.5``."""
    text = format_number(abs(value), digits)
    return f"- {text}" if value < 0 and text != "0" else f"+ {text}"


# --- the unit circle --------------------------------------------------------------------------


def safe_tan(theta: np.ndarray | float) -> np.ndarray:
    """tan θ, with NaN where it is undefined (cos θ = 0), and no floating-point warnings.

    Parameters
    ----------
    theta : angles in radians, any shape.

    Returns
    -------
    ndarray of the same shape: sin θ / cos θ, NaN where ``|cos θ| < COS_ZERO``.
    """
    theta = np.asarray(theta, dtype=float)
    cos = np.cos(theta)
    defined = np.abs(cos) >= COS_ZERO
    return np.divide(np.sin(theta), cos, out=np.full(theta.shape, np.nan), where=defined)


@dataclass(frozen=True)
class CirclePoint:
    """Everything the unit circle shows at one angle.

    Attributes
    ----------
    theta : the angle in radians, 0 ≤ θ.
    cos, sin : the point's coordinates (cos θ, sin θ).
    tan : where the line through the origin and the point meets the tangent line x = 1,
        i.e. the point (1, tan θ); NaN when that line is parallel to it (cos θ = 0).
    arc_length : the length of the arc from (1, 0) to the point: θ itself, since r = 1.
    """

    theta: float
    cos: float
    sin: float
    tan: float
    arc_length: float

    @property
    def tan_defined(self) -> bool:
        return bool(np.isfinite(self.tan))


def circle_point(theta: float) -> CirclePoint:
    """The point of the unit circle at angle ``theta`` (radians) and its trigonometry.

    Notes
    -----
    cos θ and sin θ are the point's coordinates; tan θ = sin θ / cos θ is the height at which
    the ray from the origin through the point meets the tangent line x = 1; the arc from (1, 0)
    has length r·θ = θ, which is what "θ radians" means.
    """
    theta = float(theta)
    # Quarter turns are exact: cos 90° is 0, not 6e-17, so tan 90° is undefined, not 1.6e16.
    quarters = theta / (np.pi / 2)
    if abs(quarters - round(quarters)) < 1e-12:
        cos, sin = ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))[round(quarters) % 4]
    else:
        cos, sin = float(np.cos(theta)), float(np.sin(theta))
    tan = sin / cos if abs(cos) >= COS_ZERO else float("nan")
    return CirclePoint(theta, cos, sin, tan, abs(theta))


@dataclass(frozen=True)
class CircleState:
    """What the unit-circle picture shows at one angle: the point, its arc, and the graphs
    of sin, cos and tan drawn so far (from 0 up to θ).

    Attributes
    ----------
    point : the point and its values.
    arc : (n, 2) the arc from (1, 0) to the point.
    trail : (m, 3) rows (t, sin t, cos t) for 0 ≤ t ≤ θ.
    tan_trail : (k, 2) rows (t, tan t) for 0 ≤ t ≤ θ, NaN rows at the asymptotes.
    """

    point: CirclePoint
    arc: np.ndarray
    trail: np.ndarray
    tan_trail: np.ndarray


def circle_state(theta: float, step: float = np.radians(5)) -> CircleState:
    """The unit-circle picture at ``theta`` (radians).

    Parameters
    ----------
    theta : the angle, ≥ 0.
    step : the angle between samples of the arc and of the sin and cos graphs (5°: a curve
        bends by 0.1% of its height between samples); tan, which bends sharply near its
        asymptotes, is sampled as often but only up to |tan| = ``TAN_LIMIT``.
    """
    t = np.append(np.arange(0.0, theta, step), theta)
    tan_t, tan_y = tan_curve(t, TAN_LIMIT)
    return CircleState(
        point=circle_point(theta),
        arc=np.column_stack([np.cos(t), np.sin(t)]),
        trail=np.column_stack([t, np.sin(t), np.cos(t)]),
        tan_trail=np.column_stack([tan_t, tan_y]),
    )


@dataclass(frozen=True)
class CircleAnimation:
    """A full turn of the unit circle, and the graphs it traces.

    Attributes
    ----------
    frames : the picture at n equally spaced angles from 0 to 2π, both ends included (with
        121 frames, every 3°: the quarter turns are frames).
    curve : (m, 3) rows (t, sin t, cos t), 0 ≤ t ≤ 2π, finely sampled for the graphs.
    tan_curve : (k, 2) rows (t, tan t), NaN rows at the asymptotes.
    asymptotes : the asymptotes of tan in [0, 2π]: π/2 and 3π/2.
    """

    frames: tuple[CircleState, ...]
    curve: np.ndarray
    tan_curve: np.ndarray
    asymptotes: np.ndarray

    def nearest_frame(self, theta: float) -> int:
        """The index of the frame whose angle is closest to ``theta``."""
        step = TAU / (len(self.frames) - 1)
        return int(np.clip(round(theta / step), 0, len(self.frames) - 1))


def circle_animation(n_frames: int = 121, n_curve: int = 361) -> CircleAnimation:
    """The frames and graphs for sweeping θ from 0 to 2π."""
    t = np.linspace(0.0, TAU, n_curve)
    tan_t, tan_y = tan_curve(t, TAN_LIMIT)
    return CircleAnimation(
        frames=tuple(circle_state(theta) for theta in np.linspace(0.0, TAU, n_frames)),
        curve=np.column_stack([t, np.sin(t), np.cos(t)]),
        tan_curve=np.column_stack([tan_t, tan_y]),
        asymptotes=tan_asymptotes(0.0, TAU),
    )


def with_breaks(x: np.ndarray, y: np.ndarray, breaks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Insert a NaN into a sampled curve at each break, so a plot does not join across it.

    Parameters
    ----------
    x : (n,) increasing sample positions.
    y : (n,) values.
    breaks : positions of asymptotes or jumps; those outside ``x``'s range are ignored.

    Returns
    -------
    x, y : (n + k,) arrays with (break, NaN) inserted in order, k the number of breaks inside.
    """
    breaks = np.asarray(breaks, dtype=float)
    breaks = breaks[(breaks > x[0]) & (breaks < x[-1])]
    where = np.searchsorted(x, breaks)
    return np.insert(x, where, breaks), np.insert(y, where, np.nan)


def tan_curve(x: np.ndarray, limit: float = 20.0) -> tuple[np.ndarray, np.ndarray]:
    """tan x sampled for drawing: broken at every asymptote, values beyond ±``limit`` dropped.

    Parameters
    ----------
    x : (n,) increasing angles in radians.
    limit : |tan| above this is left out (pick it beyond the chart's range: the line then
        leaves the chart as the curve does).

    Returns
    -------
    x, y : arrays with NaN at each asymptote x = π/2 + kπ inside the range and in place of
        each run of dropped values, so no line joins +∞ to -∞.
    """
    y = safe_tan(x)
    y[np.abs(np.nan_to_num(y, nan=0.0)) > limit] = np.nan
    x, y = with_breaks(x, y, tan_asymptotes(x[0], x[-1]))
    repeated = np.isnan(y) & np.isnan(np.concatenate([[0.0], y[:-1]]))
    return x[~repeated], y[~repeated]  # one NaN per break is enough


def tan_asymptotes(start: float, stop: float) -> np.ndarray:
    """The asymptotes x = π/2 + kπ of tan inside [start, stop]."""
    first = np.ceil((start - np.pi / 2) / np.pi)
    last = np.floor((stop - np.pi / 2) / np.pi)
    return np.pi / 2 + np.pi * np.arange(first, last + 1)


# --- waves ------------------------------------------------------------------------------------


def wave(
    x: np.ndarray, amplitude: float, angular_frequency: float, phase: float, offset: float
) -> np.ndarray:
    """y = A sin(ωx + φ) + c.

    Parameters
    ----------
    x : (n,) positions.
    amplitude : A, the height of a crest above the midline (negative flips the wave).
    angular_frequency : ω, radians per unit of x.
    phase : φ, radians.
    offset : c, the midline.
    """
    return amplitude * np.sin(angular_frequency * np.asarray(x, dtype=float) + phase) + offset


@dataclass(frozen=True)
class WaveProperties:
    """What can be read off the graph of y = A sin(ωx + φ) + c.

    Attributes
    ----------
    amplitude : |A|.
    period : T = 2π/|ω|, the distance between two crests.
    frequency : f = 1/T = |ω|/2π, cycles per unit of x.
    phase_shift : -φ/ω; the graph is the graph of A sin(ωx) + c moved this far right.
    midline : c.
    """

    amplitude: float
    period: float
    frequency: float
    phase_shift: float
    midline: float


def wave_properties(
    amplitude: float, angular_frequency: float, phase: float, offset: float
) -> WaveProperties:
    """Amplitude, period, frequency, phase shift and midline of A sin(ωx + φ) + c.

    Notes
    -----
    A sin(ωx + φ) + c = A sin(ω(x - s)) + c with s = -φ/ω, so the wave is the wave
    A sin(ωx) + c shifted right by s; sin repeats every 2π, so ωx repeats every 2π/ω.

    Raises
    ------
    ValueError : if ω = 0 (a constant, not a wave).
    """
    if angular_frequency == 0:
        raise ValueError("angular frequency must be non-zero")
    period = TAU / abs(angular_frequency)
    return WaveProperties(
        amplitude=abs(amplitude),
        period=period,
        frequency=1.0 / period,
        phase_shift=-phase / angular_frequency,
        midline=offset,
    )


@dataclass(frozen=True)
class WaveLandmarks:
    """Where to read the properties off the graph of y = A sin(ωx + φ) + c (ω > 0).

    Attributes
    ----------
    period : (x₀, x₀ + T), one period starting where sin(ωx + φ) = 0 going up.
    crest : (x, y) a highest point of the wave inside that period.
    """

    period: tuple[float, float]
    crest: tuple[float, float]


def wave_landmarks(
    amplitude: float, properties: WaveProperties, window: tuple[float, float]
) -> WaveLandmarks:
    """One period to mark, as near the middle of the window as fits, and its crest.

    Notes
    -----
    sin(ωx + φ) = 0 going up where ωx + φ = 2πm, i.e. at x = s + mT (s the phase shift):
    the period starts at the one nearest the middle, moved back a period if it would
    run off the right edge. The crest is a quarter period later when A > 0, three quarters
    later when A < 0.
    """
    period, shift = properties.period, properties.phase_shift
    start, stop = window
    x0 = shift + period * round(((start + stop) / 2 - shift) / period)
    if x0 + period > stop and x0 - period >= start:
        x0 -= period
    quarter = period / 4
    crest_x = x0 + (quarter if amplitude >= 0 else 3 * quarter)
    return WaveLandmarks(
        (float(x0), float(x0 + period)), (float(crest_x), properties.midline + abs(amplitude))
    )


def wave_latex(amplitude: float, angular_frequency: float, phase: float, offset: float) -> str:
    """y = A sin(ωx + φ) + c as LaTeX with the numbers in, tidied (no ``1·``, no ``+ -0``)."""
    scale = {1.0: "", -1.0: "-"}.get(float(amplitude), format_number(amplitude, 2))
    rate = {1.0: ""}.get(float(angular_frequency), format_number(angular_frequency, 2))
    shift = "" if phase == 0 else f" {signed(phase, 2)}"
    tail = "" if offset == 0 else f" {signed(offset, 2)}"
    if amplitude == 0:
        return f"y = {format_number(offset, 2)}"
    return f"y = {scale}\\sin({rate}x{shift}){tail}"


def two_waves(
    x: np.ndarray,
    amplitudes: tuple[float, float],
    angular_frequencies: tuple[float, float],
    phase: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two waves A₁ sin(ω₁x) and A₂ sin(ω₂x + φ), and their sum.

    Returns
    -------
    first, second, total : (n,) arrays.
    """
    first = wave(x, amplitudes[0], angular_frequencies[0], 0.0, 0.0)
    second = wave(x, amplitudes[1], angular_frequencies[1], phase, 0.0)
    return first, second, first + second


def envelope(
    x: np.ndarray,
    amplitudes: tuple[float, float],
    angular_frequencies: tuple[float, float],
    phase: float,
) -> np.ndarray:
    """The slowly varying amplitude of A₁ sin(ω₁x) + A₂ sin(ω₂x + φ).

    Notes
    -----
    The sum is the imaginary part of e^{iω₁x}(A₁ + A₂ e^{i(Δω x + φ)}), Δω = ω₂ - ω₁, so it
    swings between ±E(x) with

        E(x) = |A₁ + A₂ e^{i(Δω x + φ)}| = sqrt(A₁² + A₂² + 2A₁A₂ cos(Δω x + φ)).

    E repeats every 2π/|Δω| (the beat period). With Δω = 0 it is constant: in step (φ = 0)
    the waves add up, in opposition (φ = π) they cancel (interference).
    """
    a1, a2 = amplitudes
    delta = angular_frequencies[1] - angular_frequencies[0]
    squared = a1**2 + a2**2 + 2 * a1 * a2 * np.cos(delta * np.asarray(x, dtype=float) + phase)
    return np.sqrt(np.maximum(squared, 0.0))  # rounding can leave -1e-16 where they cancel


def beat_period(angular_frequencies: tuple[float, float]) -> float:
    """2π/|ω₂ - ω₁|, the distance between two loud spots of the sum; inf if ω₁ = ω₂."""
    delta = abs(angular_frequencies[1] - angular_frequencies[0])
    return TAU / delta if delta > 0 else float("inf")


# --- positional encodings (Transformers) ------------------------------------------------------


def encoding_frequencies(d_model: int, base: float = 10_000.0) -> np.ndarray:
    """The angular frequencies ω_i = base^(-2i/d) of sinusoidal positional encodings.

    Returns
    -------
    (d_model // 2,) ndarray, from 1 down towards 1/base.
    """
    return base ** (-np.arange(0, d_model, 2) / d_model)


def positional_encoding(positions: np.ndarray, d_model: int, base: float = 10_000.0) -> np.ndarray:
    """Sinusoidal positional encodings of "Attention is all you need" (Vaswani et al., 2017).

    Parameters
    ----------
    positions : (n,) token positions (integers, or any real numbers).
    d_model : the encoding's dimension; must be even (a sine and a cosine per frequency).
    base : the wavelength scale (10 000 in the paper).

    Returns
    -------
    (n, d_model) ndarray PE with PE[p, 2i] = sin(p ω_i) and PE[p, 2i+1] = cos(p ω_i).

    Notes
    -----
    ω_i = base^(-2i/d). Each pair of columns is a point on a circle turning at its own speed.
    """
    if d_model < 2 or d_model % 2:
        raise ValueError(f"d_model must be a positive even number, got {d_model}")
    angles = np.outer(np.asarray(positions, dtype=float), encoding_frequencies(d_model, base))
    encoding = np.empty((angles.shape[0], d_model))
    encoding[:, 0::2] = np.sin(angles)
    encoding[:, 1::2] = np.cos(angles)
    return encoding


def encoding_similarity(offsets: np.ndarray, d_model: int, base: float = 10_000.0) -> np.ndarray:
    """PE(p)·PE(p + k) as a function of the offset k alone.

    Notes
    -----
    sin(pω)sin((p+k)ω) + cos(pω)cos((p+k)ω) = cos(kω), so summing over the frequencies,

        PE(p)·PE(p + k) = Σ_i cos(k ω_i),

    whatever p is: the dot product sees only how far apart two tokens are.
    """
    angles = np.outer(np.asarray(offsets, dtype=float), encoding_frequencies(d_model, base))
    return np.cos(angles).sum(axis=1)


def dot_products(encoding: np.ndarray) -> np.ndarray:
    """(n, n) all dot products PE(p)·PE(q) of the rows of an (n, d) encoding."""
    return encoding @ encoding.T


def dot_products_from(
    position: float, offsets: np.ndarray, d_model: int, base: float = 10_000.0
) -> np.ndarray:
    """(m,) PE(p)·PE(p + k) for one position p and each offset k, from the encodings."""
    anchor = positional_encoding(np.array([position]), d_model, base)[0]
    others = positional_encoding(position + np.asarray(offsets, dtype=float), d_model, base)
    return others @ anchor


# --- what each part of the page shows ---------------------------------------------------------


def circle_readout(point: CirclePoint) -> dict[str, str]:
    """cos θ, sin θ, tan θ and the arc length, to four decimals ("undefined" for tan at 90°)."""
    values = {"cos θ": point.cos, "sin θ": point.sin, "tan θ": point.tan}
    values["arc = θ"] = point.arc_length
    return {name: format_number(value, 4) for name, value in values.items()}


def circle_latex(point: CirclePoint) -> str:
    """The unit circle's numbers at one angle, as one LaTeX line."""
    f = format_number
    return (
        rf"\theta = {format_angle(point.theta)},\quad (\cos\theta, \sin\theta) = "
        rf"({f(point.cos)}, {f(point.sin)}),\quad \cos^2\theta + \sin^2\theta = 1,\quad"
        rf" \tan\theta = \frac{{\sin\theta}}{{\cos\theta}} = {f(point.tan)}"
    )


@dataclass(frozen=True)
class WaveView:
    """y = A sin(ωx + φ) + c over a window, beside the base sine, and what to read off it.

    Attributes
    ----------
    x, base, y : (n,) positions, sin x, and the wave.
    properties, landmarks : amplitude, period, ...; where the figure marks them.
    latex : the wave and its period, frequency and shift, with the numbers in.
    """

    x: np.ndarray
    base: np.ndarray
    y: np.ndarray
    properties: WaveProperties
    landmarks: WaveLandmarks
    latex: str

    @property
    def period_fits(self) -> bool:
        """Whether the marked period lies inside the window."""
        x0, x1 = self.landmarks.period
        return self.x[0] <= x0 and x1 <= self.x[-1]


def wave_view(
    amplitude: float,
    angular_frequency: float,
    phase: float,
    offset: float,
    window: tuple[float, float] = (-TAU, TAU),
    n: int = 801,
) -> WaveView:
    """Everything the one-wave view shows for y = A sin(ωx + φ) + c (ω > 0)."""
    x = np.linspace(*window, n)
    props = wave_properties(amplitude, angular_frequency, phase, offset)
    f = format_number
    latex = (
        rf"{wave_latex(amplitude, angular_frequency, phase, offset)},\quad T = "
        rf"\frac{{2\pi}}{{\omega}} = {f(props.period)},\quad f = \frac{{1}}{{T}} = "
        rf"{f(props.frequency)},\quad \text{{shift}} = -\frac{{\varphi}}{{\omega}} = "
        rf"{f(props.phase_shift)}"
    )
    return WaveView(
        x=x,
        base=np.sin(x),
        y=wave(x, amplitude, angular_frequency, phase, offset),
        properties=props,
        landmarks=wave_landmarks(amplitude, props, window),
        latex=latex,
    )


@dataclass(frozen=True)
class TwoWavesView:
    """Two waves, their sum and its envelope.

    Attributes
    ----------
    x, first, second, total, envelope : (n,) arrays.
    beat_period : 2π/|ω₂ - ω₁| (inf for equal frequencies).
    latex : the envelope formula and the beat period, with the numbers in.
    """

    x: np.ndarray
    first: np.ndarray
    second: np.ndarray
    total: np.ndarray
    envelope: np.ndarray
    beat_period: float
    latex: str


def two_waves_view(
    amplitudes: tuple[float, float],
    angular_frequencies: tuple[float, float],
    phase: float,
    window: tuple[float, float] = (0.0, 3 * TAU),
    n: int = 1500,
) -> TwoWavesView:
    """Everything the sum-of-two-waves view shows."""
    x = np.linspace(*window, n)
    first, second, total = two_waves(x, amplitudes, angular_frequencies, phase)
    beat = beat_period(angular_frequencies)
    latex = (
        r"E(x) = \sqrt{A_1^2 + A_2^2 + 2A_1A_2\cos((\omega_2-\omega_1)x + \varphi)},\quad"
        rf" \text{{beat period}} = \frac{{2\pi}}{{|\omega_2 - \omega_1|}} = {format_number(beat)}"
    )
    return TwoWavesView(
        x, first, second, total, envelope(x, amplitudes, angular_frequencies, phase), beat, latex
    )


@dataclass(frozen=True)
class EncodingView:
    """Positional encodings and the dot products that only see offsets.

    Attributes
    ----------
    encoding : (n, d) PE for positions 0..n-1.
    gram : (n, n) PE(p)·PE(q).
    offsets : (m,) k = 0..m-1.
    similarity : (m,) Σ_i cos(kω_i), the formula.
    measured : (m,) PE(position)·PE(position + k), from the encodings themselves.
    position, d_model : the chosen position and dimension.
    latex : the definition and the dot-product identity.
    """

    encoding: np.ndarray
    gram: np.ndarray
    offsets: np.ndarray
    similarity: np.ndarray
    measured: np.ndarray
    position: int
    d_model: int
    latex: str


def encoding_view(
    d_model: int, n_positions: int, position: int, n_offsets: int = 61
) -> EncodingView:
    """Everything the positional-encoding view shows (``d_model`` even)."""
    encoding = positional_encoding(np.arange(n_positions), d_model)
    offsets = np.arange(n_offsets)
    latex = (
        rf"PE_{{p,2i}} = \sin\frac{{p}}{{10000^{{2i/{d_model}}}}},\ "
        rf"PE_{{p,2i+1}} = \cos\frac{{p}}{{10000^{{2i/{d_model}}}}},\quad"
        r" PE_p\cdot PE_{p+k} = \sum_i \cos(k\,\omega_i)"
    )
    return EncodingView(
        encoding=encoding,
        gram=dot_products(encoding),
        offsets=offsets,
        similarity=encoding_similarity(offsets, d_model),
        measured=dot_products_from(position, offsets, d_model),
        position=position,
        d_model=d_model,
        latex=latex,
    )
