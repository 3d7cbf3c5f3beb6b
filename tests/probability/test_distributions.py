"""The distribution registry against scipy.stats, scipy.integrate and closed forms: PMFs sum
and PDFs integrate to 1, the entries' closed-form moments and entropies match scipy's (and
numerical sums/integrals), samplers (the registry's and the numpy/scipy lines shown) pass KS
or χ² tests at fixed seeds, special cases are the distributions they name, bad values clamp
with a sentence."""

import math
import re
import warnings

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz import catalog, params
from mathviz.probability import distributions as D
from mathviz.probability.distributions import DISTRIBUTIONS
from tests.harness.latex import latex_problems

NAMES = list(DISTRIBUTIONS)
CONTINUOUS = [name for name in NAMES if not DISTRIBUTIONS[name].discrete]
DISCRETE = [name for name in NAMES if DISTRIBUTIONS[name].discrete]

# scipy's own objects at the registry's defaults, built independently of the entries' build
SCIPY_AT_DEFAULTS = {
    "Bernoulli": stats.bernoulli(0.5),
    "Binomial": stats.binom(10, 0.3),
    "Geometric": stats.geom(0.25),
    "Poisson": stats.poisson(4.0),
    "Negative binomial": stats.nbinom(3, 0.5),
    "Discrete uniform": stats.randint(1, 7),
    "Loaded die": stats.rv_discrete(values=(np.arange(1, 7), np.array([1, 1, 1, 1, 1, 5]) / 10)),
    "Uniform": stats.uniform(0, 1),
    "Normal": stats.norm(0, 1),
    "Exponential": stats.expon(scale=1.0),
    "Gamma": stats.gamma(2.0),
    "Beta": stats.beta(2.0, 5.0),
    "Student t": stats.t(5),
    "Chi-squared": stats.chi2(3),
    "F": stats.f(5, 10),
    "Laplace": stats.laplace(0, 1),
    "Logistic": stats.logistic(0, 1),
    "Log-normal": stats.lognorm(0.5),
    "Weibull": stats.weibull_min(1.5),
    "Cauchy": stats.cauchy(0, 1),
    "Gaussian mixture": stats.Mixture(
        [stats.Normal(mu=-2.0, sigma=0.7), stats.Normal(mu=2.0, sigma=1.0)], weights=[0.3, 0.7]
    ),
}


def _random_values(name: str, rng: np.random.Generator) -> dict:
    """Parameter values drawn inside each slider's range (then repaired by the entry)."""
    entry = DISTRIBUTIONS[name]
    given = {}
    for p in entry.parameters:
        x = rng.uniform(p.low, p.high)
        given[p.key] = int(round(x)) if p.whole else round(x / p.step) * p.step
    return entry.values(given)


def _settings(name: str) -> list[dict]:
    """The defaults and three seeded random settings of an entry."""
    rng = np.random.default_rng(sum(map(ord, name)))
    return [DISTRIBUTIONS[name].values()] + [_random_values(name, rng) for _ in range(3)]


def test_the_registry_has_the_issues_distributions():
    assert set(DISCRETE) == {"Bernoulli", "Binomial", "Geometric", "Poisson",
                             "Negative binomial", "Discrete uniform", "Loaded die"}  # fmt: skip
    assert set(CONTINUOUS) == {"Uniform", "Normal", "Exponential", "Gamma", "Beta", "Student t",
                               "Chi-squared", "F", "Laplace", "Logistic", "Log-normal",
                               "Weibull", "Cauchy", "Gaussian mixture"}  # fmt: skip


