"""mathviz.nn.network: backpropagation against central finite differences for every
activation, loss and penalty (float64), softmax and the losses against direct formulas, and
PyTorch's initialisation bounds."""

import numpy as np
import pytest
from scipy import special

from mathviz.nn import network


def _problem(classes: int, seed: int = 0, n: int = 7, widths=(3, 5, 4)):
    rng = np.random.default_rng(seed)
    inputs = rng.normal(size=(n, widths[0]))
    y = rng.integers(0, classes, n) if classes else rng.normal(size=n)
    return inputs, y, (*widths, classes if classes else 1)


def _numeric_gradient(f, theta, h=1e-6):
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        grad[i] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grad


@pytest.mark.parametrize("activation", list(network.ACTIVATIONS))
@pytest.mark.parametrize(
    ("loss", "classes"), [(network.CROSS_ENTROPY, 3), (network.SQUARED, 3), (network.SQUARED, 0)]
)
@pytest.mark.parametrize(
    ("reg", "rate"), [(network.NONE, 0.0), (network.L2, 0.1), (network.L1, 0.05)]
)
def test_backpropagation_matches_finite_differences(activation, loss, classes, reg, rate):
    inputs, y, widths = _problem(classes)
    arch = network.Architecture(widths, activation)
    theta = arch.initial(np.random.default_rng(1))
    if activation == "ReLU":  # keep every z away from the kink, where the derivative jumps
        z = network.forward(arch, theta, inputs).zs
        assert all(np.abs(layer).min() > 1e-4 for layer in z[:-1])
    result = network.backward(arch, theta, inputs, y, loss, reg, rate)

    def total(t):
        return network.backward(arch, t, inputs, y, loss, reg, rate).loss

    numeric = _numeric_gradient(total, theta)
    np.testing.assert_allclose(result.gradient, numeric, rtol=1e-6, atol=1e-8)
    assert result.loss == pytest.approx(total(theta))


def test_a_deep_sigmoid_network_backpropagates_too():
    inputs, y, _ = _problem(2, seed=3, n=5)
    arch = network.Architecture((3, 4, 4, 4, 4, 4, 2), "sigmoid")
    theta = arch.initial(np.random.default_rng(4))
    result = network.backward(arch, theta, inputs, y, network.CROSS_ENTROPY)
    numeric = _numeric_gradient(
        lambda t: network.backward(arch, t, inputs, y, network.CROSS_ENTROPY).loss, theta
    )
    np.testing.assert_allclose(result.gradient, numeric, rtol=1e-5, atol=1e-10)
    assert len(result.deltas) == arch.layers


def test_softmax_and_cross_entropy_match_scipy():
    logits = np.array([[1000.0, 1001.0, 999.0], [-3.0, 0.0, 2.0]])
    np.testing.assert_allclose(network.softmax(logits), special.softmax(logits, axis=1))
    y = np.array([1, 0])
    expected = -np.mean(special.log_softmax(logits, axis=1)[np.arange(2), y])
    assert network.LOSSES[network.CROSS_ENTROPY].value(logits, y) == pytest.approx(expected)


def test_squared_error_is_half_the_mean_squared_distance_to_the_one_hot_targets():
    out = np.array([[0.2, 0.9], [0.4, 0.1], [1.5, -0.5]])
    y = np.array([1, 0, 0])
    targets = np.eye(2)[y]
    expected = 0.5 * np.sum((out - targets) ** 2) / 3
    assert network.LOSSES[network.SQUARED].value(out, y) == pytest.approx(expected)


def test_initialisation_follows_pytorchs_linear_bounds():
    arch = network.Architecture((2, 8, 8, 3))
    theta = arch.initial(np.random.default_rng(0))
    assert theta.size == 2 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3
    for (w, b), fan_in in zip(arch.unpack(theta), (2, 8, 8), strict=True):
        bound = 1 / np.sqrt(fan_in)
        assert np.abs(w).max() <= bound and np.abs(b).max() <= bound
        assert np.abs(w).max() > 0.5 * bound  # drawn over the whole range
    assert arch.weight_mask.sum() == 2 * 8 + 8 * 8 + 8 * 3


def test_a_network_without_hidden_layers_is_logistic_regression():
    inputs, y, _ = _problem(2, seed=5, n=20, widths=(2,))
    arch = network.Architecture((2, 2))
    theta = arch.initial(np.random.default_rng(0))
    ((w, b),) = arch.unpack(theta)
    p = network.probabilities(arch, theta, inputs, network.CROSS_ENTROPY)[:, 1]
    direct = special.expit(inputs @ (w[:, 1] - w[:, 0]) + (b[1] - b[0]))
    np.testing.assert_allclose(p, direct, rtol=1e-12)


@pytest.mark.parametrize("activation", list(network.ACTIVATIONS))
@pytest.mark.parametrize(("loss", "classes"), [(network.CROSS_ENTROPY, 3), (network.SQUARED, 3),
                                               (network.SQUARED, 0)])  # fmt: skip
def test_the_fast_training_gradient_is_backpropagations(activation, loss, classes):
    inputs, y, widths = _problem(classes, seed=9)
    arch = network.Architecture(widths, activation)
    theta = arch.initial(np.random.default_rng(2))
    targets = network.targets(y, widths[-1])
    for reg, rate in ((network.NONE, 0.0), (network.L1, 0.1), (network.L2, 0.1)):
        fast = network.fast_gradient(arch, theta, inputs, targets, loss, reg, rate)
        full = network.backward(arch, theta, inputs, y, loss, reg, rate).gradient
        np.testing.assert_allclose(fast, full, rtol=1e-13, atol=1e-15)
