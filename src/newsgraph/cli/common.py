"""What every command module shares: the error console, output options, progress bars,
opening an existing database, and the group that turns errors into one clear line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli.render import OutputFormat, emit_mapping
from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.ingest import Event, IngestReport, ProgressCallback
from newsgraph.link import LinkReport
from newsgraph.store import SQLStore, is_url, open_store

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True, soft_wrap=True)  # messages are never cut into lines


def batch_size_option(f: F) -> F:
    """``--batch-size``: records per transaction."""
    from newsgraph.ingest import DEFAULT_BATCH_SIZE

    return click.option(
        "--batch-size",
        type=click.IntRange(min=1),
        default=DEFAULT_BATCH_SIZE,
        show_default=True,
        help="Records per transaction.",
    )(f)


def link_option(f: F) -> F:
    """``--link/--no-link``: link the new events after storing them."""
    return click.option(
        "--link/--no-link",
        default=True,
        show_default=True,
        help="Link the new events across articles and update statuses afterwards.",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="How to print the result.",
    )


def existing_store(db: str) -> SQLStore:
    if not is_url(db) and not Path(db).exists():
        raise StoreError(
            f"there is no database at {db}; create one with 'newsgraph ingest {db} INPUT...'"
        )
    return open_store(db)


@contextmanager
def progress_bar(description: str, *, total: int | None = None) -> Iterator[Progress]:
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        progress.add_task(description, total=total, status="")
        yield progress


def counting_progress(progress: Progress) -> ProgressCallback:
    """A progress callback that advances the bar and shows the outcomes so far."""
    task = progress.task_ids[0]
    tally: dict[str, int] = {}

    def on_item(event: Event, ref: str) -> None:
        tally[event] = tally.get(event, 0) + 1
        status = " ".join(f"{k} {v}" for k, v in sorted(tally.items()))
        progress.update(task, advance=1, status=status)

    return on_item


def emit_report(
    report: IngestReport, linked: LinkReport | None, *, fmt: OutputFormat, title: str, db: str
) -> None:
    """Print what an ingest or a load did with every record."""
    summary: dict[str, Any] = {
        "records": report.records,
        "stored": report.stored,
        "duplicate": report.duplicate,
        "near_duplicate": report.near_duplicate,
        "quarantined": report.quarantined,
        "skipped_files": report.skipped,
        "seconds": report.seconds,
        "quarantined_by_reason": report.quarantined_by_reason,
    }
    if linked is not None:
        summary["links"] = linked.to_dict()
    emit_mapping(summary, fmt=fmt, title=title)
    if report.quarantined and fmt == "table":
        err.print(
            f"{report.quarantined} record(s) quarantined: see 'newsgraph quarantine {db}'",
            highlight=False,
        )


class NewsgraphGroup(click.Group):
    """Turns newsgraph's own errors into one clear line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            err.print(
                f"[bold red]Error:[/bold red] {escape(str(exc))}", highlight=False, soft_wrap=True
            )
            ctx.exit(1)
