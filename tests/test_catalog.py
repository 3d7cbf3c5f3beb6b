from conftest import ROOT

from mathviz import catalog


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
    import pytest

    stray = catalog.PageInfo("pages/x.py", "X", ":material/x:", "x", "Nowhere")
    with pytest.raises(ValueError, match="Nowhere"):
        catalog.pages_by_section((stray,))


def test_learning_path_follows_the_thread_order():
    # The source thread: Python, trig & algebra, linear algebra, calculus, statistics,
    # probability; neural networks are where they meet.
    order = [step.topic for step in catalog.LEARNING_PATH]
    assert order == ["python", "trig", "linalg", "calculus", "stats", "probability", "nn"]


def test_page_for():
    assert catalog.page_for("pages/home.py").title == "Home"
    assert catalog.page_for("pages/not_there.py") is None


def test_each_url_path_is_its_file_name():
    """Until st.navigation has run once in a server process, Streamlit routes a URL to
    ``pages/<url path>.py`` (its old pages-folder mode). A url_path that differs from the file
    name would greet a cold server's first deep link with a "Page not found" dialog."""
    for page in catalog.PAGES:
        assert page.path == f"pages/{page.url_path}.py", page
