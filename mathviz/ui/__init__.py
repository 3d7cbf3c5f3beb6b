"""The one Streamlit adapter: the only module tree of ``mathviz`` that imports Streamlit.

Pages call ``from mathviz import ui`` and use what is listed here, so that every page has the
same skeleton (title, idea, controls, picture, formula, why it matters, learn more), every
control lives in the URL, and presentation mode applies everywhere.

- :mod:`.shell`: a run's lifecycle, presentation mode, the sidebar's link, sections;
- :mod:`.controls`: URL-bound widgets built from a page's declared parameters;
- :mod:`.plotting`: drawing figures, and the one memoisation path for them;
- :mod:`.skeleton`: the page skeleton, the part (lesson) chooser and a lesson's stage.
"""

from mathviz.ui.controls import (
    control,
    controls,
    hiding,
    mark_slider,
    part,
    read_old_links,
    row,
    typed,
)
from mathviz.ui.plotting import PLOTLY_CONFIG, plot
from mathviz.ui.shell import (
    is_dark,
    link_to_view,
    presentation_toggle,
    presenting,
    reserve_link,
    section,
    start_run,
)
from mathviz.ui.skeleton import (
    Lesson,
    explain,
    formula,
    learn_more,
    lessons,
    notes,
    page_header,
    picture_and_words,
    resource_card,
    stage,
    uploaded,
    why_it_matters,
    with_progress,
)

__all__ = [
    "PLOTLY_CONFIG",
    "Lesson",
    "control",
    "controls",
    "hiding",
    "explain",
    "formula",
    "is_dark",
    "learn_more",
    "lessons",
    "link_to_view",
    "mark_slider",
    "notes",
    "page_header",
    "part",
    "picture_and_words",
    "plot",
    "presentation_toggle",
    "presenting",
    "read_old_links",
    "reserve_link",
    "resource_card",
    "row",
    "section",
    "stage",
    "start_run",
    "typed",
    "uploaded",
    "why_it_matters",
    "with_progress",
]
