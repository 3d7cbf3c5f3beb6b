"""The trace pieces every figure module shares."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go

from mathviz.plot import traces
from tests.harness.apptest import decode_arrays


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


def test_encoded_frames_in_single_precision_halve_their_bytes():
    frame = {"data": [{"x": np.linspace(0, 1, 100), "y": np.linspace(1, 2, 100)}]}
    single, double = traces.encoded(frame, "f4"), traces.encoded(frame)
    assert single["data"][0]["x"]["dtype"] == "f4" and double["data"][0]["x"]["dtype"] == "f8"
    np.testing.assert_allclose(
        decode_arrays(single)["data"][0]["y"], frame["data"][0]["y"], rtol=1e-7
    )


def test_a_name_sits_beyond_its_tip_and_can_be_turned_clockwise():
    import numpy as np

    from mathviz.plot.traces import tip_position

    # The eighth of the turn an arrow points into, from +x counter-clockwise (written out).
    expected = {0: "middle right", 45: "top right", 90: "top center", 180: "middle left",
                -90: "bottom center", -135: "bottom left"}  # fmt: skip
    for degrees, position in expected.items():
        angle = np.radians(degrees)
        assert tip_position(np.array([np.cos(angle), np.sin(angle), 7.0])) == position
    assert tip_position(np.array([1.0, 1.0]), turn=2) == "bottom right"  # 45° - 90°
    assert tip_position(np.zeros(2)) == "top right"


def test_chained_path_joins_segments_that_meet_and_keeps_every_one():
    from mathviz.plot.traces import chained_path

    square = [((1, 0), (1, 1)), ((0, 0), (1, 0)), ((0, 1), (0, 0)), ((1, 1), (0, 1))]
    text = chained_path(square, 1)
    assert text.count("M") == 1 and text.count("L") == 4  # one closed polyline
    points = {tuple(p.split(",")) for p in text[1:].split("L")}
    assert points == {("0.0", "0.0"), ("1.0", "0.0"), ("1.0", "1.0"), ("0.0", "1.0")}
    apart = [((0, 0), (1, 0)), ((5, 5), (6, 6)), ((1, 0), (2, -0.00001))]
    text = chained_path(apart, 3)
    assert text.count("M") == 2 and "-0.000" not in text and "2.000,0.000" in text


def test_log_axis_ticks_are_written_out_at_one_two_five():
    ess = traces.log_axis_ticks(0.006, 0.35)
    assert ess["tickvals"] == [0.01, 0.02, 0.05, 0.1, 0.2]
    assert ess["ticktext"] == ["0.01", "0.02", "0.05", "0.1", "0.2"]
    sigma = traces.log_axis_ticks(0.05, 10.0)
    assert sigma["ticktext"] == ["0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10"]


def test_log_axis_ticks_of_a_short_range_use_every_digit_and_bad_ends_none():
    assert traces.log_axis_ticks(3.0, 7.0)["ticktext"] == ["3", "4", "5", "6", "7"]
    assert traces.log_axis_ticks(0.0, 1.0) == {}
    assert traces.log_axis_ticks(1.0, float("nan")) == {}
