"""Sentence segmentation: spaCy blank pipelines with the rule-based sentencizer.

Each line of the cleaned text is segmented on its own, so headings and
paragraph breaks always end a sentence.  No model is downloaded.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MAX_LINE_CHARS = 2_000_000


@cache
def _nlp(lang: str) -> Any:
    import spacy

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):  # spaCy has no tokenizer rules for it
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LINE_CHARS + 1
    return nlp


def split_sentences(text: str, *, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, trimmed of surrounding spaces."""
    nlp = _nlp(lang if lang != "und" else "xx")
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in nlp(line).sents:
                start, end = pos + sent.start_char, pos + sent.end_char
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    spans.append((start, end))
        pos += len(line) + 1
    return _move_opening_quotes(text, spans)


_QUOTE_CHARS = frozenset('"“«„')


def _move_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation mark that opens the next sentence but was left at the end of this one."""
    fixed = list(spans)
    for k in range(len(fixed) - 1):
        start, end = fixed[k]
        last = text[end - 1]
        if last in _QUOTE_CHARS and (last != '"' or text[start:end].count('"') % 2 == 1):
            nxt_start, nxt_end = fixed[k + 1]
            new_end = end - 1
            while new_end > start and text[new_end - 1].isspace():
                new_end -= 1
            if new_end > start and text[end:nxt_start].strip() == "":
                fixed[k] = (start, new_end)
                fixed[k + 1] = (end - 1, nxt_end)
    return fixed
