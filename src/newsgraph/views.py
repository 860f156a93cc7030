"""Flat, readable rows of a result's facts (names instead of ids), for tables and CSV."""

from __future__ import annotations

from typing import Any

from newsgraph.model import DateRange, DateRef, ExtractionResult


def _date(ref: DateRef | None) -> str:
    if ref is None or ref.value is None:
        return ""
    if isinstance(ref.value, DateRange):
        return f"{ref.value.start}..{ref.value.end}"
    return ref.value


def fact_rows(result: ExtractionResult) -> dict[str, list[dict[str, Any]]]:
    """Actors, events, statements and commitments of ``result`` as rows of plain values."""
    names = {a.id: a.name for a in result.actors} | {p.id: p.name for p in result.places}

    def name(ref: str | None) -> str:
        return names.get(ref or "", ref or "")

    return {
        "actors": [
            {"id": a.id, "name": a.name, "type": a.type, "country": a.country or "",
             "roles": "; ".join(a.roles), "mentions": len(a.mentions)}
            for a in result.actors
        ],
        "events": [
            {"type": e.type, "actors": ", ".join(map(name, e.actors)),
             "recipients": ", ".join(map(name, e.recipients)), "place": name(e.place),
             "date": _date(e.date), "reports": 1 + len(e.more_evidence),
             "evidence": e.evidence.text}
            for e in result.events
        ],
        "statements": [
            {"speaker": name(s.speaker) or (s.speaker_span.text if s.speaker_span else ""),
             "mode": s.mode, "content": s.content.text}
            for s in result.statements
        ],
        "commitments": [
            {"actor": name(c.actor), "recipient": name(c.recipient), "due": _date(c.due),
             "content": c.content.text}
            for c in result.commitments
        ],
    }  # fmt: skip
