"""Figures as plotly JSON: typed arrays, prebuilt figures, equal aspect."""

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io
import pytest

from mathviz.plot.spec import Prebuilt, equal_aspect, typed, typed_grid
from tests.harness.apptest import decode_arrays


def test_typed_round_trips_through_plotly_json_and_decoding():
    import base64

    import numpy as np

    values = np.array([[0.5, -1.25], [3.0, 1e-300]])
    spec = typed(values)
    decoded = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=spec["dtype"])
    np.testing.assert_array_equal(decoded, values.ravel())
    assert typed([]) == []


def test_plotly_accepts_typed_arrays_and_sends_back_the_same_numbers():
    values = np.linspace(-3.0, 7.5, 11)
    fig = go.Figure({"data": [{"type": "scatter", "x": typed(values), "y": typed(values**2)}]})
    sent = decode_arrays(json.loads(plotly.io.to_json(fig)))["data"][0]
    np.testing.assert_array_equal(sent["x"], values)
    np.testing.assert_array_equal(sent["y"], values**2)


def test_prebuilt_hands_its_own_dict_to_whoever_asks_for_the_figure():
    spec = {"data": [{"type": "scatter", "x": [0, 1], "y": [1, 0]}], "layout": {}}
    prebuilt = Prebuilt(spec)
    assert prebuilt.to_dict() is spec
    assert json.loads(plotly.io.to_json(go.Figure(prebuilt.to_dict())))["data"][0]["y"] == [1, 0]


def test_equal_aspect_ties_y_to_x_one_to_one():
    layout = equal_aspect({"yaxis": {"range": [0, 1]}})
    assert layout["yaxis"] == {"range": [0, 1], "scaleanchor": "x", "scaleratio": 1}
    fig = go.Figure(layout=equal_aspect({}))
    assert fig.layout.yaxis.scaleanchor == "x"


def test_single_precision_halves_the_bytes_and_keeps_seven_digits():
    import base64

    values = np.linspace(-5.0, 5.0, 1000) / 3.0
    single, double = typed(values, "f4"), typed(values)
    assert single["dtype"] == "f4"
    assert len(base64.b64decode(single["bdata"])) * 2 == len(base64.b64decode(double["bdata"]))
    decoded = np.frombuffer(base64.b64decode(single["bdata"]), dtype="<f4")
    np.testing.assert_allclose(decoded, values, rtol=1e-7, atol=1e-7)
    with pytest.raises(ValueError, match="precision"):
        typed(values, "i4")


def test_a_prebuilt_figure_copies_and_pickles_with_its_dict():
    import copy
    import pickle

    spec = {"data": [{"type": "scatter", "y": [1, 2]}], "layout": {}}
    for clone in (copy.deepcopy(Prebuilt(spec)), pickle.loads(pickle.dumps(Prebuilt(spec)))):
        assert clone.to_dict() == spec and clone.to_dict() is not spec


def test_a_typed_grid_keeps_its_rows_and_columns():
    grid = np.arange(6.0).reshape(2, 3)
    spec = typed_grid(grid, "f4")
    assert spec["shape"] == "2,3"
    decoded = np.frombuffer(base64.b64decode(spec["bdata"]), dtype="<f4").reshape(2, 3)
    np.testing.assert_array_equal(decoded, grid)  # row-major: row j is z at y[j]
    with pytest.raises(ValueError):
        typed_grid(np.arange(3.0))


def test_the_trace_and_axis_helpers():
    from mathviz.plot import spec

    assert spec.f4([1.5]) == spec.typed([1.5], "f4")
    assert spec.scatter("a", x=[1]) == {"type": "scatter", "name": "a", "hoverinfo": "skip",
                                        "showlegend": False, "x": [1]}  # fmt: skip
    assert spec.axis("t", range=[0, 1]) == {"title": {"text": "t"}, "zeroline": False,
                                            "range": [0, 1]}  # fmt: skip
