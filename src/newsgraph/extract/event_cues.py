"""What the language packs say about events, loaded once per language: the triggers
(``events.yaml``: words and phrases typed in PLOVER), the words that give participants their
roles, and the modality cues (``modality.yaml``: negation, intention, condition, aim,
preparation)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon import Lexicon
from newsgraph.lang import pack_data, word_set
from newsgraph.model import PLOVER_TYPES

#: A trigger whose pack entry blocks it: a phrase that holds a trigger word but names no
#: event ("according to", "in accordance with").
BLOCK = "BLOCK"


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    weak: bool = False
    needs_condition: bool = False  # "will respond decisively if ...": a threat only so
    performative: bool = False  # "I want to thank": saying it does it


@dataclass(frozen=True, slots=True)
class Roles:
    topic_nouns: frozenset[str]
    comitative: frozenset[str]
    reversal: Lexicon  # "halted", "cut off": a cooperative act withdrawn
    easing: Lexicon  # "lifted", "called off": a coercive act or a protest eased
    background: Lexicon  # "after", "amid", "which": a clause that tells the background
    clause_ends: frozenset[str]  # punctuation that closes such a clause
    determiners: frozenset[str]  # "the occupied West Bank": a participle before a name
    agentive: frozenset[str]  # "an attack by X": a name after the trigger that acts
    co_agentive: frozenset[str]  # "talks with X": acts too, unless a name received first
    coordinators: frozenset[str]  # "X and Y": the second name shares the first's role
    first_person: frozenset[str]  # "we will respond": the speaker acts, unnamed
    first_plural: frozenset[str]  # "we": the speaker and those they speak for
    group_anaphors: Lexicon  # "both leaders", "i due ministri": the last meeting's people
    guest_verbs: frozenset[str]  # lemmas: "met X", "ha ricevuto ieri X": the object meets too
    anaphoric: frozenset[str]  # "after the meeting", "al termine del colloquio": one told
    participant_leads: frozenset[str]  # "con il suo omologo turco X": between "con" and X
    label_openers: frozenset[str]  # '"an act of war"': a short quotation so opened is a label


def _words(words: object, tag: str = "cue") -> Lexicon:
    """A lexicon of the pack's list ``words`` (none if it is no list), each hit tagged."""
    lex = Lexicon()
    lex.add_words(words if isinstance(words, list) else (), tag)
    return lex


@cache
def roles(lang: str) -> Roles:
    data = pack_data(lang, "events")
    return Roles(
        topic_nouns=word_set(data, "topic_nouns"),
        comitative=word_set(data, "comitative"),
        reversal=_words(data.get("reversal_verbs")),
        easing=_words(data.get("easing_verbs")),
        background=_words(data.get("background_cues"), "bg"),
        clause_ends=frozenset(str(w) for w in data.get("clause_ends") or (",", ";", ":")),
        determiners=word_set(data, "determiners"),
        agentive=word_set(data, "agentive"),
        co_agentive=word_set(data, "co_agentive"),
        coordinators=word_set(data, "coordinators") | {","},
        first_person=word_set(data, "first_person"),
        first_plural=word_set(data, "first_person_plural"),
        group_anaphors=_words(data.get("group_anaphors")),
        guest_verbs=word_set(data, "guest_verbs"),
        anaphoric=word_set(data, "anaphoric_determiners"),
        participant_leads=word_set(data, "participant_leads"),
        label_openers=word_set(data, "label_openers"),
    )


@dataclass(frozen=True, slots=True)
class Modality:
    negation: frozenset[str]
    no_intention: Lexicon
    hypothetical: Lexicon
    conditional: Lexicon
    obligation: Lexicon
    refusal: Lexicon
    purpose: Lexicon  # "in order to", "other than to": the act is an aim, not a fact
    preparation: Lexicon  # "preparations for": an attack prepared is a mobilisation
    affirming: Lexicon  # "not hesitate to": a negation that affirms what follows
    inverted_conditional: frozenset[str]  # "should Russia invade": a condition
    performative: Lexicon  # "I would like to thank": the act is done by saying so


@cache
def triggers(lang: str) -> Lexicon:
    lex = Lexicon()
    for t in pack_data(lang, "events").get("triggers") or ():
        typ = str(t.get("type", "")).upper()
        if typ not in PLOVER_TYPES and typ != BLOCK:
            continue
        entry = Trigger(
            typ,
            t.get("mode"),
            weak=bool(t.get("weak")),
            needs_condition=bool(t.get("needs_condition")),
            performative=bool(t.get("performative")),
        )
        if t.get("phrase"):
            lex.add_phrase(str(t["phrase"]), entry)
        elif t.get("lemma"):
            lex.add_lemma(str(t["lemma"]), entry)
    for phrase in pack_data(lang, "events").get("non_triggers") or ():
        lex.add_phrase(str(phrase), Trigger(BLOCK, None))
    return lex


@cache
def modality(lang: str) -> Modality:
    data = pack_data(lang, "modality")
    return Modality(
        negation=word_set(data, "negation"),
        no_intention=_words(data.get("no_intention"), "no"),
        hypothetical=_words(data.get("hypothetical"), "maybe"),
        conditional=_words(data.get("conditional"), "if"),
        obligation=_words(data.get("obligation"), "must"),
        refusal=_words(data.get("refusal"), "refuse"),
        purpose=_words(data.get("purpose")),
        preparation=_words(data.get("preparation")),
        affirming=_words(data.get("affirming")),
        inverted_conditional=word_set(data, "inverted_conditional"),
        performative=_words(data.get("performative")),
    )
