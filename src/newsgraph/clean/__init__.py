"""Cleaning: from a raw record to the main text, its language and its sentences.

The cleaned text is the title (once) and the body paragraphs, without
repeated titles or page furniture, with glued headings split off, Unicode
repaired and spaces normalised.  Every character keeps its origin in an
:class:`~newsgraph.offsets.OffsetMap`, so spans found later index the cleaned
text and still lead back to the raw input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.langid import LangGuess, identify
from newsgraph.clean.repair import repair_unicode
from newsgraph.clean.seams import find_seams, may_have_seams
from newsgraph.clean.sentences import split_sentences
from newsgraph.lang import CleaningData, cleaning_for, supported_languages
from newsgraph.model import RawRecord
from newsgraph.offsets import OffsetMap, TextBuilder

__all__ = ["CleanText", "CleaningRejected", "clean_record"]

_WORD = re.compile(r"\S+")
_TERMINAL_END = tuple('.!?:;"”»)…')
TITLE_MAX_CHARS = 250
LABEL_MAX_WORDS = 3
#: Formats whose text is already a page's main text, boilerplate removed (trafilatura).
_EXTRACTED_FORMATS = frozenset({"html", "warc"})


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    offsets: OffsetMap
    title: str | None
    lang: str
    lang_confidence: float | None
    sentences: tuple[tuple[int, int], ...]
    body_start: int  # where the body begins in ``text`` (after the title)


class CleaningRejected(ValueError):
    """The record has nothing newsgraph can use; ``code`` says why."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True, slots=True)
class _Unit:
    """A stretch of the raw record that becomes one line of cleaned text."""

    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return " ".join(self.text.split()).casefold()


def _paragraphs(text: str, start: int) -> list[list[_Unit]]:
    """Lines of ``text[start:]`` grouped into paragraphs (blank lines separate them)."""
    paragraphs: list[list[_Unit]] = []
    current: list[_Unit] = []
    pos = start
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        line = text[pos:line_end]
        if line.strip():
            current.append(_Unit(pos, line_end, line))
        elif current:
            paragraphs.append(current)
            current = []
        if nl < 0:
            break
        pos = nl + 1
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_hard_wrapped(lines: list[_Unit]) -> bool:
    """Lines of one paragraph cut at a fixed width, to be joined again."""
    if len(lines) < 2:
        return False
    inner = [u.text.rstrip() for u in lines[:-1]]
    if not all(40 <= len(s) <= 100 for s in inner):
        return False
    open_ended = sum(1 for s in inner if not s.endswith(_TERMINAL_END))
    return open_ended * 2 >= len(inner)


def _units(paragraph: list[_Unit], source: str) -> list[_Unit]:
    if _is_hard_wrapped(paragraph):
        start, end = paragraph[0].start, paragraph[-1].end
        return [_Unit(start, end, source[start:end])]
    return paragraph


def _is_label(unit: _Unit) -> bool:
    """A short line without final punctuation: a section label, tag or byline."""
    text = unit.text.strip()
    return len(text.split()) <= LABEL_MAX_WORDS and not text.endswith(_TERMINAL_END)


def _emit_unit(builder: TextBuilder, unit: _Unit, cleaning: CleaningData) -> None:
    """Append ``unit`` with spaces normalised, Unicode repaired and seams split."""
    fixed = repair_unicode(unit.text)
    exact = fixed == unit.text
    if exact and not may_have_seams(fixed) and " ".join(fixed.split()) == fixed:
        builder.copy(fixed, unit.start)  # the common case: nothing to change
        return
    pieces: list[str] = []
    previous_end: int | None = None
    for m in _WORD.finditer(fixed):
        word = m.group()
        if previous_end is not None:
            gap_start = previous_end
            if exact and fixed[gap_start] == " ":
                builder.copy(" ", unit.start + gap_start)
            elif exact:
                builder.replace(" ", unit.start + gap_start, unit.start + m.start())
            else:
                pieces.append(" ")
        cut = 0
        for seam in find_seams(word, cleaning.sentence_starters):
            part = word[cut:seam]
            if exact:
                builder.copy(part, unit.start + m.start() + cut)
                builder.insert("\n", anchor=unit.start + m.start() + seam)
            else:
                pieces.extend((part, "\n"))
            cut = seam
        if exact:
            builder.copy(word[cut:], unit.start + m.start() + cut)
        else:
            pieces.append(word[cut:])
        previous_end = m.end()
    if not exact:
        builder.replace("".join(pieces), unit.start, unit.end)


