"""Shared fixtures.  Tests that read ../shared/ skip, saying so, when it is absent.

The ``store`` fixture (and ``db_location``, a fresh empty database) runs each test on SQLite
and on PostgreSQL.  The PostgreSQL variant needs ``NEWSGRAPH_TEST_PG``, a
``postgresql://`` URL of a server where the user may create databases; without it those
tests skip, unless ``NEWSGRAPH_REQUIRE_PG=1`` (as in CI), which makes them fail instead.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from newsgraph.store import SQLStore, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")).resolve()
SEED = ROOT / "examples" / "seed-2022-01-21-lavrov-blinken-it.txt"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared/, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the project's shared evaluation data")
    return path


def record(url: str, title: str, body: str, *, month: str = "2022-01") -> str:
    """A crawled record in the seed's format."""
    return f" date {month} {url}\n\n{title}\n\n{body}\n"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the example corpus (ingested and linked once per test session)."""
    from newsgraph.ingest import ingest
    from newsgraph.link import update_links

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with open_store(path) as store:
        report = ingest(store, [ROOT / "examples"])
        assert report.quarantined == 0 and report.stored >= 11
        update_links(store)
    return path


BACKENDS = ("sqlite", "postgresql")


def _with_database(url: str, name: str, *, schema: str | None = None) -> str:
    """``url`` naming database ``name`` (and, with ``schema``, searching that schema)."""
    parts = urlsplit(url)
    query = parts.query
    if schema:
        query = "&".join(q for q in (query, f"options=-csearch_path%3D{schema}") if q)
    return urlunsplit(parts._replace(path=f"/{name}", query=query))


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of this test session's own on the ``NEWSGRAPH_TEST_PG`` server (dropped
    at the end); tests get a fresh schema in it."""
    url = os.environ.get("NEWSGRAPH_TEST_PG", "")
    if not url.startswith(("postgresql://", "postgres://")):
        why = (
            "PostgreSQL tests need a server: set NEWSGRAPH_TEST_PG="
            "postgresql://USER@HOST:PORT/DB (a user that may create databases)"
        )
        if os.environ.get("NEWSGRAPH_REQUIRE_PG") == "1":
            pytest.fail(f"NEWSGRAPH_REQUIRE_PG=1 but {why}", pytrace=False)
        pytest.skip(why)
    import psycopg

    name = f"newsgraph_test_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    session_url = _with_database(url, name)
    # shared by every test schema, as it would be by every database of a server; without it
    # search does not fold accents (what the migration falls back to)
    with psycopg.connect(session_url, autocommit=True) as db, suppress(psycopg.Error):
        db.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    try:
        yield session_url
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_pg_schema(session_url: str) -> Iterator[str]:
    """A URL whose connections see only a new, empty schema (dropped afterwards)."""
    import psycopg

    schema = f"t_{secrets.token_hex(6)}"
    name = urlsplit(session_url).path.lstrip("/")
    with psycopg.connect(session_url, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_database(session_url, name, schema=schema)
    finally:
        with psycopg.connect(session_url, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new, empty database is: a file path (SQLite) or a URL (PostgreSQL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with fresh_pg_schema(request.getfixturevalue("pg_database")) as url:
        yield url


@pytest.fixture
def pg_location(pg_database: str) -> Iterator[str]:
    """A URL of a new, empty PostgreSQL database (a schema of its own)."""
    with fresh_pg_schema(pg_database) as url:
        yield url


@pytest.fixture(scope="session")
def examples_pg(pg_database: str) -> Iterator[str]:
    """The example corpus ingested and linked into PostgreSQL (once per test session)."""
    from newsgraph.ingest import ingest
    from newsgraph.link import update_links

    with fresh_pg_schema(pg_database) as url:
        with open_store(url) as store:
            report = ingest(store, [ROOT / "examples"])
            assert report.quarantined == 0 and report.stored >= 11
            update_links(store)
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def examples_location(request: pytest.FixtureRequest) -> str:
    """The example corpus, linked, on each backend (read-only: tests share it)."""
    name = "examples_db" if request.param == "sqlite" else "examples_pg"
    return str(request.getfixturevalue(name))


@pytest.fixture
def store(db_location: str) -> Iterator[SQLStore]:
    with open_store(db_location) as s:
        yield s


# Tests never touch the user's own knowledge-base files.
os.environ.setdefault("NEWSGRAPH_KB_DIR", str(ROOT / ".pytest_cache" / "user-kb"))


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn on a free loopback port; its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.1)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


#: Tables compared between two ways of ingesting the same inputs, without the columns that
#: name a run or a time.
COMPARED_TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("rowid", "run_id", "ingested_at"),
    "document_sources": ("run_id", "first_seen"),
    "sentences": (),
    "actors": (),
    "mentions": (),
    "places": (),
    "place_mentions": (),
    "times": (),
    "events": ("run_id",),
    "event_participants": (),
    "statements": ("run_id",),
    "commitments": ("run_id",),
    "evidence": (),
    "quarantine": ("id", "run_id", "first_seen", "last_seen"),
    "near_duplicate_signatures": (),
    "near_duplicate_bands": (),
}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every compared table of ``db``."""
    with open_store(db) as s:
        return {t: s.table_rows(t, exclude=cols) for t, cols in COMPARED_TABLES.items()}


WIRE_STORY = (
    "Diplomats from both countries met in Geneva on Tuesday to discuss a possible ceasefire "
    "along the disputed border, according to officials familiar with the talks. The meeting, "
    "which lasted nearly four hours, was the first direct contact between the two delegations "
    "since the fighting resumed in March. The foreign minister said after the session that the "
    "two sides had agreed to meet again next week and to exchange written proposals on the "
    "withdrawal of heavy weapons. Observers from the United Nations attended the talks and "
    "described the atmosphere as tense but constructive. Aid agencies have warned that more "
    "than two hundred thousand people have fled their homes since the spring and that food "
    "supplies in the border towns are running low."
)


def mixed_corpus(root: Path) -> Path:
    """Good, bad, duplicate and near-duplicate inputs: text records and a JSON Lines file."""
    import json

    root.mkdir(parents=True, exist_ok=True)
    body = (
        "Il ministro degli Esteri ha incontrato a Ginevra il suo omologo per discutere "
        "della crisi e delle garanzie di sicurezza proposte nelle scorse settimane."
    )
    (root / "01-good.txt").write_text(record("https://e.it/20220121/a", "Primo", body))
    (root / "02-empty.txt").write_bytes(b"")
    (root / "03-garbage.txt").write_bytes(bytes(range(256)) * 40)
    (root / "04-wire.txt").write_text(record("https://a.example/wire", "Talks", WIRE_STORY))
    (root / "05-duplicate.txt").write_text(record("https://e.it/20220121/a", "Primo", body))
    republished = "From our correspondent in Geneva. " + WIRE_STORY + " Read more on our site."
    (root / "06-republished.txt").write_text(
        record("https://b.example/story", "Talks", republished)
    )
    lines = [
        json.dumps({"url": f"https://e.it/j{i}", "title": f"Notizia {i}", "text": f"{body} {i}."})
        for i in range(3)
    ]
    (root / "07-feed.jsonl").write_text("\n".join(lines) + '\n{"url": "https://e.it/cut", "te')
    (root / "08-notes.md").write_text("not an article format")
    return root
