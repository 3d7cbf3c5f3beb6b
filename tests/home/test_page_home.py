"""The Home page: the learning path with a link to every page on it."""

from mathviz import catalog
from tests.harness.apptest import figures, run_page


def test_home_page_links_every_existing_page_of_the_path():
    at = run_page("pages/home.py")
    linked = {link.proto.page for link in at.get("page_link")}
    expected = {
        page.url_path
        for step in catalog.LEARNING_PATH
        for path in step.page_paths
        for page in [catalog.page_for(path)]
    }
    assert expected | {"resources"} == linked
    (fig,) = figures(at)
    assert len(fig["data"][1]["x"]) == len(catalog.LEARNING_PATH)


def test_coming_pages_are_announced_as_in_preparation():
    at = run_page("pages/home.py")
    captions = " ".join(c.value for c in at.caption)
    for step in catalog.LEARNING_PATH:
        for title in step.coming:
            assert title in captions
