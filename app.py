"""Math for ML - a visual explorer. Run with ``streamlit run app.py``."""

from pathlib import Path

import streamlit as st

from mathviz import catalog, ui

present = ui.start_run()
st.set_page_config(
    page_title="Math for ML - a visual explorer",
    page_icon=str(Path(__file__).parent / "assets" / "icon.png"),
    layout="wide",
    initial_sidebar_state="collapsed" if present else "auto",
)

navigation = st.navigation(
    {
        section: [
            st.Page(
                page.path,
                title=page.title,
                icon=page.icon,
                url_path=page.url_path,
                default=page.default,
            )
            for page in pages
        ]
        for section, pages in catalog.pages_by_section().items()
    }
)

with st.sidebar:
    ui.presentation_toggle()
    ui.reserve_link()

navigation.run()
ui.link_to_view()
