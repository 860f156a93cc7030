"""WARC archives (plain or gzipped), via warcio: one record per HTTP response page.

Responses with HTML become HTML records (:mod:`newsgraph.sources.html`), with
``text/plain`` plain-text records; the URL is ``WARC-Target-URI`` and
``WARC-Date`` is a last-resort publication date.  Requests, metadata,
revisits, redirects and non-text responses are skipped with the reason.
Each input is ``PATH#OFFSET`` (the record's byte offset in the file, as CDX
indexes give it), so a rerun finds the same references.

A gzipped archive is read one gzip member at a time, each decompressed into
at most ``max_record_bytes`` plus room for headers: a member that expands
beyond that (a gzip bomb, or a whole archive gzipped as one member) is
rejected as ``too_large`` and passed over without keeping its bytes.  Damage
(a cut or corrupt archive) ends the reading with one rejection that gives the
offset; every record before it has been yielded.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from newsgraph.model import RawRecord, Rejection
from newsgraph.sources.decode import UndecodableError, decode_bytes
from newsgraph.sources.html import read_html
from newsgraph.sources.items import Skipped

GZIP_MAGIC = b"\x1f\x8b"
#: Room for WARC and HTTP headers on top of the record size limit.
HEADER_ROOM = 256 * 1024
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")

WarcItem = RawRecord | Rejection | Skipped


class _Damaged(Exception):
    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(problem)
        self.offset = offset
        self.problem = problem


@dataclass(frozen=True, slots=True)
class _Member:
    offset: int
    data: bytes | None  # None: over the limit, passed over
    size: int  # decompressed bytes


def _members(stream: IO[bytes], *, limit: int) -> Iterator[_Member]:
    """The gzip members of ``stream``, each decompressed (or passed over when huge)."""
    offset = 0
    pending = b""
    while True:
        if not pending:
            pending = stream.read(_CHUNK)
            if not pending:
                return
        start = offset
        inflater = zlib.decompressobj(wbits=31)
        out: list[bytes] = []
        size = 0
        kept = True
        while not inflater.eof:
            if not pending:
                pending = stream.read(_CHUNK)
                if not pending:
                    raise _Damaged(start, "the archive ends in the middle of a record")
            try:
                # bounded output: a bomb never holds more than limit + one chunk in memory
                piece = inflater.decompress(pending, _CHUNK)
            except zlib.error as exc:
                raise _Damaged(start, f"corrupt compressed data ({exc})") from exc
            offset += len(pending) - len(inflater.unconsumed_tail) - len(inflater.unused_data)
            pending = inflater.unconsumed_tail or inflater.unused_data
            if inflater.eof:
                pending = inflater.unused_data
            size += len(piece)
            if kept and size > limit:
                kept = False
                out.clear()
            if kept:
                out.append(piece)
        yield _Member(start, b"".join(out) if kept else None, size)
        if not pending.strip(b"\x00"):  # padding after the last member
            rest = stream.read(_CHUNK)
            if not rest.strip(b"\x00"):
                return
            pending = rest


def read_warc(
    stream: IO[bytes], *, ref: str, path: str | None, max_record_bytes: int
) -> Iterator[WarcItem]:
    """Yield every response page of the archive, skipped record and rejection, in order."""
    head = stream.read(2)
    whole = io.BufferedReader(_Prefixed(head, stream), buffer_size=_CHUNK)
    try:
        if head == GZIP_MAGIC:
            for member in _members(whole, limit=max_record_bytes + HEADER_ROOM):
                if member.data is None:
                    yield _too_large(f"{ref}#{member.offset}", member.size, max_record_bytes)
                    continue
                yield from _records(
                    io.BytesIO(member.data),
                    ref=ref,
                    path=path,
                    base=member.offset,
                    single=True,
                    limit=max_record_bytes,
                )
        else:
            yield from _records(
                whole, ref=ref, path=path, base=0, single=False, limit=max_record_bytes
            )
    except _Damaged as exc:
        yield Rejection(
            f"{ref}#{exc.offset}",
            "read",
            "damaged_archive",
            f"the WARC archive is damaged at byte {exc.offset:,}: {exc.problem}; the records "
            "before it were read, the rest cannot be (re-download or repair the archive)",
        )


def _records(
    stream: IO[bytes], *, ref: str, path: str | None, base: int, single: bool, limit: int
) -> Iterator[WarcItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.recordloader import StatusAndHeadersParserException

    iterator = ArchiveIterator(stream)
    offset = base
    try:
        for number, record in enumerate(iterator):
            offset = base if single else iterator.offset
            if getattr(record, "format", "warc") != "warc":  # warcio's lenient ARC reading
                raise _Damaged(offset, "not a WARC record (ARC and other formats are not read)")
            record_ref = (
                f"{ref}#{offset}" if not single or number == 0 else f"{ref}#{base}+{number}"
            )
            yield _record(record, ref=record_ref, offset=offset, path=path, limit=limit)
            while record.raw_stream.read(_CHUNK):  # what was not read (a skipped record)
                pass
            if record.raw_stream.limit > 0:  # the block ended before its Content-Length
                raise _Damaged(offset, "the archive ends in the middle of a record")
    except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, ValueError) as exc:
        at = base if single else iterator.offset  # the record that could not be read
        raise _Damaged(at, f"not a readable WARC record ({exc})") from exc


def _record(record: Any, *, ref: str, offset: int, path: str | None, limit: int) -> WarcItem:
    rec_type = record.rec_type
    if rec_type != "response":
        return Skipped(ref, f"WARC {rec_type} record (only responses are articles)")
    http = record.http_headers
    if http is None:
        return Skipped(ref, "WARC response without HTTP headers (not a web page)")
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return Skipped(ref, f"HTTP status {status} (no page)")
    content_type = (http.get_header("Content-Type") or "").lower()
    mime = content_type.split(";")[0].strip()
    if mime not in _HTML_TYPES and mime != "text/plain":
        return Skipped(ref, f"not HTML or text ({mime or 'no content type'})")
    declared = record.length or 0
    if declared > limit + HEADER_ROOM:
        return _too_large(ref, declared, limit)
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return _too_large(ref, len(payload), limit, at_least=True)
    if record.raw_stream.limit > 0:
        raise _Damaged(offset, "the archive ends in the middle of a record")
    url = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    if mime != "text/plain":
        return read_html(
            payload,
            ref=ref,
            path=path,
            url=url,
            header_date=warc_date,
            charset=charset,
            record_format="warc",
        )
    sha = hashlib.sha256(payload).hexdigest()
    try:
        text = decode_bytes(payload)
    except UndecodableError as exc:
        return Rejection(ref, "decode", exc.code, exc.reason, sha, payload)
    if not text.text.strip():
        return Rejection(ref, "read", "empty", "the response is empty: there is no text", sha)
    return RawRecord(
        input_ref=ref,
        text=text.text,
        format="text",
        raw_sha256=sha,
        path=path,
        url=url,
        header_date=warc_date,
        encoding=text.encoding,
    )


def _too_large(ref: str, size: int, limit: int, *, at_least: bool = False) -> Rejection:
    more = "more than " if at_least else ""
    return Rejection(
        ref,
        "read",
        "too_large",
        f"the WARC record expands to {more}{size:,} bytes, over the limit of {limit:,} "
        "bytes for one record (a gzip bomb, or a whole archive gzipped as one member: "
        "recompress it per record with `warcio recompress`); raise --max-record-bytes if "
        "this really is one article",
    )


class _Prefixed(io.RawIOBase):
    """``stream`` with ``head`` (already read from it) put back in front."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._stream.read(len(buffer))
            n = len(data)
            buffer[:n] = data
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos
