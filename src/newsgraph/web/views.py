"""The web UI for analysts: server-rendered pages over the same store views as the API.

Timeline with filters, a happening with its reports, an actor's page, the commitments
board, an article with every fact highlighted, the network of who met or confronted whom,
and search.  No JavaScript: pages work on any screen and the Content-Security-Policy forbids
scripts, so article text (untrusted HTML) can never run.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.api.deps import Store
from newsgraph.errors import NotFoundError, StoreError
from newsgraph.model import PLOVER_TYPES
from newsgraph.store.links import STATUSES
from newsgraph.web.graph import network_svg

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
LINKABLE = ("event", "statement", "commitment", "actor")


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links (never ``javascript:`` and the like)."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def day_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def highlight(text: str, spans: list[dict[str, Any]]) -> Markup:
    """The text with every fact's span marked and linked; all text escaped."""
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in pairwise(cuts):
        if a >= b or a < 0 or b > len(text):
            continue
        piece = escape(text[a:b])
        covering = [s for s in spans if s["start"] <= a and b <= s["end"]]
        if not covering:
            out.append(str(piece))
            continue
        kinds = sorted({s["kind"] for s in covering})
        title = "; ".join(dict.fromkeys(str(s["label"]) for s in covering))
        ids = ""
        for s in covering:
            fact = s.get("fact")
            if fact and fact not in anchored and s["start"] == a:
                anchored.add(fact)
                ids = f' id="f-{escape(fact)}"'
                break
        classes = " ".join(f"k-{k}" for k in kinds)
        target = _target(covering)
        inner = f'<mark class="{classes}" title="{escape(title)}"{ids}>{piece}</mark>'
        out.append(f'<a href="{escape(target)}">{inner}</a>' if target else inner)
    return Markup("".join(out))


def _target(covering: list[dict[str, Any]]) -> str | None:
    for kind in LINKABLE:
        for s in covering:
            if s["kind"] == kind and s.get("ref"):
                ref = str(s["ref"])
                if kind == "actor":
                    return f"/actors/{ref}"
                if ref.startswith(("hx-", "ev-")):
                    return f"/events/{ref}"
                return f"/facts/{ref}"
    return None


def mount(app: FastAPI) -> None:
    """Add the UI's pages and static files to ``app``."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals.update(safe_url=safe_url, plover=sorted(PLOVER_TYPES), statuses=STATUSES)
    env.filters["urlencode_params"] = lambda d: urlencode({k: v for k, v in d.items() if v})
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        response = templates.TemplateResponse(request, name, context, status_code=status)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def problem(request: Request, status: int, detail: str, headers: Any = None) -> Response:
        if request.url.path.startswith("/api") or status != 404:
            return JSONResponse({"detail": detail}, status_code=status, headers=headers)
        return render(request, "error.html", status, message=detail)

    @app.exception_handler(NotFoundError)
    async def missing(request: Request, exc: NotFoundError) -> Response:
        return problem(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return problem(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def timeline(
        request: Request,
        s: Store,
        actor: str | None = Query(None, max_length=200),
        type: str | None = Query(None, max_length=20),
        date_from: str | None = Query(None, alias="from", max_length=10),
        date_to: str | None = Query(None, alias="to", max_length=10),
        offset: int = Query(0, ge=0, le=10_000_000),
    ) -> Response:
        ids = s.find_actors(actor) if actor else []
        note = f"no actor called “{actor}”" if actor and not ids else None
        kind = type.upper() if type and type.upper() in PLOVER_TYPES else None
        rows = (
            []
            if note
            else s.timeline(
                actors=ids,
                types=[kind] if kind else (),
                date_from=day_or_none(date_from),
                date_to=day_or_none(date_to),
                limit=100,
                offset=offset,
            )
        )
        filters = {"actor": actor, "type": kind, "from": day_or_none(date_from),
                   "to": day_or_none(date_to)}  # fmt: skip
        return render(
            request,
            "timeline.html",
            rows=rows,
            filters=filters,
            note=note,
            offset=offset,
            next_offset=offset + 100 if len(rows) == 100 else None,
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, s: Store, event_id: str) -> Response:
        found = s.explain(event_id[:100]) if event_id.startswith(("hx-", "ev-")) else None
        if found is None or "reports" not in found:
            raise NotFoundError(f"no event {event_id}")
        names = s.actor_names([*found["data"]["actors"], *found["data"]["recipients"]])
        return render(request, "event.html", h=found, names=names)

    @app.get("/facts/{fact_id}", response_class=HTMLResponse, include_in_schema=False)
    def fact(request: Request, s: Store, fact_id: str) -> Response:
        found = s.explain(fact_id[:100])
        if found is None:
            raise NotFoundError(f"no fact {fact_id}")
        return render(request, "fact.html", fact_id=fact_id, f=found)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, s: Store, doc_id: str) -> Response:
        result = s.load_result(s.find_document(doc_id[:200]))
        doc = result.document
        spans = s.document_facts(doc.id)
        return render(
            request,
            "document.html",
            doc=doc,
            body=highlight(doc.text, spans),
            counts={
                "actors": len(result.actors),
                "events": len(result.events),
                "statements": len(result.statements),
                "commitments": len(result.commitments),
            },
        )

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, s: Store, actor_id: str) -> Response:
        found = s.actor(actor_id[:200])
        if found is None:
            raise NotFoundError(f"no actor {actor_id}")
        meetings = s.timeline(actors=[found["id"]], types=["CONSULT"], limit=200)
        return render(
            request,
            "actor.html",
            a=found,
            meetings=meetings,
            happenings=s.timeline(actors=[found["id"]], limit=200),
            statements=s.list_statements(speaker=found["id"], limit=100),
            commitments=s.list_commitments(actor=found["id"], limit=200),
            contradictions=s.list_contradictions(speaker=found["id"]),
        )

    @app.get("/commitments", response_class=HTMLResponse, include_in_schema=False)
    def board(request: Request, s: Store) -> Response:
        rows = s.list_commitments(limit=2000)
        columns = {status: [r for r in rows if r["status"] == status] for status in STATUSES}
        return render(request, "commitments.html", columns=columns)

    @app.get("/contradictions", response_class=HTMLResponse, include_in_schema=False)
    def contradictions(request: Request, s: Store) -> Response:
        return render(request, "contradictions.html", rows=s.list_contradictions())

    @app.get("/graph", response_class=HTMLResponse, include_in_schema=False)
    def graph(
        request: Request,
        s: Store,
        date_from: str | None = Query(None, alias="from", max_length=10),
        date_to: str | None = Query(None, alias="to", max_length=10),
    ) -> Response:
        net = s.network(date_from=day_or_none(date_from), date_to=day_or_none(date_to), limit=150)
        return render(
            request,
            "graph.html",
            svg=network_svg(net),
            net=net,
            filters={"from": day_or_none(date_from), "to": day_or_none(date_to)},
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, s: Store, q: str = Query("", max_length=200)) -> Response:
        docs: list[dict[str, Any]] = []
        error = None
        if q.strip():
            try:
                docs = s.search_documents(q, limit=50)
            except StoreError as exc:  # a malformed FTS query: say so on the page
                error = str(exc)
        actors = s.list_actors(query=q, limit=20) if q.strip() else []
        return render(request, "search.html", q=q, docs=docs, actors=actors, error=error)
