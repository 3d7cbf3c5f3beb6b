"""Sinusoidal positional encodings of Transformers, and the dot products that see only
how far apart two positions are.

Pure numpy; the page's formula is in :mod:`mathviz.trig.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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


# --- what the page shows --------------------------------------------------------------------


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
    frequencies : (d/2,) ω_i.
    at_position : (d,) PE(position), the encoding vector of the chosen position.
    """

    encoding: np.ndarray
    gram: np.ndarray
    offsets: np.ndarray
    similarity: np.ndarray
    measured: np.ndarray
    position: int
    d_model: int
    frequencies: np.ndarray
    at_position: np.ndarray


def encoding_view(
    d_model: int, n_positions: int, position: int, n_offsets: int = 61
) -> EncodingView:
    """Everything the positional-encoding view shows (``d_model`` even)."""
    encoding = positional_encoding(np.arange(n_positions), d_model)
    offsets = np.arange(n_offsets)
    return EncodingView(
        encoding=encoding,
        gram=dot_products(encoding),
        offsets=offsets,
        similarity=encoding_similarity(offsets, d_model),
        measured=dot_products_from(position, offsets, d_model),
        position=position,
        d_model=d_model,
        frequencies=encoding_frequencies(d_model),
        at_position=positional_encoding(np.array([position]), d_model)[0],
    )
