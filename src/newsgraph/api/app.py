"""The REST API: a thin, read-only layer over the store's views (documents, actors,
happenings, statements, commitments, contradictions, evidence), documented in OpenAPI.

Field names are those of the fact contract.  Lists are paged (``limit``/``offset``; the
answer says the ``next_offset``).  ``POST /api/ingest`` exists only when a token is
configured, and needs it as a bearer token.
"""

from __future__ import annotations

import hmac
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import orjson
from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator, Field

from newsgraph import __version__
from newsgraph.api.deps import Store, Stores
from newsgraph.errors import NewsgraphError, NotFoundError, StoreError
from newsgraph.ingest import ingest_documents
from newsgraph.link import update_links
from newsgraph.model import PLOVER_TYPES
from newsgraph.store import SQLStore, is_url, open_store
from newsgraph.store.links import STATUSES

MAX_PAGE = 500
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Status = Literal["pending", "due", "overdue", "kept", "broken", "cancelled"]
Tie = Literal["meet", "confront"]

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def _iso_day(value: object) -> object:
    """Days are written YYYY-MM-DD (no timestamps, no other spellings)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("write the day as YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("write the day as YYYY-MM-DD")
    return value


Day = Annotated[date | None, BeforeValidator(_iso_day), Query(description="A day, YYYY-MM-DD.")]


class Page(BaseModel):
    """One page of a list; ask for the next with ``offset=next_offset``."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(description="null on the last page")