def test_one_meaning_per_key_and_no_clash_with_other_pages():
    keys = [p.key for p in D.parameter_params()]
    assert len(keys) == len(set(keys))
    mine = params.page("registry-check", D.choice_param(), *D.parameter_params())
    others = [declared for _, declared in catalog.all_declared_params()]
    assert params.collisions([*others, mine]) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_entry_is_filled_in(name):
    entry = DISTRIBUTIONS[name]
    for text in (entry.story, entry.support, entry.density_latex, entry.mean_latex,
                 entry.variance_latex, entry.entropy_latex, entry.numpy_code, entry.scipy_code,
                 entry.notation):  # fmt: skip
        assert text.strip(), name
    assert len(entry.story.split()) >= 35
    assert entry.related
    for latex in (entry.support, entry.density_latex, entry.cdf_latex, entry.mean_latex,
                  entry.variance_latex, entry.entropy_latex, entry.notation,
                  *(entry.fill(t) for t in (entry.mean_numbers, entry.variance_numbers,
                                            entry.entropy_numbers))):  # fmt: skip
        assert latex_problems(latex) == [], (name, latex)
    for template in (entry.mean_numbers, entry.variance_numbers, entry.entropy_numbers):
        assert set(re.findall(r"<(\w+)>", template)) <= set(entry.keys)
        assert "<" not in entry.fill(template)
    assert set(entry.symbols) == set(entry.keys)


@pytest.mark.parametrize("name", NAMES)
def test_related_targets_exist_and_links_carry_their_keys(name):
    entry = DISTRIBUTIONS[name]
    for values in _settings(name):
        for relation in entry.related:
            assert relation.target in DISTRIBUTIONS and relation.target != name
            target = DISTRIBUTIONS[relation.target]
            linked = relation.target_values(values)
            assert set(linked) <= set(target.keys)
            assert all(math.isfinite(x) for x in linked.values())
            target.frozen(linked)  # builds (clamped)


@pytest.mark.parametrize("name", DISCRETE)
def test_every_pmf_sums_to_one(name):
    for values in _settings(name):
        rv = DISTRIBUTIONS[name].frozen(values)
        low, high = rv.support()
        high = min(high, rv.ppf(1 - 1e-13))
        x = np.arange(low, high + 1)
        assert rv.pmf(x).sum() == pytest.approx(1.0, abs=1e-9), (name, values)


@pytest.mark.parametrize("name", CONTINUOUS)
def test_every_pdf_integrates_to_one(name):
    for values in _settings(name):
        rv = DISTRIBUTIONS[name].frozen(values)
        low, high = rv.support()
        mid = float(rv.ppf(0.5))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", integrate.IntegrationWarning)
            left, _ = integrate.quad(rv.pdf, low, mid, limit=200)
            right, _ = integrate.quad(rv.pdf, mid, high, limit=200)
        assert left + right == pytest.approx(1.0, abs=2e-6), (name, values)


@pytest.mark.parametrize("name", NAMES)
def test_the_defaults_are_scipys_distributions(name):
    ours, theirs = DISTRIBUTIONS[name].frozen(), SCIPY_AT_DEFAULTS[name]
    low, high = DISTRIBUTIONS[name].window()
    x = np.linspace(low, high, 41)
    if name == "Gaussian mixture":
        np.testing.assert_allclose(ours.pdf(x), theirs.pdf(x), rtol=1e-10)
        np.testing.assert_allclose(ours.cdf(x), theirs.cdf(x), rtol=1e-10)
        np.testing.assert_allclose(ours.ppf([0.1, 0.5, 0.9]), theirs.icdf([0.1, 0.5, 0.9]),
                                   rtol=1e-8)  # fmt: skip
        return
    density = "pmf" if DISTRIBUTIONS[name].discrete else "pdf"
    x = np.round(x) if DISTRIBUTIONS[name].discrete else x
    np.testing.assert_allclose(getattr(ours, density)(x), getattr(theirs, density)(x), rtol=1e-10)
    np.testing.assert_allclose(ours.cdf(x), theirs.cdf(x), rtol=1e-10)


