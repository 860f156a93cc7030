"""Printing lists and counts as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from rich.console import Console
from rich.table import Table

OutputFormat = Literal["table", "json", "csv"]
OUTPUT_FORMATS = ("table", "json", "csv")


def flatten(data: Mapping[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    """``{"facts": {"events": 3}}`` → ``[{"metric": "facts.events", "value": 3}]``."""
    rows: list[dict[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            rows.extend(flatten(value, f"{name}."))
        elif not isinstance(value, Mapping):
            rows.append({"metric": name, "value": value})
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)  # names, languages, sources: read as a list in a table
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _stdout_console() -> Console:
    """Rich's console on stdout; wide when the output is a file or a pipe."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def emit_rows(
    rows: Sequence[Mapping[str, Any]],
    *,
    fmt: OutputFormat,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    """Print ``rows`` in ``fmt``; ``columns`` chooses and orders the table/CSV columns."""
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in cols])
        return
    out = console or _stdout_console()
    if not rows:
        out.print(f"[dim]{title + ': ' if title else ''}nothing to show[/dim]")
        return
    table = Table(title=title, show_lines=False, title_justify="left")
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    out.print(table)


def emit_mapping(data: Mapping[str, Any], *, fmt: OutputFormat, title: str | None = None) -> None:
    """Print counts: a JSON object, or metric/value rows for a table or CSV."""
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    emit_rows(flatten(data), fmt=fmt, columns=["metric", "value"], title=title)
