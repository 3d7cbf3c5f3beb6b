"""Figure memoisation keyed by the builder's arguments."""

from dataclasses import dataclass

import numpy as np
import pytest

from mathviz.plot import memo


@dataclass(frozen=True)
class Scene:
    points: np.ndarray
    label: str


def test_equal_values_give_equal_keys_and_any_change_gives_another():
    a = Scene(np.arange(6.0).reshape(3, 2), "x")
    same = Scene(np.arange(6.0).reshape(3, 2), "x")
    assert memo.fingerprint(a) == memo.fingerprint(same)
    assert hash(memo.fingerprint(a)) == hash(memo.fingerprint(same))
    changed_value = Scene(np.arange(6.0).reshape(3, 2) + np.eye(3, 2) * 1e-15, "x")
    changed_shape = Scene(np.arange(6.0).reshape(2, 3), "x")
    changed_dtype = Scene(np.arange(6).reshape(3, 2), "x")
    changed_label = Scene(np.arange(6.0).reshape(3, 2), "y")
    keys = {
        memo.fingerprint(s) for s in (a, changed_value, changed_shape, changed_dtype, changed_label)
    }
    assert len(keys) == 5


def test_types_that_print_alike_do_not_collide():
    assert memo.fingerprint(1) != memo.fingerprint(1.0)
    assert memo.fingerprint(True) != memo.fingerprint(1)
    assert memo.fingerprint("1") != memo.fingerprint(1)
    assert memo.fingerprint((1, 2)) != memo.fingerprint([1, 2])
    assert memo.fingerprint({"a": 1}) == memo.fingerprint({"a": 1})
    assert memo.fingerprint(np.float64(0.5)) == memo.fingerprint(np.float64(0.5))


def test_a_non_contiguous_view_keys_like_its_copy():
    base = np.arange(12.0).reshape(3, 4)
    assert memo.fingerprint(base[:, ::2]) == memo.fingerprint(base[:, ::2].copy())


def test_an_object_it_cannot_key_faithfully_is_refused():
    with pytest.raises(TypeError, match="cannot key"):
        memo.fingerprint(object())


def _builder(n):
    return n


def test_builders_must_be_named_functions_of_their_arguments():
    assert memo.builder_name(_builder).startswith(f"{__name__}._builder")
    with pytest.raises(ValueError, match="named function"):
        memo.builder_name(lambda n: n)
    captured = 3

    def closure(n):
        return n + captured

    with pytest.raises(ValueError, match="named function"):
        memo.builder_name(closure)


def test_figure_memo_rebuilds_exactly_when_the_key_changes_and_keeps_one_per_slot():
    calls = []

    def build(value):
        calls.append(value)
        return value

    kept = memo.FigureMemo()
    assert kept.get("chart", ("k", 1), lambda: build(1)) == 1
    assert kept.get("chart", ("k", 1), lambda: build(1)) == 1
    assert kept.get("chart", ("k", 2), lambda: build(2)) == 2
    assert kept.get("other", ("k", 1), lambda: build(1)) == 1
    assert calls == [1, 2, 1]
    assert len(kept) == 2


def test_a_limited_memo_drops_its_oldest_slot():
    kept = memo.FigureMemo(limit=2)
    for slot in "abc":
        kept.get(slot, slot, lambda slot=slot: slot)
    assert len(kept) == 2
    rebuilt = []
    kept.get("a", "a", lambda: rebuilt.append("a"))
    assert rebuilt == ["a"], "the oldest slot was dropped"
