"""``newsgraph``: the command line over the library.

Each command parses its options, calls one library function and prints the
result; none holds logic of its own.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from newsgraph import __version__
from newsgraph.cli.batch import register as register_batch_commands
from newsgraph.cli.common import (
    F,
    NewsgraphGroup,
    batch_size_option,
    counting_progress,
    emit_report,
    err,
    existing_store,
    format_option,
    link_option,
    progress_bar,
)
from newsgraph.cli.export import register as register_export_command
from newsgraph.cli.links import register as register_link_commands
from newsgraph.cli.render import OUTPUT_FORMATS, OutputFormat, emit_mapping, emit_rows
from newsgraph.ingest import ingest
from newsgraph.kb import add_user_file, import_wikidata, lookup_name, user_kb_dir
from newsgraph.lang import supported_languages
from newsgraph.link import update_links
from newsgraph.model import ExtractionResult, Rejection
from newsgraph.pipeline import DEFAULT_MAX_TEXT_CHARS, PipelineOptions, process_safely
from newsgraph.sources import (
    DEFAULT_MAX_RECORD_BYTES,
    INPUT_FORMATS,
    ReadOptions,
    Skipped,
    read_inputs,
)
from newsgraph.store import open_store
from newsgraph.views import fact_rows


def reading_options(func: F) -> F:
    """Options shared by the commands that read inputs."""
    options = [
        click.option(
            "--input-format",
            type=click.Choice(INPUT_FORMATS),
            default="auto",
            show_default=True,
            help="Force the input format instead of detecting it for each file.",
        ),
        click.option(
            "--lang",
            type=click.Choice(supported_languages()),
            default=None,
            help="Force the language instead of identifying it.",
        ),
        click.option(
            "--published",
            default=None,
            metavar="DATE",
            help="Force the publication date (YYYY-MM-DD) instead of inferring it.",
        ),
        click.option(
            "--max-record-bytes",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_RECORD_BYTES,
            show_default=True,
            help="Quarantine input records larger than this.",
        ),
        click.option(
            "--max-text-chars",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_TEXT_CHARS,
            show_default=True,
            help="Quarantine articles longer than this many characters.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(
    input_format: str,
    lang: str | None,
    published: str | None,
    max_record_bytes: int,
    max_text_chars: int,
) -> tuple[ReadOptions, PipelineOptions]:
    return (
        ReadOptions(input_format=input_format, max_record_bytes=max_record_bytes),  # type: ignore[arg-type]
        PipelineOptions(lang=lang, published=published, max_text_chars=max_text_chars),
    )


@click.group(cls=NewsgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def cli() -> None:
    """newsgraph turns multilingual news into a traceable record of international
    affairs: who met, accused, threatened or sanctioned whom (events), who said
    what (statements) and who promised what (commitments), each pointing to the
    sentence it came from.

    \b
    Start with:
      newsgraph extract article.txt          facts of one article as JSON
      newsgraph ingest news.db articles/     store a folder of articles
      newsgraph stats news.db                what the database holds
      newsgraph documents news.db            the documents, one per line
      newsgraph show news.db DOC             one document and its sentences

    Every command has its own --help.
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True, exists=True))
@format_option("json", "jsonl", "table", default="json")
@reading_options
def extract(
    inputs: tuple[str, ...],
    fmt: str,
    input_format: str,
    lang: str | None,
    published: str | None,
    max_record_bytes: int,
    max_text_chars: int,
) -> None:
    """Print the facts of each article in INPUTS (no database needed).

    One JSON object per document in the shape of the fact contract (several
    documents give JSON Lines, in input order). A record that cannot be used
    prints an object with an "error" field and the reason.

    \b
    INPUTS: files, folders or - for standard input.
    """
    read_opts, pipe_opts = _options(input_format, lang, published, max_record_bytes, max_text_chars)
    items = [
        item for item in read_inputs(inputs, options=read_opts) if not isinstance(item, Skipped)
    ]
    results: list[ExtractionResult | Rejection] = []
    with progress_bar("extracting", total=len(items)) as progress:
        for item in items:
            results.append(
                item if isinstance(item, Rejection) else process_safely(item, options=pipe_opts)
            )
            progress.advance(progress.task_ids[0])
    for result in results:
        if isinstance(result, Rejection):
            err.print(
                f"[yellow]skipped[/yellow] {result.input_ref}: {result.reason}", highlight=False
            )
    if fmt == "table":
        _print_extract_table(results)
    else:
        compact = fmt == "jsonl" or len(results) > 1
        for result in results:
            obj = (
                {
                    "error": result.reason,
                    "rejection": result.to_dict(),
                    "document": {"url": None, "path": result.input_ref},
                }
                if isinstance(result, Rejection)
                else result.to_dict()
            )
            click.echo(json.dumps(obj, ensure_ascii=False, indent=None if compact else 2))
    if results and all(isinstance(r, Rejection) for r in results):
        sys.exit(1)


