"""URL-bound controls, on small scripts run with AppTest."""

from streamlit.testing.v1 import AppTest


def _clamping_script():
    from mathviz import params, ui

    declared = params.page("clamp", params.slider("high", "High end", 1, 100, 100))
    high = ui.control(declared["high"])
    ui.control(params.slider("x", "x", 0, 100, 50).with_range(high=high))


def test_slider_clamps_a_kept_value_when_its_range_shrinks():
    at = AppTest.from_function(_clamping_script).run()
    at.slider(key="x").set_value(90).run()
    at.slider(key="high").set_value(10).run()
    assert not at.exception
    assert at.slider(key="x").value == 10


def _whole_number_script():
    import streamlit as st

    from mathviz import params, ui

    st.markdown(repr(ui.control(params.number("seed", "Seed", 0, 1000, 42, 1))))


def test_whole_number_input_returns_an_int_and_survives_an_infinite_link_value():
    at = AppTest.from_function(_whole_number_script)
    at.query_params["seed"] = "1e400"
    at.run()
    assert not at.exception
    assert at.markdown[0].value == "42"
    at.number_input(key="seed").set_value(7.0).run()
    assert at.markdown[0].value == "7"


def _row_script():
    import streamlit as st

    from mathviz import params, ui

    declared = params.page(
        "row", params.slider("ra", "a", 0, 10, 3), params.slider("rb", "b", 0.0, 1.0, 0.5, 0.1)
    )
    values = ui.controls(declared["ra"], declared["rb"])
    st.markdown(repr(values))


def test_controls_make_a_row_of_url_bound_controls_and_return_their_values_in_order():
    at = AppTest.from_function(_row_script).run()
    assert at.markdown[0].value == "[3, 0.5]"
    assert [s.proto.query_param_key for s in at.slider] == ["ra", "rb"]
    at.slider(key="rb").set_value(0.7).run()
    assert at.markdown[0].value == "[3, 0.7]"


def _every_kind_script():
    import streamlit as st

    from mathviz import params, ui

    declared = params.page(
        "kinds",
        params.slider("s", "Slider", 0.0, 2.0, 1.5, 0.5),
        params.number("n", "Number", -10, 10, 4, 1),
        params.choice("c", "Choice", ["x", "y"], "y"),
        params.select("p", "Select", ["u", "v", "w"], "w"),
        params.multi("m", "Multi", ["a", "b", "c"], ["b"]),
        params.toggle("t", "Toggle", True),
    )
    values = [ui.control(p) for p in declared]
    st.markdown(repr(values))


def test_every_kind_of_declaration_becomes_its_widget_with_its_default_and_url_key():
    at = AppTest.from_function(_every_kind_script).run()
    assert not at.exception
    assert at.markdown[0].value == "[1.5, 4, 'y', 'w', ['b'], True]"
    assert at.slider(key="s").proto.query_param_key == "s"
    assert at.number_input(key="n").proto.query_param_key == "n"
    assert at.selectbox(key="p").proto.query_param_key == "p"
    assert at.toggle(key="t").proto.query_param_key == "t"
    bound = at.session_state["_mv_bound_controls"]
    assert bound == {"s": 1.5, "n": 4.0, "c": "y", "p": "w", "m": ["b"], "t": True}


def test_a_link_sets_every_kind_of_declared_control():
    at = AppTest.from_function(_every_kind_script)
    for key, value in {
        "s": "0.5",
        "n": "-3",
        "c": "x",
        "p": "u",
        "m": ["a", "c"],
        "t": "false",
    }.items():
        at.query_params[key] = value
    at.run()
    assert at.markdown[0].value == "[0.5, -3, 'x', 'u', ['a', 'c'], False]"


def _renamed_script():
    import streamlit as st

    from mathviz import params, ui

    declared = params.page("renamed", params.part("Chapter", ["One", "Two"], aliases=("chapter",)))
    st.markdown(ui.part(declared))


def test_an_old_key_in_a_link_opens_the_same_view_under_the_current_key():
    at = AppTest.from_function(_renamed_script)
    at.query_params["chapter"] = "Two"
    at.run()
    assert not at.exception
    assert at.markdown[0].value == "Two"
    assert "chapter" not in at.query_params
    assert at.query_params["part"] in ("Two", ["Two"])


def test_the_current_key_wins_over_an_old_one():
    at = AppTest.from_function(_renamed_script)
    at.query_params["chapter"] = "Two"
    at.query_params["part"] = "One"
    at.run()
    assert at.markdown[0].value == "One"


