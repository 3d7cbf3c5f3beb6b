"""Browser-side timings: cold load, control-to-chart latency, animation frame rate, memory."""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

import numpy as np

from tests.harness import browser
from tests.harness.server import StreamlitServer

# Resolves with the milliseconds from the user's input (keydown/pointerdown, captured before
# Streamlit sees it) to the first animation frame where a chart shows different data: its
# traces, or the shapes and annotations drawn over them (a point, an arrow, a label).
ARM_LATENCY_JS = """
() => {
  window.__latency = null;
  const marks = gd => ['shapes', 'annotations'].map(k => ((gd.layout || {})[k] || [])
    .map(m => [m.x0, m.x1, m.y0, m.y1, m.path, m.x, m.y, m.ax, m.ay, m.text]));
  const charts = () => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(gd => [(__TRACES__)(gd), marks(gd)]));
  const main = () => (document.querySelector('[data-testid="stMain"]') || {}).innerText;
  const hasCharts = document.querySelectorAll('.js-plotly-plot').length > 0;
  const snapshot = hasCharts ? charts : main;
  const before = snapshot();
  let t0 = null;
  const start = () => { if (t0 === null) t0 = performance.now(); };
  window.addEventListener('keydown', start, {capture: true, once: true});
  window.addEventListener('pointerdown', start, {capture: true, once: true});
  const poll = () => {
    if (t0 !== null && snapshot() !== before) { window.__latency = performance.now() - t0; }
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}
""".replace("__TRACES__", browser.TRACES_JS)

# Plays every animated chart once (its own Play button) and times what the screen shows: on
# every animation frame of the browser it checks whether a drawn line moved, and the frame
# rate is 1000 / the median gap between two moves. Frames that plotly glides between (a
# transition) count as the motion they draw, and the rests a multi-stage animation makes
# between its stages do not count as slowness.
FRAME_RATES_JS = """
async (maxSeconds) => {
  const results = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const frames = gd._transitionData && gd._transitionData._frames;
    if (!frames || frames.length < 2) continue;
    const play = Array.from(gd.querySelectorAll('.updatemenu-button'))
      .find(b => /play/i.test(b.textContent));
    if (!play) continue;
    let frameMs = null, glideMs = 0;
    for (const menu of (gd.layout.updatemenus || []))
      for (const button of (menu.buttons || []))
        if (/play/i.test(button.label || '') && frameMs === null) {
          const options = (button.args && button.args[1]) || {};
          frameMs = options.frame ? options.frame.duration : null;
          glideMs = options.transition ? options.transition.duration || 0 : 0;
        }
    const drawn = () => Array.from(gd.querySelectorAll('.scatterlayer .trace path'))
      .map(p => p.getAttribute('d')).join('|');
    let running = true;
    gd.on('plotly_animated', () => { running = false; });
    const start = performance.now(), moves = [];
    let last = drawn();
    play.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    await new Promise(resolve => {
      const tick = () => {
        const now = drawn();
        if (now !== last) { moves.push(performance.now()); last = now; }
        if (running && performance.now() - start < maxSeconds * 1000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const gaps = moves.slice(1).map((t, i) => t - moves[i]).sort((a, b) => a - b);
    const median = gaps.length ? gaps[Math.floor(gaps.length / 2)] : null;
    results.push({frames: frames.length, shown: moves.length, frame_ms: frameMs,
                  glide_ms: glideMs, fps: median ? 1000 / median : null});
  }
  return results;
}
"""
# Whether a slider's thumb can move left and right: a range slider's thumbs stop at each other.
SLIDER_ROOM_JS = """
e => {
  const slider = e.closest("[data-testid='stSlider']");
  const thumbs = Array.from(slider.querySelectorAll("input[type='range']"));
  const i = thumbs.indexOf(e), value = e.valueAsNumber;
  const low = i > 0 ? thumbs[i - 1].valueAsNumber : Number(e.min);
  const high = i < thumbs.length - 1 ? thumbs[i + 1].valueAsNumber : Number(e.max);
  return [value > low, value < high];
}
"""
SMOOTH_FRAME_MS = 50  # frames longer than this with no glide between them step on purpose


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def cold_load_ms(page: Any, url: str) -> float:
    """Navigation start to the first chart drawn (or the title, on a page without charts)."""
    page.goto(url)
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot .main-svg') ||"
        " (document.querySelector(\"[data-testid='stMain'] h1\") &&"
        "  document.querySelectorAll('.js-plotly-plot').length === 0 &&"
        "  document.querySelector(\"[data-testid='stApp'][data-test-script-state='notRunning']\"))",
        timeout=browser.TIMEOUT_MS,
    )
    return page.evaluate("() => performance.now()")


