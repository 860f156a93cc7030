"""RSS and Atom feeds, via feedparser: one record per item.

An item's text is its content (else its summary) as plain text; ``markup`` is
that content as feedparser gives it (sanitised HTML), and the offsets map into
it.  Broken XML still yields the items feedparser recovers; a feed it cannot
read at all, or one without items, is rejected with the reason.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from typing import Any

from newsgraph.model import RawRecord, Rejection
from newsgraph.sources.align import align_to_markup
from newsgraph.sources.fragment import fragment_text


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _content(entry: Any) -> str:
    for item in entry.get("content") or ():
        value = item.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _text(entry: Any, markup: str) -> str:
    detail = (entry.get("content") or [None])[0] or entry.get("summary_detail") or {}
    if detail.get("type") == "text/plain":
        return markup.strip()
    return fragment_text(markup)


def read_feed(data: bytes, *, ref: str, path: str | None) -> Iterator[RawRecord | Rejection]:
    """Yield one record (or rejection) per item of the feed in ``data``."""
    import feedparser  # imported on the first feed only

    sha = hashlib.sha256(data).hexdigest()
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Rejection(
                ref,
                "parse",
                "bad_feed",
                f"the feed is not readable XML ({problem}) and no item could be recovered; "
                "check that the file is an RSS or Atom feed",
                sha,
                data,
            )
        else:
            yield Rejection(ref, "parse", "no_items", "the feed has no items", sha, data)
        return
    for number, entry in enumerate(entries, start=1):
        item_ref = f"{ref}#item{number}"
        markup = _content(entry)
        text = _text(entry, markup)
        link = entry.get("link") or None
        item_sha = hashlib.sha256(f"{link}\n{markup}".encode()).hexdigest()
        if not text.strip():
            yield Rejection(
                item_ref,
                "clean",
                "no_body",
                f"feed item {number} has neither content nor a summary with text",
                item_sha,
            )
            continue
        title = entry.get("title")
        yield RawRecord(
            input_ref=item_ref,
            text=text,
            format="rss",
            raw_sha256=item_sha,
            path=path,
            url=link,
            title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
            published=_published(entry),
            author=entry.get("author") or None,
            markup=markup,
            markup_offsets=align_to_markup(text, markup),
        )
