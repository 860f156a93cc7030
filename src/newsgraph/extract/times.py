"""Time expressions with TIMEX3 types and values, resolved against the publication date.

A rule-based tagger whose words come from the language pack (``times.yaml``)
and from CLDR (month and weekday names, via babel).  Relative expressions
("ieri", "next week", "two weeks ago") are resolved against the document
date; a day and month without a year take the year that puts them closest
to it.  A week becomes a ``{start, end}`` range (Monday to Sunday).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsgraph.clean.sentences import split_sentences
from newsgraph.extract.anaphora import Focus, focus_of, shifted
from newsgraph.extract.holidays import holiday, nearest, valid_rule
from newsgraph.extract.scan import MultiScanner
from newsgraph.lang import pack_data, word_set
from newsgraph.lang.calendar import month_names, weekday_names
from newsgraph.model import DateRange, DateValue, TimeValue, TimexMod

_B = r"(?<![\w'’])"  # start of a word
_E = r"(?!\w)"  # end of a word ("last year's" included)
#: A day or month without a year is the latest one no more than this far after the reference.
FUTURE_SLACK_DAYS = 60
#: In a future-tense context, a day or month without a year is the next one if it comes this soon.
FUTURE_HORIZON_DAYS = 200
#: The same for a month without a year ("will open in December", said in March).
FUTURE_MONTH_HORIZON_DAYS = 335


def _alt(words: Any) -> str:
    items = sorted({str(w).casefold() for w in words or ()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in items) or "(?!x)x"


@dataclass(frozen=True, slots=True)
class _Rules:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    days: dict[str, int]
    numbers: dict[str, Any]
    units: dict[str, str]
    relative: dict[str, Any]
    parts: dict[str, str]
    sets: dict[str, str]
    next_words: frozenset[str]
    last_words: frozenset[str]
    ago_words: frozenset[str]
    capitalised_months: bool
    future: re.Pattern[str] | None
    clock_needs_marker: bool
    quarter_words: dict[str, Any]
    past: re.Pattern[str]
    day_parts: dict[str, str]
    clock_words: dict[str, int]
    zones: dict[str, str]
    pm_words: frozenset[str]
    seasons: dict[str, str]
    bare_season_ok: frozenset[str]
    decade_words: dict[str, int]
    month_abbreviations: frozenset[str]
    age_after: re.Pattern[str] | None
    not_times: re.Pattern[str] | None
    clock_not_before: re.Pattern[str]
    digit_units: frozenset[str]
    rate_articles: frozenset[str]
    spoken_centuries: dict[str, int]
    rate_after: frozenset[str]
    future_prep: re.Pattern[str] | None
    ambiguous_months: frozenset[str]
    holidays: dict[str, str]
    anaphors: dict[str, tuple[str, int]]
    ending_periods: dict[str, str]
    month_preps: re.Pattern[str] | None
    #: the patterns, then not_times if any, tried only where each can begin
    scanner: MultiScanner


def _fold(text: str) -> str:
    """A phrase as the pack's keys are written: case-folded, single spaces."""
    return re.sub(r"\s+", " ", text.casefold())


def _phrases(data: dict[str, Any], key: str) -> dict[str, Any]:
    """A phrase -> value mapping of the pack, keys case-folded with single spaces."""
    return {_fold(str(k)): v for k, v in (data.get(key) or {}).items()}


def _words_re(words: Any) -> re.Pattern[str] | None:
    return re.compile(rf"{_B}(?:{_alt(words)}){_E}", re.I) if words else None


def _tense_re(markers: Any, suffixes: Any) -> re.Pattern[str] | None:
    """Tense marker words, or lower-case words with one of these endings ("arriverà")."""
    alternatives = [_alt(markers)] if markers else []
    if suffixes:
        alternatives.append(rf"(?-i:[^\W\d_A-Z]\w*(?:{_alt(suffixes)}))")
    return re.compile(rf"{_B}(?:{'|'.join(alternatives)}){_E}", re.I) if alternatives else None


