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
    return spans
