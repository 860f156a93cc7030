"""What every extractor reads: the document split into sentences of tokens and lemmas."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.kb import KnowledgeBase, norm_key
from newsgraph.lang import pack_data
from newsgraph.lemmas import lemmatize
from newsgraph.model import Document
from newsgraph.text import Token, tokenize


@cache
def _lemmatizer(lang: str) -> Any:
    """The lemma of a word as written, case-folded (remembered by the word as written, so
    that a word seen before costs one look-up)."""

    def lemma(word: str) -> str:
        folded = word.casefold()
        try:
            return lemmatize(folded, lang).casefold()
        except ValueError:  # a language simplemma does not know
            return folded

    return cache(lemma)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    lemmas: tuple[str, ...]
    norm_words: tuple[str, ...]  # tokens as normalised by newsgraph.kb.norm_key
    vocab: frozenset[str]  # the norm_words and lemmas, to tell quickly what may be found
    # each of the vocab -> the tokens with it as word or lemma, in order (for lexicons)
    where: dict[str, list[int]] = field(compare=False)


@dataclass(frozen=True, slots=True)
class DocContext:
    document: Document
    kb: KnowledgeBase
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]  # of the sentences, for bisection

    @property
    def lang(self) -> str:
        return self.document.lang

    @property
    def day(self) -> str | None:
        """The publication day (or month) the text's relative references use."""
        return self.document.published

    def pack(self, stage: str) -> dict[str, Any]:
        return pack_data(self.lang, stage)

    def sentence_at(self, pos: int) -> Sentence | None:
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return self.sentences[k]
        return None


def make_sentence(text: str, *, start: int, lang: str, index: int = 0) -> Sentence:
    """One sentence of tokens and lemmas; ``start`` is its offset in the document."""
    lemma = _lemmatizer(lang if lang != "und" else "en")
    tokens = tuple(tokenize(text, start))
    lemmas = tuple([lemma(t.text) if t.is_word else t.text for t in tokens])
    norm = norm_key([t.text for t in tokens])
    where: dict[str, list[int]] = {}
    for k, (word, lem) in enumerate(zip(norm, lemmas, strict=True)):  # each list sorted
        where.setdefault(word, []).append(k)
        if lem != word:
            where.setdefault(lem, []).append(k)
    return Sentence(
        index, start, start + len(text), text, tokens, lemmas, norm, frozenset(where), where
    )


def build_context(document: Document, kb: KnowledgeBase) -> DocContext:
    sentences = [
        make_sentence(document.text[start:end], start=start, lang=document.lang, index=i)
        for i, (start, end) in enumerate(document.sentences)
    ]
    return DocContext(document, kb, tuple(sentences), tuple(s.start for s in sentences))
