"""The SQLite store: one file, WAL, FTS5 over title and text, versioned migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.dialect import Dialect, marks
from newsgraph.store.sql import QUARANTINE_RAW_LIMIT, SEARCH_RANKED, SQLStore

__all__ = ["QUARANTINE_RAW_LIMIT", "SQLiteStore"]

#: How much of the file a server's connection maps into memory (address space, not RAM):
#: its pages are shared by every connection instead of copied into each one's cache.
SERVER_MMAP_BYTES = 2**30


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
            if shared:  # a server's connections read the file through the OS's page cache
                self._db.execute(f"PRAGMA mmap_size={SERVER_MMAP_BYTES}")
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

    def data_version(self) -> object | None:
        # data_version: commits by other connections; total_changes: this one's own writes
        return (self._db.execute("PRAGMA data_version").fetchone()[0], self._db.total_changes)

    def _columns(self, table: str) -> list[str]:
        return [r["name"] for r in self._db.execute(f"PRAGMA table_info({table})")]

    def search_documents(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5 query syntax), best first among the
        latest :data:`SEARCH_RANKED` documents that match."""
        try:
            found = [
                r[0]
                for r in self._db.execute(
                    "WITH hits AS (SELECT rowid AS hit, rank FROM documents_fts"
                    " WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
                    " SELECT hit FROM hits ORDER BY rank, hit DESC LIMIT ? OFFSET ?",
                    (query, SEARCH_RANKED, limit, offset),
                )
            ]
            rows = self._db.execute(  # snippets only for the page shown
                "SELECT d.rowid AS hit, d.id, d.published, d.lang, d.title,"
                " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                f" WHERE documents_fts MATCH ? AND documents_fts.rowid IN ({marks(found)})",
                (query, *found),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"cannot search for {query!r} ({exc}); put phrases in double quotes"
            ) from exc
        by_hit = {}
        for r in rows:
            row = dict(r)
            by_hit[row.pop("hit")] = row
        return [by_hit[hit] for hit in found if hit in by_hit]


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
