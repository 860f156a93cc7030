"""When a document was published, from the best evidence it carries.

In order: an explicit value (option or input field), a date in the URL path
(``/20220121/``, ``/2022/01/21/``), a date line near the top of the body
(``21.01.2022``, ``21 gennaio 2022``, ``January 21, 2022``), a month in the
URL path, and last the crawl header's month - then with month precision,
never an invented day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from newsgraph.errors import ConfigError
from newsgraph.lang.calendar import month_names
from newsgraph.model import Precision

BODY_SCAN_CHARS = 1500
DATE_LINE_MAX_CHARS = 60

_URL_DAY = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_.])"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/")
_NUMERIC = re.compile(
    r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"
)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class Published:
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision | None
    source: str | None  # explicit, url, body, header

    @classmethod
    def unknown(cls) -> Published:
        return cls(None, None, None)


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date_option(value: str) -> Published:
    """Parse an explicit date: ISO day/month/year, ISO datetime or RFC 2822.

    Raises :class:`ConfigError` with the accepted forms when it cannot.
    """
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return Published(text, "year", "explicit")
    if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
        return Published(text, "month", "explicit")
    try:
        return Published(datetime.fromisoformat(text).date().isoformat(), "day", "explicit")
    except ValueError:
        pass
    try:
        return Published(parsedate_to_datetime(text).date().isoformat(), "day", "explicit")
    except (TypeError, ValueError, IndexError):
        pass
    raise ConfigError(
        f"cannot read the date {value!r}; write it as YYYY-MM-DD (or YYYY-MM, YYYY, "
        "an ISO date-time, or an RFC 2822 date)"
    )


def _from_url(url: str) -> tuple[date | None, str | None]:
    path = url.split("?", 1)[0]
    for pattern in _URL_DAY:
        for m in pattern.finditer(path):
            found = _day(int(m["y"]), int(m["m"]), int(m["d"]))
            if found:
                return found, None
    month = _URL_MONTH.search(path)
    if month and 1 <= int(month["m"]) <= 12:
        return None, f"{month['y']}-{int(month['m']):02d}"
    return None, None


@cache
def _month_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    words = month_names(lang)
    if not words:
        return None
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    day_first = re.compile(
        rf"(?<!\d)(?P<d>[0-3]?\d)\.?\s+(?P<mon>{alt})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I
    )
    month_first = re.compile(
        rf"\b(?P<mon>{alt})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
        re.I,
    )
    return day_first, month_first


def _body_candidates(text: str, lang: str) -> list[tuple[date, bool]]:
    """Dates near the top of ``text``, each with whether it stands on a date line."""
    found: list[tuple[date, bool]] = []
    head = text[:BODY_SCAN_CHARS]
    for line in head.split("\n"):
        stripped = line.strip()

        def on_date_line(start: int, end: int, s: str = stripped) -> bool:
            return len(s) <= DATE_LINE_MAX_CHARS or start <= 1 or end >= len(s) - 1

        for m in _ISO.finditer(stripped):
            d = _day(int(m["y"]), int(m["m"]), int(m["d"]))
            if d:
                found.append((d, on_date_line(m.start(), m.end())))
        for m in _NUMERIC.finditer(stripped):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            # dd.mm.yyyy everywhere; mm/dd/yyyy only in English
            order = [(b, a), (a, b)] if m["sep"] == "/" and lang == "en" else [(a, b)]
            for day_, month_ in order:
                d = _day(y, month_, day_)
                if d:
                    found.append((d, on_date_line(m.start(), m.end())))
                    break
        patterns = _month_patterns(lang) if lang != "und" else None
        for pattern in patterns or ():
            for m in pattern.finditer(stripped):
                month = month_names(lang).get(m["mon"].lower().rstrip("."))
                d = _day(int(m["y"]), month, int(m["d"])) if month else None
                if d:
                    found.append((d, on_date_line(m.start(), m.end())))
    return found


def _fits_header(d: date, header: str) -> bool:
    """``d`` lies in the header month, or in the last days of the month before it."""
    y, m = int(header[:4]), int(header[5:7])
    if (d.year, d.month) == (y, m):
        return True
    before = (y, m - 1) if m > 1 else (y - 1, 12)
    return (d.year, d.month) == before and d.day >= 25


def infer_published(
    *,
    explicit: str | None,
    url: str | None,
    body: str,
    lang: str,
    header_date: str | None,
    today: date | None = None,
) -> Published:
    """The publication date of a document from the evidence it carries (see module doc)."""
    if explicit:
        try:
            return parse_date_option(explicit)
        except ConfigError:
            pass  # an unreadable input field: fall back to the other evidence
    limit = today or date.today()
    url_day, url_month = _from_url(url) if url else (None, None)
    if url_day and url_day <= limit:
        return Published(url_day.isoformat(), "day", "url")
    header_month = header_date[:7] if header_date else None
    for d, on_line in _body_candidates(body, lang):
        if d > limit:
            continue
        if header_month and _fits_header(d, header_month):
            return Published(d.isoformat(), "day", "body")
        if not header_month and on_line and (url_month is None or d.isoformat()[:7] == url_month):
            return Published(d.isoformat(), "day", "body")
    if header_date and len(header_date) == 10 and _day(*map(int, header_date.split("-"))):
        return Published(header_date, "day", "header")
    if url_month:
        return Published(url_month, "month", "url")
    if header_month:
        return Published(header_month, "month", "header")
    return Published.unknown()
