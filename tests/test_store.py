"""The SQLite store: migrations, idempotent writes, quarantine, facts round trip, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import NotFoundError, StoreError
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
from newsgraph.store import SQLiteStore, StoreItem, open_store

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
        times=(TimeValue(*_span(at("Il 10 gennaio")), "DATE", "2022-01-10"),),
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


def test_store_and_load_round_trip(store: SQLiteStore) -> None:
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
        "times": 1,
        "events": 1,
        "statements": 1,
        "commitments": 1,
    }


def test_writes_are_idempotent_and_duplicates_counted(store: SQLiteStore) -> None:
    result = seed_result()
    item = StoreItem(result, raw_text="raw", raw_sha256="abc")
    assert store.write_batch([item, item], run_id=None) == ["stored", "duplicate"]
    assert store.write_batch([item], run_id=None) == ["duplicate"]
    assert store.stats()["documents"] == 1 and store.stats()["sources"] == 1


def test_quarantine_is_not_duplicated_by_reruns(store: SQLiteStore) -> None:
    rej = Rejection("/x/empty.txt", "read", "empty", "the input is empty", None)
    assert store.write_batch([StoreItem(rej)], run_id=None) == ["quarantined"]
    store.write_batch([StoreItem(rej)], run_id=None)
    rows = store.list_quarantine()
    assert [(r["input_ref"], r["code"]) for r in rows] == [("/x/empty.txt", "empty")]


def test_failed_batch_rolls_back(store: SQLiteStore) -> None:
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
    with pytest.raises(sqlite3.IntegrityError):
        store.write_batch([bad], run_id=None)
    assert store.stats()["documents"] == 0


def test_find_document_by_prefix_url_and_path(store: SQLiteStore) -> None:
    result = seed_result()
    store.write_batch([StoreItem(result)], run_id=None)
    doc = result.document
    assert store.find_document(doc.id[7:15]) == doc.id
    assert store.find_document(doc.url or "") == doc.id
    with pytest.raises(NotFoundError, match="no document 'nothing'"):
        store.find_document("nothing")


def test_full_text_search(store: SQLiteStore) -> None:
    store.write_batch([StoreItem(seed_result())], run_id=None)
    hits = store.search_documents("ginevra")
    assert len(hits) == 1 and "[Ginevra]" in hits[0]["snippet"]
    assert store.search_documents("Tokyo") == []
    with pytest.raises(StoreError, match="put phrases in double quotes"):
        store.search_documents('"unbalanced')


def test_migrations_are_recorded_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    scripts = sorted((ROOT / "src/newsgraph/store/migrations/sqlite").glob("*.sql"))
    latest = int(scripts[-1].name.split("_")[0])
    with open_store(path) as s:
        assert s.schema_version() == latest
    with open_store(path) as s:  # opening again applies nothing
        assert s.schema_version() == latest
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(scripts)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    db.commit()
    with pytest.raises(StoreError, match="newer than this newsgraph knows"):
        open_store(path)


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
