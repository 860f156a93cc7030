"""Run many word-list regexes over a text quickly, with exactly ``finditer``'s matches.

Python's ``re`` has no literal-prefix search for a pattern that opens with a lookbehind and a
long alternation (``(?<![\\w'])(?:january|february|...)``): it tries every position of the
text.  :class:`MultiScanner` reads each pattern's possible openings from its parse tree (the
lower-case letters a match can begin with, a digit, or some other character), splits the
text once into letter runs, digit runs and those characters, and tries each pattern only
where one of its openings stands.  A pattern whose openings cannot be read (one that could
begin anywhere inside a word, or match the empty string) is run with ``finditer``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Any

try:  # the standard library's regex parser (``sre_parse`` before Python 3.11)
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: every pattern runs with finditer
    _sre = None

#: An opening longer than this is cut (a shorter prefix is still a sound filter).
_MAX_OPENING = 12
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


_Item = tuple[Any, Any]  # a node of the parse tree: (opcode, argument)


class _Unknown(Exception):
    """The pattern may begin with anything (or with nothing)."""


@dataclass(frozen=True, slots=True)
class _Openings:
    words: frozenset[str]  # lower-case letter prefixes
    digit: bool  # may begin with a digit
    chars: frozenset[str]  # other characters it may begin with


def _guard(items: Sequence[_Item]) -> tuple[bool, bool]:
    """Does the pattern open with a lookbehind that rules out a letter / a digit before it?"""
    if items and items[0][0] is _sre.BRANCH:  # every alternative must
        guards = [_guard(list(alt)) for alt in items[0][1][1]]
        return all(w for w, _ in guards), all(d for _, d in guards)
    if not items or items[0][0] is not _sre.ASSERT_NOT or items[0][1][0] != -1:
        return False, False
    body = list(items[0][1][1])
    if len(body) != 1 or body[0][0] is not _sre.IN:
        return False, False
    members = body[0][1]
    word = (_sre.CATEGORY, _sre.CATEGORY_WORD) in members
    digit = word or any(_is_digit(op, av) for op, av in members)
    return word, digit


def _is_digit(op: Any, av: Any) -> bool:
    """Is this member of a character set ``\\d`` or a range of ASCII digits?"""
    if op is _sre.CATEGORY:
        return av is _sre.CATEGORY_DIGIT
    return op is _sre.RANGE and ord("0") <= av[0] <= av[1] <= ord("9")


def _openings(pattern: re.Pattern[str]) -> _Openings | None:
    """Where a match of ``pattern`` can begin, or None when that cannot be told."""
    if _sre is None:
        return None
    tree = _sre.parse(pattern.pattern, pattern.flags)
    items = list(tree)
    words: set[str] = set()
    chars: set[str] = set()
    digit = False
    stop: list[_Item] = []  # a marker: the opening ends here

    def walk(todo: list[_Item], rest: tuple[list[_Item], ...], acc: str) -> None:
        nonlocal digit
        while True:
            if not todo:
                if rest and rest[0] is not stop:
                    todo, rest = rest[0], rest[1:]
                    continue
                if not acc:
                    raise _Unknown
                words.add(acc)
                return
            (op, av), todo = todo[0], todo[1:]
            if op is _sre.LITERAL:
                ch = chr(av)
                if _LETTER.match(ch):
                    acc += ch.lower()
                    if len(acc) >= _MAX_OPENING:
                        words.add(acc)
                        return
                    continue
                if acc:
                    words.add(acc)
                elif _DIGIT.match(ch):
                    digit = True
                else:
                    chars.add(ch)
                return
            if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
                continue  # zero-width
            if op is _sre.SUBPATTERN:
                todo = [*av[-1], *todo]
                continue
            if op is _sre.BRANCH:
                for alt in av[1]:
                    walk(list(alt), (todo, *rest), acc)
                return
            if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
                low, high, body = av
                if low == 0:
                    walk(todo, rest, acc)
                if high != 0:
                    walk(list(body), (stop,), acc)
                return
            if acc:  # anything else after some letters: they are the opening
                words.add(acc)
                return
            if op is not _sre.IN:
                raise _Unknown
            for sop, sav in av:
                if sop is _sre.LITERAL and _LETTER.match(chr(sav)):
                    walk(todo, rest, chr(sav).lower())
                elif sop is _sre.LITERAL and _DIGIT.match(chr(sav)):
                    digit = True
                elif sop is _sre.LITERAL:
                    chars.add(chr(sav))
                elif _is_digit(sop, sav):
                    digit = True
                else:
                    raise _Unknown
            return

    try:
        walk(items, (), "")
    except (_Unknown, RecursionError):
        return None
    word_guard, digit_guard = _guard(items)
    if (words and not word_guard) or (digit and not digit_guard):
        return None  # it could begin inside a run of letters or digits
    return _Openings(frozenset(words), digit, frozenset(chars))


class MultiScanner:
    """``[list(p.finditer(text)) for p in patterns]``, trying each pattern only where it can
    begin."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        openings = [_openings(p) for p in self.patterns]
        self.fallback = tuple(i for i, o in enumerate(openings) if o is None)
        self._prefixes: dict[str, set[int]] = {}
        self._digit: tuple[int, ...] = ()
        self._chars: dict[str, tuple[int, ...]] = {}
        digit: list[int] = []
        chars: dict[str, list[int]] = {}
        for i, o in enumerate(openings):
            if o is None:
                continue
            for w in o.words:
                self._prefixes.setdefault(w, set()).add(i)
            if o.digit:
                digit.append(i)
            for c in o.chars:
                chars.setdefault(c, []).append(i)
        self._digit = tuple(digit)
        self._chars = {c: tuple(v) for c, v in chars.items()}
        self._longest = max((len(w) for w in self._prefixes), default=0)
        other = "".join(re.escape(c) for c in sorted(self._chars))
        # one group: split() gives separator, token, separator, token, ..., separator
        self._tokens = re.compile(r"([^\W\d_]+|\d+" + (f"|[{other}])" if other else ")"))
        self._cache: dict[str, tuple[int, ...]] = {}

    def _which(self, token: str) -> tuple[int, ...]:
        """The patterns that may begin with this token (a run of letters or digits, or one of
        the other opening characters)."""
        if token in self._chars:
            return self._chars[token]
        if _DIGIT.match(token):
            return self._digit
        low = token.lower()
        hits: set[int] = set()
        for k in range(1, min(len(low), self._longest) + 1):
            hits.update(self._prefixes.get(low[:k], ()))
        return tuple(sorted(hits))

    def finditer_all(self, text: str) -> list[list[re.Match[str]]]:
        starts: list[list[int]] = [[] for _ in self.patterns]
        pieces = self._tokens.split(text)  # gap, token, gap, token, ..., gap
        tokens = pieces[1::2]
        cache = self._cache
        if len(cache) > 50_000:  # a few MB at most
            cache.clear()
        for token in set(tokens).difference(cache):
            cache[token] = self._which(token)
        which = list(map(cache.__getitem__, tokens))
        at = list(accumulate(map(len, pieces)))  # at[k]: where piece k + 1 starts
        for k, patterns in compress(enumerate(which), which):  # tokens some pattern may open
            pos = at[2 * k]
            for i in patterns:
                starts[i].append(pos)
        found: list[list[re.Match[str]]] = []
        for i, pattern in enumerate(self.patterns):
            if i in self.fallback:
                found.append(list(pattern.finditer(text)))
                continue
            matches = []
            end = -1
            for pos in starts[i]:
                if pos >= end and (hit := pattern.match(text, pos)) is not None:
                    matches.append(hit)
                    end = hit.end()
            found.append(matches)
        return found
