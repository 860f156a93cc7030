"""Part files: one row per input record, as a result, a rejection or a skipped file.

A row is a JSON object with a ``kind`` (``result``, ``rejection``, ``skipped``), the
``input_ref`` and the manifest line it came from; a result carries the fact contract, the
raw input, the offset map and the near-duplicate signature, so that loading it stores
exactly what ``newsgraph ingest`` would.  Part files are JSON Lines (``part-*.txt`` /
``.jsonl``) or Parquet (``part-*.parquet``, the row in a ``data`` column next to a few
columns to query).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError, InputError, MissingDependency
from newsgraph.model import ExtractionResult, RawRecord, Rejection
from newsgraph.near_duplicates import Signature
from newsgraph.offsets import OffsetMap
from newsgraph.pipeline import PipelineOptions
from newsgraph.pool import process_record, raw_input
from newsgraph.sources import ReadOptions, Skipped, read_inputs
from newsgraph.store.base import StoreItem
from newsgraph.store.sqlite import QUARANTINE_RAW_LIMIT

Row = dict[str, Any]
#: JSON Lines part files; no ending is what RDD.saveAsTextFile writes.
JSONL_SUFFIXES = (".txt", ".jsonl", ".json")


def read_manifest(path: str | Path) -> list[str]:
    """The input paths a manifest lists, one a line (blank lines and ``#`` comments left
    out); relative paths are read from the manifest's folder."""
    manifest = Path(path)
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the manifest {manifest}: {exc.strerror or exc}") from exc
    paths = []
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if "://" in entry:
            raise ConfigError(
                f"{manifest}, line {number}: {entry!r} is a URL; newsgraph reads files, so "
                "list paths on a filesystem every executor mounts (copy or mount the bucket)"
            )
        paths.append(str((manifest.parent / entry).absolute()))
    if not paths:
        raise ConfigError(f"the manifest {manifest} lists no input paths; write one a line")
    return paths


def part_rows(
    paths: Iterable[tuple[int, str]],
    *,
    read_options: ReadOptions | None = None,
    pipeline_options: PipelineOptions | None = None,
) -> Iterator[Row]:
    """Read and process every ``(manifest index, path)``: one row per record, in order."""
    read_opts = read_options or ReadOptions()
    pipe_opts = pipeline_options or PipelineOptions()
    for index, path in paths:
        for item in read_inputs([path], options=read_opts):
            if isinstance(item, Skipped):
                row: Row = {"kind": "skipped", "input_ref": item.input_ref, "reason": item.reason}
            elif isinstance(item, Rejection):
                row = rejection_row(item)
            else:
                row = _processed_row(item, pipe_opts)
            yield {**row, "manifest_index": index}


def _processed_row(record: RawRecord, options: PipelineOptions) -> Row:
    result, signature = process_record(record, options)
    if isinstance(result, Rejection):
        return rejection_row(result)
    doc = result.document
    return {
        "kind": "result",
        "input_ref": record.input_ref,
        "raw_sha256": record.raw_sha256,
        "raw_text": raw_input(record),
        "signature": signature.hex() if signature else None,
        "offsets": doc.offsets.to_list() if doc.offsets else None,
        "result": result.to_dict(),
    }


def rejection_row(rejection: Rejection) -> Row:
    raw = rejection.raw
    keep = raw is not None and len(raw) <= QUARANTINE_RAW_LIMIT
    return {
        "kind": "rejection",
        **rejection.to_dict(),
        "raw": base64.b64encode(raw).decode("ascii") if keep and raw is not None else None,
    }


def row_to_item(row: Row) -> StoreItem | Skipped:
    """What a row stores, as ``newsgraph ingest`` would have it."""
    kind = row.get("kind")
    if kind == "skipped":
        return Skipped(row["input_ref"], row["reason"])
    if kind == "rejection":
        raw = row.get("raw")
        rejection = Rejection(
            row["input_ref"],
            row["stage"],
            row["code"],
            row["reason"],
            row.get("raw_sha256"),
            base64.b64decode(raw) if raw else None,
        )
        return StoreItem(rejection, raw_sha256=rejection.raw_sha256)
    if kind == "result":
        result = ExtractionResult.from_dict(row["result"])
        offsets = row.get("offsets")
        document = replace(
            result.document,
            input_ref=row["input_ref"],
            offsets=OffsetMap.from_list(offsets) if offsets else None,
        )
        signature = row.get("signature")
        return StoreItem(
            replace(result, document=document),
            raw_text=row.get("raw_text"),
            raw_sha256=row.get("raw_sha256"),
            signature=Signature.from_hex(signature) if signature else None,
        )
    raise InputError(f"a part row has kind {kind!r}; expected result, rejection or skipped")


def parquet_record(row: Row) -> dict[str, Any]:
    """A row as a Parquet record: a few columns to query, and the whole row in ``data``."""
    result = row.get("result") or {}
    document = result.get("document") or {}
    return {
        "kind": row["kind"],
        "input_ref": row["input_ref"],
        "manifest_index": row.get("manifest_index"),
        "doc_id": document.get("id"),
        "lang": document.get("lang"),
        "published": document.get("published"),
        "code": row.get("code"),
        "data": json.dumps(row, ensure_ascii=False),
    }


def part_files(folder: str | Path) -> list[Path]:
    """The part files of ``folder`` in part order (Spark numbers them by partition)."""
    root = Path(folder)
    if not root.is_dir():
        raise ConfigError(f"{root} is not a folder of part files; give the --out folder of the job")
    files = sorted(
        p
        for p in root.iterdir()
        if p.is_file()
        and p.name.startswith("part-")
        and (p.suffix == ".parquet" or p.suffix in JSONL_SUFFIXES or not p.suffix)
    )
    if not files:
        raise ConfigError(
            f"{root} holds no part files (part-*.txt, part-*.jsonl or part-*.parquet); "
            "did the Spark job finish? (it writes _SUCCESS when it does)"
        )
    return files


def read_parts(folder: str | Path) -> Iterator[Row]:
    """Every row of the part files of ``folder``, in order, a file at a time."""
    for path in part_files(folder):
        if path.suffix == ".parquet":
            yield from _parquet_rows(path)
            continue
        with path.open("r", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield _parse(line, path, number)


def _parse(text: str, path: Path, number: int) -> Row:
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}, line {number} is not JSON ({exc.msg}); the part file is damaged: "
            "run the job again"
        ) from exc
    if not isinstance(row, dict):
        raise InputError(f"{path}, line {number} is not a JSON object; run the job again")
    return row


def _parquet_rows(path: Path) -> Iterator[Row]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependency(
            package="pyarrow", extra="parquet", purpose="reading Parquet part files"
        ) from exc
    parquet = pq.ParquetFile(path)
    number = 0
    for batch in parquet.iter_batches(batch_size=256, columns=["data"]):
        for text in batch.column(0).to_pylist():
            number += 1
            yield _parse(text, path, number)
