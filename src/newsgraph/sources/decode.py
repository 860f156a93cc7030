"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary is refused."""

from __future__ import annotations

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
