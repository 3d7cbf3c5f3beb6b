"""The Streamlit adapter's own behaviour, on small scripts run with AppTest."""

from streamlit.testing.v1 import AppTest


def _clamping_script():
    from mathviz import ui

    high = ui.slider("High end", "high", 1, 100, 100)
    ui.slider("x", "x", 0, high, 50)


def test_slider_clamps_a_kept_value_when_its_range_shrinks():
    at = AppTest.from_function(_clamping_script).run()
    at.slider(key="x").set_value(90).run()
    at.slider(key="high").set_value(10).run()
    assert not at.exception
    assert at.slider(key="x").value == 10


def _whole_number_script():
    import streamlit as st

    from mathviz import ui

    st.markdown(repr(ui.number("Seed", "seed", 0, 1000, 42, 1)))


def test_whole_number_input_returns_an_int_and_survives_an_infinite_link_value():
    at = AppTest.from_function(_whole_number_script)
    at.query_params["seed"] = "1e400"
    at.run()
    assert not at.exception
    assert at.markdown[0].value == "42"
    at.number_input(key="seed").set_value(7.0).run()
    assert at.markdown[0].value == "7"


def _remembering_script():
    import streamlit as st

    from mathviz import ui

    st.session_state.setdefault("builds", 0)

    def build():
        st.session_state.builds += 1
        return object()

    k = ui.slider("k", "k", 0, 3, 0)
    ui.remembered("thing", (k,), build)
    st.markdown(str(st.session_state.builds))


def test_remembered_rebuilds_only_when_its_inputs_change():
    at = AppTest.from_function(_remembering_script).run()
    at.run()
    assert at.markdown[0].value == "1"
    at.slider(key="k").set_value(2).run()
    assert at.markdown[0].value == "2"
    at.run()
    assert at.markdown[0].value == "2"


def _row_script():
    import streamlit as st

    from mathviz import ui

    values = ui.sliders(("a", "ra", 0, 10, 3), ("b", "rb", 0.0, 1.0, 0.5, 0.1))
    st.markdown(repr(values))


def test_sliders_make_a_row_of_url_bound_sliders_and_return_their_values_in_order():
    at = AppTest.from_function(_row_script).run()
    assert at.markdown[0].value == "[3, 0.5]"
    assert [s.proto.query_param_key for s in at.slider] == ["ra", "rb"]
    at.slider(key="rb").set_value(0.7).run()
    assert at.markdown[0].value == "[3, 0.7]"
