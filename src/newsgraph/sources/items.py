"""What a reader yields besides records and rejections."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import RawRecord, Rejection


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that is not an article and is left out on purpose, with the reason:
    a file of another kind in a directory walk, or a WARC request/metadata record."""

    input_ref: str
    reason: str


ReadItem = RawRecord | Rejection | Skipped
