"""Time expressions with TIMEX3 types and values, resolved against the publication date.

A rule-based tagger whose words come from the language pack (``times.yaml``)
and from CLDR (month and weekday names, via babel).  Relative expressions
("ieri", "next week", "two weeks ago") are resolved against the document
date; a day and month without a year take the year that puts them closest
to it.  A week becomes a ``{start, end}`` range (Monday to Sunday).

The pack's rules are compiled in :mod:`newsgraph.extract.time_rules`; each match is
resolved to its TIMEX3 value in :mod:`newsgraph.extract.time_values`.  Here: which matches
are kept (filters, overlaps, priorities) and whether a clause speaks of the future.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from newsgraph.clean.sentences import split_sentences
from newsgraph.extract.time_rules import TimeRules, fold, time_rules
from newsgraph.extract.time_values import Resolver, week_of
from newsgraph.model import DateRange, DateValue, TimeValue, TimexMod


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
    "lasting": 4,
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


def _is_future(
    rules: TimeRules, text: str, span: tuple[int, int], sentence: tuple[int, int]
) -> bool:
    """Is the expression at ``span`` in a future-tense clause: a future marker ("will",
    "until") after the last past one ("said") in its sentence before it; with no marker
    before it ("On Tuesday, the league plans to..."), the first one after it decides."""
    start, end = span
    window = text[max(sentence[0], start - FUTURE_CONTEXT_CHARS) : start]
    window = re.split(r";\s|\n", window)[-1]
    after = text[end : min(sentence[1], end + FUTURE_CONTEXT_CHARS)]
    after = re.split(r";\s|\n", after)[0]
    prep = rules.future_prep.search(window) if rules.future_prep else None
    if prep:  # "until Monday", but "Until Thursday, they had not called him" looks back
        before = window[: prep.start()]
        if rules.past_perfect and rules.past_perfect.search(before):
            return False  # "they had filed reports by Wednesday"
        opening = not before.strip(" \"'“‘`(")
        return not opening or _tense(rules, after, first=True) is not False
    tense = _tense(rules, window)
    if tense is None:
        tense = _tense(rules, after, first=True)
    elif tense and _participle_last(rules, window):  # "a rally planned for Saturday was
        tense = _tense(rules, after, first=True) is not False  # canceled": a past plan
    return bool(tense)


def _narrated(rules: TimeRules, text: str, m: re.Match[str]) -> bool:
    """Is a narrative adverb ("soon") told of the past: right after a past auxiliary ("was
    soon released") or right before a verb in the past ("soon became", "soon ended")?"""
    if fold(m.group(0)) not in rules.narrative_words:
        return False
    before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 20) : m.start()])
    if before and fold(before.group(1)) in rules.past_auxiliaries:
        return True
    after = re.match(r"\s+(\w+)", text[m.end() : m.end() + 30])
    if after is None:
        return False
    verb = after.group(1)
    return fold(verb) in rules.irregular_pasts or rules.past.fullmatch(verb) is not None


def _participle_last(rules: TimeRules, clause: str) -> bool:
    """Is the last future marker of ``clause`` a past form too ("planned", "scheduled")?"""
    futures = list(rules.future.finditer(clause)) if rules.future else []
    if not futures:
        return False
    s, e = futures[-1].span()
    return any(m.start() < e and s < m.end() for m in rules.past.finditer(clause))


def _tense(rules: TimeRules, clause: str, *, first: bool = False) -> bool | None:
    """Future (True) or past (False) by the last tense marker of ``clause`` (the first one
    with ``first``); None without one."""
    if rules.future is None:
        return None
    futures = [m.span() for m in rules.future.finditer(clause)]
    if rules.past_plan:  # "it had been due to expire Friday": a plan of the past
        plan = rules.past_plan
        futures = [(s, e) for s, e in futures if not plan.search(clause, max(0, s - 12), s)]
    if first:  # after the expression, "planned", "expected to" are more often past forms
        forms = [m.span() for m in rules.past.finditer(clause)]
        futures = [(s, e) for s, e in futures if not any(a < e and s < b for a, b in forms)]
    # "expected to" is a future marker, not a past "-ed" form; nor is the verb right after a
    # future marker ("will succeed", "will be needed"), nor its auxiliary ("were planning")
    pasts = [
        m.start()
        for m in rules.past.finditer(clause)
        if not any(
            (s < m.end() and m.start() < e)
            or _AUXILIARY_GAP.fullmatch(clause, e, m.start())
            or (
                fold(m.group(0)) in rules.future_auxiliaries
                and _AUXILIARY_GAP.fullmatch(clause, m.end(), s)
            )
            for s, e in futures
        )
    ]
    if not futures:
        return False if pasts else None
    if not pasts:
        return True
    return futures[0][0] < pasts[0] if first else futures[-1][0] > pasts[-1]


