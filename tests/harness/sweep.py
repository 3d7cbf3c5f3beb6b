"""Every view of every page, as links built from the declarations (``mathviz.catalog``), and
the checks the sweep makes on each: formulas KaTeX can render, prose without programmer
notation. Shared by the AppTest sweep and the browser sweep (``tests/*/test_sweep.py``).

A view is a page's opening view, each option of its part chooser, and, within each part,
each option of each one-choice control (segmented controls and select boxes: presets,
targets, shapes, words...) on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from mathviz import catalog, params

# A control shown only in one mode of its part: the settings that show it. The AppTest sweep
# checks that each swept control is on screen in its view, so a missing entry here fails.
REQUIRES: dict[str, dict[str, str]] = {
    "p": {"mode": "Preset"},
    "s1": {"mode": "Steps"},
    "s2": {"mode": "Steps"},
    "s3": {"mode": "Steps"},
    "shape": {"target": "Custom"},
    "preset": {"matrix": "Preset"},
    "st_acol": {"st_data": "Anscombe's quartet"},
    "st_icol": {"st_data": "Iris"},
    "an_icol": {"an_data": "Iris by species"},
}

# Controls that change no word or formula, only how fast an animation plays: not swept.
NOT_SWEPT = frozenset({"speed"})

# Programmer notation that must never reach the screen: 4e+12, 1.667e-06, v_k, b^(m+n), nan,
# None, inf. Read on visible text (KaTeX's hidden LaTeX source left out).
PROGRAMMER_NOTATION = re.compile(
    r"\de\+\d|\de-\d\d|[A-Za-z]_[A-Za-z0-9]\b|\^\(|(?i:\bnan\b)|\bNone\b|\binf\b"
)


@dataclass(frozen=True)
class View:
    """One view: a page and the query that opens it (the swept key, for the messages)."""

    page: catalog.PageInfo
    query: dict[str, str]
    key: str | None = None

    @property
    def query_string(self) -> str:
        return urlencode(self.query)

    def __str__(self) -> str:
        return f"/{self.page.url_path}?{self.query_string}"


def _parts(param: params.Param) -> list[str]:
    return [] if param.part is None else param.part.split(", ")


def page_views(page: catalog.PageInfo) -> list[View]:
    """The views of one page, its opening view first."""
    declared = catalog.declared_params(page)
    views = [View(page, {})]
    chooser = declared.part
    parts = list(chooser.options) if chooser is not None else [None]
    for part in parts:
        base = {} if part is None else {params.PART: part}
        if part is not None and part != chooser.default:
            views.append(View(page, base, params.PART))
        for param in declared:
            if param.kind not in ("choice", "select") or param.key in (params.PART, *NOT_SWEPT):
                continue
            whole_page = param.part is None and part == parts[0]  # swept once
            if not whole_page and part not in _parts(param):
                continue
            needed = REQUIRES.get(param.key, {})
            context = base | {k: v for k, v in needed.items() if declared[k].default != v}
            if context != base:  # the mode that shows the control, at its default value
                views.append(View(page, context, param.key))
            for option in param.options:
                if option != param.default:
                    views.append(View(page, context | {param.key: option}, param.key))
    seen: set[tuple[tuple[str, str], ...]] = set()
    unique = []
    for view in views:  # a mode's default view is reached from several controls
        if tuple(view.query.items()) not in seen:
            seen.add(tuple(view.query.items()))
            unique.append(view)
    return unique


def all_views() -> list[View]:
    """Every view of every page, in navigation order."""
    pages = [page for listed in catalog.pages_by_section().values() for page in listed]
    return [view for page in pages for view in page_views(page)]


def part_views() -> list[View]:
    """Each page as it opens and each of its parts: the views the browser sweep loads."""
    return [view for view in all_views() if view.key in (None, params.PART)]


def notation_found(text: str) -> list[str]:
    """The programmer notation in visible text, with a little context each."""
    return [text[max(m.start() - 25, 0) : m.end() + 25] for m in PROGRAMMER_NOTATION.finditer(text)]


INLINE_MATH = re.compile(r"\$\$?(.+?)\$\$?", re.S)


def prose_and_math(markdown: str) -> tuple[str, list[str]]:
    """Markdown split into its prose (inline ``$...$`` maths taken out) and those formulas."""
    return INLINE_MATH.sub(" ", markdown), INLINE_MATH.findall(markdown)
