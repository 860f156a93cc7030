"""The SQLite store: one file, WAL, FTS5 over title and text, versioned migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.dialect import Dialect
from newsgraph.store.sql import QUARANTINE_RAW_LIMIT, SQLStore

__all__ = ["QUARANTINE_RAW_LIMIT", "SQLiteStore"]


class SQLiteStore(SQLStore):
    """A newsgraph database in one SQLite file (created and migrated on open)."""

    dialect = "sqlite"
    IntegrityError = sqlite3.IntegrityError
    _db: sqlite3.Connection

    def __init__(self, path: str | Path, *, shared: bool = False) -> None:
        """Open (creating and migrating) the database at ``path``; ``shared`` lets a server
        hand the connection from thread to thread (one request at a time)."""
        self.path = Path(path)
        self.location = str(self.path)
        self._sql = Dialect()
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; give the path of a database file")
        try:
            self._db = sqlite3.connect(
                self.path, isolation_level=None, timeout=30, check_same_thread=not shared
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a newsgraph database (SQLite says: {exc}); "
                "give the path of a database made by 'newsgraph ingest', or a new file name"
            ) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed on success, rolled back on any error."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _run_script(self, sql: str) -> None:
        for statement in _split_sql(sql):
            self._db.execute(statement)

    def _columns(self, table: str) -> list[str]:
        return [r["name"] for r in self._db.execute(f"PRAGMA table_info({table})")]

    def search_documents(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5 query syntax)."""
        try:
            rows = self._db.execute(
                "SELECT d.id, d.published, d.lang, d.title,"
                " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                (query, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"cannot search for {query!r} ({exc}); put phrases in double quotes"
            ) from exc
        return [dict(r) for r in rows]


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (triggers kept whole)."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buffer:
            continue
        buffer.append(line)
        candidate = "\n".join(buffer)
        if sqlite3.complete_statement(candidate):
            statements.append(candidate.strip())
            buffer = []
    if "\n".join(buffer).strip():
        statements.append("\n".join(buffer).strip())
    return statements
