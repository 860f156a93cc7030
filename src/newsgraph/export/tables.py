"""The flat tables of the CSV and Parquet exports: one per fact kind, with fixed column
names (those of the fact contract, flattened: ``evidence.text`` → ``evidence_text``) and
types, and their rows in a stable order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.export.cameo import cameo_table
from newsgraph.export.happenings import load_happenings
from newsgraph.store import SQLStore

ColumnType = Literal["string", "int", "float", "bool", "list"]
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType = "string"


@dataclass(frozen=True, slots=True)
class Table:
    """A table's name (its file is ``NAME.csv`` or ``NAME.parquet``) and columns."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[SQLStore], Iterator[Row]]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(spec: str) -> tuple[Column, ...]:
    """``"id n_documents:int"`` → columns (string unless a type follows the colon)."""
    columns = []
    for item in spec.split():
        name, _, typ = item.partition(":")
        columns.append(Column(name, typ or "string"))  # type: ignore[arg-type]
    return tuple(columns)


def _span(prefix: str, span: dict[str, Any] | None) -> Row:
    span = span or {}
    return {
        f"{prefix}_start": span.get("start"),
        f"{prefix}_end": span.get("end"),
        f"{prefix}_text": span.get("text"),
    }


def _date(prefix: str, ref: dict[str, Any] | None) -> Row:
    ref = ref or {}
    value = ref.get("value")
    start, end = (
        (value.get("start"), value.get("end")) if isinstance(value, dict) else (value, value)
    )
    return {f"{prefix}_text": ref.get("text"), f"{prefix}_start": start, f"{prefix}_end": end}


def _documents(store: SQLStore) -> Iterator[Row]:
    yield from store.document_rows()


def _actors(store: SQLStore) -> Iterator[Row]:
    yield from store.actor_rows()


def _places(store: SQLStore) -> Iterator[Row]:
    yield from store.place_rows()


def _events(store: SQLStore) -> Iterator[Row]:
    table = cameo_table()
    for r in store.event_rows():
        d = r["data"]
        cameo = table.lookup(d["type"], d.get("mode"))
        yield {
            "id": r["id"],
            "doc_id": r["doc_id"],
            "cluster_id": r["cluster_id"],
            "type": d["type"],
            "mode": d.get("mode"),
            "cameo": d.get("cameo") or (cameo.code if cameo else None),
            "actors": d.get("actors") or [],
            "recipients": d.get("recipients") or [],
            "place": d.get("place"),
            **_date("date", d.get("date")),
            "negated": bool(d.get("negated")),
            "hypothetical": bool(d.get("hypothetical")),
            "confidence": d.get("confidence"),
            "trigger_text": (d.get("trigger") or {}).get("text"),
            **_span("evidence", d.get("evidence")),
            "n_evidence": 1 + len(d.get("more_evidence") or ()),
        }


def _happenings(store: SQLStore) -> Iterator[Row]:
    for h in load_happenings(store):
        place = h.place
        yield {
            "id": h.id,
            "type": h.type,
            "mode": h.mode,
            "cameo": h.cameo.code if h.cameo else None,
            "hypothetical": h.hypothetical,
            "date_start": h.date_start,
            "date_end": h.date_end,
            "first_reported": h.first_reported,
            "last_reported": h.last_reported,
            "actors": [a.id for a in h.actors],
            "recipients": [a.id for a in h.recipients],
            "place": place.id if place else None,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "n_reports": len(h.reports),
            "n_documents": h.n_documents,
            "n_sources": h.n_sources,
            "langs": list(h.langs),
            "sources": list(h.sources),
            "events": [r.event for r in h.reports],
            "documents": sorted({r.doc_id for r in h.reports}),
            "urls": sorted({r.url for r in h.reports if r.url}),
            "evidence_text": h.reports[0].evidence if h.reports else None,
        }


def _statements(store: SQLStore) -> Iterator[Row]:
    for r in store.statement_rows():
        d = r["data"]
        yield {
            "id": r["id"],
            "doc_id": r["doc_id"],
            "speaker": d.get("speaker"),
            "mode": d.get("mode"),
            **_span("speaker_span", d.get("speaker_span")),
            **_span("cue", d.get("cue")),
            **_span("content", d.get("content")),
            **_span("evidence", d.get("evidence")),
            "claims": json.dumps(d.get("claims") or [], ensure_ascii=False, sort_keys=True),
        }


def _commitments(store: SQLStore) -> Iterator[Row]:
    for r in store.commitment_export_rows():
        d = r["data"]
        last = r["history"][-1] if r["history"] else {}
        yield {
            "id": r["id"],
            "doc_id": r["doc_id"],
            "published": r["published"],
            "actor": d.get("actor"),
            "recipient": d.get("recipient"),
            "content_text": (d.get("content") or {}).get("text"),
            **_date("due", d.get("due")),
            "status": r["status"],
            "status_date": last.get("date"),
            "status_doc_id": last.get("doc_id"),
            "status_evidence_text": last.get("text"),
            "evidence_text": (d.get("evidence") or {}).get("text"),
        }


def _contradictions(store: SQLStore) -> Iterator[Row]:
    for c in store.contradiction_rows():
        other = c.get("other") or {}
        against = other.get("evidence")
        yield {
            "id": c["id"],
            "kind": c["kind"],
            "speaker": c.get("speaker"),
            "statement_id": c["statement_id"],
            "statement_date": c.get("statement_date"),
            "statement_text": ((c.get("statement") or {}).get("content") or {}).get("text"),
            "other_kind": c["other_kind"],
            "other_id": c["other_id"],
            "other_date": c.get("other_date"),
            "days": c.get("days"),
            "other_evidence_text": (against[0] if against else None)
            if isinstance(against, list)
            else (against or {}).get("text"),
        }


_SPAN = "{p}_start:int {p}_end:int {p}_text"

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        _cols(
            "id url path source lang published published_precision title text"
            " extractor_version n_sentences:int"
        ),
        _documents,
    ),
    Table(
        "actors",
        _cols("id name type country roles:list aliases:list n_mentions:int n_documents:int"),
        _actors,
    ),
    Table(
        "places",
        _cols("id name type country lat:float lon:float n_mentions:int n_documents:int"),
        _places,
    ),
    Table(
        "events",
        _cols(
            "id doc_id cluster_id type mode cameo actors:list recipients:list place"
            " date_text date_start date_end negated:bool hypothetical:bool confidence:float"
            f" trigger_text {_SPAN.format(p='evidence')} n_evidence:int"
        ),
        _events,
    ),
    Table(
        "happenings",
        _cols(
            "id type mode cameo hypothetical:bool date_start date_end first_reported"
            " last_reported actors:list recipients:list place place_name place_country"
            " lat:float lon:float n_reports:int n_documents:int n_sources:int langs:list"
            " sources:list events:list documents:list urls:list evidence_text"
        ),
        _happenings,
    ),
    Table(
        "statements",
        _cols(
            "id doc_id speaker mode "
            + " ".join(_SPAN.format(p=p) for p in ("speaker_span", "cue", "content", "evidence"))
            + " claims"
        ),
        _statements,
    ),
    Table(
        "commitments",
        _cols(
            "id doc_id published actor recipient content_text due_text due_start due_end"
            " status status_date status_doc_id status_evidence_text evidence_text"
        ),
        _commitments,
    ),
    Table(
        "contradictions",
        _cols(
            "id kind speaker statement_id statement_date statement_text other_kind other_id"
            " other_date days:int other_evidence_text"
        ),
        _contradictions,
    ),
)
