"""The shell: presentation mode from the URL, the sidebar's link to the view, sections."""

from streamlit.testing.v1 import AppTest


def _shell_script():
    import streamlit as st

    from mathviz import params, ui

    present = ui.start_run()
    with st.sidebar:
        ui.presentation_toggle()
        ui.reserve_link()
    declared = params.page("shell", params.slider("k", "k", 0, 10, 3))

    def body():
        st.markdown(f"k = {ui.control(declared['k'])}")

    ui.section(body)
    st.markdown(f"present = {present}")
    ui.link_to_view()


def _link(at: AppTest) -> str:
    return at.sidebar.markdown[0].value.split("\n\n")[0]


def test_present_in_a_link_switches_presentation_mode_on_and_stays_in_the_url():
    at = AppTest.from_function(_shell_script)
    at.query_params["present"] = "yes"
    at.run()
    assert "present = True" in [m.value for m in at.markdown]
    assert at.query_params["present"] in ("1", ["1"])
    assert "present=1" in _link(at)


def test_a_malformed_present_is_removed_and_the_mode_stays_off():
    at = AppTest.from_function(_shell_script)
    at.query_params["present"] = "banana"
    at.run()
    assert "present = False" in [m.value for m in at.markdown]
    assert "present" not in at.query_params


def test_the_link_holds_exactly_the_controls_away_from_their_defaults():
    at = AppTest.from_function(_shell_script).run()
    assert "k=" not in _link(at)
    at.slider(key="k").set_value(7).run()  # a section rerun: the link is redrawn by it too
    assert "k = 7" in [m.value for m in at.markdown]
    assert "k=7" in _link(at)
