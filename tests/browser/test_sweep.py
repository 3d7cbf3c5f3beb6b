"""Every part of every page in the real browser: each page as it opens and each option of its
part chooser, as links built from the declarations (:mod:`tests.harness.sweep`). The other
views (every option of every one-choice control: presets, targets, shapes, words...) are
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

from tests.harness.sweep import all_views, notation_found, part_views

pytestmark = pytest.mark.browser

# The main area's visible text, KaTeX's hidden MathML copy of each formula's LaTeX source
# (``v_{k+1}``, ``e^{\pm i\theta}``) left out: a reader sees the rendered formula only. Code
# (``rng.standard_t(5, size=n)`` in a code block) is left out too: there, code is what is meant.
VISIBLE_TEXT_JS = """
() => {
  const main = document.querySelector("[data-testid='stMain']").cloneNode(true);
  main.querySelectorAll('.katex-mathml, annotation, script, style, pre, code')
    .forEach(e => e.remove());
  return main.innerText;
}
"""
KATEX_ERRORS_JS = """
() => Array.from(document.querySelectorAll('.katex-error'))
  .map(e => e.getAttribute('title') || e.textContent)
"""


def test_every_view_renders_its_formulas_and_plain_text(session):
    problems: dict[str, list[str]] = {}
    views = part_views()
    for view in views:
        session.errors.clear()
        session.open(view.page, view.query_string)
        page = session.page
        found = [f"KaTeX: {error}" for error in page.evaluate(KATEX_ERRORS_JS)]
        found += [f"notation: {hit!r}" for hit in notation_found(page.evaluate(VISIBLE_TEXT_JS))]
        if page.locator("[data-testid='stException']").count():
            found.append("exception box")
        found += [f"console: {error}" for error in session.errors]
        if found:
            problems[str(view)] = found
    assert not session.foreign, f"requests left the machine: {session.foreign}"
    assert not problems, "\n".join(f"{view}: {found}" for view, found in problems.items())
    assert len(views) > 2 * len({view.page.url_path for view in views})  # parts, not just pages


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
