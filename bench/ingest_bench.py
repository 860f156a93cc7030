"""Ingest benchmark: generate a synthetic corpus, ingest it into SQLite, print the figures.

    python bench/ingest_bench.py [--articles 10000] [--batch-size 100] [--keep DIR]

Prints documents per second and the peak resident memory of the process.
The corpus is crawled records (one file per article, Italian and English,
about 250 words each), generated with a fixed seed so runs are comparable.
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


def article(i: int, rng: random.Random) -> str:
    lang_templates, month = (IT, "gennaio") if i % 2 else (EN, "January")
    sentences = []
    for _ in range(rng.randint(12, 20)):
        template = rng.choice(lang_templates)
        p, q = rng.sample(PEOPLE, 2)
        sentences.append(template.format(p=p, q=q, c=rng.choice(PLACES), n=rng.randint(2, 999)))
    paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
    day = 1 + i % 28
    title = f"{rng.choice(PEOPLE)} a {rng.choice(PLACES)} ({i})"
    url = f"https://news.example.org/2022/01/{day:02d}/story-{i}.html"
    date_line = f"{day} {month} 2022"
    return f" date 2022-01 {url}\n\n{title}\n\n{date_line}\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, n: int) -> int:
    rng = random.Random(20220121)
    total = 0
    for i in range(n):
        data = article(i, rng).encode("utf-8")
        (folder / f"{i // 1000:03d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:03d}" / f"article-{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus and db here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    corpus.mkdir(exist_ok=True)
    started = time.perf_counter()
    size = generate(corpus, args.articles)
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
        report = ingest(store, [corpus], batch_size=args.batch_size)
        seconds = time.perf_counter() - started
        sentences = store.stats()["sentences"]
    print(
        f"ingested: stored {report.stored:,}, duplicate {report.duplicate:,}, "
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
