"""The Learning resources page: filters from the URL."""

from mathviz.resources import library as resources
from tests.harness.apptest import run_page


def test_resources_page_shows_exactly_the_filtered_cards():
    at = run_page("pages/resources.py", {"topic": "Probability", "kind": ["website"]})
    shown = [m.value for m in at.markdown if m.value.startswith("**[")]
    expected = resources.filter_resources(["probability"], ["website"])
    assert len(shown) == len(expected) == 2
    for resource in expected:
        assert any(resource.url in card for card in shown)
    assert at.caption[0].value == f"2 of {len(resources.RESOURCES)} resources match."


def test_no_match_says_so_instead_of_an_empty_page():
    at = run_page("pages/resources.py", {"topic": "Calculus", "kind": ["lecture course"]})
    assert not at.exception
    assert "No resource matches" in at.info[0].value