def _print_extract_table(results: list[ExtractionResult | Rejection]) -> None:
    rows: list[dict[str, Any]] = []
    for r in results:
        if isinstance(r, Rejection):
            rows.append({"input": r.input_ref, "status": f"quarantined: {r.code}"})
            continue
        d = r.document
        rows.append(
            {
                "input": d.path or d.input_ref,
                "status": "ok",
                "id": d.id[7:19],
                "lang": d.lang,
                "published": d.published,
                "source": d.source,
                "title": d.title,
                "sentences": len(d.sentences),
                "actors": len(r.actors),
                "events": len(r.events),
                "statements": len(r.statements),
                "commitments": len(r.commitments),
            }
        )
    emit_rows(
        rows,
        fmt="table",
        columns=[
            "input",
            "status",
            "id",
            "lang",
            "published",
            "source",
            "title",
            "sentences",
            "actors",
            "events",
            "statements",
            "commitments",
        ],
    )


@cli.command("ingest")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True, exists=True))
@reading_options
@batch_size_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that extract facts (this one reads inputs and writes the database).",
)
@link_option
@format_option(*OUTPUT_FORMATS)
def ingest_command(
    db: str,
    inputs: tuple[str, ...],
    input_format: str,
    lang: str | None,
    published: str | None,
    max_record_bytes: int,
    max_text_chars: int,
    batch_size: int,
    workers: int,
    link: bool,
    fmt: OutputFormat,
) -> None:
    """Read INPUTS, extract their facts and store them in the SQLite file DB.

    DB is created if it does not exist. Every input record ends as stored,
    duplicate (already in DB), near_duplicate (the same story republished with
    small edits: kept as another source of the stored one) or quarantined (with
    the reason; see 'newsgraph quarantine DB'). Running the same ingest again
    adds nothing. --workers N extracts in N processes; the database ends the same.
    """
    read_opts, pipe_opts = _options(input_format, lang, published, max_record_bytes, max_text_chars)
    with open_store(db) as store, progress_bar("ingesting") as progress:
        report = ingest(
            store,
            inputs,
            read_options=read_opts,
            pipeline_options=pipe_opts,
            batch_size=batch_size,
            workers=workers,
            progress=counting_progress(progress),
        )
        linked = update_links(store) if link else None
    emit_report(report, linked, fmt=fmt, title=f"ingest into {db}", db=db)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("doc")
@format_option(*OUTPUT_FORMATS)
def show(db: str, doc: str, fmt: OutputFormat) -> None:
    """Show one document of DB: its metadata, sentences and facts.

    DOC is a document id (or its first characters), a URL or an input path.
    With --format json it prints the document's facts as in 'extract';
    with --format csv, its sentences.
    """
    with existing_store(db) as store:
        result = store.load_result(store.find_document(doc))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    d = result.document
    sentences = [
        {"n": i + 1, "start": s.start, "end": s.end, "sentence": s.text}
        for i, s in enumerate(d.sentence_spans())
    ]
    if fmt == "csv":
        emit_rows(sentences, fmt="csv", columns=["n", "start", "end", "sentence"])
        return
    meta = {k: v for k, v in d.to_dict().items() if k not in ("text", "sentences")}
    emit_mapping(meta, fmt="table", title=d.id)
    emit_rows(sentences, fmt="table", columns=["n", "sentence"], title="sentences")
    for kind, rows in fact_rows(result).items():
        emit_rows(rows, fmt="table", title=kind)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--lang", default=None, help="Only documents in this language.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@format_option(*OUTPUT_FORMATS)