def _scipy_moments(rv) -> tuple[float, float, float]:
    if isinstance(rv, D.GaussianMixture):
        reference = stats.Mixture(
            [stats.Normal(mu=m, sigma=s) for m, s in zip(rv.mus, rv.sigmas, strict=True)],
            weights=list(rv.weights),
        )
        return float(reference.mean()), float(reference.variance()), float(reference.entropy())
    return float(rv.mean()), float(rv.var()), float(rv.entropy())


@pytest.mark.parametrize("name", NAMES)
def test_closed_form_moments_and_entropies_match_scipy(name):
    entry = DISTRIBUTIONS[name]
    for values in _settings(name):
        rv = entry.frozen(values)
        expected = _scipy_moments(rv)
        for which, scipy_value in zip(("mean", "variance", "entropy"), expected, strict=True):
            ours = entry.moment(which, values)
            if math.isnan(scipy_value) or math.isinf(scipy_value):
                # undefined or infinite: the entry says the same (Cauchy, t with ν ≤ 2, F)
                assert not math.isfinite(ours), (name, which, values)
                if math.isinf(scipy_value):
                    assert math.isinf(ours) or math.isnan(ours)
                continue
            assert ours == pytest.approx(scipy_value, rel=1e-7, abs=1e-9), (name, which, values)


@pytest.mark.parametrize("name", DISCRETE)
def test_discrete_moments_match_direct_sums(name):
    entry = DISTRIBUTIONS[name]
    for values in _settings(name):
        rv = entry.frozen(values)
        low, high = rv.support()
        x = np.arange(low, min(high, rv.ppf(1 - 1e-14)) + 1)
        p = rv.pmf(x)
        mean = x @ p
        assert entry.moment("mean", values) == pytest.approx(mean, rel=1e-8)
        assert entry.moment("variance", values) == pytest.approx((x - mean) ** 2 @ p, rel=1e-6)
        p = p[p > 0]
        assert entry.moment("entropy", values) == pytest.approx(-(p * np.log(p)).sum(), rel=1e-6)


def test_heavy_tails_have_no_finite_moments_where_theory_says():
    t, f, cauchy = DISTRIBUTIONS["Student t"], DISTRIBUTIONS["F"], DISTRIBUTIONS["Cauchy"]
    assert math.isnan(t.moment("mean", {"df": 1})) and math.isnan(t.moment("variance", {"df": 1}))
    assert t.moment("mean", {"df": 2}) == 0 and math.isinf(t.moment("variance", {"df": 2}))
    assert t.moment("variance", {"df": 3}) == pytest.approx(3.0)
    assert math.isinf(f.moment("mean", {"df": 3, "df2": 2}))
    assert math.isinf(f.moment("variance", {"df": 3, "df2": 4}))
    assert math.isnan(cauchy.moment("mean")) and math.isnan(cauchy.moment("variance"))


def _lumped_chisquare(draws: np.ndarray, rv) -> float:
    """The χ² test's p-value of integer draws against ``rv``'s PMF, tails lumped so that every
    cell expects at least 5."""
    n = len(draws)
    low, high = rv.ppf(1e-4), rv.ppf(1 - 1e-4)
    cells = np.arange(low, high + 1)
    expected = rv.pmf(cells) * n
    observed = np.array([(draws == c).sum() for c in cells], dtype=float)
    observed[0] += (draws < low).sum()
    observed[-1] += (draws > high).sum()
    expected[0] = rv.cdf(low) * n
    expected[-1] = rv.sf(high - 1) * n
    keep = expected >= 5
    rest_obs, rest_exp = observed[~keep].sum(), expected[~keep].sum()
    observed, expected = observed[keep], expected[keep]
    if rest_exp > 0:
        observed, expected = np.r_[observed, rest_obs], np.r_[expected, rest_exp]
    expected *= observed.sum() / expected.sum()
    if len(observed) < 2:
        return 1.0
    return float(stats.chisquare(observed, expected).pvalue)