def _keep(rules: TimeRules, text: str, name: str, m: re.Match[str]) -> bool:
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
    if name == "relative" and fold(m.group("rel")).split()[-1] in rules.last_words:
        following = re.match(r"\s+(\w+)", text[end : end + 30])
        word = following.group(1).casefold() if following else ""
        if word in rules.units or word.isdigit() or isinstance(rules.numbers.get(word), int):
            return False  # "in the past decade", "over the past five days": not "the past"
    if (
        name == "ago"
        and fold(groups.get("ago") or "") in rules.ago_prepositions
        and re.match(r"[ \t]+[^\W\d_]", text[end : end + 3])
    ):
        return False  # "ten days before the shooting": not from now; the duration stays
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
    rules = time_rules(lang)
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
    resolver = Resolver(rules, ref)
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
        elif name == "anaphor":  # "ended the day": the day, not the verb
            start = m.start("ana")
        k = bisect_right(sentence_starts, start) - 1
        sentence = sentences[k] if k >= 0 else (0, len(text))
        resolver.future = _is_future(rules, text, (start, end), sentence)
        resolved = resolver.value(name, m)
        if resolved is None:
            continue
        typ, value = resolved
        if name == "relative" and _narrated(rules, text, m):
            continue  # "He was soon released": soon after the story's events, not from now
        mod = _MODS[rules.parts[fold(m.group("part"))]] if name.startswith("part_") else None
        surface = text[start:end]
        stripped = surface.rstrip(" ,.")
        time = TimeValue(start, start + len(stripped), stripped, typ, value, mod)  # type: ignore[arg-type]
        if name == "holiday" and rules.holiday_week and _DAY.fullmatch(str(value)):
            week = rules.holiday_week.match(text, time.end)
            if week:  # "Christmas week": the week it falls in
                value = week_of(date.fromisoformat(str(value)))
                time = TimeValue(start, week.end(), text[start : week.end()], "DATE", value)
        if rules.around_day_before and _DAY.fullmatch(str(value)):
            time = _around_day(rules, rules.around_day_before, text, time)
        if times and bare_clock and _DAY.fullmatch(str(value)):
            gap = _CLOCK_DAY_GAP.fullmatch(text, times[-1].end, time.start)
            if gap is not None:  # "5 p.m. EST Nov. 9": the time on that day
                times[-1] = _clock_on_day(text, times[-1], time, join=not gap.group(1))
                bare_clock = False
                if not gap.group(1):
                    continue
        bare_clock = name == "clock" and not (m.group("wd") or m.group("rel"))
        times.append(time)
        if name in ("mdy", "dmy") and _DAY.fullmatch(str(value)):
            listed = _listed_day(rules, text, time, after=name == "mdy")
            if listed is not None:
                times.insert(len(times) - (listed.start < time.start), listed)
    return times


def _listed_day(rules: TimeRules, text: str, day: TimeValue, *, after: bool) -> TimeValue | None:
    """The bare day a date lists with it: "25" in "April 24 and 25", "24" in "24 e 25 aprile"."""
    if after and rules.listed_day_after:
        m = rules.listed_day_after.match(text, day.end)
    elif not after and rules.listed_day_before:
        m = rules.listed_day_before.search(text, max(0, day.start - 12), day.start)
    else:
        return None
    if m is None:
        return None
    try:
        value = date.fromisoformat(str(day.value)).replace(day=int(m.group("d")))
    except ValueError:
        return None
    start, end = m.span("d")
    return TimeValue(start, end, text[start:end], "DATE", value.isoformat())


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: Between a clock time and the day it falls on ("5 p.m. Nov. 6", "16:15 UTC, June 1",
#: "10:35 a.m. (0735 GMT) Friday"); the group: the two stay apart
_CLOCK_DAY_GAP = re.compile(r"\.?(,|\s+\([^()\n]{1,30}\),?)?\s+")


def _clock_on_day(text: str, clock: TimeValue, day: TimeValue, *, join: bool) -> TimeValue:
    """A clock time on the day written right after it: one TIME over both, or (``join``
    false: after a comma) the clock time alone."""
    if not isinstance(clock.value, str) or "T" not in clock.value:
        return clock
    value = f"{day.value}T{clock.value.split('T', 1)[1]}"
    end = day.end if join else clock.end
    return TimeValue(clock.start, end, text[clock.start : end], "TIME", value)


def _around_day(rules: TimeRules, before: re.Pattern[str], text: str, day: TimeValue) -> TimeValue:
    """ "the week of March 6" (that ISO week), "the day before Tuesday's hearing" (Monday):
    the period a phrase right before a day names, over both; else the day."""
    m = before.search(text, max(0, day.start - 30), day.start)
    if m is None:
        return day
    spec, when = rules.around_day[fold(m.group(0).strip())], date.fromisoformat(str(day.value))
    value: DateValue = (
        week_of(when) if spec == "week" else (when + timedelta(days=int(spec))).isoformat()
    )
    return TimeValue(m.start(), day.end, text[m.start() : day.end], "DATE", value)
