"""Statements: who said what, quoted (direct) or reported (indirect).

Direct: text between quotation marks (" “” «» „“ ‘’) attributed to a
speaker by a cue verb in the sentence, by ``NAME: "..."``, or by a speaker
right next to the quote.  Indirect: a cue verb (``ha affermato``, ``said``)
with its content (after ``che``/``that``, a colon or a quotation that follows
the cue), or ``secondo X`` / ``according to X``.  The speaker is the actor
mentioned before the cue (a person first), else the one right after it,
else the speaker or person of the previous sentence.  Cues inside the
content of another statement are reported speech of reported speech and
are not statements of their own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities, EntityMention
from newsgraph.extract.lexicon import Lexicon
from newsgraph.lang import pack_data, word_set
from newsgraph.model import Evidence, Span, Statement

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "‹": "›"}
_QUOTE = re.compile(r"“[^”]+”|«[^»]+»|„[^“”]+[“”]|\"[^\"]+\"|(?<!\w)‘[^’]+’(?!\w)|‹[^›]+›")
_TRAILING = " \t,;:.!?"
DIRECT_MIN_WORDS = 4
SUBJECT_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class _Cues:
    verbs: Lexicon
    according: Lexicon
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    clause_openers: frozenset[str]
    not_clause_openers: frozenset[str]


@cache
def _cues(lang: str) -> _Cues:
    data = pack_data(lang, "statements")
    verbs = Lexicon()
    verbs.add_words(data.get("cue_verbs") or (), "verb")
    according = Lexicon()
    for phrase in data.get("according_to") or ():
        according.add_phrase(str(phrase), "according")
    return _Cues(
        verbs=verbs,
        according=according,
        complementizers=word_set(data, "complementizers"),
        pronouns=frozenset(
            str(w).casefold() for w in pack_data(lang, "entities").get("pronouns") or ()
        ),
        clause_openers=word_set(data, "clause_openers"),
        not_clause_openers=word_set(data, "not_clause_openers"),
    )


def quotes_in(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every quotation in ``text``."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _speaker_before(mentions: list[EntityMention], pos: int, floor: int) -> EntityMention | None:
    before = [m for m in mentions if floor <= m.start and m.end <= pos]
    people = [m for m in before if m.kind == "PER"]
    pool = people or [m for m in before if m.kind in ("ORG", "GPE") and m.named]
    return pool[-1] if pool else None


def _speaker_after(mentions: list[EntityMention], pos: int, limit: int) -> EntityMention | None:
    after = [m for m in mentions if pos <= m.start < limit and m.kind in ("PER", "ORG", "GPE")]
    people = [m for m in after if m.kind == "PER"]
    pool = people or [m for m in after if m.named]
    return pool[0] if pool else None


def _statement_id(doc_id: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:12]
    return f"st-{digest}"


class _Finder:
    def __init__(self, ctx: DocContext, entities: Entities) -> None:
        self.ctx = ctx
        self.entities = entities
        self.cues = _cues(ctx.lang)
        self.text = ctx.document.text
        self.last_speaker: tuple[int, str, Span] | None = None  # sentence, actor, span

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def _fallback_speaker(self, sent: Sentence) -> tuple[str, Span] | None:
        """The speaker of the previous sentence, or the last person mentioned there."""
        if self.last_speaker and self.last_speaker[0] >= sent.index - 2:
            return self.last_speaker[1], self.last_speaker[2]
        previous = self.entities.in_sentence(sent.index - 1) if sent.index else []
        people = [m for m in previous if m.kind == "PER"]
        if people:
            return people[-1].ref, self.span(people[-1].start, people[-1].end)
        return None

    def _subject_before(self, sent: Sentence, cue_first: int) -> Span | None:
        """The words between the last clause boundary and the cue ("Some experts")."""
        toks = sent.tokens
        k = cue_first - 1
        while k >= 0 and toks[k].is_word and cue_first - k <= SUBJECT_MAX_WORDS:
            k -= 1
        first = k + 1
        if first >= cue_first or (k >= 0 and toks[k].is_word):
            return None
        return self.span(toks[first].start, toks[cue_first - 1].end)

    def _pronoun_before(self, sent: Sentence, token_index: int) -> Span | None:
        for k in range(token_index - 1, max(-1, token_index - 4), -1):
            tok = sent.tokens[k]
            if tok.text.casefold() in self.cues.pronouns:
                return self.span(tok.start, tok.end)
        return None

    def _pronoun_after(self, sent: Sentence, token_index: int) -> Span | None:
        """ "..., — сказал он": a pronoun right after the cue of a content that came first."""
        for tok in sent.tokens[token_index : token_index + 2]:
            if tok.text.casefold() in self.cues.pronouns:
                return self.span(tok.start, tok.end)
        return None

    def sentence(self, sent: Sentence) -> list[Statement]:
        mentions = self.entities.in_sentence(sent.index)
        quotes = [(sent.start + a, sent.start + b) for a, b in quotes_in(sent.text)]
        found: list[Statement] = []
        covered: list[tuple[int, int]] = []

        def inside(pos: int) -> bool:
            return any(a <= pos < b for a, b in covered) or any(a <= pos < b for a, b in quotes)

        for hit in self.cues.according.find(sent):
            after = sent.tokens[hit.last].start if hit.last < len(sent.tokens) else sent.end
            source = _speaker_after(mentions, after, after + 80)
            if source is None or inside(after):
                continue
            cue = self.span(sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end)
            rest_start = self.text.find(",", source.end, sent.end)
            if rest_start >= 0:
                c_start, c_end = _trim(self.text, rest_start + 1, sent.end)
            else:
                c_start, c_end = _trim(self.text, sent.start, cue.start)
            if c_end - c_start < 10:
                continue
            found.append(
                self._make(
                    sent,
                    source.ref,
                    self.span(source.start, source.end),
                    cue,
                    c_start,
                    c_end,
                    quotes,
                )
            )
            covered.append((c_start, c_end))

        unused_cues: list[Span] = []
        for hit in self.cues.verbs.find(sent):
            first = sent.tokens[hit.first]
            if inside(first.start) or any(m.start <= first.start < m.end for m in mentions):
                continue  # "Secretary of State": a name, not a cue
            cue = self.span(first.start, sent.tokens[hit.last - 1].end)
            content = self._content(sent, hit.last, quotes)
            before = content is None
            if content is None:
                content = self._content_before(sent, hit.first, hit.last, mentions)
            if content is None:
                unused_cues.append(cue)
                continue
            c_start, c_end = content
            # the speaker of '"...", he said' is not named inside the quotation
            floor = c_end if before and c_end <= cue.start else sent.start
            speaker_m = _speaker_before(mentions, cue.start, floor)
            if speaker_m is not None and any(a <= speaker_m.start < b for a, b in covered):
                speaker_m = None
            if speaker_m is None:
                speaker_m = _speaker_after(mentions, cue.end, min(sent.end, cue.end + 60))
                if speaker_m is not None and speaker_m.start >= c_start and c_start > cue.end:
                    speaker_m = None
            subject = self._subject_before(sent, hit.first)
            if speaker_m is not None:
                speaker: str | None = speaker_m.ref
                speaker_span = self.span(speaker_m.start, speaker_m.end)
            elif (
                pronoun := self._pronoun_before(sent, hit.first)
                or (self._pronoun_after(sent, hit.last) if before else None)
            ) is not None:
                fallback = self._fallback_speaker(sent)
                speaker, speaker_span = (fallback[0] if fallback else None), pronoun
            elif subject is not None:
                speaker, speaker_span = None, subject  # "Some experts said ...": unnamed
            else:
                fallback = self._fallback_speaker(sent)
                if fallback is None:
                    continue
                speaker, speaker_span = fallback
            found.append(self._make(sent, speaker, speaker_span, cue, c_start, c_end, quotes))
            covered.append((c_start, c_end))

        for q_start, q_end in quotes:
            if any(a <= q_start < b for a, b in covered):
                continue
            words = len(self.text[q_start:q_end].split())
            if words < DIRECT_MIN_WORDS:
                continue
            speaker_m = self._headline_speaker(sent, mentions, q_start)
            speaker_m = speaker_m or _speaker_after(mentions, q_end, min(sent.end, q_end + 40))
            if speaker_m is not None:
                speaker, speaker_span = speaker_m.ref, self.span(speaker_m.start, speaker_m.end)
            elif self.last_speaker and self.last_speaker[0] >= sent.index - 1:
                # a quotation that goes on from the previous sentence's speaker
                speaker, speaker_span = self.last_speaker[1], self.last_speaker[2]
            else:
                continue
            # '"...", ha detto Lavrov': the cue right after the quotation
            cue_after = next((c for c in unused_cues if 0 <= c.start - q_end <= 15), None)
            found.append(
                self._make(
                    sent,
                    speaker,
                    speaker_span,
                    cue_after,
                    *_trim(self.text, q_start, q_end),
                    quotes,
                )
            )
            covered.append((q_start, q_end))
        return found

    def _headline_speaker(
        self, sent: Sentence, mentions: list[EntityMention], q_start: int
    ) -> EntityMention | None:
        """``NAME: "..."`` - the text before the colon is the speaker alone."""
        head = self.text[sent.start : q_start - 1].rstrip()
        if not head.endswith(":"):
            return None
        people = [m for m in mentions if m.end == sent.start + len(head) - 1 and m.named]
        if people and self.text[sent.start : people[0].start].strip() == "":
            return people[0]
        return None

    def _content(
        self, sent: Sentence, after: int, quotes: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The reported content that follows the cue ending at token ``after``."""
        toks = sent.tokens
        for k in range(after, min(after + 4, len(toks))):
            word = toks[k].text.casefold()
            if word in self.cues.complementizers or word == ":":
                start, end = _trim(self.text, toks[k].end, sent.end)
                return (start, end) if end - start >= 8 else None
            if toks[k].text in _PAIRS:
                break
        for q_start, q_end in quotes:
            if q_start >= toks[after - 1].end and q_start - toks[after - 1].end <= 40:
                return _trim(self.text, q_start, q_end)
        # "He said the talks had failed": a clause right after the cue
        if after >= len(toks):
            return None
        nxt = toks[after].text.casefold()
        if nxt in self.cues.clause_openers or (
            self.cues.not_clause_openers
            and toks[after].is_word
            and nxt not in self.cues.not_clause_openers
        ):
            start, end = _trim(self.text, toks[after].start, sent.end)
            if len(self.text[start:end].split()) >= DIRECT_MIN_WORDS:
                return start, end
        return None

    def _content_before(
        self, sent: Sentence, first: int, last: int, mentions: list[EntityMention]
    ) -> tuple[int, int] | None:
        """'The plan will fail, Smith said.' / '..., said Smith': the content comes first."""
        toks = sent.tokens
        tail_end = last
        while tail_end < len(toks) and toks[tail_end].is_word and tail_end - last < 4:
            tail_end += 1  # ", said the foreign minister"
        if tail_end < len(toks) and toks[tail_end].text not in ".,;!?":
            return None
        k = first - 1
        while k >= 0 and toks[k].text not in ",:;" and first - k <= 6:
            k -= 1
        if k <= 0 or toks[k].text not in ",:;":
            return None
        between = (toks[k].end, toks[first].start)
        speaker_near = any(between[0] <= m.start < between[1] for m in mentions) or any(
            t.text.casefold() in self.cues.pronouns
            for t in (*toks[k + 1 : first], *toks[last : last + 2])
        )
        after_near = any(toks[last - 1].end <= m.start <= toks[last - 1].end + 2 for m in mentions)
        if not (speaker_near or after_near):
            return None
        start, end = _trim(self.text, sent.start, toks[k].start)
        while start < end and self.text[start] in _PAIRS:
            start += 1
        while end > start and self.text[end - 1] in '"”»’':
            end -= 1
        return (start, end) if len(self.text[start:end].split()) >= DIRECT_MIN_WORDS else None

    def _make(
        self,
        sent: Sentence,
        speaker: str | None,
        speaker_span: Span,
        cue: Span | None,
        c_start: int,
        c_end: int,
        quotes: list[tuple[int, int]],
    ) -> Statement:
        quoted = sum(max(0, min(c_end, b) - max(c_start, a)) for a, b in quotes)
        words = len(self.text[c_start:c_end].split())
        # a quoted fragment inside reported speech ("ha definito "franco e positivo"") is indirect
        direct = quoted >= 0.8 * (c_end - c_start) and (cue is None or words >= DIRECT_MIN_WORDS)
        if speaker is not None:
            self.last_speaker = (sent.index, speaker, speaker_span)
        return Statement(
            id=_statement_id(self.ctx.document.id, c_start, c_end),
            speaker=speaker,
            mode="direct" if direct else "indirect",
            content=self.span(c_start, c_end),
            evidence=Evidence(sent.start, sent.end, sent.text),
            speaker_span=speaker_span,
            cue=cue,
        )


