"""/derivatives: every part runs cleanly (its author extends this with the page's numbers)."""

import pytest

from mathviz.calculus.params import DERIVATIVES as P
from tests.harness.apptest import assert_clean, run_page

PAGE = "pages/derivatives.py"


@pytest.mark.parametrize("part", P.part.options)
def test_every_part_runs_cleanly(part):
    assert_clean(run_page(PAGE, {"part": part}))
