"""Fourier series: periodic shapes built from sines and cosines.

Coefficients are computed numerically (an FFT of a fine sampling), never typed in, so the
tests can hold them against the textbook series (e.g. 4/(πn) for the odd harmonics of the
square wave). Everything works on one period, t in [-π, π), and repeats with period 2π.
Pure numpy: the textbook series and descriptions the page prints are in :mod:`mathviz.trig.text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mathviz.trig.circle import TAU, with_breaks

HARMONICS = 50  # the most harmonics the page offers
N_SAMPLES = 2**15  # samples per period M for the FFT: coefficient errors ~ n/M², 2e-7 at n = 50


def wrap(t: np.ndarray) -> np.ndarray:
    """Angles moved by whole periods into [-π, π)."""
    return np.mod(np.asarray(t, dtype=float) + np.pi, TAU) - np.pi


@dataclass(frozen=True)
class PeriodicShape:
    """One period of a 2π-periodic function, with what we know about it.

    Attributes
    ----------
    function : the function on [-π, π) (vectorised); at a jump it takes the midpoint, the
        value every Fourier series converges to there.
    jumps : where in [-π, π) it jumps; empty for a continuous shape.
    """

    function: Callable[[np.ndarray], np.ndarray]
    jumps: tuple[float, ...] = ()

    def __call__(self, t: np.ndarray) -> np.ndarray:
        """The shape at any t (repeated every 2π)."""
        return self.function(wrap(t))


def _square(u: np.ndarray) -> np.ndarray:
    return np.where(u == -np.pi, 0.0, np.sign(u))  # sign(0) = 0: the midpoints of the jumps


def _sawtooth(u: np.ndarray) -> np.ndarray:
    return np.where(u == -np.pi, 0.0, u / np.pi)


def _triangle(u: np.ndarray) -> np.ndarray:
    return 1.0 - 2.0 * np.abs(u) / np.pi


def _pulse(u: np.ndarray) -> np.ndarray:
    edge = np.pi / 4
    return np.where(np.abs(u) < edge, 1.0, np.where(np.abs(u) == edge, 0.5, 0.0))


def _half_wave(u: np.ndarray) -> np.ndarray:
    return np.maximum(np.sin(u), 0.0)


def _staircase(u: np.ndarray) -> np.ndarray:
    quarter = np.pi / 2
    steps = np.select([u < -quarter, u < quarter], [-1.0, 0.0], 1.0)
    midpoints = np.select([u == -np.pi, u == -quarter, u == quarter], [0.0, -0.5, 0.5], np.nan)
    return np.where(np.isnan(midpoints), steps, midpoints)


# A stylised heartbeat (P wave, QRS spike, T wave): straight segments between these points.
_HEART_T = (-np.pi, -1.6, -1.3, -1.0, -0.25, -0.12, 0.0, 0.12, 0.3, 1.0, 1.4, 1.8, np.pi)
_HEART_Y = (0.0, 0.0, 0.15, 0.0, 0.0, -0.2, 1.0, -0.35, 0.0, 0.0, 0.25, 0.0, 0.0)


def _heartbeat(u: np.ndarray) -> np.ndarray:
    return np.interp(u, _HEART_T, _HEART_Y)


WAVES: dict[str, PeriodicShape] = {
    "Square": PeriodicShape(_square, jumps=(-np.pi, 0.0)),
    "Sawtooth": PeriodicShape(_sawtooth, jumps=(-np.pi,)),
    "Triangle": PeriodicShape(_triangle),
}

CUSTOM_SHAPES: dict[str, PeriodicShape] = {
    "Pulse train (25% duty)": PeriodicShape(_pulse, jumps=(-np.pi / 4, np.pi / 4)),
    "Half-wave rectified sine": PeriodicShape(_half_wave),
    "Staircase": PeriodicShape(_staircase, jumps=(-np.pi, -np.pi / 2, np.pi / 2)),
    "Heartbeat": PeriodicShape(_heartbeat),
}

SHAPES: dict[str, PeriodicShape] = {**WAVES, **CUSTOM_SHAPES}


@dataclass(frozen=True)
class FourierCoefficients:
    """f(t) ≈ a₀/2 + Σ_{n=1}^{N} (a_n cos nt + b_n sin nt).

    Attributes
    ----------
    a0 : a₀ (twice the mean of f).
    a, b : (N,) a_n and b_n for n = 1..N.
    """

    a0: float
    a: np.ndarray
    b: np.ndarray

    @property
    def harmonics(self) -> np.ndarray:
        """(N,) the harmonic numbers 1..N."""
        return np.arange(1, len(self.a) + 1)

    @property
    def amplitudes(self) -> np.ndarray:
        """(N,) r_n = sqrt(a_n² + b_n²): how much of harmonic n the shape contains."""
        return np.hypot(self.a, self.b)

    @property
    def phases(self) -> np.ndarray:
        """(N,) φ_n with a_n cos nt + b_n sin nt = r_n sin(nt + φ_n), i.e. atan2(a_n, b_n)."""
        return np.arctan2(self.a, self.b)


def fourier_coefficients(
    function: Callable[[np.ndarray], np.ndarray],
    n_max: int = HARMONICS,
    n_samples: int = N_SAMPLES,
) -> FourierCoefficients:
    """The first ``n_max`` Fourier coefficients of a 2π-periodic function, by FFT.

    Parameters
    ----------
    function : the function on [-π, π) (vectorised).
    n_max : the highest harmonic wanted; must be below ``n_samples / 2``.
    n_samples : equally spaced samples of one period.

    Returns
    -------
    FourierCoefficients with ``n_max`` harmonics.

    Notes
    -----
    c_n = (1/2π) ∫ f(t) e^{-int} dt is approximated by the mean of f(t_k) e^{-int_k} over the
    samples t_k = -π + 2πk/M, which is (-1)^n/M times the k-th term of the FFT. The rule is
    exact for trigonometric polynomials of degree below M/2. For a jump on a sample (the
    shapes here jump at multiples of π/4), sampling its midpoint keeps the error O(n/M²);
    a jump between samples costs O(1/M). Then a_n = 2 Re c_n and b_n = -2 Im c_n.
    """
    if not 0 < n_max < n_samples // 2:
        raise ValueError(f"n_max must be between 1 and {n_samples // 2 - 1}, got {n_max}")
    t = -np.pi + TAU * np.arange(n_samples) / n_samples
    spectrum = np.fft.rfft(function(t))[: n_max + 1] / n_samples
    spectrum *= (-1.0) ** np.arange(n_max + 1)  # the samples start at -π, not 0
    return FourierCoefficients(
        a0=float(2 * spectrum[0].real), a=2 * spectrum[1:].real, b=-2 * spectrum[1:].imag
    )


def partial_sum(coefficients: FourierCoefficients, n_terms: int, t: np.ndarray) -> np.ndarray:
    """S_N(t) = a₀/2 + Σ_{n=1}^{N} (a_n cos nt + b_n sin nt), for N = ``n_terms``.

    Parameters
    ----------
    coefficients : at least ``n_terms`` harmonics.
    n_terms : N, the number of harmonics kept (0 gives the mean alone).
    t : (m,) positions.

    Returns
    -------
    (m,) ndarray.
    """
    n = np.arange(1, n_terms + 1)
    angles = np.outer(np.asarray(t, dtype=float), n)
    return (
        coefficients.a0 / 2
        + np.cos(angles) @ coefficients.a[:n_terms]
        + np.sin(angles) @ coefficients.b[:n_terms]
    )


@dataclass(frozen=True)
class Overshoot:
    """How far a partial sum rises above the shape near a jump (Gibbs' phenomenon).

    Attributes
    ----------
    t, value : where the partial sum peaks, and its value there.
    height : the peak minus the shape's maximum.
    jump : the largest jump of the shape.
    fraction : height / jump (tends to 0.0895 for a jump as N grows: it never vanishes).
    """

    t: float
    value: float
    height: float
    jump: float
    fraction: float


def jump_sizes(shape: PeriodicShape, eps: float = 1e-9) -> np.ndarray:
    """|f(t⁺) - f(t⁻)| at each of the shape's jumps."""
    jumps = np.asarray(shape.jumps, dtype=float)
    return np.abs(shape(jumps + eps) - shape(jumps - eps))


def drawable(shape: PeriodicShape, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The shape sampled at ``t`` for drawing: a NaN break at every jump, so no line is drawn
    up or down the jump, and no sample on a jump itself (its midpoint value would dangle)."""
    jumps = jump_positions(shape, t[0], t[-1])
    y = shape(t)
    if jumps.size:
        on_jump = np.min(np.abs(t[:, None] - jumps[None, :]), axis=1) < 1e-9
        y = np.where(on_jump, np.nan, y)
    return with_breaks(t, y, jumps)


def jump_positions(shape: PeriodicShape, start: float, stop: float) -> np.ndarray:
    """Every t in [start, stop] where the (periodically repeated) shape jumps, in order."""
    jumps = np.asarray(shape.jumps, dtype=float)
    if not jumps.size:
        return jumps
    periods = np.arange(np.floor((start + np.pi) / TAU) - 1, np.ceil((stop + np.pi) / TAU) + 1)
    every = (jumps[None, :] + TAU * periods[:, None]).ravel()
    return np.sort(every[(every >= start) & (every <= stop)])


def gibbs_overshoot(
    shape: PeriodicShape, coefficients: FourierCoefficients, n_terms: int
) -> Overshoot | None:
    """The peak of S_N above the shape's maximum; None for a shape without jumps.

    Notes
    -----
    Near a jump of height J, S_N overshoots by about J·(Si(π)/π - 1/2) ≈ 0.0895·J however
    large N is; only the width of the overshoot shrinks (like 1/N). The peak is found on a
    grid with at least 32 points per wiggle of the highest harmonic, then twice refined on a
    finer grid around the best point.
    """
    if not shape.jumps:
        return None
    n_grid = max(2048, 32 * n_terms)
    t = -np.pi + TAU * np.arange(n_grid) / n_grid
    best, spacing = float(t[np.argmax(partial_sum(coefficients, n_terms, t))]), TAU / n_grid
    for _ in range(2):  # zoom in twice around the best point: 1/400 of the grid spacing
        near = best + np.linspace(-spacing, spacing, 41)
        best, spacing = (
            float(near[np.argmax(partial_sum(coefficients, n_terms, near))]),
            spacing / 20,
        )
    value = float(partial_sum(coefficients, n_terms, np.array([best]))[0])
    height = value - float(np.max(shape(t)))
    jump = float(np.max(jump_sizes(shape)))
    return Overshoot(best, value, height, jump, height / jump)


def epicycles(coefficients: FourierCoefficients, n_terms: int, t: np.ndarray) -> np.ndarray:
    """The chain of rotating arms whose tip draws the partial sum.

    Parameters
    ----------
    coefficients : at least ``n_terms`` harmonics.
    n_terms : N, the number of arms.
    t : (m,) times.

    Returns
    -------
    (m, N + 1, 2) ndarray: for each time, the chain's joints, from the start (0, a₀/2) to
    the tip.

    Notes
    -----
    Arm n has length r_n and angle nt + φ_n, so it turns n times per period; the tip's height
    is a₀/2 + Σ r_n sin(nt + φ_n) = S_N(t).
    """
    t = np.asarray(t, dtype=float)
    angles = np.outer(t, coefficients.harmonics[:n_terms]) + coefficients.phases[:n_terms]
    radii = coefficients.amplitudes[:n_terms]
    arms = np.stack([radii * np.cos(angles), radii * np.sin(angles)], axis=-1)
    joints = np.zeros((len(t), n_terms + 1, 2))
    joints[:, 0, 1] = coefficients.a0 / 2
    joints[:, 1:] = joints[:, :1] + np.cumsum(arms, axis=1)
    return joints


# --- what the page shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class FourierView:
    """A partial sum against its target, the spectrum, and Gibbs' overshoot.

    Attributes
    ----------
    t : (n,) times; approximation : (n,) S_N(t).
    target : (x, y) the shape, with NaN breaks at its jumps.
    coefficients, n_terms : the harmonics and N.
    overshoot : Gibbs' overshoot, None for a continuous shape.
    """

    t: np.ndarray
    approximation: np.ndarray
    target: tuple[np.ndarray, np.ndarray]
    coefficients: FourierCoefficients
    n_terms: int
    overshoot: Overshoot | None


def fourier_view(
    shape: PeriodicShape,
    coefficients: FourierCoefficients,
    n_terms: int,
    window: tuple[float, float] = (-TAU, TAU),
    n: int = 1601,
) -> FourierView:
    """Everything the partial-sum view shows, over two periods."""
    t = np.linspace(*window, n)
    return FourierView(
        t=t,
        approximation=partial_sum(coefficients, n_terms, t),
        target=drawable(shape, t),
        coefficients=coefficients,
        n_terms=n_terms,
        overshoot=gibbs_overshoot(shape, coefficients, n_terms),
    )


@dataclass(frozen=True)
class EpicycleView:
    """The arms of the partial sum at each frame, and the curve their tip draws.

    Attributes
    ----------
    joints : (m, N + 1, 2) the chain at the m frame times.
    radii : (N,) arm lengths.
    outline : (k, 2) a unit circle, to draw each arm's circle.
    t : (m,) frame times over one period.
    curve : (s, S_N(s)) finely sampled over the same period.
    """

    joints: np.ndarray
    radii: np.ndarray
    outline: np.ndarray
    t: np.ndarray
    curve: tuple[np.ndarray, np.ndarray]


def epicycle_view(
    coefficients: FourierCoefficients, n_terms: int, n_frames: int = 49
) -> EpicycleView:
    """Everything the epicycles view shows: one period in ``n_frames`` frames (ends included,
    every 7.5°), the partial sum with 8 points per wiggle of its highest harmonic."""
    t = np.linspace(0.0, TAU, n_frames)
    fine = np.linspace(0.0, TAU, max(121, 8 * n_terms + 1))
    ring = np.linspace(0.0, TAU, 49)  # a circle as 48 chords: off a true circle by < 0.5 px
    return EpicycleView(
        joints=epicycles(coefficients, n_terms, t),
        radii=coefficients.amplitudes[:n_terms],
        outline=np.column_stack([np.cos(ring), np.sin(ring)]),
        t=t,
        curve=(fine, partial_sum(coefficients, n_terms, fine)),
    )
