"""Across articles: one event per happening, commitment tracking and contradictions."""

from __future__ import annotations

from newsgraph.link.events import EventLinker, Match
from newsgraph.link.records import Cluster, EventRecord, event_records
from newsgraph.link.service import LinkReport, update_links

__all__ = [
    "Cluster",
    "EventLinker",
    "EventRecord",
    "LinkReport",
    "Match",
    "event_records",
    "update_links",
]
