"""The rates of gradient descent and the heavy ball on the bowl, against independent references:
the eigenvalues of the iteration matrices (numpy.linalg), the rates measured on real paths of
``optimizers.run``, scipy's minimiser, and the closed forms of ``theory.bowl_theory``."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from mathviz.optim import rates, surfaces, theory
from mathviz.optim.optimizers import OPTIMIZERS, run

ANGLE = 30.0


def bowl_theory(l1, l2):
    return theory.bowl_theory(surfaces.bowl_matrix(l1, l2, ANGLE))


def heavy_ball_matrix(lr, beta, hessian):
    """PyTorch's step as a matrix on (b, θ): b ← βb + Aθ, θ ← θ − lr·b = θ − lr·βb − lr·Aθ."""
    hessian = np.atleast_2d(np.asarray(hessian, dtype=float))
    eye = np.eye(len(hessian))
    return np.block([[beta * eye, hessian], [-lr * beta * eye, eye - lr * hessian]])


def spectral_radius(matrix):
    return float(np.max(np.abs(np.linalg.eigvals(matrix))))


# ---- plain gradient descent ---------------------------------------------------------------


def test_gd_rate_is_the_spectral_radius_of_i_minus_lr_a():
    hessian = surfaces.bowl_matrix(1.0, 10.0, ANGLE)
    steps = np.geomspace(1e-4, 0.5, 60)
    got = rates.gd_rate(steps, (10.0, 1.0))
    want = [spectral_radius(np.eye(2) - lr * hessian) for lr in steps]
    assert got.shape == steps.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)
    grid = rates.gd_rate(steps.reshape(6, 10), [1.0, 10.0])
    assert grid.shape == (6, 10) and np.ndim(rates.gd_rate(0.1, [1.0, 10.0])) == 0


@pytest.mark.parametrize(("l1", "l2"), [(1.0, 1.0), (1.0, 10.0), (0.5, 40.0), (2.0, 3.0)])
def test_gd_rate_is_least_at_two_over_the_sum_of_the_curvatures(l1, l2):
    t = bowl_theory(l1, l2)
    found = minimize_scalar(
        lambda lr: float(rates.gd_rate(lr, t.eigenvalues)),
        bounds=(1e-6, t.max_stable_lr),
        method="bounded",
        options={"xatol": 1e-12},
    )
    assert found.x == pytest.approx(t.best_lr, rel=1e-6)
    assert found.fun == pytest.approx(t.best_rate, abs=1e-6)  # Brent's method on a kink
    grid = np.linspace(1e-6, t.max_stable_lr, 200_001)
    assert grid[np.argmin(rates.gd_rate(grid, t.eigenvalues))] == pytest.approx(t.best_lr, rel=1e-4)
    # stable exactly below 2 / λmax
    assert rates.gd_rate(0.999 * t.max_stable_lr, t.eigenvalues) < 1
    assert rates.gd_rate(1.001 * t.max_stable_lr, t.eigenvalues) > 1


@pytest.mark.parametrize("lr", [0.02, 0.1, 0.15, 2 / 11, 0.19, 0.21, 0.25])
def test_gd_rate_matches_the_rate_measured_on_a_path(lr):
    bowl = surfaces.bowl(1.0, 10.0, ANGLE)
    path = run(bowl, OPTIMIZERS["Gradient descent"], bowl.start, 300, lr=lr)
    measured = theory.measured_rate(path.positions, np.zeros(2), skip=10)
    assert measured == pytest.approx(float(rates.gd_rate(lr, (1.0, 10.0))), rel=1e-4)
    assert (path.diverged_at is not None) == (lr > 0.2)


def test_gd_rate_for_kappa_one_reaches_zero():
    assert rates.gd_rate(0.5, [2.0, 2.0]) == 0.0
    assert rates.steps_to_tolerance(float(rates.gd_rate(0.5, [2.0, 2.0]))) == 1


# ---- the heavy ball ---------------------------------------------------------------------------


LAMBDAS = (0.3, 1.0, 10.0)
STEPS = np.geomspace(1e-3, 0.8, 23)
MOMENTA = np.array([0.0, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999])


@pytest.mark.parametrize("lam", LAMBDAS)
def test_momentum_rate_is_the_spectral_radius_of_pytorchs_iteration(lam):
    got = rates.momentum_rate(STEPS[None, :], MOMENTA[:, None], lam)
    assert got.shape == (len(MOMENTA), len(STEPS))
    for i, beta in enumerate(MOMENTA):
        for j, lr in enumerate(STEPS):
            want = spectral_radius(heavy_ball_matrix(lr, beta, [[lam]]))
            # a double root is ill-conditioned: eigvals has ~√ε error there
            assert got[i, j] == pytest.approx(want, rel=1e-6, abs=1e-7), (lr, beta)


