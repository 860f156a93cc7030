"""The crawled-record format: a header `` date YYYY-MM URL``, title block(s), then the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = re.compile(
    r"^[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)[ \t]+(?P<url>\S+)[ \t]*\r?$"
)


@dataclass(frozen=True, slots=True)
class Header:
    date: str
    url: str
    end: int  # offset just past the header line (and its newline)


def parse_header(text: str) -> Header | None:
    """The record header on the first non-blank line of ``text``, if it has one."""
    stripped = text.lstrip("\r\n")
    offset = len(text) - len(stripped)
    line_end = stripped.find("\n")
    first = stripped if line_end < 0 else stripped[:line_end]
    m = HEADER.match(first)
    if m is None:
        return None
    end = offset + (len(stripped) if line_end < 0 else line_end + 1)
    return Header(date=m["date"], url=m["url"], end=end)
