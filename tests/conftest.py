"""Shared fixtures.  Tests that read ../shared/ skip, saying so, when it is absent."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import SQLiteStore, open_store

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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "test.db") as s:
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