def _long_quotes(ctx: DocContext, entities: Entities, found: list[Statement]) -> list[Statement]:
    """Quotations that run over several sentences, attributed as a whole."""
    text = ctx.document.text
    covered = [(s.content.start, s.content.end) for s in found]
    extra: list[Statement] = []
    for q_start, q_end in quotes_in(text):
        first, last = ctx.sentence_at(q_start), ctx.sentence_at(max(q_start, q_end - 1))
        if first is None or last is None or first.index == last.index:
            continue
        if any(a < q_end and q_start < b for a, b in covered):
            continue
        after = _speaker_after(entities.in_sentence(last.index), q_end, min(last.end, q_end + 40))
        before = _speaker_before(entities.in_sentence(first.index), q_start, first.start)
        speaker = after or before
        if speaker is None:
            continue
        c_start, c_end = _trim(text, q_start, q_end)
        extra.append(
            Statement(
                id=_statement_id(ctx.document.id, c_start, c_end),
                speaker=speaker.ref,
                mode="direct",
                content=Span.of(text, c_start, c_end),
                evidence=Evidence(first.start, last.end, text[first.start : last.end]),
                speaker_span=Span.of(text, speaker.start, speaker.end),
            )
        )
    return extra


def find_statements(ctx: DocContext, entities: Entities) -> list[Statement]:
    finder = _Finder(ctx, entities)
    statements: list[Statement] = []
    for sent in ctx.sentences:
        statements.extend(finder.sentence(sent))
    statements.extend(_long_quotes(ctx, entities, statements))
    # two cues for one content ("our reporting suggests that ..."): one statement, the first cue
    unique = {st.id: st for st in reversed(statements)}
    return sorted(unique.values(), key=lambda s: s.content.start)
