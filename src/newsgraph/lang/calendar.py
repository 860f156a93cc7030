"""Month and weekday names of a language, from CLDR (babel)."""

from __future__ import annotations

from functools import cache


@cache
def month_names(lang: str, *, abbreviated: bool = True) -> dict[str, int]:
    """Month names and (unless ``abbreviated`` is false) abbreviations of ``lang``, case-folded,
    without a final dot."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated") if abbreviated else ("wide",):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=lang).items():
                    names[name.casefold().rstrip(".")] = number
    except (UnknownLocaleError, ValueError):
        return {}
    return names


@cache
def weekday_names(lang: str) -> dict[str, int]:
    """Weekday names of ``lang``, case-folded; 0 is Monday."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_day_names

    names: dict[str, int] = {}
    try:
        for context in ("format", "stand-alone"):
            for number, name in get_day_names("wide", context, locale=lang).items():
                names[name.casefold()] = number
    except (UnknownLocaleError, ValueError):
        return {}
    return names
