"""Transcripts: who has the floor in each paragraph of a press conference, briefing or
interview.

A paragraph that opens with a speaker label - ``PRESIDENT BIDEN:``, ``MS. PSAKI:``,
``Sergei Lavrov:`` (a short run of capitalised words, then a colon) - gives the floor to
that speaker until the next label.  A question label (pack ``question_labels``: ``Q``,
``QUESTION``, ``DOMANDA``) gives it to a journalist, whom newsgraph does not name.  A label
is a speaker when it names a person the document mentions (``BIDEN`` is the ``Biden`` of
the text) or when the document has at least ``MIN_TURNS`` labels: one ``Note:`` does not
make a transcript.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.context import DocContext
from newsgraph.extract.entities import Entities
from newsgraph.lang import pack_data, word_set
from newsgraph.model import Span

MIN_TURNS = 3  # labels that make a document a transcript
LABEL_WORDS = 5  # at most this many capitalised words before the colon

#: A paragraph's opening label: capitalised words (titles with their full stop, initials,
#: hyphenated names) up to a colon; or a bare question mark-up such as 'Q' and a space.
#: A short lower-case word may join them: 'President of Russia Vladimir Putin:'.
_WORD = r"[A-ZÀ-ÖØ-Þ\u0400-\u042F][\w'’.\-]*"
_LINK = r"[a-zà-ÿ\u0430-\u044F]{1,4}"
_LABEL = re.compile(
    rf"(?m)^[ \t]*(?P<label>{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD}){{0,{LABEL_WORDS - 1}}})"
    r"(?P<mark>:|[ \t]+(?=\S))"
)


@dataclass(frozen=True, slots=True)
class Turn:
    """The floor from ``start`` to ``end`` (characters): ``speaker`` (an actor id, or None
    for a journalist or a label naming nobody known) named by ``label``; what is said
    begins at ``body``."""

    start: int
    end: int
    body: int
    label: Span
    speaker: str | None
    question: bool


@cache
def _question_labels(lang: str) -> frozenset[str]:
    return word_set(pack_data(lang, "statements"), "question_labels")


def find_turns(ctx: DocContext, entities: Entities) -> list[Turn]:
    """The turns of a transcript in document order; none when the text is not one."""
    text = ctx.document.text
    questions = _question_labels(ctx.lang)
    people: dict[str, str] = {}  # a surname or full name, casefolded -> the person
    for mention in entities.mentions:
        if mention.kind == "PER" and mention.ref:
            name = mention.text.casefold()
            people.setdefault(name, mention.ref)
            people.setdefault(name.split()[-1], mention.ref)
    found: list[tuple[int, int, Span, str | None, bool]] = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        words = [w.strip(".") for w in label.split()]
        start = m.start("label")
        if words[0].casefold() in questions:  # 'Q  Thank you, Jen.', 'QUESTION: And ...'
            span = Span.of(text, start, start + len(label.split()[0]))
            found.append((start, m.end(), span, None, True))
            continue
        if m.group("mark") != ":":
            continue  # a speaker's label ends with a colon
        speaker = people.get(label.casefold()) or people.get(words[-1].casefold())
        if not speaker and (
            any(w[:1].islower() for w in words)  # 'Head of Unit:' naming nobody known
            or not (label.isupper() or len(words) >= 2)  # 'Note:', 'Update:'
        ):
            continue
        found.append((start, m.end(), Span.of(text, start, m.end("label")), speaker, False))
    named = sum(1 for f in found if f[3] or f[4])
    if len(found) < MIN_TURNS or named < 2:
        return []
    turns = []
    for k, (start, body, span, speaker, question) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        while body < end and text[body].isspace():
            body += 1
        turns.append(Turn(start, end, body, span, speaker, question))
    return turns


def turn_at(turns: list[Turn], pos: int) -> Turn | None:
    """The turn holding character ``pos``, if any (``turns`` in document order)."""
    k = bisect_right(turns, pos, key=lambda turn: turn.start) - 1
    return turns[k] if k >= 0 and pos < turns[k].end else None
