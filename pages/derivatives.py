"""Derivatives & Taylor series."""

import streamlit as st

from mathviz import ui
from mathviz.calculus.params import DERIVATIVES as P

ui.page_header(
    "Derivatives & Taylor series", "A derivative is the slope you see when you zoom in far enough."
)


def part_0(dark: bool) -> None:
    st.info("This part is being written.")


def part_1(dark: bool) -> None:
    st.info("This part is being written.")


def part_2(dark: bool) -> None:
    st.info("This part is being written.")


ui.lessons(
    P,
    {"Secant to tangent": part_0, "Three ways to differentiate": part_1, "Taylor series": part_2},
    dark=ui.is_dark(),
)
ui.why_it_matters("Training a model follows derivatives downhill.")
ui.learn_more("calculus")
