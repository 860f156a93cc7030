"""Entities: every person, organisation, state and place the text names, resolved.

Three sources, in order: the actor knowledge base (people, organisations,
states, by any of their names), the place gazetteer (GeoNames cities), and
a recogniser for names neither knows (runs of capitalised words, typed by
the words in and around them).  A capital named as an agent ("Mosca
chiede", "Washington said") stands for its state.  Titles ("il ministro
degli Esteri russo") are resolved to the office-holder on the day the
article was published; they are references, not names, so they do not
appear among an actor's ``mentions``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache
from itertools import islice, product
from typing import Any, Literal

from newsgraph.extract.context import DocContext, Sentence
from newsgraph.extract.toponyms import SMALL_TOWN, Region, Toponym, place_among, read
from newsgraph.extract.toponyms import within as _within
from newsgraph.kb import norm_key, phrase_key
from newsgraph.lang import pack_data, word_set
from newsgraph.lang.calendar import month_names, weekday_names
from newsgraph.lemmas import is_known, lemmatize
from newsgraph.model import Actor, Place, Span
from newsgraph.names import given_names, region_names
from newsgraph.places import Gazetteer, PlaceEntry, gazetteer
from newsgraph.text import Token
from newsgraph.text import slug as text_slug

Kind = Literal["PER", "ORG", "GPE", "LOC"]
_CONNECTORS = frozenset(
    {
        "di",
        "de",
        "del",
        "della",
        "dei",
        "degli",
        "da",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "du",
        "des",
        "dos",
        "y",
        "of",
        "and",
        "&",
        "-",
        "'s",
        "d'",
        "d’",
    }
)
_CURRENCY = frozenset("$€£¥")
_ROMAN = re.compile(r"[IVXLC]+")
_QUOTES = frozenset("\"“”«»„'‘’")
_OPENERS = frozenset('.!?:;"“«„—–-(')
#: One-word place names that are also ordinary words count only for cities this large.
WEAK_PLACE_POPULATION = 500_000
#: A one-word name found under another name of a town ("Google" for Topeka, "Wilson" for
#: Uptown) counts only for towns this large, unless it is written much like the town's own
#: name ("Milano", "Genova", "Parigi"): GeoNames' odd alternate names are no names in news.
FAR_ALIAS_POPULATION = 1_000_000
#: How alike (difflib's ratio, on letters without accents) an alias and a town's own name
#: must be for the alias of a smaller town to count.
ALIAS_LIKENESS = 0.4
#: A one-word unknown name that is a given name is a person's, unless a city this large has it.
GIVEN_NAME_PLACE_POPULATION = 100_000
#: At most this many readings of a run of inflected words are looked up.
MAX_NAME_KEYS = 32
#: A word at least this frequent (Zipf scale: 4 = once in 100,000 words) is a common word of
#: the language unless it is a known name.
COMMON_WORD_ZIPF = 4.0
#: ... and at least this much more frequent than in English (names and brands are about as
#: frequent in every language).
LOCAL_WORD_GAP = 1.0


_NOT_WORD = re.compile(r"[\W_]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def slug(name: str) -> str:
    """An actor id for a name outside the knowledge base (ASCII when the name has Latin
    letters, else its own letters: "Блинкеном" -> "блинкеном")."""
    return text_slug(name) or _NOT_WORD.sub("-", name.casefold()).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A stretch of text that refers to an actor or a place."""

    start: int
    end: int
    text: str
    kind: Kind
    ref: str  # actor id or place id
    named: bool  # a name (listed in mentions) or a title / demonym (a reference only)
    sentence: int
    modifier: bool = False  # a state named only to say whose office a title is ("di Mosca")


@dataclass(slots=True)
class _ActorInfo:
    name: str
    kind: Kind
    country: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entities:
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    mentions: tuple[EntityMention, ...]  # named and nominal, in text order
    by_sentence: dict[int, list[EntityMention]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        actors: tuple[Actor, ...],
        places: tuple[Place, ...],
        mentions: tuple[EntityMention, ...],
    ) -> Entities:
        index: dict[int, list[EntityMention]] = defaultdict(list)
        for m in mentions:
            index[m.sentence].append(m)
        return cls(actors, places, mentions, dict(index))

    def in_sentence(self, index: int) -> list[EntityMention]:
        return self.by_sentence.get(index, [])


@cache
def _stop_words(lang: str) -> frozenset[str]:
    return word_set(pack_data(lang, "stopwords"), "stop_words")


@dataclass(frozen=True, slots=True)
class _LangData:
    locative: frozenset[tuple[str, ...]]
    org_words: frozenset[str]
    place_words: frozenset[str]
    misc_words: frozenset[str]
    not_names: frozenset[str]
    titles_by_first: dict[str, tuple[tuple[tuple[str, ...], str, str | None], ...]]
    honorifics: frozenset[str]
    demonyms: dict[str, str]
    stop: frozenset[str]
    single_default: Kind
    region_abbreviations: dict[str, Region]  # "Ill." -> ("USA", "IL")
    demonym_places: bool  # "Russian" is a mention of Russia the place
    multi_default: Kind = "PER"
    opening_word_endings: tuple[str, ...] = ()
    name_suffixes: frozenset[str] = frozenset()
    org_modifiers: frozenset[str] = frozenset()
    place_modifiers: frozenset[str] = frozenset()
    title_links: frozenset[str] | None = None  # "President of Russia"; None: any word
    possessives: frozenset[str] = frozenset()  # "our Allies": a common noun follows
    capitalised_nouns: bool = False
    dictionary_has_names: bool = False
    unknown_locative: frozenset[tuple[str, ...]] = frozenset()
    case_endings: tuple[tuple[str, str], ...] = ()
    native_letters: frozenset[str] = frozenset()
    foreign_script_kind: Kind = "ORG"
    person_endings: tuple[str, ...] = ()
    org_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    institutions: dict[tuple[str, ...], bool] = field(default_factory=dict)  # -> capitalised
    place_descriptors: tuple[tuple[str, ...], ...] = ()
    person_nouns: frozenset[str] = frozenset()
    club_articles: frozenset[str] = frozenset()
    sport_words: frozenset[str] = frozenset()
    team_not_after: frozenset[str] = frozenset()
    org_name_links: tuple[tuple[str, ...], ...] = ()
    province_codes: frozenset[str] = frozenset()
    age_words: frozenset[str] = frozenset()
    org_descriptors: tuple[tuple[str, ...], ...] = ()
    clitics: frozenset[str] = frozenset()  # "we’ve", "I’m": a function word and its clitic
    question_labels: frozenset[str] = frozenset()  # "Q  Thank you, Jen." in a transcript
    definite: frozenset[str] = frozenset()
    seat_org_words: frozenset[str] = frozenset()
    list_conjunctions: frozenset[str] = frozenset()
    division_plurals: dict[str, str] = field(default_factory=dict)  # "counties" -> "County"
    division_list_words: frozenset[str] = frozenset()
    # "City of", "Province of": a place named for the place after them ("the City of Oxford")
    place_of: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> gazetteer level
    town_words: frozenset[str] = frozenset()  # "Dublin City", "Hanover Town": Dublin, Hanover
    part_words: frozenset[str] = frozenset()  # "East Oxford", "Western Massachusetts"
    home_prefix: re.Pattern[str] | None = None  # "R-" of "Rep. Torrey Westrom, R-Elbow Lake"
    name_particles: frozenset[str] = frozenset()
    surname_particles: frozenset[str] = frozenset()
    epithet_endings: tuple[str, ...] = ()
    abbreviations: frozenset[str] = frozenset()  # honorifics written short ("on." for "on.")
    foreign_word_languages: tuple[str, ...] = ()  # "Sorry", "Board" quoted in an Italian text
    platforms: frozenset[str] = frozenset()  # "su Facebook": a medium, not an actor
    award_nouns: frozenset[str] = frozenset()  # "premio Pulitzer", in lower case too
    work_nouns: frozenset[str] = frozenset()  # "il brano Release Me": a title, no actor
    eponym_nouns: frozenset[str] = frozenset()  # "la legge Urbani": named after a person
    place_names: frozenset[str] = frozenset()  # "sulla Terra", "nel Mediterraneo": places
    indefinite: frozenset[str] = frozenset()  # "una Land Rover": one of a make, no actor
    road_codes: re.Pattern[str] | None = None  # "A14": a motorway, a place
    platform_cues: frozenset[str] = frozenset()
    min_stem: int = 3
    _variants: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def variants(self, word: str) -> tuple[str, ...]:
        """``word`` (normalised) and the forms it may be an inflection of, by the pack's
        ``name_case_endings`` ("лаврова" -> "лавров", "украину" -> "украина"); just
        ``word`` for a language without case endings."""
        found = self._variants.get(word)
        if found is None:
            forms = [word]
            if word.isalpha():
                for ending, base in self.case_endings:
                    stem = len(word) - len(ending)
                    if word.endswith(ending) and stem >= self.min_stem:
                        form = word[:stem] + base
                        if form not in forms:
                            forms.append(form)
            found = self._variants[word] = tuple(forms)
        return found


def _inflected(data: dict[str, Any]) -> dict[str, str]:
    """The ``demonyms`` of a pack, each with the forms its ``inflections`` give: a form ending
    in a listed ending also stands with every ending of its paradigm in its place."""
    table = {str(k).casefold(): str(v) for k, v in (data.get("demonyms") or {}).items()}
    paradigms = sorted(
        ((str(k).casefold(), [str(e or "").casefold() for e in v])
         for k, v in (data.get("inflections") or {}).items()),
        key=lambda item: -len(item[0]),
    )  # fmt: skip
    for form, code in list(table.items()):
        for ending, endings in paradigms:
            if form.endswith(ending):
                stem = form[: len(form) - len(ending)]
                for other in endings:
                    table.setdefault(stem + other, code)
                break
    return table


def _word_key(phrase: object) -> tuple[str, ...]:
    """The lookup key of a listed phrase, split at spaces only, so that an elided word
    stays one token as in running text ("dell'", "d'")."""
    return norm_key(str(phrase).split())


