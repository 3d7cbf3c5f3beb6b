"""Math for ML - a visual explorer: the tested core (pure numpy/scipy/plotly).

``mathviz.ui`` is the only module that imports Streamlit.
"""
