"""LaTeX layout shared by the text modules of the linear-algebra pages."""

from __future__ import annotations


def gathered(*lines: str, gap: str = "4pt") -> str:
    """Formulas stacked and centred (they sit in a narrow column beside the picture)."""
    return r"\begin{gathered}" + rf" \\[{gap}] ".join(lines) + r"\end{gathered}"
