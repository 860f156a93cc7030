"""Parquet: the CSV export's tables as typed Parquet files (needs ``newsgraph[parquet]``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.errors import MissingDependency
from newsgraph.export.output import Progress, no_progress
from newsgraph.export.tables import TABLES, ColumnType
from newsgraph.store import SQLStore


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency(
            package="pyarrow", extra="parquet", purpose="the Parquet export"
        ) from None
    return pa, pq


def write_parquet(
    store: SQLStore, folder: str | Path, *, progress: Progress = no_progress
) -> dict[str, int]:
    """Write every table to ``folder/NAME.parquet``; the rows written per table."""
    pa, pq = _pyarrow()
    types: dict[ColumnType, Any] = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in TABLES:
        schema = pa.schema([pa.field(c.name, types[c.type]) for c in table.columns])
        columns: dict[str, list[Any]] = {c: [] for c in table.column_names}
        for row in table.rows(store):
            for name in table.column_names:
                columns[name].append(row.get(name))
            progress(table.name)
        counts[table.name] = len(columns[table.column_names[0]])
        pq.write_table(pa.table(columns, schema=schema), target / f"{table.name}.parquet")
    return counts
