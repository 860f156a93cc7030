"""Finding a pack's words in a sentence: single lemmas and multi-word phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import or_
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


class Lexicon:
    """Entries keyed by a lemma (one word) or a phrase (several words, as written; ``*``
    stands for any one word)."""

    def __init__(self) -> None:
        self._lemmas: dict[str, Any] = {}
        self._phrases: dict[tuple[str, ...], Any] = {}
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._openers: set[str] = set()  # the words and lemmas a hit can begin with

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

    def add_words(self, words: Iterable[Any], entry: Any) -> None:
        for w in words or ():
            text = str(w)
            if re.search(r"\s|'", text.strip()):
                self.add_phrase(text, entry)
            else:
                self.add_lemma(text, entry)

    def find(self, sent: Sentence, lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Non-overlapping hits, longest phrase first, in text order; only hits that start
        among tokens [lo, hi) when those are given (a phrase may run past ``hi``)."""
        openers = self._openers.intersection(sent.vocab)
        if not openers:  # most lexicons find nothing in most sentences
            return []
        words = sent.norm_words
        lemmas, by_first, singles = sent.lemmas, self._by_first, self._lemmas
        hits: list[Hit] = []
        n = len(words) if hi is None else min(hi, len(words))
        is_opener = openers.__contains__
        may_open = map(or_, map(is_opener, words[lo:n]), map(is_opener, lemmas[lo:n]))
        free = lo  # where the next hit may start (after the last one)
        for i in compress(range(lo, n), may_open):
            if i < free:
                continue
            hit = None
            word = words[i]
            for key, entry in by_first.get(word, ()):
                if len(key) > 1 and _matches(sent, i, key):
                    hit = Hit(i, i + len(key), entry)
                    break
            if hit is None:
                entry = singles.get(lemmas[i]) or singles.get(word)
                if entry is not None and sent.tokens[i].is_word:
                    hit = Hit(i, i + 1, entry)
            if hit is not None:
                hits.append(hit)
                free = hit.last
        return hits
