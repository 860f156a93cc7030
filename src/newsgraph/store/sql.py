"""What the SQLite and PostgreSQL stores share: migrations, runs, writing a batch in one
transaction, reading documents and their facts back, the quarantine and the statistics.

The SQL here is written once, in the dialect both databases speak; a subclass supplies the
connection, transactions, how a migration script runs, full-text search, and a
:class:`~newsgraph.store.dialect.Dialect` for the few functions that are spelled differently.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import NotFoundError, StoreError
from newsgraph.model import (
    DateRange,
    DateRef,
    Document,
    ExtractionResult,
    Rejection,
    TimeValue,
)
from newsgraph.near_duplicates import signature_of
from newsgraph.offsets import OffsetMap
from newsgraph.store import near_duplicates
from newsgraph.store.base import Outcome, StoreItem
from newsgraph.store.dialect import Connection, Dialect
from newsgraph.store.exports import ExportRows
from newsgraph.store.queries import ReadViews

#: Raw bytes of quarantined inputs are kept up to this size.
QUARANTINE_RAW_LIMIT = 1024 * 1024
#: A search matching more documents than this ranks the most recently stored ones: ranking
#: costs time for every match, and a query that common is not one an analyst reads through.
SEARCH_RANKED = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """The numbered migration scripts of a dialect: (version, file name, SQL), in order."""
    folder = resources.files("newsgraph.store").joinpath("migrations", dialect)
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            version = int(item.name.split("_", 1)[0])
            found.append((version, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def _date_bounds(ref: DateRef | None) -> tuple[str | None, str | None]:
    if ref is None or ref.value is None:
        return None, None
    if isinstance(ref.value, DateRange):
        return ref.value.start, ref.value.end
    return ref.value, ref.value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class SQLStore(ReadViews, ExportRows):
    """A newsgraph database; subclasses connect to SQLite or PostgreSQL."""

    dialect: str
    #: What a violated constraint raises (the driver's IntegrityError).
    IntegrityError: type[Exception]
    _db: Connection
    _sql: Dialect
    #: Where the database is, as shown in messages (never with a password).
    location: str

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Connection]:
        """One atomic unit of work: committed on success, rolled back on any error."""
        raise NotImplementedError

    def _run_script(self, sql: str) -> None:
        """Run one migration script (inside the migration's transaction)."""
        raise NotImplementedError

    def _lock_migrations(self) -> None:
        """Keep other processes from migrating at the same time (within the transaction)."""

    def _columns(self, table: str) -> list[str]:
        """The column names of ``table`` as :meth:`table_rows` compares them."""
        raise NotImplementedError

    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        known = migrations(self.dialect)
        with self.transaction() as db:
            self._lock_migrations()
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            if known and current > known[-1][0]:
                raise StoreError(
                    f"{self.location} has schema version {current}, newer than this newsgraph "
                    f"knows ({known[-1][0]}); upgrade newsgraph to open it"
                )
            for version, name, sql in known:
                if version <= current:
                    continue
                self._run_script(sql)
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )

    # -- runs --------------------------------------------------------------

    def start_run(self, *, command: str, options: dict[str, Any], versions: dict[str, str]) -> int:
        with self.transaction() as db:
            row = db.execute(
                "INSERT INTO runs (command, started_at, options, versions) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                (command, _now(), _json(options), _json(versions)),
            ).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, *, counts: dict[str, int], status: str) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at = ?, counts = ?, status = ? WHERE id = ?",
                (_now(), _json(counts), status, run_id),
            )

    # -- writing -----------------------------------------------------------

    def write_batch(self, items: Sequence[StoreItem], *, run_id: int | None) -> list[Outcome]:
        """Store a batch in one transaction; the outcome of each item, in order."""
        outcomes: list[Outcome] = []
        with self.transaction() as db:
            for item in items:
                result = item.result
                why = self._cannot_store(result) if isinstance(result, ExtractionResult) else None
                if why is not None:
                    assert isinstance(result, ExtractionResult)
                    doc = result.document
                    raw = item.raw_text.encode("utf-8") if item.raw_text is not None else None
                    ref = doc.input_ref or doc.url or doc.id
                    result = Rejection(ref, "store", *why, raw_sha256=item.raw_sha256, raw=raw)
                if isinstance(result, Rejection):
                    self._quarantine(db, result, run_id)
                    outcomes.append("quarantined")
                else:
                    outcomes.append(self._store_result(db, item, run_id))
        return outcomes

    def index_near_duplicates(self) -> int:
        """Add documents stored before the near-duplicate index existed to it."""
        with self.transaction() as db:
            return near_duplicates.backfill(db)

    def _cannot_store(self, result: ExtractionResult) -> tuple[str, str] | None:
        """Why this database cannot hold a document, as (code, reason); None when it can."""
        return None

    def _quarantine(self, db: Connection, rej: Rejection, run_id: int | None) -> None:
        raw = rej.raw if rej.raw is not None and len(rej.raw) <= QUARANTINE_RAW_LIMIT else None
        now = _now()
        db.execute(
            "INSERT INTO quarantine (input_ref, raw_sha256, stage, code, reason, raw, first_seen,"
            " last_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (input_ref, raw_sha256, stage, code)"
            " DO UPDATE SET last_seen = excluded.last_seen, run_id = excluded.run_id",
            (
                rej.input_ref,
                rej.raw_sha256 or "",
                rej.stage,
                rej.code,
                rej.reason,
                raw,
                now,
                now,
                run_id,
            ),
        )

    def _store_result(self, db: Connection, item: StoreItem, run_id: int | None) -> Outcome:
        result = item.result
        assert isinstance(result, ExtractionResult)
        doc = result.document
        now = _now()
        inserted = None
        signature = None
        if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone() is None:
            signature = item.signature or signature_of(doc.text)
            original = near_duplicates.find_original(db, signature, doc.text) if signature else None
            if original is not None:
                db.execute(
                    "INSERT INTO document_sources (doc_id, input_ref, url, raw_sha256, first_seen,"
                    " run_id, similarity) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (original[0], doc.input_ref or "", doc.url, item.raw_sha256, now, run_id,
                     original[1]),
                )  # fmt: skip
                return "near_duplicate"
            inserted = self._insert_document(db, item, now, run_id)
        if inserted is None:
            db.execute(
                "INSERT INTO document_sources (doc_id, input_ref, url, raw_sha256, first_seen,"
                " run_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (doc.id, doc.input_ref or "", doc.url, item.raw_sha256, now, run_id),
            )
            return "duplicate"
        db.execute(
            "INSERT INTO document_sources (doc_id, input_ref, url, raw_sha256, first_seen, run_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (doc.id, doc.input_ref or "", doc.url, item.raw_sha256, now, run_id),
        )
        db.executemany(
            'INSERT INTO sentences (doc_id, idx, start, "end") VALUES (?, ?, ?, ?)',
            [(doc.id, i, s, e) for i, (s, e) in enumerate(doc.sentences)],
        )
        near_duplicates.index_document(db, doc.id, signature)
        self._store_facts(db, result, run_id)
        return "stored"

    def _insert_document(
        self, db: Connection, item: StoreItem, now: str, run_id: int | None
    ) -> Any:
        """Insert the document unless it is there; its row id, or None when it was there (a
        concurrent writer may have inserted it since it was looked for: it is waited for)."""
        result = item.result
        assert isinstance(result, ExtractionResult)
        doc = result.document
        raw = zlib.compress(item.raw_text.encode("utf-8")) if item.raw_text is not None else None
        return db.execute(
            "INSERT INTO documents (id, url, path, source, lang, lang_confidence, published,"
            " published_precision, published_from, title, text, offset_map, raw, raw_sha256,"
            " input_ref, extractor_version, run_id, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING RETURNING rowid",
            (
                doc.id,
                doc.url,
                doc.path,
                doc.source,
                doc.lang,
                doc.lang_confidence,
                doc.published,
                doc.published_precision,
                doc.published_from,
                doc.title,
                doc.text,
                _json(doc.offsets.to_list()) if doc.offsets else None,
                raw,
                item.raw_sha256,
                doc.input_ref,
                result.extractor or "",
                run_id,
                now,
            ),
        ).fetchone()

    def _store_facts(self, db: Connection, result: ExtractionResult, run_id: int | None) -> None:
        doc_id = result.document.id
        version = result.extractor or ""
        for actor in result.actors:
            db.execute(
                "INSERT INTO actors (id, name, type, country, roles, aliases)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    actor.id,
                    actor.name,
                    actor.type,
                    actor.country,
                    _json(list(actor.roles)),
                    _json(list(actor.aliases)),
                ),
            )
            db.executemany(
                'INSERT INTO mentions (doc_id, actor_id, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(doc_id, actor.id, m.start, m.end, m.text) for m in actor.mentions],
            )
        for place in result.places:
            db.execute(
                "INSERT INTO places (id, name, country, lat, lon, type) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (place.id, place.name, place.country, place.lat, place.lon, place.type),
            )
            db.executemany(
                'INSERT INTO place_mentions (doc_id, place_id, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(doc_id, place.id, m.start, m.end, m.text) for m in place.mentions],
            )
        db.executemany(
            'INSERT INTO times (doc_id, start, "end", text, type, value, mod)'
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (doc_id, t.start, t.end, t.text, t.type, _json(t.to_dict()["value"]), t.mod)
                for t in result.times
            ],
        )
        evidence: list[tuple[str, str, str, int, int, str]] = []
        for event in result.events:
            start, end = _date_bounds(event.date)
            db.execute(
                "INSERT INTO events (id, doc_id, type, mode, place_id, date_start, date_end,"
                " negated, confidence, data, extractor_version, run_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    doc_id,
                    event.type,
                    event.mode,
                    event.place,
                    start,
                    end,
                    int(event.negated),
                    event.confidence,
                    _json(event.to_dict()),
                    version,
                    run_id,
                ),
            )
            db.executemany(
                "INSERT INTO event_participants (event_id, actor_id, role)"
                " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(event.id, a, "actor") for a in event.actors]
                + [(event.id, r, "recipient") for r in event.recipients],
            )
            for ev in (event.evidence, *event.more_evidence):
                evidence.append((event.id, "event", ev.doc_id or doc_id, ev.start, ev.end, ev.text))
        for st in result.statements:
            db.execute(
                "INSERT INTO statements (id, doc_id, speaker_id, mode, data, extractor_version,"
                " run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (st.id, doc_id, st.speaker, st.mode, _json(st.to_dict()), version, run_id),
            )
            ev = st.evidence
            evidence.append((st.id, "statement", doc_id, ev.start, ev.end, ev.text))
        for cm in result.commitments:
            start, end = _date_bounds(cm.due)
            db.execute(
                "INSERT INTO commitments (id, doc_id, made, actor_id, recipient_id, due_start,"
                " due_end, status, data, extractor_version, run_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    cm.id,
                    doc_id,
                    result.document.published,
                    cm.actor,
                    cm.recipient,
                    start,
                    end,
                    cm.status,
                    _json(cm.to_dict()),
                    version,
                    run_id,
                ),
            )
            ev = cm.evidence
            evidence.append((cm.id, "commitment", doc_id, ev.start, ev.end, ev.text))
        db.executemany(
            'INSERT INTO evidence (fact_id, fact_kind, doc_id, start, "end", text)'
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            evidence,
        )

    # -- reading -----------------------------------------------------------

    def find_document(self, ref: str) -> str:
        """The id of the document ``ref`` names: its id (or a unique prefix), URL or path."""
        ref = ref.strip()
        key = ref if ref.startswith("sha256:") else f"sha256:{ref}"
        rows = self._db.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (key, key + "\uffff")
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0]["id"])
        if len(rows) > 1:
            raise NotFoundError(f"{ref!r} matches several documents; give more of the id")
        row = self._db.execute(
            "SELECT doc_id FROM document_sources WHERE url = ? OR input_ref = ? "
            "UNION SELECT id FROM documents WHERE path = ? LIMIT 1",
            (ref, str(Path(ref).resolve()) if ref else ref, ref),
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"no document {ref!r} in {self.location}; list them with 'newsgraph documents "
                f"{self.location}' and give an id (or its first characters), a URL or a path"
            )
        return str(row[0])

    def load_result(self, doc_id: str) -> ExtractionResult:
        """The stored document and its facts, in the shape of the fact contract."""
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r} in {self.location}")
        sentences = tuple(
            (int(r["start"]), int(r["end"]))
            for r in self._db.execute(
                'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx', (doc_id,)
            )
        )
        document = Document(
            id=row["id"],
            text=row["text"],
            lang=row["lang"],
            published=row["published"],
            title=row["title"],
            url=row["url"],
            path=row["path"],
            source=row["source"],
            lang_confidence=row["lang_confidence"],
            published_precision=row["published_precision"],
            published_from=row["published_from"],
            sentences=sentences,
            input_ref=row["input_ref"],
            offsets=OffsetMap.from_list(json.loads(row["offset_map"]))
            if row["offset_map"]
            else None,
        )
        result = ExtractionResult.from_dict(
            {
                "document": document.to_dict(),
                "actors": self._actors(doc_id),
                "places": self._places(doc_id),
                "events": self._facts("events", doc_id),
                "times": [
                    TimeValue.from_dict(
                        {**dict(r), "value": json.loads(r["value"]) if r["value"] else None}
                    ).to_dict()
                    for r in self._db.execute(
                        'SELECT start, "end", text, type, value, mod FROM times WHERE doc_id = ?'
                        " ORDER BY start",
                        (doc_id,),
                    )
                ],
                "statements": self._facts("statements", doc_id),
                "commitments": self._facts("commitments", doc_id),
                "extractor": row["extractor_version"],
            }
        )
        return replace(result, document=document)

    def raw_input(self, doc_id: str) -> str | None:
        """The raw input text a document was cleaned from."""
        row = self._db.execute("SELECT raw FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None or row["raw"] is None:
            return None
        return zlib.decompress(row["raw"]).decode("utf-8")

    def _actors(self, doc_id: str) -> list[dict[str, Any]]:
        actors = self._with_mentions(
            'SELECT a.*, m.start, m."end", m.text FROM mentions m'
            " JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? ORDER BY m.start",
            doc_id,
            ("id", "name", "type", "country", "roles", "aliases"),
        )
        for actor in actors:
            actor["roles"], actor["aliases"] = (
                json.loads(actor["roles"]),
                json.loads(actor["aliases"]),
            )
        return actors

    def _places(self, doc_id: str) -> list[dict[str, Any]]:
        return self._with_mentions(
            'SELECT p.*, m.start, m."end", m.text FROM place_mentions m'
            " JOIN places p ON p.id = m.place_id WHERE m.doc_id = ? ORDER BY m.start",
            doc_id,
            ("id", "name", "country", "lat", "lon", "type"),
        )

    def _with_mentions(
        self, sql: str, doc_id: str, fields: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        """Rows of an entity joined with its mentions, grouped into one dict per entity."""
        grouped: dict[str, dict[str, Any]] = {}
        for r in self._db.execute(sql, (doc_id,)):
            entity = grouped.setdefault(r["id"], {f: r[f] for f in fields} | {"mentions": []})
            entity["mentions"].append({"start": r["start"], "end": r["end"], "text": r["text"]})
        return list(grouped.values())

    def _facts(self, table: str, doc_id: str) -> list[dict[str, Any]]:
        assert table in {"events", "statements", "commitments"}
        return [
            json.loads(r["data"])
            for r in self._db.execute(
                f"SELECT data FROM {table} WHERE doc_id = ? ORDER BY rowid",
                (doc_id,),
            )
        ]

    def list_documents(
        self, *, limit: int = 100, offset: int = 0, lang: str | None = None
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT d.id, d.published, d.lang, d.source, d.title, d.url, d.path,"
            " (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences"
            " FROM documents d"
        )
        params: list[Any] = []
        if lang:
            sql += " WHERE d.lang = ?"
            params.append(lang)
        sql += " ORDER BY d.published, d.rowid LIMIT ? OFFSET ?"
        params += [limit, offset]
        return [dict(r) for r in self._db.execute(sql, params)]

    def search_documents(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and texts: words, "phrases", OR, NOT, prefix*."""
        raise NotImplementedError

    def list_quarantine(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self._db.execute(
                "SELECT input_ref, stage, code, reason, raw_sha256, first_seen, last_seen"
                " FROM quarantine ORDER BY id LIMIT ?",
                (limit,),
            )
        ]

    def stats(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return int(self._db.execute(sql).fetchone()[0])

        def count_by(column: str, table: str) -> dict[str, int]:
            sql = f"SELECT {column}, COUNT(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC"
            return {r[0]: r[1] for r in self._db.execute(sql)}

        return {
            "documents": count("SELECT COUNT(*) FROM documents"),
            "documents_by_lang": count_by("lang", "documents"),
            "sources": count("SELECT COUNT(*) FROM document_sources"),
            "sentences": count("SELECT COUNT(*) FROM sentences"),
            "facts": {
                "actors": count("SELECT COUNT(DISTINCT actor_id) FROM mentions"),
                "mentions": count("SELECT COUNT(*) FROM mentions"),
                "places": count("SELECT COUNT(DISTINCT place_id) FROM place_mentions"),
                "times": count("SELECT COUNT(*) FROM times"),
                "events": count("SELECT COUNT(*) FROM events"),
                "statements": count("SELECT COUNT(*) FROM statements"),
                "commitments": count("SELECT COUNT(*) FROM commitments"),
            },
            "quarantined": count("SELECT COUNT(*) FROM quarantine"),
            "quarantined_by_reason": count_by("code", "quarantine"),
            "runs": count("SELECT COUNT(*) FROM runs"),
            "schema_version": self.schema_version(),
        }

    def table_rows(self, table: str, *, exclude: Sequence[str] = ()) -> list[tuple[Any, ...]]:
        """All rows of ``table`` (sorted) without the ``exclude`` columns: for comparisons."""
        cols = self._columns(table)
        keep = ", ".join(f'"{c}"' for c in cols if c not in exclude)
        return sorted(tuple(r) for r in self._db.execute(f"SELECT {keep} FROM {table}"))