@cache
def _rules(lang: str) -> _Rules | None:
    data = pack_data(lang, "times")
    if not data:
        return None
    # abbreviations shorter than three letters are too ambiguous to stand as months
    months = {name: n for name, n in month_names(lang).items() if len(name) >= 3}
    months.update({str(k).casefold(): int(v) for k, v in (data.get("extra_months") or {}).items()})
    full_months = set(month_names(lang, abbreviated=False))
    days = dict(weekday_names(lang))
    days.update({str(k).casefold(): int(v) for k, v in (data.get("extra_weekdays") or {}).items()})
    month = _alt(months)
    day = _alt(days)
    numbers = {str(k).casefold(): v for k, v in (data.get("numbers") or {}).items()}
    # "twenty four", "ninety-six": a word for tens and one for units
    tens = [w for w, v in numbers.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    ones = [w for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and len(w) > 2]
    compound = rf"(?:{_alt(tens)})[-\s](?:{_alt(ones)})" if tens and ones else "(?!x)x"
    num = rf"(?:\d+(?:[.,]\d+)?|{compound}|{_alt(numbers)})"
    half = _alt(data.get("half_words"))  # "2 1/2 years", "an hour and a half"
    units = {str(k).casefold(): str(v) for k, v in (data.get("units") or {}).items()}
    unit = _alt(units)
    plural_units = _alt(data.get("plural_units"))
    art = _alt(data.get("date_articles"))
    parts = _alt(data.get("parts"))
    nxt = _alt([*(data.get("next") or ()), *(data.get("last") or ()), *(data.get("this") or ())])
    relative = _phrases(data, "relative")
    year_rel = _alt(k for k, v in relative.items() if isinstance(v, list) and v[0] == "year")
    day_rel = _alt(k for k, v in relative.items() if isinstance(v, list) and v[0] == "day")
    year_preps = _alt(data.get("year_preps"))
    of = _alt(data.get("of"))
    clock = _alt(data.get("clock_preps"))
    ago = _alt(data.get("ago"))
    ampm = _alt([*(data.get("am") or ()), *(data.get("pm") or ())])
    year = r"(?:19|20)\d\d"
    d_ord = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
    wd_prefix = rf"(?:(?P<wdp>{day}),?\s+)?"
    day_parts = _alt(data.get("day_parts"))
    plural = _alt(data.get("plural_endings"))
    periods = _alt([*(data.get("period_words") or ()), *(data.get("quarter_units") or ())])
    patterns = [
        ("iso", rf"(?<!\d)(?P<y>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        ("numeric", rf"(?<![\d.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>{year})(?!\d)"),
        (
            "dmy",
            rf"{_B}{wd_prefix}(?:(?:{art})\s*)?{d_ord}\s+(?:(?:{of})\s+)?(?P<mon>{month})\.?"
            rf"(?:,?\s+(?:(?:{of})\s+)?(?P<y>{year}))?{_E}",
        ),
        (
            "mdy",
            rf"{_B}{wd_prefix}(?P<mon>{month})\.?\s+{d_ord}(?:,?\s+(?P<y>{year}))?(?![\w\d])",
        ),
        ("my", rf"{_B}(?P<mon>{month})\.?,?\s+(?:(?:{of}|{year_preps})\s+)?(?P<y>{year}){_E}"),
        ("month_rel", rf"{_B}(?P<w1>{nxt})\s+(?P<mon>{month}){_E}(?!\.?\s*\d)"),
        ("month_year_rel", rf"{_B}(?P<mon>{month})\.?,?\s+(?:(?:{of})\s+)?(?P<rel>{year_rel}){_E}"),
        ("part_year", rf"{_B}(?P<part>{parts})\s*(?P<y>{year}){_E}"),
        ("part_month", rf"{_B}(?P<part>{parts})\s*(?P<mon>{month}){_E}"),
        ("part_rel", rf"{_B}(?P<part>{parts})\s*(?P<rel>{_alt(relative)}){_E}"),
        ("relative", rf"{_B}(?P<rel>{_alt(relative)}){_E}"),
        (
            "weekday",
            rf"{_B}(?:(?P<w1>{nxt})\s+)?(?P<wd>{day})(?:\s+(?P<w2>{nxt}))?"
            rf"(?:\s+(?P<dp>{_alt(data.get('day_parts'))}))?{_E}",
        ),
        ("ago", rf"{_B}(?P<n>{num})\s+(?P<u>{unit})\s+(?P<ago>{ago}){_E}"),
        ("ago", rf"{_B}(?:{_alt(data.get('ago_before'))})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        ("next_unit", rf"{_B}(?P<w1>{nxt})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        ("past_unit", rf"{_B}(?:{_alt(data.get('duration_last'))})\s+(?P<u>{unit}){_E}"),
        (
            "vague",
            rf"{_B}(?:(?P<vw>{_alt(data.get('vague_words'))})\s+|(?P<vp>{_alt(data.get('vague_preps'))})\s+)?"
            rf"(?P<u>{plural_units}){_E}",
        ),
        ("after", rf"{_B}(?:{_alt(data.get('after'))})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        (
            "quarter",
            rf"{_B}(?:the\s+)?(?:(?P<qy>{year})\s+|(?P<qrel>{year_rel})['’]s\s+"
            rf"|(?P<qya>{_alt(data.get('year_ago'))})\s+)?"
            rf"(?P<q>{_alt(data.get('quarter_words'))})[-\s]+"
            rf"(?P<qu>{_alt(data.get('quarter_units'))})"
            rf"(?:\s+(?:{of})\s+(?:(?P<qy2>{year})|(?P<qrel2>{year_rel})))?{_E}",
        ),
        (  # "the 1988 period", "the 1988 quarter": that year's period the text speaks of
            "year_period",
            rf"{_B}(?:the\s+)?(?P<y>{year})\s+(?:{periods}){_E}",
        ),
        (
            "year_ago",
            rf"{_B}(?:the\s+)?(?:{_alt(data.get('year_ago'))})"
            rf"(?:\s+(?:{_alt(data.get('period_words'))}))?{_E}",
        ),
        (
            "duration",
            rf"{_B}(?P<n>{num})(?:\s*(?P<h1>{half}))?(?:\s*|-)(?P<u>{unit})"
            rf"(?:\s+(?P<h2>{half})|\s+(?:e|and)\s+(?P<n2>{num})\s+(?P<u2>{unit}))?{_E}",
        ),
        ("year", rf"{_B}(?P<prep>{year_preps})\s+(?P<y>{year}){_E}"),
        ("bare_year", rf"(?<![\d$€£.,])(?P<y>{year})(?![\d%])"),
        (
            "spoken_year",
            rf"{_B}(?P<sc>{_alt(data.get('spoken_centuries'))})\s+(?P<st>{_alt(tens)})"
            rf"(?:[-\s](?P<so>{_alt(ones)}))?{_E}",
        ),
        (
            "decade",
            rf"{_B}(?:(?P<c>1\d|20)(?P<dd>\d)0['’]?s|['’](?P<sd>\d)0['’]?s"
            rf"|(?P<dw>{_alt(data.get('decade_words'))})){_E}",
        ),
        (
            "century",
            rf"{_B}(?P<cn>\d{{1,2}})(?:st|nd|rd|th|°|º)?\s+(?:{_alt(data.get('century_words'))}){_E}",
        ),
        (
            "season",
            rf"{_B}(?:(?P<w1>{nxt})(?:\s+|(?<=['’])))?(?P<season>{_alt(data.get('seasons'))})"
            rf"(?:\s+(?:(?:{of})\s+)?(?P<y>{year}))?{_E}",
        ),
        ("month", rf"{_B}(?P<mon>{month})(?P<dot>\.)?{_E}"),
        ("anaphor", rf"{_B}(?P<ana>{_alt(data.get('anaphors'))}){_E}"),
        (  # "(for) the year ended Sept. 30": a duration that ends then
            "period_ending",
            rf"{_B}(?P<pe>{_alt(data.get('ending_periods'))})"
            rf"(?=\s+(?:{_alt(data.get('ending_words'))}){_E})",
        ),
        (  # "Thanksgiving Day", "last Christmas", "Easter 2019"
            "holiday",
            rf"{_B}(?:(?P<w1>{nxt})\s+)?(?P<hol>{_alt(data.get('holidays'))})"
            rf"(?:,?\s+(?P<y>{year}))?{_E}",
        ),
        ("set", rf"{_B}(?P<set>{_alt(data.get('sets'))}){_E}"),
        (  # "each Thursday", "every July", "Mondays", "Tuesday nights"
            "set_day",
            rf"{_B}(?:(?:{_alt(data.get('set_words'))})\s+(?:(?P<mon>{month})|(?P<wd>{day})"
            rf"(?:\s+(?P<dp>{day_parts}))?)|(?P<wdp>{day})(?:{plural}"
            rf"|\s+(?P<dpp>{day_parts})(?:{plural}))){_E}",
        ),
        (
            "clock",
            rf"{_B}(?:(?P<prep>{clock})\s+)?(?:(?P<h>[0-2]?\d)(?:(?P<sep>[:.])(?P<min>[0-5]\d))?"
            rf"(?:\s*(?P<ampm>{ampm})\.?)?|(?P<cw>{_alt(data.get('clock_words'))}))"
            rf"(?:\s+(?P<zone>{_alt(data.get('zones'))}))?"
            rf"(?:,?\s+(?P<wd>{day})|\s+(?P<rel>{day_rel}))?"
            r"(?![\w\d])",
        ),
    ]
    seasons = {str(k).casefold(): str(v) for k, v in (data.get("seasons") or {}).items()}
    compiled = tuple((name, re.compile(p, re.I)) for name, p in patterns)
    not_times = _words_re(data.get("not_times"))
    scanned = [p for _, p in compiled] + ([not_times] if not_times else [])
    return _Rules(
        patterns=compiled,
        months=months,
        days=days,
        numbers=numbers,
        units=units,
        relative=relative,
        parts={k: str(v) for k, v in _phrases(data, "parts").items()},
        sets={k: str(v) for k, v in _phrases(data, "sets").items()},
        next_words=word_set(data, "next"),
        last_words=word_set(data, "last"),
        ago_words=word_set(data, "ago"),
        capitalised_months=lang in ("en", "de"),
        future=_tense_re(data.get("future_markers"), data.get("future_suffixes")),
        clock_needs_marker=bool(data.get("clock_needs_marker")),
        quarter_words=_phrases(data, "quarter_words"),
        past=re.compile(
            rf"{_B}(?:{_alt(data.get('past_markers'))}"
            rf"|(?-i:[^\W\d_A-Z]\w*(?:{_alt(data.get('past_suffixes'))}))){_E}",
            re.I,
        ),
        day_parts={k: str(v) for k, v in _phrases(data, "day_parts").items()},
        clock_words={k: int(v) for k, v in _phrases(data, "clock_words").items()},
        zones={k: str(v or "") for k, v in _phrases(data, "zones").items()},
        pm_words=frozenset(str(w).casefold().rstrip(".") for w in data.get("pm") or ()),
        seasons=seasons,
        bare_season_ok=frozenset(seasons) - word_set(data, "seasons_need_modifier"),
        decade_words={k: int(v) for k, v in _phrases(data, "decade_words").items()},
        month_abbreviations=frozenset(months) - full_months,
        age_after=re.compile(rf"[-\s]+(?:{_alt(data.get('age_words'))}){_E}", re.I)
        if data.get("age_words")
        else None,
        not_times=not_times,
        clock_not_before=re.compile(
            rf"\s*(?:%|(?:{_alt(data.get('clock_not_before'))}){_E})", re.I
        ),
        digit_units=word_set(data, "units_need_digits"),
        rate_articles=word_set(data, "rate_articles"),
        spoken_centuries={k: int(v) for k, v in _phrases(data, "spoken_centuries").items()},
        rate_after=word_set(data, "rate_after"),
        future_prep=re.compile(rf"{_B}(?:{_alt(data.get('future_preps'))})\s+$", re.I)
        if data.get("future_preps")
        else None,
        ambiguous_months=word_set(data, "ambiguous_months"),
        anaphors={k: (str(v[0]), int(v[1])) for k, v in _phrases(data, "anaphors").items()},
        ending_periods={k: str(v) for k, v in _phrases(data, "ending_periods").items()},
        holidays={k: str(v) for k, v in _phrases(data, "holidays").items() if valid_rule(str(v))},
        month_preps=re.compile(rf"{_B}(?:{_alt(data.get('month_preps'))})\s*$", re.I)
        if data.get("month_preps")
        else None,
        scanner=MultiScanner(scanned),
    )


def _closest_year(month: int, day: int, ref: date) -> date | None:
    """A day and month without a year: news tells of the recent past, so the latest such day
    no more than :data:`FUTURE_SLACK_DAYS` after ``ref``."""
    limit = ref + timedelta(days=FUTURE_SLACK_DAYS)
    for year in (ref.year + 1, ref.year, ref.year - 1):
        try:
            d = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        if d <= limit:
            return d
    return None


def _month_year(month: int, ref: date) -> int:
    """The year of a bare month, chosen as for :func:`_closest_year`."""
    found = _closest_year(month, 1, ref)
    return found.year if found else ref.year


def _week(d: date) -> DateRange:
    monday = d - timedelta(days=d.weekday())
    return DateRange(monday.isoformat(), (monday + timedelta(days=6)).isoformat())


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _part(part: str, start: date, end: date) -> DateRange:
    """The first, middle or last third of ``[start, end]``."""
    length = (end - start).days + 1
    third = length // 3
    if part == "start":
        return DateRange(start.isoformat(), (start + timedelta(days=third - 1)).isoformat())
    if part == "mid":
        return DateRange(
            (start + timedelta(days=third)).isoformat(),
            (start + timedelta(days=2 * third - 1)).isoformat(),
        )
    return DateRange((end - timedelta(days=third - 1)).isoformat(), end.isoformat())


def _year_part(part: str, year: int) -> DateRange:
    """Early, mid or late ``year``: its first quarter, its middle half, its last quarter."""
    bounds = {"start": ("01-01", "03-31"), "mid": ("04-01", "09-30"), "end": ("10-01", "12-31")}
    first, last = bounds[part]
    return DateRange(f"{year}-{first}", f"{year}-{last}")


def narrowed(time: TimeValue) -> DateValue | None:
    """The days a time expression names, its ``mod`` applied: "late 2021" (2021, END) is
    October to December 2021, "early May" the first third of May."""
    value, mod = time.value, time.mod
    if not mod or not isinstance(value, str) or mod not in _PARTS:
        return value
    part = _PARTS[mod]
    if re.fullmatch(r"\d{4}", value):
        return _year_part(part, int(value))
    if re.fullmatch(r"\d{4}-\d\d", value):
        y, mo = int(value[:4]), int(value[5:])
        return _part(part, date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]))
    return value


#: TIMEX3 mods for the pack's parts of a period ("early", "mid", "the end of") and back
_MODS: dict[str, TimexMod] = {"start": "START", "mid": "MID", "end": "END"}
_PARTS = {mod: part for part, mod in _MODS.items()}


def _number(rules: _Rules, text: str) -> float | str:
    word = _fold(text)
    if word in rules.numbers:
        value = rules.numbers[word]
        return "X" if value == "X" else float(value)
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and all(isinstance(rules.numbers.get(p), int) for p in parts):
        return float(sum(int(rules.numbers[p]) for p in parts))  # "twenty-four"
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return "X"


def _unit(spec: str) -> tuple[int, str]:
    """A pack unit such as ``Y``, ``TH`` or ``10Y`` (a decade): its multiplier and letter."""
    m = re.fullmatch(r"(\d*)(T?[A-Z]+)", spec)
    return (int(m.group(1) or 1), m.group(2)) if m else (1, spec)


#: The next smaller unit, for the fraction of a duration ("2 1/2 years": P2Y6M)
_SMALLER = {"Y": (12, "M"), "Q": (3, "M"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM")}
_SMALLER["TM"] = (60, "TS")


def _duration(n: float | str, unit: str) -> str:
    times, letter = _unit(unit)
    if n == "X":
        return f"PTX{letter[1:]}" if letter.startswith("T") else f"PX{letter}"
    amount = float(n) * times
    whole, fraction = int(amount), amount - int(amount)
    if not fraction:
        parts = [(whole, letter)]
    elif letter in _SMALLER and (fraction * _SMALLER[letter][0]).is_integer():
        k, smaller = _SMALLER[letter]
        parts = (
            [(whole, letter), (int(fraction * k), smaller)]
            if whole
            else [(int(fraction * k), smaller)]
        )
    else:
        return f"PT{amount:g}{letter[1:]}" if letter.startswith("T") else f"P{amount:g}{letter}"
    day = "".join(f"{a}{u}" for a, u in parts if not u.startswith("T"))
    clock = "".join(f"{a}{u[1:]}" for a, u in parts if u.startswith("T"))
    return f"P{day}" + (f"T{clock}" if clock else "")


def _next_date(month: int, day: int, ref: date, horizon: int = FUTURE_HORIZON_DAYS) -> date | None:
    """The first such day on or after ``ref`` (a future-tense context), if it comes within
    ``horizon`` days (else the text more likely looks back)."""
    for year in (ref.year, ref.year + 1):
        try:
            d = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        if d >= ref:
            return d if (d - ref).days <= horizon else None
    return None


def _shift_quarter(value: str, quarters: int) -> str:
    y, q = int(value[:4]), int(value[-1]) - 1 + quarters
    return f"{y + q // 4}-Q{q % 4 + 1}"


#: TIMEX3 season codes and the month each begins in
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_QUARTER = re.compile(r"\d{4}-Q[1-4]")


class _Resolver:
    def __init__(self, rules: _Rules, ref: date | None) -> None:
        self.rules = rules
        self.ref = ref
        self.future = False  # is the expression being resolved in a future-tense context?
        self.focus_quarter: str | None = None  # the last quarter the text spoke of
        self.focus: Focus | None = None  # the last date the text spoke of

    def value(self, name: str, m: re.Match[str]) -> tuple[str, DateValue | None] | None:
        found = self._value(name, m)
        if found and found[0] in ("DATE", "TIME"):
            self.focus = focus_of(found[1]) or self.focus
        if (
            name == "quarter"
            and found
            and isinstance(found[1], str)
            and _QUARTER.fullmatch(found[1])
            and not m.group("qya")
            and self.rules.quarter_words.get(_fold(m.group("q"))) != "year_ago"
        ):
            self.focus_quarter = found[1]  # the period the next "a year earlier" compares with
        elif found and (found[0] == "DURATION" or re.fullmatch(r"\d{4}", str(found[1]))):
            self.focus_quarter = None  # "the first nine months", "1988": another period
        return found

    def _month(self, text: str) -> int:
        return self.rules.months[text.casefold().rstrip(".")]

    def _day_month(self, month: int, day: int) -> DateValue:
        ref = self.ref
        if ref is None:
            return f"XXXX-{month:02d}-{day:02d}"
        found = _next_date(month, day, ref) if self.future else None
        found = found or _closest_year(month, day, ref)
        return found.isoformat() if found else f"XXXX-{month:02d}-{day:02d}"

    def _value(self, name: str, m: re.Match[str]) -> tuple[str, DateValue | None] | None:
        r, ref = self.rules, self.ref
        g = m.groupdict()
        if name in ("iso", "numeric", "dmy", "mdy"):
            if name == "numeric":
                day, month, year = int(g["a"]), int(g["b"]), int(g["y"])
            else:
                day = int(g["d"])
                month = int(g["m"]) if name == "iso" else self._month(g["mon"])
                year = int(g["y"]) if g.get("y") else 0
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                return None
            if year:
                try:
                    return "DATE", date(year, month, day).isoformat()
                except ValueError:
                    return None
            return "DATE", self._day_month(month, day)
        if name == "my":
            return "DATE", f"{int(g['y'])}-{self._month(g['mon']):02d}"
        if name == "month":
            month = self._month(g["mon"])
            if ref is None:
                return "DATE", f"XXXX-{month:02d}"
            first = date(ref.year, ref.month, 1)
            ahead = _next_date(month, 1, first, FUTURE_MONTH_HORIZON_DAYS) if self.future else None
            year = ahead.year if ahead else _month_year(month, ref)
            return "DATE", f"{year}-{month:02d}"
        if name == "month_rel":
            return self._month_rel(g)
        if name == "month_year_rel":
            base = self._relative(g["rel"])
            if base is None or not isinstance(base[1], str):
                return None
            return "DATE", f"{base[1]}-{self._month(g['mon']):02d}"
        if name in ("year", "bare_year"):
            if name == "bare_year" and ref is not None and int(g["y"]) > ref.year + 5:
                return None  # a number, not a year
            return "DATE", g["y"]
        if name == "decade":
            return self._decade(g)
        if name == "spoken_year":  # "nineteen ninety-six"
            n = 100 * r.spoken_centuries[g["sc"].casefold()] + int(r.numbers[g["st"].casefold()])
            return "DATE", str(n + (int(r.numbers[g["so"].casefold()]) if g.get("so") else 0))
        if name == "century":
            n = int(g["cn"])
            return ("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None
        if name == "season":
            return self._season(g)
        if name == "quarter":
            return self._quarter(g)
        if name == "holiday":
            return self._holiday(g)
        if name == "period_ending":
            return "DURATION", r.ending_periods[_fold(g["pe"])]
        if name == "anaphor":  # "that year", "the next day": from the last date spoken of
            unit, offset = r.anaphors[_fold(g["ana"])]
            focus = self.focus or (focus_of(ref.isoformat()) if ref else None)
            return shifted(focus, unit, offset) if focus else None
        if name == "year_period":
            quarter = self.focus_quarter
            return "DATE", f"{g['y']}-{quarter[5:]}" if quarter else g["y"]
        if name == "year_ago":
            if self.focus_quarter:
                return "DATE", _shift_quarter(self.focus_quarter, -4)
            return ("DATE", str(ref.year - 1)) if ref else None
        if name.startswith("part_"):  # "late November": November, its END (mod)
            if name == "part_year":
                return "DATE", g["y"]
            if name == "part_month":
                month = self._month(g["mon"])
                return "DATE", f"{_month_year(month, ref) if ref else 'XXXX'}-{month:02d}"
            return self._relative(g["rel"])
        if name == "relative":
            return self._relative(g["rel"])
        if name == "weekday":
            return self._weekday(g)
        if name in ("ago", "next_unit", "after"):
            return self._offset(name, g)
        if name == "vague":
            return "DURATION", _duration("X", r.units[g["u"].casefold()])
        if name == "past_unit":  # "over the past decade"
            return "DURATION", _duration(1, r.units[g["u"].casefold()])
        if name == "duration":
            unit = r.units[g["u"].casefold()]
            amount = _number(r, g["n"])
            if amount != "X" and (g.get("h1") or g.get("h2")):
                amount = float(amount) + 0.5
            value = _duration(amount, unit)
            if g.get("u2"):
                value += _duration(_number(r, g["n2"]), r.units[g["u2"].casefold()])[1:].replace(
                    "T", "" if "T" in value else "T", 1
                )
            return "DURATION", value
        if name == "set":
            return "SET", r.sets[_fold(g["set"])]
        if name == "set_day":
            if g.get("mon"):
                return "SET", f"XXXX-{self._month(g['mon']):02d}"
            weekday = r.days[(g.get("wd") or g["wdp"]).casefold()] + 1
            part = g.get("dp") or g.get("dpp")
            return "SET", f"XXXX-WXX-{weekday}" + (f"T{r.day_parts[_fold(part)]}" if part else "")
        if name == "clock":
            return self._clock(g)
        return None

    def _clock(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        r = self.rules
        if g.get("cw"):
            hour, minute = r.clock_words[g["cw"].casefold()], 0
        else:
            if not (g.get("min") or g.get("ampm") or g.get("prep")):
                return None  # a bare number
            if r.clock_needs_marker and not (g.get("min") or g.get("ampm")):
                return None  # "at 1" is a number, "at 1 p.m." / "at 1:30" a time
            if g.get("sep") == "." and not (g.get("ampm") or g.get("prep")):
                return None  # "3.41" is a number
            hour, minute = int(g["h"]), int(g.get("min") or 0)
            ampm = (g.get("ampm") or "").casefold().rstrip(".")
            if ampm in r.pm_words and hour < 12:
                hour += 12
            elif ampm and ampm not in r.pm_words and hour == 12:
                hour = 0
        if hour > 24:
            return None
        day: DateValue | None = self.ref.isoformat() if self.ref else None
        if g.get("wd"):
            day = self._weekday({"wd": g["wd"]})[1]
        elif g.get("rel"):
            found = self._relative(g["rel"])
            day = found[1] if found else None
        if not isinstance(day, str):
            return None
        zone = r.zones.get((g.get("zone") or "").casefold(), "")
        return "TIME", f"{day}T{hour:02d}:{minute:02d}{zone}"

    def _holiday(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        rule, ref = self.rules.holidays[_fold(g["hol"])], self.ref
        if g.get("y"):
            day = holiday(rule, int(g["y"]))
        elif ref is None:
            return None
        else:
            mod = (g.get("w1") or "").casefold()
            step = -1 if mod in self.rules.last_words else int(mod in self.rules.next_words)
            day = nearest(rule, ref, step=step or int(self.future), slack=FUTURE_SLACK_DAYS)
        return ("DATE", day.isoformat()) if day else None

    def _month_rel(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        """ "last May" (the latest May before this month), "next April", "this September"."""
        month, ref = self._month(g["mon"]), self.ref
        if ref is None:
            return "DATE", f"XXXX-{month:02d}"
        mod = g["w1"].casefold()
        if mod in self.rules.last_words:
            year = ref.year if month < ref.month else ref.year - 1
        elif mod in self.rules.next_words:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return "DATE", f"{year}-{month:02d}"

    def _decade(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        if g.get("c"):
            return "DATE", f"{g['c']}{g['dd']}"
        digit = int(g["sd"]) if g.get("sd") else self.rules.decade_words[_fold(g["dw"])]
        century = 19
        if self.ref is not None and 2000 + 10 * digit <= self.ref.year:
            century = 20
        return "DATE", f"{century}{digit}"

    def _season(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        code = self.rules.seasons[g["season"].casefold()]
        ref = self.ref
        if g.get("y"):
            return "DATE", f"{g['y']}-{code}"
        mod = (g.get("w1") or "").casefold()
        if ref is None:
            return "DATE", f"XXXX-{code}"
        start = _SEASON_START[code]
        ended = ref.month >= start + 3  # this year's has ended
        if mod in self.rules.last_words:
            year = ref.year if ended else ref.year - 1
        elif mod in self.rules.next_words or (not mod and self.future):
            year = ref.year if ref.month < start else ref.year + 1
        else:
            year = ref.year
        return "DATE", f"{year}-{code}"

    def _quarter(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        """ "the third quarter" (this year's, or last year's if it has not come yet), "the
        latest quarter" (the last one that ended), "the 1988 second quarter", "the year-ago
        quarter" (the latest a year before)."""
        spec = self.rules.quarter_words.get(_fold(g["q"]))
        ref = self.ref
        if spec is None or ref is None:
            return None
        year: int | None = None
        if g.get("qy") or g.get("qy2"):
            year = int(g.get("qy") or g["qy2"])
        elif g.get("qrel") or g.get("qrel2"):
            base = self._relative(g.get("qrel") or g["qrel2"])
            if base and isinstance(base[1], str) and base[1].isdigit():
                year = int(base[1])
        current = (ref.month - 1) // 3 + 1
        if isinstance(spec, int):
            if year is None:
                year = ref.year if spec <= current or self.future else ref.year - 1
                year -= bool(g.get("qya"))  # "the year-ago third quarter"
            return "DATE", f"{year}-Q{spec}"
        if spec == "current":
            return "DATE", f"{ref.year}-Q{current}"
        latest = _shift_quarter(f"{ref.year}-Q{current}", -1)
        shift = {"last": -1, "year_ago": -4}.get(str(spec), 0)
        return "DATE", _shift_quarter(latest, shift)

    def _relative(self, text: str) -> tuple[str, DateValue | None] | None:
        spec = self.rules.relative.get(_fold(text))
        if isinstance(spec, str):
            return "DATE", spec
        ref = self.ref
        if not spec or ref is None:
            return None
        anchor = str(spec[0])
        if anchor == "weekend":  # "over the weekend": the last one, or the coming one
            if spec[1] == "near":
                offset = 0 if ref.weekday() >= 5 or self.future else -1
            elif spec[1] == "coming":  # "il prossimo fine settimana": the first one ahead
                offset = 1 if ref.weekday() >= 5 else 0
            else:
                offset = int(spec[1])
            y, w, _ = (ref + timedelta(weeks=offset)).isocalendar()
            return "DATE", f"{y}-W{w:02d}-WE"
        offset = int(spec[1])
        if anchor == "day":
            return "DATE", (ref + timedelta(days=offset)).isoformat()
        if anchor in _DAY_PARTS:
            return "TIME", f"{(ref + timedelta(days=offset)).isoformat()}T{_DAY_PARTS[anchor]}"
        if anchor == "week":
            return "DATE", _week(ref + timedelta(weeks=offset))
        if anchor == "month":
            y, mo = _shift_month(ref, offset)
            return "DATE", f"{y}-{mo:02d}"
        if anchor == "quarter":
            q = (ref.month - 1) // 3 + offset
            y = ref.year + q // 4
            return "DATE", f"{y}-Q{q % 4 + 1}"
        if anchor == "year":
            return "DATE", str(ref.year + offset)
        return None

    def _weekday(self, g: dict[str, Any]) -> tuple[str, DateValue | None]:
        ref = self.ref
        target = self.rules.days[g["wd"].casefold()]
        mod = (g.get("w1") or g.get("w2") or "").casefold()
        if ref is None:
            return "DATE", None
        delta = (target - ref.weekday()) % 7
        if mod in self.rules.next_words:
            day = ref + timedelta(days=delta or 7)
        elif mod in self.rules.last_words:
            day = ref - timedelta(days=(ref.weekday() - target) % 7 or 7)
        elif self.future:  # "will meet on Tuesday": the coming one
            day = ref + timedelta(days=delta)
        else:  # news tells of the recent past: the last such day, today included
            day = ref - timedelta(days=(ref.weekday() - target) % 7)
        if g.get("dp"):  # "Friday night"
            return "TIME", f"{day.isoformat()}T{self.rules.day_parts[g['dp'].casefold()]}"
        return "DATE", day.isoformat()

    def _offset(self, name: str, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        ref = self.ref
        n = _number(self.rules, g["n"])
        unit = self.rules.units[g["u"].casefold()]
        back = name == "ago" or (g.get("w1") or "").casefold() in self.rules.last_words
        if name == "next_unit":  # "the next three years", "the past few weeks": a duration
            return "DURATION", _duration(n, unit)
        if n == "X" or ref is None:
            return "DATE", "PAST_REF" if back else "FUTURE_REF"
        times, letter = _unit(unit)
        sign = -1 if back else 1
        k = int(float(n)) * times
        if letter == "D":
            return "DATE", (ref + timedelta(days=sign * k)).isoformat()
        if letter == "W":
            return "DATE", (ref + timedelta(weeks=sign * k)).isoformat()
        if letter == "M":
            y, mo = _shift_month(ref, sign * k)
            return "DATE", f"{y}-{mo:02d}"
        if letter == "Y":
            if self.focus_quarter:  # "up from $3 million a year earlier": that quarter then
                return "DATE", _shift_quarter(self.focus_quarter, sign * 4 * k)
            return "DATE", str(ref.year + sign * k)
        return "DATE", "PAST_REF" if back else "FUTURE_REF"


_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

#: What may stand between a future marker and its verb ("will succeed", "will be needed")
_AUXILIARY_GAP = re.compile(r"\s+(?:\w+\s+)?")

#: How far back a tense marker ("will", "said") is looked for, within the sentence.
FUTURE_CONTEXT_CHARS = 80

_PRIORITY = {
    "iso": 0,
    "numeric": 0,
    "quarter": 1,
    "dmy": 1,
    "mdy": 1,
    "part_year": 1,
    "part_month": 1,
    "part_rel": 1,
    "decade": 1,
    "century": 1,
    "month_year_rel": 1,
    "my": 2,
    "ago": 2,
    "month_rel": 2,
    "year_ago": 2,
    "after": 2,
    "next_unit": 3,
    "past_unit": 3,
    "relative": 3,
    "weekday": 3,
    "season": 3,
    "vague": 4,
    "duration": 4,
    "year": 5,
    "clock": 5,
    "set": 5,
    "set_day": 1,
    "holiday": 2,
    "anaphor": 2,
    "period_ending": 0,
    "year_period": 1,
    "month": 6,
    "bare_year": 7,
    "spoken_year": 1,
}


def _is_future(rules: _Rules, text: str, start: int, sentence_start: int) -> bool:
    """Is the expression at ``start`` in a future-tense clause: a future marker ("will",
    "until") after the last past one ("said") in its sentence before it."""
    window = text[max(sentence_start, start - FUTURE_CONTEXT_CHARS) : start]
    window = re.split(r";\s|\n", window)[-1]
    if rules.future_prep and rules.future_prep.search(window):
        return True
    if rules.future is None:
        return False
    futures = [m.span() for m in rules.future.finditer(window)]
    if not futures:
        return False
    # "expected to" is a future marker, not a past "-ed" form; nor is the verb right after a
    # future marker ("will succeed", "will be needed")
    pasts = [
        m.start()
        for m in rules.past.finditer(window)
        if not any(
            (s < m.end() and m.start() < e) or _AUXILIARY_GAP.fullmatch(window, e, m.start())
            for s, e in futures
        )
    ]
    return not pasts or futures[-1][0] > pasts[-1]


def _keep(rules: _Rules, text: str, name: str, m: re.Match[str]) -> bool:
    """Language-pack filters on a candidate: ages, fractions, names, numbers."""
    start, end = m.span()
    groups = m.groupdict()
    mon = groups.get("mon")
    if mon and rules.capitalised_months and not mon[:1].isupper():
        return False  # "this march"
    if name == "month" and mon:
        if mon.casefold() in rules.month_abbreviations and not m.group("dot"):
            return False  # "Jan Kavan"
        if mon.casefold() in rules.ambiguous_months and not (
            rules.month_preps and rules.month_preps.search(text[max(0, start - 12) : start])
        ):
            return False  # "may", "march"
    if name in ("duration", "next_unit") and rules.age_after and rules.age_after.match(text, end):
        return False  # "a 52-year-old"
    if name in ("duration", "ago"):
        n = m.group("n").casefold()
        if m.group("u").casefold() in rules.digit_units and (
            rules.numbers.get(n, "X") != "X" or re.match(r"\s+of\b", text[end : end + 4])
        ):
            return False  # "a second group", "three-quarters of"
        if name == "duration" and n in rules.rate_articles:
            before = text[max(0, start - 20) : start].split()
            if before and (
                any(c.isdigit() for c in before[-1])
                or before[-1].casefold() in rules.units
                or before[-1].casefold() in rules.rate_after
            ):
                return False  # "$2 million a year", "24 hours a day": a rate
    if name == "clock" and not m.group("cw") and rules.clock_not_before.match(text, end):
        return False  # "by 2.36%", "at 2.46 billion"
    if name == "season" and not (m.group("w1") or m.group("y")):
        return m.group("season").casefold() in rules.bare_season_ok
    return not (name == "vague" and not (m.group("vw") or m.group("vp")))


def find_times(
    text: str,
    *,
    lang: str,
    published: str | None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[TimeValue]:
    """Every time expression of ``text`` with its TIMEX3 type and value; ``sentences``
    (their spans) are found when not given."""
    rules = _rules(lang)
    if rules is None:
        return []
    if sentences is None:
        sentences = split_sentences(text, lang=lang)
    sentence_starts = [s for s, _ in sentences]
    ref: date | None = None
    if published and re.fullmatch(r"\d{4}-\d\d-\d\d", published):
        ref = date.fromisoformat(published)
    elif published and re.fullmatch(r"\d{4}-\d\d", published):
        ref = date(int(published[:4]), int(published[5:7]), 15)
    resolver = _Resolver(rules, ref)
    found = rules.scanner.finditer_all(text)
    blocked = [m.span() for m in found[-1]] if rules.not_times else []
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for (name, _), matches in zip(rules.patterns, found, strict=False):
        for m in matches:
            start, end = m.span()
            if not _keep(rules, text, name, m):
                continue
            if any(s < end and start < e for s, e in blocked):
                continue
            candidates.append((start, end, _PRIORITY[name], name, m))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for start, end, _, name, m in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if any(not (end <= s or start >= e) for s, e, _, _ in chosen):
            continue
        chosen.append((start, end, name, m))
    times: list[TimeValue] = []
    bare_clock = False  # the last time is a clock time without its day
    for start, end, name, m in sorted(chosen, key=lambda c: c[0]):
        if name == "year":  # the year alone, not its preposition
            start = m.start("y")
        elif name == "clock" and m.group("prep"):
            start = m.start("h") if m.group("h") else m.start("cw")
        elif name == "vague" and m.group("vp"):
            start = m.start("u")
        k = bisect_right(sentence_starts, start) - 1
        resolver.future = _is_future(rules, text, start, sentence_starts[k] if k >= 0 else 0)
        resolved = resolver.value(name, m)
        if resolved is None:
            continue
        typ, value = resolved
        mod = _MODS[rules.parts[_fold(m.group("part"))]] if name.startswith("part_") else None
        surface = text[start:end]
        stripped = surface.rstrip(" ,.")
        time = TimeValue(start, start + len(stripped), stripped, typ, value, mod)  # type: ignore[arg-type]
        if times and bare_clock and _DAY.fullmatch(str(value)):
            gap = _CLOCK_DAY_GAP.fullmatch(text, times[-1].end, time.start)
            if gap is not None:  # "5 p.m. EST Nov. 9": the time on that day
                times[-1] = _clock_on_day(text, times[-1], time, join=not gap.group(1))
                bare_clock = False
                if not gap.group(1):
                    continue
        bare_clock = name == "clock" and not (m.group("wd") or m.group("rel"))
        times.append(time)
    return times


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: Between a clock time and the day it falls on ("5 p.m. Nov. 6", "16:15 UTC, June 1")
_CLOCK_DAY_GAP = re.compile(r"(,)?\s+")


def _clock_on_day(text: str, clock: TimeValue, day: TimeValue, *, join: bool) -> TimeValue:
    """A clock time on the day written right after it: one TIME over both, or (``join``
    false: after a comma) the clock time alone."""
    if not isinstance(clock.value, str) or "T" not in clock.value:
        return clock
    value = f"{day.value}T{clock.value.split('T', 1)[1]}"
    end = day.end if join else clock.end
    return TimeValue(clock.start, end, text[clock.start : end], "TIME", value)
