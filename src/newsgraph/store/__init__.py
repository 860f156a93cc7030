"""Storage: the database behind newsgraph (SQLite by default)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.store.base import Outcome, Store, StoreItem
from newsgraph.store.sqlite import SQLiteStore

__all__ = ["Outcome", "SQLiteStore", "Store", "StoreItem", "open_store"]


def open_store(location: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the database at ``location``.

    ``location`` is a file path or ``sqlite:///path``.
    """
    text = str(location)
    if text.startswith("sqlite:///"):
        return SQLiteStore(text.removeprefix("sqlite:///"))
    if "://" in text:
        raise ConfigError(f"unsupported database URL {text!r}; give a file path or sqlite:///path")
    return SQLiteStore(text)
