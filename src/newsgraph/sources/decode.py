"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

import charset_normalizer

_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


class UndecodableError(ValueError):
    """The bytes are not text in any encoding newsgraph recognises."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5 % control characters, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > 0.05 * max(1, len(head))


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8 (with or without BOM), else the best detected encoding.

    Raises :class:`UndecodableError` for binary data or bytes no encoding explains.
    """
    if looks_binary(data):
        raise UndecodableError(
            "binary",
            "the input is binary, not text (NUL or control bytes); "
            "pass text, crawled records or JSONL files",
        )
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableError(
            "undecodable",
            "the input is not valid UTF-8 and its encoding could not be detected; "
            "convert it to UTF-8 (e.g. with iconv) and ingest it again",
        )
    return Decoded(str(best), best.encoding)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: What browsers actually use for labels pages declare (WHATWG encoding standard).
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874"}  # fmt: skip


#: How much less mess another encoding must show to overrule the declared charset.
MESS_MARGIN = 0.1


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag of its first 4 KiB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_markup(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode HTML or XML: UTF-8 when the bytes are valid UTF-8 (whatever the page
    claims), else the charset declared (``declared``, e.g. from an HTTP header, or
    the page's ``<meta>``), else a detected encoding.

    Raises :class:`UndecodableError` like :func:`decode_bytes`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return decode_bytes(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_charset(data)):
        if not label:
            continue
        label = _BROWSER_ALIASES.get(label.lower(), label.lower())
        try:
            text = data.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
        if _declared_is_wrong(data, label):
            break
        return Decoded(text, label)
    return decode_bytes(data)


def _declared_is_wrong(data: bytes, label: str) -> bool:
    """A single-byte charset decodes anything: trust the declaration unless the bytes read
    clearly better in another encoding (koi8-r text declared as windows-1251)."""
    sample = data[:65536]
    declared_fit = charset_normalizer.from_bytes(sample, cp_isolation=[label]).best()
    best = charset_normalizer.from_bytes(sample).best()
    if declared_fit is None or best is None:
        return False
    return best.chaos + MESS_MARGIN < declared_fit.chaos
