"""Shared test helpers: running pages with AppTest and reading their figures back."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from bench.apptest import chooser_views, run_page, values_to_try, widgets  # noqa: F401 (shared)

ROOT = Path(__file__).resolve().parent.parent


def decode_arrays(node: Any) -> Any:
    """Replace plotly's typed arrays (``{"dtype", "bdata", "shape"}``) by numpy arrays."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            if "shape" in node:
                shape = [int(n) for n in str(node["shape"]).split(",")]
                array = array.reshape(shape)
            return array
        return {key: decode_arrays(value) for key, value in node.items()}
    if isinstance(node, list):
        return [decode_arrays(value) for value in node]
    return node


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly figure on the page, as decoded JSON (arrays as numpy arrays)."""
    return [decode_arrays(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def figure_sizes(at: AppTest) -> list[int]:
    """Size in bytes of each figure's JSON as sent to the browser."""
    return [len(chart.proto.spec.encode()) for chart in at.get("plotly_chart")]


def random_view(page_path: str, seed: int) -> tuple[AppTest, dict[str, Any], str]:
    """Move every control of a page to a seeded random value.

    Returns the AppTest in that state, the values by URL key, and the query string the
    sidebar's "Link to this view" gives for it (presentation mode off).
    """
    from mathviz import urlstate

    rng = np.random.default_rng(seed)
    at = run_page(page_path)
    for key in [key for key in widgets(at) if key != "present_mode"]:
        widget = widgets(at).get(key)
        if widget is not None:
            widget.set_value(values_to_try(widget, rng)[2])
            at.run()
    bound = at.session_state["_mv_bound_controls"]
    values = {key: at.session_state[key] for key in bound}
    return at, values, urlstate.view_query(values, bound)


def query_dict(query: str) -> dict[str, list[str]]:
    """A query string as AppTest's ``query_params`` wants it."""
    from urllib.parse import parse_qs

    return dict(parse_qs(query, keep_blank_values=True))
