"""A whole training run against PyTorch: the same network (nn.Linear layers, the same initial
weights), the same mini-batches in the same order, each torch.optim optimiser, in float64."""

import numpy as np
import pytest

from mathviz.nn import network, training

torch = pytest.importorskip("torch")
ACTIVATION_MODULES = {
    "ReLU": torch.nn.ReLU,
    "tanh": torch.nn.Tanh,
    "sigmoid": torch.nn.Sigmoid,
    "linear": torch.nn.Identity,
}
TORCH_OPTIMIZERS = {
    "Gradient descent": ("SGD", {}),
    "Momentum": ("SGD", {"momentum": 0.9}),
    "Nesterov": ("SGD", {"momentum": 0.9, "nesterov": True}),
    "AdaGrad": ("Adagrad", {"eps": 1e-10}),
    "RMSProp": ("RMSprop", {}),
    "Adam": ("Adam", {}),
    "AdamW": ("AdamW", {"weight_decay": 1e-2}),
}


def _data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    inputs = rng.uniform(-1, 1, (n, 2))
    return inputs, (inputs[:, 0] * inputs[:, 1] > 0).astype(np.int64)


def _torch_run(settings, inputs, y, classes):
    """Replays train()'s seeded draws (initial θ, then one permutation per epoch) in torch."""
    rng = np.random.default_rng(settings.seed)
    arch = training.architecture(inputs.shape[1], settings, classes)
    theta = arch.initial(rng)
    modules = []
    for index, (w, b) in enumerate(arch.unpack(theta)):
        linear = torch.nn.Linear(w.shape[0], w.shape[1], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w.T.copy()))
            linear.bias.copy_(torch.from_numpy(b.copy()))
        modules.append(linear)
        if index < arch.layers - 1:
            modules.append(ACTIVATION_MODULES[settings.activation]())
    model = torch.nn.Sequential(*modules)
    name, kw = TORCH_OPTIMIZERS[settings.optimizer]
    optimizer = getattr(torch.optim, name)(model.parameters(), lr=settings.lr, **kw)
    x_all, y_all = torch.from_numpy(inputs), torch.from_numpy(y)
    for _ in range(settings.epochs):
        order = rng.permutation(y.size)
        for start in range(0, y.size, settings.batch):
            rows = torch.from_numpy(order[start : start + settings.batch])
            optimizer.zero_grad()
            out = model(x_all[rows])
            if settings.loss == network.CROSS_ENTROPY:
                loss = torch.nn.functional.cross_entropy(out, y_all[rows])
            else:
                target = torch.nn.functional.one_hot(y_all[rows], classes).double()
                loss = 0.5 * ((out - target) ** 2).sum() / rows.numel()
            if settings.reg == network.L2:
                loss = loss + settings.rate * 0.5 * sum(
                    (m.weight**2).sum() for m in model if isinstance(m, torch.nn.Linear)
                )
            loss.backward()
            optimizer.step()
    flat = []
    for m in model:
        if isinstance(m, torch.nn.Linear):
            flat += [m.weight.detach().numpy().T.ravel(), m.bias.detach().numpy()]
    return np.concatenate(flat)


@pytest.mark.parametrize("optimizer", training.NN_OPTIMIZERS)
def test_training_matches_torch_step_for_step(optimizer):
    inputs, y = _data()
    lr = 0.1 if optimizer in ("Gradient descent", "Momentum", "Nesterov") else 0.01
    settings = training.Settings(
        hidden=(5, 3), activation="tanh", optimizer=optimizer, lr=lr, batch=8, epochs=4, seed=3
    )
    ours = training.train(inputs, y, inputs[:0], y[:0], 2, settings)
    np.testing.assert_allclose(
        ours.theta, _torch_run(settings, inputs, y, 2), rtol=1e-9, atol=1e-11
    )


@pytest.mark.parametrize("activation", list(network.ACTIVATIONS))
def test_squared_error_with_l2_matches_torch(activation):
    inputs, y = _data(seed=1)
    settings = training.Settings(
        hidden=(4,),
        activation=activation,
        loss=network.SQUARED,
        optimizer="Momentum",
        lr=0.05,
        batch=10,
        epochs=3,
        reg=network.L2,
        rate=0.01,
        seed=2,
    )
    ours = training.train(inputs, y, inputs[:0], y[:0], 2, settings)
    np.testing.assert_allclose(
        ours.theta, _torch_run(settings, inputs, y, 2), rtol=1e-9, atol=1e-11
    )
