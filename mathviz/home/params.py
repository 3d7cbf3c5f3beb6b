"""Home's URL state: no controls of its own (presentation mode is every page's)."""

from mathviz.params import page

HOME = page("home")
