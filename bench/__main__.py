"""``python -m bench``: measure every page against the performance targets.

Prints a table (also as Markdown with ``--markdown``, for README) and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench import scripttime
from mathviz import catalog
from tests.harness import browser
from tests.harness.server import ROOT, StreamlitServer

TARGETS = {
    "rerun_median_ms": 30.0,
    "rerun_p95_ms": 100.0,
    "static_kb": 300.0,
    "animated_kb": 2000.0,
    "control_ratio": 1.1,
    "cold_ratio": 1.5,
    "fps": 30.0,
    "sessions_peak_mb": 700.0,
}


def machine() -> dict[str, Any]:
    meminfo = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(meminfo) / 1024**2, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def verdicts(row: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    """The targets this page misses, in plain words."""
    misses = []
    if row["rerun_median_ms"] > TARGETS["rerun_median_ms"]:
        misses.append(f"rerun median {row['rerun_median_ms']:.0f} ms > 30")
    if row["rerun_p95_ms"] > TARGETS["rerun_p95_ms"]:
        misses.append(f"rerun p95 {row['rerun_p95_ms']:.0f} ms > 100")
    if row["largest_static_kb"] > TARGETS["static_kb"]:
        misses.append(f"chart {row['largest_static_kb']:.0f} KB > 300")
    if row["largest_animated_kb"] > TARGETS["animated_kb"]:
        misses.append(f"animated chart {row['largest_animated_kb']:.0f} KB > 2000")
    if baseline and row.get("cold_ratio") and row["cold_ratio"] > TARGETS["cold_ratio"]:
        misses.append(f"cold load {row['cold_ratio']:.2f}x baseline > 1.5")
    if baseline and row.get("control_ratio") and row["control_ratio"] > TARGETS["control_ratio"]:
        misses.append(f"control latency {row['control_ratio']:.2f}x baseline > 1.1")
    animation = row.get("animation")
    if animation and animation["fps"] < TARGETS["fps"]:
        misses.append(f"Play {animation['fps']:.0f} frames/s < 30")
    return misses


def _fmt(value: Any, spec: str = ".0f", suffix: str = "") -> str:
    return "-" if value is None else f"{value:{spec}}{suffix}"


def table(rows: list[dict[str, Any]], markdown: bool) -> str:
    header = [
        "page",
        "first run ms",
        "rerun median ms",
        "rerun p95 ms",
        "largest chart KB",
        "animated KB",
        "cold load ms (x base)",
        "control ms median (x base)",
        "control p95 ms",
        "Play fps",
        "targets",
    ]
    lines = []
    for row in rows:
        animation = row.get("animation") or {}
        lines.append([
            row["page"],
            _fmt(row["first_run_ms"]),
            _fmt(row["rerun_median_ms"], ".1f"),
            _fmt(row["rerun_p95_ms"], ".1f"),
            _fmt(row["largest_static_kb"], ".1f"),
            _fmt(row["largest_animated_kb"] or None, ".0f"),
            f"{_fmt(row.get('cold_load_ms'))} ({_fmt(row.get('cold_ratio'), '.2f')})",
            f"{_fmt(row.get('control_median_ms'))} ({_fmt(row.get('control_ratio'), '.2f')})",
            _fmt(row.get("control_p95_ms")),
            _fmt(animation.get("fps"), ".0f"),
            "ok" if not row["misses"] else "MISS: " + "; ".join(row["misses"]),
        ])  # fmt: skip
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join(fmt.format(*line) for line in [header, *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    parser.add_argument("--interactions", type=int, default=30)
    parser.add_argument("--no-browser", action="store_true", help="server-side numbers only")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--session-seconds", type=float, default=30)
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "latest.json"))
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)

    pages = list(catalog.PAGES)
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [p for p in pages if p.url_path in wanted]

    rows = []
    for page in pages:
        print(f"server timing: {page.url_path} ...", file=sys.stderr)
        row = {"page": page.url_path, **scripttime.measure_page(page.path, args.interactions)}
        rows.append(row)

    baseline = None
    sessions = None
    use_browser = not args.no_browser and browser.chromium_available()
    if use_browser:
        from playwright.sync_api import sync_playwright

        from bench.browser_timing import concurrent_sessions_memory, measure_browser

        with sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            baseline_app = Path(__file__).parent / "baseline_app.py"
            # The baseline runs from bench/, away from the app's .streamlit/config.toml: it is
            # the smallest page as Streamlit runs it by default (see baseline_app.py).
            with (
                StreamlitServer(baseline_app, cwd=baseline_app.parent) as base_server,
                StreamlitServer() as server,
            ):
                for row, page in zip(rows, pages, strict=True):
                    print(f"browser timing: {page.url_path} (paired with the baseline) ...",
                          file=sys.stderr)  # fmt: skip
                    path = "" if page.default else page.url_path
                    row.update(
                        measure_browser(
                            server,
                            path,
                            chromium,
                            base_server,
                            charts=row["opening_charts"],
                            has_controls=row["has_controls"],
                        )
                    )
            chromium.close()
        baseline = {
            "cold_load_ms": statistics.median(row["baseline_cold_load_ms"] for row in rows),
            "control_median_ms": statistics.median(
                row["baseline_control_median_ms"]
                for row in rows
                if row.get("baseline_control_median_ms")
            ),
        }
        print(f"{args.sessions} concurrent browser sessions ...", file=sys.stderr)
        paths = ["" if p.default else p.url_path for p in pages]
        sessions = concurrent_sessions_memory(paths, args.sessions, args.session_seconds)
    elif not args.no_browser:
        print(f"Chromium not found at {browser.CHROMIUM}: browser timings skipped", file=sys.stderr)

    for row in rows:
        row["misses"] = verdicts(row, baseline)

    print(f"\nMachine: {machine()['cpu']}, {machine()['cores']} cores")
    if baseline:
        print(
            f"Baseline page (one slider, one line): cold load {baseline['cold_load_ms']:.0f} ms,"
            f" control-to-chart median {baseline['control_median_ms']:.0f} ms (medians over"
            " the page runs; each page's ratio is to the baseline timings paired with its own)"
        )
    print(table(rows, args.markdown))
    if sessions:
        verdict = "ok" if sessions["peak_rss_mb"] <= TARGETS["sessions_peak_mb"] else "MISS"
        print(
            f"\n{sessions['sessions']} concurrent browser sessions for {sessions['seconds']:.0f} s"
            f" ({sessions['interactions']} interactions, {sessions['errors']} errors):"
            " server peak RSS"
            f" {sessions['peak_rss_mb']:.0f} MB (target < 700 MB: {verdict})"
        )
        for failure in sessions["failures"]:
            print(f"  failed: {failure}")

    from bench import training as training_bench

    nn = training_bench.measure()
    nn_verdict = "ok" if nn["batch_10_s"] < training_bench.TARGET_S else "MISS"
    print(
        f"\nNeural network 2-8-8-2, 500 epochs on 500 points: {nn['batch_10_s']:.2f} s with"
        f" mini-batches of 10, {nn['batch_500_s']:.2f} s full batch (target < 1 s: {nn_verdict})"
    )

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": machine(),
        "targets": TARGETS,
        "baseline": baseline,
        "pages": rows,
        "concurrent_sessions": sessions,
        "nn_training": nn,
    }
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"\nwrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
