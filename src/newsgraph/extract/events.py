"""Events typed in PLOVER: a trigger word, its participants, place and date.

Triggers come from the pack (``events.yaml``).  Each trigger owns the part
of its sentence between the previous and the next trigger; the actors,
places and time expressions in that part are its participants, place and
date.  Negated triggers ("non ha intenzione di attaccare") are not events;
hypothetical ones ("potrebbe attaccare", "minaccia di") and aims ("in order to
threaten") are flagged; a prepared attack is a mobilisation; a response promised
under a condition is a threat; an act named as the object of an attitude ("accepted
a meeting") is no event of its own.  Names before a trigger act, names after it
receive unless brought in as agents ("an attack by X"); an act whose agent is not
said is no event (unless it is a bombing, a protest, an arrest).
Same-type triggers of one sentence with the same place and date are one
event; the same event reported again later in the article gains evidence.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field, replace
from typing import Literal

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.entities import Entities, EntityMention
from newsgraph.extract.event_cues import BLOCK, Trigger, modality, roles, triggers
from newsgraph.extract.lexicon import Hit, Lexicon
from newsgraph.extract.statements import according_cues, quotes_in
from newsgraph.extract.times import narrowed
from newsgraph.kb import KnowledgeBase
from newsgraph.model import (
    Claim,
    DateRange,
    DateRef,
    Event,
    Evidence,
    Span,
    Statement,
    TimeValue,
)
from newsgraph.text import tokenize

#: What an intended or threatened act is in PLOVER: cooperation is AGREE, hostility THREATEN.
INTENT_TYPES = {
    "CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
    "CONCEDE": "AGREE", "RETREAT": "AGREE", "ASSAULT": "THREATEN", "COERCE": "THREATEN",
    "SANCTION": "THREATEN", "MOBILIZE": "THREATEN", "REJECT": "THREATEN", "PROTEST": "THREATEN",
}  # fmt: skip
#: Types reported even when the text names no actor ("a bomb exploded in the market").
UNATTRIBUTED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
COOPERATIVE_TYPES = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT", "AGREE"})
COERCIVE_TYPES = frozenset({"COERCE", "SANCTION", "MOBILIZE"})
#: Acts done together, whose partner after "with/between" acts too ("a deal with Iran").
MUTUAL_TYPES = COOPERATIVE_TYPES | {"ASSAULT"}
REVERSAL_WINDOW = 6
HYPOTHETICAL_WINDOW = 6  # how far a modal cue reaches ("will provide 25,000 tons of food aid")
REFUSAL_WINDOW = 3
LEDE_SENTENCES = 3
HOST_GUEST_CHARS = 30
OWN_DATE_CHARS = 60  # how far after a trigger its own date may stand
LABEL_WORDS = 4  # a quotation this short is a label ("a political attack"), not a report
SOURCE_GAP_CHARS = 16  # from "according to" to its source ("secondo il ministro")
TOLD_DATE_CHARS = 20  # the same, for a meeting told before ("the meeting on Friday")
_HYPHENS = frozenset({"-", "–", "—", "/"})  # "Lavrov-Blinken": a pair
NEGATION_WINDOW = 4
#: Confidence of a reported event and of an intended or possible one; the main event of a
#: sentence keeps it, one told as background ("after the attack") or as a modifier
#: ("Israeli-occupied") loses some, so that the sentence's main event leads.
FACT_CONFIDENCE = 0.8
HYPOTHETICAL_CONFIDENCE = 0.6
BACKGROUND_PENALTY = 0.2
MODIFIER_PENALTY = 0.3
WEAK_PENALTY = 0.1  # a pack trigger marked weak: a word that often only names a topic
REFUSAL_CONFIDENCE = 0.7
#: What PLOVER codes a refused cooperative act as ("will not accept", "failed to agree").
REFUSABLE_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
)
#: Acts whose preparation PLOVER codes as a mobilisation ("preparing an offensive").
PREPARABLE_TYPES = frozenset({"ASSAULT"})
#: Attitudes to an act named right after them ("accepted a meeting", "called for a
#: ceasefire", "rejected the sanctions"): the act is their object, not an event of its own.
GOVERNING_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"})
GOVERNED_GAP = 3  # words between the attitude and its object ("accepted in principle a")
PURPOSE_GAP = 2  # words between a purpose cue and its act ("in order to further isolate")
PREPARATION_GAP = 3  # words between a preparation and its act ("preparing a major offensive")


def _event_id(doc_id: str, typ: str, start: int) -> str:
    return "ev-" + hashlib.sha1(f"{doc_id}:{typ}:{start}".encode()).hexdigest()[:12]


def _nested(kb: KnowledgeBase, mention: EntityMention) -> list[str]:
    """States and organisations named inside an organisation's name ("Consiglio Russia-NATO")."""
    if mention.kind != "ORG" or not mention.named:
        return []
    found = []
    for tok in tokenize(mention.text):
        for ref in kb.lookup([tok.text]):
            entry = kb.entries[ref]
            if (
                entry.kind in ("GPE", "ORG")
                and ref != mention.ref
                and (not tok.text.isupper() or entry.name.isupper() or entry.kind == "GPE")
            ):
                found.append(ref)
    return found


