"""README's example links open the view they describe."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from mathviz import catalog, urlstate
from tests.harness.apptest import ROOT, run_page

README = (ROOT / "README.md").read_text()
# Links written as code in README's prose: `/page?key=value&...`
LINKS = sorted(set(re.findall(r"`(/[a-z-]*\?[^`\s]+)`", README)))
PAGES = {page.url_path: page for page in catalog.PAGES}


def test_readme_gives_example_links():
    assert len(LINKS) >= 5


@pytest.mark.parametrize("link", LINKS)
def test_an_example_link_opens_its_view(link):
    address = urlparse(link)
    page = PAGES[address.path.strip("/") or "home"]
    query = parse_qs(address.query, keep_blank_values=True)
    at = run_page(page.path, query)
    assert not at.exception and not at.error, link
    declared = catalog.declared_params(page)
    for key, values in query.items():
        if key == urlstate.PRESENT_PARAM:
            assert at.session_state["present_mode"] is True
            continue
        key = declared.aliases().get(key, key)
        shown = at.session_state[key]
        if isinstance(shown, (int, float)) and not isinstance(shown, bool):
            assert [float(v) for v in values] == [float(shown)], (link, key)
        else:
            assert urlstate.serialize(shown) == values, (link, key)
