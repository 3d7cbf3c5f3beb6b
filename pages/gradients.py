"""Gradients & the Hessian."""

import streamlit as st

from mathviz import ui
from mathviz.calculus.params import GRADIENTS as P

ui.page_header(
    "Gradients & the Hessian",
    "The gradient points uphill, across the level curves; the Hessian says how the surface bends.",
)


def part_0(dark: bool) -> None:
    st.info("This part is being written.")


def part_1(dark: bool) -> None:
    st.info("This part is being written.")


def part_2(dark: bool) -> None:
    st.info("This part is being written.")


ui.lessons(
    P,
    {"Surface and gradient": part_0, "Directional derivative": part_1, "Hessian": part_2},
    dark=ui.is_dark(),
)
ui.why_it_matters("Training a model follows derivatives downhill.")
ui.learn_more("calculus")
