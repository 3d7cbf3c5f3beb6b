"""URL-bound controls: widgets built from a page's declared parameters (``mathviz.params``).

``control(P["amp"])`` draws the widget the declaration describes, bound to the URL under its
key; ``controls`` draws several side by side; ``part`` draws the page's part chooser. The
lower-level ``slider``/``number``/``choice``/``select``/``multi``/``toggle`` are what those
call, and what the adapter's own tests use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from mathviz.params import PageParams, Param
from mathviz.ui.shell import BOUND

_ALIASES_READ = "_mv_aliases_read"  # pages whose old link keys were translated this session


def _bind(key: str, default: Any) -> dict[str, Any]:
    st.session_state.setdefault(BOUND, {})[key] = default
    return {"key": key, "bind": "query-params"}


def slider(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    **kwargs: Any,
) -> Any:
    """A slider kept in the URL under ``key``.

    When the range depends on another control, a value this session kept from before may fall
    outside the new range; it is clamped into it rather than raising.
    """
    kept = st.session_state.get(key)
    if kept is not None:
        clamped = _clamp(kept, min_value, max_value)
        if clamped != kept:
            st.session_state[key] = clamped
    return st.slider(label, min_value, max_value, value, step, **_bind(key, value), **kwargs)


def _clamp(value: Any, low: float, high: float) -> Any:
    if isinstance(value, (tuple, list)):
        return type(value)(_clamp(v, low, high) for v in value)
    if isinstance(value, (int, float)):
        return type(value)(min(max(value, low), high))
    return value


def number(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    **kwargs: Any,
) -> Any:
    """A number input kept in the URL under ``key``; out-of-range URL values are clamped.

    Whole-number inputs are float inputs shown without decimals: Streamlit's integer input
    crashes on a URL value such as ``1e400`` (it converts infinity to int), its float input
    does not.
    """
    whole = all(isinstance(v, int) for v in (min_value, max_value, value, step or 1))
    if not whole:
        return st.number_input(
            label, min_value, max_value, value, step, **_bind(key, value), **kwargs
        )
    chosen = st.number_input(
        label,
        float(min_value),
        float(max_value),
        float(value),
        float(step or 1),
        format="%.0f",
        **_bind(key, float(value)),
        **kwargs,
    )
    return int(round(chosen))


def choice(
    label: str, options: Sequence[str], key: str, value: str | None = None, **kwargs: Any
) -> str:
    """One of a few options as a segmented control kept in the URL (always one selected)."""
    default = value if value is not None else options[0]
    return st.segmented_control(
        label, list(options), default=default, required=True, **_bind(key, default), **kwargs
    )


def select(
    label: str, options: Sequence[str], key: str, value: str | None = None, **kwargs: Any
) -> str:
    """One of many options as a select box kept in the URL."""
    default = value if value is not None else options[0]
    index = list(options).index(default)
    return st.selectbox(label, list(options), index=index, **_bind(key, default), **kwargs)


def multi(
    label: str,
    options: Sequence[str],
    key: str,
    value: Sequence[str] = (),
    **kwargs: Any,
) -> list[str]:
    """Any subset of the options as pills kept in the URL (the key repeats per selection)."""
    default = list(value)
    return list(
        st.pills(
            label,
            list(options),
            selection_mode="multi",
            default=default,
            **_bind(key, default),
            **kwargs,
        )
    )


def row(*controls: Callable[[], Any]) -> list[Any]:
    """Controls side by side, each made in its own column; returns their values in order."""
    values = []
    for column, control in zip(st.columns(len(controls)), controls, strict=True):
        with column:
            values.append(control())
    return values


def toggle(label: str, key: str, value: bool = False, **kwargs: Any) -> bool:
    """An on/off switch kept in the URL (``true``/``false``)."""
    return st.toggle(label, value=value, **_bind(key, value), **kwargs)


# --- controls from declarations -------------------------------------------------------------


def control(param: Param, **options: Any) -> Any:
    """The widget ``param`` declares, kept in the URL under its key; returns its value.

    ``options`` are passed to the Streamlit widget (``help``, ``disabled``,
    ``label_visibility``...). A control whose range depends on another control is declared
    with its widest range and drawn with ``control(param.with_range(...))``.
    """
    extra = {"help": param.help} if param.help else {}
    extra.update(options)
    if param.kind == "slider":
        return slider(
            param.label, param.key, param.low, param.high, param.default, param.step, **extra
        )
    if param.kind == "number":
        if param.format:
            extra.setdefault("format", param.format)
        return number(
            param.label, param.key, param.low, param.high, param.default, param.step, **extra
        )
    if param.kind == "choice":
        return choice(param.label, param.options, param.key, param.default, **extra)
    if param.kind == "select":
        return select(param.label, param.options, param.key, param.default, **extra)
    if param.kind == "multi":
        return multi(param.label, param.options, param.key, param.default, **extra)
    return toggle(param.label, param.key, param.default, **extra)


def controls(*declared: Param) -> list[Any]:
    """Declared controls side by side, one column each; their values in order."""
    return row(*(functools.partial(control, param) for param in declared))


def read_old_links(page: PageParams) -> None:
    """Read a link's renamed keys (``chapter=``, ``lesson=``...) as their current key.

    The URL is rewritten once (old key out, current key in) and the page reruns, so the
    bound widgets are seeded from it exactly as from a current link.
    """
    aliases = page.aliases()
    if not aliases:
        return
    moved = False
    for old, new in aliases.items():
        if old in st.query_params:
            values = st.query_params.get_all(old)
            del st.query_params[old]
            if new not in st.query_params:
                st.query_params[new] = values
            moved = True
    if moved:
        st.rerun()


def part(page: PageParams) -> str:
    """The page's part chooser (key ``part``): which lesson is on screen."""
    read_old_links(page)
    if page.part is None:
        raise KeyError(f"/{page.url_path} declares no part chooser")
    return control(page.part)