@settings(max_examples=200, deadline=None)
@given(
    lr=st.floats(1e-4, 5.0),
    beta=st.floats(0.0, 0.999),
    lam=st.floats(1e-2, 50.0),
)
def test_momentum_rate_is_the_larger_root_of_the_characteristic_polynomial(lr, beta, lam):
    # the matrix on (θₖ, θₖ₋₁) of Polyak's form, another reference
    polyak = np.array([[1 + beta - lr * lam, -beta], [1.0, 0.0]])
    want = spectral_radius(polyak)
    assert float(rates.momentum_rate(lr, beta, lam)) == pytest.approx(want, rel=1e-6, abs=1e-7)


def test_momentum_rate_with_no_momentum_is_gradient_descent():
    np.testing.assert_allclose(rates.momentum_rate(STEPS, 0.0, 10.0), np.abs(1 - 10 * STEPS))
    np.testing.assert_allclose(
        rates.momentum_rate_bowl(STEPS, 0.0, (1.0, 10.0)), rates.gd_rate(STEPS, (1.0, 10.0))
    )


def test_momentum_rate_bowl_is_the_radius_of_the_whole_rotated_bowls_iteration():
    hessian = surfaces.bowl_matrix(1.0, 10.0, ANGLE)
    got = rates.momentum_rate_bowl(STEPS[None, :], MOMENTA[:, None], (10.0, 1.0))
    for i, beta in enumerate(MOMENTA):
        for j, lr in enumerate(STEPS):
            want = spectral_radius(heavy_ball_matrix(lr, beta, hessian))
            assert got[i, j] == pytest.approx(want, rel=1e-6, abs=1e-7), (lr, beta)


@pytest.mark.parametrize(
    ("lr", "beta", "region"),
    [
        (0.02, 0.3, "monotone"),
        (0.1, 0.5, "ripples"),
        (0.15, 0.7, "ripples"),
        (0.05, 0.9, "ripples"),
        (0.19, 0.0, "zig-zags"),
        (0.3, 0.6, "ripples"),
        (0.35, 0.8, "ripples"),
        (0.25, 0.2, "diverges"),
    ],
)
def test_momentum_rate_matches_the_rate_measured_on_a_pytorch_path(lr, beta, region):
    bowl = surfaces.bowl(1.0, 10.0, ANGLE)
    path = run(bowl, OPTIMIZERS["Momentum"], bowl.start, 400, lr=lr, momentum=beta)
    measured = theory.measured_rate(path.positions, np.zeros(2), skip=20)
    predicted = float(rates.momentum_rate_bowl(lr, beta, (1.0, 10.0)))
    # ripples make log|error| wave about its trend line: the fit is off by a few 10⁻³
    assert measured == pytest.approx(predicted, rel=5e-3)
    assert rates.REGIONS[rates.momentum_regions((1.0, 10.0), [lr], [beta])[0, 0]] == region
    assert (path.diverged_at is not None) == (region == "diverges")


def test_momentum_rate_at_the_theorys_best_setting_is_polyaks():
    for l1, l2 in [(1.0, 1.0), (1.0, 10.0), (1.0, 100.0), (0.2, 3.0)]:
        t = bowl_theory(l1, l2)
        rate = float(rates.momentum_rate_bowl(t.momentum_lr, t.momentum_beta, t.eigenvalues))
        # a double root: round-off of ε in the discriminant moves the rate by √ε
        assert rate == pytest.approx(t.momentum_rate, abs=1e-7)


@pytest.mark.parametrize(("l1", "l2"), [(1.0, 10.0), (1.0, 100.0), (0.5, 2.0), (3.0, 3.0)])
def test_the_phase_diagrams_least_rate_is_at_the_theorys_setting(l1, l2):
    t = bowl_theory(l1, l2)
    lr_grid = t.momentum_lr * np.geomspace(0.5, 2.0, 601)
    beta_grid = np.linspace(0.0, 0.99, 991)
    phase = rates.momentum_phase(t.eigenvalues, lr_grid, beta_grid)
    assert phase.shape == (len(beta_grid), len(lr_grid))
    row, column = np.unravel_index(np.argmin(phase), phase.shape)
    # no setting beats Polyak's; the grid's best is next to it
    assert phase.min() >= t.momentum_rate - 1e-7
    assert phase.min() == pytest.approx(t.momentum_rate, abs=0.01)
    assert lr_grid[column] == pytest.approx(t.momentum_lr, rel=0.02)
    assert beta_grid[row] == pytest.approx(t.momentum_beta, abs=0.01)
    # the row β = 0 is plain gradient descent
    np.testing.assert_allclose(phase[0], rates.gd_rate(lr_grid, t.eigenvalues))
    # and momentum beats its best step
    assert phase.min() <= t.best_rate + 1e-12


def test_the_phase_diagram_is_the_bowl_rate_cell_by_cell():
    lr_grid, beta_grid = np.geomspace(1e-3, 0.5, 7), np.linspace(0, 0.9, 5)
    phase = rates.momentum_phase([1.0, 10.0], lr_grid, beta_grid)
    for i, beta in enumerate(beta_grid):
        for j, lr in enumerate(lr_grid):
            assert phase[i, j] == rates.momentum_rate_bowl(lr, beta, [1.0, 10.0])


