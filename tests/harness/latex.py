"""A LaTeX sanity check for the formulas the app hands to KaTeX (``st.latex``).

KaTeX shows a formula it cannot parse as its raw source in red. This catches, without a
browser, the mistakes that made it do so: unbalanced braces, a bare ``%`` (a comment: the
rest of the line vanishes, often with a closing brace), and a double superscript or
subscript such as ``10^{-13}^k`` (the base needs braces).
"""

from __future__ import annotations

import re

_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def _argument_end(latex: str, start: int) -> int:
    """The index just after the argument of ``^``/``_`` that starts at ``start``."""
    while start < len(latex) and latex[start] == " ":
        start += 1
    if start >= len(latex):
        return start
    if latex[start] == "{":
        depth = 0
        for i in range(start, len(latex)):
            if latex[i] == "\\":
                continue
            if latex[i] == "{" and latex[i - 1] != "\\":
                depth += 1
            elif latex[i] == "}" and latex[i - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return i + 1
        return len(latex)
    command = _COMMAND.match(latex, start)
    return command.end() if command else start + 1


def latex_problems(latex: str) -> list[str]:
    """What would make KaTeX fail on ``latex``; empty when it looks sound."""
    problems = []
    depth = 0
    escaped = False
    for i, char in enumerate(latex):
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                problems.append(f"unmatched '}}' at {i}")
                depth = 0
        elif char == "%":
            problems.append(f"bare '%' at {i} (a comment in LaTeX: write \\%)")
        elif char in "^_":
            end = _argument_end(latex, i + 1)
            rest = latex[end:].lstrip(" ")
            if rest.startswith(char):
                problems.append(f"double {'superscript' if char == '^' else 'subscript'} at {i}")
    if depth > 0:
        problems.append(f"{depth} unclosed '{{'")
    return problems


def assert_sound(latex: str) -> None:
    """Fail with the formula and its problems when :func:`latex_problems` finds any."""
    problems = latex_problems(latex)
    assert not problems, f"{problems} in {latex!r}"
