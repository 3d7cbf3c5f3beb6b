"""The words of /hypothesis-testing."""

import pytest

from mathviz.stats import testing
from mathviz.stats import text_testing as words
from tests.harness.latex import assert_sound


@pytest.mark.parametrize("kind", testing.KINDS)
def test_test_formulas_render_and_say_the_verdict(kind):
    run = testing.one_study(kind, testing.TWO_SIDED, 1.0, 30, 0.05, 0)
    lines = words.test_latex(run)
    for line in lines:
        assert_sound(line)
    assert ("reject" in lines[2]) == run.rejected
    notes = " ".join(n.text for n in words.test_notes(run))
    assert "80% power" in notes


def test_no_effect_and_a_miss_are_named():
    null = testing.one_study(testing.ONE, testing.TWO_SIDED, 0.0, 20, 0.05, 0)
    assert "type I error" in words.test_notes(null)[0].text
    runs = (testing.one_study(testing.ONE, testing.TWO_SIDED, 0.1, 10, 0.05, s) for s in range(50))
    weak = next(run for run in runs if not run.rejected)
    assert "type II error" in words.test_notes(weak)[0].text


def test_studies_words():
    result = testing.studies(testing.ONE, testing.TWO_SIDED, 0.5, 20, 0.05, 0.2, 1000, 0)
    for line in words.studies_latex(result):
        assert_sound(line)
    text = " ".join(n.text for n in words.studies_notes(result))
    assert "uniform" in text and "Benjamini-Hochberg" in text
