"""Server-side timing and figure sizes of every page, with Streamlit's AppTest."""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.harness.apptest import APP, TIMEOUT, figure_specs, page_controls, values_to_try, widgets


def measure_page(page_path: str, interactions: int = 30, seed: int = 0) -> dict[str, Any]:
    """Script-run times and figure sizes of one page.

    The first run is a fresh session's first run of the page; reruns follow a seeded random
    walk: each moves one random control to a random value (a page without controls reruns
    as it is).
    """
    rng = np.random.default_rng(seed)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(page_path)
    start = time.perf_counter()
    at.run()
    first_ms = 1000 * (time.perf_counter() - start)

    rerun_ms = []
    sizes: dict[str, int] = {}
    animated: dict[str, bool] = {}

    def record_sizes() -> None:
        for index, spec in enumerate(figure_specs(at)):
            name = f"chart{index}"
            sizes[name] = max(sizes.get(name, 0), len(spec.encode()))
            animated[name] = animated.get(name, False) or bool(json.loads(spec).get("frames"))

    record_sizes()
    opening_charts = len(figure_specs(at))  # the charts of the view a link opens on
    has_controls = bool(page_controls(at))
    for _ in range(interactions):
        keys = page_controls(at)
        if keys:
            widget = widgets(at)[keys[rng.integers(len(keys))]]
            choices = values_to_try(widget, rng)
            widget.set_value(choices[rng.integers(len(choices))])
        start = time.perf_counter()
        at.run()
        rerun_ms.append(1000 * (time.perf_counter() - start))
        if at.exception:
            raise RuntimeError(f"{page_path}: {at.exception[0].value}")
        record_sizes()
    ordered = sorted(rerun_ms)
    return {
        "first_run_ms": first_ms,
        "rerun_median_ms": statistics.median(rerun_ms),
        "rerun_p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "interactions": interactions,
        "opening_charts": opening_charts,
        "has_controls": has_controls,
        "figure_bytes": sizes,
        "animated": animated,
        "largest_static_kb": max([s for n, s in sizes.items() if not animated[n]], default=0) / 1e3,
        "largest_animated_kb": max([s for n, s in sizes.items() if animated[n]], default=0) / 1e3,
        "total_figure_kb": sum(sizes.values()) / 1e3,
    }
