"""The Spark job: process a manifest of input paths into part files, never touching a database.

    spark-submit src/newsgraph/batch/spark.py --manifest PATHS.txt --out PARTS/ \\
        [--format jsonl|parquet] [--partitions N] [--overwrite]

Each partition reads its paths with the same readers as ``newsgraph ingest`` (any format
they know) and runs the same :func:`~newsgraph.pipeline.process_document` over every record
(``mapPartitions``; a Python worker loads the knowledge base once and is reused).  Every
record becomes one row of the part files, a result or a rejection (``kind``), in manifest
order.  Then ``newsgraph load DB PARTS/`` stores them and links.  The README says how to run
it on a cluster (``--py-files`` / ``--archives``, ``PYSPARK_PYTHON``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, Literal

from newsgraph.batch.parts import parquet_record, part_rows, read_manifest
from newsgraph.errors import ConfigError, MissingDependency, NewsgraphError
from newsgraph.pipeline import PipelineOptions
from newsgraph.sources import INPUT_FORMATS, ReadOptions

PartFormat = Literal["jsonl", "parquet"]
#: Partitions per core by default: small enough tasks to balance uneven paths.
PARTITIONS_PER_CORE = 4


def run_job(
    paths: Sequence[str],
    *,
    out: str,
    fmt: PartFormat = "jsonl",
    read_options: ReadOptions | None = None,
    pipeline_options: PipelineOptions | None = None,
    partitions: int | None = None,
    overwrite: bool = False,
    master: str | None = None,
) -> None:
    """Process ``paths`` on Spark and write the part files to ``out``."""
    session = _session_builder()
    if "://" not in out and Path(out).exists() and not overwrite:
        raise ConfigError(f"{out} already exists; remove it or pass --overwrite")
    builder = session.builder.appName("newsgraph")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        slices = partitions or min(len(paths), sc.defaultParallelism * PARTITIONS_PER_CORE)
        process = partial(part_rows, read_options=read_options, pipeline_options=pipeline_options)
        rows = sc.parallelize(list(enumerate(paths, start=1)), max(slices, 1)).mapPartitions(
            process
        )
        mode = "overwrite" if overwrite else "errorifexists"
        if fmt == "parquet":
            frame = spark.createDataFrame(rows.map(parquet_record), schema=_PARQUET_SCHEMA)
            frame.write.mode(mode).parquet(out)
        else:
            lines = rows.map(lambda row: (json.dumps(row, ensure_ascii=False),))
            spark.createDataFrame(lines, schema="value string").write.mode(mode).text(out)
    finally:
        spark.stop()


_PARQUET_SCHEMA = (
    "kind string, input_ref string, manifest_index long, doc_id string, lang string,"
    " published string, code string, data string"
)


def _session_builder() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MissingDependency(
            package="pyspark", extra="spark", purpose="the Spark batch job"
        ) from exc
    return SparkSession


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spark-submit src/newsgraph/batch/spark.py",
        description="Extract the facts of every input a manifest lists into part files "
        "(results and rejections); load them with 'newsgraph load DB PARTS/'.",
    )
    parser.add_argument("--manifest", required=True, help="a file of input paths, one a line")
    parser.add_argument("--out", required=True, help="the folder to write part files to")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    parser.add_argument("--partitions", type=int, default=None, help="default: 4 per core")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing --out")
    parser.add_argument("--master", default=None, help="e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto")
    parser.add_argument("--lang", default=None, help="force the language")
    parser.add_argument("--published", default=None, help="force the date (YYYY-MM-DD)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        paths = read_manifest(args.manifest)
        run_job(
            paths,
            out=args.out,
            fmt=args.format,
            read_options=ReadOptions(input_format=args.input_format),
            pipeline_options=PipelineOptions(lang=args.lang, published=args.published),
            partitions=args.partitions,
            overwrite=args.overwrite,
            master=args.master,
        )
    except NewsgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(
        f"wrote part files for {len(paths)} input path(s) to {args.out}; "
        f"store them with: newsgraph load DB {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
