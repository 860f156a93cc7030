"""How fast linking is, and how its cost grows with the number of events.

Generates a world of happenings (typed events among 400 actors of 60 states over two
years), each reported by one to five articles with some of its participants, a stated date
or only the publication day, and sometimes the place, plus unrelated noise events.

1. In memory: EventLinker over 1k, 10k and 100k events; prints seconds, events/s, the
   cost per event relative to n log n, and B-cubed against the generated truth.
2. Through the database: 10,000 generated extracted articles stored (no extraction), then
   ``update_links`` timed as ``newsgraph ingest`` runs it.

    python bench/link_bench.py [--sizes 1000,10000,100000] [--articles 10000]
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from link_eval import bcubed
from newsgraph.link import EventLinker, EventRecord, update_links
from newsgraph.link.events import linking_order
from newsgraph.model import (
    Actor,
    DateRef,
    Document,
    Event,
    Evidence,
    ExtractionResult,
)
from newsgraph.store import StoreItem, open_store

TYPES = ["CONSULT", "ACCUSE", "AGREE", "REQUEST", "SANCTION", "ASSAULT", "THREATEN", "SUPPORT"]
START = date(2022, 1, 1).toordinal()
STATES = [f"S{k:02d}" for k in range(60)]
ACTORS = [(f"person-{k}", STATES[k % 60]) for k in range(340)] + [(s, s) for s in STATES]


def world(n_events: int, rng: random.Random) -> list[tuple[EventRecord, str]]:
    """About ``n_events`` reports with the happening each truly belongs to."""
    out: list[tuple[EventRecord, str]] = []
    h = 0
    while len(out) < n_events:
        h += 1
        typ = rng.choice(TYPES)
        people = rng.sample(ACTORS, rng.choice((1, 2, 2, 3)))
        when = START + rng.randrange(730)
        place = f"geonames:{rng.randrange(500)}" if rng.random() < 0.5 else None
        for r in range(rng.choice((1, 1, 2, 3, 5))):
            named = people if r == 0 else rng.sample(people, max(1, len(people) - 1))
            stated = rng.random() < 0.6
            reported = when + rng.randrange(3) if stated else when + rng.randrange(2)
            ids = frozenset(a for a, _ in named)
            out.append(
                (
                    EventRecord(
                        id=f"ev-{h}-{r}",
                        doc_id=f"doc-{h}-{r}",
                        type=typ,
                        actors=ids,
                        recipients=frozenset(),
                        countries=frozenset(c for _, c in named),
                        days=(when, when) if stated else None,
                        reported=reported,
                        place=place if rng.random() < 0.7 else None,
                        place_country=None,
                    ),
                    f"h{h}",
                )
            )
    return out[:n_events]


def in_memory(sizes: list[int]) -> None:
    print("in memory: EventLinker.add over generated reports")
    base: float | None = None
    for n in sizes:
        reports = world(n, random.Random(n))
        truth = {ev.id: h for ev, h in reports}
        linker = EventLinker()
        started = time.perf_counter()
        system = {ev.id: linker.add(ev) for ev in linking_order(ev for ev, _ in reports)}
        seconds = time.perf_counter() - started
        per_nlogn = seconds / (n * math.log2(n)) * 1e6
        base = base or per_nlogn
        score = bcubed(truth, system)
        print(
            f"  {n:>7,} events  {seconds:7.2f} s  {n / seconds:9,.0f} events/s"
            f"  {per_nlogn:6.3f} µs per n·log2(n) ({per_nlogn / base:4.2f}× the smallest)"
            f"  clusters {len(linker.clusters):,}  B3 P {score['P']:.3f} R {score['R']:.3f}"
        )


def article(k: int, reports: list[EventRecord]) -> ExtractionResult:
    day = date.fromordinal(reports[0].reported or START).isoformat()
    text = " ".join(f"Report {ev.id} of {ev.type}." for ev in reports)
    doc = Document(id=f"sha256:gen{k:08d}", text=text, lang="en", published=day, url=None)
    actors = {a for ev in reports for a in ev.actors}
    country = dict(ACTORS)
    events = []
    pos = 0
    for ev in reports:
        sentence = f"Report {ev.id} of {ev.type}."
        stated = date.fromordinal(ev.days[0]).isoformat() if ev.days else None
        events.append(
            Event(
                id=f"{ev.id}-{k}",
                type=ev.type,
                evidence=Evidence(pos, pos + len(sentence), sentence),
                actors=tuple(sorted(ev.actors)),
                place=ev.place,
                date=DateRef("on that day", stated) if stated else DateRef(None, day),
            )
        )
        pos += len(sentence) + 1
    return ExtractionResult(
        document=doc,
        actors=tuple(Actor(a, a, "PER", country=country[a]) for a in sorted(actors)),
        places=(),
        times=(),
        statements=(),
        events=tuple(events),
        commitments=(),
    )


def through_database(n_articles: int) -> None:
    rng = random.Random(7)
    reports = [ev for ev, _ in world(3 * n_articles, rng)]
    reports.sort(key=lambda ev: ev.reported or 0)
    articles = [article(k, reports[3 * k : 3 * k + 3]) for k in range(n_articles)]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        for k in range(0, n_articles, 500):
            store.write_batch([StoreItem(a) for a in articles[k : k + 500]], run_id=None)
        started = time.perf_counter()
        report = update_links(store)
        seconds = time.perf_counter() - started
        print(
            f"through the database: {n_articles:,} articles, {report.events_linked:,} events "
            f"linked into {report.clusters:,} happenings in {seconds:.1f} s "
            f"({report.events_linked / seconds:,.0f} events/s)"
        )
        more = [article(n_articles + k, reports[3 * k : 3 * k + 3]) for k in range(1000)]
        store.write_batch([StoreItem(a) for a in more], run_id=None)
        started = time.perf_counter()
        again = update_links(store)
        print(
            f"  then 1,000 more articles linked incrementally in "
            f"{time.perf_counter() - started:.1f} s ({again.merged:,} joined existing happenings)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--articles", type=int, default=10000)
    args = ap.parse_args()
    in_memory([int(s) for s in args.sizes.split(",")])
    through_database(args.articles)


if __name__ == "__main__":
    main()
