"""Which reader an input needs: by its file name, else by its first bytes."""

from __future__ import annotations

import re
import zlib
from typing import Literal

SniffedFormat = Literal["html", "warc", "rss", "jsonl"]

NAME_FORMATS: dict[str, SniffedFormat] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": "rss",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: How many leading bytes :func:`sniff` wants to see.
SNIFF_BYTES = 4096

_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def format_for_name(name: str) -> SniffedFormat | None:
    """The format a file name announces (``page.html``, ``crawl.warc.gz``), if any."""
    lower = name.lower()
    for ending in sorted(NAME_FORMATS, key=len, reverse=True):
        if lower.endswith(ending):
            return NAME_FORMATS[ending]
    return None


def sniff(head: bytes) -> SniffedFormat | None:
    """The format the first bytes of an input show: a WARC (plain or gzipped), a feed
    or an HTML page; ``None`` for text, records and JSON Lines (told apart later)."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return None
        return "warc" if inner.startswith(b"WARC/") else None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    feed, page = _FEED.search(text), _HTML.search(text)
    if feed and (page is None or feed.start() < page.start()):
        return "rss"
    if page:
        return "html"
    return None
