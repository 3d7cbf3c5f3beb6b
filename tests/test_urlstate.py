from urllib.parse import parse_qs

from hypothesis import given
from hypothesis import strategies as st
from streamlit.runtime.state.query_params import parse_url_param

from mathviz import urlstate


def test_truthy_values():
    for raw in ("1", "true", "TRUE", "yes", "on", ["0", "1"]):
        assert urlstate.is_truthy(raw)
    for raw in (None, "", "0", "false", "banana", [], "2"):
        assert not urlstate.is_truthy(raw)


def test_defaults_are_left_out_and_present_is_added():
    query = urlstate.view_query({"a": 1.0, "b": "x", "c": [1, 2]}, {"a": 1.0, "b": "y"}, True)
    assert parse_qs(query) == {"b": ["x"], "c": ["1", "2"], "present": ["1"]}
    assert urlstate.view_query({"a": [1, 2]}, {"a": (1, 2)}) == ""


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_round_trip_through_streamlits_own_parser(value):
    (text,) = urlstate.serialize(value)
    assert parse_url_param(text, "double_value") == value


@given(st.booleans())
def test_booleans_round_trip_through_streamlits_own_parser(value):
    (text,) = urlstate.serialize(value)
    assert parse_url_param(text, "bool_value") is value


@given(st.integers(-(10**9), 10**9))
def test_ints_round_trip(value):
    (text,) = urlstate.serialize(value)
    assert parse_url_param(text, "int_value") == value


def test_floats_in_links_read_without_an_exponent():
    """The link under a view once read ``d=1.667e-06``; the same digits, positional."""
    assert urlstate.serialize(1.667e-06) == ["0.000001667"]
    assert urlstate.serialize(4e12) == ["4000000000000.0"]
    assert urlstate.serialize(2.0) == ["2.0"] and urlstate.serialize(-0.5) == ["-0.5"]
    for value in (1.667e-06, 4e12, 1 / 3, 1e-300, 1e300, -2.5e-7):
        assert float(urlstate.serialize(value)[0]) == value
