"""Exports of a newsgraph database: one module per format, each a function that takes a
store and where to write.

=========  ==============================================  ==========================
format     what                                            writes
=========  ==============================================  ==========================
jsonl      the fact contract, one document per line; or    a file or stream
           happenings, commitments, contradictions
csv        one table per fact kind (``tables.TABLES``)     a folder of ``NAME.csv``
parquet    the same tables, typed (``newsgraph[parquet]``)  a folder of ``NAME.parquet``
plover     PLOVER-style records, one per happening         a JSON file or stream
gdelt      a GDELT-like event table, one row per           a TSV file or stream
           happening
graphml    the actor network: who met or confronted whom   a GraphML file
=========  ==============================================  ==========================
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from newsgraph.errors import ConfigError
from newsgraph.export.csv_tables import write_csv
from newsgraph.export.gdelt import GDELT_COLUMNS, write_gdelt
from newsgraph.export.graphml import write_graphml
from newsgraph.export.happenings import Happening, load_happenings
from newsgraph.export.jsonl import JSONL_WHAT, JsonlWhat, write_jsonl
from newsgraph.export.output import Progress, Target, no_progress
from newsgraph.export.parquet import write_parquet
from newsgraph.export.plover import write_plover
from newsgraph.export.tables import TABLES
from newsgraph.store import SQLStore

ExportFormat = Literal["jsonl", "csv", "parquet", "plover", "gdelt", "graphml"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonl", "csv", "parquet", "plover", "gdelt", "graphml")
#: Formats that write a folder of tables rather than one file.
FOLDER_FORMATS: frozenset[ExportFormat] = frozenset({"csv", "parquet"})

__all__ = [
    "EXPORT_FORMATS",
    "FOLDER_FORMATS",
    "GDELT_COLUMNS",
    "JSONL_WHAT",
    "TABLES",
    "ExportFormat",
    "Happening",
    "JsonlWhat",
    "Progress",
    "export",
    "load_happenings",
    "write_csv",
    "write_gdelt",
    "write_graphml",
    "write_jsonl",
    "write_parquet",
    "write_plover",
]


def export(
    store: SQLStore,
    fmt: ExportFormat,
    out: Target,
    *,
    what: JsonlWhat = "documents",
    progress: Progress = no_progress,
) -> dict[str, int]:
    """Write ``store`` to ``out`` in ``fmt``; how many records of each kind were written.
    ``what`` chooses the records of the JSON Lines export. ``out`` is a path (a folder for
    csv and parquet) or, for the one-file formats, an open text stream."""
    if fmt == "jsonl":
        return {what: write_jsonl(store, out, what=what, progress=progress)}
    if fmt in FOLDER_FORMATS:
        if not isinstance(out, str | Path):
            raise ConfigError(f"the {fmt} export writes a folder of files; give its path")
        if fmt == "csv":
            return write_csv(store, out, progress=progress)
        return write_parquet(store, out, progress=progress)
    if fmt == "plover":
        return {"happenings": write_plover(store, out, progress=progress)}
    if fmt == "gdelt":
        return {"happenings": write_gdelt(store, out, progress=progress)}
    nodes, edges = write_graphml(store, out, progress=progress)
    return {"actors": nodes, "edges": edges}
