"""mathviz.probability.bayes against independent references: Bayes' rule by enumeration of
the sample space in exact fractions and by sympy, Hamilton's apportionment written out,
the Beta posterior as prior × likelihood normalised by scipy.integrate.quad, the credible
interval and moments by scipy.stats.beta, the MAP by numerical maximisation."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from mathviz.probability import bayes
from mathviz.probability.bayes import MedicalTest

SETTINGS = [(0.01, 0.9, 0.95), (0.3, 0.7, 0.6), (0.5, 0.99, 0.99), (0.002, 0.5, 0.999)]


def _enumerated(prevalence, sensitivity, specificity):
    """P(sick | +) and P(healthy | −) by summing over the four outcomes, in fractions."""
    p, sens, spec = (Fraction(v).limit_denominator(10**6) for v in (prevalence, sensitivity,
                                                                    specificity))  # fmt: skip
    prior = {"sick": p, "healthy": 1 - p}
    result = {("sick", "+"): sens, ("sick", "-"): 1 - sens,
              ("healthy", "+"): 1 - spec, ("healthy", "-"): spec}  # fmt: skip
    space = {(s, r): prior[s] * result[(s, r)] for s, r in itertools.product(prior, "+-")}
    positive = sum(w for (s, r), w in space.items() if r == "+")
    negative = sum(w for (s, r), w in space.items() if r == "-")
    return space[("sick", "+")] / positive, space[("healthy", "-")] / negative


@pytest.mark.parametrize("values", SETTINGS)
def test_posterior_matches_enumeration_of_the_sample_space(values):
    post = bayes.posterior(MedicalTest(*values))
    sick, healthy = _enumerated(*values)
    assert post.sick_if_positive == pytest.approx(float(sick), rel=1e-12)
    assert post.healthy_if_negative == pytest.approx(float(healthy), rel=1e-12)


def test_posterior_matches_sympy_bayes_rule():
    p, sens, spec = sympy.symbols("p s q", positive=True)
    rule = sens * p / (sens * p + (1 - spec) * (1 - p))
    for values in SETTINGS:
        exact = rule.subs(
            dict(zip((p, sens, spec), map(sympy.Rational, map(str, values)), strict=True))
        )
        assert bayes.posterior(MedicalTest(*values)).sick_if_positive == pytest.approx(
            float(exact), rel=1e-12
        )


def test_textbook_example_by_hand():
    # 1% prevalence, 90% sensitivity, 95% specificity: 0.009 / (0.009 + 0.0495).
    post = bayes.posterior(MedicalTest(0.01, 0.9, 0.95))
    assert post.positive == pytest.approx(0.0585)
    assert post.sick_if_positive == pytest.approx(0.009 / 0.0585)
    # Quotas 9, 1, 49.5, 940.5: the tie of remainders goes to the earlier group.
    assert bayes.grid_counts(MedicalTest(0.01, 0.9, 0.95)).tolist() == [9, 1, 50, 940]


def test_undefined_posteriors_are_none_not_nan():
    nobody_positive = bayes.posterior(MedicalTest(0.0, 0.9, 1.0))
    assert nobody_positive.sick_if_positive is None
    assert nobody_positive.healthy_if_negative == 1.0
    nobody_negative = bayes.posterior(MedicalTest(1.0, 1.0, 0.3))
    assert nobody_negative.healthy_if_negative is None
    assert nobody_negative.sick_if_positive == 1.0


def test_probabilities_are_clamped():
    assert MedicalTest.clamped(7, -1, float("nan")) == MedicalTest(1.0, 0.0, 0.0)
    assert bayes.clamp_prior(1000) == bayes.PRIOR_HIGH and bayes.clamp_prior(0) == bayes.PRIOR_LOW


def test_repeated_positives_match_the_closed_form_of_k_tests():
    p, sens, spec = 0.01, 0.9, 0.95
    beliefs = bayes.repeated_positives(MedicalTest(p, sens, spec), 4)
    for k, belief in enumerate(beliefs):
        direct = p * sens**k / (p * sens**k + (1 - p) * (1 - spec) ** k)
        assert belief == pytest.approx(direct, rel=1e-12)


def _hamilton(weights, total):
    """Largest remainders in exact fractions, ties to the earlier share."""
    weights = [Fraction(w).limit_denominator(10**9) for w in weights]
    quotas = [total * w / sum(weights) for w in weights]
    counts = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_grid_counts_sum_to_1000_and_round_the_expectations(p, sens, spec):
    test = MedicalTest(p, sens, spec)
    counts = bayes.grid_counts(test)
    assert counts.sum() == 1000 and (counts >= 0).all()
    expected = 1000 * test.joint
    assert np.all(counts >= np.floor(expected - 1e-9)) and np.all(
        counts <= np.ceil(expected + 1e-9)
    )
    exact_ties = np.isclose((expected % 1)[:, None], expected % 1, atol=1e-9).sum() > 4
    if not exact_ties:  # a float tie may break either way; otherwise Hamilton's answer
        assert counts.tolist() == _hamilton(test.joint, 1000)


def test_grid_places_everyone_once_in_blocks():
    counts = np.array([9, 1, 50, 940])
    points, groups = bayes.grid_groups(counts, columns=40)
    assert len(np.unique(points, axis=0)) == 1000
    assert np.bincount(groups).tolist() == counts.tolist()
    assert points[:, 0].max() == 39 and points[:, 1].max() == 24  # 40 columns of 25
    assert (np.diff(groups) >= 0).all()  # group by group, column by column


# --- the coin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alpha", "beta", "heads", "tails"),
    [(2, 2, 7, 3), (0.5, 0.5, 0, 4), (10, 3, 30, 25), (1, 1, 0, 0)],
)
def test_beta_update_is_prior_times_likelihood_normalised(alpha, beta, heads, tails):
    a, b = bayes.beta_update(alpha, beta, heads, tails)

    def unnormalised(t):
        return stats.beta.pdf(t, alpha, beta) * t**heads * (1 - t) ** tails

    area, _ = integrate.quad(unnormalised, 0, 1, limit=200)
    for t in (0.05, 0.3, 0.5, 0.77, 0.95):
        assert stats.beta.pdf(t, a, b) == pytest.approx(unnormalised(t) / area, rel=1e-7)


def test_coin_run_curves_match_quad_normalisation_flip_by_flip():
    run = bayes.coin_run(3.0, 1.5, 0.35, 40, 11)
    rng = np.random.default_rng(11)
    flips = (rng.random(40) < 0.35).astype(int)
    assert run.flips.tolist() == flips.tolist()
    for k in (0, 1, 7, 40):
        h = int(flips[:k].sum())
        t = k - h

        def prior_times_likelihood(x, h=h, t=t):
            return x**2.0 * (1 - x) ** 0.5 * x**h * (1 - x) ** t  # Beta(3, 1.5) unnormalised

        def likelihood(x, h=h, t=t):
            return x**h * (1 - x) ** t

        z_post = integrate.quad(prior_times_likelihood, 0, 1)[0]
        z_like = integrate.quad(likelihood, 0, 1)[0]
        theta = run.theta
        np.testing.assert_allclose(run.posteriors[k], prior_times_likelihood(theta) / z_post,
                                   rtol=1e-7)  # fmt: skip
        np.testing.assert_allclose(run.likelihoods[k], likelihood(theta) / z_like, rtol=1e-7)
        assert (run.heads[k], run.tails[k]) == (h, t)


def test_credible_interval_mean_and_map_against_scipy():
    run = bayes.coin_run(2.0, 5.0, 0.6, 120, 3)
    for k in (0, 10, 120):
        s = run.summaries[k]
        a, b = 2.0 + run.heads[k], 5.0 + run.tails[k]
        assert (s.a, s.b) == (a, b)
        low, high = stats.beta.interval(0.95, a, b)
        assert (s.low, s.high) == pytest.approx((low, high), rel=1e-9)
        assert s.mean == pytest.approx(stats.beta.mean(a, b), rel=1e-12)
        best = optimize.minimize_scalar(lambda t, a=a, b=b: -stats.beta.pdf(t, a, b), bounds=(0, 1),
                                        method="bounded", options={"xatol": 1e-10})  # fmt: skip
        assert s.mode == pytest.approx(best.x, abs=1e-6)


def test_map_at_an_end_or_undefined():
    assert bayes.beta_mode(0.5, 3.0) == 0.0  # decreasing density: the peak is at 0
    assert stats.beta.pdf(0.01, 0.5, 3) > stats.beta.pdf(0.02, 0.5, 3)
    assert bayes.beta_mode(3.0, 1.0) == 1.0
    assert bayes.beta_mode(0.5, 0.5) is None and bayes.beta_mode(1.0, 1.0) is None


def test_flips_are_seeded_and_have_the_bias():
    first, again = bayes.coin_flips(7, 200, 0.3), bayes.coin_flips(7, 200, 0.3)
    assert first.tolist() == again.tolist()
    assert stats.binomtest(int(first.sum()), 200, 0.3).pvalue > 0.001
    assert bayes.coin_flips(0, 50, 1.0).sum() == 50 and bayes.coin_flips(0, 50, 0.0).sum() == 0


def test_coin_curves_are_finite_at_the_extremes():
    for alpha, beta, bias in ((0.5, 0.5, 0.0), (0.5, 20.0, 1.0), (20.0, 20.0, 0.5)):
        run = bayes.coin_run(alpha, beta, bias, bayes.MAX_FLIPS, 0)
        for curves in (run.prior, run.likelihoods, run.posteriors):
            assert np.isfinite(curves).all()
        assert all(0 <= s.low <= s.high <= 1 for s in run.summaries)
