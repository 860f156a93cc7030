"""Ingest benchmark: generate a synthetic corpus, ingest it into SQLite, print the figures.

    python bench/ingest_bench.py [--articles 10000] [--batch-size 100] [--workers N]
                                 [--sentences N] [--memory-at 10000,50000,100000] [--keep DIR]

Prints documents per second and the peak resident memory of the process (and,
with --memory-at, of this process and its workers at those record counts, to
show it stays flat).  The corpus is crawled records (one file per article,
Italian and English, about 250 words each, or --sentences per article),
generated with a fixed seed so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from newsgraph import ingest, open_store
from newsgraph.store import SQLiteStore
from synthetic import PEOPLE

PLACES = ["Ginevra", "Bruxelles", "Vienna", "Mosca", "Kiev", "Washington", "Parigi", "Berlino"]
IT = [
    "Il ministro {p} ha incontrato {q} a {c} per discutere della crisi.",
    "Secondo fonti diplomatiche, i colloqui sono durati {n} minuti.",
    "{p} ha affermato che non ci sono garanzie di un accordo entro {n} giorni.",
    "La delegazione ha promesso una risposta scritta la prossima settimana.",
    "Il vertice di {c} è stato definito franco e costruttivo da entrambe le parti.",
    "Le sanzioni annunciate ieri riguardano {n} società e banche.",
]
EN = [
    "Foreign Minister {p} met {q} in {c} to discuss the crisis.",
    "According to diplomatic sources, the talks lasted {n} minutes.",
    "{p} said there were no guarantees of an agreement within {n} days.",
    "The delegation promised a written response next week.",
    "Both sides called the {c} summit frank and constructive.",
    "The sanctions announced yesterday target {n} companies and banks.",
]


def article(i: int, rng: random.Random, *, sentences_per_article: int | None = None) -> str:
    lang_templates, month = (IT, "gennaio") if i % 2 else (EN, "January")
    sentences = []
    for _ in range(sentences_per_article or rng.randint(12, 20)):
        template = rng.choice(lang_templates)
        p, q = rng.sample(PEOPLE, 2)
        sentences.append(template.format(p=p, q=q, c=rng.choice(PLACES), n=rng.randint(2, 999)))
    paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
    day = 1 + i % 28
    title = f"{rng.choice(PEOPLE)} a {rng.choice(PLACES)} ({i})"
    url = f"https://news.example.org/2022/01/{day:02d}/story-{i}.html"
    date_line = f"{day} {month} 2022"
    return f" date 2022-01 {url}\n\n{title}\n\n{date_line}\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, n: int, *, sentences: int | None = None, per_folder: int = 1000) -> int:
    rng = random.Random(20220121)
    total = 0
    for i in range(n):
        data = article(i, rng, sentences_per_article=sentences).encode("utf-8")
        sub = folder / f"{i // per_folder:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_kib(pid: int | str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def worker_pids(pid: int | str = "self") -> list[int]:
    """Descendants of this process (the pool's fork server and its workers), Linux only."""
    pids: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return pids
    for task in tasks:
        try:
            children = [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            pids += [child, *worker_pids(child)]
    return pids


def memory_line(records: int, started: float) -> str:
    seconds = time.perf_counter() - started
    workers = worker_pids()
    worker_peaks = [_status_kib(p, "VmHWM") / 1024 for p in workers]
    return (
        f"at {records:>7,} records ({records / seconds:.1f} docs/s): "
        f"RSS {_status_kib('self', 'VmRSS') / 1024:.0f} MiB, peak {peak_rss_mib():.0f} MiB; "
        f"workers' peak {max(worker_peaks, default=0):.0f} MiB each ({len(workers)} children)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=None, help="per article (12-20)")
    parser.add_argument(
        "--memory-at", default="", help="record counts to print memory at, e.g. 10000,50000"
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus and db here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    corpus.mkdir(exist_ok=True)
    started = time.perf_counter()
    size = generate(corpus, args.articles, sentences=args.sentences)
    print(
        f"generated {args.articles:,} articles ({size / 2**20:.1f} MiB) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    print(f"peak RSS before ingest: {peak_rss_mib():.0f} MiB")

    db_path = work / "bench.db"
    db_path.unlink(missing_ok=True)
    with open_store(db_path) as store:
        assert isinstance(store, SQLiteStore)
        started = time.perf_counter()
        marks = {int(m) for m in args.memory_at.split(",") if m}
        seen = 0

        def on_item(event: str, ref: str) -> None:
            nonlocal seen
            seen += event != "skipped"
            if seen in marks:
                marks.discard(seen)
                print(memory_line(seen, started), flush=True)

        report = ingest(
            store, [corpus], batch_size=args.batch_size, workers=args.workers, progress=on_item
        )
        seconds = time.perf_counter() - started
        sentences = store.stats()["sentences"]
    print(
        f"ingested with {args.workers} worker(s): stored {report.stored:,}, "
        f"duplicate {report.duplicate:,}, near-duplicate {report.near_duplicate:,}, "
        f"quarantined {report.quarantined:,}; {sentences:,} sentences"
    )
    print(
        f"time: {seconds:.1f} s  ->  {report.records / seconds:.1f} documents/s "
        f"({size / 2**20 / seconds:.2f} MiB/s)"
    )
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")
    print(f"database: {db_path.stat().st_size / 2**20:.1f} MiB")
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
