"""Happenings as the event exports see them: one record per happening with its ranked
participants, place, reports and CAMEO code, read from the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.export.cameo import CameoCode, cameo_table
from newsgraph.store import SQLStore

_TYPE_ORDER = {"PER": 0, "ORG": 1, "GPE": 2}


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor of a happening; ``reports`` is how many of its reports name it."""

    id: str
    name: str
    type: str | None
    country: str | None
    roles: tuple[str, ...]
    reports: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "roles": list(self.roles),
            "reports": self.reports,
        }


@dataclass(frozen=True, slots=True)
class Location:
    id: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    type: str | None

    @property
    def geonames_id(self) -> int | None:
        prefix, _, number = self.id.partition(":")
        return int(number) if prefix == "geonames" and number.isdigit() else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "type": self.type,
            "geonames_id": self.geonames_id,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """One event report of a happening: its sentence in one document."""

    event: str
    doc_id: str
    url: str | None
    source: str | None
    lang: str | None
    published: str | None
    title: str | None
    mode: str | None
    trigger: str | None
    evidence: str
    mentions: int  # evidence spans: the sentence and any repeats in the same document

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "doc_id": self.doc_id,
            "url": self.url,
            "source": self.source,
            "lang": self.lang,
            "published": self.published,
            "title": self.title,
            "mode": self.mode,
            "trigger": self.trigger,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Happening:
    """A cluster of event reports from many articles: one thing that happened."""

    id: str
    type: str
    mode: str | None
    hypothetical: bool
    date_start: str | None  # the date the reports state, if any
    date_end: str | None
    first_reported: str | None
    last_reported: str | None
    actors: tuple[Participant, ...]  # most reported first
    recipients: tuple[Participant, ...]
    place: Location | None
    reports: tuple[Report, ...]  # oldest first
    n_documents: int
    n_sources: int
    langs: tuple[str, ...]
    sources: tuple[str, ...]
    cameo: CameoCode | None

    @property
    def day(self) -> str | None:
        """The stated date, else the day it was first reported."""
        return self.date_start or self.first_reported

    @property
    def n_mentions(self) -> int:
        return sum(r.mentions for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo.code if self.cameo else None,
            "hypothetical": self.hypothetical,
            "date": {"start": self.date_start, "end": self.date_end} if self.date_start else None,
            "first_reported": self.first_reported,
            "last_reported": self.last_reported,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "place": self.place.to_dict() if self.place else None,
            "n_reports": len(self.reports),
            "n_documents": self.n_documents,
            "n_sources": self.n_sources,
            "langs": list(self.langs),
            "sources": list(self.sources),
            "reports": [r.to_dict() for r in self.reports],
        }


def load_happenings(store: SQLStore, *, hypothetical: bool = True) -> Iterator[Happening]:
    """Every happening of ``store`` in date order (without the scheduled or intended ones
    when ``hypothetical`` is false)."""
    actors = {r["id"]: r for r in store.actor_rows()}
    table = cameo_table()
    for row in store.happening_rows(hypothetical=hypothetical):
        data = row["data"]
        reports = tuple(_report(r) for r in row["reports"])
        named: Counter[str] = Counter(
            a
            for r in row["reports"]
            for a in {*(r["data"].get("actors") or ()), *(r["data"].get("recipients") or ())}
        )
        modes = Counter(r.mode for r in reports if r.mode)
        mode = min(modes, key=lambda m: (-modes[m], m)) if modes else None
        yield Happening(
            id=row["id"],
            type=row["type"],
            mode=mode,
            hypothetical=bool(row["hypothetical"]),
            date_start=row["date_start"],
            date_end=row["date_end"],
            first_reported=row["first_reported"],
            last_reported=row["last_reported"],
            actors=_ranked(data["actors"], actors, named),
            recipients=_ranked(data["recipients"], actors, named),
            place=Location(
                id=row["place_id"],
                name=row["place_name"],
                country=row["place_country_code"],
                lat=row["lat"],
                lon=row["lon"],
                type=row["place_type"],
            )
            if row["place_id"]
            else None,
            reports=reports,
            n_documents=int(row["n_documents"]),
            n_sources=int(row["n_sources"]),
            langs=tuple(data["langs"]),
            sources=tuple(data["sources"]),
            cameo=table.lookup(row["type"], mode),
        )


def _report(r: dict[str, Any]) -> Report:
    data = r["data"]
    return Report(
        event=r["event"],
        doc_id=r["doc_id"],
        url=r["url"],
        source=r["source"],
        lang=r["lang"],
        published=r["published"],
        title=r["title"],
        mode=r["mode"],
        trigger=(data.get("trigger") or {}).get("text"),
        evidence=data["evidence"]["text"],
        mentions=1 + len(data.get("more_evidence") or ()),
    )


def _ranked(
    ids: list[str], actors: dict[str, dict[str, Any]], named: Counter[str]
) -> tuple[Participant, ...]:
    people = []
    for actor_id in ids:
        info = actors.get(actor_id, {})
        people.append(
            Participant(
                id=actor_id,
                name=info.get("name") or actor_id,
                type=info.get("type"),
                country=info.get("country"),
                roles=tuple(info.get("roles") or ()),
                reports=named[actor_id],
            )
        )
    return tuple(sorted(people, key=lambda p: (-p.reports, _TYPE_ORDER.get(p.type or "", 3), p.id)))
