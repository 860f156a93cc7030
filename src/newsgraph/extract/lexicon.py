"""Finding a pack's words in a sentence: single lemmas and multi-word phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.context import Sentence
from newsgraph.kb import phrase_key


@dataclass(frozen=True, slots=True)
class Hit:
    first: int  # token indexes [first, last)
    last: int
    entry: Any


#: In a phrase, one word of any kind ("spoke * with" holds "spoke today with").
ANY_WORD = "*"


def _matches(sent: Sentence, i: int, key: tuple[str, ...]) -> bool:
    """Do the words from ``i`` spell the phrase ``key`` (``*``: any one word)?"""
    words = sent.norm_words[i : i + len(key)]
    if len(words) < len(key):
        return False
    if ANY_WORD not in key:
        return words == key
    return all(
        k == w or (k == ANY_WORD and sent.tokens[i + n].is_word)
        for n, (k, w) in enumerate(zip(key, words, strict=True))
    )


_NONE: Any = object()  # no entry for a key


@dataclass(frozen=True, slots=True)
class _Group:
    """The phrases of one length that begin with one word: looked up by their words, or,
    when one of them has a ``*``, tried one by one in the order they were added."""

    length: int
    exact: dict[tuple[str, ...], Any]
    ordered: tuple[tuple[tuple[str, ...], Any], ...]  # all of them, when one has a ``*``


def _groups(options: list[tuple[tuple[str, ...], Any]]) -> tuple[_Group, ...]:
    """``options`` (longest first, then in the order added) by length, longest first."""
    by_length: dict[int, list[tuple[tuple[str, ...], Any]]] = {}
    for key, entry in options:
        by_length.setdefault(len(key), []).append((key, entry))
    return tuple(
        _Group(length, dict(same), tuple(same) if any(ANY_WORD in k for k, _ in same) else ())
        for length, same in sorted(by_length.items(), reverse=True)
    )


class Lexicon:
    """Entries keyed by a lemma (one word) or a phrase (several words, as written; ``*``
    stands for any one word)."""

    def __init__(self) -> None:
        self._lemmas: dict[str, Any] = {}
        self._phrases: dict[tuple[str, ...], Any] = {}
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._openers: set[str] = set()  # the words and lemmas a hit can begin with
        self._grouped: dict[str, tuple[_Group, ...]] | None = None  # _by_first, by length

    def add_lemma(self, lemma: str, entry: Any) -> None:
        self._lemmas.setdefault(lemma.casefold(), entry)
        self._openers.add(lemma.casefold())

    def add_phrase(self, phrase: str, entry: Any) -> None:
        key = phrase_key(phrase)
        if len(key) == 1:
            self._lemmas.setdefault(key[0], entry)
            self._phrases.setdefault(key, entry)
            self._openers.add(key[0])
            return
        if key and key not in self._phrases:
            self._phrases[key] = entry
            self._openers.add(key[0])
            options = self._by_first.setdefault(key[0], [])
            options.append((key, entry))
            options.sort(key=lambda option: -len(option[0]))
            self._grouped = None

    def add_words(self, words: Iterable[Any], entry: Any) -> None:
        for w in words or ():
            text = str(w)
            if re.search(r"\s|'", text.strip()):
                self.add_phrase(text, entry)
            else:
                self.add_lemma(text, entry)

    def _phrase_at(self, sent: Sentence, i: int, groups: tuple[_Group, ...]) -> Hit | None:
        """The longest phrase (the first added of one length) that begins at token ``i``."""
        words = sent.norm_words
        for group in groups:
            if group.ordered:
                for key, entry in group.ordered:
                    if _matches(sent, i, key):
                        return Hit(i, i + group.length, entry)
                continue
            entry = group.exact.get(words[i : i + group.length], _NONE)
            if entry is not _NONE:
                return Hit(i, i + group.length, entry)
        return None

    def find(self, sent: Sentence, lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Non-overlapping hits, longest phrase first, in text order; only hits that start
        among tokens [lo, hi) when those are given (a phrase may run past ``hi``)."""
        openers = self._openers.intersection(sent.vocab)
        if not openers:  # most lexicons find nothing in most sentences
            return []
        grouped = self._grouped
        if grouped is None:
            grouped = self._grouped = {w: _groups(o) for w, o in self._by_first.items()}
        words = sent.norm_words
        lemmas, singles = sent.lemmas, self._lemmas
        hits: list[Hit] = []
        n = len(words) if hi is None else min(hi, len(words))
        where = sent.where
        if len(openers) == 1:
            starts: Iterable[int] = where[next(iter(openers))]
        else:
            starts = sorted({k for word in openers for k in where[word]})
        free = lo  # where the next hit may start (after the last one)
        for i in starts:
            if i >= n:
                break
            if i < free:
                continue
            groups = grouped.get(words[i])
            hit = self._phrase_at(sent, i, groups) if groups else None
            if hit is None:
                entry = singles.get(lemmas[i]) or singles.get(words[i])
                if entry is not None and sent.tokens[i].is_word:
                    hit = Hit(i, i + 1, entry)
            if hit is not None:
                hits.append(hit)
                free = hit.last
        return hits
