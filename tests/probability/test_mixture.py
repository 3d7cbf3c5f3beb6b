"""The two-component Gaussian mixture against numerical integration, scipy's Mixture and
sampling."""

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.probability.mixture import GaussianMixture

SETTINGS = [(0.3, -2.0, 0.7, 2.0, 1.0), (0.5, 0.0, 1.0, 0.0, 1.0), (0.9, -8.0, 0.1, 9.0, 5.0),
            (0.0, 1.0, 1.0, -3.0, 0.5), (1.0, 1.0, 2.0, -3.0, 0.5)]  # fmt: skip


def _scipy(weight, mu1, sd1, mu2, sd2):
    return stats.Mixture([stats.Normal(mu=mu1, sigma=sd1), stats.Normal(mu=mu2, sigma=sd2)],
                         weights=[weight, 1 - weight])  # fmt: skip


def _integral(f, mixture):
    low, high = mixture.ppf(1e-12), mixture.ppf(1 - 1e-12)
    return integrate.quad(f, low, high, points=sorted(mixture.mus), limit=400)[0]


@pytest.mark.parametrize("setting", SETTINGS)
def test_density_integrates_to_one_and_moments_match_integrals(setting):
    m = GaussianMixture(*setting)
    assert _integral(m.pdf, m) == pytest.approx(1.0, abs=1e-8)
    mean = _integral(lambda x: x * m.pdf(x), m)
    assert m.mean() == pytest.approx(mean, abs=1e-7)
    assert m.var() == pytest.approx(_integral(lambda x: (x - mean) ** 2 * m.pdf(x), m), rel=1e-7)
    assert m.std() == pytest.approx(np.sqrt(m.var()))


@pytest.mark.parametrize("setting", SETTINGS)
def test_it_agrees_with_scipys_mixture(setting):
    ours, theirs = GaussianMixture(*setting), _scipy(*setting)
    x = np.linspace(-12, 15, 55)
    np.testing.assert_allclose(ours.pdf(x), theirs.pdf(x), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(ours.cdf(x), theirs.cdf(x), rtol=1e-10, atol=1e-300)
    q = np.array([1e-6, 0.05, 0.5, 0.95, 1 - 1e-6])
    np.testing.assert_allclose(ours.ppf(q), theirs.icdf(q), rtol=1e-8)
    assert ours.entropy() == pytest.approx(float(theirs.entropy()), rel=1e-6)


def test_ppf_inverts_cdf_and_handles_the_ends():
    m = GaussianMixture(*SETTINGS[0])
    q = np.linspace(0.001, 0.999, 37)
    np.testing.assert_allclose(m.cdf(m.ppf(q)), q, atol=1e-11)
    assert m.ppf(0.0) == -np.inf and m.ppf(1.0) == np.inf and np.isnan(m.ppf(1.5))
    assert isinstance(m.ppf(0.5), float) and m.ppf(q).shape == q.shape


def test_equal_components_are_one_normal():
    m = GaussianMixture(0.4, 1.0, 2.0, 1.0, 2.0)
    x = np.linspace(-5, 7, 13)
    np.testing.assert_allclose(m.pdf(x), stats.norm(1, 2).pdf(x))
    assert m.entropy() == pytest.approx(stats.norm(1, 2).entropy(), rel=1e-8)


@pytest.mark.parametrize("seed", [0, 1])
def test_samples_pass_a_ks_test_and_have_the_mixtures_moments(seed):
    m = GaussianMixture(*SETTINGS[0])
    draws = m.rvs(size=20000, random_state=np.random.default_rng(seed))
    assert stats.kstest(draws, m.cdf).pvalue > 1e-3
    assert draws.mean() == pytest.approx(m.mean(), abs=4 * m.std() / np.sqrt(20000))
    assert draws.var() == pytest.approx(m.var(), rel=0.05)
    # the fraction from the first bump is π (draws left of the trough at 0)
    assert (draws < 0).mean() == pytest.approx(m.cdf(0.0), abs=0.015)


def test_seeded_and_shaped_draws():
    m = GaussianMixture(*SETTINGS[0])
    a = m.rvs(size=(3, 4), random_state=np.random.default_rng(5))
    b = m.rvs(size=(3, 4), random_state=np.random.default_rng(5))
    assert a.shape == (3, 4) and np.array_equal(a, b)
    # draw for draw: a uniform picks each component (π first), then numpy's normal
    rng = np.random.default_rng(5)
    pick = np.where(rng.random((3, 4)) < m.weight, 0, 1)
    expected = rng.normal(np.asarray(m.mus)[pick], np.asarray(m.sigmas)[pick])
    np.testing.assert_array_equal(a, expected)


def test_bad_parameters_are_refused():
    for bad in [(1.5, 0, 1, 0, 1), (0.5, 0, 0, 0, 1), (0.5, 0, 1, 0, -1)]:
        with pytest.raises(ValueError):
            GaussianMixture(*bad)


@pytest.mark.parametrize("setting", SETTINGS)
def test_the_scalar_fast_paths_equal_the_array_methods(setting):
    """Quantiles and the entropy use math.erfc / math.exp at one float: the same numbers."""
    m = GaussianMixture(*setting)
    for x in (-30.0, -3.0, 0.0, 0.7, 4.0, 25.0):
        assert m._tail(x, -1.0) == pytest.approx(float(m.cdf(x)), rel=1e-12, abs=1e-300)
        assert m._tail(x, 1.0) == pytest.approx(float(m.sf(x)), rel=1e-12, abs=1e-300)
        assert m._log_density(x) == pytest.approx(float(m.logpdf(x)), rel=1e-12)
