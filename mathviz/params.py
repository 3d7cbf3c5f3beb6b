"""Every page's URL state, declared once: key, kind, range or options, default, label.

A page's controls are built from its declaration (``mathviz.ui.control``), README's URL-key
table is generated from all of them (:func:`readme_table`, checked by a test), and the tests
check that no key means two things on two pages. Plain data: nothing here imports Streamlit.

Each topic package declares its pages in ``mathviz/<package>/params.py`` as one
:class:`PageParams` per page, named like the page's URL in capitals (``linear-algebra`` ->
``LINEAR_ALGEBRA``); :func:`mathviz.catalog.declared_params` finds it from the catalog.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from mathviz.core import numbers

Kind = Literal["slider", "number", "choice", "select", "multi", "toggle", "text"]
PART = "part"  # the one key of the part (lesson, chapter, view) chooser on every page

# What the README says a control's values are, per kind.
_CHOICE_KINDS = ("choice", "select", "multi")


@dataclass(frozen=True)
class Param:
    """One control of a page, as it lives in the URL.

    Attributes
    ----------
    key : the query-parameter key (also the widget's session-state key).
    kind : ``slider``, ``number`` (a number input), ``choice`` (a segmented control),
        ``select`` (a select box), ``multi`` (pills, any subset), ``toggle`` or ``text`` (a
        line of typed text, at most ``high`` characters: a formula).
    label : the widget's label.
    default : the value when the URL says nothing (left out of links).
    low, high, step : the numeric range and step (``slider``/``number``).
    options : the choices (``choice``/``select``/``multi``).
    doc : what README says the key controls; the label when empty.
    part : the part of the page that shows the control (README), None for the whole page.
    aliases : older keys that links may still carry; they are read as this key.
    format : the number format of a ``number`` input (e.g. ``%g``).
    help : the widget's tooltip.
    """

    key: str
    kind: Kind
    label: str
    default: Any
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple[str, ...] = ()
    doc: str = ""
    part: str | None = None
    aliases: tuple[str, ...] = ()
    format: str | None = None
    help: str | None = None

    def refusal(self, asked: Sequence[str]) -> str | None:
        """The sentence for a link's value that this control could not take (not a number,
        outside the range, not an option: it shows its default instead), or None when the
        link asked for the default itself (Streamlit leaves a default out of the URL too).

        The link's text itself is never echoed (it could read ``nan``, ``1e400`` or anything):
        a number is written as the app writes numbers, anything else is described."""
        raw = ", ".join(asked)
        shown = numbers.text(self.default) if self.kind in ("slider", "number") else self.default
        if self.kind in ("slider", "number"):
            try:
                number = float(raw)
            except ValueError:
                number = float("nan")
            if not math.isfinite(number):
                return f"This link's {self.label} is not a number: it shows {shown}."
            if number == float(self.default):
                return None
            if self.low <= number <= self.high:
                steps = f" (steps of {numbers.text(self.step)})" if self.step else ""
                where = f"is not a value it can take{steps}"
            else:
                where = f"is outside {numbers.text(self.low)} to {numbers.text(self.high)}"
            return f"This link's {self.label}, {numbers.text(number)}, {where}: it shows {shown}."
        if self.kind in ("choice", "select") and raw != self.default:
            return f"This link's {self.label} is not one of the options: it shows {shown}."
        return None  # toggles, pills and text: Streamlit's own reading of them is kept

    def __post_init__(self) -> None:
        if self.kind in ("slider", "number"):
            if self.low is None or self.high is None or not self.low <= self.default <= self.high:
                raise ValueError(f"{self.key}: default {self.default} outside its range")
        elif self.kind in _CHOICE_KINDS:
            chosen = self.default if self.kind == "multi" else (self.default,)
            if not self.options or any(value not in self.options for value in chosen):
                raise ValueError(f"{self.key}: default {self.default!r} not among its options")
        elif self.kind == "toggle" and not isinstance(self.default, bool):
            raise ValueError(f"{self.key}: a toggle's default is True or False")
        elif self.kind == "text" and not (
            isinstance(self.default, str) and self.high and len(self.default) <= self.high
        ):
            raise ValueError(f"{self.key}: a text's default is a string of at most high chars")

    @property
    def whole(self) -> bool:
        """Whether the control holds whole numbers (every bound and the step are ints)."""
        numbers = (self.low, self.high, self.default, self.step if self.step else 1)
        return self.kind in ("slider", "number") and all(
            isinstance(n, int) and not isinstance(n, bool) for n in numbers
        )

    def meaning(self) -> tuple:
        """What the key means, for the check that two pages sharing a key agree.

        Streamlit carries a bound control's value to any other page that binds the same key,
        so two pages may share a key only for the same control: the same kind, label, range
        and options (a default may differ). The part chooser is each page's own and is
        compared by kind alone.
        """
        if self.key == PART:
            return (self.kind,)
        return (self.kind, self.label, self.low, self.high, self.options, self.whole)

    def values_text(self) -> str:
        """The values a link may give, for README: ``-3 to 3``, ``true``/``false``, the options."""
        if self.kind == "toggle":
            return "`true` / `false`"
        if self.kind == "text":
            return f"typed text, at most {int(self.high)} characters"
        if self.kind in _CHOICE_KINDS:
            listed = ", ".join(f"`{_cell(option)}`" for option in self.options)
            return listed + (" (repeat the key for several)" if self.kind == "multi" else "")
        return f"{_number(self.low)} to {_number(self.high)}"

    def default_text(self) -> str:
        """The default as a link would write it."""
        if self.kind == "toggle":
            return "true" if self.default else "false"
        if self.kind == "text":
            return f"`{_cell(self.default)}`"
        if self.kind == "multi":
            return ", ".join(self.default) if self.default else "none"
        if self.kind in _CHOICE_KINDS:
            return _cell(str(self.default))
        return _number(self.default)

    def with_range(self, **changes: Any) -> Param:
        """This control with a range that depends on another control (label, bounds, default,
        step); the declared range is the widest, which README documents."""
        allowed = {"label", "low", "high", "default", "step"}
        if unknown := set(changes) - allowed:
            raise TypeError(f"cannot change {sorted(unknown)} of a declared control")
        if "default" not in changes and self.kind in ("slider", "number"):
            low, high = changes.get("low", self.low), changes.get("high", self.high)
            changes["default"] = type(self.default)(min(max(self.default, low), high))
        return replace(self, **changes)


def _number(x: float | None) -> str:
    """A bound or default as the app shows numbers (``-3.14``, ``10⁶``)."""
    return "" if x is None else numbers.text(x, digits=6)


def _cell(text: str) -> str:
    """Text that may stand in a Markdown table cell."""
    return text.replace("|", "\\|")


# --- constructors, so declarations read like the widgets they become -----------------------


def slider(key: str, label: str, low: float, high: float, default: float, step=None, **kw) -> Param:
    """A slider from ``low`` to ``high``."""
    return Param(key, "slider", label, default, low, high, step, **kw)


def number(key: str, label: str, low: float, high: float, default: float, step=None, **kw) -> Param:
    """A number input from ``low`` to ``high`` (out-of-range links are clamped)."""
    return Param(key, "number", label, default, low, high, step, **kw)


def choice(key: str, label: str, options: Sequence[str], default: str | None = None, **kw) -> Param:
    """One of a few options, as a segmented control (always one chosen)."""
    options = tuple(options)
    return Param(
        key, "choice", label, options[0] if default is None else default, options=options, **kw
    )


def select(key: str, label: str, options: Sequence[str], default: str | None = None, **kw) -> Param:
    """One of many options, as a select box."""
    options = tuple(options)
    return Param(
        key, "select", label, options[0] if default is None else default, options=options, **kw
    )


def multi(key: str, label: str, options: Sequence[str], default: Sequence[str] = (), **kw) -> Param:
    """Any subset of the options, as pills (the key repeats in the URL, once per choice)."""
    return Param(key, "multi", label, tuple(default), options=tuple(options), **kw)


def toggle(key: str, label: str, default: bool = False, **kw) -> Param:
    """An on/off switch (``true``/``false`` in the URL)."""
    return Param(key, "toggle", label, default, **kw)


def text(key: str, label: str, default: str, max_chars: int, **kw) -> Param:
    """A line of typed text (a formula), at most ``max_chars`` characters."""
    return Param(key, "text", label, default, high=max_chars, **kw)


def part(label: str, options: Sequence[str], default: str | None = None, **kw) -> Param:
    """The page's part chooser: which lesson is on screen (one key, ``part``, on every page)."""
    return choice(PART, label, options, default, doc=kw.pop("doc", "the part shown"), **kw)


