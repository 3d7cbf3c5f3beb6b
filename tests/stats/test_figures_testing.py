"""The pictures of /hypothesis-testing: validated by plotly, areas where the maths puts them."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from scipy import integrate

from mathviz.stats import figures_testing as figures
from mathviz.stats import testing
from tests.harness.apptest import decode_arrays, traces_by_name


def _decoded(prebuilt) -> dict:
    spec = prebuilt.to_dict()
    go.Figure(spec)
    return decode_arrays(json.loads(json.dumps(spec)))


@pytest.mark.parametrize("side", testing.SIDES)
def test_the_shaded_areas_are_alpha_and_the_p_value(side):
    run = testing.one_study(testing.ONE, side, 0.3, 30, 0.05, 1)
    traces = traces_by_name(_decoded(figures.test_figure(run)))
    for name, expected in (("α (rejection region)", 0.05), ("p-value", run.p)):
        x = np.asarray(traces[name]["x"], float)
        y = np.asarray(traces[name]["y"], float)
        pieces = np.split(np.arange(x.size), np.flatnonzero(np.isnan(x)))
        area = sum(integrate.trapezoid(y[i][~np.isnan(y[i])], x[i][~np.isnan(x[i])])
                   for i in pieces if (~np.isnan(x[i])).sum() > 1)  # fmt: skip
        assert area == pytest.approx(expected, abs=0.012)  # a 300-point grid's edge
    assert traces["observed t"]["x"][0] == pytest.approx(run.t)


def test_two_samples_draw_both_groups():
    run = testing.one_study(testing.TWO, testing.TWO_SIDED, 0.8, 12, 0.05, 2)
    names = set(traces_by_name(_decoded(figures.test_figure(run))))
    assert {"group A", "group B", "group A mean", "group B mean"} <= names


def test_the_power_curve_passes_through_this_study():
    fig = _decoded(figures.power_figure(testing.ONE, 0.35, 40, 0.05, testing.TWO_SIDED))
    traces = traces_by_name(fig)
    assert traces["this study"]["y"][0] == pytest.approx(
        testing.power(testing.ONE, 0.35, 40, 0.05, testing.TWO_SIDED)
    )
    assert "d = 0.35" in traces


def test_the_studies_histogram_ends_with_every_study():
    result = testing.studies(testing.ONE, testing.TWO_SIDED, 0.6, 20, 0.05, 0.3, 500, 3)
    fig = _decoded(figures.studies_figure(result))
    last = fig["frames"][-1]["data"]
    assert np.asarray(last[0]["y"]).sum() + np.asarray(last[1]["y"]).sum() == 500
    assert np.asarray(last[1]["y"]).sum() == result.real.sum()
