"""Finding a pack's words in a sentence: single lemmas and multi-word phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.context import Sentence
from newsgraph.kb import norm_key
from newsgraph.text import tokenize


@dataclass(frozen=True, slots=True)
class Hit:
    first: int  # token indexes [first, last)
    last: int
    entry: Any


class Lexicon:
    """Entries keyed by a lemma (one word) or a phrase (several words, as written)."""

    def __init__(self) -> None:
        self._lemmas: dict[str, Any] = {}
        self._phrases: dict[tuple[str, ...], Any] = {}
        self._max = 1

    def add_lemma(self, lemma: str, entry: Any) -> None:
        self._lemmas.setdefault(lemma.casefold(), entry)

    def add_phrase(self, phrase: str, entry: Any) -> None:
        key = norm_key(t.text for t in tokenize(phrase))
        if len(key) == 1:
            self._lemmas.setdefault(key[0], entry)
            self._phrases.setdefault(key, entry)
            return
        if key:
            self._phrases.setdefault(key, entry)
            self._max = max(self._max, len(key))

    def add_words(self, words: Iterable[Any], entry: Any) -> None:
        for w in words or ():
            text = str(w)
            if re.search(r"\s|'", text.strip()):
                self.add_phrase(text, entry)
            else:
                self.add_lemma(text, entry)

    def find(self, sent: Sentence) -> list[Hit]:
        """Non-overlapping hits, longest phrase first, in text order."""
        words = sent.lower_words()
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(self._max, len(words) - i), 1, -1):
                entry = self._phrases.get(norm_key(words[i : i + n]))
                if entry is not None:
                    hit = Hit(i, i + n, entry)
                    break
            if hit is None:
                entry = (
                    self._lemmas.get(sent.lemmas[i])
                    or self._lemmas.get(words[i])
                    or self._phrases.get((words[i],))
                )
                if entry is not None and sent.tokens[i].is_word:
                    hit = Hit(i, i + 1, entry)
            if hit is not None:
                hits.append(hit)
                i = hit.last
            else:
                i += 1
        return hits
