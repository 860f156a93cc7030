"""Near-duplicates: a republished wire story is linked to the stored one, not extracted again;
a different story on the same topic is stored; the index survives across runs."""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest import ingest
from newsgraph.near_duplicates import MIN_WORDS, signature_of
from newsgraph.store import SQLiteStore

from .conftest import WIRE_STORY, record

REPUBLISHED = "GENEVA (Reuters) - A first round of talks ended without a deal. " + WIRE_STORY
EDITED = WIRE_STORY.replace("tense but constructive", "difficult but useful")
SAME_TOPIC = (
    "Fighting continued along the disputed border on Tuesday while diplomats met in Geneva, "
    "residents said. Artillery fire was heard overnight near two villages, and a local "
    "official reported that a school had been damaged. The army said it had repelled an "
    "attack on its positions and accused the other side of violating a truce agreed in the "
    "winter. Humanitarian groups asked both sides to open a corridor so that food and "
    "medicine could reach the border towns, where supplies are running low. The talks in "
    "Geneva are expected to continue next week, but few people in the region expect a quick "
    "end to the conflict that has displaced two hundred thousand people since the spring."
)


def write(folder: Path, name: str, url: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(record(url, "Border talks", body), encoding="utf-8")
    return path


def test_a_republished_story_is_a_near_duplicate_of_the_original(
    tmp_path: Path, store: SQLiteStore
) -> None:
    original = write(tmp_path, "a.txt", "https://wire.example/talks", WIRE_STORY)
    first = ingest(store, [original])
    assert first.stored == 1
    events_before = store.stats()["facts"]["events"]

    inputs = [
        write(tmp_path, "b.txt", "https://outlet-b.example/talks", REPUBLISHED),
        write(tmp_path, "c.txt", "https://outlet-c.example/talks", EDITED),
        write(tmp_path, "d.txt", "https://outlet-d.example/fighting", SAME_TOPIC),
    ]
    second = ingest(store, inputs)  # another run: the index is read from the database
    assert (second.stored, second.duplicate, second.near_duplicate) == (1, 0, 2)
    assert store.stats()["documents"] == 2
    doc_id = store.find_document("https://wire.example/talks")
    assert store.find_document("https://outlet-b.example/talks") == doc_id
    assert store.find_document("https://outlet-d.example/fighting") != doc_id
    sources = {
        url: similarity
        for url, similarity in store._db.execute(
            "SELECT url, similarity FROM document_sources WHERE doc_id = ?", (doc_id,)
        )
    }
    assert sources["https://wire.example/talks"] is None
    assert 0.8 <= sources["https://outlet-b.example/talks"] < 1
    assert 0.8 <= sources["https://outlet-c.example/talks"] < 1
    same_topic = store.load_result(store.find_document("https://outlet-d.example/fighting"))
    assert store.stats()["facts"]["events"] == events_before + len(same_topic.events)

    tables = {t: store.table_rows(t) for t in ("documents", "document_sources", "events")}
    again = ingest(store, [original, *inputs])
    assert (again.stored, again.duplicate, again.near_duplicate) == (0, 2, 2)
    assert {t: store.table_rows(t) for t in tables} == tables


def test_documents_stored_before_the_index_are_indexed_at_the_next_ingest(
    tmp_path: Path, store: SQLiteStore
) -> None:
    ingest(store, [write(tmp_path, "a.txt", "https://wire.example/talks", WIRE_STORY)])
    with store.transaction() as db:  # as a database made before migration 4 would be
        db.execute("DELETE FROM near_duplicate_bands")
        db.execute("DELETE FROM near_duplicate_signatures")
    report = ingest(store, [write(tmp_path, "b.txt", "https://b.example/t", REPUBLISHED)])
    assert report.near_duplicate == 1


def test_short_texts_have_no_signature() -> None:
    assert signature_of("Il ministro ha incontrato il collega a Ginevra.") is None
    words = WIRE_STORY.split()
    assert len(words) >= MIN_WORDS
    full, edited = signature_of(WIRE_STORY), signature_of(EDITED)
    assert full is not None and edited is not None
    assert full.jaccard(edited) >= 0.8
    same_topic = signature_of(SAME_TOPIC)
    assert same_topic is not None and full.jaccard(same_topic) < 0.3