def _phrases(data: dict[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """The phrases listed under ``key`` as lookup keys, longest first."""
    keys = {_word_key(p) for p in data.get(key) or ()}
    return tuple(sorted((k for k in keys if k), key=lambda k: (-len(k), k)))


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """The one-word entries listed under ``key`` as normalised tokens ("dell'")."""
    return frozenset(k[0] for k in map(_word_key, data.get(key) or ()) if len(k) == 1)


@cache
def _lang_data(lang: str) -> _LangData:
    ent: dict[str, Any] = pack_data(lang, "entities")
    titles: dict[str, Any] = pack_data(lang, "titles")
    demonyms: dict[str, Any] = pack_data(lang, "demonyms")
    rows = [
        (phrase_key(str(t["phrase"])), str(t["role"]), t.get("country"))
        for key in ("titles", "plural_titles")
        for t in titles.get(key) or ()
        if t.get("phrase") and t.get("role")
    ]
    # titles that contain a tracked one but are not it ("Vice President"): matched, then ignored
    rows += [(phrase_key(str(p)), "", None) for p in titles.get("non_role_titles") or ()]
    by_first: dict[str, list[tuple[tuple[str, ...], str, str | None]]] = defaultdict(list)
    for row in sorted(rows, key=lambda row: -len(row[0])):  # longest first
        if row[0]:
            by_first[row[0][0]].append(row)
    locative = frozenset(phrase_key(p) for p in ent.get("locative_prepositions") or ())
    return _LangData(
        locative=locative,
        unknown_locative=frozenset(
            phrase_key(p) for p in ent.get("unknown_place_prepositions") or ()
        )
        or locative,
        org_words=word_set(ent, "org_words"),
        place_words=word_set(ent, "place_words"),
        misc_words=word_set(ent, "misc_words"),
        # month and weekday names ("GENEVA, Jan 21", "Friday's meeting") are dates, not names,
        # and so are the one-word holidays of the times pack ("il Natale", "a Pasqua")
        not_names=word_set(ent, "not_names")
        | set(month_names(lang))
        | set(weekday_names(lang))
        | {
            str(h).casefold()
            for h in pack_data(lang, "times").get("holidays") or ()
            if " " not in str(h)
        },
        titles_by_first={k: tuple(v) for k, v in by_first.items()},
        honorifics=frozenset(str(h).casefold().rstrip(".") for h in titles.get("honorifics") or ()),
        demonyms=_inflected(demonyms),
        stop=_stop_words(lang),
        single_default=str(ent.get("unknown_single_default") or "PER"),  # type: ignore[arg-type]
        demonym_places=bool(ent.get("demonym_places")),
        region_abbreviations={
            str(abbr): (str(country), str(code))
            for country, table in (ent.get("region_abbreviations") or {}).items()
            for abbr, code in (table or {}).items()
        },
        multi_default=str(ent.get("unknown_multi_default") or "PER"),  # type: ignore[arg-type]
        name_suffixes=word_set(ent, "name_suffixes"),
        org_modifiers=word_set(ent, "org_modifiers"),
        place_modifiers=word_set(ent, "place_modifiers"),
        title_links=word_set(ent, "title_links") if "title_links" in ent else None,
        possessives=word_set(ent, "possessives"),
        capitalised_nouns=bool(ent.get("capitalised_common_nouns")),
        dictionary_has_names=bool(ent.get("dictionary_has_names")),
        opening_word_endings=tuple(
            str(e).casefold() for e in ent.get("opening_word_endings") or ()
        ),
        case_endings=tuple(
            (str(pair[0]).casefold(), str(pair[1] or "").casefold())
            for pair in ent.get("name_case_endings") or ()
        ),
        min_stem=int(ent.get("name_min_stem") or 3),
        native_letters=frozenset(str(ent.get("native_letters") or "").casefold()),
        foreign_script_kind=str(ent.get("foreign_script_kind") or "ORG"),  # type: ignore[arg-type]
        org_heads=word_set(ent, "org_heads"),
        place_heads=word_set(ent, "place_heads"),
        person_endings=tuple(str(e).casefold() for e in ent.get("person_name_endings") or ()),
        institutions={
            _word_key(p): str(p)[:1].isupper() for p in ent.get("institution_nouns") or ()
        },
        definite=_words(ent, "definite_articles"),
        place_descriptors=_phrases(ent, "place_descriptors"),
        person_nouns=word_set(ent, "person_nouns"),
        club_articles=_words(ent, "club_articles"),
        sport_words=word_set(ent, "sport_words"),
        team_not_after=_words(ent, "team_not_after"),
        org_name_links=_phrases(ent, "org_name_links"),
        province_codes=frozenset(str(c) for c in ent.get("province_codes") or ()),
        age_words=word_set(ent, "age_words"),
        org_descriptors=_phrases(ent, "org_descriptors"),
        seat_org_words=word_set(ent, "seat_org_words"),
        list_conjunctions=word_set(ent, "list_conjunctions"),
        division_plurals={
            str(k).casefold(): str(v) for k, v in (ent.get("division_plurals") or {}).items()
        },
        division_list_words=word_set(ent, "division_list_words") | {","},
        place_of={phrase_key(str(k)): str(v) for k, v in (ent.get("place_of") or {}).items()},
        town_words=frozenset(w for t in ent.get("town_words") or () for w in norm_key([str(t)])),
        part_words=frozenset(w for t in ent.get("part_words") or () for w in norm_key([str(t)])),
        name_particles=_words(ent, "name_particles"),
        epithet_endings=tuple(str(e).casefold() for e in ent.get("epithet_endings") or ()),
        surname_particles=_words(ent, "surname_particles"),
        abbreviations=frozenset(
            str(h).casefold().rstrip(".")
            for h in titles.get("honorifics") or ()
            if str(h).endswith(".")
        ),
        clitics=word_set(ent, "clitics"),
        foreign_word_languages=tuple(str(c) for c in ent.get("foreign_word_languages") or ()),
        platforms=word_set(ent, "platforms"),
        award_nouns=word_set(ent, "award_nouns"),
        work_nouns=word_set(ent, "work_nouns"),
        eponym_nouns=word_set(ent, "eponym_nouns"),
        place_names=word_set(ent, "place_names"),
        indefinite=_words(ent, "indefinite_articles"),
        road_codes=re.compile("|".join(f"(?:{c})" for c in ent["road_codes"]))
        if ent.get("road_codes")
        else None,
        platform_cues=word_set(ent, "platform_cues"),
        home_prefix=re.compile(str(ent["home_prefix"])) if ent.get("home_prefix") else None,
        question_labels=word_set(pack_data(lang, "statements"), "question_labels"),
    )


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    """A pack's phrase lists indexed by the word a phrase must end or begin with, so that a
    token is compared with the few phrases it can close or open, not all of them (each
    list in its order, so the first phrase found is the same)."""

    locative: dict[str, tuple[tuple[str, ...], ...]]  # by last word
    unknown_locative: dict[str, tuple[tuple[str, ...], ...]]  # by last word
    descriptors: dict[str, tuple[tuple[tuple[str, ...], bool], ...]]  # by last word -> org?
    institutions: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first


def _by_word(phrases: Iterable[tuple[str, ...]], at: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``phrases`` grouped by their word at ``at`` (0: first, -1: last), each group in the
    given order; empty phrases left out (``phrase_key`` and ``_phrases`` give none)."""
    grouped: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in phrases:
        if phrase:
            grouped[phrase[at]].append(phrase)
    return {k: tuple(v) for k, v in grouped.items()}


@cache
def _phrase_index(lang: str) -> _PhraseIndex:
    data = _lang_data(lang)
    descriptors: dict[str, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
    for phrases, org in ((data.place_descriptors, False), (data.org_descriptors, True)):
        for phrase in phrases:
            if phrase:
                descriptors[phrase[-1]].append((phrase, org))
    return _PhraseIndex(
        locative=_by_word(data.locative, -1),
        unknown_locative=_by_word(data.unknown_locative, -1),
        descriptors={k: tuple(v) for k, v in descriptors.items()},
        institutions=_by_word(sorted(data.institutions, key=len, reverse=True), 0),
    )


@cache
def _is_known_word(word: str, lang: str) -> bool:
    """Is the lower-case form of ``word`` an ordinary word of ``lang``?"""
    folded = word.casefold()
    try:  # an inflected form the dictionary lemmatises ("trasferitosi") is known too
        return is_known(folded, lang) or (folded.isalpha() and _lemma(folded, lang) != folded)
    except ValueError:
        return False


def ordinary_word(word: str, lang: str) -> bool:
    """Is ``word``, lower-cased, an ordinary word of ``lang`` ("Note", "Update")?"""
    return _is_known_word(word, lang)


@cache
def _frequent_word(word: str, lang: str, than: str = "en") -> bool:
    """Is the lower-case form of ``word`` frequent in ``lang`` (wordfreq's word lists, shipped
    in the package), and clearly more so than in ``than`` (English)? It catches the invariant
    words the lemmatiser's dictionary leaves out ("almeno", "crisi", "qualità"), not the names
    and brands every language writes about as often ("facebook", "google"); frequent local
    names ("roma", "mario") callers rule out."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return False
    folded = word.casefold()
    try:
        here = zipf_frequency(folded, lang, wordlist="small")
        return here >= COMMON_WORD_ZIPF and here - zipf_frequency(folded, than) >= LOCAL_WORD_GAP
    except (LookupError, ValueError):
        return False


@cache
def _lemma(word: str, lang: str) -> str:
    try:
        return lemmatize(word, lang).casefold()
    except ValueError:
        return word


def _folded(name: str) -> str:
    """``name`` in lower case without accents ("Ḥamīdiyeh" -> "hamidiyeh")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _far_alias(word: str, place: PlaceEntry) -> bool:
    """Is ``word`` an alternate name of a town of no great size that is written nothing
    like the town's own name ("Google" for Topeka, "Allah" for Ḥamīdiyeh), unlike an
    exonym ("Genova" for Genoa)?  Only names in one alphabet compare ("Москва": Moscow)."""
    if not (place.alias and place.level == "city" and place.population < FAR_ALIAS_POPULATION):
        return False
    alias, own = _folded(word), _folded(place.name)
    return (
        alias.isascii()
        and own.isascii()
        and SequenceMatcher(None, alias, own).ratio() < ALIAS_LIKENESS
    )


def _span_order(span: Span) -> tuple[int, int]:
    """Mentions in text order, the longer first of two that begin together ("Russian
    Federation", "Russian"): a total order, so that no set's hash order shows."""
    return span.start, -span.end


def _is_name_start(tok: Token) -> bool:
    ch = tok.text[:1]
    return ch.isupper() or (ch.isalpha() and not ch.islower() and not ch.isupper())


@dataclass(slots=True)
class _Match:
    sentence: int
    first: int  # token indexes [first, last)
    last: int
    start: int
    end: int
    text: str
    kind: Kind
    ref: str | None = None
    places: tuple[PlaceEntry, ...] = ()
    named: bool = True
    role: str | None = None
    country: str | None = None
    weak: bool = False  # a place name that is also a word or first name: needs support
    guessed: bool = False  # an unknown name typed by default, nothing in or around it telling
    misc: bool = False  # an event or award named after a known name: no entity
    lead_start: int | None = None  # where a descriptor before it begins ("provincia di")
    region: PlaceEntry | None = None  # the region stated for a town the gazetteer lacks
    surname_only: bool = False  # a town's name taken for a known person's surname ("Alfano")


class _Recogniser:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.kb = ctx.kb
        self.data = _lang_data(ctx.lang)
        self.index = _phrase_index(ctx.lang)
        self.gaz: Gazetteer = gazetteer()
        self.info: dict[str, _ActorInfo] = {}
        self.given = given_names()
        # the last words of the full names of people named so far ("Rossi" of "Mario Rossi")
        self.person_words: dict[str, str] = {}
        self.full_names: dict[str, str] = {}  # people named in full so far: ref -> the name
        self._title_cache: dict[int, list[_Match]] = {}
        self._office_cache: dict[int, list[_Match]] = {}
        self._case_cache: dict[tuple[str, str], bool] = {}  # (entry id, surface) -> _case_ok
        self._by_default = False  # did the last _guess_kind fall back on the pack's default?
        self._words: tuple[frozenset[str], frozenset[str]] | None = None

    # -- pass 1: names ----------------------------------------------------

    def names(self, sent: Sentence) -> list[_Match]:
        toks = sent.tokens
        titles = self.titles(sent)
        bodies = {self._title_body(sent, t) for t in titles}
        in_title = {k for t in titles for k in range(t.first, t.last) if k not in bodies}
        in_title.update(k for t in self.offices(sent) for k in range(t.first, t.last))
        in_title |= self._in_urls(sent)  # "http://www.gazzetta.it/Sport/Boxe/": no names
        found: list[_Match] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if (
                tok.is_word
                and i not in in_title
                and (body := self._institution(sent, i, in_title=i in bodies))
                and (not _is_name_start(tok) or self._known(sent, i) is None)
            ):
                found.append(body)
                i = body.last
                continue
            if not tok.is_word or not _is_name_start(tok) or i in in_title:
                i += 1
                continue
            if self._after_misc_word(sent, i):
                i = self._name_end(sent, i)  # "Coppa Italia", "Premio Bancarella": the event's
                continue
            if (
                i > 0
                and sent.norm_words[i - 1] in self.data.indefinite
                and toks[i - 1].text.islower()  # not "Radio Uno Rai"
                and not self._head_word(tok.text)
            ):
                i = self._name_end(sent, i)  # "una Land Rover", "un Boeing 747": a thing
                continue
            if self._platform_used(sent, i):
                i += 1  # "ha scritto su Instagram": the medium, not the company
                continue
            match = self._known(sent, i)
            if match is not None and match.ref is None and self._genus(sent, match.last):
                i = match.last  # "Homo habilis": a genus, not the town
                continue
            if (match is None or match.ref is None) and self._after_work_noun(sent, i):
                found_title = match or self._unknown(sent, i, in_title)
                i = found_title.last if found_title is not None else i + 1
                continue  # "il brano Release Me", "la serie Mork & Mindy": a title, no actor
            if match is not None:
                match = self._org_after(sent, match, in_title)
                if match.misc:  # "Paris Air Show": an event named after a place
                    i = match.last
                    continue
            else:
                match = self._unknown(sent, i, in_title)
            if match is None:
                i += 1
                continue
            match = self._with_bang(sent, match)
            found.append(match)
            if match.kind == "PER" and match.last - match.first >= 2:
                ref = match.ref or slug(match.text)
                self.person_words[toks[match.last - 1].text.casefold()] = ref
                self.full_names.setdefault(ref, match.text)
            i = match.last
        return self._with_provinces(sent, [self._with_descriptor(sent, m) for m in found])

    @staticmethod
    def _in_urls(sent: Sentence) -> set[int]:
        """The tokens of the web addresses the sentence quotes."""
        spans = [(u.start() + sent.start, u.end() + sent.start) for u in _URL.finditer(sent.text)]
        return {k for k, t in enumerate(sent.tokens) if any(a <= t.start < b for a, b in spans)}

    def _with_bang(self, sent: Sentence, m: _Match) -> _Match:
        """An exclamation mark written onto a name that ends no sentence belongs to it
        ("Yahoo! ha perso", "a Yahoo!."): what follows it is no capitalised word."""
        toks = sent.tokens
        if m.last >= len(toks) or toks[m.last].text != "!" or toks[m.last].start != m.end:
            return m
        text = self.ctx.document.text
        k = toks[m.last].end
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and (text[k].islower() or text[k] in ".,:;()"):
            end = toks[m.last].end
            return replace(m, last=m.last + 1, end=end, text=text[m.start : end])
        return m

    def _with_provinces(self, sent: Sentence, found: list[_Match]) -> list[_Match]:
        """A province's code in brackets after a town ("Ribera (AG)", the pack's
        ``province_codes``) is a place, and so is the town, if nothing else typed it."""
        if not self.data.province_codes:
            return found
        toks = sent.tokens
        out: list[_Match] = []
        codes: set[int] = set()
        for m in found:
            if m.first in codes:
                continue  # the code, read as a name of its own
            out.append(m)
            k = m.last
            if not (
                k + 2 < len(toks)
                and toks[k].text == "("
                and toks[k + 2].text == ")"
                and toks[k + 1].text in self.data.province_codes
                and m.kind != "PER"
            ):
                continue
            if m.ref is None and not m.places:
                m.kind = "LOC"  # "Biassono (MB)"
            code = toks[k + 1]
            codes.add(k + 1)
            out.append(_Match(sent.index, k + 1, k + 2, code.start, code.end, code.text, "LOC"))
        return out

    def _with_descriptor(self, sent: Sentence, m: _Match) -> _Match:
        """A place named with the lower-case descriptor before it ("provincia di Ascoli
        Piceno", "golfo del Messico"): the descriptor is part of the name (the pack's
        ``place_descriptors``); one of ``org_descriptors`` makes it an organisation's
        ("università di Nottingham")."""
        descriptor = self._descriptor_before(sent, m.first)
        if descriptor is None or (m.kind not in ("LOC", "GPE") and not m.places and m.ref):
            return m
        first, org = descriptor
        if org:
            start = sent.tokens[first].start
            text = sent.text[start - sent.start : m.end - sent.start]
            return _Match(sent.index, first, m.last, start, m.end, text, "ORG")
        if m.kind in ("LOC", "GPE") or m.places:
            m.lead_start = sent.tokens[first].start
        return m

    def _descriptor_before(self, sent: Sentence, i: int) -> tuple[int, bool] | None:
        """The first token of a lower-case place or organisation descriptor that ends right
        before token ``i``, and whether it makes the name an organisation's."""
        if i == 0:
            return None
        words, toks = sent.norm_words, sent.tokens
        for phrase, org in self.index.descriptors.get(words[i - 1], ()):
            first = i - len(phrase)
            if first >= 0 and words[first:i] == phrase:
                return (first, org) if toks[first].text[:1].islower() else None
        return None

    def _institution(self, sent: Sentence, i: int, *, in_title: bool = False) -> _Match | None:
        """A common noun naming the one public body the text means, after a definite
        article ("il governo tedesco", "dalla procura", "allo Stato"): the pack's
        ``institution_nouns``, with the adjectives after them that ``_org_modifier`` accepts
        and, written with capitals, the rest of the body's name ("Consiglio dei Ministri")."""
        words = sent.norm_words
        if not self.data.institutions or i == 0 or words[i - 1] not in self.data.definite:
            return None
        toks = sent.tokens
        phrase: tuple[str, ...] | None = (words[i],)
        if not in_title:
            options = self.index.institutions.get(words[i], ())
            phrase = next((p for p in options if words[i : i + len(p)] == p), None)
        if phrase is None or (self.data.institutions.get(phrase) and not _is_name_start(toks[i])):
            return None
        last = i + len(phrase)
        while _is_name_start(toks[i]) and last < len(toks):  # "Polizia Stradale", "Stato Vaticano"
            if self.is_given_name(toks[last].text) or self._kb_name_at(sent, last):
                break  # "presidente del Consiglio Giuseppe Conte"
            if toks[last].is_word and _is_name_start(toks[last]):
                last += 1
            elif (  # "Consiglio dei Ministri", but "Procura di Roma"
                last + 1 < len(toks)
                and toks[last].text.casefold() in _CONNECTORS
                and toks[last + 1].is_word
                and _is_name_start(toks[last + 1])
                and not self._place_at(sent, last + 1)
                and toks[last + 1].text.casefold() not in self.data.not_names
            ):
                last += 2
            else:
                break
        for _ in range(2):  # "il governo tedesco", "la giunta militare"
            if last < len(toks) and self._org_modifier(toks[last].text):
                last += 1
        if _is_name_start(toks[i]):
            last = self._org_tail(sent, last)
        start, end = toks[i].start, toks[last - 1].end
        text = sent.text[start - sent.start : end - sent.start]
        return _Match(sent.index, i, last, start, end, text, "ORG")

    def _org_tail(self, sent: Sentence, last: int) -> int:
        """``last`` moved past the lower-case rest of an organisation's name begun by a
        capitalised org word ("Camera dei deputati", "Corte d'appello", "Commissione
        internazionale per la caccia alle balene"): the pack's ``org_name_links``, each
        followed by ordinary words that are no function words, verbs or names."""
        toks, words = sent.tokens, sent.norm_words
        end = last
        while end < len(toks) and end - last < 10:
            link = next(
                (p for p in self.data.org_name_links if tuple(words[end : end + len(p)]) == p),
                None,
            )
            joined = link is not None and link[0] in self.data.list_conjunctions
            if link is None or (joined and end == last):
                break  # "Vigili del Fuoco e delle forze dell'ordine": two bodies
            k = end + len(link)
            if k < len(toks) and words[k] in self.data.definite:
                k += 1  # "per la pace e l'ordine"
            first = k
            while k < len(toks) and self._name_word(toks[k]):
                k += 1
            if k == first:
                k = self._capitalised_tail(
                    sent,
                    k,
                    place_ok=link[0] not in _CONNECTORS and link[0] not in self.data.definite,
                    joined=joined,
                )
            if k == first:
                break
            end = k
        return end

    def _capitalised_tail(self, sent: Sentence, k: int, *, place_ok: bool, joined: bool) -> int:
        """Past the capitalised words from token ``k`` that go on an organisation's name after
        one of its links ("Autostrade per l'Italia", "Ministero delle Finanze", "Istituto di
        Geofisica e Vulcanologia"), unless they name where it is after "di" ("Tribunale di
        Milano", "Banca centrale dello Zimbabwe"), a known body or place joined by "e"
        ("Polizia e Carabinieri"), or a person."""
        toks = sent.tokens
        if (
            k >= len(toks)
            or not toks[k].is_word
            or not _is_name_start(toks[k])
            or toks[k].text.casefold() in self.data.not_names
            or (not place_ok and self._place_at(sent, k))
            or (joined and (self._place_at(sent, k) or self._kb_name_at(sent, k)))
            or self._person_starts(sent, k - 1, k)
        ):
            return k
        first = k
        while (
            k < len(toks)
            and toks[k].is_word
            and _is_name_start(toks[k])
            and toks[k].text.casefold() not in self.data.not_names
            and (k == first or not self._person_starts(sent, first, k))
        ):
            k += 1
        return k

    def _name_word(self, tok: Token) -> bool:
        """A lower-case ordinary word that can belong to an organisation's name: no
        function word and no inflected verb ("deputati", "appello", not "ha", "decise")."""
        word = tok.text
        if not tok.is_word or not word[:1].islower() or not word.isalpha():
            return False
        folded = word.casefold()
        lemma = _lemma(folded, self.ctx.lang)
        if self.data.stop & {folded, lemma} or folded in self.data.not_names:
            return False  # "di molte città"
        verb = ("are", "ere", "ire")
        if folded.endswith(verb):
            return False  # "per richiedere"
        # an inflected verb ("decise", "approvato"), but a noun that is also a first person
        # ("appello", "consiglio")
        return not (
            lemma != folded
            and lemma.endswith(verb)
            and (not folded.endswith("o") or folded.endswith(("ato", "uto", "ito")))
        )

    def _title_body(self, sent: Sentence, title: _Match) -> int:
        """Where the body a title names begins inside it ("Consiglio" of "presidente del
        Consiglio", "Stato" of "capo dello Stato"): that body is named, the office is not;
        ``title.last`` when the title names none."""
        k = title.last - 1
        word = sent.tokens[k]
        if (
            self.data.institutions
            and k > title.first + 1
            and _is_name_start(word)
            and sent.norm_words[k - 1] in self.data.definite
            and (
                (sent.norm_words[k],) in self.data.institutions
                or sent.norm_words[k] in self.data.org_words
                or sent.norm_words[k] in self.data.place_words  # "della Repubblica"
            )
        ):
            return k
        return title.last

    def _person_starts(self, sent: Sentence, i: int, j: int) -> bool:
        """Does a full name (a given name and a capitalised word) start at ``j`` inside a run
        of capitalised words from ``i`` that has no given name before it?"""
        toks = sent.tokens
        return (
            j + 1 < len(toks)
            and self.is_given_name(toks[j].text)
            and toks[j + 1].is_word
            and _is_name_start(toks[j + 1])
            and not any(self.is_given_name(t.text) for t in toks[i:j])
        )

    def _place_at(self, sent: Sentence, j: int) -> bool:
        """Does a known place or state name start at token ``j``?"""
        m = self._known(sent, j)
        return m is not None and (bool(m.places) or m.kind in ("GPE", "LOC"))

    def _org_modifier(self, word: str) -> bool:
        folded = word.casefold()
        return word[:1].islower() and (
            folded in self.data.org_modifiers or folded in self.data.demonyms
        )

    def _suffix_end(self, sent: Sentence, last: int) -> int:
        """``last`` moved past a word that ends names ("Lega Nord", "Ossezia del Sud")."""
        toks = sent.tokens
        if last < len(toks) and toks[last].text.casefold() in self.data.name_suffixes:
            return last + 1 if _is_name_start(toks[last]) else last
        if (
            last + 1 < len(toks)
            and toks[last].text.casefold() in _CONNECTORS
            and toks[last].text.isalpha()
            and _is_name_start(toks[last + 1])
            and toks[last + 1].text.casefold() in self.data.name_suffixes
        ):
            return last + 2
        return last

    def _org_after(self, sent: Sentence, m: _Match, in_title: set[int]) -> _Match:
        """A known name followed by capitalised words with an organisation word among them
        is that organisation ("Qatar Airways", "Boeing Commercial Airplanes")."""
        toks = sent.tokens
        k = m.last
        while (
            k < len(toks)
            and k not in in_title
            and toks[k].is_word
            and _is_name_start(toks[k])
            and toks[k].text.casefold() not in self.data.not_names
        ):
            k += 1
        if any(t.text.casefold() in self.data.misc_words for t in toks[m.last : k]):
            return replace(m, last=k, misc=True)
        if any(self._misc_word(t.text) for t in toks[m.last : k]):
            return m  # "Merano WineFestival": the town named, the event no entity
        if k == m.last or not any(
            t.text.casefold() in self.data.org_words for t in toks[m.last : k]
        ):
            end_at = self._suffix_end(sent, m.last)
            if end_at == m.last and m.places and not m.ref:
                end_at = self._place_name_end(sent, m.last, k)
            if (
                end_at == m.last
                and m.kind in ("GPE", "LOC")
                and m.last < len(toks)
                and toks[m.last].text in self.data.place_modifiers
            ):
                end_at = m.last + 1  # "Asia centrale", "Italia settentrionale"
            if end_at == m.last or m.kind == "PER":
                return m
            start, end = toks[m.first].start, toks[end_at - 1].end
            text = sent.text[start - sent.start : end - sent.start]
            kind: Kind = "ORG" if m.kind == "ORG" else "LOC"  # "Germania Est", "Lega Nord"
            if (
                kind == "LOC"
                and m.places
                and not m.ref
                and toks[m.last].text not in ("-", "‑")
                and self._about_a_game(sent)
            ):
                kind = "ORG"  # "gli Atlanta Braves", "il West Ham United": a team
            return _Match(sent.index, m.first, end_at, start, end, text, kind)
        start, end = toks[m.first].start, toks[k - 1].end
        text = sent.text[start - sent.start : end - sent.start]
        return _Match(sent.index, m.first, k, start, end, text, "ORG")

    def _place_name_end(self, sent: Sentence, last: int, k: int) -> int:
        """Where a longer place name begun by a known place ends: "Roma-Lido", "Brescia-Ghedi"
        (joined by a hyphen) or "Milano Cadorna", "Porto Santo Stefano" (capitalised words up to
        ``k`` that are no known name, place or given name); ``last`` when there is none."""
        toks = sent.tokens
        if (
            last + 1 < len(toks)
            and toks[last].text in ("-", "‑")
            and toks[last].start == toks[last - 1].end
            and toks[last + 1].start == toks[last].end
            and toks[last + 1].is_word
            and _is_name_start(toks[last + 1])
        ):
            return last + 2
        end = last
        while end < k and not (
            self.is_given_name(toks[end].text)
            or self._starts_known(toks[end].text)
            or self._kb_name_at(sent, end)
            or self._place_at(sent, end)
            or _is_known_word(toks[end].text, self.ctx.lang)
        ):
            end += 1
        return end

    def is_given_name(self, word: str) -> bool:
        """Is ``word`` a given name ("Mario", "Barack"), not an ordinary word of the language?"""
        folded = word.casefold()
        return (
            (folded in self.given or folded in self.kb.first_names)
            and folded not in self.data.stop
            and folded not in self.data.not_names
            and folded not in self.data.demonyms
        )

    def _known(self, sent: Sentence, i: int) -> _Match | None:
        toks = sent.tokens
        variants = self.data.variants
        longest = max(
            max(self.kb.max_by_first.get(first, 0), self.gaz.max_by_first.get(first, 0))
            for first in variants(sent.norm_words[i])
        )
        for n in range(min(longest, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            if not last.is_word:
                continue
            surface = sent.text[toks[i].start - sent.start : last.end - sent.start]
            ids: set[str] = set()
            places: tuple[PlaceEntry, ...] = ()
            for key in self._keys(sent.norm_words[i : i + n]):
                found = self.kb.lookup_key(key)
                ids = {e for e in found if self._case_ok(e, surface)} if found else set()
                places = tuple(self.gaz.lookup_key(key))
                if ids or places:
                    break
            if n > 1 and places and not _is_name_start(last):
                places = ()  # "The city" is not the City of London
            if n == 1 and self._common_word(toks, i):
                ids = {e for e in ids if self.kb.entries[e].kind != "PER"}
                places = ()
            if n == 1 and not ids and sent.norm_words[i] in self.data.org_words:
                places = ()  # "Corte d'appello", "Camera dei deputati": not the towns
            if (
                n == 1
                and i + 1 < len(toks)
                and toks[i + 1].text in _CURRENCY
                and toks[i + 1].start == toks[i].end
            ):
                ids, places = set(), ()  # "US$ 100 billion": a currency, not the state
            if n == 1 and ids and self._opening_acronym_word(toks, i, ids):
                ids, places = set(), ()  # "Nato a Verona nel 1927": born, not NATO (nor a town)
            if n == 1 and ids and self._longer_unknown_name(sent, i, ids):
                ids, places = set(), ()  # "Wang Wenbin": not Wang Yi, whose surname it shares
            weak = False
            if (
                n == 1
                and places
                and not ids
                and (self._after_honorific(toks, i) or any(t.last == i for t in self.titles(sent)))
            ):
                places = ()  # "Mr. Harlow", "President Bush": the person
            if n == 1 and places and not ids:
                places = tuple(p for p in places if not _far_alias(toks[i].text, p))
            if n == 1 and places and not ids:
                weak = self._word_like(sent, i, places)
                if weak and (
                    (self._inside_name(toks, i) and not self._office_after(sent, i))
                    or (  # "Calcio, Nave e Torri" opening a sentence are words, not towns
                        self._opens(toks, i) and self._opening_known_word(toks[i].text)
                    )
                ):
                    places = ()
            if not ids and not places:
                continue
            if (
                n == 1
                and places
                and not ids
                and places[0].population < GIVEN_NAME_PLACE_POPULATION
                and not self._locative_before(sent, i)
                and not self._inside_name(toks, i)
                and not (i > 0 and sent.norm_words[i - 1] in _CONNECTORS)  # "valle di Barak"
                and not (i + 1 < len(toks) and toks[i + 1].start == last.end)  # "May-Weather"
                and (person := self._surname(toks[i].text))
            ):  # "Alfano può essere": the person, not the town (or "Rossi" of "Mario Rossi")
                person = self.person_words.get(toks[i].text.casefold(), person)
                return _Match(sent.index, i, i + 1, toks[i].start, last.end, surface, "PER",
                              ref=person, surname_only=True)  # fmt: skip
            m = _Match(sent.index, i, i + n, toks[i].start, last.end, surface, "LOC")
            if ids:
                day = self.ctx.day
                entry = min(  # namesakes: a state first, then whoever holds an office that
                    (self.kb.entries[e] for e in ids),  # day, then by id (not hash order)
                    key=lambda e: (
                        ("GPE", "ORG", "PER").index(e.kind),
                        not (day and self.kb.roles_of(e.id, on=day)),
                        e.id,
                    ),
                )
                m.kind, m.ref = entry.kind, entry.id
                if entry.kind == "GPE" and entry.id in self.gaz.countries:
                    m.places = places  # namesakes of the country ("Georgia", "Lebanon")
            else:
                m.places, m.weak = places, weak
            return m
        return None

    def _longer_unknown_name(self, sent: Sentence, i: int, ids: set[str]) -> bool:
        """Is a person's one-word name at ``i`` followed by a capitalised word that is no
        known name, place or ordinary word ("Wang Wenbin" after Wang Yi's "Wang"): one
        longer name the knowledge base does not know."""
        toks = sent.tokens
        if i + 1 >= len(toks) or any(self.kb.entries[e].kind != "PER" for e in ids):
            return False
        nxt = toks[i + 1]
        return (
            nxt.is_word
            and nxt.start == toks[i].end + 1
            and _is_name_start(nxt)
            and not self.kb.lookup_key((sent.norm_words[i + 1],))
            and not self.gaz.lookup_key((sent.norm_words[i + 1],))
            and not _is_known_word(nxt.text, self.ctx.lang)
        )

    def _opens(self, toks: tuple[Token, ...], i: int) -> bool:
        """Does token ``i`` open the sentence (after a quote, a dash, a transcript's 'Q')?"""
        return (
            i == 0
            or toks[i - 1].text in _OPENERS
            or (i == 1 and toks[0].text.casefold() in self.data.question_labels)
        )

    def _opening_acronym_word(self, toks: tuple[Token, ...], i: int, ids: set[str]) -> bool:
        """An ordinary word opening a sentence that is also an acronym written as a word
        ("Nato" for NATO): at a sentence's start it is the word (the name takes an article)."""
        word = toks[i].text
        opens = self._opens(toks, i)
        return (
            opens
            and not word.isupper()
            and all(self.kb.entries[e].name.isupper() for e in ids)
            and _is_known_word(word, self.ctx.lang)
        )

    def _keys(self, words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        """The lookup keys a run of words may stand for: as written first, then with the
        words' case endings undone ("сергея лаврова" -> "сергей лавров")."""
        if not self.data.case_endings:  # every word its only variant: one key
            return iter((tuple(words),))
        options = [self.data.variants(w) for w in words]
        return islice(product(*options), MAX_NAME_KEYS)

    def _word_like(self, sent: Sentence, i: int, places: tuple[PlaceEntry, ...]) -> bool:
        """A one-word gazetteer hit of no large city, which may as well be part of a longer
        name, a first name, or an ordinary word ("Papa", "Sole", "Charleston") — unless it
        is a dateline ("GENEVA, Jan 21 —") or an inflected name after "in" ("в Женеве")."""
        if places[0].population >= WEAK_PLACE_POPULATION or places[0].level != "city":
            return False
        word = sent.tokens[i].text
        if word.isupper() and len(word) > 3:
            return False
        inflected = len(self.data.variants(sent.norm_words[i])) > 1
        return not (inflected and self._locative_before(sent, i))

    def _office_after(self, sent: Sentence, i: int) -> bool:
        """Does a title or an office begin right after token ``i`` ("Fargo Mayor Dennis
        Walaker"): the name before it is the place the office is of, not part of a name."""
        return any(t.first == i + 1 for t in (*self.titles(sent), *self.offices(sent)))

    def _inside_name(self, toks: tuple[Token, ...], i: int) -> bool:
        """Part of a longer name ("Whitney Houston", "San Pietro", "Jeb Bush", "Banca
        d'Italia")."""
        if i + 1 < len(toks) and toks[i + 1].is_word and _is_name_start(toks[i + 1]):
            return True
        if (
            i + 2 < len(toks)
            and toks[i].text.casefold() in self.data.org_words
            and toks[i + 1].text.casefold() in _CONNECTORS
            and _is_name_start(toks[i + 2])
        ):
            return True
        before = toks[i - 1] if i > 1 else None  # "A Danbury man": an opening word, no name
        return (
            before is not None
            and before.is_word
            and _is_name_start(before)
            and before.text.casefold() not in self.data.stop
            and before.text.casefold() not in self.data.part_words  # "East Oxford": Oxford
        )

    def place_at_head(self, sent: Sentence, m: _Match) -> _Match | None:
        """The place an organisation's name begins with ("Gainesville Police Department"),
        when it is a region, a town of some size or a name of several words; or the place an
        unknown place's name ends with after one of the pack's ``place_of`` ("the City of
        Oxford", "the Province of Ontario") or ``part_words`` ("East Oxford", "Western
        Massachusetts": a part of that place, which lies where it is)."""
        unknown_place = m.kind == "LOC" and not m.places  # "Paris Walmart", "Logan-Rogersville"
        if not (m.kind == "ORG" or unknown_place) or m.ref is not None or m.last - m.first < 2:
            return None
        toks = sent.tokens
        if unknown_place:
            tail = self._place_after_part(sent, m) or self._home_after_party(sent, m)
            if tail is not None:
                return tail
            for phrase, level in self.data.place_of.items():
                k = m.first + len(phrase)
                if k < m.last and sent.norm_words[m.first : k] == phrase:
                    found = self.gaz.lookup_key(sent.norm_words[k : m.last])
                    places = tuple(p for p in found if p.level == level) or tuple(found)
                    if not places:
                        break
                    start, end = toks[k].start, toks[m.last - 1].end
                    text = sent.text[start - sent.start : end - sent.start]
                    return _Match(sent.index, k, m.last, start, end, text, "LOC",
                                  places=places, named=False)  # fmt: skip
        for n in range(m.last - m.first - 1, 0, -1):
            places = tuple(self.gaz.lookup_key(sent.norm_words[m.first : m.first + n]))
            if not places or not toks[m.first + n - 1].is_word:
                continue
            top = places[0]
            if n == 1 and top.level == "city" and top.population < SMALL_TOWN:
                return None
            if n == 1 and not unknown_place and self.word_like_name(toks[m.first].text):
                return None  # "Gay Pride Committee"; a place's name tells it is no word
            start, end = toks[m.first].start, toks[m.first + n - 1].end
            text = sent.text[start - sent.start : end - sent.start]
            return _Match(sent.index, m.first, m.first + n, start, end, text, "LOC",
                          places=places, named=False)  # fmt: skip
        return None

    def _place_after_part(self, sent: Sentence, m: _Match) -> _Match | None:
        """The place after the pack's ``part_words`` at the start of ``m`` ("East Oxford"),
        a region or a town of some size."""
        k = m.first
        while k < m.last - 1 and sent.norm_words[k] in self.data.part_words:
            k += 1
        if k == m.first:
            return None
        places = tuple(self.gaz.lookup_key(sent.norm_words[k : m.last]))
        if not places or (places[0].level == "city" and places[0].population < SMALL_TOWN):
            return None
        toks = sent.tokens
        start, end = toks[k].start, toks[m.last - 1].end
        text = sent.text[start - sent.start : end - sent.start]
        return _Match(sent.index, k, m.last, start, end, text, "LOC", places=places, named=False)

    def _home_after_party(self, sent: Sentence, m: _Match) -> _Match | None:
        """The town after a party's letter written onto it (the pack's ``home_prefix``:
        "Rep. Torrey Westrom, R-Elbow Lake"), where the politician comes from."""
        prefix = self.data.home_prefix.match(m.text) if self.data.home_prefix else None
        if prefix is None:
            return None
        text = m.text[prefix.end() :]
        places = tuple(self.gaz.lookup_key(phrase_key(text)))
        if not places:
            return None
        start = m.start + prefix.end()
        return _Match(sent.index, m.first, m.last, start, m.end, text, "LOC", places=places,
                      named=False)  # fmt: skip

    def club_named(self, sent: Sentence, m: _Match) -> bool:
        """Is a town's one-word name, after one of the pack's ``club_articles``, its club's
        ("il Napoli": Italian towns are feminine, their football clubs masculine)?"""
        return (
            m.kind == "LOC"
            and len(m.places) == 1
            and m.places[0].level == "city"
            and m.last - m.first == 1
            and m.lead_start is None
            and m.first > 0
            and sent.norm_words[m.first - 1] in self.data.club_articles
            and not self._named_with_article(sent, m)
        )

    def _named_with_article(self, sent: Sentence, m: _Match) -> bool:
        """Is the town called with an article ("il Cairo", "al Cairo"): a name of its own in
        the gazetteer, so no club's?"""
        gid = m.places[0].geonameid
        word = sent.norm_words[m.first]
        return any(
            p.geonameid == gid
            for article in self.data.definite
            for p in self.gaz.lookup_key((article, word))
        )

    def team_named(self, sent: Sentence, m: _Match) -> bool:
        """Is a country's, a region's or a town's name, in a passage about a game (one of the
        pack's ``sport_words`` in the sentence or the two before), its team's ("l'Italia
        pareggia", "Napoli - Inter"), not where the place itself is meant: after one of the
        pack's ``team_not_after`` ("lo stadio di Pescara", "a Napoli"), in brackets
        ("Topalov (Bulgaria)") or before a year ("Germania 2006")?"""
        toks = sent.tokens
        # a list's names are all teams or all places: its first name tells ("a Savona,
        # Marsiglia, Barcellona", "di Galles, Irlanda e Scozia", "nella Roma, Catania e Napoli")
        first = self._list_start(sent, m.first)
        # a town's name takes no article: after one ("della Lazio", "nella Roma") the club
        club = (
            m.kind == "LOC"
            and len(m.places) == 1
            and m.places[0].level == "city"
            and m.last - m.first == 1
            and first > 0
            and sent.norm_words[first - 1] in self.data.definite
        )
        return (
            bool(self.data.sport_words)
            and (m.kind == "GPE" or (m.kind == "LOC" and len(m.places) == 1))
            and (m.kind == "GPE" or m.places[0].level in ("city", "country", "admin1"))
            and m.lead_start is None
            and (club or not self._locative_before(sent, first))
            and (club or first == 0 or sent.norm_words[first - 1] not in self.data.team_not_after)
            and (first == 0 or toks[first - 1].text != "(")
            and (m.last >= len(toks) or not toks[m.last].text[:1].isdigit())
            and not (  # "Parigi:" heading a piece: where it happens
                m.first == 0 and m.last + 1 == len(toks) and toks[m.last].text == ":"
            )
            and self._about_a_game(sent)
        )

    def _list_start(self, sent: Sentence, i: int) -> int:
        """The first token of the list of capitalised names that the name at token ``i``
        ends, joined by commas or the pack's ``list_conjunctions`` ("Savona, Marsiglia e
        Barcellona"); ``i`` when it is in no list."""
        toks = sent.tokens
        start = i
        k = i - 1
        while k >= 1 and (toks[k].text == "," or sent.norm_words[k] in self.data.list_conjunctions):
            j = k - 1
            while j >= 0 and toks[j].is_word and _is_name_start(toks[j]):
                j -= 1
            if j == k - 1:
                break
            start, k = j + 1, j
        return start

    def _about_a_game(self, sent: Sentence) -> bool:
        """Does the sentence, or one of the two before it, have one of the pack's
        ``sport_words``?"""
        sents = self.ctx.sentences
        k = sent.index
        sport = self.data.sport_words
        return any(not sport.isdisjoint(s.norm_words) for s in sents[max(0, k - 2) : k + 1])

    def word_like_name(self, word: str) -> bool:
        """A first name or an ordinary word of the language."""
        return word.casefold() in self.kb.first_names or _is_known_word(word, self.ctx.lang)

    def _case_ok(self, entry_id: str, surface: str) -> bool:
        ok = self._case_cache.get((entry_id, surface))
        if ok is None:  # a name the article repeats is checked once
            entry = self.kb.entries[entry_id]
            key = surface.casefold()
            forms = [n for n in entry.all_names() if n.casefold() == key]
            ok = not forms or not all(f.isupper() for f in forms) or surface.isupper()
            self._case_cache[entry_id, surface] = ok
        return ok

    def _common_word(self, toks: tuple[Token, ...], i: int) -> bool:
        word = toks[i].text.casefold()
        if word in self.data.not_names or word.replace(".", "") in self.data.not_names:
            return True  # "P.M." is the pack's "PM"
        if word in self.data.honorifics and i + 1 < len(toks) and toks[i + 1].text == ".":
            return True  # "Rep.", "Sen." before a name
        return word in self.data.stop and (i == 0 or not toks[i].text.isupper())

    def _by_surname(self, word: str) -> set[str]:
        """The people whose surname ``word`` is, or is an inflected form of (then only the
        people the document has already named: "Луне" is the Moon, not Mr Luna)."""
        forms = self.data.variants(norm_key([word])[0])
        found = self.kb.by_surname(forms[0])
        if found:
            return found
        for form in forms[1:]:
            found = {p for p in self.kb.by_surname(form) if p in self.info}
            if found:
                return found
        return set()

    def _starts_known(self, word: str) -> bool:
        key = norm_key([word])[0]
        return any(self.kb.lookup_key((form,)) for form in self.data.variants(key)) or bool(
            self._by_surname(word)
        )

    def _unknown(self, sent: Sentence, i: int, in_title: set[int]) -> _Match | None:
        toks = sent.tokens
        first = toks[i].text.casefold().replace("’", "'")
        particle = self._particle_at(sent, i)
        if (
            not particle
            and not self._head_word(first)  # "Via Palestro", "Nazionale argentina"
            and not (toks[i].text.isupper() and len(first) >= 4)  # "ANSA"
            and (first in self.data.stop or (first.endswith("'") and first[:-1] in self.data.stop))
        ):
            return None  # "L’Africa Council": the article is no part of the name
        host, _, clitic = first.partition("'")
        if clitic in self.data.clitics and host in self.data.stop:
            return None  # "We’ve agreed", "I’m grateful": a pronoun, not a name
        if i == 0 and first in self.data.question_labels:
            return None  # a transcript's question mark-up opens the paragraph
        j = i
        last_name = i
        cut_before_person = False
        while j < len(toks) and j not in in_title:
            t = toks[j]
            if (
                j > i
                and t.is_word
                and (self._starts_known(t.text) or self._kb_name_at(sent, j))
                and not self._unknown_full_name(sent, i, j)
                and not (  # "Banca d'Italia", "Università di Nottingham", "Golfo di Cagliari"
                    j == i + 2
                    and self._head_word(toks[i].text)
                    and toks[i + 1].text.casefold() in _CONNECTORS
                    and not self._seat_of(sent, i, j)
                )
            ):
                if j == i + 1 and (person := self._first_name_of(toks[i].text, t.text)):
                    start, end = toks[i].start, t.end  # "Реджеп Эрдоган": a shorter full name
                    text = sent.text[start - sent.start : end - sent.start]
                    return _Match(sent.index, i, j + 1, start, end, text, "PER", ref=person)
                break
            if t.is_word and _is_name_start(t) and t.text.casefold() not in self.data.not_names:
                if j > i and self._person_starts(sent, i, j):
                    cut_before_person = True  # "ministro dei Trasporti Danilo Toninelli"
                    break
                last_name = j
                j += 1
            elif (
                t.text.casefold() in _CONNECTORS
                and j + 1 < len(toks)
                and _is_name_start(toks[j + 1])
                and j > i
                and not (  # "Juventus - Milan", "Lega - Pdl": a spaced dash parts two names
                    t.text == "-" and t.start > toks[j - 1].end and toks[j + 1].start > t.end
                )
                and not (  # "Alan Mulally of Boeing": a full name ends before "of"
                    j - i >= 2 and t.text.isalpha() and self.is_given_name(toks[i].text)
                )
                and not (  # "Sinistra Libertà di Nichi Vendola": a person's full name after
                    t.text.isalpha()
                    and j + 2 < len(toks)
                    and self.is_given_name(toks[j + 1].text)
                    and toks[j + 2].is_word
                    and _is_name_start(toks[j + 2])
                    and not self._head_word(toks[j + 2].text)
                )
                and not (  # "Thyssen Krupp di Torino", but "Università di Nottingham"
                    t.text.isalpha()
                    and not (j == i + 1 and self._head_word(toks[i].text))
                    and self._place_at(sent, j + 1)
                )
                and not self._seat_of(sent, i, j + 1)
            ):
                j += 1
            elif (  # "Nouri al-Maliki"
                t.text.casefold() in _CONNECTORS
                and j > i
                and j + 2 < len(toks)
                and toks[j + 1].text == "-"
                and toks[j + 1].start == t.end
                and toks[j + 2].start == toks[j + 1].end
                and _is_name_start(toks[j + 2])
            ) or (  # "V. Kramnik", "J. H. Newman"
                t.text == "."
                and j > i
                and len(toks[j - 1].text) == 1
                and toks[j - 1].text.isupper()
                and t.start == toks[j - 1].end
                and j + 1 < len(toks)
                and _is_name_start(toks[j + 1])
            ):
                j += 2 if t.text != "." else 1
            elif (  # "Movimento 5 Stelle", not "Boeing 787 Dreamliner"
                t.text.isdigit()
                and j == i + 1
                and toks[i].text.casefold() in self.data.org_words
                and j == last_name + 1
                and j + 1 < len(toks)
                and toks[j + 1].is_word
                and _is_name_start(toks[j + 1])
                and not toks[j + 1].text.isupper()
                and toks[j + 1].text.casefold() not in self.data.not_names
                and not self._kb_name_at(sent, j + 1)
            ) or (  # "Kim Jong-un", "Prayuth Chan-ocha"
                t.text == "-"
                and j > i
                and j == last_name + 1
                and j + 1 < len(toks)
                and t.start == toks[j - 1].end
                and toks[j + 1].start == t.end
                and toks[j + 1].is_word
                and toks[j + 1].text.isalpha()
                and toks[j + 1].text.islower()
                and len(toks[j + 1].text) <= 4
            ):
                last_name = j + 1
                j += 2
            else:
                break
        if particle and last_name == i:
            return None  # "Al" before a known name: that name alone
        last = self._suffix_end(sent, last_name + 1)
        words = [t.text for t in toks[i:last]]
        if any(w.casefold() in self.data.misc_words for w in words):
            return None  # "Gran Premio", "World Cup": an event or award, not an actor
        compound = next((k for k, w in enumerate(words) if self._misc_word(w)), None)
        if compound == 0:
            return None
        if compound is not None:  # "Merano WineFestival": the town named before the event
            last = i + compound
            words = words[:compound]
        if last - i >= 2 and self._office_domain(sent, i):
            start, end = toks[i + 1].start, toks[last - 1].end  # "ministro dell'Istruzione
            text = sent.text[start - sent.start : end - sent.start]  # Bussetti": the person
            return _Match(sent.index, i + 1, last, start, end, text, "PER")
        if (
            last - i >= 2
            and self._opens(toks, i)
            and self._opening_known_word(words[0])
            and words[0].casefold() not in self._doc_words()[1]  # "Apple Corps ... Apple"
            and words[0].casefold() not in self.data.org_words
            and words[0].casefold() not in self.data.place_words
            and not self.is_given_name(words[0])
            and not words[0].isupper()
        ):
            return None  # "Arrestato Gbagbo", "Ritratto di Cristoforo Colombo": a word first
        if cut_before_person and len(words) == 1 and _is_known_word(words[0], self.ctx.lang):
            return None  # "Trasporti" of "ministro dei Trasporti Danilo Toninelli"
        if words[0].casefold() in self.data.org_words:
            for _ in range(2):  # "Parlamento inglese", "Tribunale speciale iracheno"
                if last < len(toks) and self._org_modifier(toks[last].text):
                    last += 1
            last = self._org_tail(sent, last)
            words = [t.text for t in toks[i:last]]
        head = self._head_after(sent, last)
        if head is not None:
            last += 1  # "Конституционного суда", "Тверской площади"
        start, end = toks[i].start, toks[last - 1].end
        m = _Match(
            sent.index, i, last, start, end, sent.text[start - sent.start : end - sent.start], "PER"
        )
        if head is not None:
            m.kind = head
            return m
        if len(words) == 1:
            person = (
                self.person_words.get(words[0].casefold())
                or self._surname(words[0])
                or self._given_name(words[0])
            )
            if person:
                m.ref = person
                return m
            word = words[0]
            if word.casefold() in self.data.demonyms:
                return None  # "American": a reference to a state, not a name
            opens = self._opens(toks, i)
            if (
                self._common_word(toks, i)
                or len(word) < 2
                or _ROMAN.fullmatch(word)
                or (opens and self._opening_known_word(word))
                or (opens and self._opening_word(word))
                or self._common_noun(toks, i)
                or self._genus(sent, last)
            ):
                return None
        m.kind = self._guess_kind(sent, i, last, words)
        m.guessed = self._by_default
        if m.guessed and len(words) == 1 and self._foreign_word(words[0]):
            return None  # "(Sorry boxing fans)", "Best Performance": a quoted foreign word
        return m

    def ordinary_word(self, word: str) -> bool:
        """Is ``word`` an ordinary word of the text's language or of one it quotes ("Inside",
        "Chief" in an Italian text)?"""
        return _is_known_word(word, self.ctx.lang) or any(
            _is_known_word(word, lang) for lang in self.data.foreign_word_languages
        )

    def _foreign_word(self, word: str) -> bool:
        """Is ``word`` a frequent word of a language the pack says writers quote (its
        ``foreign_word_languages``: English in an Italian text), clearly rarer in the text's
        own, and no given name?"""
        return any(
            _frequent_word(word, lang, than=self.ctx.lang)
            for lang in self.data.foreign_word_languages
            if lang != self.ctx.lang
        ) and not self.is_given_name(word)

    def _platform_used(self, sent: Sentence, i: int) -> bool:
        """Is token ``i`` one of the pack's ``platforms`` written as the medium something is
        published on, after one of its ``platform_cues`` ("su Facebook", "profilo Twitter")?"""
        return (
            i > 0
            and sent.norm_words[i] in self.data.platforms
            and sent.norm_words[i - 1] in self.data.platform_cues
            and (i + 1 >= len(sent.tokens) or not _is_name_start(sent.tokens[i + 1]))
        )

    def _misc_word(self, word: str) -> bool:
        """Does ``word`` make a name an event's or award's: one of the pack's ``misc_words``,
        or a compound ending in one ("WineFestival")?"""
        if word.casefold() in self.data.misc_words:
            return True
        inner = [k for k in range(1, len(word)) if word[k].isupper() and word[k - 1].islower()]
        return bool(inner) and word[inner[-1] :].casefold() in self.data.misc_words

    def _after_misc_word(self, sent: Sentence, i: int) -> bool:
        """Does a capitalised word that makes a name an event's or award's stand right before
        token ``i`` ("Coppa Italia", "Premio Strega"; not "Gran Premio d'Italia", which names
        the place)?"""
        toks = sent.tokens
        return (
            i > 0
            and toks[i - 1].is_word
            and (
                (toks[i - 1].text[:1].isupper() and sent.norm_words[i - 1] in self.data.misc_words)
                or (  # "premio Pulitzer", but "premio SIAE" names who gives it
                    sent.norm_words[i - 1] in self.data.award_nouns and not toks[i].text.isupper()
                )
            )
        )

    def _after_work_noun(self, sent: Sentence, i: int) -> bool:
        """Does one of the pack's ``work_nouns`` in lower case stand right before token ``i``,
        maybe with a quotation mark between ("il brano Release Me", "la serie «Mork &
        Mindy»"), so that the name is a work's title?"""
        toks = sent.tokens
        k = i - 1
        if k >= 1 and toks[k].text in _QUOTES:
            k -= 1
        return (
            k >= 0
            and toks[k].text.islower()
            and sent.norm_words[k] in self.data.work_nouns
            and not self._head_word(toks[i].text)
        )

    def _name_end(self, sent: Sentence, i: int) -> int:
        """The token after the capitalised words from ``i``, up to a full name ("Premio
        Nobel Dario Fo")."""
        toks = sent.tokens
        k = i
        while k < len(toks) and toks[k].is_word and _is_name_start(toks[k]):
            if k > i and self._person_starts(sent, i, k):
                break
            k += 1
        return max(k, i + 1)

    def _genus(self, sent: Sentence, k: int) -> bool:
        """Is token ``k``, after a one-word name, the lower-case Latin epithet of a species
        ("Helicobacter pylori", "Haemophilus influenzae"): no word of the language, with one
        of the pack's ``epithet_endings``?  The name is then a genus, no entity."""
        if not self.data.epithet_endings or k >= len(sent.tokens):
            return False
        word = sent.tokens[k].text
        return (
            word.isalpha()
            and word.islower()
            and len(word) >= 3
            and word.endswith(self.data.epithet_endings)
            and not _is_known_word(word, self.ctx.lang)
            and not _frequent_word(word, self.ctx.lang)
        )

    def _particle_at(self, sent: Sentence, i: int) -> bool:
        """Is token ``i`` a capitalised particle that begins a name inside a sentence, right
        before a capitalised word (the pack's ``name_particles``: "Lo Bello", "Al Jazeera"),
        though also an article or preposition of the language?"""
        toks = sent.tokens
        return (
            0 < i < len(toks) - 1
            and toks[i].text[:1].isupper()
            and not toks[i].text.isupper()
            and sent.norm_words[i] in self.data.name_particles
            and toks[i - 1].text not in _OPENERS
            and toks[i + 1].is_word
            and _is_name_start(toks[i + 1])
            and not toks[i + 1].text.isupper()
        )

    def _seat_of(self, sent: Sentence, i: int, j: int) -> bool:
        """Does a place start at token ``j``, after the one word at ``i`` that names the
        local office of a body and a connector ("Tribunale di Milano", "Ambasciata della
        Costa d'Avorio": the pack's ``seat_org_words``)? The place only says where the
        office sits: it is no part of the name."""
        toks = sent.tokens
        return (
            j == i + 2
            and toks[i].text.casefold() in self.data.seat_org_words
            and (sent.norm_words[i + 1],) in self.data.org_name_links
            and self._place_at(sent, j)
        )

    def _head_word(self, word: str) -> bool:
        """Does ``word`` head a name that goes on with "of" and a place ("Università di
        Nottingham", "Golfo del Messico")?"""
        folded = word.casefold()
        return folded in self.data.org_words or folded in self.data.place_words

    def _office_domain(self, sent: Sentence, i: int) -> bool:
        """Is token ``i`` the field of an office named before it ("ministro dell'Istruzione",
        "assessore alla Cultura"), a word of the language, not a name?"""
        words = sent.norm_words
        return (
            i >= 2
            and words[i - 1] in self.data.definite
            and words[i - 2] in self.data.honorifics | self.data.person_nouns
            and sent.tokens[i - 2].text[:1].islower()
            and _is_known_word(sent.tokens[i].text, self.ctx.lang)
            and not self._head_word(sent.tokens[i].text)  # "presidente della Regione Lazio"
        )

    def _common_noun(self, toks: tuple[Token, ...], i: int) -> bool:
        """A capitalised ordinary noun after an article or preposition ("i Paesi", "la
        Costituzione") or after a possessive ("our Allies"), unless it is a head word of
        names or a given name."""
        word = toks[i].text
        folded = word.casefold()
        before = toks[i - 1].text.casefold().replace("’", "'") if i > 0 else ""
        return (
            (
                (
                    self.data.capitalised_nouns
                    and (
                        before in self.data.stop
                        or before.rstrip("'") in self.data.stop
                        or before in self.data.definite  # "i Paesi"
                    )
                )
                or before in self.data.possessives  # "our Allies and partners"
            )
            and not word.isupper()
            and folded not in self.data.org_words
            and folded not in self.data.place_words
            and folded not in self.data.place_names  # "nel Mediterraneo"
            and folded not in region_names()
            and _is_known_word(word, self.ctx.lang)
            and not self.is_given_name(word)
        )

    def _doc_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words the document writes in lower case, and those it capitalises inside a
        sentence (not at its start), case-folded."""
        if self._words is None:
            lower: set[str] = set()
            inner: set[str] = set()
            for sent in self.ctx.sentences:
                toks = sent.tokens
                for k, t in enumerate(toks):
                    if not t.is_word:
                        continue
                    if t.text[:1].islower():
                        lower.add(t.text.casefold())
                    elif k > 0 and toks[k - 1].text not in _OPENERS:
                        inner.add(t.text.casefold())
            self._words = (frozenset(lower), frozenset(inner))
        return self._words

    def _opening_known_word(self, word: str) -> bool:
        """Is a capitalised word that opens a sentence an ordinary word there? It is when the
        dictionary knows it, unless the document capitalises it inside sentences too ("Boeing
        said ... by Boeing"); where the dictionary lists names (English: "boeing"), only when
        the document also writes it in lower case."""
        if not _is_known_word(word, self.ctx.lang) and not self._frequent_non_name(word):
            return False
        lower, inner = self._doc_words()
        folded = word.casefold()
        if folded in inner and folded not in lower:
            return False
        if not self.data.dictionary_has_names or folded in lower:
            return True
        return _lemma(folded, self.ctx.lang) != folded  # "Speaking", "Reactions": inflected

    def _frequent_non_name(self, word: str) -> bool:
        """A frequent word of the language that is no given name nor a region's name."""
        folded = word.casefold()
        return (
            _frequent_word(word, self.ctx.lang)
            and not self.is_given_name(word)
            and folded not in region_names()
            and folded not in self.data.demonyms
        )

    def _opening_word(self, word: str) -> bool:
        """Does ``word`` end like an ordinary word that often opens a sentence (the pack's
        ``opening_word_endings``: "Attualmente", "Inizialmente")?"""
        folded = word.casefold()
        return any(
            folded.endswith(e) and len(folded) >= len(e) + 4 for e in self.data.opening_word_endings
        )

    def _kb_name_at(self, sent: Sentence, j: int) -> bool:
        """Does a knowledge-base name (in any case form) start at token ``j``?"""
        m = self._known(sent, j)
        return m is not None and m.ref is not None

    def _head_after(self, sent: Sentence, k: int) -> Kind | None:
        """ORG or LOC when token ``k`` is a lower-case head noun that ends the name before it
        (the pack's ``org_heads`` / ``place_heads``, in any case form)."""
        if k >= len(sent.tokens) or not sent.tokens[k].text[:1].islower():
            return None
        forms = self.data.variants(sent.norm_words[k])
        if any(f in self.data.org_heads for f in forms):
            return "ORG"
        if any(f in self.data.place_heads for f in forms):
            return "LOC"
        return None

    def _unknown_full_name(self, sent: Sentence, i: int, j: int) -> bool:
        """Is token ``j`` a known person's surname that here ends the full name of someone
        else ("Mario Rossi", not Agustín Rossi): a given name before it or nobody of that
        surname named in the document yet, and no known name at it?"""
        toks = sent.tokens
        return (
            (
                (j == i + 1 and self.is_given_name(toks[i].text))
                or (  # "Lockheed Martin": no Martin named in the document yet
                    toks[j - 1].is_word
                    and (
                        toks[j - 1].text.casefold() not in _CONNECTORS
                        or toks[j - 1].text.endswith(("'", "’"))  # "Alessio D'Amato"
                    )
                    and not self._starts_known(toks[i].text)
                    and not any(p in self.info for p in self._by_surname(toks[j].text))
                )
            )
            and not self._first_name_of(toks[i].text, toks[j].text)
            and not self._kb_name_at(sent, j)
            and not any(self.kb.lookup_key((f,)) for f in self.data.variants(sent.norm_words[j]))
        )

    def _first_name_of(self, first: str, surname: str) -> str | None:
        """The known person named ``surname`` one of whose names has ``first`` before it
        ("Реджеп" of "Реджеп Тайип Эрдоган")."""
        firsts = set(self.data.variants(norm_key([first])[0]))
        for form in self.data.variants(norm_key([surname])[0]):
            for pid in sorted(self.kb.by_surname(form)):
                for name in self.kb.entries[pid].all_names():
                    key = phrase_key(name)
                    if len(key) >= 2 and key[-1] == form and firsts & set(key[:-1]):
                        return pid
        return None

    def _given_name(self, word: str) -> str | None:
        """The one person the document has already named in full whose given name ``word``
        is, when it is used alone ("Thank you, Olaf", "Joe and I", "Go ahead, Jen")."""
        key = word.casefold()
        named = {pid: info.name for pid, info in self.info.items() if info.kind == "PER"}
        if self.is_given_name(word):  # not "ФИДЕ" of "ФИДЕ Кирсана Илюмжинова"
            named.update(self.full_names)
        names = {
            pid: (entry.all_names() if (entry := self.kb.entries.get(pid)) else (name,))
            for pid, name in named.items()
        }
        found = {
            pid
            for pid, all_names in names.items()
            if any(" " in n and n.split()[0].casefold() == key for n in all_names)
        }
        if len(found) != 1:
            return None  # only the one person of that name
        pid = found.pop()
        known = {w.casefold() for n in names[pid] for w in n.split()}
        after = re.findall(rf"\b{re.escape(word)}\s+([^\W\d_]+)", self.ctx.document.text)
        others = {w for w in after if w[:1].isupper() and w.casefold() not in known}
        return None if others else pid  # "Olaf Palme" named too: "Olaf" may be either

    def _surname(self, word: str) -> str | None:
        surnamed = self._by_surname(word)
        seen = [
            pid
            for pid, info in self.info.items()
            if info.kind == "PER" and pid in self.kb.entries and pid in surnamed
        ]
        if seen:
            return seen[-1]
        candidates = surnamed
        if len(candidates) == 1:
            return next(iter(candidates))
        day = self.ctx.day
        active = [c for c in candidates if self.kb.roles_of(c, on=day)] if day else []
        return active[0] if len(active) == 1 else None

    def _after_honorific(self, toks: tuple[Token, ...], i: int) -> bool:
        """Does an honorific stand right before token ``i`` ("Mr. Harlow", "Dr Paris": a
        person, though a town has the name)?  A capitalised abbreviation keeps its dot, which
        the tokenizer splits off ("Mr" "."; not the "г." of a year); an honorific that is
        written short must have it ("Directions on Microsoft": "on" is no "On.")."""
        written = toks[i - 1].text.casefold() if i > 0 else ""
        if (
            written == "."
            and i > 1
            and toks[i - 2].end == toks[i - 1].start
            and toks[i - 2].text[:1].isupper()
        ):
            written = toks[i - 2].text.casefold() + "."
        before = written.rstrip(".")
        return before in self.data.honorifics and not (
            before in self.data.abbreviations and written == before
        )

    def _guess_kind(
        self, sent: Sentence, i: int, last: int, words: list[str], *, gazetteer: bool = True
    ) -> Kind:
        self._by_default = False
        folded = [w.casefold() for w in words]
        if any(w in self.data.org_words for w in folded):
            return "ORG"
        if any(w in self.data.place_words for w in folded):
            return "LOC"
        if len(words) >= 2 and folded[-1] in self.data.name_suffixes:
            return "LOC"  # "Ossezia del Sud", "Acilia Sud"
        if " ".join(folded) in region_names():
            return "LOC"  # "Toscana", "Assam"
        if len(words) == 1 and folded[0] in self.data.place_names:
            return "LOC"  # "sulla Terra", "la Luna", "nel Mediterraneo": not Terra, a person
        if len(words) == 1 and self.data.road_codes and self.data.road_codes.fullmatch(words[0]):
            return "LOC"  # "sulla A14": a motorway
        if self._after_honorific(sent.tokens, i) or self._title_before(sent, i):
            return "PER"
        if self._person_cue(sent, i, last):
            return "PER"  # "il pugile Manny Pacquiao", "la bulgara Staneva", "Mauriello, 57 anni"
        if (
            len(words) == 1
            and i > 0
            and sent.tokens[i - 1].text.islower()
            and sent.norm_words[i - 1] in self.data.eponym_nouns
        ):
            return "PER"  # "la legge Urbani", "il ddl Mastella": named after their authors
        descriptor = self._descriptor_before(sent, i)
        if descriptor is not None:
            return "ORG" if descriptor[1] else "LOC"  # "fiume Dyfi", "università di Witwatersrand"
        if len(words) >= 3 and len(words[0]) == 1 and words[0].isupper() and words[1] == ".":
            return "PER"  # "V. Kramnik"
        if (folded[0] in self.kb.first_names or self.is_given_name(words[0])) and len(words) >= 2:
            return "PER"  # "Mario Rossi"
        if len(words) == 1 and folded[0] in self.person_words:
            return "PER"  # "Rossi", after "Mario Rossi"
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 6:
            return "ORG"
        if self._locative_before(sent, i, unknown=True):
            return "LOC"
        if len(words) >= 2 and folded[0] in self.data.surname_particles:
            return "PER"  # "Lo Bello", "Del Piero"
        if self.data.native_letters and not any(
            ch in self.data.native_letters for w in folded for ch in w
        ):
            return self.data.foreign_script_kind  # "Facebook" in a Russian text
        if len(words) == 1 and folded[0].endswith(self.data.person_endings):
            return "PER"  # "Сагдеев", "Шевченко"
        if (
            len(words) == 1
            and self.is_given_name(words[0])
            and not any(
                p.population >= GIVEN_NAME_PLACE_POPULATION
                for p in self.gaz.lookup_key((sent.norm_words[i],))
            )
        ):
            return "PER"  # "George", but not "Geneva"
        if gazetteer and any(
            not _far_alias(" ".join(words), p)
            for p in self.gaz.lookup_key(tuple(sent.norm_words[i:last]))
        ):
            return "LOC"  # a place's name, passed over as a weak one ("Geneva")
        self._by_default = True
        return self.data.multi_default if len(words) >= 2 else self.data.single_default

    def _person_cue(self, sent: Sentence, i: int, last: int) -> bool:
        """Does the text say that the name from ``i`` to ``last`` is a person's: a noun for a
        person before it, maybe with an adjective of nationality ("l'astronomo americano"), a
        nationality as a noun ("la bulgara"), or an age after it ("Rossi, 57 anni")?"""
        if not self.data.person_nouns:
            return False
        toks, words = sent.tokens, sent.norm_words
        k = i - 1
        if k >= 1 and toks[k].text == "," and words[k - 1] in self.data.person_nouns:
            k -= 1  # "il suo avvocato, Carlo Pirro"
        demonym = False
        while k >= 0 and toks[k].text[:1].islower() and words[k] in self.data.demonyms:
            demonym, k = True, k - 1
        if k >= 0 and toks[k].text[:1].islower() and words[k] in self.data.person_nouns:
            return True
        if (  # "il procuratore aggiunto Carlo Pirro", "la cantante gospel Cissy Houston"
            k >= 1
            and k == i - 1
            and toks[k].is_word
            and toks[k].text.islower()
            and words[k] not in self.data.stop
            and toks[k - 1].text.islower()
            and words[k - 1] in self.data.person_nouns
        ):
            return True
        if demonym and k >= 0 and words[k] in self.data.definite and k == i - 2:
            return True  # "il filippino Manny Pacquiao"
        after = [t.text.casefold() for t in toks[last : last + 4]]
        if after[:1] in (["("], [","]) and len(after) >= 3 and after[1].isdigit():
            return after[2] in self.data.age_words
        if after[:1] == [","]:  # "Italo Bocchino, capogruppo dei finiani"
            rest = [w for w in after[1:] if w not in self.data.definite and w != "ex"]
            return bool(rest) and rest[0] in self.data.person_nouns
        return False

    def region_after(
        self, sent: Sentence, m: _Match, candidates: tuple[PlaceEntry, ...], names: list[_Match]
    ) -> Region | None:
        """The region or country written after a place name ("Springfield, Illinois",
        "Paris, Texas", "Athens, Ga."), when one of the name's namesakes lies there."""
        for r in self.regions_written_after(sent, m, names):
            region: Region = (r.country, r.admin1)
            if any(_within(c, region) for c in candidates):
                return region
        return None

    def regions_written_after(
        self, sent: Sentence, m: _Match, names: list[_Match]
    ) -> list[PlaceEntry]:
        """The regions and countries a name written after ``m`` ("Lanexa, Va.") may be."""
        toks = sent.tokens
        j = m.last
        if j + 1 >= len(toks) or toks[j].text != ",":
            return []
        after = next((n for n in names if n.first == j + 1), None)
        if after is None:
            return []
        country = self.gaz.countries.get(after.ref or "") if after.kind == "GPE" else None
        regions = [*after.places, *([country] if country else [])]
        return [r for r in regions if r.level in ("admin1", "country")]

    def region_abbreviation(self, sent: Sentence, j: int) -> tuple[int, PlaceEntry] | None:
        """A region written short at token ``j`` ("Ill.", "W.Va.", "OH"): the token after it
        and the region."""
        toks = sent.tokens
        if j >= len(toks) or not toks[j].is_word:
            return None
        surface = ""
        for k in range(j, min(j + 5, len(toks))):
            if k > j and toks[k].start != toks[k - 1].end:
                break
            surface += toks[k].text
            region = self.data.region_abbreviations.get(surface)
            if region is not None and region[1] is not None:
                entry = self.gaz.regions.get((region[0] or "", region[1]))
                return (k + 1, entry) if entry else None
        word = toks[j].text
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        if len(word) == 2 and word.isupper() and not nxt[:1].isalpha():
            entry = self.gaz.regions.get(("USA", word))
            if entry is not None:
                return j + 1, entry
        return None

    def _locative_before(self, sent: Sentence, i: int, *, unknown: bool = False) -> bool:
        """Does a locative preposition stand before token ``i``? For an unknown name
        (``unknown``), only one of the pack's ``unknown_place_prepositions`` if it has them
        ("at Apple", "from Boeing" are no places)."""
        if i == 0:
            return False
        words = sent.norm_words
        index = self.index.unknown_locative if unknown else self.index.locative
        return any(len(p) <= i and words[i - len(p) : i] == p for p in index.get(words[i - 1], ()))

    def _title_before(self, sent: Sentence, i: int) -> bool:
        """Does a title end right before token ``i``, or one token before it, unless that
        token is an article or preposition ("presidente della Consob": the body)?"""
        return any(
            m.last == i or (m.last == i - 1 and sent.norm_words[i - 1] not in self.data.definite)
            for m in self.titles(sent)
        )

    # -- titles and demonyms ------------------------------------------------

    def titles(self, sent: Sentence) -> list[_Match]:
        cached = self._title_cache.get(sent.index)
        if cached is not None:
            return cached
        words = sent.norm_words
        found: list[_Match] = []
        offices: list[_Match] = []
        variants = self.data.variants
        by_first = self.data.titles_by_first
        # where a title may begin: without case endings, only at a title's first word
        starts: Iterable[int] = (
            [k for k, w in enumerate(words) if w in by_first]
            if not self.data.case_endings
            else range(len(words))
        )
        i = 0  # where the next title may begin, after the last one
        for k in starts:
            if k < i:
                continue
            i = k
            forms = variants(words[i])
            if len(forms) == 1:  # titles already longest first
                rows: Sequence[tuple[tuple[str, ...], str, str | None]] = by_first.get(forms[0], ())
            else:
                rows = [r for v in forms for r in by_first.get(v, ())]
                if len(rows) > 1:
                    rows.sort(key=lambda row: -len(row[0]))  # longest first, whatever the case
            for phrase, role, country in rows:
                n = len(phrase)
                if words[i : i + n] == phrase or (
                    len(words) - i >= n
                    and all(p in variants(w) for p, w in zip(phrase, words[i : i + n], strict=True))
                ):
                    start, end = sent.tokens[i].start, sent.tokens[i + n - 1].end
                    m = _Match(
                        sent.index,
                        i,
                        i + n,
                        start,
                        end,
                        sent.text[start - sent.start : end - sent.start],
                        "PER",
                        named=False,
                        role=role,
                        country=country,
                    )
                    if role:
                        found.append(m)
                    else:
                        offices.append(m)
                    i += n - 1
                    break
            i += 1
        self._title_cache[sent.index] = found
        self._office_cache[sent.index] = offices
        return found

    def offices(self, sent: Sentence) -> list[_Match]:
        """The sentence's titles of no tracked role ("Vice President", "Press Secretary"):
        no names, though capitalised."""
        self.titles(sent)
        return self._office_cache[sent.index]

    def demonyms(self, sent: Sentence) -> list[_Match]:
        found = []
        toks = sent.tokens
        for i, tok in enumerate(toks):
            code = self.data.demonyms.get(tok.text.casefold()) if tok.is_word else None
            if i + 1 < len(toks) and toks[i + 1].text in _CURRENCY and toks[i + 1].start == tok.end:
                continue  # "US$ 1 billion": a currency
            if code and code in self.kb.entries:
                found.append(
                    _Match(
                        sent.index,
                        i,
                        i + 1,
                        tok.start,
                        tok.end,
                        tok.text,
                        "GPE",
                        ref=code,
                        named=False,
                    )
                )
        return found


def _title_countries(
    title: _Match,
    demonyms: list[_Match],
    names: list[_Match],
    words: tuple[str, ...],
    links: frozenset[str] | None,
    holder: _Match | None = None,
) -> tuple[list[str], list[_Match]]:
    """The states a title belongs to - its own, an adjacent demonym, or "of/di STATE (and
    STATE)" after it or after the ``holder`` named with it ("i capi della diplomazia di Mosca
    e Washington", "President Vladimir Putin of Russia") - and the names used.  Only the
    pack's ``title_links`` may stand between ("President Biden urged Russia": no link)."""
    if title.country:
        return [title.country], []
    for d in demonyms:
        if title.first - 2 <= d.first <= title.last + 2 and d.ref:
            return [d.ref], []
    used: list[_Match] = []
    edge = holder.last if holder is not None else title.last
    for n in sorted((n for n in names if n.kind == "GPE" and n.ref), key=lambda n: n.first):
        if edge <= n.first <= edge + 2 and (
            links is None or all(w in links for w in words[edge : n.first])
        ):
            used.append(n)
            edge = n.last
    return [n.ref for n in used if n.ref], used


def _resolve_places(
    rec: _Recogniser,
    per_sentence: list[tuple[Sentence, list[_Match], list[_Match], list[_Match]]],
) -> list[_Match]:
    """Settle which place each place name stands for, in the light of the whole article
    (:mod:`newsgraph.extract.toponyms`): ``m.places`` becomes the one chosen, a country's
    namesake read as a place ("Georgia" next to Atlanta) becomes one, and a small town that
    nothing supports goes back to being an unknown name.  Returns the places named at the
    head of an organisation's name ("Gainesville Police Department"), resolved."""
    toponyms: list[Toponym] = []
    owners: list[tuple[Sentence, _Match]] = []
    named: Counter[str] = Counter()
    inner: list[_Match] = []
    for sent, names, _, _ in per_sentence:
        _add_region_abbreviations(rec, sent, names)
    unlisted = _unlisted_towns(rec, per_sentence)
    divisions = {
        id(m): key
        for sent, names, _, _ in per_sentence
        for m, key in _listed_divisions(rec, sent, names)
    }
    located: list[tuple[_Match, _Match]] = []  # an unknown place, the town it is named after
    for sent, names, _, demonyms in per_sentence:
        heads = []
        for m in names:
            head = rec.place_at_head(sent, m)
            if head is not None and m.kind == "LOC":
                located.append((m, head))
            elif head is not None:
                inner.append(head)
            if head is not None:
                heads.append(head)
        for m in names + heads:
            region = unlisted.get(sent.norm_words[m.first : m.last]) if m.ref is None else None
            if region is not None:  # "Belgrade, Minn.": a town of Minnesota we do not list
                m.kind, m.places, m.region = "LOC", (), region
                continue
            if m.kind == "GPE" and m.ref and not m.places:
                named[m.ref] += 1
                continue
            if not m.places:
                continue
            candidates = m.places
            country = rec.gaz.countries.get(m.ref or "") if m.kind == "GPE" else None
            if country is not None:
                candidates = tuple(sorted((country, *m.places), key=lambda p: -p.population))
            elif m.ref is not None:
                continue
            key = divisions.get(id(m)) or sent.norm_words[m.first : m.last]
            locative = rec._locative_before(sent, m.first)
            capital = next((c for c in candidates if c.geonameid in rec.gaz.capitals), None)
            if m.named is False:  # a place inside an organisation's name stands for no state
                capital = None
            toponyms.append(
                Toponym(
                    key,
                    candidates,
                    locative=locative,
                    within=rec.region_after(sent, m, candidates, names),
                    one_word=len(key) == 1,
                    weak=m.weak and rec.word_like_name(m.text),
                    agent=capital.geonameid if capital and m.ref is None and not locative else None,
                    shorter=key[:-1] if len(key) > 1 and key[-1] in rec.data.town_words else None,
                )
            )
            owners.append((sent, m))
        for d in demonyms:
            if d.ref:
                named[d.ref] += 1
    for (sent, m), reading in zip(owners, read(toponyms, named), strict=True):
        entry = reading.place
        if m.kind == "GPE" and (entry is None or entry.level == "country" or not reading.supported):
            m.places = ()
        elif entry is None or not reading.supported:
            m.places = ()
            words = [t.text for t in sent.tokens[m.first : m.last]]
            # a small town that is no word ("Google", Kansas) and nothing supports: a name
            # of some other kind as likely
            small = entry is not None and entry.population < SMALL_TOWN and not m.weak
            m.kind = rec._guess_kind(sent, m.first, m.last, words, gazetteer=not small)
            m.guessed = rec._by_default
            if m.kind == "LOC" and entry is not None:  # a place after all: the likeliest one
                m.ref, m.places = None, (entry,)
        else:
            m.kind, m.ref, m.places = "LOC", None, (entry,)
    for m, head in located:  # "Paris Walmart": where Paris is, though we do not list it
        if head.kind == "LOC" and head.places:
            m.region = head.places[0]
    return inner


def _listed_divisions(
    rec: _Recogniser, sent: Sentence, names: list[_Match]
) -> list[tuple[_Match, tuple[str, ...]]]:
    """Names listed before the plural of a kind of division ("Douglas, Sarpy and Lancaster
    counties", the pack's ``division_plurals``): each becomes the division of its name
    ("Douglas County") when the gazetteer has one; with the key it is read under."""
    plurals = rec.data.division_plurals
    if not plurals:
        return []
    words = sent.norm_words
    ending = {m.last: m for m in names}
    found: list[tuple[_Match, tuple[str, ...]]] = []
    for k, word in enumerate(words):
        kind = plurals.get(word)
        m = ending.get(k) if kind else None
        while m is not None and kind is not None:
            toks = [t.text for t in sent.tokens[m.first : m.last]]
            candidates = tuple(p for p in rec.gaz.lookup([*toks, kind]) if p.level == "admin2")
            if candidates:
                m.kind, m.ref, m.places, m.weak, m.guessed = "LOC", None, candidates, False, False
                found.append((m, (*words[m.first : m.last], *norm_key([kind]))))
            j = m.first
            while j > 0 and words[j - 1] in rec.data.division_list_words:
                j -= 1
            m = ending.get(j) if j < m.first else None
    return found


def _unlisted_towns(
    rec: _Recogniser,
    per_sentence: list[tuple[Sentence, list[_Match], list[_Match], list[_Match]]],
) -> dict[tuple[str, ...], PlaceEntry]:
    """Names written with a region none of whose namesakes lies there ("Belgrade, Minn.",
    "Lanexa, Va."): towns the gazetteer lacks, placed in that region.  Read once per
    article: every mention of the name is that town."""
    found: dict[tuple[str, ...], PlaceEntry] = {}
    for sent, names, _, _ in per_sentence:
        for m in names:
            if m.ref is not None or not (m.places or m.kind == "LOC"):
                continue
            if any(c.level != "city" for c in m.places):
                continue  # a region or a country in a list ("Wisconsin, Illinois and Iowa")
            regions = rec.regions_written_after(sent, m, names)
            states = [r for r in regions if r.level == "admin1"]
            if states and not any(
                _within(c, (r.country, r.admin1 if r.level == "admin1" else None))
                for c in m.places
                for r in regions
            ):
                found.setdefault(sent.norm_words[m.first : m.last], states[0])
    return found


def _add_region_abbreviations(rec: _Recogniser, sent: Sentence, names: list[_Match]) -> None:
    """A region written short after a place name ("Springfield, Ill.") is a place too."""
    found = []
    for m in names:
        if m.last + 1 >= len(sent.tokens) or sent.tokens[m.last].text != ",":
            continue
        hit = rec.region_abbreviation(sent, m.last + 1)
        if hit is None:
            continue
        end, region = hit
        if m.places and not any(p.country == region.country for p in m.places):
            continue
        if not m.places and m.kind == "GPE":
            continue
        last = sent.tokens[end - 1]
        if m.ref is None and not m.places:
            m.kind = "LOC"  # an unknown town ("Lanexa, Va.")
        start = sent.tokens[m.last + 1].start
        found.append(
            _Match(
                sent.index,
                m.last + 1,
                end,
                start,
                last.end,
                sent.text[start - sent.start : last.end - sent.start],
                "LOC",
                places=(region,),
            )
        )
    if found:
        taken = {k for f in found for k in range(f.first, f.last)}
        names[:] = sorted(
            [n for n in names if not taken.intersection(range(n.first, n.last))] + found,
            key=lambda n: n.first,
        )


def _speakers(
    per_sentence: list[tuple[Sentence, list[_Match], list[_Match], list[_Match]]],
) -> None:
    """An unknown name that opens two sentences or more with a colon after it is a speaker
    of an interview or a transcript ("Köcher: Sono convinto che..."): a person's name."""
    opening: Counter[str] = Counter()
    for sent, names, _, _ in per_sentence:
        toks = sent.tokens
        for m in names:
            if m.first == 0 and m.last < len(toks) and toks[m.last].text == ":" and m.guessed:
                opening[m.text] += 1
    speakers = {name for name, n in opening.items() if n >= 2}
    for _, names, _, _ in per_sentence:
        for m in names:
            if m.text in speakers and m.guessed:
                m.kind, m.guessed = "PER", False


def _type_lists(rec: _Recogniser, sent: Sentence, names: list[_Match]) -> None:
    """Names listed together are of one type ("Cattenom, Civaux, Flamanville e Golfech",
    "Kasparov e Short"): an unknown name typed by default takes the type the list's other
    names share.  A list is joined by one of the pack's ``list_conjunctions`` or has three
    names or more (two names and a comma may be an apposition: "Marchionne, Fiat").  The type
    counts when a name of the knowledge base, a place or a name of two words or more has it,
    and a place's or an organisation's only when two do (a region's name may be its team's:
    "Juventus e Lazio")."""
    conjunctions = rec.data.list_conjunctions
    if not conjunctions:
        return
    toks = sent.tokens
    chains: list[tuple[list[_Match], bool]] = []
    for m in sorted(names, key=lambda n: n.first):
        prev = chains[-1][0][-1] if chains else None
        sep = toks[prev.last].text if prev is not None and prev.last + 1 == m.first else None
        if prev is not None and sep is not None and (sep == "," or sep in conjunctions):
            chains[-1][0].append(m)
            chains[-1] = (chains[-1][0], chains[-1][1] or sep in conjunctions)
        else:
            chains.append(([m], False))
    for chain, joined in chains:
        if len(chain) < 2 or not (joined or len(chain) >= 3):
            continue
        unknown = [n for n in chain if n.guessed and n.ref is None and not n.places]
        known = [
            "LOC" if n.kind == "GPE" else n.kind
            for n in chain
            if not n.guessed and (n.ref is not None or n.places or n.last - n.first >= 2)
        ]
        if unknown and len(set(known)) == 1 and (known[0] == "PER" or len(known) >= 2):
            for n in unknown:
                n.kind = known[0]


def _recent_holder(ctx: DocContext, mentions: list[EntityMention], title: _Match) -> str | None:
    """Who a title of no country stands for: of the people before it who hold its office
    that day, the first one named in the last sentence that names any (its subject, more
    likely: "Joe Biden met Zelensky. The president promised ..." is Biden)."""
    holders = [
        m
        for m in mentions
        if m.start < title.start
        and m.kind == "PER"
        and m.ref in ctx.kb.entries
        and any(r.role == title.role for r in ctx.kb.roles_of(m.ref, on=ctx.day))
    ]
    if not holders:
        return None
    last = max(m.sentence for m in holders)
    return min((m for m in holders if m.sentence == last), key=lambda m: m.start).ref


def find_entities(ctx: DocContext) -> Entities:
    """Every actor and place of the document, with named and nominal mentions."""
    rec = _Recogniser(ctx)
    per_sentence: list[tuple[Sentence, list[_Match], list[_Match], list[_Match]]] = []
    for sent in ctx.sentences:
        names = rec.names(sent)
        for m in names:  # register known people early, so surnames resolve to them
            if m.ref and m.kind == "PER" and m.ref in ctx.kb.entries:
                rec.info.setdefault(m.ref, _ActorInfo(ctx.kb.entries[m.ref].name, "PER"))
        per_sentence.append((sent, names, rec.titles(sent), rec.demonyms(sent)))

    # an unknown name whose last word the document also uses alone is a person's ("Helmuth
    # Köcher" ... "Köcher:"); organisations are shortened by their first words ("Costa")
    alone = {
        m.text.casefold()
        for _, names, _, _ in per_sentence
        for m in names
        if m.last - m.first == 1 and m.ref is None and not m.places
    }
    for _, names, _, _ in per_sentence:
        for m in names:
            words = m.text.split()
            if (
                m.guessed
                and m.ref is None
                and len(words) >= 2
                and words[-1].casefold() in alone
                and words[0].casefold() not in alone
                and (rec.is_given_name(words[0]) or not rec.ordinary_word(words[0]))
            ):
                m.kind, m.guessed = "PER", False
                rec.person_words.setdefault(words[-1].casefold(), slug(m.text))
    _speakers(per_sentence)
    for _, names, _, _ in per_sentence:
        for m in names:  # "Houston" after "Whitney Houston": the person, not the city
            person = rec.person_words.get(m.text.casefold())
            if person and (m.ref is None or m.surname_only) and m.last - m.first == 1:
                m.kind, m.ref, m.places = "PER", person, ()

    inner = _resolve_places(rec, per_sentence)
    for sent, names, _, _ in per_sentence:
        for m in names:
            if rec.club_named(sent, m) or rec.team_named(sent, m):  # "il Napoli": the club
                m.kind, m.ref, m.places = "ORG", None, ()
            elif m.kind == "PER" and m.ref is None and m.last - m.first == 1:
                m.ref = rec._given_name(m.text)  # "Maria", no town after all: Maria Ferreira
        _type_lists(rec, sent, names)
    mentions: list[EntityMention] = []
    place_hits: dict[str, list[Span]] = defaultdict(list)
    place_entries: dict[str, PlaceEntry | None] = {}
    place_names: dict[str, str] = {}
    seats: set[str] = set()  # capitals named for their states: places standing for a state
    cities: set[str] = set()  # places named as places
    regions_of: dict[str, PlaceEntry] = {}  # an unlisted town -> the region it lies in
    actor_spans: dict[str, list[Span]] = defaultdict(list)
    text = ctx.document.text
    for sent, names, titles, demonyms in per_sentence:
        for m in names:
            seat: PlaceEntry | None = None  # a capital named for its state
            if m.places and m.ref is None:
                entry = m.places[0]
                state = rec.gaz.capitals.get(entry.geonameid)
                if state:  # "Brussels said": the EU, whose seat it is, not Belgium
                    state = ctx.kb.seats.get(entry.name, state)
                if state and state in ctx.kb.entries and not rec._locative_before(sent, m.first):
                    m.kind, m.ref, seat = ctx.kb.entries[state].kind, state, entry
                else:
                    m.kind, m.ref = "LOC", entry.id
                    place_entries[entry.id] = entry
            elif m.ref is None and m.kind == "LOC":
                m.ref = f"loc:{slug(m.text)}"
                place_entries.setdefault(m.ref, None)
                place_names[m.ref] = m.text
                if m.region is not None:
                    regions_of[m.ref] = m.region
            elif m.ref is None:
                m.ref = slug(m.text)
                if m.ref in ctx.kb.entries and ctx.kb.entries[m.ref].kind != m.kind:
                    m.ref = f"{m.ref}-{m.kind.lower()}"
            assert m.ref is not None
            span = Span.of(text, m.start if m.lead_start is None else m.lead_start, m.end)
            country_place = rec.gaz.countries.get(m.ref) if m.kind == "GPE" else None
            if seat is not None:  # "Moscow said": the state acts, where the name is its seat's
                place_hits[seat.id].append(span)
                place_entries[seat.id] = seat
                seats.add(seat.id)
            elif m.kind == "LOC" and m.ref:
                cities.add(m.ref)
            elif country_place is not None:  # a state is a named location too
                place_hits[country_place.id].append(span)
                place_entries[country_place.id] = country_place
            if m.kind == "LOC":
                place_hits[m.ref].append(span)
            else:
                actor_spans[m.ref].append(span)
                if m.ref not in rec.info:
                    entry_kb = ctx.kb.entries.get(m.ref)
                    rec.info[m.ref] = _ActorInfo(
                        entry_kb.name if entry_kb else m.text,
                        m.kind,
                        entry_kb.country if entry_kb else None,
                    )
                elif m.kind == "PER" and m.ref not in ctx.kb.entries:
                    named = rec.info[m.ref]  # "Bobby", then "Bobby Scott": named in full
                    if len(m.text.split()) > len(named.name.split()):
                        named.name = m.text
            mentions.append(EntityMention(m.start, m.end, m.text, m.kind, m.ref, True, sent.index))
        for t in titles:
            named_after = next(
                (n for n in names if n.first in (t.last, t.last + 1) and n.kind == "PER"), None
            )
            countries, used = _title_countries(
                t, demonyms, names, sent.norm_words, rec.data.title_links, named_after
            )
            people: list[str] = []
            if named_after is not None and named_after.ref:
                info = rec.info.get(named_after.ref)
                if info is not None and named_after.ref not in ctx.kb.entries:
                    info.roles.append(t.text)
                    info.country = info.country or (countries[0] if countries else None)
                people = [named_after.ref]
            else:
                for country in countries or [""]:
                    holders = ctx.kb.holders(t.role or "", scope=country, on=ctx.day)
                    if len(holders) == 1:
                        people.append(holders[0])
                if not people and not countries and t.role:  # "la premier", "the president":
                    recent = _recent_holder(ctx, mentions, t)  # the one named last who holds it
                    people = [recent] if recent else []
            if people and used:  # "di Mosca e Washington" says whose offices: not actors here
                used_spans = {(n.start, n.end) for n in used}
                mentions[:] = [
                    replace(m, modifier=True)
                    if m.sentence == sent.index and (m.start, m.end) in used_spans
                    else m
                    for m in mentions
                ]
            for person in people:
                if person not in rec.info and person in ctx.kb.entries:
                    entry_kb = ctx.kb.entries[person]
                    rec.info[person] = _ActorInfo(entry_kb.name, "PER", entry_kb.country)
                mentions.append(
                    EntityMention(t.start, t.end, t.text, "PER", person, False, sent.index)
                )
        for d in demonyms:
            assert d.ref is not None
            if d.ref not in rec.info:
                rec.info[d.ref] = _ActorInfo(ctx.kb.entries[d.ref].name, "GPE", d.ref)
            mentions.append(EntityMention(d.start, d.end, d.text, "GPE", d.ref, False, sent.index))
            as_place = rec.data.demonym_places and d.text[:1].isupper()  # "US", not "us"
            country_place = rec.gaz.countries.get(d.ref) if as_place else None
            if country_place is not None:  # "Russian": a reference to Russia, the place too
                place_hits[country_place.id].append(Span.of(text, d.start, d.end))
                place_entries[country_place.id] = country_place

    for m in inner:  # "Gainesville" of the Gainesville Police Department: a place too
        if m.places and m.kind == "LOC":
            place_hits[m.places[0].id].append(Span.of(text, m.start, m.end))
            place_entries[m.places[0].id] = m.places[0]

    actors = []
    for actor_id, info in rec.info.items():
        kb_entry = ctx.kb.entries.get(actor_id)
        spans = tuple(sorted(set(actor_spans.get(actor_id, ())), key=_span_order))
        if not spans and not any(m.ref == actor_id for m in mentions):
            continue
        roles = (
            [r.label() for r in ctx.kb.roles_of(actor_id, on=ctx.day)] if kb_entry else info.roles
        )
        surface = {s.text for s in spans} - {info.name}
        actors.append(
            Actor(
                id=actor_id,
                name=kb_entry.name if kb_entry else info.name,
                type="GPE" if info.kind == "GPE" else info.kind,  # type: ignore[arg-type]
                country=(kb_entry.country if kb_entry else info.country)
                if info.kind != "ORG" or kb_entry
                else info.country,
                roles=tuple(dict.fromkeys(roles)),
                aliases=tuple(sorted(surface)),
                mentions=spans,
            )
        )
    places = []
    towns = [pe for pe in place_entries.values() if pe is not None and pe.level == "city"]
    for place_id, spans_list in place_hits.items():
        pe = place_entries.get(place_id)
        spans = tuple(sorted(set(spans_list), key=_span_order))
        if pe is not None:
            for_state = rec.gaz.countries.get(pe.country or "") is pe or (
                place_id in seats and place_id not in cities
            )
            kind = "GPE" if for_state else None
            places.append(Place(pe.id, pe.name, pe.country, pe.lat, pe.lon, spans, kind))
        elif place_id in regions_of:  # a place we do not list, amid the article's towns there
            region = regions_of[place_id]
            region = place_among(region, towns) if region.level == "admin1" else region
            name = place_names.get(place_id, spans[0].text)
            places.append(Place(place_id, name, region.country, region.lat, region.lon, spans))
        else:
            places.append(
                Place(place_id, place_names.get(place_id, spans[0].text), None, None, None, spans)
            )
    mentions.sort(key=lambda m: (m.start, -m.end))
    return Entities.of(tuple(actors), tuple(places), tuple(mentions))
