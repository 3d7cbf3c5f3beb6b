"""Waves: y = A sin(ωx + φ) + c and what can be read off its graph, and the sum of two waves
(beats and interference) with its envelope.

Pure numpy; the LaTeX the page prints is made from these results in :mod:`mathviz.trig.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathviz.trig.circle import TAU

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


# --- what the page shows --------------------------------------------------------------------


@dataclass(frozen=True)
class WaveView:
    """y = A sin(ωx + φ) + c over a window, beside the base sine, and what to read off it.

    Attributes
    ----------
    parameters : (A, ω, φ, c) as chosen.
    x, base, y : (n,) positions, sin x, and the wave.
    properties, landmarks : amplitude, period, ...; where the figure marks them.
    """

    parameters: tuple[float, float, float, float]
    x: np.ndarray
    base: np.ndarray
    y: np.ndarray
    properties: WaveProperties
    landmarks: WaveLandmarks

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
    return WaveView(
        parameters=(float(amplitude), float(angular_frequency), float(phase), float(offset)),
        x=x,
        base=np.sin(x),
        y=wave(x, amplitude, angular_frequency, phase, offset),
        properties=props,
        landmarks=wave_landmarks(amplitude, props, window),
    )


@dataclass(frozen=True)
class TwoWavesView:
    """Two waves, their sum and its envelope.

    Attributes
    ----------
    x, first, second, total, envelope : (n,) arrays.
    beat_period : 2π/|ω₂ - ω₁| (inf for equal frequencies).
    amplitudes, angular_frequencies, phase : (A₁, A₂), (ω₁, ω₂) and φ, as chosen.
    """

    x: np.ndarray
    first: np.ndarray
    second: np.ndarray
    total: np.ndarray
    envelope: np.ndarray
    beat_period: float
    amplitudes: tuple[float, float] = (1.0, 1.0)
    angular_frequencies: tuple[float, float] = (1.0, 1.0)
    phase: float = 0.0


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
    return TwoWavesView(
        x,
        first,
        second,
        total,
        envelope(x, amplitudes, angular_frequencies, phase),
        beat,
        (float(amplitudes[0]), float(amplitudes[1])),
        (float(angular_frequencies[0]), float(angular_frequencies[1])),
        float(phase),
    )
