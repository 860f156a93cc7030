"""Commitments: who promised what, to whom, by when.

A promise cue from the pack (``promettere``, ``si è impegnato a``,
``pledged``, ``agreed to``, ``are scheduled to``) makes a commitment, and so
does a speaker's own future act in what a statement reports (``Germany
announced that it would halt ...``, ``"We will not hesitate to ..."``: pack
``future_markers`` after a ``future_subjects`` pronoun).  The committed actor
is the speaker when a pronoun is the subject (``we are ready to``), else the
person (else organisation or state) named just before the cue, else right
after it, else the speaker of the statement that holds the cue or the one
who spoke or was named last (``The leaders agreed to ...``).  Word forms that
are mostly nouns (pack ``noun_forms``: "security guarantees") are cues only
after a name or a pronoun.  The content is what follows the cue, or - in a
relative clause ("una risposta, che Blinken ha promesso") - what precedes
it; the due date is the nearest date after the cue that is not past at
publication (one commitment per date when the promise lists dated steps:
"first in Geneva on January 9 and then in Brussels on January 12"); the
recipient is another state or actor of the sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities, EntityMention
from newsgraph.extract.lexicon import Hit, Lexicon
from newsgraph.extract.times import narrowed
from newsgraph.lang import pack_data, word_set
from newsgraph.model import Commitment, DateRange, DateRef, Evidence, Span, Statement, TimeValue
from newsgraph.text import Token

CONTENT_MAX_WORDS = 16
SUBJECT_REACH = 3  # tokens from a pronoun subject to its cue ('we are also ready to')
RECENT_SENTENCES = 4  # how far back an unnamed subject ('The leaders') looks for its actor
CUE_GAP = 8  # characters from a cue to the content it opens ('announced that ')
_ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class _Future:
    """The pack words commitments are read with: the markers of a speaker's own future act
    ('it would halt', 'we will not hesitate'), and the words that tell who promises and where
    the promise ends ('in Ucraina, ma ha promesso', 'committed to dialogue but')."""

    markers: frozenset[str]
    subjects: frozenset[str]
    negations: frozenset[str]
    not_acts: frozenset[str]
    noun_forms: frozenset[str]
    pronouns: frozenset[str]
    oblique: frozenset[str]  # prepositions: a name after one is no subject ("in Ucraina")
    articles: frozenset[str]  # may stand between the preposition and the name ("to the US")
    content_ends: frozenset[str]  # open another clause: "committed to dialogue but warned"
    speech_verbs: frozenset[str]  # lemmas: "adding that ...": a content, not a relative


@cache
def _future(lang: str) -> _Future:
    data = pack_data(lang, "commitments")
    return _Future(
        markers=word_set(data, "future_markers"),
        subjects=word_set(data, "future_subjects"),
        negations=word_set(data, "negations"),
        not_acts=word_set(data, "future_not_acts"),
        noun_forms=word_set(data, "noun_forms"),
        pronouns=word_set(pack_data(lang, "entities"), "pronouns")
        | word_set(data, "future_subjects"),
        oblique=word_set(data, "oblique_markers"),
        articles=word_set(pack_data(lang, "entities"), "definite_articles"),
        content_ends=word_set(data, "content_ends"),
        speech_verbs=word_set(pack_data(lang, "statements"), "cue_verbs"),
    )


@cache
def _cues(lang: str) -> Lexicon:
    data = pack_data(lang, "commitments")
    lex = Lexicon()
    lex.add_words(data.get("cue_verbs") or (), "verb")
    for phrase in data.get("cue_phrases") or ():
        lex.add_phrase(str(phrase), "phrase")
    return lex


@cache
def _relatives(lang: str) -> frozenset[str]:
    return frozenset(
        str(w).casefold() for w in pack_data(lang, "statements").get("complementizers") or ()
    )


def _oblique(sent: Sentence, m: EntityMention, future: _Future) -> bool:
    """Is ``m`` the object of a preposition ("della Germania", "in Ucraina", "to the US"),
    so not the subject of a verb after it?"""
    before = [t for t in sent.tokens if t.end <= m.start][-2:]
    words = [_word(t.text) for t in before]
    if words and words[-1] in future.oblique:
        return True
    return len(words) == 2 and words[-1] in future.articles and words[0] in future.oblique


def _actor(
    sent: Sentence, mentions: list[EntityMention], hit: Hit, future: _Future
) -> EntityMention | None:
    """The person (else organisation or state) named just before the cue and not after a
    preposition; else the first such name of the sentence before it, the subject of a
    clause whose own subject is left out ("Scholz ha ribadito la contrarietà della Germania
    all'invio di truppe in Ucraina, ma ha promesso ..."); else one right after the cue."""
    cue_start, cue_end = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
    before = [m for m in mentions if m.end <= cue_start and not _oblique(sent, m, future)]
    for reach in (True, False):
        near = [m for m in before if not reach or cue_start - m.end <= 60]
        for kinds in (("PER",), ("ORG", "GPE")):
            pool = [m for m in near if m.kind in kinds and (m.named or m.kind == "PER")]
            if pool:
                return pool[-1] if reach else pool[0]
    after = [m for m in mentions if m.start >= cue_end and m.start - cue_end <= 30]
    return next((m for m in after if m.kind in ("PER", "ORG", "GPE")), None)


def _is_noun(sent: Sentence, hit: Hit, mentions: list[EntityMention], future: _Future) -> bool:
    """'legally binding security guarantees': a cue word form that is mostly a noun, not
    after a name or a pronoun (its subject)."""
    if hit.last - hit.first != 1 or sent.tokens[hit.first].text.casefold() not in future.noun_forms:
        return False
    if hit.first == 0:
        return True
    prev = sent.tokens[hit.first - 1]
    named = any(m.end == prev.end for m in mentions)
    return not (named or prev.text.casefold() in future.pronouns)


def _word(text: str) -> str:
    return text.casefold().replace("’", "'")


def _subject(word: str) -> str:
    """'we'll' -> 'we', "we're" -> 'we': the pronoun of a contraction."""
    return word.split("'", 1)[0] if "'" in word[1:] else word


def _future_hits(sent: Sentence, contents: list[tuple[int, int]], future: _Future) -> list[Hit]:
    """'it would halt', 'we will not hesitate', "we'll respond" inside a reported content:
    the marker of a speaker's own future act (the content starts at the verb)."""
    if not contents:
        return []  # a marker counts only inside a reported content
    toks = sent.tokens
    hits = []
    for k in range(len(toks) - 1):
        word = _word(toks[k].text)
        subject_at = k
        if "'" in word[1:] and word[word.index("'", 1) :] in future.markers:
            subject = word.split("'", 1)[0]  # "we'll"
        elif word in future.markers and k > 0:
            subject, subject_at = _word(toks[k - 1].text), k - 1
        else:
            continue
        if subject not in future.subjects:
            continue
        if not any(a <= toks[subject_at].start < b for a, b in contents):
            continue
        verb = k + 1
        while verb < len(toks) and _word(toks[verb].text) in future.negations:
            verb += 1
        if verb >= len(toks) or not toks[verb].is_word:
            continue
        if sent.lemmas[verb] in future.not_acts or toks[verb].text.casefold() in future.not_acts:
            continue  # 'it would be a grave error', 'we would like to'
        hits.append(Hit(k, verb, "future"))  # the content starts at the verb
    return hits


def _ends_before(value: object, day: str | None, *, inclusive: bool = False) -> bool:
    """Whether a date value lies wholly before the publication ``day`` (past: no due
    date), or (``inclusive``) ends on that day at the latest."""
    if day is None:
        return False
    end = value.end if isinstance(value, DateRange) else value
    if not isinstance(end, str) or not _ISO_DAY.fullmatch(end):
        return False
    return end <= day[: len(end)] if inclusive else end < day[: len(end)]


def _content(
    ctx: DocContext, sent: Sentence, first: int, last: int, *, relative: bool = True
) -> tuple[int, int]:
    """The promised thing: after the cue, or the antecedent of a relative clause before it
    (not for a future act: 'announced that it would halt ...')."""
    text = ctx.document.text
    toks = sent.tokens
    relatives = _relatives(ctx.lang)
    rel = next(
        (
            k
            for k in range(first - 1, max(-1, first - 5), -1)
            if toks[k].text.casefold() in relatives
        ),
        None,
    )
    if not relative or (
        rel is not None and rel > 0 and sent.lemmas[rel - 1] in _future(ctx.lang).speech_verbs
    ):
        rel = None  # "adding that the round would be held": what is said, not a relative
    if rel is not None and rel > 0:
        lo = max(0, rel - CONTENT_MAX_WORDS)
        for k in range(rel - 1, lo, -1):
            if (
                toks[k].text in ",;:"
                and rel - k > 3
                and toks[k + 1].text.casefold() not in relatives
            ):
                lo = k + 1
                break
        start, end = toks[lo].start, toks[rel - 1].end
        while end > start and text[end - 1] in ", ":
            end -= 1
        return start, end
    while last < len(toks) - 1 and (
        toks[last].text in ",:" or toks[last].text.casefold() in relatives
    ):
        last += 1  # "promised that ...": the promise is what follows the "that"
    hi = min(len(toks), last + CONTENT_MAX_WORDS)
    ends = _future(ctx.lang).content_ends
    end_tok = (
        next(
            (k for k in range(last, hi) if toks[k].text in ".;" or _word(toks[k].text) in ends),
            hi,
        )
        - 1
    )
    while end_tok > last and toks[end_tok].text in ",:":
        end_tok -= 1  # "... dialogue, but warned": not the comma
    if end_tok < last:
        return toks[first].start, toks[last - 1].end
    return toks[last].start, toks[end_tok].end


def _calendar_date(t: TimeValue) -> bool:
    """A date a promise can fall due on ("PRESENT_REF", "now" cannot)."""
    value = t.value
    return value is not None and not (isinstance(value, str) and value.endswith("_REF"))


def _holder(said: list[Statement], pos: int) -> Statement | None:
    """The innermost statement whose content holds ``pos``."""
    holding = [st for st in said if st.content.start <= pos < st.content.end]
    return min(holding, key=lambda st: st.content.end - st.content.start, default=None)


def _pronoun_subject(sent: Sentence, hit: Hit, pronouns: frozenset[str]) -> Token | None:
    """The pronoun a few words before the cue ('we are also ready to'), or in it ("we'll")."""
    lo = max(0, hit.first - SUBJECT_REACH)
    for tok in reversed(sent.tokens[lo : hit.first + 1]):
        if not tok.is_word:
            return None
        if _subject(_word(tok.text)) in pronouns:
            return tok
    return None


def _opens_content(tok: Token, holder: Statement) -> bool:
    """'announced that it would halt': the pronoun opens the content of a cue."""
    cue = holder.cue
    return (
        tok.start == holder.content.start
        and holder.mode == "indirect"
        and cue is not None
        and 0 <= holder.content.start - cue.end <= CUE_GAP
    )


def _recent_actor(
    ctx: DocContext, entities: Entities, statements: Sequence[Statement], sent: Sentence
) -> str | None:
    """'The leaders agreed to ...': the one who spoke or the person named last in the
    sentences before."""
    lo = ctx.sentences[max(0, sent.index - RECENT_SENTENCES)].start
    last: tuple[int, str] | None = None
    for st in statements:
        pos = st.speaker_span.start if st.speaker_span else st.content.start
        if st.speaker is not None and lo <= pos < sent.start and (last is None or pos > last[0]):
            last = pos, st.speaker
    for index in range(max(0, sent.index - RECENT_SENTENCES), sent.index):
        for m in entities.in_sentence(index):
            if m.kind == "PER" and m.named and (last is None or m.start > last[0]):
                last = m.start, m.ref
    return last[1] if last else None


def _dues(
    ctx: DocContext, sent: Sentence, dated: list[TimeValue], cue_start: int, cue_end: int
) -> list[TimeValue | None]:
    """The due dates of a promise: the nearest date after the cue that is not past at
    publication, every such date after the cue when there are several ('first in Geneva
    on January 9 and then in Brussels on January 12'); else a date ahead of the
    publication day before the cue in its clause ('Next week, Washington will deliver';
    not 'met on Friday and agreed to', not 'next week, and that they had agreed to')."""
    ahead = [t for t in dated if not _ends_before(t.value, ctx.day)]
    after = [t for t in ahead if cue_end <= t.start < sent.end]
    if len(after) > 1:
        return list(after)
    if after:
        return [after[0]]
    relatives = _relatives(ctx.lang)
    for t in reversed([t for t in ahead if sent.start <= t.start < cue_start]):
        between = [tok for tok in sent.tokens if t.end <= tok.start < cue_start]
        if any(tok.text == ";" or tok.text.casefold() in relatives for tok in between):
            break  # another clause
        if not _ends_before(t.value, ctx.day, inclusive=True):
            return [t]
    return [None]


def find_commitments(
    ctx: DocContext,
    entities: Entities,
    times: list[TimeValue],
    statements: Sequence[Statement] = (),
) -> list[Commitment]:
    """Every promise of the document; ``statements`` give the speaker of 'we will ...'."""
    cues = _cues(ctx.lang)
    future = _future(ctx.lang)
    first_person = word_set(pack_data(ctx.lang, "statements"), "first_person")
    text = ctx.document.text
    dated = [t for t in times if t.type == "DATE" and _calendar_date(t)]
    found: list[Commitment] = []
    for sent in ctx.sentences:
        if sent.text.rstrip().endswith("?"):
            continue  # 'Why would the U.S. agree to ...?': asked, not promised
        inside: list[tuple[int, int]] = []  # contents of this sentence's commitments
        mentions = entities.in_sentence(sent.index)
        said = [
            st
            for st in statements
            if st.speaker is not None
            and st.content.start < sent.end
            and sent.start < st.content.end
        ]
        contents = [(st.content.start, st.content.end) for st in said]
        hits = cues.find(sent)
        taken = {k for h in hits for k in range(h.first, h.last)}
        hits += [
            h
            for h in _future_hits(sent, contents, future)
            if not taken & set(range(h.first, h.last))
        ]
        for hit in sorted(hits, key=lambda h: h.first):
            cue_start, cue_end = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
            if any(a <= cue_start < b for a, b in inside):
                continue  # "promised that it will deliver": one commitment, not two
            if _is_noun(sent, hit, mentions, future):
                continue
            holder = _holder(said, cue_start)
            pronoun = _pronoun_subject(sent, hit, future.pronouns)
            actor: str | None = None
            if pronoun is not None and holder is not None:
                word = _subject(_word(pronoun.text))
                if word in first_person or _opens_content(pronoun, holder):
                    actor = holder.speaker  # 'we are ready to', 'said it would halt'
            if actor is None and hit.entry == "future":
                continue
            if actor is None:
                named = _actor(sent, mentions, hit, future)
                actor = named.ref if named else None
            if actor is None and pronoun is None and holder is not None:
                actor = holder.speaker
            if actor is None and pronoun is None:
                actor = _recent_actor(ctx, entities, statements, sent)
            if actor is None:
                continue
            c_start, c_end = _content(
                ctx, sent, hit.first, hit.last, relative=hit.entry != "future"
            )
            inside.append((c_start, c_end))
            actor_country = ctx.kb.entries[actor].country if actor in ctx.kb.entries else None
            others = [  # after the cue first: "promised aid to Kyiv"
                m
                for m in sorted(mentions, key=lambda m: m.start < cue_end)
                if m.ref not in (actor, actor_country) and m.kind in ("GPE", "ORG") and m.named
            ]
            recipient = others[0].ref if others else None
            dues = _dues(ctx, sent, dated, cue_start, cue_end)
            for due_time in dues:
                key = f"{ctx.document.id}:{cue_start}"
                if len(dues) > 1 and due_time is not None:
                    key += f":{due_time.start}"
                digest = hashlib.sha1(key.encode()).hexdigest()[:12]
                found.append(
                    Commitment(
                        id=f"cm-{digest}",
                        actor=actor,
                        content=Span.of(text, c_start, c_end),
                        evidence=Evidence(sent.start, sent.end, sent.text),
                        recipient=recipient,
                        due=DateRef(due_time.text, narrowed(due_time)) if due_time else None,
                        status="pending",
                    )
                )
    return found
