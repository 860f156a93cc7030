"""``newsgraph load``: store the part files of the Spark job."""

from __future__ import annotations

import click

from newsgraph.batch import load_parts
from newsgraph.cli.common import (
    batch_size_option,
    counting_progress,
    emit_report,
    format_option,
    link_option,
    progress_bar,
)
from newsgraph.cli.render import OUTPUT_FORMATS, OutputFormat
from newsgraph.link import update_links
from newsgraph.store import open_store


def register(cli: click.Group) -> None:
    """Add ``load`` to the ``newsgraph`` group."""

    @cli.command("load")
    @click.argument("db", type=click.Path(dir_okay=False))
    @click.argument("parts", type=click.Path(exists=True, file_okay=False))
    @batch_size_option
    @link_option
    @format_option(*OUTPUT_FORMATS)
    def load_command(db: str, parts: str, batch_size: int, link: bool, fmt: OutputFormat) -> None:
        """Store the part files PARTS of the Spark job (batch/spark.py) in DB (a SQLite file
        or a postgresql:// URL).

        Every record is accounted for as in 'ingest' (stored, duplicate,
        near_duplicate, quarantined); loading the same parts again adds nothing.
        """
        with open_store(db) as store, progress_bar("loading") as progress:
            report = load_parts(
                store, parts, batch_size=batch_size, progress=counting_progress(progress)
            )
            linked = update_links(store) if link else None
        emit_report(report, linked, fmt=fmt, title=f"load into {db}", db=db)
