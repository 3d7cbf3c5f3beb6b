"""Data to describe: seeded generated samples, two classic data sets shipped as files
(Anscombe's quartet, Fisher's iris) and a reader for an uploaded CSV file.

Pure Python and numpy. Every data set is a :class:`Table`: named numeric columns of one
length. A file that cannot be read gives a :class:`Refusal` (one sentence for the page), never
an exception.
"""

from __future__ import annotations

import csv
import functools
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"

MAX_UPLOAD_BYTES = 2_000_000  # 2 MB: about 100,000 rows of a few numbers
MAX_ROWS = 100_000
MAX_COLUMNS = 50
MIN_VALUES = 2  # a column needs two numbers to have a spread


@dataclass(frozen=True)
class Table:
    """Numeric columns of equal length, with where they came from.

    Attributes
    ----------
    name : what the page calls the data.
    columns : column name -> (n,) float array, every value finite.
    about : one sentence on where the data come from.
    labels : column name -> (n,) strings, for a text column (iris' species); may be empty.
    """

    name: str
    columns: dict[str, np.ndarray]
    about: str
    labels: dict[str, tuple[str, ...]] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def column(self, name: str | None) -> np.ndarray:
        """The column called ``name``, or the first one for a name the table lacks."""
        return self.columns.get(name or "", next(iter(self.columns.values())))


@dataclass(frozen=True)
class Refusal:
    """Why a file was not read: one sentence a reader can act on."""

    reason: str


# --- generated ----------------------------------------------------------------------------------

MAX_GENERATED = 5000


def _normal(rng: np.random.Generator, n: int) -> np.ndarray:
    return 50.0 + 10.0 * rng.standard_normal(n)


def _skewed(rng: np.random.Generator, n: int) -> np.ndarray:
    return 30.0 * rng.lognormal(0.0, 0.6, n)


def _bimodal(rng: np.random.Generator, n: int) -> np.ndarray:
    first = rng.random(n) < 0.6
    return np.where(first, 40.0 + 5.0 * rng.standard_normal(n), 70.0 + 6.0 * rng.standard_normal(n))


