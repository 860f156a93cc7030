"""API latency under load: a generated database of 1,000,000 events, 50 concurrent clients
on loopback for 30 s per query kind; prints requests/s and p50/p99 latency for the timeline
of one actor, full-text search and the commitments list.

The database is written directly (documents with their full-text index, events, happenings
with participants, commitments), not extracted: this measures the API and the store.

    python bench/api_bench.py [--events 1000000] [--clients 50] [--seconds 30] [--workers 2]
                              [--db FILE]   # keep the generated database there and reuse it
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from newsgraph.store import open_store

TYPES = ["CONSULT", "ACCUSE", "AGREE", "REQUEST", "SANCTION", "ASSAULT", "THREATEN", "SUPPORT"]
WORDS = [
    "talks",
    "minister",
    "summit",
    "sanctions",
    "ceasefire",
    "border",
    "troops",
    "agreement",
    "response",
    "security",
    "guarantees",
    "energy",
    "pipeline",
    "council",
    "delegation",
    "statement",
    "visit",
    "crisis",
    "negotiations",
]


def generate(path: Path, n_events: int, rng: random.Random) -> dict[str, int]:
    n_actors = 2000
    n_docs = max(1000, n_events // 5)
    start = date(2020, 1, 1)
    states = [f"S{k:02d}" for k in range(60)]
    with open_store(path) as store:
        db = store._db
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO actors (id, name, type, country, roles, aliases) VALUES (?,?,?,?,?,?)",
            [
                (f"actor-{k}", f"Actor {k}", "PER", states[k % 60], "[]", "[]")
                for k in range(n_actors)
            ],
        )
        docs = []
        for k in range(n_docs):
            day = (start + timedelta(days=rng.randrange(1500))).isoformat()
            text = " ".join(rng.choice(WORDS) for _ in range(60))
            docs.append((f"sha256:{k:064x}", day, text))
        db.executemany(
            "INSERT INTO documents (id, lang, published, title, text, extractor_version,"
            " ingested_at) VALUES (?, 'en', ?, 'Generated', ?, 'bench', '2026-11-29')",
            docs,
        )
        clusters, participants, events = [], [], []
        e = 0
        c = 0
        while e < n_events:
            c += 1
            typ = rng.choice(TYPES)
            people = rng.sample(range(n_actors), rng.choice((1, 2, 2, 3)))
            day = (start + timedelta(days=rng.randrange(1500))).isoformat()
            reports = min(rng.choice((1, 1, 2, 3)), n_events - e)
            cid = f"hx-{c:012x}"
            ids = [f"actor-{p}" for p in people]
            data = {"actors": ids, "recipients": [], "countries": [], "place_country": None,
                    "events": [], "documents": [], "sources": ["bench.example"], "langs": ["en"],
                    "texts": [f"{typ} between {', '.join(ids)}."]}  # fmt: skip
            for _ in range(reports):
                e += 1
                doc = docs[rng.randrange(n_docs)][0]
                ev = {"id": f"ev-{e:012x}", "type": typ, "actors": ids, "recipients": [],
                      "evidence": {"start": 0, "end": 10, "text": "Generated."}}  # fmt: skip
                events.append((ev["id"], doc, typ, day, day, json.dumps(ev), cid))
                data["events"].append(ev["id"])
            clusters.append(
                (cid, typ, day, day, day, day, day, day, reports, reports, 1, json.dumps(data))
            )
            participants += [(cid, a, "actor", day, day, day) for a in ids]
        db.executemany(
            "INSERT INTO events (id, doc_id, type, date_start, date_end, data, extractor_version,"
            " cluster_id) VALUES (?, ?, ?, ?, ?, ?, 'bench', ?)",
            events,
        )
        db.executemany(
            "INSERT INTO event_clusters (id, type, hypothetical, date_start, date_end, day,"
            " day_end, first_reported, last_reported, n_events, n_documents, n_sources, data)"
            " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            clusters,
        )
        db.executemany(
            "INSERT INTO cluster_participants (cluster_id, actor_id, role, day, day_end,"
            " first_reported) VALUES (?, ?, ?, ?, ?, ?)",
            participants,
        )
        commitments = []
        for k in range(max(1000, n_events // 50)):
            doc, day, _ = docs[rng.randrange(n_docs)]
            due = (date.fromisoformat(day) + timedelta(days=rng.randrange(60))).isoformat()
            cm = {"id": f"cm-{k:012x}", "actor": f"actor-{rng.randrange(n_actors)}",
                  "content": {"start": 0, "end": 5, "text": "to deliver aid"},
                  "evidence": {"start": 0, "end": 10, "text": "Generated."}}  # fmt: skip
            status = rng.choice(("pending", "due", "overdue", "kept", "broken"))
            commitments.append((cm["id"], doc, day, cm["actor"], due, due, status, json.dumps(cm)))
        db.executemany(
            "INSERT INTO commitments (id, doc_id, made, actor_id, due_start, due_end, status,"
            " data, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')",
            commitments,
        )
        db.execute("COMMIT")
        db.execute("ANALYZE")
    return {"events": e, "happenings": c, "documents": n_docs, "commitments": len(commitments)}


async def get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str
) -> tuple[int, bytes]:
    """One GET on a kept-alive HTTP/1.1 connection: status and body.  A bare client, so
    that the 50 clients spend little of the CPU the server shares with them."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    length = int({k.lower(): v for k, v in headers.items()}.get("content-length", 0))
    return status, await reader.readexactly(length)


