"""TEMPORARY: the old page API while pages move to declared parameters. Deleted at the end of
the move; nothing new may use it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from mathviz.ui.controls import row, slider


def sliders(*specs: tuple) -> list[Any]:
    return row(*(functools.partial(slider, *spec) for spec in specs))


def remembered(name: str, inputs: tuple, build: Callable[[], Any]) -> Any:
    ctx = get_script_run_ctx()
    slot = (ctx.page_script_hash if ctx else "", name)
    kept = st.session_state.setdefault("_mv_remembered", {})
    if slot not in kept or kept[slot][0] != inputs:
        kept[slot] = (inputs, build())
    return kept[slot][1]