def _participants(kb: KnowledgeBase, mentions: list[EntityMention]) -> tuple[list[str], str | None]:
    """Actor ids and the place id among ``mentions`` (demonyms next to a person excluded)."""
    people = [m for m in mentions if m.kind == "PER"]
    actors: list[str] = []
    place: str | None = None
    for m in mentions:
        if m.kind == "LOC":
            place = place or m.ref
            continue
        if m.modifier:
            continue  # "i capi della diplomazia di Mosca": the office's state, not an actor
        if (
            not m.named
            and m.kind == "GPE"
            and any(abs(p.start - m.end) <= 25 or abs(m.start - p.end) <= 25 for p in people)
        ):
            continue  # "il ministro degli Esteri russo": a modifier, not a participant
        for ref in (m.ref, *_nested(kb, m)):
            if ref not in actors:
                actors.append(ref)
    return actors, place


def _split(
    actors: list[str],
    trigger_pos: int,
    mentions: list[EntityMention],
    agents_after: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actors before the trigger act, and those after it brought in as agents ("an attack
    by X"); the others after it receive ("threatened Ukraine"). Meetings: all act."""
    before = {m.ref for m in mentions if m.end <= trigger_pos} | agents_after
    source = [a for a in actors if a in before]
    target = [a for a in actors if a not in before]
    return tuple(source), tuple(target)


class _Finder:
    def __init__(self, ctx: DocContext, entities: Entities, times: list[TimeValue]) -> None:
        self.ctx = ctx
        self.entities = entities
        self.times = times
        self.triggers = triggers(ctx.lang)
        self.modality = modality(ctx.lang)
        self.roles = roles(ctx.lang)
        self._modal_hits: dict[tuple[int, int], list[Hit]] = {}
        self.denials: list[tuple[int, Claim]] = []  # negated triggers: what statements deny
        self.last_meeting: tuple[str, ...] = ()  # the people who met last: "both leaders"
        self.last_consult: tuple[str, ...] = ()  # who met in the last meeting told
        self.ours: dict[str, bool] = {}  # acts of "I" (False) or "we" (True), by event id
        self._quotes: dict[int, list[tuple[int, int]]] = {}  # sentence -> its quotations

    def _quoted(self, sent: Sentence) -> list[tuple[int, int]]:
        """The insides of the sentence's quotations (document offsets), found once."""
        quoted = self._quotes.get(sent.index)
        if quoted is None:
            quoted = self._quotes[sent.index] = [
                (sent.start + a, sent.start + b) for a, b in quotes_in(sent.text)
            ]
        return quoted

    def _modal(self, sent: Sentence, lexicon: Lexicon) -> list[Hit]:
        """The sentence's hits of one modality word list, found once per sentence."""
        key = (sent.index, id(lexicon))
        if key not in self._modal_hits:
            self._modal_hits[key] = lexicon.find(sent)
        return self._modal_hits[key]

    def _negation(self, sent: Sentence, hit: Hit) -> Literal["fact", "intention"] | None:
        """Is the trigger denied, and is the denial about an intention ("has no intention of
        attacking") or a fact ("did not attack")?"""
        words, negation = sent.norm_words, self.modality.negation
        intents = [
            h
            for h in self._modal(sent, self.modality.no_intention)
            if h.last <= hit.first and hit.first - h.last <= 6
        ]
        if intents and not any(w in negation for w in words[intents[-1].last : hit.first]):
            return "intention"  # "has no intention of attacking"
        lo = max(0, hit.first - NEGATION_WINDOW)
        purpose = self._modal(sent, self.modality.purpose)  # "se non per": "except to"
        negs = [
            k
            for k in range(lo, hit.first)
            if words[k] in negation and not any(h.first <= k < h.last for h in purpose)
        ]
        if negs and not any(
            negs[-1] < h.first and h.last <= hit.first
            for h in self._modal(sent, self.modality.affirming)
        ):  # "will not hesitate to respond" affirms
            return "fact"  # also "has no intention of attacking and never threatened"
        return "intention" if intents else None

    def _is_topic(self, sent: Sentence, hit: Hit) -> bool:
        """ "il tema della minaccia": the trigger names what is talked about."""
        lo = max(0, hit.first - 3)
        return any(lemma in self.roles.topic_nouns for lemma in sent.lemmas[lo : hit.first])

    def _meeting_window(
        self, sent: Sentence, hit: Hit, window: list[EntityMention]
    ) -> list[EntityMention]:
        """Meeting participants: names before the word, and after it only those brought in by
        "con/tra/di" ("with/between/of"); the other names after it are topics."""
        pos = sent.tokens[hit.first].start
        words = sent.norm_words
        kept = []
        # "met X", "ha ricevuto ieri all'Eliseo il cancelliere Scholz": a meeting verb's
        # object meets too, after a time or a place if need be (not after a noun: "the meeting")
        guest = sent.lemmas[hit.first] in self.roles.guest_verbs and not (
            hit.first > 0 and words[hit.first - 1] in self.roles.determiners
        )
        for m in window:
            if m.start < pos or m.kind == "LOC":
                kept.append(m)
                continue
            k = next((i for i, t in enumerate(sent.tokens) if t.start >= m.start), len(words))
            lead = {w for w in words[max(hit.last, k - 3) : k]}
            if (
                k == hit.last
                or lead & (self.roles.comitative | _HYPHENS)
                or self._led(sent, hit, k)
            ):
                kept.append(m)
            elif guest and m.kind == "PER":
                kept.append(m)
                guest = False
        return kept

    def _unsourced(self, sent: Sentence, mentions: list[EntityMention]) -> list[EntityMention]:
        """The mentions less the source named after "according to" / "secondo": it reports
        the sentence's acts, it does not do them."""
        hits = according_cues(self.ctx.lang).find(sent)
        if not hits:
            return mentions
        sources = set()
        for h in hits:
            end = sent.tokens[h.last - 1].end
            first = next((m for m in mentions if m.start >= end), None)
            if first is not None and first.start - end <= SOURCE_GAP_CHARS:
                sources.add(first.start)
        return [m for m in mentions if m.start not in sources]

    def _label(self, quote: tuple[int, int]) -> bool:
        """A short quotation that opens with an indefinite article ("un attacco politico",
        "an act of war"): what someone called something, not an act reported."""
        words = self.ctx.document.text[quote[0] : quote[1]].split()
        if not 0 < len(words) <= LABEL_WORDS:
            return False
        first = words[0].casefold().replace("’", "'")
        return first in self.roles.label_openers or any(  # "un'aggressione"
            first.startswith(a) for a in self.roles.label_openers if a.endswith("'")
        )

    def _led(self, sent: Sentence, hit: Hit, k: int) -> bool:
        """ "un colloquio con il suo omologo turco Hakan Fidan": "con" further back, with only
        the pack's ``participant_leads`` and named words (titles, demonyms) between."""
        words = sent.norm_words
        covered = {
            i
            for m in self.entities.in_sentence(sent.index)
            for i, t in enumerate(sent.tokens)
            if m.start <= t.start < m.end
        }
        j = k - 1
        while j >= hit.last and (words[j] in self.roles.participant_leads or j in covered):
            j -= 1
        return j >= hit.last and j < k - 1 and words[j] in self.roles.comitative

    def _told(
        self, sent: Sentence, hit: Hit, window: list[EntityMention], actors: list[str]
    ) -> bool:
        """ "after the meeting", "al termine del colloquio": the last meeting told, when the
        word has a definite determiner, no participants of its own after it in its clause
        ("the meeting between X and Y in Geneva" tells it anew) and no one but its parties
        before it."""
        if not self.last_consult or hit.first == 0:
            return False
        if sent.norm_words[hit.first - 1] not in self.roles.anaphoric:
            return False
        end = sent.tokens[hit.last - 1].end
        stop = next(
            (t.start for t in sent.tokens[hit.last :] if t.text in self.roles.clause_ends),
            sent.end,
        )
        if any(end <= m.start < stop and m.kind != "LOC" for m in window):
            return False
        entries = self.ctx.kb.entries
        states = {entries[a].country for a in self.last_consult if a in entries}
        return set(actors) <= set(self.last_consult) | {s for s in states if s}

    @staticmethod
    def _guest_follows(sent: Sentence, hit: Hit, window: list[EntityMention]) -> bool:
        """A host-mode trigger ("received", "hosted") needs a named guest right after it."""
        end = sent.tokens[hit.last - 1].end
        return any(
            m.named and m.kind in ("PER", "ORG", "GPE") and 0 <= m.start - end <= HOST_GUEST_CHARS
            for m in window
        )

    def _reversed(self, sent: Sentence, hit: Hit, typ: str) -> tuple[str, Hit | None]:
        """ "halted economic aid" is a SANCTION, "lifted the curfew" and "called off the
        strike" a CONCEDE (as in PLOVER); with the cue word that reverses the act."""
        lo = max(0, hit.first - REVERSAL_WINDOW)
        lo = max([lo, *(k + 1 for k in self._breaks(sent, lo, hit.first))])
        if typ in COOPERATIVE_TYPES:
            cues, new = self.roles.reversal.find(sent, lo, hit.first), "SANCTION"
        elif typ in COERCIVE_TYPES or typ == "PROTEST":
            cues, new = self.roles.easing.find(sent, lo, hit.first), "CONCEDE"
        else:
            return typ, None
        cue = next((c for c in reversed(cues) if lo <= c.first and c.last <= hit.first), None)
        return (new, cue) if cue is not None else (typ, None)

    def _obliged(self, sent: Sentence, hit: Hit) -> bool:
        return any(
            0 <= hit.first - h.last <= 3 for h in self._modal(sent, self.modality.obligation)
        )

    def _conditions(self, sent: Sentence) -> list[Hit]:
        """The words that open a condition: "if", "unless", and an inverted "should" before
        a name ("should Russia invade")."""
        key = (sent.index, -1)
        if key not in self._modal_hits:
            purpose = self._modal(sent, self.modality.purpose)
            hits = [  # "se non per minacciare" is a purpose ("except to"), not a condition
                h
                for h in self._modal(sent, self.modality.conditional)
                if not any(p.first <= h.first < p.last for p in purpose)
            ]
            inverted = self.modality.inverted_conditional
            if inverted:
                starts = {m.start for m in self.entities.in_sentence(sent.index) if m.named}
                words, toks = sent.norm_words, sent.tokens
                hits += [
                    Hit(k, k + 1, "if")
                    for k in range(len(words) - 1)
                    if words[k] in inverted and toks[k + 1].start in starts
                ]
            self._modal_hits[key] = sorted(hits, key=lambda h: h.first)
        return self._modal_hits[key]

    def _condition_follows(self, sent: Sentence, hit: Hit) -> bool:
        return any(h.first >= hit.last for h in self._conditions(sent))

    def _conditional(self, sent: Sentence, hit: Hit) -> bool:
        ends = [h.last for h in self._conditions(sent) if h.last <= hit.first]
        clause = max(ends, default=None)
        return clause is not None and hit.first - clause <= 8

    def _hypothetical(self, sent: Sentence, hit: Hit) -> bool:
        """Does a modal cue reach the trigger: at most HYPOTHETICAL_WINDOW words before it
        (quotes and hyphens not counted: 'the possibility of imposing "large-scale"
        sanctions'), in its clause?"""
        return any(
            h.last <= hit.first
            and _words_between(sent, h.last, hit.first) <= HYPOTHETICAL_WINDOW
            and not self._breaks(sent, h.last, hit.first)
            for h in self._modal(sent, self.modality.hypothetical)
        )

    def _modal_denial(self, sent: Sentence, hit: Hit) -> bool:
        """Is a negated trigger a denied intention ("will not attack", "would never attack")?
        A modal cue counts when it stands before the negation with no coordinator between:
        in "was not planning to attack X and had not attacked Y" the second verb denies a
        fact."""
        if not self._hypothetical(sent, hit):
            return False
        words, negation = sent.norm_words, self.modality.negation
        lo = max(0, hit.first - NEGATION_WINDOW)
        neg = max((k for k in range(lo, hit.first) if words[k] in negation), default=hit.first)
        return any(
            (h.last <= neg and not set(words[h.last : neg]) & self.roles.coordinators)
            or neg <= h.first < hit.first
            for h in self._modal(sent, self.modality.hypothetical)
            if h.last <= hit.first
        )

    def _cue_before(self, sent: Sentence, hit: Hit, lexicon: Lexicon, gap: int) -> bool:
        """Does a cue of ``lexicon`` stand at most ``gap`` words before the trigger, in its
        clause?"""
        return any(
            h.last <= hit.first
            and _words_between(sent, h.last, hit.first) <= gap
            and not self._breaks(sent, h.last, hit.first)
            for h in self._modal(sent, lexicon)
        )

    def _agents_after(
        self, sent: Sentence, hit: Hit, window: list[EntityMention], *, mutual: bool
    ) -> frozenset[str]:
        """Names after the trigger brought in as its agents ("an attack by X on Y": X; "talks
        between X and Y": both); a name joined by "and" to the previous one shares its role.
        A co-agent word ("with") counts only for a ``mutual`` act and before any name
        received it: "a deal with Iran" (both agree), not "called for talks with Ukraine" nor
        "urged Russia to ease tensions with Ukraine" (Ukraine belongs to what is urged)."""
        words, toks = sent.norm_words, sent.tokens
        end = toks[hit.last - 1].end
        agents: set[str] = set()
        prev_k, prev_agent = hit.last, False
        received = False
        for m in sorted(window, key=lambda m: m.start):
            if m.start < end or m.kind == "LOC":
                continue
            k = next((i for i, t in enumerate(toks) if t.start >= m.start), len(words))
            lead = words[max(prev_k, k - 3) : k]
            if lead and set(lead) <= self.roles.coordinators:
                agent = prev_agent
            else:
                agent = bool(set(lead) & self.roles.agentive) or (
                    mutual and not received and bool(set(lead) & self.roles.co_agentive)
                )
            if agent:
                agents.update((m.ref, *_nested(self.ctx.kb, m)))
            else:
                received = True
            prev_k = next((i for i, t in enumerate(toks) if t.start >= m.end), len(words))
            prev_agent = agent
        return frozenset(agents)

    def _group(self, sent: Sentence, hit: Hit, lo: int) -> tuple[str, ...]:
        """The people of the last meeting, when the trigger's clause names them as a group
        ("Putin and Biden spoke by phone. Both leaders agreed to ...")."""
        if not self.last_meeting:
            return ()
        words = sent.norm_words
        for h in self._modal(sent, self.roles.group_anaphors):
            if (
                h.last <= hit.first
                and sent.tokens[h.first].start >= lo
                and words[h.last] not in self.roles.comitative  # "the leaders of the EU"
            ):
                return self.last_meeting
        return ()

    def _our_subject(self, sent: Sentence, hit: Hit) -> str | None:
        """The act's subject when it is "I" or "we" ("I have directed sanctions on X"): an
        actor the text names, the author or speaker, though not by name."""
        lo = max([0, *(k + 1 for k in self._breaks(sent, 0, hit.first))])
        return next(
            (w for w in sent.norm_words[lo : hit.first] if w in self.roles.first_person), None
        )

    @staticmethod
    def _continued(events: list[Event], actors: list[str]) -> list[str]:
        """The parties of a meeting that continues the sentence's first one ("Russia and the
        US held talks in Geneva, followed by consultations at the OSCE in Vienna")."""
        first = next((e for e in events if e.type == "CONSULT" and len(e.actors) >= 2), None)
        return list(dict.fromkeys((*first.actors, *actors))) if first else actors

    def _governed(self, sent: Sentence, hits: list[Hit]) -> dict[int, str]:
        """Hits (by index) whose next hit is their object ("accepted a meeting", "called for
        a ceasefire", "thanked Chancellor Scholz for his partnership": names and titles
        between do not count), with the object's type as their mode."""
        spans = [(m.start, m.end) for m in self.entities.in_sentence(sent.index)]

        def gap(a: Hit, b: Hit) -> int:
            return sum(
                1
                for t in sent.tokens[a.last : b.first]
                if not any(lo <= t.start < hi for lo, hi in spans)
            )

        return {
            k: b.entry.type.lower()
            for k, (a, b) in enumerate(itertools.pairwise(hits))
            if a.entry.type in GOVERNING_TYPES
            and b.entry.type not in (a.entry.type, BLOCK)
            and b.first >= a.last
            and gap(a, b) <= GOVERNED_GAP
            and not self._breaks(sent, a.last, b.first)
            and not self._attributive(sent, a)
            and not self._coordinated(sent, a, b)
        }

    def _coordinated(self, sent: Sentence, a: Hit, b: Hit) -> bool:
        """ "thanked the EU and urged Israel to": two acts side by side, neither the other's
        object."""
        return any(w in self.roles.coordinators for w in sent.norm_words[a.last : b.first])

    def _attributive(self, sent: Sentence, hit: Hit) -> bool:
        """ "its long-threatened invasion", "the agreed ceasefire": a participle before the
        noun, which governs nothing (the invasion is the act)."""
        if hit.first == 0:
            return False
        before = sent.tokens[hit.first - 1]
        if before.text in _HYPHENS and before.end == sent.tokens[hit.first].start:
            return True
        return sent.norm_words[hit.first - 1] in self.roles.determiners

    def _refused(self, sent: Sentence, hit: Hit) -> bool:
        """ "failed to reach an agreement", "refused to meet": a refusal of the act."""
        lo = max(0, hit.first - REFUSAL_WINDOW - 4)  # the longest cue has four words
        return any(
            h.last <= hit.first and hit.first - h.last <= REFUSAL_WINDOW
            for h in self.modality.refusal.find(sent, lo, hit.first)
        )

    def _breaks(self, sent: Sentence, a: int, b: int) -> list[int]:
        """Clause-ending marks among tokens [a, b) ("5,000" holds none)."""
        toks, ends = sent.tokens, self.roles.clause_ends
        return [
            k
            for k in range(a, b)
            if sent.norm_words[k] in ends
            and not (
                0 < k < len(toks) - 1
                and toks[k - 1].end == toks[k].start
                and toks[k].end == toks[k + 1].start
            )
        ]

    def _clause_start(self, sent: Sentence, prev: Hit, hit: Hit) -> int:
        """Where ``hit``'s part of the sentence starts: after the last clause-ending mark
        since the previous trigger ("After the clashes, Armenia and Azerbaijan held talks":
        the names belong to the talks), else at the trigger."""
        breaks = self._breaks(sent, prev.last, hit.first)
        return sent.tokens[breaks[-1] + 1 if breaks else hit.first].start

    def _backgrounded(self, sent: Sentence, hit: Hit) -> bool:
        """Is the trigger in a clause that tells the background of the sentence's main event
        ("after the attack", "amid protests", "which is preparing an offensive")?  The clause
        runs from its cue to the next clause-ending mark."""
        for cue in self.roles.background.find(sent, 0, hit.first):
            if cue.last <= hit.first and not self._breaks(sent, cue.last, hit.first):
                return True
        return False

    def _modifier(self, sent: Sentence, hit: Hit, mentions: list[EntityMention]) -> bool:
        """ "Israeli-occupied", "Syrian-backed", "the besieged Bosnian town": the trigger
        modifies a name (the tail of a hyphenated word, or between a determiner and a
        name); it is not an act told by the sentence."""
        if hit.last - hit.first != 1 or hit.first == 0 or hit.last >= len(sent.tokens):
            return False  # a phrase ("24-hour strike") is a head, not a modifier
        if hit.first >= 2:
            dash, head = sent.tokens[hit.first - 1], sent.tokens[hit.first]
            prev = sent.tokens[hit.first - 2]
            if dash.text in ("-", "‑") and prev.end == dash.start and dash.end == head.start:
                return True
        if sent.norm_words[hit.first - 1] not in self.roles.determiners:
            return False
        after = sent.tokens[hit.last].start
        return any(m.named and m.start == after for m in mentions)

    def _in_name_or_time(
        self, sent: Sentence, hit: Hit, names: list[EntityMention], times: list[TimeValue]
    ) -> bool:
        """ "Amnesty International", "Ceasefire Violations Committee", "last March": the word
        is part of a name or a time expression."""
        start, end = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
        return any(m.start <= start and end <= m.end for m in names) or any(
            t.start <= start and end <= t.end for t in times
        )

    def _date(
        self, sent: Sentence, lo: int, hi: int, *, own: bool = False, at: Span | None = None
    ) -> DateRef | None:
        """The trigger's date: the time expression in its window nearest to the trigger
        ``at`` ("arrivato ieri sera al Cairo, dove oggi incontrerà": today), else (unless
        ``own``) the nearest in its sentence, else the publication day for the first
        sentences of the article."""
        quoted = self._quoted(sent)
        in_sentence = [
            t
            for t in self.times
            if sent.start <= t.start < sent.end
            and t.type in ("DATE", "TIME")
            and t.value is not None
            and not (isinstance(t.value, str) and t.value.endswith("_REF"))  # "now", "soon"
            and not any(a <= t.start < b for a, b in quoted)
        ]
        if at is not None:
            in_sentence.sort(key=lambda t: max(at.start - t.end, t.start - at.end))
        near = [t for t in in_sentence if lo <= t.start < hi] or ([] if own else in_sentence)
        if near:
            t = near[0]
            value = narrowed(t)
            if isinstance(value, str) and "T" in value:
                value = value.split("T")[0]
            return DateRef(t.text, value)
        published = self.ctx.document.published
        if not own and sent.index <= LEDE_SENTENCES and published and len(published) == 10:
            return DateRef(None, published)
        return None

    def sentence(self, sent: Sentence) -> list[Event]:
        hits = self.triggers.find(sent)
        if not hits:
            return []
        mentions = self._unsourced(sent, self.entities.in_sentence(sent.index))
        names = [m for m in mentions if m.named]
        times = [t for t in self.times if sent.start <= t.start < sent.end]
        kept = [
            h
            for h in hits
            if h.entry.type != BLOCK and not self._in_name_or_time(sent, h, names, times)
        ]
        if len(kept) < len(hits) and _headline_case(sent):  # capitals there make no names
            kept = [
                h
                for h in hits
                if h.entry.type != BLOCK and not self._in_name_or_time(sent, h, [], times)
            ]
        hits = kept
        if not hits:
            return []
        quoted = self._quoted(sent)

        def quote_of(pos: int) -> tuple[int, int] | None:
            return next(((a, b) for a, b in quoted if a <= pos < b), None)

        events: list[Event] = []
        topic_end = -100  # end of the last trigger dropped as a topic
        bounds = [sent.start] + [
            self._clause_start(sent, *pair) for pair in itertools.pairwise(hits)
        ]
        bounds.append(sent.end)
        governs = self._governed(sent, hits)
        for k, hit in enumerate(hits):
            if k - 1 in governs:
                continue  # "accepted a meeting": the meeting is what was accepted
            if self._is_topic(sent, hit) or 0 <= hit.first - topic_end <= 2:
                topic_end = hit.last  # "il tema della minaccia d'invasione": all topic
                continue
            negation = self._negation(sent, hit)
            lo, hi = bounds[k], bounds[k + 1]
            object_at = hi  # "accepted a meeting with Putin": the object's names receive,
            if k in governs and not any(  # unless the attitude has its own ("thanked X for")
                sent.tokens[hit.last - 1].end <= m.start < object_at for m in mentions
            ):
                hi = bounds[k + 2]
            where = quote_of(sent.tokens[hit.first].start)
            if where is not None and self._label(where):
                continue  # 'definendo la decisione "un attacco politico"': a label, not an act
            window = [m for m in mentions if lo <= m.start < hi and quote_of(m.start) == where]
            trig: Trigger = hit.entry
            pos = sent.tokens[hit.first].start
            trigger = _trigger_span(sent, hit)
            refused = trig.type in REFUSABLE_TYPES and self._refused(sent, hit)
            if negation is not None:  # not an event; what a statement may deny
                intention = negation == "intention" or self._modal_denial(sent, hit)
                claim = Claim(trig.type, trigger, negated=True, intention=intention)
                self.denials.append((sent.index, claim))
                if not (intention and trig.type in REFUSABLE_TYPES):
                    continue
                refused = True  # "will not accept", "has no intention of meeting": a refusal
            if trig.mode == "host" and not self._guest_follows(sent, hit, window):
                continue  # "ha ricevuto una risposta": receiving, not hosting
            if trig.type == "CONSULT":
                window = self._meeting_window(sent, hit, window)
            actors, place = _participants(self.ctx.kb, window)
            group = () if actors else self._group(sent, hit, lo)
            actors = actors or list(group)
            # a meeting told before, named again ("after the meeting", "al termine del
            # colloquio"): its parties, and none of the clause's other places and dates
            told = trig.type == "CONSULT" and self._told(sent, hit, window, actors)
            if told:
                actors, place = list(self.last_consult), None
            elif trig.type == "CONSULT" and len(actors) < 2:
                actors = self._continued(events, actors)
            if not actors and trig.type not in UNATTRIBUTED_TYPES:
                continue  # who met, asked, agreed must be said; a bombing may have no author
            hypothetical = self._hypothetical(sent, hit) or self._cue_before(
                sent, hit, self.modality.purpose, PURPOSE_GAP
            )  # "troops massed in order to threaten": an aim, not a fact
            if self._conditional(sent, hit):
                continue  # "se i negoziati procedono", "if Russia invades": a condition
            performed = trig.performative and self._cue_before(
                sent, hit, self.modality.performative, 1
            )
            if performed:
                hypothetical = False  # "I want to thank Chancellor Scholz": thanked
            if trig.needs_condition:
                if not self._condition_follows(sent, hit):
                    continue  # "will respond" names no event; "will respond if" threatens
                hypothetical = False  # the threat itself is made
            prepared = trig.type in PREPARABLE_TYPES and self._cue_before(
                sent, hit, self.modality.preparation, PREPARATION_GAP
            )
            if prepared:  # "preparations for an offensive": the build-up is the event
                hypothetical = False
            reach = TOLD_DATE_CHARS if told else OWN_DATE_CHARS  # "the meeting on Friday"
            own_hi = min(hi, sent.tokens[hit.last - 1].end + reach)
            own_date = hypothetical or told  # the clause's other dates are not the meeting's
            date = self._date(sent, lo, own_hi if own_date else hi, own=own_date, at=trigger)
            typ, cue = self._reversed(sent, hit, trig.type)
            mode = trig.mode or governs.get(k)
            if prepared:
                typ, mode = "MOBILIZE", trig.type.lower()
            if cue is not None:  # the reversing word names no act of its own ("called off")
                at = sent.tokens[cue.first].start, sent.tokens[cue.last - 1].end
                events = [
                    e
                    for e in events
                    if e.trigger is None or e.trigger.end <= at[0] or e.trigger.start >= at[1]
                ]
            if hypothetical and self._obliged(sent, hit):  # "Iraq must cooperate": a demand
                typ, mode = "REQUEST", typ.lower()
            elif hypothetical and typ in INTENT_TYPES:  # "will send troops": an intention
                typ, mode = INTENT_TYPES[typ], typ.lower()
                if self._condition_follows(sent, hit):  # "... unless": a threat
                    typ = "THREATEN"
            confidence = HYPOTHETICAL_CONFIDENCE if hypothetical else FACT_CONFIDENCE
            if typ == "REQUEST":
                confidence = FACT_CONFIDENCE  # the demand is made, only its object is to come
            if refused:  # "failed to reach an agreement", "will not accept": PLOVER's REJECT
                typ, mode, hypothetical = "REJECT", trig.type.lower(), False
                confidence = REFUSAL_CONFIDENCE
            if self._backgrounded(sent, hit):
                confidence -= BACKGROUND_PENALTY
            if self._modifier(sent, hit, mentions):
                confidence -= MODIFIER_PENALTY
            if trig.weak:
                confidence -= WEAK_PENALTY
            source: tuple[str, ...]
            target: tuple[str, ...]
            if typ == "CONSULT":
                source, target = tuple(actors), ()
            else:
                before_object = [m for m in window if m.start < object_at]
                mutual = typ in MUTUAL_TYPES
                agents = self._agents_after(sent, hit, before_object, mutual=mutual)
                agents |= frozenset(group)
                source, target = _split(actors, pos, window, agents)
                if not source and events and k and self._coordinated(sent, hits[k - 1], hit):
                    source = events[-1].actors  # "thanked the EU and urged Israel to ..."
            unattributed = typ in UNATTRIBUTED_TYPES or (  # "called off the strike": eased
                trig.type in UNATTRIBUTED_TYPES and not hypothetical
            )
            unnamed_speaker = not source or typ == "CONSULT"  # "I met with X": X is named
            ours = self._our_subject(sent, hit) if unnamed_speaker else None
            if not source and not unattributed and not (target and (performed or ours)):
                continue  # "weapons that threaten Russia": who acts is not said
            people = tuple(dict.fromkeys(m.ref for m in window if m.kind == "PER"))
            if typ in COOPERATIVE_TYPES and len(set(people) & set(source)) >= 2:
                self.last_meeting = people  # "the two leaders" are people, not states
            if typ == "CONSULT" and len(source) >= 2 and not hypothetical:
                self.last_consult = source
            event_id = _event_id(self.ctx.document.id, typ, pos)
            if unnamed_speaker and (performed or ours):  # the statements tell who
                self.ours[event_id] = ours in self.roles.first_plural
            events.append(
                Event(
                    id=event_id,
                    type=typ,
                    mode=mode,
                    actors=source,
                    recipients=target,
                    place=place,
                    date=date,
                    hypothetical=hypothetical,
                    evidence=Evidence(sent.start, sent.end, sent.text),
                    confidence=round(confidence, 2),
                    trigger=trigger,
                )
            )
        return _merge_in_sentence(events)


def _words_between(sent: Sentence, a: int, b: int) -> int:
    """Word tokens among tokens [a, b): "large-scale" is one, not three."""
    toks = sent.tokens[a:b]
    return sum(
        1
        for k, t in enumerate(toks)
        if t.is_word and not (k and toks[k - 1].end == t.start and not toks[k - 1].is_word)
    )


def _headline_case(sent: Sentence) -> bool:
    """ "Court Convicts Friend of Boston Bombing Suspect": capitals say nothing of names."""
    words = [t.text for t in sent.tokens if t.is_word and len(t.text) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _trigger_span(sent: Sentence, hit: Hit) -> Span:
    start, end = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
    return Span(start, end, sent.text[start - sent.start : end - sent.start])


def _date_key(ref: DateRef | None) -> str | None:
    if ref is None or ref.value is None:
        return None
    return ref.value.start if isinstance(ref.value, DateRange) else ref.value


def _merge_in_sentence(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for ev in events:
        twin = next(
            (
                m
                for m in merged
                if m.type == ev.type
                and m.place == ev.place
                and _date_key(m.date) == _date_key(ev.date)
            ),
            None,
        )
        if twin is None:
            merged.append(ev)
            continue
        merged[merged.index(twin)] = replace(
            twin,
            confidence=max(twin.confidence, ev.confidence),
            actors=tuple(dict.fromkeys((*twin.actors, *ev.actors))),
            recipients=tuple(
                r
                for r in dict.fromkeys((*twin.recipients, *ev.recipients))
                if r not in twin.actors and r not in ev.actors
            ),
        )
    return merged


def _same_happening(a: Event, b: Event) -> bool:
    """Same type, the participants of one among those of the other, compatible place and date."""
    if a.type != b.type or a.hypothetical != b.hypothetical:
        return False
    pa, pb = set(a.actors + a.recipients), set(b.actors + b.recipients)
    if not pa or not pb or not (pa <= pb or pb <= pa or len(pa & pb) >= 2):
        return False  # without shared participants two reports cannot be told to be one
    if a.place and b.place and a.place != b.place:
        return False
    da, db = _stated_date(a.date), _stated_date(b.date)
    return da is None or db is None or da == db


def _stated_date(ref: DateRef | None) -> str | None:
    """The date the text states; a date guessed from the publication day (no text) is none."""
    return _date_key(ref) if ref is not None and ref.text else None


def _in_title(ctx: DocContext, event: Event) -> bool:
    """Is the event's evidence the headline?  The body tells it better."""
    title = ctx.document.title
    return bool(title) and event.evidence.start < len(title or "")


def _tells_less(ctx: DocContext, a: Event, b: Event) -> bool:
    """Should ``b``'s evidence lead rather than ``a``'s?  The body over the headline, then the
    report that states the date, then the one that names the place."""

    def detail(e: Event) -> tuple[bool, bool, bool]:
        return (not _in_title(ctx, e), bool(_stated_date(e.date)), e.place is not None)

    return detail(b) > detail(a)


@dataclass(frozen=True, slots=True)
class Found:
    """The document's events, and the denied ones (claims for the statements around them)."""

    events: list[Event]
    denials: list[tuple[int, Claim]]  # (sentence index, claim without participants)
    ours: dict[str, bool] = field(default_factory=dict)  # acts of "I" / "we" (True), by id


def find_events(ctx: DocContext, entities: Entities, times: list[TimeValue]) -> Found:
    """Every event of the document; one per happening, with all its evidence."""
    finder = _Finder(ctx, entities, times)
    events: list[Event] = []
    for sent in ctx.sentences:
        for ev in finder.sentence(sent):
            twin = next((e for e in events if _same_happening(e, ev)), None)
            if twin is None:
                events.append(ev)
                continue
            first, second = (ev, twin) if _tells_less(ctx, twin, ev) else (twin, ev)
            richer = len(second.actors + second.recipients) > len(first.actors + first.recipients)
            events[events.index(twin)] = replace(
                first,
                confidence=max(first.confidence, second.confidence),
                actors=second.actors if richer else first.actors,
                recipients=second.recipients if richer else first.recipients,
                place=first.place or second.place,
                date=first.date if _stated_date(first.date) or not second.date else second.date,
                more_evidence=(*twin.more_evidence, second.evidence),
            )
    return Found(events, finder.denials, finder.ours)


def with_claims(
    statements: list[Statement], found: Found, entities: Entities, kb: KnowledgeBase
) -> list[Statement]:
    """Each statement with the event frames its content asserts (the events whose trigger it
    holds) or denies ("Mosca non ha intenzione di attaccare Kiev": ASSAULT RUS → UKR, negated);
    a denial's participants are those named inside the content."""
    asserted = [
        Claim(e.type, e.trigger, actors=e.actors, recipients=e.recipients)
        for e in found.events
        if e.trigger is not None and not e.hypothetical
    ]
    out = []
    for st in statements:
        lo, hi = st.content.start, st.content.end
        claims = [c for c in asserted if lo <= c.trigger.start and c.trigger.end <= hi]
        for index, denial in found.denials:
            if not (lo <= denial.trigger.start and denial.trigger.end <= hi):
                continue
            window = [m for m in entities.in_sentence(index) if lo <= m.start and m.end <= hi]
            actors, _ = _participants(kb, window)
            source, target = _split(actors, denial.trigger.start, window)
            claims.append(replace(denial, actors=source, recipients=target))
        out.append(replace(st, claims=tuple(claims)) if claims else st)
    return out
