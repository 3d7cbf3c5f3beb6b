"""Declared URL state: declarations check themselves, README's table and the key collisions
are derived from them."""

import pytest

from mathviz import catalog, params
from mathviz.params import choice, multi, number, page, part, select, slider, toggle
from tests.harness.apptest import ROOT


def test_a_declaration_refuses_a_default_outside_its_range_or_options():
    with pytest.raises(ValueError, match="outside"):
        slider("n", "n", 0, 10, 11)
    with pytest.raises(ValueError, match="not among"):
        choice("c", "c", ["a", "b"], "z")
    with pytest.raises(ValueError, match="not among"):
        multi("m", "m", ["a", "b"], ["a", "z"])
    with pytest.raises(ValueError, match="True or False"):
        toggle("t", "t", 1)


def test_a_page_refuses_a_key_declared_twice_even_as_an_alias():
    with pytest.raises(ValueError, match="twice"):
        page("p", slider("n", "n", 0, 1, 0), toggle("n", "n"))
    with pytest.raises(ValueError, match="twice"):
        page("p", part("Part", ["a", "b"], aliases=("view",)), choice("view", "v", ["x"]))


def test_whole_numbers_are_told_from_floats():
    assert slider("n", "n", 0, 10, 3).whole
    assert not slider("x", "x", 0.0, 1.0, 0.5, 0.1).whole
    assert not toggle("t", "t").whole


def test_the_part_chooser_has_one_key_everywhere_and_old_keys_as_aliases():
    declared = page("p", part("Chapter", ["a", "b"], aliases=("chapter",)))
    assert declared.part.key == params.PART == "part"
    assert declared.aliases() == {"chapter": "part"}
    assert page("q").part is None


def test_with_range_changes_only_the_range():
    amount = slider("t1", "amount", -180.0, 180.0, 0.0, 1.0)
    narrow = amount.with_range(low=-3.0, high=3.0, default=1.0, step=0.1)
    assert (narrow.key, narrow.low, narrow.high, narrow.default) == ("t1", -3.0, 3.0, 1.0)
    with pytest.raises(TypeError, match="key"):
        amount.with_range(key="other")
    assert amount.with_range(low=10.0).default == 10.0, "a default outside is clamped in"


def test_collisions_find_a_key_with_two_meanings_but_allow_other_defaults():
    one = page("one", slider("n", "Points n", 10, 100, 50), part("Part", ["a", "b"]))
    same = page("two", slider("n", "Points n", 10, 100, 20), part("Show", ["c", "d"]))
    other = page("three", slider("n", "Steps", 10, 100, 50))
    wider = page("four", slider("n", "Points n", 10, 1000, 50))
    assert params.collisions([one, same]) == []
    assert params.collisions([one, other]) == ["n: /one and /three differ"]
    assert params.collisions([one, wider]) == ["n: /one and /four differ"]


def test_readme_table_lists_every_key_with_values_and_default():
    declared = page(
        "demo",
        part("Part", ["One", "Two | three"], aliases=("view",)),
        number("a", "a", -1e6, 1e6, 3.0, 0.5, doc="entry a"),
        select("p", "Preset", ["x", "y"], "y", part="One"),
        toggle("eig", "Eigenvectors"),
    )
    table = params.readme_table([("Demo", declared)])
    assert (
        "| Demo (`/demo`) | `part` (also `view`) | the part shown | `One`, `Two \\| three` | One |"
        in table
    )
    assert "| Demo (`/demo`) | `a` | entry a | -10⁶ to 10⁶ | 3 |" in table
    assert "| Demo (`/demo`) | `p` | One: Preset | `x`, `y` | y |" in table
    assert "| Demo (`/demo`) | `eig` | Eigenvectors | `true` / `false` | false |" in table


def test_no_key_means_two_things_on_two_pages():
    declared = [p for _, p in catalog.all_declared_params()]
    assert params.collisions(declared) == []


def test_readme_url_key_table_is_generated_from_the_declarations():
    """README's table is ``python -m mathviz.params``'s output: run it after changing a page."""
    readme = (ROOT / "README.md").read_text()
    table = params.readme_table(catalog.all_declared_params())
    assert params.replace_readme_section(readme, table) == readme, (
        "README's URL-key table is stale: run `python -m mathviz.params`"
    )


def test_a_refused_link_of_a_slider_without_a_step_still_reads_as_a_sentence():
    """A value inside the range that the widget still refused (an int slider given 2.5)."""
    whole = params.slider("k", "Terms", 1, 10, 3)
    assert (
        whole.refusal(["2.5"]) == "This link's Terms, 2.5, is not a value it can take: it shows 3."
    )
    assert whole.refusal(["3"]) is None
    stepped = params.slider("a", "A", 0.0, 1.0, 0.5, 0.1)
    assert stepped.refusal(["0.55"]).endswith(
        "is not a value it can take (steps of 0.1): it shows 0.5."
    )
