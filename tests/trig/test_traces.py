"""mathviz.trig.traces: NaN-joined polylines, guide lines and typed-array encoding."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go

from mathviz.trig import traces


def test_polylines_and_joined_put_one_nan_between_pieces():
    x, y = traces.polylines([(0, 1), (2, 3)], [(4, 5)])
    np.testing.assert_array_equal(x[[0, 1, 3]], [0, 2, 4])
    np.testing.assert_array_equal(y[[0, 1, 3]], [1, 3, 5])
    assert np.isnan(x[2]) and np.isnan(y[2]) and x.size == 4
    both = traces.joined((np.arange(3.0), np.zeros(3)), (np.ones(2), np.ones(2)))
    assert both["x"].size == 6 and np.isnan(both["x"][3]) and np.isnan(both["y"][3])


def test_guide_lines_cross_the_window():
    x, y = traces.guide_lines([1.0], [2.0], (-5.0, 5.0))
    np.testing.assert_array_equal(x[:2], [1, 1])  # x = 1, from the bottom to the top
    np.testing.assert_array_equal(y[:2], [-5, 5])
    np.testing.assert_array_equal(x[3:], [-5, 5])  # y = 2, from the left to the right
    np.testing.assert_array_equal(y[3:], [2, 2])


def test_lines_and_markers_are_valid_scatter_traces():
    line = traces.line("#000000", 3, "dot", x=np.arange(3.0), y=np.arange(3.0), name="l")
    dots = traces.markers("#ff0000", 9, x=[0], y=[1])
    fig = go.Figure([line, dots])  # plotly validates every property
    assert fig.data[0].line.dash == "dot" and fig.data[0].line.width == 3
    assert fig.data[1].marker.size == 9 and fig.data[1].mode == "markers"


def test_encoded_arrays_decode_to_the_same_numbers():
    values = np.array([0.5, np.nan, -2.0])
    spec = traces.encoded({"x": values, "nested": [{"y": np.arange(2.0)}], "name": "n"})
    decoded = np.frombuffer(base64.b64decode(spec["x"]["bdata"]), dtype=spec["x"]["dtype"])
    np.testing.assert_array_equal(decoded, values)
    assert spec["nested"][0]["y"]["dtype"] == "f8" and spec["name"] == "n"
    go.Figure({"data": [{"type": "scatter", **traces.encoded({"x": values, "y": values})}]})
