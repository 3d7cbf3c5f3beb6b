"""Checks several browser tests make: named checks in one test (the test that opens a page
once checks what several tests each opened it for, and a failing check does not hide the
next), and the formula sweep's checks of a view (:mod:`tests.harness.sweep`)."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from typing import Any

from tests.harness.sweep import notation_found

# The main area's visible text, KaTeX's hidden MathML copy of each formula's LaTeX source
# (``v_{k+1}``, ``e^{\pm i\theta}``) left out: a reader sees the rendered formula only. Code
# (``rng.standard_t(5, size=n)`` in a code block) is left out too: there, code is what is meant.
VISIBLE_TEXT_JS = """
() => {
  const main = document.querySelector("[data-testid='stMain']").cloneNode(true);
  main.querySelectorAll('.katex-mathml, annotation, script, style, pre, code')
    .forEach(e => e.remove());
  return main.innerText;
}
"""
KATEX_ERRORS_JS = """
() => Array.from(document.querySelectorAll('.katex-error'))
  .map(e => e.getAttribute('title') || e.textContent)
"""


def formula_and_notation_problems(page: Any) -> list[str]:
    """On a loaded view: the formulas KaTeX failed to render (``.katex-error``: the raw LaTeX
    in red) and the programmer notation in the main area's visible text."""
    found = [f"KaTeX: {error}" for error in page.evaluate(KATEX_ERRORS_JS)]
    return found + [f"notation: {hit!r}" for hit in notation_found(page.evaluate(VISIBLE_TEXT_JS))]


class Checks:
    """A test's checks, each under its name: a failing check is recorded and the next runs;
    :meth:`assert_passed` fails with every failure, each with its line in the test file."""

    def __init__(self, test_file: str) -> None:
        self.test_file = test_file  # the file whose lines locate a failure
        self.failed: dict[str, str] = {}

    @contextlib.contextmanager
    def check(self, name: str) -> Iterator[None]:
        try:
            yield
        except Exception as error:  # an assertion, a timeout, a missing control
            frames = traceback.extract_tb(error.__traceback__)
            here = [frame for frame in frames if frame.filename == self.test_file]
            where = f"line {here[-1].lineno}: {here[-1].line}\n" if here else ""
            self.failed[name] = where + "".join(traceback.format_exception_only(error)).strip()

    def passed(self, name: str) -> bool:
        return name not in self.failed

    def assert_passed(self) -> None:
        assert not self.failed, "\n\n".join(f"[{name}] {why}" for name, why in self.failed.items())
