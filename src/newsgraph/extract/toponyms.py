"""Toponym resolution: which of a name's namesakes an article means.

A name is read once per article (one sense per discourse): its mentions share one
place.  The article's own clear toponyms - a name with one namesake, a region
or a country, a town written with its region ("Springfield, Ill.") - say in which
countries and regions it lies; an ambiguous name then goes to the namesake that
lies there, or near those places, before a merely more populous one.  Names that are
all ambiguous still place each other: in the first reading, namesakes of different names
that lie close together count for one another (spatial minimality).  A capital named for
its state ("Washington said") gets a little more weight, no more: the actor is the state,
but the place is where the article points ("Paris showed a 22% increase" in a Texas paper
is Paris, Texas).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

from newsgraph.places import PlaceEntry, distance_km

Region = tuple[str | None, str | None]  # (country, admin1); admin1 None: the whole country

#: Weights of the evidence for a namesake, next to log10 of its population.
COUNTRY_WEIGHT = 3.0  # times the share of the article's clear toponyms in its country
REGION_WEIGHT = 3.5  # times the share of the article's clear toponyms in its region
NEAR_WEIGHT = 2.0  # a clear place of the article lies within NEAR_KM (or namesakes of others)
NEAR_KM = 100.0
_NEAR_DEGREES = NEAR_KM / 111.0  # of latitude: a quick test before the distance
#: A capital in the position of an agent may be its state's government ("Moscow demanded"):
#: a little more likely the capital than its namesakes, as far as the article allows.
AGENT_BONUS = 1.0
REGION_DISCOUNT = 1.0  # log10: a region counts as a town a tenth of its population
ALIAS_PENALTY = 1.0  # log10: a place found under an old or foreign name, likewise
#: A one-word town smaller than this is a place only with support from the context.
SMALL_TOWN = 15_000
#: A name that is also a word ("Charleston") read as a town smaller than this says only
#: WEAK_VOTE of what a name says of where the article is, and needs support to be a place.
WEAK_TOWN = 100_000
WEAK_VOTE = 0.25
#: A state (a first-level division) the article names again and again says more of where
#: the article is: one vote more for each mention after the first, up to STATE_MAX votes.
STATE_EXTRA = 1.0
STATE_MAX = 3.0


@dataclass(slots=True)
class Toponym:
    """One mention of a place name, with the namesakes it may stand for."""

    key: tuple[str, ...]
    candidates: tuple[PlaceEntry, ...]  # most populous first
    locative: bool = False  # after a locative preposition ("in", "near")
    within: Region | None = None  # written with its region or country ("Paris, Texas")
    one_word: bool = False
    weak: bool = False  # the name is also an ordinary word or a first name ("Charleston")
    agent: int | None = None  # a capital that may stand for its state ("Washington said")
    shorter: tuple[str, ...] | None = None  # the name less a word for a town ("Dublin City")


@dataclass(slots=True)
class _Group:
    key: tuple[str, ...]
    members: list[int]
    candidates: tuple[PlaceEntry, ...]
    locative: bool = False
    within: Region | None = None
    one_word: bool = False
    weak: bool = True
    agent: int | None = None
    choice: PlaceEntry | None = None
    clear: bool = False


def within(place: PlaceEntry, region: Region) -> bool:
    """Does ``place`` lie in ``region`` (a country, or one of its divisions)?"""
    country, admin1 = region
    return place.country == country and (admin1 is None or place.admin1 == admin1)


def _region(place: PlaceEntry) -> Region:
    return (place.country, place.admin1 if place.level != "country" else None)


def _own_division(candidates: tuple[PlaceEntry, ...]) -> tuple[PlaceEntry, ...]:
    """The namesakes less the towns that bear the name only as another name of theirs and
    lie in a division whose own name it is: "New York" is the state (GeoNames' "New York
    City" lies in it), "Oklahoma" the state, not Oklahoma City."""
    divisions = [c for c in candidates if c.level == "admin1" and not c.alias]
    if not divisions:
        return candidates
    return tuple(
        c
        for c in candidates
        if not (c.alias and c.level == "city" and any(within(c, _region(d)) for d in divisions))
    )


def _shorter_names(toponyms: list[Toponym]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Names found only as another name of their places ("Dublin City", of Dublin) that the
    article also writes without the word for a town (``Toponym.shorter``: "Dublin"), among
    whose namesakes those places are: read with the shorter name, which says which of them
    the article means."""
    ids = {t.key: {c.geonameid for c in t.candidates} for t in toponyms}
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for t in toponyms:
        if t.key in found or not all(c.alias for c in t.candidates):
            continue
        shorter = ids.get(t.shorter) if t.shorter else None
        if t.shorter and shorter and ids[t.key] <= shorter:
            found[t.key] = t.shorter
    return found


def _groups(toponyms: list[Toponym]) -> list[_Group]:
    groups: dict[tuple[str, ...], _Group] = {}
    shorter = _shorter_names(toponyms)
    by_key = {t.key: t for t in toponyms}
    for i, t in enumerate(toponyms):
        key = shorter.get(t.key, t.key)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(key, [], _own_division(by_key[key].candidates))
        g.members.append(i)
        g.locative |= t.locative
        g.one_word |= t.one_word
        g.weak &= t.weak
        g.agent = g.agent or t.agent
        if t.within is not None and g.within is None:
            inside = tuple(c for c in g.candidates if within(c, t.within))
            if inside:
                g.within, g.candidates = t.within, inside
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class Reading:
    """The namesake a toponym most likely stands for, and whether the article supports it
    as a place at all (a small one-word town nothing supports may be a surname or a word)."""

    place: PlaceEntry | None
    supported: bool = True


def resolve(toponyms: list[Toponym], countries_named: Counter[str]) -> list[PlaceEntry | None]:
    """The place each toponym stands for; None for a small one-word town that nothing in
    the article supports (more likely a surname or an ordinary word than that town).

    ``countries_named``: how often the article names each country (by name or demonym)."""
    return [r.place if r.supported else None for r in read(toponyms, countries_named)]


def read(toponyms: list[Toponym], countries_named: Counter[str]) -> list[Reading]:
    """The most likely namesake of each toponym, flagged when nothing in the article
    supports it as a place (see :func:`resolve`)."""
    groups = _groups(toponyms)
    for g in groups:  # clear: one namesake, or a town written with its region
        if len(g.candidates) == 1 or g.within is not None:
            g.choice, g.clear = g.candidates[0], True
    # first reading: clear names, and every namesake of the others a little
    first = _Context(groups, countries_named, soft=True)
    for g in groups:
        if not g.clear:
            g.choice = max(g.candidates, key=lambda c: first.score(c, g))
    every = _Context(groups, countries_named)
    for g in groups:  # again, in the light of every other name's first reading
        if not g.clear:
            g.choice = max(g.candidates, key=lambda c: every.score(c, g))
    # a county's namesakes are all alike but for their state: read last, in the light of
    # the other names' readings (not of the counties, which would only echo one another)
    towns = [g for g in groups if g.choice is None or g.choice.level != "admin2"]
    last = _Context(towns, countries_named)
    for g in groups:
        if not g.clear and g.choice is not None and g.choice.level == "admin2":
            g.choice = max(g.candidates, key=lambda c: last.score(c, g))
    out = [Reading(None)] * len(toponyms)
    for g in groups:
        if g.choice is None:
            continue
        others = [
            h.choice
            for h in groups
            if h is not g and h.choice and (not h.weak or h.choice.population >= WEAK_TOWN)
        ]
        choice = g.choice
        supported = True
        small = choice.population < (WEAK_TOWN if g.weak else SMALL_TOWN)
        if g.one_word and choice.level == "city" and small:
            supported = g.locative or g.within is not None or _supported(choice, others)
        for i in g.members:
            out[i] = Reading(choice, supported)
    return out


def _prior(c: PlaceEntry) -> float:
    """How likely a namesake is before any context: log10 of its population, less for a
    region (named less often than a large town of its name) or a name that is an alias."""
    prior = math.log10(max(c.population, 100))
    if c.level == "admin1":
        prior -= REGION_DISCOUNT
    if c.alias:
        prior -= ALIAS_PENALTY
    return prior


@dataclass(slots=True)
class _Vote:
    """What one name's reading says of where the article is (weights of countries and
    regions, and the town itself)."""

    countries: dict[str, float] = field(default_factory=dict)
    regions: dict[Region, float] = field(default_factory=dict)
    town: PlaceEntry | None = None


def _vote(g: _Group, soft: bool) -> _Vote:
    vote = _full_vote(g, soft)
    if not g.weak or (vote.town is not None and vote.town.population >= WEAK_TOWN):
        return vote
    if vote.town is None:
        return _Vote()  # a word that may not be a place at all says nothing
    # a word read as a small town says a little
    return _Vote(
        {k: WEAK_VOTE * w for k, w in vote.countries.items()},
        {k: WEAK_VOTE * w for k, w in vote.regions.items()},
        vote.town,
    )


def _full_vote(g: _Group, soft: bool) -> _Vote:
    if soft and not g.clear:  # each namesake's country and region a share of one vote,
        # by the square root of its population: "Illinois" votes for the state, not for the
        # hamlet of that name; "Springfield" for no state in particular
        weights = [10 ** (_prior(c) / 2) for c in g.candidates]
        whole = sum(weights)
        vote = _Vote()
        for c, w in zip(g.candidates, weights, strict=True):
            if c.country:
                vote.countries[c.country] = vote.countries.get(c.country, 0.0) + w / whole
            if c.admin1 and c.level != "country":
                region = _region(c)
                vote.regions[region] = vote.regions.get(region, 0.0) + w / whole
        return vote
    p = g.choice
    if p is None:
        return _Vote()
    countries: dict[str, float] = {p.country: 1.0} if p.country else {}
    if g.agent == p.geonameid:  # a capital named for its state says nothing of the region
        return _Vote(countries)
    weight = (
        min(STATE_MAX, 1.0 + STATE_EXTRA * (len(g.members) - 1)) if p.level == "admin1" else 1.0
    )
    regions: dict[Region, float] = {_region(p): weight} if p.admin1 and p.level != "country" else {}
    return _Vote(countries, regions, p if p.level == "city" else None)


class _Context:
    """What the article's readings say: countries, regions and towns, with their weights."""

    def __init__(
        self, groups: list[_Group], countries_named: Counter[str], soft: bool = False
    ) -> None:
        self.countries: dict[str, float] = dict.fromkeys(countries_named, 1.0)  # once each
        self.regions: dict[Region, float] = {}
        self.towns: list[PlaceEntry] = []
        self.votes: dict[int, _Vote] = {}
        for g in groups:
            vote = self.votes[id(g)] = _vote(g, soft)
            for country, weight in vote.countries.items():
                self.countries[country] = self.countries.get(country, 0.0) + weight
            for region, weight in vote.regions.items():
                self.regions[region] = self.regions.get(region, 0.0) + weight
            if vote.town:
                self.towns.append(vote.town)
        # in the first reading, the towns an ambiguous name may be, each a share of it: a
        # cluster of small towns' namesakes close together says where the article is
        self.possible: list[tuple[int, PlaceEntry, float]] = []
        if soft:
            for g in groups:
                if g.clear:
                    continue
                towns = [c for c in g.candidates if c.level == "city"]
                self.possible += [(id(g), t, 1.0 / len(towns)) for t in towns]
        self.total = sum(self.countries.values())
        self.regional = sum(self.regions.values())

    def score(self, c: PlaceEntry, g: _Group) -> float:
        """log10 of the population, plus the support of the context without ``g`` itself."""
        own = self.votes.get(id(g), _Vote())
        score = _prior(c)
        if g.agent == c.geonameid:  # "Mosca chiede", "Washington said": the capital acts
            score += AGENT_BONUS
        total = self.total - sum(own.countries.values())
        if total > 0 and c.country:
            votes = self.countries.get(c.country, 0.0) - own.countries.get(c.country, 0.0)
            score += COUNTRY_WEIGHT * votes / total
        if c.admin1 and c.level != "country":
            region = (c.country, c.admin1)
            regional = self.regional - sum(own.regions.values())
            if regional > 0:
                votes = self.regions.get(region, 0.0) - own.regions.get(region, 0.0)
                score += REGION_WEIGHT * votes / regional
        if c.level == "city":
            score += NEAR_WEIGHT * self._nearness(c, g, own.town)
        return score

    def _nearness(self, c: PlaceEntry, g: _Group, own: PlaceEntry | None) -> float:
        """1 when a town of the article's reading lies within NEAR_KM of ``c``; else the
        shares of the other names' namesakes that do (at most 1)."""
        lat = c.lat  # _near, inlined: it is asked of every pair
        if any(
            t is not own and abs(lat - t.lat) < _NEAR_DEGREES and distance_km(c, t) <= NEAR_KM
            for t in self.towns
        ):
            return 1.0
        shares: dict[int, float] = {}
        own_group = id(g)
        for group, t, share in self.possible:
            if (
                group != own_group
                and share > shares.get(group, 0.0)
                and abs(lat - t.lat) < _NEAR_DEGREES
                and distance_km(c, t) <= NEAR_KM
            ):
                shares[group] = share
        return min(1.0, sum(shares.values()))


def _near(a: PlaceEntry, b: PlaceEntry) -> bool:
    return abs(a.lat - b.lat) < _NEAR_DEGREES and distance_km(a, b) <= NEAR_KM


def _supported(c: PlaceEntry, others: list[PlaceEntry]) -> bool:
    for p in others:
        if p.level == "country":
            continue
        if c.admin1 and _region(p) == (c.country, c.admin1):
            return True
        if p.level == "city" and distance_km(c, p) <= NEAR_KM:
            return True
    return False


def place_among(entry: PlaceEntry, others: list[PlaceEntry]) -> PlaceEntry:
    """``entry`` (a county, or a town we do not list, at its state's place) moved to the
    median of the coordinates of ``others``' towns in its state, if there are any."""
    towns = [p for p in others if p.level == "city" and within(p, _region(entry))]
    if not towns:
        return entry
    lats = sorted(t.lat for t in towns)
    lons = sorted(t.lon for t in towns)
    return replace(entry, lat=lats[len(lats) // 2], lon=lons[len(lons) // 2])
