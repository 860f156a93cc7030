"""The core model: frozen dataclasses for documents, spans and facts.

Each class serialises to exactly the fact contract of ``DESIGN.md``
(``to_dict``) and back (``from_dict``).  Spans are character offsets into
``Document.text``; :meth:`ExtractionResult.check_spans` enforces
``text[start:end] == span.text``.  No I/O here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from newsgraph.offsets import OffsetMap

JSON: TypeAlias = dict[str, Any]
ActorType = Literal["PER", "ORG", "GPE"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: TIMEX3 ``mod``: which part of the period the value names ("late November": END)
TimexMod = Literal["START", "MID", "END"]
StatementMode = Literal["direct", "indirect"]
CommitmentStatus = Literal["pending", "due", "overdue", "kept", "broken", "cancelled"]
Precision = Literal["day", "month", "year"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


class SpanError(ValueError):
    """A span does not match the text it claims to index."""


@dataclass(frozen=True, slots=True)
class Span:
    """``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        if not 0 <= start <= end <= len(text):
            raise SpanError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
        return cls(start, end, text[start:end])

    def check(self, text: str) -> None:
        if text[self.start : self.end] != self.text:
            raise SpanError(
                f"span [{self.start}, {self.end}) says {self.text!r} "
                f"but the text there is {text[self.start : self.end]!r}"
            )

    def to_dict(self) -> JSON:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(frozen=True, slots=True)
