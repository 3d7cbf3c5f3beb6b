"""Shared test helpers: running pages with AppTest and reading their figures back."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60


def run_page(page_path: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run ``page_path`` (e.g. ``pages/home.py``) inside the full app, optionally from a URL.

    ``query`` plays the part of the address bar: bound widgets are seeded from it exactly as
    in a browser that opens a shared link.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()  # AppTest must run the entrypoint once before it can switch pages
    at.switch_page(page_path)
    return at.run()


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
