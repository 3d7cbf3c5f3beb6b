"""The curated resources and the thread's advice, as data."""

from urllib.parse import urlparse

import pytest

from mathviz import catalog
from mathviz.resources import library as resources

THREAD_URLS = {
    "https://youtu.be/aircAruvnKk",
    "https://seeing-theory.brown.edu/basic-probability/index.html",
    "https://www.youtube.com/playlist?list=PL49CF3715CB9EF31D",
    "https://www.youtube.com/watch?v=fNk_zzaMoSs&list=PLZHQObOWTQDPD3MizzM2xVFitgF8hE_ab",
    "https://www.khanacademy.org/math",
    "https://www.youtube.com/watch?v=WUvTyaaNkzM&list=PL0-GT3co4r2wlh6UHTUeQsrf3mlS2lk6x",
    "https://mml-book.github.io",
}


def test_every_resource_of_the_thread_is_listed_once():
    urls = [r.url for r in resources.RESOURCES]
    assert sorted(urls) == sorted(THREAD_URLS)


@pytest.mark.parametrize("resource", resources.RESOURCES, ids=lambda r: r.title[:20])
def test_resource_is_complete(resource):
    for field in ("title", "author", "description"):
        assert getattr(resource, field).strip(), field
    assert len(resource.description) >= 60, "a real description, not a stub"
    assert resource.kind in resources.KINDS
    assert resource.level in resources.LEVELS
    assert resource.topics and set(resource.topics) <= set(catalog.TOPICS)
    parsed = urlparse(resource.url)
    assert parsed.scheme == "https" and "." in parsed.netloc and " " not in resource.url


def test_every_maths_topic_has_a_resource():
    for topic in set(catalog.TOPICS) - {"python"}:
        assert resources.filter_resources(topics=[topic]), topic


def test_filter_matches_a_brute_force_reading():
    for topic in catalog.TOPICS:
        for kind in resources.KINDS:
            expected = [r for r in resources.RESOURCES if topic in r.topics and r.kind == kind]
            assert resources.filter_resources([topic], [kind]) == expected
    assert resources.filter_resources() == list(resources.RESOURCES)
    books = resources.filter_resources(kinds=["book"])
    assert [r.url for r in books] == ["https://mml-book.github.io"]


def test_filter_rejects_unknown_names():
    with pytest.raises(ValueError):
        resources.filter_resources(topics=["astrology"])


def test_advice_covers_the_thread():
    text = " ".join(resources.ADVICE).lower()
    for phrase in ("python", "trigonometry", "algebra", "after the fundamentals"):
        assert phrase in text
