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
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsgraph.lang import pack_data, word_set
from newsgraph.lang.calendar import month_names, weekday_names
from newsgraph.model import DateRange, DateValue, TimeValue

_B = r"(?<![\w'’])"  # start of a word
_E = r"(?!\w)"  # end of a word ("last year's" included)
#: A day or month without a year is the latest one no more than this far after the reference.
FUTURE_SLACK_DAYS = 60


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


@cache
def _rules(lang: str) -> _Rules | None:
    data = pack_data(lang, "times")
    if not data:
        return None
    # abbreviations shorter than three letters are too ambiguous to stand as months
    months = {name: n for name, n in month_names(lang).items() if len(name) >= 3}
    months.update({str(k).casefold(): int(v) for k, v in (data.get("extra_months") or {}).items()})
    days = dict(weekday_names(lang))
    days.update({str(k).casefold(): int(v) for k, v in (data.get("extra_weekdays") or {}).items()})
    month = _alt(months)
    day = _alt(days)
    num = rf"(?:\d+(?:[.,]\d+)?|{_alt(data.get('numbers'))})"
    unit = _alt(data.get("units"))
    art = _alt(data.get("date_articles"))
    parts = _alt(data.get("parts"))
    nxt = _alt([*(data.get("next") or ()), *(data.get("last") or ()), *(data.get("this") or ())])
    year_preps = _alt(data.get("year_preps"))
    clock = _alt(data.get("clock_preps"))
    ago = _alt(data.get("ago"))
    d_ord = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
    patterns = [
        ("iso", r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        ("numeric", r"(?<![\d.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?!\d)"),
        (
            "dmy",
            rf"{_B}(?:(?:{art})\s*)?{d_ord}\s+(?:of\s+)?(?P<mon>{month})\.?"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?{_E}",
        ),
        ("mdy", rf"{_B}(?P<mon>{month})\.?\s+{d_ord}(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\w\d])"),
        ("my", rf"{_B}(?P<mon>{month})\.?,?\s+(?:(?:del|de|of)\s+)?(?P<y>(?:19|20)\d\d){_E}"),
        ("part_year", rf"{_B}(?P<part>{parts})\s*(?P<y>(?:19|20)\d\d){_E}"),
        ("part_month", rf"{_B}(?P<part>{parts})\s*(?P<mon>{month}){_E}"),
        ("part_rel", rf"{_B}(?P<part>{parts})\s*(?P<rel>{_alt(data.get('relative'))}){_E}"),
        ("relative", rf"{_B}(?P<rel>{_alt(data.get('relative'))}){_E}"),
        ("weekday", rf"{_B}(?:(?P<w1>{nxt})\s+)?(?P<wd>{day})(?:\s+(?P<w2>{nxt}))?{_E}"),
        ("ago", rf"{_B}(?P<n>{num})\s+(?P<u>{unit})\s+(?P<ago>{ago}){_E}"),
        ("next_unit", rf"{_B}(?P<w1>{nxt})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        ("after", rf"{_B}(?:{_alt(data.get('after'))})\s+(?P<n>{num})\s+(?P<u>{unit}){_E}"),
        (
            "quarter",
            rf"{_B}(?:the\s+)?(?P<q>{_alt(data.get('quarter_words'))})[-\s]+"
            rf"(?P<qu>{_alt(data.get('quarter_units'))}){_E}",
        ),
        (
            "duration",
            rf"{_B}(?P<n>{num})(?:\s*|-)(?P<u>{unit})"
            rf"(?:\s+(?:e|and)\s+(?P<n2>{num})\s+(?P<u2>{unit}))?{_E}",
        ),
        ("year", rf"{_B}(?P<prep>{year_preps})\s+(?P<y>(?:19|20)\d\d){_E}"),
        ("bare_year", r"(?<![\d$€£.,])(?P<y>(?:19|20)\d\d)(?![\d%])"),
        ("month", rf"{_B}(?P<mon>{month}){_E}"),
        ("set", rf"{_B}(?P<set>{_alt(data.get('sets'))}){_E}"),
        (
            "clock",
            rf"{_B}(?:{clock})\s+(?P<h>[0-2]?\d)(?:[:.](?P<min>[0-5]\d))?"
            rf"(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm))?(?![\w\d])",
        ),
    ]
    return _Rules(
        patterns=tuple((name, re.compile(p, re.I)) for name, p in patterns),
        months=months,
        days=days,
        numbers={str(k).casefold(): v for k, v in (data.get("numbers") or {}).items()},
        units={str(k).casefold(): str(v) for k, v in (data.get("units") or {}).items()},
        relative={
            re.sub(r"\s+", " ", str(k).casefold()): v
            for k, v in (data.get("relative") or {}).items()
        },
        parts={
            re.sub(r"\s+", " ", str(k).casefold()): str(v)
            for k, v in (data.get("parts") or {}).items()
        },
        sets={
            re.sub(r"\s+", " ", str(k).casefold()): str(v)
            for k, v in (data.get("sets") or {}).items()
        },
        next_words=word_set(data, "next"),
        last_words=word_set(data, "last"),
        ago_words=word_set(data, "ago"),
        capitalised_months=lang in ("en", "de"),
        future=re.compile(rf"{_B}(?:{_alt(data.get('future_markers'))}){_E}")
        if data.get("future_markers")
        else None,
        clock_needs_marker=bool(data.get("clock_needs_marker")),
        quarter_words={str(k).casefold(): v for k, v in (data.get("quarter_words") or {}).items()},
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


def _number(rules: _Rules, text: str) -> float | str:
    word = re.sub(r"\s+", " ", text.casefold())
    if word in rules.numbers:
        value = rules.numbers[word]
        return "X" if value == "X" else float(value)
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return "X"


def _duration(n: float | str, unit: str) -> str:
    amount = "X" if n == "X" else (str(int(n)) if float(n).is_integer() else str(n))
    return f"PT{amount}{unit[1:]}" if unit.startswith("T") else f"P{amount}{unit}"


class _Resolver:
    def __init__(self, rules: _Rules, ref: date | None) -> None:
        self.rules = rules
        self.ref = ref
        self.future = False  # is the expression being resolved in a future-tense context?

    def value(self, name: str, m: re.Match[str]) -> tuple[str, DateValue | None] | None:
        r, ref = self.rules, self.ref
        g = m.groupdict()
        if name in ("iso", "numeric", "dmy", "mdy"):
            if name == "numeric":
                day, month, year = int(g["a"]), int(g["b"]), int(g["y"])
            else:
                day = int(g["d"])
                month = int(g["m"]) if name == "iso" else r.months[g["mon"].casefold().rstrip(".")]
                year = int(g["y"]) if g.get("y") else 0
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                return None
            if year:
                try:
                    return "DATE", date(year, month, day).isoformat()
                except ValueError:
                    return None
            found = _closest_year(month, day, ref) if ref else None
            return "DATE", found.isoformat() if found else f"XXXX-{month:02d}-{day:02d}"
        if name == "my":
            return "DATE", f"{int(g['y'])}-{r.months[g['mon'].casefold().rstrip('.')]:02d}"
        if name == "month":
            month = r.months[g["mon"].casefold().rstrip(".")]
            guess = _month_year(month, ref) if ref else None
            return "DATE", f"{guess}-{month:02d}" if guess else f"XXXX-{month:02d}"
        if name in ("year", "bare_year"):
            if name == "bare_year" and ref is not None and int(g["y"]) > ref.year + 5:
                return None  # a number, not a year
            return "DATE", g["y"]
        if name == "quarter":
            return self._quarter(g["q"])
        if name.startswith("part_"):
            part = r.parts[re.sub(r"\s+", " ", g["part"].casefold())]
            if name == "part_year":
                return "DATE", _year_part(part, int(g["y"]))
            if name == "part_month":
                month = r.months[g["mon"].casefold().rstrip(".")]
                y = _month_year(month, ref) if ref else date.today().year
                last = calendar.monthrange(y, month)[1]
                return "DATE", _part(part, date(y, month, 1), date(y, month, last))
            base = self._relative(g["rel"])
            if base is None or ref is None:
                return None
            value = base[1]
            if isinstance(value, str) and re.fullmatch(r"\d{4}", value):
                return "DATE", _year_part(part, int(value))
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d", value):
                y, mo = int(value[:4]), int(value[5:])
                return "DATE", _part(
                    part, date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
                )
            return base
        if name == "relative":
            return self._relative(g["rel"])
        if name == "weekday":
            return self._weekday(g)
        if name in ("ago", "next_unit", "after"):
            return self._offset(name, g)
        if name == "duration":
            unit = r.units[g["u"].casefold()]
            value = _duration(_number(r, g["n"]), unit)
            if g.get("u2"):
                value += _duration(_number(r, g["n2"]), r.units[g["u2"].casefold()])[1:].replace(
                    "T", "" if "T" in value else "T", 1
                )
            return "DURATION", value
        if name == "set":
            return "SET", r.sets[re.sub(r"\s+", " ", g["set"].casefold())]
        if name == "clock":
            if r.clock_needs_marker and not (g.get("min") or g.get("ampm")):
                return None  # "at 1" is a number, "at 1 p.m." / "at 1:30" a time
            hour = int(g["h"])
            if g.get("ampm") and g["ampm"].lower().startswith("p") and hour < 12:
                hour += 12
            if hour > 24 or ref is None:
                return None
            return "TIME", f"{ref.isoformat()}T{hour:02d}:{int(g.get('min') or 0):02d}"
        return None

    def _quarter(self, word: str) -> tuple[str, DateValue | None] | None:
        """ "the third quarter" (this year's, or last year's if it has not come yet), "the
        latest quarter" (the last one that ended)."""
        spec = self.rules.quarter_words.get(re.sub(r"\s+", " ", word.casefold()))
        ref = self.ref
        if spec is None or ref is None:
            return None
        current = (ref.month - 1) // 3 + 1
        if isinstance(spec, int):
            year = ref.year if spec <= current else ref.year - 1
            return "DATE", f"{year}-Q{spec}"
        q = current - 1 - (1 if spec == "last" else 0)
        year = ref.year + (q - 1) // 4
        return "DATE", f"{year}-Q{(q - 1) % 4 + 1}"

    def _relative(self, text: str) -> tuple[str, DateValue | None] | None:
        spec = self.rules.relative.get(re.sub(r"\s+", " ", text.casefold()))
        if isinstance(spec, str):
            return "DATE", spec
        ref = self.ref
        if not spec or ref is None:
            return None
        anchor, offset = str(spec[0]), int(spec[1])
        if anchor == "day":
            return "DATE", (ref + timedelta(days=offset)).isoformat()
        if anchor in ("morning", "afternoon", "evening", "night"):
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[anchor]
            return "TIME", f"{(ref + timedelta(days=offset)).isoformat()}T{code}"
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

    def _weekday(self, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
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
        return "DATE", day.isoformat()

    def _offset(self, name: str, g: dict[str, Any]) -> tuple[str, DateValue | None] | None:
        ref = self.ref
        n = _number(self.rules, g["n"])
        unit = self.rules.units[g["u"].casefold()]
        back = name == "ago" or (g.get("w1") or "").casefold() in self.rules.last_words
        if (
            name == "next_unit"
            and not back
            and (g.get("w1") or "").casefold() not in (self.rules.next_words)
        ):
            return "DURATION", _duration(n, unit)
        if n == "X" or ref is None:
            return "DATE", "PAST_REF" if back else "FUTURE_REF"
        if name == "next_unit":  # "the past three years": a duration
            return "DURATION", _duration(n, unit)
        sign = -1 if back else 1
        k = int(float(n))
        if unit == "D":
            return "DATE", (ref + timedelta(days=sign * k)).isoformat()
        if unit == "W":
            return "DATE", (ref + timedelta(weeks=sign * k)).isoformat()
        if unit == "M":
            y, mo = _shift_month(ref, sign * k)
            return "DATE", f"{y}-{mo:02d}"
        if unit == "Y":
            return "DATE", str(ref.year + sign * k)
        return "DATE", "PAST_REF" if back else "FUTURE_REF"


FUTURE_CONTEXT_CHARS = 40

_PRIORITY = {
    "quarter": 1,
    "bare_year": 7,
    "iso": 0,
    "numeric": 0,
    "dmy": 1,
    "mdy": 1,
    "part_year": 1,
    "part_month": 1,
    "part_rel": 1,
    "my": 2,
    "ago": 2,
    "after": 2,
    "next_unit": 3,
    "relative": 3,
    "weekday": 3,
    "duration": 4,
    "year": 5,
    "clock": 5,
    "set": 5,
    "month": 6,
}


def find_times(text: str, *, lang: str, published: str | None) -> list[TimeValue]:
    """Every time expression of ``text`` with its TIMEX3 type and value."""
    rules = _rules(lang)
    if rules is None:
        return []
    ref: date | None = None
    if published and re.fullmatch(r"\d{4}-\d\d-\d\d", published):
        ref = date.fromisoformat(published)
    elif published and re.fullmatch(r"\d{4}-\d\d", published):
        ref = date(int(published[:4]), int(published[5:7]), 15)
    resolver = _Resolver(rules, ref)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for name, pattern in rules.patterns:
        for m in pattern.finditer(text):
            start, end = m.span()
            if name == "year":  # the year alone, not its preposition
                start = m.start("y")
            if name == "month" and rules.capitalised_months and not m.group("mon")[:1].isupper():
                continue
            if (
                name == "month"
                and m.group("mon").casefold() in ("may", "march")
                and not (
                    re.search(
                        r"(?:in|of|since|until|by|early|late|mid-?|from|to)\s+$",
                        text[max(0, start - 10) : start],
                        re.I,
                    )
                )
            ):
                continue
            candidates.append((start, end, _PRIORITY[name], name, m))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for start, end, _, name, m in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if any(not (end <= s or start >= e) for s, e, _, _ in chosen):
            continue
        chosen.append((start, end, name, m))
    times = []
    for start, end, name, m in sorted(chosen, key=lambda c: c[0]):
        context = text[max(0, start - FUTURE_CONTEXT_CHARS) : start].casefold()
        resolver.future = bool(rules.future and rules.future.search(context))
        resolved = resolver.value(name, m)
        if resolved is None:
            continue
        typ, value = resolved
        surface = text[start:end]
        stripped = surface.rstrip(" ,.")
        times.append(TimeValue(start, start + len(stripped), stripped, typ, value))  # type: ignore[arg-type]
    return times
