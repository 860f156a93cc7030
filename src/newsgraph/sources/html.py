"""HTML pages: the main text, title, date, author and language, via trafilatura.

The record's ``text`` is the main text trafilatura finds (comments left out,
one paragraph a line); ``markup`` is the decoded page, which the store keeps
as the raw input, and ``markup_offsets`` maps the text back into it (see
:mod:`newsgraph.sources.align`).  A page without main text is rejected
(``no_body``); the caller rejects pages over the size limit before they get here.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from typing import Any

from newsgraph.lang import supported_languages
from newsgraph.model import InputFormat, RawRecord, Rejection
from newsgraph.sources.align import align_to_markup, markup_body_start
from newsgraph.sources.decode import UndecodableError, decode_markup

_HTML_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)

#: Fewer words than this is not an article (a menu, a caption, an error message).
MIN_WORDS = 5

# trafilatura logs a warning for every page it discards; the rejection says it instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _extract(markup: str, url: str | None) -> Any:
    import trafilatura  # heavy: imported on the first page only

    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )


def _language(markup: str) -> str | None:
    """The language ``<html lang>`` declares when newsgraph has a pack for it (``de-AT`` → ``de``).

    trafilatura gives no language unless asked to filter by one, so the page's own
    declaration is read here; without a usable one the cleaning stage identifies it.
    """
    m = _HTML_LANG.search(markup[:20_000])
    if m is None:
        return None
    code = m.group(1).lower().replace("_", "-").split("-")[0]
    return code if code in supported_languages() else None


def read_html(
    data: bytes,
    *,
    ref: str,
    path: str | None,
    url: str | None = None,
    header_date: str | None = None,
    charset: str | None = None,
    record_format: InputFormat = "html",
) -> RawRecord | Rejection:
    """One HTML page (its bytes) as a record, or the reason it cannot be used.

    ``url`` and ``header_date`` come from the container (a WARC record), ``charset``
    from an HTTP header; what the page itself states wins over them.
    """
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Rejection(ref, "read", "empty", "the page is empty: there is no text to read", sha)
    try:
        decoded = decode_markup(data, declared=charset)
    except UndecodableError as exc:
        return Rejection(ref, "decode", exc.code, exc.reason, sha, data)
    try:
        doc = _extract(decoded.text, url)
    except Exception as exc:  # noqa: BLE001 - a parser failure on one page must not stop a run
        return Rejection(
            ref,
            "parse",
            "unparsable_html",
            f"the HTML could not be parsed ({type(exc).__name__}: {exc}); "
            "check that the file really is an HTML page",
            sha,
            data,
        )
    text = unicodedata.normalize("NFC", doc.text or "") if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        return Rejection(
            ref,
            "clean",
            "no_body",
            f"the page has no main text (trafilatura found {len(text.split())} words: "
            "navigation, boilerplate or nothing); if it is an article, save the page with "
            "its body",
            sha,
            data,
        )
    markup = decoded.text
    return RawRecord(
        input_ref=ref,
        text=text,
        format=record_format,
        raw_sha256=sha,
        path=path,
        url=doc.url or url,
        title=" ".join(doc.title.split()) if doc.title else None,
        published=doc.date or None,
        lang=_language(markup),
        header_date=header_date,
        encoding=decoded.encoding,
        author=doc.author or None,
        markup=markup,
        markup_offsets=align_to_markup(text, markup, start=markup_body_start(markup)),
    )