def _narrow_script():
    import streamlit as st

    from mathviz import params, ui
    from mathviz.ui.controls import narrow_controls

    declared = params.page(
        "narrow", *(params.slider(f"w{i}", f"W{i}", 0, 9, i, 1) for i in range(7))
    )
    count = st.session_state.get("count", 7)
    with narrow_controls():
        values = ui.controls(*list(declared)[:count])
    st.markdown(repr(values))


def test_a_narrow_column_wraps_a_row_of_controls_and_keeps_their_order():
    # Up to three stay on one row; 4 -> two rows of two; 6 -> two rows of three; 7 -> three
    # rows of three (9 columns, the last two empty).
    for count, columns, per_row in [(3, 3, 3), (4, 4, 2), (6, 6, 3), (7, 9, 3)]:
        at = AppTest.from_function(_narrow_script)
        at.session_state["count"] = count
        at.run()
        assert at.markdown[0].value == repr(list(range(count)))
        assert len(at.columns) == columns
        assert {round(1 / column.weight) for column in at.columns} == {per_row}


def _typed_script():
    import streamlit as st

    from mathviz import params, ui

    declared = params.page("typed", params.text("ft", "f(x) =", "x^2", 20))

    def read(text: str) -> str:
        if "bad" in text:
            raise ValueError(f"Cannot read {text!r}.")
        return text.upper()

    value, problem = ui.typed(declared["ft"], read)
    st.markdown(f"{value} | {problem}")


def test_a_typed_formula_is_read_from_the_link_and_a_bad_one_keeps_the_last_good():
    at = AppTest.from_function(_typed_script)
    at.query_params["ft"] = "sin(x)"
    at.run()
    assert at.text_input(key="ft").proto.query_param_key == "ft"
    assert at.markdown[0].value == "SIN(X) | None" and not at.error
    at.text_input(key="ft").input("x + bad").run()
    assert at.markdown[0].value.startswith("SIN(X) | Cannot read")
    assert "Showing sin(x)" in at.error[0].value
    at.text_input(key="ft").input("cos(x)").run()
    assert at.markdown[0].value == "COS(X) | None" and not at.error


def test_a_text_declaration_has_a_string_default_within_its_length():
    import pytest

    from mathviz import params

    assert params.text("ft", "f", "x", 5).values_text() == "typed text, at most 5 characters"
    with pytest.raises(ValueError, match="text's default"):
        params.text("ft", "f", "x" * 6, 5)


def _refusing_script():
    from mathviz import params, ui

    ui.control(params.slider("amp", "Amplitude A", -3.0, 3.0, 1.5, 0.5))
    ui.control(params.select("shape", "Shape", ["Square", "Sawtooth"], "Square"))
    ui.control(params.number("seed", "Seed", 0, 1000, 42, 1))


def _captions(query: dict[str, str]) -> list[str]:
    at = AppTest.from_function(_refusing_script)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return [caption.value for caption in at.caption]


def test_a_link_value_a_control_cannot_take_is_said_in_a_sentence():
    assert _captions({"amp": "7", "shape": "Circle", "seed": "many"}) == [
        "This link's Amplitude A, 7, is outside -3 to 3: it shows 1.5.",
        "This link's Shape is not one of the options: it shows Square.",
        "This link's Seed is not a number: it shows 42.",
    ]
    # The link's own text is never echoed: no nan, inf or 1e9 on the page.
    assert _captions({"amp": "nan", "seed": "1e400"}) == [
        "This link's Amplitude A is not a number: it shows 1.5.",
        "This link's Seed is not a number: it shows 42.",
    ]
    assert _captions({"amp": "1e9"}) == [
        "This link's Amplitude A, 10⁹, is outside -3 to 3: it shows 1.5."
    ]


def test_a_link_that_asks_for_a_default_or_a_value_in_range_gets_no_sentence():
    assert _captions({"amp": "1.5", "shape": "Square", "seed": "42"}) == []
    assert _captions({"amp": "-2.5", "shape": "Sawtooth", "seed": "7"}) == []


def test_a_slider_mark_sits_at_its_values_share_of_the_range():
    from mathviz.ui.controls import slider_mark_css

    css = slider_mark_css("tlr", 0.25)
    assert ".st-key-tlr " in css and "left: 25.0000%" in css and "right: 0" in css
    assert slider_mark_css("tlr", 0.0) and slider_mark_css("tlr", 1.0)
    assert slider_mark_css("tlr", -0.01) == slider_mark_css("tlr", 1.2) == ""  # off the slider
    assert slider_mark_css("tlr", float("nan")) == ""