def documents(db: str, lang: str | None, limit: int, offset: int, fmt: OutputFormat) -> None:
    """List the documents of DB by publication date."""
    with existing_store(db) as store:
        rows = store.list_documents(limit=limit, offset=offset, lang=lang)
    if fmt == "table":
        rows = [{**r, "id": r["id"][7:19]} for r in rows]
    emit_rows(
        rows,
        fmt=fmt,
        title=f"documents in {db}",
        columns=["id", "published", "lang", "source", "sentences", "title"]
        if fmt == "table"
        else None,
    )


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@format_option(*OUTPUT_FORMATS)
def search(db: str, query: str, limit: int, fmt: OutputFormat) -> None:
    """Full-text search over the titles and texts of DB.

    QUERY uses SQLite FTS5 syntax: words, "exact phrases", OR, NOT, prefix*.
    """
    with existing_store(db) as store:
        rows = store.search_documents(query, limit=limit)
    if fmt == "table":
        rows = [{**r, "id": r["id"][7:19]} for r in rows]
    emit_rows(rows, fmt=fmt, title=f"search {query!r}")


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@format_option(*OUTPUT_FORMATS)
def stats(db: str, fmt: OutputFormat) -> None:
    """Count what DB holds: documents, facts by kind, quarantined inputs by reason."""
    with existing_store(db) as store:
        emit_mapping(store.stats(), fmt=fmt, title=f"{db}")


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@format_option(*OUTPUT_FORMATS)
def quarantine(db: str, limit: int, fmt: OutputFormat) -> None:
    """List the inputs of DB that could not be used, with the reason for each."""
    with existing_store(db) as store:
        rows = store.list_quarantine(limit=limit)
    emit_rows(
        rows,
        fmt=fmt,
        title=f"quarantine of {db}",
        columns=["input_ref", "stage", "code", "reason"] if fmt == "table" else None,
    )


@cli.group()
def kb() -> None:
    """The actor knowledge base: add your own people and organisations, look names up.

    Your files (YAML or JSON, format in docs/data-formats.md) are kept in
    $NEWSGRAPH_KB_DIR (default ~/.local/share/newsgraph/kb) and used by every
    later extract and ingest.
    """


@kb.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def kb_add(file: str) -> None:
    """Check FILE and add its people and organisations to your knowledge base."""
    count = add_user_file(file)
    click.echo(f"added {count} entries from {file} to {user_kb_dir()}")


@kb.command("import-wikidata")
@click.argument("extract", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the converted file (default: your knowledge-base folder).",
)
def kb_import_wikidata(extract: str, out: str | None) -> None:
    """Turn a Wikidata JSON extract (people, organisations, their offices and countries)
    into knowledge-base entries, and use them from now on."""
    path, count = import_wikidata(extract, out=out)
    click.echo(f"imported {count} entries from {extract} into {path}")


@kb.command("lookup")
@click.argument("name")
@click.option("--on", "day", default=None, metavar="DATE", help="Roles held on this day.")
@format_option(*OUTPUT_FORMATS)
def kb_lookup(name: str, day: str | None, fmt: OutputFormat) -> None:
    """Show the knowledge-base entries one of whose names is NAME."""
    rows = lookup_name(name, on=day)
    emit_rows(
        rows,
        fmt=fmt,
        title=f"entries named {name!r}",
        columns=["id", "name", "type", "country", "roles"],
    )


register_link_commands(cli)
register_export_command(cli)
register_batch_commands(cli)


def main() -> None:
    cli(prog_name="newsgraph")


if __name__ == "__main__":
    main()
