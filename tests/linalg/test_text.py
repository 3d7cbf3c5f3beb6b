"""The LaTeX layout shared by the text modules."""

from mathviz.linalg.text import gathered


def test_gathered_stacks_formulas_with_a_gap():
    assert gathered("a", "b") == r"\begin{gathered}a \\[4pt] b\end{gathered}"
    assert gathered("a", "b", gap="6pt") == r"\begin{gathered}a \\[6pt] b\end{gathered}"
