"""Document metadata inferred from the record: publication date and source."""

from newsgraph.metadata.published import Published, infer_published, parse_date_option
from newsgraph.metadata.source import source_of

__all__ = ["Published", "infer_published", "parse_date_option", "source_of"]
