"""Statements: who said what, quoted (direct) or reported (indirect).

Quotations (" “” «» „“ ‘’ and typewriter '') are paired over the whole
document, within a paragraph.  Direct: a quotation attributed by a cue verb
in the sentence, by ``NAME: "..."``, by a speaker right after it (also
``"..." ― Name``) or by a next sentence that is only its attribution
(``"...?" Clinton said.``); a quotation the attribution interrupts
(``"A," he said, "B."``) or that goes on in the next sentences without a cue
of its own is one statement.  Indirect: a cue verb with its content (after
``che``/``that`` a few words on, a colon, a quotation that opens the content,
a clause right after the cue), a content before the cue (``..., sources
said``) or around it (``The museum, Mr. Obama said, would ...``), verbs that
report only with a complementiser (``the study found that``), ``secondo X`` /
``according to X`` with any source, and ``Name: ...`` headlines and
transcripts.  The speaker is the nearest: a name or pronoun right before the
cue, the name an apposition describes, a name right after a cue that
follows its content, the subject's own words (``Some experts``), a name
earlier in the sentence, else the speaker or person of the previous
sentence.  Cues inside a quotation or the content of another statement are
not statements of their own.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities, EntityMention, ordinary_word
from newsgraph.extract.lexicon import Hit, Lexicon
from newsgraph.extract.signatory import signed_statements
from newsgraph.lang import pack_data, word_set
from newsgraph.model import Evidence, Span, Statement
from newsgraph.text import Token

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "‹": "›"}
# every branch opens with its mark (the lookbehind after "‘", not before it), so that the
# engine only tries where one of them is
_QUOTE = re.compile(r"“[^”]+”|«[^»]+»|„[^“”]+[“”]|\"[^\"]+\"|‘(?<!\w‘)[^’]+’(?!\w)|‹[^›]+›")
_TRAILING = " \t,;:.!?"
_MARKS = frozenset("\"“”„«»‘’‹›'")
_BEFORE_CUE = frozenset(",\"”»’'")  # what ends a content that comes before its cue
DIRECT_MIN_WORDS = 4
DIRECT_SHARE = 0.6  # of the content inside quotation marks, for a direct statement
SUBJECT_MAX_WORDS = 5
COMPLEMENTIZER_REACH = 8  # tokens from the cue to its "that"
_DASH_NAME = re.compile(
    r"[\"”»’']*[ \t]*[―—–-][ \t]*([^\W\d_][^\n―—–“\"«]*?)[ \t.]*(?:\n|$|(?=[“\"«]))"
)
TAG_MAX_WORDS = 8  # a sentence that only attributes the quotation before it
SUBJECT_OPENING_TOKENS = 3  # a sentence's subject starts within its first tokens ("Il ministro")


@dataclass(frozen=True, slots=True)
class _Cues:
    verbs: Lexicon
    according: Lexicon
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    clause_openers: frozenset[str]
    not_clause_openers: frozenset[str]
    noun_markers: frozenset[str]
    auxiliaries: frozenset[str]  # "ha dichiarato": no subject of the cue by themselves
    objects: frozenset[str]  # pronouns that after a cue are its object ("calling it")
    gerunds: tuple[str, ...]  # endings of gerunds ("calling", "definendola")


@cache
def _cues(lang: str) -> _Cues:
    data = pack_data(lang, "statements")
    verbs = Lexicon()
    verbs.add_words(data.get("cue_verbs") or (), "verb")
    verbs.add_words(data.get("complement_cue_verbs") or (), "complement")
    according = Lexicon()
    for phrase in data.get("according_to_named") or ():
        according.add_phrase(str(phrase), "named")
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
        noun_markers=word_set(data, "noun_markers"),
        auxiliaries=word_set(data, "auxiliaries"),
        objects=word_set(data, "object_pronouns"),
        gerunds=tuple(str(e) for e in data.get("gerund_endings") or ()),
    )


def according_cues(lang: str) -> Lexicon:
    """The pack's "according to X" phrases ("secondo", "according to"): X is a source."""
    return _cues(lang).according


