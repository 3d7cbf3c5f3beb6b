"""The URL state of /chain-rule (see :mod:`mathviz.calculus.params`)."""

from mathviz import params

CHAIN_RULE = params.page(
    "chain-rule",
    params.part("Part", ("Backpropagation",)),
)