def _passes(draws: np.ndarray, entry, values) -> float:
    rv = entry.frozen(values)
    if entry.discrete:
        assert np.all(draws == np.round(draws))
        return _lumped_chisquare(draws, rv)
    return float(stats.kstest(draws, rv.cdf).pvalue)


def _run_code(code: str, n: int, seed: int) -> np.ndarray:
    """The code the page shows, run: every line but the last, then the last as an expression."""
    lines = code.split("\n")
    scope = {"np": np, "stats": stats, "rng": np.random.default_rng(seed), "n": n}
    exec("\n".join(lines[:-1]), scope)  # noqa: S102 (our own code lines)
    return np.asarray(eval(lines[-1].strip(), scope), dtype=float)  # noqa: S307


@pytest.mark.parametrize("name", NAMES)
def test_samplers_and_the_code_lines_pass_a_goodness_of_fit_test(name):
    entry = DISTRIBUTIONS[name]
    for seed, values in enumerate(_settings(name)[:2]):
        draws = entry.sample(np.random.default_rng(seed), 3000, values)
        assert draws.shape == (3000,)
        assert _passes(draws, entry, values) > 1e-3, (name, values)
        numpy_line, scipy_line = entry.code(values)
        for code in (numpy_line, scipy_line):
            drawn = _run_code(code, 3000, seed + 10)
            assert drawn.shape == (3000,)
            assert _passes(drawn, entry, values) > 1e-3, (name, code)


def test_the_same_seed_gives_the_same_draws():
    entry = DISTRIBUTIONS["Gamma"]
    first = entry.sample(np.random.default_rng(7), 100)
    np.testing.assert_array_equal(first, entry.sample(np.random.default_rng(7), 100))


def test_the_loaded_die_normalises_its_weights():
    die = DISTRIBUTIONS["Loaded die"]
    given = {"w1": 2, "w2": 0, "w3": 0, "w4": 0, "w5": 0, "w6": 6}
    np.testing.assert_allclose(die.frozen(given).pmf(np.arange(1, 7)), [0.25, 0, 0, 0, 0, 0.75])
    assert die.moment("mean", given) == pytest.approx(0.25 * 1 + 0.75 * 6)
    assert die.problems(given) == ()


def test_a_die_with_no_weight_is_refused_for_a_fair_one():
    die = DISTRIBUTIONS["Loaded die"]
    given = {f"w{face}": 0 for face in range(1, 7)}
    np.testing.assert_allclose(die.frozen(given).pmf(np.arange(1, 7)), np.full(6, 1 / 6))
    (sentence,) = die.problems(given)
    assert "fair" in sentence


def test_bad_values_clamp_with_a_sentence():
    normal, binomial = DISTRIBUTIONS["Normal"], DISTRIBUTIONS["Binomial"]
    assert normal.values({"sigma": 0, "mu": "nan"}) == {"mu": 0.0, "sigma": 0.1}
    assert normal.values({"sigma": -3, "mu": float("inf")}) == {"mu": 0.0, "sigma": 0.1}
    assert len(normal.problems({"sigma": 0, "mu": "abc"})) == 2
    assert binomial.values({"prob": 7, "trials": 1e12}) == {"trials": 200, "prob": 0.99}
    assert all("outside" in s for s in binomial.problems({"prob": 7, "trials": 1e12}))
    assert normal.problems() == () and binomial.problems({"trials": "20"}) == ()
    uniform = DISTRIBUTIONS["Uniform"]
    assert uniform.values({"lo": 2, "hi": -1}) == {"lo": 2.0, "hi": 3.0}
    assert uniform.problems({"lo": 2, "hi": -1})
    integers = DISTRIBUTIONS["Discrete uniform"]
    assert integers.values({"imin": 4, "imax": 2}) == {"imin": 4, "imax": 5}
    assert integers.frozen({"imin": 4, "imax": 2}).pmf([4, 5]).sum() == pytest.approx(1.0)


