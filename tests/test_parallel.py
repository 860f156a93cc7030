"""Parallel ingest: the same database with one worker or two, and a dying worker is one
quarantined record, not a hung or failed run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.model import ExtractionResult, RawRecord, Rejection
from newsgraph.pipeline import PipelineOptions, process_safely
from newsgraph.pool import process_items
from newsgraph.sources import Skipped, read_inputs
from newsgraph.store import open_store
from newsgraph.store.base import StoreItem

from .conftest import mixed_corpus, record, snapshot

CRASH_MARKER = "CRASH-THE-WORKER"
RAISE_MARKER = "RAISE-IN-THE-WORKER"


def crash_on_marker(
    record: RawRecord, *, options: PipelineOptions | None = None
) -> ExtractionResult | Rejection:
    """A processor whose worker process dies on one record (as a segfault would) and raises
    on another (as an unexpected error outside process_safely would)."""
    if CRASH_MARKER in record.text:
        os._exit(3)
    if RAISE_MARKER in record.text:
        raise RuntimeError("boom")
    return process_safely(record, options=options)


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "in")
    reports = {}
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            reports[workers] = ingest(store, [corpus], workers=workers, batch_size=2)
    one, two = reports[1], reports[2]
    assert (one.stored, one.duplicate, one.near_duplicate, one.quarantined, one.skipped) == (
        5,
        1,
        1,
        3,
        1,
    )
    assert (two.stored, two.duplicate, two.near_duplicate, two.quarantined, two.skipped) == (
        one.stored,
        one.duplicate,
        one.near_duplicate,
        one.quarantined,
        one.skipped,
    )
    assert snapshot(tmp_path / "w1.db") == snapshot(tmp_path / "w2.db")


@pytest.mark.slow
def test_a_worker_that_dies_quarantines_its_record_and_the_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(6):
        body = f"Il ministro ha incontrato a Ginevra il collega numero {i} per discutere."
        if i == 2:
            body += f" {CRASH_MARKER}"
        if i == 5:
            body += f" {RAISE_MARKER}"
        (root / f"{i:02d}.txt").write_text(record(f"https://e.it/{i}", f"Notizia {i}", body))
    items = list(
        process_items(
            read_inputs([root]),
            options=PipelineOptions(),
            workers=2,
            chunk_size=2,
            processor=crash_on_marker,
        )
    )
    assert not any(isinstance(i, Skipped) for i in items)
    results = [i.result for i in items if isinstance(i, StoreItem)]
    assert [Path(r.input_ref if isinstance(r, Rejection) else r.document.input_ref or "").name
            for r in results] == [f"{i:02d}.txt" for i in range(6)]  # fmt: skip
    crashed = results[2]
    assert isinstance(crashed, Rejection)
    assert (crashed.stage, crashed.code) == ("extract", "internal_error")
    assert "worker process died" in crashed.reason
    raised = results[5]
    assert isinstance(raised, Rejection) and raised.code == "internal_error"
    assert "RuntimeError: boom" in raised.reason
    assert all(isinstance(r, ExtractionResult) for i, r in enumerate(results) if i not in (2, 5))


def test_workers_must_be_positive() -> None:
    from newsgraph.errors import ConfigError

    with pytest.raises(ConfigError, match="--workers must be at least 1"):
        list(process_items([], options=PipelineOptions(), workers=0))