def _identify(paragraphs: list[list[_Unit]]) -> LangGuess:
    sample = " ".join(u.text for p in paragraphs for u in p)
    return identify(repair_unicode(sample[:6000]))


def _title(record: RawRecord, paragraphs: list[list[_Unit]]) -> tuple[_Unit | None, int]:
    """The title unit and how many leading paragraphs it used."""
    if record.format not in ("record", "text") or not paragraphs:  # the title is given
        return None, 0
    first = paragraphs[0]
    if record.format == "record":
        return _Unit(first[0].start, first[-1].end, record.text[first[0].start : first[-1].end]), 1
    # plain text: a short first line standing alone, without final punctuation
    if (
        len(first) == 1
        and len(paragraphs) > 1
        and len(first[0].text.strip()) <= TITLE_MAX_CHARS
        and not first[0].text.rstrip().endswith((".", "!", "?", ";", ","))
    ):
        return first[0], 1
    return None, 0


def clean_record(record: RawRecord, *, lang: str | None = None) -> CleanText:
    """Clean ``record``; raise :class:`CleaningRejected` when no article text is left.

    ``lang`` forces the language (else the record's own ``lang``, else identification).
    """
    paragraphs = _paragraphs(record.text, record.body_start)
    title_unit, used = _title(record, paragraphs)
    body = paragraphs[used:]
    explicit_title = " ".join(record.title.split()) if record.title else None
    title_key = title_unit.key if title_unit else (explicit_title or "").casefold()

    forced = lang or record.lang
    if forced:
        guess = LangGuess(forced, 1.0, forced in supported_languages())
    else:
        guess = _identify(body or paragraphs)
    if not guess.supported:
        raise CleaningRejected(
            "unsupported_language",
            f"the text looks {guess.lang!r} (confidence {guess.confidence:.2f}), a language "
            f"newsgraph has no pack for (supported: {', '.join(supported_languages())}); "
            "pass --lang to force one",
        )
    cleaning = cleaning_for(guess.lang)

    units = [
        u
        for p in body
        for u in _units(p, record.text)
        if u.key != title_key and not cleaning.is_boilerplate(u.text)
    ]
    # trailing tags and section labels; a page's main text (trafilatura) has none left,
    # and its short last lines are signatures and sign-offs that belong to the article
    while record.format not in _EXTRACTED_FORMATS and len(units) > 1 and _is_label(units[-1]):
        units.pop()
    if not units:
        raise CleaningRejected(
            "no_body",
            "the record has no article body (only a title, labels or page furniture)",
        )

    builder = TextBuilder()
    if title_unit is not None:
        _emit_unit(builder, title_unit, cleaning)
    elif explicit_title:
        builder.insert(explicit_title, anchor=record.body_start)
    if len(builder):
        builder.insert("\n\n", anchor=units[0].start)
    body_start = len(builder)
    previous: _Unit | None = None
    for unit in units:
        if previous is not None:
            gap = record.text[previous.end : unit.start]
            builder.insert("\n\n" if gap.count("\n") > 1 else "\n", anchor=unit.start)
        _emit_unit(builder, unit, cleaning)
        previous = unit
    text, offsets = builder.build()
    title = text[:body_start].strip() or None
    return CleanText(
        text=text,
        offsets=offsets,
        title=title,
        lang=guess.lang,
        lang_confidence=guess.confidence,
        sentences=tuple(split_sentences(text, lang=guess.lang)),
        body_start=body_start,
    )
