"""The time-expression rules of a language pack, compiled.

``times.yaml`` of the pack (phrases, numbers, units, tense markers) and CLDR's month and
weekday names (via babel) become the regular expressions and lookup tables the tagger in
:mod:`newsgraph.extract.times` runs; built once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.extract.holidays import valid_rule
from newsgraph.extract.scan import MultiScanner
from newsgraph.lang import pack_data, word_set
from newsgraph.lang.calendar import month_names, weekday_names

_B = r"(?<![\w'’])"  # start of a word
_E = r"(?!\w)"  # end of a word ("last year's" included)


def _alt(words: Any) -> str:
    items = sorted({str(w).casefold() for w in words or ()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in items) or "(?!x)x"


@dataclass(frozen=True, slots=True)
class TimeRules:
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
    #: last words that count from the day the text spoke of ("the previous Friday")
    anaphoric_last: frozenset[str]
    #: past auxiliaries that belong to the future marker after them ("were planning to")
    future_auxiliaries: frozenset[str]
    #: auxiliaries that make the future marker after them a past plan ("had been due to")
    past_plan: re.Pattern[str] | None
    #: the same auxiliaries anywhere: before "by Wednesday" they make it a past deadline
    past_perfect: re.Pattern[str] | None
    #: "April 24 and 25" / "24 e 25 aprile": the bare day after (before) a date that lists it
    listed_day_after: re.Pattern[str] | None
    listed_day_before: re.Pattern[str] | None
    #: ago words that are prepositions: before a noun phrase they count from that event
    ago_prepositions: frozenset[str]
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
    #: phrases before a day that name a period around it ("the week of March 6": ``week``,
    #: "the day before": ``-1``) and the pattern that finds one right before a day
    around_day: dict[str, str]
    around_day_before: re.Pattern[str] | None
    #: a word after a holiday that makes it the ISO week around it ("Easter week")
    holiday_week: re.Pattern[str] | None
    #: adverbs told from the story's time in a past clause ("he was soon released"): after a
    #: past auxiliary, or before a verb in the past (an "-ed" form or an irregular one)
    narrative_words: frozenset[str]
    past_auxiliaries: frozenset[str]
    irregular_pasts: frozenset[str]
    #: plural unit words ("years"): "decades-long" is a vague number of decades
    plural_units: frozenset[str]
    #: the patterns, then not_times if any, tried only where each can begin
    scanner: MultiScanner


def fold(text: str) -> str:
    """A phrase as the pack's keys are written: case-folded, single spaces."""
    return re.sub(r"\s+", " ", text.casefold())


def _phrases(data: dict[str, Any], key: str) -> dict[str, Any]:
    """A phrase -> value mapping of the pack, keys case-folded with single spaces."""
    return {fold(str(k)): v for k, v in (data.get(key) or {}).items()}


def _listed(data: dict[str, Any], key: str, before: str, after: str) -> re.Pattern[str] | None:
    """The pack's ``key`` words as one alternative between the patterns ``before`` and
    ``after`` (case-insensitive); None when the pack lists none."""
    words = data.get(key)
    return re.compile(rf"{before}(?:{_alt(words)}){after}", re.I) if words else None


def _tense_re(markers: Any, suffixes: Any) -> re.Pattern[str] | None:
    """Tense marker words, or lower-case words with one of these endings ("arriverà")."""
    alternatives = [_alt(markers)] if markers else []
    if suffixes:
        alternatives.append(rf"(?-i:[^\W\d_A-Z]\w*(?:{_alt(suffixes)}))")
    return re.compile(rf"{_B}(?:{'|'.join(alternatives)}){_E}", re.I) if alternatives else None


