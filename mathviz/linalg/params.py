"""URL state of the three linear-algebra pages: /linear-algebra, /eigenvectors-svd, /vectors.

The matrix entries ``a``, ``b``, ``c``, ``d`` are shared by /linear-algebra and
/eigenvectors-svd (same kind and label; their defaults and steps differ), so a matrix
travels with the class from one page to the other.
"""

from mathviz.linalg import cube, eigen, transform, vectors
from mathviz.params import choice, number, page, part, select, slider, toggle
from mathviz.plot.animation import DEFAULT_SPEED, SPEEDS

ENTRY_LIMIT = transform.ENTRY_LIMIT
PLANE, SPACE = "2D", "3D"
PLANE_ENTRIES = {"a": 3.0, "b": 1.0, "c": 0.0, "d": 2.0}  # eigenvalues 3 and 2: a good start
STEP_DEFAULTS = ("rotate", "shear x", transform.NO_STEP)
CUBE_KEYS = tuple(f"m{row}{column}" for row in (1, 2, 3) for column in (1, 2, 3))
MY_ENTRIES = "my entries"


def _entry(key: str, default: float, step: float, doc: str, part_name: str) -> object:
    return number(
        key, key, -ENTRY_LIMIT, ENTRY_LIMIT, default, step, format="%g", doc=doc, part=part_name
    )


def speed(part_name: str) -> object:
    """The ``speed`` of every Play of the app (same kind, label and options on every page)."""
    return choice(
        "speed",
        "Play speed",
        list(SPEEDS),
        DEFAULT_SPEED,
        part=part_name,
        doc="how fast ▶ Play runs: `1×` is slow enough to talk over",
    )


def _step_amount(slot: int) -> object:
    name = STEP_DEFAULTS[slot - 1]
    default = transform.STEPS[name].default if name in transform.STEPS else 0.0
    return slider(
        f"t{slot}",
        f"Step {slot}: amount",
        -180.0,
        180.0,
        default,
        0.1,
        part=PLANE,
        doc=f"`Steps` mode: step {slot}'s amount: degrees for `rotate` (-180 to 180) and for the "
        "line of `reflect`/`project` (-90 to 90), the factor for `scale` and k for `shear` "
        "(-3 to 3)",
    )


LINEAR_ALGEBRA = page(
    "linear-algebra",
    part(
        "Matrix size",
        [PLANE, SPACE],
        aliases=("view",),
        help="2×2 on the plane, 3×3 on space",
        doc="`2D`: a 2×2 matrix on the plane; `3D`: a 3×3 matrix on the unit cube",
    ),
    choice(
        "mode", "A comes from", ["Entries", "Preset", "Steps"], part=PLANE, doc="where A comes from"
    ),
    *(
        _entry(key, value, 0.5, f"`Entries` mode: entry {key} of A = [[a, b], [c, d]]", PLANE)
        for key, value in PLANE_ENTRIES.items()
    ),
    select(
        "p", "Preset", list(transform.PRESETS), "shear", part=PLANE, doc="`Preset` mode: the preset"
    ),
    *(
        select(
            f"s{slot}",
            f"Step {slot}",
            [transform.NO_STEP, *transform.STEPS],
            STEP_DEFAULTS[slot - 1],
            part=PLANE,
            doc=f"`Steps` mode: step {slot} (the steps act in order)",
        )
        for slot in (1, 2, 3)
    ),
    *(_step_amount(slot) for slot in (1, 2, 3)),
    toggle(
        "seq",
        "Play the steps one by one",
        True,
        part=PLANE,
        doc="`Steps` mode: play the steps one after another, or morph straight to their product",
    ),
    choice(
        "morph",
        "Morph",
        ["auto", "straight", "by angle"],
        part=PLANE,
        doc="the animation's path from I to A",
    ),
    slider("vx", "v, x", -4.0, 4.0, 1.0, 0.25, part=PLANE, doc="the vector v: x (Av is drawn)"),
    slider("vy", "v, y", -4.0, 4.0, 1.0, 0.25, part=PLANE, doc="the vector v: y (Av is drawn)"),
    toggle("eig", "Eigenvectors", part=PLANE, doc="draw the eigenvectors and their lines"),
    speed(PLANE),
    select(
        "cube",
        "3×3 matrix M",
        [MY_ENTRIES, *cube.CUBE_PRESETS],
        cube.DEFAULT_CUBE,
        part=SPACE,
        doc="the 3×3 matrix M: a preset or `my entries`",
    ),
    *(
        _entry(key, value, 0.5, f"`my entries`: entry {key[1]},{key[2]} of M", SPACE)
        for key, value in zip(CUBE_KEYS, cube.CUBE_PRESETS[cube.DEFAULT_CUBE].entries, strict=True)
    ),
)

