"""Times told relative to the last one the text spoke of ("that year", "the next day").

The text's focus is the value of its latest date or time; an anaphoric expression names
the same period or one some units before or after it, at its own granularity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.model import DateRange, DateValue

_VALUE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?:T.*)?")
#: the granularity each unit needs of the focus
_NEEDS = {"year": "year", "month": "month", "week": "day", "day": "day"}
#: TIMEX3 parts of a day
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@dataclass(frozen=True, slots=True)
class Focus:
    """The last date the text spoke of, and how precisely (year, month or day)."""

    day: date
    granularity: str


def focus_of(value: DateValue | None) -> Focus | None:
    """The focus a resolved DATE or TIME value sets, if it names a calendar period."""
    if isinstance(value, DateRange):
        value = value.start if value.start[:7] == value.end[:7] else value.start[:7]
    m = _VALUE.fullmatch(value or "")
    if m is None:
        return None
    try:
        day = date(int(m["y"]), int(m["m"] or 1), int(m["d"] or 1))
    except ValueError:
        return None
    return Focus(day, "day" if m["d"] else "month" if m["m"] else "year")


def shifted(focus: Focus, unit: str, offset: int) -> tuple[str, DateValue] | None:
    """``offset`` units after (before) the focus, or None when the focus is too coarse."""
    order = ("year", "month", "day")
    needs = _NEEDS.get(unit, "day")
    if order.index(focus.granularity) < order.index(needs):
        return None
    day = focus.day
    if unit == "year":
        return "DATE", str(day.year + offset)
    if unit == "month":
        total = day.year * 12 + day.month - 1 + offset
        return "DATE", f"{total // 12}-{total % 12 + 1:02d}"
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
        return "DATE", DateRange(monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    day += timedelta(days=offset)
    if unit in _DAY_PARTS:
        return "TIME", f"{day.isoformat()}T{_DAY_PARTS[unit]}"
    return "DATE", day.isoformat()
