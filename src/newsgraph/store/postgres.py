"""The PostgreSQL store: the multi-user option, the same tables and queries as SQLite.

Opened with ``open_store("postgresql://user@host:port/db")``.  Migrations are the numbered
scripts in ``migrations/postgresql/`` (the same versions as SQLite's, recorded in the same
``schema_migrations`` table), applied under an advisory lock so that two processes opening
a new database do not both migrate it.  JSON columns are ``text``, as in SQLite, and are cast
to ``jsonb`` where a query reads inside them.  Full-text search is a generated ``tsvector``
column with a GIN index; see :mod:`newsgraph.store.tsquery` for the query syntax.

What differs from SQLite: search ranks with ``ts_rank`` (not bm25), snippets come from
``ts_headline``, only the first 100,000 characters of a text are indexed, words are not
stemmed (neither are they in SQLite), and accents are folded only when the server has the
``unaccent`` extension.  A document with NUL characters (which PostgreSQL text cannot hold)
is quarantined (code ``nul_character``).  NULLs sort last in PostgreSQL (first in SQLite),
and text sorts by the database's collation (``--locale=C.UTF-8`` gives SQLite's order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ConfigError, StoreError
from newsgraph.model import ExtractionResult
from newsgraph.store.dialect import Cursor, PostgresDialect
from newsgraph.store.sql import SEARCH_RANKED, SQLStore
from newsgraph.store.tsquery import to_tsquery

if TYPE_CHECKING:
    import psycopg

#: Columns PostgreSQL has that SQLite keeps implicit (or has not at all): left out of
#: :meth:`PostgresStore.table_rows` so that rows compare across backends.
_EXTRA_COLUMNS = {
    "documents": {"fts"},
    "events": {"rowid"},
    "statements": {"rowid"},
    "commitments": {"rowid"},
}


class Row(tuple[Any, ...]):
    """A result row that indexes by position and by column name, like ``sqlite3.Row``."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self._index[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_maker(cursor: Any) -> Any:
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)

    def make(values: Sequence[Any]) -> Row:
        return Row(values, index)

    return make


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """The shared ``?`` placeholders in psycopg's ``%s`` style (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Connection:
    """A psycopg connection that takes the shared SQL (``?`` placeholders)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        return self._conn.execute(_placeholders(sql), tuple(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        rows = [tuple(p) for p in parameters]
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(_placeholders(sql), rows)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    """A newsgraph database on a PostgreSQL server (created and migrated on open)."""

    dialect = "postgresql"
    _db: _Connection

    def __init__(self, url: str) -> None:
        """Connect to ``url`` (``postgresql://user[:password]@host[:port]/database``) and
        migrate the database; every batch, link and migration is one transaction."""
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a main dependency
            raise ConfigError(
                'PostgreSQL needs psycopg; install it with: pip install "psycopg[binary]"'
            ) from exc
        self.location = redact(url)
        self.IntegrityError = psycopg.IntegrityError
        self._sql = PostgresDialect()
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_maker)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to {self.location} ({str(exc).strip()}); check the URL, that "
                "the server is running and that the database exists (createdb NAME)"
            ) from exc
        self._db = _Connection(self._conn)
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(
                f"cannot set up the newsgraph tables in {self.location} (PostgreSQL says: "
                f"{str(exc).strip()}); give a database of its own that the user may create "
                "tables in"
            ) from exc

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """One atomic unit of work: committed on success, rolled back on any error."""
        with self._conn.transaction():
            yield self._db

    def _lock_migrations(self) -> None:
        self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('newsgraph migrations'))")

    def _run_script(self, sql: str) -> None:
        self._conn.execute(sql.encode("utf-8"))

    def _cannot_store(self, result: ExtractionResult) -> tuple[str, str] | None:
        doc = result.document
        if any("\0" in (value or "") for value in (doc.text, doc.title, doc.url, doc.source)):
            return (
                "nul_character",
                "the text holds NUL characters (U+0000), which PostgreSQL cannot store; "
                "remove them from the input, or use a SQLite database",
            )
        return None

    def _columns(self, table: str) -> list[str]:
        rows = self._db.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [r[0] for r in rows if r[0] not in _EXTRA_COLUMNS.get(table, ())]

    def search_documents(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (the FTS5 syntax SQLite takes, translated:
        see :mod:`newsgraph.store.tsquery`)."""
        tsquery = to_tsquery(query)
        if tsquery is None:
            return []
        rows = self._db.execute(  # rank the latest SEARCH_RANKED hits; snippets for one page
            "WITH q AS (SELECT to_tsquery('simple', newsgraph_fold(?)) AS q),"
            " hits AS (SELECT d.rowid, d.fts FROM documents d, q WHERE d.fts @@ q.q"
            " ORDER BY d.rowid DESC LIMIT ?),"
            " page AS (SELECT hits.rowid, ts_rank(hits.fts, q.q) AS rank FROM hits, q"
            " ORDER BY rank DESC, hits.rowid DESC LIMIT ? OFFSET ?)"
            " SELECT d.id, d.published, d.lang, d.title,"
            " ts_headline('simple', left(d.text, 100000), q.q, 'StartSel=[, StopSel=],"
            " MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1') AS snippet"
            " FROM page JOIN documents d ON d.rowid = page.rowid, q"
            " ORDER BY page.rank DESC, page.rowid DESC",
            (tsquery, SEARCH_RANKED, limit, offset),
        )
        return [dict(r) for r in rows]
