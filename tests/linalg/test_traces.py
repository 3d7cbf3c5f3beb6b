"""Trace pieces shared by the linear-algebra figures."""

from __future__ import annotations

import numpy as np

from mathviz.linalg import traces
from tests.harness.apptest import decode_arrays


def test_points_become_typed_x_and_y():
    points = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    decoded = decode_arrays(traces.xy(points))
    np.testing.assert_array_equal(decoded["x"], [1.0, 3.0, 5.0])
    np.testing.assert_array_equal(decoded["y"], [2.0, 4.0, 6.0])
    three = decode_arrays(traces.xyz(np.arange(6.0).reshape(2, 3)))
    np.testing.assert_array_equal(three["z"], [2.0, 5.0])


def test_arrows_lines_and_layout_pieces():
    arrow = traces.arrow_trace(traces.arrow_points([2.0, 1.0]), "#0072B2", "u", text="u")
    np.testing.assert_array_equal(decode_arrays(arrow)["x"], [0.0, 2.0])
    assert arrow["marker"]["symbol"] == "arrow" and arrow["text"] == ["", "u"]
    line = traces.line_trace(np.zeros((2, 2)), "#000000", dash="dot")
    assert line["line"]["dash"] == "dot" and line["hoverinfo"] == "skip"
    assert traces.rgba("#0072B2", 0.5) == "rgba(0, 114, 178, 0.5)"
    assert traces.square_axes(2.0)["xaxis"]["range"] == [-2.0, 2.0]
    labels = traces.sparse_labels([str(k) for k in range(21)], keep=5)
    assert labels[0] == "0" and labels[-1] == "20" and sum(bool(x) for x in labels) == 5
