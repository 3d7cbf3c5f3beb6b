"""Drawing figures and the one memo: a figure is rebuilt exactly when its builder's
arguments change."""

from streamlit.testing.v1 import AppTest


def _remembering_script():
    import streamlit as st

    from mathviz import params, ui

    st.session_state.setdefault("builds", 0)

    def chart(k, label):
        import plotly.graph_objects as go
        import streamlit as st

        st.session_state.builds += 1
        return go.Figure(go.Scatter(x=[0, k], y=[0, 1], name=label))

    declared = params.page("memo", params.slider("k", "k", 0, 3, 0), params.toggle("o", "other"))
    k = ui.control(declared["k"])
    ui.control(declared["o"])
    ui.plot(chart, k, label="line", key="chart")
    st.markdown(str(st.session_state.builds))


def test_a_chart_is_rebuilt_only_when_its_builders_arguments_change():
    at = AppTest.from_function(_remembering_script).run()
    at.run()
    assert at.markdown[0].value == "1"
    at.toggle(key="o").set_value(True).run()  # a control the chart does not depend on
    assert at.markdown[0].value == "1"
    at.slider(key="k").set_value(2).run()
    assert at.markdown[0].value == "2"
    at.run()
    assert at.markdown[0].value == "2"


def test_the_chart_shows_the_figure_of_the_current_arguments():
    import json

    at = AppTest.from_function(_remembering_script).run()
    at.slider(key="k").set_value(3).run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["x"] == [0, 3]
    assert spec["layout"]["template"], "styled in the app's theme"


def test_a_lambda_builder_is_refused_before_anything_is_drawn():
    import plotly.graph_objects as go
    import pytest

    from mathviz import ui

    with pytest.raises(ValueError, match="named function"):
        ui.plot(lambda: go.Figure(), key="bad")
    with pytest.raises(TypeError, match="needs a key"):
        ui.plot(go.Figure)


def _height_script():
    import plotly.graph_objects as go

    from mathviz import ui

    ui.plot(go.Figure(go.Scatter(x=[0], y=[0])), height=300)


def test_presentation_mode_makes_a_chart_taller_in_proportion():
    import json

    from mathviz.plot import theme

    at = AppTest.from_function(_height_script).run()
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["height"] == 300
    at.session_state["present_mode"] = True
    at.run()
    expected = round(300 * theme.CHART_HEIGHT[True] / theme.CHART_HEIGHT[False])
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["height"] == expected
