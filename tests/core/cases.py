"""Strategies and checks shared by the matrix tests: matrices of every kind the pages must
survive (ordinary, singular, nearly singular, huge, tiny, zero, turns)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from mathviz.linalg import (
    transform,
)

EPS = np.finfo(float).eps


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


entry = st.floats(-10, 10, allow_nan=False, allow_infinity=False)


vec2 = st.tuples(entry, entry).map(np.array)


@st.composite
def plane_matrices(draw, size: int = 2) -> np.ndarray:
    """2x2 (or 3x3) matrices of every kind the page must survive."""
    kind = draw(st.sampled_from(["plain", "singular", "near", "huge", "tiny", "zero", "turn"]))
    entries = st.lists(entry, min_size=size * size, max_size=size * size)
    base = np.array(draw(entries), dtype=float).reshape(size, size)
    if kind == "singular":  # rank <= 1: an outer product
        u = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        w = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        base = np.outer(u, w)
    elif kind == "near":  # an outer product nudged by 1e-12
        u = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        w = np.array(draw(st.lists(entry, min_size=size, max_size=size)))
        base = np.outer(u, w) + 1e-12 * np.eye(size)
    elif kind == "huge":
        base = 1e5 * base
    elif kind == "tiny":
        base = 1e-9 * base
    elif kind == "zero":
        base = np.zeros((size, size))
    elif kind == "turn" and size == 2:
        angle = draw(st.floats(-180, 180))
        scale = draw(st.floats(0.1, 5))
        base = scale * transform.turn(angle)
    return transform.as_matrix(np.clip(base, -transform.ENTRY_LIMIT, transform.ENTRY_LIMIT))


def scale_of(a: np.ndarray) -> float:
    return max(float(np.abs(a).max()), 1e-300)


def assert_finite(*arrays: np.ndarray) -> None:
    for array in arrays:
        assert np.all(np.isfinite(np.asarray(array, dtype=float))), array


def cross(u: np.ndarray, v: np.ndarray) -> float:
    return float(u[0] * v[1] - u[1] * v[0])


def fan_area(polygon: np.ndarray) -> float:
    """Signed area of a closed polygon as a fan of triangles from its first corner."""
    p = np.asarray(polygon, dtype=float)[:-1] - polygon[0]
    return 0.5 * sum(cross(p[i], p[i + 1]) for i in range(1, len(p) - 1))


@st.composite
def eigen_matrices(draw) -> np.ndarray:
    """Random 2x2 matrices, with singular, nearly singular, huge, tiny, integer (repeated
    and defective eigenvalues are common there) and scalar ones over-represented."""
    kind = draw(
        st.sampled_from(["random", "singular", "near", "huge", "tiny", "integer", "scalar"])
    )
    entry = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
    if kind == "integer":
        return np.array(draw(st.lists(st.integers(-2, 2), min_size=4, max_size=4)), float).reshape(
            2, 2
        )
    if kind == "scalar":
        return draw(entry) * np.eye(2)
    values = np.array(draw(st.lists(entry, min_size=4, max_size=4))).reshape(2, 2)
    if kind == "singular":
        return np.outer(values[0], values[1])
    if kind == "near":
        return np.outer(values[0], values[1]) + 1e-12 * values
    if kind == "huge":
        return 1e6 * values
    if kind == "tiny":
        return 1e-9 * values
    return values


def all_finite(*arrays) -> bool:
    return all(np.all(np.isfinite(np.asarray(a, dtype=complex))) for a in arrays)


# Exact zeros yes, but no 1e-187: the references (scipy) underflow there, not the code.
coordinate = st.floats(-4, 4, allow_nan=False).filter(lambda t: t == 0 or abs(t) > 1e-6)


plane_vector = st.lists(coordinate, min_size=2, max_size=2).map(np.array)


# Slider values (steps of 0.1) make exact zeros and exact parallels likely, as in class.
slider_vector = st.lists(st.integers(-40, 40), min_size=2, max_size=2).map(
    lambda v: np.array(v) / 10
)


def finite(*values) -> bool:
    return all(np.all(np.isfinite(np.asarray(v, dtype=float))) for v in values)