def _dice(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(1, 7, size=(n, 2)).sum(axis=1).astype(float)


# name -> (maker, about): a kind of data a learner meets, each with a typical shape
GENERATED = {
    "Normal (test scores)": (_normal, "Scores drawn from N(50, 10²): symmetric, one peak."),
    "Skewed (incomes)": (_skewed, "Incomes drawn from 30·LogNormal(0, 0.6²): a long right tail."),
    "Two groups (bimodal)": (_bimodal, "60% from N(40, 5²) and 40% from N(70, 6²): two peaks."),
    "Two dice (integers)": (_dice, "The total of two fair dice: integers 2-12, repeats, a mode."),
}


GENERATED_UNITS = dict(zip(GENERATED, ("score", "income (thousands)", "value", "total of two dice"),
                           strict=True))  # fmt: skip


def generated(kind: str, n: int, seed: int) -> Table:
    """``n`` seeded values of one of :data:`GENERATED` (unknown kind: the first one)."""
    maker, about = GENERATED.get(kind, next(iter(GENERATED.values())))
    n = int(min(max(n, 1), MAX_GENERATED))
    values = maker(np.random.default_rng(int(seed)), n)
    return Table(kind if kind in GENERATED else next(iter(GENERATED)), {"value": values}, about)


# --- shipped files ------------------------------------------------------------------------------


@functools.cache
def anscombe() -> Table:
    """Anscombe's quartet (1973): four (x, y) sets with the same means, variances,
    correlation and least-squares line, and four different pictures."""
    table = read_csv((DATA / "anscombe.csv").read_bytes())
    assert isinstance(table, Table)
    about = "F. J. Anscombe, Graphs in Statistical Analysis (1973): 4 sets of 11 points."
    return Table("Anscombe's quartet", table.columns, about)


@functools.cache
def iris() -> Table:
    """Fisher's iris (1936): four measurements in cm of 150 flowers of three species."""
    table = read_csv((DATA / "iris.csv").read_bytes())
    assert isinstance(table, Table)
    return Table("Iris", table.columns,
                 "R. A. Fisher's iris data (1936): 150 flowers, 50 of each of 3 species, in cm.",
                 table.labels)  # fmt: skip


SHIPPED = {"Anscombe's quartet": anscombe, "Iris": iris}


# --- uploads ------------------------------------------------------------------------------------


def _number(cell: str) -> float | None:
    """A cell as a finite float, or None for text, an empty cell, nan or inf."""
    try:
        value = float(cell.strip().replace("_", "x"))  # float("1_000") would read 1000
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _decode(raw: bytes) -> str | Refusal:
    if b"\x00" in raw[:4096]:
        return Refusal("That file is not text (it looks like a binary file): upload a CSV file.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # every byte is a latin-1 character: an old Excel export


def _delimiter(text: str) -> str:
    """The delimiter of the first line: the one of ``, ; tab`` it holds most of."""
    first = text.split("\n", 1)[0]
    return max(",;\t", key=first.count)


def read_csv(raw: bytes, name: str = "Your file") -> Table | Refusal:
    """A CSV file's numeric columns, or why it cannot be used.

    The first row is the header. A column is numeric when every non-empty cell is a finite
    number and it has at least :data:`MIN_VALUES` of them; its empty cells and those of other
    rows are dropped row-wise, so that all columns keep one length (a row with a gap in any
    numeric column is left out). One text column with a few distinct values is kept as
    labels (a species, a group).
    """
    if not raw.strip():
        return Refusal("That file is empty: a CSV file needs a header row and rows of numbers.")
    if len(raw) > MAX_UPLOAD_BYTES:
        return Refusal(
            f"That file is {len(raw) / 1e6:.1f} MB; the limit is {MAX_UPLOAD_BYTES / 1e6:.0f} MB "
            f"(about {MAX_ROWS:,} rows). Upload a sample of it."
        )
    text = _decode(raw)
    if isinstance(text, Refusal):
        return text
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error:
        return Refusal("That file is not valid CSV (an unclosed quote?): check its format.")
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 1 + MIN_VALUES:
        return Refusal("That file has fewer than two rows of data under its header.")
    if len(rows) - 1 > MAX_ROWS:
        return Refusal(f"That file has {len(rows) - 1:,} rows; the limit is {MAX_ROWS:,}.")
    header = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(rows[0])]
    if len(header) > MAX_COLUMNS:
        return Refusal(f"That file has {len(header)} columns; the limit is {MAX_COLUMNS}.")
    body = [row + [""] * (len(header) - len(row)) for row in rows[1:]]
    numeric, labels, skipped = {}, {}, []
    for j, title in enumerate(header):
        cells = [row[j].strip() for row in body]
        values = [_number(cell) if cell else math.nan for cell in cells]
        filled = [v for v, cell in zip(values, cells, strict=True) if cell]
        if filled and all(v is not None for v in filled) and len(filled) >= MIN_VALUES:
            numeric[_unique(title, numeric)] = np.array(values, dtype=float)
        elif not labels and all(cells) and 1 < len(set(cells)) <= 20:
            labels[title] = tuple(cells)
        else:
            skipped.append(title)
    if not numeric:
        return Refusal(
            "No column of that file is all numbers (text, blanks or nan/inf in every column): "
            "a column needs at least two numbers and nothing else."
        )
    keep = np.logical_and.reduce([np.isfinite(v) for v in numeric.values()])
    if keep.sum() < MIN_VALUES:
        return Refusal("Fewer than two rows have a number in every numeric column.")
    columns = {title: values[keep] for title, values in numeric.items()}
    kept = {title: tuple(np.array(cells)[keep]) for title, cells in labels.items()}
    dropped = int((~keep).sum())
    about = f"{_count(int(keep.sum()), 'row')}, {_count(len(columns), 'numeric column')}"
    if dropped:
        about += f"; {_count(dropped, 'row')} with a gap left out"
    if skipped:
        about += f"; not numbers, left out: {', '.join(skipped[:5])}"
        about += f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    about += "."
    return Table(name, columns, about, kept or None)


def _count(k: int, thing: str) -> str:
    return f"{k:,} {thing}" + ("" if k == 1 else "s")


def _unique(title: str, taken: dict) -> str:
    """``title``, with a number added if another column already has it."""
    name, k = title, 2
    while name in taken:
        name, k = f"{title} ({k})", k + 1
    return name
