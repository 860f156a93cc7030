"""Same-happening clustering, measured with B-cubed on two standard sets.

- MEANTIME (English Wikinews, 120 articles on four topics) annotates cross-document event
  instances.  Each article is extracted as a document published on its date; a gold event
  mention whose span holds the trigger of one of our events is an item, its gold cluster the
  instance and its system cluster the happening our event joined.  B-cubed P/R/F1 over those
  items, and how many gold mentions were reached.
- ITN (Wikipedia "In the news" blurbs grouped by Wikidata event, many languages, 2022): each
  blurb in a language newsgraph reads is a document published on its day; the item is the
  blurb, its system cluster the happening of its first real event (a blurb without one stays
  alone).  B-cubed over all those blurbs, and over the blurbs that got an event.

    python bench/link_eval.py [--data ../shared/eval/data] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.lang import supported_languages
from newsgraph.link import EventLinker, event_records
from newsgraph.link.embed import Embedder
from newsgraph.link.events import linking_order
from newsgraph.model import ExtractionResult
from newsgraph.pipeline import extract

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"


def bcubed(
    gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``system`` against ``gold`` (item -> cluster)."""
    items = [i for i in gold if i in system]
    if not items:
        return {"P": 0.0, "R": 0.0, "F1": 0.0, "items": 0}
    by_gold: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_sys: dict[Hashable, set[Hashable]] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_sys[system[i]].add(i)
    p = r = 0.0
    for i in items:
        g, s = by_gold[gold[i]], by_sys[system[i]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f1, 4), "items": len(items)}


def _link(results: list[ExtractionResult]) -> dict[str, str]:
    linker = EventLinker(embedder=Embedder())
    records = [r for res in results for r in event_records(res)]
    return {ev.id: linker.add(ev) for ev in linking_order(records)}


def _dct(value: str | None) -> str | None:
    """MEANTIME's document date; one is written DD-MM-YYYY (read as the harness does)."""
    if value and len(value) == 10 and value[2] == "-":
        day, month, year = value.split("-")
        return f"{year}-{month}-{day}"
    return value


def meantime(data: Path, limit: int | None) -> dict[str, Any]:
    rows = [json.loads(line) for line in (data / "meantime-en" / "meantime_en.jsonl").open()]
    rows = rows[:limit] if limit else rows
    results: list[ExtractionResult] = []
    triggers: list[tuple[str, str, int, int]] = []  # doc, event id, raw start, raw end
    for row in rows:
        res = extract(row["text"], lang="en", published=_dct(row["dct"]))
        results.append(res)
        offsets = res.document.offsets
        for ev in res.events:
            if ev.trigger is None:
                continue
            start, end = ev.trigger.start, ev.trigger.end
            if offsets is not None:
                start, end = offsets.to_raw_span(start, end)
            triggers.append((row["doc_id"], ev.id, start, end))
    clusters = _link(results)
    by_doc: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for doc, ev_id, start, end in triggers:
        by_doc[doc].append((ev_id, start, end))
    gold: dict[Hashable, Hashable] = {}
    system: dict[Hashable, Hashable] = {}
    mentions = cross = 0
    instance_docs: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for m in row["event_mentions"]:
            if m.get("instance_id"):
                instance_docs[m["instance_id"]].add(row["doc_id"])
    for row in rows:
        for m in row["event_mentions"]:
            if not m.get("instance_id"):
                continue
            mentions += 1
            cross += len(instance_docs[m["instance_id"]]) > 1
            key = (row["doc_id"], m["m_id"])
            hit = next(
                (e for e, s, t in by_doc[row["doc_id"]] if s < m["end"] and m["start"] < t), None
            )
            if hit is not None:
                gold[key] = m["instance_id"]
                system[key] = clusters[hit]
    crossing = {k: v for k, v in gold.items() if len(instance_docs[str(v)]) > 1}
    return {
        "docs": len(rows),
        "gold_mentions": mentions,
        "gold_cross_document_mentions": cross,
        "reached": len(gold),
        **bcubed(gold, system),
        "cross_document": bcubed(crossing, system),
    }


def itn(data: Path, limit: int | None) -> dict[str, Any]:
    langs = set(supported_languages())
    rows = [json.loads(line) for line in (data / "itn-multi" / "itn_flat.jsonl").open()]
    rows = [r for r in rows if r["lang"] in langs]
    rows = rows[:limit] if limit else rows
    results: list[ExtractionResult] = []
    first_event: dict[int, str] = {}
    for k, row in enumerate(rows):
        try:
            res = extract(row["text"], lang=row["lang"], published=row["timestamp_utc"][:10])
        except InputError:
            continue
        results.append(res)
        real = [e for e in res.events if not e.hypothetical]
        if real:
            first_event[k] = real[0].id
    clusters = _link(results)
    gold = {k: row["event_qid"] for k, row in enumerate(rows)}
    system = {k: clusters[first_event[k]] if k in first_event else f"alone-{k}" for k in gold}
    with_event = {k: gold[k] for k in first_event}
    by_lang: dict[str, int] = defaultdict(int)
    for row in rows:
        by_lang[row["lang"]] += 1
    return {
        "blurbs": len(rows),
        "by_lang": dict(sorted(by_lang.items())),
        "with_event": len(first_event),
        "all": bcubed(gold, system),
        "with_event_only": bcubed(with_event, system),
        "singletons_baseline": bcubed(gold, {k: k for k in gold}),
        "with_event_singletons_baseline": bcubed(with_event, {k: k for k in with_event}),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--sets", default="meantime,itn")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"{args.data} is absent: the evaluation needs the shared data", file=sys.stderr)
        return 2
    out: dict[str, Any] = {}
    for name in args.sets.split(","):
        started = time.perf_counter()
        out[name] = {"meantime": meantime, "itn": itn}[name](args.data, args.limit)
        out[name]["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(out))
    else:
        for name, figures in out.items():
            print(name, json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
