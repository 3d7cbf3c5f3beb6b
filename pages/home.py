"""Home: what the explorer is, and the learning path through it."""

import streamlit as st

from mathviz import catalog, ui
from mathviz.home import figures as home
from mathviz.resources import library as resources

ui.page_header(
    "Math for ML: a visual explorer",
    "The mathematics behind machine learning, as pictures you can move.",
)
ui.explain(
    "Every page pairs a live picture with its formula, filled in with the current numbers, and "
    "says why the idea matters for machine learning. Every control is part of the page's "
    "address, so a link reproduces exactly what you see: prepare a lecture's views the night "
    "before, then switch on **Presentation mode** in the sidebar (or add `?present=1`)."
)

st.header("The learning path")
ui.plot(home.learning_path_figure, key="learning_path", height=260 if not ui.presenting() else 340)
ui.explain(
    "The order recommended by the thread this app grew from. Blue stops have a page here, orange "
    "ones are on their way (the resources cover them meanwhile) and grey ones are practised "
    "outside the app. Hover a stop for why it comes there."
)

columns = st.columns(4)
for number, step in enumerate(catalog.LEARNING_PATH, start=1):
    with columns[(number - 1) % 4], st.container(border=True, height="stretch"):
        st.markdown(f"**{number}. {catalog.TOPICS[step.topic]}**")
        ui.explain(step.why)
        for page in map(catalog.page_for, step.page_paths):
            st.page_link(page.path, label=page.title, icon=page.icon)
        if step.coming:
            st.caption(f"In preparation: {', '.join(step.coming)}.")
        for resource in resources.filter_resources(topics=(step.topic,)):
            st.markdown(f"[{resource.title}]({resource.url})  \n:gray[{resource.kind}]")
        if step.topic == "python":
            st.caption("No maths page: practise Python first, then start at step 2.")

st.header("Advice from the thread")
for advice in resources.ADVICE:
    st.markdown(f"- {advice}")

ui.why_it_matters(
    "A model is a function with parameters (algebra), fed with vectors and matrices (linear "
    "algebra), trained by following gradients (calculus), and judged on data that is noisy "
    "and uncertain (statistics and probability). Knowing each piece turns a training script "
    "from a spell into a machine you can debug.",
    short="Model = function (algebra) of vectors (linear algebra), trained by gradients "
    "(calculus), judged under uncertainty (statistics, probability).",
)
st.page_link("pages/resources.py", label="All learning resources", icon=":material/menu_book:")