def control_latency(page: Any, step: int) -> float:
    """Milliseconds from moving the first control a step (right on even steps, left on odd
    ones, so a slider never runs into its end) to the chart showing new data."""
    page.evaluate(ARM_LATENCY_JS)
    asked = browser.requests_sent(page)
    slider = page.locator(browser.MAIN_SLIDER)
    if slider.count():
        slider.first.focus()
        page.keyboard.press("ArrowRight" if step % 2 == 0 else "ArrowLeft")
    else:
        browser.move_first_control(page)
    page.wait_for_function("() => window.__latency !== null", timeout=browser.TIMEOUT_MS)
    latency = page.evaluate("() => window.__latency")
    browser.wait_idle(page, after=asked)  # the rest of the run, before the next move
    return latency


def measure_browser(
    server: StreamlitServer,
    path: str,
    chromium: Any,
    baseline: StreamlitServer,
    *,
    charts: int = 0,
    has_controls: bool = True,
    loads: int = 5,
    changes: int = 31,
) -> dict[str, Any]:
    """Cold load, control latency and animation frame rates of one page, each timing paired
    with the same timing of the baseline page taken right before it.

    Pairing (baseline, page, baseline, page, ...) makes the ratios immune to the machine
    getting faster or slower during a run; a baseline measured once at the start made a
    page's ratio swing by 15 % between runs. ``charts`` and ``has_controls`` come from the
    server side (AppTest), so a page that did not render in the browser fails loudly instead
    of being reported as "nothing to time".
    """
    cold = {"page": [], "base": []}
    for _ in range(loads):
        for side, (target, where) in {"base": (baseline, ""), "page": (server, path)}.items():
            context = chromium.new_context(viewport=browser.VIEWPORT)
            cold[side].append(cold_load_ms(context.new_page(), target.url(where)))
            context.close()
    pages = {}
    for side, (target, where, count) in {
        "base": (baseline, "", 1),
        "page": (server, path, charts),
    }.items():
        pages[side] = chromium.new_context(viewport=browser.VIEWPORT).new_page()
        browser.goto(pages[side], target.url(where))
        browser.wait_for_charts(pages[side], count)
    latencies = {"page": [], "base": []}
    for step in range(changes if has_controls else 0):
        for side in ("base", "page"):
            latencies[side].append(control_latency(pages[side], step))
    for side in pages.values():
        side.context.close()
    context = chromium.new_context(viewport=browser.VIEWPORT)
    page = context.new_page()
    browser.goto(page, server.url(path))
    browser.wait_for_charts(page, charts)
    animations = page.evaluate(FRAME_RATES_JS, 6)
    context.close()
    smooth = [
        a["fps"]
        for a in animations
        if a["fps"] and ((a["frame_ms"] or 0) <= SMOOTH_FRAME_MS or a.get("glide_ms"))
    ]
    row: dict[str, Any] = {
        "cold_load_ms": statistics.median(cold["page"]),
        "baseline_cold_load_ms": statistics.median(cold["base"]),
        "control_median_ms": None,
        "control_p95_ms": None,
        "animations": animations,
        "animation": {"fps": min(smooth)} if smooth else None,
    }
    row["cold_ratio"] = row["cold_load_ms"] / row["baseline_cold_load_ms"]
    if latencies["page"]:
        row["control_median_ms"] = statistics.median(latencies["page"])
        row["control_p95_ms"] = _percentile(latencies["page"], 95)
        row["baseline_control_median_ms"] = statistics.median(latencies["base"])
        row["control_ratio"] = row["control_median_ms"] / row["baseline_control_median_ms"]
    return row


