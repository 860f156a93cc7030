"""A crash mid-ingest loses nothing: SIGKILL a real ingest, run it again, compare databases
(on SQLite and on PostgreSQL)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from newsgraph.store import is_url, open_store

from .conftest import BACKENDS, fresh_pg_schema

N_ARTICLES = 1500
VOLATILE = {
    "documents": ("run_id", "ingested_at", "rowid"),
    "document_sources": ("run_id", "first_seen"),
    "sentences": (),
    "quarantine": ("id", "run_id", "first_seen", "last_seen"),
}


def write_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_ARTICLES):
            text = (
                f"Il ministro numero {i} ha incontrato a Ginevra il collega {i * 7}. "
                f"Le delegazioni hanno discusso per {i % 90 + 10} minuti delle garanzie di "
                "sicurezza e della crisi nella regione."
            )
            out.write(
                json.dumps(
                    {"url": f"https://example.it/{i}", "title": f"Notizia {i}", "text": text}
                )
                + "\n"
            )
            if i % 500 == 250:
                out.write('{"broken": \n')


@pytest.fixture(params=BACKENDS)
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two new, empty databases of one backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "reference.db"), str(tmp_path / "crashed.db")
        return
    session = request.getfixturevalue("pg_database")
    with ExitStack() as stack:
        yield (
            stack.enter_context(fresh_pg_schema(session)),
            stack.enter_context(fresh_pg_schema(session)),
        )


def run_ingest(db: str, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph.cli.main",
            "ingest",
            str(db),
            str(corpus),
            "--batch-size",
            "25",
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def documents_in(db: str) -> int:
    if is_url(db):
        import psycopg

        try:
            with psycopg.connect(db, connect_timeout=5) as pg:
                row = pg.execute("SELECT COUNT(*) FROM documents").fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error:
            return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def snapshot(db: str) -> dict[str, list[tuple[object, ...]]]:
    with open_store(db) as store:
        return {t: store.table_rows(t, exclude=cols) for t, cols in VOLATILE.items()}


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_gives_the_same_database(
    tmp_path: Path, two_databases: tuple[str, str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)

    reference, crashed = two_databases
    done = run_ingest(reference, corpus)
    assert done.wait(timeout=600) == 0, done.stderr.read() if done.stderr else ""

    proc = run_ingest(crashed, corpus)
    deadline = time.monotonic() + 300
    while documents_in(crashed) < 100 and time.monotonic() < deadline:
        assert proc.poll() is None, "ingest finished before it could be killed"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = documents_in(crashed)
    assert 100 <= partial < N_ARTICLES, f"killed with {partial} documents stored"

    rerun = run_ingest(crashed, corpus)
    out, errors = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, errors
    report = json.loads(out)
    assert report["duplicate"] >= 100
    assert report["records"] == N_ARTICLES + 3

    assert snapshot(crashed) == snapshot(reference)
