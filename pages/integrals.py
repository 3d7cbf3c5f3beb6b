"""Integrals."""

import streamlit as st

from mathviz import ui
from mathviz.calculus.params import INTEGRALS as P

ui.page_header("Integrals", "An integral adds up thin slices; its slope gives back the function.")


def part_0(dark: bool) -> None:
    st.info("This part is being written.")


def part_1(dark: bool) -> None:
    st.info("This part is being written.")


def part_2(dark: bool) -> None:
    st.info("This part is being written.")


ui.lessons(
    P,
    {"Riemann sums": part_0, "Error and order": part_1, "Fundamental theorem": part_2},
    dark=ui.is_dark(),
)
ui.why_it_matters("Training a model follows derivatives downhill.")
ui.learn_more("calculus")
