"""A read-only table keyed by strings that loads from a pickle in milliseconds.

A ``dict`` of a few hundred thousand names takes a large part of a second to unpickle
(every key is hashed and inserted again), which a one-article run pays in full to look
up a few hundred words.  :class:`SortedTable` keeps the keys sorted in one string and
answers by bisection, remembering each answer; once it has bisected
``LOOKUPS_BEFORE_TABLE`` times (a long run) it builds the ``dict`` after all.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

V = TypeVar("V")

#: Bisections before the table turns into a dict: about a tenth of a second of lookups.
LOOKUPS_BEFORE_TABLE = 20_000
_SEP = "\x00"  # in no key
_MISSING: Any = object()  # an absent key
_UNKNOWN: Any = object()  # a key not looked up yet


class Strings(Sequence[str]):
    """Strings stored end to end in one (joined by NUL); ``starts[i]`` is where the i-th
    begins."""

    __slots__ = ("blob", "starts")

    def __init__(self, blob: str, starts: array[int]) -> None:
        self.blob = blob
        self.starts = starts

    @classmethod
    def of(cls, items: Iterable[str]) -> Strings:
        items = list(items)
        if any(_SEP in item for item in items):
            raise ValueError("a string to store holds a NUL character")
        starts = array("I")
        pos = 0
        for item in items:
            starts.append(pos)
            pos += len(item) + 1
        return cls(_SEP.join([*items, ""]), starts)

    def __reduce__(self) -> tuple[Any, ...]:
        return Strings, (self.blob, self.starts)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return self.all()[i]
        start = self.starts[i]
        return self.blob[start : self.blob.index(_SEP, start)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def all(self) -> list[str]:
        return self.blob.split(_SEP)[:-1]


class SortedTable(Mapping[str, V], Generic[V]):
    """A read-only mapping of sorted string keys to values (any sequence, in key order)."""

    __slots__ = ("_bisections", "_known", "_table", "keys_", "values_")

    def __init__(self, keys: Strings, values: Sequence[V]) -> None:
        if len(keys) != len(values):
            raise ValueError(f"{len(keys)} keys but {len(values)} values")
        self.keys_ = keys
        self.values_ = values
        self._known: dict[str, V] = {}  # answers so far (_MISSING for an absent key)
        self._bisections = 0
        self._table: dict[str, V] | None = None

    @classmethod
    def of(
        cls, pairs: Mapping[str, V], column: Callable[[list[V]], Sequence[V]] = list
    ) -> SortedTable[V]:
        """The table of ``pairs``; ``column`` stores the values (``bytes`` for small counts,
        :meth:`Strings.of` for strings)."""
        keys = sorted(pairs)
        return cls(Strings.of(keys), column([pairs[k] for k in keys]))

    def __reduce__(self) -> tuple[Any, ...]:
        return SortedTable, (self.keys_, self.values_)

    def get(self, key: str, default: Any = None) -> Any:
        if self._table is not None:
            return self._table.get(key, default)
        found = self._known.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._known[key] = self._bisect(key)
        return default if found is _MISSING else found

    def _bisect(self, key: str) -> Any:
        self._bisections += 1
        if self._bisections >= LOOKUPS_BEFORE_TABLE:
            self._table = dict(zip(self.keys_.all(), self.values_, strict=True))
            self._known = {}
            return self._table.get(key, _MISSING)
        i = bisect_left(self.keys_, key)
        if i < len(self.keys_) and self.keys_[i] == key:
            return self.values_[i]
        return _MISSING

    def __getitem__(self, key: str) -> V:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_.all())

    def __len__(self) -> int:
        return len(self.keys_)
