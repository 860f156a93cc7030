"""The day a named holiday falls on in a given year, from a language pack's rule.

A rule is one of:

- ``MM-DD``: a fixed day ("12-25" Christmas Day);
- ``MM/N/D``: the N-th weekday D (1 Monday .. 7 Sunday) of month MM, N = -1 for the last
  ("11/4/4" the fourth Thursday of November);
- ``easter``: Easter Sunday (Western);
- any of them with ``+K`` or ``-K`` days ("easter-2" Good Friday, "11/1/1+1" the Tuesday after
  the first Monday of November).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_RULE = re.compile(
    r"(?:(?P<m>\d\d)-(?P<d>\d\d)|(?P<nm>\d\d)/(?P<n>-?\d)/(?P<wd>[1-7])|(?P<easter>easter))"
    r"(?P<shift>[+-]\d+)?"
)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def valid_rule(rule: str) -> bool:
    return _RULE.fullmatch(rule) is not None


def holiday(rule: str, year: int) -> date | None:
    """The day ``rule`` names in ``year`` (None for a rule that cannot be read)."""
    m = _RULE.fullmatch(rule)
    if m is None:
        return None
    if m.group("easter"):
        day = easter(year)
    elif m.group("m"):
        try:
            day = date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    else:
        month, n, weekday = int(m.group("nm")), int(m.group("n")), int(m.group("wd")) - 1
        if n > 0:
            first = date(year, month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = date(year, month, calendar.monthrange(year, month)[1])
            day = last - timedelta(days=(last.weekday() - weekday) % 7)
    return day + timedelta(days=int(m.group("shift") or 0))


def nearest(rule: str, ref: date, *, step: int, slack: int) -> date | None:
    """The holiday around ``ref``: the next one from ``ref`` on (``step`` 1), the last one
    before it (``step`` -1), or (``step`` 0) the latest no more than ``slack`` days ahead."""
    days = [d for y in range(ref.year - 1, ref.year + 2) if (d := holiday(rule, y)) is not None]
    if step > 0:
        return next((d for d in days if d >= ref), None)
    if step < 0:
        return next((d for d in reversed(days) if d < ref), None)
    return next((d for d in reversed(days) if d <= ref + timedelta(days=slack)), None)
