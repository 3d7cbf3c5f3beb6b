"""Distributions: an explorer of the registry (PMF/PDF and CDF, story, support, moments,
quantiles, related distributions, the code that samples it) and limits animated."""

import streamlit as st

from mathviz import ui
from mathviz.plot.animation import speed_factor
from mathviz.probability import distributions
from mathviz.probability import figures_distributions as figures
from mathviz.probability import text_distributions as words
from mathviz.probability.params import DISTRIBUTIONS as P
from mathviz.probability.params_distributions import EXPLORER, LIMITS

ui.page_header(
    "Distributions",
    "Each distribution is a story about what is counted or measured; its formulas follow.",
)


def distribution_ui() -> tuple[distributions.Distribution, dict]:
    """The chooser and the chosen distribution's parameters (its own labels and defaults)."""
    entry = distributions.DISTRIBUTIONS[ui.control(P["dist"])]
    shown = entry.controls()
    chosen = []
    for start in range(0, len(shown), 3):  # rows of three (the die has six weights)
        chosen += ui.controls(*shown[start : start + 3])
    return entry, dict(zip(entry.keys, chosen, strict=True))


def related_links(entry: distributions.Distribution, values: dict) -> None:
    """Each related distribution as a link that opens it with matching parameters."""
    st.markdown("**Related distributions**")
    for relation in entry.related:
        st.page_link(
            "pages/distributions.py",
            label=words.relation_label(relation.how, relation.target),
            icon=":material/arrow_forward:",
            query_params=distributions.link_query(relation, values),
        )


def explorer_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        entry, given = distribution_ui()
        level = ui.control(P["dq"])
    values = entry.values(given)
    view = distributions.view(entry.name, tuple(sorted(values.items())), float(level))
    with stage.picture:
        ui.plot(figures.explorer_figure, view, dark, key="explorer_chart", height=420)
    with stage.words:
        ui.notes(words.view_notes(entry, view, entry.problems(given)))
        st.markdown(entry.story)
        for line in words.definition_latex(entry):
            ui.formula(line)
        for line in words.moment_latex(entry, view):
            ui.formula(line)
        for line in words.quantile_latex(view):
            ui.formula(line)
    ui.explain(words.EXPLORER_EXPLAIN)
    related_links(entry, values)
    st.markdown("**Sampling it**: numpy and scipy, with the values above")
    st.code(words.sampling_code(entry, values), language="python")


def limits_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        name = ui.control(P["dlim"])
        limit = distributions.LIMITS[name]
        *chosen, speed = ui.controls(*(P[key] for key in limit.keys), P["speed"])
        given = dict(zip(limit.keys, chosen, strict=True))
    lam, prob = given.get("lam", P["lam"].default), given.get("prob", P["prob"].default)
    run = distributions.limit_run(name, float(lam), float(prob))
    with stage.picture:
        ui.plot(figures.limit_figure, run, speed_factor(speed), dark, key="limit_chart",
                height=480)  # fmt: skip
    with stage.words:
        for line in words.LIMIT_FORMULAS[name]:
            ui.formula(line)
        ui.notes(words.limit_notes(run))
    ui.explain(words.LIMITS_EXPLAIN)


ui.lessons(P, {EXPLORER: explorer_lesson, LIMITS: limits_lesson}, dark=ui.is_dark())
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("probability")
