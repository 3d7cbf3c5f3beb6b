"""The learning-path picture."""

import numpy as np

from mathviz import catalog
from mathviz.home import figures as home


def test_one_numbered_stop_per_step_in_order():
    fig = home.learning_path_figure()
    stops = fig.data[1]
    assert list(stops.text) == [str(i) for i in range(1, len(catalog.LEARNING_PATH) + 1)]
    assert np.all(np.diff(np.asarray(stops.x)) > 0), "the path reads left to right"


def test_stop_colours_follow_page_status():
    everything = frozenset(p for s in catalog.LEARNING_PATH for p in s.page_paths)
    fig = home.learning_path_figure(available=everything)
    colors = list(fig.data[1].marker.color)
    expected = [
        "page" if step.page_paths else "planned" if step.coming else "outside"
        for step in catalog.LEARNING_PATH
    ]
    assert colors == [home.STATUS_COLORS[status] for status in expected]
    assert expected[0] == "outside"  # Python: practised outside the app
    fig = home.learning_path_figure(available=frozenset())
    assert set(fig.data[1].marker.color[1:]) == {home.STATUS_COLORS["planned"]}


def test_stops_lie_on_the_drawn_route():
    fig = home.learning_path_figure()
    route, stops = fig.data[0], fig.data[1]
    expected = np.interp(np.asarray(stops.x), np.asarray(route.x), np.asarray(route.y))
    np.testing.assert_allclose(np.asarray(stops.y), expected, atol=1e-3)


def test_the_picture_is_valid_plotly_with_one_label_per_stop():
    import plotly.graph_objects as go

    fig = go.Figure(home.learning_path_figure().to_dict())
    labels = [a.text for a in fig.layout.annotations]
    assert len(labels) == len(catalog.LEARNING_PATH)
    assert labels[2] == catalog.TOPICS["linalg"]
