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

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.store import SQLStore, is_url, open_store

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True, soft_wrap=True)  # messages are never cut into lines


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
