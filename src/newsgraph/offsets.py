"""Offset maps: from a position in cleaned text back to the raw input.

Cleaning copies most characters unchanged, drops some lines, inserts a few
separators and occasionally rewrites a line (encoding repair).  An
:class:`OffsetMap` records that as a list of segments, so any span of the
cleaned text can be traced to the raw record it came from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["copy", "insert", "replace"]
_KIND_CODES: dict[SegmentKind, str] = {"copy": "c", "insert": "i", "replace": "r"}
_CODE_KINDS: dict[str, SegmentKind] = {v: k for k, v in _KIND_CODES.items()}


@dataclass(frozen=True, slots=True)
class Segment:
    """``clean[clean_start:clean_end]`` came from ``raw[raw_start:raw_end]``.

    ``copy``: the characters are identical, position by position.
    ``insert``: the characters were added (``raw_start == raw_end``, the anchor).
    ``replace``: the characters were rewritten; positions map proportionally.
    """

    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int
    kind: SegmentKind


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Segments in cleaned-text order, covering the cleaned text without gaps."""

    segments: tuple[Segment, ...]

    def to_raw(self, pos: int) -> int:
        """The raw-input position of cleaned-text position ``pos``."""
        if not self.segments:
            return 0
        starts = [s.clean_start for s in self.segments]
        i = max(0, bisect_right(starts, pos) - 1)
        seg = self.segments[i]
        offset = min(pos, seg.clean_end) - seg.clean_start
        if seg.kind == "copy":
            return seg.raw_start + offset
        if seg.kind == "insert":
            return seg.raw_start
        clean_len = seg.clean_end - seg.clean_start
        raw_len = seg.raw_end - seg.raw_start
        return seg.raw_start + (round(offset * raw_len / clean_len) if clean_len else 0)

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-input range a cleaned-text span ``[start, end)`` came from."""
        return self.to_raw(start), max(self.to_raw(start), self.to_raw(end))

    def to_list(self) -> list[list[int | str]]:
        """A compact JSON-ready form: ``[clean_start, clean_end, raw_start, raw_end, kind]``."""
        return [
            [s.clean_start, s.clean_end, s.raw_start, s.raw_end, _KIND_CODES[s.kind]]
            for s in self.segments
        ]

    @classmethod
    def from_list(cls, rows: list[list[int | str]]) -> OffsetMap:
        return cls(
            tuple(
                Segment(int(a), int(b), int(c), int(d), _CODE_KINDS[str(k)])
                for a, b, c, d, k in rows
            )
        )


class TextBuilder:
    """Builds cleaned text piece by piece while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, raw_start: int) -> None:
        """Append ``text``, identical to ``raw[raw_start:raw_start + len(text)]``."""
        self._add(text, raw_start, raw_start + len(text), "copy")

    def insert(self, text: str, *, anchor: int) -> None:
        """Append ``text`` that has no counterpart in the raw input."""
        self._add(text, anchor, anchor, "insert")

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append ``text``, a rewritten form of ``raw[raw_start:raw_end]``."""
        self._add(text, raw_start, raw_end, "replace")

    def _add(self, text: str, raw_start: int, raw_end: int, kind: SegmentKind) -> None:
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last is not None
            and kind == "copy"
            and last.kind == "copy"
            and last.raw_end == raw_start
        ):
            self._segments[-1] = Segment(
                last.clean_start, last.clean_end + len(text), last.raw_start, raw_end, "copy"
            )
        else:
            self._segments.append(
                Segment(self._length, self._length + len(text), raw_start, raw_end, kind)
            )
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._segments))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Chain two maps: ``outer`` maps cleaned text into an intermediate text, ``inner``
    maps that intermediate text into the raw input; the result maps cleaned text to raw.

    Used when the intermediate text was itself extracted from markup (the main text
    of an HTML page): a character copied twice stays a ``copy``; anything rewritten
    on either side becomes a ``replace`` over the raw range it came from.
    """
    if not inner.segments:
        return outer
    out: list[Segment] = []

    def add(seg: Segment) -> None:
        last = out[-1] if out else None
        if (
            last is not None
            and seg.kind == "copy"
            and last.kind == "copy"
            and last.clean_end == seg.clean_start
            and last.raw_end == seg.raw_start
        ):
            out[-1] = Segment(last.clean_start, seg.clean_end, last.raw_start, seg.raw_end, "copy")
        else:
            out.append(seg)

    starts = [s.clean_start for s in inner.segments]
    for seg in outer.segments:
        if seg.kind == "insert":
            anchor = inner.to_raw(seg.raw_start)
            add(Segment(seg.clean_start, seg.clean_end, anchor, anchor, "insert"))
            continue
        if seg.kind == "replace":
            raw_start, raw_end = inner.to_raw_span(seg.raw_start, seg.raw_end)
            add(Segment(seg.clean_start, seg.clean_end, raw_start, raw_end, "replace"))
            continue
        # a copy: split it where the inner segments change
        pos = seg.raw_start
        i = max(0, bisect_right(starts, pos) - 1)
        while pos < seg.raw_end:
            part = inner.segments[i] if i < len(inner.segments) else None
            end = seg.raw_end if part is None else min(seg.raw_end, part.clean_end)
            if end <= pos:  # past the inner map's end: anchor what is left at its end
                end = seg.raw_end
            clean_start = seg.clean_start + (pos - seg.raw_start)
            clean_end = seg.clean_start + (end - seg.raw_start)
            if part is not None and part.kind == "copy" and part.clean_start <= pos:
                raw_start = part.raw_start + (pos - part.clean_start)
                add(Segment(clean_start, clean_end, raw_start, raw_start + (end - pos), "copy"))
            else:
                raw_start, raw_end = inner.to_raw_span(pos, end)
                kind: SegmentKind = "insert" if raw_start == raw_end else "replace"
                add(Segment(clean_start, clean_end, raw_start, raw_end, kind))
            pos = end
            i += 1
    return OffsetMap(tuple(out))
