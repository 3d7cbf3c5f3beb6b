"""Sampling & the limit theorems: chance events (coins and dice), the law of large numbers on
any distribution, and the central limit theorem, with Cauchy where both fail."""

from mathviz import ui
from mathviz.core.notes import Note
from mathviz.plot.animation import speed_factor
from mathviz.probability import clt, distributions, sampling
from mathviz.probability import figures_limits as figures
from mathviz.probability import text_limits as words
from mathviz.probability.params import LIMIT_THEOREMS as P

ui.page_header(
    "Sampling & the limit theorems",
    "Averages of many random draws settle on the mean (LLN), and their errors turn normal (CLT).",
)
CAUCHY = "Cauchy"


def source_ui() -> tuple[str, tuple, list[Note]]:
    """The distribution and its parameters: its name, its values (hashable) and what was
    clamped or repaired, in words."""
    name = ui.control(P["dist"])
    distribution = distributions.DISTRIBUTIONS[name]
    shown = distribution.controls()
    given = dict(zip([p.key for p in shown], ui.row(*(lambda p=p: ui.control(p)
                                                       for p in shown)), strict=True))  # fmt: skip
    problems = [Note("warning", sentence) for sentence in distribution.problems(given)]
    return name, sampling.settings(distribution.values(given)), problems


def coins_lesson(dark: bool) -> None:
    stage = ui.stage("words beside")
    with stage.controls:
        kind = ui.control(P["coin_kind"])
        chance = [lambda: ui.control(P["coin_p"])] if kind == sampling.COIN else []
        p, n, seed, speed = ui.row(
            *(chance or [lambda: 0.5]),
            lambda: ui.control(P["coin_n"]),
            lambda: ui.control(P["seed"]),
            lambda: ui.control(P["speed"]),
        )
    run = sampling.chance_run(kind, float(p), int(n), int(seed))
    with stage.picture:
        ui.plot(figures.chance_figure, run, speed_factor(speed), dark, key="coin_chart",
                height=480)  # fmt: skip
    with stage.words:
        for line in words.chance_latex(run):
            ui.formula(line)
        ui.notes(words.chance_notes(run))
    ui.explain(
        "Seeing Theory's *flip 1 / flip 100*: each flip (or roll) is drawn with the seed, "
        "so a link replays the same run. Left, the share of each face so far against its "
        "true chance; right, the share of heads (or of every face of the die) as the flips "
        "arrive. **▶ Play** flips one at a time; the slider scrubs back and forth."
    )


def lln_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        name, values, problems = source_ui()
        n, seed, cauchy_on, speed = ui.controls(P["lln_n"], P["seed"], P["lln_cauchy"],
                                                P["speed"])  # fmt: skip
    n = sampling.clamp_count(n)
    summary = sampling.draw_summary(name, values, n, int(seed))
    cauchy = None
    if cauchy_on and name != CAUCHY:
        standard = sampling.settings(distributions.DISTRIBUTIONS[CAUCHY].values({}))
        cauchy = sampling.running_mean(CAUCHY, standard, n, int(seed))
    with stage.picture:
        ui.plot(figures.draws_figure, summary, dark, key="lln_draws_chart", height=440)
    with stage.words:
        for line in words.lln_latex(summary):
            ui.formula(line)
        ui.notes(problems + words.lln_notes(summary, cauchy))
    # Presenting, the stage's picture holds one chart, as tall as the screen: the second
    # goes beside it, under the words.
    with stage.words if ui.presenting() else stage.picture:
        ui.plot(figures.running_mean_figure, summary, cauchy, speed_factor(speed), dark,
                key="lln_running_chart", height=560 if cauchy else 440)  # fmt: skip
    ui.explain(
        f"{sampling.MAX_DRAWS:,} draws at most, seeded; the histogram and the empirical CDF "
        "are binned and thinned on the server (the draws never leave it). The running mean "
        "x̄ₘ is drawn at log-spaced m with the band μ ± σ/√m, one standard deviation of a mean "
        "of m draws; **▶ Play** lets the draws arrive."
    )


def clt_lesson(dark: bool) -> None:
    stage = ui.stage("stacked")
    with stage.controls:
        name, values, problems = source_ui()
        n, count, seed, speed = ui.controls(P["clt_n"], P["clt_count"], P["seed"], P["speed"])
    study = clt.clt_study(name, values, int(n), int(count), int(seed))
    with stage.picture:
        ui.plot(figures.clt_figure, study, speed_factor(speed), dark, key="clt_chart",
                height=460)  # fmt: skip
    with stage.words:
        for line in words.clt_latex(study):
            ui.formula(line)
        ui.notes(problems + words.clt_notes(study, distributions.DISTRIBUTIONS[name].discrete))
    with stage.words if ui.presenting() else stage.picture:  # one chart to a stage's picture
        ui.plot(figures.ks_figure, study, dark, key="clt_ks_chart", height=440)
    ui.explain(
        "Each sample mean x̄ₙ averages n draws of the source; standardised, "
        "Zₙ = (x̄ₙ − μ)/(σ/√n) has mean 0 and variance 1 whatever the source, and the central "
        "limit theorem says its distribution tends to N(0, 1). **▶ Play** grows n from 1: "
        "skewed and bimodal sources lose their shape, the QQ plot straightens onto the line. "
        "Below, how far from N(0, 1) (the KS distance) against n, on log-log axes."
    )


ui.lessons(
    P,
    {"Coins & dice": coins_lesson, "Law of large numbers": lln_lesson,
     "Central limit theorem": clt_lesson},
    dark=ui.is_dark(),
)  # fmt: skip
ui.why_it_matters(words.WHY, short=words.WHY_SHORT)
ui.learn_more("probability")