async def load(port: int, clients: int, seconds: float, pick: object) -> tuple[int, list[float]]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(k: int) -> None:
        nonlocal errors
        rng = random.Random(k)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    status, _ = await asyncio.wait_for(get(reader, writer, pick(rng)), 30)  # type: ignore[operator]
                    errors += status != 200
                except (TimeoutError, OSError, asyncio.IncompleteReadError):
                    errors += 1  # a timeout counts, with its latency; then a new connection
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                latencies.append(time.perf_counter() - t)
        finally:
            writer.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    return errors, latencies


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its children (Linux /proc; 0 elsewhere)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    ticks = int(stat[11]) + int(stat[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK") + sum(server_cpu(int(c)) for c in children)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2, help="server processes (serve --workers)")
    ap.add_argument("--port", type=int, default=8791)
    ap.add_argument("--db", type=Path, help="generate the database here once and reuse it")
    ap.add_argument("--only", help="run only the query kinds whose name contains this")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if db.exists():
            with open_store(db) as store:  # migrated to this version's schema if older
                print(f"reusing {db}: {store.stats()['facts']}")
        else:
            started = time.perf_counter()
            sizes = generate(db, args.events, random.Random(1))
            print(f"generated {sizes} in {time.perf_counter() - started:.0f} s "
                  f"({db.stat().st_size / 2**20:.0f} MiB)")  # fmt: skip
        server = subprocess.Popen(  # what a user runs
            [sys.executable, "-m", "newsgraph", "serve", str(db), "--port", str(args.port),
             "--workers", str(args.workers)],
        )  # fmt: skip
        url = f"http://127.0.0.1:{args.port}"
        try:
            for _ in range(100):
                try:
                    if httpx.get(url + "/api/stats", timeout=30).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
            queries = {
                "timeline of one actor": lambda r: (
                    f"/api/actors/actor-{r.randrange(2000)}/timeline"
                ),
                "search": lambda r: f"/api/documents?q={r.choice(WORDS)}+{r.choice(WORDS)}",
                "commitments": lambda r: (
                    "/api/commitments?status="
                    + r.choice(("pending", "due", "overdue", "kept", "broken"))
                ),
            }
            print(f"{args.clients} clients, {args.seconds:.0f} s each, {args.workers} workers:")
            for name, pick in queries.items():
                if args.only and args.only not in name:
                    continue
                cpu = server_cpu(server.pid)
                errors, lat = asyncio.run(load(args.port, args.clients, args.seconds, pick))
                cpu = server_cpu(server.pid) - cpu
                lat.sort()
                p99 = lat[int(0.99 * (len(lat) - 1))]
                print(
                    f"  {name:<22} {len(lat) / args.seconds:7.1f} req/s  "
                    f"p50 {statistics.median(lat) * 1000:6.1f} ms  p99 {p99 * 1000:6.1f} ms  "
                    f"errors {errors}  server CPU {cpu / max(1, len(lat)) * 1000:.1f} ms/request"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