async def _interacting_session(
    chromium: Any, server: StreamlitServer, paths: list[str], seconds: float, seed: int
) -> dict[str, int]:
    """One user: open a random page, move random controls five times, repeat until time."""
    rng = np.random.default_rng(seed)
    context = await chromium.new_context(viewport=browser.VIEWPORT)
    page = await context.new_page()
    counts: dict[str, Any] = {"interactions": 0, "errors": 0, "failures": []}
    failures = counts["failures"]
    deadline = time.monotonic() + seconds
    runs = browser.script_runs(page)
    while time.monotonic() < deadline:
        try:
            runs.reset()  # a navigation opens a new socket: count its runs only
            await page.goto(server.url(paths[rng.integers(len(paths))]))
            await browser.wait_idle_async(page)
            await page.wait_for_function(browser.SETTLED_JS, timeout=browser.TIMEOUT_MS)
            for _ in range(5):
                controls = page.locator(
                    f"{browser.MAIN_SLIDER}, [data-testid='stMain'] {browser.UNSELECTED_OPTION}"
                )
                count = await controls.count()
                if not count:
                    break
                control = controls.nth(int(rng.integers(count)))
                asked = runs.requests
                if await control.get_attribute("type") == "range":
                    # A step that moves the thumb (one at an end, or against the other thumb
                    # of a range, moves one way only), so that the move asks for a run.
                    left, right = await control.evaluate(SLIDER_ROOM_JS)
                    if not (left or right):
                        continue
                    await control.focus()
                    step_right = right and (not left or rng.random() < 0.5)
                    await page.keyboard.press("ArrowRight" if step_right else "ArrowLeft")
                else:
                    await control.click()
                await browser.wait_idle_async(page, after=asked)  # the run this move asked for
                counts["interactions"] += 1
            if await page.locator("[data-testid='stException']").count():
                counts["errors"] += 1
                failures.append(f"exception box on {page.url}")
        except Exception as error:  # noqa: BLE001 (a load test counts failures, it does not stop)
            counts["errors"] += 1
            failures.append(f"{type(error).__name__} on {page.url}: {str(error)[:200]}")
    await context.close()
    return counts


async def _concurrent(
    server: StreamlitServer, paths: list[str], sessions: int, seconds: float
) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    peak = 0
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(browser.CHROMIUM), args=browser.CHROMIUM_ARGS
        )
        tasks = [
            asyncio.create_task(_interacting_session(chromium, server, paths, seconds, seed))
            for seed in range(sessions)
        ]
        while not all(task.done() for task in tasks):
            peak = max(peak, server.memory_kb()["VmRSS"])
            await asyncio.wait(tasks, timeout=0.25)  # a memory sample every 0.25 s until all end
        results = [task.result() for task in tasks]
        await chromium.close()
    memory = server.memory_kb()
    return {
        "sessions": sessions,
        "seconds": seconds,
        "interactions": sum(r["interactions"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "failures": [failure for r in results for failure in r["failures"]],
        "peak_rss_mb": max(peak, memory["VmHWM"]) / 1024,
    }


def concurrent_sessions_memory(
    paths: list[str], sessions: int = 10, seconds: float = 30
) -> dict[str, Any]:
    """Peak server memory while ``sessions`` browser sessions open pages and move sliders."""
    with StreamlitServer() as server:
        return asyncio.run(_concurrent(server, paths, sessions, seconds))
