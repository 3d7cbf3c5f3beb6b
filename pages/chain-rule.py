"""The chain rule & backpropagation."""

import streamlit as st

from mathviz import ui
from mathviz.calculus.params import CHAIN_RULE as P

ui.page_header(
    "The chain rule & backpropagation",
    "Derivatives multiply along a chain: backpropagation is the chain rule, node by node.",
)


def part_0(dark: bool) -> None:
    st.info("This part is being written.")


ui.lessons(P, {"Backpropagation": part_0}, dark=ui.is_dark())
ui.why_it_matters("Training a model follows derivatives downhill.")
ui.learn_more("calculus")