# ---- regions, boundaries ----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(lr=st.floats(1e-4, 5.0), beta=st.floats(0.0, 0.99), lam=st.floats(1e-2, 50.0))
def test_one_directions_region_from_numpys_roots(lr, beta, lam):
    roots = np.roots([1.0, -(1 + beta - lr * lam), beta])
    dominant = roots[np.argmax(np.abs(roots))]
    code = int(rates.momentum_region(lr, beta, lam))
    disc = (1 + beta - lr * lam) ** 2 - 4 * beta
    if abs(disc) < 1e-9 or abs(abs(dominant) - 1) < 1e-9:
        return  # on a boundary: either side is right
    if np.max(np.abs(roots)) >= 1:
        assert rates.REGIONS[code] == "diverges"
    elif np.iscomplex(dominant):
        assert rates.REGIONS[code] == "ripples"
    else:
        assert rates.REGIONS[code] == ("monotone" if dominant.real > 0 else "zig-zags")


def test_gradient_descents_regions_along_beta_zero():
    t = bowl_theory(1.0, 10.0)
    # the slow direction sets the rate below the best step 2/11, the fast one above it
    steps = np.array([0.5, 0.99, 1.01, 1.09]) * t.best_lr
    steps = np.append(steps, [1.01 * t.max_stable_lr, 10 * t.max_stable_lr])
    names = [rates.REGIONS[c] for c in rates.momentum_regions(t.eigenvalues, steps, [0.0])[0]]
    assert names == ["monotone", "monotone", "zig-zags", "zig-zags", "diverges", "diverges"]


def test_ripples_fill_the_band_where_every_direction_has_complex_roots():
    t = bowl_theory(1.0, 10.0)
    low, high = rates.ripple_band(t.momentum_beta, t.eigenvalues)
    assert low == pytest.approx(t.momentum_lr) and high == pytest.approx(t.momentum_lr)
    below_low, below_high = rates.ripple_band(0.5 * t.momentum_beta, t.eigenvalues)
    assert below_low > below_high  # empty below β*
    for beta in (0.4, 0.7, 0.95):
        low, high = rates.ripple_band(beta, t.eigenvalues)
        inside = np.geomspace(low, high, 9)[1:-1]
        np.testing.assert_allclose(
            rates.momentum_rate_bowl(inside, beta, t.eigenvalues), math.sqrt(beta), rtol=1e-12
        )
        codes = rates.momentum_regions(t.eigenvalues, np.array([0.98 * low, *inside]), [beta])
        assert rates.REGIONS[codes[0, 0]] != "ripples"
        assert all(rates.REGIONS[c] == "ripples" for c in codes[0, 1:])


def test_momentum_is_stable_up_to_two_one_plus_beta_over_lambda_max():
    betas = np.array([0.0, 0.3, 0.6, 0.9, 0.99])
    limit = rates.momentum_max_stable_lr(betas, (1.0, 10.0))
    np.testing.assert_allclose(limit, 2 * (1 + betas) / 10)
    assert np.all(rates.momentum_rate_bowl(0.999 * limit, betas, (1.0, 10.0)) < 1)
    assert np.all(rates.momentum_rate_bowl(1.001 * limit, betas, (1.0, 10.0)) > 1)


# ---- steps to a tolerance -----------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(rate=st.floats(1e-6, 0.9999), tolerance=st.floats(1e-12, 0.5))
def test_steps_to_tolerance_is_the_least_k_with_rate_to_the_k_below_it(rate, tolerance):
    k = rates.steps_to_tolerance(rate, tolerance)
    assert k >= 1
    slack = 1 + 1e-8  # the rounding that makes 0.1⁶ land on either side of 10⁻⁶
    assert rate**k <= tolerance * slack
    assert k == 1 or rate ** (k - 1) > tolerance / slack


def test_steps_to_tolerance_edge_cases():
    assert rates.steps_to_tolerance(0.1) == 6
    assert rates.steps_to_tolerance(0.5) == 20  # 2⁻²⁰ ≈ 9.5×10⁻⁷
    assert rates.steps_to_tolerance(0.0) == 1
    for never in (1.0, 1.5, math.inf, math.nan):
        assert rates.steps_to_tolerance(never) is None
    with pytest.raises(ValueError):
        rates.steps_to_tolerance(-0.1)
    for tolerance in (0.0, 1.0, 2.0):
        with pytest.raises(ValueError):
            rates.steps_to_tolerance(0.5, tolerance)


def test_steps_to_tolerance_counts_the_steps_of_a_real_path():
    t = bowl_theory(1.0, 10.0)
    bowl = surfaces.bowl(1.0, 10.0, ANGLE)
    path = run(bowl, OPTIMIZERS["Gradient descent"], bowl.start, 200, lr=t.best_lr)
    error = np.linalg.norm(path.positions, axis=1)
    # at the best step both directions shrink by the same factor: the norm does too
    reached = int(np.argmax(error <= rates.TOLERANCE * error[0] * (1 + 1e-9)))
    assert reached == rates.steps_to_tolerance(t.best_rate)
