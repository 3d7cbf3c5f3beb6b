"""The app's table of contents: pages, sections and the learning path, as plain data.

``app.py`` builds ``st.navigation`` from :data:`PAGES`; the tests read the same tuple, so a
page added here is smoke-tested, monkey-tested and browser-tested without further wiring.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mathviz.params import PageParams


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
    package : the ``mathviz`` package that holds the page's maths, figures and declared URL
        state (``mathviz/<package>/params.py``); its tests are in ``tests/<package>/``.
    topic : the key in :data:`TOPICS` whose resources the page's "Learn more" lists.
    default : whether this is the page served at ``/``.
    """

    path: str
    title: str
    icon: str
    url_path: str
    section: str
    package: str
    topic: str | None = None
    default: bool = False

    @property
    def params_name(self) -> str:
        """The name of the page's declaration in its package's ``params`` module."""
        return self.url_path.upper().replace("-", "_")


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
    PageInfo("pages/home.py", "Home", ":material/home:", "home", "Start", "home", default=True),
    PageInfo(
        "pages/trigonometry.py",
        "Trigonometry",
        ":material/change_history:",
        "trigonometry",
        "Foundations",
        "trig",
        topic="trig",
    ),
    PageInfo(
        "pages/algebra.py",
        "Algebra",
        ":material/functions:",
        "algebra",
        "Foundations",
        "algebra",
        topic="trig",
    ),
    PageInfo(
        "pages/linear-algebra.py",
        "Matrices as transformations",
        ":material/grid_on:",
        "linear-algebra",
        "Linear algebra",
        "linalg",
        topic="linalg",
    ),
    PageInfo(
        "pages/eigenvectors-svd.py",
        "Eigenvectors & SVD",
        ":material/open_with:",
        "eigenvectors-svd",
        "Linear algebra",
        "linalg",
        topic="linalg",
    ),
    PageInfo(
        "pages/vectors.py",
        "Vectors & projections",
        ":material/call_made:",
        "vectors",
        "Linear algebra",
        "linalg",
        topic="linalg",
    ),
    PageInfo(
        "pages/derivatives.py",
        "Derivatives & Taylor series",
        ":material/show_chart:",
        "derivatives",
        "Calculus",
        "calculus",
        topic="calculus",
    ),
    PageInfo(
        "pages/integrals.py",
        "Integrals",
        ":material/area_chart:",
        "integrals",
        "Calculus",
        "calculus",
        topic="calculus",
    ),
    PageInfo(
        "pages/gradients.py",
        "Gradients & the Hessian",
        ":material/landscape:",
        "gradients",
        "Calculus",
        "calculus",
        topic="calculus",
    ),
    PageInfo(
        "pages/chain-rule.py",
        "The chain rule & backpropagation",
        ":material/account_tree:",
        "chain-rule",
        "Calculus",
        "calculus",
        topic="calculus",
    ),
    PageInfo(
        "pages/gradient-descent.py",
        "Gradient descent & optimisers",
        ":material/trending_down:",
        "gradient-descent",
        "Calculus",
        "optim",
        topic="calculus",
    ),
    PageInfo(
        "pages/statistics.py",
        "Statistics",
        ":material/bar_chart:",
        "statistics",
        "Probability & statistics",
        "stats",
        topic="stats",
    ),
    PageInfo(
        "pages/hypothesis-testing.py",
        "Hypothesis testing",
        ":material/rule:",
        "hypothesis-testing",
        "Probability & statistics",
        "stats",
        topic="stats",
    ),
    PageInfo(
        "pages/regression.py",
        "Regression & over-fitting",
        ":material/show_chart:",
        "regression",
        "Probability & statistics",
        "stats",
        topic="stats",
    ),
    PageInfo(
        "pages/distributions.py",
        "Distributions",
        ":material/bar_chart:",
        "distributions",
        "Probability & statistics",
        "probability",
        topic="probability",
    ),
    PageInfo(
        "pages/limit-theorems.py",
        "Sampling & the limit theorems",
        ":material/casino:",
        "limit-theorems",
        "Probability & statistics",
        "probability",
        topic="probability",
    ),
    PageInfo(
        "pages/conditional-probability.py",
        "Bayes & joint distributions",
        ":material/join_inner:",
        "conditional-probability",
        "Probability & statistics",
        "probability",
        topic="probability",
    ),
    PageInfo(
        "pages/sampling.py",
        "How ML samples",
        ":material/scatter_plot:",
        "sampling",
        "Probability & statistics",
        "probability",
        topic="probability",
    ),
    PageInfo(
        "pages/neural-network.py",
        "Neural-network playground",
        ":material/hub:",
        "neural-network",
        "Neural networks",
        "nn",
        topic="nn",
    ),
    PageInfo(
        "pages/resources.py",
        "Learning resources",
        ":material/menu_book:",
        "resources",
        "Resources",
        "resources",
    ),
)


@dataclass(frozen=True)
class PathStep:
    """One step of the recommended learning path (the order of the source thread).

    Attributes
    ----------
    topic : the key in :data:`TOPICS`.
    why : why the step comes here, in one sentence.
    page_paths : script paths of the pages that teach it; each must be a page in :data:`PAGES`
        (a test fails otherwise).
    coming : titles of pages that are planned but not written yet: Home shows them as "in
        preparation". A page moves from here to ``page_paths`` when it lands.
    """

    topic: str
    why: str
    page_paths: tuple[str, ...] = ()
    coming: tuple[str, ...] = ()


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
        (
            "pages/derivatives.py",
            "pages/integrals.py",
            "pages/gradients.py",
            "pages/chain-rule.py",
            "pages/gradient-descent.py",
        ),
    ),
    PathStep(
        "stats",
        "How to make sense of the data you have: summaries, estimates, uncertainty.",
        ("pages/statistics.py", "pages/hypothesis-testing.py", "pages/regression.py"),
    ),
    PathStep(
        "probability",
        "How to decide under uncertainty: distributions, sampling, Bayes.",
        (
            "pages/distributions.py",
            "pages/limit-theorems.py",
            "pages/conditional-probability.py",
            "pages/sampling.py",
        ),
    ),
    PathStep(
        "nn",
        "Where it all meets: a neural network is linear algebra, calculus and probability.",
        ("pages/neural-network.py",),
    ),
)


def pages_by_section(pages: tuple[PageInfo, ...] = PAGES) -> dict[str, list[PageInfo]]:
    """Group pages by section, in :data:`SECTIONS` order, dropping empty sections."""
    unknown = {page.section for page in pages} - set(SECTIONS)
    if unknown:
        raise ValueError(f"pages in unknown sections: {sorted(unknown)}")
    grouped = {section: [p for p in pages if p.section == section] for section in SECTIONS}
    return {section: listed for section, listed in grouped.items() if listed}


def page_for(path: str) -> PageInfo:
    """The listed page with this script path.

    Raises
    ------
    KeyError
        If no page has that path (the learning path's test catches a wrong one).
    """
    for page in PAGES:
        if page.path == path:
            return page
    raise KeyError(f"no page {path!r} in the catalog")


def declared_params(page: PageInfo) -> PageParams:
    """The page's declared URL state: ``mathviz.<package>.params.<URL_PATH>``."""
    module = importlib.import_module(f"mathviz.{page.package}.params")
    return getattr(module, page.params_name)


def all_declared_params() -> list[tuple[str, PageParams]]:
    """``(title, declaration)`` of every page, in navigation order (README's table)."""
    ordered = [p for listed in pages_by_section().values() for p in listed]
    return [(page.title, declared_params(page)) for page in ordered]
