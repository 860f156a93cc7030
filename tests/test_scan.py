"""MultiScanner: the same matches as finditer, found only where a pattern can begin."""

from __future__ import annotations

import re

import pytest

from newsgraph.extract.scan import MultiScanner, _openings
from newsgraph.extract.time_rules import time_rules

_B = r"(?<![\w'’])"

TEXTS = [
    "mid1998 midSept earlyMay '90s ’80s at 5:30 p.m. FY1998 1999-12-31 3.4.2001 Jan. 5, 1999",
    "On Monday, Jan. 5, the 1998 fourth-quarter results came in 12 days ago; in the 1990s.",
    "l'11 gennaio, nell'anno 2001, alle 10:30, dall'altro ieri; la prossima settimana, ieri sera",
    "El 3 de marzo de 2009, hace dos años; el próximo lunes por la mañana.",
    "В понедельник 28 июня 2010 года, через две недели, в 10:00 по московскому времени.",
    "_may __1998 x1998 ab12 12ab MAY May may ÉTÉ été 𝟙𝟡𝟡𝟠 ١٩٩٨ end",
    "",
]


@pytest.mark.parametrize("lang", ["en", "it", "es", "ru"])
def test_time_patterns_match_as_finditer(lang: str) -> None:
    rules = time_rules(lang)
    assert rules is not None
    scanner = rules.scanner
    assert not scanner.fallback  # every pattern of the packs has readable openings
    for text in TEXTS:
        fast = scanner.finditer_all(text)
        for pattern, found in zip(scanner.patterns, fast, strict=True):
            assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "pattern",
    [
        rf"{_B}(?:the\s+)?(?:january|june|july)\.?\s+\d+",
        rf"{_B}(?:mid-?|early)\s*(?:1\d|20)\d\d",
        r"(?<!\d)(?:19|20)\d\d(?!\d)",
        rf"{_B}['’]\d0s|{_B}[sS]ome\s+days",
        rf"{_B}(?:(?:at|by)\s+)?[0-2]?\d(?::[0-5]\d)?\s*(?:a\.m|p\.m)",
    ],
)
def test_scanner_equals_finditer(pattern: str) -> None:
    compiled = re.compile(pattern, re.I)
    assert _openings(compiled) is not None
    scanner = MultiScanner([compiled])
    for text in [*TEXTS, "June 5 JULY 12 the july 3 mid-1998 early2001 Some days ’90s by 5 p.m"]:
        assert [m.span() for m in scanner.finditer_all(text)[0]] == [
            m.span() for m in compiled.finditer(text)
        ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"may",  # no lookbehind: it could begin inside a word
        r"\d\d",  # inside a number
        rf"{_B}\w+",  # any word
        rf"{_B}(?:x)?",  # the empty string
    ],
)
def test_unreadable_openings_fall_back(pattern: str) -> None:
    compiled = re.compile(pattern, re.I)
    scanner = MultiScanner([compiled])
    assert scanner.fallback == (0,)
    text = "dismay 1998 x may"
    assert [m.span() for m in scanner.finditer_all(text)[0]] == [
        m.span() for m in compiled.finditer(text)
    ]
