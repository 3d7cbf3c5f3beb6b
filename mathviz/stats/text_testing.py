"""The words and formulas of /hypothesis-testing, with the current numbers filled in."""

from __future__ import annotations

from mathviz.core.notes import Note
from mathviz.core.numbers import tex, text
from mathviz.stats import testing


def test_latex(run: testing.Study) -> list[str]:
    """The statistic, its p-value and the decision, then the errors and power."""
    if run.second is None:
        statistic = rf"t = \frac{{\bar x - \mu_0}}{{s/\sqrt n}} = {tex(run.t, 4)}"
    else:
        statistic = rf"t = \frac{{\bar x_B - \bar x_A}}{{s_p\sqrt{{2/n}}}} = {tex(run.t, 4)}"
    tail = r"P(|T| \ge |t|)" if run.side == testing.TWO_SIDED else r"P(T \ge t)"
    verdict = r"\text{reject } H_0" if run.rejected else r"\text{keep } H_0"
    return [
        statistic,
        rf"T \sim t_{{{run.df}}}:\ p = {tail} = {tex(run.p, 3)}",
        rf"t^* = {tex(run.critical, 4)}\ \Rightarrow\ {verdict}\ (\alpha = {tex(run.alpha, 3)})",
        rf"\text{{power}} = 1-\beta = {tex(run.power, 3)},\quad \beta = {tex(run.beta, 3)}",
    ]


def test_notes(run: testing.Study) -> list[Note]:
    notes = []
    if run.d == 0:
        notes.append(
            Note(
                "info",
                f"There is no effect: H₀ is true, so every rejection is a "
                f"type I error, which happens in α = {text(run.alpha, 3)} "
                "of studies. The orange curve sits on the blue one.",
            )
        )
    elif run.rejected:
        notes.append(
            Note(
                "info",
                f"p = {text(run.p, 3)} < α: this study finds the effect, "
                f"as {text(100 * run.power, 3)}% of such studies would.",
            )
        )
    else:
        notes.append(
            Note(
                "warning",
                f"p = {text(run.p, 3)} ≥ α: this study misses a real "
                f"effect (a type II error), as {text(100 * run.beta, 3)}% "
                "of such studies would.",
            )
        )
    needed = testing.n_for_power(run.kind, run.d, run.alpha, run.side)
    if run.d > 0 and needed is not None:
        per = " per group" if run.kind == testing.TWO else ""
        notes.append(Note("info", f"80% power for d = {text(run.d, 3)} needs n = {needed}{per}."))
    return notes


def studies_latex(result: testing.Studies) -> list[str]:
    raw_true, raw_false = result.counts(result.raw)
    bh_true, bh_false = result.counts(result.bh)
    m, real = result.p.size, int(result.real.sum())
    return [
        rf"m = {m}\ \text{{studies}},\ {real}\ \text{{with a real effect}}",
        rf"p < \alpha:\ {raw_true + raw_false}\ \text{{found}},\ {raw_false}\ \text{{false}}",
        rf"\text{{BH}}\ (q = {tex(result.alpha, 3)}):\ {bh_true + bh_false}\ \text{{found}},\ "
        rf"{bh_false}\ \text{{false}}",
    ]


def studies_notes(result: testing.Studies) -> list[Note]:
    null = ~result.real
    notes = []
    if null.any():
        share = float(result.raw[null].mean())
        notes.append(
            Note(
                "info",
                f"Of the {int(null.sum())} studies with no effect, "
                f"{text(100 * share, 3)}% have p < α: about α, because a "
                "p-value is uniform when H₀ is true.",
            )
        )
    raw_true, raw_false = result.counts(result.raw)
    bh_true, bh_false = result.counts(result.bh)
    if raw_true + raw_false:
        false_share = text(100 * raw_false / (raw_true + raw_false), 3)
        if bh_true + bh_false:
            kept = f" ({text(100 * bh_false / (bh_true + bh_false), 3)}% here)."
        else:
            kept = " (here it finds nothing)."
        notes.append(
            Note(
                "info",
                f"At p < α, {false_share}% of the discoveries are false; "
                f"Benjamini-Hochberg keeps that share near q or below{kept}",
            )
        )
    return notes


TEST_EXPLAIN = (
    "If H₀ were true, t would follow the blue curve; the red tails hold α of it, and a t "
    "landing there rejects H₀. The p-value (purple) is the null's area beyond the t this "
    "study found. Under the true effect t follows the orange curve instead: its area past "
    "t* is the **power**, the chance a study like this one finds the effect, and what is "
    "left is β, the type II error rate. Move d to 0 and the curves meet: every rejection "
    "is then a false alarm. Below: power against n for small, medium and large effects."
)
STUDIES_EXPLAIN = (
    "Many labs run the same study; some test a real effect, most test nothing. **▶ Play** "
    "brings the p-values in: those of true nulls spread flat over [0, 1], those of real "
    "effects pile up near 0. Testing each at p < α lets α of the nulls through, and with "
    "many nulls those false alarms can outnumber the finds. Benjamini-Hochberg sorts the "
    "p-values and rejects up to the last one under the line i·q/m (right), which keeps the "
    "expected share of false discoveries at most q."
)
WHY = (
    'Every A/B test of a model, every "our method beats the baseline" table and every '
    "feature-selection screen is a hypothesis test. Power is why a benchmark of 200 "
    "examples cannot show a 1% gain, and why an underpowered result that does reach p < 0.05 "
    "overstates the effect. Running many comparisons (hyper-parameter sweeps, many metrics, "
    "many genes or features) multiplies false alarms; Benjamini-Hochberg is the standard fix "
    "when the discoveries are screened further, and the p-value histogram is a quick check "
    "of how much signal a screen holds."
)
WHY_SHORT = (
    "A/B tests and benchmark claims are tests; power decides whether a gain can show; many "
    "comparisons need Benjamini-Hochberg."
)