@pytest.mark.parametrize("name", NAMES)
def test_values_anywhere_in_the_ranges_give_finite_windows_and_densities(name):
    entry = DISTRIBUTIONS[name]
    extremes = [
        {p.key: p.low for p in entry.parameters},
        {p.key: p.high for p in entry.parameters},
    ]
    for given in [*extremes, *_settings(name)]:
        low, high = entry.window(given)
        assert math.isfinite(low) and math.isfinite(high) and low < high, (name, given)
        rv = entry.frozen(given)
        x = np.linspace(low, high, 201)
        density = rv.pmf(np.round(x)) if entry.discrete else rv.pdf(x)
        assert np.all(np.isfinite(density)) or not entry.discrete
        assert math.isfinite(entry.moment("entropy", given))


# Exact special cases: (source, its values, target, the relation's statement as a transform of
# the target's draws), checked as equal CDFs.
SPECIAL_CASES = [
    ("Gamma", {"kshape": 1.0, "scale": 2.0}, "Exponential", lambda x: x),
    ("Beta", {"beta_a": 1.0, "beta_b": 1.0}, "Uniform", lambda x: x),
    ("Student t", {"df": 1}, "Cauchy", lambda x: x),
    ("Chi-squared", {"df": 7}, "Gamma", lambda x: x),
    ("Chi-squared", {"df": 2}, "Exponential", lambda x: x),
    ("Weibull", {"kshape": 1.0, "scale": 3.0}, "Exponential", lambda x: x),
    ("Geometric", {"prob": 0.3}, "Negative binomial", lambda x: x + 1),
    ("Binomial", {"trials": 1, "prob": 0.3}, "Bernoulli", lambda x: x),
    ("Discrete uniform", {"imin": 1, "imax": 6}, "Loaded die", lambda x: x),
]


@pytest.mark.parametrize(("source", "values", "target", "shift"), SPECIAL_CASES)
def test_special_cases_are_the_distributions_they_link_to(source, values, target, shift):
    entry = DISTRIBUTIONS[source]
    relation = next(r for r in entry.related if r.target == target)
    linked = DISTRIBUTIONS[target].frozen(relation.target_values(entry.values(values)))
    here = entry.frozen(values)
    q = np.array([0.05, 0.3, 0.5, 0.8, 0.95])
    # the quantiles of the source are the shifted quantiles of the target
    np.testing.assert_allclose(here.ppf(q), shift(linked.ppf(q)), rtol=1e-9)


def test_the_limits_link_to_matching_parameters():
    binomial = DISTRIBUTIONS["Binomial"]
    to_poisson = next(r for r in binomial.related if r.target == "Poisson")
    assert to_poisson.target_values({"trials": 150, "prob": 0.02}) == {"lam": pytest.approx(3.0)}
    # and the limit holds: Bin(n, 3/n) → Poisson(3) in total variation
    k = np.arange(0, 40)
    gaps = [0.5 * np.abs(stats.binom(n, 3 / n).pmf(k) - stats.poisson(3).pmf(k)).sum()
            for n in (10, 100, 1000)]  # fmt: skip
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 3e-3


def test_code_lines_show_the_current_values():
    numpy_line, scipy_line = DISTRIBUTIONS["Binomial"].code({"trials": 25, "prob": 0.125})
    assert numpy_line == "rng.binomial(25, 0.125, size=n)"
    assert scipy_line == "stats.binom(25, 0.125).rvs(size=n, random_state=rng)"


def test_fill_brackets_negative_numbers():
    mixture = DISTRIBUTIONS["Gaussian mixture"]
    filled = mixture.fill(mixture.mean_numbers, {"mixw": 0.5, "mu1": -1.5, "mu2": 2})
    assert filled == r"0.5 \cdot (-1.5) + (1 - 0.5) \cdot 2"


