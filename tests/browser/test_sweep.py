"""Every part of every page in the real browser: each page as it opens and each option of its
part chooser, as links built from the declarations (:mod:`tests.harness.sweep`); each page as
it opens is checked on ``test_every_page.py``'s load of it (the same link), its parts here.
The other views (every option of every one-choice control: presets, targets, shapes...) are
swept by ``tests/test_sweep.py`` with AppTest, their formulas rendered by the app's own
KaTeX under Node (:mod:`tests.harness.katex`): one page load each here cost 750 s of the
browser tests' 29 minutes.

On each view: no formula KaTeX failed to render (``.katex-error``: the raw LaTeX in red), no
programmer notation in the main area's visible text (``4e+12``, ``1.667e-06``, ``v_k``,
``b^(m+n)``, ``nan``, ``None``, ``inf``), no console error or exception box. The regression
test for issue 10's items 1 and 5; its AppTest twin (``tests/test_sweep.py``) checks the
LaTeX source and the figures' legends without a browser.

One browser page is reused for every view, and each view waits only for its script runs to
finish and its title to be drawn (formulas and prose are drawn with them; charts, which this
test does not read, are not waited for).
"""

from __future__ import annotations

import pytest

from mathviz import catalog
from tests.browser.checks import KATEX_ERRORS_JS, VISIBLE_TEXT_JS, formula_and_notation_problems
from tests.harness.sweep import all_views, notation_found, part_views

pytestmark = pytest.mark.browser


def test_every_view_renders_its_formulas_and_plain_text(session):
    problems: dict[str, list[str]] = {}
    views = [view for view in part_views() if view.key is not None]  # the parts (see above)
    for view in views:
        session.errors.clear()
        session.open(view.page, view.query_string)
        page = session.page
        found = formula_and_notation_problems(page)
        if page.locator("[data-testid='stException']").count():
            found.append("exception box")
        found += [f"console: {error}" for error in session.errors]
        if found:
            problems[str(view)] = found
    assert not session.foreign, f"requests left the machine: {session.foreign}"
    assert not problems, "\n".join(f"{view}: {found}" for view, found in problems.items())
    assert len(views) > len(catalog.PAGES)  # parts: more of them than pages


def test_the_sweep_sees_a_broken_formula(session):
    """The checks themselves: they find a KaTeX error element and notation put on a page, and
    leave code alone."""
    page = session.page
    session.open(all_views()[0].page)
    page.evaluate(
        """() => {
          const el = document.createElement('span');
          el.className = 'katex-error';
          el.title = 'ParseError';
          document.querySelector("[data-testid='stMain']").appendChild(el);
          const p = document.createElement('p');
          p.textContent = 'det A = 4e+12, v_k';
          document.querySelector("[data-testid='stMain']").appendChild(p);
          const code = document.createElement('code');
          code.textContent = 'rng.standard_t(5, size=n)';
          document.querySelector("[data-testid='stMain']").appendChild(code);
        }"""
    )
    assert page.evaluate(KATEX_ERRORS_JS) == ["ParseError"]
    assert len(notation_found(page.evaluate(VISIBLE_TEXT_JS))) == 2
