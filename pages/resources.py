"""Resources: the curated list, filterable by topic and kind."""

import streamlit as st

from mathviz import catalog, ui
from mathviz.resources import library as resources
from mathviz.resources.params import RESOURCES as P

ui.page_header(
    "Learning resources",
    "The best free places to learn each topic, chosen by someone who walked the path.",
)

topic_labels = ui.control(P["topic"])
kinds = ui.control(P["kind"])

label_to_topic = {label: topic for topic, label in catalog.TOPICS.items()}
chosen = resources.filter_resources(
    topics=[label_to_topic[label] for label in topic_labels], kinds=kinds
)
st.caption(f"{len(chosen)} of {len(resources.RESOURCES)} resources match.")

columns = st.columns(2)
for index, resource in enumerate(chosen):
    with columns[index % 2]:
        ui.resource_card(resource)
if not chosen:
    st.info("No resource matches every filter: clear one to see more.")

st.header("Advice from the thread")
for advice in resources.ADVICE:
    st.markdown(f"- {advice}")

ui.why_it_matters(
    "Interactive pictures build intuition; courses and books make it precise. Use both: watch "
    "the idea move here, then work the exercises of a course until the formulas feel obvious.",
    short="Intuition here; precision in the courses and the book.",
)
