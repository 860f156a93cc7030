"""TIMEX3 values for the time expressions the tagger found.

:class:`Resolver` turns one match of a pack pattern (:mod:`newsgraph.extract.time_rules`)
into a TIMEX3 type and value, resolved against the document date: a weekday or a month
without a year is the latest one (or, in a future-tense clause, the next one), "two weeks
ago" counts back from the date, "that day" from the last date the text spoke of.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from newsgraph.extract.anaphora import Focus, focus_of, shifted
from newsgraph.extract.holidays import holiday, nearest
from newsgraph.extract.time_rules import TimeRules, fold
from newsgraph.model import DateRange, DateValue

#: A day or month without a year is the latest one no more than this far after the reference.
FUTURE_SLACK_DAYS = 60
#: In a future-tense context, a day or month without a year is the next one if it comes this soon.
FUTURE_HORIZON_DAYS = 200
#: The same for a month without a year ("will open in December", said in March).
FUTURE_MONTH_HORIZON_DAYS = 335
#: From this many weeks back or ahead, "six weeks ago" names that ISO week: nobody counts
#: six weeks to the day ("a week ago", "two weeks ago" are still that day).
WEEKS_AS_WEEK = 3


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


def week_of(d: date) -> DateRange:
    monday = d - timedelta(days=d.weekday())
    return DateRange(monday.isoformat(), (monday + timedelta(days=6)).isoformat())


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _number(rules: TimeRules, text: str) -> float | str:
    word = fold(text)
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


class Resolver:
    def __init__(self, rules: TimeRules, ref: date | None) -> None:
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
            and self.rules.quarter_words.get(fold(m.group("q"))) != "year_ago"
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
            return "DURATION", r.ending_periods[fold(g["pe"])]
        if name == "anaphor":  # "that year", "the next day": from the last date spoken of
            unit, offset = r.anaphors[fold(g["ana"])]
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
        if name == "lasting":  # "day-long": one day; "decades-long": some decades
            u = g["u"].casefold()
            return "DURATION", _duration("X" if u in r.plural_units else 1, r.units[u])
        if name == "set":
            return "SET", r.sets[fold(g["set"])]
        if name == "set_day":
            if g.get("mon"):
                return "SET", f"XXXX-{self._month(g['mon']):02d}"
            weekday = r.days[(g.get("wd") or g["wdp"]).casefold()] + 1
            part = g.get("dp") or g.get("dpp")
            return "SET", f"XXXX-WXX-{weekday}" + (f"T{r.day_parts[fold(part)]}" if part else "")
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
        rule, ref = self.rules.holidays[fold(g["hol"])], self.ref
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
        digit = int(g["sd"]) if g.get("sd") else self.rules.decade_words[fold(g["dw"])]
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
        spec = self.rules.quarter_words.get(fold(g["q"]))
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
        spec = self.rules.relative.get(fold(text))
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
            return "DATE", week_of(ref + timedelta(weeks=offset))
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
        focus = self.focus
        if mod in self.rules.anaphoric_last and focus and focus.granularity == "day":
            ref = focus.day  # "down from the previous Friday": before the day spoken of
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
            day = ref + timedelta(weeks=sign * k)
            return "DATE", week_of(day) if k >= WEEKS_AS_WEEK else day.isoformat()
        if letter == "M":
            y, mo = _shift_month(ref, sign * k)
            return "DATE", f"{y}-{mo:02d}"
        if letter == "Y":
            if self.focus_quarter:  # "up from $3 million a year earlier": that quarter then
                return "DATE", _shift_quarter(self.focus_quarter, sign * 4 * k)
            return "DATE", str(ref.year + sign * k)
        return "DATE", "PAST_REF" if back else "FUTURE_REF"


_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
