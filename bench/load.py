"""``python -m bench.load``: many concurrent sessions interacting with the app, loopback only.

Each session speaks Streamlit's own websocket protocol (the protobuf messages its frontend
sends), so one process can play many users without a browser each: it opens a random page,
reads the page's widgets from the server's deltas, then moves one at a time to a random value
and times each rerun until the server reports the script finished. Bounded in count and time;
it only ever talks to the server it started on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from mathviz import catalog
from tests.harness.server import ROOT, StreamlitServer


@dataclass
class Widget:
    """A control as the server described it, and how to give it a new value."""

    id: str
    kind: str
    proto: Any
    state: WidgetState = field(default_factory=WidgetState)

    def randomize(self, rng: np.random.Generator) -> bool:
        """Set a random valid value; False for kinds this client does not drive."""
        proto, state = self.proto, WidgetState(id=self.id)
        if self.kind == "slider":
            steps = max(1, round((proto.max - proto.min) / (proto.step or 1)))
            value = proto.min + (proto.step or 1) * int(rng.integers(steps + 1))
            state.double_array_value.data[:] = [value] * max(1, len(proto.default))
        elif self.kind == "number_input":
            low = proto.min if proto.has_min else -1e3
            high = proto.max if proto.has_max else 1e3
            value = float(rng.uniform(low, high))
            state.double_value = round(value) if proto.data_type == proto.INT else value
        elif self.kind == "button_group":
            options = [option.content for option in proto.options]
            state.string_array_value.data[:] = [options[int(rng.integers(len(options)))]]
        elif self.kind == "checkbox":
            state.bool_value = bool(rng.integers(2))
        elif self.kind in ("selectbox", "radio"):
            options = list(proto.options)
            state.string_value = options[int(rng.integers(len(options)))]
        else:
            return False
        self.state = state
        return True


DRIVEN = ("slider", "number_input", "button_group", "checkbox", "selectbox", "radio")


@dataclass
class Session:
    """One simulated user on one websocket."""

    url: str
    rng: np.random.Generator
    widgets: dict[str, Widget] = field(default_factory=dict)
    page_script_hash: str = ""
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def run_script(self, socket: Any, message: BackMsg) -> None:
        """Send one rerun request and read until the script has finished."""
        start = time.perf_counter()
        await socket.send(message.SerializeToString())
        while True:
            raw = await asyncio.wait_for(socket.recv(), timeout=60)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                self.page_script_hash = forward.navigation.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._read_element(forward.delta.new_element)
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if status == "FINISHED_SUCCESSFULLY":
                    self.latencies_ms.append(1000 * (time.perf_counter() - start))
                    return
                if status != "FINISHED_EARLY_FOR_RERUN":
                    self.errors.append(f"script finished with {status}")
                    return

    def _read_element(self, element: Any) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"exception: {element.exception.message[:200]}")
        elif kind in DRIVEN:
            proto = getattr(element, kind)
            if proto.id not in self.widgets:
                self.widgets[proto.id] = Widget(proto.id, kind, proto)

    def open_page(self, page_name: str) -> BackMsg:
        message = BackMsg()
        message.rerun_script.page_name = page_name
        message.rerun_script.context_info.url = self.url
        return message

    def interaction(self) -> BackMsg | None:
        """A rerun request moving one random page control to a random value."""
        movable = [w for w in self.widgets.values() if "present_mode" not in w.id]
        if not movable:
            return None
        for _ in range(5):
            if movable[int(self.rng.integers(len(movable)))].randomize(self.rng):
                break
        message = BackMsg()
        client = message.rerun_script
        client.page_script_hash = self.page_script_hash
        client.context_info.url = self.url
        for widget in self.widgets.values():
            if widget.state.id:
                client.widget_states.widgets.append(widget.state)
        return message


async def user(
    base_url: str,
    page_names: list[str],
    seconds: float,
    seed: int,
    think: float = 0.0,
    runs: int | None = None,
) -> Session:
    """Until time is up (or ``runs`` script runs are done): open a random page, then move its
    controls ten times.

    ``think`` is the pause after each answer (a person looking at the new picture); with 0 the
    session fires its next request the moment the last one is answered (a stress test).
    """
    rng = np.random.default_rng(seed)
    session = Session(url=base_url, rng=rng)
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    deadline = time.monotonic() + seconds

    def done() -> bool:
        ran = len(session.latencies_ms) + len(session.errors)
        return time.monotonic() >= deadline or (runs is not None and ran >= runs)

    try:
        async with websockets.connect(ws_url, max_size=None) as socket:
            while not done():
                session.widgets.clear()
                page = page_names[int(rng.integers(len(page_names)))]
                await session.run_script(socket, session.open_page(page))
                for _ in range(10):
                    if done():
                        break
                    message = session.interaction()
                    if message is None:
                        break
                    await session.run_script(socket, message)
                    await asyncio.sleep(think)
    except (OSError, TimeoutError, websockets.WebSocketException) as error:
        session.errors.append(f"{type(error).__name__}: {error}")
    return session


async def load(
    server: StreamlitServer,
    sessions: int,
    seconds: float,
    pages: list[str] | None = None,
    think: float = 0.0,
    runs: int | None = None,
) -> dict[str, Any]:
    """``sessions`` users for ``seconds``; with ``runs``, each stops after that many script runs
    (a test's load: bounded by work done, not by how fast a busy machine does it)."""
    page_names = pages or ["" if page.default else page.url_path for page in catalog.PAGES]
    peak = 0
    start = time.monotonic()
    tasks = [
        asyncio.create_task(user(server.base_url, page_names, seconds, seed, think, runs))
        for seed in range(sessions)
    ]
    while not all(task.done() for task in tasks):
        peak = max(peak, server.memory_kb()["VmRSS"])
        await asyncio.wait(tasks, timeout=0.2)  # a memory sample every 0.2 s until all end
    elapsed = time.monotonic() - start
    results = [task.result() for task in tasks]
    latencies = np.array([ms for result in results for ms in result.latencies_ms])
    errors = [error for result in results for error in result.errors]
    return {
        "sessions": sessions,
        "seconds": seconds,
        "think_seconds": think,
        "script_runs": int(latencies.size),
        "runs_per_second": latencies.size / elapsed,
        "errors": len(errors),
        "error_samples": errors[:5],
        "latency_ms": {
            f"p{q}": float(np.percentile(latencies, q)) if latencies.size else None
            for q in (50, 90, 95, 99)
        }
        | {"max": float(latencies.max()) if latencies.size else None},
        "peak_rss_mb": max(peak, server.memory_kb()["VmHWM"]) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    parser.add_argument(
        "--think", type=float, default=1.0, help="seconds a user looks before the next move"
    )
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "load.json"))
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 1 <= args.seconds <= 600:
        parser.error("keep it bounded: 1-200 sessions, 1-600 seconds")

    with StreamlitServer() as server:
        pages = args.pages.split(",") if args.pages else None
        report = asyncio.run(load(server, args.sessions, args.seconds, pages, args.think))
    latency = report["latency_ms"]
    print(
        f"{report['sessions']} sessions for {report['seconds']:.0f} s "
        f"({report['think_seconds']:g} s between moves): "
        f"{report['script_runs']} script runs ({report['runs_per_second']:.1f}/s), "
        f"{report['errors']} errors\n"
        f"rerun latency ms: p50 {latency['p50']:.0f}, p90 {latency['p90']:.0f}, "
        f"p95 {latency['p95']:.0f}, p99 {latency['p99']:.0f}, max {latency['max']:.0f}\n"
        f"server peak RSS: {report['peak_rss_mb']:.0f} MB"
    )
    for sample in report["error_samples"]:
        print(f"  error: {sample}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
