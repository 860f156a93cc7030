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


def build_web_corpus(root: Path) -> None:
    """HTML pages, WARC archives and feeds side by side, good and bad (see the counts below)."""
    from .web_inputs import (
        PARAGRAPHS_EN,
        PARAGRAPHS_IT,
        article_html,
        gzip_bomb_member,
        rss_feed,
        write_warc,
    )

    root.mkdir(parents=True, exist_ok=True)
    page = article_html("Geneva talks").encode()
    (root / "01-page.html").write_bytes(page)  # stored
    broken = article_html("Ginevra", PARAGRAPHS_IT, lang="it").replace("</p>", "")
    (root / "02-broken.htm").write_text(broken[:-30])  # stored
    (root / "03-empty.html").write_text("<html><body><nav>Home</nav></body></html>")  # no_body
    # request, response (= 01: duplicate), request, response (stored), metadata, 404, image
    other = article_html("Ginevra, oggi", PARAGRAPHS_IT, lang="it").encode()
    write_warc(
        root / "04-crawl.warc.gz",
        [("https://example.org/a", page), ("https://example.it/b", other)],
        gzip=True,
    )
    write_warc(
        root / "05-cut.warc",
        [("https://example.org/c", article_html("Talks resume").encode()),
         ("https://example.org/d", article_html("Talks end").encode())],
        gzip=False, extras=False,
    )  # fmt: skip
    cut = (root / "05-cut.warc").read_bytes()
    (root / "05-cut.warc").write_bytes(cut[: len(cut) - 300])  # stored + damaged_archive
    items = [(f"Story {i}", f"https://example.org/s{i}", f"<p>{p}</p>") for i, p in
             enumerate(PARAGRAPHS_EN)]  # fmt: skip
    (root / "06-news.rss").write_bytes(rss_feed(items))  # 3 stored
    (root / "07-cut.xml").write_bytes(rss_feed(items, broken=True))  # 2 duplicates of 06
    (root / "08-bad.rss").write_bytes(b"<?xml version='1.0'?><rss><chan")  # bad_feed
    (root / "09-bomb.warc.gz").write_bytes(gzip_bomb_member(8 * 2**20))  # too_large


@pytest.mark.slow
def test_web_formats_are_accounted_for_and_reruns_add_nothing(
    tmp_path: Path, store: SQLStore
) -> None:
    build_web_corpus(tmp_path / "in")
    options = ReadOptions(max_record_bytes=2**20)
    report = ingest(store, [tmp_path / "in"], read_options=options, batch_size=4)
    counts = (report.stored, report.duplicate, report.near_duplicate, report.quarantined)
    assert (*counts, report.skipped) == (
        5,  # 01, 02, 06 x3
        3,  # 04 (en) = 01; 07's two whole items = 06's first two
        2,  # 04 (it): 02's story under another title; 05 (the record before the cut): 01's
        5,  # 03 no_body, 05 damaged_archive, 07 (the cut item) no_body, 08 bad_feed, 09 too_large
        7,  # 04: two requests, metadata, 404, image; 05: two requests
    )
    quarantined = sorted(
        (Path(r["input_ref"].split("#")[0]).name, r["code"]) for r in store.list_quarantine()
    )
    assert quarantined == [
        ("03-empty.html", "no_body"),
        ("05-cut.warc", "damaged_archive"),
        ("07-cut.xml", "no_body"),
        ("08-bad.rss", "bad_feed"),
        ("09-bomb.warc.gz", "too_large"),
    ]
    again = ingest(store, [tmp_path / "in"], read_options=options)
    again_counts = (again.stored, again.duplicate, again.near_duplicate, again.quarantined)
    assert (*again_counts, again.skipped) == (
        0,
        report.stored + report.duplicate,
        report.near_duplicate,
        report.quarantined,
        report.skipped,
    )
    assert store.stats()["documents"] == report.stored
    assert len(store.list_quarantine()) == report.quarantined


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
