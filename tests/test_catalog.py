"""The catalog is the table of contents: every page it lists has its file, its topic package,
its declared URL state and its tests, and the learning path names only real pages."""

import importlib

import pytest

from mathviz import catalog, params
from tests.harness.apptest import ROOT


def test_pages_exist_and_sections_are_known():
    for page in catalog.PAGES:
        assert (ROOT / page.path).is_file(), page.path
        assert page.section in catalog.SECTIONS
        assert page.topic is None or page.topic in catalog.TOPICS
    assert sum(page.default for page in catalog.PAGES) == 1


def test_pages_by_section_keeps_order_and_drops_empty_sections():
    grouped = catalog.pages_by_section()
    assert list(grouped) == [
        s for s in catalog.SECTIONS if any(p.section == s for p in catalog.PAGES)
    ]
    assert sum(len(pages) for pages in grouped.values()) == len(catalog.PAGES)


def test_unknown_section_is_rejected():
    stray = catalog.PageInfo("pages/x.py", "X", ":material/x:", "x", "Nowhere", "x")
    with pytest.raises(ValueError, match="Nowhere"):
        catalog.pages_by_section((stray,))


def test_learning_path_follows_the_thread_order():
    # The source thread: Python, trig & algebra, linear algebra, calculus, statistics,
    # probability; neural networks are where they meet.
    order = [step.topic for step in catalog.LEARNING_PATH]
    assert order == ["python", "trig", "linalg", "calculus", "stats", "probability", "nn"]


def test_every_learning_path_entry_is_a_real_page_or_marked_as_coming():
    listed = {page.path for page in catalog.PAGES}
    titles = {page.title for page in catalog.PAGES}
    for step in catalog.LEARNING_PATH:
        for path in step.page_paths:
            assert path in listed, f"{step.topic}: {path} is not a page; list it as coming"
        for title in step.coming:
            assert title not in titles, f"{title} exists now: move it to page_paths"
        assert catalog.page_for(step.page_paths[0]) if step.page_paths else True


def test_page_for():
    assert catalog.page_for("pages/home.py").title == "Home"
    with pytest.raises(KeyError, match="not_there"):
        catalog.page_for("pages/not_there.py")


def test_each_url_path_is_its_file_name():
    """Until st.navigation has run once in a server process, Streamlit routes a URL to
    ``pages/<url path>.py`` (its old pages-folder mode). A url_path that differs from the file
    name would greet a cold server's first deep link with a "Page not found" dialog."""
    for page in catalog.PAGES:
        assert page.path == f"pages/{page.url_path}.py", page


@pytest.mark.parametrize("page", catalog.PAGES, ids=lambda page: page.url_path)
def test_every_page_has_its_topic_package_declared_state_and_tests(page):
    package = ROOT / "mathviz" / page.package
    assert (package / "__init__.py").is_file(), f"{page.url_path}: no package {package}"
    importlib.import_module(f"mathviz.{page.package}")
    declared = catalog.declared_params(page)
    assert isinstance(declared, params.PageParams)
    assert declared.url_path == page.url_path
    tests = ROOT / "tests" / page.package
    assert tests.is_dir() and any(tests.glob("test_*.py")), f"no tests in {tests}"
    assert (tests / f"test_page_{page.url_path.replace('-', '_')}.py").is_file(), (
        f"{page.url_path}: its page test is tests/{page.package}/test_page_<url>.py"
    )


def test_every_topic_package_has_tests_that_mirror_its_modules():
    """A maths or figure module of a topic package has a test module of its own name."""
    for package in {page.package for page in catalog.PAGES} | {"core", "plot", "ui"}:
        for module in (ROOT / "mathviz" / package).glob("*.py"):
            if module.name == "__init__.py" or module.name.startswith("params"):
                continue
            test = ROOT / "tests" / package / f"test_{module.name}"
            assert test.is_file(), f"mathviz/{package}/{module.name} has no {test.name}"


def _imports(module_path) -> set[str]:
    import ast

    tree = ast.parse(module_path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _role(module_path) -> str:
    name = module_path.stem
    if name.startswith("figures") or module_path.parent.name == "plot":
        return "drawing"
    if name.startswith("text"):
        return "words"
    return "maths"


def test_no_module_mixes_maths_drawing_and_words():
    """Maths modules import neither plotly nor a figure or text module; text modules draw
    nothing; only mathviz/ui imports Streamlit."""
    topics = {page.package for page in catalog.PAGES} | {"core", "plot"}
    for package in topics:
        for module in (ROOT / "mathviz" / package).glob("*.py"):
            imported = _imports(module)
            where = f"mathviz/{package}/{module.name}"
            assert not any(i.split(".")[0] == "streamlit" for i in imported), where
            role = _role(module)
            if role != "drawing":
                assert not any(i.split(".")[0] == "plotly" for i in imported), where
                assert not any(".figures" in i or i.endswith("traces") for i in imported), where
            if role == "maths":
                assert not any(i.split(".")[-1].startswith("text") for i in imported), where
