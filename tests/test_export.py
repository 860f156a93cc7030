"""Exports: each format read back with a real reader (json, csv, pyarrow, networkx) and
checked against the store; the same database always gives the same bytes."""

from __future__ import annotations

import builtins
import csv
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.export import EXPORT_FORMATS, FOLDER_FORMATS, GDELT_COLUMNS, TABLES, export
from newsgraph.export.cameo import cameo_table
from newsgraph.ingest import ingest
from newsgraph.link import update_links
from newsgraph.model import PLOVER_TYPES
from newsgraph.store import SQLStore, open_store

from .conftest import BACKENDS, ROOT, fresh_pg_schema, shared_path

EXAMPLES = ROOT / "examples"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("export") / "examples.db")
        return
    with fresh_pg_schema(request.getfixturevalue("pg_database")) as url:
        yield url


@pytest.fixture(scope="module")
def db(db_url: str) -> Iterator[SQLStore]:
    with open_store(db_url) as store:
        report = ingest(store, [EXAMPLES])
        assert report.quarantined == 0 and report.stored >= 11
        update_links(store)
        yield store


@pytest.fixture(scope="module")
def out(db: SQLStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format exported once, to ``out/FORMAT`` (a folder for csv and parquet)."""
    folder = tmp_path_factory.mktemp("exported")
    for fmt in EXPORT_FORMATS:
        export(db, fmt, folder / fmt)
    return folder


def sql(store: SQLStore, query: str) -> list[Any]:
    return [tuple(r) for r in store._db.execute(query)]


def count(store: SQLStore, query: str) -> int:
    return int(sql(store, query)[0][0])


def geneva_meetings(store: SQLStore) -> list[dict[str, Any]]:
    """Blinken and Lavrov meeting in Geneva on 21 January 2022, as the store has it."""
    return [
        row
        for row in store.timeline(types=["CONSULT"], actors=["sergey-lavrov"])
        if "antony-blinken" in row["actor_ids"] and row["date"] == "2022-01-21"
    ]


def report_urls(store: SQLStore, happening: str) -> list[str]:
    found = store.explain(happening)
    assert found is not None
    return [
        url
        for (url,) in sql(
            store,
            "SELECT d.url FROM events e JOIN documents d ON d.id = e.doc_id"
            f" WHERE e.cluster_id = '{happening}'",
        )
    ]


def files(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


# -- determinism -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_exporting_twice_gives_identical_files(
    db: SQLStore, out: Path, tmp_path: Path, fmt: str
) -> None:
    export(db, fmt, tmp_path / fmt)  # type: ignore[arg-type]
    first, second = files(out / fmt), files(tmp_path / fmt)
    assert first and first == second


# -- jsonl ---------------------------------------------------------------------


def test_jsonl_is_the_fact_contract_one_document_per_line(db: SQLStore, out: Path) -> None:
    lines = (out / "jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == count(db, "SELECT COUNT(*) FROM documents")
    statuses = db.commitment_statuses()
    for line in lines:
        obj = json.loads(line)
        expected = db.load_result(obj["document"]["id"]).to_dict()
        for c in expected["commitments"]:
            c["status"] = statuses.get(c["id"], c.get("status"))
        assert obj == expected
        assert set(obj) >= {"document", "actors", "places", "events", "times", "statements"}


@pytest.mark.parametrize(
    ("what", "table"),
    [
        ("happenings", "event_clusters"),
        ("commitments", "commitments"),
        ("contradictions", "contradictions"),
    ],
)
def test_jsonl_writes_the_linked_layer(db: SQLStore, tmp_path: Path, what: str, table: str) -> None:
    path = tmp_path / f"{what}.jsonl"
    export(db, "jsonl", path, what=what)  # type: ignore[arg-type]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == count(db, f"SELECT COUNT(*) FROM {table}")
    assert len({r["id"] for r in records}) == len(records)
    if what == "commitments":
        assert {r["status"] for r in records} <= {
            "pending",
            "due",
            "overdue",
            "kept",
            "broken",
            "cancelled",
        }
        assert all(r["history"] for r in records)
    if what == "happenings":
        (meeting,) = (r for r in records if r["id"] == geneva_meetings(db)[0]["id"])
        assert {a["id"] for a in meeting["actors"]} >= {"antony-blinken", "sergey-lavrov"}


# -- csv and parquet ----------------------------------------------------------------

STORE_COUNTS = {
    "documents": "SELECT COUNT(*) FROM documents",
    "actors": "SELECT COUNT(DISTINCT actor_id) FROM mentions",
    "places": "SELECT COUNT(DISTINCT place_id) FROM place_mentions",
    "events": "SELECT COUNT(*) FROM events",
    "happenings": "SELECT COUNT(*) FROM event_clusters",
    "statements": "SELECT COUNT(*) FROM statements",
    "commitments": "SELECT COUNT(*) FROM commitments",
    "contradictions": "SELECT COUNT(*) FROM contradictions",
}


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_csv_has_one_file_per_fact_kind_with_the_store_counts(db: SQLStore, out: Path) -> None:
    assert sorted(p.name for p in (out / "csv").iterdir()) == sorted(
        f"{t.name}.csv" for t in TABLES
    )
    for table in TABLES:
        header, rows = read_csv(out / "csv" / f"{table.name}.csv")
        assert header == table.column_names
        assert len(rows) == count(db, STORE_COUNTS[table.name]), table.name
        assert len({r["id"] for r in rows}) == len(rows)


def test_csv_events_carry_their_happening_and_commitments_their_status(
    db: SQLStore, out: Path
) -> None:
    _, events = read_csv(out / "csv" / "events.csv")
    assert {r["id"]: r["cluster_id"] for r in events} == dict(
        sql(db, "SELECT id, cluster_id FROM events")
    )
    assert all(r["cameo"] for r in events)
    assert all(isinstance(json.loads(r["actors"]), list) for r in events)
    _, commitments = read_csv(out / "csv" / "commitments.csv")
    assert {r["id"]: r["status"] for r in commitments} == dict(
        sql(db, "SELECT id, status FROM commitments")
    )
    kept = [r for r in commitments if r["actor"] == "antony-blinken" and r["status"] == "kept"]
    assert kept and all(r["status_date"] == "2022-01-26" for r in kept)
    _, happenings = read_csv(out / "csv" / "happenings.csv")
    (meeting,) = (h for h in happenings if h["id"] == geneva_meetings(db)[0]["id"])
    assert set(json.loads(meeting["urls"])) == set(report_urls(db, meeting["id"]))


def test_parquet_holds_the_same_tables_typed(db: SQLStore, out: Path) -> None:
    for table in TABLES:
        pt = pq.read_table(out / "parquet" / f"{table.name}.parquet")
        assert pt.column_names == table.column_names
        assert pt.num_rows == count(db, STORE_COUNTS[table.name]), table.name
    events = pq.read_table(out / "parquet" / "events.parquet").to_pylist()
    assert all(isinstance(e["actors"], list) and isinstance(e["negated"], bool) for e in events)
    _, csv_events = read_csv(out / "csv" / "events.csv")
    assert [e["id"] for e in events] == [e["id"] for e in csv_events]


def test_parquet_without_pyarrow_says_how_to_install_it(
    db: SQLStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    result = CliRunner().invoke(
        cli, ["export", db.location, "--format", "parquet", "--out", str(tmp_path / "p")]
    )
    assert result.exit_code == 1
    assert "pip install 'newsgraph[parquet]'" in result.stderr


# -- plover ------------------------------------------------------------------------------


def test_plover_records_one_per_happening_with_sources(db: SQLStore, out: Path) -> None:
    records = json.loads((out / "plover").read_text(encoding="utf-8"))
    assert len(records) == count(db, "SELECT COUNT(*) FROM event_clusters WHERE hypothetical = 0")
    codes = set(cameo_table().codes.values()) | {
        c for modes in cameo_table().modes.values() for c in modes.values()
    }
    for r in records:
        assert r["event"] == r["event_type"] and r["event"] in PLOVER_TYPES
        assert DAY.match(r["date"]), r["date"]
        date.fromisoformat(r["date"])
        assert r["cameo"] in codes
        assert r["sources"] and len(r["sources"]) == len(r["reports"])
        for actor in r["source"] + r["target"]:
            assert set(actor) >= {"actorText", "code", "sector"}
            assert actor["code"] is None or re.fullmatch(r"[A-Z]{3}", actor["code"])
    meetings = geneva_meetings(db)
    assert meetings
    for meeting in meetings:
        (record,) = (r for r in records if r["id"] == meeting["id"])
        assert record["date"] == "2022-01-21" and record["event"] == "CONSULT"
        assert {"antony-blinken", "sergey-lavrov"} <= {a["id"] for a in record["source"]}
        assert {a["code"] for a in record["source"] if a["id"] == "sergey-lavrov"} == {"RUS"}
        assert sorted(record["sources"]) == sorted(report_urls(db, meeting["id"]))
        assert record["eventLoc"]["name"] == "Geneva"
        assert record["eventLoc"]["geonamesID"] > 0


# -- gdelt -------------------------------------------------------------------------------


def test_gdelt_table_has_gdelt_columns_valid_dates_and_cameo_codes(db: SQLStore, out: Path) -> None:
    with (out / "gdelt").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    assert tuple(header) == GDELT_COLUMNS and len(header) == 61
    assert len(body) == count(db, "SELECT COUNT(*) FROM event_clusters WHERE hypothetical = 0")
    table = cameo_table()
    by_id = {}
    for values in body:
        assert len(values) == 61
        row = dict(zip(header, values, strict=True))
        by_id[f"hx-{int(row['GLOBALEVENTID']):012x}"] = row
        day = date(int(row["SQLDATE"][:4]), int(row["SQLDATE"][4:6]), int(row["SQLDATE"][6:]))
        assert row["MonthYear"] == row["SQLDATE"][:6] and int(row["Year"]) == day.year
        assert re.fullmatch(r"\d{3,4}", row["EventCode"])
        assert row["EventBaseCode"] == row["EventCode"][:3]
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert 1 <= int(row["EventRootCode"]) <= 20
        assert int(row["QuadClass"]) == table.quad_classes[row["EventRootCode"]]
        assert int(row["NumArticles"]) <= int(row["NumMentions"])
        assert row["SOURCEURL"]
    assert set(by_id) == {
        i for (i,) in sql(db, "SELECT id FROM event_clusters WHERE hypothetical = 0")
    }
    for meeting in geneva_meetings(db):
        row = by_id[meeting["id"]]
        assert row["SQLDATE"] == "20220121" and row["EventRootCode"] == "04"
        assert {row["Actor1Name"], row["Actor2Name"]} == {"ANTONY BLINKEN", "SERGEY LAVROV"}
        assert {row["Actor1CountryCode"], row["Actor2CountryCode"]} == {"USA", "RUS"}
        assert row["SOURCEURL"] in report_urls(db, meeting["id"])
        assert int(row["NumArticles"]) == meeting["documents"]


def test_every_plover_type_has_a_cameo_code_from_plovers_crosswalk() -> None:
    """Each code of the crosswalk is one PLOVER's table gives to that type (or a marked
    exception), so GDELT users get the code PLOVER would."""
    text = shared_path("eval", "data", "plover", "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    plover_of: dict[str, set[str]] = {}
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if m:
            plover_of.setdefault(m.group(1), set()).add(m.group(2))
    crosswalk = {"163": "COERCE"}  # sanctions: CAMEO 163, which PLOVER files under COERCE
    table = cameo_table()
    assert set(table.codes) == set(PLOVER_TYPES)
    for typ in PLOVER_TYPES:
        for code in [table.codes[typ], *table.modes[typ].values()]:
            assert code in plover_of, (typ, code)
            assert typ in plover_of[code] or crosswalk.get(code) in plover_of[code], (typ, code)


# -- graphml -----------------------------------------------------------------------------


def test_graphml_is_the_actor_network_networkx_reads(db: SQLStore, out: Path) -> None:
    graph = nx.read_graphml(out / "graphml")
    network = db.network(limit=None)
    assert graph.number_of_nodes() == len(network["nodes"])
    pairs = {tuple(sorted((e["source"], e["target"]))) for e in network["edges"]}
    assert graph.number_of_edges() == len(pairs)
    lavrov = graph.nodes["sergey-lavrov"]
    assert (lavrov["name"], lavrov["type"], lavrov["country"]) == ("Sergey Lavrov", "PER", "RUS")
    edge = graph.edges["antony-blinken", "sergey-lavrov"]
    assert edge["meet"] >= 1 and edge["weight"] == edge["meet"] + edge["confront"]
    assert sum(d["meet"] + d["confront"] for *_, d in graph.edges(data=True)) == sum(
        e["count"] for e in network["edges"]
    )


# -- the command -------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def test_export_command_writes_every_format(db: SQLStore, tmp_path: Path) -> None:
    for fmt in EXPORT_FORMATS:
        target = tmp_path / fmt
        code, _, err = run(db.location, "--format", fmt, "--out", str(target))
        assert code == 0, err
        assert "wrote" in err
        assert target.is_dir() if fmt in FOLDER_FORMATS else target.is_file()


def test_export_command_to_standard_output(db: SQLStore) -> None:
    code, stdout, _ = run(
        db.location, "--format", "jsonl", "--what", "contradictions", "--out", "-"
    )
    assert code == 0
    assert len(stdout.splitlines()) == count(db, "SELECT COUNT(*) FROM contradictions")


def test_export_errors_say_how_to_fix(db: SQLStore, tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "none.db"), "--format", "csv", "--out", str(tmp_path))
    assert code == 1
    assert "create one with 'newsgraph ingest" in err
    code, _, err = run(db.location, "--format", "xml", "--out", str(tmp_path / "x"))
    assert code == 2 and "'xml' is not one of" in err
    code, _, err = run(db.location, "--format", "csv", "--out", "-")
    assert code == 1 and "give --out FOLDER" in err
    code, _, err = run(db.location, "--format", "gdelt", "--what", "happenings", "--out", "x")
    assert code == 1 and "--what goes with --format jsonl" in err
    code, _, err = run(db.location, "--format", "plover", "--out", str(tmp_path))
    assert code == 1 and "give --out FILE" in err
