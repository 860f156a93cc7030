"""The stores (SQLite and PostgreSQL): migrations, idempotent writes, quarantine, facts round
trip, search."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError, NotFoundError, StoreError
from newsgraph.model import (
    Actor,
    Commitment,
    DateRange,
    DateRef,
    Event,
    Evidence,
    ExtractionResult,
    Place,
    Rejection,
    Span,
    Statement,
    TimeValue,
)
from newsgraph.pipeline import process_document
from newsgraph.sources import read_inputs
from newsgraph.store import SQLStore, StoreItem, open_store
from newsgraph.store.sql import migrations

from .conftest import ROOT, SEED


def seed_result() -> ExtractionResult:
    [record] = list(read_inputs([SEED]))
    result = process_document(record)  # type: ignore[arg-type]
    assert isinstance(result, ExtractionResult)
    return result


def with_facts(result: ExtractionResult) -> ExtractionResult:
    """The seed document with hand-placed facts, to test that every kind is stored."""
    text = result.document.text

    def at(word: str) -> Span:
        start = text.index(word)
        return Span.of(text, start, start + len(word))

    sentence = next(s for s in result.document.sentence_spans() if "Ginevra" in s.text)
    ev = Evidence(sentence.start, sentence.end, sentence.text)
    return ExtractionResult(
        document=result.document,
        actors=(
            Actor(
                "sergey-lavrov",
                "Sergey Lavrov",
                "PER",
                "RUS",
                ("Foreign Minister",),
                ("Sergei Lavrov",),
                (at("Sergey Lavrov"),),
            ),
        ),
        places=(Place("geonames:2660646", "Geneva", "CHE", 46.2, 6.14, (at("Ginevra"),)),),
        events=(
            Event(
                "ev1",
                "CONSULT",
                ev,
                mode="meet",
                actors=("sergey-lavrov",),
                place="geonames:2660646",
                date=DateRef(None, "2022-01-21"),
            ),
        ),
        times=(
            TimeValue(*_span(at("fine del 2021")), "DATE", "2021", "END"),
            TimeValue(*_span(at("Il 10 gennaio")), "DATE", "2022-01-10"),
        ),
        statements=(Statement("st1", "sergey-lavrov", "indirect", at("franco e positivo"), ev),),
        commitments=(
            Commitment(
                "cm1",
                "antony-blinken",
                at("risposta scritta"),
                ev,
                "RUS",
                DateRef("la prossima settimana", DateRange("2022-01-24", "2022-01-30")),
            ),
        ),
        extractor=result.extractor,
    )


def _span(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def test_store_and_load_round_trip(store: SQLStore) -> None:
    result = with_facts(seed_result())
    assert store.write_batch(
        [StoreItem(result, raw_text="raw", raw_sha256="abc")], run_id=None
    ) == ["stored"]
    loaded = store.load_result(result.document.id)
    assert loaded.to_dict() == result.to_dict()
    assert loaded.document.offsets == result.document.offsets
    assert store.raw_input(result.document.id) == "raw"
    facts = store.stats()["facts"]
    assert facts == {
        "actors": 1,
        "mentions": 1,
        "places": 1,
        "times": 2,
        "events": 1,
        "statements": 1,
        "commitments": 1,
    }


def test_writes_are_idempotent_and_duplicates_counted(store: SQLStore) -> None:
    result = seed_result()
    item = StoreItem(result, raw_text="raw", raw_sha256="abc")
    assert store.write_batch([item, item], run_id=None) == ["stored", "duplicate"]
    assert store.write_batch([item], run_id=None) == ["duplicate"]
    assert store.stats()["documents"] == 1 and store.stats()["sources"] == 1


def test_quarantine_is_not_duplicated_by_reruns(store: SQLStore) -> None:
    rej = Rejection("/x/empty.txt", "read", "empty", "the input is empty", None)
    assert store.write_batch([StoreItem(rej)], run_id=None) == ["quarantined"]
    store.write_batch([StoreItem(rej)], run_id=None)
    rows = store.list_quarantine()
    assert [(r["input_ref"], r["code"]) for r in rows] == [("/x/empty.txt", "empty")]


def test_failed_batch_rolls_back(store: SQLStore) -> None:
    result = seed_result()
    bad = StoreItem(
        ExtractionResult(
            document=result.document,
            events=(
                Event("e", "CONSULT", Evidence(0, 1, "x")),
                Event("e", "CONSULT", Evidence(0, 1, "x")),
            ),
        )
    )
    with pytest.raises(store.IntegrityError):
        store.write_batch([bad], run_id=None)
    assert store.stats()["documents"] == 0


def test_a_document_two_writers_store_at_once_is_stored_once(db_location: str) -> None:
    """The second writer waits for the first and counts the document as a duplicate."""
    item = StoreItem(seed_result())
    outcomes: list[str] = []
    with open_store(db_location) as one, open_store(db_location, shared=True) as two:
        with one.transaction() as db:
            assert one._store_result(db, item, None) == "stored"
            other = threading.Thread(
                target=lambda: outcomes.extend(two.write_batch([item], run_id=None))
            )
            other.start()
            other.join(timeout=1)
            assert other.is_alive()  # waiting for the first writer's transaction
        other.join(timeout=60)
        assert outcomes == ["duplicate"]
        assert (two.stats()["documents"], two.stats()["sources"]) == (1, 1)


def test_find_document_by_prefix_url_and_path(store: SQLStore) -> None:
    result = seed_result()
    store.write_batch([StoreItem(result)], run_id=None)
    doc = result.document
    assert store.find_document(doc.id[7:15]) == doc.id
    assert store.find_document(doc.url or "") == doc.id
    with pytest.raises(NotFoundError, match="no document 'nothing'"):
        store.find_document("nothing")


def test_full_text_search(store: SQLStore) -> None:
    store.write_batch([StoreItem(seed_result())], run_id=None)
    hits = store.search_documents("ginevra")
    assert len(hits) == 1 and "[Ginevra]" in hits[0]["snippet"]
    assert store.search_documents("Tokyo") == []
    with pytest.raises(StoreError, match="put phrases in double quotes"):
        store.search_documents('"unbalanced')


def test_search_syntax_phrases_or_not_and_prefixes(store: SQLStore) -> None:
    store.write_batch([StoreItem(seed_result())], run_id=None)

    def found(query: str) -> int:
        return len(store.search_documents(query))

    assert found('"Sergey Lavrov"') == 1 and found('"Lavrov Sergey"') == 0
    assert found("Tokyo OR Ginevra") == 1 and found("Tokyo Ginevra") == 0
    assert found("Ginevra NOT Tokyo") == 1 and found("Ginevra NOT Lavrov") == 0
    assert found("Ginev*") == 1 and found("(Tokyo OR Lavrov) AND Ginevra") == 1
    assert found("ginevra AND lavrov") == 1  # case does not matter


def test_migrations_are_recorded(db_location: str) -> None:
    with open_store(db_location) as s:
        latest = migrations(s.dialect)[-1][0]
        assert latest == migrations("sqlite")[-1][0]  # the backends stay at the same version
        assert s.schema_version() == latest
        applied = s._db.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        assert [r[0] for r in applied] == [v for v, _, _ in migrations(s.dialect)]
    with open_store(db_location) as s:  # opening again applies nothing
        assert s.schema_version() == latest
        assert s._db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(applied)


def test_both_backends_have_the_same_tables_and_columns(db_location: str) -> None:
    """The PostgreSQL schema mirrors SQLite's (the store leaves out what only one has)."""
    with open_store(db_location) as s:
        columns = {t: s._columns(t) for t in TABLES}
    with open_store(":memory:") as reference:
        assert columns == {t: reference._columns(t) for t in TABLES}


