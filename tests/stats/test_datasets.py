"""Data sets: the shipped files against their published summaries, generated data seeded,
and every kind of bad upload refused with a sentence."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from mathviz.stats import datasets
from mathviz.stats.datasets import Refusal, Table, read_csv


def test_anscombe_has_the_published_identical_summaries():
    # Anscombe (1973): x̄ = 9, s²ₓ = 11, ȳ = 7.50, s²ᵧ ≈ 4.12, r ≈ 0.816, ŷ = 3.00 + 0.500x
    table = datasets.anscombe()
    for k in "1234":
        x, y = table.columns[f"x{k}"], table.columns[f"y{k}"]
        assert x.size == y.size == 11
        assert x.mean() == pytest.approx(9.0)
        assert x.var(ddof=1) == pytest.approx(11.0)
        assert y.mean() == pytest.approx(7.50, abs=0.005)
        assert y.var(ddof=1) == pytest.approx(4.125, abs=0.005)
        fit = stats.linregress(x, y)
        assert fit.rvalue == pytest.approx(0.816, abs=0.0015)
        assert fit.intercept == pytest.approx(3.00, abs=0.005)
        assert fit.slope == pytest.approx(0.500, abs=0.0015)


def test_iris_matches_its_published_summary():
    # R's built-in iris: summary(iris) and sapply(iris[1:4], sd)
    table = datasets.iris()
    means, sds = (5.843, 3.057, 3.758, 1.199), (0.8280661, 0.4358663, 1.7652982, 0.7622377)
    for (name, values), mean, sd in zip(table.columns.items(), means, sds, strict=True):
        assert values.size == 150, name
        assert values.mean() == pytest.approx(mean, abs=0.0005)
        assert values.std(ddof=1) == pytest.approx(sd, abs=5e-8)
    species = table.labels["species"]
    assert {s: species.count(s) for s in set(species)} == dict.fromkeys(
        ("setosa", "versicolor", "virginica"), 50
    )


@pytest.mark.parametrize("kind", list(datasets.GENERATED))
def test_generated_data_are_seeded_and_sized(kind):
    a, b = datasets.generated(kind, 300, 7), datasets.generated(kind, 300, 7)
    assert np.array_equal(a.column(None), b.column(None))
    assert not np.array_equal(a.column(None), datasets.generated(kind, 300, 8).column(None))
    assert a.column(None).size == 300 and np.isfinite(a.column(None)).all()
    assert datasets.generated(kind, 10**9, 0).column(None).size == datasets.MAX_GENERATED


def test_generated_shapes_are_what_they_say():
    normal = datasets.generated("Normal (test scores)", 5000, 1).column(None)
    assert stats.kstest((normal - 50) / 10, "norm").pvalue > 0.01
    skewed = datasets.generated("Skewed (incomes)", 5000, 1).column(None)
    assert stats.skew(skewed) > 1
    dice = datasets.generated("Two dice (integers)", 5000, 1).column(None)
    assert set(np.unique(dice)) <= set(range(2, 13))


def test_a_good_csv_is_read_with_its_numeric_columns():
    raw = b"name,height,weight\nann,1.6,60\nbob,1.8,\ncy,1.7,70\nann,1.5,50\n"
    table = read_csv(raw)
    assert isinstance(table, Table)
    assert table.names == ("height", "weight")  # the text column is a label, not a number
    assert np.array_equal(table.columns["height"], [1.6, 1.7, 1.5])  # bob's gap: row left out
    assert table.labels == {"name": ("ann", "cy", "ann")}
    assert "1 row with a gap" in table.about


def test_semicolons_tabs_a_bom_and_duplicate_headers():
    for raw in (b"\xef\xbb\xbfa;b\n1;2\n3;4\n", b"a\tb\n1\t2\n3\t4\n"):
        table = read_csv(raw)
        assert isinstance(table, Table) and table.names == ("a", "b"), raw
    table = read_csv(b"a,a\n1,2\n3,4\n")
    assert table.names == ("a", "a (2)")


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"a,b\n1,2\n", "fewer than two rows"),
        (b"a,b\nx,y\nz,w\n", "No column"),
        (b"a\nnan\ninf\n-inf\n", "No column"),
        (b"a,b\n1,\n,2\n", "No column"),
        (b"a,b\n1,\n,2\n3,4\n", "Fewer than two rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not text"),
        (b'a,b\n"1,2\n3,4\n', "fewer than two rows"),
        (b"a\n1_000\n2_000\n", "No column"),
    ],
)
def test_bad_files_are_refused_with_a_sentence(raw, says):
    refused = read_csv(raw)
    assert isinstance(refused, Refusal), raw
    assert says in refused.reason and refused.reason.endswith((".", ")"))


def test_huge_files_are_refused_before_they_are_parsed():
    big = b"a\n" + b"1\n" * (datasets.MAX_UPLOAD_BYTES // 2 + 1)
    assert "limit" in read_csv(big).reason
    many = b"a\n" + b"1\n" * (datasets.MAX_ROWS + 1)
    assert len(many) < datasets.MAX_UPLOAD_BYTES and "rows" in read_csv(many).reason
    wide = (",".join(f"c{i}" for i in range(60)) + "\n" + ",".join(["1"] * 60) * 1).encode()
    wide += b"\n" + ",".join(["2"] * 60).encode()
    assert "columns" in read_csv(wide).reason


def test_latin1_text_is_read():
    table = read_csv("größe,x\n1,2\n3,4\n".encode("latin-1"))
    assert isinstance(table, Table) and table.names == ("größe", "x")
