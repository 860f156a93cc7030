"""Readers: turn input paths (files, directories, ``-`` for stdin) into raw records.

Every input ends up as a :class:`~newsgraph.model.RawRecord` (to process), a
:class:`~newsgraph.model.Rejection` (to quarantine, with the reason) or a
:class:`Skipped` input (a directory entry that is not an article format, a WARC
record that is not a page).  One module per format: crawled records and plain
text (here), :mod:`~newsgraph.sources.jsonl`, :mod:`~newsgraph.sources.html`,
:mod:`~newsgraph.sources.warc`, :mod:`~newsgraph.sources.feed` (RSS/Atom).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from newsgraph.errors import ConfigError
from newsgraph.model import InputFormat, RawRecord, Rejection
from newsgraph.sources.crawl_record import parse_header
from newsgraph.sources.decode import UndecodableError, decode_bytes
from newsgraph.sources.feed import read_feed
from newsgraph.sources.html import read_html
from newsgraph.sources.items import ReadItem, Skipped
from newsgraph.sources.jsonl import read_jsonl
from newsgraph.sources.sniff import NAME_FORMATS, SNIFF_BYTES, format_for_name, sniff
from newsgraph.sources.warc import read_warc

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "INPUT_FORMATS",
    "ReadItem",
    "ReadOptions",
    "Skipped",
    "read_inputs",
]

InputFormatOption = Literal["auto", "record", "text", "jsonl", "html", "warc", "rss"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "record", "text", "jsonl", "html", "warc", "rss")
#: File endings a directory walk reads; other files are reported as skipped.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ""}) | frozenset(NAME_FORMATS)
DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.  ``input_format`` ``auto`` detects each file's format."""

    input_format: InputFormatOption = "auto"
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ConfigError(
                f"unknown input format {self.input_format!r}; use one of {', '.join(INPUT_FORMATS)}"
            )
        if self.max_record_bytes < 1:
            raise ConfigError("max_record_bytes must be a positive number of bytes")


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    options: ReadOptions | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[ReadItem]:
    """Yield every record, rejection and skipped file of ``inputs``, in input order."""
    opts = options or ReadOptions()
    for item in inputs:
        if str(item) == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, opts)
            continue
        path = Path(item)
        if path.is_dir():
            for entry in _walk(path):
                if isinstance(entry, Skipped):
                    yield entry
                else:
                    yield from _read_file(entry, opts)
        else:
            yield from _read_file(path, opts)


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """Files below ``root`` in sorted order, hidden files and folders left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath, name)
            if path.suffix.lower() in ARTICLE_SUFFIXES or format_for_name(name):
                yield path
            else:
                yield Skipped(_ref(path), f"not an article format ({path.suffix or 'no ending'})")


def _ref(path: Path) -> str:
    return str(path.absolute())


def _read_file(path: Path, opts: ReadOptions) -> Iterator[ReadItem]:
    ref = _ref(path)
    try:
        st = path.stat()
    except OSError as exc:
        yield Rejection(ref, "read", "unreadable", f"cannot read {path}: {exc.strerror or exc}")
        return
    if not path.is_file():
        yield Rejection(ref, "read", "not_a_file", f"{path} is not a regular file")
        return
    fmt: str = opts.input_format
    try:
        if fmt == "auto":
            fmt = format_for_name(path.name) or "auto"
        if fmt == "auto":
            with path.open("rb") as stream:
                fmt = sniff(stream.read(SNIFF_BYTES)) or "auto"
        if fmt in ("jsonl", "warc"):
            with path.open("rb") as stream:
                if fmt == "jsonl":
                    yield from read_jsonl(
                        stream, ref=ref, path=str(path), max_record_bytes=opts.max_record_bytes
                    )
                else:
                    yield from read_warc(
                        stream, ref=ref, path=str(path), max_record_bytes=opts.max_record_bytes
                    )
            return
        if st.st_size > opts.max_record_bytes:  # refused before reading a byte of it
            yield _too_large(ref, st.st_size, opts.max_record_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(ref, "read", "unreadable", f"cannot read {path}: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, ref=ref, path=str(path), fmt=fmt, opts=opts)


def _read_stream(stream: IO[bytes], opts: ReadOptions) -> Iterator[ReadItem]:
    first = stream.readline()
    if opts.input_format == "jsonl" or (opts.input_format == "auto" and _is_json_object(first)):
        lines = itertools.chain([first], stream)
        yield from read_jsonl(lines, ref="-", path=None, max_record_bytes=opts.max_record_bytes)
        return
    rest = stream.read(opts.max_record_bytes + 1 - len(first))
    data = first + rest
    if len(data) > opts.max_record_bytes:
        yield _too_large("-", len(data), opts.max_record_bytes, at_least=True)
        return
    yield from _from_bytes(data, ref="-", path=None, fmt=opts.input_format, opts=opts)


def _is_json_object(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _too_large(ref: str, size: int, limit: int, *, at_least: bool = False) -> Rejection:
    more = "more than " if at_least else ""
    return Rejection(
        ref,
        "read",
        "too_large",
        f"the input is {more}{size:,} bytes, over the limit of {limit:,} bytes for one record; "
        "raise it with --max-record-bytes if this really is one article",
    )


def _from_bytes(
    data: bytes, *, ref: str, path: str | None, fmt: str, opts: ReadOptions
) -> Iterator[ReadItem]:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        yield Rejection(ref, "read", "empty", "the input is empty: there is no text to read", sha)
        return
    if fmt == "auto":
        fmt = sniff(data[:SNIFF_BYTES]) or "auto"
    if fmt == "html":
        yield read_html(data, ref=ref, path=path)
        return
    if fmt == "rss":
        yield from read_feed(data, ref=ref, path=path)
        return
    if fmt == "warc":
        yield from read_warc(
            io.BytesIO(data), ref=ref, path=path, max_record_bytes=opts.max_record_bytes
        )
        return
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        yield Rejection(ref, "decode", exc.code, exc.reason, sha, data)
        return
    text = decoded.text
    if fmt == "auto" and _is_json_object(text.lstrip().split("\n", 1)[0].encode()):
        fmt = "jsonl"
    if fmt == "jsonl":
        stream = io.BytesIO(text.encode("utf-8"))
        yield from read_jsonl(stream, ref=ref, path=path, max_record_bytes=opts.max_record_bytes)
        return
    header = parse_header(text)
    if fmt == "record" and header is None:
        yield Rejection(
            ref,
            "parse",
            "bad_header",
            "the input is not a crawled record: its first line should be ' date YYYY-MM URL'; "
            "use --input-format text for plain text",
            sha,
            data,
        )
        return
    record_format: InputFormat = "record" if header is not None and fmt != "text" else "text"
    yield RawRecord(
        input_ref=ref,
        text=text,
        format=record_format,
        raw_sha256=sha,
        body_start=header.end if record_format == "record" and header else 0,
        path=path,
        url=header.url if record_format == "record" and header else None,
        header_date=header.date if record_format == "record" and header else None,
        encoding=decoded.encoding,
    )
