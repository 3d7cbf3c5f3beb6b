"""The app's table of contents: pages, sections and the learning path, as plain data.

``app.py`` builds ``st.navigation`` from :data:`PAGES`; the tests read the same tuple, so a
page added here is smoke-tested, monkey-tested and browser-tested without further wiring.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page of the app.

    Attributes
    ----------
    path : script path relative to the repository root, ``pages/<url_path>.py``: the file
        is named like its address, because Streamlit routes a cold server's first deep link
        by file name (see tests/test_catalog.py).
    title : the name shown in the navigation.
    icon : a Material icon in Streamlit's ``:material/name:`` form.
    url_path : the readable address, e.g. ``linear-algebra`` for ``/linear-algebra``.
    section : the navigation section the page sits in.
    topic : the key in :data:`TOPICS` whose resources the page's "Learn more" lists.
    default : whether this is the page served at ``/``.
    """

    path: str
    title: str
    icon: str
    url_path: str
    section: str
    topic: str | None = None
    default: bool = False


# Topic keys are shared by pages, the learning path and the resources' ``topics``.
TOPICS: dict[str, str] = {
    "python": "Python programming",
    "trig": "Trigonometry & algebra",
    "linalg": "Linear algebra",
    "calculus": "Calculus",
    "stats": "Statistics",
    "probability": "Probability",
    "nn": "Neural networks",
}

# Sections in navigation order; a section with no page yet is simply not shown.
SECTIONS: tuple[str, ...] = (
    "Start",
    "Foundations",
    "Linear algebra",
    "Calculus",
    "Probability & statistics",
    "Neural networks",
    "Resources",
)

PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/home.py", "Home", ":material/home:", "home", "Start", default=True),
    PageInfo(
        "pages/trigonometry.py",
        "Trigonometry",
        ":material/change_history:",
        "trigonometry",
        "Foundations",
        topic="trig",
    ),
    PageInfo(
        "pages/algebra.py",
        "Algebra",
        ":material/functions:",
        "algebra",
        "Foundations",
        topic="trig",
    ),
    PageInfo(
        "pages/linear-algebra.py",
        "Matrices as transformations",
        ":material/grid_on:",
        "linear-algebra",
        "Linear algebra",
        topic="linalg",
    ),
    PageInfo(
        "pages/eigenvectors-svd.py",
        "Eigenvectors & SVD",
        ":material/open_with:",
        "eigenvectors-svd",
        "Linear algebra",
        topic="linalg",
    ),
    PageInfo(
        "pages/vectors.py",
        "Vectors & projections",
        ":material/call_made:",
        "vectors",
        "Linear algebra",
        topic="linalg",
    ),
    PageInfo(
        "pages/resources.py",
        "Learning resources",
        ":material/menu_book:",
        "resources",
        "Resources",
    ),
)


@dataclass(frozen=True)
class PathStep:
    """One step of the recommended learning path (the order of the source thread)."""

    topic: str
    why: str
    page_paths: tuple[str, ...] = ()


LEARNING_PATH: tuple[PathStep, ...] = (
    PathStep(
        "python",
        "Before the maths: be comfortable writing Python, so every idea here can be tried in code.",
    ),
    PathStep(
        "trig",
        "The prerequisites for everything else: functions, graphs, angles, waves, exp and log.",
        ("pages/trigonometry.py", "pages/algebra.py"),
    ),
    PathStep(
        "linalg",
        "How data is represented and manipulated: vectors, matrices, transformations.",
        ("pages/linear-algebra.py", "pages/eigenvectors-svd.py", "pages/vectors.py"),
    ),
    PathStep(
        "calculus",
        "How models are trained and optimised: derivatives, gradients, gradient descent.",
        ("pages/calculus.py", "pages/gradient_descent.py"),
    ),
    PathStep(
        "stats",
        "How to make sense of the data you have: summaries, estimates, uncertainty.",
        ("pages/statistics.py",),
    ),
    PathStep(
        "probability",
        "How to decide under uncertainty: distributions, sampling, Bayes.",
        ("pages/probability.py",),
    ),
    PathStep(
        "nn",
        "Where it all meets: a neural network is linear algebra, calculus and probability.",
        ("pages/neural_networks.py",),
    ),
)


def pages_by_section(pages: tuple[PageInfo, ...] = PAGES) -> dict[str, list[PageInfo]]:
    """Group pages by section, in :data:`SECTIONS` order, dropping empty sections."""
    unknown = {page.section for page in pages} - set(SECTIONS)
    if unknown:
        raise ValueError(f"pages in unknown sections: {sorted(unknown)}")
    grouped = {section: [p for p in pages if p.section == section] for section in SECTIONS}
    return {section: listed for section, listed in grouped.items() if listed}


def page_for(path: str) -> PageInfo | None:
    """The listed page with this script path, or None if it does not exist (yet)."""
    return next((page for page in PAGES if page.path == path), None)
