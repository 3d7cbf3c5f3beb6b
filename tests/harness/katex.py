"""The app's own KaTeX, without a browser: Node.js runs the KaTeX that Streamlit's frontend
bundles (``streamlit/static/static/js/rehype-katex.*.js``, the very build that draws
``st.latex`` in the browser), so a formula it cannot parse is found in a millisecond instead
of a page load.

The bundle is an ES module that keeps KaTeX's object to itself. :class:`Katex` links the
frontend's modules into a temporary folder, adds one ``export`` line to a copy of the KaTeX
module and talks to one Node process per instance: a line of JSON (the LaTeX) in, ``ok`` or
the parse error out.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import streamlit

STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
# The object KaTeX's build names (minified) with its version: ``Ma={version:`0.16.47`,...``.
KATEX_OBJECT = re.compile(r"(\w+)=\{version:`(0\.\d+\.\d+)`,render:")
CHECKER = """
globalThis.DOMParser = class { parseFromString() { return null; } };  // read when loaded
const { katex } = await import("./%s");
const readline = await import("node:readline");
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  try {
    katex.renderToString(JSON.parse(line), { displayMode: true, throwOnError: true,
                                             strict: "ignore" });
    console.log("ok");
  } catch (error) {
    console.log(JSON.stringify(String(error.message)));
  }
});
"""


def node_available() -> bool:
    return shutil.which("node") is not None and any(STATIC_JS.glob("rehype-katex.*.js"))


class Katex:
    """``with Katex() as katex: katex.error(latex)`` -> None, or KaTeX's parse error."""

    def __enter__(self) -> Katex:
        (bundle,) = STATIC_JS.glob("rehype-katex.*.js")
        source = bundle.read_text()
        match = KATEX_OBJECT.search(source)
        if match is None:
            raise RuntimeError(f"KaTeX's object not found in {bundle}")
        self.version = match.group(2)
        self._folder = tempfile.TemporaryDirectory(prefix="katex-")
        folder = Path(self._folder.name)
        for module in STATIC_JS.glob("*.js"):  # its imports resolve to the frontend's files
            if module != bundle:
                (folder / module.name).symlink_to(module)
        (folder / bundle.name).write_text(f"{source}\nexport {{ {match.group(1)} as katex }};\n")
        (folder / "check.mjs").write_text(CHECKER % bundle.name)
        self._node = subprocess.Popen(
            ["node", "check.mjs"], cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, bufsize=1,
        )  # fmt: skip
        return self

    def error(self, latex: str) -> str | None:
        """KaTeX's error for ``latex`` (display mode), or None when it renders."""
        assert self._node.stdin and self._node.stdout
        self._node.stdin.write(json.dumps(latex) + "\n")
        answer = self._node.stdout.readline().strip()
        if not answer:
            raise RuntimeError("the KaTeX process stopped")
        return None if answer == "ok" else json.loads(answer)

    def __exit__(self, *exc: object) -> None:
        self._node.stdin.close()  # type: ignore[union-attr]
        self._node.wait(timeout=10)
        self._folder.cleanup()