class Evidence:
    """The text a fact rests on, usually its sentence; ``doc_id`` when it is in another document."""

    start: int
    end: int
    text: str
    doc_id: str | None = None

    def to_dict(self) -> JSON:
        d: JSON = {"start": self.start, "end": self.end, "text": self.text}
        if self.doc_id is not None:
            d["doc_id"] = self.doc_id
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Evidence:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("doc_id"))

    def as_span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of ISO dates."""

    start: str
    end: str

    def to_dict(self) -> JSON:
        return {"start": self.start, "end": self.end}


DateValue: TypeAlias = str | DateRange


def _value_to_json(value: DateValue | None) -> str | JSON | None:
    return value.to_dict() if isinstance(value, DateRange) else value


def _value_from_json(value: Any) -> DateValue | None:
    if isinstance(value, Mapping):
        return DateRange(str(value["start"]), str(value["end"]))
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression in the text with its TIMEX3 type and normalised value."""

    start: int
    end: int
    text: str
    type: TimexType
    value: DateValue | None
    #: the part of the period named by ``value`` ("early 2021": 2021, START), as in TIMEX3
    mod: TimexMod | None = None

    def to_dict(self) -> JSON:
        out: JSON = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": _value_to_json(self.value),
        }
        if self.mod:
            out["mod"] = self.mod
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TimeValue:
        return cls(
            int(d["start"]),
            int(d["end"]),
            str(d["text"]),
            d["type"],
            _value_from_json(d["value"]),
            d.get("mod") or None,
        )

    def as_span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class DateRef:
    """The date of an event or the due date of a commitment: the words and their value."""

    text: str | None
    value: DateValue | None

    def to_dict(self) -> JSON:
        return {"text": self.text, "value": _value_to_json(self.value)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DateRef:
        return cls(d.get("text"), _value_from_json(d.get("value")))


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple(Span.from_dict(m) for m in items or ())


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or state named in the text."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "roles": list(self.roles),
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            country=d.get("country"),
            roles=tuple(d.get("roles") or ()),
            aliases=tuple(d.get("aliases") or ()),
            mentions=_spans(d.get("mentions")),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A named location, resolved to a gazetteer entry where possible."""

    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Span, ...] = ()
    type: str | None = None  # "GPE" when the place is a state (also listed among actors)

    def to_dict(self) -> JSON:
        d: JSON = {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.type is not None:
            d["type"] = self.type
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Place:
        return cls(
            id=d["id"],
            name=d["name"],
            country=d.get("country"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            mentions=_spans(d.get("mentions")),
            type=d.get("type"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event with its participants, place, date and evidence."""

    id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: str | None = None
    date: DateRef | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    cameo: str | None = None
    more_evidence: tuple[Evidence, ...] = ()
    trigger: Span | None = None  # the word(s) that name the event

    def to_dict(self) -> JSON:
        d: JSON = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "place": self.place,
            "date": self.date.to_dict() if self.date else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }
        if self.cameo is not None:
            d["cameo"] = self.cameo
        if self.more_evidence:
            d["more_evidence"] = [e.to_dict() for e in self.more_evidence]
        if self.trigger is not None:
            d["trigger"] = self.trigger.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            evidence=Evidence.from_dict(d["evidence"]),
            mode=d.get("mode"),
            actors=tuple(d.get("actors") or ()),
            recipients=tuple(d.get("recipients") or ()),
            place=d.get("place"),
            date=DateRef.from_dict(d["date"]) if d.get("date") else None,
            negated=bool(d.get("negated", False)),
            hypothetical=bool(d.get("hypothetical", False)),
            confidence=float(d.get("confidence", 0.5)),
            cameo=d.get("cameo"),
            more_evidence=tuple(Evidence.from_dict(e) for e in d.get("more_evidence") or ()),
            trigger=Span.from_dict(d["trigger"]) if d.get("trigger") else None,
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """What a statement says happened or will happen, as an event frame: "Russia has no
    intention of attacking Ukraine" claims ASSAULT(RUS → UKR), negated, as an intention."""

    type: str
    trigger: Span
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    negated: bool = False
    intention: bool = False  # about what someone means to do, not what was done

    def to_dict(self) -> JSON:
        return {
            "type": self.type,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "negated": self.negated,
            "intention": self.intention,
            "trigger": self.trigger.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Claim:
        return cls(
            type=d["type"],
            trigger=Span.from_dict(d["trigger"]),
            actors=tuple(d.get("actors") or ()),
            recipients=tuple(d.get("recipients") or ()),
            negated=bool(d.get("negated", False)),
            intention=bool(d.get("intention", False)),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, quoted (``direct``) or reported (``indirect``)."""

    id: str
    speaker: str | None
    mode: StatementMode
    content: Span
    evidence: Evidence
    speaker_span: Span | None = None
    cue: Span | None = None
    claims: tuple[Claim, ...] = ()  # the events the content asserts or denies

    def to_dict(self) -> JSON:
        d: JSON = {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "mode": self.mode,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "evidence": self.evidence.to_dict(),
        }
        if self.claims:
            d["claims"] = [c.to_dict() for c in self.claims]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Statement:
        return cls(
            id=d["id"],
            speaker=d.get("speaker"),
            mode=d["mode"],
            content=Span.from_dict(d["content"]),
            evidence=Evidence.from_dict(d["evidence"]),
            speaker_span=Span.from_dict(d["speaker_span"]) if d.get("speaker_span") else None,
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            claims=tuple(Claim.from_dict(c) for c in d.get("claims") or ()),
        )


@dataclass(frozen=True, slots=True)
class Commitment:
    """Who promised what, to whom, by when."""

    id: str
    actor: str | None
    content: Span
    evidence: Evidence
    recipient: str | None = None
    due: DateRef | None = None
    status: CommitmentStatus | None = None

    def to_dict(self) -> JSON:
        d: JSON = {
            "id": self.id,
            "actor": self.actor,
            "recipient": self.recipient,
            "content": self.content.to_dict(),
            "due": self.due.to_dict() if self.due else None,
            "evidence": self.evidence.to_dict(),
        }
        if self.status is not None:
            d["status"] = self.status
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Commitment:
        return cls(
            id=d["id"],
            actor=d.get("actor"),
            content=Span.from_dict(d["content"]),
            evidence=Evidence.from_dict(d["evidence"]),
            recipient=d.get("recipient"),
            due=DateRef.from_dict(d["due"]) if d.get("due") else None,
            status=d.get("status"),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article and what is known about it."""

    id: str
    text: str
    lang: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    lang_confidence: float | None = None
    published_precision: Precision | None = None
    published_from: str | None = None
    sentences: tuple[tuple[int, int], ...] = ()
    input_ref: str | None = None
    offsets: OffsetMap | None = field(default=None, compare=False, repr=False)
    author: str | None = None

    def sentence_spans(self) -> Iterator[Span]:
        for start, end in self.sentences:
            yield Span(start, end, self.text[start:end])

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "source": self.source,
            "lang": self.lang,
            "lang_confidence": self.lang_confidence,
            "published": self.published,
            "published_precision": self.published_precision,
            "published_from": self.published_from,
            "title": self.title,
            "text": self.text,
            "sentences": [list(s) for s in self.sentences],
            **({"author": self.author} if self.author else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        return cls(
            id=d["id"],
            text=d["text"],
            lang=d["lang"],
            published=d.get("published"),
            title=d.get("title"),
            url=d.get("url"),
            path=d.get("path"),
            source=d.get("source"),
            lang_confidence=d.get("lang_confidence"),
            published_precision=d.get("published_precision"),
            published_from=d.get("published_from"),
            sentences=tuple((int(a), int(b)) for a, b in d.get("sentences") or ()),
            author=d.get("author"),
        )


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Everything newsgraph found in one document: the fact contract."""

    document: Document
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeValue, ...] = ()
    statements: tuple[Statement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    extractor: str | None = None

    def spans(self) -> Iterator[Span]:
        """Every span of the result that indexes ``document.text``."""
        yield from self.document.sentence_spans()
        for actor in self.actors:
            yield from actor.mentions
        for place in self.places:
            yield from place.mentions
        for time in self.times:
            yield time.as_span()
        for event in self.events:
            for ev in (event.evidence, *event.more_evidence):
                if ev.doc_id in (None, self.document.id):
                    yield ev.as_span()
            if event.trigger is not None:
                yield event.trigger
        for st in self.statements:
            yield from (s for s in (st.content, st.speaker_span, st.cue) if s is not None)
            yield from (c.trigger for c in st.claims)
            yield st.evidence.as_span()
        for cm in self.commitments:
            yield cm.content
            yield cm.evidence.as_span()

    def check_spans(self) -> None:
        """Raise :class:`SpanError` unless every span matches ``document.text``."""
        for span in self.spans():
            span.check(self.document.text)

    def to_dict(self) -> JSON:
        d: JSON = {
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "statements": [s.to_dict() for s in self.statements],
            "commitments": [c.to_dict() for c in self.commitments],
        }
        if self.extractor is not None:
            d["extractor"] = self.extractor
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ExtractionResult:
        return cls(
            document=Document.from_dict(d["document"]),
            actors=tuple(Actor.from_dict(x) for x in d.get("actors") or ()),
            places=tuple(Place.from_dict(x) for x in d.get("places") or ()),
            events=tuple(Event.from_dict(x) for x in d.get("events") or ()),
            times=tuple(TimeValue.from_dict(x) for x in d.get("times") or ()),
            statements=tuple(Statement.from_dict(x) for x in d.get("statements") or ()),
            commitments=tuple(Commitment.from_dict(x) for x in d.get("commitments") or ()),
            extractor=d.get("extractor"),
        )


Stage = Literal["read", "decode", "parse", "clean", "extract", "store"]
InputFormat = Literal["record", "text", "jsonl", "html", "warc", "rss"]


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read from an input, before cleaning.

    ``text`` is the decoded input (for a crawled record, the whole record, header
    included; for JSONL, the ``text`` field); the article starts at ``body_start``.
    Cleaned-text offsets map back into ``text``.  ``url``, ``title``,
    ``published`` and ``lang`` are what the input states explicitly;
    ``header_date`` is the crawl header's month (``YYYY-MM``), a last-resort date.

    For markup inputs (HTML pages, WARC responses, feed items) ``text`` is the
    main text extracted from the markup and ``markup`` is the decoded markup
    itself, the raw input that is stored; ``markup_offsets`` maps ``text`` into
    ``markup`` (exact for every word found verbatim in the markup, a ``replace``
    over the markup between them otherwise), so the document's offset map leads
    to the markup.  ``author`` is the byline the markup states.
    """

    input_ref: str
    text: str
    format: InputFormat
    raw_sha256: str
    body_start: int = 0
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    header_date: str | None = None
    encoding: str = "utf-8"
    author: str | None = None
    markup: str | None = field(default=None, repr=False)
    markup_offsets: OffsetMap | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that could not be processed, with the reason and how to fix it.

    ``code`` is a short stable key (``empty``, ``binary``, ``too_large``, ...);
    ``reason`` is a sentence for a person.
    """

    input_ref: str
    stage: Stage
    code: str
    reason: str
    raw_sha256: str | None = None
    raw: bytes | None = field(default=None, repr=False)

    def to_dict(self) -> JSON:
        return {
            "input_ref": self.input_ref,
            "stage": self.stage,
            "code": self.code,
            "reason": self.reason,
            "raw_sha256": self.raw_sha256,
        }
