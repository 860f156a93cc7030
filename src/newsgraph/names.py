"""Given names, to tell a person's name ("Mario Rossi") from an organisation's or a place's.

The lists come from Faker's person providers (MIT licence; data shipped inside the package,
read offline), all locales together, since news names people of every country, and from
gender-guesser's name dictionary (GFDL, Jörg Michael's ``nam_dict.txt``, some 45,000 names
of 54 countries) when it is installed.  Reading them imports some eighty modules and parses
a 48,000-line file, so the set is kept in the disk cache (:mod:`newsgraph.diskcache`),
keyed by the packages' versions.  Without either the set is smaller, down to the first
names of the knowledge base.
"""

from __future__ import annotations

from functools import cache

from newsgraph.diskcache import cached, fingerprint

_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def _version(package: str = "faker") -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _dictionary_names() -> frozenset[str]:
    """The first names of gender-guesser's dictionary, case-folded ("pino", "oliviero",
    "nursultan"); a name joined with "+" ("Jean+Pierre") in its written forms; not the
    one- and two-letter syllables of Asian names ("Il", "Di"), which are words elsewhere."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    found: set[str] = set()
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or line[:1] in "#=" or len(parts[1]) < 3 or not parts[1][:1].isupper():
            continue
        name = parts[1].casefold()
        found.update({name.replace("+", "-"), name.replace("+", "")} if "+" in name else {name})
    return frozenset(found)


def _frequent_english(word: str) -> bool:
    """Is ``word`` frequent in English (wordfreq; Zipf 4: once in 100,000 words)?"""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return True
    return bool(zipf_frequency(word, "en") >= 4.0)


def _build() -> frozenset[str]:
    import importlib
    import pkgutil

    try:
        providers = importlib.import_module("faker.providers.person")
    except ImportError:
        return frozenset()
    import simplemma

    locales: dict[str, int] = {}
    for info in pkgutil.iter_modules(providers.__path__):
        try:
            module = importlib.import_module(f"faker.providers.person.{info.name}")
        except Exception:  # noqa: BLE001 - a broken locale module costs only its names
            continue
        provider = getattr(module, "Provider", None)
        found: set[str] = set()
        for attr in _ATTRS:
            names = vars(provider).get(attr) if provider is not None else None
            if isinstance(names, dict | list | tuple | set | frozenset):
                for name in names:
                    if isinstance(name, str) and name[:1].isupper() and " " not in name:
                        found.add(name.casefold())
        for name in found:
            locales[name] = locales.get(name, 0) + 1
    # a name of one locale only that is also an English word ("Council", "Royal", "Geneva"
    # in the US list) is more often the word; the dictionary adds no frequent English word
    # ("Justice", "Hang"), only rare ones ("Clint")
    for name in _dictionary_names():
        if not simplemma.is_known(name, lang="en") or not _frequent_english(name):
            locales[name] = locales.get(name, 0) + 1
    return frozenset(
        name
        for name, count in locales.items()
        if count >= 2 or not simplemma.is_known(name, lang="en")
    )


@cache
def given_names() -> frozenset[str]:
    """Given names of many countries, case-folded ("mario", "сергей", "barack" if listed)."""
    version = _version()
    if version is None:
        return frozenset()
    key = fingerprint("faker", version, _ATTRS, "gender-guesser", _version("gender-guesser"), 6)
    return cached("given-names", key, _build, frozenset)


def _build_regions() -> frozenset[str]:
    import unicodedata

    import pycountry

    names = {
        str(s.name).casefold()
        for s in pycountry.subdivisions
        if len(str(s.name)) > 3 and not str(s.name).isupper()
    }
    plain = {  # "Himāchal Pradesh" is written "Himachal Pradesh" too
        "".join(ch for ch in unicodedata.normalize("NFKD", n) if not unicodedata.combining(ch))
        for n in names
    }
    return frozenset(names | plain)


@cache
def region_names() -> frozenset[str]:
    """Names of the world's administrative regions (ISO 3166-2, from pycountry), case-folded
    ("toscana", "assam", "gloucestershire"), also without accents ("himachal pradesh"): the
    gazetteer knows cities and states only."""
    from importlib.metadata import version

    key = fingerprint("pycountry-subdivisions", version("pycountry"), 2)
    return cached("region-names", key, _build_regions, frozenset)