def test_windows_hold_most_of_the_probability():
    for name, entry in DISTRIBUTIONS.items():
        rv = entry.frozen()
        low, high = entry.window()
        assert rv.cdf(high) - rv.cdf(low) >= 1 - 2 * entry.plot_tail - 1e-9, name


def test_wide_discrete_entropies_match_the_normal_approximation():
    # scipy's own entropy sum stops early for these; ½ ln(2πe σ²) is the large-variance limit
    for name, values in [
        ("Negative binomial", {"succ": 50, "prob": 0.01}),
        ("Poisson", {"lam": 50.0}),
        ("Binomial", {"trials": 200, "prob": 0.5}),
    ]:
        entry = DISTRIBUTIONS[name]
        approximation = 0.5 * math.log(2 * math.pi * math.e * entry.moment("variance", values))
        assert entry.moment("entropy", values) == pytest.approx(approximation, abs=1e-2), name


@pytest.mark.parametrize("name", NAMES)
def test_the_view_holds_scipys_curves_and_quantiles(name):
    entry = DISTRIBUTIONS[name]
    view = D.view(name, tuple(sorted(entry.values().items())), 0.8)
    rv = SCIPY_AT_DEFAULTS[name]
    if name == "Gaussian mixture":
        np.testing.assert_allclose(view.density, rv.pdf(view.x), rtol=1e-9)
        assert view.quantile == pytest.approx(float(rv.icdf(0.8)))
        return
    density = rv.pmf(view.x) if entry.discrete else rv.pdf(view.x)
    np.testing.assert_allclose(view.density, density, rtol=1e-9)
    np.testing.assert_allclose(view.cdf, rv.cdf(view.x), rtol=1e-9)
    assert view.quantile == pytest.approx(rv.ppf(0.8))
    assert view.quartiles == pytest.approx(tuple(rv.ppf([0.25, 0.5, 0.75])))


def test_a_wide_pmf_is_thinned_but_finite():
    view = D.view("Negative binomial", (("prob", 0.01), ("succ", 50)), 0.5)
    assert view.stride > 1 and len(view.x) <= D.MOST_BARS
    assert np.all(np.isfinite(view.density))


def test_links_round_to_the_targets_steps():
    relation = next(r for r in DISTRIBUTIONS["Binomial"].related if r.target == "Normal")
    query = D.link_query(relation, {"trials": 20, "prob": 0.3})
    assert query == {"dist": "Normal", "mu": "6", "sigma": "2"}  # √4.2 = 2.05
    far = D.link_query(relation, {"trials": 100, "prob": 0.3})
    assert far["mu"] == "10"  # clamped into μ's range


def test_binomial_to_poisson_distances_are_total_variation_and_under_le_cams_bound():
    run = D.limit_run("Binomial → Poisson", 3.0, 0.5)
    for frame, bound in zip(run.frames, run.bound, strict=True):
        n = int(frame.n)
        k = np.arange(0, n + 60)
        direct = 0.5 * np.abs(stats.binom(n, 3 / n).pmf(k) - stats.poisson(3).pmf(k)).sum()
        assert frame.distance == pytest.approx(direct, rel=1e-6, abs=1e-12)
        assert frame.distance <= bound + 1e-12
    assert run.slope == pytest.approx(-1.0, abs=0.1)


def test_binomial_to_normal_respects_berry_esseen_and_t_approaches_the_normal():
    run = D.limit_run("Binomial → Normal", 4.0, 0.2)
    assert np.all(run.distance <= run.bound + 1e-12)
    assert run.slope == pytest.approx(-0.5, abs=0.1)
    t = D.limit_run("Student t → Normal")
    x = np.linspace(-8, 8, 20001)
    for frame in t.frames[::7]:
        direct = np.abs(stats.t.cdf(x, frame.n) - stats.norm.cdf(x)).max()
        assert frame.distance == pytest.approx(direct, rel=1e-3)
    assert t.slope == pytest.approx(-1.0, abs=0.1)
