"""The linking layer: happenings across articles, commitment tracking, contradictions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.link import EventLinker, EventRecord, update_links
from newsgraph.link.records import day_range
from newsgraph.store import SQLStore, open_store

from .conftest import record


def day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def report(
    ev: str,
    doc: str,
    *,
    typ: str = "CONSULT",
    actors: tuple[str, ...] = ("antony-blinken", "sergey-lavrov"),
    countries: tuple[str, ...] = ("USA", "RUS"),
    stated: str | None = None,
    reported: str = "2022-01-21",
    place: str | None = "geonames:2660646",
) -> EventRecord:
    return EventRecord(
        id=ev,
        doc_id=doc,
        type=typ,
        actors=frozenset(actors),
        recipients=frozenset(),
        countries=frozenset(countries),
        days=day_range(stated) if stated else None,
        reported=day(reported),
        place=place,
        place_country="CHE" if place else None,
    )


# -- merging, without a database -------------------------------------------------------


def test_reports_of_one_meeting_in_different_articles_are_one_happening() -> None:
    linker = EventLinker()
    a = linker.add(report("e1", "d1", stated="2022-01-21"))
    b = linker.add(report("e2", "d2"))  # undated, published that day: the same meeting
    c = linker.add(report("e3", "d3", reported="2022-01-23"))  # two days later, still it
    assert a == b == c
    cluster = linker.clusters[a]
    assert cluster.documents == {"d1", "d2", "d3"}
    assert cluster.first_reported == day("2022-01-21")
    assert linker.matches["e2"].shared == ("antony-blinken", "sergey-lavrov")


def test_states_of_the_participants_match_names_of_their_people() -> None:
    linker = EventLinker()
    a = linker.add(report("e1", "d1", stated="2022-01-21"))
    b = linker.add(report("e2", "d2", actors=("RUS", "USA"), stated="2022-01-21"))
    assert a == b


@pytest.mark.parametrize(
    "other",
    [
        report("e2", "d2", stated="2022-01-10"),  # another day
        report("e2", "d2", reported="2022-02-03"),  # undated and much later
        report("e2", "d2", place="geonames:2761369"),  # Vienna, not Geneva
        report("e2", "d2", typ="ACCUSE"),  # another kind of event
        report("e2", "d2", actors=("olaf-scholz",), countries=("DEU",)),  # other people
        report("e2", "d1"),  # the same article: its extractor told the two apart
    ],
)
def test_different_happenings_stay_apart(other: EventRecord) -> None:
    linker = EventLinker()
    a = linker.add(report("e1", "d1", stated="2022-01-21"))
    assert linker.add(other) != a


def test_an_unresolved_place_neither_joins_nor_separates() -> None:
    linker = EventLinker()
    a = linker.add(report("e1", "d1", stated="2022-01-21"))
    assert linker.add(report("e2", "d2", place="loc:geneva")) == a


def test_linking_is_incremental() -> None:
    first = EventLinker()
    cid = first.add(report("e1", "d1", stated="2022-01-21"))
    later = EventLinker()
    later.load(first.clusters.values())
    assert later.add(report("e2", "d2")) == cid
    assert later.clusters[cid].dirty


# -- over a database ---------------------------------------------------------------------

GENEVA_IT = record(
    "https://example.org/it/2022/01/21/ginevra",
    "Lavrov e Blinken a Ginevra",
    "Il ministro degli Esteri russo Sergey Lavrov e il segretario di Stato americano Antony "
    "Blinken si sono incontrati venerdì a Ginevra. Lavrov ha ribadito che la Russia non ha "
    "alcuna intenzione di attaccare l'Ucraina. Blinken ha promesso una risposta scritta alle "
    "proposte russe la prossima settimana.",
)
GENEVA_EN = record(
    "https://example.org/en/2022/01/21/geneva",
    "Blinken and Lavrov meet in Geneva",
    "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva "
    "on Friday. The talks lasted about ninety minutes.",
)
RESPONSE_EN = record(
    "https://example.org/en/2022/01/26/response",
    "US delivers written response",
    "The United States on Wednesday delivered its written response to Russia's proposals, "
    "officials said.",
)
INVASION_EN = record(
    "https://example.org/en/2022/02/24/invasion",
    "Russia attacks Ukraine",
    "Russia attacked Ukraine on Thursday, striking cities across the country.",
    month="2022-02",
)


def ingest_texts(store: SQLStore, folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest(store, [folder])


def test_the_story_across_articles(store: SQLStore, tmp_path: Path) -> None:
    ingest_texts(
        store,
        tmp_path / "in",
        {"a.txt": GENEVA_IT, "b.txt": GENEVA_EN, "c.txt": RESPONSE_EN, "d.txt": INVASION_EN},
    )
    report = update_links(store)
    assert report.as_of == "2022-02-24"

    meetings = store.timeline(types=["CONSULT"], actors=["sergey-lavrov"])
    assert len(meetings) == 1, meetings
    assert meetings[0]["documents"] == 2 and set(meetings[0]["langs"]) == {"en", "it"}
    assert meetings[0]["date"] == "2022-01-21"

    (promise,) = [c for c in store.list_commitments() if c["actor"] == "Antony Blinken"]
    assert promise["status"] == "kept" and promise["since"] == "2022-01-26"
    history = store.explain(promise["id"])
    assert history is not None
    assert [h["status"] for h in history["history"]] == ["pending", "due", "kept"]
    kept = history["history"][-1]
    assert "deliver" in kept["text"] and kept["reason"]["similarity"] >= 0.75

    (denial,) = store.list_contradictions()
    assert denial["said"] == "2022-01-21" and denial["then"] == "2022-02-24"
    assert denial["days"] == 34 and "attacked Ukraine" in denial["against"]

    # linking again adds nothing; a rebuild gives the same happenings
    again = update_links(store)
    assert again.events_linked == 0 and again.clusters == report.clusters
    before = store.table_rows("event_clusters")
    update_links(store, rebuild=True)
    assert store.table_rows("event_clusters") == before


def test_a_later_article_joins_the_happening_incrementally(store: SQLStore, tmp_path: Path) -> None:
    ingest_texts(store, tmp_path / "one", {"a.txt": GENEVA_IT})
    update_links(store)
    (meeting,) = store.timeline(types=["CONSULT"])
    ingest_texts(store, tmp_path / "two", {"b.txt": GENEVA_EN})
    report = update_links(store)
    assert report.events_linked >= 1 and report.merged >= 1
    (joined,) = store.timeline(types=["CONSULT"])
    assert joined["id"] == meeting["id"] and joined["documents"] == 2
    chain = store.explain(meeting["id"])
    assert chain is not None and len(chain["reports"]) == 2
    assert any(r["joined_because"].get("shared") for r in chain["reports"])


def test_an_unkept_promise_becomes_overdue(store: SQLStore, tmp_path: Path) -> None:
    ingest_texts(store, tmp_path / "in", {"a.txt": GENEVA_IT, "d.txt": INVASION_EN})
    update_links(store)
    (promise,) = store.list_commitments()
    assert promise["status"] == "overdue" and promise["since"] == "2022-01-31"
    update_links(store, as_of="2022-01-25")
    (promise,) = store.list_commitments()
    assert promise["status"] == "due" and promise["since"] == "2022-01-24"


def test_links_survive_reopening(tmp_path: Path, db_location: str) -> None:
    path = db_location
    with open_store(path) as store:
        ingest_texts(store, tmp_path / "in", {"a.txt": GENEVA_IT, "b.txt": GENEVA_EN})
        update_links(store)
    with open_store(path) as store:
        (meeting,) = store.timeline(types=["CONSULT"])
        data = store.explain(meeting["id"])
    assert data is not None and json.dumps(data)
