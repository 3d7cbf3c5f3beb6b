"""The learning path's geometry and each stop's status."""

import numpy as np

from mathviz import catalog
from mathviz.home import path


def test_positions_run_left_to_right_one_unit_apart():
    positions = path.path_positions(7)
    np.testing.assert_array_equal(positions[:, 0], np.arange(7.0))
    np.testing.assert_allclose(positions[:, 1], path.BEND * np.sin(np.arange(7) * np.pi / 2))


def test_the_route_passes_through_every_stop():
    positions = path.path_positions(5)
    x, y = path.route(positions, n=401)
    assert x[0] == positions[0, 0] and x[-1] == positions[-1, 0]
    np.testing.assert_allclose(np.interp(positions[:, 0], x, y), positions[:, 1], atol=1e-4)


def test_status_page_planned_or_outside():
    step = catalog.PathStep("linalg", "why", ("pages/vectors.py",))
    assert path.step_status(step, frozenset({"pages/vectors.py"})) == "page"
    assert (
        path.step_status(catalog.PathStep("calculus", "why", coming=("Calculus",)), frozenset())
        == "planned"
    )
    assert path.step_status(catalog.PathStep("python", "why"), frozenset()) == "outside"
