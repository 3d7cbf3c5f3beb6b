"""Shareable view state: turning control values into the query string Streamlit reads back.

Streamlit's ``bind="query-params"`` keeps each bound widget in the URL under its key, leaving
out values equal to the widget's default. :func:`view_query` writes the same format from the
values of one script run, for the sidebar's "Link to this view".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import numpy as np

PRESENT_PARAM = "present"
_TRUTHY = {"1", "true", "yes", "on"}


def is_truthy(raw: str | Sequence[str] | None) -> bool:
    """Whether a raw query-parameter value switches a flag on (``1``/``true``/``yes``/``on``).

    Anything else, a malformed value such as ``banana`` included, is off.
    """
    if raw is None:
        return False
    value = raw if isinstance(raw, str) else (raw[-1] if raw else "")
    return value.strip().lower() in _TRUTHY


def serialize(value: Any) -> list[str]:
    """The URL form of one widget value, as a list (range sliders and pills repeat the key).

    Booleans are ``true``/``false``; floats use the shortest digits that round-trip, so the
    value read back is bit-for-bit the value written, written out without an exponent when
    that stays short (the link shown on the page reads ``d=0.000001667``, not ``1.667e-06``).
    """
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (list, tuple)):
        return [item for element in value for item in serialize(element)]
    if isinstance(value, float):
        if math.isfinite(value) and (value == 0 or 1e-9 <= abs(value) < 1e15):
            return [np.format_float_positional(value, unique=True, trim="0")]
        return [repr(value)]
    return [str(value)]


def view_query(
    values: Mapping[str, Any], defaults: Mapping[str, Any], present: bool = False
) -> str:
    """The query string (without ``?``) that reproduces a view.

    Parameters
    ----------
    values : current value of each bound control, by URL key.
    defaults : each control's default; controls at their default are left out, as Streamlit
        does, so links stay short.
    present : add ``present=1`` for presentation mode.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in values.items():
        if key in defaults and _same(value, defaults[key]):
            continue
        pairs.extend((key, item) for item in serialize(value))
    if present:
        pairs.append((PRESENT_PARAM, "1"))
    return urlencode(pairs)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return a == b