class JSONPage(Response):
    """JSON written by orjson: a page of rows is encoded several times faster."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def page(items: list[dict[str, Any]], limit: int, offset: int) -> JSONPage:
    """A page, serialised here once: a list of plain rows needs no model validation (which
    FastAPI would run in another thread) — the busiest endpoints answer sooner."""
    return JSONPage(
        {
            "items": items,
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None,
        }
    )


assert set(get_args(PloverType)) == set(PLOVER_TYPES) and get_args(Status) == STATUSES


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _search(s: SQLStore, q: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """Full-text search; a query the store cannot parse is searched for as its words."""
    try:
        return s.search_documents(q, limit=limit, offset=offset)
    except StoreError:
        words = re.findall(r"\w+", q)
        if not words:
            return []
        quoted = " ".join(f'"{w}"' for w in words)
        return s.search_documents(quoted, limit=limit, offset=offset)


class Problem(BaseModel):
    """What went wrong and how to put it right."""

    detail: str


PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The request cannot be answered as asked"},
    404: {"model": Problem, "description": "No such document, actor or fact"},
}


class IngestDocument(BaseModel):
    text: str = Field(min_length=1, max_length=5_000_000)
    url: str | None = Field(default=None, max_length=4000)
    title: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40)
    lang: str | None = Field(default=None, max_length=8)


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)


def create_app(db: str | Path, *, token: str | None = None, connections: int = 4) -> FastAPI:
    """The API (and, mounted on it, the web UI) over the database at ``db``, answering
    at most ``connections`` requests at a time (the others wait their turn)."""
    if not is_url(db) and not Path(db).exists():
        raise NotFoundError(
            f"there is no database at {db}; create one with 'newsgraph ingest {db} INPUT...'"
        )
    open_store(db).close()  # migrate once, before any request
    stores = Stores(str(db), size=connections)
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Events, statements and commitments from multilingual news, each with "
        "its evidence. Read-only unless an ingest token is configured.",
    )

    app.state.stores = stores

    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(NewsgraphError)
    async def bad_request(_: Request, exc: NewsgraphError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    api = APIRouter(prefix="/api", responses=PROBLEMS)

    @api.get(
        "/documents",
        response_model=Page,
        summary="Documents, newest first, or those matching a search",
    )
    def documents(
        s: Store,
        q: Annotated[
            str | None, Query(max_length=500, description="Full-text query (FTS5 syntax).")
        ] = None,
        lang: Annotated[str | None, Query(max_length=8)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONPage:
        if q:
            return page(_search(s, q, limit=limit, offset=offset), limit, offset)
        return page(s.list_documents(limit=limit, offset=offset, lang=lang), limit, offset)

    @api.get("/documents/{doc_id}", summary="A document and all its facts (the fact contract)")
    def document(s: Store, doc_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        result = s.load_result(s.find_document(doc_id)).to_dict()
        result["highlights"] = s.document_facts(result["document"]["id"])
        return result

    @api.get(
        "/actors",
        response_model=Page,
        summary="Actors by number of mentions, or those matching a name",
    )
    def actors(
        s: Store,
        q: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONPage:
        return page(s.list_actors(query=q, limit=limit, offset=offset), limit, offset)

    @api.get("/actors/{actor_id}", summary="An actor with its aliases and roles")
    def actor(s: Store, actor_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        found = s.actor(actor_id)
        if found is None:
            raise NotFoundError(f"no actor {actor_id!r}; find ids with /api/actors?q=NAME")
        return found

    @api.get(
        "/actors/{actor_id}/timeline",
        response_model=Page,
        summary="The happenings an actor took part in",
    )
    def actor_timeline(
        s: Store,
        actor_id: Annotated[str, PathParam(max_length=200)],
        date_from: Annotated[Day, Query(alias="from")] = None,
        date_to: Annotated[Day, Query(alias="to")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONPage:
        rows = s.timeline(
            actors=[actor_id],
            date_from=_day(date_from),
            date_to=_day(date_to),
            limit=limit,
            offset=offset,
        )
        if not rows:  # an empty page, or no such actor
            actor(s, actor_id)
        return page(rows, limit, offset)

    @api.get(
        "/events",
        response_model=Page,
        summary="Happenings (events merged across reports), in date order",
    )
    def events(
        s: Store,
        type: Annotated[list[PloverType] | None, Query(max_length=16)] = None,
        actor: Annotated[list[str] | None, Query(max_length=200)] = None,
        recipient: Annotated[list[str] | None, Query(max_length=200)] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        date_from: Annotated[Day, Query(alias="from")] = None,
        date_to: Annotated[Day, Query(alias="to")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONPage:
        rows = s.timeline(
            actors=actor or (),
            recipients=recipient or (),
            place=place,
            date_from=_day(date_from),
            date_to=_day(date_to),
            types=type or (),
            limit=limit,
            offset=offset,
        )
        return page(rows, limit, offset)

    @api.get("/events/{event_id}", summary="A happening (hx-…) or event (ev-…) and its reports")
    def event(
        s: Store,
        event_id: Annotated[
            str,
            PathParam(
                max_length=100,
                pattern="^(hx|ev)-",
                description="hx-… (a happening) or ev-… (one report of it)",
            ),
        ],
    ) -> dict[str, Any]:
        found = s.explain(event_id)
        if found is None:
            raise NotFoundError(f"no event {event_id!r}; list them with /api/events")
        return found

    @api.get(
        "/statements",
        response_model=Page,
        summary="Statements, newest first, by speaker or topic actor",
    )
    def statements(
        s: Store,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        about: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONPage:
        rows = s.list_statements(speaker=speaker, about=about, limit=limit, offset=offset)
        return page(rows, limit, offset)

    @api.get(
        "/commitments",
        response_model=Page,
        summary="Commitments with their status, by status or due range",
    )
    def commitments(
        s: Store,
        status: Annotated[list[Status] | None, Query(max_length=6)] = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
        due_from: Day = None,
        due_to: Day = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONPage:
        rows = s.list_commitments(
            statuses=status or (),
            actor=actor,
            due_from=_day(due_from),
            due_to=_day(due_to),
            limit=limit,
            offset=offset,
        )
        return page(rows, limit, offset)

    @api.get(
        "/contradictions", response_model=Page, summary="Statements contradicted by what followed"
    )
    def contradictions(
        s: Store,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONPage:
        return page(
            s.list_contradictions(speaker=speaker, limit=limit, offset=offset), limit, offset
        )

    @api.get("/facts/{fact_id}", summary="Why a fact is there: its evidence chain")
    def fact(s: Store, fact_id: Annotated[str, PathParam(max_length=100)]) -> dict[str, Any]:
        found = s.explain(fact_id)
        if found is None:
            raise NotFoundError(f"no fact {fact_id!r}")
        return found

    @api.get("/facts/{fact_id}/evidence", summary="A fact's evidence spans, with their articles")
    def evidence(s: Store, fact_id: Annotated[str, PathParam(max_length=100)]) -> dict[str, Any]:
        spans = s.evidence(fact_id)
        if not spans:
            raise NotFoundError(f"no evidence for {fact_id!r}")
        return {"fact": fact_id, "evidence": spans}

    @api.get("/network", summary="Who met or confronted whom over a period")
    def network(
        s: Store,
        date_from: Annotated[Day, Query(alias="from")] = None,
        date_to: Annotated[Day, Query(alias="to")] = None,
        kind: Annotated[list[Tie] | None, Query(max_length=2)] = None,
        limit: Annotated[int, Query(ge=1, le=2000)] = 200,
    ) -> dict[str, Any]:
        return s.network(
            date_from=_day(date_from),
            date_to=_day(date_to),
            kinds=kind or ("meet", "confront"),
            limit=limit,
        )

    @api.get("/stats", summary="What the database holds")
    def stats(s: Store) -> dict[str, Any]:
        return s.stats()

    if token:
        expected = token.encode()

        def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
            given = (authorization or "").removeprefix("Bearer ").strip().encode()
            if not authorization or not hmac.compare_digest(given, expected):
                raise HTTPException(
                    401,
                    "this endpoint needs the ingest token: send 'Authorization: Bearer TOKEN'",
                    headers={"WWW-Authenticate": "Bearer"},
                )

        @api.post(
            "/ingest",
            summary="Extract and store documents (needs the configured token)",
            dependencies=[Depends(authorised)],
            responses={401: {"model": Problem, "description": "Missing or wrong token"}},
        )
        def ingest_endpoint(s: Store, body: IngestRequest) -> dict[str, Any]:
            docs = [d.model_dump(exclude_none=True) for d in body.documents]
            with stores.write_lock:
                report = ingest_documents(s, docs)
                links = update_links(s)
            return {**report.to_dict(), "links": links.to_dict()}

    app.include_router(api)

    from newsgraph.web.views import mount

    mount(app)
    return app
