"""``newsgraph load``: import the part files of a batch job into a store, idempotently."""

from __future__ import annotations

from pathlib import Path

from newsgraph.batch.parts import part_files, read_parts, row_to_item
from newsgraph.ingest import DEFAULT_BATCH_SIZE, IngestReport, ProgressCallback, store_items
from newsgraph.store.base import Store


def load_parts(
    store: Store,
    folder: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Store the rows of the part files in ``folder`` with the accounting of an ingest
    (stored, duplicate, near-duplicate, quarantined); loading them again adds nothing."""
    files = part_files(folder)  # fail before the run starts when there is nothing to load
    return store_items(
        store,
        (row_to_item(row) for row in read_parts(folder)),
        command="load",
        run_options={"parts": str(Path(folder).absolute()), "files": len(files)},
        batch_size=batch_size,
        progress=progress,
    )
