"""Neural-network playground: train a small network live on 2D data and see why it works:
the boundary forming, the weights and neurons, the plane bent by each layer, one step of
backpropagation, and the trained network exported to PyTorch."""

import streamlit as st

from mathviz import ui
from mathviz.core.notes import Note
from mathviz.nn import data, export, features, network, training
from mathviz.nn import figures as figures
from mathviz.nn import text as words
from mathviz.nn.params import BEND, HIDEABLE, INSIDE, STEP, SUGGESTED, TRAIN, UPLOAD
from mathviz.nn.params import NEURAL_NETWORK as P
from mathviz.plot.animation import speed_factor

ui.page_header(
    "Neural-network playground",
    "Train a small network on points in the plane and watch it learn: linear algebra in its "
    "layers, calculus in its training, probability in its loss.",
)


def data_ui():
    """The data controls: (Data or Refusal or None, the data's cache key, the seed)."""
    source = ui.control(P["nn_data"])
    seed = int(ui.control(P["seed"]))
    share = float(ui.control(P["nn_test"]))
    if source == UPLOAD:
        found, file_id = ui.uploaded(
            "CSV file: columns x1, x2, label", "nn_upload",
            lambda raw, name: data.from_csv(raw, name, share, seed), (share, seed),
        )  # fmt: skip
        return found, ("upload", file_id, share, seed), seed
    chosen = data.DATASETS[source]
    classes = int(ui.control(P["nn_classes"])) if len(chosen.classes) > 1 else 0
    noise, n = ui.controls(P["nn_noise"], P["nn_n"])
    formula = ui.control(P["nn_formula"]) if chosen.needs_formula else ""
    key = (source, int(n), float(noise), classes, share, seed, formula)
    return data.make(source, int(n), float(noise), classes, share, seed, formula), key, seed


def model_ui(task: str, seed: int) -> tuple[training.Settings, tuple[str, ...]]:
    """The network and training controls: the run's settings and the input features."""
    names = features.feature_names(ui.control(P["nn_feat"]))
    hidden, problem = ui.typed(P["nn_hidden"], training.parse_hidden, st.warning)
    activation = ui.control(P["nn_act"])
    loss = ui.control(P["nn_loss"]) if task == data.CLASSIFICATION else network.SQUARED
    optimizer, lr, batch = ui.controls(P["nn_opt"], P["nn_lr"], P["nn_batch"])
    epochs = int(ui.control(P["nn_epochs"]))
    reg, rate = ui.controls(P["nn_reg"], P["nn_rate"])
    target = ui.control(P["nn_target"]) if task == data.CLASSIFICATION else "none"
    settings = training.Settings(
        hidden=hidden,
        activation=activation,
        loss=loss,
        optimizer=optimizer,
        lr=float(lr),
        batch=10**9 if batch == "all" else int(batch),
        epochs=epochs,
        reg=reg,
        rate=float(rate),
        seed=seed,
        target=None if target == "none" else float(target),
    )
    return settings, names


def trained(found: data.Data, key: tuple, settings: training.Settings, names):
    inputs = features.feature_matrix(found.X, names)
    arguments = (
        inputs[found.train],
        found.y[found.train],
        inputs[~found.train],
        found.y[~found.train],
        found.classes,
    )
    kept = training.cached((key, names), settings)
    if kept is not None:  # no progress bar for a run already made
        return kept
    return ui.with_progress(
        "Training…",
        lambda progress: training.train_cached((key, names), settings, *arguments, progress),
    )


def playground(part: str, dark: bool) -> None:
    stage = ui.stage("controls beside")
    with stage.controls:
        hidden = st.session_state.get("nn_hide") or st.query_params.get_all("nn_hide")
        with ui.hiding(HIDEABLE[label] for label in hidden if label in HIDEABLE):
            found, key, seed = data_ui()
            task = found.task if isinstance(found, data.Data) else data.CLASSIFICATION
            settings, names = model_ui(task, seed)
            layer = int(ui.control(P["nn_layer"])) if part == BEND else 1
            speed = speed_factor(ui.control(P["speed"]))
        with st.expander("Lecture link: hide controls"):
            ui.control(P["nn_hide"])
    if not isinstance(found, data.Data):
        reason = found.reason if found is not None else "Choose a CSV file: x1, x2, label."
        with stage.words:
            ui.notes([Note("warning" if found is not None else "info", reason)])
        return
    run = trained(found, key, settings, names)
    LESSONS[part](run, found, names, settings, layer, speed, stage, dark)


