"""Storage: the database behind newsgraph (SQLite by default, PostgreSQL for many users)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.store.base import Outcome, Store, StoreItem
from newsgraph.store.sql import SQLStore
from newsgraph.store.sqlite import SQLiteStore

__all__ = ["Outcome", "SQLStore", "SQLiteStore", "Store", "StoreItem", "is_url", "open_store"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str | Path) -> bool:
    """Whether ``location`` names a database server rather than a file."""
    return str(location).startswith(POSTGRES_SCHEMES)


def open_store(location: str | Path, *, shared: bool = False) -> SQLStore:
    """Open (creating and migrating if needed) the database at ``location``.

    ``location`` is a file path, ``sqlite:///path`` or ``postgresql://user@host:port/db``.
    ``shared`` lets a server hand the connection from thread to thread (one request at a
    time; a PostgreSQL connection always allows it).
    """
    text = str(location)
    if text.startswith(POSTGRES_SCHEMES):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        return SQLiteStore(text.removeprefix("sqlite:///"), shared=shared)
    if "://" in text:
        raise ConfigError(
            f"unsupported database URL {text!r}; give a file path, sqlite:///path or "
            "postgresql://user@host:port/database"
        )
    return SQLiteStore(text, shared=shared)