TABLES = (
    "runs",
    "documents",
    "document_sources",
    "sentences",
    "actors",
    "mentions",
    "places",
    "place_mentions",
    "times",
    "events",
    "event_participants",
    "statements",
    "commitments",
    "evidence",
    "quarantine",
    "event_clusters",
    "cluster_participants",
    "commitment_status",
    "contradictions",
    "schema_migrations",
)


def test_newer_schema_is_refused(db_location: str) -> None:
    with open_store(db_location) as s:
        s._db.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    with pytest.raises(StoreError, match="newer than this newsgraph knows"):
        open_store(db_location)


def test_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="is not a newsgraph database"):
        open_store(path)


def test_an_older_database_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    scripts = sorted((ROOT / "src/newsgraph/store/migrations/sqlite").glob("*.sql"))
    db = sqlite3.connect(path)  # a database made by the first release: schema version 1
    db.executescript(scripts[0].read_text(encoding="utf-8"))
    db.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    db.execute("INSERT INTO schema_migrations VALUES (1, ?, 'then')", (scripts[0].name,))
    db.commit()
    db.close()
    with open_store(path) as s:
        assert s.schema_version() == int(scripts[-1].name.split("_")[0])
    db = sqlite3.connect(path)
    assert "type" in [r[1] for r in db.execute("PRAGMA table_info(places)")]
    assert "cluster_id" in [r[1] for r in db.execute("PRAGMA table_info(events)")]


def test_an_older_postgresql_database_is_migrated_on_open(pg_location: str) -> None:
    import psycopg

    version, name, script = migrations("postgresql")[0]
    with psycopg.connect(pg_location, autocommit=True) as db:
        db.execute(script.encode())
        db.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        db.execute("INSERT INTO schema_migrations VALUES (%s, %s, 'then')", (version, name))
    with open_store(pg_location) as s:
        assert s.schema_version() == migrations("postgresql")[-1][0]
        assert "type" in s._columns("places") and "cluster_id" in s._columns("events")


def test_a_server_that_is_not_there_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"cannot connect to postgresql://me:\*\*\*@127.0.0.1:1/x"):
        open_store("postgresql://me:secret@127.0.0.1:1/x")


def test_an_unknown_url_is_refused() -> None:
    with pytest.raises(ConfigError, match="postgresql://user@host:port/database"):
        open_store("mysql://me@there/db")
