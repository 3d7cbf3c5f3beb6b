"""The benchmark's baseline: the smallest Streamlit page with one slider and one plotly line.

Browser timings of the real pages are reported as ratios to this page, measured alternately
with them on the same machine, so the numbers say how a page compares with the simplest thing
Streamlit can serve. It runs with Streamlit's default settings (``python -m bench`` starts it
from ``bench/``, where no ``.streamlit/config.toml`` applies): the app's own tuning, such as
its garbage-collector settings, is part of what is measured, not of the yardstick.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
frequency = st.slider("Frequency", 1.0, 10.0, 2.0, 0.5, key="f")
x = np.linspace(0.0, 2 * np.pi, 200)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(frequency * x))), width="stretch")