def training_view(run, found, names, settings, layer, speed, stage, dark) -> None:
    with stage.picture:
        ui.plot(
            figures.training_figure,
            run,
            found.X,
            found.y,
            found.train,
            names,
            speed,
            dark,
            key="training_chart",
            height=560,
        )
    with stage.words:
        for line in words.train_latex(run, names):
            ui.formula(line)
        ui.notes(words.train_notes(run, found.about))
    if run.classes:
        inputs = features.feature_matrix(found.X[~found.train], names)
        predicted = network.predict(run.arch, run.theta, inputs, run.classes)
        counts = training.confusion(predicted, found.y[~found.train], run.classes)
        st.markdown(words.confusion_markdown(counts, found.label_names))
    downloads = st.columns(3)
    downloads[0].download_button(
        "Weights (JSON)",
        export.weights_json(run, names, found.label_names),
        "weights.json",
        "application/json",
    )
    downloads[1].download_button(
        "Data (CSV)", export.data_csv(found.X, found.y, found.train), "data.csv", "text/csv"
    )
    downloads[2].download_button(
        "PyTorch script",
        export.pytorch_script(run, names, found.label_names),
        "network.py",
        "text/x-python",
    )
    source = st.query_params.get("nn_data", "Circle")
    if source in SUGGESTED and not ui.presenting():
        st.page_link(
            "pages/neural-network.py",
            icon=":material/tune:",
            label=f"Settings that learn {source.lower()} well",
            query_params=SUGGESTED[source],
        )
    ui.explain(words.TRAIN_EXPLAIN)


def inside_view(run, found, names, settings, layer, speed, stage, dark) -> None:
    with stage.picture:
        ui.plot(
            figures.diagram_figure,
            run,
            [features.FEATURES[n].name for n in names],
            dark,
            key="diagram_chart",
            height=460,
        )
    with stage.words:
        for line in words.train_latex(run, names)[:3]:
            ui.formula(line)
    if run.arch.layers > 1:
        ui.plot(figures.neurons_figure, run, names, dark, key="neurons_chart", height=420)
    ui.plot(figures.gradients_figure, run, speed, dark, key="gradients_chart", height=420)
    ui.explain(words.INSIDE_EXPLAIN)


def bend_view(run, found, names, settings, layer, speed, stage, dark) -> None:
    with stage.picture:
        ui.plot(
            figures.bend_figure,
            run,
            layer,
            names,
            found.X,
            found.y,
            speed,
            dark,
            key="bend_chart",
            height=560,
        )
    with stage.words:
        if run.arch.layers == 1:
            ui.notes(
                [
                    Note(
                        "info",
                        "This network has no hidden layer: only the output's "
                        "linear map. Add one (e.g. 2, 2) to see the plane bend.",
                    )
                ]
            )
        w, b = run.arch.unpack(run.theta)[min(layer, run.arch.layers) - 1]
        for line in words.layer_latex(w, b, min(layer, run.arch.layers), run.arch.activation):
            ui.formula(line)
        if w.shape == (2, 2):
            matrix = w.T
            st.page_link(
                "pages/linear-algebra.py",
                icon=":material/arrow_forward:",
                label="This layer's 2×2 map on the Matrices page",
                query_params={
                    "mode": "Entries",
                    "a": f"{matrix[0, 0]:.3g}",
                    "b": f"{matrix[0, 1]:.3g}",
                    "c": f"{matrix[1, 0]:.3g}",
                    "d": f"{matrix[1, 1]:.3g}",
                },
            )
    ui.explain(words.BEND_EXPLAIN)


def step_view(run, found, names, settings, layer, speed, stage, dark) -> None:
    batch = min(settings.batch, int(found.train.sum()), words.SHOWN_ROWS)
    inputs = features.feature_matrix(found.X[found.train][:batch], names)
    trace = training.one_step(run, inputs, found.y[found.train][:batch], settings.lr)
    with stage.picture:
        ui.plot(
            figures.diagram_figure,
            run,
            [features.FEATURES[n].name for n in names],
            dark,
            key="step_diagram_chart",
            height=420,
        )
    steps = words.step_latex(trace)
    with stage.words:  # the side column holds the loss and the update; the matrices go below
        for heading, line in [pair for pair in steps if pair[0] == "the loss"] + steps[-2:]:
            ui.formula(line, heading)
    for heading, line in steps[:-2]:
        ui.formula(line, heading)
    st.page_link(
        "pages/chain-rule.py",
        icon=":material/arrow_forward:",
        label="The same chain rule for one neuron, step by step",
    )
    ui.explain(words.STEP_EXPLAIN)


LESSONS = {TRAIN: training_view, INSIDE: inside_view, BEND: bend_view, STEP: step_view}

ui.lessons(
    P,
    {part: (lambda chosen: lambda dark: playground(chosen, dark))(part) for part in LESSONS},
    dark=ui.is_dark(),
)
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("nn")
