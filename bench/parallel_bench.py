"""Parallel ingest benchmark: ``--workers 2`` against 1 over the same generated corpus.

    python bench/parallel_bench.py [--articles 300] [--sentences N]

Prints documents per second of each run (pool start included), their ratio, and the CPU
seconds spent by this process and by the workers, i.e. how many cores the run got: on a
shared machine the ratio is bounded by the free cores.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from ingest_bench import generate
from newsgraph import ingest, open_store


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(corpus: Path, db: Path, workers: int) -> tuple[float, int]:
    own, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    with open_store(db) as store:
        started = time.perf_counter()
        report = ingest(store, [corpus], workers=workers)
        seconds = time.perf_counter() - started
    own = cpu_seconds(resource.RUSAGE_SELF) - own
    children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
    print(
        f"--workers {workers}: {report.records:,} records in {seconds:.1f} s -> "
        f"{report.records / seconds:.1f} docs/s (CPU: this process {own:.1f} s, "
        f"workers {children:.1f} s: {(own + children) / seconds:.2f} cores of the machine)",
        flush=True,
    )
    return report.records / seconds, report.stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=None, help="per article (12-20)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-parallel-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        generate(corpus, args.articles, sentences=args.sentences)
        one, stored_one = run(corpus, work / "w1.db", 1)
        two, stored_two = run(corpus, work / "w2.db", 2)
        assert stored_one == stored_two
        print(f"ratio --workers 2 / --workers 1: {two / one:.2f}x")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
