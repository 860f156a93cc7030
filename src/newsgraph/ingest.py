"""The ingest service: read inputs, process them, store them in batches, account for all.

Every input record ends as exactly one of ``stored``, ``duplicate`` (its cleaned
text is already in the database) or ``quarantined`` (with the reason).  Each
batch is one transaction, so a crash loses at most the batch in flight, and
running the same ingest again adds nothing.
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
    process_safely,
)
from newsgraph.sources import DEFAULT_MAX_RECORD_BYTES, ReadOptions, Skipped, read_inputs
from newsgraph.sources.jsonl import read_jsonl
from newsgraph.store.base import Outcome, Store, StoreItem

DEFAULT_BATCH_SIZE = 100
Event = Literal["stored", "duplicate", "quarantined", "skipped"]
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

    @property
    def records(self) -> int:
        """Input records seen (skipped files are not records)."""
        return self.stored + self.duplicate + self.quarantined

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "records": self.records}


def _safe_process(record: RawRecord, options: PipelineOptions) -> StoreItem:
    result = process_safely(record, options=options)
    # the raw input the offset map leads to: the markup of a page, else the text read
    raw = record.markup if record.markup is not None else record.text
    return StoreItem(result, raw_text=raw, raw_sha256=record.raw_sha256)


def ingest(
    store: Store,
    inputs: Sequence[str | os.PathLike[str]],
    *,
    read_options: ReadOptions | None = None,
    pipeline_options: PipelineOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest ``inputs`` (files, folders, ``-``) into ``store`` and report the accounting."""
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
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Process and store records as they come, in batches, accounting for every one."""
    pipe_opts = pipeline_options or PipelineOptions()
    started = time.perf_counter()
    run_id = store.start_run(
        command="ingest",
        options={
            **run_options,
            "lang": pipe_opts.lang,
            "published": pipe_opts.published,
            "batch_size": batch_size,
        },
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
            if isinstance(item, Rejection):
                batch.append(StoreItem(item, raw_sha256=item.raw_sha256))
            else:
                batch.append(_safe_process(item, pipe_opts))
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
        quarantined=counts["quarantined"],
        skipped=counts["skipped"],
        seconds=round(time.perf_counter() - started, 3),
        quarantined_by_reason=dict(reasons),
    )