def quotes_in(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every quotation in ``text``."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text)]


# marks that open a quotation and the marks that may close it; "''" is the
# typewriter double quotation ("''It was,'' he said"); ‘…’ only at word edges
_CLOSERS = {
    "“": '”"',
    "„": "“”",
    "«": "»",
    '"': '"',
    "''": "''",
    "‘": "’",
    "‹": "›",
}
_MARK = re.compile(r"''|[“”„«»\"‘’‹›]|\n")


def _opens(text: str, pos: int, mark: str) -> bool:
    if mark in "‘'":  # an apostrophe is no quotation mark
        return pos == 0 or not text[pos - 1].isalnum()
    return mark in _CLOSERS


def _closes(text: str, pos: int, mark: str, opener: str) -> bool:
    if mark not in _CLOSERS[opener]:
        return False
    after = pos + len(mark)
    return opener != "‘" or after >= len(text) or not text[after].isalnum()


def quote_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every top-level quotation of the document.

    Marks pair within a paragraph, across sentences; a quotation still open
    at the end of its paragraph (one that goes on into the next paragraph)
    runs to the paragraph's end.  Quotations inside a quotation are part of it.
    """
    regions: list[tuple[int, int]] = []
    opener: str | None = None
    open_end = 0
    for m in _MARK.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            if opener is not None and pos > open_end:
                regions.append((open_end, pos))
            opener = None
        elif opener is None:
            if _opens(text, pos, mark):
                opener, open_end = mark, m.end()
        elif _closes(text, pos, mark, opener):
            if pos > open_end:
                regions.append((open_end, pos))
            opener = None
    if opener is not None and len(text) > open_end:
        regions.append((open_end, len(text)))
    return regions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _joins(toks: tuple[Token, ...], k: int) -> bool:
    """Is token ``k`` a hyphen or an apostrophe inside a word ("Amir-Abdollahian")?"""
    return (
        0 < k < len(toks) - 1
        and toks[k].text in "-'’"
        and toks[k - 1].end == toks[k].start
        and toks[k].end == toks[k + 1].start
    )


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


def _overlapping(regions: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The regions (sorted, not overlapping) that overlap ``[start, end)``."""
    k = bisect_left(regions, (start, start))
    if k and regions[k - 1][1] > start:
        k -= 1
    found = []
    while k < len(regions) and regions[k][0] < end:
        if regions[k][1] > start:
            found.append(regions[k])
        k += 1
    return found


def _statement_id(doc_id: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:12]
    return f"st-{digest}"


class _Finder:
    def __init__(self, ctx: DocContext, entities: Entities) -> None:
        self.ctx = ctx
        self.entities = entities
        self.cues = _cues(ctx.lang)
        self.text = ctx.document.text
        self.regions = quote_regions(self.text)
        # the sentence, actor (None when unnamed: "he", "some experts") and span
        self.last_speaker: tuple[int, str | None, Span] | None = None
        self.cue_starts: set[int] = set()  # token indexes of the sentence's cues
        self.hits: dict[int, list[Hit]] = {}  # the cue verbs of each sentence
        self.names: dict[str, EntityMention] | None = None

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def _fallback_speaker(self, sent: Sentence) -> tuple[str | None, Span] | None:
        """Who 'he' or an unattributed content refers to: the speaker of this or the
        previous sentence, else the first person the previous sentence names (its
        subject, the usual antecedent: 'Putin replied to Biden. He suggested ...'),
        else the speaker two sentences back, named or not."""
        recent = self.last_speaker if self.last_speaker else None
        if recent and recent[0] >= sent.index - 1 and recent[1] is not None:
            return recent[1], recent[2]
        previous = self.entities.in_sentence(sent.index - 1) if sent.index else []
        people = [m for m in previous if m.kind == "PER"]
        if people:
            return people[0].ref, self.span(people[0].start, people[0].end)
        if recent and recent[0] >= sent.index - 2:
            return recent[1], recent[2]
        return None

    def _speaker(
        self,
        sent: Sentence,
        first: int,
        last: int,
        floor: int,
        mentions: list[EntityMention],
        before: bool,
    ) -> tuple[str | None, Span] | None:
        """Who says what the cue at tokens ``[first, last)`` reports, nearest first: a name
        among the words right before the cue, a pronoun there (or right after a cue that
        follows its content), the name an apposition or relative clause describes
        ("Smith, a senior analyst, said"), the words themselves ("Some experts said"), a
        name earlier in the sentence."""
        toks = sent.tokens
        k = first - 1
        while (
            k >= 0 and (toks[k].is_word or _joins(toks, k)) and first - k <= 2 * SUBJECT_MAX_WORDS
        ):
            k -= 1
        window = toks[k + 1].start if k + 1 < first else toks[first].start
        cue_start = toks[first].start
        near = _speaker_before(mentions, cue_start, max(floor, window))
        if near is not None:
            return near.ref, self.span(near.start, near.end)
        pronoun = self._pronoun_before(sent, first) if window >= floor else None
        if pronoun is None and before:
            pronoun = self._pronoun_after(sent, last)
        if pronoun is not None:
            fallback = self._fallback_speaker(sent)
            return (fallback[0] if fallback else None), pronoun
        if before and (tail := self._subject_after(sent, last)) is not None:
            named = _speaker_after(mentions, tail.start, tail.end)  # '"...", ha detto Lavrov'
            if named is not None:
                return named.ref, self.span(named.start, named.end)
        if k >= 1 and toks[k].text == "," and window >= floor:
            described = [
                m for m in mentions if m.end == toks[k].start and m.start >= floor and m.named
            ]
            if described and (described[0].kind == "PER" or first - k > 1):
                m = described[0]
                return m.ref, self.span(m.start, m.end)
        subject = self._subject_before(sent, first) if window >= floor else None
        if subject is not None:
            return None, subject  # "Some experts said ...": unnamed
        far = _speaker_before(mentions, cue_start, floor)
        if far is not None:
            return far.ref, self.span(far.start, far.end)
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
        end = toks[cue_first - 1].text.casefold()
        if end in self.cues.not_clause_openers or end in self.cues.noun_markers:
            return None  # 'the 9/11 families and asserted', 'refusal to answer'
        if all(t.text.casefold() in self.cues.auxiliaries for t in toks[first:cue_first]):
            return None  # '"...", ha dichiarato il presidente': the speaker comes after
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
            word = tok.text.casefold()
            if word in self.cues.pronouns and word not in self.cues.objects:
                return self.span(tok.start, tok.end)
        return None

    def _dash_speaker(self, q_end: int) -> tuple[int, int] | None:
        """'"..." ― Carlos Raúl ¶': a name after a dash that ends the paragraph (or comes
        before the next quotation)."""
        m = _DASH_NAME.match(self.text, q_end)
        if m is None or len(m.group(1).split()) > SUBJECT_MAX_WORDS:
            return None
        return m.start(1), m.end(1)

    def _tag_follows(self, sent: Sentence, q_end: int) -> bool:
        """Whether the sentence after a quotation that ends ``sent`` is only its
        attribution ('"... in our country?" Clinton said.')."""
        if sent.end - q_end > 2 or sent.index + 1 >= len(self.ctx.sentences):
            return False
        nxt = self.ctx.sentences[sent.index + 1]
        hits = self._verb_hits(nxt)
        return bool(hits) and self._is_tag(nxt, hits[0].first)

    def _verb_hits(self, sent: Sentence) -> list[Hit]:
        if sent.index not in self.hits:
            self.hits[sent.index] = self.cues.verbs.find(sent)
        return self.hits[sent.index]

    def _is_tag(self, sent: Sentence, first: int) -> bool:
        """'Clinton said.', 'said Mr. Smith, a lawyer.': a few words around a cue."""
        words = sum(1 for t in sent.tokens if t.is_word)
        lead = sent.tokens[:first]
        return (
            words <= TAG_MAX_WORDS
            and first <= SUBJECT_MAX_WORDS + 1
            and not any(t.text in ",;:" for t in lead)
        )

    def _tagged(self, q_end: int) -> bool:
        """Whether a comma (or '?', '!') closes the quotation before the cue that follows
        it ('"I love you," he said'), as a quoted sentence is attributed."""
        inside = self.text[max(0, q_end - 1) : q_end]
        after = self.text[q_end : q_end + 2]
        return inside in (",", "?", "!") or after[:1] == "," or after[1:2] == ","

    def _quote_before(self, sent: Sentence, first: int, last: int) -> tuple[int, int] | None:
        """The quotation that ends right before a sentence that is only its attribution."""
        if not self._is_tag(sent, first):
            return None
        for a, b in self.regions:
            if b <= sent.start and not self.text[b : sent.start].strip(" \t" + "".join(_MARKS)):
                return _trim(self.text, a, b)
        return None

    def _opening_subject(
        self, sent: Sentence, mentions: list[EntityMention], first: int
    ) -> tuple[str | None, Span] | None:
        """The subject a gerund cue at ``first`` shares with its sentence: an actor named at
        the opening ("Hamas ha respinto la proposta dei mediatori del Qatar, definendola ...")."""
        opening = sent.tokens[min(first, SUBJECT_OPENING_TOKENS)].start
        m = next(
            (m for m in mentions if m.kind in ("PER", "ORG", "GPE") and m.start < opening), None
        )
        return (m.ref, self.span(m.start, m.end)) if m is not None else None

    def _gerund(self, sent: Sentence, first: int) -> bool:
        """A gerund cue right after a comma ("..., calling it baseless", "..., definendola")."""
        word = sent.tokens[first].text.casefold()
        return (
            first > 0
            and sent.tokens[first - 1].text == ","
            and any(word.endswith(e) and len(word) > len(e) + 2 for e in self.cues.gerunds)
        )

    def _led_by_quote(
        self, sent: Sentence, first: int, quotes: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """'"We will open a new page," Fidan told reporters after the meeting': a quotation
        closed by a comma, then only the speaker's few words, then the cue: the quotation is
        what was said, not the words after the cue."""
        cue_start = sent.tokens[first].start
        for a, b in quotes:
            if b > cue_start or not self._tagged(b):
                continue
            between = [k for k, t in enumerate(sent.tokens) if b <= t.start < cue_start]
            words = sum(1 for k in between if sent.tokens[k].is_word)
            if (
                0 < words <= SUBJECT_MAX_WORDS
                and all(
                    sent.tokens[k].is_word or sent.tokens[k].text in _BEFORE_CUE for k in between
                )
                and not self.cue_starts & set(between)  # '"...," he said, adding that'
            ):
                return _trim(self.text, a, b)
        return None

    def _pronoun_after_quote(self, sent: Sentence, q_end: int) -> Span | None:
        """'"...," he said': a pronoun among the few tokens after the quotation."""
        after = [t for t in sent.tokens if t.start >= q_end][:4]
        words = [t for t in after if t.is_word]
        for tok in words[:2]:
            if tok.text.casefold() in self.cues.pronouns:
                return self.span(tok.start, tok.end)
        return None

    def sentence(self, sent: Sentence) -> list[Statement]:
        mentions = self.entities.in_sentence(sent.index)
        # the quotations in the sentence, clipped to it; ``whole`` maps a piece to its quotation
        whole = {
            (max(a, sent.start), min(b, sent.end)): (a, b)
            for a, b in _overlapping(self.regions, sent.start, sent.end)
        }
        quotes = list(whole)
        # a speaker is not named inside a quotation
        speakers = [m for m in mentions if not any(a <= m.start < b for a, b in quotes)]
        found: list[Statement] = []
        covered: list[tuple[int, int]] = []

        def inside(pos: int) -> bool:
            return any(a <= pos < b for a, b in covered) or any(a <= pos < b for a, b in quotes)

        label = self._label(sent, speakers)
        if label is not None:
            (l_speaker, l_span), (c_start, c_end) = label
            found.append(self._make(sent, l_speaker, l_span, None, c_start, c_end, quotes))
            covered.append((c_start, c_end))
        verb_hits = self._verb_hits(sent)
        according_hits = self.cues.according.find(sent)
        self.cue_starts = {h.first for h in (*verb_hits, *according_hits)}
        for hit in according_hits:
            toks = sent.tokens
            if hit.last >= len(toks) or inside(toks[hit.last].start):
                continue
            # the source: the words after the cue up to the punctuation
            np_end = hit.last
            while (
                np_end < len(toks)
                and (toks[np_end].is_word or toks[np_end].text in "'’-")
                and np_end - hit.last < 2 * SUBJECT_MAX_WORDS
            ):
                np_end += 1
            if np_end == hit.last:
                continue
            after, np_stop = toks[hit.last].start, toks[np_end - 1].end
            source = _speaker_after(speakers, after, np_stop)
            if source is None and (hit.entry == "named" or np_end - hit.last > 8):
                continue  # "citing the release of prisoners" is no source
            cue = self.span(toks[hit.first].start, toks[hit.last - 1].end)
            lead = [t for t in toks[: hit.first] if t.is_word]
            if len(lead) <= 1:  # "According to the poll, Clinton leads"
                c_start, c_end = _trim(self.text, np_stop, self._clause_end(sent, np_end))
                while c_start < c_end and self.text[c_start] in ",:":
                    c_start, c_end = _trim(self.text, c_start + 1, c_end)
            else:  # "Clinton leads, according to the poll"
                c_start, c_end = _trim(self.text, sent.start, cue.start)
            if c_end - c_start < 10:
                continue
            speaker_span = (
                self.span(source.start, source.end) if source else self.span(after, np_stop)
            )
            found.append(
                self._make(
                    sent,
                    source.ref if source else None,
                    speaker_span,
                    cue,
                    c_start,
                    c_end,
                    quotes,
                )
            )
            covered.append((c_start, c_end))

        unused_cues: list[Span] = []
        for hit in verb_hits:
            first = sent.tokens[hit.first]
            if inside(first.start) or any(m.start <= first.start < m.end for m in mentions):
                continue  # "Secretary of State": a name, not a cue
            if hit.first and sent.tokens[hit.first - 1].text.casefold() in self.cues.noun_markers:
                continue  # "his tweets", "each state": a noun, not a cue
            cue = self.span(first.start, sent.tokens[hit.last - 1].end)
            # '"...," said Smith' / '..., said the minister': the content came first
            inverted = hit.first > 0 and sent.tokens[hit.first - 1].text in _BEFORE_CUE
            if hit.entry == "complement":  # "the study found that ...", only so
                content, inverted = self._complement(sent, hit.last), False
                before = False
            elif (led := self._led_by_quote(sent, hit.first, quotes)) is not None:
                content, before = led, True
            else:
                content = None if inverted else self._content(sent, hit.last, quotes)
                before = content is None
            # "rejected the accusation, calling it baseless": a gerund after a comma reports
            # what follows it, if anything; what precedes is the subject's own act
            gerund = self._gerund(sent, hit.first)
            forward = hit.entry == "complement" or gerund
            if content is None and not forward:
                content = self._content_before(sent, hit.first, hit.last, mentions)
            if content is None and inverted:
                content = self._content(sent, hit.last, quotes)
                before = False
            if content is None and not forward:
                content = self._quote_before(sent, hit.first, hit.last)
                before = True
            if content is None:
                unused_cues.append(cue)
                continue
            c_start, c_end = content
            # the speaker of '"...", he said' is not named inside the quotation
            floor = c_end if before and c_end <= cue.start else sent.start
            outside = [m for m in speakers if not any(a <= m.start < b for a, b in covered)]
            found_speaker = (
                self._opening_subject(sent, outside, hit.first) if gerund else None
            ) or self._speaker(sent, hit.first, hit.last, floor, outside, before)
            if found_speaker is None:
                speaker_m = _speaker_after(outside, cue.end, min(sent.end, cue.end + 60))
                if speaker_m is not None and speaker_m.start >= c_start and c_start > cue.end:
                    speaker_m = None
                if speaker_m is not None:
                    found_speaker = speaker_m.ref, self.span(speaker_m.start, speaker_m.end)
            if found_speaker is None and before:
                tail = self._subject_after(sent, hit.last)  # "..., said a senior official"
                found_speaker = (None, tail) if tail is not None else None
            if found_speaker is None:
                found_speaker = self._fallback_speaker(sent)
            if found_speaker is None:
                continue
            speaker, speaker_span = found_speaker
            found.append(self._make(sent, speaker, speaker_span, cue, c_start, c_end, quotes))
            covered.append((c_start, c_end))

        for piece in quotes:
            q_start, q_end = whole[piece]
            if q_start < sent.start or any(a < q_end and q_start < b for a, b in covered):
                continue  # begun in an earlier sentence, or already content
            words = len(self.text[q_start:q_end].split())
            # '"I love you," he said.': a short quotation is a statement when a cue follows it
            cue_after = next((c for c in unused_cues if 0 <= c.start - q_end <= 15), None)
            if words < DIRECT_MIN_WORDS and (cue_after is None or not self._tagged(q_end)):
                continue
            speaker_m = self._headline_speaker(sent, mentions, q_start)
            end_sent = sent if q_end <= sent.end else self.ctx.sentence_at(q_end - 1) or sent
            # '"...," she said, but Kevin ...': a pronoun right after the quotation first
            pronoun = None if speaker_m else self._pronoun_after_quote(end_sent, q_end)
            if speaker_m is None and pronoun is None:
                end_mentions = self.entities.in_sentence(end_sent.index)
                speaker_m = _speaker_after(end_mentions, q_end, min(end_sent.end, q_end + 40))
            dash = None if speaker_m or pronoun else self._dash_speaker(q_end)
            if dash is not None:
                speaker_m = _speaker_after(self.entities.in_sentence(end_sent.index), *dash)
            if speaker_m is None and pronoun is None and self._tag_follows(end_sent, q_end):
                continue  # '"...?" ¶ Clinton said.': the next sentence's cue takes it
            if speaker_m is not None:
                speaker, speaker_span = speaker_m.ref, self.span(speaker_m.start, speaker_m.end)
            elif pronoun is not None:
                fallback = self._fallback_speaker(sent)
                speaker, speaker_span = (fallback[0] if fallback else None), pronoun
            elif dash is not None:
                speaker, speaker_span = None, self.span(*dash)
            elif self.last_speaker and self.last_speaker[0] >= sent.index - 1:
                # a quotation that goes on from the previous sentence's speaker
                speaker, speaker_span = self.last_speaker[1], self.last_speaker[2]
            else:
                continue
            # '"...", ha detto Lavrov': the cue right after the quotation
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

    def _label(
        self, sent: Sentence, mentions: list[EntityMention]
    ) -> tuple[tuple[str | None, Span], tuple[int, int]] | None:
        """'Pence: Gennifer Flowers won't be at the debate' (a headline), 'WALLACE: Let's
        start with ...' (a transcript): a paragraph that opens with a name and a colon."""
        toks = sent.tokens
        lead = 1 if toks and toks[0].text in _MARKS else 0
        colon = next((k for k in range(lead, min(len(toks), lead + 5)) if toks[k].text == ":"), -1)
        if colon <= lead or len(toks) - colon <= DIRECT_MIN_WORDS:
            return None
        before = self.text[max(0, sent.start - 2) : sent.start]
        if sent.start > 0 and "\n" not in before:
            return None  # not the start of a paragraph
        head = (toks[lead].start, toks[colon - 1].end)
        name = next(
            (m for m in mentions if (m.start, m.end) == head and m.named and m.kind != "GPE"),
            None,
        )
        word = toks[lead].text
        if name is None:  # 'Pence: ...' in a title-case headline: a name the article uses
            name = self.known_names().get(self.text[head[0] : head[1]])
        if (
            name is not None
            and colon == lead + 1
            and not word.isupper()
            and name.kind != "PER"
            and ordinary_word(word, self.ctx.lang)
        ):
            name = None  # 'Note:', 'Update:' opening a paragraph ('Trump:' is a person)
        if name is not None:
            speaker: tuple[str | None, Span] = name.ref, self.span(*head)
        elif colon == lead + 1 and len(word) >= 3 and word.isupper() and word.isalpha():
            speaker = None, self.span(*head)  # a transcript's speaker
        else:
            return None
        content = self._after_colon(sent, toks[colon].end)
        if content is None:
            return None
        if not any(0 <= content[0] - a <= 1 for a, _ in self.regions):  # the whole turn
            end = self.text.find("\n", content[0])
            content = _trim(self.text, content[0], len(self.text) if end < 0 else end)
        return speaker, content

    def known_names(self) -> dict[str, EntityMention]:
        """The people and organisations the document names, by the text of a mention."""
        if self.names is None:
            names: dict[str, EntityMention] = {}
            for m in self.entities.mentions:
                if m.named and m.kind in ("PER", "ORG") and m.text[:1].isupper():
                    names.setdefault(m.text, m)
                    if m.kind == "PER" and " " in m.text:  # 'Pence' of 'Mike Pence'
                        names.setdefault(m.text.rsplit(" ", 1)[1], m)
            self.names = names
        return self.names

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

    def _clause_end(self, sent: Sentence, k: int) -> int:
        """Where the content opened at token ``k`` ends: the sentence's end, or the comma
        before another speaker's cue ("..., but he said that ...")."""
        toks = sent.tokens
        for first in sorted(c for c in self.cue_starts if c > k + 1):
            nxt = [t.text.casefold() for t in toks[first + 1 : first + 3]]
            if not any(w in self.cues.complementizers for w in nxt):
                continue
            j = first - 1
            while j > k and toks[j].is_word and first - j <= SUBJECT_MAX_WORDS:
                j -= 1
            if j > k + 1 and toks[j].text in ",;":
                return toks[j].start
        return sent.end

    def _after_colon(self, sent: Sentence, pos: int) -> tuple[int, int] | None:
        """What follows 'said:': the quotation that opens there (over all its sentences),
        the rest of the sentence, or the next paragraph when the colon ends one
        ('The governor added: ¶ It's typical of ...')."""
        start = pos
        while start < len(self.text) and self.text[start] in " \t\n":
            start += 1
        for a, b in self.regions:
            if 0 <= a - start <= 1:
                return _trim(self.text, a, b)
        if self.text[pos:start].count("\n") and start < len(self.text):
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
        elif start < sent.end:
            end = self._clause_end(sent, len(sent.tokens))
        else:
            return None
        c_start, c_end = _trim(self.text, start, end)
        return (c_start, c_end) if c_end - c_start >= 8 else None

    def _object_after(self, sent: Sentence, after: int) -> bool:
        """Whether the cue is followed by a listener or a setting rather than by a clause
        ('told MSNBC that', 'told him that', 'said on Tuesday that')."""
        tok = sent.tokens[after]
        word = tok.text.casefold()
        return (
            word in self.cues.not_clause_openers
            or word in self.cues.pronouns
            or any(m.start == tok.start for m in self.entities.in_sentence(sent.index))
        )

    def _complement(self, sent: Sentence, after: int) -> tuple[int, int] | None:
        """The content of a cue that reports only with a complementiser right after it."""
        toks = sent.tokens
        if after < len(toks) and toks[after].text == ":":  # 'Limbaugh continued: "..."'
            return self._after_colon(sent, toks[after].end)
        for k in range(after, min(after + 3, len(toks))):
            if toks[k].text.casefold() in self.cues.complementizers:
                start, end = _trim(self.text, toks[k].end, self._clause_end(sent, k))
                return (
                    (start, end) if len(self.text[start:end].split()) >= DIRECT_MIN_WORDS else None
                )
            if not toks[k].is_word:
                break
        return None

    def _content(
        self, sent: Sentence, after: int, quotes: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The reported content that follows the cue ending at token ``after``."""
        toks = sent.tokens
        # 'said that', 'told reporters on Tuesday that', 'told MSNBC's "Morning Joe" that'
        for k in range(after, min(after + COMPLEMENTIZER_REACH, len(toks))):
            word = toks[k].text.casefold()
            if word == ":":
                return self._after_colon(sent, toks[k].end)
            if word in self.cues.complementizers:
                if k > after + 1 and not self._object_after(sent, after):
                    break  # 'said no decision had been made about whether ...': a clause
                start, end = _trim(self.text, toks[k].end, self._clause_end(sent, k))
                return (start, end) if end - start >= 8 else None
            if word in ".;!?" or k in self.cue_starts:
                break
            if toks[k].text in _MARKS and any(
                a == toks[k].end and len(self.text[a:b].split()) >= DIRECT_MIN_WORDS
                for a, b in quotes
            ):
                break  # 'said, "We know that ..."': the quotation is the content
        cue_end = toks[after - 1].end
        for q_start, q_end in self.regions:
            if cue_end <= q_start <= cue_end + 40:
                # 'said: "..."', 'told reporters, "..."', not 'said he had "areas of ..."'
                lead = self.text[cue_end : q_start - 1].rstrip()
                if not lead or lead[-1] in ",:":
                    return _trim(self.text, q_start, q_end)
        # "He said the talks had failed": a clause right after the cue
        if after >= len(toks):
            return None
        nxt = toks[after].text.casefold()
        named = [m for m in self.entities.in_sentence(sent.index) if m.start == toks[after].start]
        if named and self.text[named[0].end : named[0].end + 1] == ",":
            return None  # 'ha detto Sergey Lavrov, ...': the speaker, not the content
        if nxt in self.cues.clause_openers or (
            self.cues.not_clause_openers
            and toks[after].is_word
            and nxt not in self.cues.not_clause_openers
        ):
            start, end = _trim(self.text, toks[after].start, sent.end)
            if len(self.text[start:end].split()) >= DIRECT_MIN_WORDS:
                return start, end
        return None

    def _subject_after(self, sent: Sentence, last: int) -> Span | None:
        """'..., said a senior official.': the words after the cue up to the punctuation."""
        toks = sent.tokens
        end = last
        while end < len(toks) and toks[end].is_word and end - last < 2 * SUBJECT_MAX_WORDS:
            end += 1
        if end == last or (end < len(toks) and toks[end].is_word):
            return None
        head = toks[last]
        if not (head.is_capitalised or head.text.casefold() in self.cues.clause_openers):
            return None
        return self.span(head.start, toks[end - 1].end)

    def _content_before(
        self, sent: Sentence, first: int, last: int, mentions: list[EntityMention]
    ) -> tuple[int, int] | None:
        """'The plan will fail, Smith said.' / '..., said Smith': the content comes first;
        'The plan, Smith said, will fail': around the cue."""
        toks = sent.tokens
        tail_end = last
        inverted = first > 0 and toks[first - 1].text in _BEFORE_CUE
        longest = 2 * SUBJECT_MAX_WORDS if inverted else 4
        while tail_end < len(toks) and toks[tail_end].is_word and tail_end - last < longest:
            tail_end += 1  # ", said the foreign minister"
        if tail_end < len(toks) and toks[tail_end].text not in ".,;!?":
            return None
        # "..., the bloc's foreign policy chief Josep Borrell said": a longer subject when a
        # person's name ends it
        named = first > 0 and any(
            m.kind == "PER" and m.end == toks[first - 1].end for m in mentions
        )
        reach = (2 if named else 1) * SUBJECT_MAX_WORDS + 1
        k = first - 1
        while k >= 0 and toks[k].text not in ",:;" and first - k <= reach:
            k -= 1
        if k <= 0 or toks[k].text not in ",:;":
            return None
        between = (toks[k].end, toks[first].start)
        subject = [t for t in toks[k + 1 : first] if t.is_word]
        speaker_near = (
            any(between[0] <= m.start < between[1] for m in mentions)
            or any(
                t.text.casefold() in self.cues.pronouns
                for t in (*toks[k + 1 : first], *toks[last : last + 2])
            )
            or 0 < len(subject) <= SUBJECT_MAX_WORDS  # "..., sources said"
        )
        named_after = any(toks[last - 1].end <= m.start <= toks[last - 1].end + 2 for m in mentions)
        # '"...," said a senior official' - but not 'Smith, an analyst, said the plan failed'
        unnamed_after = (
            not subject
            and self._subject_after(sent, last) is not None
            and (
                self.text[toks[k].start - 1 : toks[k].start] in _MARKS
                or self.text[toks[first - 1].start] in _MARKS
                or (
                    k >= 8
                    and not any(  # "Smith, an analyst at the bank, said the plan failed"
                        m.kind == "PER" and self.text[m.end : m.end + 1] == ","
                        for m in mentions
                        if m.end < toks[k].start
                    )
                )
            )
        )
        if not (speaker_near or named_after or unnamed_after):
            return None
        end_at = toks[k].start
        if (
            tail_end == last
            and tail_end + 1 < len(toks)
            and toks[tail_end].text == ","
            and toks[tail_end + 1].is_word
            and tail_end + 1 not in self.cue_starts  # ", adding that ...": a cue of its own
        ):
            end_at = sent.end  # 'The museum, Mr. Obama said, would make visitors ...'
        start, end = _trim(self.text, sent.start, end_at)
        while start < end and self.text[start] in _MARKS:
            start += 1
        while end > start and self.text[end - 1] in _MARKS:
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
        self.last_speaker = (sent.index, speaker, speaker_span)
        first = self.ctx.sentence_at(c_start) or sent
        last = self.ctx.sentence_at(max(c_start, c_end - 1)) or sent
        start, end = min(first.start, sent.start), max(last.end, sent.end)
        return _statement(
            self.ctx.document.id,
            self.text,
            self.regions,
            speaker,
            speaker_span,
            cue,
            (c_start, c_end),
            Evidence(start, end, self.text[start:end]),
        )


def _statement(
    doc_id: str,
    text: str,
    regions: list[tuple[int, int]],
    speaker: str | None,
    speaker_span: Span | None,
    cue: Span | None,
    content: tuple[int, int],
    evidence: Evidence,
    merged: bool = False,
) -> Statement:
    c_start, c_end = content
    quoted = sum(min(c_end, b) - max(c_start, a) for a, b in _overlapping(regions, c_start, c_end))
    words = len(text[c_start:c_end].split())
    # a quoted fragment inside reported speech ("ha definito "franco e positivo"") is indirect
    share = 0.5 if merged else DIRECT_SHARE
    direct = quoted >= share * (c_end - c_start) and (
        cue is None or words >= DIRECT_MIN_WORDS or cue.start >= c_end  # '"Never," he said'
    )
    return Statement(
        id=_statement_id(doc_id, c_start, c_end),
        speaker=speaker,
        mode="direct" if direct else "indirect",
        content=Span.of(text, c_start, c_end),
        evidence=evidence,
        speaker_span=speaker_span,
        cue=cue,
    )


_GAP_WORD = re.compile(r"\w[\w.'’-]*")
MERGE_GAP_WORDS = 6


def _merge(
    ctx: DocContext, regions: list[tuple[int, int]], found: list[Statement]
) -> list[Statement]:
    """One statement for a quotation the attribution interrupts ('"A," he said, "B."'),
    for a quotation that runs on over sentences and for quoted sentences that follow
    a quotation without a speaker of their own."""
    text = ctx.document.text

    def quoted(st: Statement) -> bool:
        a, b = st.content.start, st.content.end
        inside = sum(min(b, y) - max(a, x) for x, y in _overlapping(regions, a, b))
        return inside >= 0.5 * (b - a)

    def gap_words(s1: Statement, s2: Statement) -> int:
        gap = list(text[s1.content.end : s2.content.start])
        for sp in (s1.cue, s1.speaker_span, s2.cue, s2.speaker_span):
            if sp is not None:
                for k in range(sp.start, sp.end):
                    if s1.content.end <= k < s2.content.start:
                        gap[k - s1.content.end] = " "
        return len(_GAP_WORD.findall("".join(gap)))

    def joinable(s1: Statement, s2: Statement) -> bool:
        if s2.speaker is not None and s1.speaker is not None and s2.speaker != s1.speaker:
            return False
        if s2.content.start < s1.content.end:  # overlapping: one content seen twice
            return s2.cue is None or s1.cue is None or s2.speaker == s1.speaker
        first = ctx.sentence_at(max(s1.content.start, s1.content.end - 1))
        second = ctx.sentence_at(s2.content.start)
        if first is None or second is None or gap_words(s1, s2) > MERGE_GAP_WORDS:
            return False
        if first.index == second.index:
            # '"A," Smith said, "B."': one cue for both parts
            return (s1.cue is None or s2.cue is None) and (quoted(s1) or quoted(s2))
        # '"A," he said. "B."': a quotation without a cue of its own goes on
        near = second.index - first.index <= 2  # '"A?" ¶ Clinton said. ¶ "B."'
        # the speaker carried on, not one of its own ('"B." ― Francisco Herrero')
        carried = s2.speaker_span is None or s2.speaker_span == s1.speaker_span
        return near and carried and s2.cue is None and quoted(s1) and quoted(s2)

    merged: list[Statement] = []
    for st in sorted(found, key=lambda s: (s.content.start, -s.content.end)):
        if merged and joinable(merged[-1], st):
            s1 = merged[-1]
            start = s1.content.start
            end = max(s1.content.end, st.content.end)
            ev_start, ev_end = s1.evidence.start, max(s1.evidence.end, st.evidence.end)
            merged[-1] = _statement(
                ctx.document.id,
                text,
                regions,
                s1.speaker or st.speaker,
                s1.speaker_span or st.speaker_span,
                s1.cue or st.cue,
                (start, end),
                Evidence(ev_start, ev_end, text[ev_start:ev_end]),
                merged=True,
            )
        else:
            merged.append(st)
    return merged


def find_statements(ctx: DocContext, entities: Entities) -> list[Statement]:
    finder = _Finder(ctx, entities)
    statements: list[Statement] = []
    for sent in ctx.sentences:
        statements.extend(finder.sentence(sent))
    # two cues for one content ("our reporting suggests that ..."): one statement, the first cue
    unique = {st.id: st for st in reversed(statements)}
    merged = _merge(ctx, finder.regions, list(unique.values()))
    return signed_statements(ctx, entities, finder.regions, merged, _statement_id)
