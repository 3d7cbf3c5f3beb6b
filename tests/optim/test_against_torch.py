"""Whole paths and learning-rate schedules against PyTorch's own torch.optim, in float64."""

import warnings

import numpy as np
import pytest

from mathviz.optim import optimizers, schedules, surfaces

torch = pytest.importorskip("torch")
TORCH_CASES = [
    ("Gradient descent", "SGD", {"lr": 1e-3}),
    ("Momentum", "SGD", {"lr": 1e-3, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("Nesterov", "SGD", {"lr": 1e-3, "momentum": 0.9, "nesterov": True}),
    ("AdaGrad", "Adagrad", {"lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.1}),
    ("RMSProp", "RMSprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True}),
    ("Adam", "Adam", {"lr": 0.05, "betas": (0.8, 0.99), "amsgrad": True, "weight_decay": 0.01}),
    ("AdamW", "AdamW", {"lr": 0.05, "weight_decay": 0.1}),
]


def torch_path(surface, cls, start, steps, **kw):
    """The same run through torch.optim in float64, fed the same gradient."""
    param = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls)([param], **kw)
    out = [param.detach().numpy().copy()]
    for _ in range(steps):
        x, y = param.detach().numpy()
        param.grad = torch.tensor(np.asarray(surface.grad(x, y), float), dtype=torch.float64)
        opt.step()
        out.append(param.detach().numpy().copy())
    return np.array(out)


@pytest.mark.parametrize(("name", "cls", "kw"), TORCH_CASES, ids=[c[0] for c in TORCH_CASES])
@pytest.mark.parametrize("surface", ["Rosenbrock", "Himmelblau", "Beale"])
def test_paths_match_torch_optim_step_for_step(name, cls, kw, surface):
    s = surfaces.SURFACES[surface]
    ours = optimizers.path(surface, name, s.start, 60, **kw)
    theirs = torch_path(s, cls, s.start, 60, **kw)
    assert ours.shape == (61, 2)
    # Equal to the last bit for most; RMSProp's centred variance (v − ḡ², a near-cancellation)
    # lets one rounding difference of torch's fused kernels grow to ~1e-10 over 60 steps.
    assert np.allclose(ours[:20], theirs[:20], rtol=1e-13, atol=1e-14)
    assert np.allclose(ours, theirs, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=7, gamma=0.5)),
        ("exponential", lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.97)),
        ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=40, eta_min=0.01)),
    ],
)
@pytest.mark.parametrize("warmup", [0, 5])
def test_schedules_match_torch_lr_schedulers(kind, make, warmup):
    param = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([param], lr=0.2)
    main = make(opt)
    if warmup:
        warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=warmup)
        main = torch.optim.lr_scheduler.SequentialLR(opt, [warm, main], milestones=[warmup])
    theirs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "step() before optimizer.step()": no training here
        for _ in range(40):
            theirs.append(opt.param_groups[0]["lr"])
            main.step()
    schedule = schedules.Schedule(kind, gamma=0.5 if kind == "step" else 0.97, step_size=7,
                                  t_max=40, eta_min=0.01, warmup=warmup)  # fmt: skip
    assert np.allclose(schedules.rates(schedule, 0.2, 40), theirs, rtol=1e-12)
