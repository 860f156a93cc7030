"""Ingest accounting on bad input: nothing stops the run, nothing is lost, reruns add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.sources import ReadOptions
from newsgraph.store import SQLStore

from .conftest import SEED, record

BODY = (
    "Il ministro degli Esteri ha incontrato a Ginevra il suo omologo per discutere "
    "della crisi e delle garanzie di sicurezza proposte nelle scorse settimane."
)


def build_fault_corpus(root: Path) -> dict[str, str]:
    """Good and bad inputs side by side; returns the expected outcome of each."""
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, outcome: str) -> None:
        (root / name).write_bytes(data)
        expected[name] = outcome

    put("01-good.txt", record("https://e.it/20220121/a", "Primo", BODY).encode(), "stored")
    put("02-empty.txt", b"", "quarantined:empty")
    put("03-garbage.txt", bytes(range(256)) * 40, "quarantined:binary")
    put("04-cp1252.txt", ("Perché la città è più sicura? " + BODY).encode("cp1252"), "stored")
    put(
        "05-koi8r.txt",
        (
            "Министр иностранных дел России заявил журналистам, что переговоры "
            "в Женеве прошли в конструктивной атмосфере."
        ).encode("koi8-r"),
        "stored",
    )
    put("06-huge.txt", b"parola " * (50 * 1024 * 1024 // 7), "quarantined:too_large")
    put(
        "07-no-body.txt",
        record("https://e.it/b", "Solo titolo", "Solo titolo").encode(),
        "quarantined:no_body",
    )
    lines = [
        json.dumps(
            {"url": f"https://e.it/j{i}", "title": f"Notizia {i}", "text": f"{BODY} Numero {i}."}
        )
        for i in range(3)
    ]
    put("08-feed.jsonl", ("\n".join(lines) + '\n{"url": "https://e.it/cut", "te').encode(), "")
    expected.update({f"08-feed.jsonl#L{i + 1}": "stored" for i in range(3)})
    expected["08-feed.jsonl#L4"] = "quarantined:invalid_json"
    put("09-bad-utf8.txt", b"Il ministro \xff\xfe ha detto " + BODY.encode(), "stored")
    (root / "10-unreadable.txt").symlink_to(root / "does-not-exist.txt")
    expected["10-unreadable.txt"] = "quarantined:unreadable"
    put("11-duplicate.txt", record("https://e.it/20220121/a", "Primo", BODY).encode(), "duplicate")
    del expected["08-feed.jsonl"]
    return expected


@pytest.mark.slow
def test_bad_inputs_are_quarantined_and_good_ones_stored(tmp_path: Path, store: SQLStore) -> None:
    expected = build_fault_corpus(tmp_path / "in")
    report = ingest(
        store,
        [tmp_path / "in"],
        read_options=ReadOptions(max_record_bytes=20 * 2**20),
        batch_size=3,
    )
    outcomes = list(expected.values())
    assert report.stored == outcomes.count("stored")
    assert report.duplicate == outcomes.count("duplicate")
    assert report.quarantined == sum(o.startswith("quarantined") for o in outcomes)
    assert report.records == len(expected)
    quarantined = {
        Path(r["input_ref"]).name: f"quarantined:{r['code']}" for r in store.list_quarantine()
    }
    assert quarantined == {k: v for k, v in expected.items() if v.startswith("quarantined")}
    for row in store.list_quarantine():
        assert row["reason"]  # every quarantined input says why
    assert store.stats()["documents"] == outcomes.count("stored")

    again = ingest(store, [tmp_path / "in"], read_options=ReadOptions(max_record_bytes=20 * 2**20))
    assert (again.stored, again.duplicate, again.quarantined) == (
        0,
        outcomes.count("stored") + outcomes.count("duplicate"),
        report.quarantined,
    )
    assert store.stats()["documents"] == outcomes.count("stored")
    assert len(store.list_quarantine()) == report.quarantined


def test_seed_ingest_and_rerun(store: SQLStore) -> None:
    first = ingest(store, [SEED])
    second = ingest(store, [SEED])
    assert (first.stored, first.duplicate, second.stored, second.duplicate) == (1, 0, 0, 1)
    runs = store.stats()["runs"]
    assert runs == 2


def test_progress_reports_every_input(tmp_path: Path, store: SQLStore) -> None:
    build_fault_corpus(tmp_path / "in")
    (tmp_path / "in" / "06-huge.txt").unlink()
    (tmp_path / "in" / "notes.md").write_text("not an article format")
    seen: list[str] = []
    report = ingest(store, [tmp_path / "in"], progress=lambda event, ref: seen.append(event))
    assert len(seen) == report.records + report.skipped
    assert report.skipped == 1


def test_nul_characters_are_stored_or_quarantined_never_lost(
    tmp_path: Path, store: SQLStore
) -> None:
    """SQLite keeps a text with NUL characters; PostgreSQL cannot, and quarantines it."""
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text(
        json.dumps({"url": "https://e.it/nul", "title": "Titolo\u0000", "text": BODY + "\u0000"})
        + "\n"
        + json.dumps({"url": "https://e.it/ok", "title": "Titolo", "text": BODY})
        + "\n"
    )
    report = ingest(store, [feed.parent])
    assert report.records == 2
    if store.dialect == "sqlite":
        assert (report.stored, report.quarantined) == (2, 0)
    else:
        assert (report.stored, report.quarantined) == (1, 1)
        [row] = store.list_quarantine()
        assert (row["stage"], row["code"]) == ("store", "nul_character")
        assert "PostgreSQL cannot store" in row["reason"]
