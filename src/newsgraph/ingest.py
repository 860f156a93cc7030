"""The ingest service: read inputs, process them, store them in batches, account for all.

Every input record ends as exactly one of ``stored``, ``duplicate`` (its cleaned
text is already in the database), ``near_duplicate`` (a republished version of a
stored story: kept as one more source of it) or ``quarantined`` (with the reason).
Each batch is one transaction, so a crash loses at most the batch in flight, and
running the same ingest again adds nothing.  With ``workers`` > 1 records are
processed in a pool of processes while this one reads and writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from newsgraph.model import RawRecord, Rejection
from newsgraph.pipeline import (
    COMPONENT_VERSIONS,
    EXTRACTOR_VERSION,
    PipelineOptions,
)
from newsgraph.pool import process_items
from newsgraph.sources import DEFAULT_MAX_RECORD_BYTES, ReadOptions, Skipped, read_inputs
from newsgraph.sources.jsonl import read_jsonl
from newsgraph.store.base import Outcome, Store, StoreItem

DEFAULT_BATCH_SIZE = 100
Event = Literal["stored", "duplicate", "near_duplicate", "quarantined", "skipped"]
ProgressCallback = Callable[[Event, str], None]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did with every input."""

    run_id: int
    stored: int
    duplicate: int
    quarantined: int
    skipped: int
    seconds: float
    quarantined_by_reason: dict[str, int] = field(default_factory=dict)
    near_duplicate: int = 0

    @property
    def records(self) -> int:
        """Input records seen (skipped files are not records)."""
        return self.stored + self.duplicate + self.near_duplicate + self.quarantined

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "records": self.records}


def ingest(
    store: Store,
    inputs: Sequence[str | os.PathLike[str]],
    *,
    read_options: ReadOptions | None = None,
    pipeline_options: PipelineOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest ``inputs`` (files, folders, ``-``) into ``store`` and report the accounting.

    ``workers`` > 1 extracts in that many processes; the database ends the same.
    """
    read_opts = read_options or ReadOptions()
    return ingest_items(
        store,
        read_inputs(inputs, options=read_opts),
        run_options={
            "inputs": [str(i) for i in inputs],
            "input_format": read_opts.input_format,
        },
        pipeline_options=pipeline_options,
        batch_size=batch_size,
        workers=workers,
        progress=progress,
    )


def ingest_documents(
    store: Store,
    documents: Sequence[Mapping[str, Any]],
    *,
    pipeline_options: PipelineOptions | None = None,
) -> IngestReport:
    """Ingest documents given as fact-contract-like objects (``text``, ``url``, ``title``,
    ``published``, ``lang``), as the API receives them; each is read as a JSON Lines record."""
    lines = [json.dumps(d, ensure_ascii=False).encode("utf-8") for d in documents]
    ref = "api:" + hashlib.sha256(b"\n".join(lines)).hexdigest()[:12]
    items = read_jsonl(lines, ref=ref, path=None, max_record_bytes=DEFAULT_MAX_RECORD_BYTES)
    return ingest_items(
        store, items, run_options={"inputs": [ref]}, pipeline_options=pipeline_options
    )


def ingest_items(
    store: Store,
    items: Iterable[RawRecord | Rejection | Skipped],
    *,
    run_options: Mapping[str, Any],
    pipeline_options: PipelineOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Process and store records as they come, in batches, accounting for every one."""
    pipe_opts = pipeline_options or PipelineOptions()
    return store_items(
        store,
        process_items(items, options=pipe_opts, workers=workers),
        command="ingest",
        run_options={
            **run_options,
            "lang": pipe_opts.lang,
            "published": pipe_opts.published,
            "workers": workers,
        },
        batch_size=batch_size,
        progress=progress,
    )


def store_items(
    store: Store,
    items: Iterable[StoreItem | Skipped],
    *,
    command: str,
    run_options: Mapping[str, Any],
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Store processed items in batches (one transaction each) as one run; the accounting."""
    started = time.perf_counter()
    store.index_near_duplicates()
    run_id = store.start_run(
        command=command,
        options={**run_options, "batch_size": batch_size},
        versions={"extractor": EXTRACTOR_VERSION, **COMPONENT_VERSIONS},
    )
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    batch: list[StoreItem] = []

    def flush() -> None:
        outcomes: list[Outcome] = store.write_batch(batch, run_id=run_id)
        for item, outcome in zip(batch, outcomes, strict=True):
            counts[outcome] += 1
            if isinstance(item.result, Rejection):
                reasons[item.result.code] += 1
                ref = item.result.input_ref
            else:
                ref = item.result.document.input_ref or ""
            if progress:
                progress(outcome, ref)
        batch.clear()

    status = "failed"
    try:
        for item in items:
            if isinstance(item, Skipped):
                counts["skipped"] += 1
                if progress:
                    progress("skipped", item.input_ref)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        status = "completed"
    finally:
        store.finish_run(run_id, counts=dict(counts), status=status)
    return IngestReport(
        run_id=run_id,
        stored=counts["stored"],
        duplicate=counts["duplicate"],
        near_duplicate=counts["near_duplicate"],
        quarantined=counts["quarantined"],
        skipped=counts["skipped"],
        seconds=round(time.perf_counter() - started, 3),
        quarantined_by_reason=dict(reasons),
    )
