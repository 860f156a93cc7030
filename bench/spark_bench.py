"""Spark benchmark: the batch job on ``local[2]`` against ``local[1]``, same manifest.

    python bench/spark_bench.py [--articles 300] [--paths 12] [--sentences N]

Generates a corpus in ``--paths`` folders (the manifest lists the folders), starts Spark
once to warm the JVM, then times the job (session start, processing, writing JSON Lines
parts) on one core and on two.  Needs pyspark and Java 17; set PYSPARK_PYTHON to this venv's
python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ingest_bench import generate
from newsgraph.batch import read_manifest
from newsgraph.batch.spark import run_job


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--paths", type=int, default=12)
    parser.add_argument("--sentences", type=int, default=None, help="per article (12-20)")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-spark-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        per_folder = -(-args.articles // args.paths)
        generate(corpus, args.articles, sentences=args.sentences, per_folder=per_folder)
        manifest = work / "manifest.txt"
        manifest.write_text("\n".join(f"corpus/{p.name}" for p in sorted(corpus.iterdir())))
        paths = read_manifest(manifest)
        run_job(paths[:1], out=str(work / "warm"), master="local[1]")  # JVM up, caches warm
        rates = {}
        for master in ("local[1]", "local[2]"):
            started = time.perf_counter()
            run_job(paths, out=str(work / master), master=master, partitions=args.paths)
            seconds = time.perf_counter() - started
            rates[master] = args.articles / seconds
            print(
                f"{master}: {args.articles:,} articles in {seconds:.1f} s -> "
                f"{rates[master]:.1f} docs/s",
                flush=True,
            )
        print(f"ratio local[2] / local[1]: {rates['local[2]'] / rates['local[1]']:.2f}x")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