@dataclass(frozen=True)
class PageParams:
    """Every control of one page, in the order README lists them.

    Attributes
    ----------
    url_path : the page's address without the slash (``linear-algebra``).
    params : the page's controls.
    """

    url_path: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        keys = [p.key for p in self.params] + [a for p in self.params for a in p.aliases]
        if duplicated := sorted({key for key in keys if keys.count(key) > 1}):
            raise ValueError(f"{self.url_path}: keys declared twice: {duplicated}")

    def __getitem__(self, key: str) -> Param:
        for param in self.params:
            if param.key == key:
                return param
        raise KeyError(f"{self.url_path} declares no control {key!r}")

    def __iter__(self) -> Iterator[Param]:
        return iter(self.params)

    def __contains__(self, key: object) -> bool:
        return any(param.key == key for param in self.params)

    @property
    def part(self) -> Param | None:
        """The part chooser, if the page shows one part at a time."""
        return next((param for param in self.params if param.key == PART), None)

    def aliases(self) -> dict[str, str]:
        """Older key -> current key, for links made before a key was renamed."""
        return {alias: p.key for p in self.params for alias in p.aliases}


def page(url_path: str, *params: Param) -> PageParams:
    """A page's declaration: ``page("algebra", part(...), slider(...), ...)``."""
    return PageParams(url_path, tuple(params))


