"""CSV: one file per fact kind in a folder (``documents.csv``, ``events.csv``, …), with the
columns of :data:`newsgraph.export.tables.TABLES`. Lists are written as JSON arrays,
booleans as ``true``/``false``, missing values as empty cells."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from newsgraph.export.output import Progress, no_progress
from newsgraph.export.tables import TABLES
from newsgraph.store import SQLStore


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(
    store: SQLStore, folder: str | Path, *, progress: Progress = no_progress
) -> dict[str, int]:
    """Write every table to ``folder`` (created if needed); the rows written per table."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in TABLES:
        with (target / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(table.column_names)
            counts[table.name] = 0
            for row in table.rows(store):
                writer.writerow([_cell(row.get(c)) for c in table.column_names])
                counts[table.name] += 1
                progress(table.name)
    return counts
