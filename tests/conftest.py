"""Shared fixtures.  Tests that read ../shared/ skip, saying so, when it is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "test.db") as s:
        yield s


# Tests never touch the user's own knowledge-base files.
os.environ.setdefault("NEWSGRAPH_KB_DIR", str(ROOT / ".pytest_cache" / "user-kb"))
