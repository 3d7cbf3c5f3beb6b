"""Figures as plotly JSON: typed arrays and prebuilt figures, shared by every figure module.

:func:`typed` writes numbers in plotly's binary form, which is what plotly itself sends for
numpy data, without the per-trace validation a ``go.Figure`` pays; :class:`Prebuilt` hands such a
dict to ``st.plotly_chart`` as if it were a figure.
"""

from __future__ import annotations

import base64
import copy
from typing import Any

import numpy as np
import plotly.graph_objects as go


def typed(values: Any, precision: str = "f8") -> dict[str, str] | list:
    """Numbers in plotly's typed-array form (``{"dtype": "f8", "bdata": base64}``), flattened.

    ``precision="f4"`` halves the bytes: enough for coordinates on a screen (7 significant
    digits), for the many frames of an animation; numbers a reader sees stay ``f8``. Empty
    arrays become an empty list (plotly.js reads a zero-length typed array as absent).
    """
    if precision not in ("f8", "f4"):
        raise ValueError(f"precision is f8 or f4, not {precision!r}")
    array = np.ascontiguousarray(np.asarray(values, dtype="<" + precision).ravel())
    if array.size == 0:
        return []
    return {"dtype": precision, "bdata": base64.b64encode(array.tobytes()).decode("ascii")}


def typed_grid(values: Any, precision: str = "f8") -> dict[str, str]:
    """A 2-D grid (a contour's or heatmap's z, rows along y) as a typed array with its
    ``shape``: without it plotly.js reads the numbers as one row."""
    array = np.asarray(values)
    if array.ndim != 2 or array.size == 0:
        raise ValueError(f"a grid is a non-empty 2-D array, not of shape {array.shape}")
    rows, columns = array.shape
    return typed(array, precision) | {"shape": f"{rows},{columns}"}


def f4(values: Any) -> dict[str, str] | list:
    """:func:`typed` at single precision: coordinates drawn on a screen."""
    return typed(values, "f4")


def scatter(name: str, **extra: Any) -> dict:
    """A scatter trace's dict with no hover and no legend entry unless ``extra`` says so."""
    return {"type": "scatter", "name": name, "hoverinfo": "skip", "showlegend": False} | extra


def axis(title: str, **extra: Any) -> dict:
    """An axis' dict with its title and no zero line."""
    return {"title": {"text": title}, "zeroline": False} | extra


class Prebuilt(go.Figure):
    """A figure given directly as its plotly JSON (a dict), skipping plotly's object model.

    ``go.Figure`` checks every property of every trace of every animation frame when it is
    built and deep-copies all of it again in ``to_dict``: 10-15 ms for an animated figure,
    most of a control change's server time. Builders of figures that change on every
    move of a slider write the dict themselves (with :func:`typed` arrays) and wrap it in
    this; ``st.plotly_chart`` only asks a figure for ``to_dict()``. What plotly would have
    checked, the tests check: every figure the pages draw is rebuilt as a validated
    ``go.Figure`` in ``tests/test_pages.py``.
    """

    def __init__(self, spec: dict) -> None:  # noqa: D107 (plotly's __init__ is skipped)
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec

    to_plotly_json = to_dict

    def __deepcopy__(self, memo: dict) -> Prebuilt:
        return Prebuilt(copy.deepcopy(self._spec, memo))

    def __reduce__(self) -> tuple:
        return (Prebuilt, (self._spec,))


def equal_aspect(layout: dict) -> dict:
    """A layout dict in which one unit on x is as long as one unit on y."""
    layout.setdefault("yaxis", {}).update(scaleanchor="x", scaleratio=1)
    return layout
