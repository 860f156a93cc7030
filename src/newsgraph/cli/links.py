"""Commands over the linking layer (link, timeline, commitments, contradictions, explain)
and the server (serve)."""

from __future__ import annotations

import json
from datetime import date

import click

from newsgraph.cli.common import err, existing_store, format_option
from newsgraph.cli.render import OUTPUT_FORMATS, OutputFormat, emit_mapping, emit_rows
from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.link import update_links
from newsgraph.store.links import STATUSES


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


def register(cli: click.Group) -> None:
    """Add the linking commands to the ``newsgraph`` group."""

    @cli.command("link")
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.option("--rebuild", is_flag=True, help="Forget the clusters and link everything again.")
    @click.option(
        "--as-of",
        default=None,
        metavar="DATE",
        help="Compute commitment statuses for this day (default: the latest article's day).",
    )
    @format_option(*OUTPUT_FORMATS)
    def link_command(db: str, rebuild: bool, as_of: str | None, fmt: OutputFormat) -> None:
        """Link the events of DB across articles (one event per happening), and update
        commitment statuses and contradictions. 'ingest' does this after each run."""
        with existing_store(db) as store:
            report = update_links(store, rebuild=rebuild, as_of=_day(as_of, "--as-of"))
        emit_mapping(report.to_dict(), fmt=fmt, title=f"links in {db}")

    @cli.command()
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.option("--actor", "actors", multiple=True, metavar="NAME", help="Who took part.")
    @click.option("--from", "date_from", default=None, metavar="DATE", help="From this day.")
    @click.option("--to", "date_to", default=None, metavar="DATE", help="Up to this day.")
    @click.option("--type", "types", multiple=True, metavar="PLOVER", help="Event type(s).")
    @click.option("--limit", type=click.IntRange(min=1), default=1000, show_default=True)
    @format_option(*OUTPUT_FORMATS)
    def timeline(
        db: str,
        actors: tuple[str, ...],
        date_from: str | None,
        date_to: str | None,
        types: tuple[str, ...],
        limit: int,
        fmt: OutputFormat,
    ) -> None:
        """The happenings of DB in date order: one row per event, however many articles
        and languages report it.

        NAME is an actor id ("sergey-lavrov", "RUS") or a name or alias ("Lavrov",
        "Russia"); give --actor several times for any of them.
        """
        with existing_store(db) as store:
            ids: list[str] = []
            for name in actors:
                found = store.find_actors(name)
                if not found:
                    raise NotFoundError(
                        f"no actor called {name!r} in {db}; give an id or a name as "
                        f"'newsgraph show {db} DOC' lists them"
                    )
                ids += found
            rows = store.timeline(
                actors=ids,
                date_from=_day(date_from, "--from"),
                date_to=_day(date_to, "--to"),
                types=types,
                limit=limit,
            )
        emit_rows(
            rows,
            fmt=fmt,
            title=f"timeline of {db}",
            columns=[
                "date",
                "type",
                "actors",
                "recipients",
                "place",
                "documents",
                "langs",
                "evidence",
                "id",
            ]
            if fmt == "table"
            else None,
        )

    @cli.command()
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.option(
        "--status", "statuses", multiple=True, type=click.Choice(STATUSES), help="Only these."
    )
    @format_option(*OUTPUT_FORMATS)
    def commitments(db: str, statuses: tuple[str, ...], fmt: OutputFormat) -> None:
        """The commitments of DB with their status (pending, due, overdue, kept, broken),
        the day it was set and its evidence. 'newsgraph explain DB ID' shows why."""
        with existing_store(db) as store:
            rows = store.list_commitments(statuses=statuses)
        emit_rows(
            rows,
            fmt=fmt,
            title=f"commitments in {db}",
            columns=["made", "actor", "content", "due", "status", "since", "evidence", "id"]
            if fmt == "table"
            else None,
        )

    @cli.command()
    @click.argument("db", type=click.Path(dir_okay=False))
    @format_option(*OUTPUT_FORMATS)
    def contradictions(db: str, fmt: OutputFormat) -> None:
        """Statements contradicted by what happened (or was said) next: a denied intention
        followed by the event, a claim followed by a denial."""
        with existing_store(db) as store:
            rows = store.list_contradictions()
        emit_rows(
            rows,
            fmt=fmt,
            title=f"contradictions in {db}",
            columns=["said", "speaker", "statement", "then", "days", "against", "id"]
            if fmt == "table"
            else None,
        )

    @cli.command()
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.argument("fact_id")
    @format_option("json", "table", default="json")
    def explain(db: str, fact_id: str, fmt: str) -> None:
        """The evidence chain behind FACT_ID: a happening (hx-…) or event (ev-…) with every
        report and why it joined, a commitment (cm-…) with each status change and its
        evidence, a contradiction (cx-…) or a statement (st-…)."""
        with existing_store(db) as store:
            found = store.explain(fact_id.strip())
        if found is None:
            raise NotFoundError(
                f"no fact {fact_id!r} in {db}; take an id from 'newsgraph timeline', "
                "'commitments' or 'contradictions'"
            )
        if fmt == "json":
            click.echo(json.dumps(found, ensure_ascii=False, indent=2))
            return
        err.print(f"[bold]{found.get('kind', 'fact')}[/bold] {fact_id}", highlight=False)
        emit_rows(
            [{"field": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in found.items()],
            fmt="table",
        )

    @cli.command()
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
    @click.option(
        "--token-env",
        default="NEWSGRAPH_TOKEN",
        show_default=True,
        metavar="VAR",
        help="Environment variable holding the token that enables POST /api/ingest "
        "(unset: the API is read-only).",
    )
    @click.option(
        "--workers",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Server processes (one per core serves many clients best).",
    )
    def serve(db: str, host: str, port: int, token_env: str, workers: int) -> None:
        """Serve DB: the web UI at http://HOST:PORT/ and the REST API under /api
        (documented at /docs). Read-only unless the token variable is set."""
        import os

        from newsgraph.api.app import create_app
        from newsgraph.api.server import serve as run_server

        token = os.environ.get(token_env) or None
        app = create_app(db, token=token)  # checks and migrates the database once
        where = "" if host in ("127.0.0.1", "localhost") else " (reachable from other machines)"
        err.print(
            f"newsgraph on http://{host}:{port}/{where}; API at /api, docs at /docs; "
            f"ingest {'enabled (token set)' if token else 'disabled (read-only)'}"
            + (f"; {workers} processes" if workers > 1 else ""),
            highlight=False,
        )
        run_server(db, host=host, port=port, token=token, workers=workers, app=app)
