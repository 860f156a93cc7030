"""Extraction benchmark: articles per second on one core, cold start, peak memory.

    python bench/extract_bench.py [--articles 300] [--words 500]

Generates Italian and English articles of about ``--words`` words (names,
dates, quotations, meetings, promises) with a fixed seed, then times
``process_document`` on them in this process (one core), and the whole
``newsgraph extract`` command on the seed article from a cold start.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.model import RawRecord
from newsgraph.pipeline import process_document
from synthetic import PEOPLE

ROOT = Path(__file__).resolve().parents[1]
PLACES = {
    "it": ["Ginevra", "Bruxelles", "Vienna", "Mosca", "Kiev", "Parigi", "Berlino"],
    "en": ["Geneva", "Brussels", "Vienna", "Moscow", "Kyiv", "Paris", "Berlin"],
}
SENTENCES = {
    "it": [
        "Il {d} gennaio {p} ha incontrato {q} a {c} per discutere della crisi in Ucraina.",
        "Secondo fonti diplomatiche, i colloqui sono durati {n} minuti e sono stati definiti "
        '"franchi e costruttivi" da entrambe le parti.',
        "{p} ha affermato che la Russia non ha alcuna intenzione di attaccare l'Ucraina.",
        "{q} ha promesso una risposta scritta sulle garanzie di sicurezza per la prossima "
        "settimana.",
        "La NATO ha chiesto a Mosca di ritirare le truppe schierate al confine.",
        "L'Unione europea ha annunciato nuove sanzioni contro {n} società russe.",
        "Il ministro degli Esteri russo ha accusato Washington di alimentare le tensioni.",
        "Ieri sera il presidente ha parlato al telefono con il cancelliere tedesco.",
    ],
    "en": [
        "On January {d}, {p} met {q} in {c} to discuss the crisis around Ukraine.",
        'According to diplomats, the talks lasted {n} minutes and were "frank and useful", '
        "one official said.",
        "{p} said that Russia had no intention of attacking Ukraine.",
        "{q} promised a written response on security guarantees next week.",
        "NATO urged Moscow to withdraw the troops massed on the border.",
        "The European Union announced new sanctions against {n} Russian companies.",
        "The Russian foreign minister accused Washington of fuelling tensions.",
        "Last night the president spoke by phone with the German chancellor.",
    ],
}


def article(i: int, words: int, rng: random.Random) -> RawRecord:
    lang = "it" if i % 2 else "en"
    parts: list[str] = []
    while sum(len(s.split()) for s in parts) < words:
        p, q = rng.sample(PEOPLE, 2)
        parts.append(
            rng.choice(SENTENCES[lang]).format(
                p=p, q=q, c=rng.choice(PLACES[lang]), n=rng.randint(2, 300), d=rng.randint(1, 28)
            )
        )
    paragraphs = "\n\n".join(" ".join(parts[k : k + 4]) for k in range(0, len(parts), 4))
    text = f"Article {i}\n\n{paragraphs}\n"
    return RawRecord(
        input_ref=f"bench#{i}",
        text=text,
        format="text",
        raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
        published="2022-01-21",
        lang=lang,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_start(runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run."""
    seed = ROOT / "examples" / "seed-2022-01-21-lavrov-blinken-it.txt"
    times, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), _children_cpu()
        subprocess.run(
            [sys.executable, "-m", "newsgraph.cli.main", "extract", str(seed)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - cpu_started)
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(20220121)
    records = [article(i, args.words, rng) for i in range(args.articles)]
    for record in records[:2]:  # load each language's data once, as a long run does
        process_document(record)
    started, cpu_started = time.perf_counter(), time.process_time()
    facts = 0
    for record in records:
        result = process_document(record)
        facts += sum(len(getattr(result, k, ())) for k in ("events", "statements", "times"))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    total_words = sum(len(r.text.split()) for r in records)
    print(
        f"extracted {args.articles} articles of ~{args.words} words "
        f"({total_words:,} words, {facts:,} events/statements/times) in {seconds:.1f} s"
    )
    print(
        f"throughput, one core: {args.articles / seconds:.1f} articles/s, "
        f"{total_words / seconds:,.0f} words/s"
    )
    print(  # on a machine others share, the CPU time is the steadier figure
        f"throughput, CPU time: {args.articles / cpu_seconds:.1f} articles/s "
        f"({cpu_seconds:.1f} s of CPU)"
    )
    print(
        f"peak RSS of the extraction process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    cold, cold_cpu = cold_start(args.cold_runs)
    print(
        f"cold start, 'newsgraph extract SEED' (median of {args.cold_runs}): "
        f"{statistics.median(cold):.2f} s (runs: {', '.join(f'{t:.2f}' for t in cold)}); "
        f"CPU {statistics.median(cold_cpu):.2f} s"
    )


if __name__ == "__main__":
    main()
