"""Start and stop ``streamlit run`` on a free loopback port, and read its memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """``streamlit run SCRIPT`` on 127.0.0.1, as a context manager.

    The server's log goes to a temporary file (``log_text()``), so tests can assert that it
    holds no warning or traceback. ``start`` returns when the log says the server listens on
    its port (and its health check answers), not after a fixed wait.
    """

    def __init__(
        self, script: str | Path = "app.py", port: int | None = None, cwd: Path = ROOT
    ) -> None:
        self.script = str(script)
        self.cwd = cwd  # Streamlit reads .streamlit/config.toml from here
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._listening = threading.Event()  # set when the log names our port, or at its end
        self._listens = False  # whether it named the port
        self._copier: threading.Thread | None = None
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (lives as long as the server)
            prefix="streamlit-", suffix=".log", delete=False
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "", query: str = "") -> str:
        return f"{self.base_url}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    def start(self, timeout: float = 120.0) -> StreamlitServer:
        return self.launch().wait_listening(timeout)

    def launch(self) -> StreamlitServer:
        """Start the process and return at once: :meth:`wait_listening` waits for it to
        listen (meanwhile the caller may do something else)."""
        command = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--server.headless", "true",
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            command, cwd=self.cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env
        )
        self._copier = threading.Thread(target=self._copy_log, daemon=True)
        self._copier.start()
        return self

    def wait_listening(self, timeout: float = 120.0) -> StreamlitServer:
        """Wait until the launched server listens on its port and its health check answers."""
        if not self._listening.wait(timeout):
            self.stop()
            raise TimeoutError(f"streamlit did not listen within {timeout} s:\n{self.log_text()}")
        if not self._listens:
            self.stop()
            raise RuntimeError(f"streamlit exited early:\n{self.log_text()}")
        with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=timeout) as reply:
            if reply.status != 200:
                self.stop()
                raise RuntimeError(f"streamlit's health check answered {reply.status}")
        return self

    def _copy_log(self) -> None:
        """Copy the server's output to the log file; note the line that says it listens
        ("Uvicorn server started on 127.0.0.1:PORT", "URL: http://127.0.0.1:PORT")."""
        assert self.process is not None and self.process.stdout is not None
        address = f"127.0.0.1:{self.port}".encode()
        for line in self.process.stdout:
            self._log.write(line)
            self._log.flush()
            if address in line:
                self._listens = True
                self._listening.set()
        self._listening.set()  # the process ended: start() reports it

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._copier is not None:
            self._copier.join(timeout=10)

    def log_text(self) -> str:
        self._log.flush()
        return Path(self._log.name).read_text(errors="replace")

    def memory_kb(self) -> dict[str, int]:
        """Resident memory now (``VmRSS``) and at its peak so far (``VmHWM``), in KiB."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return {key: int(fields[key].split()[0]) for key in ("VmRSS", "VmHWM")}

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
