"""Across articles: one event per happening, commitment tracking and contradictions."""

from __future__ import annotations

from newsgraph.link.events import EventLinker, Match
from newsgraph.link.records import Cluster, EventRecord
from newsgraph.link.service import LinkReport, update_links

__all__ = ["Cluster", "EventLinker", "EventRecord", "LinkReport", "Match", "update_links"]
