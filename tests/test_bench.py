"""The quality harness itself: the benchmark's server part and the load test run and report."""

import asyncio

from bench import load, scripttime
from bench.__main__ import TARGETS, verdicts
from tests.harness.server import StreamlitServer


def test_measure_page_times_reruns_and_sizes_figures():
    row = scripttime.measure_page("pages/home.py", interactions=3)
    assert row["interactions"] == 3
    assert 0 < row["rerun_median_ms"] <= row["rerun_p95_ms"]
    assert row["figure_bytes"] and all(size > 100 for size in row["figure_bytes"].values())
    assert row["largest_animated_kb"] == 0  # the home page's path is not animated
    assert row["opening_charts"] == 1  # the browser waits for this many on a fresh load


def test_verdicts_name_every_missed_target():
    row = {
        "rerun_median_ms": 31.0,
        "rerun_p95_ms": 99.0,
        "largest_static_kb": 301.0,
        "largest_animated_kb": 10.0,
        "cold_ratio": 1.6,
        "control_ratio": 1.0,
        "animation": {"fps": 29.0},
    }
    misses = verdicts(row, baseline={"cold_load_ms": 1.0})
    assert len(misses) == 4
    assert any("rerun median" in m for m in misses) and any("Play" in m for m in misses)
    assert TARGETS["rerun_median_ms"] == 30.0


def test_load_test_sessions_really_interact():
    # Bounded by the work (four script runs a session), not by a time window that a busy
    # machine fills with fewer runs; the time limit only stops a hung run.
    with StreamlitServer() as server:
        report = asyncio.run(
            load.load(server, sessions=2, seconds=120, pages=["resources"], runs=4)
        )
    assert report["errors"] == 0, report["error_samples"]
    assert report["script_runs"] == 8
    assert report["peak_rss_mb"] > 20
    assert report["latency_ms"]["p50"] <= report["latency_ms"]["p95"]
