"""The Algebra page's URL state: every control, declared once."""

from mathviz.algebra.explog import EXP_BASES
from mathviz.algebra.functions import PARENTS
from mathviz.params import choice, page, part, select, slider

FUNCTIONS, POLYNOMIALS, EXP_LOG = "Functions", "Polynomials", "Exp & log"
SOFTMAX, LOG_LOSS = "Sigmoid & softmax", "Log-loss"
LABELS = {"y = 1": 1, "y = 0": 0}  # the true label's options and their values
# The polynomial's default, highest power first: x³ - 2x² + x - 2 = (x - 2)(x² + 1).
TERMS = {"x⁴": 0.0, "x³": 1.0, "x²": -2.0, "x": 1.0, "1": -2.0}
COEFFICIENT_KEYS = tuple(f"c{power}" for power in range(len(TERMS) - 1, -1, -1))


def _coefficient(key: str, term: str, default: float):
    return slider(
        key,
        f"Coefficient of {term}",
        -5.0,
        5.0,
        default,
        0.5,
        part=POLYNOMIALS,
        doc=f"the coefficient of {term}",
    )


ALGEBRA = page(
    "algebra",
    part(
        "Chapter",
        [FUNCTIONS, POLYNOMIALS, EXP_LOG, SOFTMAX, LOG_LOSS],
        aliases=("chapter",),
        doc="the chapter shown",
    ),
    select("parent", "Parent function f", list(PARENTS), part=FUNCTIONS, doc="the parent f"),
    slider(
        "ga",
        "a: vertical stretch",
        -3.0,
        3.0,
        1.0,
        0.1,
        part=FUNCTIONS,
        doc="a of g(x) = a·f(b(x − h)) + k: the vertical stretch",
    ),
    slider(
        "gb",
        "b: horizontal squeeze",
        -3.0,
        3.0,
        1.0,
        0.1,
        part=FUNCTIONS,
        doc="b of g: the horizontal squeeze",
    ),
    slider(
        "gh", "h: shift right", -5.0, 5.0, 0.0, 0.5, part=FUNCTIONS, doc="h of g: the shift right"
    ),
    slider("gk", "k: shift up", -5.0, 5.0, 0.0, 0.5, part=FUNCTIONS, doc="k of g: the shift up"),
    *(
        _coefficient(key, term, default)
        for key, (term, default) in zip(COEFFICIENT_KEYS, TERMS.items(), strict=True)
    ),
    choice("logbase", "Base b", list(EXP_BASES), part=EXP_LOG, doc="the base b"),
    slider(
        "expx", "A point x", -2.0, 2.0, 1.0, 0.1, part=EXP_LOG, doc="the point x mirrored in y = x"
    ),
    slider("fac1", "x₁", 1.0, 10.0, 2.0, 0.1, part=EXP_LOG, doc="the first factor x₁"),
    slider("fac2", "x₂", 1.0, 10.0, 3.0, 0.1, part=EXP_LOG, doc="the second factor x₂"),
    slider("z1", "Logit z₁", -5.0, 5.0, 2.0, 0.1, part=SOFTMAX, doc="the first logit"),
    slider("z2", "Logit z₂", -5.0, 5.0, 1.0, 0.1, part=SOFTMAX, doc="the second logit"),
    slider("z3", "Logit z₃", -5.0, 5.0, -1.0, 0.1, part=SOFTMAX, doc="the third logit"),
    slider("temp", "Temperature T", 0.1, 5.0, 1.0, 0.1, part=SOFTMAX, doc="the temperature T"),
    slider(
        "logit",
        "Logit z of the model",
        -6.0,
        6.0,
        1.0,
        0.1,
        part=LOG_LOSS,
        doc="the model's logit z",
    ),
    choice("truth", "True label", list(LABELS), part=LOG_LOSS, doc="the true label"),
)
