"""Seams where stripped markup glued a heading or a sentence to the next one.

``...attaccare l'UcrainaIl ministro...``, ``...discussi:La Russia...``,
``..."franco e positivo".In conferenza...``: the seam is where the next unit
starts.  Language knowledge comes from the pack (its ``sentence_starters``).
"""

from __future__ import annotations

import re

_UPPER = "".join(
    chr(c)
    for c in (*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x2000))
    if chr(c).isupper()
)
#: A seam needs an upper-case letter right after a lower-case letter, a sentence or clause
#: end or a closing quote, or an elided article after a sentence end ("...OSCE.L'obiettivo").
_LOWER = "".join(
    chr(c)
    for c in (*range(0x61, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x2000))
    if chr(c).islower()
)
_CANDIDATE = re.compile(
    f"(?<=[{re.escape(_LOWER)}.!?:;\"”»“])[{re.escape(_UPPER)}]|[.!?]['’][{re.escape(_UPPER)}]"
)
_CLOSING_QUOTES = frozenset('"”»“')
_APOSTROPHES = frozenset("'’")
_TERMINAL = frozenset(".!?")
_COLONS = frozenset(":;")


def _opens_sentence(word: str, i: int) -> bool:
    """A capitalised word starts at ``word[i]``: ``Il``, or an elision like ``L'obiettivo``."""
    if i + 1 >= len(word) or not word[i].isupper():
        return False
    nxt = word[i + 1]
    if nxt in _APOSTROPHES:
        return i + 2 < len(word) and word[i + 2].isalpha()
    return nxt.islower()


def _letters_before(word: str, i: int) -> int:
    n = 0
    while i - 1 - n >= 0 and word[i - 1 - n].isalpha():
        n += 1
    return n


def _letters_from(word: str, i: int) -> str:
    j = i
    while j < len(word) and word[j].isalpha():
        j += 1
    return word[i:j]


def may_have_seams(text: str) -> bool:
    """A cheap test: can :func:`find_seams` find anything in ``text``?"""
    return _CANDIDATE.search(text) is not None


def find_seams(word: str, starters: frozenset[str]) -> list[int]:
    """Positions inside ``word`` (a run without spaces) where a new sentence starts."""
    seams: list[int] = []
    for i in range(1, len(word) - 1):
        prev, ch = word[i - 1], word[i]
        if ch.isupper():
            if prev in _TERMINAL and _opens_sentence(word, i):
                # "positivo".In / trattato.La - but not initials like U.S.Army
                if _letters_before(word, i - 1) >= 2 or word[i - 2 : i - 1] in _CLOSING_QUOTES:
                    seams.append(i)
            elif prev in _COLONS and _opens_sentence(word, i):
                if i >= 2 and (word[i - 2].isalpha() or word[i - 2] in _CLOSING_QUOTES):
                    seams.append(i)
            elif prev in _CLOSING_QUOTES and _opens_sentence(word, i):
                if i >= 2 and (word[i - 2].isalnum() or word[i - 2] in _TERMINAL):
                    seams.append(i)
            elif prev in _APOSTROPHES and _opens_sentence(word, i):
                if i >= 2 and word[i - 2] in _TERMINAL:
                    seams.append(i)
            elif (
                prev.islower()
                and _letters_before(word, i) >= 3
                and _letters_from(word, i) in starters
            ):
                seams.append(i)
    return seams