@cache
def time_rules(lang: str) -> TimeRules | None:
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
    # "five trading days", "two business days": a word between the number and its unit
    umod = rf"(?:(?:{_alt(data.get('unit_modifiers'))})\s+)?"
    plural_units = _alt(data.get("plural_units"))
    art = _alt(data.get("date_articles"))
    parts = _alt(data.get("parts"))
    nxt = _alt([*(data.get("next") or ()), *(data.get("last") or ()), *(data.get("this") or ())])
    relative = _phrases(data, "relative")
    # "the year", "l'anno": the period now, only after a part ("the end of the year")
    part_periods = _phrases(data, "part_periods")
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
    # an article run into the word ("l'estate", "dell'estate"), where the language writes one
    elided = _alt(data.get("elided_articles"))
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
        (
            "part_rel",
            rf"{_B}(?P<part>{parts})\s*(?P<rel>{_alt([*relative, *part_periods])}){_E}",
        ),
        ("relative", rf"{_B}(?P<rel>{_alt(relative)}){_E}"),
        (
            "weekday",
            rf"{_B}(?:(?P<w1>{nxt})\s+)?(?P<wd>{day})(?:\s+(?P<w2>{nxt}))?"
            rf"(?:\s+(?P<dp>{_alt(data.get('day_parts'))}))?{_E}",
        ),
        ("ago", rf"{_B}(?P<n>{num})\s+{umod}(?P<u>{unit})\s+(?P<ago>{ago}){_E}"),
        ("ago", rf"{_B}(?:{_alt(data.get('ago_before'))})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        ("next_unit", rf"{_B}(?P<w1>{nxt})\s+(?P<n>{num})\s+{umod}(?P<u>{unit}){_E}"),
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
        (  # a number word and its unit apart ("some day", not "someday"); digits may touch it
            "duration",
            rf"{_B}(?P<n>{num})(?:\s*(?P<h1>{half}))?(?:\s+|-|(?<=\d)){umod}(?P<u>{unit})"
            rf"(?:\s+(?P<h2>{half})|\s+(?:e|and)\s+(?P<n2>{num})\s+(?P<u2>{unit}))?{_E}",
        ),
        ("year", rf"{_B}(?P<prep>{year_preps})\s+(?P<y>{year}){_E}"),
        (  # "in 1898": a year before 1900 only where the phrase ends ("in 1500 cases" is none)
            "year",
            rf"{_B}(?P<prep>{_alt(data.get('early_year_preps'))})\s+(?P<y>1[0-8]\d\d)"
            r"(?=\s*(?:[,;:)]|\.(?!\d)|$))",
        ),
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
            rf"{_B}(?:{elided})?(?:(?P<w1>{nxt})(?:\s+|(?<=['’])))?"
            rf"(?P<season>{_alt(data.get('seasons'))})"
            rf"(?:\s+(?:(?:{of})\s+)?(?P<y>{year}))?{_E}",
        ),
        ("month", rf"{_B}(?P<mon>{month})(?P<dot>\.)?{_E}"),
        ("anaphor", rf"{_B}(?P<ana>{_alt(data.get('anaphors'))}){_E}"),
        (  # "(the Dow) ended the day at 9,505": the day the text speaks of, after such a verb
            "anaphor",
            rf"{_B}(?:{_alt(data.get('closing_verbs'))})\s+"
            rf"(?P<ana>{_alt(data.get('closing_anaphors'))}){_E}",
        ),
        (  # "a day-long meeting", "a decades-long dispute": a duration
            "lasting",
            rf"{_B}(?P<u>{unit})(?:{_alt(data.get('lasting_suffixes'))}){_E}",
        ),
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
    not_times = _listed(data, "not_times", _B, _E)
    scanned = [p for _, p in compiled] + ([not_times] if not_times else [])
    return TimeRules(
        patterns=compiled,
        months=months,
        days=days,
        numbers=numbers,
        units=units,
        relative={**part_periods, **relative},
        parts={k: str(v) for k, v in _phrases(data, "parts").items()},
        sets={k: str(v) for k, v in _phrases(data, "sets").items()},
        next_words=word_set(data, "next"),
        last_words=word_set(data, "last"),
        ago_words=word_set(data, "ago"),
        anaphoric_last=word_set(data, "anaphoric_last"),
        ago_prepositions=word_set(data, "ago_prepositions"),
        future_auxiliaries=word_set(data, "future_auxiliaries"),
        past_perfect=_listed(data, "past_plan", _B, _E),
        past_plan=_listed(data, "past_plan", _B, r"\s+$"),
        listed_day_after=_listed(
            data, "day_list_words", r"\s+", r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?=[.,;:)]|\s*$)"
        ),
        listed_day_before=_listed(
            data, "day_list_words", r"(?<![\w.,])(?P<d>[0-3]?\d)\s+", r"\s+$"
        ),
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
        plural_units=word_set(data, "plural_units"),
        narrative_words=word_set(data, "narrative_words"),
        past_auxiliaries=word_set(data, "past_auxiliaries"),
        irregular_pasts=word_set(data, "irregular_pasts"),
        month_abbreviations=frozenset(months) - full_months,
        age_after=_listed(data, "age_words", r"[-\s]+", _E),
        not_times=not_times,
        clock_not_before=re.compile(
            rf"\s*(?:%|(?:{_alt(data.get('clock_not_before'))}){_E})", re.I
        ),
        digit_units=word_set(data, "units_need_digits"),
        rate_articles=word_set(data, "rate_articles"),
        spoken_centuries={k: int(v) for k, v in _phrases(data, "spoken_centuries").items()},
        rate_after=word_set(data, "rate_after"),
        future_prep=_listed(data, "future_preps", _B, r"\s+$"),
        ambiguous_months=word_set(data, "ambiguous_months"),
        anaphors={
            k: (str(v[0]), int(v[1]))
            for key in ("anaphors", "closing_anaphors")
            for k, v in _phrases(data, key).items()
        },
        ending_periods={k: str(v) for k, v in _phrases(data, "ending_periods").items()},
        holidays={k: str(v) for k, v in _phrases(data, "holidays").items() if valid_rule(str(v))},
        month_preps=_listed(data, "month_preps", _B, r"\s*$"),
        holiday_week=_listed(data, "holiday_week", r"\s+", _E),
        around_day={k: str(v) for k, v in _phrases(data, "around_day").items()},
        around_day_before=_listed(data, "around_day", _B, r"\s+$"),
        scanner=MultiScanner(scanned),
    )
