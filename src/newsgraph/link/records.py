"""What the linking layer reads and makes: events as linking sees them, and their clusters.

The linker compares *resolved* facts (actor ids, their countries, place ids, date ranges), so
reports in different languages meet on the same keys.  Dates are ISO strings; a day, month or
year becomes a range of days (as ordinals) for comparison.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field
from datetime import date

from newsgraph.model import DateRange, ExtractionResult


def day_range(start: str | None, end: str | None = None) -> tuple[int, int] | None:
    """The ordinal days an ISO date or range covers (``"2022-01"`` → all of January)."""
    if not start:
        return None
    lo = _bound(start, first=True)
    hi = _bound(end or start, first=False)
    if lo is None or hi is None:
        return None
    return (lo, hi) if lo <= hi else (hi, lo)


def _bound(value: str, *, first: bool) -> int | None:
    text = value.split("T", 1)[0]
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1 if first else 12, 1 if first else 31).toordinal()
        if parts[1].startswith("W"):  # ISO week
            week = int(parts[1][1:])
            return date.fromisocalendar(year, week, 1 if first else 7).toordinal()
        if parts[1].startswith("Q"):
            q = int(parts[1][1:])
            month = 3 * q - 2 if first else 3 * q
            day = 1 if first else calendar.monthrange(year, month)[1]
            return date(year, month, day).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            day = 1 if first else calendar.monthrange(year, month)[1]
            return date(year, month, day).toordinal()
        return date(year, month, int(parts[2][:2])).toordinal()
    except (ValueError, IndexError):
        return None


def day_of(value: str | None) -> int | None:
    """The day an ISO date (or date-time) names, as an ordinal; a month or a year names none."""
    if not value or len(value) < 10:
        return None
    span = day_range(value)
    return span[0] if span else None


def iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One extracted event, with what linking compares."""

    id: str
    doc_id: str
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    countries: frozenset[str]  # of the participants (a person's state, a state itself)
    days: tuple[int, int] | None  # the date the text states, as ordinal days
    reported: int | None  # the publication day of the report
    place: str | None = None
    place_country: str | None = None
    hypothetical: bool = False
    source: str | None = None  # the outlet (host) of the report
    lang: str | None = None
    text: str = ""

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.recipients


def cluster_id(first_event: str) -> str:
    return "hx-" + hashlib.sha1(first_event.encode()).hexdigest()[:12]


@dataclass(slots=True)
class Cluster:
    """One happening: the events (reports) that describe it, from any outlet and language."""

    id: str
    type: str
    hypothetical: bool
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    days: tuple[int, int] | None = None  # stated date (intersection of what reports state)
    first_reported: int | None = None
    last_reported: int | None = None
    place: str | None = None
    place_country: str | None = None
    events: list[str] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)  # a few evidence sentences, for tie-breaks
    dirty: bool = False

    @property
    def participants(self) -> set[str]:
        return self.actors | self.recipients

    @property
    def anchor(self) -> tuple[int, int] | None:
        """The days the happening is known to fall in: stated, else around its first report."""
        if self.days is not None:
            return self.days
        if self.first_reported is not None:
            return (self.first_reported - 1, self.first_reported)
        return None

    def add(self, ev: EventRecord) -> None:
        self.events.append(ev.id)
        self.actors |= ev.actors
        self.recipients |= ev.recipients - self.actors
        self.countries |= ev.countries
        if ev.days is not None:
            if self.days is None:
                self.days = ev.days
            else:  # the most precise statement wins: the overlap, if any
                lo, hi = max(self.days[0], ev.days[0]), min(self.days[1], ev.days[1])
                if lo <= hi:
                    self.days = (lo, hi)
        if ev.reported is not None:
            if self.first_reported is None or ev.reported < self.first_reported:
                self.first_reported = ev.reported
            if self.last_reported is None or ev.reported > self.last_reported:
                self.last_reported = ev.reported
        if ev.place and (self.place is None or self.place_country == self.place):
            self.place, self.place_country = ev.place, ev.place_country
        self.documents.add(ev.doc_id)
        if ev.source:
            self.sources.add(ev.source)
        if ev.lang:
            self.langs.add(ev.lang)
        if len(self.texts) < 3 and ev.text:
            self.texts.append(ev.text)
        self.dirty = True


def event_records(result: ExtractionResult) -> list[EventRecord]:
    """The events of one extracted article as linking compares them (for linking results
    that are not in a database: evaluations, benchmarks, batch output)."""
    doc = result.document
    countries = {a.id: a.country for a in result.actors if a.country}
    place_country = {
        p.id: (p.id if p.type == "GPE" else p.country) for p in result.places if p.country
    }
    reported = day_of(doc.published)
    out = []
    for ev in result.events:
        actors = frozenset(ev.actors)
        recipients = frozenset(ev.recipients) - actors
        stated = ev.date is not None and ev.date.text and ev.date.value is not None
        value = ev.date.value if stated and ev.date is not None else None
        if isinstance(value, DateRange):
            days = day_range(value.start, value.end)
        else:
            days = day_range(value) if value else None
        out.append(
            EventRecord(
                id=ev.id,
                doc_id=doc.id,
                type=ev.type,
                actors=actors,
                recipients=recipients,
                countries=frozenset(countries[a] for a in actors | recipients if a in countries),
                days=days,
                reported=reported,
                place=ev.place,
                place_country=place_country.get(ev.place) if ev.place else None,
                hypothetical=ev.hypothetical,
                source=doc.source,
                lang=doc.lang,
                text=ev.evidence.text,
            )
        )
    return out
