"""Processing read records into store items, in this process or in a pool of worker processes.

The parent reads inputs and sends chunks of records to the workers; results come back in
input order, so the database ends exactly as with one process.  Workers never write.  A
record that makes a worker process die (a crash in a native library, the out-of-memory
killer) becomes an ``internal_error`` rejection, like any other failure on one record: the
pool is rebuilt and the rest of the run goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from newsgraph.errors import ConfigError
from newsgraph.model import ExtractionResult, RawRecord, Rejection
from newsgraph.near_duplicates import Signature, signature_of
from newsgraph.pipeline import PipelineOptions, process_safely
from newsgraph.sources import ReadItem, Skipped
from newsgraph.store.base import StoreItem

#: What turns a record into a result; a module-level function so that workers can import it.
Processor = Callable[..., ExtractionResult | Rejection]
Processed = tuple[ExtractionResult | Rejection, Signature | None]
DEFAULT_CHUNK_SIZE = 8
#: A chunk of read items, its records, and the future of their results.
_InFlight = tuple[list[ReadItem], list[RawRecord], Future[list[Processed]]]
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
CHUNKS_PER_WORKER = 3


def process_record(
    record: RawRecord, options: PipelineOptions, processor: Processor = process_safely
) -> Processed:
    """One record's result and, for a document, its near-duplicate signature."""
    result = processor(record, options=options)
    if isinstance(result, Rejection):
        return result, None
    return result, signature_of(result.document.text)


def _process_chunk(
    records: list[RawRecord], options: PipelineOptions, processor: Processor
) -> list[Processed]:
    return [process_record(r, options, processor) for r in records]


def _warm_up(options: PipelineOptions, processor: Processor) -> None:
    """Load the knowledge base and language data once per worker, before the first chunk."""
    record = RawRecord("<warm-up>", "Warm-up.", "text", "0" * 64)
    processor(record, options=options)


def _to_item(read: ReadItem, processed: Processed | None) -> StoreItem | Skipped:
    if isinstance(read, Skipped):
        return read
    if isinstance(read, Rejection):
        return StoreItem(read, raw_sha256=read.raw_sha256)
    assert processed is not None
    result, signature = processed
    return StoreItem(
        result, raw_text=raw_input(read), raw_sha256=read.raw_sha256, signature=signature
    )


def raw_input(record: RawRecord) -> str:
    """The raw input the offset map leads to: the markup of a page, else the text read."""
    return record.markup if record.markup is not None else record.text


def _failed(record: RawRecord, exc: Exception | None) -> Rejection:
    what = (
        "a newsgraph worker process died on this record (a crash or out of memory)"
        if exc is None
        else f"a newsgraph worker failed on this record ({type(exc).__name__}: {exc})"
    )
    return Rejection(
        record.input_ref,
        "extract",
        "internal_error",
        f"{what}; this is a bug - please report it with the input",
        record.raw_sha256,
        record.text.encode("utf-8"),
    )


def process_items(
    items: Iterable[ReadItem],
    *,
    options: PipelineOptions,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    processor: Processor = process_safely,
) -> Iterator[StoreItem | Skipped]:
    """Store items for ``items``, in order; ``workers`` > 1 processes records in a pool."""
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if chunk_size < 1:
        raise ConfigError(f"the chunk size must be at least 1, not {chunk_size}")
    if workers == 1:
        for read in items:
            processed = (
                process_record(read, options, processor) if isinstance(read, RawRecord) else None
            )
            yield _to_item(read, processed)
        return
    yield from _Pool(workers, options, processor).run(items, chunk_size=chunk_size)


class _Pool:
    """A process pool that survives the death of a worker."""

    def __init__(self, workers: int, options: PipelineOptions, processor: Processor) -> None:
        self.workers = workers
        self.options = options
        self.processor = processor
        # spawn: the same on every platform, no state inherited from the parent's threads,
        # and workers are this process's children (their CPU time is accounted to it).
        self.context = multiprocessing.get_context("spawn")
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self.context,
            initializer=_warm_up,
            initargs=(self.options, self.processor),
        )

    def _submit(self, records: list[RawRecord]) -> Future[list[Processed]]:
        if not records:  # a chunk of rejections and skipped files: nothing to process
            done: Future[list[Processed]] = Future()
            done.set_result([])
            return done
        try:
            return self.executor.submit(_process_chunk, records, self.options, self.processor)
        except BrokenProcessPool:
            self._restart()
            return self.executor.submit(_process_chunk, records, self.options, self.processor)

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def run(self, items: Iterable[ReadItem], *, chunk_size: int) -> Iterator[StoreItem | Skipped]:
        pending: deque[_InFlight] = deque()
        source = iter(items)
        try:
            while True:
                while len(pending) < self.workers * CHUNKS_PER_WORKER:
                    chunk = list(islice(source, chunk_size))
                    if not chunk:
                        break
                    records = [r for r in chunk if isinstance(r, RawRecord)]
                    pending.append((chunk, records, self._submit(records)))
                if not pending:
                    return
                chunk, records, future = pending.popleft()
                yield from self._finish(chunk, records, future, pending)
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _finish(
        self,
        chunk: list[ReadItem],
        records: list[RawRecord],
        future: Future[list[Processed]],
        pending: deque[_InFlight],
    ) -> Iterator[StoreItem | Skipped]:
        try:
            results = future.result()
        except BrokenProcessPool:
            self._restart()
            results = self._one_by_one(records, pending)
        except Exception:  # noqa: BLE001 - e.g. a result that cannot be sent back
            results = self._one_by_one(records, pending)
        by_record = iter(results)
        for read in chunk:
            yield _to_item(read, next(by_record) if isinstance(read, RawRecord) else None)

    def _one_by_one(self, records: list[RawRecord], pending: deque[_InFlight]) -> list[Processed]:
        """Redo a failed chunk a record at a time to find the culprit (rebuilding the pool
        when a worker died), then resubmit the chunks in flight that failed with it."""
        results: list[Processed] = []
        for record in records:
            try:
                results.extend(self._submit([record]).result())
            except BrokenProcessPool:
                results.append((_failed(record, None), None))
                self._restart()
            except Exception as exc:  # noqa: BLE001 - reported as this record's rejection
                results.append((_failed(record, exc), None))
        for i, (chunk, chunk_records, future) in enumerate(pending):
            if future.done() and (future.cancelled() or future.exception() is not None):
                pending[i] = (chunk, chunk_records, self._submit(chunk_records))
        return results
