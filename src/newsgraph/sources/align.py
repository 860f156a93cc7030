"""Map text extracted from markup back into the markup it came from.

An extractor (trafilatura, a feed item's HTML to text) gives the words of the
page in order but not where they were.  :func:`align_to_markup` finds each word
in the markup, in order, and records an :class:`~newsgraph.offsets.OffsetMap`
from the extracted text to the markup: a word found verbatim is a ``copy``
(its offsets are exact); the text between two found words (spaces, newlines)
and any word not found (an entity, a word split by a tag) is a ``replace`` over
the markup between its neighbours.  The search only moves forward and looks a
bounded distance ahead, so a huge page costs linear time.
"""

from __future__ import annotations

import re

from newsgraph.offsets import OffsetMap, TextBuilder

_WORD = re.compile(r"\S+")
_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
#: How far ahead the first word of a line is looked for (paragraphs can be far apart).
LINE_WINDOW = 300_000
#: How far ahead the next word of the same line is looked for.
WORD_WINDOW = 2_000
#: After this many words in a row not found, stop looking far ahead (entity-encoded text).
MAX_WIDE_MISSES = 8


def markup_body_start(markup: str) -> int:
    """Where the page body starts (the search for the main text begins there)."""
    m = _BODY.search(markup)
    return m.start() if m else 0


def align_to_markup(text: str, markup: str, *, start: int = 0) -> OffsetMap:
    """An offset map from ``text`` into ``markup``, searching from ``markup[start:]``."""
    builder = TextBuilder()
    cursor = start
    pending = 0  # start in ``text`` of what is not yet placed
    pending_raw = start  # where in ``markup`` it begins
    misses = 0
    for m in _WORD.finditer(text):
        word = m.group()
        new_line = "\n" in text[pending : m.start()] and misses < MAX_WIDE_MISSES
        window = LINE_WINDOW if new_line or pending == 0 else WORD_WINDOW
        found = markup.find(word, cursor, cursor + window + len(word))
        if found < 0:
            misses += 1
            continue
        misses = 0
        if pending < m.start():
            gap = text[pending : m.start()]
            if markup[pending_raw:found] == gap:
                builder.copy(gap, pending_raw)
            else:
                builder.replace(gap, pending_raw, found)
        builder.copy(word, found)
        cursor = pending_raw = found + len(word)
        pending = m.end()
    if pending < len(text):
        builder.replace(text[pending:], pending_raw, pending_raw)
    return builder.build()[1]
