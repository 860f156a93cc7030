"""Commitments: who promised what, to whom, by when.

A promise cue from the pack (``promettere``, ``si è impegnato a``,
``pledged``) makes a commitment.  The committed actor is the person (else
organisation or state) named just before the cue, else right after it; the
content is what follows the cue, or - in a relative clause ("una risposta,
che Blinken ha promesso") - what precedes it; the due date is the nearest
time expression after the cue; the recipient is another state or actor of
the sentence.
"""

from __future__ import annotations

import hashlib
from functools import cache

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities, EntityMention
from newsgraph.extract.lexicon import Lexicon
from newsgraph.lang import pack_data
from newsgraph.model import Commitment, DateRef, Evidence, Span, TimeValue

CONTENT_MAX_WORDS = 16


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


def _actor(mentions: list[EntityMention], cue_start: int, cue_end: int) -> EntityMention | None:
    before = [m for m in mentions if m.end <= cue_start and cue_start - m.end <= 60]
    for kinds in (("PER",), ("ORG", "GPE")):
        pool = [m for m in before if m.kind in kinds and (m.named or m.kind == "PER")]
        if pool:
            return pool[-1]
    after = [m for m in mentions if m.start >= cue_end and m.start - cue_end <= 30]
    return next((m for m in after if m.kind in ("PER", "ORG", "GPE")), None)


def _content(ctx: DocContext, sent: Sentence, first: int, last: int) -> tuple[int, int]:
    """The promised thing: after the cue, or the antecedent of a relative clause before it."""
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
    end_tok = next((k for k in range(last, hi) if toks[k].text in ".;"), hi) - 1
    if end_tok < last:
        return toks[first].start, toks[last - 1].end
    return toks[last].start, toks[end_tok].end


def _calendar_date(t: TimeValue) -> bool:
    """A date a promise can fall due on ("PRESENT_REF", "now" cannot)."""
    value = t.value
    return value is not None and not (isinstance(value, str) and value.endswith("_REF"))


def find_commitments(
    ctx: DocContext, entities: Entities, times: list[TimeValue]
) -> list[Commitment]:
    """Every promise of the document."""
    cues = _cues(ctx.lang)
    text = ctx.document.text
    found: list[Commitment] = []
    for sent in ctx.sentences:
        inside: list[tuple[int, int]] = []  # contents of this sentence's commitments
        for hit in cues.find(sent):
            cue_start, cue_end = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
            if any(a <= cue_start < b for a, b in inside):
                continue  # "promised that it will deliver": one commitment, not two
            mentions = entities.in_sentence(sent.index)
            actor = _actor(mentions, cue_start, cue_end)
            if actor is None:
                continue
            c_start, c_end = _content(ctx, sent, hit.first, hit.last)
            inside.append((c_start, c_end))
            dated = [t for t in times if t.type == "DATE" and _calendar_date(t)]
            after = [t for t in dated if cue_end <= t.start < sent.end]
            before = [t for t in dated if sent.start <= t.start < cue_start]
            due_time = after[0] if after else (before[-1] if before else None)
            due = DateRef(due_time.text, due_time.value) if due_time else None
            actor_country = (
                ctx.kb.entries[actor.ref].country if actor.ref in ctx.kb.entries else None
            )
            recipient = next(
                (
                    m.ref
                    for m in mentions
                    if m.ref not in (actor.ref, actor_country)
                    and m.kind in ("GPE", "ORG")
                    and m.named
                ),
                None,
            )
            digest = hashlib.sha1(f"{ctx.document.id}:{cue_start}".encode()).hexdigest()[:12]
            found.append(
                Commitment(
                    id=f"cm-{digest}",
                    actor=actor.ref,
                    content=Span.of(text, c_start, c_end),
                    evidence=Evidence(sent.start, sent.end, sent.text),
                    recipient=recipient,
                    due=due,
                    status="pending",
                )
            )
    return found
