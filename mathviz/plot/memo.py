"""Figure memoisation keyed by the builder's own arguments: the one path the app uses.

A chart is drawn as ``build(*args, **kwargs)``; :func:`fingerprint` turns those arguments
(numbers, strings, tuples, numpy arrays, dataclasses of them) into a hashable key, so a
figure is rebuilt exactly when something it is built from changed, and no page assembles a
key by hand. :class:`FigureMemo` keeps one figure per chart slot (memory stays bounded).

The rule for builders: a pure function of its arguments (no closures, no lambdas, no reading
of globals that change), so that equal arguments mean an equal figure.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import numpy as np


def fingerprint(value: Any) -> Hashable:
    """A hashable key that is equal for equal values (arrays by dtype, shape and bytes).

    Raises
    ------
    TypeError
        For a value it cannot key faithfully (an arbitrary object): a figure would be reused
        when it should not.
    """
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes)):
        return (type(value).__name__, value)
    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value)
        digest = hashlib.blake2b(data.view(np.uint8), digest_size=16).digest()
        return ("ndarray", data.dtype.str, data.shape, digest)
    if isinstance(value, np.generic):
        return ("np", value.dtype.str, value.item())
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(fingerprint(item) for item in value))
    if isinstance(value, Mapping):
        return ("map", tuple(sorted((str(k), fingerprint(v)) for k, v in value.items())))
    if isinstance(value, (frozenset, set)):
        return ("set", tuple(sorted(map(repr, value))))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = tuple(
            (f.name, fingerprint(getattr(value, f.name))) for f in dataclasses.fields(value)
        )
        return (type(value).__qualname__, fields)
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType):
        return ("function", builder_name(value))
    raise TypeError(f"cannot key a figure on a {type(value).__name__}")


def builder_name(build: Callable[..., Any]) -> str:
    """``module.qualname`` of a figure builder; refuses lambdas and closures.

    Raises
    ------
    ValueError
        For a lambda or a closure: what it captured is not in the key.
    """
    code = getattr(build, "__code__", None)
    if getattr(build, "__name__", "") == "<lambda>" or getattr(build, "__closure__", None):
        raise ValueError("a figure builder must be a named function of its arguments alone")
    name = f"{getattr(build, '__module__', '')}.{getattr(build, '__qualname__', repr(build))}"
    return name if code is None else f"{name}:{code.co_firstlineno}"


def call_key(build: Callable[..., Any], args: tuple, kwargs: Mapping[str, Any]) -> Hashable:
    """The key of one call ``build(*args, **kwargs)``."""
    return (builder_name(build), fingerprint(args), fingerprint(dict(kwargs)))


class FigureMemo:
    """One remembered value per slot: the last one, reused while its key is unchanged.

    Parameters
    ----------
    limit : the most slots kept; the oldest is dropped past it (None: no limit).
    """

    def __init__(self, limit: int | None = None) -> None:
        self._slots: dict[Hashable, tuple[Hashable, Any]] = {}
        self._limit = limit

    def get(self, slot: Hashable, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept in ``slot`` if it was made under ``key``, else ``build()`` kept there."""
        kept = self._slots.get(slot)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = build()
        self._slots.pop(slot, None)
        self._slots[slot] = (key, value)
        if self._limit is not None and len(self._slots) > self._limit:
            self._slots.pop(next(iter(self._slots)))
        return value

    def __len__(self) -> int:
        return len(self._slots)
