"""The linking step over a database: cluster new events, then recompute commitment statuses
and contradictions.  Runs after every ingest; ``rebuild`` starts the clusters afresh."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.link.commitments import Tracker
from newsgraph.link.contradictions import find_contradictions
from newsgraph.link.embed import Embedder
from newsgraph.link.events import EventLinker, linking_order

if TYPE_CHECKING:
    from newsgraph.store.sql import SQLStore


@dataclass(frozen=True, slots=True)
class LinkReport:
    events_linked: int
    merged: int  # events that joined an existing happening
    clusters: int  # happenings in the database
    commitments: dict[str, int] = field(default_factory=dict)  # by status
    contradictions: int = 0
    as_of: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def update_links(
    store: SQLStore,
    *,
    rebuild: bool = False,
    as_of: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> LinkReport:
    """Link what is new in ``store`` (everything with ``rebuild``); one transaction.

    ``as_of`` is the day statuses are computed for (default: the latest publication day in the
    database, so a historical corpus is read as of its own end, not today).
    """
    started = time.perf_counter()
    embedder = Embedder()
    with store.transaction():
        if rebuild:
            store.reset_links()
        linker = EventLinker(embedder=embedder)
        linker.load(store.load_clusters())
        assignments: dict[str, tuple[str, dict[str, Any]]] = {}
        for n, ev in enumerate(linking_order(store.unlinked_events()), 1):
            cid = linker.add(ev)
            match = linker.matches.get(ev.id)
            assignments[ev.id] = (cid, asdict(match) if match else {"new": True})
            if progress and n % 500 == 0:
                progress(n)
        store.save_clusters([c for c in linker.clusters.values() if c.dirty], assignments)
        day = as_of or store.latest_day()
        history = Tracker(store, embedder=embedder, as_of=day).run() if day else {}
        store.save_statuses(history)
        contradictions = find_contradictions(store)
        store.save_contradictions(contradictions)
    statuses = Counter(changes[-1]["status"] for changes in history.values() if changes)
    return LinkReport(
        events_linked=len(assignments),
        merged=sum(1 for _, why in assignments.values() if "new" not in why),
        clusters=len(linker.clusters),
        commitments=dict(statuses),
        contradictions=len(contradictions),
        as_of=day,
        seconds=round(time.perf_counter() - started, 3),
    )


__all__ = ["LinkReport", "update_links"]
