"""The neural-network playground's training time (issue 15's target): a 2-8-8-2 network,
500 epochs on 500 points, one core, at the page's default mini-batch of 10 and full batch."""

from __future__ import annotations

import statistics
import time

from mathviz.nn import data, features, training

TARGET_S = 1.0


def measure(repeats: int = 3) -> dict[str, float]:
    """Median seconds of :func:`mathviz.nn.training.train` per batch size (no cache)."""
    found = data.make("Spiral", 500, 0.1, 2, 0.1, 0)
    inputs = features.feature_matrix(found.X, features.DEFAULT_FEATURES)
    out = {}
    for batch in (10, 500):
        settings = training.Settings(hidden=(8, 8), epochs=500, batch=batch)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            training.train(inputs, found.y, inputs[:0], found.y[:0], 2, settings)
            times.append(time.perf_counter() - start)
        out[f"batch_{batch}_s"] = statistics.median(times)
    return out