EIGEN_LESSONS = ("Eigenvectors", "Power iteration", "SVD", "PCA")
WITH_MATRIX = "Eigenvectors, Power iteration, SVD"
EIGEN_ENTRIES = {"a": 1.5, "b": 1.0, "c": 0.5, "d": 1.0}

EIGENVECTORS_SVD = page(
    "eigenvectors-svd",
    part("Show", EIGEN_LESSONS, aliases=("lesson",), doc="the lesson shown"),
    choice(
        "matrix", "Matrix from", ["Preset", "Entries"], part=WITH_MATRIX, doc="where A comes from"
    ),
    select(
        "preset",
        "Preset",
        list(eigen.PRESETS),
        eigen.DEFAULT_PRESET,
        part=WITH_MATRIX,
        doc="`Preset` mode: the preset matrix",
    ),
    *(
        _entry(key, value, 0.1, f"`Entries` mode: entry {key} of A = [[a, b], [c, d]]", WITH_MATRIX)
        for key, value in EIGEN_ENTRIES.items()
    ),
    slider(
        "v0",
        "Start vector v₀: angle (degrees)",
        0,
        359,
        100,
        part="Power iteration",
        doc="the start vector, as an angle in degrees",
    ),
    slider(
        "power_steps",
        "Steps K",
        1,
        30,
        12,
        aliases=("steps",),
        part="Power iteration",
        doc="the number of steps K",
    ),
    speed(WITH_MATRIX),
    slider("pca_seed", "Seed", 0, 1000, 0, part="PCA", doc="random seed of the point cloud"),
    slider("pca_n", "Points n", 10, 1000, 300, 10, part="PCA", doc="number of points"),
    slider("pca_rho", "Correlation ρ", -0.99, 0.99, 0.8, 0.01, part="PCA", doc="correlation"),
    slider(
        "pca_sx", "Spread along x", 0.2, 3.0, 2.0, 0.1, part="PCA", doc="standard deviation along x"
    ),
    slider(
        "pca_sy", "Spread along y", 0.2, 3.0, 1.0, 0.1, part="PCA", doc="standard deviation along y"
    ),
)

IDEAS = ("Dot product", "Cosine similarity", "Change of basis", "Least squares")
WORDS = tuple(vectors.EMBEDDINGS)


def _component(key: str, label: str, default: float, part_name: str, doc: str) -> object:
    return slider(key, label, -4.0, 4.0, default, 0.1, part=part_name, doc=doc)


VECTORS = page(
    "vectors",
    part("Show", IDEAS, aliases=("idea",), doc="the idea shown"),
    _component("u1", "u: x", 3.0, "Dot product", "the vector u: x"),
    _component("u2", "u: y", 1.0, "Dot product", "the vector u: y"),
    _component("v1", "v: x", 1.0, "Dot product", "the vector v: x"),
    _component("v2", "v: y", 2.0, "Dot product", "the vector v: y"),
    select("word1", "First word", WORDS, "king", part="Cosine similarity", doc="the first word"),
    select("word2", "Second word", WORDS, "queen", part="Cosine similarity", doc="the second word"),
    _component("b1x", "b₁: x", 2.0, "Change of basis", "the basis vector b₁: x"),
    _component("b1y", "b₁: y", 1.0, "Change of basis", "the basis vector b₁: y"),
    _component("b2x", "b₂: x", -1.0, "Change of basis", "the basis vector b₂: x"),
    _component("b2y", "b₂: y", 1.0, "Change of basis", "the basis vector b₂: y"),
    _component("xx", "x: x", 3.0, "Change of basis", "the vector x, in standard coordinates: x"),
    _component("xy", "x: y", 2.0, "Change of basis", "the vector x, in standard coordinates: y"),
    slider("ls_seed", "Seed", 0, 1000, 0, part="Least squares", doc="random seed of the points"),
    slider("ls_n", "Points n", 3, 200, 25, part="Least squares", doc="number of points"),
    slider("ls_noise", "Noise", 0.0, 3.0, 1.0, 0.1, part="Least squares", doc="noise level"),
)
