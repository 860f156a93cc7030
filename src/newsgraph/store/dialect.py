"""What differs between the databases behind newsgraph, as small hooks the shared SQL calls.

Queries are written once, with ``?`` placeholders and the SQL both SQLite and PostgreSQL
understand (``INSERT ... ON CONFLICT``, ``RETURNING``, ``COALESCE``); a dialect supplies only
what has no common spelling: reading a value out of a JSON column and iterating a JSON array.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Sized
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the stores use; rows index by position and by name."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection that takes ``?`` placeholders (sqlite3's, or the PostgreSQL adapter)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


def marks(values: Sized) -> str:
    """Placeholders for ``IN (…)``, one per value ("NULL" for none: matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


class Dialect:
    """SQLite's spelling (JSON stored as text, read with the JSON1 functions)."""

    name = "sqlite"

    def json_text(self, column: str, *path: str) -> str:
        """The value at ``path`` in the JSON text ``column``, as text (or a number)."""
        return f"json_extract({column}, '$.{'.'.join(path)}')"

    def json_int(self, column: str, *path: str) -> str:
        """The integer at ``path`` in the JSON text ``column``."""
        return self.json_text(column, *path)

    def json_values(self, column: str) -> str:
        """A FROM item: the elements of the JSON array ``column``, one row each, as ``value``."""
        return f"json_each({column})"


class PostgresDialect(Dialect):
    """PostgreSQL's spelling: JSON columns are ``text`` cast to ``jsonb`` where read."""

    name = "postgresql"

    def json_text(self, column: str, *path: str) -> str:
        return f"({column}::jsonb #>> '{{{','.join(path)}}}')"

    def json_int(self, column: str, *path: str) -> str:
        return f"{self.json_text(column, *path)}::bigint"

    def json_values(self, column: str) -> str:
        return f"jsonb_array_elements_text({column}::jsonb)"
