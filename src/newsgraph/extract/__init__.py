"""Fact extraction: from a cleaned document to actors, places, times, statements, events
and commitments.  Each kind has its own module; :func:`extract_facts` runs them in order.
"""

from __future__ import annotations

from newsgraph.extract.commitments import find_commitments
from newsgraph.extract.context import build_context
from newsgraph.extract.entities import find_entities
from newsgraph.extract.event_speakers import with_speakers
from newsgraph.extract.events import find_events, with_claims
from newsgraph.extract.statements import find_statements
from newsgraph.extract.times import find_times
from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.model import Document, ExtractionResult

__all__ = ["extract_facts"]


def extract_facts(
    document: Document, *, kb: KnowledgeBase | None = None, extractor: str | None = None
) -> ExtractionResult:
    """Every fact of ``document``; spans index ``document.text``."""
    ctx = build_context(document, kb or default_kb())
    entities = find_entities(ctx)
    times = find_times(
        document.text,
        lang=document.lang,
        published=document.published,
        sentences=document.sentences or None,
    )
    said = find_statements(ctx, entities)
    found = with_speakers(
        find_events(ctx, entities, times), said, entities.actors, published=document.published
    )
    statements = with_claims(said, found, entities, ctx.kb)
    return ExtractionResult(
        document=document,
        actors=entities.actors,
        places=entities.places,
        times=tuple(times),
        statements=tuple(statements),
        events=tuple(found.events),
        commitments=tuple(find_commitments(ctx, entities, times, statements)),
        extractor=extractor,
    )
