"""``newsgraph export``: write a database out as JSON Lines, CSV, Parquet, PLOVER records,
a GDELT-like table or a GraphML network."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.cli.common import err, existing_store, progress_bar
from newsgraph.errors import ConfigError
from newsgraph.export import (
    EXPORT_FORMATS,
    FOLDER_FORMATS,
    JSONL_WHAT,
    ExportFormat,
    JsonlWhat,
)
from newsgraph.export import (
    export as export_database,
)


def _check_out(out: str, fmt: ExportFormat) -> None:
    path = Path(out)
    if fmt in FOLDER_FORMATS:
        if out == "-":
            raise ConfigError(f"--format {fmt} writes a folder of files; give --out FOLDER")
        if path.exists() and not path.is_dir():
            raise ConfigError(f"{out} is a file; --format {fmt} writes a folder: give --out FOLDER")
    elif path.is_dir():
        raise ConfigError(f"{out} is a folder; --format {fmt} writes one file: give --out FILE")


def register(cli: click.Group) -> None:
    """Add ``export`` to the ``newsgraph`` group."""

    @cli.command("export")
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(EXPORT_FORMATS),
        required=True,
        help="What to write (see above).",
    )
    @click.option(
        "--out",
        required=True,
        type=click.Path(allow_dash=True),
        metavar="PATH",
        help="The file to write (- for standard output), or the folder for csv and parquet.",
    )
    @click.option(
        "--what",
        type=click.Choice(JSONL_WHAT),
        default="documents",
        show_default=True,
        help="With --format jsonl: the documents' facts, or the linked layer.",
    )
    def export_command(db: str, fmt: ExportFormat, out: str, what: JsonlWhat) -> None:
        """Write the facts of DB in another format, for other tools.

        \b
        jsonl    the fact contract, one document per line (as 'extract' prints
                 it); --what happenings|commitments|contradictions for the
                 linked layer
        csv      one file per fact kind in the folder --out: documents, actors,
                 places, events (with their happening), happenings, statements,
                 commitments (with their status), contradictions
        parquet  the same tables as Parquet files (pip install 'newsgraph[parquet]')
        plover   PLOVER-style JSON records, one per happening, with every source
        gdelt    a GDELT-like tab-separated event table, one row per happening
        graphml  the actor network: who met or confronted whom (networkx, Gephi)

        The same database always gives the same files.
        """
        if what != "documents" and fmt != "jsonl":
            raise ConfigError("--what goes with --format jsonl; leave it out for other formats")
        _check_out(out, fmt)
        with existing_store(db) as store, progress_bar(f"exporting {fmt}") as bar:
            task = bar.task_ids[0]

            def progress(kind: str) -> None:
                bar.update(task, advance=1, status=kind)

            target = sys.stdout if out == "-" else out
            counts = export_database(store, fmt, target, what=what, progress=progress)
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        err.print(f"wrote {summary} to {out}", markup=False, highlight=False, soft_wrap=True)
