"""The URL state of /neural-network (see :mod:`mathviz.params`): every setting of the data,
the network and its training, and the seed, so that a link rebuilds the same trained network.

Keys start with ``nn_``; ``seed`` and ``speed`` mean the same as on every page. ``nn_hide``
lists controls a lecture link hides (TensorFlow Playground's ``_hide``): the hidden controls
keep their values from the link, only their widgets are not drawn. An uploaded file cannot
live in a URL: it stays in its session.
"""

from mathviz import params
from mathviz.nn import data, features, network, training
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

TRAIN, INSIDE, BEND, STEP = "Training", "Inside the network", "Bending space", "One step"
PARTS = (TRAIN, INSIDE, BEND, STEP)
UPLOAD = "Upload a CSV file"
SOURCES = (*data.DATASETS, UPLOAD)
LEARNING_RATES = ("0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3")
BATCHES = ("1", "5", "10", "32", "100", "all")
RATES = ("0.0001", "0.001", "0.003", "0.01", "0.03", "0.1")
TARGETS = ("none", "0.9", "0.95", "0.99", "1")
DEFAULT_HIDDEN = "4, 2"
# Settings that learn each classic set well (the tests hold them to it: XOR and circle to at
# least 95% test accuracy, spiral to 90%, at seed 0); the page links to them.
SUGGESTED = {
    "Circle": {"nn_data": "Circle", "nn_hidden": "4, 2"},
    "XOR": {"nn_data": "XOR", "nn_hidden": "4, 4"},
    "Spiral": {
        "nn_data": "Spiral",
        "nn_hidden": "8, 8",
        "nn_epochs": "300",
        "nn_feat": ["x1", "x2", "sin x1", "sin x2"],
    },
    "Two moons": {"nn_data": "Two moons", "nn_hidden": "4, 4"},
    "Gaussian blobs": {"nn_data": "Gaussian blobs", "nn_classes": "4", "nn_hidden": "4"},
}

SETTINGS = (
    params.select("nn_data", "Data", SOURCES, "Circle",
                  doc="the data set (classification or regression), or your CSV file"),
    params.slider("nn_classes", "Classes", 2, 4, 2, 1,
                  doc="how many classes (Gaussian blobs and spiral only)"),
    params.slider("nn_noise", "Noise", 0.0, 1.0, 0.1, 0.05,
                  doc="how far the points are jittered (0: clean)"),
    params.slider("nn_n", "Points", data.MIN_POINTS, data.MAX_POINTS, 400, 10,
                  doc="how many points (training and test together)"),
    params.slider("nn_test", "Test share", 0.1, 0.9, 0.3, 0.05,
                  doc="the share of the points held out to test the network"),
    params.text("nn_formula", "y = f(x1, x2) =", data.EXAMPLE_FORMULA, 200,
                doc="`Your function`: the regression target, in x1 and x2"),
    params.multi("nn_feat", "Input features", tuple(features.FEATURES),
                 features.DEFAULT_FEATURES, doc="what the network is given of each point"),
    params.text("nn_hidden", "Hidden layers (neurons each)", DEFAULT_HIDDEN, 30,
                doc=f"up to {network.MAX_LAYERS} widths of 1 to {network.MAX_WIDTH}, comma "
                    "separated (empty: no hidden layer)"),
    params.select("nn_act", "Activation", tuple(network.ACTIVATIONS), "tanh",
                  doc="the hidden layers' non-linearity"),
    params.select("nn_loss", "Loss", tuple(network.LOSSES),
                  doc="softmax cross-entropy or squared error (regression: squared error)"),
    params.select("nn_opt", "Optimiser", training.NN_OPTIMIZERS, "Adam",
                  doc="the gradient-descent page's optimisers, with PyTorch's update rules"),
    params.select("nn_lr", "Learning rate", LEARNING_RATES, "0.03",
                  doc="the optimiser's step size"),
    params.select("nn_batch", "Batch size", BATCHES, "10",
                  doc="training points per step (`all`: full-batch gradient descent)"),
    params.number("nn_epochs", "Epochs", 1, training.MAX_EPOCHS, 200, 50,
                  doc="passes over the training points"),
    params.select("nn_reg", "Regularisation", network.PENALTIES,
                  doc="a penalty on the weights: rate·Σ|w| (L1) or rate·½Σw² (L2)"),
    params.select("nn_rate", "Regularisation rate", RATES, "0.001",
                  doc="the penalty's weight"),
    params.select("nn_target", "Stop at training accuracy", TARGETS,
                  doc="stop early once the training accuracy reaches it"),
    params.number("seed", "Seed", 0, 9999, 0, 1,
                  doc="the seed of the data, the initial weights and the batches"),
    params.choice("speed", "Play speed", list(SPEEDS), DEFAULT_SPEED,
                  doc="how fast ▶ Play runs: `1×` is slow enough to talk over"),
)  # fmt: skip
# The controls a lecture link may hide, by label: every setting (not the part, not the list).
HIDEABLE = {p.label: p.key for p in SETTINGS}

NEURAL_NETWORK = params.page(
    "neural-network",
    params.part("Part", PARTS),
    *SETTINGS,
    params.slider("nn_layer", "Through layer", 1, network.MAX_LAYERS, 1, 1, part=BEND,
                  doc="how many hidden layers the grid is pushed through"),
    params.multi("nn_hide", "Hide in this link", tuple(HIDEABLE), (),
                 doc="the controls a lecture link hides (their values stay in the link)"),
)  # fmt: skip