# --- derived: README's table and the collision check -----------------------------------------

README_START = "<!-- url-keys:start (generated by `python -m mathviz.params`; do not edit) -->"
README_END = "<!-- url-keys:end -->"


def readme_table(pages: Iterable[tuple[str, PageParams]]) -> str:
    """The URL-key table of README, from ``(page title, declaration)`` pairs."""
    lines = [
        "| Page (path) | Key | Control | Values | Default |",
        "| --- | --- | --- | --- | --- |",
        "| every page | `present` | presentation mode | `1` (also `true`, `yes`, `on`) | off |",
    ]
    for title, declared in pages:
        for p in declared:
            what = _cell(p.doc or p.label)
            if p.part:
                what = f"{_cell(p.part)}: {what}"
            keys = f"`{p.key}`" + "".join(f" (also `{alias}`)" for alias in p.aliases)
            lines.append(
                f"| {title} (`/{declared.url_path}`) | {keys} | {what} | {p.values_text()} "
                f"| {p.default_text()} |"
            )
    return "\n".join(lines)


def replace_readme_section(readme: str, table: str) -> str:
    """README's text with the generated table between its markers."""
    start, end = readme.index(README_START), readme.index(README_END)
    return readme[: start + len(README_START)] + "\n" + table + "\n" + readme[end:]


def collisions(pages: Iterable[PageParams]) -> list[str]:
    """Keys that two pages use with different meanings (see :meth:`Param.meaning`).

    Aliases are left out: an old key is read only by its own page, and only when the link
    does not carry the current key.
    """
    seen: dict[str, tuple[str, tuple]] = {}
    found = []
    for declared in pages:
        for p in declared:
            if p.key in seen and seen[p.key][1] != p.meaning():
                found.append(f"{p.key}: /{seen[p.key][0]} and /{declared.url_path} differ")
            seen.setdefault(p.key, (declared.url_path, p.meaning()))
    return found


def main() -> None:  # pragma: no cover (exercised by the README test through its functions)
    """Rewrite README's URL-key table from the declarations."""
    from pathlib import Path

    from mathviz import catalog

    readme = Path(__file__).resolve().parent.parent / "README.md"
    table = readme_table(catalog.all_declared_params())
    readme.write_text(replace_readme_section(readme.read_text(), table))
    print(f"README.md: {table.count(chr(10)) - 1} URL keys")


if __name__ == "__main__":
    main()
