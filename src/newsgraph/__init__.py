"""newsgraph: multilingual news to a traceable record of international affairs.

The public API::

    import newsgraph
    result = newsgraph.extract(text, lang=None, published=None, url=None)
    result.to_dict()          # the fact contract (DESIGN.md)

    store = newsgraph.open_store("news.db")
    report = newsgraph.ingest(store, ["articles/"])
"""

__version__ = "0.1.0"

from newsgraph.errors import (
    ConfigError,
    InputError,
    MissingDependency,
    NewsgraphError,
    NotFoundError,
    StoreError,
)
from newsgraph.ingest import IngestReport, ingest
from newsgraph.model import ExtractionResult, RawRecord, Rejection
from newsgraph.pipeline import PipelineOptions, extract, process_document
from newsgraph.sources import ReadOptions, read_inputs
from newsgraph.store import open_store

__all__ = [
    "ConfigError",
    "ExtractionResult",
    "IngestReport",
    "InputError",
    "MissingDependency",
    "NewsgraphError",
    "NotFoundError",
    "PipelineOptions",
    "RawRecord",
    "ReadOptions",
    "Rejection",
    "StoreError",
    "__version__",
    "extract",
    "ingest",
    "open_store",
    "process_document",
    "read_inputs",
]
