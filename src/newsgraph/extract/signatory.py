"""Signed texts: a press statement, message or letter whose title names who issues it.

``Statement by President Biden on Nord Stream 2`` / ``Dichiarazione del
Presidente Mattarella``: when the title opens with one of the pack's
``signed_headings`` and the body speaks in the first person (``we``,
``our``, ``I``; pack ``first_person``, outside quotations), every sentence
of the body is the signatory's own words - one direct statement each.  A
readout in the third person ("President Biden urged Russia ...") is not the
signatory's speech and gets none: its sentences report others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities
from newsgraph.extract.lexicon import Lexicon
from newsgraph.extract.turns import Turn, find_turns, turn_at
from newsgraph.lang import pack_data, word_set
from newsgraph.model import Evidence, Span, Statement

MIN_WORDS = 4  # a body sentence shorter than this is a heading or a sign-off
HEAD_MAX_TOKENS = 12  # the signatory's title and name after the heading


@dataclass(frozen=True, slots=True)
class Signatory:
    ref: str | None  # the actor, None when only a title names it
    span: Span  # where the title names it


@dataclass(frozen=True, slots=True)
class _Signed:
    headings: Lexicon
    first_person: frozenset[str]
    lead_words: frozenset[str]


@cache
def _signed(lang: str) -> _Signed:
    data = pack_data(lang, "statements")
    headings = Lexicon()
    for phrase in data.get("signed_headings") or ():
        headings.add_phrase(str(phrase), "heading")
    return _Signed(headings, word_set(data, "first_person"), word_set(data, "noun_markers"))


def _title(ctx: DocContext) -> Sentence | None:
    """The first sentence, when it is a paragraph of its own (a title)."""
    if len(ctx.sentences) < 2:
        return None
    first = ctx.sentences[0]
    gap = ctx.document.text[first.end : ctx.sentences[1].start]
    return first if "\n" in gap else None


def find_signatory(ctx: DocContext, entities: Entities) -> Signatory | None:
    """Who signs the document, from a title such as 'Statement from Press Secretary X'."""
    signed = _signed(ctx.lang)
    title = _title(ctx)
    if title is None or not signed.first_person:
        return None
    hits = signed.headings.find(title, 0, 1)
    if not hits:
        return None
    toks = title.tokens
    k = hits[0].last
    while k < len(toks) and toks[k].text.casefold() in signed.lead_words:
        k += 1  # 'Statement by the Press Secretary'
    end = k
    while end < len(toks) and end - k < HEAD_MAX_TOKENS and toks[end].is_capitalised:
        end += 1  # the run of capitalised words: titles and the name
    if end == k:
        return None
    lo, hi = toks[k].start, toks[end - 1].end
    inside = [
        m for m in entities.in_sentence(title.index) if lo <= m.start and m.end <= hi and m.named
    ]
    people = [m for m in inside if m.kind == "PER"]
    pool = people or [m for m in inside if m.kind in ("ORG", "GPE")]
    text = ctx.document.text
    if pool:
        named = pool[-1]  # 'Press Secretary Jen Psaki': the name ends the run
        return Signatory(named.ref, Span.of(text, named.start, named.end))
    return Signatory(None, Span.of(text, lo, hi))


def _first_person(ctx: DocContext, quotes: list[tuple[int, int]]) -> bool:
    words = _signed(ctx.lang).first_person
    for sent in ctx.sentences[1:]:
        for tok in sent.tokens:
            word = tok.text.casefold().replace("’", "'").split("'", 1)[0]  # "we're"
            if word in words and not any(a <= tok.start < b for a, b in quotes):
                return True
    return False


def _sentence_statement(
    ctx: DocContext, sent: Sentence, start: int, speaker: str | None, speaker_span: Span,
    make_id: Callable[[str, int, int], str],
) -> Statement | None:  # fmt: skip
    """Sentence ``sent`` from ``start`` as a direct statement, unless it is too short to be
    more than a heading, a greeting or a sign-off."""
    text = ctx.document.text
    end = sent.end
    while end > start and text[end - 1] in " \t.;":
        end -= 1
    if len(text[start:end].split()) < MIN_WORDS:
        return None
    return Statement(
        id=make_id(ctx.document.id, start, end),
        speaker=speaker,
        mode="direct",
        content=Span.of(text, start, end),
        evidence=Evidence(sent.start, sent.end, sent.text),
        speaker_span=speaker_span,
    )


def _own_words(
    ctx: DocContext, entities: Entities, quotes: list[tuple[int, int]], turns: list[Turn],
    make_id: Callable[[str, int, int], str],
) -> list[tuple[Statement, int, int]]:  # fmt: skip
    """What the speakers of a transcript, or the signatory of a signed text, say themselves:
    one statement per sentence, each with the stretch of text it speaks for."""
    own: list[tuple[Statement, int, int]] = []
    if turns:
        for sent in ctx.sentences:
            turn = turn_at(turns, sent.start)
            if turn is None or turn.question or sent.end <= turn.body:
                continue
            st = _sentence_statement(
                ctx, sent, max(sent.start, turn.body), turn.speaker, turn.label, make_id
            )
            if st is not None:
                own.append((st, turn.start, turn.end))
        return own
    signatory = find_signatory(ctx, entities)
    if signatory is None or not _first_person(ctx, quotes):
        return []
    for sent in ctx.sentences[1:]:
        st = _sentence_statement(ctx, sent, sent.start, signatory.ref, signatory.span, make_id)
        if st is not None:
            own.append((st, sent.start, sent.end))
    return own


def signed_statements(
    ctx: DocContext,
    entities: Entities,
    quotes: list[tuple[int, int]],
    found: list[Statement],
    make_id: Callable[[str, int, int], str],
) -> list[Statement]:
    """``found`` with one direct statement per sentence a transcript's speaker or a signed
    text's signatory says; the statements found by cues that are those speakers' own words
    (by the same speaker, or by 'we' / 'I') give way to them."""
    turns = find_turns(ctx, entities)
    own = _own_words(ctx, entities, quotes, turns, make_id)
    if not own:
        return found
    first_person = _signed(ctx.lang).first_person
    labels = {turn.label.start for turn in turns}

    def subsumed(st: Statement) -> bool:
        if st.speaker_span is None:
            return False
        if st.speaker_span.start in labels:
            return True  # a turn's label read as a speaker: the turn says it (or asks it)
        pronoun = st.speaker_span.text.casefold().replace("’", "'").split("'", 1)[0]
        return any(
            (st.speaker == o.speaker or pronoun in first_person) and lo <= st.content.start < hi
            for o, lo, hi in own
        )

    kept = [st for st in found if not subsumed(st)]
    ids = {st.id for st in kept}
    return sorted(
        [*kept, *(o for o, _, _ in own if o.id not in ids)], key=lambda s: (s.content.start, s.id)
    )
